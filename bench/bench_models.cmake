add_executable(bench_models ${CMAKE_CURRENT_LIST_DIR}/bench_models.cc)
target_link_libraries(bench_models PRIVATE ng_models Threads::Threads)
