#!/usr/bin/python3
# test-sanitizer-wrapper.py SOURCE_ROOT: tests/sanitizer-wrapper.sh and tests/lsan-filter.py
# on programs that write the reports a sanitizer would (into the folder named by log_path in
# ASAN_OPTIONS) and exit as a sanitized program would. TAP output.
import os
import subprocess
import sys
import tempfile
import textwrap

ROOT = sys.argv[1] if len(sys.argv) > 1 else os.environ["REMPART_SOURCE_ROOT"]
WRAPPER = os.path.join(ROOT, "tests", "sanitizer-wrapper.sh")

MALLOC = "    #0 0x7f62784b89cf in __interceptor_malloc ../../../../src/libsanitizer/asan/asan_malloc_linux.cpp:69\n"
GLIB = "    #1 0x7f6278321658 in g_malloc (/lib/x86_64-linux-gnu/libglib-2.0.so.0+0x5a658)\n"
START = (
    "    #30 0x7fa4034a71f4 in __libc_start_call_main ../sysdeps/nptl/libc_start_call_main.h:58\n"
    "    #31 0x55b7c96b37f0 in _start (/x/test-ui-window+0x28b7f0)\n"
)
HEADER = "=================================================================\n==4242==ERROR: LeakSanitizer: detected memory leaks\n\n"

# GTK allocated this in its own idle callback: no function of ours before the main loop.
LIBRARY_LEAK = (
    "Direct leak of 24 byte(s) in 1 object(s) allocated from:\n" + MALLOC + GLIB +
    "    #2 0x7f627725bec3  (/lib/x86_64-linux-gnu/libgtk-4.so.1+0x45bec3)\n"
    "    #3 0x7f627831b788 in g_main_context_dispatch (/lib/x86_64-linux-gnu/libglib-2.0.so.0+0x54788)\n"
    "    #4 0x7f627831baab in g_main_context_iteration (/lib/x86_64-linux-gnu/libglib-2.0.so.0+0x54aab)\n"
    "    #5 0x55d91516cb5e in rempart_ui_test_iterate_until_timeout ../tests/ui/rempart-ui-test.c:47\n"
    + START + "\n"
)
# Lost by a snapshot function of ours that GTK's frame clock called.
OUR_LEAK = (
    "Direct leak of 96 byte(s) in 1 object(s) allocated from:\n" + MALLOC + GLIB +
    "    #2 0x7fef61a9d9ac in gsk_color_node_new (/lib/x86_64-linux-gnu/libgtk-4.so.1+0x49d9ac)\n"
    "    #3 0x55d914fc1d38 in rempart_action_row_snapshot ../src/ui/window/rempart-action-row.c:120\n"
    "    #4 0x7f627831b788 in g_main_context_dispatch (/lib/x86_64-linux-gnu/libglib-2.0.so.0+0x54788)\n"
    + START + "\n"
)
# Cut at malloc_context_size: neither a frame of ours nor the main loop nor a stack's root.
CUT_LEAK = (
    "Indirect leak of 96 byte(s) in 2 object(s) allocated from:\n" + MALLOC + GLIB +
    "    #2 0x7fef618643ba in gtk_snapshot_pop (/lib/x86_64-linux-gnu/libgtk-4.so.1+0x2643ba)\n"
    "    #3 0x7fef61914171 in gtk_widget_snapshot_child (/lib/x86_64-linux-gnu/libgtk-4.so.1+0x314171)\n\n"
)
ASAN_ERROR = (
    "==4242==ERROR: AddressSanitizer: heap-use-after-free on address 0x602000000010\n"
    "READ of size 1 at 0x602000000010 thread T0\n"
    "    #0 0x55d914fc1d38 in rempart_text_quote ../src/core/base/rempart-text.c:12\n"
)


def leak_report(*blocks):
    return HEADER + "".join(blocks) + "SUMMARY: AddressSanitizer: 120 byte(s) leaked in 2 allocation(s).\n"


