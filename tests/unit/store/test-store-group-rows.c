/* test-store-group-rows.c: the rows a sync's first read keeps for its import
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rempart-store-group-rows.h"
#include "store-fixture.h"

/*
 * A sync reads the group's item hashes, parses, then imports; the first read keeps the rows
 * it found for the import (rempart-store-group-rows.h). The import may use them only if
 * nothing was written in between: each test writes between the two, on the store's own
 * connection or on another one, in a way that leaves a wrong result behind if the kept rows
 * were used, and checks the rows as the import left them.
 */

/* Items "a0".."a{n-1}" with the bits of @skip left out; @changed's item gets another title. */
static GBytes *
feed_text (guint n, guint skip, int changed)
{
  g_autoptr (GString) s =
      g_string_new ("{\"version\": \"https://jsonfeed.org/version/1.1\", \"title\": \"T\","
                    " \"items\": [");

  for (guint i = 0; i < n; i++)
    if (!(skip & (1u << i)))
      g_string_append_printf (s,
                              "%s{\"id\": \"a%u\", \"url\": \"https://example.org/t/%u\","
                              " \"title\": \"Fil %u%s\", \"content_text\": \"Brief %u\","
                              " \"_rempart\": {\"expires\": \"2099-01-01T00:00:00Z\"}}",
                              s->str[s->len - 1] == '[' ? "" : ",", i, i, i,
                              (int) i == changed ? " bis" : "", i);
  g_string_append (s, "]}");
  return g_string_free_to_bytes (g_steal_pointer (&s));
}

/* The first half of a sync: the item hashes read (and the rows kept), then the parse. */
static RempartFeed *
read_and_parse (Fixture *f, GBytes *bytes)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GHashTable) known = rempart_store_list_item_hashes_sync (f->store, f->sub->id, &error);
  RempartFeed *feed;

  g_assert_no_error (error);
  feed = rempart_feed_parse_known (bytes, "feed.json", known, &error);
  g_assert_no_error (error);
  return feed;
}

static void
sync_whole (Fixture *f, GBytes *bytes, RempartImportStats *stats)
{
  g_autoptr (RempartFeed) feed = read_and_parse (f, bytes);

  import_ok (f, feed, stats);
}

/* Another connection to the store's file, as a second Rempart or a tool would open it. */
static sqlite3 *
other_connection (Fixture *f)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (f->path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  return db;
}

static void
exec_other (sqlite3 *db, const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

/* "archived title" of action @id, or NULL when there is no such row, read on its own
 * connection. */
static char *
row_of (Fixture *f, const char *id)
{
  sqlite3 *db = other_connection (f);
  sqlite3_stmt *stmt = NULL;
  char *row = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT archived, title FROM actions"
                                       " WHERE subscription_id = ?1 AND action_id = ?2",
                                       -1, &stmt, NULL),
                   ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, f->sub->id);
  sqlite3_bind_text (stmt, 2, id, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    row = g_strdup_printf ("%d %s", sqlite3_column_int (stmt, 0),
                           (const char *) sqlite3_column_text (stmt, 1));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return row;
}

#define assert_row(f, id, expected)         \
  G_STMT_START                              \
  {                                         \
    g_autofree char *row_ = row_of (f, id); \
    g_assert_cmpstr (row_, ==, expected);   \
  }                                         \
  G_STMT_END

static guint
reused (Fixture *f)
{
  return rempart_store_get_group_rows_reused_for_testing (f->store);
}

/* Nothing written between the two reads: the import uses the rows kept, and imports as the
 * whole parse would. */
static void
test_group_rows_reused (Fixture *f, gconstpointer data)
{
  g_autoptr (GBytes) first = feed_text (4, 0, -1);
  g_autoptr (GBytes) second = feed_text (5, 1u << 3, 1);
  RempartImportStats stats;
  guint before;

  sync_whole (f, first, &stats);
  assert_stats (&stats, 4, 0, 0, 0, 0);
  before = reused (f);
  /* a1 changed, a3 left the feed (no draft: removed), a4 arrived. */
  sync_whole (f, second, &stats);
  assert_stats (&stats, 1, 1, 2, 0, 1);
  g_assert_cmpuint (reused (f), ==, before + 1);
  assert_row (f, "a1", "0 Fil 1 bis");
  assert_row (f, "a3", NULL);
  assert_row (f, "a4", "0 Fil 4");
}

/* Another connection archives a kept action between the two reads: the import sees it
 * archived and brings it back, as the whole parse would. With the rows kept from before, it
 * would stay archived. */
