#!/bin/sh
# encode-symbolic.sh ENCODER INPUT.svg SIZE OUTPUT.symbolic.png
# gtk4-encode-symbolic-svg names its output after its input; this gives it the name meson asks for.
set -eu
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
"$1" -o "$dir" "$2" "$3x$3"
mv "$dir"/*.symbolic.png "$4"
