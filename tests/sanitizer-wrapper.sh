#!/bin/bash
# tests/sanitizer-wrapper.sh: runs one test program (meson test --wrapper) so that a
# sanitizer report fails it even when its exit code is 0: AddressSanitizer, LeakSanitizer and
# UBSan write their reports into a folder of this test's own (log_path), which also catches
# subprocesses (g_test_trap_subprocess children, helpers, the CLI), and any report there
# fails the test. The reports are copied to stderr, i.e. into meson's test log.
#
# Environment: SANITIZER_LOG_ROOT (default: a temporary folder) and the suppressions in
# tests/lsan.supp; ASAN_OPTIONS / UBSAN_OPTIONS / LSAN_OPTIONS set by the caller are kept and
# extended.
set -u

here=$(dirname "$(readlink -f "$0")")
root=${SANITIZER_LOG_ROOT:-${TMPDIR:-/tmp}}
mkdir -p "$root"
dir=$(mktemp -d "$root/sanitizer-XXXXXX")

# fast_unwind_on_malloc=0: the distribution's libraries have no frame pointers, so the fast
# unwinder stops at their first frame, and a leak's stack then names no library that
# tests/lsan.supp could match. Slower (about 9 minutes for the UI suite on an idle machine
# instead of 1.5), and only needed when leaks are looked for: a caller that sets
# detect_leaks=0 (a quick run by hand) keeps the fast unwinder, which still gives memory
# errors their stacks. tests/ui/check-lsan-canary.sh runs this wrapper on a program that
# leaks on purpose, to prove that the suppressions and tests/lsan-filter.py hide no leak of
# ours.
# malloc_context_size=128: GTK's snapshots are deep, and a stack cut at the default 30
# frames names neither our function nor the main loop, which tests/lsan-filter.py needs.
unwind=fast_unwind_on_malloc=0:malloc_context_size=128:
[[ ${ASAN_OPTIONS:-} == *detect_leaks=0* ]] && unwind=
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}${unwind}log_path=$dir/asan"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:+$UBSAN_OPTIONS:}log_path=$dir/ubsan"
# exitcode=0: LeakSanitizer writes its report and leaves the program's exit code as it was,
# in the program and in every process it starts (g_test_trap_subprocess children, whose
# parents assert how they ended): the leaks are judged below, from the report, not by the
# exit code. Memory errors still abort (the caller's abort_on_error=1), and any report but
# the libraries' own leaks fails the test whatever the exit code.
export LSAN_OPTIONS="${LSAN_OPTIONS:+$LSAN_OPTIONS:}exitcode=0:suppressions=$here/lsan.supp:print_suppressions=0"
# The UI tests draw with cairo (GSK_RENDERER); without this GDK still probes GL, loading Mesa,
# which is unloaded before the leak check and leaves leaks from an "<unknown module>" that no
# suppression can name.
export GDK_DEBUG="${GDK_DEBUG:+$GDK_DEBUG,}gl-disable"

"$@"
rc=$?

# A leak report that holds only the libraries' own leaks (tests/lsan-filter.py: no function
# of ours between the allocation and the main loop) is listed, not counted. Any other report
# fails the test.
reports=("$dir"/*)
counted=0
if [[ -e ${reports[0]} ]]; then
  for report in "${reports[@]}"; do
    if verdict=$(/usr/bin/python3 "$here/lsan-filter.py" "$report"); then
      echo "=== sanitizer report $(basename "$report"): the libraries' own leaks, not counted: $verdict" >&2
      continue
    fi
    echo "=== sanitizer report $(basename "$report") (test: $*)" >&2
    [[ -n $verdict ]] && echo "$verdict" >&2
    cat "$report" >&2
    counted=$((counted + 1))
  done
fi
rm -rf "$dir"
if [[ $counted -gt 0 ]]; then
  echo "sanitizer-wrapper: $counted sanitizer report(s): failing the test (its exit code was $rc)" >&2
  exit $((rc != 0 ? rc : 1))
fi

exit $rc
