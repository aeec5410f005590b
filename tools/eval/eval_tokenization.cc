// Scores the Segmenter against gold CoNLL-U.
//   eval_tokenization --gold FILE.conllu [--model data/models/segmenter.ngm]
// Rebuilds the raw text from the `# text` lines (sentences of a paragraph joined by
// a space, paragraphs by a blank line, one document per `# newdoc`), segments it,
// and matches predicted tokens and sentences to gold by character offsets.
// `--wrap N` first breaks the lines at N columns, as wire copy and e-mail do, by turning
// spaces into line breaks (the offsets stay those of the gold).
#include <CLI/CLI.hpp>

#include <chrono>
#include <cstdio>
#include <ctime>
#include <iostream>
#include <set>

#include "base/file.h"
#include "text/segmenter.h"
#include "text/ud_raw_text.h"

using namespace newsgraph;

namespace {

// Turns the last space before column `width` of every line into a line break.
void HardWrap(std::string& text, size_t width) {
  size_t line_start = 0, last_space = std::string::npos;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') {
      line_start = i + 1;
      last_space = std::string::npos;
      continue;
    }
    if (text[i] == ' ') last_space = i;
    if (i - line_start >= width && last_space != std::string::npos && last_space > line_start) {
      text[last_space] = '\n';
      line_start = last_space + 1;
      last_space = std::string::npos;
    }
  }
}

std::string Join(const std::string& text, const std::vector<document::Span>& spans, uint32_t from, uint32_t to) {
  std::string out;
  for (auto s : spans) {
    if (s.end <= from || s.start >= to) continue;
    out += text.substr(s.start, s.size()) + "|";
  }
  return out;
}

// Prints gold/predicted tokens around each gold token that has no exact match.
void PrintErrors(const std::string& text, const std::vector<document::Span>& gold,
                 const std::vector<document::Span>& pred, int& budget) {
  std::set<std::pair<uint32_t, uint32_t>> predicted;
  for (auto s : pred) predicted.insert({s.start, s.end});
  for (auto g : gold) {
    if (budget <= 0) return;
    if (predicted.count({g.start, g.end})) continue;
    uint32_t from = g.start > 10 ? g.start - 10 : 0;
    uint32_t to = std::min<uint32_t>(g.end + 10, text.size());
    std::printf("gold %-40s pred %s\n", Join(text, gold, from, to).c_str(), Join(text, pred, from, to).c_str());
    --budget;
  }
}

double ThreadCpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec * 1e-9;
}

}  // namespace

int main(int argc, char** argv) {
  std::string gold_path;
  std::string model_path = text::Segmenter::DefaultPath();
  int repeat = 1;
  int show_errors = 0;
  CLI::App app("Evaluate tokenization and sentence splitting against gold CoNLL-U");
  app.add_option("--gold", gold_path, "gold CoNLL-U file")->required();
  app.add_option("--model", model_path, "segmenter model file");
  app.add_option("--repeat", repeat, "segment the text this many times for the speed figure");
  app.add_option("--errors", show_errors, "print this many unmatched gold tokens with the predicted ones");
  size_t wrap = 0;
  app.add_option("--wrap", wrap, "hard-wrap the text at this many columns first (0: no)");
  CLI11_PARSE(app, argc, argv);

  auto data = base::LocalFileSystem().ReadFile(gold_path, uint64_t{1} << 30);
  if (!data.ok()) {
    std::cerr << "eval_tokenization: " << data.status().ToString() << "\n";
    return 1;
  }
  auto gold = text::ReadUdRawText(*data, gold_path);
  if (!gold.ok()) {
    std::cerr << "eval_tokenization: " << gold.status().ToString() << "\n";
    return 1;
  }
  auto seg = text::Segmenter::Load(model_path);
  if (!seg.ok()) {
    std::cerr << "eval_tokenization: " << seg.status().ToString() << "\n";
    return 1;
  }
  std::vector<document::Document> docs(gold->size());
  size_t bytes = 0;
  for (size_t i = 0; i < gold->size(); ++i) {
    docs[i].text = (*gold)[i].text;
    if (wrap > 0) HardWrap(docs[i].text, wrap);
    bytes += docs[i].text.size();
  }
  auto t0 = std::chrono::steady_clock::now();
  double cpu0 = ThreadCpuSeconds();
  for (int r = 0; r < std::max(1, repeat); ++r) {
    for (auto& doc : docs) (*seg)->Segment(doc);
  }
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  double cpu_secs = ThreadCpuSeconds() - cpu0;
  text::SegmentationCounts counts;
  size_t words = 0;
  for (size_t i = 0; i < docs.size(); ++i) {
    std::vector<document::Span> tokens, sentences;
    for (const auto& t : docs[i].tokens) tokens.push_back(t.span);
    for (const auto& s : docs[i].sentences) sentences.push_back(s.span);
    words += tokens.size();
    counts.Add((*gold)[i].words, tokens, (*gold)[i].sentences, sentences);
    if (show_errors > 0) PrintErrors(docs[i].text, (*gold)[i].words, tokens, show_errors);
  }
  std::printf("%s: %zu docs, %zu gold words, %zu gold sentences\n", gold_path.c_str(), gold->size(),
              counts.gold_tokens, counts.gold_sentences);
  std::printf("%s\n", counts.Report().c_str());
  double total = secs / std::max(1, repeat);
  std::printf("speed: %.0f words/s, %.1f MB/s (Segment only, %zu bytes, %d run(s))\n", words / total,
              bytes / total / 1e6, bytes, std::max(1, repeat));
  // On a shared machine the wall clock counts time spent waiting for a core.
  double cpu = cpu_secs / std::max(1, repeat);
  std::printf("speed (thread CPU time): %.0f words/s, %.1f MB/s\n", words / cpu, bytes / cpu / 1e6);
  return 0;
}
