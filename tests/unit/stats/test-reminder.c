/* test-reminder.c: the daily reminder's next time, across midnight and DST changes
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rempart-reminder.h"

static gint64
at (const char *iso8601)
{
  g_autoptr (GDateTime) date = g_date_time_new_from_iso8601 (iso8601, NULL);

  g_assert_nonnull (date);
  return g_date_time_to_unix (date);
}

typedef struct
{
  const char *zone;
  const char *after;
  guint hour, minute;
  const char *expected;
} Case;

static void
run_cases (const Case *cases, guint n)
{
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (GTimeZone) tz = g_time_zone_new_identifier (cases[i].zone);
      g_autoptr (GDateTime) got = NULL;
      g_autofree char *text = NULL;
      gint64 next;

      g_assert_nonnull (tz);
      next = rempart_reminder_next (at (cases[i].after), tz, cases[i].hour, cases[i].minute);
      got = g_date_time_new_from_unix_utc (next);
      text = g_date_time_format_iso8601 (got);
      g_test_message ("%s after %s at %02u:%02u: %s", cases[i].zone, cases[i].after, cases[i].hour,
                      cases[i].minute, text);
      g_assert_cmpint (next, ==, at (cases[i].expected));
      g_assert_cmpint (next, >, at (cases[i].after));
    }
}

static void
test_midnight (void)
{
  const Case cases[] = {
    /* Later today. */
    { "Europe/Paris", "2026-05-02T19:59:59+02:00", 20, 0, "2026-05-02T20:00:00+02:00" },
    /* Exactly now: strictly later, so tomorrow. */
    { "Europe/Paris", "2026-05-02T20:00:00+02:00", 20, 0, "2026-05-03T20:00:00+02:00" },
    /* Just before midnight, for a time just after it. */
    { "Europe/Paris", "2026-05-02T23:59:00+02:00", 0, 5, "2026-05-03T00:05:00+02:00" },
    { "Europe/Paris", "2026-05-03T00:05:00+02:00", 0, 5, "2026-05-04T00:05:00+02:00" },
    /* A UTC instant that is already tomorrow in the zone. */
    { "Europe/Berlin", "2026-05-02T22:30:00Z", 8, 0, "2026-05-03T08:00:00+02:00" },
    /* The end of a month and of a year. */
    { "Europe/Stockholm", "2026-12-31T21:00:00+01:00", 9, 30, "2027-01-01T09:30:00+01:00" },
    { "America/New_York", "2026-05-02T23:30:00-04:00", 7, 0, "2026-05-03T07:00:00-04:00" },
  };

  run_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_dst (void)
{
  const Case cases[] = {
    /* The day before clocks go forward, 24 hours later on the wall is 23 hours later. */
    { "Europe/Paris", "2026-03-28T09:00:00+01:00", 9, 0, "2026-03-29T09:00:00+02:00" },
    /* 02:30 does not exist on 29 March: at the change. */
    { "Europe/Paris", "2026-03-28T12:00:00+01:00", 2, 30, "2026-03-29T03:00:00+02:00" },
    /* And the next day at 02:30 again. */
    { "Europe/Paris", "2026-03-29T03:00:00+02:00", 2, 30, "2026-03-30T02:30:00+02:00" },
    /* The day clocks go back, 25 hours later. */
    { "Europe/Paris", "2026-10-24T09:00:00+02:00", 9, 0, "2026-10-25T09:00:00+01:00" },
    /* 02:30 happens twice on 25 October: once, at the later one... */
    { "Europe/Paris", "2026-10-24T12:00:00+02:00", 2, 30, "2026-10-25T02:30:00+01:00" },
    /* ...even when the first one has just passed. */
    { "Europe/Paris", "2026-10-25T02:45:00+02:00", 2, 30, "2026-10-25T02:30:00+01:00" },
    { "Europe/Paris", "2026-10-25T02:30:00+01:00", 2, 30, "2026-10-26T02:30:00+01:00" },
  };

  run_cases (cases, G_N_ELEMENTS (cases));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/reminder/midnight", test_midnight);
  g_test_add_func ("/reminder/dst", test_dst);

  return g_test_run ();
}
