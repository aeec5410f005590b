// HTML → title, date, main text. The main text comes from the most specific
// article container (itemprop=articleBody, <article>, <main>), else from the
// element whose direct <p> children hold the most text; navigation, ads,
// comments, share widgets and the like are left out.
#include <gumbo.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "ingest/internal.h"

namespace newsgraph::ingest::internal {
namespace {

constexpr int kMaxDepth = 256;  // deeper subtrees are ignored (no stack overflow on hostile pages)

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

const char* Attr(const GumboNode* node, const char* name) {
  if (node->type != GUMBO_NODE_ELEMENT) return nullptr;
  const GumboAttribute* a = gumbo_get_attribute(&node->v.element.attributes, name);
  return a ? a->value : nullptr;
}

bool IsTag(const GumboNode* node, GumboTag tag) {
  return node->type == GUMBO_NODE_ELEMENT && node->v.element.tag == tag;
}

bool IsSkippedTag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_NAV: case GUMBO_TAG_HEADER: case GUMBO_TAG_FOOTER: case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_FORM: case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_IFRAME: case GUMBO_TAG_SVG: case GUMBO_TAG_BUTTON: case GUMBO_TAG_SELECT:
    case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_FIGURE: case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_HEAD: case GUMBO_TAG_TITLE: case GUMBO_TAG_OBJECT: case GUMBO_TAG_EMBED:
    case GUMBO_TAG_MENU:
      return true;
    default:
      return false;
  }
}

// One class token or id that marks site furniture rather than article text.
bool IsFurnitureToken(std::string_view v) {
  // Taxonomy classes ("tag-advertising", "category-comment") describe the topic, not the block.
  if (v.substr(0, 4) == "tag-" || v.substr(0, 9) == "category-") return false;
  for (const char* sub : {"advert", "sponsor", "promo", "comment", "social", "related", "newsletter",
                          "subscribe", "outbrain", "taboola", "cookie", "breadcrumb", "sharing", "share-",
                          "-share", "paywall", "recommend", "most-read", "popular"}) {
    if (v.find(sub) != std::string_view::npos) return true;
  }
  // Whole words split on '-' and '_': "ad", "ads", "share", "nav", "sidebar"...
  size_t i = 0;
  while (i <= v.size()) {
    size_t j = v.find_first_of("-_", i);
    if (j == std::string_view::npos) j = v.size();
    std::string_view word = v.substr(i, j - i);
    if (word == "ad" || word == "ads" || word == "share" || word == "nav" || word == "sidebar" ||
        word == "footer" || word == "menu" || word == "byline" || word == "caption" || word == "credit") {
      return true;
    }
    i = j + 1;
  }
  return false;
}

bool IsFurnitureName(std::string_view value) {
  std::string v = Lower(value);
  size_t i = 0;
  while (i < v.size()) {
    size_t j = v.find(' ', i);
    if (j == std::string::npos) j = v.size();
    if (j > i && IsFurnitureToken(std::string_view(v).substr(i, j - i))) return true;
    i = j + 1;
  }
  return false;
}

bool IsSkipped(const GumboNode* node) {
  if (node->type != GUMBO_NODE_ELEMENT) return false;
  if (IsSkippedTag(node->v.element.tag)) return true;
  if (Attr(node, "hidden") != nullptr) return true;
  const char* aria = Attr(node, "aria-hidden");
  if (aria != nullptr && std::strcmp(aria, "true") == 0) return true;
  GumboTag tag = node->v.element.tag;
  // Page-level containers carry page-wide classes ("single-post comments-open"): never judged by name.
  if (tag == GUMBO_TAG_HTML || tag == GUMBO_TAG_BODY || tag == GUMBO_TAG_MAIN || tag == GUMBO_TAG_ARTICLE) {
    return false;
  }
  const char* cls = Attr(node, "class");
  const char* id = Attr(node, "id");
  return (cls && IsFurnitureName(cls)) || (id && IsFurnitureName(id));
}

bool IsBlock(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3:
    case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_LI: case GUMBO_TAG_UL:
    case GUMBO_TAG_OL: case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_SECTION: case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_MAIN: case GUMBO_TAG_TABLE: case GUMBO_TAG_TR: case GUMBO_TAG_PRE: case GUMBO_TAG_DL:
    case GUMBO_TAG_DT: case GUMBO_TAG_DD: case GUMBO_TAG_HR: case GUMBO_TAG_BODY:
      return true;
    default:
      return false;
  }
}

