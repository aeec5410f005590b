# Shared by every training program (data paths, CoNLL-U reading, git revision).
add_library(ng_training_common ${CMAKE_CURRENT_LIST_DIR}/training_common.cc)
target_include_directories(ng_training_common PUBLIC ${CMAKE_CURRENT_LIST_DIR})
target_link_libraries(ng_training_common PUBLIC ng_document ng_base)
