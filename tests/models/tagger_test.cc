#include "models/tagger.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <thread>

#include "models/model_file.h"
#include "models/tagger_trainer.h"
#include "models/word_clusters_trainer.h"

namespace newsgraph::models {
namespace {

using document::Token;

// Our own tiny news-like corpus: "form/lemma/UPOS/XPOS/FEATS" per token.
const char* kTinyCorpus[] = {
    "The/the/DET/DT/Definite=Def|PronType=Art minister/minister/NOUN/NN/Number=Sing said/say/VERB/VBD/Mood=Ind|Tense=Past|VerbForm=Fin ././PUNCT/./_",
    "Talks/talk/NOUN/NNS/Number=Plur resumed/resume/VERB/VBD/Mood=Ind|Tense=Past|VerbForm=Fin in/in/ADP/IN/_ Geneva/Geneva/PROPN/NNP/Number=Sing ././PUNCT/./_",
    "The/the/DET/DT/Definite=Def|PronType=Art army/army/NOUN/NN/Number=Sing fired/fire/VERB/VBD/Mood=Ind|Tense=Past|VerbForm=Fin two/two/NUM/CD/NumType=Card missiles/missile/NOUN/NNS/Number=Plur ././PUNCT/./_",
    "She/she/PRON/PRP/Case=Nom|Gender=Fem|Number=Sing|Person=3|PronType=Prs met/meet/VERB/VBD/Mood=Ind|Tense=Past|VerbForm=Fin the/the/DET/DT/Definite=Def|PronType=Art president/president/NOUN/NN/Number=Sing ././PUNCT/./_",
    "Prices/price/NOUN/NNS/Number=Plur rose/rise/VERB/VBD/Mood=Ind|Tense=Past|VerbForm=Fin in/in/ADP/IN/_ March/March/PROPN/NNP/Number=Sing ././PUNCT/./_",
    "The/the/DET/DT/Definite=Def|PronType=Art talks/talk/NOUN/NNS/Number=Plur ended/end/VERB/VBD/Mood=Ind|Tense=Past|VerbForm=Fin ././PUNCT/./_",
    "He/he/PRON/PRP/Case=Nom|Gender=Masc|Number=Sing|Person=3|PronType=Prs visited/visit/VERB/VBD/Mood=Ind|Tense=Past|VerbForm=Fin Seoul/Seoul/PROPN/NNP/Number=Sing ././PUNCT/./_",
    "Officials/official/NOUN/NNS/Number=Plur met/meet/VERB/VBD/Mood=Ind|Tense=Past|VerbForm=Fin in/in/ADP/IN/_ Paris/Paris/PROPN/NNP/Number=Sing ././PUNCT/./_",
    "The/the/DET/DT/Definite=Def|PronType=Art minister/minister/NOUN/NN/Number=Sing visited/visit/VERB/VBD/Mood=Ind|Tense=Past|VerbForm=Fin Tokyo/Tokyo/PROPN/NNP/Number=Sing ././PUNCT/./_",
    "Two/two/NUM/CD/NumType=Card soldiers/soldier/NOUN/NNS/Number=Plur died/die/VERB/VBD/Mood=Ind|Tense=Past|VerbForm=Fin ././PUNCT/./_",
    "She/she/PRON/PRP/Case=Nom|Gender=Fem|Number=Sing|Person=3|PronType=Prs said/say/VERB/VBD/Mood=Ind|Tense=Past|VerbForm=Fin talks/talk/NOUN/NNS/Number=Plur ended/end/VERB/VBD/Mood=Ind|Tense=Past|VerbForm=Fin ././PUNCT/./_",
    "The/the/DET/DT/Definite=Def|PronType=Art president/president/NOUN/NN/Number=Sing fired/fire/VERB/VBD/Mood=Ind|Tense=Past|VerbForm=Fin the/the/DET/DT/Definite=Def|PronType=Art minister/minister/NOUN/NN/Number=Sing ././PUNCT/./_",
};

std::string TinyConllu() {
  std::string out;
  int sent = 0;
  for (const char* line : kTinyCorpus) {
    out += "# sent_id = tiny-" + std::to_string(++sent) + "\n";
    std::string s = line;
    int id = 0;
    for (size_t pos = 0; pos < s.size();) {
      size_t end = s.find(' ', pos);
      if (end == std::string::npos) end = s.size();
      std::string tok = s.substr(pos, end - pos);
      std::vector<std::string> f;
      // "./././PUNCT/./_" style: split from the right into 5 fields.
      for (int k = 0; k < 4; ++k) {
        size_t slash = tok.rfind('/');
        f.insert(f.begin(), tok.substr(slash + 1));
        tok = tok.substr(0, slash);
      }
      f.insert(f.begin(), tok);
      ++id;
      out += std::to_string(id) + "\t" + f[0] + "\t" + f[1] + "\t" + f[2] + "\t" + f[3] + "\t" + f[4] + "\t" +
             std::to_string(id == 1 ? 0 : 1) + "\t" + (id == 1 ? "root" : "dep") + "\t_\t_\n";
      pos = end + 1;
    }
    out += "\n";
  }
  return out;
}

// The files WriteTemp wrote, removed when the test process ends.
struct WrittenFiles {
  std::vector<std::string> paths;
  ~WrittenFiles() {
    for (const std::string& p : paths) std::remove(p.c_str());
  }
};

// Per process: ctest runs each test as its own process, two at a time, and two suites
// writing one path race.
std::string WriteTemp(const std::string& name, const std::string& data) {
  static WrittenFiles written;
  std::string path = testing::TempDir() + "/" + std::to_string(getpid()) + "_" + name;
  std::ofstream(path, std::ios::binary) << data;
  written.paths.push_back(path);
  return path;
}

std::vector<Token> Tokens(const std::vector<std::string>& forms) {
  std::vector<Token> out;
  for (const std::string& f : forms) out.push_back(Token{.form = f});
  return out;
}

class TinyModelTest : public testing::Test {
 protected:
  static void SetUpTestSuite() {
    TaggerTrainOptions options;
    options.train_files = {WriteTemp("tiny_train.conllu", TinyConllu())};
    options.epochs = 8;
    auto trained = TrainTagger(options);
    ASSERT_TRUE(trained.ok()) << trained.status().ToString();
    bytes_ = new std::string(SerializeTaggerModel(*trained));
  }
  static void TearDownTestSuite() { delete bytes_; }
  static std::string* bytes_;
};
std::string* TinyModelTest::bytes_ = nullptr;

TEST_F(TinyModelTest, ReloadsAndTagsTrainingSentences) {
  auto tagger = Tagger::LoadFromBytes(*bytes_, "tiny.ngm");
  ASSERT_TRUE(tagger.ok()) << tagger.status().ToString();
  EXPECT_EQ((*tagger)->meta()["kind"], "tagger");
  auto tokens = Tokens({"The", "minister", "said", "."});
  (*tagger)->TagTokens(tokens);
  EXPECT_EQ(tokens[0].xpos, "DT");
  EXPECT_EQ(tokens[1].upos, "NOUN");
  EXPECT_EQ(tokens[2].xpos, "VBD");
  EXPECT_EQ(tokens[2].lemma, "say");
  EXPECT_EQ(tokens[2].feats, "Mood=Ind|Tense=Past|VerbForm=Fin");
  EXPECT_EQ(tokens[3].upos, "PUNCT");
}

TEST_F(TinyModelTest, TruncatedFileIsCorruption) {
  for (size_t cut : {size_t{4}, size_t{20}, bytes_->size() / 2, bytes_->size() - 3}) {
    auto tagger = Tagger::LoadFromBytes(bytes_->substr(0, cut), "cut.ngm");
    ASSERT_FALSE(tagger.ok()) << cut;
    EXPECT_EQ(tagger.status().code(), StatusCode::kCorruption) << tagger.status().ToString();
    EXPECT_NE(tagger.status().message().find("cut.ngm"), std::string::npos);
  }
}

TEST_F(TinyModelTest, FlippedByteFailsChecksum) {
  std::string bytes = *bytes_;
  bytes[bytes.size() - 10] ^= 0x5A;
  auto tagger = Tagger::LoadFromBytes(bytes, "flip.ngm");
  ASSERT_FALSE(tagger.ok());
  EXPECT_NE(tagger.status().message().find("checksum"), std::string::npos) << tagger.status().ToString();
}

// Rewrites the file with changed meta or self-test, keeping the other sections.
std::string Rewrite(const std::string& bytes, const std::function<void(nlohmann::json&, nlohmann::json&)>& edit) {
  auto file = ModelFile::Parse(bytes, "orig");
  EXPECT_TRUE(file.ok());
  nlohmann::json meta = file->meta(), selftest = file->selftest();
  edit(meta, selftest);
  ModelFileWriter writer(meta);
  writer.SetSelfTest(selftest);
  for (const char* tag : {"labels", "weights", "feats", "lemmatizer", "ambiguity", "clusters", "vocab"}) {
    if (file->HasSection(tag)) writer.AddSection(tag, std::string(*file->Section(tag)));
  }
  return writer.Serialize();
}

TEST_F(TinyModelTest, WrongKindAndVersionAreRejected) {
  auto parser = Tagger::LoadFromBytes(Rewrite(*bytes_, [](auto& m, auto&) { m["kind"] = "parser"; }), "p.ngm");
  ASSERT_FALSE(parser.ok());
  EXPECT_NE(parser.status().message().find("expected 'tagger'"), std::string::npos) << parser.status().ToString();
  auto future = Tagger::LoadFromBytes(Rewrite(*bytes_, [](auto& m, auto&) { m["version"] = 99; }), "f.ngm");
  ASSERT_FALSE(future.ok());
  EXPECT_NE(future.status().message().find("version 99"), std::string::npos) << future.status().ToString();
}

TEST_F(TinyModelTest, SelfTestMismatchIsReported) {
  auto bad = Tagger::LoadFromBytes(Rewrite(*bytes_, [](auto&, auto& st) { st[0]["xpos"][0] = "NNP"; }), "s.ngm");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("self-test failed"), std::string::npos) << bad.status().ToString();
}

// The vocabulary speed cache must not change any output: drop the "vocab" section
// and compare every layer on training and unseen sentences.
TEST_F(TinyModelTest, VocabCacheDoesNotChangeOutput) {
  auto file = ModelFile::Parse(*bytes_, "orig");
  ASSERT_TRUE(file.ok());
  ASSERT_TRUE(file->HasSection("vocab"));
  ModelFileWriter writer(file->meta());
  writer.SetSelfTest(file->selftest());
  for (const char* tag : {"labels", "weights", "feats", "lemmatizer", "ambiguity", "clusters"}) {
    writer.AddSection(tag, std::string(*file->Section(tag)));
  }
  auto cached = Tagger::LoadFromBytes(*bytes_, "cached.ngm");
  auto plain = Tagger::LoadFromBytes(writer.Serialize(), "plain.ngm");
  ASSERT_TRUE(cached.ok()) << cached.status().ToString();
  ASSERT_TRUE(plain.ok()) << plain.status().ToString();
  for (const auto& forms : std::vector<std::vector<std::string>>{
           {"The", "minister", "said", "talks", "ended", "."},
           {"THE", "army", "visited", "Oslo", "on", "Monday", "."},
           {"the", "president", "fired", "two", "officials", "in", "Paris", "."}}) {
    auto a = Tokens(forms), b = Tokens(forms);
    (*cached)->TagTokens(a);
    (*plain)->TagTokens(b);
    for (size_t i = 0; i < a.size(); ++i) {
      EXPECT_EQ(a[i].xpos, b[i].xpos) << forms[i];
      EXPECT_EQ(a[i].upos, b[i].upos) << forms[i];
      EXPECT_EQ(a[i].feats, b[i].feats) << forms[i];
      EXPECT_EQ(a[i].lemma, b[i].lemma) << forms[i];
    }
  }
}

// A model trained with word clusters stores them and refuses to load without them.
TEST(TaggerClustersTest, ClustersAreStoredAndRequired) {
  ClusterTrainOptions copts;
  copts.min_count = 1;
  copts.min_leaf = 1;
  copts.context_words = 20;
  WordClustersTrainer ctrainer(copts);
  for (const char* line : kTinyCorpus) {
    std::vector<std::string> words;
    std::string s = line;
    for (size_t pos = 0; pos < s.size();) {
      size_t end = s.find(' ', pos);
      if (end == std::string::npos) end = s.size();
      words.push_back(s.substr(pos, s.find('/', pos) - pos));
      pos = end + 1;
    }
    ctrainer.AddSentence(words);
  }
  auto clusters = ctrainer.Train(nlohmann::json::object());
  ASSERT_TRUE(clusters.ok()) << clusters.status().ToString();
  TaggerTrainOptions options;
  options.train_files = {WriteTemp("tiny_train_c.conllu", TinyConllu())};
  options.epochs = 4;
  options.clusters = *clusters;
  options.clusters_name = "tiny-clusters";
  auto trained = TrainTagger(options);
  ASSERT_TRUE(trained.ok()) << trained.status().ToString();
  EXPECT_FALSE(trained->tagger->clusters().empty());
  std::string bytes = SerializeTaggerModel(*trained);
  auto tagger = Tagger::LoadFromBytes(bytes, "c.ngm");
  ASSERT_TRUE(tagger.ok()) << tagger.status().ToString();
  EXPECT_EQ((*tagger)->meta()["training"]["clusters"]["file"], "tiny-clusters");
  auto file = ModelFile::Parse(bytes, "c.ngm");
  ASSERT_TRUE(file.ok());
  ModelFileWriter writer(file->meta());
  writer.SetSelfTest(file->selftest());
  for (const char* tag : {"labels", "weights", "feats", "lemmatizer", "ambiguity", "vocab"}) {
    writer.AddSection(tag, std::string(*file->Section(tag)));
  }
  auto missing = Tagger::LoadFromBytes(writer.Serialize(), "noclusters.ngm");
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.status().message().find("'clusters' is missing"), std::string::npos) << missing.status().ToString();
}

