/* test-store-migrations.c
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "rempart-store-private.h"
#include "rempart-test-dirs.h"

/*
 * Every earlier schema opens with the current code and keeps its rows: version 0 (a new or
 * empty file), version 1 (store-fixtures/schema-1.sql, the DDL Rempart 0.1 shipped) and
 * version 2 (store-fixtures/schema-2.sql: queued drafts, user templates). A
 * migrated database must end with the same tables, columns and indices as a fresh one, and
 * a migration that fails must leave user_version and every row as they were.
 */

#define FEED_URL "https://example.org/jesuisla/feed.json"

typedef struct
{
  char *dir;
  char *path;
} Fixture;

/* -------------------------------------------------------------------------------------- */
/* Helpers                                                                                */
/* -------------------------------------------------------------------------------------- */

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  f->dir = rempart_test_dir_new ("migrations");
  f->path = g_build_filename (f->dir, "rempart.db", NULL);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  rempart_test_dir_remove (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static void
exec (const char *path, const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s", message);
  sqlite3_close (db);
}

static void
build_fixture (const char *path, const char *name)
{
  g_autofree char *fixture =
      g_test_build_filename (G_TEST_DIST, "unit", "store-fixtures", name, NULL);
  g_autofree char *sql = NULL;
  g_autoptr (GError) error = NULL;

  g_file_get_contents (fixture, &sql, NULL, &error);
  g_assert_no_error (error);
  exec (path, sql);
}

static void
build_v1 (const char *path)
{
  build_fixture (path, "schema-1.sql");
}

static void
build_v2 (const char *path)
{
  build_fixture (path, "schema-2.sql");
}

/* Before the first import under schema 3 there is no feed info: ids only, empty lists. */
static void
assert_empty_feed_info (RempartStore *store, gint64 subscription_id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RempartFeedInfo) info = NULL;

  info = rempart_store_get_feed_info_sync (store, subscription_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (info->subscription_id, ==, subscription_id);
  g_assert_cmpstr (info->subscription_url, ==, FEED_URL);
  g_assert_cmpstr (info->title, ==, "#jesuislà");
  g_assert_null (info->about);
  g_assert_null (info->hashtag);
  g_assert_nonnull (info->rules);
  g_assert_cmpuint (g_strv_length (info->rules), ==, 0);
  g_assert_cmpuint (info->templates->len, ==, 0);
  g_assert_false (info->is_bundled);
}

/* The rows of @sql, one line each, columns separated by '|'. */
static char *
query (const char *path, const char *sql)
{
  GString *out = g_string_new (NULL);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int c = 0; c < sqlite3_column_count (stmt); c++)
        g_string_append_printf (out, "%s|", (const char *) sqlite3_column_text (stmt, c));
      g_string_append_c (out, '\n');
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return g_string_free (out, FALSE);
}

/* Tables, columns (type, NOT NULL, default, key) and indices, whatever the DDL's spacing. */
static char *
layout (const char *path)
{
  g_autofree char *columns =
      query (path, "SELECT m.name, p.name, p.type, p.\"notnull\", p.dflt_value, p.pk"
                   " FROM sqlite_master m, pragma_table_info (m.name) p"
                   " WHERE m.type = 'table' ORDER BY m.name, p.cid");
  g_autofree char *indices =
      query (path, "SELECT m.name, m.tbl_name, i.name FROM sqlite_master m,"
                   " pragma_index_info (m.name) i WHERE m.type = 'index' ORDER BY m.name, i.seqno");

  return g_strconcat (columns, "--\n", indices, NULL);
}

static char *
all_v1_rows (const char *path)
{
  g_autoptr (GString) out = g_string_new (NULL);
  static const char *const tables[] = { "subscriptions", "actions", "action_state", "drafts",
                                        "events" };

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s ORDER BY 1, 2", tables[i]);
      g_autofree char *rows = query (path, sql);
      g_string_append (out, rows);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static gint64
user_version (const char *path)
{
  g_autofree char *text = query (path, "PRAGMA user_version");

  return g_ascii_strtoll (text, NULL, 10);
}

static char *
fresh_layout (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "fresh.db", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (RempartStore) store = rempart_store_open_sync (path, NULL, &error);
  char *result;

  g_assert_no_error (error);
  rempart_store_close (store);
  result = layout (path);
  g_assert_no_errno (g_unlink (path));
  return result;
}

/* -------------------------------------------------------------------------------------- */
/* Tests                                                                                  */
/* -------------------------------------------------------------------------------------- */

static void
test_from_0 (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RempartStore) store = NULL;
  g_autofree char *expected = fresh_layout (f->dir);
  g_autofree char *got = NULL;

  /* An empty file is a database at version 0. */
  g_file_set_contents (f->path, "", 0, &error);
  g_assert_no_error (error);
  store = rempart_store_open_sync (f->path, NULL, &error);
  g_assert_no_error (error);
  rempart_store_close (store);

  g_assert_cmpint (user_version (f->path), ==, REMPART_STORE_SCHEMA_VERSION);
  got = layout (f->path);
  g_assert_cmpstr (got, ==, expected);
  g_assert_nonnull (strstr (got, "user_templates|"));
}

