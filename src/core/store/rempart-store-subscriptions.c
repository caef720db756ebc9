/* rempart-store-subscriptions.c: the feeds the volunteer follows (worker side)
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rempart-store-private.h"

/* The description lives in feed_info's JSON (schema 3): no column of its own, so no
 * migration; json_valid() keeps a damaged column from failing the whole listing. */
#define SUB_COLUMNS                                                                          \
  "id, url, public_key, title, etag, last_modified, last_seq, expires, last_check, "         \
  "last_success, next_check, retry_after, failures, last_error, ended, is_signed, bundled, " \
  "CASE WHEN json_valid (feed_info) THEN json_extract (feed_info, '$.description') END, "    \
  "next_public_key, failure_kind"

/* -------------------------------------------------------------------------------------- */
/* Helpers                                                                                */
/* -------------------------------------------------------------------------------------- */

RempartSubscription *
rempart_store_read_subscription (sqlite3_stmt *stmt)
{
  RempartSubscription *sub = g_new0 (RempartSubscription, 1);

  sub->id = sqlite3_column_int64 (stmt, 0);
  sub->url = rempart_sqlite_dup_text (stmt, 1);
  sub->public_key = rempart_sqlite_dup_text (stmt, 2);
  sub->title = rempart_sqlite_dup_text (stmt, 3);
  sub->etag = rempart_sqlite_dup_text (stmt, 4);
  sub->last_modified = rempart_sqlite_dup_text (stmt, 5);
  sub->last_seq = sqlite3_column_int64 (stmt, 6);
  sub->expires = sqlite3_column_int64 (stmt, 7);
  sub->last_check = sqlite3_column_int64 (stmt, 8);
  sub->last_success = sqlite3_column_int64 (stmt, 9);
  sub->next_check = sqlite3_column_int64 (stmt, 10);
  sub->retry_after = sqlite3_column_int64 (stmt, 11);
  sub->failures = sqlite3_column_int (stmt, 12);
  sub->last_error = rempart_sqlite_dup_text (stmt, 13);
  sub->ended = sqlite3_column_int (stmt, 14) != 0;
  sub->is_signed = sqlite3_column_int (stmt, 15) != 0;
  sub->is_bundled = sqlite3_column_int (stmt, 16) != 0;
  sub->description = rempart_sqlite_dup_text (stmt, 17);
  sub->next_public_key = rempart_sqlite_dup_text (stmt, 18);
  sub->failure_kind =
      CLAMP (sqlite3_column_int (stmt, 19), REMPART_CHECK_FAILURE_NONE, REMPART_CHECK_FAILURE_KEY);
  return sub;
}

static void
set_not_found_error (GError **error, const char *path, gint64 id)
{
  g_set_error (error, REMPART_STORE_ERROR, REMPART_STORE_ERROR_NOT_FOUND,
               _ ("There is no subscription number %lld in “%s”: it may have been removed "
                  "meanwhile. Reload the list of groups."),
               (long long) id, path);
}

/* -------------------------------------------------------------------------------------- */
/* Jobs                                                                                   */
/* -------------------------------------------------------------------------------------- */

gboolean
rempart_store_add_sub_job (RempartStoreWorker *w, gpointer data, gpointer *out, GError **error)
{
  const RempartSubscription *sub = data;
  sqlite3 *db = rempart_store_worker_get_db (w);
  g_autoptr (sqlite3_stmt) exists = NULL;
  g_autoptr (sqlite3_stmt) insert = NULL;
  g_autoptr (sqlite3_stmt) select = NULL;

  exists = rempart_sqlite_prepare (db, "SELECT 1 FROM subscriptions WHERE url = ?1", error);
  if (exists == NULL)
    return FALSE;
  rempart_sqlite_bind_text (exists, 1, sub->url);
  switch (rempart_sqlite_step (exists, error))
    {
      case REMPART_SQLITE_ROW:
        g_set_error (error, REMPART_STORE_ERROR, REMPART_STORE_ERROR_FAILED,
                     _ ("You already follow the feed “%s”."), sub->url);
        return FALSE;
      case REMPART_SQLITE_ERROR:
        return FALSE;
      case REMPART_SQLITE_DONE:
      default:
        break;
    }

  insert = rempart_sqlite_prepare (db,
                                   "INSERT INTO subscriptions (url, public_key, bundled) VALUES "
                                   "(?1, ?2, ?3) RETURNING " SUB_COLUMNS,
                                   error);
  if (insert == NULL)
    return FALSE;
  rempart_sqlite_bind_text (insert, 1, sub->url);
  rempart_sqlite_bind_text (insert, 2, sub->public_key);
  rempart_sqlite_bind_int64 (insert, 3, sub->is_bundled ? 1 : 0);
  switch (rempart_sqlite_step (insert, error))
    {
      case REMPART_SQLITE_ROW:
        break;
      case REMPART_SQLITE_DONE:
        rempart_sqlite_set_error (error, db, SQLITE_ERROR, NULL);
        return FALSE;
      case REMPART_SQLITE_ERROR:
      default:
        return FALSE;
    }

  *out = rempart_store_read_subscription (insert);
  /* RETURNING rows are only final once the statement has run to its end. */
  if (rempart_sqlite_step (insert, error) == REMPART_SQLITE_ERROR)
    {
      g_clear_pointer (out, rempart_subscription_free);
      return FALSE;
    }
  return TRUE;
}

