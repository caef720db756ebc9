/* test-stats.c: participation numbers from a store filled with known events
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rempart-stats.h"
#include "stats-fixture.h"

/*
 * Days are local calendar days: the same events give other numbers in another time zone, and
 * a 23- or 25-hour day is still one day. Streaks forgive today (no reply yet) but not a day
 * without one.
 */

static RempartStats *
compute (Fixture *f, const char *zone, gint64 now)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) events = rempart_store_list_events_sync (f->store, &error);
  g_autoptr (GTimeZone) tz = g_time_zone_new_identifier (zone);

  g_assert_no_error (error);
  g_assert_nonnull (tz);
  return rempart_stats_new (events, tz, now);
}

static void
assert_bucket (GArray *series, guint i, gint64 start, guint posted, guint joined)
{
  const RempartStatsBucket *b = &g_array_index (series, RempartStatsBucket, i);

  g_assert_cmpint (b->start, ==, start);
  g_assert_cmpuint (b->posted, ==, posted);
  g_assert_cmpuint (b->joined, ==, joined);
}

/* -------------------------------------------------------------------------------------- */
/* Days                                                                                   */
/* -------------------------------------------------------------------------------------- */

static void
test_empty (Fixture *f, gconstpointer data)
{
  g_autoptr (RempartStats) stats = compute (f, "Europe/Paris", at ("2026-05-02T12:00:00Z"));
  g_autoptr (GArray) series = rempart_stats_get_series (stats, REMPART_STATS_DAY, 7);
  g_autoptr (GPtrArray) topics = rempart_stats_get_by_topic (stats);
  g_autoptr (GPtrArray) groups = rempart_stats_get_by_group (stats);

  g_assert_cmpuint (rempart_stats_get_total (stats, REMPART_ACTION_STATE_POSTED), ==, 0);
  g_assert_cmpuint (rempart_stats_get_current_streak (stats), ==, 0);
  g_assert_cmpuint (rempart_stats_get_longest_streak (stats), ==, 0);
  g_assert_cmpuint (series->len, ==, 7);
  for (guint i = 0; i < 7; i++)
    assert_bucket (series, i, at ("2026-04-26T00:00:00+02:00") + i * 86400, 0, 0);
  g_assert_cmpuint (topics->len, ==, 0);
  g_assert_cmpuint (groups->len, ==, 0);
}

static void
test_day_boundary (Fixture *f, gconstpointer data)
{
  g_autoptr (RempartStats) paris = NULL;
  g_autoptr (RempartStats) utc = NULL;
  g_autoptr (GArray) series = NULL;
  gint64 now = at ("2026-05-02T12:00:00Z");

  /* 23:59:59 and 00:00:00 in Paris: two days there, one day in UTC. */
  post_reply (f, GROUP_A, "a0", "Un", at ("2026-05-01T21:59:59Z"));
  post_reply (f, GROUP_A, "a1", "Deux", at ("2026-05-01T22:00:00Z"));

  paris = compute (f, "Europe/Paris", now);
  series = rempart_stats_get_series (paris, REMPART_STATS_DAY, 3);
  assert_bucket (series, 0, at ("2026-04-30T00:00:00+02:00"), 0, 0);
  assert_bucket (series, 1, at ("2026-05-01T00:00:00+02:00"), 1, 1);
  assert_bucket (series, 2, at ("2026-05-02T00:00:00+02:00"), 1, 1);
  g_assert_cmpuint (rempart_stats_get_today (paris, REMPART_ACTION_STATE_POSTED), ==, 1);
  g_assert_cmpuint (rempart_stats_get_current_streak (paris), ==, 2);
  g_assert_cmpuint (rempart_stats_get_longest_streak (paris), ==, 2);
  g_clear_pointer (&series, g_array_unref);

  utc = compute (f, "UTC", now);
  series = rempart_stats_get_series (utc, REMPART_STATS_DAY, 2);
  assert_bucket (series, 0, at ("2026-05-01T00:00:00Z"), 2, 2);
  assert_bucket (series, 1, at ("2026-05-02T00:00:00Z"), 0, 0);
  g_assert_cmpuint (rempart_stats_get_today (utc, REMPART_ACTION_STATE_POSTED), ==, 0);
  g_assert_cmpuint (rempart_stats_get_current_streak (utc), ==, 1);
  g_assert_cmpuint (rempart_stats_get_longest_streak (utc), ==, 1);
}

