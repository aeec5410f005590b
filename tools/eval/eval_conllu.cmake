add_executable(eval_conllu ${CMAKE_CURRENT_LIST_DIR}/eval_conllu.cc)
target_link_libraries(eval_conllu PRIVATE ng_document CLI11::CLI11)
