// newsgraph actors: the people, organizations and governments a database knows,
// with their codes, aliases and roles (store/actors.h).
#include <cstdio>

#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/table_text.h"
#include "store/actors.h"
#include "store/store.h"

namespace newsgraph::cli {
namespace {

struct ActorsFlags {
  std::string db;
  std::string format = "table";
  int64_t id = 0;
  store::ActorFilter filter;
};

std::string Joined(const store::ActorDetail& d, bool roles) {
  std::string out;
  size_t n = roles ? d.roles.size() : d.aliases.size();
  for (size_t i = 0; i < n && i < 4; ++i) {
    if (!out.empty()) out += "; ";
    out += roles ? d.roles[i].role : d.aliases[i].alias;
  }
  return out;
}

nlohmann::json ToJson(const store::ActorDetail& d) {
  const store::ActorSummary& a = d.actor;
  auto opt = [](const std::string& s) { return s.empty() ? nlohmann::json() : nlohmann::json(s); };
  nlohmann::json j = {{"id", a.id},           {"name", a.name},         {"type", a.type},
                      {"country", opt(a.country)}, {"sector", opt(a.sector)}, {"code", opt(a.code)},
                      {"first_seen", opt(a.first_seen)}, {"last_seen", opt(a.last_seen)},
                      {"mentions", a.mention_count},     {"documents", a.document_count}};
  j["aliases"] = nlohmann::json::array();
  for (const store::ActorAlias& x : d.aliases) j["aliases"].push_back({{"alias", x.alias}, {"count", x.count}});
  j["roles"] = nlohmann::json::array();
  for (const store::ActorRole& r : d.roles) {
    j["roles"].push_back({{"role", r.role}, {"country", opt(r.country)}, {"first_seen", opt(r.first_seen)},
                          {"last_seen", opt(r.last_seen)}, {"doc_id", r.doc_id}});
  }
  return j;
}

void PrintTable(const std::vector<store::ActorDetail>& actors) {
  std::printf("%-6s  %-8s  %-7s  %-6s  %5s  %8s  %-28s  %s\n", "id", "code", "country", "type", "docs", "mentions",
              "name", "roles");
  for (const store::ActorDetail& d : actors) {
    const store::ActorSummary& a = d.actor;
    std::printf("%-6lld  %-8s  %-7s  %-6s  %5lld  %8lld  %-28s  %s\n", static_cast<long long>(a.id),
                a.code.empty() ? "-" : a.code.c_str(), a.country.empty() ? "-" : a.country.c_str(), a.type.c_str(),
                static_cast<long long>(a.document_count), static_cast<long long>(a.mention_count),
                OneLine(a.name, 28).c_str(), OneLine(Joined(d, true), 60).c_str());
  }
  std::printf("%zu actor%s\n", actors.size(), actors.size() == 1 ? "" : "s");
}

}  // namespace

CommandRun AddActorsCommand(CLI::App& app) {
  auto flags = std::make_shared<ActorsFlags>();
  CLI::App* cmd = app.add_subcommand("actors", "List the actors (people, organizations, governments) of a database");
  cmd->add_option("--db", flags->db, "Database file")->required();
  cmd->add_option("--country", flags->filter.country, "Only actors of this country (ISO alpha-3, e.g. PRK)");
  cmd->add_option("--type", flags->filter.type, "Only one entity type (PERSON, ORG, GPE)");
  cmd->add_option("--name", flags->filter.name, "Only actors whose name or an alias contains this text");
  cmd->add_option("--id", flags->id, "Show one actor by id");
  cmd->add_option("--limit", flags->filter.limit, "Actors to show")->capture_default_str();
  cmd->add_option("--offset", flags->filter.offset, "Actors to skip")->capture_default_str();
  AddTableOrJsonlFormat(cmd, flags->format);
  return [flags] {
    auto db = OpenStoreForReading(flags->db);
    if (!db.ok()) return Fail(db.status());
    std::vector<store::ActorDetail> details;
    if (flags->id > 0) {
      auto one = store::GetActor(**db, flags->id);
      if (!one.ok()) return Fail(one.status());
      if (!*one) return Fail(Status::NotFound("no actor with id " + std::to_string(flags->id)));
      details.push_back(std::move(**one));
    } else {
      auto list = store::ListActors(**db, flags->filter);
      if (!list.ok()) return Fail(list.status());
      for (const store::ActorSummary& a : *list) {
        auto one = store::GetActor(**db, a.id);
        if (!one.ok()) return Fail(one.status());
        if (*one) details.push_back(std::move(**one));
      }
    }
    if (flags->format == "jsonl") {
      for (const store::ActorDetail& d : details) {
        std::printf("%s\n", ToJson(d).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
      }
    } else {
      PrintTable(details);
    }
    return 0;
  };
}

}  // namespace newsgraph::cli
