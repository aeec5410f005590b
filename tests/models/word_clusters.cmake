newsgraph_add_test(word_clusters_test SOURCES ${CMAKE_CURRENT_LIST_DIR}/word_clusters_test.cc LIBS ng_models_trainer)
