#!/bin/sh
# Regenerates data/gazetteer/{countries,admin1,places,first_names,given_names}.tsv (see docs/formats/gazetteer.md).
# Needs: node + npm, and Debian's iso-codes package (apt-get install iso-codes).
set -eu
cd "$(dirname "$0")"
npm ci --no-audit --no-fund
node build_gazetteer.js "${1:-../../data/gazetteer}"
node build_given_names.js "${1:-../../data/gazetteer}"
node build_first_names.js "${1:-../../data/gazetteer}"
