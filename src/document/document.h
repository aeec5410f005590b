// The Document: one article and every layer the stages have added to it.
//
// Offsets: every Span is [start, end) in BYTES into Document::text, which is
// valid NFC UTF-8. Writers convert to Unicode code point offsets on output
// (docs/formats/document-jsonl.md), so users see character offsets.
// A Document is a plain value: not thread-safe, cheap to move.
#ifndef NEWSGRAPH_DOCUMENT_DOCUMENT_H_
#define NEWSGRAPH_DOCUMENT_DOCUMENT_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "base/status.h"
#include "document/date.h"
#include "document/event.h"
#include "document/quote.h"
#include "document/span.h"

namespace newsgraph::document {

struct Token {
  Span span;
  std::string form;    // the token's text; equals text[span] except for CoNLL-U gold input
  std::string lemma;   // layers filled by the models; empty until then
  std::string upos;
  std::string xpos;
  std::string feats;
  int head = -1;       // CoNLL-U convention: 1-based index in the sentence, 0 = root, -1 = not parsed
  std::string deprel;
  std::string ner;     // BIO tag, e.g. "B-PER"; empty until NER runs
  std::string misc;    // CoNLL-U MISC kept from input (SpaceAfter=No ...)
  bool space_after = true;
};

struct Sentence {
  Span span;
  uint32_t token_begin = 0;  // tokens [token_begin, token_end) of Document::tokens
  uint32_t token_end = 0;
  std::vector<std::string> comments;  // CoNLL-U comment lines (without "# "), kept from input
  // CoNLL-U multiword token lines ("1-2\tdon't\t_..."), kept verbatim for round trips.
  std::vector<std::string> multiword_lines;
  uint32_t size() const { return token_end - token_begin; }
};

// A piece of the text recognised as site boilerplate: kept in `text` so offsets stay
// true, but left out of sentences and every later layer.
struct RemovedSpan {
  Span span;
  std::string why;  // "boilerplate: also-read", "boilerplate: agency-credit" ...
};

// One stretch of text that refers to something: a name found by NER, a title or
// description ("the North Korean leader"), or a pronoun. Coreference groups
// mentions into Entities.
struct Mention {
  Span span;
  std::string type;    // PERSON, ORG, GPE, LOC, FAC, NORP, EVENT, DATE, TIME, MONEY, PERCENT, QUANTITY, CARDINAL
  std::string kind;    // "name", "nominal" or "pronoun"
  int entity = -1;     // index into Document::entities, -1 when not clustered
};

// A person, organization or place the article talks about: a cluster of mentions
// with what the text and the knowledge base say about it.
struct Entity {
  std::string id;                      // "e1", "e2" ... unique within the document
  std::string type;                    // as Mention::type
  std::string name;                    // canonical name (the longest name mention, or the KB's)
  std::string country;                 // ISO 3166 alpha-3, "" when unknown
  std::string sector;                  // CAMEO-style sector: GOV, MIL, MED, BUS, NGO, IGO ...; "" when unknown
  std::string actor;                   // CAMEO-style actor code (country + sector, e.g. RUSGOV); "" when unknown
  std::vector<std::string> roles;      // "defence minister", "spokesperson" ...
  std::vector<uint32_t> mentions;      // indices into Document::mentions, in text order
};

// A relation read from the text between entities, e.g. accompanied_by.
struct Relation {
  std::string type;
  uint32_t head = 0;               // index into Document::entities
  std::vector<uint32_t> members;   // indices into Document::entities
  Span evidence;
};

struct Document {
  std::string id;           // stable id: the input's own, else derived from the content hash
  std::string source;       // publisher or feed, when known
  std::string url;
  std::string origin;       // where it was read: "file.jsonl:12", "crawl.warc.gz@1834"
  std::optional<Date> date;
  std::string date_from;    // how the date was found: "dateline", "json", "html-meta", "warc", "--date", "" = none
  std::string title;
  std::string text;         // normalized text (NFC); every offset points into it
  std::string language;     // ISO 639-1 from the language identifier; "" when not run or unknown
  bool skipped = false;     // true when not analysed (e.g. not English); skip_reason says why
  std::string skip_reason;
  std::vector<RemovedSpan> removed;
  std::vector<Sentence> sentences;
  std::vector<Token> tokens;
  std::vector<Mention> mentions;    // in text order
  std::vector<Entity> entities;
  std::vector<Relation> relations;
  std::vector<Quote> quotes;         // in text order
  std::vector<EventMention> events;  // in text order, coded and uncoded (EventMention::uncoded_reason)
  nlohmann::json metadata = nlohmann::json::object();  // input fields newsgraph does not interpret
  std::vector<std::string> notes;  // what a user should know: "no date line: date is null"

  std::string_view SpanText(Span s) const { return std::string_view(text).substr(s.start, s.size()); }
  // The place metadata["dateline"] names: "KYIV" of "KYIV, March 2 (Reuters)", "WASHINGTON" of
  // "WASHINGTON (AP)"; "" when there is none.
  std::string DatelinePlace() const;
};

}  // namespace newsgraph::document

#endif  // NEWSGRAPH_DOCUMENT_DOCUMENT_H_
