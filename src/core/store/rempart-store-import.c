/* rempart-store-import.c: importing a feed (worker side)
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "rempart-feed-parser.h"
#include "rempart-store-group-rows.h"

/*
 * An action is stored as the columns the lists filter and sort on (title, url, topic,
 * priority, platform, expires, date_published) plus one JSON object, `details`, for the rest
 * (brief, excerpt, language, tags, sources, arguments, and the three dates with their own UTC
 * offsets so that the rebuilt action is the one the feed carried). `hash` digests all of it:
 * a re-import compares hashes instead of fields.
 */

typedef struct
{
  char *hash;
  gboolean archived;
} Existing;

/* Offsets into RempartStoreGroupRows.text, where each string ends with its NUL. */
typedef struct
{
  gsize id;
  gsize hash;
  gboolean archived;
} GroupRow;

struct _RempartStoreGroupRows
{
  sqlite3 *db; /* the connection that read them */
  gint64 subscription_id;
  sqlite3_int64 total_changes; /* the connection's sqlite3_total_changes64() at the read */
  gint64 data_version;         /* its PRAGMA data_version, read before the rows */
  GArray *rows;                /* GroupRow */
  GString *text;
};

/* -------------------------------------------------------------------------------------- */
/* Helpers                                                                                */
/* -------------------------------------------------------------------------------------- */

static void
existing_free (Existing *existing)
{
  g_free (existing->hash);
  g_free (existing);
}

void
rempart_store_group_rows_free (RempartStoreGroupRows *rows)
{
  g_array_unref (rows->rows);
  g_string_free (rows->text, TRUE);
  g_free (rows);
}

static RempartStoreGroupRows *
group_rows_new (sqlite3 *db, gint64 subscription_id, gint64 data_version)
{
  RempartStoreGroupRows *rows = g_new0 (RempartStoreGroupRows, 1);

  rows->db = db;
  rows->subscription_id = subscription_id;
  rows->data_version = data_version;
  rows->rows = g_array_new (FALSE, FALSE, sizeof (GroupRow));
  rows->text = g_string_new (NULL);
  return rows;
}

static void
group_rows_add (RempartStoreGroupRows *rows, const char *id, const char *hash, gboolean archived)
{
  GroupRow row = { .archived = archived };

  row.id = rows->text->len;
  g_string_append_len (rows->text, id, strlen (id) + 1);
  row.hash = rows->text->len;
  g_string_append_len (rows->text, hash, strlen (hash) + 1);
  g_array_append_val (rows->rows, row);
}

void
rempart_store_import_data_free (RempartStoreImportData *data)
{
  g_clear_pointer (&data->sub, rempart_subscription_free);
  g_clear_object (&data->feed);
  g_free (data);
}

static gboolean
has_user_data (sqlite3_stmt *stmt, const char *url, const char *action_id, GError **error)
{
  RempartSqliteStep step;

  rempart_sqlite_bind_text (stmt, 1, url);
  rempart_sqlite_bind_text (stmt, 2, action_id);
  step = rempart_sqlite_step (stmt, error);
  sqlite3_reset (stmt);
  return step == REMPART_SQLITE_ROW;
}

/* The volunteer's rows follow a feed that moved (verified permanent redirect, or an address
 * the volunteer corrected). Rows already under the new address win. */
gboolean
rempart_store_rekey_user_data (sqlite3 *db,
                               const char *old_url,
                               const char *new_url,
                               GError **error)
{
  static const char *const tables[] = { "action_state", "drafts", "events" };

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *sql = g_strdup_printf (
          "UPDATE OR IGNORE %s SET subscription_url = ?2 WHERE subscription_url = ?1", tables[i]);
      g_autoptr (sqlite3_stmt) stmt = rempart_sqlite_prepare (db, sql, error);

      if (stmt == NULL)
        return FALSE;
      rempart_sqlite_bind_text (stmt, 1, old_url);
      rempart_sqlite_bind_text (stmt, 2, new_url);
      if (!rempart_sqlite_step_done (stmt, error))
        return FALSE;
    }

  return TRUE;
}

/* The group's rows, read once, sorted by what the import does with them. Only the rows of the
 * actions the feed carried in full (few, when most items were kept) and the rows gone from
 * the feed are copied; a kept item's row is only counted, and named if it was archived. */
typedef struct
{
  GHashTable *parsed;   /* action id → Existing, for the feed's actions already stored */
  GPtrArray *unarchive; /* ids of kept items whose rows were archived */
  GPtrArray *gone;      /* Gone: the rows of actions that left the feed */
  guint n_kept_found;
} ExistingRows;

