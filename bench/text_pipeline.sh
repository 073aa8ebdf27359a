#!/usr/bin/env bash
# Benchmark: read + clean + segment + tokenize throughput of `dyad code`, side by side with
# trafilatura (PyPI, the reference HTML main-text extractor) on the same documents, in one run.
#
#   bench/text_pipeline.sh [COPIES]
#
# Needs ../shared/data/extraction/article-extraction-benchmark (181 real news pages) and
# ../shared/data/ud (plain-text documents rebuilt from the treebanks). Sets up its own Python
# environment in bench/.venv. Prints MB/s, docs/s and tokens/s for each, and the ratio.
set -euo pipefail
cd "$(dirname "$0")/.."
COPIES=${1:-12}
SHARED=${SHARED:-../shared/data}
if [ ! -d "$SHARED/extraction/article-extraction-benchmark" ]; then
  echo "bench: $SHARED/extraction/article-extraction-benchmark not found; nothing to measure" >&2
  exit 1
fi
cargo build --release -p dyad-cli --quiet
if [ ! -x bench/.venv/bin/python ]; then
  python3 -m venv bench/.venv
  bench/.venv/bin/pip install --quiet 'trafilatura==2.3.1' 'lxml_html_clean'
fi
bench/.venv/bin/python bench/text_pipeline.py --dyad target/release/dyad --shared "$SHARED" --copies "$COPIES"