// A two-pass model (right-context labels from a first pass) reloads, passes its
// self-test and tags the training sentences.
TEST(TaggerTwoPassTest, TrainsAndReloads) {
  TaggerTrainOptions options;
  options.train_files = {WriteTemp("tiny_train_2p.conllu", TinyConllu())};
  options.epochs = 6;
  options.two_pass = true;
  auto trained = TrainTagger(options);
  ASSERT_TRUE(trained.ok()) << trained.status().ToString();
  auto tagger = Tagger::LoadFromBytes(SerializeTaggerModel(*trained), "2p.ngm");
  ASSERT_TRUE(tagger.ok()) << tagger.status().ToString();
  EXPECT_TRUE((*tagger)->meta()["training"]["two_pass"].get<bool>());
  auto tokens = Tokens({"The", "minister", "said", "."});
  (*tagger)->TagTokens(tokens);
  EXPECT_EQ(tokens[1].xpos, "NN");
  EXPECT_EQ(tokens[2].xpos, "VBD");
}

// A bidirectional model (right-to-left pass, stacked left-to-right pass; payload 3)
// reloads, passes its self-test, tags the training sentences, and needs its
// 'weights_r2l' section. Both ways of labelling the training data are covered.
TEST(TaggerBidirectionalTest, TrainsReloadsAndRequiresR2LWeights) {
  for (int folds : {0, 3}) {
    TaggerTrainOptions options;
    options.train_files = {WriteTemp("tiny_train_bi.conllu", TinyConllu())};
    options.epochs = 6;
    options.bidirectional = true;
    options.stack_folds = folds;
    auto trained = TrainTagger(options);
    ASSERT_TRUE(trained.ok()) << trained.status().ToString();
    std::string bytes = SerializeTaggerModel(*trained);
    auto tagger = Tagger::LoadFromBytes(bytes, "bi.ngm");
    ASSERT_TRUE(tagger.ok()) << tagger.status().ToString();
    EXPECT_TRUE((*tagger)->bidirectional());
    EXPECT_EQ((*tagger)->meta()["version"], 3);
    auto tokens = Tokens({"The", "minister", "said", "."});
    (*tagger)->TagTokens(tokens);
    EXPECT_EQ(tokens[1].xpos, "NN") << "folds " << folds;
    EXPECT_EQ(tokens[2].xpos, "VBD") << "folds " << folds;
    auto file = ModelFile::Parse(bytes, "bi.ngm");
    ASSERT_TRUE(file.ok());
    ModelFileWriter writer(file->meta());
    writer.SetSelfTest(file->selftest());
    for (const char* tag : {"labels", "weights", "feats", "lemmatizer", "ambiguity", "clusters", "vocab"}) {
      writer.AddSection(tag, std::string(*file->Section(tag)));
    }
    auto missing = Tagger::LoadFromBytes(writer.Serialize(), "nor2l.ngm");
    ASSERT_FALSE(missing.ok());
    EXPECT_NE(missing.status().message().find("'weights_r2l' is missing"), std::string::npos)
        << missing.status().ToString();
  }
}

