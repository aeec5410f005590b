#include "extract/quotes/quotes.h"

#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

#include "extract/quotes/attribution.h"
#include "extract/quotes/doc_view.h"
#include "extract/quotes/lexicon.h"
#include "extract/quotes/marks.h"
#include "extract/quotes/speakers.h"

namespace newsgraph::extract {
namespace {

using document::Quote;
using document::Span;
using quotes::Attribution;
using quotes::DocView;
using quotes::QuotedSpan;
using quotes::TokenRange;

// A quote before its speaker is resolved.
struct Candidate {
  Quote q;
  TokenRange speaker;      // words naming the speaker; empty when none
  TokenRange via;          // words naming the reporting outlet
  std::string how;         // how the attribution was found
  bool continuation = false;
};

// Beyond this many quoted stretches a document is not news prose: the rest are
// ignored so time stays linear in practice (each costs a few sentence scans).
constexpr size_t kMaxQuotes = 2000;
// A quote with no cue continues the previous one only when it is this close.
constexpr uint32_t kContinuationBytes = 600;
// Tokens searched for an attribution before a quote or around a partial one.
constexpr int kMaxWindow = 60;

bool Overlaps(Span a, Span b) { return a.start < b.end && b.start < a.end; }

// "adding", "saying": a participle, as a cue after a comma is written.
bool EndsInIng(std::string_view form) { return form.size() >= 5 && form.substr(form.size() - 3) == "ing"; }

// Words that open a relative clause ("..., in which she advises", "..., who said").
bool IsRelativeWord(std::string_view lower) {
  return lower == "which" || lower == "who" || lower == "whom" || lower == "whose" || lower == "where";
}
uint32_t Overlap(Span a, Span b) {
  uint32_t s = std::max(a.start, b.start), e = std::min(a.end, b.end);
  return e > s ? e - s : 0;
}

class Finder {
 public:
  explicit Finder(document::Document& doc) : doc_(doc), view_(doc) {}

  void Run() {
    std::vector<QuotedSpan> marks = quotes::FindQuotedSpans(doc_.text);
    if (marks.size() > kMaxQuotes) marks.resize(kMaxQuotes);
    for (const QuotedSpan& m : marks) {
      view_.MarkQuoted(m.content);
      quoted_.push_back(m.content);
    }
    for (size_t k = 0; k < marks.size(); ++k) {
      if (InRemoved(marks[k].content)) continue;
      Quoted(marks, k);
    }
    if (!view_.doc().tokens.empty()) {
      Indirect();
      SortCandidates();
      AccordingTo();
    }
    SortCandidates();
    ApplyVias();
    Resolve();
  }

 private:
  void SortCandidates() {
    std::stable_sort(cands_.begin(), cands_.end(),
                     [](const Candidate& a, const Candidate& b) { return a.q.span.start < b.q.span.start; });
  }

  bool InRemoved(Span s) const {
    for (const auto& r : doc_.removed) {
      if (Overlaps(r.span, s)) return true;
    }
    return false;
  }

  // Tokens of the sentence holding token i, clipped to [from, to).
  TokenRange Clip(int i, int from, int to) const {
    TokenRange s = view_.SentenceTokens(view_.SentenceOf(i));
    return {std::max(s.begin, from), std::min(s.end, to)};
  }

  Span CueSpan(TokenRange cue) const { return view_.SpanOf(cue); }

  void Quoted(const std::vector<QuotedSpan>& marks, size_t k) {
    const QuotedSpan& m = marks[k];
    Candidate c;
    c.q.span = m.content;
    int n = view_.token_count();
    int open = view_.TokenAtOrAfter(m.open.start);
    int first = view_.TokenAtOrAfter(m.content.start);
    int after = view_.TokenAtOrAfter(m.close.empty() ? m.content.end : m.close.end);
    if (first >= n || view_.SentenceOf(first) < 0) {
      c.q.kind = "direct";
      c.q.reason = "not analysed: no sentences";
      cands_.push_back(std::move(c));
      return;
    }
    if (open > first) open = first;
    // Neighbouring quotes bound the attribution windows.
    int prev_end = k > 0 ? view_.TokenAtOrAfter(marks[k - 1].close.empty() ? marks[k - 1].content.end
                                                                              : marks[k - 1].close.end)
                         : 0;
    int next_open = k + 1 < marks.size() ? view_.TokenAtOrAfter(marks[k + 1].open.start) : n;
    // Attribution windows stay in the quote's lines: a quote opening a line has
    // nothing before it, whatever the segmenter made of the lines.
    prev_end = std::max(prev_end, view_.TokenAtOrAfter(view_.LineStart(m.open.start)));
    int line_end = view_.TokenAtOrAfter(view_.LineEnd(m.close.empty() ? m.content.end : m.close.start));
    next_open = std::min(next_open, line_end);
    prev_end = std::max(prev_end, open - kMaxWindow);  // bounded work in giant sentences
    TokenRange before = Clip(open, prev_end, open);
    if (open == first && open > 0) before = Clip(open - 1, prev_end, open);  // mark glued to a token
    TokenRange post = after < n ? Clip(after, after, next_open) : TokenRange{};
    if (after < n && view_.SentenceOf(after) != view_.SentenceOf(after > 0 ? after - 1 : 0)) {
      // The segmenter split after the closing mark: the attribution may open the next sentence.
      post = {after, std::min({after + 12, next_open, Clip(after, after, n).end})};
      if (!post.empty() && !quotes::IsCue(view_, post.begin) && !view_.IsProperish(post.begin) &&
          !quotes::IsDash(view_, post.begin) &&
          !std::islower(static_cast<unsigned char>(view_.tok(post.begin).form[0]))) {
        post = {};
      }
    }
    if (!post.empty() && EndsClause(m.content) && !HasVerb(post) && post.end < next_open) {
      // ""...," Rep. Ann Bell (D-Ore.) said": the segmenter ended the sentence at an
      // abbreviation before the cue; the sentence after it finishes the attribution.
      post.end = std::min({next_open, Clip(post.end, post.end, n).end, post.end + 12});
    }
    c.q.kind = IsDirect(m, before, first) ? "direct" : "partial";
    if (c.q.kind == "partial") {
      Attribution a = EndsClause(c.q.span) ? quotes::AttributionAfter(view_, post) : Attribution{};
      if (a.found()) {  // "... people “deserve someone who’s with them,” said the senator"
        c.q.cue = CueSpan(a.cue);
        c.speaker = a.speaker;
        c.how = a.how;
      } else {
        PartialSpeaker(first, view_.TokenAtOrAfter(m.content.end), c);
      }
    } else {
      DirectSpeaker(before, post, open, c);
    }
    cands_.push_back(std::move(c));
  }

