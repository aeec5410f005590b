#include "models/reporting_clause_trainer.h"

#include <random>
#include <string>
#include <string_view>
#include <utility>

namespace newsgraph::models {
namespace {

// A word of the reporting clause. `head` indexes the clause's words; kToVerb attaches the
// word to the reporting verb, kRoot makes it the verb itself.
constexpr int kToVerb = -1;
constexpr int kRoot = -2;
struct Word {
  std::string_view form, lemma, upos, xpos;
  int head;
  std::string_view deprel;
};
using Phrase = std::vector<Word>;

// Invented names from many languages, and the words of titles and unnamed sources.
constexpr std::string_view kFirstNames[] = {"Olga",  "Marco", "Amina", "Kenji",  "Pedro", "Fatima", "Ivan",
                                            "Grace", "Tomas", "Leila", "Samuel", "Ana",   "Jo",     "Chen",
                                            "Rahul", "Ingrid", "Kwame", "Sofia", "Yusuf", "Helen"};
constexpr std::string_view kSurnames[] = {"Brandt", "Bruni",  "Okafor", "Tanaka", "Silva",    "Haddad",
                                          "Petrov", "Mensah", "Novak",  "Rahman", "Lindqvist", "Moreau",
                                          "Ekwe",   "Varga",  "Chol",   "Sato",   "Kowalski", "Reyes"};
constexpr std::string_view kPortfolios[] = {"Finance", "Foreign", "Interior", "Defence", "Health", "Trade"};
constexpr std::string_view kSpokesBodies[] = {"army", "police", "company", "airline", "government", "ministry"};
constexpr std::string_view kPlurals[] = {"police", "officials", "witnesses", "analysts", "residents", "diplomats"};
constexpr std::string_view kBodies[] = {"ministry", "army", "company", "agency", "court", "embassy"};
constexpr std::string_view kWeekdays[] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
                                          "Sunday"};

template <typename T, size_t N>
T Pick(const T (&list)[N], std::mt19937_64& rng) {
  return list[rng() % N];
}

// A person: "Olga Brandt", "Finance Minister Olga Brandt", "airline spokesman Marco Bruni",
// "Governor Kwame Ekwe" (the title a nmod:desc of the name, as EWT has it).
Phrase Person(std::mt19937_64& rng) {
  Phrase p;
  switch (rng() % 4) {
    case 0:
      break;
    case 1:
      p.push_back({Pick(kPortfolios, rng), "", "PROPN", "NNP", 1, "compound"});
      p.push_back({"Minister", "Minister", "PROPN", "NNP", 2, "nmod:desc"});
      break;
    case 2: {
      p.push_back({Pick(kSpokesBodies, rng), "", "NOUN", "NN", 1, "compound"});
      const bool woman = rng() % 2 == 0;
      p.push_back({woman ? "spokeswoman" : "spokesman", woman ? "spokeswoman" : "spokesman", "NOUN", "NN", 2,
                   "nmod:desc"});
      break;
    }
    default:
      p.push_back({"Governor", "Governor", "PROPN", "NNP", 1, "nmod:desc"});
  }
  const int name = static_cast<int>(p.size());
  p.push_back({Pick(kFirstNames, rng), "", "PROPN", "NNP", kToVerb, "nsubj"});
  p.push_back({Pick(kSurnames, rng), "", "PROPN", "NNP", name, "flat"});
  return p;
}

// An unnamed source: "police", "the ministry", "a company spokeswoman", "he".
Phrase Source(std::mt19937_64& rng) {
  switch (rng() % 4) {
    case 0:
      return {{Pick(kPlurals, rng), "", "NOUN", "NNS", kToVerb, "nsubj"}};
    case 1:
      return {{"the", "the", "DET", "DT", 1, "det"}, {Pick(kBodies, rng), "", "NOUN", "NN", kToVerb, "nsubj"}};
    case 2: {
      const bool woman = rng() % 2 == 0;
      const std::string_view body = Pick(kSpokesBodies, rng);
      const bool vowel = body[0] == 'a' || body[0] == 'e' || body[0] == 'i' || body[0] == 'o' || body[0] == 'u';
      return {{vowel ? "an" : "a", "a", "DET", "DT", 2, "det"},
              {body, "", "NOUN", "NN", 2, "compound"},
              {woman ? "spokeswoman" : "spokesman", "", "NOUN", "NN", kToVerb, "nsubj"}};
    }
    default: {
      const bool she = rng() % 2 == 0;
      return {{she ? "she" : "he", she ? "she" : "he", "PRON", "PRP", kToVerb, "nsubj"}};
    }
  }
}

// Appends `p` to `clause`, its heads moved by the clause's length.
void Append(Phrase& clause, const Phrase& p) {
  const int offset = static_cast<int>(clause.size());
  for (Word w : p) {
    if (w.head >= 0) w.head += offset;
    clause.push_back(w);
  }
}

// The words after the sentence's comma: "[subject] said [on Monday | in a statement]",
// "[subject] told reporters", or "said [person]".
Phrase ReportingClause(std::mt19937_64& rng) {
  Phrase clause;
  const bool person = rng() % 2 == 0;
  const Phrase subject = person ? Person(rng) : Source(rng);
  if (person && rng() % 6 == 0) {  // ", said Olga Brandt."
    clause.push_back({"said", "say", "VERB", "VBD", kRoot, "root"});
    Append(clause, subject);
    return clause;
  }
  Append(clause, subject);
  switch (rng() % 6) {
    case 0:
      clause.push_back({"told", "tell", "VERB", "VBD", kRoot, "root"});
      clause.push_back({"reporters", "reporter", "NOUN", "NNS", kToVerb, "iobj"});
      break;
    case 1:
      clause.push_back({"added", "add", "VERB", "VBD", kRoot, "root"});
      break;
    case 2:  // "says" after a singular subject only ("police says" is no English)
      if (subject.back().xpos != "NNS") {
        clause.push_back({"says", "say", "VERB", "VBZ", kRoot, "root"});
        break;
      }
      [[fallthrough]];
    default:
      clause.push_back({"said", "say", "VERB", "VBD", kRoot, "root"});
  }
  const int tail = static_cast<int>(clause.size());
  switch (rng() % 5) {
    case 0:
      clause.push_back({"on", "on", "ADP", "IN", tail + 1, "case"});
      clause.push_back({Pick(kWeekdays, rng), "", "PROPN", "NNP", kToVerb, "obl"});
      break;
    case 1:
      clause.push_back({"in", "in", "ADP", "IN", tail + 2, "case"});
      clause.push_back({"a", "a", "DET", "DT", tail + 2, "det"});
      clause.push_back({"statement", "statement", "NOUN", "NN", kToVerb, "obl"});
      break;
    default:
      break;
  }
  return clause;
}

bool IsQuoteMark(std::string_view f) {
  return f == "\"" || f == "``" || f == "''" || f == "'" || f == "\u201c" || f == "\u201d" || f == "\u2018" ||
         f == "\u2019";
}

// A parsed declarative clause ending in a period: one root, a verb, with a subject.
bool IsReportable(const document::Document& doc, const document::Sentence& s) {
  if (s.size() < 5 || s.size() > 40 || !s.multiword_lines.empty()) return false;
  const document::Token& last = doc.tokens[s.token_end - 1];
  if (last.form != "." || last.deprel != "punct") return false;
  int root = -1;
  for (uint32_t i = s.token_begin; i < s.token_end; ++i) {
    const document::Token& t = doc.tokens[i];
    if (t.head < 0 || IsQuoteMark(t.form)) return false;
    if (t.head == 0) {
      if (root >= 0) return false;
      root = static_cast<int>(i - s.token_begin) + 1;
    }
  }
  if (root < 0 || doc.tokens[s.token_begin + root - 1].upos != "VERB" || last.head != root) return false;
  for (uint32_t i = s.token_begin; i < s.token_end; ++i) {
    const document::Token& t = doc.tokens[i];
    if (t.head == root && t.deprel.rfind("nsubj", 0) == 0) return true;
  }
  return false;
}

document::Document WithReportingClause(const document::Document& doc, const document::Sentence& s,
                                       const Phrase& clause, size_t n) {
  std::vector<document::Token> tokens(doc.tokens.begin() + s.token_begin, doc.tokens.begin() + s.token_end - 1);
  int root = 0;
  for (const auto& t : tokens) root = t.head == 0 ? static_cast<int>(&t - tokens.data()) + 1 : root;
  const int comma = static_cast<int>(tokens.size()) + 1;  // 1-based positions
  int verb = 0;
  for (size_t k = 0; k < clause.size(); ++k) verb = clause[k].head == kRoot ? comma + 1 + static_cast<int>(k) : verb;
  tokens[root - 1].head = verb;
  tokens[root - 1].deprel = "ccomp";
  document::Token comma_token;
  comma_token.form = comma_token.lemma = comma_token.xpos = std::string(",");
  comma_token.upos = "PUNCT";
  comma_token.deprel = "punct";
  comma_token.head = root;
  tokens.push_back(comma_token);
  for (const Word& w : clause) {
    document::Token c;
    c.form = std::string(w.form);
    c.lemma = w.lemma.empty() ? c.form : std::string(w.lemma);  // the parser reads no lemma
    c.upos = std::string(w.upos), c.xpos = std::string(w.xpos), c.deprel = std::string(w.deprel);
    c.head = w.head == kRoot ? 0 : w.head == kToVerb ? verb : comma + 1 + w.head;
    tokens.push_back(c);
  }
  document::Token period = doc.tokens[s.token_end - 1];
  period.head = verb;
  tokens.push_back(period);

  document::Document out;
  out.id = "reporting-clause-" + std::to_string(n);
  out.origin = doc.origin;
  for (auto& tok : tokens) {
    if (!out.text.empty()) out.text += ' ';
    tok.span = {static_cast<uint32_t>(out.text.size()), static_cast<uint32_t>(out.text.size() + tok.form.size())};
    tok.space_after = true;
    tok.misc.clear();
    out.text += tok.form;
  }
  document::Sentence sentence;
  sentence.span = {0, static_cast<uint32_t>(out.text.size())};
  sentence.token_end = static_cast<uint32_t>(tokens.size());
  out.tokens = std::move(tokens);
  out.sentences.push_back(sentence);
  return out;
}

}  // namespace

std::vector<document::Document> MakeReportingClauseSentences(const std::vector<document::Document>& treebank,
                                                             size_t count, uint64_t seed) {
  std::vector<std::pair<size_t, size_t>> candidates;  // (document, sentence)
  for (size_t d = 0; d < treebank.size(); ++d) {
    for (size_t s = 0; s < treebank[d].sentences.size(); ++s) {
      if (IsReportable(treebank[d], treebank[d].sentences[s])) candidates.emplace_back(d, s);
    }
  }
  std::mt19937_64 rng(seed);
  // Fisher-Yates with the engine's raw output: the same choice on every standard library.
  for (size_t i = candidates.size(); i > 1; --i) std::swap(candidates[i - 1], candidates[rng() % i]);
  if (candidates.size() > count) candidates.resize(count);
  std::vector<document::Document> out;
  out.reserve(candidates.size());
  for (const auto& [d, s] : candidates) {
    out.push_back(WithReportingClause(treebank[d], treebank[d].sentences[s], ReportingClause(rng), out.size()));
  }
  return out;
}

}  // namespace newsgraph::models