static void
test_group_rows_other_archives (Fixture *f, gconstpointer data)
{
  g_autoptr (GBytes) first = feed_text (4, 0, -1);
  g_autoptr (RempartFeed) feed = NULL;
  RempartImportStats stats;
  sqlite3 *db;
  guint before;

  sync_whole (f, first, &stats);
  before = reused (f);
  feed = read_and_parse (f, first);
  g_assert_cmpuint (rempart_feed_get_kept_ids (feed)->len, ==, 4);
  db = other_connection (f);
  exec_other (db, "UPDATE actions SET archived = 1 WHERE action_id = 'a2'");
  sqlite3_close (db);
  assert_row (f, "a2", "1 Fil 2");

  import_ok (f, feed, &stats);
  assert_stats (&stats, 0, 1, 3, 0, 0);
  assert_row (f, "a2", "0 Fil 2");
  g_assert_cmpuint (reused (f), ==, before);
}

/* Another connection edits the row of an action the feed carries in full: the import
 * compares the feed with the row as it is now. Here the row was given the feed's content
 * hash with another title, so the import leaves it (the rows kept would update it); and the
 * row of a changed action deleted meanwhile is inserted again, not updated in vain. */
static void
test_group_rows_other_edits (Fixture *f, gconstpointer data)
{
  g_autoptr (GBytes) first = feed_text (4, 0, -1);
  g_autoptr (GBytes) second = feed_text (4, 0, 1);
  g_autoptr (GBytes) third = feed_text (4, 0, 2);
  g_autoptr (RempartFeed) feed = NULL;
  g_autoptr (RempartFeed) feed3 = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *sql = NULL;
  RempartImportStats stats;
  sqlite3 *db;
  guint before;

  sync_whole (f, first, &stats);
  before = reused (f);
  feed = read_and_parse (f, second);
  g_assert_cmpuint (rempart_feed_get_kept_ids (feed)->len, ==, 3);
  hash = rempart_store_action_hash (rempart_feed_lookup_action (feed, "a1"));
  sql = g_strdup_printf ("UPDATE actions SET title = 'Elsewhere', hash = '%s'"
                         " WHERE action_id = 'a1'",
                         hash);
  db = other_connection (f);
  exec_other (db, sql);
  sqlite3_close (db);

  import_ok (f, feed, &stats);
  assert_stats (&stats, 0, 0, 4, 0, 0);
  assert_row (f, "a1", "0 Elsewhere");

  feed3 = read_and_parse (f, third);
  db = other_connection (f);
  exec_other (db, "DELETE FROM actions WHERE action_id = 'a2'");
  sqlite3_close (db);
  import_ok (f, feed3, &stats);
  /* a1's item is the one its row was read from: kept as the row is. */
  assert_stats (&stats, 1, 0, 3, 0, 0);
  assert_row (f, "a1", "0 Elsewhere");
  assert_row (f, "a2", "0 Fil 2 bis");
  g_assert_cmpuint (reused (f), ==, before);
}

/* The store's own connection deletes a kept item's row between the two reads (the history
 * of the group forgotten, and with it the archived action kept for its draft): the import
 * must find it gone and fail, not unarchive a row that is no longer there and report
 * success with an action missing. */
static void
test_group_rows_same_connection (Fixture *f, gconstpointer data)
{
  g_autoptr (GBytes) first = feed_text (4, 0, -1);
  g_autoptr (GBytes) without_a3 = feed_text (4, 1u << 3, -1);
  g_autoptr (RempartFeed) feed = NULL;
  g_autoptr (GError) error = NULL;
  RempartDraft draft = { .subscription_url = f->sub->url, .action_id = "a3", .text = "Mot" };
  RempartImportStats stats;
  guint before;

  sync_whole (f, first, &stats);
  g_assert_true (rempart_store_save_draft_sync (f->store, &draft, &error));
  g_assert_no_error (error);
  sync_whole (f, without_a3, &stats);
  assert_stats (&stats, 0, 0, 3, 1, 0);
  assert_row (f, "a3", "1 Fil 3");

  before = reused (f);
  feed = read_and_parse (f, first);
  g_assert_cmpuint (rempart_feed_get_kept_ids (feed)->len, ==, 4);
  g_assert_true (rempart_store_forget_sync (f->store, f->sub->url, &error));
  g_assert_no_error (error);
  assert_row (f, "a3", NULL);

  g_assert_false (rempart_store_import_feed_sync (f->store, f->sub, feed, &stats, &error));
  g_assert_error (error, REMPART_STORE_ERROR, REMPART_STORE_ERROR_FAILED);
  g_assert_cmpuint (reused (f), ==, before);
  assert_row (f, "a3", NULL);

  /* The next sync reads the item again. */
  g_clear_error (&error);
  sync_whole (f, first, &stats);
  assert_stats (&stats, 1, 0, 3, 0, 0);
  assert_row (f, "a3", "0 Fil 3");
}

