/* rempart-reminder.c: when the daily reminder fires next
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "rempart-reminder.h"

/*
 * Calendar arithmetic, never "add 86,400 seconds": a day is 23 or 25 hours long on a DST
 * change. g_date_time_new() resolves a wall-clock time that does not exist to the change and
 * a repeated one to its later occurrence, which is the behaviour documented in the header.
 */

gint64
rempart_reminder_next (gint64 after, GTimeZone *tz, guint hour, guint minute)
{
  g_autoptr (GDateTime) utc = g_date_time_new_from_unix_utc (after);
  g_autoptr (GDateTime) local = NULL;
  int y, m, d;

  g_return_val_if_fail (tz != NULL, after);
  g_return_val_if_fail (hour < 24 && minute < 60, after);
  g_return_val_if_fail (utc != NULL, after);

  local = g_date_time_to_timezone (utc, tz);
  g_date_time_get_ymd (local, &y, &m, &d);

  /* Today's time, else tomorrow's; two days on covers a day whose time is before @after
   * because of a change (the later occurrence of a repeated hour). */
  for (int offset = 0; offset < 3; offset++)
    {
      g_autoptr (GDateTime) day = g_date_time_new (tz, y, m, d, 12, 0, 0);
      g_autoptr (GDateTime) shifted = g_date_time_add_days (day, offset);
      g_autoptr (GDateTime) target = NULL;
      int ty, tm, td;

      g_date_time_get_ymd (shifted, &ty, &tm, &td);
      target = g_date_time_new (tz, ty, tm, td, hour, minute, 0);
      if (target != NULL && g_date_time_to_unix (target) > after)
        return g_date_time_to_unix (target);
    }

  g_return_val_if_reached (after + 24 * 3600);
}

GTimeZone *
rempart_reminder_local_zone (void)
{
  const char *variable = g_getenv ("TZ");
  g_autofree char *link = NULL;
  GTimeZone *zone = NULL;
  const char *name;

  if (variable != NULL && variable[0] != '\0')
    zone = g_time_zone_new_identifier (variable[0] == ':' ? variable + 1 : variable);
  else if ((link = g_file_read_link ("/etc/localtime", NULL)) != NULL &&
           (name = strstr (link, "zoneinfo/")) != NULL)
    zone = g_time_zone_new_identifier (name + strlen ("zoneinfo/"));

  return zone != NULL ? zone : g_time_zone_new_local ();
}

guint
rempart_reminder_local_day (gint64 time, GTimeZone *tz)
{
  g_autoptr (GDateTime) utc = g_date_time_new_from_unix_utc (time);
  g_autoptr (GDateTime) local = NULL;
  int y, m, d;

  g_return_val_if_fail (tz != NULL, 0);
  g_return_val_if_fail (utc != NULL, 0);

  local = g_date_time_to_timezone (utc, tz);
  g_date_time_get_ymd (local, &y, &m, &d);

  return (guint) (y * 10000 + m * 100 + d);
}

guint
rempart_reminder_count_new (GPtrArray *actions, GTimeZone *tz, gint64 now)
{
  guint today, count = 0;

  g_return_val_if_fail (actions != NULL, 0);
  g_return_val_if_fail (tz != NULL, 0);

  today = rempart_reminder_local_day (now, tz);
  for (guint i = 0; i < actions->len; i++)
    {
      const RempartStoredAction *stored = g_ptr_array_index (actions, i);

      if (rempart_reminder_local_day (stored->first_seen, tz) == today)
        count++;
    }

  return count;
}
