/* test-reminder-timer.c: the daily reminder's clock against a wall clock the test moves
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rempart-reminder-timer.h"
#include "rempart-reminder.h"

/*
 * The test owns the wall clock and the time zone (TZ); the timer is told to look at the clock
 * every 5 ms instead of every minute. A jump of the clock is what a computer waking from
 * suspend, or set by NTP, sees: the timer must notice it at its next look, whatever it waited
 * for before. "It did not fire" is asserted after the timer has looked at the clock several
 * more times, never after a fixed wait.
 */

typedef struct
{
  gint64 now_us;
  guint reads;
  GArray *fired; /* gint64 due times */
  RempartReminderTimer *timer;
} Fixture;

static gint64
at (const char *iso8601)
{
  g_autoptr (GDateTime) date = g_date_time_new_from_iso8601 (iso8601, NULL);

  g_assert_nonnull (date);
  return g_date_time_to_unix (date);
}

static gint64
fake_clock (gpointer user_data)
{
  Fixture *f = user_data;

  f->reads++;
  return f->now_us;
}

static void
due_cb (RempartReminderTimer *timer, gint64 due, gpointer user_data)
{
  Fixture *f = user_data;

  g_array_append_val (f->fired, due);
}

static void
set_clock (Fixture *f, const char *iso8601)
{
  f->now_us = at (iso8601) * G_USEC_PER_SEC;
}

