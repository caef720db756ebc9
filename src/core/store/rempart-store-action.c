/* rempart-store-action.c: one action read whole, for the page that shows it
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rempart-store-action.h"
#include "rempart-store-private.h"

/*
 * The lists keep no action's details (rempart-store-list.c): a row is the columns it shows.
 * A page asks for one action here, by its key in the actions table, and gets it parsed on
 * the store's thread, so the main loop never parses JSON for it. The content tag comes with
 * it, so that the caller can tell whether the row it holds is still this action.
 */

typedef struct
{
  gint64 subscription_id;
  char *action_id;
} ReadData;

typedef struct
{
  RempartAction *action;
  guint64 content_tag;
} ReadResult;

/* -------------------------------------------------------------------------------------- */
/* Helpers                                                                                */
/* -------------------------------------------------------------------------------------- */

static ReadData *
read_data_new (gint64 subscription_id, const char *action_id)
{
  ReadData *data = g_new0 (ReadData, 1);

  data->subscription_id = subscription_id;
  data->action_id = g_strdup (action_id);
  return data;
}

static void
read_data_free (ReadData *data)
{
  g_free (data->action_id);
  g_free (data);
}

static void
read_result_free (ReadResult *result)
{
  g_clear_object (&result->action);
  g_free (result);
}

static RempartAction *
read_result_steal (ReadResult *result, guint64 *out_content_tag)
{
  RempartAction *action = g_steal_pointer (&result->action);

  if (out_content_tag != NULL)
    *out_content_tag = result->content_tag;
  read_result_free (result);
  return action;
}

static gboolean
read_action_job (RempartStoreWorker *w, gpointer data, gpointer *out, GError **error)
{
  ReadData *read = data;
  g_autoptr (JsonParser) parser = json_parser_new_immutable ();
  g_autoptr (sqlite3_stmt) stmt = NULL;
  ReadResult *result;
  RempartSqliteStep step;

  stmt = rempart_sqlite_prepare (rempart_store_worker_get_db (w),
                                 "SELECT action_id, url, title, topic, priority, platform, details,"
                                 " substr (hash, 1, 16) FROM actions"
                                 " WHERE subscription_id = ?1 AND action_id = ?2",
                                 error);
  if (stmt == NULL)
    return FALSE;
  rempart_sqlite_bind_int64 (stmt, 1, read->subscription_id);
  rempart_sqlite_bind_text (stmt, 2, read->action_id);

  step = rempart_sqlite_step (stmt, error);
  if (step == REMPART_SQLITE_ERROR)
    return FALSE;
  if (step != REMPART_SQLITE_ROW)
    {
      g_set_error (error, REMPART_STORE_ERROR, REMPART_STORE_ERROR_NOT_FOUND,
                   /* Translators: %s is an action's id in its group's feed */
                   _ ("The action “%s” is no longer stored: its group took it out of its feed, "
                      "or the group was removed, since the list was shown."),
                   read->action_id);
      return FALSE;
    }

  result = g_new0 (ReadResult, 1);
  result->action = rempart_store_action_from_row (stmt, 0, parser);
  result->content_tag = rempart_store_content_tag (rempart_sqlite_get_text (stmt, 7));
  *out = result;
  return TRUE;
}

/* -------------------------------------------------------------------------------------- */
/* Private API                                                                            */
/* -------------------------------------------------------------------------------------- */

guint64
rempart_store_content_tag (const char *hash)
{
  return hash != NULL ? g_ascii_strtoull (hash, NULL, 16) : 0;
}

/* -------------------------------------------------------------------------------------- */
/* Public API                                                                             */
/* -------------------------------------------------------------------------------------- */

void
rempart_store_read_action_async (RempartStore *self,
                                 gint64 subscription_id,
                                 const char *action_id,
                                 GCancellable *cancellable,
                                 GAsyncReadyCallback callback,
                                 gpointer user_data)
{
  g_return_if_fail (REMPART_IS_STORE (self));
  g_return_if_fail (action_id != NULL);

  rempart_store_push (self, rempart_store_read_action_async, cancellable, callback, user_data,
                      read_action_job, read_data_new (subscription_id, action_id),
                      (GDestroyNotify) read_data_free, (GDestroyNotify) read_result_free);
}

RempartAction *
rempart_store_read_action_finish (RempartStore *self,
                                  GAsyncResult *result,
                                  guint64 *out_content_tag,
                                  GError **error)
{
  ReadResult *read;

  read = rempart_store_finish_pointer (self, result, rempart_store_read_action_async, error);
  return read != NULL ? read_result_steal (read, out_content_tag) : NULL;
}

RempartAction *
rempart_store_read_action_sync (RempartStore *self,
                                gint64 subscription_id,
                                const char *action_id,
                                guint64 *out_content_tag,
                                GError **error)
{
  gpointer read = NULL;

  g_return_val_if_fail (REMPART_IS_STORE (self), NULL);
  g_return_val_if_fail (action_id != NULL, NULL);

  if (!rempart_store_run_sync (self, read_action_job, read_data_new (subscription_id, action_id),
                               (GDestroyNotify) read_data_free, &read, error))
    return NULL;
  return read_result_steal (read, out_content_tag);
}
