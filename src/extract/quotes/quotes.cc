#include "extract/quotes/quotes.h"

namespace newsgraph::extract {

// TODO(quotes): the real finder.
void FindQuotes(document::Document& doc) { doc.quotes.clear(); }

}  // namespace newsgraph::extract
