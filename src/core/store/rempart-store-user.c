/* rempart-store-user.c: the volunteer's own rows: state, events, drafts, templates
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "rempart-store-private.h"

/*
 * All keyed by (subscription_url, action_id) or by their own id, never by a foreign key into
 * the feed's rows: what the volunteer wrote or did must outlive re-imports, actions leaving
 * the feed and the subscription itself.
 */

/* -------------------------------------------------------------------------------------- */
/* Helpers                                                                                */
/* -------------------------------------------------------------------------------------- */

void
rempart_store_key_data_free (RempartStoreKeyData *data)
{
  g_free (data->subscription_url);
  g_free (data->action_id);
  g_free (data->id);
  g_clear_pointer (&data->draft, rempart_draft_free);
  g_clear_pointer (&data->tmpl, rempart_user_template_free);
  g_free (data);
}

static char *
topics_to_json (const char *const *topics)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autoptr (JsonNode) root = NULL;

  json_builder_begin_array (builder);
  for (guint i = 0; topics != NULL && topics[i] != NULL; i++)
    json_builder_add_string_value (builder, topics[i]);
  json_builder_end_array (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

static GStrv
topics_from_json (const char *text)
{
  g_autoptr (JsonParser) parser = json_parser_new_immutable ();
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();

  if (text != NULL && json_parser_load_from_data (parser, text, -1, NULL) &&
      JSON_NODE_HOLDS_ARRAY (json_parser_get_root (parser)))
    {
      JsonArray *array = json_node_get_array (json_parser_get_root (parser));

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          const char *topic = json_array_get_string_element (array, i);

          if (topic != NULL)
            g_strv_builder_add (builder, topic);
        }
    }

  return g_strv_builder_end (builder);
}

/* -------------------------------------------------------------------------------------- */
/* State and events                                                                       */
/* -------------------------------------------------------------------------------------- */

static gboolean
add_state (sqlite3 *db, RempartStoreKeyData *key, gint64 now, GError **error)
{
  g_autoptr (sqlite3_stmt) read = NULL;
  g_autoptr (sqlite3_stmt) write = NULL;
  g_autoptr (sqlite3_stmt) event = NULL;
  RempartActionState old_state = 0;
  RempartActionState added;

  read = rempart_sqlite_prepare (
      db, "SELECT state FROM action_state WHERE subscription_url = ?1 AND action_id = ?2", error);
  if (read == NULL)
    return FALSE;
  rempart_sqlite_bind_text (read, 1, key->subscription_url);
  rempart_sqlite_bind_text (read, 2, key->action_id);
  switch (rempart_sqlite_step (read, error))
    {
      case REMPART_SQLITE_ROW:
        old_state = sqlite3_column_int (read, 0);
        break;
      case REMPART_SQLITE_DONE:
        break;
      case REMPART_SQLITE_ERROR:
      default:
        return FALSE;
    }

  added = key->state & ~old_state;
  if (added == 0)
    return TRUE;

  write = rempart_sqlite_prepare (
      db,
      "INSERT INTO action_state (subscription_url, action_id, state, updated)"
      " VALUES (?1, ?2, ?3, ?4) ON CONFLICT (subscription_url, action_id)"
      " DO UPDATE SET state = state | excluded.state, updated = excluded.updated",
      error);
  if (write == NULL)
    return FALSE;
  rempart_sqlite_bind_text (write, 1, key->subscription_url);
  rempart_sqlite_bind_text (write, 2, key->action_id);
  rempart_sqlite_bind_int64 (write, 3, key->state);
  rempart_sqlite_bind_int64 (write, 4, now);
  if (!rempart_sqlite_step_done (write, error))
    return FALSE;

  event = rempart_sqlite_prepare (db,
                                  "INSERT INTO events (subscription_url, action_id, kind, at)"
                                  " VALUES (?1, ?2, ?3, ?4)",
                                  error);
  if (event == NULL)
    return FALSE;
  for (guint bit = REMPART_ACTION_STATE_OPENED; bit <= REMPART_ACTION_STATE_DISMISSED; bit <<= 1)
    {
      if ((added & bit) == 0)
        continue;
      rempart_sqlite_bind_text (event, 1, key->subscription_url);
      rempart_sqlite_bind_text (event, 2, key->action_id);
      rempart_sqlite_bind_int64 (event, 3, bit);
      rempart_sqlite_bind_int64 (event, 4, now);
      if (!rempart_sqlite_step_done (event, error))
        return FALSE;
    }

  return TRUE;
}

