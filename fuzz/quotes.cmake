newsgraph_add_fuzzer(quotes_fuzzer ${CMAKE_CURRENT_SOURCE_DIR}/quotes_fuzzer.cc ng_extract ng_text ng_document)
