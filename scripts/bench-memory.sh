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
for tool in Xvfb xdotool; do
  command -v $tool >/dev/null || { echo "bench-memory: $tool is missing (apt-get install -y xvfb xdotool)" >&2; exit 1; }
done
if ! command -v mousepad >/dev/null; then
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq mousepad) >/dev/null 2>&1 \
    || echo "bench-memory: could not install mousepad; its column is left out" >&2
fi

steps=("just opened" "150 × Page Down" "300 × Page Down" "450 × Page Down" "600 × Page Down"
       "750 × Page Down" "End" "Home" "Ctrl+= ×4" "Home again")

# Runs one program ($1: name, $2: keys for end/home/zoom as "END HOME ZOOM", rest: command)
# and writes one "rss/peak" cell per step to $out.
measure() {
  local name=$1 keys=$2; shift 2
  local end home zoom; read -r end home zoom <<< "$keys"
  local disp="" n
  for n in $(seq 150 199); do
    [ -e /tmp/.X11-unix/X$n ] || [ -e /tmp/.X$n-lock ] || { disp=:$n; break; }
  done
  [ -n "$disp" ] || { echo "bench-memory: no free display" >&2; return 1; }
  Xvfb "$disp" -screen 0 1280x900x24 -nolisten tcp >/dev/null 2>&1 &
  local xpid=$!
  for _ in $(seq 50); do [ -e /tmp/.X11-unix/X${disp#:} ] && break; sleep 0.1; done
  # A fresh home for each program: a reading position remembered by an earlier run would
  # open the file at its end, where Page Down does nothing.
  local home_dir=$log_dir/home-$name
  mkdir -p "$home_dir"
  DISPLAY=$disp WAYLAND_DISPLAY= LIBGL_ALWAYS_SOFTWARE=1 HOME=$home_dir XDG_CONFIG_HOME=$home_dir/.config \
    "$@" >"$log_dir/$name.log" 2>&1 &
  local pid=$! ok=0
  for _ in $(seq 300); do
    kill -0 $pid 2>/dev/null || break
    if DISPLAY=$disp xdotool search --onlyvisible --pid $pid --name '.' >/dev/null 2>&1; then ok=1; break; fi
    sleep 0.1
  done
  cells=()
  if [ $ok = 1 ]; then
    local win
    win=$(DISPLAY=$disp xdotool search --onlyvisible --pid $pid --name '.' | head -1)
    DISPLAY=$disp xdotool windowactivate --sync "$win" >/dev/null 2>&1
    # mousepad takes keys only once its text view has been clicked (there is no window
    # manager to give it focus); a click in Hashiya would select a paragraph instead.
    [ "$name" = mousepad ] && DISPLAY=$disp xdotool mousemove 300 200 click 1 >/dev/null 2>&1
    sleep 3
    sample() {
      sleep 2
      local rss hwm
      rss=$(awk '/^VmRSS:/ {print int($2 / 1024)}' /proc/$pid/status 2>/dev/null)
      hwm=$(awk '/^VmHWM:/ {print int($2 / 1024)}' /proc/$pid/status 2>/dev/null)
      cells+=("${rss:-n/a} / ${hwm:-n/a}")
    }
    press() { DISPLAY=$disp xdotool key --delay 80 "$@" >/dev/null 2>&1; }
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
  else
    echo "bench-memory: $name showed no window (log: $log_dir/$name.log)" >&2
  fi
  kill $pid 2>/dev/null; sleep 0.5; kill -9 $pid 2>/dev/null
  kill $xpid 2>/dev/null; wait $xpid 2>/dev/null
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