typedef struct
{
  char *id;
  gboolean archived;
} Gone;

static void
gone_free (Gone *gone)
{
  g_free (gone->id);
  g_free (gone);
}

static void
existing_rows_clear (ExistingRows *rows)
{
  g_clear_pointer (&rows->parsed, g_hash_table_unref);
  g_clear_pointer (&rows->unarchive, g_ptr_array_unref);
  g_clear_pointer (&rows->gone, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ExistingRows, existing_rows_clear)

/* One stored row, sorted by what the import does with it. */
static void
sort_row (ExistingRows *rows,
          RempartFeed *feed,
          GHashTable *kept_set,
          const char *id,
          const char *hash,
          gboolean archived)
{
  if (rempart_feed_lookup_action (feed, id) != NULL)
    {
      Existing *entry = g_new0 (Existing, 1);

      entry->hash = g_strdup (hash);
      entry->archived = archived;
      g_hash_table_insert (rows->parsed, g_strdup (id), entry);
    }
  else if (g_hash_table_contains (kept_set, id))
    {
      rows->n_kept_found++;
      if (archived)
        g_ptr_array_add (rows->unarchive, g_strdup (id));
    }
  else
    {
      Gone *gone = g_new0 (Gone, 1);

      gone->id = g_strdup (id);
      gone->archived = archived;
      g_ptr_array_add (rows->gone, gone);
    }
}

/* Inside the import's transaction, which holds the write lock: whether @cached is the
 * group's rows as they are now. Every change made on this connection since the read moves
 * its total count of changes (a rolled-back one too), every change committed by another
 * connection its data_version, and none can come in before the commit. */
static gboolean
group_rows_are_current (RempartStoreGroupRows *cached,
                        sqlite3 *db,
                        gint64 subscription_id,
                        gboolean *out_current,
                        GError **error)
{
  gint64 data_version;

  *out_current = FALSE;
  if (cached == NULL || cached->db != db || cached->subscription_id != subscription_id ||
      cached->total_changes != sqlite3_total_changes64 (db))
    return TRUE;
  if (!rempart_sqlite_query_int64 (db, "PRAGMA data_version", &data_version, error))
    return FALSE;
  *out_current = data_version == cached->data_version;
  return TRUE;
}

static gboolean
load_existing (RempartStoreWorker *w,
               gint64 subscription_id,
               RempartFeed *feed,
               ExistingRows *rows,
               GError **error)
{
  sqlite3 *db = rempart_store_worker_get_db (w);
  /* Taken whether used or not: what it holds is true until the next write, this one. */
  g_autoptr (RempartStoreGroupRows) cached = rempart_store_worker_steal_group_rows (w);
  GPtrArray *kept = rempart_feed_get_kept_ids (feed);
  /* Keys belong to the feed. */
  g_autoptr (GHashTable) kept_set = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  RempartSqliteStep step;
  gboolean current;

  rows->parsed =
      g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) existing_free);
  rows->unarchive = g_ptr_array_new_with_free_func (g_free);
  rows->gone = g_ptr_array_new_with_free_func ((GDestroyNotify) gone_free);
  for (guint i = 0; i < kept->len; i++)
    g_hash_table_add (kept_set, g_ptr_array_index (kept, i));

  if (!group_rows_are_current (cached, db, subscription_id, &current, error))
    return FALSE;
  if (current)
    {
      for (guint i = 0; i < cached->rows->len; i++)
        {
          const GroupRow *row = &g_array_index (cached->rows, GroupRow, i);

          sort_row (rows, feed, kept_set, cached->text->str + row->id,
                    cached->text->str + row->hash, row->archived);
        }
      rempart_store_worker_count_group_rows_reused (w);
      return TRUE;
    }

  stmt = rempart_sqlite_prepare (
      db, "SELECT action_id, archived, hash FROM actions WHERE subscription_id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  rempart_sqlite_bind_int64 (stmt, 1, subscription_id);

  while ((step = rempart_sqlite_step (stmt, error)) == REMPART_SQLITE_ROW)
    sort_row (rows, feed, kept_set, rempart_sqlite_get_text (stmt, 0),
              rempart_sqlite_get_text (stmt, 2), sqlite3_column_int (stmt, 1) != 0);

  return step != REMPART_SQLITE_ERROR;
}

