add_executable(models_md ${CMAKE_CURRENT_LIST_DIR}/models_md.cc)
target_link_libraries(models_md PRIVATE ng_models CLI11::CLI11)
