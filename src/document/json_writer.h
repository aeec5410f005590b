// Internal to ng_document: the streaming JSON writer behind jsonl.cc, and the
// writers of the layers that live in their own files (quotes, events).
#ifndef NEWSGRAPH_DOCUMENT_JSON_WRITER_H_
#define NEWSGRAPH_DOCUMENT_JSON_WRITER_H_

#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

#include "base/utf8.h"
#include "document/document.h"

namespace newsgraph::document {

// Appends JSON to a string in one pass, without building a DOM: annotate writes
// every token of every document, and a DOM costs several allocations per value.
class JsonWriter {
 public:
  explicit JsonWriter(std::string& out) : out_(out) {}

  JsonWriter& Begin(char bracket) {
    Separate();
    out_.push_back(bracket);
    first_ = true;
    return *this;
  }
  JsonWriter& End(char bracket) {
    out_.push_back(bracket);
    first_ = false;
    return *this;
  }
  JsonWriter& Key(std::string_view key) {
    Separate();
    out_.push_back('"');
    out_.append(key);
    out_.append("\":");
    after_key_ = true;
    return *this;
  }
  JsonWriter& String(std::string_view s) {
    Separate();
    Escape(s);
    return *this;
  }
  JsonWriter& Int(int64_t v) {
    Separate();
    char buf[24];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
    out_.append(buf, end);
    return *this;
  }
  // Shortest text that reads back as the same double; null for NaN and infinities.
  JsonWriter& Double(double v) {
    Separate();
    if (!std::isfinite(v)) {
      out_.append("null");
      return *this;
    }
    char buf[32];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
    out_.append(buf, end);
    return *this;
  }
  JsonWriter& Bool(bool v) { return Raw(v ? "true" : "false"); }
  JsonWriter& Null() { return Raw("null"); }
  JsonWriter& Raw(std::string_view json) {
    Separate();
    out_.append(json);
    return *this;
  }
  // "key": "value", only when value is not empty.
  JsonWriter& Field(std::string_view key, std::string_view value) {
    if (!value.empty()) Key(key).String(value);
    return *this;
  }

 private:
  void Separate() {
    if (after_key_) {
      after_key_ = false;
    } else if (!first_) {
      out_.push_back(',');
    }
    first_ = false;
  }
  void Escape(std::string_view s) {
    out_.push_back('"');
    size_t run = 0;
    for (size_t i = 0; i < s.size(); ++i) {
      unsigned char c = static_cast<unsigned char>(s[i]);
      if (c >= 0x20 && c != '"' && c != '\\') continue;
      out_.append(s.data() + run, i - run);
      run = i + 1;
      switch (c) {
        case '"': out_.append("\\\""); break;
        case '\\': out_.append("\\\\"); break;
        case '\n': out_.append("\\n"); break;
        case '\t': out_.append("\\t"); break;
        case '\r': out_.append("\\r"); break;
        default: {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          out_.append(buf);
        }
      }
    }
    out_.append(s.data() + run, s.size() - run);
    out_.push_back('"');
  }

  std::string& out_;
  bool first_ = true;
  bool after_key_ = false;
};

// Writes "key":{"start":..,"end":..} in code points.
inline void WriteSpanFields(JsonWriter& w, const base::CharOffsetMap& map, Span s) {
  w.Key("start").Int(map.ToChar(s.start)).Key("end").Int(map.ToChar(s.end));
}

// "quotes": [...] (jsonl_quotes.cc); writes nothing when the document has none.
void WriteQuotesJson(const Document& doc, const base::CharOffsetMap& map, JsonWriter& w);
// "events": [...] (jsonl_events.cc); writes nothing when the document has none.
void WriteEventsJson(const Document& doc, const base::CharOffsetMap& map, JsonWriter& w);

}  // namespace newsgraph::document

#endif  // NEWSGRAPH_DOCUMENT_JSON_WRITER_H_
