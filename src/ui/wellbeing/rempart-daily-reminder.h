/* rempart-daily-reminder.h: the daily reminder's notification and app.show-today
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rempart-reminder-timer.h"
#include "rempart-store.h"

G_BEGIN_DECLS

#define REMPART_TYPE_DAILY_REMINDER (rempart_daily_reminder_get_type ())
G_DECLARE_FINAL_TYPE (RempartDailyReminder,
                      rempart_daily_reminder,
                      REMPART,
                      DAILY_REMINDER,
                      GObject)

/* Follows daily-reminder and daily-reminder-time in @settings, and adds `app.show-today` to
 * @application. */
RempartDailyReminder *rempart_daily_reminder_new (GtkApplication *application, GSettings *settings);

/* The store to count the day's actions in; a reminder due before it is open waits for it. */
void rempart_daily_reminder_set_store (RempartDailyReminder *self, RempartStore *store);

/* Tests: the clock (rempart_reminder_timer_set_clock_for_testing()). */
RempartReminderTimer *rempart_daily_reminder_get_timer (RempartDailyReminder *self);

/* The notification's title and body for @new_today actions first seen today and @waiting in
 * To Do in all; %FALSE when there is nothing to remind of. */
gboolean
rempart_daily_reminder_get_text (guint new_today, guint waiting, char **title, char **body);

G_END_DECLS
