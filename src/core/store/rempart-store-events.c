/* rempart-store-events.c: participation read back, and forgotten for good
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rempart-store-private.h"

/*
 * The statistics, the history of posted replies and their export read these; "Forget" deletes
 * them. Titles and topics are joined from the rows as stored now (the volunteer's rows are
 * keyed by URL, not by foreign key), so an event outlives its action and group, nameless.
 *
 * Forgetting must leave nothing readable in the file: SQLite only marks deleted rows' pages
 * free, and in WAL mode the old pages also sit in the -wal file. So deletes run with
 * secure_delete on, then VACUUM rebuilds the file without free pages, and a TRUNCATE
 * checkpoint copies it back and empties the -wal.
 */

/* -------------------------------------------------------------------------------------- */
/* Boxed copies                                                                           */
/* -------------------------------------------------------------------------------------- */

RempartParticipationEvent *
rempart_participation_event_copy (const RempartParticipationEvent *ev)
{
  RempartParticipationEvent *copy = g_memdup2 (ev, sizeof *ev);

  copy->subscription_url = g_strdup (ev->subscription_url);
  copy->action_id = g_strdup (ev->action_id);
  copy->group_title = g_strdup (ev->group_title);
  copy->action_title = g_strdup (ev->action_title);
  return copy;
}

void
rempart_participation_event_free (RempartParticipationEvent *ev)
{
  if (ev == NULL)
    return;
  g_free (ev->subscription_url);
  g_free (ev->action_id);
  g_free (ev->group_title);
  g_free (ev->action_title);
  g_free (ev);
}

RempartPostedReply *
rempart_posted_reply_copy (const RempartPostedReply *reply)
{
  RempartPostedReply *copy = g_memdup2 (reply, sizeof *reply);

  copy->subscription_url = g_strdup (reply->subscription_url);
  copy->action_id = g_strdup (reply->action_id);
  copy->group_title = g_strdup (reply->group_title);
  copy->action_title = g_strdup (reply->action_title);
  copy->text = g_strdup (reply->text);
  return copy;
}

void
rempart_posted_reply_free (RempartPostedReply *reply)
{
  if (reply == NULL)
    return;
  g_free (reply->subscription_url);
  g_free (reply->action_id);
  g_free (reply->group_title);
  g_free (reply->action_title);
  g_free (reply->text);
  g_free (reply);
}

/* -------------------------------------------------------------------------------------- */
/* Jobs                                                                                   */
/* -------------------------------------------------------------------------------------- */

static gboolean
list_events_job (RempartStoreWorker *w, gpointer data, gpointer *out, GError **error)
{
  g_autoptr (GPtrArray) list =
      g_ptr_array_new_with_free_func ((GDestroyNotify) rempart_participation_event_free);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  RempartSqliteStep step;

  stmt = rempart_sqlite_prepare (
      rempart_store_worker_get_db (w),
      "SELECT e.at, e.kind, e.subscription_url, e.action_id, s.title, a.title, a.topic"
      " FROM events e LEFT JOIN subscriptions s ON s.url = e.subscription_url"
      " LEFT JOIN actions a ON a.subscription_id = s.id AND a.action_id = e.action_id"
      " ORDER BY e.at, e.id",
      error);
  if (stmt == NULL)
    return FALSE;

  while ((step = rempart_sqlite_step (stmt, error)) == REMPART_SQLITE_ROW)
    {
      RempartParticipationEvent *ev = g_new0 (RempartParticipationEvent, 1);
      gint64 topic = sqlite3_column_int64 (stmt, 6);

      ev->at = sqlite3_column_int64 (stmt, 0);
      ev->kind = sqlite3_column_int (stmt, 1);
      ev->subscription_url = rempart_sqlite_dup_text (stmt, 2);
      ev->action_id = rempart_sqlite_dup_text (stmt, 3);
      ev->group_title = rempart_sqlite_dup_text (stmt, 4);
      ev->action_title = rempart_sqlite_dup_text (stmt, 5);
      ev->topic = topic >= 0 && topic <= REMPART_TOPIC_OTHER ? topic : REMPART_TOPIC_NONE;
      g_ptr_array_add (list, ev);
    }
  if (step == REMPART_SQLITE_ERROR)
    return FALSE;

  *out = g_steal_pointer (&list);
  return TRUE;
}

