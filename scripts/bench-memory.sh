#!/usr/bin/env bash
# Memory of Hashiya and of mousepad reading the same large file, side by side in one run.
#
#   scripts/bench-memory.sh [-b BINARY]... [-s DIR] [FILE]
#
# Starts each program in its own virtual X display (Xvfb, 1280×900, software GL, as
# ../shared/tools/xshot does), opens FILE (default: the 3.9 MB corpus file), and sends keys
# with xdotool: 750 × Page Down in batches of 150, End, Home, Ctrl+= ×4, Home. After each step
# it reads VmRSS (resident) and VmHWM (peak) from /proc/PID/status and prints a Markdown
# table, one pair of columns per program. mousepad gets the same steps with its own keys
# (Ctrl+End and Ctrl+Home, Ctrl++); it is installed with apt-get when missing.
#
# -b may be given more than once to compare builds (default: target/release/hashiya).
# -s saves a screenshot after the last Page Down and after End in DIR, to check that the keys
# arrived (NAME-paged.png, NAME-end.png; needs imagemagick).
# Needs Linux, xvfb, xdotool, x11-utils; a column reads "n/a" for a program that did not run.
set -u
cd "$(dirname "$0")/.."
binaries=() shots=""
while getopts "b:s:" opt; do
  case $opt in
    b) binaries+=("$OPTARG") ;;
    s) shots=$OPTARG; mkdir -p "$shots" ;;
    *) sed -n '2,17p' "$0"; exit 2 ;;
  esac
done
shift $((OPTIND - 1))
file=${1:-../shared/corpus/large/snn_2015-07-23_all_1318_articles.txt}
[ -f "$file" ] || { echo "bench-memory: no file $file" >&2; exit 1; }
[ ${#binaries[@]} -gt 0 ] || binaries=(target/release/hashiya)
for binary in "${binaries[@]}"; do
  [ -x "$binary" ] || { echo "bench-memory: no binary $binary (cargo build --release)" >&2; exit 1; }
done
bench=bench-memory
# shellcheck source=scripts/lib/window-bench.sh
. scripts/lib/window-bench.sh
window_bench_tools

steps=("just opened" "150 × Page Down" "300 × Page Down" "450 × Page Down" "600 × Page Down"
       "750 × Page Down" "End" "Home" "Ctrl+= ×4" "Home again")

# Runs one program ($1: name, $2: keys for end/home/zoom as "END HOME ZOOM", rest: command)
# and writes one "rss/peak" cell per step to $out.
measure() {
  local name=$1 keys=$2; shift 2
  local end home zoom; read -r end home zoom <<< "$keys"
  start_display || return 1
  local ok=0
  start_program "$name" "$@" && ok=1
  cells=()
  if [ $ok = 1 ]; then
    sleep 3
    sample() {
      sleep 2
      local rss hwm
      rss=$(awk '/^VmRSS:/ {print int($2 / 1024)}' /proc/$pid/status 2>/dev/null)
      hwm=$(awk '/^VmHWM:/ {print int($2 / 1024)}' /proc/$pid/status 2>/dev/null)
      cells+=("${rss:-n/a} / ${hwm:-n/a}")
    }
    shot() { [ -z "$shots" ] || DISPLAY=$disp import -window root "$shots/$name-$1.png" 2>/dev/null; }
    sample
    for _ in 1 2 3 4 5; do
      press $(printf 'Page_Down %.0s' $(seq 150))
      sample
    done
    shot paged
    press "$end"; sample; shot end
    press "$home"; sample
    press "$zoom" "$zoom" "$zoom" "$zoom"; sample
    press "$home"; sample
  fi
  stop_program
  printf '%s\n' "${cells[@]}" > "$out"
}

log_dir=$(mktemp -d)
trap 'rm -rf "$log_dir"' EXIT
columns=() headers=()
for binary in "${binaries[@]}"; do
  out=$log_dir/col${#columns[@]}
  measure "$(basename "$binary")" "End Home ctrl+equal" "$binary" "$file"
  columns+=("$out") headers+=("$binary")
done
if command -v mousepad >/dev/null; then
  out=$log_dir/col${#columns[@]}
  measure mousepad "ctrl+End ctrl+Home ctrl+plus" mousepad --disable-server "$file"
  columns+=("$out") headers+=("mousepad")
fi

printf '| step |'; for h in "${headers[@]}"; do printf ' %s RSS / peak MB |' "$h"; done; echo
printf '|---|'; for _ in "${headers[@]}"; do printf -- '---|'; done; echo
for i in "${!steps[@]}"; do
  printf '| %s |' "${steps[$i]}"
  for c in "${columns[@]}"; do printf ' %s |' "$(sed -n "$((i + 1))p" "$c" 2>/dev/null | grep . || echo n/a)"; done
  echo
done
