// bench_store: how fast the store takes analysed documents.
//
//   bench_store [--docs N] [--batch B] [--bytes PER_DOC] [--db PATH]
//
// Builds N synthetic articles (generated words, every token layer filled, as the
// pipeline would hand them over), then times Store::AddDocuments in batches of B,
// a re-run of the same input (all duplicates), and GetDocument of every id.
// Prints docs/s, MB/s of article text and the database size.
#include <sys/resource.h>

#include <time.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "document/document.h"
#include "store/store.h"

namespace {

using newsgraph::document::Document;
using newsgraph::store::Store;

struct Flags {
  int docs = 20000;
  int batch = 256;
  int bytes = 3000;
  std::string db = "/tmp/bench_store.db";
};

std::vector<std::string> Vocabulary(std::mt19937& rng) {
  const char* syllables[] = {"ka", "lo", "mi", "ran", "te", "vo", "sun", "del", "ar", "is", "on", "por", "quel", "ti"};
  std::vector<std::string> words;
  for (int i = 0; i < 3000; ++i) {
    std::string w;
    for (int n = 1 + static_cast<int>(rng() % 3); n > 0; --n) w += syllables[rng() % 14];
    words.push_back(w);
  }
  return words;
}

void AddSentence(Document& doc, const std::vector<std::string>& vocab, std::mt19937& rng) {
  const char* upos[] = {"NOUN", "VERB", "ADP", "DET", "PROPN", "ADJ", "PUNCT"};
  newsgraph::document::Sentence s;
  s.span.start = static_cast<uint32_t>(doc.text.size());
  s.token_begin = static_cast<uint32_t>(doc.tokens.size());
  int words = 12 + static_cast<int>(rng() % 20);
  for (int i = 0; i <= words; ++i) {
    newsgraph::document::Token t;
    std::string form = i == words ? "." : vocab[rng() % vocab.size()];
    if (i == 0) form[0] = static_cast<char>(form[0] - 'a' + 'A');
    if (i > 0 && i < words) doc.text += ' ';
    t.span = {static_cast<uint32_t>(doc.text.size()), static_cast<uint32_t>(doc.text.size() + form.size())};
    doc.text += form;
    t.form = form;
    t.lemma = form;  // as for most English tokens; capitalised ones get a lowercased lemma
    if (i == 0) t.lemma[0] = static_cast<char>(t.lemma[0] - 'A' + 'a');
    t.upos = i == words ? "PUNCT" : upos[rng() % 6];
    t.xpos = t.upos == "PUNCT" ? "." : "NN";
    t.head = i == 0 ? 0 : 1 + static_cast<int>(rng() % words);
    t.deprel = t.head == 0 ? "root" : "dep";
    t.ner = rng() % 10 == 0 ? "B-PER" : "O";
    t.space_after = i + 1 < words;
    doc.tokens.push_back(std::move(t));
  }
  doc.text += ' ';
  s.span.end = static_cast<uint32_t>(doc.text.size() - 1);
  s.token_end = static_cast<uint32_t>(doc.tokens.size());
  doc.sentences.push_back(std::move(s));
}

// The i-th synthetic article; the same i always gives the same article.
Document MakeDoc(const Flags& flags, const std::vector<std::string>& vocab, int i) {
  std::mt19937 rng(i);
  Document d;
  d.id = "bench-" + std::to_string(i);
  d.source = "Source " + std::to_string(i % 40);
  d.url = "https://news.example/" + std::to_string(i);
  d.date = newsgraph::document::Date{2020 + i % 4, 1 + i % 12, 1 + i % 28};
  d.title = "Article " + std::to_string(i);
  d.language = "en";
  while (static_cast<int>(d.text.size()) < flags.bytes) AddSentence(d, vocab, rng);
  d.metadata = {{"feed", "bench"}};
  return d;
}

struct Totals {
  double seconds = 0, cpu_seconds = 0, mb = 0, tokens = 0;
};

double CpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + ts.tv_nsec / 1e9;
}

double Seconds(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

bool ParseFlags(int argc, char** argv, Flags& flags) {
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--docs")) flags.docs = std::atoi(argv[i + 1]);
    else if (!std::strcmp(argv[i], "--batch")) flags.batch = std::atoi(argv[i + 1]);
    else if (!std::strcmp(argv[i], "--bytes")) flags.bytes = std::atoi(argv[i + 1]);
    else if (!std::strcmp(argv[i], "--db")) flags.db = argv[i + 1];
    else return false;
  }
  return (argc % 2 == 1) && flags.docs > 0 && flags.batch > 0;
}

// Adds all documents in batches, timing only AddDocuments (the documents are
// generated batch by batch, so memory stays small). Returns false on error.
bool TimeAdd(Store& store, const Flags& flags, const std::vector<std::string>& vocab, Totals& totals) {
  for (int b = 0; b < flags.docs; b += flags.batch) {
    std::vector<Document> docs;
    for (int i = b; i < flags.docs && i < b + flags.batch; ++i) docs.push_back(MakeDoc(flags, vocab, i));
    std::vector<const Document*> batch;
    for (const Document& d : docs) {
      batch.push_back(&d);
      totals.mb += d.text.size() / 1e6;
      totals.tokens += static_cast<double>(d.tokens.size());
    }
    auto start = std::chrono::steady_clock::now();
    double cpu_start = CpuSeconds();
    auto r = store.AddDocuments(batch);
    totals.cpu_seconds += CpuSeconds() - cpu_start;
    totals.seconds += Seconds(start);
    if (!r.ok()) {
      std::fprintf(stderr, "%s\n", r.status().ToString().c_str());
      return false;
    }
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  Flags flags;
  if (!ParseFlags(argc, argv, flags)) {
    std::fprintf(stderr, "usage: bench_store [--docs N] [--batch B] [--bytes PER_DOC] [--db PATH]\n");
    return 2;
  }
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(flags.db + suffix);
  std::mt19937 rng(7);
  std::vector<std::string> vocab = Vocabulary(rng);
  auto store = Store::Open(flags.db);
  if (!store.ok()) {
    std::fprintf(stderr, "%s\n", store.status().ToString().c_str());
    return 1;
  }
  Totals add, again;
  if (!TimeAdd(**store, flags, vocab, add) || !TimeAdd(**store, flags, vocab, again)) return 1;
  auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < flags.docs; ++i) {
    auto doc = (*store)->GetDocument("bench-" + std::to_string(i));
    if (!doc.ok() || !doc->has_value()) return 1;
  }
  double get = Seconds(start);
  auto stats = (*store)->GetStats();
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  double mb = add.mb;
  std::printf("workload: %d docs, %.1f MB text, %.0f tokens, batch %d\n", flags.docs, mb, add.tokens, flags.batch);
  std::printf("add:        %8.0f docs/s  %6.1f MB/s  (%.2f s wall, %.2f s cpu: %.1f MB per cpu-second)\n",
              flags.docs / add.seconds, mb / add.seconds, add.seconds, add.cpu_seconds, mb / add.cpu_seconds);
  std::printf("re-add dup: %8.0f docs/s  %6.1f MB/s  (%.2f s)\n", flags.docs / again.seconds, mb / again.seconds,
              again.seconds);
  std::printf("get:        %8.0f docs/s  (%.2f s)\n", flags.docs / get, get);
  std::printf("db size:    %.1f MB (%.2f x text)\n", stats.ok() ? stats->file_bytes / 1e6 : 0.0,
              stats.ok() ? stats->file_bytes / 1e6 / mb : 0.0);
  std::printf("peak rss:   %.1f MB\n", usage.ru_maxrss / 1024.0);
  return 0;
}
