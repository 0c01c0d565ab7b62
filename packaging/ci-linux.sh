#!/usr/bin/env bash
# Packaging check on Linux, run by .ci/run after `mvn verify` (the tests ran there):
#   1. installs what packaging needs (apt-get; root or sudo),
#   2. builds the app-image, its tarball, the .deb and the .rpm: mvn -B -Ppackage -DskipTests package,
#   3. installs the .deb with dpkg -i, checks the menu entry, its icon and /usr/bin/mqtt-desk,
#   4. runs the installed `mqtt-desk --version` and `--help`,
#   5. starts the installed app from its menu entry's Exec line under Xvfb, waits for the main window,
#      checks its title, class and icon, takes a screenshot and checks it is not blank, and sends a
#      message through the built-in broker (mosquitto_pub to mosquitto_sub, on the app's own port),
#      and runs the installed `mqtt-desk check` against that broker,
#   6. removes the package with dpkg -r and checks nothing of it is left and the user's settings stay,
#   7. unpacks the portable tarball and runs its --version.
# Exits non-zero at the first failure and says which step failed. Leaves screenshots and logs in
# target/ci-packaging/.
set -Eeuo pipefail
cd "$(dirname "$0")/.."
root_dir=$(pwd)
out="$root_dir/target/ci-packaging"

step=""
say() { printf '[ci-linux] %s\n' "$*"; }
begin() { step="$*"; say "== $step"; }
fail() { say "FAILED in step: $step: $*"; exit 1; }

sudo=""
if [ "$(id -u)" != 0 ]; then sudo=sudo; fi

app_pid=""
xvfb_pid=""
installed=no
cleanup() {
  rc=$?
  if [ -n "$app_pid" ]; then kill -TERM -- "-$app_pid" 2>/dev/null || true; fi
  if [ -n "$xvfb_pid" ]; then kill "$xvfb_pid" 2>/dev/null || true; fi
  if [ "$installed" = yes ]; then
    say "removing the package after the failure"
    $sudo dpkg -r mqtt-desk >/dev/null 2>&1 || true
  fi
  if [ "$rc" != 0 ]; then say "FAILED (exit $rc) in step: $step"; fi
}
trap cleanup EXIT
trap 'say "command failed (line $LINENO): $BASH_COMMAND"' ERR

# ---------------------------------------------------------------------------------------------------
begin "install the build and test tools (apt-get)"
# Build: JDK 17 with jlink, jdeps, jpackage and jmods; Maven; objcopy (jlink strips native debug
# symbols); fakeroot and dpkg-dev (jpackage's .deb); rpm (jpackage's .rpm); xvfb and xauth (the CDS
# training run and this check show the window). Run: GTK 3 (JavaFX), xdg-utils (declared by the .deb).
# Check: imagemagick (import, convert), xdotool and x11-utils (find the window, read its properties),
# desktop-file-utils (validate the menu entry), mosquitto-clients (talk to the built-in broker),
# iproute2 (ss: the app's listening ports).
packages=(openjdk-17-jdk-headless openjdk-17-jdk maven binutils fakeroot dpkg-dev rpm
  xvfb xauth libgtk-3-0 xdg-utils imagemagick xdotool x11-utils desktop-file-utils
  mosquitto-clients iproute2)
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -q
$sudo apt-get install -y -q --no-install-recommends --no-upgrade "${packages[@]}"
say "installed: ${packages[*]}"

# jpackage, jlink and jdeps must come from JDK 17 (the runtime shipped is the JDK that runs Maven).
if [ -z "${JAVA_HOME:-}" ] || [ ! -x "$JAVA_HOME/bin/jpackage" ]; then
  export JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64
fi
java_version=$("$JAVA_HOME/bin/java" -version 2>&1)
java_version=${java_version%%$'\n'*}
say "JAVA_HOME=$JAVA_HOME ($java_version)"

# ---------------------------------------------------------------------------------------------------
begin "build the app-image, tarball, .deb and .rpm (mvn -B -Ppackage -DskipTests package)"
mkdir -p "$out"
if ! mvn -B -Ppackage -DskipTests package 2>&1 | tee "$out/build.log" | { grep --line-buffered -E '^\[packager\]|BUILD|ERROR' || true; }; then
  tail -40 "$out/build.log"
  fail "the build failed; see $out/build.log"
