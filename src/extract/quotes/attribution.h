// Internal to extract/quotes: reading who says a quote from the words around it.
#ifndef NEWSGRAPH_EXTRACT_QUOTES_ATTRIBUTION_H_
#define NEWSGRAPH_EXTRACT_QUOTES_ATTRIBUTION_H_

#include <string>

#include "extract/quotes/doc_view.h"

namespace newsgraph::extract::quotes {

struct Attribution {
  TokenRange cue;      // "said", "according to"; empty for colon and dash attributions
  TokenRange speaker;  // the words naming the speaker
  bool according = false;
  std::string how;     // "cue after the quote", "colon" ...
  bool found() const { return !speaker.empty(); }
};

// Token i is a dash (- -- — – ―), as in ""..." — Rachel Stein".
bool IsDash(const DocView& view, int i);

// Token i is a speech or cognition verb (lexicon.h).
bool IsCue(const DocView& view, int i);

// The subject of cue verb `cue`: its nsubj, or the nsubj of the verb it is
// coordinated with ("Kim praised ... and said"); -1 when the parse has none.
int CueSubject(const DocView& view, int cue);

// The phrase of subject token `subject` of `cue`, with the name tokens the parse
// left out up to the cue ("Union leader [Frank Moretti] said").
TokenRange SubjectPhrase(const DocView& view, int subject, int cue);

// A title phrase with no name (`r`) grown to the name after its comma, within `window`:
// "said the harbour master, Piet Hollander", "His ally, former mayor Sasa Jankovic, said".
TokenRange WithAppositiveName(const DocView& view, TokenRange r, TokenRange window);

// The speaker of a cue verb inside `window` (tokens of one sentence): the parse's
// subject when it lies in the window, else the words right after the cue ("said
// Peskov") or the phrase before it ("Hugh Hill, a doctor, said" -> "Hugh Hill").
TokenRange CueSpeaker(const DocView& view, int cue, TokenRange window);

// The noun phrase at cue `cue` right after a quote (`window` starts after the
// closing mark), named or not: "the newspaper wrote", "said the 46-year-old".
// Empty when the words are not a plain noun phrase, an object or a time.
TokenRange PlainPhraseAtCue(const DocView& view, int cue, TokenRange window);

// Attribution in the tokens after a quote's closing mark (`window`, up to the
// sentence end): "..., the North Korean leader said", "said Peskov", "— Peskov",
// ", according to X".
// `clause_open`: the quote ended in "," "!" or "?", so the cue may come after a
// long appositive (searched further).
Attribution AttributionAfter(const DocView& view, TokenRange window, bool clause_open = false);

// Attribution in the tokens before a quote's opening mark: "Peskov said", "Peskov
// told reporters:", "Peskov: ", "According to X,".
Attribution AttributionBefore(const DocView& view, TokenRange window);

// Attribution by any verb right after a quote that ends inside its marks with
// "," "!" or "?" (the quote is the verb's object): "..." Ortiz barked, "...!"
// beamed Tom Reyes. Used when no cue word is found; `window` as for AttributionAfter.
Attribution VerbAfter(const DocView& view, TokenRange window);

// The colon after a clause that names its speaker: "Ortiz took a harder line:
// "..."" -> Ortiz. `colon` is the colon token; the subject of the nearest clause
// above the words before it that can name someone; empty when none.
TokenRange ColonClauseSubject(const DocView& view, int colon);

// "according to" at token i: the phrase after it ([i, i+2) is the cue).
bool IsAccordingTo(const DocView& view, int i);
TokenRange AccordingSource(const DocView& view, int i);

}  // namespace newsgraph::extract::quotes

#endif  // NEWSGRAPH_EXTRACT_QUOTES_ATTRIBUTION_H_
