/* rempart-workers.c: the process's worker threads, counted so that it can wait for them
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rempart-workers.h"

/*
 * A worker thread still verifying a signature when the process exits crashes inside
 * OpenSSL, whose exit handlers free the tables the thread is reading (issue 15). Every
 * GTask thread of core goes through rempart_workers_run_in_thread(), which counts it from
 * the moment it is queued to the moment its function returns; the application cancels its
 * work at shutdown, then rempart_workers_wait() until the count is back to zero.
 */

/* ------------------------------------------------------------------------------------------ */
/* Structures                                                                                 */
/* ------------------------------------------------------------------------------------------ */

typedef struct
{
  GTaskThreadFunc func;
} Worker;

static GMutex lock;
static GCond idle;
static guint running;
static RempartWorkersQueuedFunc queued_func;
static gpointer queued_data;
/* The test gate, under the lock; @gate_set, atomic, spares the lock when there is none. */
static gint gate_set;
static GCond gate_cond;
static char *gate_name;
static gboolean gate_open;

/* ------------------------------------------------------------------------------------------ */
/* Helpers                                                                                    */
/* ------------------------------------------------------------------------------------------ */

static GQuark
worker_quark (void)
{
  return g_quark_from_static_string ("rempart-worker");
}

/* Holds @task while the test gate is closed on its name; ten seconds at most, so that a test
 * that forgets to open it fails instead of hanging. */
static void
wait_at_gate (GTask *task)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_TIME_SPAN_SECOND;
  gboolean timed_out = FALSE;

  g_mutex_lock (&lock);
  while (!timed_out && gate_name != NULL && !gate_open &&
         g_strcmp0 (g_task_get_name (task), gate_name) == 0)
    timed_out = !g_cond_wait_until (&gate_cond, &lock, deadline);
  g_mutex_unlock (&lock);

  if (timed_out)
    g_warning ("The test gate for %s was not opened within ten seconds", g_task_get_name (task));
}

static void
worker_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  Worker *worker = g_object_get_qdata (G_OBJECT (task), worker_quark ());

  if (g_atomic_int_get (&gate_set))
    wait_at_gate (task);

  worker->func (task, source, task_data, cancellable);

  /* The function is done with whatever it used; only GLib's own bookkeeping is left. */
  rempart_workers_release ();
}

/* ------------------------------------------------------------------------------------------ */
/* Public API                                                                                 */
/* ------------------------------------------------------------------------------------------ */

/*
 * rempart_workers_run_in_thread:
 *
 * g_task_run_in_thread(), counted: rempart_workers_wait() waits for @func to return.
 */
void
rempart_workers_run_in_thread (GTask *task, GTaskThreadFunc func)
{
  Worker *worker = g_new0 (Worker, 1);

  g_return_if_fail (G_IS_TASK (task));
  g_return_if_fail (func != NULL);

  worker->func = func;
  g_object_set_qdata_full (G_OBJECT (task), worker_quark (), worker, g_free);

  rempart_workers_hold (task);
  g_task_run_in_thread (task, worker_thread);
}

/*
 * rempart_workers_hold:
 * @task: the task the work will complete
 *
 * Counts work that runs on a thread not started by rempart_workers_run_in_thread() (a
 * GThreadPool of the caller's own, such as the moderation workspace's writer): call it
 * before the work is queued, and rempart_workers_release() on the worker thread once the
 * work's function is done, so that rempart_workers_wait() waits for it too.
 */
void
rempart_workers_hold (GTask *task)
{
  g_return_if_fail (G_IS_TASK (task));

  g_mutex_lock (&lock);
  running++;
  g_mutex_unlock (&lock);

  if (queued_func != NULL)
    queued_func (task, queued_data);
}

/* The other half of rempart_workers_hold(); also called by every counted GTask thread. */
void
rempart_workers_release (void)
{
  g_mutex_lock (&lock);
  g_assert (running > 0);
  running--;
  g_cond_broadcast (&idle);
  g_mutex_unlock (&lock);
}

/* Lets a test act the moment a worker is queued (quit the application, say) rather than
 * poll for it and miss a short one. %NULL removes it. Not thread-safe: set it before any
 * worker is queued. */
void
rempart_workers_set_queued_func_for_testing (RempartWorkersQueuedFunc func, gpointer user_data)
{
  queued_func = func;
  queued_data = user_data;
}

void
rempart_workers_set_gate_for_testing (const char *name)
{
  g_atomic_int_set (&gate_set, name != NULL);
  g_mutex_lock (&lock);
  g_free (gate_name);
  gate_name = g_strdup (name);
  gate_open = FALSE;
  g_cond_broadcast (&gate_cond);
  g_mutex_unlock (&lock);
}

void
rempart_workers_open_gate_for_testing (void)
{
  g_mutex_lock (&lock);
  gate_open = TRUE;
  g_cond_broadcast (&gate_cond);
  g_mutex_unlock (&lock);
}

/* Returns: how many workers are queued or running */
guint
rempart_workers_get_running (void)
{
  guint n;

  g_mutex_lock (&lock);
  n = running;
  g_mutex_unlock (&lock);

  return n;
}

/*
 * rempart_workers_wait:
 * @timeout_ms: the longest wait
 *
 * Waits until no worker is queued or running, iterating the thread-default main context
 * meanwhile (a worker's caller may need it to go on, or to see its cancellation). Cancel
 * the workers' cancellables first: a worker is never interrupted, only waited for.
 *
 * Returns: %TRUE when none is left, %FALSE when @timeout_ms went by first
 */
gboolean
rempart_workers_wait (guint timeout_ms)
{
  GMainContext *context = g_main_context_ref_thread_default ();
  gint64 deadline = g_get_monotonic_time () + (gint64) timeout_ms * 1000;
  gboolean done = FALSE;

  for (;;)
    {
      gint64 slice;

      /* A bounded number of dispatches: some source may always be ready. */
      for (guint i = 0; i < 100 && g_main_context_iteration (context, FALSE); i++)
        ;

      g_mutex_lock (&lock);
      done = running == 0;
      /* Short slices: the main context may have work between two workers ending. */
      slice = MIN (deadline, g_get_monotonic_time () + 10 * 1000);
      if (!done && g_get_monotonic_time () < deadline)
        g_cond_wait_until (&idle, &lock, slice);
      done = running == 0;
      g_mutex_unlock (&lock);

      if (done || g_get_monotonic_time () >= deadline)
        break;
    }

  g_main_context_unref (context);
  return done;
}