static void
test_dst_spring (Fixture *f, gconstpointer data)
{
  g_autoptr (RempartStats) stats = NULL;
  g_autoptr (GArray) series = NULL;

  /* 29 March 2026 in Paris is 23 hours long: 00:30 CET and 23:59 CEST are the same day. */
  post_reply (f, GROUP_A, "a0", "Un", at ("2026-03-29T00:30:00+01:00"));
  post_reply (f, GROUP_A, "a1", "Deux", at ("2026-03-29T23:59:00+02:00"));
  post_reply (f, GROUP_A, "a2", "Trois", at ("2026-03-30T00:00:00+02:00"));

  stats = compute (f, "Europe/Paris", at ("2026-03-30T12:00:00+02:00"));
  series = rempart_stats_get_series (stats, REMPART_STATS_DAY, 3);
  assert_bucket (series, 0, at ("2026-03-28T00:00:00+01:00"), 0, 0);
  assert_bucket (series, 1, at ("2026-03-29T00:00:00+01:00"), 2, 2);
  assert_bucket (series, 2, at ("2026-03-30T00:00:00+02:00"), 1, 1);
  g_assert_cmpint (g_array_index (series, RempartStatsBucket, 2).start -
                       g_array_index (series, RempartStatsBucket, 1).start,
                   ==, 23 * 3600);
  g_assert_cmpuint (rempart_stats_get_current_streak (stats), ==, 2);
}

static void
test_dst_autumn (Fixture *f, gconstpointer data)
{
  g_autoptr (RempartStats) stats = NULL;
  g_autoptr (GArray) series = NULL;

  /* 25 October 2026 in Paris is 25 hours long. */
  post_reply (f, GROUP_A, "a0", "Un", at ("2026-10-25T00:00:00+02:00"));
  post_reply (f, GROUP_A, "a1", "Deux", at ("2026-10-25T23:59:59+01:00"));
  post_reply (f, GROUP_A, "a2", "Trois", at ("2026-10-24T23:59:59+02:00"));

  stats = compute (f, "Europe/Paris", at ("2026-10-26T08:00:00+01:00"));
  series = rempart_stats_get_series (stats, REMPART_STATS_DAY, 3);
  assert_bucket (series, 0, at ("2026-10-24T00:00:00+02:00"), 1, 1);
  assert_bucket (series, 1, at ("2026-10-25T00:00:00+02:00"), 2, 2);
  assert_bucket (series, 2, at ("2026-10-26T00:00:00+01:00"), 0, 0);
  g_assert_cmpint (g_array_index (series, RempartStatsBucket, 2).start -
                       g_array_index (series, RempartStatsBucket, 1).start,
                   ==, 25 * 3600);
  /* Nothing yet today: the streak that reached yesterday still counts. */
  g_assert_cmpuint (rempart_stats_get_current_streak (stats), ==, 2);
  g_assert_cmpuint (rempart_stats_get_longest_streak (stats), ==, 2);
}

/* -------------------------------------------------------------------------------------- */
/* Streaks                                                                                */
/* -------------------------------------------------------------------------------------- */

