#!/bin/sh
# Re-signs the bundled demo feeds (data/demo/feed-*.json) with a fresh, throw-away key pair
# and replaces data/demo/demo.pub with its public key. The secret key lives in a temporary
# directory and is deleted at the end: it is never committed and never needed again, since
# anyone can run this script to regenerate the signatures after editing the feeds.
#
# Usage: build-aux/sign-demo-feeds.sh [BUILD_DIR]
#   BUILD_DIR holds src/cli/rempart-feed (default: _build). Run from the source root.
set -eu

srcdir=$(cd "$(dirname "$0")/.." && pwd)
builddir=${1:-_build}
case "$builddir" in
  /*) ;;
  *) builddir="$srcdir/$builddir" ;;
esac
tool="$builddir/src/cli/rempart-feed"
demo="$srcdir/data/demo"

if [ ! -x "$tool" ]; then
  echo "$0: $tool not found: build Rempart first (ninja -C $builddir)" >&2
  exit 1
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

"$tool" keygen -W -p "$tmp/demo.pub" -s "$tmp/demo.key"

for lang in en fr; do
  feed="$demo/feed-$lang.json"
  "$tool" validate --strict "$feed"
  "$tool" sign -s "$tmp/demo.key" -t "Rempart demo feed" -x "$tmp/feed-$lang.json.minisig" "$feed"
  "$tool" verify -p "$tmp/demo.pub" -x "$tmp/feed-$lang.json.minisig" "$feed"
done

# Only once both verified: never leave a new key with old signatures.
cp "$tmp/demo.pub" "$demo/demo.pub"
cp "$tmp/feed-en.json.minisig" "$tmp/feed-fr.json.minisig" "$demo/"
echo "Signed data/demo/feed-en.json and feed-fr.json; new key in data/demo/demo.pub."