  // A direct quote stands as a sentence of its own, or follows a cue or a colon;
  // a partial one is a few words woven into the writer's sentence.
  bool IsDirect(const QuotedSpan& m, TokenRange before, int first) const {
    if (m.paragraphs) return true;
    if (IsTitle(first, view_.TokenAtOrAfter(m.content.end))) return false;
    int last = before.end - 1;
    while (last >= before.begin && view_.IsPunct(last) && view_.tok(last).form != ":" &&
           view_.tok(last).form != ",")
      --last;
    if (last < before.begin) return true;  // opens the sentence
    std::string lw = view_.Lower(last);
    if (lw == ":") return true;
    if (lw == ",") {
      for (int i = last - 1; i >= before.begin && i >= last - 6; --i) {
        if (quotes::IsCue(view_, i)) return true;
      }
      return false;
    }
    if (quotes::IsCue(view_, last)) {
      // "said "..."" quotes a statement; "expressed "..."" weaves a phrase in.
      return quotes::TakesContentClause(quotes::CueLemma(view_.tok(last).form, view_.tok(last).lemma));
    }
    // A quote holding several sentences is not woven into one.
    return view_.SentenceOf(first) != view_.SentenceOf(view_.TokenAtOrAfter(m.content.end) - 1) &&
           std::isupper(static_cast<unsigned char>(doc_.text[m.content.start]));
  }

  // A name in quotes ("Broad City", "Orange is the New Black"): a few words, the
  // content ones capitalised, no sentence punctuation. Titles and nicknames, not statements.
  bool IsTitle(int first, int end) const {
    int words = 0;
    for (int i = first; i < end && i < view_.token_count(); ++i) {
      const std::string& f = view_.tok(i).form;
      if (f == "." || f == "!" || f == "?" || f == ",") return false;
      if (view_.IsPunct(i)) continue;
      ++words;
      bool small = f.size() <= 3 && std::islower(static_cast<unsigned char>(f[0]));  // of, the, is
      if (!small && !std::isupper(static_cast<unsigned char>(f[0])) && !std::isdigit(static_cast<unsigned char>(f[0])))
        return false;
    }
    return words >= 1 && words <= 6;
  }

  void DirectSpeaker(TokenRange before, TokenRange post, int open, Candidate& c) {
    Attribution a = quotes::AttributionAfter(view_, post, EndsClause(c.q.span));
    Attribution b = quotes::AttributionBefore(view_, before);
    if (a.according && b.found()) {
      c.via = a.speaker;  // "X said "...", according to outlet Y"
      a = Attribution{};
    }
    if (!a.found() && !b.found() && before.empty() && open > 0) {
      // "Peskov said:" closing the previous sentence or paragraph.
      int prev = open - 1;
      while (prev >= 0 && view_.IsPunct(prev) && view_.tok(prev).form != ":") --prev;
      if (prev >= 0 && view_.tok(prev).form == ":") {
        b = quotes::AttributionBefore(view_, Clip(prev, 0, prev + 1));
      }
    }
    if (!a.found() && !b.found() && a.cue.empty() && EndsClause(c.q.span)) {
      a = quotes::VerbAfter(view_, post);  // ""Go back," Ortiz barked"
    }
    // "Trump boasted, "That makes me smart." Trump was defensive ... an architect who said":
    // a quote that ends its sentence, introduced by a cue before it, is that cue's; a cue
    // after it counts only right after it ("... smart." Trump said.).
    const bool after_is_near = a.cue.empty() || a.cue.begin <= post.begin + 3;
    if (a.found() && b.found() && !EndsClause(c.q.span) && !after_is_near) a = Attribution{};
    const Attribution& use = a.found() ? a : b;
    if (use.found() || !use.cue.empty()) {
      c.q.cue = CueSpan(use.cue);
      c.speaker = use.speaker;
      c.how = use.how;
      if (!use.found()) c.q.reason = "cue without a subject";
      return;
    }
    c.continuation = true;
  }

