/* rempart-break-timer.c: time spent with Rempart in front, and when a break is due
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Rempart"

#include "config.h"

#include "rempart-break-timer.h"

struct _RempartBreakTimer
{
  GObject parent_instance;

  guint seconds;
  gint64 counted_us;   /* time counted before the current active stretch */
  gint64 active_since; /* monotonic µs, 0 while inactive */
  guint source;        /* fires when the break is due, while active */
};

G_DEFINE_FINAL_TYPE (RempartBreakTimer, rempart_break_timer, G_TYPE_OBJECT)

enum
{
  SIGNAL_BREAK_DUE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void schedule (RempartBreakTimer *self);

/* -------------------------------------------------------------------------------------- */
/* Helpers                                                                                */
/* -------------------------------------------------------------------------------------- */

static gint64
elapsed_us (RempartBreakTimer *self)
{
  gint64 elapsed = self->counted_us;

  if (self->active_since != 0)
    elapsed += g_get_monotonic_time () - self->active_since;

  return elapsed;
}

static gboolean
due_cb (gpointer user_data)
{
  RempartBreakTimer *self = user_data;
  gint64 due = (gint64) self->seconds * G_USEC_PER_SEC;

  self->source = 0;

  /* A timeout may fire a little early: wait for the rest rather than nag too soon. */
  if (elapsed_us (self) < due)
    {
      schedule (self);
      return G_SOURCE_REMOVE;
    }

  self->counted_us = 0;
  self->active_since = g_get_monotonic_time ();
  schedule (self);
  g_signal_emit (self, signals[SIGNAL_BREAK_DUE], 0);

  return G_SOURCE_REMOVE;
}

static void
schedule (RempartBreakTimer *self)
{
  gint64 remaining_us;

  g_clear_handle_id (&self->source, g_source_remove);
  if (self->active_since == 0)
    return;

  remaining_us = MAX ((gint64) self->seconds * G_USEC_PER_SEC - elapsed_us (self), 0);
  self->source = g_timeout_add ((guint) MIN ((remaining_us + 999) / 1000, G_MAXUINT), due_cb, self);
}

/* -------------------------------------------------------------------------------------- */
/* Overrides                                                                              */
/* -------------------------------------------------------------------------------------- */

static void
rempart_break_timer_dispose (GObject *object)
{
  RempartBreakTimer *self = REMPART_BREAK_TIMER (object);

  g_clear_handle_id (&self->source, g_source_remove);

  G_OBJECT_CLASS (rempart_break_timer_parent_class)->dispose (object);
}

static void
rempart_break_timer_class_init (RempartBreakTimerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rempart_break_timer_dispose;

  /**
   * RempartBreakTimer::break-due:
   *
   * The volunteer has had the app in front for the chosen time since the last break.
   */
  signals[SIGNAL_BREAK_DUE] = g_signal_new ("break-due", G_TYPE_FROM_CLASS (klass),
                                            G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
rempart_break_timer_init (RempartBreakTimer *self)
{
}

/* -------------------------------------------------------------------------------------- */
/* Public API                                                                             */
/* -------------------------------------------------------------------------------------- */

RempartBreakTimer *
rempart_break_timer_new (guint seconds)
{
  RempartBreakTimer *self = g_object_new (REMPART_TYPE_BREAK_TIMER, NULL);

  g_return_val_if_fail (seconds > 0, self);

  self->seconds = seconds;
  return self;
}

void
rempart_break_timer_set_seconds (RempartBreakTimer *self, guint seconds)
{
  g_return_if_fail (REMPART_IS_BREAK_TIMER (self));
  g_return_if_fail (seconds > 0);

  self->seconds = seconds;
  schedule (self);
}

void
rempart_break_timer_set_active (RempartBreakTimer *self, gboolean active)
{
  g_return_if_fail (REMPART_IS_BREAK_TIMER (self));

  active = !!active;
  if (active == (self->active_since != 0))
    return;

  if (active)
    self->active_since = g_get_monotonic_time ();
  else
    {
      self->counted_us = elapsed_us (self);
      self->active_since = 0;
    }
  schedule (self);
}

gboolean
rempart_break_timer_get_active (RempartBreakTimer *self)
{
  g_return_val_if_fail (REMPART_IS_BREAK_TIMER (self), FALSE);

  return self->active_since != 0;
}

gint64
rempart_break_timer_get_elapsed_ms (RempartBreakTimer *self)
{
  g_return_val_if_fail (REMPART_IS_BREAK_TIMER (self), 0);

  return elapsed_us (self) / 1000;
}

void
rempart_break_timer_reset (RempartBreakTimer *self)
{
  g_return_if_fail (REMPART_IS_BREAK_TIMER (self));

  self->counted_us = 0;
  if (self->active_since != 0)
    self->active_since = g_get_monotonic_time ();
  schedule (self);
}
