add_executable(eval_tokenization ${CMAKE_CURRENT_LIST_DIR}/eval_tokenization.cc)
target_link_libraries(eval_tokenization PRIVATE ng_text_trainer CLI11::CLI11)