// An ensemble trains its members with different seeds and keeps the mean of their
// weights: the model reloads and tags, training is deterministic, the mean differs
// from a single member's weights, and jackknifed right-to-left labels are refused.
TEST(TaggerEnsembleTest, MeanOfMembersTrainsDeterministically) {
  auto train = [](int ensemble, int folds) {
    TaggerTrainOptions options;
    options.train_files = {WriteTemp("tiny_train_ens.conllu", TinyConllu())};
    options.epochs = 4;
    options.bidirectional = true;
    options.ensemble = ensemble;
    options.stack_folds = folds;
    return TrainTagger(options);
  };
  auto one = train(1, 0), a = train(3, 0), b = train(3, 0);
  ASSERT_TRUE(one.ok() && a.ok() && b.ok());
  EXPECT_EQ(a->tagger->weights().Serialize(), b->tagger->weights().Serialize());
  EXPECT_EQ(a->tagger->weights_r2l().Serialize(), b->tagger->weights_r2l().Serialize());
  EXPECT_NE(a->tagger->weights().Serialize(), one->tagger->weights().Serialize());
  EXPECT_EQ(a->tagger->meta()["training"]["ensemble"], 3);
  auto tagger = Tagger::LoadFromBytes(SerializeTaggerModel(*a), "ens.ngm");
  ASSERT_TRUE(tagger.ok()) << tagger.status().ToString();
  auto tokens = Tokens({"The", "minister", "said", "."});
  (*tagger)->TagTokens(tokens);
  EXPECT_EQ(tokens[1].xpos, "NN");
  EXPECT_EQ(tokens[2].xpos, "VBD");
  auto refused = train(2, 3);
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.status().message().find("ensemble"), std::string::npos) << refused.status().ToString();
}

