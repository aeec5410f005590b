add_executable(train_tagger ${CMAKE_CURRENT_LIST_DIR}/train_tagger.cc)
target_link_libraries(train_tagger PRIVATE ng_models_trainer ng_training_common CLI11::CLI11)
