# Shared by the window benchmarks (bench-memory.sh, bench-window.sh): a private Xvfb display
# with software GL, a program started in it with a fresh home, and its window found.
# Source it from a script that has set `bench` (its name, for messages) and `log_dir`.

# Exits unless Xvfb and xdotool are there; installs mousepad with apt-get when it is missing
# (a warning, not an exit, when that fails: the mousepad column is then left out).
window_bench_tools() {
  local tool
  for tool in Xvfb xdotool; do
    command -v $tool >/dev/null || { echo "$bench: $tool is missing (apt-get install -y xvfb xdotool)" >&2; exit 1; }
  done
  if ! command -v mousepad >/dev/null; then
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq mousepad) >/dev/null 2>&1 \
      || echo "$bench: could not install mousepad; its column is left out" >&2
  fi
}

# Starts Xvfb (1280×900×24) on the first free display from :150; sets `disp` and `xpid`.
# Returns once the server answers: its socket can appear before it takes connections, and a
# program started then fails with "Failed to open connection to X server".
start_display() {
  local n
  disp=""
  for n in $(seq 150 199); do
    [ -e /tmp/.X11-unix/X$n ] || [ -e /tmp/.X$n-lock ] || { disp=:$n; break; }
  done
  [ -n "$disp" ] || { echo "$bench: no free display" >&2; return 1; }
  Xvfb "$disp" -screen 0 1280x900x24 -nolisten tcp >/dev/null 2>&1 &
  xpid=$!
  for _ in $(seq 100); do
    DISPLAY=$disp xdotool getdisplaygeometry >/dev/null 2>&1 && return 0
    kill -0 $xpid 2>/dev/null || break
    sleep 0.05
  done
  echo "$bench: Xvfb on $disp did not answer" >&2
  kill $xpid 2>/dev/null; wait $xpid 2>/dev/null
  return 1
}

# Starts "$@" on $disp as program $name, with software GL and a fresh home and XDG
# directories under $log_dir (a reading position remembered by an earlier run would open the
# file at its end, where Page Down does nothing). Waits up to 30 s for a visible window and
# activates it. Sets `pid`, `win` (empty when no window came) and `window_s`, the seconds from
# launch to the window being mapped.
start_program() {
  local name=$1; shift
  local home_dir=$log_dir/home-$name t0 t1
  mkdir -p "$home_dir"/{config,data,cache,state}
  t0=$(date +%s.%N)
  DISPLAY=$disp WAYLAND_DISPLAY= LIBGL_ALWAYS_SOFTWARE=1 HOME=$home_dir \
    XDG_CONFIG_HOME=$home_dir/config XDG_DATA_HOME=$home_dir/data \
    XDG_CACHE_HOME=$home_dir/cache XDG_STATE_HOME=$home_dir/state \
    "$@" >"$log_dir/$name.log" 2>&1 &
  pid=$! win="" window_s=""
  for _ in $(seq 1500); do
    kill -0 $pid 2>/dev/null || break
    win=$(DISPLAY=$disp xdotool search --onlyvisible --pid $pid --name '.' 2>/dev/null | head -1)
    [ -n "$win" ] && break
    sleep 0.02
  done
  if [ -z "$win" ]; then
    echo "$bench: $name showed no window (log: $log_dir/$name.log)" >&2
    return 1
  fi
  t1=$(date +%s.%N)
  window_s=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", b - a }')
  DISPLAY=$disp xdotool windowactivate --sync "$win" >/dev/null 2>&1
  # mousepad takes keys only once its text view has been clicked (there is no window
  # manager to give it focus); a click in Hashiya would select a paragraph instead.
  [ "$name" = mousepad ] && DISPLAY=$disp xdotool mousemove 300 200 click 1 >/dev/null 2>&1
  return 0
}

# Ends the program and the display started above.
stop_program() {
  kill $pid 2>/dev/null; sleep 0.5; kill -9 $pid 2>/dev/null
  kill $xpid 2>/dev/null; wait $xpid 2>/dev/null
}

# Presses keys on $disp, 80 ms apart.
press() { DISPLAY=$disp xdotool key --delay 80 "$@" >/dev/null 2>&1; }
