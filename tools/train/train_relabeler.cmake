add_executable(train_relabeler ${CMAKE_CURRENT_LIST_DIR}/train_relabeler.cc)
target_link_libraries(train_relabeler PRIVATE ng_models_trainer ng_training_common CLI11::CLI11)