static gboolean
list_replies_job (RempartStoreWorker *w, gpointer data, gpointer *out, GError **error)
{
  g_autoptr (GPtrArray) list =
      g_ptr_array_new_with_free_func ((GDestroyNotify) rempart_posted_reply_free);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  RempartSqliteStep step;

  /* A posted reply's draft is unqueued and kept (the composer and the session both do so). */
  stmt = rempart_sqlite_prepare (
      rempart_store_worker_get_db (w),
      "SELECT d.subscription_url, d.action_id, s.title, a.title, d.text,"
      " COALESCE ((SELECT MAX (e.at) FROM events e WHERE e.kind = ?1"
      "   AND e.subscription_url = d.subscription_url AND e.action_id = d.action_id),"
      "  st.updated) AS posted"
      " FROM drafts d JOIN action_state st"
      "   ON st.subscription_url = d.subscription_url AND st.action_id = d.action_id"
      " LEFT JOIN subscriptions s ON s.url = d.subscription_url"
      " LEFT JOIN actions a ON a.subscription_id = s.id AND a.action_id = d.action_id"
      " WHERE d.queued = 0 AND (st.state & ?1) != 0 AND d.text != ''"
      " ORDER BY posted DESC, d.subscription_url, d.action_id",
      error);
  if (stmt == NULL)
    return FALSE;
  rempart_sqlite_bind_int64 (stmt, 1, REMPART_ACTION_STATE_POSTED);

  while ((step = rempart_sqlite_step (stmt, error)) == REMPART_SQLITE_ROW)
    {
      RempartPostedReply *reply = g_new0 (RempartPostedReply, 1);

      reply->subscription_url = rempart_sqlite_dup_text (stmt, 0);
      reply->action_id = rempart_sqlite_dup_text (stmt, 1);
      reply->group_title = rempart_sqlite_dup_text (stmt, 2);
      reply->action_title = rempart_sqlite_dup_text (stmt, 3);
      reply->text = rempart_sqlite_dup_text (stmt, 4);
      reply->posted = sqlite3_column_int64 (stmt, 5);
      g_ptr_array_add (list, reply);
    }
  if (step == REMPART_SQLITE_ERROR)
    return FALSE;

  *out = g_steal_pointer (&list);
  return TRUE;
}

