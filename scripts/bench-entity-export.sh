#!/usr/bin/env bash
# Times `hashiya export --format conll` (and wojood) over a folder of 10,000 annotated
# articles: four corpus articles with the brat fixtures of tests/fixtures/entities imported
# (nested entities and relations), each copied 2,500 times with its sidecar.
#
#   cargo build --release && scripts/bench-entity-export.sh [COUNT]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bin="$root/target/release/hashiya"
count=${1:-10000}
work=$(mktemp -d /tmp/hashiya-bench-entities.XXXXXX)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/seed" "$work/folder"
mapfile -t pairs < <(python3 -c '
import json,sys
for s in json.load(open(sys.argv[1])): print(s["article"] + "\t" + s["ann"])' \
  "$root/tests/fixtures/entities/brat/sources.json")
n=0
for pair in "${pairs[@]}"; do
  article=${pair%%$'\t'*}; ann=${pair##*$'\t'}
  cp "$root/../shared/corpus/$article" "$work/seed/a$n.txt"
  "$bin" import --format brat "$work/seed/a$n.txt" "$root/tests/fixtures/entities/brat/$ann" >/dev/null
  n=$((n + 1))
done
for ((i = 0; i < count; i++)); do
  k=$((i % n)); d="$work/folder/$((i / 1000))"; mkdir -p "$d"
  cp "$work/seed/a$k.txt" "$d/art$i.txt"
  cp "$work/seed/a$k.txt.annotations.json" "$d/art$i.txt.annotations.json"
done
spans=$(grep -c '"kind": "span"' "$work/seed/"*.annotations.json | awk -F: '{s+=$2} END {print s}')
echo "articles: $count, passages per ${n} seed articles: $spans"
sync
for format in ${FORMATS:-conll wojood}; do
  for ((run = 1; run <= ${RUNS:-3}; run++)); do
    start=$(date +%s.%N)
    "$bin" export --format "$format" --out "$work/out.$format" "$work/folder"
    end=$(date +%s.%N)
    printf '%s run %d: %.2f s, %d lines\n' "$format" "$run" "$(echo "$end - $start" | bc)" "$(wc -l < "$work/out.$format")"
  done
done
