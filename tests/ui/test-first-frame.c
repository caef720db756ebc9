/* test-first-frame.c: a wait for a window's first frame ends once, the first way it can
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "rempart-first-frame.h"
#include "rempart-ui-test.h"

/*
 * The application hands its store to the windows when the new window's first frame is
 * painted, when that window goes before it, or after a timeout (tests/ui/test-window-start.c
 * checks the application's side). Here the wait itself: each of its three ends calls the
 * function once, and a cancelled wait never calls it. The windows are real, on the display
 * of xvfb-run; "never called" is checked after a later frame or timeout than the wait's own.
 */

typedef struct
{
  guint calls;
  gint64 painted_at; /* the monotonic time of the window's first "after-paint", or 0 */
  gint64 called_at;
} Count;

static void
count_cb (gpointer user_data)
{
  Count *count = user_data;

  count->calls++;
  count->called_at = g_get_monotonic_time ();
}

static gboolean
called (gpointer data)
{
  return ((Count *) data)->calls > 0;
}

static void
painted_cb (GdkFrameClock *clock, gpointer user_data)
{
  Count *count = user_data;

  if (count->painted_at == 0)
    count->painted_at = g_get_monotonic_time ();
}

static gboolean
flag_set (gpointer data)
{
  return *(gboolean *) data;
}

static gboolean
set_flag_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* A window with a frame clock that paints nothing until it is presented. GTK 4.8 warns when
 * such a window is destroyed without ever being shown: every test shows it before it goes. */
static GtkWidget *
realized_window (void)
{
  GtkWidget *window = gtk_window_new ();

  gtk_window_set_default_size (GTK_WINDOW (window), 200, 100);
  gtk_widget_realize (window);
  g_assert_nonnull (gtk_widget_get_frame_clock (window));
  return window;
}

/* After the first frame, once, however many frames follow. */
static void
test_first_frame_painted (void)
{
  GtkWidget *window = realized_window ();
  Count count = { 0 };
  RempartFirstFrame *wait;

  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (painted_cb),
                    &count);
  wait = rempart_first_frame_wait (window, 60000, count_cb, &count);
  g_assert_nonnull (wait);
  rempart_ui_test_dispatch_pending ();
  g_assert_cmpuint (count.calls, ==, 0);

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (rempart_ui_test_iterate_until (called, &count));
  g_assert_cmpint (count.painted_at, >, 0);
  g_assert_cmpint (count.called_at, >=, count.painted_at);

  /* More frames: the wait is over. */
  gtk_widget_queue_draw (window);
  g_assert_true (rempart_ui_test_iterate_until (rempart_ui_test_widget_is_drawn, window));
  rempart_ui_test_iterate_a_little ();
  g_assert_cmpuint (count.calls, ==, 1);

  g_signal_handlers_disconnect_by_func (gtk_widget_get_frame_clock (window), painted_cb, &count);
  gtk_window_destroy (GTK_WINDOW (window));
  rempart_ui_test_dispatch_pending ();
  g_assert_cmpuint (count.calls, ==, 1);
}

/* The window goes before its first frame (shown, and closed before the main loop runs): at
 * once. */
static void
test_first_frame_window_gone (void)
{
  GtkWidget *window = gtk_window_new ();
  Count count = { 0 };

  gtk_window_present (GTK_WINDOW (window));
  g_assert_nonnull (rempart_first_frame_wait (window, 60000, count_cb, &count));
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_cmpuint (count.calls, ==, 1);
  rempart_ui_test_dispatch_pending ();
  g_assert_cmpuint (count.calls, ==, 1);
}

/* A window never drawn: after the timeout, not before. */
static void
test_first_frame_timeout (void)
{
  GtkWidget *window = realized_window ();
  Count count = { 0 };
  gint64 start = g_get_monotonic_time ();

  g_assert_nonnull (rempart_first_frame_wait (window, 200, count_cb, &count));
  g_assert_true (rempart_ui_test_iterate_until (called, &count));
  g_assert_cmpint (count.called_at - start, >=, 200 * 1000);
  g_assert_cmpuint (count.calls, ==, 1);

  /* Drawn, then gone, after the timeout: nothing more. */
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (rempart_ui_test_iterate_until (rempart_ui_test_widget_is_drawn, window));
  gtk_window_destroy (GTK_WINDOW (window));
  rempart_ui_test_dispatch_pending ();
  g_assert_cmpuint (count.calls, ==, 1);
}

/* Cancelled: never, neither on the timeout, nor on the first frame, nor when the window goes. */
static void
test_first_frame_cancelled (void)
{
  GtkWidget *window = realized_window ();
  Count count = { 0 };
  gboolean later = FALSE;

  rempart_first_frame_cancel (rempart_first_frame_wait (window, 50, count_cb, &count));
  g_timeout_add (250, set_flag_cb, &later);
  g_assert_true (rempart_ui_test_iterate_until (flag_set, &later));

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (rempart_ui_test_iterate_until (rempart_ui_test_widget_is_drawn, window));
  gtk_window_destroy (GTK_WINDOW (window));
  rempart_ui_test_dispatch_pending ();
  g_assert_cmpuint (count.calls, ==, 0);
}

/* No frame clock (not realized): no wait, no call. */
static void
test_first_frame_unrealized (void)
{
  GtkWidget *window = gtk_window_new ();
  Count count = { 0 };

  g_assert_null (rempart_first_frame_wait (window, 50, count_cb, &count));
  gtk_window_destroy (GTK_WINDOW (window));
  rempart_ui_test_dispatch_pending ();
  g_assert_cmpuint (count.calls, ==, 0);
}

int
main (int argc, char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/first-frame/painted", test_first_frame_painted);
  g_test_add_func ("/first-frame/window-gone", test_first_frame_window_gone);
  g_test_add_func ("/first-frame/timeout", test_first_frame_timeout);
  g_test_add_func ("/first-frame/cancelled", test_first_frame_cancelled);
  g_test_add_func ("/first-frame/unrealized", test_first_frame_unrealized);

  return g_test_run ();
}
