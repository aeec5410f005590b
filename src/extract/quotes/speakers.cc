#include "extract/quotes/speakers.h"

#include <algorithm>
#include <string>

#include "base/strings.h"
#include "extract/quotes/lexicon.h"

namespace newsgraph::extract::quotes {
namespace {

using document::Quote;
using document::Span;

// How far back an antecedent may be: a few paragraphs of news text.
constexpr uint32_t kAntecedentBytes = 1500;

bool IsPerson(const document::Mention& m) { return m.type == "PERSON" || m.type == "PER"; }
bool IsNameLike(const document::Mention& m) {
  return m.kind != "pronoun" && m.kind != "nominal" &&
         (IsPerson(m) || m.type == "ORG" || m.type == "GPE" || m.type == "NORP" || m.type == "LOC");
}

// A possessor inside the speaker's words ("Kim's sister, Kim Yo Jong", "His ally, former
// mayor X", "Texas Air's Continental Airlines unit"): when the phrase names its own head,
// that name speaks; else the possessor stands for it ("Putin's spokesman", "Iraq's war
// spokesman"), as a nationality does for a body.
bool IsPossessor(const DocView& view, const document::Mention& m, Span words) {
  if (m.span.end >= words.end) return false;
  const int next = view.TokenAtOrAfter(m.span.end);
  if (next < view.token_count() && view.tok(next).span.start < words.end && view.IsPossessiveMark(next)) return true;
  if (m.kind != "pronoun") return false;
  const std::string w = base::AsciiLower(view.doc().SpanText(m.span));
  return w == "his" || w == "her" || w == "its" || w == "their" || w == "our" || w == "my" || w == "your";
}

// The mention of `words` that names the speaker: one with an entity first, then the
// one holding the phrase's last name token, then a PERSON, then any name; a possessor last.
int BestMention(const DocView& view, Span words) {
  int best = -1;
  int best_score = -100;
  for (int m : view.MentionsIn(words)) {
    const document::Mention& mention = view.doc().mentions[m];
    int score = IsPossessor(view, mention, words) ? -12 : 1;
    if (IsPerson(mention)) score += 2;
    if (mention.span.end >= words.end) score += 2;
    if (mention.entity >= 0 && mention.entity < static_cast<int>(view.doc().entities.size())) score += 8;
    if (score > best_score) best = m, best_score = score;
  }
  return best;
}

// The latest name mention outside quotes ending before `before`, within
// kAntecedentBytes, that `fits`.
template <typename Fits>
int LatestName(const DocView& view, uint32_t before, Fits fits) {
  const auto& ms = view.doc().mentions;
  auto from = std::lower_bound(ms.begin(), ms.end(), before,
                               [](const document::Mention& m, uint32_t b) { return m.span.start < b; });
  for (size_t k = static_cast<size_t>(from - ms.begin()); k-- > 0;) {
    if (ms[k].span.end > before) continue;
    if (before - ms[k].span.end > kAntecedentBytes) break;
    if (fits(ms[k]) && ms[k].kind != "pronoun" && ms[k].kind != "nominal" &&
        !view.IsQuoted(view.TokenAtOrAfter(ms[k].span.start))) {
      return static_cast<int>(k);
    }
  }
  return -1;
}

int LatestPerson(const DocView& view, uint32_t before) { return LatestName(view, before, IsPerson); }

// "it said": the latest organization or country named.
int LatestBody(const DocView& view, uint32_t before) {
  const int entities = static_cast<int>(view.doc().entities.size());
  return LatestName(view, before, [&](const document::Mention& m) {
    return (m.type == "ORG" || m.type == "GPE") && m.entity >= 0 && m.entity < entities;
  });
}

// Without a PERSON mention (NER missed it, or did not run): the latest subject of a
// clause that is a name ("Kim praised ..."), as name tokens.
TokenRange LatestNamedSubject(const DocView& view, uint32_t before) {
  int i = view.TokenAtOrAfter(before);
  for (int k = i - 1; k >= 0; --k) {
    if (before - view.tok(k).span.end > kAntecedentBytes) break;
    if (view.IsQuoted(k) || view.tok(k).deprel.compare(0, 5, "nsubj") != 0 || !view.IsProperish(k)) continue;
    // A name the NER typed as no person ("VW" of "VW 's works council", parsed as a clause)
    // is no one who speaks.
    bool other_name = false;
    for (int m : view.MentionsIn(view.tok(k).span)) {
      const document::Mention& mention = view.doc().mentions[m];
      other_name = other_name || (mention.kind != "pronoun" && mention.kind != "nominal" && !IsPerson(mention));
    }
    if (other_name) continue;
    TokenRange np = view.NounPhrase(k);
    int e = np.end;
    while (e < view.token_count() && view.IsProperish(e) && e - np.end < 4) ++e;
    int b = k;
    while (b > np.begin && view.IsProperish(b - 1)) --b;
    return {b, e};
  }
  return {};
}

// The longest earlier name that starts or ends with the word(s) `name`: PERSON
// mentions, and runs of name tokens outside quotes ("Peskov" -> "Dmitry Peskov",
// "Kim" -> "Kim Jong-un", "Lula" -> "Lula da Silva"). Candidates come from
// DocView::Names(), built once per document and bounded.
std::string FullName(const DocView& view, const std::string& name, uint32_t before) {
  std::string_view best = name;
  for (const DocView::Name& n : view.Names()) {
    if (n.start >= before) break;
    std::string_view t = n.text;
    if (t.size() <= best.size() || t.size() <= name.size() + 1) continue;
    bool ends = t.substr(t.size() - name.size()) == name && t[t.size() - name.size() - 1] == ' ';
    bool starts = t.substr(0, name.size()) == name && t[name.size()] == ' ';
    if (ends || starts) best = t;
  }
  return std::string(best);
}

void TakeEntity(const DocView& view, int mention, Quote& q) {
  q.speaker_mention = mention;
  int e = view.doc().mentions[mention].entity;
  q.speaker = e;
  q.speaker_name = view.doc().entities[e].name;
}

// "the Armenian defence ministry said": a nationality modifying the speaker's noun
// says whose body spoke, like "Armenia's defence ministry": the country's entity when
// the article names the country, else no entity (the words stay in speaker_span).
// True when `mention` is such a modifier and `q` was set.
bool TakeNationalityOwner(const DocView& view, int mention, Span words, Quote& q) {
  const document::Document& doc = view.doc();
  const document::Mention& m = doc.mentions[mention];
  if (m.type != "NORP" || m.span.end >= words.end) return false;
  const document::Entity& nationality = doc.entities[m.entity];
  // The country itself (its actor code is the country's), else the place that stands for
  // its government ("Moscow", RUSGOV); never a town of it ("Jenin" is no Palestinian body).
  int found = -1;
  for (size_t e = 0; e < doc.entities.size(); ++e) {
    const document::Entity& c = doc.entities[e];
    if (c.type != "GPE" || c.country.empty() || c.country != nationality.country) continue;
    if (c.actor == c.country) {
      found = static_cast<int>(e);
      break;
    }
    if (found < 0 && c.sector == "GOV") found = static_cast<int>(e);
  }
  if (found >= 0) {
    q.speaker = found;
    q.speaker_name = doc.entities[found].name;
    q.reason = "a body of the country its nationality names";
    q.confidence = 0.7f;
    return true;
  }
  q.reason = "unnamed body of a country the article does not name";
  q.confidence = 0.3f;
  return true;
}

// Speaker from an antecedent mention (which may have no entity yet).
void TakeAntecedent(const DocView& view, int mention, Quote& q) {
  const document::Mention& m = view.doc().mentions[mention];
  if (m.entity >= 0 && m.entity < static_cast<int>(view.doc().entities.size())) {
    q.speaker = m.entity;
    q.speaker_name = view.doc().entities[m.entity].name;
  } else {
    q.speaker_name = FullName(view, base::CollapseWhitespace(view.doc().SpanText(m.span)), m.span.start);
  }
}

// The latest person before `before`: a PERSON mention, else a named subject.
bool Antecedent(const DocView& view, uint32_t before, Quote& q) {
  int person = LatestPerson(view, before);
  TokenRange subject = LatestNamedSubject(view, before);
  if (person >= 0 && (subject.empty() || view.doc().mentions[person].span.end >= view.SpanOf(subject).start)) {
    TakeAntecedent(view, person, q);
    return true;
  }
  if (subject.empty()) return false;
  Span ns = view.SpanOf(subject);
  q.speaker_name = FullName(view, base::CollapseWhitespace(view.doc().SpanText(ns)), ns.start);
  return true;
}

// A token of `s`, or the title word right before it, is a clause's subject.
bool IsSubject(const DocView& view, Span s) {
  int b = view.TokenAtOrAfter(s.start);
  for (int i = std::max(0, b - 1); i < view.token_count() && view.tok(i).span.start < s.end; ++i) {
    if (view.tok(i).deprel.compare(0, 5, "nsubj") == 0) return true;
  }
  return false;
}

// The line holding byte b does not end as a sentence does: a heading.
bool InHeading(const DocView& view, uint32_t b) {
  uint32_t e = view.LineEnd(b), s = view.LineStart(b);
  std::string_view text = view.doc().text;
  while (e > s && (text[e - 1] == ' ' || text[e - 1] == '\r')) --e;
  if (e == s) return true;
  char last = text[e - 1];
  return !(last == '.' || last == '!' || last == '?' || last == '"' || last == ')' ||
           (e - s >= 3 && text.substr(e - 3, 3) == "\xE2\x80\x9D"));
}

// A person other than `prev`'s speaker is named between `prev` and `before`
// ("..., Ortiz said. Reyes disagreed; he said ..."): a pronoun then stands for
// the latest person named, not for the previous quote's speaker.
bool OtherPersonSince(const DocView& view, const Quote& prev, uint32_t before) {
  uint32_t from = std::max({prev.span.end, prev.cue.end, prev.speaker_span.end});
  int person = LatestPerson(view, before);
  if (person >= 0 && view.doc().mentions[person].span.start >= from) {
    const document::Mention& m = view.doc().mentions[person];
    if (prev.speaker >= 0 && m.entity == prev.speaker) return false;
    // Only a person who does something (a subject), not one named in passing or in
    // a heading ("Kim's sister among delegates").
    if (!IsSubject(view, m.span) && InHeading(view, m.span.start)) return false;
    return prev.speaker_name.find(base::CollapseWhitespace(view.doc().SpanText(m.span))) == std::string::npos;
  }
  // Without PERSON mentions (no NER): a named subject ("Grower Hanna Berg disagreed").
  TokenRange subject = LatestNamedSubject(view, before);
  if (subject.empty() || view.SpanOf(subject).start < from) return false;
  std::string_view last = view.doc().SpanText(view.tok(subject.end - 1).span);
  return prev.speaker_name.find(last) == std::string::npos;
}

bool IsThirdPersonPronoun(const std::string& w) { return w == "he" || w == "she" || w == "they"; }

// The trailing run of name tokens of `r` ("Kremlin spokesperson Dmitry Peskov" -> "Dmitry Peskov").
TokenRange NameTokens(const DocView& view, TokenRange r) {
  int e = r.end;
  while (e > r.begin && !view.IsProperish(e - 1)) --e;
  int b = e;
  while (b > r.begin && (view.IsProperish(b - 1) || view.tok(b - 1).form == "-")) --b;
  return {b, e};
}

// Drops time words at the edges ("Tuesday", "on Friday"): the parse sometimes
// makes them the subject of a cue.
TokenRange DropTimeWords(const DocView& view, TokenRange r) {
  auto time = [&](int i) {
    static constexpr std::string_view kWords[] = {"monday", "tuesday", "wednesday", "thursday", "friday",
                                                  "saturday", "sunday", "morning", "afternoon", "evening",
                                                  "night", "today", "yesterday", "on", "late", "early"};
    std::string w = view.Lower(i);
    for (std::string_view k : kWords) {
      if (w == k) return true;
    }
    return view.IsPunct(i);
  };
  while (!r.empty() && time(r.begin)) ++r.begin;
  while (!r.empty() && time(r.end - 1)) --r.end;
  return r;
}

}  // namespace

void ResolveSpeaker(const DocView& view, TokenRange words, const std::vector<Quote>& earlier, Quote& q) {
  words = DropTimeWords(view, words);
  if (words.empty()) {
    if (q.reason.empty()) q.reason = "the cue's subject is a time, not a speaker";
    return;
  }
  Span span = view.SpanOf(words);
  q.speaker_span = span;
  int mention = BestMention(view, span);
  const auto& entities = view.doc().entities;
  // "he said" after a quote: the previous speaker or the latest person named outside
  // quotes, read below; coreference may have tied the pronoun to a name inside the quote.
  bool third_person = words.end - words.begin == 1 && IsThirdPersonPronoun(view.Lower(words.begin));
  if (!third_person && mention >= 0 && view.doc().mentions[mention].entity >= 0 &&
      view.doc().mentions[mention].entity < static_cast<int>(entities.size())) {
    if (TakeNationalityOwner(view, mention, span, q)) return;
    TakeEntity(view, mention, q);
    q.confidence = 0.9f;
    return;
  }
  std::string head = view.Lower(words.end - 1);
  bool pronoun = words.end - words.begin == 1 && IsPersonalPronoun(head);
  TokenRange name = NameTokens(view, words);
  if (pronoun) {
    q.speaker_mention = mention;
    const Quote* prev = earlier.empty() ? nullptr : &earlier.back();
    // "it said", "which said": a body, a country or a document, never the latest person
    // ("that" may stand for a person: "Clinton, that said ...").
    bool neuter = head == "it" || head == "this" || head == "which";
    bool prev_fits = prev != nullptr && (!neuter || (prev->speaker >= 0 && prev->speaker < static_cast<int>(entities.size()) &&
                                                     entities[prev->speaker].type != "PERSON"));
    if (prev_fits && !prev->speaker_name.empty() && span.start >= prev->span.end &&
        span.start - prev->span.end <= kAntecedentBytes && !OtherPersonSince(view, *prev, span.start)) {
      q.speaker = prev->speaker;
      q.speaker_name = prev->speaker_name;
      q.reason = "pronoun: speaker of the previous quote";
      q.confidence = 0.75f;
      return;
    }
    if (!neuter && Antecedent(view, span.start, q)) {
      q.reason = "pronoun: latest person named";
      q.confidence = 0.6f;
      return;
    }
    if (int body = neuter ? LatestBody(view, span.start) : -1; body >= 0) {
      TakeAntecedent(view, body, q);
      q.reason = "pronoun: latest organization or country named";
      q.confidence = 0.5f;
      return;
    }
    q.reason = "pronoun without an antecedent";
    return;
  }
  if (name.empty()) {
    std::string first = view.Lower(words.begin);
    bool definite = first == "the" || first == "his" || first == "her" || first == "their" || first == "its";
    if (definite && IsPersonNoun(head)) {
      if (Antecedent(view, span.start, q)) {
        q.reason = "title: latest person named";
        q.confidence = 0.6f;
        return;
      }
    }
    q.reason = "unnamed source";
    q.confidence = 0.3f;
    return;
  }
  if (mention >= 0 && IsNameLike(view.doc().mentions[mention])) {
    q.speaker_mention = mention;
    Span ms = view.doc().mentions[mention].span;
    q.speaker_name = FullName(view, base::CollapseWhitespace(view.doc().SpanText(ms)), ms.start);
  } else {
    Span ns = view.SpanOf(name);
    q.speaker_name = FullName(view, base::CollapseWhitespace(view.doc().SpanText(ns)), ns.start);
  }
  q.reason = "named; no entity holds the name yet";
  q.confidence = 0.85f;
}

void ResolveVia(const DocView& view, TokenRange words, Quote& q) {
  if (words.empty()) return;
  q.via_span = view.SpanOf(words);
  int mention = BestMention(view, q.via_span);
  if (mention >= 0) {
    const document::Mention& m = view.doc().mentions[mention];
    if (m.entity >= 0 && m.entity < static_cast<int>(view.doc().entities.size())) {
      q.via = m.entity;
      q.via_name = view.doc().entities[m.entity].name;
      return;
    }
  }
  // The words from the first name token on ("state-run outlet Russia 1" -> "Russia 1").
  int b = words.begin;
  while (b < words.end && !view.IsProperish(b)) ++b;
  if (b == words.end) b = words.begin;
  q.via_name = base::CollapseWhitespace(view.doc().SpanText(view.SpanOf({b, words.end})));
}

}  // namespace newsgraph::extract::quotes
