// Shared by tools/eval/eval_events.cc and tests/extract/events: reading the
// single-sentence event records of tests/fixtures/events/*.tsv, analysing one
// sentence as an article, and scoring its main event. Header-only.
#ifndef NEWSGRAPH_TOOLS_EVAL_EVAL_EVENTS_H_
#define NEWSGRAPH_TOOLS_EVAL_EVAL_EVENTS_H_

#include <fstream>
#include <string>
#include <vector>

#include "base/status.h"
#include "base/strings.h"
#include "document/document.h"
#include "pipeline/pipeline.h"

namespace newsgraph::eval_events {

struct Record {
  std::string sentence, plover, root, source, target;  // "-" = none
  int line = 0;
};

inline StatusOr<std::vector<Record>> ReadRecords(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Status::NotFound(path + ": cannot read");
  std::vector<Record> out;
  std::string line;
  int n = 0;
  while (std::getline(in, line)) {
    ++n;
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string_view> f = base::Split(line, '\t');
    if (f.size() != 5) return Status::InvalidArgument(path + ":" + std::to_string(n) + ": expected 5 columns");
    out.push_back(Record{std::string(f[0]), std::string(f[1]), std::string(f[2]), std::string(f[3]),
                         std::string(f[4]), n});
  }
  return out;
}

inline document::Document AnalyseSentence(const pipeline::Pipeline& pipeline, const std::string& sentence) {
  document::Document doc;
  doc.id = "record";
  doc.text = sentence;
  doc.date = document::Date{2024, 3, 6};
  doc.date_from = "fixture";
  pipeline.Annotate(doc);
  return doc;
}

inline int CodedActors(const document::EventMention& e) {
  return (e.source.country.empty() ? 0 : 1) + (e.target.country.empty() ? 0 : 1);
}

// The first coded mention with the most coded actors; nullptr when none.
inline const document::EventMention* MainEvent(const document::Document& doc) {
  const document::EventMention* best = nullptr;
  for (const auto& e : doc.events) {
    if (e.cameo.empty()) continue;
    if (best == nullptr || CodedActors(e) > CodedActors(*best)) best = &e;
  }
  return best;
}

inline std::string Describe(const document::Document& doc, const document::EventMention& e) {
  auto actor = [](const document::EventActor& a) {
    std::string s = a.actor.empty() ? (a.country.empty() ? "?" : a.country) : a.actor;
    return s + "[" + a.text + "]";
  };
  std::string out = (e.cameo.empty() ? "uncoded(" + e.uncoded_reason + ")" : e.cameo + " " + e.plover) + " " +
                    actor(e.source) + " -> " + actor(e.target) + " cue='" + std::string(doc.SpanText(e.cue)) + "'";
  out += " date=" + (e.date ? e.date->ToIso() : std::string("-")) + " (" + e.date_from + ")";
  if (e.place) out += " place=" + e.place->name + "/" + e.place->country + "/" + e.place->feature + "/" + e.place->from;
  out += " modality=" + e.modality + (e.negated ? " NEGATED" : "");
  return out;
}

// "form/UPOS/lemma/head/deprel" for every token, for reading misses.
inline std::string ParseLine(const document::Document& doc) {
  std::string out;
  for (const auto& tok : doc.tokens) {
    out += tok.form + "/" + tok.upos + "/" + tok.lemma + "/" + std::to_string(tok.head) + "/" + tok.deprel + " ";
  }
  return out;
}

struct Scores {
  int n = 0, with_target = 0, plover = 0, root = 0, source = 0, target = 0, all = 0;
  static double Pct(int a, int b) { return b == 0 ? 0 : 100.0 * a / b; }
};

struct Outcome {
  bool all_right = false;
  std::string got;
};

inline Outcome Score(const Record& r, const document::Document& doc, Scores& s) {
  const document::EventMention* e = MainEvent(doc);
  auto dash = [](const std::string& v) { return v.empty() ? std::string("-") : v; };
  std::string plover = e ? dash(e->plover) : "none", root = e ? e->root : "none";
  std::string source = e ? dash(e->source.country) : "-", target = e ? dash(e->target.country) : "-";
  bool p = e != nullptr && plover == r.plover, ro = e != nullptr && root == r.root;
  bool so = source == r.source, ta = target == r.target;
  ++s.n;
  s.plover += p;
  s.root += ro;
  s.source += so;
  if (r.target != "-") {
    ++s.with_target;
    s.target += ta;
  }
  bool all = p && ro && so && (r.target == "-" || ta);
  s.all += all;
  return Outcome{all, e ? Describe(doc, *e) : "no event"};
}

}  // namespace newsgraph::eval_events

#endif  // NEWSGRAPH_TOOLS_EVAL_EVAL_EVENTS_H_