// The mirrored right-to-left features of token i read the words that the
// left-to-right features of the mirror token read.
TEST(TaggerBidirectionalTest, RightToLeftFeaturesMirrorLeftToRight) {
  std::vector<std::string_view> forms = {"a", "quick", "brown", "fox", "jumps"};
  std::vector<std::string_view> reversed(forms.rbegin(), forms.rend());
  std::vector<tagger_internal::WordInfo> words, rwords;
  tagger_internal::ComputeWordInfo(forms, nullptr, words);
  tagger_internal::ComputeWordInfo(reversed, nullptr, rwords);
  for (auto* w : {&words, &rwords}) {
    for (auto& info : *w) info.flags &= ~tagger_internal::kFirstFlag;  // the first-token flag is not mirrored
  }
  uint64_t a[tagger_internal::kMaxFeatures], b[tagger_internal::kMaxFeatures];
  for (size_t i = 0; i < forms.size(); ++i) {
    int n = tagger_internal::ExtractFeatures(words, i, 3, 4, a);
    int m = tagger_internal::ExtractFeaturesR2L(rwords, forms.size() - 1 - i, 3, 4, b);
    ASSERT_EQ(n, m);
    // Near an edge the sentinels differ (START on one side, END on the other);
    // the middle token sees words on both sides, so all its keys are equal.
    if (i != 2) continue;
    for (int k = 0; k < n; ++k) EXPECT_EQ(a[k], b[k]) << "feature " << k;
  }
}

