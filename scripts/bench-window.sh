#!/usr/bin/env bash
# CPU per key press of Hashiya and of mousepad showing the same large file, side by side in
# one run, under software rendering.
#
#   scripts/bench-window.sh [-b BINARY]... [-n PRESSES] [-p DIR] [-s DIR] [FILE]
#
# Starts each program in its own virtual X display (Xvfb, 1280×900, Mesa llvmpipe through
# LIBGL_ALWAYS_SOFTWARE=1) with fresh XDG directories, on a copy of FILE (default: the 3.9 MB
# corpus file) in a temporary folder, so that nothing is written next to the original. Then:
#   - launch → window: seconds until the window is mapped; it is then sized 1100×820;
#   - idle: CPU over 5 s with no input, once the window has settled;
#   - Page Down: PRESSES (default 40) presses, 150 ms apart; CPU of the program per press,
#     and of the X server per press (the image of each frame is copied there);
#   - Shift: 20 presses of a key that changes nothing on screen; CPU per press;
#   - RSS after paging.
# CPU is utime + stime of all threads, from /proc/PID/stat, in clock ticks (10 ms each with
# the usual CLK_TCK of 100), so one press is resolved only through the many of a batch.
# mousepad is installed with apt-get when missing. -b may be given more than once to compare
# builds (default: target/release/hashiya). -p DIR records `perf record -g` of each program
# while it pages, into DIR/NAME.perf.data. -s DIR saves a screenshot after paging.
# Needs Linux, xvfb, xdotool; a column reads "n/a" for a program that did not run.
set -u
cd "$(dirname "$0")/.."
binaries=() presses=40 perf_dir="" shots=""
while getopts "b:n:p:s:" opt; do
  case $opt in
    b) binaries+=("$OPTARG") ;;
    n) presses=$OPTARG ;;
    p) perf_dir=$(realpath -m "$OPTARG"); mkdir -p "$perf_dir" ;;
    s) shots=$(realpath -m "$OPTARG"); mkdir -p "$shots" ;;
    *) sed -n '2,22p' "$0"; exit 2 ;;
  esac
done
shift $((OPTIND - 1))
file=${1:-../shared/corpus/large/snn_2015-07-23_all_1318_articles.txt}
[ -f "$file" ] || { echo "bench-window: no file $file" >&2; exit 1; }
[ ${#binaries[@]} -gt 0 ] || binaries=(target/release/hashiya)
for binary in "${binaries[@]}"; do
  [ -x "$binary" ] || { echo "bench-window: no binary $binary (cargo build --release)" >&2; exit 1; }
done
bench=bench-window
# shellcheck source=scripts/lib/window-bench.sh
. scripts/lib/window-bench.sh
window_bench_tools
[ -z "$perf_dir" ] || command -v perf >/dev/null || { echo "bench-window: -p needs perf" >&2; exit 1; }

log_dir=$(mktemp -d)
trap 'rm -rf "$log_dir"' EXIT
tick_ms=$(awk -v hz="$(getconf CLK_TCK)" 'BEGIN { print 1000 / hz }')

# utime + stime of process $1, in clock ticks (fields 14 and 15, after the command name).
ticks() { sed 's/^.*) //' "/proc/$1/stat" 2>/dev/null | awk '{ print $12 + $13 }'; }
# Milliseconds per event: ticks $2 - $1 over $3 events.
per() { awk -v a="$1" -v b="$2" -v n="$3" -v t="$tick_ms" 'BEGIN { printf "%.1f", (b - a) * t / n }'; }

rows=("launch → window (s)" "idle CPU over 5 s (ms)" "CPU per Page Down (ms)"
      "X server CPU per Page Down (ms)" "CPU per Shift press (ms)" "RSS after paging (MB)")

# Runs one program ($1: name, rest: command) and writes one cell per row to $out.
measure() {
  local name=$1; shift
  cells=()
  start_display || return 1
  if start_program "$name" "$@"; then
    # The same window size for every program (Hashiya's default; mousepad opens smaller).
    DISPLAY=$disp xdotool windowsize --sync "$win" 1100 820 >/dev/null 2>&1
    sleep 4
    local a b xa xb perf_pid=""
    a=$(ticks $pid); sleep 5; b=$(ticks $pid)
    local idle; idle=$(per "$a" "$b" 1)
    if [ -n "$perf_dir" ]; then
      perf record -q -g -p $pid -o "$perf_dir/$name.perf.data" >/dev/null 2>&1 &
      perf_pid=$!
      sleep 1
    fi
    a=$(ticks $pid) xa=$(ticks $xpid)
    DISPLAY=$disp xdotool key --delay 150 $(printf 'Page_Down %.0s' $(seq "$presses")) >/dev/null 2>&1
    sleep 1.5
    b=$(ticks $pid) xb=$(ticks $xpid)
    [ -z "$perf_pid" ] || { kill -INT $perf_pid; wait $perf_pid 2>/dev/null; }
    local page xpage; page=$(per "$a" "$b" "$presses"); xpage=$(per "$xa" "$xb" "$presses")
    [ -z "$shots" ] || DISPLAY=$disp import -window root "$shots/$name-paged.png" 2>/dev/null
    a=$(ticks $pid)
    DISPLAY=$disp xdotool key --delay 150 $(printf 'shift %.0s' $(seq 20)) >/dev/null 2>&1
    sleep 1.5
    b=$(ticks $pid)
    local shift_ms; shift_ms=$(per "$a" "$b" 20)
    local rss; rss=$(awk '/^VmRSS:/ {print int($2 / 1024)}' /proc/$pid/status 2>/dev/null)
    cells=("$window_s" "$idle" "$page" "$xpage" "$shift_ms" "${rss:-n/a}")
  fi
  stop_program
  printf '%s\n' "${cells[@]}" > "$out"
}

copy_dir=$log_dir/article
mkdir -p "$copy_dir"
cp "$file" "$copy_dir/"
article=$copy_dir/$(basename "$file")
columns=() headers=()
for binary in "${binaries[@]}"; do
  out=$log_dir/col${#columns[@]}
  measure "$(basename "$binary")${#columns[@]}" "$binary" "$article"
  columns+=("$out") headers+=("$binary")
done
if command -v mousepad >/dev/null; then
  out=$log_dir/col${#columns[@]}
  measure mousepad mousepad --disable-server "$article"
  columns+=("$out") headers+=("mousepad")
fi

printf '| figure |'; for h in "${headers[@]}"; do printf ' %s |' "$h"; done; echo
printf '|---|'; for _ in "${headers[@]}"; do printf -- '---|'; done; echo
for i in "${!rows[@]}"; do
  printf '| %s |' "${rows[$i]}"
  for c in "${columns[@]}"; do printf ' %s |' "$(sed -n "$((i + 1))p" "$c" 2>/dev/null | grep . || echo n/a)"; done
  echo
done
