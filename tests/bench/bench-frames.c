/* bench-frames.c
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "bench-frames.h"

typedef struct
{
  GtkWindow *window;
  BenchListShownFunc shown;
  gpointer user_data;
  gulong after_paint_id;
  gboolean first_frame_seen;
  gboolean list_seen;
  guint whole_rows; /* BENCH_ROWS: the list's length once it is all there; 0 = any */
} Watch;

gint64
bench_t0 (void)
{
  static gint64 t0 = 0;

  if (t0 == 0)
    {
      const char *env = g_getenv ("BENCH_T0");

      t0 = env != NULL ? g_ascii_strtoll (env, NULL, 10) : 0;
      if (t0 <= 0)
        t0 = g_get_monotonic_time ();
    }
  return t0;
}

guint64
bench_vmhwm_kib (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return 0;
  line = strstr (status, "VmHWM:");
  return line != NULL ? g_ascii_strtoull (line + 6, NULL, 10) : 0;
}

/* 1 when librsvg is mapped: an SVG icon was drawn (docs/performance.md, change 22). */
static int
bench_svg_loaded (void)
{
  g_autofree char *maps = NULL;

  if (!g_file_get_contents ("/proc/self/maps", &maps, NULL, NULL))
    return -1;
  return strstr (maps, "librsvg") != NULL;
}

GtkWidget *
bench_find_descendant (GtkWidget *widget, GType type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = bench_find_descendant (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A row is drawn when the list view and one of its row widgets (with content) are mapped. */
static gboolean
list_has_mapped_row (GtkWidget *list)
{
  if (list == NULL || !gtk_widget_get_mapped (list))
    return FALSE;

  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (gtk_widget_get_mapped (row) && gtk_widget_get_first_child (row) != NULL &&
        gtk_widget_get_mapped (gtk_widget_get_first_child (row)))
      return TRUE;
  return FALSE;
}

/* The CPU time of the whole process (all its threads) since it started, in ms: on a loaded
 * machine the wall clock mostly measures the wait for a core; this is the work itself (the
 * X server's share of drawing is not in it, for Rempart and the yardstick alike). */
double
bench_cpu_ms (void)
{
  struct timespec ts;

  if (clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts) != 0)
    return 0;
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static void
after_paint_cb (GdkFrameClock *clock, gpointer user_data)
{
  Watch *watch = user_data;
  double ms = (g_get_monotonic_time () - bench_t0 ()) / 1000.0;
  GtkWidget *list;
  guint n_rows;

  if (!watch->first_frame_seen)
    {
      watch->first_frame_seen = TRUE;
      printf ("first_frame_ms=%.1f\nfirst_frame_cpu_ms=%.1f\n", ms, bench_cpu_ms ());
      fflush (stdout);
    }

  list = bench_find_descendant (GTK_WIDGET (watch->window), GTK_TYPE_LIST_VIEW);
  if (!list_has_mapped_row (list))
    return;
  n_rows = g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (list))));

  if (!watch->list_seen)
    {
      watch->list_seen = TRUE;
      printf ("list_ms=%.1f\nlist_cpu_ms=%.1f\nrows=%u\nvmhwm_kib=%" G_GUINT64_FORMAT "\n", ms,
              bench_cpu_ms (), n_rows, bench_vmhwm_kib ());
      fflush (stdout);
    }

  /* The first rows may be shown before the rest is read: the whole list is shown at the end
   * of the first frame drawn with all of its rows in the model. */
  if (n_rows < watch->whole_rows)
    return;
  printf ("whole_ms=%.1f\nwhole_cpu_ms=%.1f\nwhole_rows=%u\nwhole_vmhwm_kib=%" G_GUINT64_FORMAT
          "\nsvg_loaded=%d\n",
          ms, bench_cpu_ms (), n_rows, bench_vmhwm_kib (), bench_svg_loaded ());
  fflush (stdout);
  g_clear_signal_handler (&watch->after_paint_id, clock);
  if (watch->shown != NULL)
    watch->shown (watch->window, watch->user_data);
  g_free (watch);
}

static void
realize_cb (GtkWidget *widget, gpointer user_data)
{
  Watch *watch = user_data;
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);

  g_signal_handlers_disconnect_by_func (widget, realize_cb, user_data);
  watch->after_paint_id =
      g_signal_connect_after (clock, "after-paint", G_CALLBACK (after_paint_cb), watch);
}

void
bench_watch_window (GtkWindow *window, BenchListShownFunc shown, gpointer user_data)
{
  Watch *watch = g_new0 (Watch, 1);
  const char *whole_rows = g_getenv ("BENCH_ROWS");

  watch->window = window;
  watch->shown = shown;
  watch->user_data = user_data;
  watch->whole_rows = whole_rows != NULL ? (guint) g_ascii_strtoull (whole_rows, NULL, 10) : 0;
  if (gtk_widget_get_realized (GTK_WIDGET (window)))
    realize_cb (GTK_WIDGET (window), watch);
  else
    g_signal_connect_after (window, "realize", G_CALLBACK (realize_cb), watch);
}
