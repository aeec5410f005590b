add_executable(train_clusters ${CMAKE_CURRENT_LIST_DIR}/train_clusters.cc)
target_link_libraries(train_clusters PRIVATE ng_models_trainer ng_text ng_training_common CLI11::CLI11)
