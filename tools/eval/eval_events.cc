// eval_events: accuracy of the event coder on single-sentence records, per field,
// and the code distribution and dedup ratio of a database.
//
//   build/tools/eval/eval_events [--fixtures FILE.tsv] [--verbose] [--parses]   # default: every fixture file
//   build/tools/eval/eval_events --db news.db          # distribution of codes, dedup ratio
//   build/tools/eval/eval_events --article FILE.txt    # the events of one article, one per line
//
// Fixture format: tests/fixtures/events/sentences.tsv (sentence, PLOVER, CAMEO root,
// source country, target country; "-" = none). Every record is analysed as an
// article dated 2024-03-06, and its "main" event is the first coded mention with
// the most coded actors.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <sqlite3.h>

#include "eval_events.h"
#include "ingest/reader.h"
#include "pipeline/pipeline.h"

namespace {

using newsgraph::document::Document;
using newsgraph::document::EventMention;
namespace ev = newsgraph::eval_events;

struct Args {
  std::string fixtures;  // "" = every *.tsv of tests/fixtures/events, each scored, then all together
  std::string db, article;
  bool verbose = false;
  bool parses = false;  // with --verbose: the parse of each miss
};

void PrintScores(const std::string& name, size_t records, const ev::Scores& s) {
  std::printf("eval_events: %s: %zu records\n", name.c_str(), records);
  std::printf("  %-16s %6.1f%%  (%d/%d)\n", "PLOVER type", s.Pct(s.plover, s.n), s.plover, s.n);
  std::printf("  %-16s %6.1f%%  (%d/%d)\n", "CAMEO root", s.Pct(s.root, s.n), s.root, s.n);
  std::printf("  %-16s %6.1f%%  (%d/%d)\n", "source country", s.Pct(s.source, s.n), s.source, s.n);
  std::printf("  %-16s %6.1f%%  (%d/%d records with a target)\n", "target country", s.Pct(s.target, s.with_target),
              s.target, s.with_target);
  std::printf("  %-16s %6.1f%%  (%d/%d)\n", "all fields", s.Pct(s.all, s.n), s.all, s.n);
}

int EvalFixtures(const Args& args, const newsgraph::pipeline::Pipeline& pipeline) {
  std::vector<std::string> files;
  if (!args.fixtures.empty()) {
    files.push_back(args.fixtures);
  } else {
    std::string dir = std::string(NEWSGRAPH_SOURCE_DIR) + "/tests/fixtures/events";
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
      if (entry.path().extension() == ".tsv") files.push_back(entry.path().string());
    }
    std::sort(files.begin(), files.end());
  }
  ev::Scores total;
  size_t total_records = 0;
  for (const std::string& file : files) {
    auto records = ev::ReadRecords(file);
    if (!records.ok()) {
      std::fprintf(stderr, "eval_events: %s\n", records.status().ToString().c_str());
      return 1;
    }
    ev::Scores scores;
    for (const ev::Record& r : *records) {
      Document doc = ev::AnalyseSentence(pipeline, r.sentence);
      ev::Outcome o = ev::Score(r, doc, scores);
      ev::Score(r, doc, total);
      if (args.verbose && !o.all_right) {
        std::printf("MISS  %s\n      want %s %s %s->%s, got %s\n", r.sentence.c_str(), r.plover.c_str(),
                    r.root.c_str(), r.source.c_str(), r.target.c_str(), o.got.c_str());
        if (args.parses) std::printf("      %s\n", ev::ParseLine(doc).c_str());
      }
    }
    PrintScores(file, records->size(), scores);
    total_records += records->size();
  }
  if (files.size() > 1) PrintScores("all files", total_records, total);
  return 0;
}

int DumpArticle(const Args& args, const newsgraph::pipeline::Pipeline& pipeline) {
  newsgraph::ingest::ReadOptions options;
  options.detect_language = false;
  newsgraph::Status status = newsgraph::ingest::ReadInput(args.article, options, [&](auto record) {
    if (!record.ok()) {
      std::fprintf(stderr, "eval_events: %s\n", record.status().ToString().c_str());
      return;
    }
    Document& doc = *record;
    pipeline.Annotate(doc);
    for (const EventMention& e : doc.events) std::printf("%s\n", ev::Describe(doc, e).c_str());
  });
  if (!status.ok()) std::fprintf(stderr, "eval_events: %s\n", status.ToString().c_str());
  return status.ok() ? 0 : 1;
}

