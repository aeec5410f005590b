# Fuzz targets for the ingest readers: one binary per format from one source.
# Seeds: fuzz/corpus/ingest_<format>/.
foreach(format text jsonl html warc)
  newsgraph_add_fuzzer(ingest_${format}_fuzzer ${CMAKE_CURRENT_SOURCE_DIR}/ingest_fuzzer.cc ng_ingest)
  target_compile_definitions(ingest_${format}_fuzzer PRIVATE NEWSGRAPH_FUZZ_FORMAT="${format}")
endforeach()