static void
test_streaks (Fixture *f, gconstpointer data)
{
  const char *const days[] = { "2026-05-01", "2026-05-02", "2026-05-03", "2026-05-05",
                               "2026-05-06" };
  struct
  {
    const char *now;
    guint current;
  } cases[] = {
    { "2026-05-03T20:00:00+02:00", 3 }, /* today has a reply */
    { "2026-05-04T20:00:00+02:00", 3 }, /* not yet today: kept */
    { "2026-05-05T00:00:00+02:00", 1 }, /* the 4th had none: broken, new one started */
    { "2026-05-07T23:59:59+02:00", 2 },
    { "2026-05-08T00:00:00+02:00", 0 }, /* a whole day without: over */
    { "2026-04-30T12:00:00+02:00", 0 }, /* before any reply */
  };

  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    {
      g_autofree char *when = g_strdup_printf ("%sT09:00:00+02:00", days[i]);
      g_autofree char *id = g_strdup_printf ("a%u", i);

      post_reply (f, GROUP_A, id, "Réponse", at (when));
    }
  /* Joining without posting does not make a streak day. */
  add_event (f, GROUP_B, "a0", REMPART_ACTION_STATE_JOINED, at ("2026-05-04T10:00:00+02:00"));

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (RempartStats) stats = compute (f, "Europe/Paris", at (cases[i].now));

      g_test_message ("now %s", cases[i].now);
      g_assert_cmpuint (rempart_stats_get_current_streak (stats), ==, cases[i].current);
      g_assert_cmpuint (rempart_stats_get_longest_streak (stats), ==, 3);
      g_assert_cmpuint (rempart_stats_get_total (stats, REMPART_ACTION_STATE_POSTED), ==, 5);
      g_assert_cmpuint (rempart_stats_get_total (stats, REMPART_ACTION_STATE_JOINED), ==, 6);
    }
}

/* -------------------------------------------------------------------------------------- */
/* Weeks, months, topics and groups                                                       */
/* -------------------------------------------------------------------------------------- */

static void
test_weeks_months (Fixture *f, gconstpointer data)
{
  g_autoptr (RempartStats) stats = NULL;
  g_autoptr (GArray) weeks = NULL;
  g_autoptr (GArray) months = NULL;

  /* Sunday 22 March and Monday 23 March are in two ISO weeks. */
  post_reply (f, GROUP_A, "a0", "Un", at ("2026-03-22T23:00:00+01:00"));
  post_reply (f, GROUP_A, "a1", "Deux", at ("2026-03-23T01:00:00+01:00"));
  post_reply (f, GROUP_A, "a2", "Trois", at ("2026-02-28T23:30:00+01:00"));
  add_event (f, GROUP_A, "a3", REMPART_ACTION_STATE_JOINED, at ("2026-04-01T00:10:00+02:00"));

  stats = compute (f, "Europe/Paris", at ("2026-04-01T12:00:00+02:00"));
  weeks = rempart_stats_get_series (stats, REMPART_STATS_WEEK, 3);
  assert_bucket (weeks, 0, at ("2026-03-16T00:00:00+01:00"), 1, 1);
  assert_bucket (weeks, 1, at ("2026-03-23T00:00:00+01:00"), 1, 1);
  assert_bucket (weeks, 2, at ("2026-03-30T00:00:00+02:00"), 0, 1);

  months = rempart_stats_get_series (stats, REMPART_STATS_MONTH, 3);
  assert_bucket (months, 0, at ("2026-02-01T00:00:00+01:00"), 1, 1);
  assert_bucket (months, 1, at ("2026-03-01T00:00:00+01:00"), 2, 2);
  assert_bucket (months, 2, at ("2026-04-01T00:00:00+02:00"), 0, 1);
}

