# bench_store: insert throughput of the SQLite document store (src/store).
if(TARGET ng_store)
  add_executable(bench_store ${CMAKE_CURRENT_LIST_DIR}/bench_store.cc)
  target_link_libraries(bench_store PRIVATE ng_store)
endif()