TEST(TaggerLoadTest, MissingFileIsNotFound) {
  auto tagger = Tagger::Load("/nonexistent/dir/tagger.ngm");
  ASSERT_FALSE(tagger.ok());
  EXPECT_EQ(tagger.status().code(), StatusCode::kNotFound);
  EXPECT_NE(tagger.status().message().find("/nonexistent/dir/tagger.ngm"), std::string::npos);
}

TEST(TaggerLoadTest, NotAModelFile) {
  auto tagger = Tagger::LoadFromBytes("hello world, not a model", "junk.ngm");
  ASSERT_FALSE(tagger.ok());
  EXPECT_NE(tagger.status().message().find("bad magic"), std::string::npos);
}

// ---- The committed model on sentences written for these tests ----

class CommittedModelTest : public testing::Test {
 protected:
  void SetUp() override {
    auto loaded = Tagger::Load(Tagger::DefaultPath());
    ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
    tagger_ = *loaded;
  }
  std::vector<Token> Tag(const std::vector<std::string>& forms) {
    auto tokens = Tokens(forms);
    tagger_->TagTokens(tokens);
    return tokens;
  }
  std::shared_ptr<const Tagger> tagger_;
};

TEST_F(CommittedModelTest, NewsSentence) {
  auto t = Tag({"The", "foreign", "minister", "said", "on", "Monday", "that", "the", "talks", "had", "failed", "."});
  std::vector<std::string> upos = {"DET", "ADJ", "NOUN", "VERB", "ADP", "PROPN", "SCONJ", "DET", "NOUN", "AUX", "VERB", "PUNCT"};
  for (size_t i = 0; i < t.size(); ++i) EXPECT_EQ(t[i].upos, upos[i]) << t[i].form;
  EXPECT_EQ(t[3].lemma, "say");
  EXPECT_EQ(t[8].lemma, "talk");
  EXPECT_EQ(t[10].lemma, "fail");
}

