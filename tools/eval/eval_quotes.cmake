add_executable(eval_quotes ${CMAKE_CURRENT_LIST_DIR}/eval_quotes.cc)
target_include_directories(eval_quotes PRIVATE ${PROJECT_SOURCE_DIR}/tests)
target_link_libraries(eval_quotes PRIVATE ng_pipeline ng_extract ng_ingest CLI11::CLI11)