/* A failed import on the store's connection (rolled back) between the read of the item
 * hashes and the import: the import after it reads the rows again and imports as the whole
 * parse would. Another connection's rolled-back write changes nothing: the rows kept are
 * still the rows, and are used. */
static void
test_group_rows_rollback (Fixture *f, gconstpointer data)
{
  g_autoptr (GBytes) first = feed_text (4, 0, -1);
  g_autoptr (GBytes) second = feed_text (4, 0, 1);
  g_autoptr (GBytes) gone = feed_text (4, 1u << 0, -1);
  g_autoptr (RempartFeed) feed = NULL;
  g_autoptr (RempartFeed) failing = NULL;
  g_autoptr (GError) error = NULL;
  RempartImportStats stats;
  sqlite3 *db;
  guint before;

  sync_whole (f, first, &stats);
  before = reused (f);
  feed = read_and_parse (f, second);
  failing = rempart_feed_parse (gone, "feed.json", &error);
  g_assert_no_error (error);
  rempart_store_set_import_fail_at_for_testing (f->store, 2);
  g_assert_false (rempart_store_import_feed_sync (f->store, f->sub, failing, &stats, &error));
  g_assert_error (error, REMPART_STORE_ERROR, REMPART_STORE_ERROR_FAILED);
  g_clear_error (&error);
  rempart_store_set_import_fail_at_for_testing (f->store, 0);
  /* Nothing was written before it: the failed import used the rows kept, and took them. */
  g_assert_cmpuint (reused (f), ==, before + 1);

  import_ok (f, feed, &stats);
  assert_stats (&stats, 0, 1, 3, 0, 0);
  assert_row (f, "a0", "0 Fil 0");
  assert_row (f, "a1", "0 Fil 1 bis");
  g_assert_cmpuint (reused (f), ==, before + 1);

  g_clear_object (&feed);
  feed = read_and_parse (f, first);
  db = other_connection (f);
  exec_other (db, "BEGIN IMMEDIATE; UPDATE actions SET archived = 1; ROLLBACK;");
  sqlite3_close (db);
  import_ok (f, feed, &stats);
  assert_stats (&stats, 0, 1, 3, 0, 0);
  assert_row (f, "a1", "0 Fil 1");
  assert_row (f, "a2", "0 Fil 2");
  g_assert_cmpuint (reused (f), ==, before + 2);
}

/* The rows kept are one group's, and one import's: another group's import, or a second
 * import of the same feed, reads the rows itself. */
static void
test_group_rows_once (Fixture *f, gconstpointer data)
{
  g_autoptr (GBytes) first = feed_text (4, 0, -1);
  g_autoptr (GBytes) second = feed_text (4, 0, 1);
  g_autoptr (RempartFeed) feed = NULL;
  g_autoptr (RempartFeed) other_feed = NULL;
  g_autoptr (RempartSubscription) other = NULL;
  g_autoptr (GError) error = NULL;
  RempartImportStats stats;
  guint before;

  sync_whole (f, first, &stats);
  other = rempart_store_add_subscription_sync (f->store, "https://example.org/other.json", NULL,
                                               &error);
  g_assert_no_error (error);
  before = reused (f);

  feed = read_and_parse (f, second);
  other_feed = rempart_feed_parse (first, "feed.json", &error);
  g_assert_no_error (error);
  g_assert_true (rempart_store_import_feed_sync (f->store, other, other_feed, &stats, &error));
  g_assert_no_error (error);
  assert_stats (&stats, 4, 0, 0, 0, 0);
  g_assert_cmpuint (reused (f), ==, before);

  import_ok (f, feed, &stats);
  assert_stats (&stats, 0, 1, 3, 0, 0);
  import_ok (f, feed, &stats);
  assert_stats (&stats, 0, 0, 4, 0, 0);
  g_assert_cmpuint (reused (f), ==, before);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  STORE_TEST_ADD ("/store/group-rows/reused", test_group_rows_reused);
  STORE_TEST_ADD ("/store/group-rows/other-archives", test_group_rows_other_archives);
  STORE_TEST_ADD ("/store/group-rows/other-edits", test_group_rows_other_edits);
  STORE_TEST_ADD ("/store/group-rows/same-connection", test_group_rows_same_connection);
  STORE_TEST_ADD ("/store/group-rows/rollback", test_group_rows_rollback);
  STORE_TEST_ADD ("/store/group-rows/once", test_group_rows_once);

  return g_test_run ();
}