gboolean
rempart_store_list_subs_job (RempartStoreWorker *w, gpointer data, gpointer *out, GError **error)
{
  g_autoptr (GPtrArray) subs =
      g_ptr_array_new_with_free_func ((GDestroyNotify) rempart_subscription_free);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  RempartSqliteStep step;

  stmt = rempart_sqlite_prepare (rempart_store_worker_get_db (w),
                                 "SELECT " SUB_COLUMNS " FROM subscriptions ORDER BY id", error);
  if (stmt == NULL)
    return FALSE;

  while ((step = rempart_sqlite_step (stmt, error)) == REMPART_SQLITE_ROW)
    g_ptr_array_add (subs, rempart_store_read_subscription (stmt));
  if (step == REMPART_SQLITE_ERROR)
    return FALSE;

  *out = g_steal_pointer (&subs);
  return TRUE;
}

gboolean
rempart_store_update_sub_job (RempartStoreWorker *w, gpointer data, gpointer *out, GError **error)
{
  const RempartSubscription *sub = data;
  sqlite3 *db = rempart_store_worker_get_db (w);
  g_autoptr (sqlite3_stmt) stmt = NULL;

  stmt = rempart_sqlite_prepare (db,
                                 "UPDATE subscriptions SET title = ?2, expires = ?3, "
                                 "last_check = ?4, last_success = ?5, next_check = ?6, "
                                 "retry_after = ?7, failures = ?8, last_error = ?9, ended = ?10, "
                                 "is_signed = ?11, failure_kind = ?12 WHERE id = ?1",
                                 error);
  if (stmt == NULL)
    return FALSE;

  rempart_sqlite_bind_int64 (stmt, 1, sub->id);
  rempart_sqlite_bind_text (stmt, 2, sub->title);
  rempart_sqlite_bind_int64 (stmt, 3, sub->expires);
  rempart_sqlite_bind_int64 (stmt, 4, sub->last_check);
  rempart_sqlite_bind_int64 (stmt, 5, sub->last_success);
  rempart_sqlite_bind_int64 (stmt, 6, sub->next_check);
  rempart_sqlite_bind_int64 (stmt, 7, sub->retry_after);
  rempart_sqlite_bind_int64 (stmt, 8, sub->failures);
  rempart_sqlite_bind_text (stmt, 9, sub->last_error);
  rempart_sqlite_bind_int64 (stmt, 10, sub->ended);
  rempart_sqlite_bind_int64 (stmt, 11, sub->is_signed);
  rempart_sqlite_bind_int64 (stmt, 12, sub->failure_kind);
  if (!rempart_sqlite_step_done (stmt, error))
    return FALSE;

  if (sqlite3_changes (db) == 0)
    {
      set_not_found_error (error, rempart_store_worker_get_path (w), sub->id);
      return FALSE;
    }
  return TRUE;
}

/* The actions go with it (ON DELETE CASCADE); state, drafts and events are keyed by URL and
 * stay, so that following the group again brings them back. */
