// serve::JsonWriter writes what nlohmann's dump() writes: checked on tricky values
// and on every list route's answer (re-dumped through nlohmann, byte for byte).
#include "serve/json_writer.h"

#include <nlohmann/json.hpp>

#include "serve_fixture.h"

namespace newsgraph::serve_test {
namespace {

std::string NlohmannDump(const nlohmann::json& j) {
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string Written(const std::string& s) {
  serve::JsonWriter w;
  w.String(s);
  return w.text();
}

std::string Written(double v) {
  serve::JsonWriter w;
  w.Double(v);
  return w.text();
}

TEST(JsonWriter, StringsAsNlohmann) {
  for (std::string s : {std::string("plain"), std::string("quote \" back \\ slash /"), std::string("\b\f\n\r\t"),
                        std::string("\x01\x02\x03\x1f\x7f"), std::string("Zürich – 東京 😀"),
                        std::string("bad \xff byte"), std::string("cut \xe6\x9d"), std::string("\xe6\x9d tail"),
                        std::string("overlong \xc0\xaf"), std::string("surrogate \xed\xa0\x80"),
                        std::string("too high \xf4\x90\x80\x80"), std::string("\x80\x80"), std::string(1, '\0')}) {
    EXPECT_EQ(Written(s), NlohmannDump(s)) << s;
  }
}

TEST(JsonWriter, NumbersAsNlohmann) {
  for (double v : {0.0, -0.0, 1.0, -10.0, 3.4, -1.244, 51.88, 128.33, 0.0001, 0.1234, 12345.6789, 1e14, 123456789012.5,
                   1e-7, 2.5e20, -7.2}) {
    EXPECT_EQ(Written(v), NlohmannDump(v)) << v;
  }
  serve::JsonWriter w;
  w.BeginArray();
  w.Int(-9007199254740993);
  w.Double(std::nan(""));
  w.Bool(false);
  w.Null();
  w.StringOrNull("");
  w.IntOrNull(std::nullopt);
  w.EndArray();
  EXPECT_EQ(w.text(), "[-9007199254740993,null,false,null,null,null]");
}

TEST(JsonWriter, NestedContainers) {
  serve::JsonWriter w;
  w.BeginObject();
  w.Key("a");
  w.BeginArray();
  w.BeginObject();
  w.EndObject();
  w.BeginArray();
  w.EndArray();
  w.Raw("{\"x\":1}");
  w.EndArray();
  w.Key("b");
  w.Int(2);
  w.EndObject();
  EXPECT_EQ(w.text(), R"({"a":[{},[],{"x":1}],"b":2})");
}

TEST_F(ServeTest, ListAnswersAreWhatNlohmannWrites) {
  for (const char* path :
       {"/api/events?limit=500", "/api/events?actor=RUS&sort=goldstein", "/api/mentions?limit=500",
        "/api/quotes?limit=500", "/api/quotes?speaker=Peskov", "/api/actors?limit=500", "/api/search?q=the",
        "/api/search?q=restraint&sort=relevance", "/api/search?q=kim&kind=quote", "/api/events/fx-e1",
        "/api/actors/1003"}) {
    Reply r = Get(path);
    ASSERT_EQ(r.status, 200) << path << " " << r.raw;
    EXPECT_EQ(NlohmannDump(r.body), r.raw) << path;
  }
}

}  // namespace
}  // namespace newsgraph::serve_test