gboolean
rempart_store_add_state_job (RempartStoreWorker *w, gpointer data, gpointer *out, GError **error)
{
  if (!rempart_store_begin (w, error))
    return FALSE;

  if (!add_state (rempart_store_worker_get_db (w), data, rempart_store_worker_now (w), error) ||
      !rempart_store_commit (w, error))
    {
      rempart_store_rollback (w);
      return FALSE;
    }

  return TRUE;
}

gboolean
rempart_store_count_events_job (RempartStoreWorker *w, gpointer data, gpointer *out, GError **error)
{
  RempartStoreKeyData *key = data;
  g_autoptr (sqlite3_stmt) stmt = NULL;

  stmt =
      rempart_sqlite_prepare (rempart_store_worker_get_db (w),
                              "SELECT COUNT (*) FROM events WHERE kind = ?1 AND at >= ?2", error);
  if (stmt == NULL)
    return FALSE;
  rempart_sqlite_bind_int64 (stmt, 1, key->state);
  rempart_sqlite_bind_int64 (stmt, 2, key->since);
  if (rempart_sqlite_step (stmt, error) != REMPART_SQLITE_ROW)
    return FALSE;

  *out = g_memdup2 (&(guint){ sqlite3_column_int (stmt, 0) }, sizeof (guint));
  return TRUE;
}

/* -------------------------------------------------------------------------------------- */
/* Drafts                                                                                 */
/* -------------------------------------------------------------------------------------- */

gboolean
rempart_store_save_draft_job (RempartStoreWorker *w, gpointer data, gpointer *out, GError **error)
{
  RempartDraft *draft = ((RempartStoreKeyData *) data)->draft;
  g_autoptr (sqlite3_stmt) stmt = NULL;

  stmt = rempart_sqlite_prepare (
      rempart_store_worker_get_db (w),
      "INSERT INTO drafts (subscription_url, action_id, text, template_id, queued, updated)"
      " VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (subscription_url, action_id)"
      " DO UPDATE SET text = excluded.text, template_id = excluded.template_id,"
      " queued = excluded.queued, updated = excluded.updated",
      error);
  if (stmt == NULL)
    return FALSE;
  rempart_sqlite_bind_text (stmt, 1, draft->subscription_url);
  rempart_sqlite_bind_text (stmt, 2, draft->action_id);
  rempart_sqlite_bind_text (stmt, 3, draft->text != NULL ? draft->text : "");
  rempart_sqlite_bind_text (stmt, 4, draft->template_id);
  rempart_sqlite_bind_int64 (stmt, 5, draft->queued);
  rempart_sqlite_bind_int64 (stmt, 6, rempart_store_worker_now (w));
  return rempart_sqlite_step_done (stmt, error);
}

gboolean
rempart_store_load_draft_job (RempartStoreWorker *w, gpointer data, gpointer *out, GError **error)
{
  RempartStoreKeyData *key = data;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  RempartDraft *draft;

  stmt = rempart_sqlite_prepare (rempart_store_worker_get_db (w),
                                 "SELECT text, template_id, queued, updated FROM drafts"
                                 " WHERE subscription_url = ?1 AND action_id = ?2",
                                 error);
  if (stmt == NULL)
    return FALSE;
  rempart_sqlite_bind_text (stmt, 1, key->subscription_url);
  rempart_sqlite_bind_text (stmt, 2, key->action_id);

  switch (rempart_sqlite_step (stmt, error))
    {
      case REMPART_SQLITE_ROW:
        break;
      case REMPART_SQLITE_DONE:
        *out = NULL;
        return TRUE;
      case REMPART_SQLITE_ERROR:
      default:
        return FALSE;
    }

  draft = g_new0 (RempartDraft, 1);
  draft->subscription_url = g_strdup (key->subscription_url);
  draft->action_id = g_strdup (key->action_id);
  draft->text = rempart_sqlite_dup_text (stmt, 0);
  draft->template_id = rempart_sqlite_dup_text (stmt, 1);
  draft->queued = sqlite3_column_int (stmt, 2) != 0;
  draft->updated = sqlite3_column_int64 (stmt, 3);
  *out = draft;
  return TRUE;
}