  bool RightAfterQuote(int t) const {
    int p = t - 1;
    while (p >= 0 && t - p <= 3 && view_.IsPunct(p) && !view_.IsQuoted(p)) --p;
    return p >= 0 && view_.IsQuoted(p);
  }

  // The cue has an object or an indirect object of its own ("told reporters").
  bool HasHearer(int t) const { return view_.Child(t, "obj") >= 0 || view_.Child(t, "iobj") >= 0; }

  // The clause has "that" as its marker ("tells MSNBC's 'Morning Joe' on Friday that ...",
  // parsed with the hearer inside the clause).
  bool HasThatMark(TokenRange r) const {
    for (int i = r.begin; i < r.end && i < r.begin + kMaxWindow; ++i) {
      if (view_.Lower(i) == "that" && view_.tok(i).deprel == "mark") return true;
    }
    return false;
  }

  bool HasVerb(TokenRange r) const {
    for (int i = r.begin; i < r.end; ++i) {
      if (view_.IsVerb(i)) return true;
    }
    return false;
  }

  // The quoted words end with "," "!" or "?": the writer's sentence goes on after them.
  bool EndsClause(Span content) const {
    // Past the closing marks of a quote inside the quote: "... to help,’".
    uint32_t e = content.end;
    while (e > content.start && content.end - e < 9) {
      char c = doc_.text[e - 1];
      if (c == '\'' || c == '"') {
        --e;
      } else if (e - content.start >= 3 && doc_.text.compare(e - 3, 2, "\xE2\x80") == 0 &&
                 (static_cast<unsigned char>(c) == 0x99 || static_cast<unsigned char>(c) == 0x9D)) {
        e -= 3;  // ’ ”
      } else {
        break;
      }
    }
    if (e <= content.start) return false;
    char last = doc_.text[e - 1];
    return last == ',' || last == '!' || last == '?';
  }

  // A person's name (an entity mention) ends right before token t.
  bool PersonNameEndsAt(int t) const {
    const document::Span before = view_.tok(t - 1).span;
    for (int m : view_.MentionsIn(before)) {
      const document::Mention& mention = view_.doc().mentions[m];
      if (mention.span.end == before.end && mention.type == "PERSON" && mention.kind == "name") return true;
    }
    return false;
  }

  // The speaker of words quoted inside the writer's sentence: climbing the parse from
  // the quote, the subject of the first cue verb, else of the nearest clause.
  void PartialSpeaker(int first, int end, Candidate& c) {
    int qhead = -1;
    for (int i = first; i < end && i < view_.token_count(); ++i) {
      int h = view_.Head(i);
      if (h < first || h >= end) {
        qhead = i;
        break;
      }
    }
    int nearest = -1, any = -1;
    int a = qhead;  // the quote's own clause first: "the ruling "will force us ...""
    for (int depth = 0; a >= 0 && depth < 12; a = view_.Head(a), ++depth) {
      int s = quotes::CueSubject(view_, a);  // never a quoted word
      if (quotes::IsCue(view_, a) && s >= 0) {
        c.q.cue = view_.tok(a).span;
        c.speaker = quotes::SubjectPhrase(view_, s, a);
        c.how = "subject of the cue around the quote";
        return;
      }
      // "Albanese called it "a milestone"" with the name mistagged as an adverb: a clause
      // with no subject and a person's name right before its verb.
      const bool named_before = s < 0 && depth <= 1 && view_.IsVerb(a) && a > 0 && PersonNameEndsAt(a);
      if (named_before) s = a - 1;
      if (s >= 0 && nearest < 0 && (named_before || NamesSomeone(s))) nearest = s;
      if (s >= 0 && any < 0 && !IsExpletive(s)) any = s;
      // A clause with its own subject that is not reported speech (", while Kim
      // extended ...") owns the quote: stop before a cue further up claims it.
      const std::string& rel = view_.tok(a).deprel;
      if (nearest >= 0 && rel != "ccomp" && rel != "xcomp" && rel != "conj") break;
    }
    int left = LeftCue(first);
    if (left >= 0 && (nearest < 0 || nearest > left)) {
      // "Patrick told backers that Cruz has “taken every punch”": a parse that missed
      // the content clause; the quote sits in the clause the cue opens.
      c.q.cue = view_.tok(left).span;
      c.speaker = quotes::SubjectPhrase(view_, quotes::CueSubject(view_, left), left);
      c.how = "subject of the cue before the quote";
      return;
    }
    if (nearest >= 0) {
      c.speaker = quotes::SubjectPhrase(view_, nearest, view_.Head(nearest));
      c.how = "subject of the clause holding the quote";
      return;
    }
    // The parse gave no path: "according to X" before the quote, else the first cue
    // of the sentence outside quotes.
    TokenRange sent = view_.SentenceTokens(view_.SentenceOf(first));
    sent = {std::max(sent.begin, first - kMaxWindow), std::min(sent.end, end + kMaxWindow)};
    for (int t = sent.begin; t + 1 < first; ++t) {
      if (!quotes::IsAccordingTo(view_, t)) continue;
      TokenRange source = quotes::AccordingSource(view_, t);
      if (source.empty() || source.end > first) continue;
      c.q.cue = view_.SpanOf({t, t + 2});
      c.speaker = source;
      c.how = "according to";
      return;
    }
    for (int t = sent.begin; t < sent.end; ++t) {
      int s = view_.IsQuoted(t) ? -1 : quotes::CueSubject(view_, t);
      if (s >= 0 && quotes::IsCue(view_, t)) {
        c.q.cue = view_.tok(t).span;
        c.speaker = quotes::SubjectPhrase(view_, s, t);
        c.how = "subject of a cue in the sentence";
        return;
      }
    }
    if (any >= 0) {  // "the protesters chanted “...”": a group or a document, unnamed
      c.speaker = quotes::SubjectPhrase(view_, any, view_.Head(any));
      c.how = "subject of the clause holding the quote";
      return;
    }
    c.q.reason = "no subject found for the quoted words";
  }

