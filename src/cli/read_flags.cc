#include "cli/commands.h"

#include <cstdio>

namespace newsgraph::cli {

void AddReadFlags(CLI::App& cmd, ReadFlags& flags) {
  cmd.add_option("inputs", flags.inputs, "Files, directories (recursive) or - for stdin")->required();
  cmd.add_option("--input", flags.input_format, "Input format: auto, text, jsonl, html, warc, conllu, conll2003")
      ->capture_default_str();
  cmd.add_option("--date", flags.date, "Date (YYYY-MM-DD) for articles that carry none");
  cmd.add_option("--until", flags.until, "Last analysis stage: segment, tag, parse, entities, quotes, events (= all)")->capture_default_str();
  cmd.add_option("--models", flags.models, "Model directory (default: $NEWSGRAPH_MODELS or data/models)");
  cmd.add_option("--threads", flags.threads, "Worker threads (0 = every core)")->capture_default_str();
  cmd.add_flag("-q,--quiet", flags.quiet, "No progress line and no warnings; errors and the summary still print");
}

StatusOr<pipeline::RunOptions> MakeRunOptions(const ReadFlags& flags) {
  pipeline::RunOptions options;
  NG_ASSIGN_OR_RETURN(options.read.format, ingest::ParseInputFormat(flags.input_format));
  if (!flags.date.empty()) {
    auto date = document::Date::ParseIso(flags.date);
    if (!date.ok()) return date.status().WithContext("--date");
    options.read.default_date = *date;
  }
  if (flags.threads < 0) return Status::InvalidArgument("--threads must be 0 or more");
  options.threads = flags.threads;
  return options;
}

StatusOr<pipeline::PipelineOptions> MakePipelineOptions(const ReadFlags& flags) {
  pipeline::PipelineOptions options;
  options.model_dir = flags.models;
  NG_ASSIGN_OR_RETURN(options.until, pipeline::ParseStage(flags.until));
  return options;
}

int Fail(const Status& status) {
  std::fprintf(stderr, "newsgraph: error: %s\n", status.message().c_str());
  return 1;
}

}  // namespace newsgraph::cli
