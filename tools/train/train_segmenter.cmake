add_executable(train_segmenter ${CMAKE_CURRENT_LIST_DIR}/train_segmenter.cc)
target_link_libraries(train_segmenter PRIVATE ng_text_trainer ng_training_common CLI11::CLI11)
