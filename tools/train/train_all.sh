#!/usr/bin/env bash
# Retrains every model from ../shared/data with the committed recipes (fixed seeds),
# writes them to data/models/, and regenerates data/models/MODELS.md.
# Each trainer prints its dev scores per epoch. Order matters: the tagger uses the
# word clusters, the parser trains on the tagger's (jackknifed) predictions.
#
#   tools/train/train_all.sh            # build dir: build/
#   BUILD=build-x tools/train/train_all.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
BUILD=${BUILD:-build}
DATA=${NEWSGRAPH_DATA:-../shared/data}
if [[ ! -d "$DATA" ]]; then
  echo "train_all: $DATA not found: the training data lives in ../shared/data (see data/models/README.md)" >&2
  exit 1
fi
cmake -S . -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release -DNEWSGRAPH_BUILD_TOOLS=ON >/dev/null
cmake --build "$BUILD" --target newsgraph train_segmenter train_clusters train_tagger select_agreed_parses train_parser \
  train_ner models_md
step() {
  echo "== $*"
  local start=$SECONDS
  "$@"
  echo "   ($((SECONDS - start)) s)"
}
step "$BUILD/tools/train/train_segmenter"
step "$BUILD/tools/train/train_clusters"
step "$BUILD/tools/train/train_tagger"
# Parser self-training data (data/models/README.md, Parser): the Reuters-21578 bodies parsed by
# two earlier parsers of this repository (the beam model of da71a75, the greedy model of
# 5199190) with today's segmenter and tagger; the sentences both parse identically are added
# to the treebanks. The file holds Reuters text: it stays in a temporary directory.
news=$(mktemp -d)
trap 'rm -rf "$news"' EXIT
for m in a b; do
  mkdir "$news/$m"
  cp data/models/segmenter.ngm data/models/tagger.ngm data/models/clusters.ngm "$news/$m/"
done
git show da71a75:data/models/parser.ngm >"$news/a/parser.ngm"
git show 5199190:data/models/parser.ngm >"$news/b/parser.ngm"
for m in a b; do
  # annotate exits 1 because some Reuters records have no body; the output is still complete.
  "$BUILD/newsgraph" annotate "$DATA/news-bench/reuters21578/reuters21578_articles.jsonl" --input jsonl \
    --until parse --format conllu --models "$news/$m" --threads 1 --quiet >"$news/$m.conllu" 2>/dev/null || true
done
step "$BUILD/tools/train/select_agreed_parses" --a "$news/a.conllu" --b "$news/b.conllu" --out "$news/agreed.conllu"
step "$BUILD/tools/train/train_parser" --extra-train "$news/agreed.conllu"
step "$BUILD/tools/train/train_ner"
"$BUILD/tools/train/models_md"
echo "train_all: models written to data/models/; see data/models/MODELS.md"
