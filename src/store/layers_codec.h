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

// Blobs are written at kLayersFormatVersion; versions down to kMinLayersFormatVersion
// are still read (version 1 has no mentions, entities or relations).
inline constexpr uint8_t kLayersFormatVersion = 3;
inline constexpr uint8_t kMinLayersFormatVersion = 1;

// Checks that every span of `doc` lies inside its text and every sentence's token
// range inside its tokens; kInvalidArgument naming the first bad one otherwise.
Status ValidateLayers(const document::Document& doc);

// Encodes sentences, tokens, mentions, entities and relations into one blob, after
// checking them (ValidateLayers, and that mentions/entities/relations point inside).
StatusOr<std::string> EncodeLayers(const document::Document& doc);

// Decodes a blob into those layers of `doc`; doc.text must already be set,
// since offsets are checked against it. `what` names the blob in errors
// ("news.db document 'abc' layers"). kCorruption on any damage.
Status DecodeLayers(std::string_view blob, const std::string& what, document::Document& doc);

}  // namespace newsgraph::store

#endif  // NEWSGRAPH_STORE_LAYERS_CODEC_H_
