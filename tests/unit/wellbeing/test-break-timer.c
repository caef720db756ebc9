/* test-break-timer.c: the break timer counts only the time it is told someone is there
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rempart-break-timer.h"

typedef struct
{
  guint due;
  gint64 first_due_at;
} Count;

static void
break_due_cb (RempartBreakTimer *timer, gpointer user_data)
{
  Count *count = user_data;

  if (count->due++ == 0)
    count->first_due_at = g_get_monotonic_time ();
}

/* Runs the main context for @ms milliseconds. */
static void
run_for (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (5000);
    }
}

/* Runs the main context until @count has seen @n breaks, for at most @seconds. */
static gboolean
run_until_due (Count *count, guint n, guint seconds)
{
  gint64 end = g_get_monotonic_time () + seconds * G_USEC_PER_SEC;

  while (count->due < n && g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (5000);
    }

  return count->due >= n;
}

static void
test_counts_only_active (void)
{
  g_autoptr (RempartBreakTimer) timer = rempart_break_timer_new (1);
  Count count = { 0 };
  gint64 paused;

  g_signal_connect (timer, "break-due", G_CALLBACK (break_due_cb), &count);
  g_assert_false (rempart_break_timer_get_active (timer));

  /* Inactive: no time counts, however long. */
  run_for (300);
  g_assert_cmpint (rempart_break_timer_get_elapsed_ms (timer), ==, 0);

  rempart_break_timer_set_active (timer, TRUE);
  run_for (300);
  rempart_break_timer_set_active (timer, FALSE);
  paused = rempart_break_timer_get_elapsed_ms (timer);
  g_assert_cmpint (paused, >=, 300);
  g_assert_cmpint (paused, <, 1000);

  /* Paused for longer than the whole interval: still no break, and the count stays. */
  run_for (1200);
  g_assert_cmpuint (count.due, ==, 0);
  g_assert_cmpint (rempart_break_timer_get_elapsed_ms (timer), ==, paused);

  /* Back: the break comes after the rest of the second, not a whole second. */
  rempart_break_timer_set_active (timer, TRUE);
  g_assert_true (run_until_due (&count, 1, 5));
  g_assert_cmpuint (count.due, ==, 1);
  /* It starts again from zero, and comes again a second later. */
  g_assert_cmpint (rempart_break_timer_get_elapsed_ms (timer), <, 500);
  g_assert_true (run_until_due (&count, 2, 5));
}

static void
test_reset (void)
{
  g_autoptr (RempartBreakTimer) timer = rempart_break_timer_new (1);
  Count count = { 0 };
  gint64 reset_at;

  g_signal_connect (timer, "break-due", G_CALLBACK (break_due_cb), &count);
  rempart_break_timer_set_active (timer, TRUE);
  run_for (700);
  reset_at = g_get_monotonic_time ();
  rempart_break_timer_reset (timer);
  g_assert_cmpint (rempart_break_timer_get_elapsed_ms (timer), <, 100);
  g_assert_true (run_until_due (&count, 1, 5));
  /* A whole second after the reset, not the 300 ms left before it. */
  g_assert_cmpint (count.first_due_at - reset_at, >=, 990 * 1000);
}

static void
test_set_seconds (void)
{
  g_autoptr (RempartBreakTimer) timer = rempart_break_timer_new (3600);
  Count count = { 0 };

  g_signal_connect (timer, "break-due", G_CALLBACK (break_due_cb), &count);
  rempart_break_timer_set_active (timer, TRUE);
  run_for (200);
  g_assert_cmpuint (count.due, ==, 0);
  /* A shorter interval takes effect at once, counting the time already spent. */
  rempart_break_timer_set_seconds (timer, 1);
  g_assert_true (run_until_due (&count, 1, 5));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/break-timer/counts-only-active", test_counts_only_active);
  g_test_add_func ("/break-timer/reset", test_reset);
  g_test_add_func ("/break-timer/set-seconds", test_set_seconds);

  return g_test_run ();
}
