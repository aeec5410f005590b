// Whom a pronoun speaker stands for, on hand-built parses (the models' parses change).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "document/document.h"
#include "extract/quotes/quotes.h"

namespace newsgraph::extract {
namespace {

using document::Document;

struct Word {
  const char* form;
  const char* lemma;
  const char* upos;
  int head;  // 1-based in the sentence, 0 = root
  const char* deprel;
};

// Appends one sentence of `words`, separated by spaces, to `doc`.
void AddSentence(Document& doc, const std::vector<Word>& words) {
  if (!doc.text.empty()) doc.text += " ";
  document::Sentence s;
  s.token_begin = static_cast<uint32_t>(doc.tokens.size());
  s.span.start = static_cast<uint32_t>(doc.text.size());
  for (size_t i = 0; i < words.size(); ++i) {
    if (i > 0) doc.text += " ";
    document::Token t;
    t.span.start = static_cast<uint32_t>(doc.text.size());
    doc.text += words[i].form;
    t.span.end = static_cast<uint32_t>(doc.text.size());
    t.form = words[i].form;
    t.lemma = words[i].lemma;
    t.upos = words[i].upos;
    t.head = words[i].head;
    t.deprel = words[i].deprel;
    doc.tokens.push_back(t);
  }
  s.token_end = static_cast<uint32_t>(doc.tokens.size());
  s.span.end = static_cast<uint32_t>(doc.text.size());
  doc.sentences.push_back(s);
}

// "Ana Quell heads a council that Varnex runs . She said the talks would resume ." with the
// NER's ORG on "Varnex": the company, a clause's subject named after the person, is no one who
// speaks, so "She" is Ana Quell.
TEST(QuoteAntecedentTest, AnOrganizationThatIsASubjectIsNoSpeaker) {
  Document doc;
  AddSentence(doc, {{"Ana", "Ana", "PROPN", 3, "nsubj"},
                    {"Quell", "Quell", "PROPN", 1, "flat"},
                    {"heads", "head", "VERB", 0, "root"},
                    {"a", "a", "DET", 5, "det"},
                    {"council", "council", "NOUN", 3, "obj"},
                    {"that", "that", "PRON", 8, "obj"},
                    {"Varnex", "Varnex", "PROPN", 8, "nsubj"},
                    {"runs", "run", "VERB", 5, "acl:relcl"},
                    {".", ".", "PUNCT", 3, "punct"}});
  AddSentence(doc, {{"She", "she", "PRON", 2, "nsubj"},
                    {"said", "say", "VERB", 0, "root"},
                    {"the", "the", "DET", 4, "det"},
                    {"talks", "talk", "NOUN", 6, "nsubj"},
                    {"would", "would", "AUX", 6, "aux"},
                    {"resume", "resume", "VERB", 2, "ccomp"},
                    {".", ".", "PUNCT", 2, "punct"}});
  const uint32_t varnex = doc.tokens[6].span.start;
  doc.mentions.push_back({{0, 9}, "PERSON", "name", 0});
  doc.mentions.push_back({{varnex, varnex + 6}, "ORG", "name", 1});
  document::Entity ana;
  ana.id = "e1";
  ana.type = "PERSON";
  ana.name = "Ana Quell";
  ana.mentions = {0};
  document::Entity company;
  company.id = "e2";
  company.type = "ORG";
  company.name = "Varnex";
  company.mentions = {1};
  doc.entities = {ana, company};
  FindQuotes(doc);
  ASSERT_EQ(doc.quotes.size(), 1u) << doc.text;
  EXPECT_EQ(doc.quotes[0].speaker_name, "Ana Quell") << doc.quotes[0].reason;
}

}  // namespace
}  // namespace newsgraph::extract