TEST_F(CommittedModelTest, ForeignNamesAreProperNouns) {
  auto t = Tag({"Ri", "Pyong", "Chol", "and", "Jo", "Chun", "Ryong", "visited", "Vladivostok", "."});
  for (size_t i : {0u, 1u, 2u, 4u, 5u, 6u, 8u}) EXPECT_EQ(t[i].upos, "PROPN") << t[i].form;
  EXPECT_EQ(t[7].xpos, "VBD");
}

// "Russian drones struck energy facilities": the act in the past tense, not a participle; a
// participle with no object ("killed in the attack") or before a time ("issued today") stays one.
TEST_F(CommittedModelTest, AParticipleAfterItsSubjectWithAnObjectIsThePastTense) {
  auto t = Tag({"Russian", "drones", "struck", "energy", "facilities", "in", "Kharkiv", "overnight", "."});
  EXPECT_EQ(t[2].xpos, "VBD");
  EXPECT_EQ(t[2].upos, "VERB");
  EXPECT_EQ(t[2].lemma, "strike");
  auto relative = Tag({"Soldiers", "killed", "in", "the", "attack", "were", "buried", "on", "Friday", "."});
  EXPECT_EQ(relative[1].xpos, "VBN");
  auto timed = Tag({"In", "a", "statement", "issued", "today", "the", "ministry", "warned", "of", "delays", "."});
  EXPECT_EQ(timed[3].xpos, "VBN");
}

