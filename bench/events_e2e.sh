#!/usr/bin/env bash
# Benchmark: raw text to events, sentences per second on one core, and the share of time of
# each stage (text: clean + segment + tokenize; models: tag + parse + NER; actors; gkg: tone,
# dates, places, quotes; events: the coder), as `dyad code` runs them.
#
#   bench/events_e2e.sh [COPIES]
#
# Input: the raw <Text> of every record of the PETRARCH validation files under ../shared/data
# (news sentences, the GigaWord sample included) plus the repository's sample article, as one
# JSON Lines document each, repeated COPIES times (default 20). Pinned to one core with
# taskset; the per-core speed is sentences / CPU seconds of the process, the stage shares come
# from the pipeline's own clock (DYAD_STAGE_TIMES). A second run on the first document alone
# times the startup (models, dictionaries, tables), so the steady rate of a long corpus run
# (process CPU minus startup) is printed too.
#
# DYAD_BIN=path/to/dyad runs that binary instead of building this tree's (to compare with a
# baseline built elsewhere, in the same sitting); the output is then written beside the
# usual one as events_e2e.$DYAD_TAG.out.jsonl (DYAD_TAG defaults to `alt`), so that the two
# outputs can be compared.
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED=${SHARED:-../shared/data}
COPIES=${1:-20}
VAL=$SHARED/events/validation
if [ ! -d "$VAL" ]; then
  echo "bench: $VAL not found" >&2
  exit 1
fi
OUT=bench/out
mkdir -p "$OUT"
if [ -n "${DYAD_BIN:-}" ]; then
  BIN=$DYAD_BIN
  TAG=.${DYAD_TAG:-alt}
else
  cargo build --release -p dyad-cli --quiet
  BIN=target/release/dyad
  TAG=
fi
CORPUS=$OUT/events_e2e.jsonl
python3 - "$VAL" "$COPIES" samples/devdiscourse-2021-03-25-blinken.txt > "$CORPUS" <<'PY'
import glob, json, re, sys, html
val, copies, sample = sys.argv[1], int(sys.argv[2]), sys.argv[3]
texts = []
for f in sorted(glob.glob(val + "/*.xml")):
    if "udpipe" in f:
        continue  # the same records as PETR.UnitTest.records.xml
    for m in re.finditer(r"<Text>(.*?)</Text>", open(f, encoding="utf-8").read(), re.S):
        t = html.unescape(" ".join(m.group(1).split()))
        if t:
            texts.append(t)
texts.append(open(sample, encoding="utf-8").read())
for i in range(copies):
    for j, t in enumerate(texts):
        print(json.dumps({"text": t, "date": "2021-03-25", "url": f"copy{i}/doc{j}"}))
PY
echo "corpus: $(wc -l < "$CORPUS") documents ($COPIES copies)"
TIMES=$OUT/events_e2e$TAG.times
RESULT=$OUT/events_e2e$TAG.out.jsonl
rm -f "$RESULT"  # dyad code resumes an existing output: start afresh
/usr/bin/time -f '%U %S' -o "$OUT/events_e2e$TAG.cpu" \
  env DYAD_STAGE_TIMES=1 taskset -c 0 "$BIN" code -q "$CORPUS" -o "$RESULT" 2> "$TIMES"
# Startup alone (loading models, dictionaries and tables): the same binary on the first
# document only, so that the steady rate of a long corpus run can be told from it.
head -1 "$CORPUS" > "$OUT/events_e2e.one.jsonl"
rm -f "$OUT/events_e2e$TAG.one.out.jsonl"
/usr/bin/time -f '%U %S' -o "$OUT/events_e2e$TAG.one.cpu" \
  taskset -c 0 "$BIN" code -q "$OUT/events_e2e.one.jsonl" -o "$OUT/events_e2e$TAG.one.out.jsonl"
python3 - "$TIMES" "$OUT/events_e2e$TAG.cpu" "$RESULT" "$OUT/events_e2e$TAG.one.cpu" <<'PY'
import json, sys
t = json.loads([l for l in open(sys.argv[1]) if l.startswith("{")][-1])
user, sys_ = map(float, open(sys.argv[2]).read().split()[-2:])
start = sum(map(float, open(sys.argv[4]).read().split()[-2:]))
events = sum(len(json.loads(l).get("events", [])) for l in open(sys.argv[3]))
stages = ["text", "models", "actors", "gkg", "events"]
total = sum(t[s] for s in stages)
cpu = user + sys_
print(f"{t['documents']} documents, {t['sentences']} sentences, {events} events")
print(f"pipeline clock: {total:.2f} s, {t['sentences'] / total:.0f} sentences/s")
print(f"process CPU (load models, read, write included): {cpu:.2f} s, {t['sentences'] / cpu:.0f} sentences/s per core")
print(f"startup (one-document run): {start:.2f} s; process CPU without it: {t['sentences'] / max(cpu - start, 1e-9):.0f} sentences/s per core")
for s in stages:
    print(f"  {s:<7} {100 * t[s] / total:5.1f}%  {t['sentences'] / t[s] if t[s] else float('inf'):>10.0f} sentences/s alone")
PY