gboolean
rempart_store_remove_sub_job (RempartStoreWorker *w, gpointer data, gpointer *out, GError **error)
{
  const RempartSubscription *sub = data;
  sqlite3 *db = rempart_store_worker_get_db (w);
  g_autoptr (sqlite3_stmt) stmt = NULL;

  stmt = rempart_sqlite_prepare (db, "DELETE FROM subscriptions WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  rempart_sqlite_bind_int64 (stmt, 1, sub->id);
  if (!rempart_sqlite_step_done (stmt, error))
    return FALSE;

  if (sqlite3_changes (db) == 0)
    {
      set_not_found_error (error, rempart_store_worker_get_path (w), sub->id);
      return FALSE;
    }
  return TRUE;
}

gboolean
rempart_store_get_feed_info_job (RempartStoreWorker *w,
                                 gpointer data,
                                 gpointer *out,
                                 GError **error)
{
  const RempartSubscription *sub = data;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (RempartFeedInfo) info = NULL;

  stmt = rempart_sqlite_prepare (
      rempart_store_worker_get_db (w),
      "SELECT url, title, feed_info, bundled FROM subscriptions WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  rempart_sqlite_bind_int64 (stmt, 1, sub->id);

  switch (rempart_sqlite_step (stmt, error))
    {
      case REMPART_SQLITE_ROW:
        break;
      case REMPART_SQLITE_DONE:
        set_not_found_error (error, rempart_store_worker_get_path (w), sub->id);
        return FALSE;
      case REMPART_SQLITE_ERROR:
      default:
        return FALSE;
    }

  info = g_new0 (RempartFeedInfo, 1);
  info->subscription_id = sub->id;
  info->subscription_url = rempart_sqlite_dup_text (stmt, 0);
  info->title = rempart_sqlite_dup_text (stmt, 1);
  info->rules = g_new0 (char *, 1);
  info->templates = g_ptr_array_new_with_free_func ((GDestroyNotify) rempart_feed_template_free);
  info->is_bundled = sqlite3_column_int (stmt, 3) != 0;
  rempart_store_feed_info_from_json (info, rempart_sqlite_get_text (stmt, 2));

  *out = g_steal_pointer (&info);
  return TRUE;
}

/* The volunteer corrected a group's address or key (Preferences → Groups). What was learnt
 * with the old ones no longer holds: the validators go (the next check downloads the whole
 * feed and checks it with the new key), and so does the last error; with a new key, the
 * highest seq seen (another key's numbering). The volunteer's rows follow a new address. */
static gboolean
edit_sub_job (RempartStoreWorker *w, gpointer data, gpointer *out, GError **error)
{
  const RempartSubscription *sub = data;
  sqlite3 *db = rempart_store_worker_get_db (w);
  g_autoptr (sqlite3_stmt) select = NULL;
  g_autoptr (sqlite3_stmt) taken = NULL;
  g_autoptr (sqlite3_stmt) update = NULL;
  g_autofree char *old_url = NULL;
  g_autofree char *old_key = NULL;

  if (!rempart_store_begin (w, error))
    return FALSE;

  select =
      rempart_sqlite_prepare (db, "SELECT url, public_key FROM subscriptions WHERE id = ?1", error);
  if (select == NULL)
    goto fail;
  rempart_sqlite_bind_int64 (select, 1, sub->id);
  switch (rempart_sqlite_step (select, error))
    {
      case REMPART_SQLITE_ROW:
        break;
      case REMPART_SQLITE_DONE:
        set_not_found_error (error, rempart_store_worker_get_path (w), sub->id);
        goto fail;
      case REMPART_SQLITE_ERROR:
      default:
        goto fail;
    }
  old_url = rempart_sqlite_dup_text (select, 0);
  old_key = rempart_sqlite_dup_text (select, 1);

  if (g_strcmp0 (old_url, sub->url) != 0)
    {
      taken = rempart_sqlite_prepare (db, "SELECT 1 FROM subscriptions WHERE url = ?1 AND id != ?2",
                                      error);
      if (taken == NULL)
        goto fail;
      rempart_sqlite_bind_text (taken, 1, sub->url);
      rempart_sqlite_bind_int64 (taken, 2, sub->id);
      switch (rempart_sqlite_step (taken, error))
        {
          case REMPART_SQLITE_ROW:
            g_set_error (error, REMPART_STORE_ERROR, REMPART_STORE_ERROR_FAILED,
                         _ ("You already follow the feed “%s”."), sub->url);
            goto fail;
          case REMPART_SQLITE_ERROR:
            goto fail;
          case REMPART_SQLITE_DONE:
          default:
            break;
        }
      if (!rempart_store_rekey_user_data (db, old_url, sub->url, error))
        goto fail;
    }

  update = rempart_sqlite_prepare (
      db,
      "UPDATE subscriptions SET url = ?2, public_key = ?3, etag = NULL, last_modified = NULL, "
      "last_check = 0, last_success = 0, next_check = 0, failures = 0, last_error = NULL, "
      "failure_kind = 0, ended = 0, is_signed = 0, last_seq = CASE WHEN ?4 THEN -1 ELSE last_seq "
      "END, "
      "next_public_key = CASE WHEN ?4 THEN NULL ELSE next_public_key END WHERE id = ?1",
      error);
  if (update == NULL)
    goto fail;
  rempart_sqlite_bind_int64 (update, 1, sub->id);
  rempart_sqlite_bind_text (update, 2, sub->url);
  rempart_sqlite_bind_text (update, 3, sub->public_key);
  rempart_sqlite_bind_int64 (update, 4, g_strcmp0 (old_key, sub->public_key) != 0);
  if (!rempart_sqlite_step_done (update, error))
    goto fail;

  return rempart_store_commit (w, error);

fail:
  rempart_store_rollback (w);
  return FALSE;
}

static gboolean
forget_url_job (RempartStoreWorker *w, gpointer data, gpointer *out, GError **error)
{
  const RempartSubscription *sub = data;
  sqlite3 *db = rempart_store_worker_get_db (w);
  static const char *const statements[] = {
    "DELETE FROM subscriptions WHERE url = ?1",
    "DELETE FROM action_state WHERE subscription_url = ?1",
    "DELETE FROM drafts WHERE subscription_url = ?1",
    "DELETE FROM events WHERE subscription_url = ?1",
  };

  if (!rempart_store_begin (w, error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (statements); i++)
    {
      g_autoptr (sqlite3_stmt) stmt = rempart_sqlite_prepare (db, statements[i], error);

      if (stmt == NULL)
        goto fail;
      rempart_sqlite_bind_text (stmt, 1, sub->url);
      if (!rempart_sqlite_step_done (stmt, error))
        goto fail;
    }

  return rempart_store_commit (w, error);

fail:
  rempart_store_rollback (w);
  return FALSE;
}

static RempartSubscription *
forget_url_data_new (const char *url)
{
  RempartSubscription *sub = g_new0 (RempartSubscription, 1);

  sub->url = g_strdup (url);
  return sub;
}

void
rempart_store_forget_subscription_url_async (RempartStore *self,
                                             const char *url,
                                             GCancellable *cancellable,
                                             GAsyncReadyCallback callback,
                                             gpointer user_data)
{
  g_return_if_fail (REMPART_IS_STORE (self));
  g_return_if_fail (url != NULL);

  rempart_store_push (self, rempart_store_forget_subscription_url_async, cancellable, callback,
                      user_data, forget_url_job, forget_url_data_new (url),
                      (GDestroyNotify) rempart_subscription_free, NULL);
}

gboolean
rempart_store_forget_subscription_url_finish (RempartStore *self,
                                              GAsyncResult *result,
                                              GError **error)
{
  return rempart_store_finish_boolean (self, result, rempart_store_forget_subscription_url_async,
                                       error);
}

gboolean
rempart_store_forget_subscription_url_sync (RempartStore *self, const char *url, GError **error)
{
  g_return_val_if_fail (REMPART_IS_STORE (self), FALSE);
  g_return_val_if_fail (url != NULL, FALSE);

  return rempart_store_run_sync (self, forget_url_job, forget_url_data_new (url),
                                 (GDestroyNotify) rempart_subscription_free, NULL, error);
}

/*
 * rempart_store_edit_subscription_async:
 * @subscription_id: the subscription to correct
 * @url: its address, normalized (rempart_feed_normalize_url())
 * @public_key: (nullable): its key, a base64 line, or %NULL for an unsigned feed
 *
 * Saves a group's corrected address and key, as the volunteer typed them, in one transaction:
 * the check status starts again ("not checked yet"; the next check downloads the whole feed),
 * a new key also forgets the highest seq seen, and the volunteer's state, drafts and events
 * follow a new address. Fails with REMPART_STORE_ERROR_FAILED when another subscription
 * already has @url, and REMPART_STORE_ERROR_NOT_FOUND when this one is gone.
 */
void
rempart_store_edit_subscription_async (RempartStore *self,
                                       gint64 subscription_id,
                                       const char *url,
                                       const char *public_key,
                                       GCancellable *cancellable,
                                       GAsyncReadyCallback callback,
                                       gpointer user_data)
{
  RempartSubscription *data;

  g_return_if_fail (REMPART_IS_STORE (self));
  g_return_if_fail (url != NULL);

  data = g_new0 (RempartSubscription, 1);
  data->id = subscription_id;
  data->url = g_strdup (url);
  data->public_key = g_strdup (public_key);
  rempart_store_push (self, rempart_store_edit_subscription_async, cancellable, callback, user_data,
                      edit_sub_job, data, (GDestroyNotify) rempart_subscription_free, NULL);
}

gboolean
rempart_store_edit_subscription_finish (RempartStore *self, GAsyncResult *result, GError **error)
{
  return rempart_store_finish_boolean (self, result, rempart_store_edit_subscription_async, error);
}

gboolean
rempart_store_edit_subscription_sync (RempartStore *self,
                                      gint64 subscription_id,
                                      const char *url,
                                      const char *public_key,
                                      GError **error)
{
  RempartSubscription *data;

  g_return_val_if_fail (REMPART_IS_STORE (self), FALSE);
  g_return_val_if_fail (url != NULL, FALSE);

  data = g_new0 (RempartSubscription, 1);
  data->id = subscription_id;
  data->url = g_strdup (url);
  data->public_key = g_strdup (public_key);
  return rempart_store_run_sync (self, edit_sub_job, data,
                                 (GDestroyNotify) rempart_subscription_free, NULL, error);
}
