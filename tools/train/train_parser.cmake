add_executable(train_parser ${CMAKE_CURRENT_LIST_DIR}/train_parser.cc)
target_link_libraries(train_parser PRIVATE ng_models_trainer ng_training_common CLI11::CLI11)
