/* rempart-reminder.h: when the daily reminder fires next
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * rempart_reminder_next:
 * @after: Unix seconds; the result is strictly later
 * @tz: the time zone of the wall clock (the local one in the app)
 * @hour: 0–23
 * @minute: 0–59
 *
 * The next time the wall clock in @tz shows @hour:@minute. On the day clocks go forward past
 * that time (it does not exist), the reminder fires at the change itself; on the day they go
 * back over it (it happens twice), it fires once, at the later of the two.
 *
 * Returns: Unix seconds
 */
gint64 rempart_reminder_next (gint64 after, GTimeZone *tz, guint hour, guint minute);

G_END_DECLS
