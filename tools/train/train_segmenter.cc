// Trains data/models/segmenter.ngm from UD English EWT.
//   train_segmenter [--train ../shared/data/ud-english-ewt/en_ewt-ud-train.conllu]
//                   [--dev ../shared/data/ud-english-ewt/en_ewt-ud-dev.conllu]
//                   [--out data/models/segmenter.ngm] [--epochs 10] [--seed 5]
// Deterministic for a fixed seed. Prints dev scores per epoch; keeps the best epoch.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <iostream>
#include <memory>

#include "training_common.h"
#include "base/checksum.h"
#include "base/file.h"
#include "models/model_file.h"
#include "text/segmenter.h"
#include "text/segmenter_trainer.h"

namespace {

using namespace newsgraph;

// Our own sentences with the expected output, embedded in the model and checked on load.
nlohmann::json SelfTestCases() {
  return nlohmann::json::array({
      {{"text", "Gen. Kim Jong-un met Mr. Putin on Sept. 13 at the U.S. embassy. They didn't sign anything."},
       {"tokens", {"Gen.", "Kim", "Jong", "-", "un", "met", "Mr.", "Putin", "on", "Sept.", "13", "at", "the",
                   "U.S.", "embassy", ".", "They", "did", "n't", "sign", "anything", "."}},
       {"sentences", {"Gen. Kim Jong-un met Mr. Putin on Sept. 13 at the U.S. embassy.",
                      "They didn't sign anything."}}},
      {{"text", "\"We will win,\" the minister said. \"Russia can't stop us.\" Then he left."},
       {"tokens", {"\"", "We", "will", "win", ",", "\"", "the", "minister", "said", ".", "\"", "Russia", "ca",
                   "n't", "stop", "us", ".", "\"", "Then", "he", "left", "."}},
       {"sentences", {"\"We will win,\" the minister said.", "\"Russia can't stop us.\"", "Then he left."}}},
      {{"text", "NORTH KOREA'S LEADER VISITS RUSSIA\n\nThe trip, reported at 10:30 a.m., cost $1,200,000."},
       {"tokens", {"NORTH", "KOREA", "'S", "LEADER", "VISITS", "RUSSIA", "The", "trip", ",", "reported", "at",
                   "10:30", "a.m.", ",", "cost", "$", "1,200,000", "."}},
       {"sentences", {"NORTH KOREA'S LEADER VISITS RUSSIA", "The trip, reported at 10:30 a.m., cost $1,200,000."}}},
      {{"text", "Write to j.smith@example.com or see https://example.org/news. Thanks :)"},
       {"tokens", {"Write", "to", "j.smith@example.com", "or", "see", "https://example.org/news", ".", "Thanks",
                   ":)"}},
       {"sentences", {"Write to j.smith@example.com or see https://example.org/news.", "Thanks :)"}}},
  });
}

StatusOr<std::vector<text::UdDocument>> ReadDocs(const std::string& path, std::string& hash) {
  NG_ASSIGN_OR_RETURN(std::string data, base::LocalFileSystem().ReadFile(path, uint64_t{1} << 30));
  hash = base::ContentHash(data);
  return text::ReadUdRawText(data, path);
}

int Fail(const Status& s) {
  std::cerr << "train_segmenter: " << s.ToString() << "\n";
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  std::string data = std::string(NEWSGRAPH_SOURCE_DIR) + "/../shared/data/ud-english-ewt/";
  std::string train_path = data + "en_ewt-ud-train.conllu";
  std::string dev_path = data + "en_ewt-ud-dev.conllu";
  std::string out = std::string(NEWSGRAPH_SOURCE_DIR) + "/data/models/segmenter.ngm";
  text::SegmenterTrainOptions options;
  CLI::App app("Train the newsgraph sentence segmenter");
  app.add_option("--train", train_path, "gold CoNLL-U for training");
  app.add_option("--dev", dev_path, "gold CoNLL-U for per-epoch scores");
  app.add_option("--out", out, "model file to write");
  app.add_option("--epochs", options.epochs, "perceptron epochs");
  app.add_option("--seed", options.seed, "random seed (shuffling, augmentation)");
  CLI11_PARSE(app, argc, argv);

  std::string train_hash, dev_hash;
  auto train = ReadDocs(train_path, train_hash);
  if (!train.ok()) return Fail(train.status());
  auto dev = ReadDocs(dev_path, dev_hash);
  if (!dev.ok()) return Fail(dev.status());
  text::TrainedSegmenter trained =
      text::TrainSegmenter(*train, *dev, options, [](const std::string& line) { std::cout << line << std::endl; });

  nlohmann::json meta = {{"kind", "segmenter"},
                         {"version", 1},
                         {"training_spec", options.ToJson()},
                         {"training_data", {{"train", "ud-english-ewt/en_ewt-ud-train.conllu"},
                                            {"train_hash", train_hash},
                                            {"dev", "ud-english-ewt/en_ewt-ud-dev.conllu"},
                                            {"dev_hash", dev_hash}}},
                         {"git_revision", newsgraph::training::GitRevision()},
                         {"dev_scores", trained.dev_scores}};
  models::ModelFileWriter writer(meta);
  writer.SetSelfTest(SelfTestCases());
  writer.AddSection("lexicon", text::SerializeLexicon(trained.learned));
  writer.AddSection("weights", trained.model.Serialize());
  // Check the self-test before writing, so a model that fails it is never installed.
  auto loaded = text::Segmenter::LoadFromBytes(writer.Serialize(), out);
  if (!loaded.ok()) return Fail(loaded.status());
  Status st = writer.WriteTo(out);
  if (!st.ok()) return Fail(st);
  std::cout << "wrote " << out << "\n";
  return 0;
}
