/* test-store-keys.c: a subscription's next key (key rotation), from an old database file on
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sqlite3.h>

#include "rempart-store.h"
#include "rempart-test-dirs.h"

/*
 * Schema 6 adds subscriptions.next_public_key. A database written by Rempart 0.1's schema 2
 * (store-fixtures/schema-2.sql, a signed subscription) opens with it NULL and its key kept;
 * rempart_store_set_subscription_keys_sync() saves a rotation only while the subscription's
 * key is the one the deciding feed was verified with; a key corrected by hand drops the
 * announced one.
 */

#define FEED_URL  "https://example.org/jesuisla/feed.json"
#define OLD_KEY   "RWQfixturekey"
#define NEXT_KEY  "RWQnextkey"
#define THIRD_KEY "RWQthirdkey"
#define HAND_KEY  "RWQhandkey"

typedef struct
{
  char *dir;
  char *path;
  RempartStore *store;
} Fixture;

/* ------------------------------------------------------------------------------------------ */
/* Helpers                                                                                    */
/* ------------------------------------------------------------------------------------------ */

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autofree char *fixture =
      g_test_build_filename (G_TEST_DIST, "unit", "store-fixtures", "schema-2.sql", NULL);
  g_autofree char *sql = NULL;
  g_autoptr (GError) error = NULL;
  sqlite3 *db = NULL;
  char *message = NULL;

  f->dir = rempart_test_dir_new ("store-keys");
  f->path = g_build_filename (f->dir, "rempart.db", NULL);

  g_file_get_contents (fixture, &sql, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s", message);
  sqlite3_close (db);

  f->store = rempart_store_open_sync (f->path, NULL, &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  rempart_store_close (f->store);
  g_clear_object (&f->store);
  rempart_test_dir_remove (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static RempartSubscription *
the_subscription (Fixture *f)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) subs = rempart_store_list_subscriptions_sync (f->store, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (subs->len, ==, 1);
  return rempart_subscription_copy (subs->pdata[0]);
}

static void
assert_keys (Fixture *f, const char *public_key, const char *next_public_key)
{
  g_autoptr (RempartSubscription) sub = the_subscription (f);

  g_assert_cmpstr (sub->public_key, ==, public_key);
  g_assert_cmpstr (sub->next_public_key, ==, next_public_key);
}

static void
set_keys (Fixture *f, const char *verified, const char *public_key, const char *next)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (
      rempart_store_set_subscription_keys_sync (f->store, 1, verified, public_key, next, &error));
  g_assert_no_error (error);
}

/* ------------------------------------------------------------------------------------------ */
/* Tests                                                                                      */
/* ------------------------------------------------------------------------------------------ */

static void
test_migrated (Fixture *f, gconstpointer data)
{
  g_autoptr (RempartSubscription) sub = the_subscription (f);

  g_assert_cmpstr (sub->url, ==, FEED_URL);
  g_assert_cmpstr (sub->public_key, ==, OLD_KEY);
  g_assert_null (sub->next_public_key);
  g_assert_cmpint (sub->last_seq, ==, 41);
  g_assert_true (sub->is_signed);
}

static void
test_rotation (Fixture *f, gconstpointer data)
{
  /* A feed verified with the key announces the next one; then one signed with it. */
  set_keys (f, OLD_KEY, OLD_KEY, NEXT_KEY);
  assert_keys (f, OLD_KEY, NEXT_KEY);
  set_keys (f, NEXT_KEY, NEXT_KEY, NULL);
  assert_keys (f, NEXT_KEY, NULL);

  /* Nothing verified with the old key decides anything any more. */
  set_keys (f, OLD_KEY, OLD_KEY, THIRD_KEY);
  assert_keys (f, NEXT_KEY, NULL);

  /* The store survives closing: the rotation is on disk. */
  rempart_store_close (f->store);
  g_clear_object (&f->store);
  {
    g_autoptr (GError) error = NULL;

    f->store = rempart_store_open_sync (f->path, NULL, &error);
    g_assert_no_error (error);
  }
  assert_keys (f, NEXT_KEY, NULL);
}

static void
test_corrected_key_wins (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  set_keys (f, OLD_KEY, OLD_KEY, NEXT_KEY);

  /* The volunteer corrects the key by hand: the announcement of the old key goes. */
  g_assert_true (rempart_store_edit_subscription_sync (f->store, 1, FEED_URL, HAND_KEY, &error));
  g_assert_no_error (error);
  assert_keys (f, HAND_KEY, NULL);

  /* A refresh that had verified with the old key, finishing late, changes nothing. */
  set_keys (f, OLD_KEY, OLD_KEY, THIRD_KEY);
  assert_keys (f, HAND_KEY, NULL);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/store/keys/migrated-from-2", Fixture, NULL, fixture_setup, test_migrated,
              fixture_teardown);
  g_test_add ("/store/keys/rotation", Fixture, NULL, fixture_setup, test_rotation,
              fixture_teardown);
  g_test_add ("/store/keys/corrected-key-wins", Fixture, NULL, fixture_setup,
              test_corrected_key_wins, fixture_teardown);

  return g_test_run ();
}
