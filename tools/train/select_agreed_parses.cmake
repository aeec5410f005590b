add_executable(select_agreed_parses ${CMAKE_CURRENT_LIST_DIR}/select_agreed_parses.cc)
target_link_libraries(select_agreed_parses PRIVATE ng_document ng_base CLI11::CLI11)
