add_executable(eval_coref ${CMAKE_CURRENT_LIST_DIR}/eval_coref.cc ${CMAKE_CURRENT_LIST_DIR}/eval_coref_metrics.cc)
target_link_libraries(eval_coref PRIVATE ng_pipeline ng_extract CLI11::CLI11)
