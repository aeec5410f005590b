newsgraph_add_test(ner_test SOURCES ${CMAKE_CURRENT_LIST_DIR}/ner_test.cc LIBS ng_models_trainer ng_kb)