/* Until the timer has fired @count times in all, for at most five seconds. */
static void
wait_fired (Fixture *f, guint count)
{
  gint64 end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (f->fired->len < count && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (f->fired->len, ==, count);
}

/* The timer looks at the clock three more times: whatever it was going to do, it did. */
static void
wait_looks (Fixture *f)
{
  guint until = f->reads + 3;
  gint64 end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (f->reads < until && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (f->reads, >=, until);
}

static void
assert_next (Fixture *f, const char *iso8601)
{
  g_assert_cmpint (rempart_reminder_timer_get_next (f->timer), ==, at (iso8601));
}

static gint64
fired_at (Fixture *f, guint i)
{
  return g_array_index (f->fired, gint64, i);
}

static void
fixture_set_up (Fixture *f, gconstpointer user_data)
{
  g_setenv ("TZ", "Europe/Paris", TRUE);
  f->fired = g_array_new (FALSE, FALSE, sizeof (gint64));
  f->timer = rempart_reminder_timer_new ();
  g_signal_connect (f->timer, "due", G_CALLBACK (due_cb), f);
}

static void
fixture_tear_down (Fixture *f, gconstpointer user_data)
{
  g_clear_object (&f->timer);
  g_clear_pointer (&f->fired, g_array_unref);
  g_unsetenv ("TZ");
}

static void
start (Fixture *f, const char *now, guint minutes)
{
  set_clock (f, now);
  rempart_reminder_timer_set_clock_for_testing (f->timer, fake_clock, f, 5);
  rempart_reminder_timer_set_time (f->timer, minutes);
  rempart_reminder_timer_set_enabled (f->timer, TRUE);
}

/* -------------------------------------------------------------------------------------- */
/* Tests                                                                                  */
/* -------------------------------------------------------------------------------------- */

static void
test_on_time (Fixture *f, gconstpointer user_data)
{
  start (f, "2026-05-02T17:59:59+02:00", 18 * 60);
  assert_next (f, "2026-05-02T18:00:00+02:00");
  wait_looks (f);
  g_assert_cmpuint (f->fired->len, ==, 0);

  set_clock (f, "2026-05-02T18:00:00+02:00");
  wait_fired (f, 1);
  g_assert_cmpint (fired_at (f, 0), ==, at ("2026-05-02T18:00:00+02:00"));
  assert_next (f, "2026-05-03T18:00:00+02:00");

  /* Once a day. */
  set_clock (f, "2026-05-02T23:59:59+02:00");
  wait_looks (f);
  g_assert_cmpuint (f->fired->len, ==, 1);
  set_clock (f, "2026-05-03T18:00:01+02:00");
  wait_fired (f, 2);

  /* Off: nothing more, and no time. */
  rempart_reminder_timer_set_enabled (f->timer, FALSE);
  g_assert_cmpint (rempart_reminder_timer_get_next (f->timer), ==, 0);
  set_clock (f, "2026-05-04T18:00:00+02:00");
  g_assert_false (g_main_context_iteration (NULL, FALSE));
  g_assert_cmpuint (f->fired->len, ==, 2);
}

static void
test_turned_on_late (Fixture *f, gconstpointer user_data)
{
  /* Turned on after today's time: tomorrow, not at once. */
  start (f, "2026-05-02T19:00:00+02:00", 18 * 60);
  assert_next (f, "2026-05-03T18:00:00+02:00");
  wait_looks (f);
  g_assert_cmpuint (f->fired->len, ==, 0);

  /* A later time chosen for today: today. */
  rempart_reminder_timer_set_time (f->timer, 20 * 60 + 30);
  assert_next (f, "2026-05-02T20:30:00+02:00");
}

static void
test_dst (Fixture *f, gconstpointer user_data)
{
  /* Clocks go forward on 29 March: 23 hours between two reminders. */
  start (f, "2026-03-28T17:00:00+01:00", 18 * 60);
  set_clock (f, "2026-03-28T18:00:00+01:00");
  wait_fired (f, 1);
  assert_next (f, "2026-03-29T18:00:00+02:00");
  set_clock (f, "2026-03-29T17:00:00+01:00"); /* 24 hours later: 18:00 on the wall */
  wait_fired (f, 2);
  g_assert_cmpint (fired_at (f, 1) - fired_at (f, 0), ==, 23 * 3600);

  /* Clocks go back on 25 October: 02:30 happens twice, the reminder comes once, at the
   * second. */
  g_clear_object (&f->timer);
  f->timer = rempart_reminder_timer_new ();
  g_signal_connect (f->timer, "due", G_CALLBACK (due_cb), f);
  start (f, "2026-10-25T02:00:00+02:00", 2 * 60 + 30);
  assert_next (f, "2026-10-25T02:30:00+01:00");
  set_clock (f, "2026-10-25T02:30:00+02:00");
  wait_looks (f);
  g_assert_cmpuint (f->fired->len, ==, 2);
  set_clock (f, "2026-10-25T02:30:00+01:00");
  wait_fired (f, 3);
  assert_next (f, "2026-10-26T02:30:00+01:00");
}

static void
test_time_zone (Fixture *f, gconstpointer user_data)
{
  /* At noon in Paris, for six in the evening. */
  start (f, "2026-05-02T12:00:00+02:00", 18 * 60);
  assert_next (f, "2026-05-02T18:00:00+02:00");

  /* The volunteer lands in New York: six in the evening there, at its next look. */
  g_setenv ("TZ", "America/New_York", TRUE);
  wait_looks (f);
  assert_next (f, "2026-05-02T18:00:00-04:00");
  set_clock (f, "2026-05-02T18:00:00+02:00");
  wait_looks (f);
  g_assert_cmpuint (f->fired->len, ==, 0);
  set_clock (f, "2026-05-02T18:00:00-04:00");
  wait_fired (f, 1);

  /* Sent at six in New York, then a flight west to Los Angeles, where it is three in the
   * afternoon of the same day: not a second reminder that day. */
  g_setenv ("TZ", "America/Los_Angeles", TRUE);
  set_clock (f, "2026-05-02T18:00:00-07:00");
  wait_looks (f);
  g_assert_cmpuint (f->fired->len, ==, 1);
  assert_next (f, "2026-05-03T18:00:00-07:00");

  /* The same through /etc/localtime's zone when TZ is not set: the zone is read again. */
  g_unsetenv ("TZ");
  {
    g_autoptr (GTimeZone) zone = rempart_reminder_local_zone ();

    g_assert_nonnull (zone);
  }
  g_setenv ("TZ", ":Asia/Tokyo", TRUE);
  {
    g_autoptr (GTimeZone) zone = rempart_reminder_local_zone ();

    g_assert_cmpstr (g_time_zone_get_identifier (zone), ==, "Asia/Tokyo");
  }
}

static void
test_suspend (Fixture *f, gconstpointer user_data)
{
  start (f, "2026-05-02T17:00:00+02:00", 18 * 60);
  wait_looks (f);

  /* Asleep from five to nine: the reminder comes on waking, late but the same day. */
  set_clock (f, "2026-05-02T21:00:00+02:00");
  wait_fired (f, 1);
  g_assert_cmpint (fired_at (f, 0), ==, at ("2026-05-02T18:00:00+02:00"));
  assert_next (f, "2026-05-03T18:00:00+02:00");

  /* Asleep from five until the next morning: yesterday's is not sent any more. */
  set_clock (f, "2026-05-03T17:00:00+02:00");
  wait_looks (f);
  set_clock (f, "2026-05-04T09:00:00+02:00");
  wait_looks (f);
  g_assert_cmpuint (f->fired->len, ==, 1);
  assert_next (f, "2026-05-04T18:00:00+02:00");
  set_clock (f, "2026-05-04T18:00:00+02:00");
  wait_fired (f, 2);

  /* The clock set back an hour by NTP after the reminder: still once. */
  set_clock (f, "2026-05-04T17:00:00+02:00");
  wait_looks (f);
  set_clock (f, "2026-05-04T18:30:00+02:00");
  wait_looks (f);
  g_assert_cmpuint (f->fired->len, ==, 2);
}

static void
test_count_new (void)
{
  g_autoptr (GTimeZone) paris = g_time_zone_new_identifier ("Europe/Paris");
  g_autoptr (GPtrArray) actions = g_ptr_array_new_with_free_func (g_free);
  const char *seen[] = {
    "2026-05-01T23:59:59+02:00", /* yesterday in Paris */
    "2026-05-02T00:00:00+02:00", "2026-05-02T17:00:00+02:00",
    "2026-05-02T23:30:00Z", /* tomorrow in Paris */
  };

  for (guint i = 0; i < G_N_ELEMENTS (seen); i++)
    {
      RempartStoredAction *stored = g_new0 (RempartStoredAction, 1);

      stored->first_seen = at (seen[i]);
      g_ptr_array_add (actions, stored);
    }

  g_assert_cmpuint (rempart_reminder_count_new (actions, paris, at ("2026-05-02T18:00:00+02:00")),
                    ==, 2);
  g_assert_cmpuint (rempart_reminder_local_day (at ("2026-05-02T22:30:00Z"), paris), ==, 20260503);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/reminder-timer/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("on-time", test_on_time);
  ADD ("turned-on-late", test_turned_on_late);
  ADD ("dst", test_dst);
  ADD ("time-zone", test_time_zone);
  ADD ("suspend", test_suspend);
#undef ADD
  g_test_add_func ("/reminder-timer/count-new", test_count_new);

  return g_test_run ();
}
