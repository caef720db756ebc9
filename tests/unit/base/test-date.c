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

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/date/parse", test_parse);
  g_test_add_func ("/date/format", test_format);

  return g_test_run ();
}
