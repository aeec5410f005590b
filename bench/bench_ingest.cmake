add_executable(bench_ingest ${CMAKE_CURRENT_SOURCE_DIR}/bench_ingest.cc)
target_link_libraries(bench_ingest PRIVATE ng_pipeline ng_store)