/* Binds ?1..?15 as both the insert and the update statement number them. */
static void
bind_action (sqlite3_stmt *stmt,
             gint64 subscription_id,
             RempartAction *action,
             const char *details,
             const char *hash,
             const char *item_hash,
             gint64 now)
{
  GDateTime *published = rempart_action_get_date_published (action);

  rempart_sqlite_bind_int64 (stmt, 1, subscription_id);
  rempart_sqlite_bind_text (stmt, 2, rempart_action_get_id (action));
  rempart_sqlite_bind_text (stmt, 3, rempart_action_get_url (action));
  rempart_sqlite_bind_text (stmt, 4, rempart_action_get_title (action));
  rempart_sqlite_bind_int64 (stmt, 5, rempart_action_get_topic (action));
  rempart_sqlite_bind_int64 (stmt, 6, rempart_action_get_priority (action));
  rempart_sqlite_bind_text (stmt, 7, rempart_action_get_platform (action));
  rempart_sqlite_bind_date (stmt, 8, rempart_action_get_expires (action));
  rempart_sqlite_bind_date (stmt, 9, published);
  rempart_sqlite_bind_int64 (stmt, 10, published != NULL ? g_date_time_to_unix (published) : now);
  rempart_sqlite_bind_text (stmt, 11, details);
  rempart_sqlite_bind_text (stmt, 12, hash);
  rempart_sqlite_bind_int64 (stmt, 13, now);
  rempart_sqlite_bind_text (stmt, 14, item_hash);
  rempart_sqlite_bind_text (stmt, 15, rempart_action_get_brief (action));
}

typedef struct
{
  sqlite3_stmt *insert;
  sqlite3_stmt *update;
  sqlite3_stmt *user_data;
  sqlite3_stmt *archive;
  sqlite3_stmt *delete;
  sqlite3_stmt *unarchive;
} ImportStatements;

static void
import_statements_clear (ImportStatements *st)
{
  g_clear_pointer (&st->insert, sqlite3_finalize);
  g_clear_pointer (&st->update, sqlite3_finalize);
  g_clear_pointer (&st->user_data, sqlite3_finalize);
  g_clear_pointer (&st->archive, sqlite3_finalize);
  g_clear_pointer (&st->delete, sqlite3_finalize);
  g_clear_pointer (&st->unarchive, sqlite3_finalize);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ImportStatements, import_statements_clear)

static gboolean
import_statements_prepare (ImportStatements *st, sqlite3 *db, GError **error)
{
  st->insert = rempart_sqlite_prepare (
      db,
      "INSERT INTO actions (subscription_id, action_id, url, title, topic, priority, platform,"
      " expires, date_published, sort_date, details, hash, archived, first_seen, updated,"
      " item_hash, brief)"
      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, 0, ?13, ?13, ?14, ?15)",
      error);
  if (st->insert == NULL)
    return FALSE;
  /* ?10 is unused here (SQLite allows gaps): an undated action keeps its first sort date. */
  st->update = rempart_sqlite_prepare (
      db,
      "UPDATE actions SET url = ?3, title = ?4, topic = ?5, priority = ?6, platform = ?7,"
      " expires = ?8, date_published = ?9, sort_date = COALESCE (?9, first_seen),"
      " details = ?11, hash = ?12, archived = 0, updated = ?13, item_hash = ?14, brief = ?15"
      " WHERE subscription_id = ?1 AND action_id = ?2",
      error);
  if (st->update == NULL)
    return FALSE;
  st->user_data = rempart_sqlite_prepare (
      db,
      "SELECT 1 WHERE EXISTS (SELECT 1 FROM action_state WHERE subscription_url = ?1"
      " AND action_id = ?2) OR EXISTS (SELECT 1 FROM drafts WHERE subscription_url = ?1"
      " AND action_id = ?2)",
      error);
  if (st->user_data == NULL)
    return FALSE;
  st->archive = rempart_sqlite_prepare (
      db, "UPDATE actions SET archived = 1 WHERE subscription_id = ?1 AND action_id = ?2", error);
  if (st->archive == NULL)
    return FALSE;
  st->delete = rempart_sqlite_prepare (
      db, "DELETE FROM actions WHERE subscription_id = ?1 AND action_id = ?2", error);
  if (st->delete == NULL)
    return FALSE;
  /* An unchanged item back in the feed: its row is as it was read, only no longer archived. */
  st->unarchive = rempart_sqlite_prepare (
      db,
      "UPDATE actions SET archived = 0, updated = ?3 WHERE subscription_id = ?1 AND action_id = ?2",
      error);
  return st->unarchive != NULL;
}

