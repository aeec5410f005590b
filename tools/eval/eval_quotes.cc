// eval_quotes: quote finding and attribution scored on the project's fixtures
// (tests/fixtures/quotes) and, when given, on PolNeAR (--polnear DIR).
//   build/tools/eval/eval_quotes
//   build/tools/eval/eval_quotes --polnear ../shared/data/polnear/dev
#include <cstdio>

#include <CLI/CLI.hpp>

#include "eval_quotes.h"
#include "extract/quotes/quote_fixtures.h"
#include "ingest/reader.h"
#include "pipeline/pipeline.h"

namespace newsgraph::eval {
namespace {

void Print(const char* what, const quote_fixtures::Score& s) {
  std::printf("%-18s expected %4d  predicted %4d  recall %5.1f%%  precision %5.1f%%  speaker %5.1f%% (%d/%d)\n", what,
              s.expected, s.predicted, 100 * s.Recall(), 100 * s.Precision(), 100 * s.SpeakerAccuracy(),
              s.speaker_right, s.found);
}

int EvalFixtures(const pipeline::Pipeline& pipeline, const std::string& dir, bool verbose) {
  auto fixtures = quote_fixtures::ReadFixtures(dir);
  if (fixtures.empty()) {
    std::fprintf(stderr, "eval_quotes: no fixtures in %s\n", dir.c_str());
    return 1;
  }
  quote_fixtures::Score quoted, direct, partial, indirect;
  for (const auto& f : fixtures) {
    document::Document doc;
    ingest::ReadOptions options;
    options.detect_language = false;
    (void)ingest::ReadBuffer(f.article, f.name + ".txt", options, [&](StatusOr<document::Document> d) {
      if (d.ok()) doc = std::move(*d);
    });
    quote_fixtures::Annotate(pipeline, doc);
    quoted.Add(quote_fixtures::ScoreFixture(f, doc, {"direct", "partial"}));
    direct.Add(quote_fixtures::ScoreFixture(f, doc, {"direct"}));
    partial.Add(quote_fixtures::ScoreFixture(f, doc, {"partial"}));
    indirect.Add(quote_fixtures::ScoreFixture(f, doc, {"indirect"}));
  }
  std::printf("fixtures: %zu articles in %s\n", fixtures.size(), dir.c_str());
  Print("direct+partial", quoted);
  Print("direct (kind)", direct);
  Print("partial (kind)", partial);
  Print("indirect", indirect);
  if (verbose) {
    for (const auto& m : quoted.misses) std::printf("  %s\n", m.c_str());
    for (const auto& m : indirect.misses) std::printf("  %s\n", m.c_str());
  }
  return 0;
}

}  // namespace

// Prints the quotes found in one article file (for looking at cases by hand).
int ShowFile(const pipeline::Pipeline& pipeline, const std::string& path) {
  int rc = 0;
  Status s = ingest::ReadInput(path, {}, [&](StatusOr<document::Document> d) {
    if (!d.ok()) {
      rc = 1;
      return;
    }
    quote_fixtures::Annotate(pipeline, *d);
    for (const auto& q : d->quotes) {
      std::printf("%-8s %.2f [%s] <- [%s] via [%s] cue [%s] (%s)\n    %.160s\n", q.kind.c_str(), q.confidence,
                  q.speaker_name.c_str(), std::string(d->SpanText(q.speaker_span)).c_str(), q.via_name.c_str(),
                  std::string(d->SpanText(q.cue)).c_str(), q.reason.c_str(), std::string(d->SpanText(q.span)).c_str());
    }
  });
  return s.ok() ? rc : 1;
}

}  // namespace newsgraph::eval

int main(int argc, char** argv) {
  CLI::App app{"Score quote finding and attribution"};
  std::string fixtures = std::string(NEWSGRAPH_SOURCE_DIR) + "/tests/fixtures/quotes";
  std::string polnear;
  int limit = 0;
  bool verbose = false;
  app.add_option("--fixtures", fixtures, "Folder of quote fixtures")->capture_default_str();
  app.add_option("--polnear", polnear, "PolNeAR split folder (text/ and attributions/), e.g. ../shared/data/polnear/dev");
  app.add_option("--limit", limit, "At most this many PolNeAR articles (0 = all)");
  app.add_flag("--verbose,-v", verbose, "Print every miss");
  std::string show;
  app.add_option("--show", show, "Only print the quotes found in this article file");
  CLI11_PARSE(app, argc, argv);
  auto pipeline = newsgraph::quote_fixtures::CreatePipeline();
  if (!pipeline.ok()) {
    std::fprintf(stderr, "eval_quotes: %s\n", pipeline.status().ToString().c_str());
    return 1;
  }
  if (!show.empty()) return newsgraph::eval::ShowFile(**pipeline, show);
  int rc = newsgraph::eval::EvalFixtures(**pipeline, fixtures, verbose);
  if (!polnear.empty()) rc |= newsgraph::eval::EvalPolnear(**pipeline, polnear, limit, verbose);
  return rc;
}
