#!/usr/bin/env bash
# Start-up benchmark: starts MQTT Desk RUNS times (default 5), each a new process, and reads the line
#   startup-trace: window shown N ms after JVM start
# that --startup-trace prints on the first WINDOW_SHOWN; then stops the app. Prints every run and the
# median of both figures:
#   trace  N above: from the JVM's start to the shown window (what the app itself measures)
#   wall   from this script starting the command to that line arriving (adds launcher or Maven time)
# Alternating with the app, the yardstick: packaging/EmptyStage.java, an empty JavaFX stage of the main
# window's size, started with the same java, options and class path (only the main class differs), the
# same line read the same way; then the ratio app / empty stage of the trace medians (target: at most 2).
# Then the sizes of what target/installers holds and of the installed app.
#
#   packaging/measure-startup.sh                 the installed app (/opt/mqtt-desk/bin/mqtt-desk),
#                                                else the app-image in target/installers
#   packaging/measure-startup.sh --launcher PATH a given launcher
#   packaging/measure-startup.sh --no-cds        the same launcher with class-data sharing off
#   packaging/measure-startup.sh --shaded-jar    java -jar target/mqtt-desk.jar on this machine's JDK
#   packaging/measure-startup.sh --javafx-run    mvn -q javafx:run (the developer's way; compiles first)
#
# "Cold" here means a new JVM each run; the files are in the OS's page cache after the first run.
# Needs a display: without DISPLAY it starts its own Xvfb (apt-get install xvfb) and stops it after.
set -euo pipefail
cd "$(dirname "$0")/.."

runs=${RUNS:-5}
mode=launcher
launcher=""
while [ $# -gt 0 ]; do
  case "$1" in
    --launcher) launcher=$2; shift 2 ;;
    --no-cds) mode=no-cds; shift ;;
    --shaded-jar) mode=shaded-jar; shift ;;
    --javafx-run) mode=javafx-run; shift ;;
    *) echo "measure-startup.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
if [ -z "$launcher" ]; then
  if [ -x /opt/mqtt-desk/bin/mqtt-desk ]; then launcher=/opt/mqtt-desk/bin/mqtt-desk
  else launcher=target/installers/mqtt-desk/bin/mqtt-desk; fi
fi

xvfb_pid=""
work=$(mktemp -d)
cleanup() {
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
if [ -z "${DISPLAY:-}" ]; then
  for n in $(seq 90 130); do [ -e "/tmp/.X11-unix/X$n" ] || [ -e "/tmp/.X$n-lock" ] || break; done
  Xvfb ":$n" -screen 0 1920x1080x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
  xvfb_pid=$!
  export DISPLAY=":$n"
  for _ in $(seq 50); do [ -e "/tmp/.X11-unix/X$n" ] && break; sleep 0.1; done
fi
# Settings and history of these runs go to a throw-away folder (mqttdesk.home defaults below XDG_CONFIG_HOME).
export XDG_CONFIG_HOME="$work/config"

case "$mode" in
  launcher)   cmd=("$launcher" --startup-trace); what="$launcher" ;;
  no-cds)     cmd=("$launcher" --startup-trace); what="$launcher, -Xshare:off"; export JAVA_TOOL_OPTIONS=-Xshare:off ;;
  shaded-jar) jv=$(java -version 2>&1); cmd=(java -jar target/mqtt-desk.jar --startup-trace); what="java -jar target/mqtt-desk.jar (${jv%%$'\n'*})" ;;
  javafx-run) cmd=(mvn -q javafx:run -Djavafx.args=--startup-trace); what="mvn -q javafx:run" ;;
esac
[ "$mode" = javafx-run ] || [ "$mode" = shaded-jar ] || [ -x "$launcher" ] || { echo "measure-startup.sh: no launcher at $launcher (build with mvn -Ppackage package)" >&2; exit 1; }

