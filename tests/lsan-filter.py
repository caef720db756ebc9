#!/usr/bin/python3
# tests/lsan-filter.py REPORT: reads one LeakSanitizer report (a log_path file written by
# tests/sanitizer-wrapper.sh) and says whose leaks it holds. Exit status 0: every leak was
# allocated by a library with no function of ours between the allocation and the main loop
# (or the library's own initialisation); 1: at least one leak is ours, or the report is not
# a leak report, or it cannot be read (the wrapper then fails the test).
#
# Why: in GTK 4.8, the UI programs lose small allocations that GTK makes in its own idle and
# frame callbacks (GSList links, GObjects, render-node subtrees), in amounts that change from
# run to run for the same binary, with no frame of ours in the allocation's stack except the
# test's main loop (HACKING.md, "Sanitizers and leaks"). A suppression cannot name them
# without hiding leaks of ours too (a suppression matches any frame of the stack, and every
# render node we draw is allocated inside libgtk). This filter reads the stack in order
# instead: a leak is ours when, walking from the allocation towards main(), a frame of ours
# (../src/ or ../tests/, as the sanitizer names our sources from the build folder) comes
# before any main-loop entry point. So a string, an object or a render node lost by one of
# our functions, also one called back by GTK (a snapshot, a signal handler, an idle), is
# always ours; tests/ui/lsan-canary.c loses one of each, and check-lsan-canary.sh fails if
# this filter lets one through.
#
# What it cannot see: a reference that our code takes on an object a library allocated on its
# own and then never drops. Such a leak is counted as the library's; the programs whose
# leak reports hold no library leak at all keep full leak detection (.ci/run, leaks_on).
import re
import sys

# Entering these from our code hands control to the library's main loop or initialisation:
# what is allocated beyond them without a frame of ours in between is the library's.
LIBRARY_ENTRIES = {
    "g_main_context_iteration",
    "g_main_context_dispatch",
    "g_main_loop_run",
    "g_application_run",
    "gtk_init",
    "gtk_init_check",
    "gtk_test_init",
    "adw_init",
}

FRAME = re.compile(r"\s+#(\d+) 0x[0-9a-f]+(?: in (\S+))? (.*)$")
OURS = re.compile(r"\.\./(src|tests)/")
# A stack that reaches one of these is whole (not cut at malloc_context_size).
STACK_ROOTS = ("_start", "start_thread", "clone", "clone3")


def classify(block):
    """Returns ('ours', 'library' or 'cut', the number of the frame that decided it).
    'cut': no frame of ours in a stack cut short, counted as ours."""
    frames = []
    for line in block.splitlines()[1:]:
        match = FRAME.match(line)
        if match is None:
            break
        frames.append((match.group(2) or "", match.group(3)))
    for depth, (function, where) in enumerate(frames):
        if function in LIBRARY_ENTRIES:
            return "library", depth
        if OURS.match(where) and not where.startswith("../../"):
            return "ours", depth
    if frames and (frames[-1][0] in STACK_ROOTS or "clone" in frames[-1][1]):
        return "library", len(frames) - 1
    return "cut", len(frames) - 1


def main():
    try:
        with open(sys.argv[1], errors="replace") as report:
            text = report.read()
    except (IndexError, OSError) as error:
        print(f"lsan-filter: cannot read the report: {error}", file=sys.stderr)
        return 1

    if "ERROR: LeakSanitizer: detected memory leaks" not in text:
        return 1
    # Anything else in the same report (a memory error, undefined behaviour) is never
    # filtered.
    if "ERROR: AddressSanitizer" in text or "runtime error" in text:
        return 1

    blocks = re.split(r"\n(?=(?:Direct|Indirect) leak of )", text)[1:]
    if not blocks:
        return 1
    counts = {"ours": 0, "library": 0, "cut": 0}
    deepest = 0
    for block in blocks:
        kind, depth = classify(block)
        counts[kind] += 1
        deepest = max(deepest, depth)
    # The deepest deciding frame tells whether malloc_context_size (the wrapper's) has room.
    print(
        f"lsan-filter: {counts['library']} leak(s) of the libraries' own, "
        f"{counts['ours']} of ours, {counts['cut']} with a cut stack and no frame of ours "
        f"(deepest deciding frame: #{deepest})"
    )
    return 0 if counts["ours"] == 0 and counts["cut"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
