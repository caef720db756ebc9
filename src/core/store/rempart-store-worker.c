/* rempart-store-worker.c: the thread that owns the connection
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rempart-store-group-rows.h"

/*
 * One thread owns the sqlite3 connection and runs jobs from a queue, one after the other:
 * the main loop never waits on the disk, and with a single connection a transaction never
 * meets another of ours. Async jobs carry a GTask, which brings the result back to the
 * caller's main context; sync jobs carry a mutex and a condition the caller waits on.
 *
 * The worker is reference counted because the last reference to the store can go away on
 * the worker thread itself (a GTask dropped there after returning): that thread cannot join
 * itself, so it is detached and frees the worker when its loop ends.
 */

/* -------------------------------------------------------------------------------------- */
/* Types                                                                                  */
/* -------------------------------------------------------------------------------------- */

struct _RempartStoreWorker
{
  gatomicrefcount ref_count;
  char *path;
  GThread *thread;
  GAsyncQueue *jobs;
  sqlite3 *db;          /* only touched on the worker thread */
  gint64 now;           /* test clock, set before the jobs that read it are queued */
  guint import_fail_at; /* test hook, atomic */
  /* What the last read of a group's item hashes found, for its import: worker thread only */
  RempartStoreGroupRows *group_rows;
  guint group_rows_reused; /* test counter, atomic */
};

typedef struct
{
  GMutex mutex;
  GCond cond;
  gboolean done;
  gboolean ok;
  gpointer result;
  GError *error;
} SyncWait;

typedef struct
{
  RempartStoreJobFunc func; /* NULL: stop */
  gpointer data;
  GDestroyNotify data_free;
  GDestroyNotify result_free;
  GTask *task;    /* async */
  SyncWait *wait; /* sync */
} Job;

/* -------------------------------------------------------------------------------------- */
/* Helpers                                                                                */
/* -------------------------------------------------------------------------------------- */

static void
job_free (Job *job)
{
  if (job->data_free != NULL)
    g_clear_pointer (&job->data, job->data_free);
  g_clear_object (&job->task);
  g_free (job);
}

static void
job_run (RempartStoreWorker *self, Job *job)
{
  g_autoptr (GError) error = NULL;
  gpointer result = NULL;
  gboolean ok;

  /* Cancelled before it ran: nothing was done, say so. */
  if (job->task != NULL && g_task_return_error_if_cancelled (job->task))
    {
      job_free (job);
      return;
    }

  ok = job->func (self, job->data, &result, &error);
  g_assert (ok == (error == NULL));

  if (job->task != NULL)
    {
      if (!ok)
        g_task_return_error (job->task, g_steal_pointer (&error));
      else if (job->result_free == NULL)
        g_task_return_boolean (job->task, TRUE);
      else
        g_task_return_pointer (job->task, result, job->result_free);
      job_free (job);
      return;
    }

  /* Free the job's data here, before waking the caller: after the signal, the job (which
   * lives on the caller's stack) is no longer ours. */
  if (job->data_free != NULL)
    g_clear_pointer (&job->data, job->data_free);

  g_mutex_lock (&job->wait->mutex);
  job->wait->ok = ok;
  job->wait->result = result;
  job->wait->error = g_steal_pointer (&error);
  job->wait->done = TRUE;
  g_cond_signal (&job->wait->cond);
  g_mutex_unlock (&job->wait->mutex);
}

static gpointer
worker_thread (gpointer user_data)
{
  RempartStoreWorker *self = user_data;

  for (;;)
    {
      Job *job = g_async_queue_pop (self->jobs);

      if (job->func == NULL)
        {
          job_free (job);
          break;
        }

      job_run (self, job);
    }

  /* Closing checkpoints the WAL into the main file, so a clean exit leaves one file. */
  g_clear_pointer (&self->group_rows, rempart_store_group_rows_free);
  g_clear_pointer (&self->db, sqlite3_close);
  rempart_store_worker_unref (self);
  return NULL;
}

/* -------------------------------------------------------------------------------------- */
/* Private API                                                                            */
/* -------------------------------------------------------------------------------------- */

