// newsgraph events: the merged events of a database, filtered.
#include <cstdio>

#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/table_text.h"
#include "store/events.h"
#include "store/store.h"

namespace newsgraph::cli {
namespace {

struct EventsFlags {
  std::string db, near, format = "table";
  store::EventFilter filter;
  bool mentions = false;
};

}  // namespace

// Shared with cmd_export.cc (declared there): one merged event as a JSON object.
nlohmann::json EventRowJson(const store::EventRow& e) {
  nlohmann::json j = {{"id", e.id},
                      {"cameo", e.cameo},
                      {"base", e.cameo.substr(0, 3)},
                      {"root", e.root},
                      {"quad", e.quad},
                      {"goldstein", e.goldstein},
                      {"plover", e.plover},
                      {"source", {{"actor", e.source_code}, {"country", e.source_country}, {"text", e.source_name}}},
                      {"target", {{"actor", e.target_code}, {"country", e.target_country}, {"text", e.target_name}}},
                      {"date", e.date.empty() ? nlohmann::json() : nlohmann::json(e.date)},
                      {"mentions", e.mention_count},
                      {"documents", e.document_count},
                      {"sources", e.source_count},
                      {"first_mention", e.first_mention}};
  if (!e.place_name.empty()) {
    j["location"] = {{"name", e.place_name}, {"country", e.place_country}, {"admin1", e.place_admin1},
                     {"feature", e.place_feature}};
    j["location"]["lat"] = e.lat ? nlohmann::json(*e.lat) : nlohmann::json();
    j["location"]["lon"] = e.lon ? nlohmann::json(*e.lon) : nlohmann::json();
  } else {
    j["location"] = nullptr;
  }
  return j;
}

namespace {

std::string Actor(const std::string& code, const std::string& country, const std::string& name) {
  std::string shown = !code.empty() ? code : !country.empty() ? country : "-";
  if (!name.empty()) shown += " (" + OneLine(name, 28) + ")";
  return shown;
}

int Run(EventsFlags& flags) {
  if (flags.format != "table" && flags.format != "jsonl") {
    return Fail(Status::InvalidArgument("--format must be table or jsonl, not '" + flags.format + "'"));
  }
  if (!flags.near.empty()) {
    if (Status s = store::ParseNear(flags.near, flags.filter); !s.ok()) {
      return Fail(Status::InvalidArgument("--" + s.message()));
    }
  }
  auto db = OpenStoreForReading(flags.db);
  if (!db.ok()) return Fail(db.status());
  auto rows = store::QueryEvents(**db, flags.filter);
  if (!rows.ok()) return Fail(rows.status());
  for (const store::EventRow& e : *rows) {
    if (flags.format == "jsonl") {
      nlohmann::json j = EventRowJson(e);
      if (flags.mentions) {
        store::MentionFilter of_event;
        of_event.event_id = e.id;
        of_event.filter.sort = "oldest";
        of_event.filter.limit = -1;
        auto mentions = store::QueryEventMentions(**db, of_event);
        if (!mentions.ok()) return Fail(mentions.status());
        j["evidence"] = nlohmann::json::array();
        for (const auto& m : *mentions) {
          j["evidence"].push_back({{"mention", m.id}, {"doc_id", m.doc_id}, {"url", m.doc_url}, {"cue", m.cue},
                                   {"start", m.evidence_start}, {"end", m.evidence_end}, {"text", m.evidence}});
        }
      }
      std::printf("%s\n", j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
      continue;
    }
    std::printf("%-10s %-5s %-9s %-36s %-36s %-24s %3lld %s\n", e.date.empty() ? "-" : e.date.c_str(), e.cameo.c_str(),
                e.plover.empty() ? "-" : e.plover.c_str(),
                Actor(e.source_code, e.source_country, e.source_name).c_str(),
                Actor(e.target_code, e.target_country, e.target_name).c_str(),
                e.place_name.empty() ? "-" : e.place_name.substr(0, 24).c_str(),
                static_cast<long long>(e.mention_count), e.id.c_str());
  }
  if (flags.format == "table") std::fprintf(stderr, "%zu events\n", rows->size());
  return 0;
}

}  // namespace

CommandRun AddEventsCommand(CLI::App& app) {
  auto flags = std::make_shared<EventsFlags>();
  CLI::App* cmd = app.add_subcommand("events", "List the events of a database (merged across articles)");
  cmd->add_option("--db", flags->db, "Database file")->required();
  cmd->add_option("--actor", flags->filter.actor,
                  "Source actor: country (RUS), code prefix (RUSGOV), actor id or name/alias (Putin)");
  cmd->add_option("--target", flags->filter.target, "Target actor, the same forms");
  cmd->add_option("--root", flags->filter.root, "CAMEO root or code prefix (04, 043)");
  cmd->add_option("--plover", flags->filter.plover, "PLOVER event type (CONSULT ...)");
  cmd->add_option("--from", flags->filter.from, "First date, YYYY-MM-DD");
  cmd->add_option("--to", flags->filter.to, "Last date, YYYY-MM-DD");
  cmd->add_option("--near", flags->near, "LAT,LON,KM: events located within KM of the point");
  cmd->add_option("--limit", flags->filter.limit, "At most N events (default 100; -1 = all)");
  cmd->add_option("--offset", flags->filter.offset, "Skip the first N");
  cmd->add_option("--sort", flags->filter.sort,
                  "date (newest first), oldest, mentions, goldstein (most negative first) or -goldstein");
  cmd->add_option("--format", flags->format, "table or jsonl");
  cmd->add_flag("--mentions", flags->mentions, "jsonl: add the evidence of every mention");
  return [flags] { return Run(*flags); };
}

}  // namespace newsgraph::cli
