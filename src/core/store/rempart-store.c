/* rempart-store.c: the volunteer's local database, public API
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "rempart-store-group-rows.h"

/*
 * The public face of the store: every call becomes a job for the worker thread
 * (rempart-store-worker.c). Async calls wrap it in a GTask that does not check its
 * cancellable again on return: a job that ran (a draft that was saved) reports what it did,
 * even if the caller cancelled meanwhile. A cancellable is honoured up to the moment the
 * job starts.
 */

struct _RempartStore
{
  GObject parent_instance;

  char *path;
  RempartStoreWorker *worker; /* NULL once closed */
};

G_DEFINE_FINAL_TYPE (RempartStore, rempart_store, G_TYPE_OBJECT)

/* -------------------------------------------------------------------------------------- */
/* Helpers                                                                                */
/* -------------------------------------------------------------------------------------- */

static void
set_closed_error (GError **error, const char *path)
{
  g_set_error (error, REMPART_STORE_ERROR, REMPART_STORE_ERROR_CLOSED,
               _ ("The database “%s” is already closed."), path);
}

void
rempart_store_push (RempartStore *self,
                    gpointer source_tag,
                    GCancellable *cancellable,
                    GAsyncReadyCallback callback,
                    gpointer user_data,
                    RempartStoreJobFunc func,
                    gpointer data,
                    GDestroyNotify data_free,
                    GDestroyNotify result_free)
{
  g_autoptr (GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  g_task_set_check_cancellable (task, FALSE);

  if (self->worker == NULL)
    {
      GError *error = NULL;

      if (data_free != NULL)
        data_free (data);
      set_closed_error (&error, self->path);
      g_task_return_error (task, error);
      return;
    }

  rempart_store_worker_push_task (self->worker, task, func, data, data_free, result_free);
}

gboolean
rempart_store_run_sync (RempartStore *self,
                        RempartStoreJobFunc func,
                        gpointer data,
                        GDestroyNotify data_free,
                        gpointer *out_result,
                        GError **error)
{
  if (self->worker == NULL)
    {
      if (data_free != NULL)
        data_free (data);
      set_closed_error (error, self->path);
      return FALSE;
    }

  return rempart_store_worker_run_sync (self->worker, func, data, data_free, out_result, error);
}

gboolean
rempart_store_finish_boolean (RempartStore *self,
                              GAsyncResult *result,
                              gpointer source_tag,
                              GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

gpointer
rempart_store_finish_pointer (RempartStore *self,
                              GAsyncResult *result,
                              gpointer source_tag,
                              GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static gboolean
open_job (RempartStoreWorker *worker, gpointer data, gpointer *out_result, GError **error)
{
  if (!rempart_store_schema_open (worker, error))
    return FALSE;

  *out_result = g_object_ref (data);
  return TRUE;
}

static RempartStore *
store_new (const char *path)
{
  RempartStore *self = g_object_new (REMPART_TYPE_STORE, NULL);

  self->path = g_strdup (path);
  self->worker = rempart_store_worker_new (path);
  return self;
}

/* -------------------------------------------------------------------------------------- */
/* Overrides                                                                              */
/* -------------------------------------------------------------------------------------- */

static void
rempart_store_dispose (GObject *object)
{
  rempart_store_close (REMPART_STORE (object));

  G_OBJECT_CLASS (rempart_store_parent_class)->dispose (object);
}

static void
rempart_store_finalize (GObject *object)
{
  RempartStore *self = REMPART_STORE (object);

  g_free (self->path);

  G_OBJECT_CLASS (rempart_store_parent_class)->finalize (object);
}

static void
rempart_store_class_init (RempartStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rempart_store_dispose;
  object_class->finalize = rempart_store_finalize;
}

static void
rempart_store_init (RempartStore *self)
{
}

/* -------------------------------------------------------------------------------------- */
/* Public API: opening and closing                                                        */
/* -------------------------------------------------------------------------------------- */

char *
rempart_store_get_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "rempart", "rempart.db", NULL);
}

/*
 * rempart_store_open_async:
 * @path: (nullable): the database file, %NULL for rempart_store_get_default_path()
 *
 * A database that is damaged or from a newer Rempart is refused (REMPART_STORE_ERROR_CORRUPT
 * or _TOO_NEW) and left byte for byte as it was.
 */
void
rempart_store_open_async (const char *path,
                          GCancellable *cancellable,
                          GAsyncReadyCallback callback,
                          gpointer user_data)
{
  g_autofree char *default_path = path == NULL ? rempart_store_get_default_path () : NULL;
  g_autoptr (RempartStore) store = store_new (path != NULL ? path : default_path);
  g_autoptr (GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, rempart_store_open_async);
  g_task_set_check_cancellable (task, FALSE);
  rempart_store_worker_push_task (store->worker, task, open_job, g_object_ref (store),
                                  g_object_unref, g_object_unref);
}

RempartStore *
rempart_store_open_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == rempart_store_open_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

RempartStore *
rempart_store_open_sync (const char *path, GCancellable *cancellable, GError **error)
{
  g_autofree char *default_path = path == NULL ? rempart_store_get_default_path () : NULL;
  g_autoptr (RempartStore) store = store_new (path != NULL ? path : default_path);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  if (!rempart_store_worker_run_sync (store->worker, open_job, store, NULL, NULL, error))
    return NULL;

  /* open_job handed back a reference of its own. */
  g_object_unref (store);
  return g_steal_pointer (&store);
}

char *
rempart_store_move_aside (const char *path, GError **error)
{
  static const char *const suffixes[] = { "", "-wal", "-shm" };
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *new_path = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  new_path = g_strdup_printf ("%s.broken-%s", path, date);
  for (guint n = 2; g_file_test (new_path, G_FILE_TEST_EXISTS); n++)
    {
      g_free (new_path);
      new_path = g_strdup_printf ("%s.broken-%s-%u", path, date, n);
    }

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *from = g_strconcat (path, suffixes[i], NULL);
      g_autofree char *to = g_strconcat (new_path, suffixes[i], NULL);

      /* The -wal and -shm files are often absent; the database itself must be there. */
      if (i > 0 && !g_file_test (from, G_FILE_TEST_EXISTS))
        continue;
      if (g_rename (from, to) != 0)
        {
          int saved_errno = errno;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       _ ("Could not rename “%s” to “%s”: %s. Move it aside yourself, then "
                          "start Rempart again."),
                       from, to, g_strerror (saved_errno));
          return NULL;
        }
    }

  return g_steal_pointer (&new_path);
}

