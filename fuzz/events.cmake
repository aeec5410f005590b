# Fuzz target for the event dictionary reader (data/events/*.tsv format).
# Seeds: fuzz/corpus/event_dictionary/ (first byte selects the file kind).
newsgraph_add_fuzzer(event_dictionary_fuzzer ${CMAKE_CURRENT_SOURCE_DIR}/event_dictionary_fuzzer.cc ng_extract)