int Distribution(const Args& args) {
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(args.db.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
    std::fprintf(stderr, "eval_events: cannot open %s\n", args.db.c_str());
    return 1;
  }
  auto print = [&](const char* title, const char* sql) {
    std::printf("%s\n", title);
    sqlite3_stmt* s = nullptr;
    if (sqlite3_prepare_v2(db, sql, -1, &s, nullptr) != SQLITE_OK) {
      std::printf("  (query failed: %s)\n", sqlite3_errmsg(db));
      return;
    }
    while (sqlite3_step(s) == SQLITE_ROW) {
      std::printf("  ");
      for (int i = 0; i < sqlite3_column_count(s); ++i) {
        const unsigned char* v = sqlite3_column_text(s, i);
        std::printf("%-14s", v ? reinterpret_cast<const char*>(v) : "");
      }
      std::printf("\n");
    }
    sqlite3_finalize(s);
  };
  print("documents, event mentions (coded, negated, uncoded), merged events, mentions per event:",
        "SELECT (SELECT COUNT(*) FROM documents), (SELECT COUNT(*) FROM event_mentions),"
        " (SELECT COUNT(*) FROM event_mentions WHERE cameo <> ''),"
        " (SELECT COUNT(*) FROM event_mentions WHERE negated = 1),"
        " (SELECT COUNT(*) FROM event_mentions WHERE cameo = ''),"
        " (SELECT COUNT(*) FROM events),"
        " printf('%.3f', (SELECT COUNT(*) FROM event_mentions WHERE event_id IS NOT NULL) * 1.0 /"
        "   MAX(1, (SELECT COUNT(*) FROM events)))");
  print("CAMEO roots (mentions, share):",
        "SELECT root, COUNT(*), printf('%.1f%%', 100.0 * COUNT(*) / (SELECT COUNT(*) FROM event_mentions WHERE"
        " cameo <> '')) FROM event_mentions WHERE cameo <> '' GROUP BY root ORDER BY COUNT(*) DESC");
  print("top 15 CAMEO codes (mentions, share):",
        "SELECT cameo, COUNT(*), printf('%.1f%%', 100.0 * COUNT(*) / (SELECT COUNT(*) FROM event_mentions WHERE"
        " cameo <> '')) FROM event_mentions WHERE cameo <> '' GROUP BY cameo ORDER BY COUNT(*) DESC LIMIT 15");
  print("PLOVER types (mentions):",
        "SELECT plover, COUNT(*) FROM event_mentions WHERE cameo <> '' GROUP BY plover ORDER BY COUNT(*) DESC");
  print("modality (mentions):", "SELECT modality, COUNT(*) FROM event_mentions GROUP BY modality ORDER BY 2 DESC");
  print("top 10 cues (mentions):",
        "SELECT lower(cue), COUNT(*) FROM event_mentions WHERE cameo <> '' GROUP BY lower(cue) ORDER BY 2 DESC LIMIT 10");
  print("top uncoded reasons:",
        "SELECT uncoded_reason, COUNT(*) FROM event_mentions WHERE cameo = '' GROUP BY 1 ORDER BY 2 DESC LIMIT 8");
  print("events reported by more than one document (events, mentions):",
        "SELECT COUNT(*), SUM(mention_count) FROM events WHERE document_count > 1");
  sqlite3_close(db);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  Args args;
  for (int i = 1; i < argc; ++i) {
    std::string flag = argv[i];
    if (flag == "--verbose") {
      args.verbose = true;
    } else if (flag == "--parses") {
      args.verbose = args.parses = true;
    } else if (i + 1 < argc && flag == "--fixtures") {
      args.fixtures = argv[++i];
    } else if (i + 1 < argc && flag == "--db") {
      args.db = argv[++i];
    } else if (i + 1 < argc && flag == "--article") {
      args.article = argv[++i];
    } else {
      std::fprintf(stderr, "usage: eval_events [--fixtures FILE] [--verbose] | --db FILE | --article FILE\n");
      return 2;
    }
  }
  if (!args.db.empty()) return Distribution(args);
  auto pipeline = newsgraph::pipeline::Pipeline::Create({});
  if (!pipeline.ok()) {
    std::fprintf(stderr, "eval_events: %s\n", pipeline.status().ToString().c_str());
    return 1;
  }
  if (!args.article.empty()) return DumpArticle(args, **pipeline);
  return EvalFixtures(args, **pipeline);
}