  // The nearest cue before token `first` in its sentence whose clause runs on to
  // `first`: a cue verb with a subject, and between them no quote, comma, colon,
  // semicolon, dash or conjunction other than "that" (", while Kim extended “…”"
  // is Kim's). -1 when none.
  int LeftCue(int first) const {
    TokenRange sent = view_.SentenceTokens(view_.SentenceOf(first));
    for (int t = first - 1; t >= sent.begin && t >= first - kMaxWindow / 2; --t) {
      if (view_.IsQuoted(t)) return -1;
      const std::string& f = view_.tok(t).form;
      if (f == "," || f == ";" || f == ":" || quotes::IsDash(view_, t)) return -1;
      const std::string& u = view_.tok(t).upos;
      if ((u == "CCONJ" || u == "SCONJ") && view_.Lower(t) != "that") return -1;
      if (!quotes::IsCue(view_, t)) continue;
      int s = quotes::CueSubject(view_, t);
      return s >= 0 && !view_.IsQuoted(s) && NamesSomeone(s) ? t : -1;
    }
    return -1;
  }

  // "it", "there", "this", "what": a subject that names nothing.
  bool IsExpletive(int s) const {
    std::string w = view_.Lower(s);
    return w == "it" || w == "there" || w == "this" || w == "that" || w == "what" || w == "which";
  }

  // A subject that can be a speaker: a name, a pronoun, a person noun ("the balloons" cannot).
  bool NamesSomeone(int s) const {
    if (view_.IsProperish(s) || view_.tok(s).upos == "PRON") return true;
    TokenRange np = view_.NounPhrase(s);
    for (int i = np.begin; i < np.end; ++i) {
      if (view_.IsProperish(i) || quotes::IsPersonNoun(view_.Lower(i))) return true;
    }
    return false;
  }

  // "Putin said the location was chosen ...": a cue verb with a content clause.
  void Indirect() {
    for (int t = 0; t < view_.token_count(); ++t) {
      if (!quotes::IsCue(view_, t)) continue;
      std::string_view lemma = quotes::CueLemma(view_.tok(t).form, view_.tok(t).lemma);
      if (!quotes::TakesContentClause(lemma)) continue;
      TokenRange closing_speaker;
      TokenRange content = ClosingReport(t, closing_speaker);
      const bool closing = !closing_speaker.empty();
      if (!closing) content = ContentOf(t);
      if (!closing && RelativeBetween(content.end, t)) continue;  // "..., in which she advises X"
      if (content.empty()) content = ParticipleContent(t);
      content = SkipDateline(content);
      if (content.end - content.begin < 3) continue;
      Span cs = view_.SpanOf(content);
      if (InQuote(view_.tok(t).span) || MostlyQuoted(cs)) continue;
      // A clause that opens inside a quote is that quote, attributed by the cue as a
      // direct one ("\"We will not accept this,\" the spokesman said", parsed with
      // "accept" the cue's ccomp and the speaker's words inside it).
      if (view_.IsQuoted(content.begin)) continue;
      int subject = closing ? -1 : quotes::CueSubject(view_, t);
      // ""...," said the 41-year-old": a cue right after a quote attributes the quote;
      // the words after it are its speaker, not a clause.
      if (!closing && subject < 0 && RightAfterQuote(t)) continue;
      TokenRange speaker = closing ? closing_speaker
                                   : subject >= 0 ? quotes::SubjectPhrase(view_, subject, t) : TokenRange{};
      if (!closing && subject >= 0 && subject < t) {
        speaker = quotes::WithAppositiveName(view_, speaker, {speaker.begin, t});  // "His ally, former mayor X, said"
      }
      // "Melia told thousands of supporters gathered outside parliament": "told" with no
      // hearer of its own and a clause whose subject comes right after it was parsed with
      // the hearer as that subject; what follows is no thing said.
      if (!closing && lemma == "tell" && content.begin == t + 1 && !HasHearer(t) && !HasThatMark(content)) continue;
      if (speaker.empty()) speaker = SpeakerOfParticiple(t);
      if (Reports(lemma, speaker) && HasAttribution(content)) {
        vias_.push_back({cs, speaker});
        continue;
      }
      Candidate c;
      c.q.kind = "indirect";
      c.q.span = cs;
      c.q.cue = view_.tok(t).span;
      c.speaker = speaker;
      c.how = "subject of the cue";
      if (speaker.empty()) c.q.reason = "cue without a subject";
      cands_.push_back(std::move(c));
    }
  }