# The yardstick's command: the launcher's own java and options (read from its exec line), its class path
# with the compiled EmptyStage in front. No yardstick for javafx-run (Maven has no single java command).
floor=()
mkdir "$work/floor"
case "$mode" in
  launcher|no-cds)
    app=$(dirname "$(dirname "$(readlink -f "$launcher")")")
    runtime="$app/lib/runtime"
    options=$(sed -n 's/^exec "$app\/lib\/runtime\/bin\/java" \(.*\) -cp .*/\1/p' "$launcher")
    javac --system "$runtime" -d "$work/floor" packaging/EmptyStage.java
    # shellcheck disable=SC2206 # the launcher's options are words, as the launcher itself splits them
    floor=("$runtime/bin/java" $options -cp "$work/floor:$app/lib/app/mqtt-desk.jar" EmptyStage) ;;
  shaded-jar)
    javac -cp target/mqtt-desk.jar -d "$work/floor" packaging/EmptyStage.java
    floor=(java -cp "$work/floor:target/mqtt-desk.jar" EmptyStage) ;;
esac

echo "measuring: $what, $runs runs, DISPLAY=$DISPLAY, $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg)"
[ ${#floor[@]} -gt 0 ] && echo "yardstick: ${floor[*]}"

# Starts "$@" once, prints "TRACE WALL" (ms) of its first window, stops it (its whole process group).
# The output goes to a file, looked at every 10 ms: when the process ends without the line, its last
# lines say why.
shown() {
  local log="$work/out$RANDOM$RANDOM" start end="" trace="" pid line deadline
  start=$(date +%s%N)
  setsid "$@" >"$log" 2>&1 &
  pid=$!
  deadline=$((start + 180000000000))
  while [ "$(date +%s%N)" -lt "$deadline" ]; do
    line=$(grep -m1 "startup-trace: window shown " "$log" || true)
    if [ -n "$line" ]; then
      end=$(date +%s%N)
      trace=$(sed -E 's/.*window shown ([0-9]+) ms.*/\1/' <<<"$line")
      break
    fi
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.01
  done
  kill -TERM -- "-$pid" 2>/dev/null || true  # the process group setsid made: the app (and Maven's child JVM)
  wait "$pid" 2>/dev/null || true
  if [ -z "$trace" ]; then
    echo "no startup-trace line (within 180 s, or before the process ended) from: $*; its last lines:" >&2
    tail -n 15 "$log" >&2
    return 1
  fi
  rm -f "$log"
  echo "$trace $(( (end - start) / 1000000 ))"
}

traces=(); walls=(); floors=()
for i in $(seq "$runs"); do
  read -r trace wall < <(shown "${cmd[@]}") || exit 1
  [ -n "$trace" ] || exit 1
  traces+=("$trace"); walls+=("$wall")
  line="run $i: trace ${trace} ms, wall ${wall} ms"
  sleep 1
  if [ ${#floor[@]} -gt 0 ]; then
    read -r ftrace _ < <(shown "${floor[@]}") || exit 1
    [ -n "$ftrace" ] || exit 1
    floors+=("$ftrace")
    line="$line; empty stage: trace ${ftrace} ms"
    sleep 1
  fi
  echo "$line"
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
app_median=$(median "${traces[@]}")
echo "median of $runs: trace $app_median ms, wall $(median "${walls[@]}") ms  ($what)"
if [ ${#floors[@]} -gt 0 ]; then
  floor_median=$(median "${floors[@]}")
  echo "median of $runs: empty stage trace $floor_median ms (the same java, options and class path)"
  awk -v a="$app_median" -v f="$floor_median" 'BEGIN { printf "ratio app / empty stage: %.2f (target: at most 2)\n", a / f }'
fi

mb() { awk -v b="$1" 'BEGIN { printf "%6.1f MB", b / 1000000 }'; }
echo "sizes:"
for f in target/installers/*.deb target/installers/*.rpm target/installers/*.tar.gz target/installers/*.msi target/installers/*.dmg; do
  if [ -f "$f" ]; then printf '  %-44s %s\n' "$(basename "$f")" "$(mb "$(stat -c %s "$f")")"; fi
done
for d in target/installers/*/; do
  if [ -d "$d" ]; then printf '  %-44s %s (app-image, unpacked)\n' "$(basename "$d")/" "$(mb "$(du -sb "$d" | cut -f1)")"; fi
done
if [ -d /opt/mqtt-desk ]; then
  printf '  %-44s %s (installed)\n' /opt/mqtt-desk "$(mb "$(du -sb /opt/mqtt-desk | cut -f1)")"
fi
if [ -f target/mqtt-desk.jar ]; then
  printf '  %-44s %s (the shaded jar, for comparison)\n' target/mqtt-desk.jar "$(mb "$(stat -c %s target/mqtt-desk.jar)")"
fi
