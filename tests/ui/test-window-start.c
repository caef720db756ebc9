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
  gboolean empty_status_at_first_paint; /* the groups' "Last checked" line shown empty */
  guint paints_at_store;                /* G_MAXUINT until the store is handed over */
} Start;

static void
paint_cb (GdkFrameClock *clock, gpointer user_data)
{
  Start *start = user_data;
  GtkWidget *status;

  if (start->paints++ > 0)
    return;

  start->first_paint = g_get_monotonic_time ();
  start->rows_at_first_paint =
      g_list_model_get_n_items (G_LIST_MODEL (rempart_window_get_model (start->window)));
  start->store_at_first_paint = rempart_application_get_store (start->app) != NULL;
  status = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (start->window),
                                                      REMPART_TYPE_WINDOW, "sync_status_label"));
  start->empty_status_at_first_paint =
      gtk_widget_get_visible (status) && *gtk_label_get_text (GTK_LABEL (status)) == '\0';
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
      /* Nothing to say yet about the groups' last check (or "Offline", should the network
       * change meanwhile): no empty line that the store, once handed over, would take away
       * (a layout of the whole window, and a frame that held up the first rows). */
      g_assert_false (start.empty_status_at_first_paint);
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

static gboolean
store_waiting_or_open (gpointer data)
{
  return rempart_application_get_store_waiting_for_testing (data) ||
         rempart_application_get_store (data) != NULL;
}

static void
count_cb (GObject *object, GParamSpec *pspec, gpointer user_data)
{
  (*(guint *) user_data)++;
}

/* Waits until the store is open and waits for the first frame; FALSE (and the test skipped)
 * when the first frame came first, as it may on a loaded machine. */
static gboolean
wait_for_waiting_store (RempartApplication *app)
{
  g_assert_true (rempart_ui_test_iterate_until (store_waiting_or_open, app));
  if (rempart_application_get_store_waiting_for_testing (app))
    return TRUE;
  g_test_skip ("the first frame came before the store was open");
  return FALSE;
}

static void
closed_before_first_frame (void)
{
  g_autoptr (RempartApplication) app = rempart_ui_test_application_new ();
  GtkWindow *window;

  /* Closed before a frame is drawn, the store open and waiting for it. */
  g_application_activate (G_APPLICATION (app));
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_nonnull (window);
  if (wait_for_waiting_store (app))
    {
      gtk_window_destroy (window);
      /* Handed over at once, not after the application's longest wait (10 s, more than the
       * 5 s this waits in a build without sanitizers). */
      g_assert_true (rempart_ui_test_iterate_until (has_store, app));
    }
  else
    gtk_window_destroy (window);

  /* The next window lists the actions. */
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

typedef struct
{
  RempartApplication *app;
  guint activations;
  gboolean saw_waiting;
  guint activations_while_waiting;
} Again;

static gboolean
activate_again (gpointer data)
{
  Again *again = data;
  GtkWindow *window;

  gboolean waiting = rempart_application_get_store_waiting_for_testing (again->app);

  again->saw_waiting |= waiting;
  /* A second launch, a join link or a notification, each an activation: the first at once,
   * then now and then, as real activations come, when the main loop has nothing else to
   * do. (Not at every turn: each presents the window, and on a loaded machine the X events
   * that follow were likely always pending; they are dispatched before the frame clock's
   * drawing, whose priority is lower, so the first frame waited for the application's
   * longest wait.) */
  if (again->activations == 0 || !g_main_context_pending (NULL))
    {
      g_application_activate (G_APPLICATION (again->app));
      again->activations++;
      again->activations_while_waiting += waiting;
    }
  window = gtk_application_get_active_window (GTK_APPLICATION (again->app));
  return window != NULL && model_has_rows (window);
}

/* Activated again and again while the store opens and waits: one store, one sync. */
static void
activated_while_waiting (void)
{
  g_autoptr (RempartApplication) app = rempart_ui_test_application_new ();
  Again again = { app, 0, FALSE, 0 };
  guint stores = 0;

  g_signal_connect (app, "notify::store", G_CALLBACK (count_cb), &stores);
  g_assert_true (rempart_ui_test_iterate_until (activate_again, &again));
  g_assert_cmpuint (stores, ==, 1);
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, 1);
  if (!again.saw_waiting)
    g_test_message ("the store never waited (%u activations)", again.activations);
  else
    g_test_message ("%u activations, %u while the store waited", again.activations,
                    again.activations_while_waiting);

  g_signal_handlers_disconnect_by_data (app, &stores);
  gtk_window_destroy (gtk_application_get_active_window (GTK_APPLICATION (app)));
  rempart_ui_test_application_shutdown (app);
}

/* Quit while the store waits for the first frame: it is closed, and nothing starts after. */
static void
shut_down_while_waiting (void)
{
  g_autoptr (RempartApplication) app = rempart_ui_test_application_new ();
  GtkWindow *window;
  guint stores = 0;

  g_signal_connect (app, "notify::store", G_CALLBACK (count_cb), &stores);
  g_application_activate (G_APPLICATION (app));
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  if (wait_for_waiting_store (app))
    {
      rempart_ui_test_application_shutdown (app);
      g_assert_false (rempart_application_get_store_waiting_for_testing (app));
      /* The window's first frame comes, and goes by without a store. */
      g_assert_true (rempart_ui_test_iterate_until (rempart_ui_test_widget_is_drawn, window));
      rempart_ui_test_iterate_a_little ();
      g_assert_null (rempart_application_get_store (app));
      g_assert_cmpuint (stores, ==, 0);
    }
  else
    rempart_ui_test_application_shutdown (app);

  g_signal_handlers_disconnect_by_data (app, &stores);
  gtk_window_destroy (window);
}

/* One application a process (its D-Bus object): each of these in a process of its own. */
static void
run_in_subprocess (gconstpointer data)
{
  void (*body) (void) = data;

  if (g_test_subprocess ())
    {
      body ();
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
  g_test_add_data_func ("/window-start/closed-before-first-frame", closed_before_first_frame,
                        run_in_subprocess);
  g_test_add_data_func ("/window-start/activated-while-waiting", activated_while_waiting,
                        run_in_subprocess);
  g_test_add_data_func ("/window-start/shut-down-while-waiting", shut_down_while_waiting,
                        run_in_subprocess);

  ret = g_test_run ();
  rempart_test_dir_remove (data_home);
  return ret;
}
