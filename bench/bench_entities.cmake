# bench_entities: NER + coreference + roles throughput on parsed news (src/extract/entities).
add_executable(bench_entities ${CMAKE_CURRENT_LIST_DIR}/bench_entities.cc)
target_link_libraries(bench_entities PRIVATE ng_pipeline ng_extract ng_models nlohmann_json::nlohmann_json)
