// Who speaks, on hand-built parses (the models' parses change): whom a pronoun speaker
// stands for, and whose voice a participle such as ", saying" is.
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

// "A judge rejected a request to unseal the file , saying the court had no say ." with
// "saying" hung on "unseal", which has no subject: the participle speaks for the judge.
TEST(QuoteParticipleTest, ACommaParticipleSpeaksForTheSentenceSubject) {
  Document doc;
  AddSentence(doc, {{"A", "a", "DET", 2, "det"},
                    {"judge", "judge", "NOUN", 3, "nsubj"},
                    {"rejected", "reject", "VERB", 0, "root"},
                    {"a", "a", "DET", 5, "det"},
                    {"request", "request", "NOUN", 3, "obj"},
                    {"to", "to", "PART", 7, "mark"},
                    {"unseal", "unseal", "VERB", 5, "acl"},
                    {"the", "the", "DET", 9, "det"},
                    {"file", "file", "NOUN", 7, "obj"},
                    {",", ",", "PUNCT", 11, "punct"},
                    {"saying", "say", "VERB", 7, "advcl"},
                    {"the", "the", "DET", 13, "det"},
                    {"court", "court", "NOUN", 14, "nsubj"},
                    {"had", "have", "VERB", 11, "ccomp"},
                    {"no", "no", "DET", 16, "det"},
                    {"say", "say", "NOUN", 14, "obj"},
                    {".", ".", "PUNCT", 3, "punct"}});
  doc.tokens[10].xpos = "VBG";
  FindQuotes(doc);
  ASSERT_EQ(doc.quotes.size(), 1u) << doc.text;
  EXPECT_EQ(doc.SpanText(doc.quotes[0].speaker_span), "A judge") << doc.quotes[0].reason;
}

// "Critics opposed the bill , with the chairman , Hale , saying more study was needed ." with
// "saying" hung on "chairman": the participle has a subject of its own, so it is not the critics'.
TEST(QuoteParticipleTest, WithAndAParticipleIsNotTheSentenceSubjectSpeaking) {
  Document doc;
  AddSentence(doc, {{"Critics", "critic", "NOUN", 2, "nsubj"},
                    {"opposed", "oppose", "VERB", 0, "root"},
                    {"the", "the", "DET", 4, "det"},
                    {"bill", "bill", "NOUN", 2, "obj"},
                    {",", ",", "PUNCT", 8, "punct"},
                    {"with", "with", "ADP", 8, "case"},
                    {"the", "the", "DET", 8, "det"},
                    {"chairman", "chairman", "NOUN", 2, "obl"},
                    {",", ",", "PUNCT", 10, "punct"},
                    {"Hale", "Hale", "PROPN", 8, "appos"},
                    {",", ",", "PUNCT", 12, "punct"},
                    {"saying", "say", "VERB", 8, "acl"},
                    {"more", "more", "ADJ", 14, "amod"},
                    {"study", "study", "NOUN", 16, "nsubj:pass"},
                    {"was", "be", "AUX", 16, "aux:pass"},
                    {"needed", "need", "VERB", 12, "ccomp"},
                    {".", ".", "PUNCT", 2, "punct"}});
  doc.tokens[11].xpos = "VBG";
  FindQuotes(doc);
  ASSERT_EQ(doc.quotes.size(), 1u) << doc.text;
  EXPECT_NE(doc.SpanText(doc.quotes[0].speaker_span), "Critics") << doc.quotes[0].reason;
}

}  // namespace
}  // namespace newsgraph::extract
