/* rempart-store-keys.c: a subscription's key and the key it will take next (key rotation)
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rempart-store-private.h"

/* ------------------------------------------------------------------------------------------ */
/* Structures                                                                                 */
/* ------------------------------------------------------------------------------------------ */

typedef struct
{
  gint64 id;
  char *verified_key;
  char *public_key;
  char *next_public_key;
} KeysData;

/* ------------------------------------------------------------------------------------------ */
/* Helpers                                                                                    */
/* ------------------------------------------------------------------------------------------ */

static void
keys_data_free (KeysData *data)
{
  g_free (data->verified_key);
  g_free (data->public_key);
  g_free (data->next_public_key);
  g_free (data);
}

static KeysData *
keys_data_new (gint64 id,
               const char *verified_key,
               const char *public_key,
               const char *next_public_key)
{
  KeysData *data = g_new0 (KeysData, 1);

  data->id = id;
  data->verified_key = g_strdup (verified_key);
  data->public_key = g_strdup (public_key);
  data->next_public_key = g_strdup (next_public_key);
  return data;
}

/* ------------------------------------------------------------------------------------------ */
/* Jobs                                                                                       */
/* ------------------------------------------------------------------------------------------ */

/* One statement: the guard and the change cannot be separated by another writer. */
static gboolean
set_keys_job (RempartStoreWorker *w, gpointer data, gpointer *out, GError **error)
{
  const KeysData *keys = data;
  g_autoptr (sqlite3_stmt) stmt = NULL;

  stmt = rempart_sqlite_prepare (rempart_store_worker_get_db (w),
                                 "UPDATE subscriptions SET public_key = ?2, next_public_key = ?3 "
                                 "WHERE id = ?1 AND (public_key = ?4 OR next_public_key = ?4)",
                                 error);
  if (stmt == NULL)
    return FALSE;
  rempart_sqlite_bind_int64 (stmt, 1, keys->id);
  rempart_sqlite_bind_text (stmt, 2, keys->public_key);
  rempart_sqlite_bind_text (stmt, 3, keys->next_public_key);
  rempart_sqlite_bind_text (stmt, 4, keys->verified_key);
  return rempart_sqlite_step_done (stmt, error);
}

/* ------------------------------------------------------------------------------------------ */
/* Public API                                                                                 */
/* ------------------------------------------------------------------------------------------ */

void
rempart_store_set_subscription_keys_async (RempartStore *self,
                                           gint64 subscription_id,
                                           const char *verified_key,
                                           const char *public_key,
                                           const char *next_public_key,
                                           GCancellable *cancellable,
                                           GAsyncReadyCallback callback,
                                           gpointer user_data)
{
  g_return_if_fail (REMPART_IS_STORE (self));
  g_return_if_fail (verified_key != NULL && public_key != NULL);

  rempart_store_push (self, rempart_store_set_subscription_keys_async, cancellable, callback,
                      user_data, set_keys_job,
                      keys_data_new (subscription_id, verified_key, public_key, next_public_key),
                      (GDestroyNotify) keys_data_free, NULL);
}

gboolean
rempart_store_set_subscription_keys_finish (RempartStore *self,
                                            GAsyncResult *result,
                                            GError **error)
{
  return rempart_store_finish_boolean (self, result, rempart_store_set_subscription_keys_async,
                                       error);
}

gboolean
rempart_store_set_subscription_keys_sync (RempartStore *self,
                                          gint64 subscription_id,
                                          const char *verified_key,
                                          const char *public_key,
                                          const char *next_public_key,
                                          GError **error)
{
  g_return_val_if_fail (REMPART_IS_STORE (self), FALSE);
  g_return_val_if_fail (verified_key != NULL && public_key != NULL, FALSE);

  return rempart_store_run_sync (
      self, set_keys_job,
      keys_data_new (subscription_id, verified_key, public_key, next_public_key),
      (GDestroyNotify) keys_data_free, NULL, error);
}
