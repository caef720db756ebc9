/* rempart-reminder.h: when the daily reminder fires next
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "rempart-store-types.h"

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

/*
 * rempart_reminder_local_zone:
 *
 * The local time zone as it is now: `TZ` when set, else the zone `/etc/localtime` points to,
 * read again at each call (g_time_zone_new_local() keeps the zone of the first call, and a
 * laptop that travels changes /etc/localtime while Rempart runs in the background).
 *
 * Returns: (transfer full): the zone
 */
GTimeZone *rempart_reminder_local_zone (void);

/*
 * rempart_reminder_local_day:
 *
 * Returns: the calendar day of @time in @tz as YYYYMMDD, for comparing two instants' days
 */
guint rempart_reminder_local_day (gint64 time, GTimeZone *tz);

/*
 * rempart_reminder_count_new:
 * @actions: (element-type RempartStoredAction): the To Do list
 * @tz: the zone of the wall clock
 * @now: Unix seconds
 *
 * Returns: how many of @actions were first seen on @now's local calendar day
 */
guint rempart_reminder_count_new (GPtrArray *actions, GTimeZone *tz, gint64 now);

G_END_DECLS
