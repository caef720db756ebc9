/* rempart-store-list.c: listing the actions of one view (worker side)
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "rempart-action-builder.h"
#include "rempart-search-text.h"
#include "rempart-topic-names.h"
#include "rempart-store-private.h"

/* Folded once here, on the store's thread (or its list builder), so that a keystroke only
 * compares. @text is one buffer for all the rows: the copy returned is exactly as long as the
 * text (a GString of each row's own would keep twice its size, 25 MiB more at 50,000
 * actions). */
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

/* The columns of list_sql(), in its order. COLUMN_ACTION_ID to COLUMN_DETAILS are
 * what rempart_store_action_from_row() reads, in its order. */
enum
{
  COLUMN_SUBSCRIPTION_ID,
  COLUMN_SUBSCRIPTION_URL,
  COLUMN_STATE,
  COLUMN_ARCHIVED,
  COLUMN_FIRST_SEEN,
  COLUMN_UPDATED,
  COLUMN_ACTION_ID,
  COLUMN_URL,
  COLUMN_TITLE,
  COLUMN_TOPIC,
  COLUMN_PRIORITY,
  COLUMN_PLATFORM,
  COLUMN_DETAILS, /* NULL for rows */
  COLUMN_QUEUED,
  COLUMN_HAS_DRAFT,
  COLUMN_EXPIRES,
  COLUMN_BRIEF, /* rows only, else NULL */
  COLUMN_GROUP, /* rows only, else NULL */
  COLUMN_CONTENT_TAG,
  N_COLUMNS
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

/* -------------------------------------------------------------------------------------- */
/* List rows, built beside the query                                                      */
/* -------------------------------------------------------------------------------------- */

/*
 * A long list is built on two threads: this one steps SQLite and copies each row's columns
 * into one allocation (a RawRow, a few hundred bytes copied), and a builder thread makes the
 * stored actions, their actions and search texts from them meanwhile, which took as long as
 * the query itself (docs/performance.md, change 35). Rows go to the builder in batches, in
 * order, through one queue; the job waits for the builder before it returns, so the list it
 * hands back, its order and its errors are what one thread would give. At most
 * LIST_BATCHES batches are out at a time: when the builder falls behind, this thread waits
 * for one it has emptied, so a loaded machine does not hold the whole list twice. A list of
 * fewer rows than a batch (the head of a list, a small group) is built here, without a thread.
 */
#define LIST_BATCH_ROWS 1024
#define LIST_BATCHES    4

enum
{
  RAW_ID,
  RAW_URL,
  RAW_TITLE,
  RAW_PLATFORM,
  RAW_BRIEF,
  RAW_GROUP,
  N_RAW_TEXTS
};

/* The list columns of one row as SQLite gave them. */
typedef struct
{
  gint64 subscription_id;
  const char *subscription_url; /* interned */
  gint64 first_seen;
  gint64 updated;
  gint64 expires;
  guint64 content_tag;
  RempartActionState state;
  RempartTopic topic;
  RempartPriority priority;
  guint archived : 1;
  guint queued : 1;
  guint has_draft : 1;
  guint has_expires : 1;
  const char *texts[N_RAW_TEXTS]; /* into data, or NULL for SQL NULL */
  char data[];
} RawRow;

static const int raw_text_columns[N_RAW_TEXTS] = {
  [RAW_ID] = COLUMN_ACTION_ID,      [RAW_URL] = COLUMN_URL,     [RAW_TITLE] = COLUMN_TITLE,
  [RAW_PLATFORM] = COLUMN_PLATFORM, [RAW_BRIEF] = COLUMN_BRIEF, [RAW_GROUP] = COLUMN_GROUP,
};

/* The end of the rows, after the last batch. */
static char end_of_rows;

/* Test hooks, atomic: rows a batch (0: LIST_BATCH_ROWS), a list that fails on its @n-th row
 * (0: never), no builder thread to be had, and how many lists a builder thread has built. */
static guint batch_rows_for_testing;
static guint fail_at_for_testing;
static gint no_thread_for_testing;
static guint builder_runs_for_testing;

/* The row's group address, interned: a group's address is the same for its
 * 10,000 rows, and the store holds a handful of groups whose addresses outlive a list. The
 * last one is kept in @last, so that only a change of group looks it up. */
typedef struct
{
  gint64 id;
  const char *url;
} LastGroup;

static const char *
group_url (sqlite3_stmt *stmt, LastGroup *last)
{
  gint64 id = sqlite3_column_int64 (stmt, COLUMN_SUBSCRIPTION_ID);

  if (id != last->id || last->url == NULL)
    last->url = g_intern_string (rempart_sqlite_get_text (stmt, COLUMN_SUBSCRIPTION_URL));
  last->id = id;
  return last->url;
}

static RawRow *
raw_row_new (sqlite3_stmt *stmt, const char *subscription_url)
{
  gsize lengths[N_RAW_TEXTS];
  gsize size = 0;
  RawRow *raw;
  char *p;

  /* sqlite3_column_text() before sqlite3_column_bytes(), as SQLite asks. */
  for (guint i = 0; i < N_RAW_TEXTS; i++)
    {
      lengths[i] = rempart_sqlite_get_text (stmt, raw_text_columns[i]) != NULL
                       ? (gsize) sqlite3_column_bytes (stmt, raw_text_columns[i]) + 1
                       : 0;
      size += lengths[i];
    }

  raw = g_malloc (sizeof *raw + size);
  p = raw->data;
  for (guint i = 0; i < N_RAW_TEXTS; i++)
    {
      raw->texts[i] = lengths[i] > 0 ? p : NULL;
      if (lengths[i] > 0)
        {
          memcpy (p, rempart_sqlite_get_text (stmt, raw_text_columns[i]), lengths[i]);
          p += lengths[i];
        }
    }

  raw->subscription_id = sqlite3_column_int64 (stmt, COLUMN_SUBSCRIPTION_ID);
  raw->subscription_url = subscription_url;
  raw->state = sqlite3_column_int (stmt, COLUMN_STATE);
  raw->archived = sqlite3_column_int (stmt, COLUMN_ARCHIVED) != 0;
  raw->first_seen = sqlite3_column_int64 (stmt, COLUMN_FIRST_SEEN);
  raw->updated = sqlite3_column_int64 (stmt, COLUMN_UPDATED);
  raw->topic = sqlite3_column_int (stmt, COLUMN_TOPIC);
  raw->priority = sqlite3_column_int (stmt, COLUMN_PRIORITY);
  raw->queued = sqlite3_column_int (stmt, COLUMN_QUEUED) != 0;
  raw->has_draft = sqlite3_column_int (stmt, COLUMN_HAS_DRAFT) != 0;
  raw->has_expires = sqlite3_column_type (stmt, COLUMN_EXPIRES) != SQLITE_NULL;
  raw->expires = sqlite3_column_int64 (stmt, COLUMN_EXPIRES);
  raw->content_tag = rempart_store_content_tag (rempart_sqlite_get_text (stmt, COLUMN_CONTENT_TAG));
  return raw;
}

/* The row's action holds only what a row shows; the details stay in the database (3.8 MiB
 * at 10,000 actions when every row kept them): rempart_store_read_action_async() reads one
 * action's. */
static RempartStoredAction *
stored_from_raw (const RawRow *raw, GString *search_buffer)
{
  RempartStoredAction *stored = g_new0 (RempartStoredAction, 1);
  RempartAction *action = rempart_action_new (raw->texts[RAW_ID], raw->texts[RAW_URL]);

  rempart_action_take_text (action, REMPART_ACTION_TITLE, g_strdup (raw->texts[RAW_TITLE]));
  rempart_action_set_topic (action, raw->topic);
  rempart_action_set_priority (action, raw->priority);
  rempart_action_take_text (action, REMPART_ACTION_PLATFORM, g_strdup (raw->texts[RAW_PLATFORM]));
  /* The same instant as the details' date (a row shows the time left, not the zone). */
  if (raw->has_expires)
    {
      g_autoptr (GDateTime) date = g_date_time_new_from_unix_utc (raw->expires);

      if (date != NULL)
        rempart_action_set_date (action, REMPART_ACTION_EXPIRES, date);
    }

  stored->subscription_id = raw->subscription_id;
  stored->subscription_url = (char *) raw->subscription_url;
  stored->url_interned = TRUE;
  stored->state = raw->state;
  stored->archived = raw->archived;
  stored->first_seen = raw->first_seen;
  stored->updated = raw->updated;
  stored->action = action;
  stored->row_only = TRUE;
  stored->search_text =
      search_text_of (search_buffer, action, raw->texts[RAW_BRIEF], raw->texts[RAW_GROUP]);
  stored->content_tag = raw->content_tag;
  stored->queued = raw->queued;
  stored->has_draft = raw->has_draft;
  return stored;
}

static void
build_batch (GPtrArray *list, GPtrArray *batch, GString *search_buffer)
{
  for (guint i = 0; i < batch->len; i++)
    g_ptr_array_add (list, stored_from_raw (g_ptr_array_index (batch, i), search_buffer));
}

typedef struct
{
  GAsyncQueue *batches; /* full batches (GPtrArray of RawRow), then &end_of_rows */
  GAsyncQueue *spare;   /* batches the builder has emptied, for this thread to fill again */
  guint n_batches;      /* batches made, at most LIST_BATCHES */
  GPtrArray *list;      /* the builder thread's until it is joined */
  GThread *thread;
} Builder;

static gpointer
builder_thread (gpointer data)
{
  Builder *builder = data;
  g_autoptr (GString) search_buffer = g_string_sized_new (1024);
  gpointer batch;

  while ((batch = g_async_queue_pop (builder->batches)) != &end_of_rows)
    {
      build_batch (builder->list, batch, search_buffer);
      g_ptr_array_set_size (batch, 0);
      g_async_queue_push (builder->spare, batch);
    }
  return NULL;
}

/* Returns FALSE, building nothing, when no thread could be started: the caller builds. */
static gboolean
builder_start (Builder *builder, GPtrArray *list)
{
  g_autoptr (GError) error = NULL;

  builder->batches = g_async_queue_new ();
  builder->spare = g_async_queue_new_full ((GDestroyNotify) g_ptr_array_unref);
  builder->list = list;
  builder->n_batches = 1; /* the caller's */
  if (g_atomic_int_get (&no_thread_for_testing))
    g_set_error_literal (&error, G_THREAD_ERROR, G_THREAD_ERROR_AGAIN, "No thread (test hook)");
  else
    builder->thread = g_thread_try_new ("rempart-list", builder_thread, builder, &error);
  if (builder->thread == NULL)
    {
      g_debug ("Listing on one thread: %s", error->message);
      g_clear_pointer (&builder->batches, g_async_queue_unref);
      g_clear_pointer (&builder->spare, g_async_queue_unref);
      return FALSE;
    }
  g_atomic_int_inc (&builder_runs_for_testing);
  return TRUE;
}

/* Hands @batch to the builder; returns an empty batch to fill next (new, or one the builder
 * has emptied, waiting for it when LIST_BATCHES are out). */
static GPtrArray *
builder_push (Builder *builder, GPtrArray *batch, guint batch_rows)
{
  g_async_queue_push (builder->batches, batch);
  if (builder->n_batches < LIST_BATCHES)
    {
      builder->n_batches++;
      return g_ptr_array_new_full (batch_rows, g_free);
    }
  return g_async_queue_pop (builder->spare);
}

/* Waits for every batch pushed to be built into the list. */
static void
builder_finish (Builder *builder)
{
  if (builder->thread == NULL)
    return;

  /* After the last batch: the builder has popped every batch when it is joined. */
  g_async_queue_push (builder->batches, &end_of_rows);
  g_thread_join (g_steal_pointer (&builder->thread));
  g_clear_pointer (&builder->batches, g_async_queue_unref);
  g_clear_pointer (&builder->spare, g_async_queue_unref);
}

static gboolean
list_rows (sqlite3_stmt *stmt, GPtrArray *list, GError **error)
{
  guint batch_rows = g_atomic_int_get (&batch_rows_for_testing);
  guint fail_at = g_atomic_int_get (&fail_at_for_testing);
  g_autoptr (GPtrArray) batch = NULL;
  g_autoptr (GString) search_buffer = g_string_sized_new (1024);
  Builder builder = { NULL };
  gboolean builder_failed = FALSE;
  LastGroup last = { 0, NULL };
  RempartSqliteStep step;
  guint n = 0;

  if (batch_rows == 0)
    batch_rows = LIST_BATCH_ROWS;
  batch = g_ptr_array_new_full (batch_rows, g_free);

  while ((step = rempart_sqlite_step (stmt, error)) == REMPART_SQLITE_ROW)
    {
      if (fail_at != 0 && ++n == fail_at)
        {
          g_set_error (error, REMPART_STORE_ERROR, REMPART_STORE_ERROR_FAILED,
                       "Listing failed on purpose after %u rows (test hook)", n - 1);
          step = REMPART_SQLITE_ERROR;
          break;
        }

      g_ptr_array_add (batch, raw_row_new (stmt, group_url (stmt, &last)));

      if (batch->len < batch_rows)
        continue;
      if (builder.thread == NULL && !builder_failed)
        builder_failed = !builder_start (&builder, list);
      if (builder.thread == NULL)
        {
          build_batch (list, batch, search_buffer);
          g_ptr_array_set_size (batch, 0);
          continue;
        }
      batch = builder_push (&builder, g_steal_pointer (&batch), batch_rows);
    }

  /* The builder has the batches before this one: they come first. */
  builder_finish (&builder);
  if (step == REMPART_SQLITE_ERROR)
    return FALSE;
  build_batch (list, batch, search_buffer);
  return TRUE;
}

/* -------------------------------------------------------------------------------------- */
/* Test hooks                                                                             */
/* -------------------------------------------------------------------------------------- */

void
rempart_store_list_set_batch_rows_for_testing (guint rows)
{
  g_atomic_int_set (&batch_rows_for_testing, rows);
}

void
rempart_store_list_set_fail_at_for_testing (guint n)
{
  g_atomic_int_set (&fail_at_for_testing, n);
}

void
rempart_store_list_set_no_thread_for_testing (gboolean no_thread)
{
  g_atomic_int_set (&no_thread_for_testing, no_thread);
}

guint
rempart_store_list_get_builder_runs_for_testing (void)
{
  return g_atomic_int_get (&builder_runs_for_testing);
}

/* -------------------------------------------------------------------------------------- */
/* The job                                                                                */
/* -------------------------------------------------------------------------------------- */

gboolean
rempart_store_list_actions_job (RempartStoreWorker *w, gpointer data, gpointer *out, GError **error)
{
  guint flags = GPOINTER_TO_UINT (data);
  RempartActionView view = flags & (REMPART_STORE_LIST_ROWS - 1);
  gboolean rows_only = (flags & REMPART_STORE_LIST_ROWS) != 0;
  guint limit = flags >> REMPART_STORE_LIST_LIMIT_SHIFT;
  g_autoptr (GPtrArray) list =
      g_ptr_array_new_with_free_func ((GDestroyNotify) rempart_stored_action_free);
  g_autoptr (JsonParser) parser = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *sql = NULL;
  LastGroup last = { 0, NULL };
  RempartSqliteStep step;

  g_return_val_if_fail (view <= REMPART_ACTION_VIEW_ALL, FALSE);

  sql = list_sql (view, rows_only, limit);
  stmt = rempart_sqlite_prepare (rempart_store_worker_get_db (w), sql, error);
  if (stmt == NULL)
    return FALSE;
  /* The SELECT and the COLUMN_ numbers are written apart: they must agree. */
  g_assert (sqlite3_column_count (stmt) == N_COLUMNS);
  rempart_sqlite_bind_int64 (stmt, 1, rempart_store_worker_now (w));

  if (rows_only)
    {
      if (!list_rows (stmt, list, error))
        return FALSE;
      *out = g_steal_pointer (&list);
      return TRUE;
    }

  parser = json_parser_new_immutable ();
  while ((step = rempart_sqlite_step (stmt, error)) == REMPART_SQLITE_ROW)
    {
      RempartStoredAction *stored = g_new0 (RempartStoredAction, 1);

      stored->subscription_id = sqlite3_column_int64 (stmt, COLUMN_SUBSCRIPTION_ID);
      stored->subscription_url = (char *) group_url (stmt, &last);
      stored->url_interned = TRUE;
      stored->state = sqlite3_column_int (stmt, COLUMN_STATE);
      stored->archived = sqlite3_column_int (stmt, COLUMN_ARCHIVED) != 0;
      stored->first_seen = sqlite3_column_int64 (stmt, COLUMN_FIRST_SEEN);
      stored->updated = sqlite3_column_int64 (stmt, COLUMN_UPDATED);
      stored->action = rempart_store_action_from_row (stmt, COLUMN_ACTION_ID, parser);
      stored->content_tag =
          rempart_store_content_tag (rempart_sqlite_get_text (stmt, COLUMN_CONTENT_TAG));
      stored->queued = sqlite3_column_int (stmt, COLUMN_QUEUED) != 0;
      stored->has_draft = sqlite3_column_int (stmt, COLUMN_HAS_DRAFT) != 0;
      g_ptr_array_add (list, stored);
    }
  if (step == REMPART_SQLITE_ERROR)
    return FALSE;

  *out = g_steal_pointer (&list);
  return TRUE;
}
