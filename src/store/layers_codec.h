// Internal to ng_store: the "layers" blob that holds a document's sentences and
// tokens (format in docs/formats/store-schema.md, "The layers blob").
#ifndef NEWSGRAPH_STORE_LAYERS_CODEC_H_
#define NEWSGRAPH_STORE_LAYERS_CODEC_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "base/status.h"
#include "document/document.h"

namespace newsgraph::store {

inline constexpr uint8_t kLayersFormatVersion = 1;

// Checks that every span of `doc` lies inside its text and every sentence's token
// range inside its tokens; kInvalidArgument naming the first bad one otherwise.
Status ValidateLayers(const document::Document& doc);

// Encodes doc.sentences and doc.tokens (after ValidateLayers) into one blob.
StatusOr<std::string> EncodeLayers(const document::Document& doc);

// Decodes a blob into doc.sentences and doc.tokens; doc.text must already be set,
// since offsets are checked against it. `what` names the blob in errors
// ("news.db document 'abc' layers"). kCorruption on any damage.
Status DecodeLayers(std::string_view blob, const std::string& what, document::Document& doc);

}  // namespace newsgraph::store

#endif  // NEWSGRAPH_STORE_LAYERS_CODEC_H_
