/* rempart-reminder-timer.c: the daily reminder's clock
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Rempart"

#include "config.h"

#include "rempart-reminder-timer.h"
#include "rempart-reminder.h"

/* How long the timer waits at most before it looks at the wall clock again. GLib's timeouts
 * run on the monotonic clock, which stops while the computer is suspended: a single timeout
 * until six in the evening would come hours late after a night asleep. */
#define REMPART_REMINDER_POLL_MS 60000

struct _RempartReminderTimer
{
  GObject parent_instance;

  gboolean enabled;
  guint minutes;

  gint64 since;    /* Unix seconds: the next due time is after this */
  guint last_day;  /* YYYYMMDD of the last reminder, in the zone of that moment; 0: none */
  gint64 next;     /* Unix seconds, 0 when off */
  guint source_id; /* the next look at the clock */

  RempartReminderClock clock;
  gpointer clock_data;
  guint poll_ms;
};

G_DEFINE_FINAL_TYPE (RempartReminderTimer, rempart_reminder_timer, G_TYPE_OBJECT)

enum
{
  SIGNAL_DUE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void schedule (RempartReminderTimer *self);

/* -------------------------------------------------------------------------------------- */
/* Helpers                                                                                */
/* -------------------------------------------------------------------------------------- */

static gint64
now_usec (RempartReminderTimer *self)
{
  return self->clock != NULL ? self->clock (self->clock_data) : g_get_real_time ();
}

/* The first due time after @after that is not on the day of the last reminder. */
static gint64
next_due (RempartReminderTimer *self, gint64 after, GTimeZone *tz)
{
  guint hour = self->minutes / 60, minute = self->minutes % 60;
  gint64 due = rempart_reminder_next (after, tz, hour, minute);

  if (self->last_day != 0 && rempart_reminder_local_day (due, tz) == self->last_day)
    due = rempart_reminder_next (due, tz, hour, minute);

  return due;
}

static gboolean
tick_cb (gpointer user_data)
{
  RempartReminderTimer *self = user_data;

  self->source_id = 0;
  schedule (self);

  return G_SOURCE_REMOVE;
}

/* Looks at the wall clock: emits ::due when a due time has come, then waits for the next. */
static void
schedule (RempartReminderTimer *self)
{
  g_autoptr (GTimeZone) tz = NULL;
  gint64 now_us, now, due, wait_ms;

  g_clear_handle_id (&self->source_id, g_source_remove);
  if (!self->enabled)
    {
      self->next = 0;
      return;
    }

  now_us = now_usec (self);
  now = now_us / G_USEC_PER_SEC;
  tz = rempart_reminder_local_zone ();
  due = next_due (self, self->since, tz);

  if (due <= now)
    {
      guint today = rempart_reminder_local_day (now, tz);

      self->since = now;
      if (rempart_reminder_local_day (due, tz) == today)
        {
          self->last_day = today;
          self->next = next_due (self, now, tz);
          /* Last: a handler may change the time or turn the reminder off. */
          g_object_ref (self);
          g_signal_emit (self, signals[SIGNAL_DUE], 0, due);
          if (self->source_id == 0 && self->enabled)
            schedule (self);
          g_object_unref (self);
          return;
        }

      g_debug ("Daily reminder of %" G_GINT64_FORMAT " missed on another day: not sent", due);
      due = next_due (self, now, tz);
    }

  self->next = due;
  wait_ms = (due * G_USEC_PER_SEC - now_us) / 1000 + 1;
  wait_ms = CLAMP (wait_ms, 1, (gint64) self->poll_ms);
  self->source_id = g_timeout_add ((guint) wait_ms, tick_cb, self);
}

/* -------------------------------------------------------------------------------------- */
/* Overrides                                                                              */
/* -------------------------------------------------------------------------------------- */

static void
rempart_reminder_timer_dispose (GObject *object)
{
  RempartReminderTimer *self = REMPART_REMINDER_TIMER (object);

  g_clear_handle_id (&self->source_id, g_source_remove);

  G_OBJECT_CLASS (rempart_reminder_timer_parent_class)->dispose (object);
}

static void
rempart_reminder_timer_class_init (RempartReminderTimerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rempart_reminder_timer_dispose;

  /**
   * RempartReminderTimer::due:
   * @time: the Unix time it was due (earlier than now after a suspend)
   */
  signals[SIGNAL_DUE] = g_signal_new ("due", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                      NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
}

static void
rempart_reminder_timer_init (RempartReminderTimer *self)
{
  self->minutes = 18 * 60;
  self->poll_ms = REMPART_REMINDER_POLL_MS;
}

/* -------------------------------------------------------------------------------------- */
/* Public API                                                                             */
/* -------------------------------------------------------------------------------------- */

RempartReminderTimer *
rempart_reminder_timer_new (void)
{
  return g_object_new (REMPART_TYPE_REMINDER_TIMER, NULL);
}

void
rempart_reminder_timer_set_enabled (RempartReminderTimer *self, gboolean enabled)
{
  g_return_if_fail (REMPART_IS_REMINDER_TIMER (self));

  enabled = !!enabled;
  if (self->enabled == enabled)
    return;

  self->enabled = enabled;
  self->since = now_usec (self) / G_USEC_PER_SEC;
  schedule (self);
}

gboolean
rempart_reminder_timer_get_enabled (RempartReminderTimer *self)
{
  g_return_val_if_fail (REMPART_IS_REMINDER_TIMER (self), FALSE);

  return self->enabled;
}

void
rempart_reminder_timer_set_time (RempartReminderTimer *self, guint minutes)
{
  g_return_if_fail (REMPART_IS_REMINDER_TIMER (self));
  g_return_if_fail (minutes < 24 * 60);

  if (self->minutes == minutes)
    return;

  self->minutes = minutes;
  self->since = now_usec (self) / G_USEC_PER_SEC;
  /* A new time is a new choice: the reminder already sent today does not stand in for it. */
  self->last_day = 0;
  schedule (self);
}

gint64
rempart_reminder_timer_get_next (RempartReminderTimer *self)
{
  g_return_val_if_fail (REMPART_IS_REMINDER_TIMER (self), 0);

  return self->next;
}

void
rempart_reminder_timer_set_clock_for_testing (RempartReminderTimer *self,
                                              RempartReminderClock clock,
                                              gpointer user_data,
                                              guint poll_ms)
{
  g_return_if_fail (REMPART_IS_REMINDER_TIMER (self));

  self->clock = clock;
  self->clock_data = user_data;
  self->poll_ms = clock != NULL && poll_ms > 0 ? poll_ms : REMPART_REMINDER_POLL_MS;
  self->since = now_usec (self) / G_USEC_PER_SEC;
  schedule (self);
}
