#!/bin/sh
# Re-signs every bundled demo feed (data/demo/feed-*.json, one per interface language that has
# one) with a fresh, throw-away key pair and replaces data/demo/demo.pub with its public key.
# Commit demo.pub and every feed-*.json.minisig together: the old signatures no longer verify. The secret key lives in a temporary
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

feeds=$(cd "$demo" && ls feed-*.json)
for name in $feeds; do
  feed="$demo/$name"
  "$tool" validate --strict "$feed"
  "$tool" sign -s "$tmp/demo.key" -t "Rempart demo feed" -x "$tmp/$name.minisig" "$feed"
  "$tool" verify -p "$tmp/demo.pub" -x "$tmp/$name.minisig" "$feed"
done

# Only once all verified: never leave a new key with old signatures.
cp "$tmp/demo.pub" "$demo/demo.pub"
for name in $feeds; do
  cp "$tmp/$name.minisig" "$demo/"
done
echo "Signed" $(for name in $feeds; do printf 'data/demo/%s ' "$name"; done)
echo "New key in data/demo/demo.pub: commit it with every data/demo/feed-*.json.minisig."
