// The event coder: for each sentence, verbs and event nouns found in the project's
// pattern dictionaries become event mentions with source and target read from the
// dependency parse (never assembled across sentences), modality, date and place.
#include "extract/events/events.h"

#include <algorithm>
#include <initializer_list>
#include <map>
#include <optional>
#include <set>

#include "extract/events/actors.h"
#include "extract/events/coding.h"
#include "extract/events/dictionary.h"
#include "extract/events/event_dates.h"
#include "extract/events/places.h"
#include "extract/events/tree.h"

namespace newsgraph::extract {

using document::Document;
using document::EventMention;
using events::Actor;
using events::Pattern;
using events::OneOf;
using events::Tree;

struct EventCoder::Tables {
  events::EventDictionary dict;
};

namespace {

// A group named by its kind ("protesters", "the government") placed in a country: that
// country's (KENOPP).
void GiveCountry(Actor& group, const std::string& country) {
  group.value.country = country;
  group.value.actor = country + group.sector;
}

// Exact, unlike OneOf, which is blind to case for words: sectors are codes.
bool SectorIn(std::string_view sector, std::initializer_list<std::string_view> sectors) {
  return std::find(sectors.begin(), sectors.end(), sector) != sectors.end();
}

constexpr int kMaxEventsPerSentence = 8;
constexpr size_t kMaxEventsPerDocument = 2000;
constexpr int kMaxClimb = 4;
constexpr int kMaxClauseLemmas = 64;

enum class Governor { kNone, kIntent, kThreat, kRefuse, kDeny };

Governor GovernorOf(std::string_view lemma) {
  if (OneOf(lemma, {"promise", "pledge", "vow", "plan", "intend", "offer", "agree", "aim", "hope", "want", "seek",
                    "prepare", "decide", "commit", "expect", "propose", "mean", "wish", "undertake", "due",
                    "schedule", "slate"})) {
    return Governor::kIntent;
  }
  if (OneOf(lemma, {"threaten", "warn"})) return Governor::kThreat;
  if (OneOf(lemma, {"refuse", "decline", "reject", "fail"})) return Governor::kRefuse;
  if (lemma == "deny") return Governor::kDeny;  // "denied targeting civilians": it says it did not
  return Governor::kNone;
}

// Verbs that carry a nominal event rather than being one: "held talks", "imposed sanctions".
bool IsLightVerb(std::string_view lemma) {
  return OneOf(lemma, {"hold", "begin", "start", "launch", "conduct", "impose", "pay", "make", "have", "carry",
                       "stage", "continue", "open", "resume", "give", "extend", "express", "level", "issue", "lodge",
                       "file", "mount", "order", "approve", "unveil", "renew", "announce", "host", "attend", "join",
                       "end", "step", "expand", "receive", "get", "seek", "offer", "provide", "send", "deliver",
                       "deploy", "lead", "organize", "organise", "call", "plan", "propose", "be", "grant", "chair",
                       "conclude", "complete", "finish", "show", "press", "convene", "sign"});
}

// The lemmatizer misses some rarer verbs ("extradited" -> "extradit"): the
// dictionary is also tried with the lower-cased form and its plain suffix strips.
std::vector<std::string> LemmaCandidates(std::string_view lemma, std::string_view form) {
  auto lower = [](std::string_view s) {
    std::string out(s);
    for (char& ch : out) ch = static_cast<char>(ch >= 'A' && ch <= 'Z' ? ch - 'A' + 'a' : ch);
    return out;
  };
  std::vector<std::string> out{lower(lemma)};
  std::string f = lower(form);
  auto add = [&](std::string s) {
    if (s.size() >= 2 && std::find(out.begin(), out.end(), s) == out.end()) out.push_back(std::move(s));
  };
  add(f);
  static constexpr std::pair<std::string_view, std::string_view> kIrregular[] = {
      {"struck", "strike"}, {"fought", "fight"}, {"shot", "shoot"}, {"sent", "send"},   {"held", "hold"},
      {"sought", "seek"},   {"met", "meet"},     {"spoke", "speak"}, {"took", "take"},  {"gave", "give"},
      {"led", "lead"},      {"cut", "cut"},      {"hit", "hit"},     {"beat", "beat"},  {"froze", "freeze"},
      {"withdrew", "withdraw"}, {"withdrawn", "withdraw"}, {"overthrew", "overthrow"}, {"stood", "stand"},
      {"brought", "bring"}, {"lent", "lend"},   {"paid", "pay"},    {"laid", "lay"},   {"seized", "seize"}};
  for (auto [irregular, base] : kIrregular) {
    if (f == irregular) add(std::string(base));
  }
  auto strip = [&](std::string_view suffix, std::string_view with) {
    if (f.size() > suffix.size() + 2 && f.compare(f.size() - suffix.size(), suffix.size(), suffix) == 0) {
      add(f.substr(0, f.size() - suffix.size()) + std::string(with));
    }
  };
  strip("ied", "y");
  strip("ies", "y");
  strip("ed", "e");
  strip("ed", "");
  strip("ing", "e");
  strip("ing", "");
  strip("es", "");
  strip("s", "");
  if (f.size() > 5 && f.compare(f.size() - 2, 2, "ed") == 0 && f[f.size() - 3] == f[f.size() - 4]) {
    add(f.substr(0, f.size() - 3));  // "banned" -> "ban"
  }
  return out;
}

// A light verb under any of the lemmas the dictionary would try ("chaired" is
// lemmatized "chaire").
bool CarriesNoun(const document::Token& verb) {
  for (const std::string& lemma : LemmaCandidates(verb.lemma, verb.form)) {
    if (IsLightVerb(lemma)) return true;
  }
  return false;
}

// Whether the parser found a main verb; when it did not, an "acl" verb is the main one.
bool RootIsVerb(const Tree& t) {
  for (int i = 0; i < t.size(); ++i) {
    if (t.head(i) < 0 && t.rel(i) == "root") return t.tok(i).upos == "VERB" || t.tok(i).upos == "AUX";
  }
  return true;
}

// A day or a date: "March 9", "9 March", "Monday", "1987" (a number alone).
bool IsDatePhrase(const Tree& t, int c) {
  auto calendar = [&](int k) {
    return OneOf(t.tok(k).form, {"january", "february", "march", "april", "may", "june", "july", "august",
                                 "september", "october", "november", "december", "monday", "tuesday", "wednesday",
                                 "thursday", "friday", "saturday", "sunday", "jan", "feb", "mar", "apr", "jun",
                                 "jul", "aug", "sep", "sept", "oct", "nov", "dec"});
  };
  if (calendar(c)) return true;
  if (t.tok(c).upos != "NUM") return false;
  bool month = true;  // a number alone is a year or a day, no actor
  t.ForChildren(c, [&](int k) { month = month && (calendar(k) || t.tok(k).upos == "ADP" || t.tok(k).upos == "DET" ||
                                                  t.tok(k).upos == "PUNCT"); });
  return month;
}

bool IsSubjectRel(std::string_view r) { return r == "nsubj" || r == "csubj"; }

// The passive subject of verb i: nsubj:pass, or the subject of a headline's bare participle
// ("Thousands of civilians killed in floods": no auxiliary, no object, no final
// punctuation), who suffered the act. -1 if none.
int PassiveSubject(const Tree& t, int i) {
  int pass = t.Child(i, "nsubj:pass");
  if (pass >= 0 || t.rel(i) != "root" || t.tok(i).xpos != "VBN" || t.Child(i, "aux") >= 0 || t.Child(i, "obj") >= 0 ||
      t.tok(t.size() - 1).upos == "PUNCT") {
    return pass;
  }
  return t.Child(i, "nsubj");
}

// Appends token c's lemma and form, lower-cased, as patterns name words.
void AddLowerWords(const Tree& t, int c, std::vector<std::string>& out) {
  for (std::string_view w : {t.lemma(c), std::string_view(t.tok(c).form)}) {
    std::string l(w);
    for (char& ch : l) ch = static_cast<char>(ch >= 'A' && ch <= 'Z' ? ch - 'A' + 'a' : ch);
    if (!l.empty()) out.push_back(std::move(l));
  }
}

// Lower-cased lemmas of the words in a predicate's clause: its arguments and their modifiers.
std::vector<std::string> ClauseLemmas(const Tree& t, int i) {
  std::vector<std::string> out;
  auto add = [&](int c) {
    if (static_cast<int>(out.size()) < kMaxClauseLemmas) AddLowerWords(t, c, out);
  };
  t.ForChildren(i, [&](int c) {
    std::string_view r = t.base_rel(c);
    if (r == "punct" || r == "nsubj" || r == "conj" || r == "parataxis" || r == "ccomp") return;
    add(c);
    t.ForChildren(c, [&](int g) {
      std::string_view gr = t.base_rel(g);
      if (gr == "compound" || gr == "amod" || gr == "nmod" || gr == "obj" || gr == "case" || gr == "obl" ||
          gr == "xcomp") {
        add(g);
      }
    });
  });
  return out;
}

// "struck what it called hideouts, killing eight people": a participle after a comma that
// the parse hung on a noun (acl) is the clause's, as a trailing advcl is: the nearest verb
// above it that is no relative or reduced clause of its own. -1 for any other word.
int TrailingParticipleOwner(const Tree& t, int i) {
  if (t.rel(i) != "acl" || t.tok(i).xpos != "VBG" || i == 0 || t.tok(i - 1).form != "," || t.Child(i, "nsubj") >= 0) {
    return -1;
  }
  for (int k = t.head(i), steps = 0; k >= 0 && k < i && steps < 6; k = t.head(k), ++steps) {
    if (t.tok(k).upos == "VERB" && t.rel(k).substr(0, 3) != "acl") return k;
  }
  return -1;
}

// Lower-cased lemmas of the subject of predicate i and of its "of" noun ("Hundreds of
// protesters"); a predicate with no subject of its own ("..., chanting slogans", "and
// marched") takes its head's.
std::vector<std::string> SubjectLemmas(const Tree& t, int i) {
  std::vector<std::string> out;
  int subject = t.Child(i, "nsubj");
  for (int k = i; subject < 0 && t.head(k) >= 0 && OneOf(t.base_rel(k), {"conj", "advcl", "xcomp"});) {
    k = t.head(k);
    subject = t.Child(k, "nsubj");
  }
  if (subject < 0) return out;
  AddLowerWords(t, subject, out);
  t.ForChildren(subject, [&](int c) {
    if (t.base_rel(c) == "nmod" && t.CaseOf(c) == "of") AddLowerWords(t, c, out);
  });
  return out;
}

bool HasParticle(const Tree& t, int i, std::string_view particle) {
  if (i + 1 < t.size() && Tree::LowerEquals(t.tok(i + 1).form, particle)) return true;
  bool found = false;
  t.ForChildren(i, [&](int c) {
    std::string_view r = t.base_rel(c);
    if ((r == "compound" || r == "advmod") && Tree::LowerEquals(t.tok(c).form, particle)) found = true;
    if ((r == "obl" || r == "nmod" || r == "obj") && t.CaseOf(c) == particle) found = true;
  });
  return found;
}

struct Match {
  const Pattern* pattern = nullptr;
  std::string uncoded_reason;
};

Match MatchPatterns(const Tree& t, int i, std::span<const Pattern> patterns) {
  Match m;
  if (patterns.empty()) return m;
  std::vector<std::string> lemmas = ClauseLemmas(t, i);
  auto has = [&](const std::string& w) { return std::find(lemmas.begin(), lemmas.end(), w) != lemmas.end(); };
  std::vector<std::string> subject;
  bool subject_read = false;
  int best = 0;
  for (const Pattern& p : patterns) {
    bool ok = std::all_of(p.particles.begin(), p.particles.end(), [&](const std::string& w) { return HasParticle(t, i, w); });
    for (const auto& group : p.require) ok = ok && std::any_of(group.begin(), group.end(), has);
    ok = ok && std::none_of(p.forbid.begin(), p.forbid.end(), has);
    if (ok && !p.subject.empty()) {
      if (!subject_read) subject = SubjectLemmas(t, i), subject_read = true;
      ok = std::any_of(p.subject.begin(), p.subject.end(), [&](const std::string& w) {
        return std::find(subject.begin(), subject.end(), w) != subject.end();
      });
    }
    if (ok && p.Specificity() > best) best = p.Specificity(), m.pattern = &p;
  }
  // Kept for review only when the word itself is of interest (some pattern needs no
  // particle): "provided information" is, "went home" ("go on +strike") is not.
  bool of_interest = std::any_of(patterns.begin(), patterns.end(), [](const Pattern& p) { return p.particles.empty(); });
  if (m.pattern == nullptr && of_interest) {
    m.uncoded_reason = "no pattern of '" + patterns.front().lemma + "' matches its clause";
  }
  return m;
}

// Per-document state of one Code() call.
class SentenceCoder {
 public:
  SentenceCoder(const EventCoder::Tables& tables, const kb::Gazetteer& gaz, Document& doc)
      : dict_(tables.dict),
        gaz_(gaz),
        doc_(doc),
        actors_(doc, gaz, tables.dict),
        place_context_(events::DocumentPlaceContext(doc, gaz)) {}

