add_executable(eval_ner ${CMAKE_CURRENT_LIST_DIR}/eval_ner.cc)
target_link_libraries(eval_ner PRIVATE ng_models_trainer ng_kb CLI11::CLI11)
