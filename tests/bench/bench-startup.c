/* bench-startup.c: Rempart's start-up and search, measured from inside the process
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bench-frames.h"
#include "rempart-application.h"
#include "rempart-i18n.h"

/*
 * Starts the real RempartApplication as src/main.c does, on the store run.py prepared (in
 * XDG_DATA_HOME, with REMPART_NO_SYNC set), and prints the end of its first frame, of the
 * first frame that draws a row of the list (its first rows: the list shows a screenful
 * before the rest is read), and of the first frame with the whole list (BENCH_ROWS actions
 * in the list view's model), with the CPU time and peak memory at each (bench-frames.h).
 *
 * With BENCH_SEARCH=1 it then, once the whole list is shown, types searches into the
 * window's search entry and prints, for each keystroke, what it cost the main loop: the
 * search handler (filter and list update) plus, when the list changed, the frame that shows
 * it (from "before-paint" to the end of "after-paint", so layout and drawing; not the wait
 * for the frame clock), by the wall clock ("search_changed_ms=", "search_unchanged_ms=") and
 * in CPU time of the main thread ("search_changed_cpu_ms=", "search_unchanged_cpu_ms=": what
 * the keystroke cost without the waits for a core of a shared machine); and, when the list
 * changed, all the CPU time of the main thread from the handler to the end of that frame
 * ("search_changed_all_cpu_ms=": also what ran between them, such as GDK's idle that
 * measures the whole window for its X11 size hints). Keystrokes come one after the other,
 * each when the previous one is on screen; BENCH_SEARCH_ROUNDS sets how many times the
 * keystrokes are typed (3 by default).
 *
 *   bench-startup
 */

typedef struct
{
  const char *text;
  const char *kind; /* "changed": the results differ; "unchanged": they stay as they were */
} Keystroke;

/* The bench feed's titles are "Fil n°I (V)", topic Racism, platform facebook. */
static const Keystroke keystrokes[] = {
  { "4", "changed" },   { "42", "changed" },   { "4", "changed" },     { "", "changed" },
  { "f", "unchanged" }, { "fi", "unchanged" }, { "fil", "unchanged" }, { "", "unchanged" },
};

#define DEFAULT_ROUNDS 3

typedef struct
{
  GApplication *app;
  GtkWidget *entry;
  GListModel *list_model;
  GdkFrameClock *clock;
  guint step;
  guint rounds;
  gint64 start;
  double start_cpu;
  double handler_ms;
  double handler_cpu_ms;
  gint64 before_paint;
  double before_paint_cpu;
  gboolean list_changed;
  gboolean waiting_frame;
  guint timeout_id;
  guint n_results; /* before the keystroke */
} Search;

static void next_keystroke (Search *search);

/* The CPU time of the calling thread, in ms. */
static double
thread_cpu_ms (void)
{
  struct timespec ts;

  if (clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts) != 0)
    return 0;
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static void
report (Search *search, double frame_ms, double frame_cpu_ms)
{
  const Keystroke *k = &keystrokes[search->step % G_N_ELEMENTS (keystrokes)];
  guint n_results = g_list_model_get_n_items (search->list_model);

  /* A keystroke that did not do what it says would measure something else. */
  if ((n_results != search->n_results) != (strcmp (k->kind, "changed") == 0))
    g_error ("bench-startup: \"%s\" was to leave the results %s, but %u became %u", k->text,
             k->kind, search->n_results, n_results);
  search->n_results = n_results;

  printf ("search_%s_ms=%.3f\n", k->kind, search->handler_ms + frame_ms);
  printf ("search_%s_cpu_ms=%.3f\n", k->kind, search->handler_cpu_ms + frame_cpu_ms);
  /* Everything the main thread did from the handler to the end of the frame, also what ran
   * between them (GDK's idle that measures the window for its size hints, on X11). */
  if (frame_ms > 0)
    printf ("search_%s_all_cpu_ms=%.3f\n", k->kind, thread_cpu_ms () - search->start_cpu);
  printf ("# \"%s\": handler %.3f ms (CPU %.3f), frame %.3f ms (CPU %.3f), %u results\n", k->text,
          search->handler_ms, search->handler_cpu_ms, frame_ms, frame_cpu_ms,
          g_list_model_get_n_items (search->list_model));
  fflush (stdout);
  search->step++;
  next_keystroke (search);
}

static gboolean
search_hook_cb (GSignalInvocationHint *hint,
                guint n_params,
                const GValue *params,
                gpointer user_data)
{
  Search *search = user_data;

  if (g_value_get_object (&params[0]) == (gpointer) search->entry)
    {
      search->start = g_get_monotonic_time ();
      search->start_cpu = thread_cpu_ms ();
      search->list_changed = FALSE;
    }
  return TRUE;
}

static void
items_changed_cb (GListModel *model, guint position, guint removed, guint added, Search *search)
{
  search->list_changed = TRUE;
}

