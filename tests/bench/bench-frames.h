/* bench-frames.h: what the start-up benchmarks measure from inside the process
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The start of the measure, on g_get_monotonic_time()'s clock: BENCH_T0 (microseconds, set
 * by run.py just before it starts the program, so that loading the program counts), or
 * the first call's time when unset. */
gint64 bench_t0 (void);

/* The peak resident memory of this process so far (VmHWM), in KiB; 0 if unknown. */
guint64 bench_vmhwm_kib (void);

/* The CPU time of the process (all threads) since it started, in ms. */
double bench_cpu_ms (void);

/* The first GtkListView under @widget, depth first, or NULL. */
GtkWidget *bench_find_descendant (GtkWidget *widget, GType type);

/* Called once, at the end of the first frame that showed the whole list. */
typedef void (*BenchListShownFunc) (GtkWindow *window, gpointer user_data);

/*
 * Watches @window's frame clock ("after-paint"): prints "first_frame_ms=" (and
 * "first_frame_cpu_ms=") at the end of its first frame; "list_ms=" (with "list_cpu_ms=",
 * "rows=", the list's items then, and "vmhwm_kib=") at the end of the first frame in which a
 * row of its GtkListView was mapped, that is drawn; and "whole_ms=" (with "whole_cpu_ms=",
 * "whole_rows=" and "whole_vmhwm_kib=") at the end of the first frame with a mapped row and
 * at least BENCH_ROWS items in the list view's model (the whole list, when a program shows
 * its first rows before the rest; the same frame as "list_ms=" when BENCH_ROWS is unset or
 * the list came whole). Then calls @shown. Nothing is ever waited for by sleeping.
 */
void bench_watch_window (GtkWindow *window, BenchListShownFunc shown, gpointer user_data);

G_END_DECLS
