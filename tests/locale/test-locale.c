/* test-locale.c: dates and numbers on screen follow the user's locale
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <langinfo.h>
#include <locale.h>

#include "rempart-i18n.h"
#include "rempart-participation-chart.h"
#include "rempart-refresh-private.h"
#include "rempart-stats.h"
#include "rempart-ui-utils.h"

/*
 * Run by run-in-locale.sh under de_DE.UTF-8 and fr_FR.UTF-8 (issue 17), with the catalogues
 * of the build tree: the dates the action list and the group's check status show are the
 * locale's, in its order and with its separators, inside the translated sentence, and the
 * counts of "Ends in N days" are the language's own plural forms; the participation chart's
 * text (its accessible description) names the day in the language and writes 1234 replies
 * with the locale's thousands separator. REMPART_TEST_LOCALE names
 * the locale the program expects to run under, so that a locale that silently fell back to
 * C fails instead of passing for the wrong reason.
 */

/* 2030-12-31 14:05:00 UTC; run-in-locale.sh sets TZ=UTC. */
#define WHEN ((gint64) 1924956300)
#define DAY  ((gint64) 24 * 60 * 60)

typedef struct
{
  const char *locale;
  const char *date;        /* the locale's %x of WHEN */
  const char *ends_on;     /* "Ends on %s" with that date */
  const char *ends_in_3;   /* "Ends in 3 days" */
  const char *ends_in_1_h; /* "Ends in 1 hour" */
  const char *checked;     /* the check status' time, another day */
  const char *decimal;     /* printf's %.1f of 2.5 */
  const char *posted;      /* the chart's "1234 replies posted", after the separator */
  const char *month;       /* December */
} Expected;

static const Expected expectations[] = {
  { "de_DE.UTF-8", "31.12.2030", "Endet am 31.12.2030", "Endet in 3 Tagen", "Endet in 1 Stunde",
    "31.12.2030 14:05", "2,5", "234 Antworten veröffentlicht", "Dezember" },
  { "fr_FR.UTF-8", "31/12/2030", "Se termine le 31/12/2030", "Se termine dans 3 jours",
    "Se termine dans 1 heure", "31/12/2030 14:05", "2,5", "234 réponses publiées", "décembre" },
};

static const Expected *expected;

static void
test_running_in_locale (void)
{
  const char *ctype = setlocale (LC_TIME, NULL);

  g_test_message ("LC_TIME is %s", ctype);
  g_assert_nonnull (expected);
  g_assert_cmpstr (ctype, ==, expected->locale);
}

static void
test_date_in_list (void)
{
  g_autofree char *text = rempart_format_time_left (WHEN, WHEN - 30 * DAY);
  g_autoptr (GDateTime) when = g_date_time_new_from_unix_local (WHEN);
  g_autofree char *date = g_date_time_format (when, "%x");

  g_assert_cmpstr (date, ==, expected->date);
  g_assert_cmpstr (text, ==, expected->ends_on);
}

static void
test_counts_in_list (void)
{
  g_autofree char *days = rempart_format_time_left (WHEN, WHEN - 3 * DAY - 60);
  g_autofree char *hour = rempart_format_time_left (WHEN, WHEN - 60 * 60 - 60);

  g_assert_cmpstr (days, ==, expected->ends_in_3);
  g_assert_cmpstr (hour, ==, expected->ends_in_1_h);
}

static void
test_last_check (void)
{
  g_autofree char *today = rempart_refresh_format_time (WHEN + 60, WHEN);
  g_autofree char *other_day = rempart_refresh_format_time (WHEN + 2 * DAY, WHEN);

  g_assert_cmpstr (today, ==, "14:05");
  g_assert_cmpstr (other_day, ==, expected->checked);
}

/* Sizes in messages (g_format_size) and any %f print the locale's decimal separator. */
static void
test_decimal_separator (void)
{
  g_autofree char *decimal = g_strdup_printf ("%.1f", 2.5);
  g_autofree char *size = g_format_size (2500 * 1000);

  g_assert_cmpstr (decimal, ==, expected->decimal);
  g_assert_nonnull (strstr (size, expected->decimal));
}

/* The participation chart's text alternative for a day of 1234 replies. */
static void
test_chart_numbers (void)
{
  g_autoptr (GArray) series = g_array_new (FALSE, TRUE, sizeof (RempartStatsBucket));
  g_autoptr (GDateTime) when = g_date_time_new_from_unix_local (WHEN);
  g_autoptr (GDateTime) midnight =
      g_date_time_new_local (g_date_time_get_year (when), g_date_time_get_month (when),
                             g_date_time_get_day_of_month (when), 0, 0, 0);
  RempartStatsBucket bucket = { 0 };
  GtkWidget *chart = g_object_ref_sink (rempart_participation_chart_new ());
  const char *separator = nl_langinfo (THOUSEP);
  g_autofree char *posted = g_strdup_printf ("1%s%s", separator, expected->posted);
  const char *text;

  bucket.start = g_date_time_to_unix (midnight);
  bucket.posted = 1234;
  bucket.joined = 2;
  g_array_append_val (series, bucket);
  rempart_participation_chart_set_series (REMPART_PARTICIPATION_CHART (chart), series,
                                          REMPART_STATS_DAY);
  text = rempart_participation_chart_get_text (REMPART_PARTICIPATION_CHART (chart));
  g_test_message ("chart: %s", text);

  /* German groups by ".", French by a (narrow) no-break space: never nothing. */
  g_assert_cmpstr (separator, !=, "");
  g_assert_nonnull (strstr (text, posted));
  g_assert_nonnull (strstr (text, expected->month));
  g_object_unref (chart);
}

int
main (int argc, char *argv[])
{
  const char *wanted = g_getenv ("REMPART_TEST_LOCALE");

  rempart_i18n_init ();
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();

  for (gsize i = 0; wanted != NULL && i < G_N_ELEMENTS (expectations); i++)
    if (g_str_equal (expectations[i].locale, wanted))
      expected = &expectations[i];

  g_test_add_func ("/locale/running-in-locale", test_running_in_locale);
  if (expected != NULL)
    {
      g_test_add_func ("/locale/date-in-list", test_date_in_list);
      g_test_add_func ("/locale/counts-in-list", test_counts_in_list);
      g_test_add_func ("/locale/last-check", test_last_check);
      g_test_add_func ("/locale/decimal-separator", test_decimal_separator);
      g_test_add_func ("/locale/chart-numbers", test_chart_numbers);
    }

  return g_test_run ();
}