  void CodeSentence(const document::Sentence& s);

 private:
  struct Candidate {
    int token = -1;
    bool nominal = false;
    Match match;
  };
  Actor SubjectOf(const Tree& t, int i, int depth);
  Actor TargetOf(const Tree& t, int i, const Actor& source, std::string_view code = "");
  Actor CoActorOf(const Tree& t, int i);
  Actor OrderedBy(const Tree& t, int i, int depth);
  // Gives a source group with no country of its own the country of the act's place.
  void PlaceGroupSource(const Tree& t, int predicate, Actor& source);
  // True if `span` is a word of a body's name, or inside (not at the end of) a place's or
  // person's.
  bool InsideAName(document::Span span) const;
  bool IsPersonEntity(const Actor& a) const;  // the actor is a person the entity layer knows
  bool NominalActors(const Tree& t, int n, Actor& source, Actor& target);
  void SetCode(EventMention& e, const std::string& code, const Pattern* p) const;
  void Modality(const Tree& t, int i, bool nominal, EventMention& e, std::string code, const Pattern* p,
                std::set<int>& absorbed);
  void Finish(const Tree& t, const document::Sentence& s, int predicate, EventMention& e, bool speaker_may_act);
  // The place of the act at `predicate`: the most specific one in its own clause, else in
  // its sentence (nullopt: none named).
  std::optional<document::EventPlace> PlaceOf(const Tree& t, int predicate);

