#!/bin/sh
# run.sh BUILDDIR [run.py options]: the table of docs/performance.md, under Xvfb when there
# is no display. Use a release build (meson setup --buildtype=release).
set -e
here=$(dirname "$0")
[ $# -ge 1 ] || { echo "usage: $0 BUILDDIR [--reps N] [--sizes 1000,10000,50000]" >&2; exit 2; }
ninja -C "$1" tests/bench/bench-startup tests/bench/bench-yardstick tests/bench/bench-sync \
  tests/bench/bench-make-store tests/bench/bench-tone >/dev/null
if [ -z "$DISPLAY" ] && [ -z "$WAYLAND_DISPLAY" ]; then
  exec xvfb-run -a -s '-screen 0 1280x800x24' dbus-run-session -- python3 "$here/run.py" "$@"
fi
exec python3 "$here/run.py" "$@"
