// Internal to ng_serve: JSON text written straight into one string, for the list
// routes. An nlohmann DOM costs an allocation per key and value, and building,
// dumping and freeing it was about half of a 50-row page's CPU time.
//
// The text is what nlohmann's dump(-1, ' ', false, error_handler_t::replace) gives
// for the same document, so the routes answer byte for byte as before: compact,
// keys in the order written (callers write them sorted, as nlohmann's std::map
// orders them), non-ASCII as is, invalid UTF-8 as U+FFFD. The writer does not check
// the structure; a test re-dumps every answer through nlohmann and compares.
//
// Thread safety: one writer per thread.
#ifndef NEWSGRAPH_SERVE_JSON_WRITER_H_
#define NEWSGRAPH_SERVE_JSON_WRITER_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace newsgraph::serve {

class JsonWriter {
 public:
  void BeginObject() { Open('{'); }
  void EndObject() { Close('}'); }
  void BeginArray() { Open('['); }
  void EndArray() { Close(']'); }
  // The next value's key (inside an object). Keys are the API's own names, written
  // as given: they must need no escaping.
  void Key(std::string_view key);

  void String(std::string_view s);
  void Int(int64_t v);
  // Shortest text that reads back as `v`; NaN and infinities as null (as nlohmann).
  void Double(double v);
  void Bool(bool v);
  void Null();
  void StringOrNull(std::string_view s);  // "" as null
  void IntOrNull(const std::optional<int64_t>& v);
  void DoubleOrNull(const std::optional<double>& v);
  // A value already written as JSON text.
  void Raw(std::string_view json);

  std::string& text() { return out_; }

 private:
  void BeforeValue();
  void Open(char c);
  void Close(char c);

  std::string out_;
  std::vector<bool> has_items_;  // per open container
  bool after_key_ = false;
};

// `s` as a JSON string body (no quotes), appended to `out`.
void AppendEscaped(std::string& out, std::string_view s);

}  // namespace newsgraph::serve

#endif  // NEWSGRAPH_SERVE_JSON_WRITER_H_