def program(body):
    """A shell program that finds its log folder in ASAN_OPTIONS, then runs @body."""
    return textwrap.dedent(
        """\
        dir=${ASAN_OPTIONS##*log_path=}
        dir=${dir%%:*}
        dir=${dir%/asan}
        """
    ) + body


CASES = [
    # name, report written by the program itself (None: none), by a child, exit code,
    # expected exit code of the wrapper (0 or non-zero), text expected in its stderr
    ("no report, success", None, None, 0, 0, None),
    ("no report, the tests failed", None, None, 1, 1, None),
    ("the libraries' leaks only", leak_report(LIBRARY_LEAK), None, 0, 0, "not counted"),
    ("the libraries' leaks only but the tests failed", leak_report(LIBRARY_LEAK), None, 1, 1,
     "not counted"),
    ("the libraries' leaks only, the program aborted", leak_report(LIBRARY_LEAK), None, 134,
     134, "not counted"),
    ("a child's library leaks", None, leak_report(LIBRARY_LEAK), 0, 0, "not counted"),
    ("a leak of ours among the libraries'", leak_report(LIBRARY_LEAK, OUR_LEAK), None, 0, 1,
     "rempart_action_row_snapshot"),
    ("a leak of ours, exit code 0", leak_report(OUR_LEAK), None, 0, 1, "1 sanitizer report"),
    ("a child's leak of ours", None, leak_report(OUR_LEAK), 0, 1, "rempart_action_row_snapshot"),
    ("a cut stack counts as ours", leak_report(CUT_LEAK), None, 0, 1, "cut stack"),
    ("a memory error is never filtered", leak_report(LIBRARY_LEAK) + ASAN_ERROR, None, 134, 1,
     "heap-use-after-free"),
]


def run_case(workdir, name, own, child, status, expect_zero_or_code):
    script = os.path.join(workdir, "prog.sh")
    body = ""
    if child is not None:
        child_path = os.path.join(workdir, "child.txt")
        with open(child_path, "w") as f:
            f.write(child)
        body += f'(cp "{child_path}" "$dir/asan.$BASHPID")\n'
    if own is not None:
        own_path = os.path.join(workdir, "own.txt")
        with open(own_path, "w") as f:
            f.write(own)
        body += f'cp "{own_path}" "$dir/asan.$$"\n'
    # LeakSanitizer must leave the program's exit code alone (exitcode=0), in children too.
    body = 'case ":$LSAN_OPTIONS:" in *:exitcode=0:*) ;; *) echo "no exitcode=0" >&2; exit 99;; esac\n' + body
    body += f"exit {status}\n"
    with open(script, "w") as f:
        f.write(program(body))
    env = dict(os.environ)
    env["ASAN_OPTIONS"] = "detect_leaks=1:abort_on_error=1"
    env["SANITIZER_LOG_ROOT"] = workdir
    result = subprocess.run(["bash", WRAPPER, "bash", script], env=env, capture_output=True,
                            text=True, timeout=60)
    return result


def main():
    print(f"1..{len(CASES)}")
    failures = 0
    with tempfile.TemporaryDirectory() as workdir:
        for i, (name, own, child, status, expected, text) in enumerate(CASES, 1):
            result = run_case(workdir, name, own, child, status, expected)
            ok = (result.returncode == 0) == (expected == 0)
            if expected not in (0, 1):
                ok = result.returncode == expected
            if text is not None and text not in result.stderr:
                ok = False
            leftovers = [d for d in os.listdir(workdir) if d.startswith("sanitizer-")]
            if leftovers:
                ok = False
            print(f"{'ok' if ok else 'not ok'} {i} {name}")
            if not ok:
                failures += 1
                print(f"# exit code {result.returncode}, expected {expected}; leftovers {leftovers}")
                for line in result.stderr.splitlines():
                    print(f"# {line}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