// Collects text as paragraphs: block elements close the paragraph being built.
class TextCollector {
 public:
  void Walk(const GumboNode* node, int depth) {
    if (depth > kMaxDepth) return;
    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_CDATA || node->type == GUMBO_NODE_WHITESPACE) {
      AppendText(node->v.text.text);
      return;
    }
    if (node->type != GUMBO_NODE_ELEMENT || IsSkipped(node)) return;
    GumboTag tag = node->v.element.tag;
    if (tag == GUMBO_TAG_BR) {
      current_ += '\n';
      return;
    }
    bool block = IsBlock(tag);
    if (block) Flush();
    const GumboVector& children = node->v.element.children;
    for (unsigned i = 0; i < children.length; ++i) {
      Walk(static_cast<const GumboNode*>(children.data[i]), depth + 1);
    }
    if (block) Flush();
  }

  std::string Take() {
    Flush();
    return std::move(text_);
  }

 private:
  void AppendText(const char* s) {
    for (const char* p = s; *p; ++p) current_ += (*p == '\n' || *p == '\r' || *p == '\t') ? ' ' : *p;
  }
  void Flush() {
    if (current_.find_first_not_of(" \n") == std::string::npos) {
      current_.clear();
      return;
    }
    if (!text_.empty()) text_ += "\n\n";
    text_ += current_;
    current_.clear();
  }

  std::string current_;
  std::string text_;
};

std::string NodeText(const GumboNode* node) {
  TextCollector c;
  c.Walk(node, 0);
  std::string s = c.Take();
  std::replace(s.begin(), s.end(), '\n', ' ');
  return s;
}

// Everything the page says about itself, gathered in one walk.
struct PageFacts {
  std::vector<std::pair<std::string, std::string>> metas;  // (lower name/property/itemprop, content)
  std::string title_tag;
  std::string first_h1;
  std::string time_datetime;
  std::string canonical;
  std::vector<std::string> json_ld;
  const GumboNode* article_body = nullptr;  // itemprop=articleBody
  std::vector<const GumboNode*> articles;
  const GumboNode* main = nullptr;
  const GumboNode* body = nullptr;
};

void NoteMeta(const GumboNode* node, PageFacts& facts) {
  const char* content = Attr(node, "content");
  if (content == nullptr) return;
  for (const char* key : {"property", "name", "itemprop"}) {
    const char* v = Attr(node, key);
    if (v != nullptr) facts.metas.emplace_back(Lower(v), content);
  }
}

std::string ScriptText(const GumboNode* node) {
  std::string s;
  const GumboVector& children = node->v.element.children;
  for (unsigned i = 0; i < children.length; ++i) {
    const GumboNode* c = static_cast<const GumboNode*>(children.data[i]);
    if (c->type == GUMBO_NODE_TEXT || c->type == GUMBO_NODE_CDATA) s += c->v.text.text;
  }
  return s;
}

void Gather(const GumboNode* node, PageFacts& facts, int depth) {
  if (depth > kMaxDepth || node->type != GUMBO_NODE_ELEMENT) return;
  GumboTag tag = node->v.element.tag;
  const char* itemprop = Attr(node, "itemprop");
  if (tag == GUMBO_TAG_META) NoteMeta(node, facts);
  if (tag == GUMBO_TAG_TITLE && facts.title_tag.empty()) facts.title_tag = ScriptText(node);
  if (tag == GUMBO_TAG_H1 && facts.first_h1.empty()) facts.first_h1 = NodeText(node);
  if (tag == GUMBO_TAG_TIME && facts.time_datetime.empty() && Attr(node, "datetime")) {
    facts.time_datetime = Attr(node, "datetime");
  }
  if (tag == GUMBO_TAG_LINK && Attr(node, "rel") && Lower(Attr(node, "rel")) == "canonical" && Attr(node, "href")) {
    facts.canonical = Attr(node, "href");
  }
  if (tag == GUMBO_TAG_SCRIPT && Attr(node, "type") && Lower(Attr(node, "type")) == "application/ld+json") {
    facts.json_ld.push_back(ScriptText(node));
  }
  if (itemprop && Lower(itemprop) == "articlebody" && !facts.article_body) facts.article_body = node;
  if (tag == GUMBO_TAG_ARTICLE) facts.articles.push_back(node);
  if (tag == GUMBO_TAG_MAIN && !facts.main) facts.main = node;
  if (tag == GUMBO_TAG_BODY) facts.body = node;
  const GumboVector& children = node->v.element.children;
  for (unsigned i = 0; i < children.length; ++i) {
    Gather(static_cast<const GumboNode*>(children.data[i]), facts, depth + 1);
  }
}

std::string MetaValue(const PageFacts& facts, std::initializer_list<const char*> keys) {
  for (const char* key : keys) {
    for (const auto& [name, content] : facts.metas) {
      if (name == key && !content.empty()) return content;
    }
  }
  return "";
}

// Finds "datePublished" anywhere in a JSON-LD value.
std::string FindDatePublished(const nlohmann::json& j, int depth) {
  if (depth > 32) return "";
  if (j.is_object()) {
    auto it = j.find("datePublished");
    if (it != j.end() && it->is_string()) return it->get<std::string>();
  }
  if (j.is_object() || j.is_array()) {
    for (const auto& child : j) {
      std::string d = FindDatePublished(child, depth + 1);
      if (!d.empty()) return d;
    }
  }
  return "";
}

