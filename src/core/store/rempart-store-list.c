/* rempart-store-list.c: listing the actions of one view (worker side)
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>

#include "rempart-search-text.h"
#include "rempart-topic-names.h"
#include "rempart-store-private.h"

/* Folded once here, on the store's thread, so that a keystroke only compares. @text is one
 * buffer for all the rows: the copy returned is exactly as long as the text (a GString of
 * each row's own would keep twice its size, 25 MiB more at 50,000 actions). */
static char *
search_text_of (GString *text, RempartAction *action, const char *brief, const char *group)
{
  RempartTopic topic = rempart_action_get_topic (action);

  g_string_truncate (text, 0);
  rempart_search_fold_append (text, rempart_action_get_title (action));
  g_string_append_c (text, '\n');
  rempart_search_fold_append (text, brief);
  g_string_append_c (text, '\n');
  if (topic != REMPART_TOPIC_NONE)
    rempart_search_fold_append (text, rempart_topic_get_display_name (topic));
  g_string_append_c (text, '\n');
  rempart_search_fold_append (text, rempart_action_get_platform (action));
  g_string_append_c (text, '\n');
  rempart_search_fold_append (text, group);
  return g_strndup (text->str, text->len);
}

static const char *const view_conditions[] = {
  [REMPART_ACTION_VIEW_TODO] = "a.archived = 0 AND (a.expires IS NULL OR a.expires > ?1)"
                               " AND (COALESCE (st.state, 0) & 12) = 0",
  [REMPART_ACTION_VIEW_QUEUED] = "(COALESCE (st.state, 0) & 4) = 0 AND d.queued = 1",
  [REMPART_ACTION_VIEW_DONE] = "(COALESCE (st.state, 0) & 4) != 0",
  /* Set aside ("Not for me") and not posted: kept where the volunteer can find it again. */
  [REMPART_ACTION_VIEW_ARCHIVE] = "(a.archived = 1 OR a.expires <= ?1"
                                  " OR (COALESCE (st.state, 0) & 12) = 8)",
  [REMPART_ACTION_VIEW_ALL] = "?1 IS NOT NULL",
};

/* The query of a view's list: its rows (@rows_only, what a list row shows) or its whole
 * actions, the first @limit of them (0: all). */
static char *
list_sql (RempartActionView view, gboolean rows_only, guint limit)
{
  char limit_sql[32] = "";

  /* The head of the list is the same query with a LIMIT: the ORDER BY is the whole sort,
   * so its rows are the first rows of the whole list, in the same order. */
  if (limit > 0)
    g_snprintf (limit_sql, sizeof limit_sql, " LIMIT %u", limit);

  /* A list row carries the words its search matches (stored->search_text): the brief (its
   * own column since schema 8, a copy of the details' brief) and the group's name. The
   * details themselves are not selected for rows: SQLite would copy them for nothing
   * (docs/performance.md, change 32). */
  return g_strconcat ("SELECT a.subscription_id, s.url, COALESCE (st.state, 0), a.archived,"
                      " a.first_seen, a.updated,"
                      " a.action_id, a.url, a.title, a.topic, a.priority, a.platform, ",
                      rows_only ? "NULL," : "a.details,",
                      " COALESCE (d.queued, 0), d.action_id IS NOT NULL, a.expires, ",
                      rows_only ? "a.brief, COALESCE (s.title, s.url)" : "NULL, NULL",
                      ", substr (a.hash, 1, 16)",
                      " FROM actions a JOIN subscriptions s ON s.id = a.subscription_id"
                      " LEFT JOIN action_state st ON st.subscription_url = s.url"
                      " AND st.action_id = a.action_id"
                      " LEFT JOIN drafts d ON d.subscription_url = s.url"
                      " AND d.action_id = a.action_id WHERE ",
                      view_conditions[view],
                      " ORDER BY a.priority DESC, a.sort_date DESC, a.action_id", limit_sql, NULL);
}

char *
rempart_store_list_sql_for_testing (RempartActionView view, gboolean rows_only, guint limit)
{
  return list_sql (view, rows_only, limit);
}

gboolean
rempart_store_list_actions_job (RempartStoreWorker *w, gpointer data, gpointer *out, GError **error)
{
  guint flags = GPOINTER_TO_UINT (data);
  RempartActionView view = flags & (REMPART_STORE_LIST_ROWS - 1);
  gboolean rows_only = (flags & REMPART_STORE_LIST_ROWS) != 0;
  guint limit = flags >> REMPART_STORE_LIST_LIMIT_SHIFT;
  gint64 last_id = 0;
  const char *last_url = NULL;
  g_autoptr (GPtrArray) list =
      g_ptr_array_new_with_free_func ((GDestroyNotify) rempart_stored_action_free);
  g_autoptr (JsonParser) parser = json_parser_new_immutable ();
  g_autoptr (GString) search_buffer = g_string_sized_new (1024);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *sql = NULL;
  RempartSqliteStep step;

  g_return_val_if_fail (view <= REMPART_ACTION_VIEW_ALL, FALSE);

  sql = list_sql (view, rows_only, limit);
  stmt = rempart_sqlite_prepare (rempart_store_worker_get_db (w), sql, error);
  if (stmt == NULL)
    return FALSE;
  rempart_sqlite_bind_int64 (stmt, 1, rempart_store_worker_now (w));

  while ((step = rempart_sqlite_step (stmt, error)) == REMPART_SQLITE_ROW)
    {
      RempartStoredAction *stored = g_new0 (RempartStoredAction, 1);

      stored->subscription_id = sqlite3_column_int64 (stmt, 0);
      /* A group's address is the same for its 10,000 rows: one copy (interned: the store
       * holds a handful of groups, and their addresses outlive a list). */
      if (stored->subscription_id != last_id || last_url == NULL)
        last_url = g_intern_string (rempart_sqlite_get_text (stmt, 1));
      last_id = stored->subscription_id;
      stored->subscription_url = (char *) last_url;
      stored->url_interned = TRUE;
      stored->state = sqlite3_column_int (stmt, 2);
      stored->archived = sqlite3_column_int (stmt, 3) != 0;
      stored->first_seen = sqlite3_column_int64 (stmt, 4);
      stored->updated = sqlite3_column_int64 (stmt, 5);
      if (rows_only)
        {
          /* The details stay in the database (3.8 MiB at 10,000 actions when every row
           * kept them): rempart_store_read_action_async() reads one action's. */
          stored->action = rempart_store_action_from_columns (stmt, 6, 15);
          stored->row_only = TRUE;
          stored->search_text =
              search_text_of (search_buffer, stored->action, rempart_sqlite_get_text (stmt, 16),
                              rempart_sqlite_get_text (stmt, 17));
        }
      else
        stored->action = rempart_store_action_from_row (stmt, 6, parser);
      stored->content_tag = rempart_store_content_tag (rempart_sqlite_get_text (stmt, 18));
      stored->queued = sqlite3_column_int (stmt, 13) != 0;
      stored->has_draft = sqlite3_column_int (stmt, 14) != 0;
      g_ptr_array_add (list, stored);
    }
  if (step == REMPART_SQLITE_ERROR)
    return FALSE;

  *out = g_steal_pointer (&list);
  return TRUE;
}