RempartStoreWorker *
rempart_store_worker_new (const char *path)
{
  RempartStoreWorker *self = g_new0 (RempartStoreWorker, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->path = g_strdup (path);
  self->jobs = g_async_queue_new ();
  /* The thread's own reference, dropped when its loop ends. */
  rempart_store_worker_ref (self);
  self->thread = g_thread_new ("rempart-store", worker_thread, self);
  return self;
}

RempartStoreWorker *
rempart_store_worker_ref (RempartStoreWorker *self)
{
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
rempart_store_worker_unref (RempartStoreWorker *self)
{
  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_assert (self->db == NULL);
  g_async_queue_unref (self->jobs);
  g_free (self->path);
  g_free (self);
}

/*
 * rempart_store_worker_stop:
 *
 * Queues the end of the loop behind the jobs already queued, so they all run, and waits for
 * it, unless called from the worker thread itself.
 */
void
rempart_store_worker_stop (RempartStoreWorker *self)
{
  GThread *thread = g_steal_pointer (&self->thread);

  if (thread == NULL)
    return;

  g_async_queue_push (self->jobs, g_new0 (Job, 1));
  if (thread == g_thread_self ())
    g_thread_unref (thread);
  else
    g_thread_join (thread);
}

const char *
rempart_store_worker_get_path (RempartStoreWorker *self)
{
  return self->path;
}

sqlite3 *
rempart_store_worker_get_db (RempartStoreWorker *self)
{
  return self->db;
}

void
rempart_store_worker_set_db (RempartStoreWorker *self, sqlite3 *db)
{
  /* Read on the connection that goes: its counts of changes mean nothing to the next. */
  g_clear_pointer (&self->group_rows, rempart_store_group_rows_free);
  g_clear_pointer (&self->db, sqlite3_close);
  self->db = db;
}

void
rempart_store_worker_set_group_rows (RempartStoreWorker *self, RempartStoreGroupRows *rows)
{
  g_clear_pointer (&self->group_rows, rempart_store_group_rows_free);
  self->group_rows = rows;
}

RempartStoreGroupRows *
rempart_store_worker_steal_group_rows (RempartStoreWorker *self)
{
  return g_steal_pointer (&self->group_rows);
}

void
rempart_store_worker_count_group_rows_reused (RempartStoreWorker *self)
{
  g_atomic_int_inc (&self->group_rows_reused);
}

guint
rempart_store_worker_get_group_rows_reused (RempartStoreWorker *self)
{
  return g_atomic_int_get (&self->group_rows_reused);
}

gint64
rempart_store_worker_now (RempartStoreWorker *self)
{
  return self->now != 0 ? self->now : g_get_real_time () / G_USEC_PER_SEC;
}

void
rempart_store_worker_set_now (RempartStoreWorker *self, gint64 now)
{
  self->now = now;
}

guint
rempart_store_worker_get_import_fail_at (RempartStoreWorker *self)
{
  return g_atomic_int_get (&self->import_fail_at);
}

void
rempart_store_worker_set_import_fail_at (RempartStoreWorker *self, guint n)
{
  g_atomic_int_set (&self->import_fail_at, n);
}

void
rempart_store_worker_push_task (RempartStoreWorker *self,
                                GTask *task,
                                RempartStoreJobFunc func,
                                gpointer data,
                                GDestroyNotify data_free,
                                GDestroyNotify result_free)
{
  Job *job = g_new0 (Job, 1);

  job->func = func;
  job->data = data;
  job->data_free = data_free;
  job->result_free = result_free;
  job->task = g_object_ref (task);
  g_async_queue_push (self->jobs, job);
}

/* Blocks on a condition variable, not a nested main loop: nothing else runs meanwhile. */
gboolean
rempart_store_worker_run_sync (RempartStoreWorker *self,
                               RempartStoreJobFunc func,
                               gpointer data,
                               GDestroyNotify data_free,
                               gpointer *out_result,
                               GError **error)
{
  SyncWait wait = { 0 };
  Job *job = g_new0 (Job, 1);
  gpointer result;

  g_return_val_if_fail (self->thread != g_thread_self (), FALSE);

  g_mutex_init (&wait.mutex);
  g_cond_init (&wait.cond);
  job->func = func;
  job->data = data;
  job->data_free = data_free;
  job->wait = &wait;

  g_mutex_lock (&wait.mutex);
  g_async_queue_push (self->jobs, job);
  while (!wait.done)
    g_cond_wait (&wait.cond, &wait.mutex);
  g_mutex_unlock (&wait.mutex);

  g_free (job);
  g_mutex_clear (&wait.mutex);
  g_cond_clear (&wait.cond);

  result = wait.result;
  if (!wait.ok)
    {
      g_propagate_error (error, wait.error);
      return FALSE;
    }
  if (out_result != NULL)
    *out_result = result;
  return TRUE;
}

/* The page cache is small between transactions (rempart_store_schema_open()) and SQLite's
 * default inside them: an import of 10,000 actions reads its indexes' pages again and again
 * (docs/performance.md, change 25). Shrinking it frees the pages beyond the limit. */
#define CACHE_SIZE_READING "PRAGMA cache_size = -256"
#define CACHE_SIZE_WRITING "PRAGMA cache_size = -2000"

gboolean
rempart_store_begin (RempartStoreWorker *self, GError **error)
{
  return rempart_sqlite_exec (self->db, CACHE_SIZE_WRITING ";BEGIN IMMEDIATE", error);
}

gboolean
rempart_store_commit (RempartStoreWorker *self, GError **error)
{
  if (rempart_sqlite_exec (self->db, "COMMIT", error))
    {
      sqlite3_exec (self->db, CACHE_SIZE_READING, NULL, NULL, NULL);
      return TRUE;
    }

  rempart_store_rollback (self);
  return FALSE;
}

void
rempart_store_rollback (RempartStoreWorker *self)
{
  /* Nothing to report: after a failed statement SQLite may already have rolled back. */
  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_exec (self->db, CACHE_SIZE_READING, NULL, NULL, NULL);
}
