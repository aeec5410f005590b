# bench_pipeline: full pipeline (ingest -> events -> store) words/s per core and peak RSS.
add_executable(bench_pipeline ${CMAKE_CURRENT_LIST_DIR}/bench_pipeline.cc)
target_link_libraries(bench_pipeline PRIVATE ng_pipeline ng_store SQLite::SQLite3)
