/* rempart-first-frame.c: waiting for a window's first frame
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rempart-first-frame.h"

struct _RempartFirstFrame
{
  GdkFrameClock *clock;
  GtkWidget *window; /* weak */
  guint timeout;
  RempartFirstFrameFunc func;
  gpointer user_data;
};

static void after_paint_cb (GdkFrameClock *clock, gpointer user_data);
static void unrealize_cb (GtkWidget *window, gpointer user_data);

/* -------------------------------------------------------------------------------------- */
/* Helpers                                                                                */
/* -------------------------------------------------------------------------------------- */

static void
first_frame_free (RempartFirstFrame *self)
{
  /* By function: the handlers may be gone already (a frame clock's dispose drops them). */
  g_signal_handlers_disconnect_by_func (self->clock, after_paint_cb, self);
  if (self->window != NULL)
    g_signal_handlers_disconnect_by_func (self->window, unrealize_cb, self);
  g_clear_object (&self->clock);
  g_clear_weak_pointer (&self->window);
  g_clear_handle_id (&self->timeout, g_source_remove);
  g_free (self);
}

/* Freed before the call: the function may wait again, or cancel nothing. */
static void
first_frame_done (RempartFirstFrame *self)
{
  RempartFirstFrameFunc func = self->func;
  gpointer user_data = self->user_data;

  first_frame_free (self);
  func (user_data);
}

/* -------------------------------------------------------------------------------------- */
/* Callbacks                                                                              */
/* -------------------------------------------------------------------------------------- */

static void
after_paint_cb (GdkFrameClock *clock, gpointer user_data)
{
  first_frame_done (user_data);
}

/* Closed before its first frame: whoever waits for it must not wait for ever. */
static void
unrealize_cb (GtkWidget *window, gpointer user_data)
{
  first_frame_done (user_data);
}

/* A window that is never drawn. */
static gboolean
timeout_cb (gpointer user_data)
{
  RempartFirstFrame *self = user_data;

  self->timeout = 0;
  first_frame_done (self);
  return G_SOURCE_REMOVE;
}

/* -------------------------------------------------------------------------------------- */
/* Public API                                                                             */
/* -------------------------------------------------------------------------------------- */

/*
 * rempart_first_frame_wait:
 * @window: a realized window
 * @timeout_ms: how long to wait at most
 * @func: called once, on the main loop, after the first frame (or the window's unrealize, or
 *   the timeout); the wait is freed before it is called
 *
 * Returns: (transfer full) (nullable): the wait, to cancel while @func has not been called;
 *   %NULL, calling nothing, when @window has no frame clock (it is not realized)
 */
RempartFirstFrame *
rempart_first_frame_wait (GtkWidget *window,
                          guint timeout_ms,
                          RempartFirstFrameFunc func,
                          gpointer user_data)
{
  GdkFrameClock *clock;
  RempartFirstFrame *self;

  g_return_val_if_fail (GTK_IS_WIDGET (window), NULL);
  g_return_val_if_fail (func != NULL, NULL);

  clock = gtk_widget_get_frame_clock (window);
  if (clock == NULL)
    return NULL;

  self = g_new0 (RempartFirstFrame, 1);
  self->func = func;
  self->user_data = user_data;
  self->clock = g_object_ref (clock);
  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), self);
  g_set_weak_pointer (&self->window, window);
  g_signal_connect (window, "unrealize", G_CALLBACK (unrealize_cb), self);
  self->timeout = g_timeout_add (timeout_ms, timeout_cb, self);
  return self;
}

/*
 * rempart_first_frame_cancel:
 * @wait: (transfer full): a wait whose function has not been called
 *
 * Frees @wait; its function is never called.
 */
void
rempart_first_frame_cancel (RempartFirstFrame *wait)
{
  g_return_if_fail (wait != NULL);

  first_frame_free (wait);
}