  // A relative word between a clause and a cue after it ("She took a post as counsellor, in
  // which she advises the mayor"): the cue is in a relative clause and reports nothing.
  bool RelativeBetween(int from, int cue) const {
    if (from >= cue || cue - from > kMaxWindow) return false;
    for (int i = from; i < cue; ++i) {
      if (IsRelativeWord(view_.Lower(i))) return true;
    }
    return false;
  }

  // ", adding that", ", saying": a cue's participle after a comma.
  bool IsParticipleAfterComma(int t) const {
    return t > 0 && view_.tok(t - 1).form == "," && EndsInIng(view_.tok(t).form);
  }

  // "..., adding that talks had begun.": when the parse gives such a participle no clause,
  // the rest of its sentence is what it adds, if it is a finite clause of the writer's words.
  TokenRange ParticipleContent(int t) const {
    if (!IsParticipleAfterComma(t)) return {};
    TokenRange r{t + 1, view_.SentenceTokens(view_.SentenceOf(t)).end};
    while (!r.empty() && view_.IsPunct(r.end - 1)) --r.end;
    if (!r.empty() && view_.Lower(r.begin) == "that") ++r.begin;
    return IsReportedClause(r) ? r : TokenRange{};
  }

  // "..., Health Minister Raj Patel said, adding that supplies were sufficient": a cue's
  // participle after a comma speaks with the voice of the cue before it in the sentence.
  TokenRange SpeakerOfParticiple(int t) const {
    if (!IsParticipleAfterComma(t)) return {};
    const int sentence = view_.SentenceOf(t);
    int nearest = -1;
    TokenRange speaker;
    for (const Candidate& c : cands_) {  // direct quotes first, then the indirect ones so far
      if (c.q.cue.empty() || c.speaker.empty()) continue;
      const int cue = view_.TokenAtOrAfter(c.q.cue.start);
      if (cue < t && cue > nearest && view_.SentenceOf(cue) == sentence) nearest = cue, speaker = c.speaker;
    }
    return speaker;
  }

  // "The strike will end on Friday, airline spokesman Marco Bruni said.", "..., police said on
  // Tuesday", "..., said Helen Marsh, the chief executive": a reporting clause closing its
  // sentence after a comma, the commonest shape of news attribution. Read from the words, not
  // the parse, which often hangs such a cue on a word of the clause it reports (EWT and GUM
  // hold few of them). The finite clause before the comma is the content, the nominal words
  // between the comma and the cue (or after a cue that follows the comma) the speaker. After
  // the cue only a time or a prepositional phrase may follow ("on Monday", "in a statement";
  // "reporters" after "told"), up to the sentence's end or ", adding ...". Returns the content
  // and sets `speaker`; both empty when the sentence has no such shape.
  TokenRange ClosingReport(int t, TokenRange& speaker) const {
    speaker = {};
    const document::Token& cue = view_.tok(t);
    if (cue.upos != "VERB" || cue.form.empty() || !std::islower(static_cast<unsigned char>(cue.form[0]))) return {};
    const TokenRange sentence = view_.SentenceTokens(view_.SentenceOf(t));
    int end = sentence.end;
    while (end > t + 1 && view_.IsPunct(end - 1) && view_.tok(end - 1).form != ",") --end;
    int tail_end = t + 1;
    while (tail_end < end && view_.tok(tail_end).form != ",") ++tail_end;
    if (tail_end < end) {  // a comma: only ", adding ...", ", citing ..." or ", as ..." may follow
      const document::Token& next = view_.tok(tail_end + 1 < end ? tail_end + 1 : tail_end);
      const bool participle = EndsInIng(next.form) && !quotes::CueLemma(next.form, next.lemma).empty();
      // "..., health officials said, as mediators pressed ...": the writer's own clause goes on.
      const bool adverbial = next.upos == "SCONJ" && IsAdverbialSubordinator(view_.Lower(tail_end + 1 < end ? tail_end + 1 : tail_end));
      // "..., the health ministry said, in the deadliest day since ...": the writer's comment.
      const std::string after = view_.Lower(tail_end + 1 < end ? tail_end + 1 : tail_end);
      const bool comment = next.upos == "ADP" && (after == "in" || after == "amid" || after == "despite");
      if (!participle && !adverbial && !comment) return {};
    }
    int comma = t - 1;
    if (comma > sentence.begin && view_.tok(comma).form == ",") {
      speaker = {t + 1, tail_end};  // "..., said Helen Marsh, the company's chief executive."
    } else {
      if (!ReportTail({t + 1, tail_end}, quotes::CueLemma(cue.form, cue.lemma) == "tell")) return {};
      while (comma > sentence.begin && view_.tok(comma).form != "," && t - comma <= kMaxSpeakerWords) --comma;
      if (comma <= sentence.begin || view_.tok(comma).form != ",") return {};
      speaker = {comma + 1, t};
    }
    TokenRange content{sentence.begin, comma};
    while (!content.empty() && view_.IsPunct(content.begin)) ++content.begin;
    if (!IsSpeakerPhrase(speaker) || !IsReportedClause(content)) {
      speaker = {};
      return {};
    }
    return content;
  }

