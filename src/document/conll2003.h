// CoNLL-2003 column format for named entities: one token per line (the token in
// column 1, further space- or tab-separated columns such as POS, chunk and the
// gold NE tag), a blank line between sentences, and `-DOCSTART-` lines between
// documents. Gold tags may be IOB1 (CoNLL-2003, WikiGold) or IOB2.
//
// Reading makes one Document per -DOCSTART- (text before the first one is a
// document too): the tokens joined by single spaces, one line per sentence, with
// true offsets. The columns after the token are kept, per token, in
// Document::metadata["conll2003"]["columns"] (an array of strings, the columns
// joined by one space), so WriteConll2003 can write them back; the -DOCSTART-
// line is kept in metadata["conll2003"]["docstart"].
//
// Built into the ng_conll2003 library (declared in src/kb/CMakeLists.txt).
// Functions are pure; thread-safe.
#ifndef NEWSGRAPH_DOCUMENT_CONLL2003_H_
#define NEWSGRAPH_DOCUMENT_CONLL2003_H_

#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "document/document.h"

namespace newsgraph::document {

// Parses CoNLL-2003 text; `name` is used in errors ("test.txt:118: ...") and in
// Document::origin. Fails on a token line whose token is empty or longer than
// 1,000 bytes, or on invalid UTF-8, naming the line.
StatusOr<std::vector<Document>> ReadConll2003(std::string_view data, const std::string& name);

// The gold NE tags of a document read by ReadConll2003 (the last kept column of
// each token), converted to IOB2 ("B-PER", "I-PER", "O"). Tokens without extra
// columns get "O".
std::vector<std::string> Conll2003GoldTags(const Document& doc);

// Writes the document as CoNLL-2003: the -DOCSTART- line if it had one, then per
// token the form, its kept columns and one predicted IOB2 column made from
// Token::ner with ToConll2003Type (tokens without a mapped type get "O").
std::string WriteConll2003(const Document& doc);

// Maps a newsgraph NE type to a CoNLL-2003 one: PERSON/PER -> PER; GPE, LOC,
// FAC -> LOC; ORG -> ORG; NORP, EVENT, MISC, WORK_OF_ART, PRODUCT, LANGUAGE, LAW
// -> MISC; DATE, TIME, MONEY, PERCENT, QUANTITY, CARDINAL, ORDINAL and unknown -> "".
std::string_view ToConll2003Type(std::string_view type);

// Converts IOB1 or IOB2 tags to IOB2 in place (an I-X that does not continue an
// X entity becomes B-X). Tags that are not O/B-*/I-* become O.
void ToIob2(std::vector<std::string>& tags);

}  // namespace newsgraph::document

#endif  // NEWSGRAPH_DOCUMENT_CONLL2003_H_
