#include "extract/entities/entities.h"

namespace newsgraph::extract {

EntityResolver::EntityResolver(std::shared_ptr<const kb::Gazetteer> gazetteer) : gazetteer_(std::move(gazetteer)) {}
EntityResolver::~EntityResolver() = default;

StatusOr<std::unique_ptr<const EntityResolver>> EntityResolver::Create(std::shared_ptr<const kb::Gazetteer> gazetteer) {
  return std::unique_ptr<const EntityResolver>(new EntityResolver(std::move(gazetteer)));
}

// TODO(entities): coreference, roles, relations, actor codes.
void EntityResolver::Resolve(document::Document& doc) const {}

}  // namespace newsgraph::extract
