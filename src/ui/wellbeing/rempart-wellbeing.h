/* rempart-wellbeing.h: the application's care for the volunteer: breaks, and (later) reminders
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define REMPART_TYPE_WELLBEING (rempart_wellbeing_get_type ())
G_DECLARE_FINAL_TYPE (RempartWellbeing, rempart_wellbeing, REMPART, WELLBEING, GObject)

/* Watches the windows of @application (for the break timer) and @settings. */
RempartWellbeing *rempart_wellbeing_new (GtkApplication *application, GSettings *settings);

/* Tests: a break every @seconds instead of the setting's minutes (0: the setting). */
void rempart_wellbeing_set_break_seconds_for_testing (RempartWellbeing *self, guint seconds);

G_END_DECLS
