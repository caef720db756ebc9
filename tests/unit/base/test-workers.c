/* test-workers.c: the count of worker threads and the wait for them
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rempart-workers.h"

static void
sleep_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  guint ms = GPOINTER_TO_UINT (task_data);

  /* Interruptible by the task's cancellable, as the real workers check theirs. */
  for (guint slept = 0; slept < ms && !g_cancellable_is_cancelled (cancellable); slept += 10)
    g_usleep (10 * 1000);
  g_task_return_boolean (task, TRUE);
}

static void
done_cb (GObject *object, GAsyncResult *result, gpointer user_data)
{
  guint *n_done = user_data;

  /* A cancelled task ends with G_IO_ERROR_CANCELLED, whatever its function returned. */
  g_task_propagate_boolean (G_TASK (result), NULL);
  (*n_done)++;
}

static void
start (guint ms, GCancellable *cancellable, guint *n_done)
{
  g_autoptr (GTask) task = g_task_new (NULL, cancellable, done_cb, n_done);

  g_task_set_task_data (task, GUINT_TO_POINTER (ms), NULL);
  rempart_workers_run_in_thread (task, sleep_thread);
}

/* The wait returns once every worker's function has returned, and it iterates the main
 * context meanwhile: the callbacks have run. */
static void
test_wait (void)
{
  guint n_done = 0;

  g_assert_cmpuint (rempart_workers_get_running (), ==, 0);
  g_assert_true (rempart_workers_wait (0));

  for (guint i = 0; i < 5; i++)
    start (50 + 20 * i, NULL, &n_done);
  g_assert_cmpuint (rempart_workers_get_running (), ==, 5);

  g_assert_true (rempart_workers_wait (5000));
  g_assert_cmpuint (rempart_workers_get_running (), ==, 0);
  /* The last callbacks may still be queued when the count reaches zero. */
  for (guint i = 0; i < 100 && n_done < 5; i++)
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpuint (n_done, ==, 5);
}

/* Bounded: a worker longer than the wait is reported, not waited for; cancelled, it ends. */
static void
test_timeout_then_cancel (void)
{
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  guint n_done = 0;
  gint64 start_time = g_get_monotonic_time ();

  start (5000, cancellable, &n_done);
  g_assert_false (rempart_workers_wait (100));
  g_assert_cmpint (g_get_monotonic_time () - start_time, <, 3 * G_USEC_PER_SEC);
  g_assert_cmpuint (rempart_workers_get_running (), ==, 1);

  g_cancellable_cancel (cancellable);
  g_assert_true (rempart_workers_wait (5000));
  g_assert_cmpint (g_get_monotonic_time () - start_time, <, 4 * G_USEC_PER_SEC);
  g_assert_cmpuint (rempart_workers_get_running (), ==, 0);
  while (g_main_context_iteration (NULL, FALSE) && n_done == 0)
    ;
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/workers/wait", test_wait);
  g_test_add_func ("/workers/timeout-then-cancel", test_timeout_then_cancel);

  return g_test_run ();
}