void ChooseDate(const PageFacts& facts, HtmlPage& page) {
  std::vector<std::pair<std::string, const char*>> candidates;
  candidates.emplace_back(MetaValue(facts, {"article:published_time", "og:article:published_time",
                                            "datepublished", "date", "pubdate", "publishdate", "publish-date",
                                            "dc.date", "dc.date.issued", "dcterms.created", "dcterms.date",
                                            "article.published", "sailthru.date", "parsely-pub-date"}),
                          "html-meta");
  for (const std::string& script : facts.json_ld) {
    nlohmann::json j = nlohmann::json::parse(script, nullptr, false);
    if (!j.is_discarded()) candidates.emplace_back(FindDatePublished(j, 0), "html-meta");
  }
  candidates.emplace_back(facts.time_datetime, "html-time");
  for (const auto& [text, from] : candidates) {
    if (text.empty()) continue;
    StatusOr<document::Date> date = ParseLooseDate(text);
    if (date.ok()) {
      page.date = *date;
      page.date_from = from;
      return;
    }
    page.notes.push_back("ignored unusable page date: " + date.status().message());
  }
}

// Text length held by an element's direct <p> children (for the densest-block rule).
size_t DirectParagraphText(const GumboNode* node) {
  size_t total = 0;
  const GumboVector& children = node->v.element.children;
  for (unsigned i = 0; i < children.length; ++i) {
    const GumboNode* c = static_cast<const GumboNode*>(children.data[i]);
    if (IsTag(c, GUMBO_TAG_P) && !IsSkipped(c)) total += NodeText(c).size();
  }
  return total;
}

void Densest(const GumboNode* node, int depth, const GumboNode** best, size_t* best_len) {
  if (depth > kMaxDepth || node->type != GUMBO_NODE_ELEMENT || IsSkipped(node)) return;
  size_t len = DirectParagraphText(node);
  if (len > *best_len) {
    *best = node;
    *best_len = len;
  }
  const GumboVector& children = node->v.element.children;
  for (unsigned i = 0; i < children.length; ++i) {
    Densest(static_cast<const GumboNode*>(children.data[i]), depth + 1, best, best_len);
  }
}

std::string MainText(const PageFacts& facts, const GumboNode* root) {
  std::vector<const GumboNode*> containers;
  if (facts.article_body) containers.push_back(facts.article_body);
  // Of several <article>s (teasers, related stories), the one with most text.
  const GumboNode* best_article = nullptr;
  size_t best_len = 0;
  for (const GumboNode* a : facts.articles) {
    size_t len = NodeText(a).size();
    if (len > best_len) best_article = a, best_len = len;
  }
  if (best_article) containers.push_back(best_article);
  if (facts.main) containers.push_back(facts.main);
  for (const GumboNode* c : containers) {
    TextCollector collector;
    collector.Walk(c, 0);
    std::string text = collector.Take();
    if (text.find_first_not_of(" \n") != std::string::npos) return text;
  }
  const GumboNode* dense = nullptr;
  size_t dense_len = 0;
  Densest(root, 0, &dense, &dense_len);
  TextCollector collector;
  collector.Walk(dense ? dense : (facts.body ? facts.body : root), 0);
  return collector.Take();
}

// "<title>Port reopens | Example Post</title>" with "<h1>Port reopens</h1>": the
// headline is the h1 when the title tag starts with it; the rest names the site.
std::string TitleWithoutSiteName(const std::string& title_tag, const std::string& h1) {
  if (!h1.empty() && title_tag.size() > h1.size() && title_tag.compare(0, h1.size(), h1) == 0) {
    std::string_view rest = std::string_view(title_tag).substr(h1.size());
    size_t sep = rest.find_first_not_of(' ');
    if (sep != std::string_view::npos && std::string_view("|-\xE2:").find(rest[sep]) != std::string_view::npos) return h1;
  }
  return title_tag;
}

}  // namespace

HtmlPage ExtractHtml(std::string_view html) {
  HtmlPage page;
  GumboOutput* out = gumbo_parse_with_options(&kGumboDefaultOptions, html.data(), html.size());
  if (out == nullptr) return page;
  PageFacts facts;
  Gather(out->root, facts, 0);
  page.title = MetaValue(facts, {"og:title", "twitter:title"});
  if (page.title.empty()) page.title = TitleWithoutSiteName(facts.title_tag, facts.first_h1);
  if (page.title.empty()) page.title = facts.first_h1;
  page.url = facts.canonical.empty() ? MetaValue(facts, {"og:url"}) : facts.canonical;
  page.source = MetaValue(facts, {"og:site_name"});
  ChooseDate(facts, page);
  page.text = MainText(facts, out->root);
  gumbo_destroy_output(&kGumboDefaultOptions, out);
  return page;
}

}  // namespace newsgraph::ingest::internal
