/* rempart-reminder-timer.h: the daily reminder's clock
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define REMPART_TYPE_REMINDER_TIMER (rempart_reminder_timer_get_type ())
G_DECLARE_FINAL_TYPE (RempartReminderTimer,
                      rempart_reminder_timer,
                      REMPART,
                      REMINDER_TIMER,
                      GObject)

/* Microseconds since the epoch, like g_get_real_time(). */
typedef gint64 (*RempartReminderClock) (gpointer user_data);

/*
 * RempartReminderTimer emits ::due (gint64 time, the Unix time it was due) once a day when
 * the wall clock shows the chosen time (rempart_reminder_next()) in the local zone of the
 * moment (rempart_reminder_local_zone()). It never sleeps until the due time: it looks at the
 * wall clock again at least once a minute, so a suspended computer, a clock set by NTP or a
 * new time zone move the reminder with them. A time missed while the computer was off or
 * asleep is sent on waking if it is still the same day, and dropped otherwise; a day never
 * gets two reminders, even when a new time zone shows the time again.
 */
RempartReminderTimer *rempart_reminder_timer_new (void);

/* Off by default. Turning it on, or changing the time, counts from now: a time already past
 * today is for tomorrow. */
void rempart_reminder_timer_set_enabled (RempartReminderTimer *self, gboolean enabled);
gboolean rempart_reminder_timer_get_enabled (RempartReminderTimer *self);

/* @minutes after local midnight, 0–1439 (the daily-reminder-time setting). */
void rempart_reminder_timer_set_time (RempartReminderTimer *self, guint minutes);

/* Returns: the Unix time it is next due, 0 when off */
gint64 rempart_reminder_timer_get_next (RempartReminderTimer *self);

/* Tests: a clock of their own instead of g_get_real_time(), looked at every @poll_ms
 * milliseconds at most (instead of every minute). %NULL @clock puts the real one back. */
void rempart_reminder_timer_set_clock_for_testing (RempartReminderTimer *self,
                                                   RempartReminderClock clock,
                                                   gpointer user_data,
                                                   guint poll_ms);

G_END_DECLS