  // Words of a speaker in a closing reporting clause: at most kMaxSpeakerWords, no verb, no
  // punctuation, no relative word or preposition first ("in which she advises ..."), ending in
  // a noun, a name or a pronoun.
  static constexpr int kMaxSpeakerWords = 12;
  bool IsSpeakerPhrase(TokenRange r) const {
    if (r.empty() || r.end - r.begin > kMaxSpeakerWords) return false;
    for (int i = r.begin; i < r.end; ++i) {
      const std::string lower = view_.Lower(i);
      if (view_.IsVerb(i) || view_.IsPunct(i) || IsRelativeWord(lower) || lower == "that") return false;
    }
    const std::string& first = view_.tok(r.begin).upos;
    const std::string& last = view_.tok(r.end - 1).upos;
    return first != "ADP" && first != "SCONJ" && (last == "NOUN" || last == "PROPN" || last == "PRON");
  }

  // What may follow a closing cue: nothing, a prepositional phrase ("in a statement", "of the
  // plan"), a time ("on Tuesday", "late on Monday", "yesterday"), or after "told" its hearer
  // ("reporters", "a news conference"). An object ("declared bankruptcy") is no such tail.
  bool ReportTail(TokenRange r, bool tell) const {
    if (r.empty()) return true;
    if (r.end - r.begin > kMaxSpeakerWords) return false;
    for (int i = r.begin; i < r.end; ++i) {
      if (view_.IsVerb(i) || view_.IsPunct(i)) return false;
    }
    static constexpr std::string_view kTimes[] = {"yesterday", "today", "tonight", "earlier", "later", "late",
                                                   "last", "this", "monday", "tuesday", "wednesday", "thursday",
                                                   "friday", "saturday", "sunday"};
    const std::string first = view_.Lower(r.begin);
    return tell || view_.tok(r.begin).upos == "ADP" ||
           std::find(std::begin(kTimes), std::end(kTimes), first) != std::end(kTimes);
  }

  // Words that open an adverbial clause: never what a speech verb reports.
  static bool IsAdverbialSubordinator(std::string_view lower) {
    static constexpr std::string_view kWords[] = {"as", "while", "after", "before", "when", "because",
                                                  "since", "although", "though", "until", "once", "whereas"};
    return std::find(std::begin(kWords), std::end(kWords), lower) != std::end(kWords);
  }

  // The content of a closing reporting clause: a finite clause of the writer's own words,
  // not a subordinate clause ("But when Congress cut funding ..., Mexico said enough") and
  // not a direct quote, which the quote marks attribute.
  bool IsReportedClause(TokenRange r) const {
    if (r.end - r.begin < 3) return false;
    int first = r.begin;
    while (first < r.end && view_.tok(first).upos == "CCONJ") ++first;
    static constexpr std::string_view kSubordinators[] = {"when", "if", "as", "because", "while", "although",
                                                          "though", "since", "after", "before", "unless",
                                                          "until", "whether", "once"};
    const std::string lower = view_.Lower(first);
    if (view_.tok(first).upos == "SCONJ" ||
        std::find(std::begin(kSubordinators), std::end(kSubordinators), lower) != std::end(kSubordinators)) {
      return false;
    }
    bool finite = false;
    for (int i = r.begin; i < r.end; ++i) {
      const std::string& form = view_.tok(i).form;
      if (view_.IsQuoted(i) || form == "\"" || form == "''" || form == "``" || form == "\u201c" ||
          form == "\u201d") {
        return false;
      }
      const std::string& xpos = view_.tok(i).xpos;
      finite = finite || xpos == "VBD" || xpos == "VBZ" || xpos == "VBP" || xpos == "MD";
      // "Israeli airstrikes killed ..." tagged VBN: a participle with a subject of its own
      // and no auxiliary is the past tense the tagger missed.
      finite = finite || (xpos == "VBN" && view_.Child(i, "nsubj") >= 0 && view_.Child(i, "nsubj:pass") < 0 &&
                          view_.Child(i, "aux") < 0);
    }
    if (!finite) {
      // Whatever the parse: the clause's first verb, a bare past participle right after a
      // noun ("Israeli air strikes killed at least 12 people ..."), is its past tense.
      for (int i = r.begin + 1; i < r.end; ++i) {
        if (view_.tok(i).upos != "VERB" && view_.tok(i).upos != "AUX") continue;
        const std::string& before = view_.tok(i - 1).upos;
        finite = view_.tok(i).xpos == "VBN" && (before == "NOUN" || before == "PROPN");
        break;
      }
    }
    return finite;
  }