  const events::EventDictionary& dict_;
  const kb::Gazetteer& gaz_;
  Document& doc_;
  events::ActorResolver actors_;
  kb::PlaceContext place_context_;
  bool doc_place_done_ = false;
  std::optional<document::EventPlace> doc_place_;
  // Per sentence.
  bool sentence_future_ = false;
  bool sentence_question_ = false;
  std::optional<events::ResolvedDate> date_;
  std::optional<std::optional<document::EventPlace>> place_;
};

// "A court ordered the mayor to be jailed": a passive act with no agent, ordered, is done by
// who ordered it; any other has no source.
Actor SentenceCoder::OrderedBy(const Tree& t, int i, int depth) {
  if (t.base_rel(i) == "xcomp" && t.head(i) >= 0 && depth < kMaxClimb &&
      OneOf(t.lemma(t.head(i)), {"order", "rule", "decide", "direct", "instruct", "sentence"})) {
    return SubjectOf(t, t.head(i), depth + 1);
  }
  return Actor{};
}

Actor SentenceCoder::SubjectOf(const Tree& t, int i, int depth) {
  int subj = -1, pass = -1;
  t.ForChildren(i, [&](int c) {
    if (IsSubjectRel(t.rel(c)) && subj < 0) subj = c;
  });
  pass = PassiveSubject(t, i);
  if (pass >= 0) {
    // Passive: the agent is the "by" phrase.
    int agent = -1;
    t.ForChildren(i, [&](int c) {
      if (agent < 0 && t.base_rel(c) == "obl" && t.CaseOf(c) == "by") agent = c;
    });
    if (agent >= 0) return actors_.Resolve(t, agent);
    return OrderedBy(t, i, depth);
  }
  if (subj >= 0) {
    Actor a = actors_.Resolve(t, subj);
    // "The Israeli military said it had struck ...": an "it" or "they" the entity layer left
    // unresolved, in what a body says, is that body.
    if (a.pronoun && !a.Coded() && OneOf(t.tok(subj).form, {"it", "they"})) {
      int clause = i;
      while (t.base_rel(clause) == "conj" && t.head(clause) >= 0) clause = t.head(clause);
      const int cue = t.head(clause);
      // Not when the cue has a hearer ("told operators they would not receive ..."), nor a
      // newspaper, a person or an official saying "it" ("'It condemns Japan,' one official said").
      if (t.base_rel(clause) == "ccomp" && cue >= 0 && t.Child(cue, "obj") < 0 && t.Child(cue, "iobj") < 0) {
        if (const int reporter = t.Child(cue, "nsubj"); reporter >= 0 && t.tok(reporter).upos != "PRON") {
          const std::string_view head = t.lemma(reporter);
          auto is_outlet = [&](int k) {
            return OneOf(t.lemma(k), {"daily", "newspaper", "paper", "agency", "radio", "television", "tv", "news",
                                      "magazine", "weekly", "broadcaster", "website"});
          };
          bool outlet = is_outlet(reporter);  // "the UAE daily al-Ittihad": the outlet word may be a child
          t.ForChildren(reporter, [&](int k) { outlet = outlet || is_outlet(k); });
          const bool person = OneOf(head, {"official", "spokesman", "spokeswoman", "spokesperson", "minister",
                                           "leader", "president", "analyst", "source", "diplomat", "executive",
                                           "chairman", "director", "economist", "trader", "dealer"});
          Actor r = actors_.Resolve(t, reporter);
          if (r.Coded() && !IsPersonEntity(r) && !outlet && !(person && Tree::LowerEquals(t.tok(subj).form, "it"))) {
            return r;
          }
        }
      }
    }
    // "countries that attacked ...": the relative pronoun stands for the noun.
    if (a.pronoun && t.rel(i) == "acl:relcl" && t.head(i) >= 0 &&
        OneOf(t.tok(subj).form, {"that", "which", "who"})) {
      return actors_.Resolve(t, t.head(i));
    }
    return a;
  }
  std::string_view r = t.base_rel(i);
  // "Israeli jets bombed Lebanon" parsed as a reduced relative: a past-tense
  // verb attached to a noun by acl has that noun as its subject; so does a verb
  // right after the noun's name ("President Vladimir Putin hosted ..." with the
  // name's first word as head) when it has an object or the sentence no verb root.
  if (t.rel(i) == "acl" && t.head(i) >= 0 && t.head(i) < i) {
    int prev = i - 1;
    bool after_name = prev == t.head(i) || (t.head(prev) == t.head(i) && t.rel(prev).substr(0, 4) == "flat");
    // "Thousands of protesters demonstrated ... ." with "Thousands" as root: a full sentence
    // with no verb root needs this verb as its predicate (a headline may be passive).
    bool predicate = !RootIsVerb(t) && t.rel(t.head(i)) == "root" && t.Child(i, "aux") < 0 &&
                     t.tok(t.size() - 1).form == ".";
    if (t.tok(i).xpos == "VBD" || predicate || (after_name && (t.Child(i, "obj") >= 0 || !RootIsVerb(t)))) {
      return actors_.Resolve(t, t.head(i));
    }
  }
  // "Washington remained committed to the alliance": a participle after a linking verb is a
  // state of that verb's subject.
  if (depth < kMaxClimb && r == "xcomp" && t.head(i) >= 0 &&
      OneOf(t.lemma(t.head(i)), {"remain", "stay", "seem", "appear", "become", "look", "feel"})) {
    return SubjectOf(t, t.head(i), depth + 1);
  }
  bool passive = t.Child(i, "aux:pass") >= 0 || (t.tok(i).xpos == "VBN" && t.Child(i, "aux") < 0);
  // "When asked about ..., Peskov said": a bare past form right after the clause's
  // conjunction is a reduced passive; its subject is not the main clause's.
  if (i > 0 && (t.rel(i - 1) == "mark" || t.rel(i - 1) == "advmod") && t.head(i - 1) == i && t.Child(i, "aux") < 0 &&
      OneOf(t.tok(i - 1).form, {"when", "if", "as", "after", "once", "unless", "while", "until", "before"}) &&
      t.tok(i).form.size() > 2 && t.tok(i).form.compare(t.tok(i).form.size() - 2, 2, "ed") == 0) {
    passive = true;
  }
  if (passive) return OrderedBy(t, i, depth);
  // Object control: "urged Iran to halt", "called on the authorities to end": the one
  // asked is the subject of what is asked, not the one asking.
  if (t.head(i) >= 0 && (r == "xcomp" || (r == "advcl" && t.HasChildLemma(i, "mark", "to"))) &&
      OneOf(t.lemma(t.head(i)), {"call", "urge", "ask", "tell", "order", "press", "invite", "encourage", "persuade",
                                 "force", "instruct", "warn", "advise", "implore", "push", "appeal"})) {
    int controller = -1;
    t.ForChildren(t.head(i), [&](int c) {
      if (controller >= 0 || c > i) return;
      // "called Netanyahu to discuss" is a phone call; "called on X to" asks X.
      bool asked = (t.base_rel(c) == "obj" || t.base_rel(c) == "iobj") && t.lemma(t.head(i)) != "call";
      if (asked || (t.base_rel(c) == "obl" && OneOf(t.CaseOf(c), {"on", "upon"}))) controller = c;
    });
    if (controller >= 0) return actors_.Resolve(t, controller);
  }
  // "Erdogan is expected to visit Athens", "was asked to leave": the passive subject of
  // the verb above is the one who acts (its "by" phrase is who expects or asks).
  if (r == "xcomp" && t.head(i) >= 0) {
    if (const int raised = PassiveSubject(t, t.head(i)); raised >= 0) return actors_.Resolve(t, raised);
  }
  // "The EU was concerned by the detentions and called on Ankara ...": an active verb joined
  // to a passive one shares its subject, not its "by" phrase.
  if (r == "conj" && t.head(i) >= 0) {
    if (const int shared = t.Child(t.head(i), "nsubj:pass"); shared >= 0) return actors_.Resolve(t, shared);
  }
  if (depth < kMaxClimb && t.head(i) >= 0 && (r == "xcomp" || r == "conj" || (r == "advcl" && depth == 0))) {
    return SubjectOf(t, t.head(i), depth + 1);
  }
  if (const int owner = TrailingParticipleOwner(t, i); depth == 0 && owner >= 0) return SubjectOf(t, owner, depth + 1);
  // "adopted a resolution demanding that Israel ...": a text that demands or condemns speaks
  // for whoever adopted, issued or signed it.
  if (depth == 0 && t.rel(i) == "acl" && t.tok(i).xpos == "VBG" && t.head(i) >= 0 && t.base_rel(t.head(i)) == "obj" &&
      OneOf(t.lemma(t.head(i)), {"resolution", "statement", "declaration", "letter", "motion", "communique", "decree"})) {
    return SubjectOf(t, t.head(t.head(i)), depth + 1);
  }
  return Actor{};
}

Actor SentenceCoder::TargetOf(const Tree& t, int i, const Actor& source, std::string_view code) {
  std::string_view root = code.substr(0, std::min<size_t>(2, code.size()));
  static constexpr std::string_view kTargetCases[] = {"with", "to",   "against", "on",   "toward",  "towards",
                                                      "into", "for",  "at",      "from", "over",    "upon",
                                                      "between", "of"};
  auto target_case = [&](int c) {
    std::string_view p = t.CaseOf(c);
    return std::find(std::begin(kTargetCases), std::end(kTargetCases), p) != std::end(kTargetCases);
  };
  std::vector<int> options;
  int pass = PassiveSubject(t, i);
  if (pass >= 0) options.push_back(pass);
  for (std::string_view r : {"obj", "iobj"}) {
    if (int c = t.Child(i, r); c >= 0) options.push_back(c);
  }
  t.ForChildren(i, [&](int c) {
    // "arrived in Moscow": the host of a visit is the place's country.
    bool visit_place = code == "042" && (t.CaseOf(c) == "in" || t.CaseOf(c) == "to");
    visit_place = visit_place || (root == "15" && t.CaseOf(c) == "near");  // "massed troops near Taiwan"
    // "took to the streets of Belgrade": a public place, and the town it is of, are where, not whom.
    const bool public_place = OneOf(t.lemma(c), {"street", "square", "avenue", "boulevard"});
    if (t.base_rel(c) == "obl" && (target_case(c) || visit_place) && !public_place) options.push_back(c);
  });
  // "imposed sanctions on Iran", "provided aid to Ukraine": the object's own modifiers;
  // then, last, where the object is ("condemned the coup in Niger") and whose it is
  // ("dozens of opposition supporters", "the release of the journalist by China").
  size_t direct = options.size();
  for (size_t k = 0; k < direct; ++k) {
    t.ForChildren(options[k], [&](int g) {
      if (t.base_rel(g) == "nmod" && target_case(g)) options.push_back(g);
    });
  }
  const size_t before_last_resort = options.size();
  for (size_t k = 0, n = options.size(); k < n && k < 8; ++k) {
    t.ForChildren(options[k], [&](int g) {
      std::string_view p = t.CaseOf(g);
      bool last_resort = t.base_rel(g) == "nmod" && (p == "in" || p == "by" || (k >= direct && p == "of"));
      if (last_resort && std::find(options.begin(), options.end(), g) == options.end()) options.push_back(g);
    });
  }
  const size_t after_last_resort = options.size();
  // "demanded that Russia withdraw", "urged Somalia to release": the complement's subject.
  for (std::string_view r : {"ccomp", "xcomp"}) {
    if (int c = t.Child(i, r); c >= 0) {
      if (int s = t.Child(c, "nsubj"); s >= 0) options.push_back(s);
    }
  }
  Actor fallback, group;
  for (size_t k = 0; k < options.size(); ++k) {
    const int c = options[k];
    // Where the object is, or whose, counts only when it names an actor: "attacked ships in
    // the Red Sea" has no target.
    const bool last_resort = k >= before_last_resort && k < after_last_resort;
    if (!source.value.span.empty() && t.tok(c).span.start >= source.value.span.start &&
        t.tok(c).span.end <= source.value.span.end) {
      continue;
    }
    if (t.tok(c).upos == "PRON" && pass != c && !OneOf(t.tok(c).form, {"him", "her", "them", "us"})) continue;
    if (IsDatePhrase(t, c)) continue;  // "strikes on March 9", "talks on Monday"
    // A weapon is what is used or given, not whom: "launched Iranian-designed drones at
    // Ukrainian cities", "supplied weapons to Ukraine".
    if (c != pass && OneOf(t.lemma(c), {"missile", "drone", "rocket", "shell", "bomb", "weapon", "arm", "ammunition",
                                        "munition", "tank", "jet", "warplane", "artillery"})) {
      continue;
    }
    Actor a = actors_.Resolve(t, c);
    // "met ... in Tokyo": a city of the source's own country is where, not whom.
    // (A name the entity layer holds for a person or a body is no town: "Imamoglu".)
    const bool named_actor = a.value.entity >= 0 && a.value.entity < static_cast<int>(doc_.entities.size()) &&
                             (doc_.entities[a.value.entity].type == "PERSON" || doc_.entities[a.value.entity].type == "ORG");
    const kb::GazetteerEntry* place = named_actor ? nullptr : actors_.LookupName(t.tok(c).form);
    if (place == nullptr && !named_actor && t.tok(c).upos == "PROPN") place = actors_.LookupName(a.value.text);  // "The Hague"
    bool city = place != nullptr && place->type == kb::EntryType::kCity;
    bool own_country = !a.value.country.empty() && a.value.country == source.value.country &&
                       (t.CaseOf(c) == "in" || city);
    // "signed a deal in Riyadh", "a treaty in Washington": a town or a state after "in" is
    // where it happened, except for visits; a country may be whom ("the coup in Niger").
    const bool subnational = place != nullptr && (city || place->type == kb::EntryType::kAdmin1);
    if (subnational && t.CaseOf(c) == "in" && code != "042") continue;
    if (own_country) continue;
    if (last_resort && !a.Coded()) continue;
    // "killed 17 soldiers at a checkpoint in North Waziristan": the group is whom, the place
    // only says whose it is (below); "the release of the journalist by China" is China's act on it.
    if (last_resort && !group.value.text.empty() && t.CaseOf(c) == "in") continue;
    if (a.Known()) return a;
    if (group.value.text.empty() && !a.sector.empty()) group = a;
    bool date_word = t.rel(c).find("tmod") != std::string_view::npos || t.tok(c).ner.find("DATE") != std::string::npos ||
                     OneOf(t.tok(c).form, {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"});
    if (fallback.value.text.empty() && !date_word && (t.tok(c).upos == "PROPN" || a.pronoun)) fallback = a;
  }
  // "Pakistani police arrested opposition supporters": a group with no country of
  // its own is of the country where the sentence places the act ("Russian forces
  // killed three civilians in Kharkiv": Ukrainian civilians), else of the source's.
  // Civilian and non-state groups are so whatever the act; state forces only
  // in coercion, protest, violence and release ("stood up against the forces" is not).
  bool domestic_code = root == "08" || root == "09" || root >= "14";
  bool civil_group = group.sector == "REB" || group.sector == "OPP" || group.sector == "CVL" ||
                     group.sector == "REF" || group.sector == "EDU" || group.sector == "LAB" || group.sector == "REL";
  // "Opposition leader X accused the government": a country's own opposition, courts, press
  // or people dealing with "the government" deal with their own.
  const std::string source_sector = source.value.actor.size() > 3 ? source.value.actor.substr(3) : "";
  const bool domestic_source = SectorIn(source_sector, {"OPP", "CVL", "REB", "LAB", "EDU", "REL", "MED", "JUD", "LEG"});
  if (!group.value.text.empty() && group.sector == "GOV" && domestic_source && !source.value.country.empty()) {
    GiveCountry(group, source.value.country);
    return group;
  }
  if (!group.value.text.empty() && (domestic_code || civil_group)) {
    std::optional<document::EventPlace> place = PlaceOf(t, i);
    std::string country = place && !place->country.empty() ? place->country : source.value.country;
    if (!country.empty()) {
      GiveCountry(group, country);
      return group;
    }
  }
  return fallback;
}

// "the two leaders", "both sides", "the two countries": a subject that names the two
// parties of an act told before it.
bool NamesTwoParties(const Tree& t, int subj) {
  if (!OneOf(t.lemma(subj), {"leader", "side", "country", "nation", "government", "president", "minister",
                             "delegation", "man", "woman", "party", "official", "neighbour", "neighbor"})) {
    return false;
  }
  bool two = false;
  t.ForChildren(subj, [&](int c) {
    two = two || (t.rel(c) == "nummod" && Tree::LowerEquals(t.tok(c).form, "two")) ||
          (t.base_rel(c) == "det" && Tree::LowerEquals(t.tok(c).form, "both"));
  });
  return two;
}

// The last event of this sentence, else of the document, with a coded source and a coded
// target of another country; nullptr if none.
const EventMention* LastTwoPartyEvent(const std::vector<EventMention>& sentence,
                                      const std::vector<EventMention>& document) {
  auto two_parties = [](const EventMention& e) {
    return !e.source.country.empty() && !e.target.country.empty() && e.source.country != e.target.country &&
           !e.cameo.empty();
  };
  for (auto it = sentence.rbegin(); it != sentence.rend(); ++it) {
    if (two_parties(*it)) return &*it;
  }
  for (auto it = document.rbegin(); it != document.rend(); ++it) {
    if (two_parties(*it)) return &*it;
  }
  return nullptr;
}

// The other party of a joint subject: "South Korea and the United States held
// exercises", "Armenian and Azerbaijani officials discussed".
Actor SentenceCoder::CoActorOf(const Tree& t, int i) {
  int subj = t.Child(i, "nsubj");
  if (subj < 0) return Actor{};
  int other = t.Child(subj, "conj");
  // A parse with two subjects ("Armenian and Azerbaijani officials" split in two).
  t.ForChildren(i, [&](int c) {
    if (other < 0 && c != subj && t.rel(c) == "nsubj") other = c;
  });
  if (other < 0) {
    t.ForChildren(subj, [&](int c) {
      // "Ethiopian and Somali officials": the first nationality as amod, or as compound.
      if (other < 0 && (t.rel(c) == "amod" || t.rel(c) == "compound")) other = t.Child(c, "conj");
    });
  }
  return other >= 0 ? actors_.Resolve(t, other) : Actor{};
}

bool SentenceCoder::NominalActors(const Tree& t, int n, Actor& source, Actor& target) {
  // Own actors: "Putin's visit to China", "talks between X and Y", "U.S. sanctions on Iran".
  t.ForChildren(n, [&](int c) {
    std::string_view r = t.rel(c);
    if (r == "nmod:poss" && !source.Known()) source = actors_.Resolve(t, c);
    if ((r == "compound" || r == "amod") && !source.Known()) {
      Actor a = actors_.Resolve(t, c);
      if (a.Coded()) source = a;
    }
    if (t.base_rel(c) == "nmod") {
      std::string_view p = t.CaseOf(c);
      if (p == "by" && !source.Known()) source = actors_.Resolve(t, c);
      if (p == "between" && !source.Known()) {
        source = actors_.Resolve(t, c);
        if (int other = t.Child(c, "conj"); other >= 0) target = actors_.Resolve(t, other);
      }
      if (OneOf(p, {"with", "to", "against", "on", "toward", "towards", "for", "from", "over", "of"}) &&
          !target.Known() && !IsDatePhrase(t, c)) {  // not "talks on March 9"
        Actor a = actors_.Resolve(t, c);
        if (a.Known()) target = a;
      }
    }
  });
  // Else the clause that carries it: "Russia imposed sanctions", "X and Y held talks".
  int g = t.head(n);
  std::string_view r = t.base_rel(n);
  if (!source.Known() && g >= 0 && (r == "obj" || r == "xcomp")) {
    source = SubjectOf(t, g, 0);
    if (!target.Known()) {
      Actor a = TargetOf(t, g, source);
      if (a.Known() && a.value.span != t.tok(n).span) target = a;
    }
  }
  // "repelled an attack by the RSF on the city" with "on the city" hung on the verb.
  if (source.Known() && !target.Known() && g >= 0 && r == "obj") {
    t.ForChildren(g, [&](int c) {
      if (!target.Known() && c > n && t.base_rel(c) == "obl" && OneOf(t.CaseOf(c), {"on", "against"}) &&
          !IsDatePhrase(t, c)) {
        target = actors_.Resolve(t, c);
      }
    });
  }
  if (target.Known() && source.Known() && target.value.span == source.value.span) target = Actor{};
  return source.Coded() || target.Coded();
}

void SentenceCoder::SetCode(EventMention& e, const std::string& code, const Pattern* p) const {
  const events::CameoCode* c = dict_.Code(code);
  if (c == nullptr) return;
  e.cameo = c->code;
  e.root = c->root;
  e.quad = c->quad;
  e.goldstein = c->goldstein;
  e.plover = c->plover;
  e.plover_mode = c->plover_mode;
  e.plover_context = c->plover_context;
  // A pattern's PLOVER override holds only while the code is the pattern's own.
  if (p != nullptr && !p->plover.empty() && p->code == code) {
    e.plover = p->plover;
    e.plover_mode = p->plover_mode;
  }
}

void SentenceCoder::Modality(const Tree& t, int i, bool nominal, EventMention& e, std::string code, const Pattern* p,
                             std::set<int>& absorbed) {
  auto negated_at = [&](int k) {
    bool neg = false;
    t.ForChildren(k, [&](int c) {
      if ((t.base_rel(c) == "advmod" || t.rel(c) == "det") && OneOf(t.tok(c).form, {"not", "n't", "never", "no"})) {
        neg = true;
      }
    });
    return neg;
  };
  auto has_aux = [&](int k, std::initializer_list<std::string_view> words) {
    bool found = false;
    t.ForChildren(k, [&](int c) {
      if (t.base_rel(c) == "aux" && OneOf(t.tok(c).form, words)) found = true;
    });
    return found;
  };
  bool negated = negated_at(i), intended = false, hypothetical = false;
  // A nominal event takes the modality of the verb that carries it ("will hold
  // talks"), and that verb may itself be the governor ("offered talks").
  int clause = i;
  std::vector<std::pair<Governor, int>> governors;
  if (nominal) {
    int h = t.head(i);
    std::string_view r = t.base_rel(i);
    if (h < 0 || (r != "obj" && r != "xcomp")) clause = -1;
    if (clause >= 0) {
      clause = h;
      if (Governor g = GovernorOf(t.lemma(h)); g != Governor::kNone) governors.push_back({g, h});
    }
  }
  if (clause >= 0) {
    negated = negated || negated_at(clause);
    intended = has_aux(clause, {"will", "'ll", "shall", "wo"});
    hypothetical = has_aux(clause, {"would", "could", "might", "may", "should", "'d"});
    int h = t.head(clause);
    std::string_view r = t.base_rel(clause);
    bool to_clause = r == "advcl" && t.HasChildLemma(clause, "mark", "to");
    // "agreed to a ceasefire to allow aid in": a verb with its own object is no governor of
    // the purpose clause after it.
    if (to_clause && h >= 0) {
      t.ForChildren(h, [&](int c) {
        if (t.base_rel(c) == "obj" || (t.base_rel(c) == "obl" && t.CaseOf(c) == "to")) to_clause = false;
      });
    }
    if (h >= 0 && (r == "xcomp" || r == "ccomp" || to_clause)) {
      if (Governor g = GovernorOf(t.lemma(h)); g != Governor::kNone) governors.push_back({g, h});
    }
  }
  for (auto [g, h] : governors) {
    if (h != i) absorbed.insert(h);
    bool governor_negated = negated_at(h);
    if (g == Governor::kIntent) {
      intended = !governor_negated;
      negated = negated || governor_negated;
    } else if (g == Governor::kThreat) {
      code = events::ThreatCode(code);
      intended = hypothetical = false;
    } else if (g == Governor::kDeny && !governor_negated) {
      negated = true;
      intended = false;
    } else if (g == Governor::kRefuse && !governor_negated) {
      std::string refusal = events::RefusalCode(code);
      if (refusal.empty()) {
        negated = true;
      } else {
        code = refusal;
      }
      intended = false;
    }
    if (has_aux(h, {"will", "'ll", "shall"})) intended = true;
    if (has_aux(h, {"would", "could", "might", "may"})) hypothetical = true;
  }
  // "if X attacks", "unless Y withdraws"
  for (int k = clause, climb = 0; k >= 0 && climb < 3; k = t.head(k), ++climb) {
    bool cond = false;
    t.ForChildren(k, [&](int c) {
      if (t.rel(c) == "mark" && OneOf(t.tok(c).form, {"if", "unless", "whether"})) cond = true;
    });
    if (cond) hypothetical = true;
    if (t.base_rel(k) != "advcl" && t.base_rel(k) != "xcomp" && t.base_rel(k) != "conj") break;
  }
  if (intended && !negated) {
    code = events::IntentCode(code);
    e.modality = "intended";
  }
  if (hypothetical) e.modality = "hypothetical";
  if (sentence_question_) e.modality = "question";
  e.negated = negated;
  SetCode(e, code, p);
}

std::optional<document::EventPlace> SentenceCoder::PlaceOf(const Tree& t, int predicate) {
  if (!place_) place_ = events::SentencePlace(t, doc_, gaz_, dict_, place_context_);
  if (!*place_) return std::nullopt;
  std::optional<document::EventPlace> own = events::SentencePlace(t, doc_, gaz_, dict_, place_context_, predicate);
  // An act named by a noun that is a verb's subject or object happens where the verb's
  // clause says ("Israeli airstrikes killed 25 people in Gaza").
  std::string_view rel = t.base_rel(predicate);
  if (!own && t.tok(predicate).upos != "VERB" && t.head(predicate) >= 0 && (rel == "nsubj" || rel == "obj")) {
    own = events::SentencePlace(t, doc_, gaz_, dict_, place_context_, t.head(predicate));
  }
  return own ? own : *place_;
}

void SentenceCoder::Finish(const Tree& t, const document::Sentence& s, int predicate, EventMention& e,
                           bool speaker_may_act) {
  if (!date_) date_ = events::ResolveSentenceDate(doc_, s, sentence_future_);
  e.date = date_->date;
  e.date_from = date_->from;
  e.date_span = date_->span;
  if (std::optional<document::EventPlace> place = PlaceOf(t, predicate)) {
    e.place = std::move(place);
  } else {
    if (!doc_place_done_) doc_place_ = events::DocumentPlace(doc_, gaz_, place_context_), doc_place_done_ = true;
    e.place = doc_place_;
  }
  e.evidence = s.span;
  // Quoted speech: a first-person or missing source is the quote's speaker.
  for (size_t q = 0; q < doc_.quotes.size(); ++q) {
    const document::Quote& quote = doc_.quotes[q];
    if (quote.span.start > e.cue.start || quote.span.end < e.cue.end) continue;
    e.quote = static_cast<int>(q);
    bool speaker_fits = speaker_may_act && (e.source.text.empty() || e.source.entity < 0);
    if (quote.speaker >= 0 && speaker_fits && (e.source.text.empty() || e.source.span.size() <= 3)) {
      Actor speaker = actors_.FromEntity(quote.speaker);
      if (speaker.Coded() || e.source.text.empty()) e.source = speaker.value;
    }
    break;
  }
  // "Hamas said the group was committed to the truce": an actor acting on itself names no target.
  // "Deputy oil ministers from six Gulf Arab states will meet in Bahrain": nor do groups of one
  // country and sector, unnamed, on both sides.
  if (e.source.entity >= 0 && e.source.entity == e.target.entity) e.target = {};
  if (e.source.entity < 0 && e.target.entity < 0 && !e.source.actor.empty() && e.source.actor == e.target.actor) {
    e.target = {};
  }
  float c = 0.4f;
  if (!e.source.country.empty() || !e.source.actor.empty()) c += 0.25f;
  if (!e.target.country.empty() || !e.target.actor.empty()) c += 0.2f;
  if (e.modality != "asserted") c -= 0.1f;
  e.confidence = e.cameo.empty() ? 0.f : std::min(c, 0.95f);
}

bool SentenceCoder::IsPersonEntity(const Actor& a) const {
  return a.value.entity >= 0 && a.value.entity < static_cast<int>(doc_.entities.size()) &&
         doc_.entities[a.value.entity].type == "PERSON";
}

// "Thousands of students demonstrated in Seoul": a group named without a country is of
// the country where the sentence places the act. Police and prosecutors with no place named
// act where the story is ("Police detained 12 protesters overnight" under a Tbilisi
// dateline); other groups may be anyone's.
void SentenceCoder::PlaceGroupSource(const Tree& t, int predicate, Actor& source) {
  if (source.Coded() || source.sector.empty()) return;
  std::optional<document::EventPlace> place = PlaceOf(t, predicate);
  // Police, courts and the crowds of a story with no place of their own are the story's
  // ("NAIROBI - ... Protesters threw stones at officers").
  // A name is no crowd ("Union Carbide Corp", "The Soviet Union" hold the word "union").
  const bool of_the_story = SectorIn(source.sector, {"COP", "JUD"}) ||
                            (source.value.entity < 0 && SectorIn(source.sector, {"OPP", "CVL", "LAB", "EDU"}));
  if ((!place || place->country.empty()) && of_the_story) {
    if (!doc_place_done_) doc_place_ = events::DocumentPlace(doc_, gaz_, place_context_), doc_place_done_ = true;
    place = doc_place_;
  }
  if (place && !place->country.empty()) GiveCountry(source, place->country);
}

bool SentenceCoder::InsideAName(document::Span span) const {
  const document::Mention* m = actors_.MentionAt(span);
  if (m == nullptr || m->kind != "name") return false;
  if (m->type == "ORG") return true;  // "Organisation of Islamic Cooperation"
  // The last word of a place's or person's span is more often a noun the NER took in
  // ("U.S. Criticism" in wire capitals) than a word of the name.
  return m->span.end > span.end && (m->type == "GPE" || m->type == "LOC" || m->type == "FAC" || m->type == "PERSON");
}

void SentenceCoder::CodeSentence(const document::Sentence& s) {
  Tree t(doc_, s);
  if (t.size() == 0) return;
  date_.reset();
  place_.reset();
  // "will meet on Thursday", "is due to meet on Thursday": a weekday is the coming one.
  sentence_future_ = false;
  for (int i = 0; i < t.size(); ++i) {
    const std::string& form = t.tok(i).form;
    const bool before_to = i + 1 < t.size() && Tree::LowerEquals(t.tok(i + 1).form, "to");
    sentence_future_ = sentence_future_ || Tree::LowerEquals(form, "will") ||
                       (before_to && (Tree::LowerEquals(form, "due") || Tree::LowerEquals(form, "scheduled") ||
                                      Tree::LowerEquals(form, "slated")));
  }
  sentence_question_ = t.tok(t.size() - 1).form == "?";
  std::vector<Candidate> candidates;
  std::vector<bool> coded_verb(t.size(), false);
  for (int i = 0; i < t.size(); ++i) {
    const document::Token& tok = t.tok(i);
    bool verb = tok.upos == "VERB";
    if (!verb && tok.upos != "NOUN" && tok.upos != "PROPN") continue;
    std::span<const Pattern> patterns;
    std::string lemma;
    for (std::string& l : LemmaCandidates(tok.lemma, tok.form)) {
      patterns = verb ? dict_.VerbPatterns(l) : dict_.NounPatterns(l);
      if (!patterns.empty()) {
        lemma = std::move(l);
        break;
      }
    }
    if (patterns.empty()) continue;
    if (tok.upos == "PROPN" && !Tree::LowerEquals(tok.form, lemma)) continue;  // "Talks" mis-tagged
    // "Asked whether ..., Funaro said", "When pressed about ...": a reporter's question to
    // the speaker, no appeal by anyone.
    if (verb && OneOf(lemma, {"ask", "press", "question"}) && t.Child(i, "nsubj") < 0 && t.Child(i, "nsubj:pass") < 0 &&
        t.Child(i, "aux") < 0 && t.Child(i, "aux:pass") < 0 &&
        (i == 0 || (i == 1 && (Tree::LowerEquals(t.tok(0).form, "when") || Tree::LowerEquals(t.tok(0).form, "if") ||
                               Tree::LowerEquals(t.tok(0).form, "as"))))) {
      continue;
    }
    Match m = MatchPatterns(t, i, patterns);
    if (verb) {
      if (m.pattern != nullptr) coded_verb[i] = !IsLightVerb(lemma);
      if (m.pattern != nullptr || !m.uncoded_reason.empty()) candidates.push_back({i, false, std::move(m)});
    } else if (m.pattern != nullptr && t.base_rel(i) != "compound" && !InsideAName(tok.span)) {
      // "trade talks": the talks are the event; "Organisation for Economic Cooperation and
      // Development" names a body, no cooperation.
      candidates.push_back({i, true, std::move(m)});
    }
  }
  std::set<int> absorbed;
  std::map<uint32_t, uint32_t> carriers;  // verb start -> start of the event noun it carries
  std::map<uint32_t, uint32_t> objects;   // the same, for a noun that is the verb's object
  std::vector<EventMention> found;
  std::vector<int> found_at;  // the predicate token of each
  for (const Candidate& c : candidates) {
    if (static_cast<int>(found.size()) >= kMaxEventsPerSentence) break;
    // A noun that is the object of a verb is an act of the verb's subject only when the verb
    // carries it ("held talks", "imposed sanctions"); under a coded verb the verb says it,
    // under any other the act is only talked of ("opposed the sanctions", "sabotaged the talks").
    // A noun that names its own agent is an act wherever it stands ("repelled an attack by
    // the RSF on the city": the RSF attacked).
    bool own_agent = false;
    t.ForChildren(c.token, [&](int k) { own_agent = own_agent || (t.base_rel(k) == "nmod" && t.CaseOf(k) == "by"); });
    if (c.nominal && !own_agent && t.head(c.token) >= 0 &&
        (t.base_rel(c.token) == "obj" || t.base_rel(c.token) == "xcomp") &&
        (coded_verb[t.head(c.token)] || !CarriesNoun(t.tok(t.head(c.token))))) {
      continue;
    }
    // "called the strikes 'a blatant aggression'" names acts already told; "called a strike"
    // calls one.
    if (c.nominal && t.head(c.token) >= 0 && t.base_rel(c.token) == "obj" &&
        Tree::LowerEquals(t.lemma(t.head(c.token)), "call") && t.HasChildLemma(c.token, "det", "the")) {
      continue;
    }
    EventMention e;
    e.cue = t.tok(c.token).span;
    Actor source, target;
    if (c.nominal) {
      if (!NominalActors(t, c.token, source, target)) continue;
    } else {
      source = SubjectOf(t, c.token, 0);
      PlaceGroupSource(t, c.token, source);  // before the target, whose groups may take its country
      target = TargetOf(t, c.token, source, c.match.pattern != nullptr ? std::string_view(c.match.pattern->code) : "");
    }
    // "Biden called Netanyahu to discuss ...": a purpose clause without its own
    // target talks with the object of the clause it serves.
    if (!c.nominal && !target.Known() && t.head(c.token) >= 0 &&
        (t.base_rel(c.token) == "xcomp" || t.base_rel(c.token) == "advcl") && t.HasChildLemma(c.token, "mark", "to")) {
      int obj = t.Child(t.head(c.token), "obj");
      if (obj >= 0) {
        Actor a = actors_.Resolve(t, obj);
        if (a.Coded()) target = a;
      }
    }
    // Joint actions (meet, cooperate, sign): the second subject is the other party; in an
    // exchange ("Russia and the United States swapped prisoners") it is, before what changed hands.
    std::string_view root = c.match.pattern != nullptr ? std::string_view(c.match.pattern->code).substr(0, 2) : "";
    const bool exchange = !c.nominal && OneOf(t.lemma(c.token), {"swap", "exchange", "trade"});
    // Praise, support or recognition of someone named ("X and Y were the first to congratulate
    // the president-elect") is no joint act of X and Y; signing a deal is.
    const bool directed = root == "05" && c.match.pattern->code != "057" && !c.nominal && t.Child(c.token, "obj") >= 0;
    if ((!target.Coded() && !directed && (root == "04" || root == "05" || root == "06" || root == "03")) || exchange) {
      int clause = c.nominal && t.head(c.token) >= 0 ? t.head(c.token) : c.token;
      // "X and Y agreed to resume talks": the joint subject is the verb's above.
      for (int up = 0; up < 2 && t.Child(clause, "nsubj") < 0 && t.head(clause) >= 0 &&
                       (t.base_rel(clause) == "xcomp" ||
                        (t.base_rel(clause) == "advcl" && t.HasChildLemma(clause, "mark", "to")));
           ++up) {
        clause = t.head(clause);
      }
      Actor other = CoActorOf(t, clause);
      // "Yemen's Houthi rebels and the Saudi-backed government agreed": a body with no country
      // of its own that acts jointly with a coded party is of that party's country.
      const bool inside_source = other.value.span.start >= source.value.span.start &&
                                 other.value.span.end <= source.value.span.end;  // "port and transport union"
      if (!other.Coded() && !other.sector.empty() && !source.value.country.empty() && !inside_source) {
        GiveCountry(other, source.value.country);
      }
      if (other.Coded()) target = other;
    }
    PlaceGroupSource(t, c.token, source);
    e.source = source.value;
    e.target = target.value;
    // "... hosted Aliyev, where the two leaders signed a pipeline agreement": the two parties
    // of the last event with both, the words "the two leaders" standing for each.
    if (!source.Coded() && !target.Coded() && (root == "03" || root == "04" || root == "05" || root == "06")) {
      int subj = c.nominal ? -1 : t.Child(c.token, "nsubj");
      // "the two leaders are expected to sign": the subject of the verb it completes.
      if (!c.nominal && subj < 0 && t.base_rel(c.token) == "xcomp" && t.head(c.token) >= 0) {
        subj = t.Child(t.head(c.token), "nsubj");
        if (subj < 0) subj = t.Child(t.head(c.token), "nsubj:pass");
      }
      if (subj >= 0 && NamesTwoParties(t, subj)) {
        if (const EventMention* last = LastTwoPartyEvent(found, doc_.events)) {
          document::Span words = t.tok(subj).span;  // "the two leaders": from its first modifier
          t.ForChildren(subj, [&](int k) { words.start = std::min(words.start, t.tok(k).span.start); });
          e.source = last->source;
          e.target = last->target;
          for (document::EventActor* a : {&e.source, &e.target}) {
            a->text = doc_.SpanText(words);
            a->span = words;
          }
        }
      }
    }
    if (c.match.pattern != nullptr) {
      std::string_view code = c.match.pattern->code;
      // One person attacking another, by name, is a politician's criticism far more often than
      // an assault ("Bush also attacked billionaire Donald Trump"); an assault names its
      // victims as such ("gunmen attacked the journalist").
      if (code.substr(0, 2) == "19" && Tree::LowerEquals(t.lemma(c.token), "attack") && IsPersonEntity(source) &&
          IsPersonEntity(target)) {
        code = "111";
      }
      Modality(t, c.token, c.nominal, e, std::string(code), c.match.pattern, absorbed);
    } else {
      e.uncoded_reason = c.match.uncoded_reason;
      t.ForChildren(c.token, [&](int k) {
        if (t.base_rel(k) == "advmod" && OneOf(t.tok(k).form, {"not", "n't", "never"})) e.negated = true;
      });
    }
    if (c.nominal && t.head(c.token) >= 0) {
      carriers[t.tok(t.head(c.token)).span.start] = e.cue.start;
      if (t.base_rel(c.token) == "obj") objects[t.tok(t.head(c.token)).span.start] = e.cue.start;
    }
    // Inside a quote, "we"/"I" are the speaker; an event with no stated actor is the
    // speaker's when it is cooperation, or verbal conflict stated by a verb, but not
    // violence ("fighting has killed 15,000, the UN said") nor a conflict named by a
    // noun ("end the crackdown"): the speaker reports those, others commit them.
    const bool speaker_may_act = source.first_person || e.quad <= 2 || (e.quad == 3 && !c.nominal);
    Finish(t, s, c.token, e, speaker_may_act);
    bool coded_actor = !e.source.country.empty() || !e.source.actor.empty() || !e.target.country.empty() ||
                       !e.target.actor.empty();
    if (!coded_actor) continue;
    found.push_back(std::move(e));
    found_at.push_back(c.token);
  }
  // Decided for all before any is moved out.
  std::vector<bool> drop(found.size(), false);
  for (size_t k = 0; k < found.size(); ++k) {
    // A governor absorbed into its complement ("promised to help") is not an event of
    // its own, nor is an uncoded verb that carries a coded noun ("expressed support").
    for (int a : absorbed) drop[k] = drop[k] || found[k].cue == t.tok(a).span;
    for (size_t j = 0; j < found.size() && found[k].cameo.empty(); ++j) {
      drop[k] = drop[k] || (!found[j].cameo.empty() && found[j].cue != found[k].cue &&
                            carriers.count(found[k].cue.start) && carriers[found[k].cue.start] == found[j].cue.start);
    }
  }
  // A coded noun that is the object of a verb coded with the same root, and kept, is that
  // verb's event told twice ("impose sanctions", "send aid"): the verb, with its subject
  // and object, stays.
  for (size_t k = 0; k < found.size(); ++k) {
    for (size_t j = 0; j < found.size() && !drop[k]; ++j) {
      auto object = objects.find(found[j].cue.start);
      drop[k] = j != k && !drop[j] && object != objects.end() && object->second == found[k].cue.start &&
                !found[j].cameo.empty() && found[j].root == found[k].root;
    }
  }
  // "gathered outside the embassy, chanting slogans against France": a clause of manner
  // coded as its head's act, by the same actor, is that act; its target, if the head has none.
  for (size_t k = 0; k < found.size(); ++k) {
    const int at = found_at[k];
    const int owner = t.base_rel(at) == "advcl" ? t.head(at) : TrailingParticipleOwner(t, at);
    if (drop[k] || found[k].cameo.empty() || owner < 0 || at < owner || t.tok(at).xpos != "VBG" ||
        t.Child(at, "mark") >= 0) {
      continue;  // "before flying to Auckland", "Besides agreeing to ...": acts of their own
    }
    for (size_t j = 0; j < found.size(); ++j) {
      if (j == k || drop[j] || found_at[j] != owner || found[j].cameo != found[k].cameo ||
          found[j].source.actor != found[k].source.actor || found[j].source.text != found[k].source.text) {
        continue;
      }
      if (found[j].target.actor.empty() && found[j].target.country.empty()) found[j].target = found[k].target;
      drop[k] = true;
      break;
    }
  }
  for (size_t k = 0; k < found.size(); ++k) {
    if (!drop[k] && doc_.events.size() < kMaxEventsPerDocument) doc_.events.push_back(std::move(found[k]));
  }
}

}  // namespace

EventCoder::EventCoder(std::shared_ptr<const kb::Gazetteer> gazetteer, std::unique_ptr<Tables> tables)
    : gazetteer_(std::move(gazetteer)), tables_(std::move(tables)) {}
EventCoder::~EventCoder() = default;

StatusOr<std::unique_ptr<const EventCoder>> EventCoder::Load(const std::string& dictionary_dir,
                                                             std::shared_ptr<const kb::Gazetteer> gazetteer) {
  if (gazetteer == nullptr) return Status::InvalidArgument("EventCoder needs a gazetteer");
  std::string dir = dictionary_dir.empty() ? events::EventDictionary::DefaultDir() : dictionary_dir;
  NG_ASSIGN_OR_RETURN(events::EventDictionary dict, events::EventDictionary::Load(dir));
  auto tables = std::make_unique<Tables>(Tables{std::move(dict)});
  return std::unique_ptr<const EventCoder>(new EventCoder(std::move(gazetteer), std::move(tables)));
}

void EventCoder::Code(Document& doc) const {
  doc.events.clear();
  if (doc.skipped) return;
  SentenceCoder coder(*tables_, *gazetteer_, doc);
  for (const document::Sentence& s : doc.sentences) {
    if (s.token_end > doc.tokens.size() || s.token_begin >= s.token_end) continue;
    coder.CodeSentence(s);
    if (doc.events.size() >= kMaxEventsPerDocument) break;
  }
}

}  // namespace newsgraph::extract