const char *
rempart_store_get_path (RempartStore *self)
{
  g_return_val_if_fail (REMPART_IS_STORE (self), NULL);

  return self->path;
}

/*
 * rempart_store_close:
 *
 * Runs the jobs already queued, then stops the worker and closes the connection (which
 * folds the WAL back into the database). Calls made afterwards fail with
 * REMPART_STORE_ERROR_CLOSED.
 */
void
rempart_store_close (RempartStore *self)
{
  RempartStoreWorker *worker;

  g_return_if_fail (REMPART_IS_STORE (self));

  worker = g_steal_pointer (&self->worker);
  if (worker == NULL)
    return;

  rempart_store_worker_stop (worker);
  rempart_store_worker_unref (worker);
}

void
rempart_store_set_now_for_testing (RempartStore *self, gint64 now)
{
  g_return_if_fail (REMPART_IS_STORE (self) && self->worker != NULL);

  rempart_store_worker_set_now (self->worker, now);
}

void
rempart_store_set_import_fail_at_for_testing (RempartStore *self, guint n)
{
  g_return_if_fail (REMPART_IS_STORE (self) && self->worker != NULL);

  rempart_store_worker_set_import_fail_at (self->worker, n);
}

guint
rempart_store_get_group_rows_reused_for_testing (RempartStore *self)
{
  g_return_val_if_fail (REMPART_IS_STORE (self) && self->worker != NULL, 0);

  return rempart_store_worker_get_group_rows_reused (self->worker);
}