fi
version=$(sed -n 's/^version=//p' target/classes/dev/mqttdesk/version.properties)
deb=$(ls target/installers/mqtt-desk_"$version"-*_*.deb)
rpm_file=$(ls target/installers/mqtt-desk-"$version"-*.rpm)
tarball=$(ls target/installers/mqtt-desk-"$version"-linux-*.tar.gz)
[ -x target/installers/mqtt-desk/bin/mqtt-desk ] || fail "no app-image launcher"
say "built: $deb, $rpm_file, $tarball, target/installers/mqtt-desk/"
dpkg-deb --field "$deb" Package Version Depends | sed 's/^/  /'
rpm -qp --queryformat '  rpm: %{NAME} %{VERSION}-%{RELEASE} %{ARCH}\n' "$rpm_file"
rpm -qpl "$rpm_file" >"$out/rpm-files.txt"
grep -qx /opt/mqtt-desk/bin/mqtt-desk "$out/rpm-files.txt" || fail "the .rpm has no /opt/mqtt-desk/bin/mqtt-desk"

# ---------------------------------------------------------------------------------------------------
begin "install the .deb (dpkg -i)"
status=$(dpkg-query -W -f='${Status}' mqtt-desk 2>/dev/null || true)
case "$status" in *" installed"|*unpacked|*half-*) fail "mqtt-desk is installed already ($status); remove it first";; esac
# What the package may touch outside its own folder; mimeinfo.cache is the shared index that
# update-desktop-database rewrites for every package with a menu entry.
# (dpkg also removes /opt itself when the package was all it held and no package owns it: the folders'
# contents are compared, not the folders.)
snapshot() { find /opt /usr/bin /usr/share/applications -xdev -mindepth 1 2>/dev/null | grep -v '/mimeinfo.cache$' | sort || true; }
snapshot >"$out/files-before.txt"
$sudo dpkg -i "$deb"
installed=yes
[ "$(dpkg-query -W -f='${Status}' mqtt-desk)" = "install ok installed" ] || fail "dpkg does not list mqtt-desk as installed"
[ "$(readlink -f /usr/bin/mqtt-desk)" = /opt/mqtt-desk/bin/mqtt-desk ] || fail "/usr/bin/mqtt-desk does not lead to the launcher"
entry=/usr/share/applications/mqtt-desk.desktop
[ -f "$entry" ] || fail "no menu entry $entry"
desktop-file-validate "$entry" || fail "the menu entry is not valid"
grep -qx 'Name=MQTT Desk' "$entry" || fail "the menu entry is not named MQTT Desk"
grep -qx 'Categories=Development;' "$entry" || fail "the menu entry is not in Development"
icon=$(sed -n 's/^Icon=//p' "$entry")
icon_info=$(identify "$icon")
grep -q 'PNG 256x256' <<<"$icon_info" || fail "the menu icon $icon is not a 256 px PNG ($icon_info)"
sed 's/^/  /' "$entry"

# ---------------------------------------------------------------------------------------------------
begin "run the installed command line: mqtt-desk --version, mqtt-desk --help"
got=$(mqtt-desk --version)
[ "$got" = "MQTT Desk $version" ] || fail "mqtt-desk --version printed '$got', expected 'MQTT Desk $version'"
say "mqtt-desk --version: $got"
mqtt-desk --help >"$out/help.txt" || fail "mqtt-desk --help failed"
grep -q -- '--version' "$out/help.txt" || fail "mqtt-desk --help does not list --version"
say "mqtt-desk --help: $(wc -l <"$out/help.txt") lines"

