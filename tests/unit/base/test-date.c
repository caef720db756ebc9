/* test-date.c
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rempart-date.h"

typedef struct
{
  const char *input;
  gint64 unix_time; /* 0: must be refused */
} DateCase;

static void
test_parse (void)
{
  static const DateCase cases[] = {
    { "2023-07-30T00:00:00Z", 1690675200 },
    { "2023-07-30T00:00Z", 1690675200 }, /* no seconds (feed 18) */
    { "2023-07-30t00:00:00z", 1690675200 },
    { "2023-07-30 00:00:00Z", 1690675200 },
    { "2023-07-30T02:00:00+02:00", 1690675200 },
    { "2023-07-30T02:00:00+0200", 1690675200 },
    { "2023-07-30T02:00+02", 1690675200 },
    { "2023-07-29T19:00:00-05:00", 1690675200 },
    { "2023-07-30T00:00:00.000Z", 1690675200 }, /* npm feed */
    { "2023-07-30T00:00:00,5Z", 1690675200 },
    { "2023-07-30", 1690675200 },           /* midnight UTC */
    { "2016-12-31T23:59:60Z", 1483228799 }, /* leap second */
    { "2024-02-29T12:00:00Z", 1709208000 },
    { "23096-23-09T90:2323:00+00:00", 0 }, /* feed 04 */
    { "2023-02-29T00:00:00Z", 0 },
    { "2023-13-01T00:00:00Z", 0 },
    { "2023-07-30T24:00:00Z", 0 },
    { "2023-07-30T00:60:00Z", 0 },
    { "2023-07-30T00:00:00+24:00", 0 },
    { "2023-07-30T00:00:00", 0 }, /* whose midnight? */
    { "2023-07-30T00:00:00.Z", 0 },
    { "2023-07-30T00Z", 0 },
    { "2023-7-30", 0 },
    { "0000-01-01T00:00:00Z", 0 },
    { "2023-07-30T00:00:00Z trailing", 0 },
    { "Sun, 30 Jul 2023 00:00:00 GMT", 0 },
    { "1690675200", 0 },
    { "", 0 },
    { "2023-07-30T00:00:00.1234567890123456789012345Z", 1690675200 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GDateTime) date = rempart_date_parse (cases[i].input);

      g_test_message ("%s", cases[i].input);
      if (cases[i].unix_time == 0)
        g_assert_null (date);
      else
        {
          g_assert_nonnull (date);
          g_assert_cmpint (g_date_time_to_unix (date), ==, cases[i].unix_time);
        }
    }
}

static void
test_format (void)
{
  g_autoptr (GDateTime) utc = rempart_date_parse ("2026-05-02T08:30:00Z");
  g_autoptr (GDateTime) paris = rempart_date_parse ("2026-05-02T08:30:00+02:00");
  g_autofree char *utc_text = rempart_date_format (utc);
  g_autofree char *paris_text = rempart_date_format (paris);
  g_autoptr (GDateTime) back = rempart_date_parse (paris_text);

  g_assert_cmpstr (utc_text, ==, "2026-05-02T08:30:00Z");
  g_assert_cmpstr (paris_text, ==, "2026-05-02T08:30:00+02:00");
  g_assert_true (g_date_time_equal (back, paris));
}

/* Formatting then parsing gives the same instant, and the same text again, for the edges of
 * the calendar GDateTime knows, offsets of every shape and fractions of a second. */
static void
test_round_trip (void)
{
  static const int years[] = { 1, 9, 99, 999, 1000, 1970, 2026, 9999 };
  static const int offsets[] = { 0, 3600, -3600, 19800, -34200, 23 * 3600 + 59 * 60, -23 * 3600 };
  static const int usecs[] = { 0, 1, 500000, 999999 };

  for (guint y = 0; y < G_N_ELEMENTS (years); y++)
    for (guint o = 0; o < G_N_ELEMENTS (offsets); o++)
      for (guint u = 0; u < G_N_ELEMENTS (usecs); u++)
        {
          g_autoptr (GTimeZone) tz = g_time_zone_new_offset (offsets[o]);
          /* Mid-year, so that no offset takes the instant out of GDateTime's range. */
          g_autoptr (GDateTime) plain = g_date_time_new (tz, years[y], 6, 1, 12, 34, 56);
          g_autoptr (GDateTime) date = g_date_time_add (plain, usecs[u]);
          g_autofree char *text = rempart_date_format (date);
          g_autoptr (GDateTime) back = rempart_date_parse (text);
          g_autofree char *again = NULL;

          g_test_message ("%d %+d %d: %s", years[y], offsets[o], usecs[u], text);
          g_assert_nonnull (back);
          g_assert_true (g_date_time_equal (back, date));
          g_assert_cmpint (g_date_time_get_utc_offset (back), ==,
                           g_date_time_get_utc_offset (date));
          again = rempart_date_format (back);
          g_assert_cmpstr (again, ==, text);
        }
}

/* Year 999 is written with four digits (a feed date is YYYY-MM-DD), and a fraction of a
 * second is kept, not dropped. */
static void
test_format_edges (void)
{
  g_autoptr (GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr (GTimeZone) paris = g_time_zone_new_offset (3600);
  g_autoptr (GTimeZone) odd = g_time_zone_new_offset (561); /* Paris's mean time, +00:09:21 */
  g_autoptr (GDateTime) first = g_date_time_new (utc, 1, 1, 1, 0, 0, 0);
  g_autoptr (GDateTime) y999 = g_date_time_new (paris, 999, 6, 1, 12, 0, 0);
  g_autoptr (GDateTime) last = g_date_time_new (utc, 9999, 12, 31, 23, 59, 59.5);
  g_autoptr (GDateTime) lmt = g_date_time_new (odd, 1900, 1, 1, 0, 9, 21);
  g_autofree char *first_text = rempart_date_format (first);
  g_autofree char *y999_text = rempart_date_format (y999);
  g_autofree char *last_text = rempart_date_format (last);
  g_autofree char *lmt_text = rempart_date_format (lmt);
  g_autoptr (GDateTime) lmt_back = rempart_date_parse (lmt_text);

  g_assert_cmpstr (first_text, ==, "0001-01-01T00:00:00Z");
  g_assert_cmpstr (y999_text, ==, "0999-06-01T12:00:00+01:00");
  g_assert_cmpstr (last_text, ==, "9999-12-31T23:59:59.5Z");
  /* RFC 3339 has no seconds in offsets: such a date is written in UTC. */
  g_assert_cmpstr (lmt_text, ==, "1900-01-01T00:00:00Z");
  g_assert_true (g_date_time_equal (lmt_back, lmt));
}

/* Digits past the microsecond are cut, never rounded up into the next second. */
static void
test_parse_fraction (void)
{
  g_autoptr (GDateTime) date = rempart_date_parse ("2023-07-30T23:59:59.9999999Z");
  g_autoptr (GDateTime) small = rempart_date_parse ("2023-07-30T00:00:00.000001Z");

  g_assert_cmpint (g_date_time_get_day_of_month (date), ==, 30);
  g_assert_cmpint (g_date_time_get_microsecond (date), ==, 999999);
  g_assert_cmpint (g_date_time_get_microsecond (small), ==, 1);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/date/parse", test_parse);
  g_test_add_func ("/date/format", test_format);
  g_test_add_func ("/date/format-edges", test_format_edges);
  g_test_add_func ("/date/parse-fraction", test_parse_fraction);
  g_test_add_func ("/date/round-trip", test_round_trip);

  return g_test_run ();
}