static void
test_groups_topics (Fixture *f, gconstpointer data)
{
  g_autoptr (RempartStats) stats = NULL;
  g_autoptr (GPtrArray) groups = NULL;
  g_autoptr (GPtrArray) topics = NULL;
  g_autoptr (GPtrArray) subs = NULL;
  g_autoptr (GError) error = NULL;
  const RempartStatsShare *share;
  gint64 t = at ("2026-05-02T10:00:00+02:00");

  /* a0 and a4 are about racism, a1 sexism, a2 disinformation (fixture). */
  post_reply (f, GROUP_A, "a0", "Un", t);
  post_reply (f, GROUP_A, "a1", "Deux", t + 60);
  add_event (f, GROUP_A, "a2", REMPART_ACTION_STATE_JOINED, t + 120);
  post_reply (f, GROUP_B, "a4", "Eins", t + 180);
  post_reply (f, GROUP_B, "a0", "Zwei", t + 240);
  post_reply (f, GROUP_B, "a2", "Drei", t + 300);
  add_event (f, GROUP_B, "a1", REMPART_ACTION_STATE_OPENED, t + 360);

  stats = compute (f, "Europe/Paris", t + 3600);
  groups = rempart_stats_get_by_group (stats);
  g_assert_cmpuint (groups->len, ==, 2);
  share = g_ptr_array_index (groups, 0);
  g_assert_cmpstr (share->title, ==, "Ich bin hier");
  g_assert_cmpstr (share->subscription_url, ==, GROUP_B);
  g_assert_cmpuint (share->posted, ==, 3);
  g_assert_cmpuint (share->joined, ==, 3);
  share = g_ptr_array_index (groups, 1);
  g_assert_cmpstr (share->title, ==, "Je suis là");
  g_assert_cmpuint (share->posted, ==, 2);
  g_assert_cmpuint (share->joined, ==, 3);

  topics = rempart_stats_get_by_topic (stats);
  g_assert_cmpuint (topics->len, ==, 3);
  share = g_ptr_array_index (topics, 0);
  g_assert_cmpint (share->topic, ==, REMPART_TOPIC_RACISM);
  g_assert_cmpuint (share->posted, ==, 3);
  share = g_ptr_array_index (topics, 1);
  g_assert_cmpint (share->topic, ==, REMPART_TOPIC_DISINFORMATION);
  g_assert_cmpuint (share->posted, ==, 1);
  g_assert_cmpuint (share->joined, ==, 2);
  share = g_ptr_array_index (topics, 2);
  g_assert_cmpint (share->topic, ==, REMPART_TOPIC_SEXISM);
  g_assert_cmpuint (share->posted, ==, 1);
  g_assert_cmpuint (share->joined, ==, 1);
  g_assert_cmpuint (rempart_stats_get_total (stats, REMPART_ACTION_STATE_OPENED), ==, 1);
  g_clear_object (&stats);
  g_clear_pointer (&groups, g_ptr_array_unref);

  /* A removed group still counts, under its address, and its topics are unknown. */
  subs = rempart_store_list_subscriptions_sync (f->store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < subs->len; i++)
    {
      RempartSubscription *sub = g_ptr_array_index (subs, i);

      if (g_str_equal (sub->url, GROUP_B))
        g_assert_true (rempart_store_remove_subscription_sync (f->store, sub->id, &error));
    }
  g_assert_no_error (error);
  stats = compute (f, "Europe/Paris", t + 3600);
  groups = rempart_stats_get_by_group (stats);
  g_assert_cmpuint (groups->len, ==, 2);
  share = g_ptr_array_index (groups, 0);
  g_assert_cmpstr (share->title, ==, GROUP_B);
  g_assert_cmpuint (share->posted, ==, 3);
  g_clear_pointer (&topics, g_ptr_array_unref);
  topics = rempart_stats_get_by_topic (stats);
  share = g_ptr_array_index (topics, 0);
  g_assert_cmpint (share->topic, ==, REMPART_TOPIC_NONE);
  g_assert_cmpuint (share->posted, ==, 3);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  STATS_TEST_ADD ("/stats/empty", test_empty);
  STATS_TEST_ADD ("/stats/day-boundary", test_day_boundary);
  STATS_TEST_ADD ("/stats/dst-spring", test_dst_spring);
  STATS_TEST_ADD ("/stats/dst-autumn", test_dst_autumn);
  STATS_TEST_ADD ("/stats/streaks", test_streaks);
  STATS_TEST_ADD ("/stats/weeks-months", test_weeks_months);
  STATS_TEST_ADD ("/stats/groups-topics", test_groups_topics);

  return g_test_run ();
}
