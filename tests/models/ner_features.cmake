newsgraph_add_test(ner_features_test SOURCES ${CMAKE_CURRENT_LIST_DIR}/ner_features_test.cc LIBS ng_models_trainer ng_kb)