# ---------------------------------------------------------------------------------------------------
begin "start the installed app from its menu entry under Xvfb and wait for the main window"
for n in $(seq 99 140); do [ -e "/tmp/.X11-unix/X$n" ] || [ -e "/tmp/.X$n-lock" ] || break; done
Xvfb ":$n" -screen 0 1600x1000x24 -nolisten tcp >"$out/xvfb.log" 2>&1 &
xvfb_pid=$!
export DISPLAY=":$n"
for _ in $(seq 100); do [ -e "/tmp/.X11-unix/X$n" ] && break; sleep 0.1; done
[ -e "/tmp/.X11-unix/X$n" ] || fail "Xvfb did not start"
home_dir=$(mktemp -d)  # the user's XDG folders for this run: mqttdesk.home defaults to $XDG_CONFIG_HOME/mqtt-desk
export XDG_CONFIG_HOME="$home_dir/config"
mkdir -p "$XDG_CONFIG_HOME/mqtt-desk"
echo "left by ci-linux.sh before installing" >"$XDG_CONFIG_HOME/mqtt-desk/ci-marker.txt"
exec_line=$(sed -n 's/^Exec=//p' "$entry")
say "Exec=$exec_line --startup-trace"
read -r -a exec_cmd <<<"$exec_line"
setsid "${exec_cmd[@]}" --startup-trace >"$out/app.log" 2>&1 &
app_pid=$!
for _ in $(seq 600); do
  grep -q 'startup-trace: window shown' "$out/app.log" && break
  kill -0 "$app_pid" 2>/dev/null || { cat "$out/app.log"; fail "the app exited before showing its window"; }
  sleep 0.1
done
grep 'startup-trace: window shown' "$out/app.log" || { cat "$out/app.log"; fail "no window within 60 s"; }
win=$(timeout 20 xdotool search --sync --onlyvisible --name '^MQTT Desk$' || true)
win=${win%%$'\n'*}
[ -n "$win" ] || fail "no visible window named MQTT Desk"
wm_class=$(xprop -id "$win" WM_CLASS)
say "window $win: $wm_class"
grep -q "$(sed -n 's/^StartupWMClass=//p' "$entry")" <<<"$wm_class" || fail "the window's class does not match the menu entry's StartupWMClass"
icon_prop=$(xprop -id "$win" _NET_WM_ICON)
grep -q 'Icon (' <<<"$icon_prop" || fail "the window has no icon"
say "window icon sizes: $(grep -o 'Icon ([0-9]* x [0-9]*)' <<<"$icon_prop" | tr '\n' ' ')"

begin "take a screenshot and check it is not blank"
sleep 2  # the first frame is drawn after WINDOW_SHOWN
import -window root "$out/screen.png"
import -window "$win" "$out/window.png"
sd=$(convert "$out/window.png" -format '%[fx:standard_deviation]' info:)
colors=$(convert "$out/window.png" -format '%k' info:)
geometry=$(identify -format '%wx%h' "$out/window.png")
say "window screenshot $geometry: standard deviation $sd, $colors colours ($out/window.png)"
awk -v sd="$sd" 'BEGIN { exit !(sd > 0.02) }' || fail "the window looks blank (standard deviation $sd)"
[ "$colors" -gt 16 ] || fail "the window looks blank ($colors colours)"

begin "send a message through the built-in broker of the installed app"
ports=""
for _ in $(seq 120); do
  ports=$(ss -Hltnp 2>/dev/null | awk -v pid="pid=$app_pid," 'index($0, pid) { n = split($4, a, ":"); print a[n] }' | sort -un | tr '\n' ' ' || true)
  [ "$(wc -w <<<"$ports")" -ge 2 ] && break
  sleep 0.5
done
say "the app listens on: ${ports:-nothing}"
delivered=no
tcp_port=""
for port in $ports; do
  payload="hello from ci-linux.sh $(date +%s%N)"
  sub_out="$out/sub-$port.txt"
  timeout 15 mosquitto_sub -h 127.0.0.1 -p "$port" -t 'ci/#' -C 1 -W 10 >"$sub_out" 2>&1 &
  sub_pid=$!
  sleep 1
  mosquitto_pub -h 127.0.0.1 -p "$port" -t ci/hello -q 1 -m "$payload" >/dev/null 2>&1 || true
  wait "$sub_pid" 2>/dev/null || true
  if grep -qx "$payload" "$sub_out"; then
    say "port $port: mosquitto_pub -> built-in broker -> mosquitto_sub delivered '$payload'"
    delivered=yes
    tcp_port=$port
    break
  fi
  say "port $port: no MQTT over TCP here ($(head -c 120 "$sub_out"))"
