/* test-workers.c: the count of worker threads and the wait for them
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rempart-workers.h"

/* Set by the test to let the workers of /workers/wait end: they run until told, not for a
 * time, so that a loaded machine cannot end one before the test has counted it. */
static gint released;

static void
gated_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  /* Bounded (30 s), and interruptible by the task's cancellable as the real workers are. */
  for (guint slept = 0;
       slept < 30000 && !g_atomic_int_get (&released) && !g_cancellable_is_cancelled (cancellable);
       slept += 5)
    g_usleep (5 * 1000);
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

static gboolean
set_true_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/* GTask posts a threaded task's callback only after its thread function has returned, so just
 * after the workers' count reaches zero the last callbacks may not be queued yet: iterate,
 * blocking, until they have run (bounded: 10 s). */
static void
wait_for_callbacks (const guint *n_done, guint expected)
{
  gboolean timed_out = FALSE;
  guint timeout_id = g_timeout_add_seconds (10, set_true_cb, &timed_out);

  while (*n_done < expected && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (timeout_id);
  g_assert_cmpuint (*n_done, ==, expected);
}

static void
start (GCancellable *cancellable, guint *n_done)
{
  g_autoptr (GTask) task = g_task_new (NULL, cancellable, done_cb, n_done);

  rempart_workers_run_in_thread (task, gated_thread);
}

/* The wait returns once every worker's function has returned (iterating the main context
 * meanwhile), and not before; the tasks' callbacks follow. */
static void
test_wait (void)
{
  guint n_done = 0;

  g_assert_cmpuint (rempart_workers_get_running (), ==, 0);
  g_assert_true (rempart_workers_wait (0));

  g_atomic_int_set (&released, FALSE);
  for (guint i = 0; i < 5; i++)
    start (NULL, &n_done);
  g_assert_cmpuint (rempart_workers_get_running (), ==, 5);
  g_assert_false (rempart_workers_wait (20));
  g_assert_cmpuint (rempart_workers_get_running (), ==, 5);

  g_atomic_int_set (&released, TRUE);

  g_assert_true (rempart_workers_wait (20000));
  g_assert_cmpuint (rempart_workers_get_running (), ==, 0);
  wait_for_callbacks (&n_done, 5);
}

/* Bounded: a worker that does not end is reported, not waited for (a wait that ignored its
 * timeout would hang here until meson's own); cancelled, it ends. */
static void
test_timeout_then_cancel (void)
{
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  guint n_done = 0;

  g_atomic_int_set (&released, FALSE);
  start (cancellable, &n_done);
  g_assert_false (rempart_workers_wait (100));
  g_assert_cmpuint (rempart_workers_get_running (), ==, 1);

  g_cancellable_cancel (cancellable);
  g_assert_true (rempart_workers_wait (20000));
  g_assert_cmpuint (rempart_workers_get_running (), ==, 0);
  wait_for_callbacks (&n_done, 1);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/workers/wait", test_wait);
  g_test_add_func ("/workers/timeout-then-cancel", test_timeout_then_cancel);

  return g_test_run ();
}
