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
cmake --build "$BUILD" --target train_segmenter train_clusters train_tagger train_parser train_relabeler train_ner models_md
step() {
  echo "== $*"
  local start=$SECONDS
  "$@"
  echo "   ($((SECONDS - start)) s)"
}
step "$BUILD/tools/train/train_segmenter"
step "$BUILD/tools/train/train_clusters"
step "$BUILD/tools/train/train_tagger"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
step "$BUILD/tools/train/train_parser" --tag-cache "$WORK/tags.conllu" --beam-margin 25000
# The parser's second-stage labeller (data/models/README.md, "Relabeller"): five fold parsers
# (one perceptron each, jackknifed tags) parse the training data it learns from; the
# relabeller is the mean of five perceptrons.
step "$BUILD/tools/train/train_relabeler" --tag-cache "$WORK/tags.conllu" --write-folds "$WORK"
for k in 0 1 2 3 4; do
  step "$BUILD/tools/train/train_parser" --tag-cache "$WORK/train_$k.conllu" --no-add-gold --ensemble 1 \
    --epochs 8 --dev2 '' --out "$WORK/parser_$k.ngm"
done
step "$BUILD/tools/train/train_relabeler" --tag-cache "$WORK/tags.conllu" --fold-parsers "$WORK" --ensemble 5
step "$BUILD/tools/train/train_ner"
"$BUILD/tools/train/models_md"
echo "train_all: models written to data/models/; see data/models/MODELS.md"