TEST_F(CommittedModelTest, AllCapsHeadline) {
  auto t = Tag({"GOVERNMENT", "ANNOUNCES", "NEW", "TAXES", "ON", "FUEL"});
  EXPECT_EQ(t[4].upos, "ADP");
  EXPECT_EQ(t[2].upos, "ADJ");
  EXPECT_EQ(t[3].lemma, "tax");
}

TEST_F(CommittedModelTest, LowercaseNumbersAndDates) {
  auto t = Tag({"profits", "rose", "4.5", "%", "to", "$", "1.2", "billion", "on", "march", "3", ",", "2021", "."});
  EXPECT_EQ(t[0].upos, "NOUN");
  EXPECT_EQ(t[1].lemma, "rise");
  EXPECT_EQ(t[2].upos, "NUM");
  EXPECT_EQ(t[6].upos, "NUM");
  EXPECT_EQ(t[12].upos, "NUM");
  EXPECT_EQ(t[11].upos, "PUNCT");
}

TEST_F(CommittedModelTest, LongSentenceAndEmptyInput) {
  std::vector<std::string> forms;
  for (int i = 0; i < 300; ++i) forms.push_back(i % 3 == 0 ? "the" : i % 3 == 1 ? "army" : "and");
  auto t = Tag(forms);
  ASSERT_EQ(t.size(), 300u);
  for (const Token& tok : t) EXPECT_FALSE(tok.upos.empty());
  std::vector<Token> none;
  tagger_->TagTokens(none);
  EXPECT_TRUE(none.empty());
}

TEST_F(CommittedModelTest, TagsDocumentSentences) {
  document::Document doc;
  doc.text = "Troops withdrew. Talks resumed.";
  for (auto [b, e] : std::vector<std::pair<uint32_t, uint32_t>>{{0, 6}, {7, 15}, {15, 16}, {17, 22}, {23, 30}, {30, 31}}) {
    doc.tokens.push_back(Token{.span = {b, e}, .form = std::string(doc.text.substr(b, e - b))});
  }
  doc.sentences.push_back({.span = {0, 16}, .token_begin = 0, .token_end = 3});
  doc.sentences.push_back({.span = {17, 31}, .token_begin = 3, .token_end = 6});
  tagger_->Tag(doc);
  EXPECT_EQ(doc.tokens[0].upos, "NOUN");
  EXPECT_EQ(doc.tokens[1].lemma, "withdraw");
  EXPECT_EQ(doc.tokens[5].upos, "PUNCT");
}

TEST_F(CommittedModelTest, SameResultsFromFourThreads) {
  std::vector<std::vector<std::string>> sentences = {
      {"The", "ministry", "denied", "the", "report", "."},
      {"REBELS", "SEIZE", "TOWN"},
      {"Jo", "Chun", "Ryong", "arrived", "in", "Moscow", "on", "Tuesday", "."},
      {"shares", "fell", "2", "%", "."}};
  std::vector<std::vector<Token>> expected;
  for (const auto& s : sentences) expected.push_back(Tag(s));
  std::vector<int> mismatches(4, 0);
  std::vector<std::thread> threads;
  for (int th = 0; th < 4; ++th) {
    threads.emplace_back([&, th] {
      for (int round = 0; round < 200; ++round) {
        for (size_t s = 0; s < sentences.size(); ++s) {
          auto tokens = Tokens(sentences[(s + th) % sentences.size()]);
          tagger_->TagTokens(tokens);
          const auto& want = expected[(s + th) % sentences.size()];
          for (size_t i = 0; i < tokens.size(); ++i) {
            mismatches[th] += tokens[i].xpos != want[i].xpos || tokens[i].lemma != want[i].lemma;
          }
        }
      }
    });
  }
  for (auto& t : threads) t.join();
  for (int m : mismatches) EXPECT_EQ(m, 0);
}

}  // namespace
}  // namespace newsgraph::models
