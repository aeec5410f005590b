# eval_events: event coder accuracy on the fixture records; code distribution of a database.
add_executable(eval_events ${CMAKE_CURRENT_LIST_DIR}/eval_events.cc)
target_link_libraries(eval_events PRIVATE ng_pipeline ng_ingest SQLite::SQLite3)