  // "KHARTOUM, Aug. 23 — A convoy reached ...": a dateline opening the content is where
  // the story was filed, not what was said; the content starts after its dash.
  TokenRange SkipDateline(TokenRange r) const {
    if (r.end - r.begin < 4) return r;
    std::string_view first = view_.tok(r.begin).form;
    bool caps = first.size() >= 3;
    for (char ch : first) caps = caps && !(ch >= 'a' && ch <= 'z');
    if (!caps || !(first[0] >= 'A' && first[0] <= 'Z')) return r;
    for (int i = r.begin + 1; i < r.end - 2 && i <= r.begin + 8; ++i) {
      std::string_view f = view_.tok(i).form;
      if (f == "\u2014" || f == "\u2013" || f == "--" || f == "-") return TokenRange{i + 1, r.end};
      if (f.empty() || (f[0] >= 'a' && f[0] <= 'z')) return r;  // running text: no dateline
    }
    return r;
  }

  // The content clause of cue t: its ccomp, or the clause it is a parenthetical to
  // ("The dialogue centred on defence, Peskov said").
  TokenRange ContentOf(int t) const {
    int cc = view_.ContentChild(t);  // the clause after the cue first
    TokenRange r;
    if (cc > t) {
      // "..., the Chinese leader said, according to state broadcaster CCTV": a source the
      // parse hung on the cue is no content.
      r = view_.Subtree(cc);
      int first = r.begin;
      while (first < r.end && view_.IsPunct(first)) ++first;
      if (first < r.end && quotes::IsAccordingTo(view_, first)) return {};
      return r;
    }
    if (cc >= 0) {
      r = view_.Subtree(cc);  // "The strike will end on Friday, the spokesman said"
    } else if (view_.tok(t).deprel == "parataxis" && view_.Head(t) >= 0 && view_.Head(t) < t) {
      // "The strike will end, he said" parsed with the cue as a parenthetical. A cue that
      // closes its sentence comments on all of it, even when the parse hangs it on an
      // embedded clause ("Putin said X as Moscow planned Y, RIA Novosti reported").
      int top = view_.Head(t);
      TokenRange sentence = view_.SentenceTokens(view_.SentenceOf(t));
      int last = view_.Subtree(t).end;
      while (last < sentence.end && view_.IsPunct(last)) ++last;
      if (last >= sentence.end) {
        while (view_.Head(top) >= 0 && view_.Head(top) < t) top = view_.Head(top);
      }
      r = {view_.Subtree(top).begin, view_.Subtree(t).begin};
    } else {
      return {};
    }
    r.end = std::min(r.end, view_.Subtree(t).begin > r.begin ? view_.Subtree(t).begin : r.end);
    while (!r.empty() && view_.IsPunct(r.end - 1)) --r.end;
    while (!r.empty() && view_.IsPunct(r.begin)) ++r.begin;
    return r;
  }

  bool Reports(std::string_view lemma, TokenRange speaker) const {
    if (lemma == "report") return true;
    if (speaker.empty() || !quotes::IsReportingCue(lemma)) return false;
    for (int i = speaker.begin; i < speaker.end; ++i) {
      if (quotes::IsOutletNoun(view_.Lower(i))) return true;
    }
    return false;
  }

  bool HasAttribution(TokenRange r) const {
    for (int i = r.begin; i < r.end && i < r.begin + 4 * kMaxWindow; ++i) {
      if (quotes::IsCue(view_, i) && quotes::CueSubject(view_, i) >= 0) return true;
    }
    return false;
  }

  // Inside a quote's words (the quoted-token mask of the view).
  bool InQuote(Span s) const { return view_.IsQuoted(view_.TokenAtOrAfter(s.start)); }

  // More than half of `s` is quoted words (quoted_ is sorted and non-overlapping).
  bool MostlyQuoted(Span s) const {
    auto it = std::lower_bound(quoted_.begin(), quoted_.end(), s.start,
                               [](Span q, uint32_t x) { return q.end <= x; });
    uint32_t covered = 0;
    for (; it != quoted_.end() && it->start < s.end; ++it) covered += Overlap(*it, s);
    return 2 * covered > s.size();
  }

  // Calls f on each candidate whose span overlaps `s`; cands_ must be sorted by start.
  template <typename F>
  void ForOverlapping(Span s, F f) {
    auto it = std::lower_bound(cands_.begin(), cands_.end(), s.end,
                               [](const Candidate& c, uint32_t x) { return c.q.span.start < x; });
    // Walk back over candidates starting before s.end; a long quote may start well
    // before s, so stop only after a bounded number of misses.
    int misses = 0;
    while (it != cands_.begin() && misses < 32) {
      --it;
      if (Overlaps(it->q.span, s)) {
        f(*it);
      } else {
        ++misses;
      }
    }
  }

