newsgraph_add_test(tagger_test SOURCES ${CMAKE_CURRENT_LIST_DIR}/tagger_test.cc LIBS ng_models_trainer)
newsgraph_add_test(lemmatizer_test SOURCES ${CMAKE_CURRENT_LIST_DIR}/lemmatizer_test.cc LIBS ng_models_trainer)
