#!/usr/bin/env bash
# Regenerates every icon file from icons/mqtt-desk.svg with tools from Debian's packages:
#   apt-get install librsvg2-bin imagemagick icnsutils
#   bash icons/generate.sh
# Writes icons/png/mqtt-desk-N.png (N = 16 … 1024), icons/mqtt-desk.ico (Windows, multi-size),
# icons/mqtt-desk.icns (macOS), and the window icons the app loads from
# src/main/resources/dev/mqttdesk/icons/. The results are committed; run this after editing the SVG.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
svg="$here/mqtt-desk.svg"
for tool in rsvg-convert convert png2icns; do
  command -v "$tool" >/dev/null || { echo "generate.sh: $tool is missing (apt-get install librsvg2-bin imagemagick icnsutils)" >&2; exit 1; }
done

mkdir -p "$here/png"
for n in 16 24 32 48 64 128 256 512 1024; do
  rsvg-convert --width "$n" --height "$n" --keep-aspect-ratio "$svg" --output "$here/png/mqtt-desk-$n.png"
done

# Windows: one .ico holding 16 … 256 (the sizes Explorer, the taskbar and the Start menu use).
convert $(for n in 16 24 32 48 64 128 256; do echo "$here/png/mqtt-desk-$n.png"; done) "$here/mqtt-desk.ico"

# macOS: .icns from the sizes its format has slots for.
png2icns "$here/mqtt-desk.icns" $(for n in 16 32 48 128 256 512 1024; do echo "$here/png/mqtt-desk-$n.png"; done) >/dev/null

# The window icon (stage.getIcons(), see dev.mqttdesk.AppIcons).
res="$root/src/main/resources/dev/mqttdesk/icons"
mkdir -p "$res"
for n in 16 32 48 64 128 256; do
  cp "$here/png/mqtt-desk-$n.png" "$res/mqtt-desk-$n.png"
done

echo "generate.sh: wrote $(ls "$here/png" | wc -l) PNGs, mqtt-desk.ico, mqtt-desk.icns and the window icons in $res"
