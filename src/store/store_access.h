// Internal to ng_store: the connection of an open Store, for the query files of
// each layer (quotes.h, events.h, actors.h, search.h ...), which run their own SQL.
#ifndef NEWSGRAPH_STORE_STORE_ACCESS_H_
#define NEWSGRAPH_STORE_STORE_ACCESS_H_

#include "store/sqlite.h"
#include "store/store.h"

namespace newsgraph::store {

Db& StoreDb(Store& store);

}  // namespace newsgraph::store

#endif  // NEWSGRAPH_STORE_STORE_ACCESS_H_
