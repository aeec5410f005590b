add_executable(train_ner ${CMAKE_CURRENT_LIST_DIR}/train_ner.cc)
target_link_libraries(train_ner PRIVATE ng_models_trainer ng_kb ng_training_common CLI11::CLI11)
