add_executable(bench_quotes ${CMAKE_CURRENT_LIST_DIR}/bench_quotes.cc)
target_link_libraries(bench_quotes PRIVATE ng_pipeline ng_extract ng_ingest)
