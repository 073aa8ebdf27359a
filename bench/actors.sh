#!/bin/sh
# Speed of the actor dictionary pass (tokens per second per core), side by side with two
# baselines in the same run: fold + hash probe per token, and a naive n-gram phrase map.
# Corpus: the GUM news CoNLL-U files of the team's shared data when present (real news
# tokenization), else the repository sample. Writes bench/out/actors.txt.
#
#   sh bench/actors.sh
set -eu
cd "$(dirname "$0")/.."
GUM=../shared/data/ud/UD_English-GUM
if [ -d "$GUM" ]; then
    set -- "$GUM"/en_gum-ud-*.news-only.conllu
else
    echo "note: $GUM absent, using samples/ only" >&2
    set -- samples/devdiscourse-2021-03-25-blinken.txt
fi
mkdir -p bench/out
cargo build -q --release -p dyad-actors --example matcher_throughput
./target/release/examples/matcher_throughput "$@" | tee bench/out/actors.txt
echo "load time of the built-in dictionary (cache off, then cached):" | tee -a bench/out/actors.txt
cargo build -q --release -p dyad-actors --example load_time
DYAD_CACHE_DIR= ./target/release/examples/load_time | tail -1 | tee -a bench/out/actors.txt
./target/release/examples/load_time >/dev/null
./target/release/examples/load_time | tail -1 | tee -a bench/out/actors.txt