static void
set_rollback_error (GError **error, const char *url, gint64 seq, gint64 last_seq)
{
  g_set_error (error, REMPART_STORE_ERROR, REMPART_STORE_ERROR_FAILED,
               _ ("The feed “%s” is older (number %lld) than the one already received (number "
                  "%lld): someone may be sending an old copy. It was not imported and your "
                  "actions are unchanged; the group’s moderators should hear about it."),
               url, (long long) seq, (long long) last_seq);
}

/* Reads what the store knows of the subscription before anything is written. */
static gboolean
load_stored_sub (sqlite3 *db, gint64 id, char **out_url, gint64 *out_last_seq, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;

  stmt =
      rempart_sqlite_prepare (db, "SELECT url, last_seq FROM subscriptions WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  rempart_sqlite_bind_int64 (stmt, 1, id);

  switch (rempart_sqlite_step (stmt, error))
    {
      case REMPART_SQLITE_ROW:
        *out_url = rempart_sqlite_dup_text (stmt, 0);
        *out_last_seq = sqlite3_column_int64 (stmt, 1);
        return TRUE;
      case REMPART_SQLITE_DONE:
        g_set_error (error, REMPART_STORE_ERROR, REMPART_STORE_ERROR_NOT_FOUND,
                     _ ("The subscription number %lld was removed while its feed was being "
                        "downloaded; nothing was imported."),
                     (long long) id);
        return FALSE;
      case REMPART_SQLITE_ERROR:
      default:
        return FALSE;
    }
}

static gboolean
save_subscription (sqlite3 *db, const RempartSubscription *sub, RempartFeed *feed, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *feed_info = rempart_store_feed_info_to_json (feed);
  GDateTime *feed_expires = rempart_feed_get_expires (feed);
  gint64 seq = sub->last_seq;

  /* The highest signed seq ever imported, even if the caller forgot to pass it on: it is
   * what the next rollback check compares with. */
  if (sub->is_signed)
    seq = MAX (seq, rempart_feed_get_seq (feed));

  stmt = rempart_sqlite_prepare (
      db,
      "UPDATE subscriptions SET url = ?2, title = ?3, etag = ?4, last_modified = ?5,"
      " last_seq = MAX (last_seq, ?6), expires = ?7, is_signed = ?8, last_check = ?9,"
      " last_success = ?10, next_check = ?11, retry_after = ?12, failures = ?13,"
      " last_error = ?14, ended = ?15, feed_info = ?16, failure_kind = ?17 WHERE id = ?1",
      error);
  if (stmt == NULL)
    return FALSE;

  rempart_sqlite_bind_int64 (stmt, 1, sub->id);
  rempart_sqlite_bind_text (stmt, 2, sub->url);
  rempart_sqlite_bind_text (stmt, 3,
                            sub->title != NULL ? sub->title : rempart_feed_get_title (feed));
  rempart_sqlite_bind_text (stmt, 4, sub->etag);
  rempart_sqlite_bind_text (stmt, 5, sub->last_modified);
  rempart_sqlite_bind_int64 (stmt, 6, seq);
  rempart_sqlite_bind_int64 (stmt, 7,
                             sub->expires != 0 || feed_expires == NULL
                                 ? sub->expires
                                 : g_date_time_to_unix (feed_expires));
  rempart_sqlite_bind_int64 (stmt, 8, sub->is_signed);
  rempart_sqlite_bind_int64 (stmt, 9, sub->last_check);
  rempart_sqlite_bind_int64 (stmt, 10, sub->last_success);
  rempart_sqlite_bind_int64 (stmt, 11, sub->next_check);
  rempart_sqlite_bind_int64 (stmt, 12, sub->retry_after);
  rempart_sqlite_bind_int64 (stmt, 13, sub->failures);
  rempart_sqlite_bind_text (stmt, 14, sub->last_error);
  rempart_sqlite_bind_int64 (stmt, 15, sub->ended);
  rempart_sqlite_bind_text (stmt, 16, feed_info);
  rempart_sqlite_bind_int64 (stmt, 17, sub->failure_kind);
  return rempart_sqlite_step_done (stmt, error);
}

/* The actions whose item the parser knew (rempart_feed_get_kept_ids()): their rows stay as
 * they are, unless they had left the feed. The table of item hashes the parser was given
 * was read before the download: a row gone since (its subscription removed and added again)
 * cannot be rebuilt from an id, so the import fails and the next sync reads every item. */
static gboolean
keep_known_actions (ImportStatements *st,
                    const RempartSubscription *sub,
                    RempartFeed *feed,
                    ExistingRows *rows,
                    gint64 now,
                    RempartImportStats *stats,
                    GError **error)
{
  GPtrArray *kept = rempart_feed_get_kept_ids (feed);

  /* Kept ids are distinct (the repeated-id rule), and the scan counted each stored one. */
  if (rows->n_kept_found != kept->len)
    {
      g_set_error (error, REMPART_STORE_ERROR, REMPART_STORE_ERROR_FAILED,
                   _ ("The actions of %s changed while its feed was being downloaded; "
                      "nothing was imported. The next check will try again."),
                   sub->url);
      return FALSE;
    }

  for (guint i = 0; i < rows->unarchive->len; i++)
    {
      rempart_sqlite_bind_int64 (st->unarchive, 1, sub->id);
      rempart_sqlite_bind_text (st->unarchive, 2, g_ptr_array_index (rows->unarchive, i));
      rempart_sqlite_bind_int64 (st->unarchive, 3, now);
      if (!rempart_sqlite_step_done (st->unarchive, error))
        return FALSE;
    }
  stats->updated += rows->unarchive->len;
  stats->unchanged += kept->len - rows->unarchive->len;

  return TRUE;
}

static gboolean
import_actions (RempartStoreWorker *w,
                const RempartSubscription *sub,
                RempartFeed *feed,
                RempartImportStats *stats,
                GError **error)
{
  sqlite3 *db = rempart_store_worker_get_db (w);
  GListModel *actions = rempart_feed_get_actions (feed);
  guint n_actions = g_list_model_get_n_items (actions);
  guint fail_at = rempart_store_worker_get_import_fail_at (w);
  gint64 now = rempart_store_worker_now (w);
  g_auto (ImportStatements) st = { 0 };
  g_auto (ExistingRows) rows = { 0 };

  if (!load_existing (w, sub->id, feed, &rows, error) ||
      !import_statements_prepare (&st, db, error))
    return FALSE;

  for (guint i = 0; i < n_actions; i++)
    {
      g_autoptr (RempartAction) action = g_list_model_get_item (actions, i);
      g_autofree char *hash = rempart_store_action_hash (action);
      g_autofree char *details = NULL;
      Existing *entry = g_hash_table_lookup (rows.parsed, rempart_action_get_id (action));
      sqlite3_stmt *stmt;

      if (fail_at != 0 && i + 1 == fail_at)
        {
          g_set_error (error, REMPART_STORE_ERROR, REMPART_STORE_ERROR_FAILED,
                       "Import failed on purpose after %u actions (test hook)", i);
          return FALSE;
        }

      if (entry == NULL)
        {
          stmt = st.insert;
          stats->added++;
        }
      else if (entry->archived || strcmp (entry->hash, hash) != 0)
        {
          stmt = st.update;
          stats->updated++;
        }
      else
        {
          stats->unchanged++;
          continue;
        }

      /* Only now: most actions of a sync have not changed. */
      details = rempart_store_action_details (action);
      bind_action (stmt, sub->id, action, details, hash,
                   rempart_feed_get_item_hash (feed, rempart_action_get_id (action)), now);
      if (!rempart_sqlite_step_done (stmt, error))
        return FALSE;
    }

  if (!keep_known_actions (&st, sub, feed, &rows, now, stats, error))
    return FALSE;

  /* The actions that left the feed. */
  for (guint i = 0; i < rows.gone->len; i++)
    {
      g_autoptr (GError) local_error = NULL;
      Gone *gone = g_ptr_array_index (rows.gone, i);
      gboolean keep = has_user_data (st.user_data, sub->url, gone->id, &local_error);
      sqlite3_stmt *stmt = keep ? st.archive : st.delete;

      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      if (keep && gone->archived)
        continue;

      rempart_sqlite_bind_int64 (stmt, 1, sub->id);
      rempart_sqlite_bind_text (stmt, 2, gone->id);
      if (!rempart_sqlite_step_done (stmt, error))
        return FALSE;
      if (keep)
        stats->archived++;
      else
        stats->removed++;
    }

  return TRUE;
}

/* -------------------------------------------------------------------------------------- */
/* Jobs                                                                                   */
/* -------------------------------------------------------------------------------------- */

gboolean
rempart_store_import_job (RempartStoreWorker *w, gpointer data, gpointer *out, GError **error)
{
  RempartStoreImportData *import = data;
  const RempartSubscription *sub = import->sub;
  sqlite3 *db = rempart_store_worker_get_db (w);
  g_autofree RempartImportStats *stats = g_new0 (RempartImportStats, 1);
  g_autofree char *stored_url = NULL;
  gint64 stored_seq = -1;
  gint64 seq = rempart_feed_get_seq (import->feed);

  if (!rempart_store_begin (w, error))
    return FALSE;

  if (!load_stored_sub (db, sub->id, &stored_url, &stored_seq, error))
    goto fail;

  /* A signed feed whose seq went down is an old copy replayed; an equal seq is the same
   * publication fetched again. */
  if (seq >= 0 && sub->is_signed && stored_seq >= 0 && seq < stored_seq)
    {
      set_rollback_error (error, sub->url, seq, stored_seq);
      goto fail;
    }

  if (g_strcmp0 (stored_url, sub->url) != 0 &&
      !rempart_store_rekey_user_data (db, stored_url, sub->url, error))
    goto fail;

  if (!import_actions (w, sub, import->feed, stats, error) ||
      !save_subscription (db, sub, import->feed, error) || !rempart_store_commit (w, error))
    goto fail;

  *out = g_steal_pointer (&stats);
  return TRUE;

fail:
  rempart_store_rollback (w);
  return FALSE;
}

/* The table's keys are item hashes, "i1:" and the 64 hex digits of a SHA-256: the first
 * 16 digits spread them as well as all 64 would, and cost a quarter of g_str_hash()'s walk
 * (10,000 keys inserted here, as many looked up by the parse). Any string still hashes, as
 * g_str_hash() would hash its first 19 bytes. */
static guint
item_hash_hash (gconstpointer key)
{
  const unsigned char *p = key;
  guint32 h = 5381;

  for (guint i = 0; i < 19 && p[i] != '\0'; i++)
    h = (h << 5) + h + p[i];
  return h;
}

/* item hash → action id for the subscription (rempart_feed_parse_known()). Each key and its
 * value share one block, freed with the key. The same read keeps every row's id, content
 * hash and archived flag in the worker for the import that follows (load_existing()), with
 * what tells it whether anything was written since. */
gboolean
rempart_store_item_hashes_job (RempartStoreWorker *w, gpointer data, gpointer *out, GError **error)
{
  gint64 subscription_id = *(gint64 *) data;
  sqlite3 *db = rempart_store_worker_get_db (w);
  g_autoptr (GHashTable) hashes = g_hash_table_new_full (item_hash_hash, g_str_equal, g_free, NULL);
  g_autoptr (RempartStoreGroupRows) group = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  RempartSqliteStep step;
  gint64 data_version;

  /* Before the rows: a commit by another connection after this moves it, even one that
   * came in before the read. */
  if (!rempart_sqlite_query_int64 (db, "PRAGMA data_version", &data_version, error))
    return FALSE;
  group = group_rows_new (db, subscription_id, data_version);

  stmt = rempart_sqlite_prepare (db,
                                 "SELECT action_id, archived, hash, item_hash FROM actions"
                                 " WHERE subscription_id = ?1",
                                 error);
  if (stmt == NULL)
    return FALSE;
  rempart_sqlite_bind_int64 (stmt, 1, subscription_id);

  while ((step = rempart_sqlite_step (stmt, error)) == REMPART_SQLITE_ROW)
    {
      const char *id = rempart_sqlite_get_text (stmt, 0);
      const char *hash = rempart_sqlite_get_text (stmt, 3);

      group_rows_add (group, id, rempart_sqlite_get_text (stmt, 2),
                      sqlite3_column_int (stmt, 1) != 0);
      if (hash != NULL && rempart_feed_item_hash_is_current (hash))
        {
          gsize hash_size = strlen (hash) + 1;
          gsize id_size = strlen (id) + 1;
          char *block = g_malloc (hash_size + id_size);

          memcpy (block, hash, hash_size);
          memcpy (block + hash_size, id, id_size);
          /* Replace, not insert: a value must not outlive the block of its key. */
          g_hash_table_replace (hashes, block, block + hash_size);
        }
    }
  if (step == REMPART_SQLITE_ERROR)
    return FALSE;

  /* A read changes nothing: the count is the one before it too. */
  group->total_changes = sqlite3_total_changes64 (db);
  rempart_store_worker_set_group_rows (w, g_steal_pointer (&group));
  *out = g_steal_pointer (&hashes);
  return TRUE;
}
