/* test-store-open.c
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "store-fixture.h"

/*
 * Opening a store, its subscriptions, and the databases it refuses: a refused file is left
 * byte for byte as it was.
 */

/* -------------------------------------------------------------------------------------- */
/* Opening and subscriptions                                                              */
/* -------------------------------------------------------------------------------------- */

static void
test_open_creates (Fixture *f, gconstpointer data)
{
  g_autofree char *dir = g_path_get_dirname (f->path);
  GStatBuf st;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_no_errno (g_stat (dir, &st));
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  g_assert_true (g_file_test (f->path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpstr (rempart_store_get_path (f->store), ==, f->path);

  g_assert_cmpint (sqlite3_open_v2 (f->path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA journal_mode", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "wal");
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, REMPART_STORE_SCHEMA_VERSION);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  /* Closed: calls fail cleanly, twice closing is harmless. */
  rempart_store_close (f->store);
  rempart_store_close (f->store);
  {
    g_autoptr (GError) error = NULL;
    g_assert_null (rempart_store_list_subscriptions_sync (f->store, &error));
    g_assert_error (error, REMPART_STORE_ERROR, REMPART_STORE_ERROR_CLOSED);
  }
}

static void
test_subscriptions (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) subs = NULL;
  g_autoptr (RempartSubscription) second = NULL;
  g_autoptr (RempartSubscription) dup = NULL;
  RempartSubscription *got;

  g_assert_cmpint (f->sub->id, >, 0);
  g_assert_cmpint (f->sub->last_seq, ==, -1);
  second = rempart_store_add_subscription_sync (f->store, "https://b.example/feed.json", "RWQkey",
                                                &error);
  g_assert_no_error (error);

  dup = rempart_store_add_subscription_sync (f->store, "https://b.example/feed.json", NULL, &error);
  g_assert_error (error, REMPART_STORE_ERROR, REMPART_STORE_ERROR_FAILED);
  g_assert_null (dup);
  g_clear_error (&error);

  second->last_check = 100;
  second->failures = 3;
  second->last_error = g_strdup ("Réseau indisponible");
  second->ended = TRUE;
  second->etag = g_strdup ("\"must-not-be-saved\"");
  g_assert_true (rempart_store_update_subscription_sync (f->store, second, &error));
  g_assert_no_error (error);

  subs = rempart_store_list_subscriptions_sync (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (subs->len, ==, 2);
  got = g_ptr_array_index (subs, 1);
  g_assert_cmpstr (got->url, ==, "https://b.example/feed.json");
  g_assert_cmpstr (got->public_key, ==, "RWQkey");
  g_assert_cmpint (got->last_check, ==, 100);
  g_assert_cmpint (got->failures, ==, 3);
  g_assert_cmpstr (got->last_error, ==, "Réseau indisponible");
  g_assert_true (got->ended);
  g_assert_null (got->etag);

  g_assert_true (rempart_store_remove_subscription_sync (f->store, second->id, &error));
  g_assert_false (rempart_store_remove_subscription_sync (f->store, second->id, &error));
  g_assert_error (error, REMPART_STORE_ERROR, REMPART_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (rempart_store_update_subscription_sync (f->store, second, &error));
  g_assert_error (error, REMPART_STORE_ERROR, REMPART_STORE_ERROR_NOT_FOUND);
}

/* -------------------------------------------------------------------------------------- */
/* Refused databases                                                                      */
/* -------------------------------------------------------------------------------------- */

static void
assert_refused (const char *path, int code)
{
  g_autoptr (GBytes) before = read_bytes (path);
  g_autoptr (GBytes) after = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (RempartStore) store = NULL;
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  store = rempart_store_open_sync (path, NULL, &error);
  g_assert_error (error, REMPART_STORE_ERROR, code);
  g_assert_null (store);
  g_assert_nonnull (strstr (error->message, path));
  g_test_message ("%s", error->message);

  after = read_bytes (path);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (shm, G_FILE_TEST_EXISTS));
}

static void
assert_move_aside_and_fresh (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *aside = rempart_store_move_aside (path, &error);
  g_autoptr (RempartStore) store = NULL;

  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (aside, path));
  g_assert_true (g_file_test (aside, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  store = rempart_store_open_sync (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
}

static void
test_refuse_too_new (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_build_filename (f->dir, "new.db", NULL);
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 "CREATE TABLE future (x); INSERT INTO future VALUES (1);"
                                 "PRAGMA user_version = 99;",
                                 NULL, NULL, NULL),
                   ==, SQLITE_OK);
  sqlite3_close (db);

  assert_refused (path, REMPART_STORE_ERROR_TOO_NEW);
  assert_move_aside_and_fresh (path);
}

static void
test_refuse_random (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_build_filename (f->dir, "random.db", NULL);
  g_autoptr (GError) error = NULL;
  char bytes[8192];

  for (guint i = 0; i < sizeof bytes; i++)
    bytes[i] = (char) g_test_rand_int_range (0, 256);
  g_file_set_contents (path, bytes, sizeof bytes, &error);
  g_assert_no_error (error);

  assert_refused (path, REMPART_STORE_ERROR_CORRUPT);
  assert_move_aside_and_fresh (path);
}

static void
test_refuse_damaged_page (Fixture *f, gconstpointer data)
{
  g_autoptr (RempartFeed) feed = make_feed (1, 20, 0, "v1");
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autofree char *copy = NULL;
  gsize size;
  RempartImportStats stats;

  /* A real database, closed cleanly (WAL folded back), then one page overwritten. */
  import_ok (f, feed, &stats);
  g_clear_object (&f->store);
  bytes = read_bytes (f->path);
  copy = g_memdup2 (g_bytes_get_data (bytes, &size), g_bytes_get_size (bytes));
  g_assert_cmpuint (size, >=, 4 * 4096);
  for (guint i = 4096; i < 2 * 4096; i++)
    copy[i] = (char) (i * 7 + 13);
  g_file_set_contents (f->path, copy, size, &error);
  g_assert_no_error (error);

  assert_refused (f->path, REMPART_STORE_ERROR_CORRUPT);
  assert_move_aside_and_fresh (f->path);
}

/* -------------------------------------------------------------------------------------- */
/* Main                                                                                   */
/* -------------------------------------------------------------------------------------- */

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  STORE_TEST_ADD ("/store/open/creates", test_open_creates);
  STORE_TEST_ADD ("/store/subscriptions", test_subscriptions);
  STORE_TEST_ADD ("/store/refuse/too-new", test_refuse_too_new);
  STORE_TEST_ADD ("/store/refuse/random-bytes", test_refuse_random);
  STORE_TEST_ADD ("/store/refuse/damaged-page", test_refuse_damaged_page);

  return g_test_run ();
}
