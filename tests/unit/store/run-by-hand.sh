#!/bin/bash
# Runs a test program as a person would by hand: from another folder, without the G_TEST_*
# variables meson sets. It must run every test, not skip one: a skip that only happens outside
# meson would let a test pass by not running (issue 15, item 12). TAP output.
#   run-by-hand.sh TEST_PROGRAM
set -u
program=$(readlink -f "$1")
out=$(mktemp)
trap 'rm -f "$out"' EXIT
cd / || exit 1
env -u G_TEST_BUILDDIR -u G_TEST_SRCDIR "$program" > "$out" 2>&1
rc=$?
sed 's/^/# /' "$out"
if [[ $rc -eq 0 ]]; then echo "ok 1 - $(basename "$program") passes run by hand"
else echo "not ok 1 - $(basename "$program") passes run by hand (exit $rc)"; fi
if grep -q '# SKIP' "$out"; then echo "not ok 2 - $(basename "$program") skips nothing run by hand"
else echo "ok 2 - $(basename "$program") skips nothing run by hand"; fi
echo "1..2"
