/* test-window-start.c: the main window's first frame, then its list
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "rempart-action-model.h"
#include "rempart-application.h"
#include "rempart-test-dirs.h"
#include "rempart-ui-test.h"
#include "rempart-window.h"

/*
 * Starting Rempart opens the store on its thread while the window is built, and hands it to
 * the window once the window's first frame is drawn (docs/performance.md, change 36): the
 * first frame is the window without rows, and the rows come in the frames after it. A window
 * closed before its first frame must not keep the store from the next one.
 */

/* rempart-application.c: an open store is handed over without waiting longer than this for
 * the first frame. */
#define FIRST_FRAME_WAIT_US (10000 * G_TIME_SPAN_MILLISECOND)

typedef struct
{
  RempartApplication *app;
  RempartWindow *window;
  gint64 activated;
  gint64 first_paint;
  guint paints;
  guint rows_at_first_paint;
  gboolean store_at_first_paint;
  guint paints_at_store; /* G_MAXUINT until the store is handed over */
} Start;

static void
paint_cb (GdkFrameClock *clock, gpointer user_data)
{
  Start *start = user_data;

  if (start->paints++ > 0)
    return;

  start->first_paint = g_get_monotonic_time ();
  start->rows_at_first_paint =
      g_list_model_get_n_items (G_LIST_MODEL (rempart_window_get_model (start->window)));
  start->store_at_first_paint = rempart_application_get_store (start->app) != NULL;
}

static void
store_notify_cb (GObject *object, GParamSpec *pspec, gpointer user_data)
{
  Start *start = user_data;

  if (start->paints_at_store == G_MAXUINT && rempart_application_get_store (start->app) != NULL)
    start->paints_at_store = start->paints;
}

static gboolean
has_store (gpointer data)
{
  return rempart_application_get_store (data) != NULL;
}

static gboolean
model_has_rows (gpointer data)
{
  return g_list_model_get_n_items (G_LIST_MODEL (rempart_window_get_model (data))) > 0;
}

static void
test_first_frame_then_rows (void)
{
  Start start = { .paints_at_store = G_MAXUINT };
  GdkFrameClock *clock;
  gulong paint_handler;

  start.app = rempart_ui_test_application_new ();
  g_signal_connect (start.app, "notify::store", G_CALLBACK (store_notify_cb), &start);

  /* What the desktop does when the volunteer starts Rempart. */
  start.activated = g_get_monotonic_time ();
  g_application_activate (G_APPLICATION (start.app));
  start.window = REMPART_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (start.app)));
  g_assert_nonnull (start.window);
  /* Presented by the activation: its frame clock is there, its first frame to come. */
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (start.window));
  g_assert_nonnull (clock);
  g_assert_null (rempart_application_get_store (start.app));
  paint_handler = g_signal_connect (clock, "paint", G_CALLBACK (paint_cb), &start);

  /* The first run's list: the example actions, once the store is there. */
  g_assert_true (rempart_ui_test_iterate_until (has_store, start.app));
  g_assert_true (rempart_ui_test_iterate_until (model_has_rows, start.window));

  /* The first frame had no store and no rows; the store came after it was painted. (Unless
   * the first frame took longer than the application waits for it: seen under the
   * sanitizers on a loaded machine only.) */
  g_assert_cmpuint (start.paints, >=, 1);
  g_assert_cmpuint (start.paints_at_store, !=, G_MAXUINT);
  if (start.first_paint - start.activated < FIRST_FRAME_WAIT_US)
    {
      g_assert_false (start.store_at_first_paint);
      g_assert_cmpuint (start.rows_at_first_paint, ==, 0);
      g_assert_cmpuint (start.paints_at_store, >=, 1);
    }
  else
    g_test_message ("the first frame took %" G_GINT64_FORMAT " ms: not checked",
                    (start.first_paint - start.activated) / 1000);

  g_signal_handler_disconnect (clock, paint_handler);
  g_signal_handlers_disconnect_by_data (start.app, &start);
  gtk_window_destroy (GTK_WINDOW (start.window));
  rempart_ui_test_application_shutdown (start.app);
  g_object_unref (start.app);
}

static void
closed_before_first_frame (void)
{
  g_autoptr (RempartApplication) app = rempart_ui_test_application_new ();
  GtkWindow *window;

  /* Closed as soon as it is shown: no frame drawn. */
  g_application_activate (G_APPLICATION (app));
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_nonnull (window);
  gtk_window_destroy (window);

  /* The store still opens, and the next window lists its actions. */
  g_assert_true (rempart_ui_test_iterate_until (has_store, app));
  g_application_activate (G_APPLICATION (app));
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_nonnull (window);
  g_assert_true (rempart_ui_test_iterate_until (model_has_rows, window));
  g_assert_true (rempart_action_model_get_store (rempart_window_get_model (
                     REMPART_WINDOW (window))) == rempart_application_get_store (app));

  gtk_window_destroy (window);
  rempart_ui_test_application_shutdown (app);
}

/* One application a process (its D-Bus object): this one in a process of its own. */
static void
test_closed_before_first_frame (void)
{
  if (g_test_subprocess ())
    {
      closed_before_first_frame ();
      return;
    }
  g_test_trap_subprocess (NULL, 120 * G_USEC_PER_SEC,
                          G_TEST_SUBPROCESS_INHERIT_STDOUT | G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

int
main (int argc, char *argv[])
{
  g_autofree char *data_home = NULL;
  int ret;

  data_home = rempart_ui_test_make_data_home ("ui-window-start");
  g_setenv ("REMPART_NO_SYNC", "1", TRUE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/window-start/first-frame-then-rows", test_first_frame_then_rows);
  g_test_add_func ("/window-start/closed-before-first-frame", test_closed_before_first_frame);

  ret = g_test_run ();
  rempart_test_dir_remove (data_home);
  return ret;
}
