add_executable(eval_places ${CMAKE_CURRENT_LIST_DIR}/eval_places.cc)
target_link_libraries(eval_places PRIVATE ng_pipeline ng_kb CLI11::CLI11)
