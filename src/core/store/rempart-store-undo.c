/* rempart-store-undo.c: taking back a state the volunteer set (Not for Me → Undo, Put Back)
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Rempart"

#include "config.h"

#include "rempart-store-private.h"
#include "rempart-store-undo.h"

/*
 * Clearing a flag also deletes its participation events for that action: an action set aside
 * by mistake and put back was never set aside, and the volunteer's own statistics say so.
 */

static gboolean
clear_state (sqlite3 *db, RempartStoreKeyData *key, gint64 now, GError **error)
{
  g_autoptr (sqlite3_stmt) write = NULL;
  g_autoptr (sqlite3_stmt) events = NULL;

  write = rempart_sqlite_prepare (db,
                                  "UPDATE action_state SET state = state & ~?3, updated = ?4"
                                  " WHERE subscription_url = ?1 AND action_id = ?2",
                                  error);
  if (write == NULL)
    return FALSE;
  rempart_sqlite_bind_text (write, 1, key->subscription_url);
  rempart_sqlite_bind_text (write, 2, key->action_id);
  rempart_sqlite_bind_int64 (write, 3, key->state);
  rempart_sqlite_bind_int64 (write, 4, now);
  if (!rempart_sqlite_step_done (write, error))
    return FALSE;

  events = rempart_sqlite_prepare (db,
                                   "DELETE FROM events WHERE subscription_url = ?1"
                                   " AND action_id = ?2 AND (kind & ?3) != 0",
                                   error);
  if (events == NULL)
    return FALSE;
  rempart_sqlite_bind_text (events, 1, key->subscription_url);
  rempart_sqlite_bind_text (events, 2, key->action_id);
  rempart_sqlite_bind_int64 (events, 3, key->state);
  return rempart_sqlite_step_done (events, error);
}

static gboolean
clear_state_job (RempartStoreWorker *w, gpointer data, gpointer *out, GError **error)
{
  if (!rempart_store_begin (w, error))
    return FALSE;

  if (!clear_state (rempart_store_worker_get_db (w), data, rempart_store_worker_now (w), error) ||
      !rempart_store_commit (w, error))
    {
      rempart_store_rollback (w);
      return FALSE;
    }

  return TRUE;
}

static RempartStoreKeyData *
key_data_new (const char *subscription_url, const char *action_id, RempartActionState state)
{
  RempartStoreKeyData *key = g_new0 (RempartStoreKeyData, 1);

  key->subscription_url = g_strdup (subscription_url);
  key->action_id = g_strdup (action_id);
  key->state = state;
  return key;
}

void
rempart_store_clear_action_state_async (RempartStore *self,
                                        const char *subscription_url,
                                        const char *action_id,
                                        RempartActionState state,
                                        GCancellable *cancellable,
                                        GAsyncReadyCallback callback,
                                        gpointer user_data)
{
  g_return_if_fail (REMPART_IS_STORE (self));
  g_return_if_fail (subscription_url != NULL && action_id != NULL);

  rempart_store_push (self, rempart_store_clear_action_state_async, cancellable, callback,
                      user_data, clear_state_job, key_data_new (subscription_url, action_id, state),
                      (GDestroyNotify) rempart_store_key_data_free, NULL);
}

gboolean
rempart_store_clear_action_state_finish (RempartStore *self, GAsyncResult *result, GError **error)
{
  return rempart_store_finish_boolean (self, result, rempart_store_clear_action_state_async, error);
}

gboolean
rempart_store_clear_action_state_sync (RempartStore *self,
                                       const char *subscription_url,
                                       const char *action_id,
                                       RempartActionState state,
                                       GError **error)
{
  g_return_val_if_fail (REMPART_IS_STORE (self), FALSE);
  g_return_val_if_fail (subscription_url != NULL && action_id != NULL, FALSE);

  return rempart_store_run_sync (self, clear_state_job,
                                 key_data_new (subscription_url, action_id, state),
                                 (GDestroyNotify) rempart_store_key_data_free, NULL, error);
}