/* -------------------------------------------------------------------------------------- */
/* User templates                                                                         */
/* -------------------------------------------------------------------------------------- */

gboolean
rempart_store_list_templates_job (RempartStoreWorker *w,
                                  gpointer data,
                                  gpointer *out,
                                  GError **error)
{
  g_autoptr (GPtrArray) list =
      g_ptr_array_new_with_free_func ((GDestroyNotify) rempart_user_template_free);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  RempartSqliteStep step;

  stmt = rempart_sqlite_prepare (rempart_store_worker_get_db (w),
                                 "SELECT id, title, language, topics, body, when_text, created,"
                                 " updated FROM user_templates ORDER BY title, id",
                                 error);
  if (stmt == NULL)
    return FALSE;

  while ((step = rempart_sqlite_step (stmt, error)) == REMPART_SQLITE_ROW)
    {
      RempartUserTemplate *tmpl = g_new0 (RempartUserTemplate, 1);

      tmpl->id = rempart_sqlite_dup_text (stmt, 0);
      tmpl->title = rempart_sqlite_dup_text (stmt, 1);
      tmpl->language = rempart_sqlite_dup_text (stmt, 2);
      tmpl->topics = topics_from_json (rempart_sqlite_get_text (stmt, 3));
      tmpl->body = rempart_sqlite_dup_text (stmt, 4);
      tmpl->when_text = rempart_sqlite_dup_text (stmt, 5);
      tmpl->created = sqlite3_column_int64 (stmt, 6);
      tmpl->updated = sqlite3_column_int64 (stmt, 7);
      g_ptr_array_add (list, tmpl);
    }
  if (step == REMPART_SQLITE_ERROR)
    return FALSE;

  *out = g_steal_pointer (&list);
  return TRUE;
}

gboolean
rempart_store_save_template_job (RempartStoreWorker *w,
                                 gpointer data,
                                 gpointer *out,
                                 GError **error)
{
  RempartUserTemplate *tmpl = ((RempartStoreKeyData *) data)->tmpl;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *topics = topics_to_json ((const char *const *) tmpl->topics);

  stmt = rempart_sqlite_prepare (
      rempart_store_worker_get_db (w),
      "INSERT INTO user_templates (id, title, language, topics, body, when_text, created,"
      " updated) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7) ON CONFLICT (id) DO UPDATE SET"
      " title = excluded.title, language = excluded.language, topics = excluded.topics,"
      " body = excluded.body, when_text = excluded.when_text, updated = excluded.updated",
      error);
  if (stmt == NULL)
    return FALSE;
  rempart_sqlite_bind_text (stmt, 1, tmpl->id);
  rempart_sqlite_bind_text (stmt, 2, tmpl->title != NULL ? tmpl->title : "");
  rempart_sqlite_bind_text (stmt, 3, tmpl->language);
  rempart_sqlite_bind_text (stmt, 4, topics);
  rempart_sqlite_bind_text (stmt, 5, tmpl->body != NULL ? tmpl->body : "");
  rempart_sqlite_bind_text (stmt, 6, tmpl->when_text);
  rempart_sqlite_bind_int64 (stmt, 7, rempart_store_worker_now (w));
  return rempart_sqlite_step_done (stmt, error);
}

gboolean
rempart_store_delete_template_job (RempartStoreWorker *w,
                                   gpointer data,
                                   gpointer *out,
                                   GError **error)
{
  RempartStoreKeyData *key = data;
  sqlite3 *db = rempart_store_worker_get_db (w);
  g_autoptr (sqlite3_stmt) stmt = NULL;

  stmt = rempart_sqlite_prepare (db, "DELETE FROM user_templates WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  rempart_sqlite_bind_text (stmt, 1, key->id);
  if (!rempart_sqlite_step_done (stmt, error))
    return FALSE;

  if (sqlite3_changes (db) == 0)
    {
      g_set_error (error, REMPART_STORE_ERROR, REMPART_STORE_ERROR_NOT_FOUND,
                   _ ("The template “%s” does not exist any more: it may have been deleted "
                      "meanwhile."),
                   key->id);
      return FALSE;
    }
  return TRUE;
}
