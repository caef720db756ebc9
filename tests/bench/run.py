#!/usr/bin/env python3
# run.py: the benchmarks of what people feel, as one table of ratios
#
# Copyright 2026 The Rempart developers
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Runs Rempart and the yardsticks it is compared with side by side, interleaved, REPS times
# each (median), on one machine in one run, and prints a Markdown table. Never passes or fails
# on a time: a ratio is read by a person, beside the machine's load. Needs a display (run.sh
# starts Xvfb when there is none).
#
#   run.py BUILDDIR [--reps N] [--sizes 1000,10000,50000]

import argparse
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

SOURCE_ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
TIMEOUT = 300


def parse(output):
    values = {}
    for line in output.splitlines():
        m = re.match(r'^([a-z_]+)=([0-9.]+)$', line.strip())
        if m:
            values.setdefault(m.group(1), []).append(float(m.group(2)))
    return values


def run(cmd, env, what):
    env = dict(env)
    env['BENCH_T0'] = str(time.monotonic_ns() // 1000)
    proc = subprocess.run(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          text=True, timeout=TIMEOUT)
    if proc.returncode != 0:
        sys.exit(f'{what} failed ({proc.returncode}):\n{proc.stdout}\n{proc.stderr}')
    return parse(proc.stdout)


def median(values):
    return statistics.median(values) if values else float('nan')


def load():
    with open('/proc/loadavg') as f:
        return ' '.join(f.read().split()[:3])


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('builddir')
    parser.add_argument('--reps', type=int, default=7)
    parser.add_argument('--sizes', default='1000,10000,50000')
    args = parser.parse_args()
    bench = os.path.join(os.path.abspath(args.builddir), 'tests', 'bench')
    sizes = [int(s) for s in args.sizes.split(',')]
    tmp = tempfile.mkdtemp(prefix='rempart-bench-')
    load_before = load()

    base_env = dict(os.environ)
    base_env.update({
        'GSETTINGS_BACKEND': 'memory',
        'GSETTINGS_SCHEMA_DIR': os.path.join(os.path.abspath(args.builddir), 'data'),
        'GSK_RENDERER': 'cairo',
        'REMPART_DATA_DIR': os.path.join(SOURCE_ROOT, 'data'),
        'REMPART_NO_SYNC': '1',
        'LANGUAGE': 'en',
        'LC_ALL': 'C.UTF-8',
        'NO_AT_BRIDGE': '1',
    })
    base_env.pop('G_DEBUG', None)

    # Stores: N actions in one group; 50,000 as five groups of 10,000.
    homes = {}
    for n in sizes:
        home = os.path.join(tmp, f'home-{n}')
        os.makedirs(os.path.join(home, 'rempart'))
        feeds = 5 if n >= 50000 else 1
        subprocess.run([os.path.join(bench, 'bench-make-store'),
                        os.path.join(home, 'rempart', 'rempart.db'), str(n // feeds), str(feeds)],
                       check=True, env=base_env)
        homes[n] = home

    startup = {n: {'rempart': {}, 'yardstick': {}} for n in sizes}
    search = {}
    for rep in range(args.reps):
        for n in sizes:
            for who in ('yardstick', 'rempart'):
                # The whole list is shown when the list view's model holds every action.
                if who == 'yardstick':
                    values = run([os.path.join(bench, 'bench-yardstick'), str(n)],
                                 dict(base_env, BENCH_ROWS=str(n)), 'bench-yardstick')
                else:
                    env = dict(base_env, XDG_DATA_HOME=homes[n], BENCH_ROWS=str(n))
                    values = run([os.path.join(bench, 'bench-startup')], env, 'bench-startup')
                for key, v in values.items():
                    startup[n][who].setdefault(key, []).extend(v)
        if 10000 in homes:
            env = dict(base_env, XDG_DATA_HOME=homes[10000], BENCH_SEARCH='1',
                       BENCH_ROWS='10000')
            for key, v in run([os.path.join(bench, 'bench-startup')], env,
                              'bench-startup (search)').items():
                search.setdefault(key, []).extend(v)

    sync = run([os.path.join(bench, 'bench-sync'), '10000', str(args.reps)],
               base_env, 'bench-sync')
    tone = subprocess.run([os.path.join(bench, 'bench-tone'), '2000'], env=base_env,
                          stdout=subprocess.PIPE, text=True, check=True).stdout
    m = re.search(r'([0-9.]+) µs per check', tone)
    tone_us = float(m.group(1)) if m else float('nan')
    load_after = load()
    shutil.rmtree(tmp, ignore_errors=True)

    def row(measure, ours, yardstick, unit, target, fmt='{:.0f}'):
        ratio = f'{ours / yardstick:.2f}×' if yardstick else '—'
        ys = fmt.format(yardstick) + f' {unit}' if yardstick else '—'
        print(f'| {measure} | {fmt.format(ours)} {unit} | {ys} | {ratio} | {target} |')

    print(f'Machine: {platform.node()}, {os.cpu_count()} CPUs, {platform.platform()}; '
          f'{time.strftime("%Y-%m-%d %H:%M")}; load average before {load_before}, '
          f'after {load_after}; medians of {args.reps} interleaved runs\n')
    print('| measure | Rempart | yardstick | ratio | target |')
    print('|---|---|---|---|---|')
    for n in sizes:
        r, y = startup[n]['rempart'], startup[n]['yardstick']
        label = f'{n:,}' + (' (five groups)' if n >= 50000 else '')
        row(f'first frame, {label} actions', median(r['first_frame_ms']),
            median(y['first_frame_ms']), 'ms', '≤ 1.2×')
        target = '≤ 2×' if n >= 50000 else '≤ 1.5×'
        row(f'list shown with its first rows, {label} actions', median(r['list_ms']),
            median(y['list_ms']), 'ms', target)
        row(f'CPU time of the process to the first rows shown, {label} actions',
            median(r['list_cpu_ms']), median(y['list_cpu_ms']), 'ms', '(the work without the wait)')
        row(f'whole list loaded and shown, {label} actions', median(r['whole_ms']),
            median(y['whole_ms']), 'ms', target)
        row(f'CPU time of the process to the whole list shown, {label} actions',
            median(r['whole_cpu_ms']), median(y['whole_cpu_ms']), 'ms',
            '(the work without the wait)')
        row(f'peak memory (VmHWM) with the whole list, {label} actions',
            median(r['whole_vmhwm_kib']) / 1024, median(y['whole_vmhwm_kib']) / 1024, 'MiB',
            '≤ 1.25×')
    if search:
        row('search keystroke, results change (10,000)', median(search['search_changed_ms']), 0,
            'ms', '≤ 16 ms', '{:.2f}')
        row('search keystroke, results unchanged (10,000)',
            median(search['search_unchanged_ms']), 0, 'ms', '≤ 4 ms', '{:.2f}')
        # The main thread's CPU (the wall clock above includes the wait for a core on a shared
        # machine); "all" adds GDK's X11 size-hints idle that runs between handler and frame.
        for key, measure in (('search_changed_cpu_ms', 'results change, main thread CPU'),
                             ('search_changed_all_cpu_ms',
                              'results change, all main thread CPU to the end of the frame'),
                             ('search_unchanged_cpu_ms', 'results unchanged, main thread CPU')):
            if key in search:
                row(f'search keystroke, {measure} (10,000)', median(search[key]), 0, 'ms',
                    '≤ 4 ms' if 'unchanged' in key else '≤ 16 ms', '{:.2f}')
    first = median(sync['first_ms'])
    row(f'first sync, {sync["feed_mib"][0]:.1f} MiB signed feed (10,000)', first,
        median(sync['floor_ms']), 'ms', '≤ 2× (json-glib parse + raw SQLite insert)')
    row('unchanged sync, 304 on ETag', median(sync['unchanged_etag_ms']), first, 'ms',
        'against the first sync')
    row('unchanged sync, 304 on Last-Modified', median(sync['unchanged_lm_ms']), first, 'ms',
        'against the first sync')
    row('sync where 1 action changed', median(sync['one_changed_ms']), first, 'ms',
        '≤ 0.15× the first sync')
    row('tone check, 2,000-character draft', tone_us / 1000, 0, 'ms', '≤ 0.2 ms', '{:.3f}')


if __name__ == '__main__':
    main()
