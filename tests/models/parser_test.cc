#include "models/parser.h"

#include <sstream>
#include <thread>

#include <gtest/gtest.h>

#include "base/file.h"
#include "models/model_file.h"
#include "models/parser_trainer.h"
#include "models/reporting_clause_trainer.h"

namespace newsgraph::models {
namespace {

struct Tok {
  const char* form;
  const char* upos;
  const char* xpos;
  int head;
  const char* deprel;
};

document::Document MakeDoc(const std::vector<std::vector<Tok>>& sentences) {
  document::Document doc;
  doc.origin = "test";
  for (const auto& sent : sentences) {
    document::Sentence s;
    s.token_begin = static_cast<uint32_t>(doc.tokens.size());
    for (const Tok& t : sent) {
      document::Token tok;
      tok.form = t.form;
      tok.upos = t.upos;
      tok.xpos = t.xpos;
      tok.head = t.head;
      tok.deprel = t.deprel;
      doc.tokens.push_back(tok);
    }
    s.token_end = static_cast<uint32_t>(doc.tokens.size());
    doc.sentences.push_back(s);
  }
  return doc;
}

// Our own news-like sentences with projective trees.
document::Document TrainingDoc() {
  return MakeDoc({
      {{"Rebels", "NOUN", "NNS", 2, "nsubj"}, {"attacked", "VERB", "VBD", 0, "root"},
       {"the", "DET", "DT", 4, "det"}, {"town", "NOUN", "NN", 2, "obj"}, {".", "PUNCT", ".", 2, "punct"}},
      {{"The", "DET", "DT", 2, "det"}, {"president", "NOUN", "NN", 3, "nsubj"},
       {"visited", "VERB", "VBD", 0, "root"}, {"Kenya", "PROPN", "NNP", 3, "obj"},
       {"on", "ADP", "IN", 6, "case"}, {"Monday", "PROPN", "NNP", 3, "obl"}, {".", "PUNCT", ".", 3, "punct"}},
      {{"Officials", "NOUN", "NNS", 2, "nsubj"}, {"said", "VERB", "VBD", 0, "root"},
       {"talks", "NOUN", "NNS", 5, "nsubj"}, {"would", "AUX", "MD", 5, "aux"},
       {"continue", "VERB", "VB", 2, "ccomp"}, {".", "PUNCT", ".", 2, "punct"}},
      {{"Troops", "NOUN", "NNS", 3, "nsubj:pass"}, {"were", "AUX", "VBD", 3, "aux:pass"},
       {"sent", "VERB", "VBN", 0, "root"}, {"to", "ADP", "IN", 6, "case"}, {"the", "DET", "DT", 6, "det"},
       {"border", "NOUN", "NN", 3, "obl"}, {".", "PUNCT", ".", 3, "punct"}},
  });
}

// True when heads form one tree: heads in range, exactly one root, no cycles.
bool IsTree(const document::Document& doc, const document::Sentence& s, std::string* why) {
  const int n = static_cast<int>(s.size());
  int roots = 0;
  for (int i = 0; i < n; ++i) {
    const int h = doc.tokens[s.token_begin + i].head;
    if (h < 0 || h > n || h == i + 1) return *why = "bad head at " + std::to_string(i + 1), false;
    if (doc.tokens[s.token_begin + i].deprel.empty()) return *why = "empty deprel", false;
    roots += h == 0;
  }
  if (roots != 1) return *why = std::to_string(roots) + " roots", false;
  for (int i = 1; i <= n; ++i) {
    int k = i, steps = 0;
    while (k != 0 && steps++ <= n) k = doc.tokens[s.token_begin + k - 1].head;
    if (k != 0) return *why = "cycle through " + std::to_string(i), false;
  }
  return true;
}

void ClearParse(document::Document& doc) {
  for (auto& t : doc.tokens) {
    t.head = -1;
    t.deprel.clear();
  }
}

std::string TinyModelBytes() {
  ParserTrainerOptions opt;
  opt.epochs = 12;
  opt.action_bits = 14;
  opt.label_bits = 10;
  std::ostringstream log;
  auto trained = TrainParser({TrainingDoc()}, {}, opt, log);
  EXPECT_TRUE(trained.ok()) << trained.status().ToString();
  auto bytes = BuildParserModelFile(trained->weights, {{"training_spec", "tiny test"}}, ParserSelfTestSentences());
  EXPECT_TRUE(bytes.ok()) << bytes.status().ToString();
  return *bytes;
}

const std::string& TinyModel() {
  static const std::string* bytes = new std::string(TinyModelBytes());
  return *bytes;
}

TEST(ParserTest, TinyModelLearnsItsTrainingTrees) {
  base::InMemoryFileSystem fs;
  ASSERT_TRUE(fs.WriteFileAtomically("/m/parser.ngm", TinyModel()).ok());
  auto parser = Parser::Load("/m/parser.ngm", fs);
  ASSERT_TRUE(parser.ok()) << parser.status().ToString();
  EXPECT_EQ((*parser)->meta()["kind"], "parser");
  const document::Document gold = TrainingDoc();
  document::Document doc = gold;
  ClearParse(doc);
  (*parser)->Parse(doc);
  for (size_t i = 0; i < doc.tokens.size(); ++i) {
    EXPECT_EQ(doc.tokens[i].head, gold.tokens[i].head) << "token " << i << " " << doc.tokens[i].form;
    EXPECT_EQ(doc.tokens[i].deprel, gold.tokens[i].deprel) << "token " << i << " " << doc.tokens[i].form;
  }
}

TEST(ParserTest, MissingFileIsNotFound) {
  auto parser = Parser::Load("/nonexistent/dir/parser.ngm");
  ASSERT_FALSE(parser.ok());
  EXPECT_EQ(parser.status().code(), StatusCode::kNotFound);
  EXPECT_NE(parser.status().message().find("/nonexistent/dir/parser.ngm"), std::string::npos);
}

TEST(ParserTest, TruncatedFileIsCorruption) {
  const std::string& bytes = TinyModel();
  for (size_t keep : {size_t{0}, size_t{5}, size_t{40}, bytes.size() / 2, bytes.size() - 1}) {
    auto parser = Parser::FromBytes(bytes.substr(0, keep), "cut.ngm");
    ASSERT_FALSE(parser.ok()) << "kept " << keep;
    EXPECT_NE(parser.status().message().find("cut.ngm"), std::string::npos) << parser.status().ToString();
  }
}

TEST(ParserTest, FlippedByteIsCorruption) {
  std::string bytes = TinyModel();
  bytes[bytes.size() - 10] ^= 0x5a;
  auto parser = Parser::FromBytes(bytes, "flip.ngm");
  ASSERT_FALSE(parser.ok());
  EXPECT_EQ(parser.status().code(), StatusCode::kCorruption);
}

TEST(ParserTest, WrongKindIsRejected) {
  ModelFileWriter writer({{"kind", "tagger"}, {"version", 1}});
  writer.AddSection("weights", "x");
  auto parser = Parser::FromBytes(writer.Serialize(), "tagger.ngm");
  ASSERT_FALSE(parser.ok());
  EXPECT_NE(parser.status().message().find("tagger"), std::string::npos) << parser.status().ToString();
}

TEST(ParserTest, WrongVersionIsRejected) {
  ModelFileWriter writer({{"kind", "parser"}, {"version", 99}});
  auto parser = Parser::FromBytes(writer.Serialize(), "future.ngm");
  ASSERT_FALSE(parser.ok());
  EXPECT_NE(parser.status().message().find("version"), std::string::npos) << parser.status().ToString();
}

TEST(ParserTest, SelfTestMismatchIsReported) {
  auto good = ModelFile::Parse(TinyModel(), "tiny");
  ASSERT_TRUE(good.ok());
  nlohmann::json selftest = good->selftest();
  ASSERT_FALSE(selftest.empty());
  selftest[0]["heads"][0] = 99;
  ModelFileWriter writer(good->meta());
  writer.AddSection("weights", std::string(*good->Section("weights")));
  writer.SetSelfTest(selftest);
  auto parser = Parser::FromBytes(writer.Serialize(), "bad-selftest.ngm");
  ASSERT_FALSE(parser.ok());
  EXPECT_NE(parser.status().message().find("self-test"), std::string::npos) << parser.status().ToString();
}

TEST(ParserTest, EnsembleOfSeedsIsDeterministicAndLearns) {
  ParserTrainerOptions opt;
  opt.epochs = 12;
  opt.action_bits = 14;
  opt.label_bits = 10;
  opt.ensemble = 3;
  std::ostringstream log;
  auto a = TrainParser({TrainingDoc()}, {}, opt, log);
  auto b = TrainParser({TrainingDoc()}, {}, opt, log);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(a->weights, b->weights);
  auto bytes = BuildParserModelFile(a->weights, {{"version", a->feature_set}}, ParserSelfTestSentences());
  ASSERT_TRUE(bytes.ok()) << bytes.status().ToString();
  auto parser = Parser::FromBytes(*bytes, "ensemble.ngm");
  ASSERT_TRUE(parser.ok()) << parser.status().ToString();
  const document::Document gold = TrainingDoc();
  document::Document doc = gold;
  ClearParse(doc);
  (*parser)->Parse(doc);
  for (size_t i = 0; i < doc.tokens.size(); ++i) EXPECT_EQ(doc.tokens[i].head, gold.tokens[i].head) << i;
}

TEST(ParserTest, UnknownFeatureSetIsRejected) {
  ParserTrainerOptions opt;
  opt.feature_set = 7;
  std::ostringstream log;
  auto trained = TrainParser({TrainingDoc()}, {}, opt, log);
  ASSERT_FALSE(trained.ok());
  EXPECT_EQ(trained.status().code(), StatusCode::kInvalidArgument);
}

// ---- Beam search with global training (payload version 3) ----

TrainedParser TrainTinyBeam(int beam, bool max_violation) {
  ParserTrainerOptions opt;
  opt.epochs = 12;
  opt.action_bits = 14;
  opt.label_bits = 10;
  opt.beam = beam;
  opt.max_violation = max_violation;
  std::ostringstream log;
  auto trained = TrainParser({TrainingDoc()}, {}, opt, log);
  EXPECT_TRUE(trained.ok()) << trained.status().ToString();
  EXPECT_EQ(trained->beam, beam);
  return *trained;
}

std::string Version3Bytes(const TrainedParser& trained, int beam) {
  auto bytes = BuildParserModelFile(trained.weights,
                                    {{"version", 3}, {"feature_set", trained.feature_set}, {"beam", beam}},
                                    ParserSelfTestSentences());
  EXPECT_TRUE(bytes.ok()) << bytes.status().ToString();
  return bytes.ok() ? *bytes : std::string();
}

void ExpectLearnsTrainingTrees(const std::string& bytes, const std::string& name) {
  auto parser = Parser::FromBytes(bytes, name);
  ASSERT_TRUE(parser.ok()) << parser.status().ToString();
  const document::Document gold = TrainingDoc();
  document::Document doc = gold;
  ClearParse(doc);
  (*parser)->Parse(doc);
  for (size_t i = 0; i < doc.tokens.size(); ++i) {
    EXPECT_EQ(doc.tokens[i].head, gold.tokens[i].head) << name << " token " << i;
    EXPECT_EQ(doc.tokens[i].deprel, gold.tokens[i].deprel) << name << " token " << i;
  }
}

TEST(ParserBeamTest, MaxViolationAndEarlyUpdateLearnTheirTrainingTrees) {
  ExpectLearnsTrainingTrees(Version3Bytes(TrainTinyBeam(4, true), 4), "beam4-maxviolation.ngm");
  ExpectLearnsTrainingTrees(Version3Bytes(TrainTinyBeam(3, false), 3), "beam3-early.ngm");
}

TEST(ParserBeamTest, TrainingIsDeterministic) {
  EXPECT_EQ(TrainTinyBeam(4, true).weights, TrainTinyBeam(4, true).weights);
}

TEST(ParserBeamTest, BeamOfOneIsGreedy) {
  // The same weights read as a version-1 model (greedy) and as version 3 with beam 1.
  const TrainedParser trained = TrainTinyBeam(4, true);
  auto v1 = BuildParserModelFile(trained.weights, {{"version", 1}}, ParserSelfTestSentences());
  ASSERT_TRUE(v1.ok());
  auto greedy = Parser::FromBytes(*v1, "v1.ngm");
  auto beam1 = Parser::FromBytes(Version3Bytes(trained, 1), "beam1.ngm");
  ASSERT_TRUE(greedy.ok() && beam1.ok());
  document::Document a = TrainingDoc(), b = TrainingDoc();
  ClearParse(a);
  ClearParse(b);
  (*greedy)->Parse(a);
  (*beam1)->Parse(b);
  for (size_t i = 0; i < a.tokens.size(); ++i) {
    EXPECT_EQ(a.tokens[i].head, b.tokens[i].head) << i;
    EXPECT_EQ(a.tokens[i].deprel, b.tokens[i].deprel) << i;
  }
}

TEST(ParserBeamTest, WideBeamGivesTreesOnOddInput) {
  auto parser = Parser::FromBytes(Version3Bytes(TrainTinyBeam(4, true), 16), "beam16.ngm");
  ASSERT_TRUE(parser.ok()) << parser.status().ToString();
  std::vector<Tok> sent;
  const char* forms[] = {"the", ",", "Kenya", "said", "said", ".", "(", "troops", "the", "on"};
  for (int i = 0; i < 90; ++i) sent.push_back({forms[i % 10], i % 3 ? "NOUN" : "VERB", "NN", 0, "_"});
  document::Document doc = MakeDoc({sent, {{"Hi", "INTJ", "UH", 0, "_"}}});
  (*parser)->Parse(doc);
  for (const document::Sentence& s : doc.sentences) {
    std::string why;
    EXPECT_TRUE(IsTree(doc, s, &why)) << why;
  }
}

TEST(ParserBeamTest, Version3NeedsFeatureSetAndBeam) {
  const TrainedParser trained = TrainTinyBeam(2, true);
  for (const nlohmann::json& meta :
       {nlohmann::json{{"kind", "parser"}, {"version", 3}, {"feature_set", 1}},
        nlohmann::json{{"kind", "parser"}, {"version", 3}, {"beam", 4}},
        nlohmann::json{{"kind", "parser"}, {"version", 3}, {"feature_set", 1}, {"beam", 0}},
        nlohmann::json{{"kind", "parser"}, {"version", 3}, {"feature_set", 9}, {"beam", 4}},
        nlohmann::json{{"kind", "parser"}, {"version", 3}, {"feature_set", 1}, {"beam", "4"}}}) {
    ModelFileWriter writer(meta);
    writer.AddSection("weights", trained.weights);
    auto parser = Parser::FromBytes(writer.Serialize(), "v3.ngm");
    ASSERT_FALSE(parser.ok()) << meta.dump();
    EXPECT_EQ(parser.status().code(), StatusCode::kCorruption) << meta.dump();
    EXPECT_NE(parser.status().message().find("v3.ngm"), std::string::npos) << parser.status().ToString();
  }
}

TEST(ParserBeamTest, FeatureSet3CarriesItsLexicon) {
  ParserTrainerOptions opt;
  opt.epochs = 12;
  opt.action_bits = 14;
  opt.label_bits = 10;
  opt.feature_set = 3;
  opt.beam = 2;
  std::ostringstream log;
  auto trained = TrainParser({TrainingDoc()}, {}, opt, log);
  ASSERT_TRUE(trained.ok()) << trained.status().ToString();
  ASSERT_FALSE(trained->lexicon.empty());
  const nlohmann::json meta = {{"version", 3}, {"feature_set", 3}, {"beam", 2}};
  auto bytes = BuildParserModelFile(trained->weights, meta, ParserSelfTestSentences(), nullptr, "clusters.ngm",
                                    trained->lexicon);
  ASSERT_TRUE(bytes.ok()) << bytes.status().ToString();
  ExpectLearnsTrainingTrees(*bytes, "set3.ngm");
  ModelFileWriter writer(nlohmann::json{{"kind", "parser"}, {"version", 3}, {"feature_set", 3}, {"beam", 2}});
  writer.AddSection("weights", trained->weights);
  auto parser = Parser::FromBytes(writer.Serialize(), "no-lexicon.ngm");
  ASSERT_FALSE(parser.ok());
  EXPECT_EQ(parser.status().code(), StatusCode::kCorruption);
  EXPECT_NE(parser.status().message().find("lexicon"), std::string::npos) << parser.status().ToString();
}

// ---- Second-stage labeller (payload version 4) ----

// `doc` with every `from` label renamed `to`: a labelling the first pass never learned.
document::Document Renamed(document::Document doc, const std::string& from, const std::string& to) {
  for (auto& t : doc.tokens) {
    if (t.deprel == from) t.deprel = to;
  }
  return doc;
}

// A relabel section trained on the gold trees of `train` for the labels of `first_pass`,
// the mean of `ensemble` perceptrons.
std::string TinyRelabelSection(const TrainedParser& first_pass, const document::Document& train, int ensemble = 1) {
  auto parser = Parser::FromBytes(Version3Bytes(first_pass, 2), "first-pass.ngm");
  EXPECT_TRUE(parser.ok()) << parser.status().ToString();
  RelabelerTrainOptions opt;
  opt.labels = (*parser)->labels();
  opt.label_bits = 10;
  opt.epochs = 10;
  opt.ensemble = ensemble;
  std::ostringstream log;
  auto trained = TrainRelabeler({train}, nullptr, {}, opt, log);
  EXPECT_TRUE(trained.ok()) << trained.status().ToString();
  return trained.ok() ? trained->section : std::string();
}

std::string Version4Bytes(const TrainedParser& first_pass, const std::string& section) {
  auto bytes = BuildParserModelFile(first_pass.weights,
                                    {{"version", 4}, {"feature_set", first_pass.feature_set}, {"beam", 2}},
                                    ParserSelfTestSentences(), nullptr, "clusters.ngm", "", section);
  EXPECT_TRUE(bytes.ok()) << bytes.status().ToString();
  return bytes.ok() ? *bytes : std::string();
}

// The first pass learned "obj"; the relabeller (one perceptron or the mean of three) was
// taught to call those arcs "obl".
void ExpectRelabelledBelowTheGate(int ensemble) {
  const TrainedParser first_pass = TrainTinyBeam(2, true);
  const std::string section = TinyRelabelSection(first_pass, Renamed(TrainingDoc(), "obj", "obl"), ensemble);
  ASSERT_FALSE(section.empty());
  const document::Document gold = TrainingDoc();
  for (int gate : {0, 32768}) {
    auto gated = SetRelabelGate(section, gate);
    ASSERT_TRUE(gated.ok()) << gated.status().ToString();
    auto parser = Parser::FromBytes(Version4Bytes(first_pass, *gated), "v4.ngm");
    ASSERT_TRUE(parser.ok()) << parser.status().ToString();
    document::Document doc = gold;
    ClearParse(doc);
    (*parser)->Parse(doc);
    int objects = 0;
    for (size_t i = 0; i < doc.tokens.size(); ++i) {
      EXPECT_EQ(doc.tokens[i].head, gold.tokens[i].head) << "gate " << gate << " token " << i;
      const std::string want =
          gate == 0 || gold.tokens[i].deprel != "obj" ? gold.tokens[i].deprel : std::string("obl");
      EXPECT_EQ(doc.tokens[i].deprel, want) << "gate " << gate << " token " << i << " " << doc.tokens[i].form;
      objects += gold.tokens[i].deprel == "obj";
    }
    EXPECT_GT(objects, 0);
  }
}

TEST(ParserRelabelTest, RelabellerReplacesTheFirstPassLabelsBelowItsGate) { ExpectRelabelledBelowTheGate(1); }

TEST(ParserRelabelTest, AnEnsembleRelabellerReplacesThemToo) { ExpectRelabelledBelowTheGate(3); }

TEST(ParserRelabelTest, TrainingIsDeterministic) {
  const TrainedParser first_pass = TrainTinyBeam(2, true);
  EXPECT_EQ(TinyRelabelSection(first_pass, TrainingDoc()), TinyRelabelSection(first_pass, TrainingDoc()));
  EXPECT_EQ(TinyRelabelSection(first_pass, TrainingDoc(), 3), TinyRelabelSection(first_pass, TrainingDoc(), 3));
}

TEST(ParserRelabelTest, AnEnsembleIsNotItsFirstMember) {
  // The members shuffle differently, so their mean differs from the first member alone.
  const TrainedParser first_pass = TrainTinyBeam(2, true);
  EXPECT_NE(TinyRelabelSection(first_pass, TrainingDoc(), 3), TinyRelabelSection(first_pass, TrainingDoc(), 1));
}

TEST(ParserRelabelTest, BrokenRelabelSectionsAreClearErrors) {
  const TrainedParser first_pass = TrainTinyBeam(2, true);
  const std::string section = TinyRelabelSection(first_pass, TrainingDoc());
  ASSERT_FALSE(section.empty());
  const nlohmann::json meta = {{"kind", "parser"}, {"version", 4}, {"feature_set", 1}, {"beam", 2}};
  auto load = [&](const std::string* relabel) {
    ModelFileWriter writer(meta);
    writer.AddSection("weights", first_pass.weights);
    if (relabel != nullptr) writer.AddSection("relabel", *relabel);
    return Parser::FromBytes(writer.Serialize(), "v4.ngm");
  };
  const std::string truncated = section.substr(0, section.size() / 2);
  std::string bad_version = section;
  bad_version[0] = 9;
  std::string bad_gate = section;
  bad_gate[4] = bad_gate[5] = bad_gate[6] = '\x7f';
  // A labeller trained for another label set (one label more than the parser's).
  auto first = Parser::FromBytes(Version3Bytes(first_pass, 2), "first-pass.ngm");
  ASSERT_TRUE(first.ok());
  RelabelerTrainOptions opt;
  opt.labels = (*first)->labels();
  opt.labels.push_back("xcomp");
  opt.label_bits = 10;
  std::ostringstream log;
  auto other = TrainRelabeler({TrainingDoc()}, nullptr, {}, opt, log);
  ASSERT_TRUE(other.ok()) << other.status().ToString();
  const std::vector<const std::string*> broken = {nullptr, &truncated, &bad_version, &bad_gate, &other->section};
  for (const std::string* relabel : broken) {
    auto parser = load(relabel);
    ASSERT_FALSE(parser.ok());
    EXPECT_EQ(parser.status().code(), StatusCode::kCorruption);
    EXPECT_NE(parser.status().message().find("v4.ngm"), std::string::npos) << parser.status().ToString();
  }
  EXPECT_TRUE(load(&section).ok());
}

TEST(ParserRelabelTest, LabelsTheParserDoesNotHaveAreRejected) {
  const TrainedParser first_pass = TrainTinyBeam(2, true);
  auto parser = Parser::FromBytes(Version3Bytes(first_pass, 2), "first-pass.ngm");
  ASSERT_TRUE(parser.ok());
  RelabelerTrainOptions opt;
  opt.labels = (*parser)->labels();
  opt.label_bits = 10;
  std::ostringstream log;
  auto trained = TrainRelabeler({Renamed(TrainingDoc(), "obj", "no-such-label")}, nullptr, {}, opt, log);
  ASSERT_FALSE(trained.ok());
  EXPECT_NE(trained.status().message().find("no-such-label"), std::string::npos) << trained.status().ToString();
}

// ---- Optional word-clusters dependency ----

std::shared_ptr<const WordClusters> TinyClusters() {
  return std::make_shared<WordClusters>(
      nlohmann::json{{"kind", "clusters"}, {"version", 1}},
      std::vector<std::pair<std::string, uint32_t>>{
          {"attacked", 0b1000}, {"officials", 0b1101}, {"president", 0b1100}, {"rebels", 0b1101},
          {"said", 0b1001}, {"sent", 0b1000}, {"the", 0b1110}, {"troops", 0b1101}, {"visited", 0b1000}});
}

std::string TinyClusterModelBytes() {
  ParserTrainerOptions opt;
  opt.epochs = 12;
  opt.action_bits = 14;
  opt.label_bits = 10;
  opt.clusters = TinyClusters();
  opt.feature_set = 2;
  std::ostringstream log;
  auto trained = TrainParser({TrainingDoc()}, {}, opt, log);
  EXPECT_TRUE(trained.ok()) << trained.status().ToString();
  EXPECT_EQ(trained->feature_set, 2);
  auto bytes = BuildParserModelFile(trained->weights, {{"training_spec", "tiny test"}, {"version", 2}},
                                    ParserSelfTestSentences(), opt.clusters, "clusters.ngm");
  EXPECT_TRUE(bytes.ok()) << bytes.status().ToString();
  return *bytes;
}

TEST(ParserClustersTest, LoadsClustersFromItsDirectory) {
  base::InMemoryFileSystem fs;
  ASSERT_TRUE(fs.WriteFileAtomically("/m/parser.ngm", TinyClusterModelBytes()).ok());
  ASSERT_TRUE(fs.WriteFileAtomically("/m/clusters.ngm", TinyClusters()->Serialize(nlohmann::json::array())).ok());
  auto parser = Parser::Load("/m/parser.ngm", fs);
  ASSERT_TRUE(parser.ok()) << parser.status().ToString();
  EXPECT_EQ((*parser)->meta()["clusters"]["file"], "clusters.ngm");
  const document::Document gold = TrainingDoc();
  document::Document doc = gold;
  ClearParse(doc);
  (*parser)->Parse(doc);
  for (size_t i = 0; i < doc.tokens.size(); ++i) EXPECT_EQ(doc.tokens[i].head, gold.tokens[i].head) << i;
}

TEST(ParserClustersTest, MissingClustersFileIsAClearError) {
  base::InMemoryFileSystem fs;
  ASSERT_TRUE(fs.WriteFileAtomically("/m/parser.ngm", TinyClusterModelBytes()).ok());
  auto parser = Parser::Load("/m/parser.ngm", fs);
  ASSERT_FALSE(parser.ok());
  EXPECT_EQ(parser.status().code(), StatusCode::kNotFound);
  EXPECT_NE(parser.status().message().find("/m/clusters.ngm"), std::string::npos) << parser.status().ToString();
  EXPECT_NE(parser.status().message().find("word clusters"), std::string::npos) << parser.status().ToString();
  auto from_bytes = Parser::FromBytes(TinyClusterModelBytes(), "p.ngm");
  ASSERT_FALSE(from_bytes.ok());
  EXPECT_NE(from_bytes.status().message().find("needs word clusters"), std::string::npos);
}

TEST(ParserClustersTest, DifferentClustersAreRejected) {
  auto other = std::make_shared<WordClusters>(nlohmann::json{{"kind", "clusters"}, {"version", 1}},
                                              std::vector<std::pair<std::string, uint32_t>>{{"the", 0b11}});
  auto parser = Parser::FromBytes(TinyClusterModelBytes(), "p.ngm", other);
  ASSERT_FALSE(parser.ok());
  EXPECT_EQ(parser.status().code(), StatusCode::kCorruption);
  EXPECT_NE(parser.status().message().find("differ"), std::string::npos) << parser.status().ToString();
}

// ---- The committed model ----

std::shared_ptr<const Parser> CommittedParser() {
  static std::shared_ptr<const Parser> parser = [] {
    auto p = Parser::Load(Parser::DefaultPath());
    return p.ok() ? *p : nullptr;
  }();
  return parser;
}

#define REQUIRE_COMMITTED_PARSER()                                               \
  auto parser = CommittedParser();                                              \
  if (parser == nullptr) GTEST_SKIP() << "no committed model at " << Parser::DefaultPath()

TEST(CommittedParserTest, ParsesSimpleNewsSentence) {
  REQUIRE_COMMITTED_PARSER();
  document::Document doc = MakeDoc({{{"Protesters", "NOUN", "NNS", 2, "nsubj"},
                                     {"blocked", "VERB", "VBD", 0, "root"},
                                     {"the", "DET", "DT", 4, "det"},
                                     {"road", "NOUN", "NN", 2, "obj"},
                                     {".", "PUNCT", ".", 2, "punct"}}});
  const document::Document gold = doc;
  ClearParse(doc);
  parser->Parse(doc);
  for (size_t i = 0; i < doc.tokens.size(); ++i) {
    EXPECT_EQ(doc.tokens[i].head, gold.tokens[i].head) << doc.tokens[i].form;
    EXPECT_EQ(doc.tokens[i].deprel, gold.tokens[i].deprel) << doc.tokens[i].form;
  }
}

TEST(CommittedParserTest, LongSentenceIsOneTree) {
  REQUIRE_COMMITTED_PARSER();
  std::vector<Tok> sent;
  const std::vector<Tok> chunk = {{"the", "DET", "DT", 0, "_"},    {"army", "NOUN", "NN", 0, "_"},
                                  {"and", "CCONJ", "CC", 0, "_"},  {"police", "NOUN", "NN", 0, "_"},
                                  {"said", "VERB", "VBD", 0, "_"}, {",", "PUNCT", ",", 0, "_"}};
  while (sent.size() < 300) sent.push_back(chunk[sent.size() % chunk.size()]);
  document::Document doc = MakeDoc({sent});
  parser->Parse(doc);
  std::string why;
  EXPECT_TRUE(IsTree(doc, doc.sentences[0], &why)) << why;
}

TEST(CommittedParserTest, OddInputsGiveTrees) {
  REQUIRE_COMMITTED_PARSER();
  document::Document doc = MakeDoc({
      {{"PRESIDENT", "PROPN", "NNP", 0, "_"}, {"XJORBLAND", "PROPN", "NNP", 0, "_"},
       {"VISITS", "VERB", "VBZ", 0, "_"}, {"KABULISTAN", "PROPN", "NNP", 0, "_"}},
      {{"zq'uaxx-99", "X", "ADD", 0, "_"}},
      {{"ngozi", "PROPN", "NNP", 0, "_"}, {"okonjo-iweala", "PROPN", "NNP", 0, "_"},
       {"met", "VERB", "VBD", 0, "_"}, {"mr.", "PROPN", "NNP", 0, "_"}, {"ó'brïen", "PROPN", "NNP", 0, "_"}},
      {{",", "PUNCT", ",", 0, "_"}, {",", "PUNCT", ",", 0, "_"}, {"\"", "PUNCT", "``", 0, "_"}},
      {{"untagged", "", "", 0, "_"}, {"words", "", "", 0, "_"}},
  });
  parser->Parse(doc);
  for (const auto& s : doc.sentences) {
    std::string why;
    EXPECT_TRUE(IsTree(doc, s, &why)) << why;
  }
}

TEST(CommittedParserTest, ThreadsShareOneParser) {
  REQUIRE_COMMITTED_PARSER();
  document::Document base = TrainingDoc();
  ClearParse(base);
  document::Document expected = base;
  parser->Parse(expected);
  std::vector<document::Document> results(4, base);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int rep = 0; rep < 200; ++rep) {
        results[t] = base;
        parser->Parse(results[t]);
      }
    });
  }
  for (auto& th : threads) th.join();
  for (const auto& r : results) {
    for (size_t i = 0; i < r.tokens.size(); ++i) {
      EXPECT_EQ(r.tokens[i].head, expected.tokens[i].head);
      EXPECT_EQ(r.tokens[i].deprel, expected.tokens[i].deprel);
    }
  }
}

