newsgraph_add_test(parser_test SOURCES ${CMAKE_CURRENT_LIST_DIR}/parser_test.cc LIBS ng_models_trainer)