done
[ "$delivered" = yes ] || fail "no message went through the built-in broker (ports: $ports)"

begin "run the installed mqtt-desk check against the app's built-in broker"
# The built-in broker's WebSocket listener has no TLS, so the readiness check must find a failing step
# (exit 1) and say so in its JSON report; a missing runtime module would end in a stack trace instead.
mqtt-desk check --help >"$out/check-help.txt" || fail "mqtt-desk check --help failed"
ws_port=""
for p in $ports; do [ "$p" = "$tcp_port" ] || ws_port=$p; done
[ -n "$ws_port" ] || fail "the app listens on no port besides MQTT over TCP ($ports)"
if mqtt-desk check "wss://127.0.0.1:$ws_port/mqtt" --json --timeout 5 >"$out/check.json" 2>"$out/check.err"; then
  check_rc=0
else
  check_rc=$?
fi
say "mqtt-desk check wss://127.0.0.1:$ws_port/mqtt --json: exit $check_rc, $(head -c 300 "$out/check.json")"
[ "$check_rc" = 1 ] || { cat "$out/check.err"; fail "expected exit 1 (a failed step), got $check_rc"; }
grep -q '"verdict"' "$out/check.json" || { cat "$out/check.err"; fail "no JSON report"; }
if grep -q 'Exception' "$out/check.err"; then cat "$out/check.err"; fail "the check threw"; fi

begin "close the app"
kill -TERM -- "-$app_pid" 2>/dev/null || true
for _ in $(seq 300); do kill -0 "$app_pid" 2>/dev/null || break; sleep 0.1; done
if kill -0 "$app_pid" 2>/dev/null; then say "still running after 30 s: SIGKILL"; kill -KILL -- "-$app_pid" 2>/dev/null || true; fi
wait "$app_pid" 2>/dev/null || true
app_pid=""
kill "$xvfb_pid" 2>/dev/null || true
xvfb_pid=""

# ---------------------------------------------------------------------------------------------------
begin "remove the package (dpkg -r) and check it left nothing behind"
$sudo dpkg -r mqtt-desk
installed=no
status=$(dpkg-query -W -f='${Status}' mqtt-desk 2>/dev/null || true)
case "$status" in *" installed") fail "dpkg still lists mqtt-desk as installed";; esac
say "dpkg status after removal: ${status:-unknown package}"
snapshot >"$out/files-after.txt"
if ! diff -u "$out/files-before.txt" "$out/files-after.txt" >"$out/files-diff.txt"; then
  cat "$out/files-diff.txt"
  fail "files left behind or removed by the package (above)"
fi
[ ! -e /opt/mqtt-desk ] && [ ! -e /usr/bin/mqtt-desk ] && [ ! -e "$entry" ] || fail "the package left files"
[ -f "$XDG_CONFIG_HOME/mqtt-desk/ci-marker.txt" ] || fail "removing the package touched the user's settings folder"
say "removed; /opt, /usr/bin and /usr/share/applications are as before; the settings folder stays: $(ls "$XDG_CONFIG_HOME/mqtt-desk" | tr '\n' ' ')"
rm -rf "$home_dir"

# ---------------------------------------------------------------------------------------------------
begin "run the portable tarball's launcher"
tmp=$(mktemp -d)
tar -C "$tmp" -xzf "$tarball"
got=$("$tmp/mqtt-desk/bin/mqtt-desk" --version)
[ "$got" = "MQTT Desk $version" ] || fail "the tarball's launcher printed '$got'"
say "$(basename "$tarball"): bin/mqtt-desk --version: $got"
rm -rf "$tmp"

begin "summary"
for f in "$deb" "$rpm_file" "$tarball"; do
  say "$(basename "$f"): $(du -h "$f" | cut -f1)"
done
say "app-image: $(du -sh target/installers/mqtt-desk | cut -f1); startup: $(grep -o 'window shown [0-9]* ms' "$out/app.log")"
say "OK"