// Training copies closed by a reporting clause: each is one tree whose root is the
// reporting verb, with the copied sentence's root as its ccomp, and offsets into its text.
TEST(ReportingClauseTest, CopiesAreTreesRootedInTheReportingVerb) {
  std::vector<document::Document> treebank = {TrainingDoc()};
  // Not reportable: a quote mark, and a root without a subject.
  treebank.push_back(MakeDoc({{{"\"", "PUNCT", "``", 2, "punct"}, {"Rebels", "NOUN", "NNS", 3, "nsubj"},
                               {"attacked", "VERB", "VBD", 0, "root"}, {"the", "DET", "DT", 5, "det"},
                               {"town", "NOUN", "NN", 3, "obj"}, {".", "PUNCT", ".", 3, "punct"}},
                              {{"Send", "VERB", "VB", 0, "root"}, {"the", "DET", "DT", 3, "det"},
                               {"troops", "NOUN", "NNS", 1, "obj"}, {"home", "ADV", "RB", 1, "advmod"},
                               {".", "PUNCT", ".", 1, "punct"}}}));
  std::vector<document::Document> copies = MakeReportingClauseSentences(treebank, 10, 7);
  ASSERT_EQ(copies.size(), 4u);  // the four sentences of TrainingDoc
  for (const document::Document& doc : copies) {
    ASSERT_EQ(doc.sentences.size(), 1u);
    const auto& toks = doc.tokens;
    int roots = 0, verb = 0;
    for (size_t i = 0; i < toks.size(); ++i) {
      EXPECT_EQ(doc.SpanText(toks[i].span), toks[i].form);
      ASSERT_GE(toks[i].head, 0);
      ASSERT_LE(toks[i].head, static_cast<int>(toks.size()));
      if (toks[i].head == 0) ++roots, verb = static_cast<int>(i) + 1;
    }
    ASSERT_EQ(roots, 1) << doc.text;
    const std::string& lemma = toks[verb - 1].lemma;
    EXPECT_TRUE(lemma == "say" || lemma == "tell" || lemma == "add") << doc.text;
    EXPECT_EQ(toks.back().form, ".");
    EXPECT_EQ(toks.back().head, verb);
    // The copied root hangs on the verb as its ccomp; the comma after it is its punctuation.
    int ccomp = 0, subjects = 0;
    for (size_t i = 0; i < toks.size(); ++i) {
      if (toks[i].head == verb && toks[i].deprel == "ccomp") ccomp = static_cast<int>(i) + 1;
      if (toks[i].head == verb && toks[i].deprel == "nsubj") ++subjects;
    }
    ASSERT_GT(ccomp, 0) << doc.text;
    EXPECT_EQ(subjects, 1) << doc.text;
    int comma = 0;
    for (size_t i = 0; i < toks.size(); ++i) comma = toks[i].form == "," && !comma ? static_cast<int>(i) + 1 : comma;
    ASSERT_GT(comma, 0);
    EXPECT_EQ(toks[comma - 1].head, ccomp);
    // No cycles: every word reaches the root.
    for (size_t i = 0; i < toks.size(); ++i) {
      int h = static_cast<int>(i) + 1, steps = 0;
      while (h != 0 && steps++ <= static_cast<int>(toks.size())) h = toks[h - 1].head;
      EXPECT_EQ(h, 0) << doc.text;
    }
  }
  // The seed alone decides: same seed, same copies; and no more than asked for.
  std::vector<document::Document> again = MakeReportingClauseSentences(treebank, 10, 7);
  ASSERT_EQ(again.size(), copies.size());
  for (size_t k = 0; k < copies.size(); ++k) EXPECT_EQ(again[k].text, copies[k].text);
  EXPECT_EQ(MakeReportingClauseSentences(treebank, 2, 7).size(), 2u);
}

}  // namespace
}  // namespace newsgraph::models
