#!/bin/bash
# Screenshots of Rempart's main screens, from the built-in example actions:
#   build-aux/screenshots.sh BUILDDIR OUTDIR
# Each size and colour scheme runs under its own Xvfb screen (1280x800 "wide", 360x720 "360")
# and D-Bus session; tests/e2e/screenshots.py starts the app from BUILDDIR with temporary
# folders, a keyfile setting the window to the screen's size and REMPART_NO_SYNC=1, drives it
# over AT-SPI and captures the screen with ImageMagick's import.
#
# Writes main-wide-{light,dark}, main-360-{light,dark}, composer-{wide,360}-light,
# session-wide-light and preferences-wide-light .png, and for the metainfo (Flathub) a
# 1000x700 window with GNOME's title bar buttons (close only), framed with rounded corners
# and a shadow: main-window-{light,dark}-framed and composer-window-light-framed .png. The
# README uses copies of main-wide-light, main-wide-dark, main-360-light and
# composer-wide-light in data/screenshots/ (main-window.png is main-wide-light); the metainfo
# uses the framed ones, by the commit that added them.
set -u

if [[ $# -ne 2 ]]; then
  echo "usage: $0 BUILDDIR OUTDIR" >&2
  exit 2
fi
src=$(cd "$(dirname "$0")/.." && pwd)
build=$(readlink -f "$1")
mkdir -p "$2" || exit 1
out=$(readlink -f "$2")

missing=()
command -v xvfb-run > /dev/null || missing+=(xvfb)
command -v xauth > /dev/null || missing+=(xauth)
command -v dbus-run-session > /dev/null || missing+=(dbus)
command -v import > /dev/null || missing+=(imagemagick)
command -v convert > /dev/null || missing+=(imagemagick)
[[ -x /usr/libexec/at-spi-bus-launcher ]] || missing+=(at-spi2-core)
/usr/bin/python3 -c 'import pyatspi' 2> /dev/null || missing+=(python3-pyatspi)
if [[ ${#missing[@]} -gt 0 ]]; then
  echo "$0: missing Debian packages: ${missing[*]}" >&2
  echo "  sudo apt-get install ${missing[*]}" >&2
  exit 1
fi
if [[ ! -x $build/src/rempart ]]; then
  echo "$0: $build/src/rempart is not built: meson compile -C $1" >&2
  exit 1
fi

failed=0
# shoot WIDTH HEIGHT SIZE SCHEME SHOT...
shoot () {
  local width=$1 height=$2 size=$3 scheme=$4
  shift 4
  local -a env=(env -u ADW_DEBUG_COLOR_SCHEME)
  [[ $scheme == dark ]] && env=(env ADW_DEBUG_COLOR_SCHEME=prefer-dark)
  # -noreset: the server must not reset between two starts of the app.
  if ! "${env[@]}" xvfb-run -a -s "-screen 0 ${width}x${height}x24 -noreset" \
      dbus-run-session -- /usr/bin/python3 "$src/tests/e2e/screenshots.py" \
      "$build" "$src" "$out" "$width" "$height" "$size-$scheme" "$@" \
      > >(grep -v -e 'SpiRegistry daemon') 2> >(grep -v -e '^dbus-daemon' >&2); then
    failed=1
  fi
}

# frame IN OUT: a window shot as GNOME shows it: rounded corners (12 px, libadwaita's) and
# a soft shadow, on a transparent background. Xvfb has no compositor, so GTK draws neither.
frame () {
  convert "$1" \
    \( +clone -alpha extract \
       -draw 'fill black polygon 0,0 0,12 12,0 fill white circle 12,12 12,0' \
       \( +clone -flip \) -compose Multiply -composite \
       \( +clone -flop \) -compose Multiply -composite \) \
    -alpha off -compose CopyOpacity -composite \
    \( +clone -background black -shadow 35x14+0+6 \) +swap \
    -background none -compose Over -layers merge +repage "$2"
}

shoot 1280 800 wide light main composer session preferences
shoot 1280 800 wide dark main
shoot 360 720 360 light main composer
shoot 360 720 360 dark main
# The metainfo's (Flathub's): a 1000x700 window, framed.
shoot 1000 700 window light main composer
shoot 1000 700 window dark main
for shot in "$out"/*-window-{light,dark}.png; do
  [[ -f $shot ]] || continue
  frame "$shot" "${shot%.png}-framed.png" || failed=1
done

if [[ $failed != 0 ]]; then
  echo "$0: some screenshots failed (see above)" >&2
  exit 1
fi
echo "Screenshots are in $out"