static gboolean
delete_rows (sqlite3 *db, const char *url, GError **error)
{
  /* The archived actions were only kept for the volunteer's rows (README): they go too. */
  static const char *const all[] = {
    "DELETE FROM events",
    "DELETE FROM drafts",
    "DELETE FROM action_state",
    "DELETE FROM actions WHERE archived = 1",
  };
  static const char *const one[] = {
    "DELETE FROM events WHERE subscription_url = ?1",
    "DELETE FROM drafts WHERE subscription_url = ?1",
    "DELETE FROM action_state WHERE subscription_url = ?1",
    "DELETE FROM actions WHERE archived = 1 AND subscription_id IN"
    " (SELECT id FROM subscriptions WHERE url = ?1)",
  };
  const char *const *statements = url != NULL ? one : all;

  G_STATIC_ASSERT (G_N_ELEMENTS (all) == G_N_ELEMENTS (one));

  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    {
      g_autoptr (sqlite3_stmt) stmt = rempart_sqlite_prepare (db, statements[i], error);

      if (stmt == NULL)
        return FALSE;
      if (url != NULL)
        rempart_sqlite_bind_text (stmt, 1, url);
      if (!rempart_sqlite_step_done (stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
forget_job (RempartStoreWorker *w, gpointer data, gpointer *out, GError **error)
{
  const char *url = data;
  sqlite3 *db = rempart_store_worker_get_db (w);
  g_autoptr (sqlite3_stmt) checkpoint = NULL;

  if (!rempart_sqlite_exec (db, "PRAGMA secure_delete = ON", error) ||
      !rempart_store_begin (w, error))
    return FALSE;
  if (!delete_rows (db, url, error) || !rempart_store_commit (w, error))
    {
      rempart_store_rollback (w);
      return FALSE;
    }

  /* The rows are gone; what follows only scrubs the file. VACUUM cannot run in a
   * transaction, which is why it comes after the commit. */
  if (!rempart_sqlite_exec (db, "VACUUM", error))
    {
      g_prefix_error (error, _ ("Your history was deleted, but the database file could not be "
                                "cleaned up afterwards; try again to clean it. "));
      return FALSE;
    }

  checkpoint = rempart_sqlite_prepare (db, "PRAGMA wal_checkpoint (TRUNCATE)", error);
  if (checkpoint == NULL || rempart_sqlite_step (checkpoint, error) != REMPART_SQLITE_ROW)
    return FALSE;
  if (sqlite3_column_int (checkpoint, 0) != 0)
    {
      g_set_error (error, REMPART_STORE_ERROR, REMPART_STORE_ERROR_BUSY,
                   _ ("Your history was deleted, but “%s” is in use by another program, so "
                      "its journal could not be emptied. Close other copies of Rempart and "
                      "try again."),
                   rempart_store_worker_get_path (w));
      return FALSE;
    }
  return TRUE;
}

/* -------------------------------------------------------------------------------------- */
/* Public API                                                                             */
/* -------------------------------------------------------------------------------------- */

#define ARRAY_FREE ((GDestroyNotify) g_ptr_array_unref)

void
rempart_store_list_events_async (RempartStore *self,
                                 GCancellable *cancellable,
                                 GAsyncReadyCallback callback,
                                 gpointer user_data)
{
  g_return_if_fail (REMPART_IS_STORE (self));

  rempart_store_push (self, rempart_store_list_events_async, cancellable, callback, user_data,
                      list_events_job, NULL, NULL, ARRAY_FREE);
}

GPtrArray *
rempart_store_list_events_finish (RempartStore *self, GAsyncResult *result, GError **error)
{
  return rempart_store_finish_pointer (self, result, rempart_store_list_events_async, error);
}

GPtrArray *
rempart_store_list_events_sync (RempartStore *self, GError **error)
{
  gpointer list = NULL;

  g_return_val_if_fail (REMPART_IS_STORE (self), NULL);

  if (!rempart_store_run_sync (self, list_events_job, NULL, NULL, &list, error))
    return NULL;
  return list;
}

void
rempart_store_list_posted_replies_async (RempartStore *self,
                                         GCancellable *cancellable,
                                         GAsyncReadyCallback callback,
                                         gpointer user_data)
{
  g_return_if_fail (REMPART_IS_STORE (self));

  rempart_store_push (self, rempart_store_list_posted_replies_async, cancellable, callback,
                      user_data, list_replies_job, NULL, NULL, ARRAY_FREE);
}

GPtrArray *
rempart_store_list_posted_replies_finish (RempartStore *self, GAsyncResult *result, GError **error)
{
  return rempart_store_finish_pointer (self, result, rempart_store_list_posted_replies_async,
                                       error);
}

GPtrArray *
rempart_store_list_posted_replies_sync (RempartStore *self, GError **error)
{
  gpointer list = NULL;

  g_return_val_if_fail (REMPART_IS_STORE (self), NULL);

  if (!rempart_store_run_sync (self, list_replies_job, NULL, NULL, &list, error))
    return NULL;
  return list;
}

void
rempart_store_forget_async (RempartStore *self,
                            const char *subscription_url,
                            GCancellable *cancellable,
                            GAsyncReadyCallback callback,
                            gpointer user_data)
{
  g_return_if_fail (REMPART_IS_STORE (self));

  rempart_store_push (self, rempart_store_forget_async, cancellable, callback, user_data,
                      forget_job, g_strdup (subscription_url), g_free, NULL);
}

gboolean
rempart_store_forget_finish (RempartStore *self, GAsyncResult *result, GError **error)
{
  return rempart_store_finish_boolean (self, result, rempart_store_forget_async, error);
}

gboolean
rempart_store_forget_sync (RempartStore *self, const char *subscription_url, GError **error)
{
  g_return_val_if_fail (REMPART_IS_STORE (self), FALSE);

  return rempart_store_run_sync (self, forget_job, g_strdup (subscription_url), g_free, NULL,
                                 error);
}