  // "according to X" in a sentence with no other attribution: an indirect quote of
  // the rest of the sentence; with one, X is the outlet that reported it.
  void AccordingTo() {
    for (int t = 0; t + 1 < view_.token_count(); ++t) {
      if (!quotes::IsAccordingTo(view_, t) || InQuote(view_.tok(t).span)) continue;
      TokenRange source = quotes::AccordingSource(view_, t);
      if (source.empty()) continue;
      TokenRange sent = view_.SentenceTokens(view_.SentenceOf(t));
      sent = {std::max(sent.begin, t - kMaxWindow), std::min(sent.end, t + kMaxWindow)};  // bounded
      Span ss = view_.SpanOf(sent);
      // With a speaker already in the sentence, X is the outlet that reported it,
      // unless X is that speaker ("..., according to inspector Dubois, who said ...").
      bool attributed = false, same = false;
      std::string_view last = doc_.SpanText(view_.tok(source.end - 1).span);
      ForOverlapping(ss, [&](const Candidate& c) {
        if (c.speaker.empty()) return;
        attributed = true;
        same = same || doc_.SpanText(view_.tok(c.speaker.end - 1).span) == last;
      });
      if (attributed && !same) {
        vias_.push_back({ss, source});
        continue;
      }
      TokenRange content = t > sent.begin + 2 ? TokenRange{sent.begin, t} : TokenRange{source.end, sent.end};
      while (!content.empty() && view_.IsPunct(content.end - 1)) --content.end;
      while (!content.empty() && view_.IsPunct(content.begin)) ++content.begin;
      content = SkipDateline(content);
      if (content.end - content.begin < 3 || MostlyQuoted(view_.SpanOf(content))) continue;
      Candidate c;
      c.q.kind = "indirect";
      c.q.span = view_.SpanOf(content);
      c.q.cue = view_.SpanOf({t, t + 2});
      c.speaker = source;
      c.how = "according to";
      cands_.push_back(std::move(c));
    }
  }

  void ApplyVias() {
    for (const auto& via : vias_) {
      // Not a structured binding: clang 14 (the fuzz build) cannot capture one.
      ForOverlapping(via.first, [&](Candidate& c) {
        if (c.via.empty()) c.via = via.second;
      });
    }
  }

  // Speakers in text order, so pronouns and continuations see the quotes before them.
  void Resolve() {
    std::vector<Quote> done;
    done.reserve(cands_.size());
    for (Candidate& c : cands_) {
      Quote& q = c.q;
      if (!c.speaker.empty()) {
        quotes::ResolveSpeaker(view_, c.speaker, done, q);
        if (q.reason.empty()) q.reason = c.how;
        else q.reason = c.how + "; " + q.reason;
      } else if (c.continuation) {
        Continue(done, q);
      }
      if (!c.via.empty()) quotes::ResolveVia(view_, c.via, q);
      if (q.reason.empty()) q.reason = "no attribution found";
      done.push_back(q);
    }
    doc_.quotes = std::move(done);
  }

  // A direct quote with no cue: the previous quote's speaker, when it is close and no
  // other attribution comes between them.
  void Continue(const std::vector<Quote>& done, Quote& q) {
    const Quote* prev = nullptr;
    for (size_t k = done.size(); k-- > 0;) {
      if (done[k].kind == "indirect" && done[k].speaker_span.empty()) continue;  // a cue without a subject
      if (done[k].kind != "indirect" || done[k].span.end <= q.span.start) {
        prev = &done[k];
        break;
      }
    }
    if (prev == nullptr || (prev->speaker_name.empty() && prev->speaker < 0 && prev->speaker_span.empty())) {
      q.reason = "no cue and no earlier speaker";
      return;
    }
    uint32_t from = std::max({prev->span.end, prev->cue.end, prev->speaker_span.end});
    if (q.span.start < from || q.span.start - from > kContinuationBytes) {
      q.reason = "no cue; the previous quote is too far";
      return;
    }
    for (int i = view_.TokenAtOrAfter(from); i < view_.token_count() && view_.tok(i).span.end < q.span.start; ++i) {
      if (view_.IsQuoted(i)) continue;
      if (quotes::IsCue(view_, i) && quotes::CueSubject(view_, i) >= 0) {
        q.reason = "no cue; another attribution comes between";
        return;
      }
      // Another person doing something in between: the quote may be theirs.
      if (view_.tok(i).deprel.compare(0, 5, "nsubj") == 0 && view_.IsProperish(i) &&
          prev->speaker_name.find(view_.tok(i).form) == std::string::npos) {
        q.reason = "no cue; another person comes between";
        return;
      }
    }
    q.speaker = prev->speaker;
    q.speaker_mention = prev->speaker_mention;
    q.speaker_span = prev->speaker_span;
    q.speaker_name = prev->speaker_name;
    q.confidence = std::min(prev->confidence, 0.7f);
    q.reason = "continuation of the previous quote";
  }

  document::Document& doc_;
  DocView view_;
  std::vector<Candidate> cands_;
  std::vector<std::pair<Span, TokenRange>> vias_;
  std::vector<Span> quoted_;  // contents of the quoted stretches, in text order
};

}  // namespace

void FindQuotes(document::Document& doc) {
  doc.quotes.clear();
  if (doc.skipped || doc.text.empty()) return;
  Finder(doc).Run();
}

}  // namespace newsgraph::extract