static void
test_from_1 (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RempartStore) store = NULL;
  g_autoptr (GPtrArray) subs = NULL;
  g_autoptr (GPtrArray) actions = NULL;
  g_autoptr (RempartDraft) draft = NULL;
  g_autofree char *expected = fresh_layout (f->dir);
  g_autofree char *got = NULL;
  RempartSubscription *sub;
  RempartStoredAction *stored;
  RempartUserTemplate tmpl = { .id = "t", .title = "T", .body = "#jesuislà" };
  guint count = 0;

  build_v1 (f->path);
  g_assert_cmpint (user_version (f->path), ==, 1);

  store = rempart_store_open_sync (f->path, NULL, &error);
  g_assert_no_error (error);
  rempart_store_set_now_for_testing (store, 1777723200);

  subs = rempart_store_list_subscriptions_sync (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (subs->len, ==, 1);
  sub = g_ptr_array_index (subs, 0);
  g_assert_cmpstr (sub->url, ==, FEED_URL);
  /* Dropped by v3 so that the next refresh fetches the feed info in full. */
  g_assert_null (sub->etag);
  g_assert_cmpint (sub->last_seq, ==, 41);
  g_assert_true (sub->is_signed);

  actions = rempart_store_list_actions_sync (store, REMPART_ACTION_VIEW_TODO, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (actions->len, ==, 1);
  stored = g_ptr_array_index (actions, 0);
  g_assert_cmpstr (rempart_action_get_title (stored->action), ==, "Un fil d’avant la mise à jour");
  g_assert_cmpstr (rempart_action_get_brief (stored->action), ==, "Répondre avec calme.");
  g_assert_cmpint (rempart_action_get_priority (stored->action), ==, REMPART_PRIORITY_HIGH);
  g_assert_cmpuint (rempart_action_get_sources (stored->action)->len, ==, 1);
  g_assert_cmpint (stored->state, ==, REMPART_ACTION_STATE_OPENED | REMPART_ACTION_STATE_JOINED);
  g_assert_true (stored->has_draft);
  g_assert_false (stored->queued);
  assert_empty_feed_info (store, sub->id);

  draft = rempart_store_load_draft_sync (store, FEED_URL, "old-action", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (draft->text, ==, "#jesuislà Brouillon v1");
  g_assert_cmpstr (draft->template_id, ==, "facts-first");
  g_assert_false (draft->queued);
  g_assert_true (
      rempart_store_count_events_sync (store, REMPART_ACTION_STATE_JOINED, 0, &count, &error));
  g_assert_cmpuint (count, ==, 1);

  /* What version 2 added works. */
  g_assert_true (rempart_store_save_user_template_sync (store, &tmpl, &error));
  g_assert_no_error (error);
  rempart_store_close (store);

  g_assert_cmpint (user_version (f->path), ==, REMPART_STORE_SCHEMA_VERSION);
  got = layout (f->path);
  g_assert_cmpstr (got, ==, expected);
}

static void
test_from_2 (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RempartStore) store = NULL;
  g_autoptr (GPtrArray) subs = NULL;
  g_autoptr (GPtrArray) todo = NULL;
  g_autoptr (GPtrArray) queued = NULL;
  g_autoptr (GPtrArray) templates = NULL;
  g_autoptr (RempartDraft) draft = NULL;
  g_autofree char *expected = fresh_layout (f->dir);
  g_autofree char *got = NULL;
  RempartSubscription *sub;
  RempartStoredAction *stored;
  RempartUserTemplate *tmpl;
  guint count = 0;

  build_v2 (f->path);
  g_assert_cmpint (user_version (f->path), ==, 2);

  store = rempart_store_open_sync (f->path, NULL, &error);
  g_assert_no_error (error);
  rempart_store_set_now_for_testing (store, 1777723200);

  subs = rempart_store_list_subscriptions_sync (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (subs->len, ==, 1);
  sub = g_ptr_array_index (subs, 0);
  g_assert_null (sub->etag);
  g_assert_cmpint (sub->last_seq, ==, 41);
  assert_empty_feed_info (store, sub->id);

  /* Newest first; the queued draft shows in both lists, with the new flags. */
  todo = rempart_store_list_actions_sync (store, REMPART_ACTION_VIEW_TODO, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (todo->len, ==, 2);
  stored = g_ptr_array_index (todo, 0);
  g_assert_cmpstr (rempart_action_get_id (stored->action), ==, "queued-action");
  g_assert_cmpstr (rempart_action_get_brief (stored->action), ==, "Rappeler la loi.");
  g_assert_cmpint (stored->state, ==, REMPART_ACTION_STATE_OPENED | REMPART_ACTION_STATE_JOINED);
  g_assert_true (stored->queued);
  g_assert_true (stored->has_draft);
  stored = g_ptr_array_index (todo, 1);
  g_assert_cmpstr (rempart_action_get_id (stored->action), ==, "plain-action");
  g_assert_false (stored->queued);
  g_assert_false (stored->has_draft);

  queued = rempart_store_list_actions_sync (store, REMPART_ACTION_VIEW_QUEUED, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (queued->len, ==, 1);

  draft = rempart_store_load_draft_sync (store, FEED_URL, "queued-action", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (draft->text, ==, "#jesuislà Brouillon v2");
  g_assert_true (draft->queued);
  g_assert_true (
      rempart_store_count_events_sync (store, REMPART_ACTION_STATE_JOINED, 0, &count, &error));
  g_assert_cmpuint (count, ==, 1);

  templates = rempart_store_list_user_templates_sync (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (templates->len, ==, 1);
  tmpl = g_ptr_array_index (templates, 0);
  g_assert_cmpstr (tmpl->body, ==, "#jesuislà Mon texte");
  g_assert_cmpstr (tmpl->topics[0], ==, "racism");
  g_assert_cmpint (tmpl->created, ==, 1777703000);
  rempart_store_close (store);

  g_assert_cmpint (user_version (f->path), ==, REMPART_STORE_SCHEMA_VERSION);
  got = layout (f->path);
  g_assert_cmpstr (got, ==, expected);
}

/* v3→v4: the example feed, known before only by its address, is marked bundled; a real feed
 * is not. Afterwards the store decides by the mark alone. */
static void
test_bundled_mark (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RempartStore) store = NULL;
  g_autoptr (GPtrArray) subs = NULL;
  g_autoptr (RempartSubscription) added = NULL;

  build_v2 (f->path);
  exec (f->path, "INSERT INTO subscriptions (id, url) "
                 "VALUES (2, 'https://example.org/rempart/demo/feed.json')");

  store = rempart_store_open_sync (f->path, NULL, &error);
  g_assert_no_error (error);
  subs = rempart_store_list_subscriptions_sync (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (subs->len, ==, 2);
  g_assert_false (((RempartSubscription *) g_ptr_array_index (subs, 0))->is_bundled);
  g_assert_true (((RempartSubscription *) g_ptr_array_index (subs, 1))->is_bundled);

  /* The address no longer makes a feed bundled, and only the bundled call does. */
  g_assert_true (rempart_store_forget_subscription_url_sync (
      store, "https://example.org/rempart/demo/feed.json", &error));
  g_assert_no_error (error);
  added = rempart_store_add_subscription_sync (store, "https://example.org/rempart/demo/feed.json",
                                               NULL, &error);
  g_assert_no_error (error);
  g_assert_false (added->is_bundled);
  g_clear_pointer (&added, rempart_subscription_free);
  added = rempart_store_add_bundled_subscription_sync (store, "https://example.net/bundled.json",
                                                       NULL, &error);
  g_assert_no_error (error);
  g_assert_true (added->is_bundled);
  rempart_store_close (store);
}

/* v2→v3 fails on a column already there: every row and user_version 2 stay. */
static void
test_failed_migration_3 (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RempartStore) store = NULL;
  g_autofree char *rows_before = NULL;
  g_autofree char *rows_after = NULL;

  build_v2 (f->path);
  exec (f->path, "ALTER TABLE subscriptions ADD COLUMN feed_info TEXT DEFAULT 'squatter'");
  rows_before = all_v1_rows (f->path);

  store = rempart_store_open_sync (f->path, NULL, &error);
  g_assert_error (error, REMPART_STORE_ERROR, REMPART_STORE_ERROR_FAILED);
  g_assert_null (store);
  g_assert_nonnull (strstr (error->message, "schema 3"));

  g_assert_cmpint (user_version (f->path), ==, 2);
  rows_after = all_v1_rows (f->path);
  g_assert_cmpstr (rows_before, ==, rows_after);
}

static void
test_failed_migration (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RempartStore) store = NULL;
  g_autofree char *rows_before = NULL;
  g_autofree char *rows_after = NULL;
  g_autofree char *layout_before = NULL;
  g_autofree char *layout_after = NULL;

  /* A table that version 2 wants to create is already there: the v1→v2 step fails after its
   * ALTER TABLE ran, and the whole step must roll back. */
  build_v1 (f->path);
  exec (f->path, "CREATE TABLE user_templates (squatter TEXT); INSERT INTO user_templates "
                 "VALUES ('keep me');");
  rows_before = all_v1_rows (f->path);
  layout_before = layout (f->path);

  store = rempart_store_open_sync (f->path, NULL, &error);
  g_assert_error (error, REMPART_STORE_ERROR, REMPART_STORE_ERROR_FAILED);
  g_assert_null (store);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "schema 2"));

  g_assert_cmpint (user_version (f->path), ==, 1);
  rows_after = all_v1_rows (f->path);
  g_assert_cmpstr (rows_before, ==, rows_after);
  layout_after = layout (f->path);
  g_assert_cmpstr (layout_before, ==, layout_after);
  g_assert_null (strstr (layout_after, "queued"));
}

/* The plan SQLite makes for the list of @view, one step a line. */
static char *
list_plan (const char *path, RempartActionView view, gboolean rows_only, guint limit)
{
  g_autofree char *sql = rempart_store_list_sql_for_testing (view, rows_only, limit);
  g_autofree char *explain = g_strconcat ("EXPLAIN QUERY PLAN ", sql, NULL);

  return query (path, explain);
}

/* Schema 8: a list, its head included, walks the actions in the index of its order instead of
 * sorting them again in a temporary B-tree (which copied every column of every row and cost
 * a third of the query at 50,000 actions), in a fresh store and in one migrated from an old
 * schema. The To Do and All lists read every action; the others start from the volunteer's
 * own few rows and may sort them. */
static void
test_list_order_index (Fixture *f, gconstpointer data)
{
  const RempartActionView views[] = { REMPART_ACTION_VIEW_TODO, REMPART_ACTION_VIEW_ALL };

  for (guint migrated = 0; migrated < 2; migrated++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (RempartStore) store = NULL;

      g_remove (f->path);
      if (migrated)
        build_v2 (f->path);
      store = rempart_store_open_sync (f->path, NULL, &error);
      g_assert_no_error (error);
      rempart_store_close (store);

      for (guint v = 0; v < G_N_ELEMENTS (views); v++)
        for (guint rows = 0; rows < 2; rows++)
          for (guint limit = 0; limit <= 100; limit += 100)
            {
              g_autofree char *plan = list_plan (f->path, views[v], rows, limit);

              g_test_message ("view %u, rows %u, limit %u, %s:\n%s", views[v], rows, limit,
                              migrated ? "migrated" : "fresh", plan);
              g_assert_nonnull (strstr (plan, "USING INDEX actions_order"));
              g_assert_null (strstr (plan, "TEMP B-TREE"));
            }
    }
}

/* Schema 8: the brief of each action already stored is copied out of its details into its
 * own column (the lists read it there); details that do not parse give none, and so does a
 * brief that is not a string (the details' reader takes strings only). */
static void
test_brief_column (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RempartStore) store = NULL;
  g_autofree char *briefs = NULL;

  build_v2 (f->path);
  exec (f->path,
        "UPDATE actions SET details = '{\"brief\": \"cut' WHERE action_id = 'plain-action'");
  exec (f->path, "INSERT INTO actions (subscription_id, action_id, url, title, sort_date, details,"
                 " hash, first_seen, updated) VALUES (1, 'number-brief', 'https://example.org/t/9',"
                 " 'Un nombre', 1777700000, '{\"brief\": 5}', 'fixture-hash-9', 1777700000,"
                 " 1777700000)");
  store = rempart_store_open_sync (f->path, NULL, &error);
  g_assert_no_error (error);
  rempart_store_close (store);

  briefs =
      query (f->path, "SELECT action_id, COALESCE (brief, 'none') FROM actions ORDER BY action_id");
  g_assert_cmpstr (briefs, ==,
                   "number-brief|none|\nplain-action|none|\nqueued-action|Rappeler la loi.|\n");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/store/migrations/from-0", Fixture, NULL, fixture_setup, test_from_0,
              fixture_teardown);
  g_test_add ("/store/migrations/from-1", Fixture, NULL, fixture_setup, test_from_1,
              fixture_teardown);
  g_test_add ("/store/migrations/bundled-mark", Fixture, NULL, fixture_setup, test_bundled_mark,
              fixture_teardown);
  g_test_add ("/store/migrations/from-2", Fixture, NULL, fixture_setup, test_from_2,
              fixture_teardown);
  g_test_add ("/store/migrations/failed", Fixture, NULL, fixture_setup, test_failed_migration,
              fixture_teardown);
  g_test_add ("/store/migrations/failed-3", Fixture, NULL, fixture_setup, test_failed_migration_3,
              fixture_teardown);
  g_test_add ("/store/migrations/list-order-index", Fixture, NULL, fixture_setup,
              test_list_order_index, fixture_teardown);
  g_test_add ("/store/migrations/brief-column", Fixture, NULL, fixture_setup, test_brief_column,
              fixture_teardown);

  return g_test_run ();
}
