#include "extract/quotes/attribution.h"

#include <algorithm>

#include "extract/quotes/lexicon.h"

namespace newsgraph::extract::quotes {
namespace {

constexpr int kMaxPhrase = 8;

}  // namespace

bool IsDash(const DocView& view, int i) {
  const std::string& f = view.tok(i).form;
  // - -- — – ―
  return f == "-" || f == "--" || f == "\xE2\x80\x94" || f == "\xE2\x80\x93" || f == "\xE2\x80\x95";
}

namespace {

bool Inside(TokenRange r, int i) { return i >= r.begin && i < r.end; }

bool IsTimeWord(const std::string& w);

// Drops a leading "," and adverbs like "later" from a phrase found by tags.
TokenRange Trim(const DocView& view, TokenRange r) {
  while (!r.empty() && (view.IsPunct(r.begin) || view.tok(r.begin).upos == "ADV" || view.tok(r.begin).upos == "CCONJ"))
    ++r.begin;
  while (!r.empty() && (view.IsPunct(r.end - 1) || view.tok(r.end - 1).upos == "ADV")) --r.end;
  return r;
}

}  // namespace

bool IsCue(const DocView& view, int i) {
  // A cue is a verb (or an untagged word); "says" tagged as a noun is not.
  const document::Token& t = view.tok(i);
  if (!t.upos.empty() && t.upos != "VERB" && t.upos != "AUX") return false;
  return !CueLemma(t.form, t.lemma).empty();
}

bool IsAccordingTo(const DocView& view, int i) {
  return i + 1 < view.token_count() && view.Lower(i) == "according" && view.Lower(i + 1) == "to";
}

TokenRange AccordingSource(const DocView& view, int i) {
  int first = i + 2;
  if (first >= view.token_count() || view.SentenceOf(first) != view.SentenceOf(i)) return {};
  // The parse makes the source the head of "according"; else read it from tags.
  int h = view.Head(i);
  // A parse may hang "according to" on a modifier of the source ("state" of
  // "state-run outlet Russia 1"): the source is the phrase that modifier is in.
  for (int k = 0; k < 4 && h >= first && view.Head(h) > h && view.Head(h) < first + kMaxPhrase; ++k) {
    const std::string& rel = view.tok(h).deprel;
    if (rel != "compound" && rel != "amod" && rel.compare(0, 4, "flat") != 0 && rel != "nummod") break;
    h = view.Head(h);
  }
  if (h >= first && h < first + kMaxPhrase) {
    TokenRange np = SubjectPhrase(view, h, -1);
    np.begin = std::max(np.begin, first);  // "according to" itself hangs on the source
    if (!np.empty()) return np;
  }
  return Trim(view, view.NominalRun(first, +1, kMaxPhrase));
}

int CueSubject(const DocView& view, int cue) {
  int s = view.Child(cue, "nsubj");
  // "... and said", "..., saying", "went on to say": the subject of the verb it hangs on.
  const bool comma_participle = view.tok(cue).xpos == "VBG" && cue > 0 && view.tok(cue - 1).form == ",";
  for (int v = cue, depth = 0; s < 0 && depth < 3 && view.Head(v) >= 0; ++depth) {
    const std::string& rel = view.tok(v).deprel;
    if (rel != "conj" && rel.compare(0, 5, "advcl") != 0 && rel != "xcomp") break;
    v = view.Head(v);
    // "Aliyev said Baku would double exports, adding that ...": hung on the reported clause,
    // a comma's participle still speaks for the reporter.
    if (comma_participle && view.tok(v).deprel == "ccomp" && view.Head(v) >= 0 && IsCue(view, view.Head(v))) {
      v = view.Head(v);
    }
    s = view.Child(v, "nsubj");
  }
  // "A judge rejected a request to unseal the file, saying ...": a participle after a comma
  // speaks for the subject of the sentence's verb, wherever the parse hung it (here on
  // "unseal"); not with a subject of its own ("..., with chairman Dan Glickman, D-Kan., saying").
  if (s < 0 && view.tok(cue).xpos == "VBG" && cue > 0 && view.tok(cue - 1).form == ",") {
    int root = cue;
    for (int depth = 0; depth < 12 && view.Head(root) >= 0; ++depth) root = view.Head(root);
    bool with = false;
    for (int t = cue - 1; t > root && t >= cue - 12; --t) with = with || view.Lower(t) == "with";
    if (root < cue && !with) s = view.Child(root, "nsubj");
  }
  // A parse that makes "Thursday" or quoted words the subject is wrong; let the tags decide.
  if (s >= 0 && (IsTimeWord(view.Lower(s)) || view.IsQuoted(s))) return -1;
  // "Flynn, who said ...": the relative pronoun stands for the noun the clause hangs on.
  if (s >= 0 && view.tok(cue).deprel.compare(0, 3, "acl") == 0 && view.Head(cue) >= 0) {
    std::string w = view.Lower(s);
    if (w == "who" || w == "that" || w == "which") s = view.Head(cue);
  }
  return s;
}


namespace {
bool IsTimeWord(const std::string& w) {
  static constexpr std::string_view kWords[] = {
      "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday",
      "tonight", "morning", "afternoon", "evening", "night", "week", "month", "year", "earlier", "later",
      "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
      "november", "december", "last", "this", "on", "in", "at", "during", "recently", "then", "again"};
  for (std::string_view k : kWords) {
    if (w == k) return true;
  }
  return false;
}
}  // namespace

TokenRange SubjectPhrase(const DocView& view, int subject, int cue) {
  TokenRange r = view.NounPhrase(subject);
  // Parsers often split "Union leader Frank Moretti" or "Secretary of State John
  // Miller"; the names up to the cue belong to the subject.
  int limit = cue > r.end ? cue : std::min(view.token_count(), r.end + kMaxPhrase);
  TokenRange sent = view.SentenceTokens(view.SentenceOf(subject));
  limit = std::min(limit, sent.end);
  while (r.end < limit) {
    std::string w = view.Lower(r.end);
    if (view.IsProperish(r.end) || (view.tok(r.end).upos == "NUM" && view.IsProperish(r.end - 1))) {
      ++r.end;
    } else if ((w == "of" || w == "for") && r.end + 1 < limit && view.IsProperish(r.end + 1)) {
      r.end += 2;
    } else {
      break;
    }
  }
  return r;
}

// A phrase that can name a speaker: it holds a name, a pronoun or a person noun.
bool CanNameSpeaker(const DocView& view, TokenRange r) {
  for (int i = r.begin; i < r.end; ++i) {
    const std::string& u = view.tok(i).upos;
    if (view.IsProperish(i) || u == "PRON" || IsPersonNoun(view.Lower(i))) return true;
  }
  return false;
}

// Up to three lower-case title words may come before the name ("former mayor").
TokenRange WithAppositiveName(const DocView& view, TokenRange r, TokenRange window) {
  if (r.empty() || r.end + 1 >= window.end || view.tok(r.end).form != ",") return r;
  for (int i = r.begin; i < r.end; ++i) {
    // "A spokesman for Guterres, Stephane Dujarric, said": whom the person noun serves is
    // named after "for" or "of", and the spokesman's own name follows.
    const std::string w = view.Lower(i);
    if ((w == "for" || w == "of") && i > r.begin && IsPersonNoun(view.Lower(i - 1))) break;
    const bool possessor = i + 1 < r.end && view.IsPossessiveMark(i + 1);
    if (view.IsProperish(i) && !possessor) return r;  // "Kim's sister, Kim Yo Jong": the sister's name follows
  }
  int b = r.end + 1;
  while (b < window.end && b - r.end <= 3 && !view.IsProperish(b) &&
         (view.tok(b).upos == "ADJ" || view.tok(b).upos == "NOUN")) {
    ++b;
  }
  if (b >= window.end || !view.IsProperish(b)) return r;
  int e = b;
  while (e < window.end && e - b < 4 && view.IsProperish(e)) ++e;
  // The name closes the apposition ("..., Piet Hollander, said"); "The bank, Canada's
  // fifth largest, said" names no one.
  if (e < window.end && !view.IsPunct(e)) return r;
  return {r.begin, e};
}

bool IsParticiple(const DocView& view, int i) {
  const document::Token& t = view.tok(i);
  if (t.xpos == "VBG") return true;
  return t.xpos.empty() && t.form.size() > 4 && t.form.compare(t.form.size() - 3, 3, "ing") == 0;
}

TokenRange CueSpeaker(const DocView& view, int cue, TokenRange window) {
  int s = CueSubject(view, cue);
  if (s >= 0 && (Inside(window, s) || view.SentenceOf(s) == view.SentenceOf(cue))) {
    TokenRange r = SubjectPhrase(view, s, cue);
    return WithAppositiveName(view, r, {window.begin, r.begin > cue ? window.end : cue});
  }
  // Inverted: "said Peskov", "added the spokesman" (not "said Thursday", not the
  // object of "told reporters").
  int next = cue + 1;
  if (next < window.end && view.IsNominal(next) && view.tok(next).form != "that" && !IsTimeWord(view.Lower(next)) &&
      view.tok(next).deprel.compare(0, 3, "obj") != 0 && view.tok(next).deprel.compare(0, 4, "iobj") != 0) {
    TokenRange after = Trim(view, view.NominalRun(next, +1, kMaxPhrase));
    after = WithAppositiveName(view, after, window);
    if (!after.empty() && CanNameSpeaker(view, after) &&
        (after.end >= window.end || view.IsPunct(after.end) || view.IsVerb(after.end) ||
         view.Lower(after.end) == "who")) {
      return after;
    }
  }
  if (s >= 0) return {};
  // "Weaver seemed unimpressed, telling reporters": a participle's subject is the
  // nearest subject before it in its sentence.
  if (IsParticiple(view, cue)) {
    TokenRange sent = view.SentenceTokens(view.SentenceOf(cue));
    for (int k = cue - 1; k >= sent.begin && k >= cue - 3 * kMaxPhrase; --k) {
      if (view.IsQuoted(k) || view.tok(k).deprel.compare(0, 5, "nsubj") != 0) continue;
      // "... but said there was no call, adding:" -- not the subject of a content clause.
      const std::string& hrel = view.Head(k) >= 0 ? view.tok(view.Head(k)).deprel : std::string();
      if (hrel == "ccomp" || hrel == "csubj" || hrel.compare(0, 3, "acl") == 0) continue;
      TokenRange r = WithAppositiveName(view, SubjectPhrase(view, k, cue), {sent.begin, cue});
      if (CanNameSpeaker(view, r)) return r;
      break;
    }
  }
  // Before the cue: "Hugh Hill, a doctor, said" -> Hugh Hill; "In a statement, the
  // ministry said" -> the ministry: the last comma-separated segment holding a name
  // ("On Tuesday in Berea, Ohio, Gov. Kasich, said"), else the first that can name someone.
  int b = cue;
  while (b > window.begin && cue - b < 3 * kMaxPhrase && !view.IsVerb(b - 1)) --b;
  TokenRange all = Trim(view, TokenRange{b, cue});
  TokenRange named, first;
  int seg = all.begin;
  for (int i = all.begin; i <= all.end; ++i) {
    if (i < all.end && view.tok(i).form != ",") continue;
    TokenRange part = Trim(view, TokenRange{seg, i});
    seg = i + 1;
    if (part.empty() || view.tok(part.begin).upos == "ADP" || view.tok(part.begin).upos == "SCONJ") continue;
    if (!CanNameSpeaker(view, part)) continue;
    if (first.empty()) first = part;
    if (view.IsProperish(part.begin) || view.IsProperish(part.end - 1)) named = part;
  }
  return !first.empty() && view.IsProperish(first.begin) ? first : !named.empty() ? named : first;
}

namespace {

bool NominalOrHyphen(const DocView& view, int i) {
  return (view.IsNominal(i) && !view.IsVerb(i)) || view.tok(i).form == "-";
}

}  // namespace

// Right after a quote, the noun phrase at a cue is its speaker even when it names no
// one: ""...," the newspaper wrote", ""...," said the 46-year-old" (an unnamed
// source, never a guessed name). `window` starts after the closing mark.
TokenRange PlainPhraseAtCue(const DocView& view, int cue, TokenRange window) {
  int i = window.begin;
  TokenRange r;
  if (cue > i) {  // "the newspaper wrote"
    r = Trim(view, {i, cue});
    if (r.empty() || r.begin != i || cue - i > 2 * kMaxPhrase) return {};
    for (int k = r.begin; k < r.end; ++k) {
      if (!NominalOrHyphen(view, k)) return {};
    }
  } else {  // "said the 46-year-old", not "told reporters", not "said Thursday"
    int e = cue + 1;
    while (e < window.end && e - cue <= kMaxPhrase && NominalOrHyphen(view, e)) ++e;
    r = Trim(view, {cue + 1, e});
    if (r.empty() || r.begin != cue + 1) return {};
    const std::string& rel = view.tok(r.begin).deprel;
    if (rel.compare(0, 3, "obj") == 0 || rel.compare(0, 4, "iobj") == 0) return {};
  }
  if (IsTimeWord(view.Lower(r.begin)) || IsTimeWord(view.Lower(r.end - 1))) return {};
  return r;
}

Attribution AttributionAfter(const DocView& view, TokenRange window, bool clause_open) {
  Attribution a;
  int i = window.begin;
  while (i < window.end && view.IsPunct(i) && !IsDash(view, i)) ++i;
  if (i >= window.end) return a;
  if (IsDash(view, i)) {
    TokenRange np = Trim(view, view.NominalRun(i + 1, +1, kMaxPhrase));
    if (!np.empty() && view.IsProperish(np.begin)) {
      a.speaker = np;
      a.how = "dash";
      return a;
    }
  }
  // A quote ending in "," leaves its sentence open for the attribution, however long
  // the speaker's appositive ("Trump, the frontrunner in ... primaries, said").
  int limit = std::min(window.end, i + (clause_open ? 8 : 3) * kMaxPhrase);
  for (int c = i; c < limit; ++c) {
    if (IsAccordingTo(view, c)) {
      a.cue = {c, c + 2};
      a.speaker = AccordingSource(view, c);
      a.according = true;
      a.how = "according to";
      return a;
    }
    if (!IsCue(view, c)) continue;
    a.cue = {c, c + 1};
    a.speaker = CueSpeaker(view, c, {i, window.end});
    if (a.speaker.empty()) a.speaker = PlainPhraseAtCue(view, c, {i, window.end});
    if (a.speaker.empty() && view.IsProperish(i)) {
      // ""...," Tom Hale, the frontrunner after winning the primaries, said": the
      // name opening the attribution, before its appositive.
      TokenRange name = Trim(view, view.NominalRun(i, +1, kMaxPhrase));
      if (!name.empty() && name.end < c && view.tok(name.end).form == ",") a.speaker = name;
    }
    a.how = "cue after the quote";
    return a;
  }
  return a;
}

Attribution AttributionBefore(const DocView& view, TokenRange window) {
  Attribution a;
  if (window.empty()) return a;
  for (int c = window.end; c-- > window.begin;) {
    if (IsAccordingTo(view, c)) {
      a.cue = {c, c + 2};
      a.speaker = AccordingSource(view, c);
      a.according = true;
      a.how = "according to";
      return a;
    }
    if (!IsCue(view, c)) continue;
    // A cue inside what an earlier cue reports is the reported speaker's, not this quote's
    // ("Eismont said Minsk would respond 'in a mirror-like manner'": Eismont's words).
    for (int h = view.Head(c); h >= window.begin && h < c && view.tok(c).deprel == "ccomp" && IsCue(view, h);
         h = view.Head(c)) {
      c = h;
    }
    a.cue = {c, c + 1};
    a.speaker = CueSpeaker(view, c, window);
    a.how = "cue before the quote";
    return a;
  }
  // "Peskov: " right before the quote: a name standing alone before the colon;
  // else the subject of the clause the colon ends ("Ortiz took a harder line: ").
  int last = window.end - 1;
  if (view.tok(last).form == ":" && last > window.begin) {
    TokenRange np = Trim(view, view.NominalRun(last - 1, -1, kMaxPhrase));
    bool alone = !np.empty() && (np.begin <= window.begin || view.IsPunct(np.begin - 1));
    if (!alone) {
      a.speaker = ColonClauseSubject(view, last);
      if (a.found()) a.how = "subject of the clause before the colon";
    }
    if (!a.found() && !np.empty() && CanNameSpeaker(view, np)) {
      a.speaker = np;
      a.how = "colon";
    }
  }
  return a;
}

TokenRange ColonClauseSubject(const DocView& view, int colon) {
  int last = colon - 1;
  if (last < 0 || view.SentenceOf(last) != view.SentenceOf(colon)) return {};
  for (int h = last, depth = 0; h >= 0 && depth < 8; h = view.Head(h), ++depth) {
    int s = CueSubject(view, h);
    if (s < 0) continue;
    if (s >= colon) return {};
    TokenRange np = SubjectPhrase(view, s, h);
    std::string w = view.Lower(s);
    // "This is what he said:" names no one; "it", "that", "there" neither.
    if (w == "it" || w == "this" || w == "that" || w == "there" || w == "what" || w == "which") return {};
    return CanNameSpeaker(view, np) ? np : TokenRange{};
  }
  return {};
}

Attribution VerbAfter(const DocView& view, TokenRange window) {
  Attribution a;
  int i = window.begin;
  while (i < window.end && view.IsPunct(i) && !IsDash(view, i)) ++i;
  if (i >= window.end) return a;
  int limit = std::min(window.end, i + kMaxPhrase + 1);
  int v = i;
  while (v < limit && !view.IsVerb(v) && !view.IsPunct(v)) ++v;
  if (v >= limit || !view.IsVerb(v)) return a;
  if (v > i) {
    // "Ortiz barked": the words between the mark and the verb are its subject.
    int s = CueSubject(view, v);
    TokenRange subject = s >= i && s < v ? SubjectPhrase(view, s, v) : TokenRange{i, v};
    if (subject.begin != i || subject.end != v || !CanNameSpeaker(view, subject)) return a;
    a.speaker = subject;
  } else {
    // "beamed Tom Reyes": a name right after the verb.
    TokenRange after = Trim(view, view.NominalRun(v + 1, +1, kMaxPhrase));
    if (after.empty() || after.begin != v + 1 || !CanNameSpeaker(view, after) || IsTimeWord(view.Lower(after.begin)))
      return a;
    a.speaker = after;
  }
  a.cue = {v, v + 1};
  a.how = "verb after the quote";
  return a;
}

}  // namespace newsgraph::extract::quotes