static void
search_changed_after_cb (GtkSearchEntry *entry, Search *search)
{
  search->handler_ms = (g_get_monotonic_time () - search->start) / 1000.0;
  search->handler_cpu_ms = thread_cpu_ms () - search->start_cpu;
  if (!search->list_changed)
    {
      /* Nothing to draw again: the handler is the whole cost. */
      report (search, 0, 0);
      return;
    }
  search->waiting_frame = TRUE;
  search->before_paint = 0;
}

static void
before_paint_cb (GdkFrameClock *clock, Search *search)
{
  if (search->waiting_frame)
    {
      search->before_paint = g_get_monotonic_time ();
      search->before_paint_cpu = thread_cpu_ms ();
    }
}

static void
after_paint_cb (GdkFrameClock *clock, Search *search)
{
  if (!search->waiting_frame || search->before_paint == 0)
    return;
  search->waiting_frame = FALSE;
  report (search, (g_get_monotonic_time () - search->before_paint) / 1000.0,
          thread_cpu_ms () - search->before_paint_cpu);
}

static gboolean
timeout_cb (gpointer user_data)
{
  g_printerr ("bench-startup: a keystroke got no answer within 60 s\n");
  exit (1);
}

static void
next_keystroke (Search *search)
{
  g_clear_handle_id (&search->timeout_id, g_source_remove);
  if (search->step == search->rounds * G_N_ELEMENTS (keystrokes))
    {
      g_application_quit (search->app);
      return;
    }
  search->timeout_id = g_timeout_add_seconds (60, timeout_cb, search);

  /* One edit, as a key press makes it (gtk_editable_set_text() would empty the entry first,
   * which a search entry reports at once): type at the end, or delete the end. */
  {
    GtkEditable *editable = GTK_EDITABLE (search->entry);
    const char *target = keystrokes[search->step % G_N_ELEMENTS (keystrokes)].text;
    const char *current = gtk_editable_get_text (editable);
    int length = (int) g_utf8_strlen (current, -1);

    if (g_str_has_prefix (target, current))
      {
        int position = length;

        gtk_editable_insert_text (editable, target + strlen (current), -1, &position);
      }
    else if (g_str_has_prefix (current, target))
      gtk_editable_delete_text (editable, (int) g_utf8_strlen (target, -1), length);
    else
      g_error ("bench-startup: \"%s\" is not one edit away from \"%s\"", target, current);
  }
}

static void
shown_cb (GtkWindow *window, gpointer user_data)
{
  GApplication *app = user_data;
  Search *search;
  GtkWidget *list;

  if (g_getenv ("BENCH_SEARCH") == NULL)
    {
      g_application_quit (app);
      return;
    }

  search = g_new0 (Search, 1);
  search->app = app;
  search->rounds = DEFAULT_ROUNDS;
  if (g_getenv ("BENCH_SEARCH_ROUNDS") != NULL)
    search->rounds = MAX (1, (guint) atoi (g_getenv ("BENCH_SEARCH_ROUNDS")));
  search->entry = bench_find_descendant (GTK_WIDGET (window), GTK_TYPE_SEARCH_ENTRY);
  list = bench_find_descendant (GTK_WIDGET (window), GTK_TYPE_LIST_VIEW);
  if (search->entry == NULL || list == NULL)
    g_error ("bench-startup: no search entry or list view in the window");
  search->list_model = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (list)));
  search->clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  search->n_results = g_list_model_get_n_items (search->list_model);
  /* As Ctrl+F does: with the search bar closed, the entry would be emptied again. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL);

  g_signal_add_emission_hook (g_signal_lookup ("search-changed", GTK_TYPE_SEARCH_ENTRY), 0,
                              search_hook_cb, search, NULL);
  g_signal_connect_after (search->entry, "search-changed", G_CALLBACK (search_changed_after_cb),
                          search);
  g_signal_connect (search->list_model, "items-changed", G_CALLBACK (items_changed_cb), search);
  g_signal_connect (search->clock, "before-paint", G_CALLBACK (before_paint_cb), search);
  g_signal_connect_after (search->clock, "after-paint", G_CALLBACK (after_paint_cb), search);
  next_keystroke (search);
}

static void
window_added_cb (GtkApplication *app, GtkWindow *window, gpointer user_data)
{
  static gboolean watched = FALSE;

  if (watched)
    return;
  watched = TRUE;
  bench_watch_window (window, shown_cb, app);
}

int
main (int argc, char *argv[])
{
  g_autoptr (RempartApplication) app = NULL;

  bench_t0 ();
  rempart_i18n_init ();
  app = rempart_application_new ();
  g_application_set_flags (G_APPLICATION (app),
                           G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "window-added", G_CALLBACK (window_added_cb), NULL);
  return g_application_run (G_APPLICATION (app), 1, argv);
}
