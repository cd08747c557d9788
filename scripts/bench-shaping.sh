#!/usr/bin/env bash
# Shaping throughput: Hashiya's whole-file layout of the 3.9 MB corpus file against
# HarfBuzz's hb-shape on the same text and font, measured in the same run.
# Needs Debian's libharfbuzz-bin (hb-shape) and hyperfine.
set -euo pipefail
cd "$(dirname "$0")/.."
file=../shared/corpus/large/snn_2015-07-23_all_1318_articles.txt
font=fonts/NotoNaskhArabic-Regular.ttf

echo "== hb-shape $(hb-shape --version | head -1 | awk '{print $3}'): every line of the file, $font"
hyperfine --warmup 1 --runs 10 --export-json /tmp/hashiya-hb.json \
    "hb-shape --font-file $font --text-file $file --output-file /dev/null"
hb_s=$(python3 -c "import json; print(json.load(open('/tmp/hashiya-hb.json'))['results'][0]['mean'])")

echo "== hashiya: shape, bidi, line-break and wrap every paragraph at 800 pt"
cargo bench --bench layout -- whole_file_layout_800px 2>&1 | tee /tmp/hashiya-layout.txt | grep -A1 whole_file
ours_ms=$(grep -A1 'whole_file_layout_800px$' /tmp/hashiya-layout.txt | grep -o 'time: *\[[^]]*\]' \
    | awk '{print $4}')
unit=$(grep -A1 'whole_file_layout_800px$' /tmp/hashiya-layout.txt | grep -o 'time: *\[[^]]*\]' | awk '{print $5}')
python3 - "$hb_s" "$ours_ms" "$unit" <<'PY'
import sys
hb = float(sys.argv[1]); ours = float(sys.argv[2]); unit = sys.argv[3]
ours_s = ours / 1000 if unit == "ms" else ours
print(f"hb-shape {hb*1000:.0f} ms, hashiya layout {ours_s*1000:.0f} ms: {ours_s/hb:.2f}x hb-shape")
PY
