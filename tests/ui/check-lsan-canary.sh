#!/bin/bash
# check-lsan-canary.sh WRAPPER CANARY: proves that the LeakSanitizer suppressions
# (tests/lsan.supp) hide no leak of ours. Runs lsan-canary (which loses a string, a GObject
# and render nodes drawn in a frame, each from a canary_* function) through
# tests/sanitizer-wrapper.sh with the caller's ASAN_OPTIONS and the suppressions, and passes
# only if the wrapper fails the canary and the report names every one of those leaks.
# Only in sanitizer builds (tests/ui/meson.build); skipped when leak detection is off.
set -u

wrapper=$1
canary=$2

if [[ ${ASAN_OPTIONS:-} == *detect_leaks=0* ]]; then
  echo "check-lsan-canary: leak detection is off (ASAN_OPTIONS has detect_leaks=0): nothing to check" >&2
  exit 77
fi

log=$(mktemp)
trap 'rm -f "$log"' EXIT
# Its own log folder: when this check itself runs under the wrapper (meson test --wrapper),
# the canary's expected reports must not fail the outer run.
"$wrapper" "$canary" >"$log" 2>&1
rc=$?
cat "$log"

fail=0
if [[ $rc -eq 0 ]]; then
  echo "check-lsan-canary: the wrapper passed a program that leaks on purpose" >&2
  fail=1
fi
if ! grep -q '^canary: [0-9]* frames drawn' "$log"; then
  echo "check-lsan-canary: the canary did not run to its end (see above)" >&2
  fail=1
fi
for leak in canary_leak_string canary_leak_object canary_widget_snapshot; do
  if ! grep -q "in $leak " "$log"; then
    echo "check-lsan-canary: LeakSanitizer did not report the leak in $leak: a suppression hides it" >&2
    fail=1
  fi
done
[[ $fail -eq 0 ]] && echo "check-lsan-canary: every deliberate leak was reported"
exit $fail
