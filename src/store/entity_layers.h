// Internal to ng_store: mentions, entities and relations inside the layers blob
// (format version 2 and later; docs/formats/store-schema.md).
#ifndef NEWSGRAPH_STORE_ENTITY_LAYERS_H_
#define NEWSGRAPH_STORE_ENTITY_LAYERS_H_

#include "base/status.h"
#include "document/document.h"
#include "store/varint.h"

namespace newsgraph::store {

// kInvalidArgument naming the first mention, entity or relation that points
// outside the text or to a missing mention or entity.
Status ValidateEntityLayers(const document::Document& doc);

void EncodeEntityLayers(const document::Document& doc, VarWriter& w);

// doc.text must be set; checks the same invariants as ValidateEntityLayers.
Status DecodeEntityLayers(VarReader& r, document::Document& doc);

}  // namespace newsgraph::store

#endif  // NEWSGRAPH_STORE_ENTITY_LAYERS_H_
