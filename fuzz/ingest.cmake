# Fuzz targets for the ingest readers (owner: ingest). Seeds: fuzz/corpus/ingest_<format>/.
foreach(format text jsonl html warc)
  newsgraph_add_fuzzer(ingest_${format}_fuzzer ${CMAKE_CURRENT_SOURCE_DIR}/ingest_${format}_fuzzer.cc ng_ingest)
endforeach()
