/* rempart-wellbeing.h: the application's care for the volunteer: breaks and the daily reminder
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rempart-daily-reminder.h"
#include "rempart-store.h"

G_BEGIN_DECLS

#define REMPART_TYPE_WELLBEING (rempart_wellbeing_get_type ())
G_DECLARE_FINAL_TYPE (RempartWellbeing, rempart_wellbeing, REMPART, WELLBEING, GObject)

/* Watches the windows of @application (for the break timer) and @settings; runs the daily
 * reminder, and holds @application while run-in-background is on, so that closing its last
 * window does not end it. */
RempartWellbeing *rempart_wellbeing_new (GtkApplication *application, GSettings *settings);

/* Returns: (transfer none) (nullable): the one made for @application */
RempartWellbeing *rempart_wellbeing_get_for_application (GtkApplication *application);

/* The store, once open: the daily reminder counts the day's actions in it. */
void rempart_wellbeing_set_store (RempartWellbeing *self, RempartStore *store);

/* The volunteer chose Quit: the application is no longer held, so it ends with its windows
 * even when it runs in the background. */
void rempart_wellbeing_quit (RempartWellbeing *self);

/* Returns: whether the application is held for running in the background */
gboolean rempart_wellbeing_get_holding (RempartWellbeing *self);

RempartDailyReminder *rempart_wellbeing_get_daily_reminder (RempartWellbeing *self);

/* Tests: a break every @seconds instead of the setting's minutes (0: the setting). */
void rempart_wellbeing_set_break_seconds_for_testing (RempartWellbeing *self, guint seconds);

G_END_DECLS
