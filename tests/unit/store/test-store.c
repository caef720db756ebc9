/* test-store.c
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "rempart-draft-saver.h"
#include "rempart-feed-parser.h"
#include "rempart-store-private.h"

/*
 * The store against real files in a temporary directory: what the volunteer relies on
 * (nothing partial after a failed import, drafts outliving everything, a refused database
 * left byte for byte as it was) is checked on the bytes and rows, not on return values alone.
 */

/* 2026-05-02T12:00:00Z: after example.json was published, before its actions expire. */
#define EXAMPLE_NOW 1777723200

typedef struct
{
  char *dir;
  char *path;
  RempartStore *store;
  RempartSubscription *sub;
} Fixture;

/* -------------------------------------------------------------------------------------- */
/* Helpers                                                                                */
/* -------------------------------------------------------------------------------------- */

static void
remove_tree (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_assert_no_errno (g_unlink (child));
    }
  g_assert_no_errno (g_rmdir (path));
}

static RempartFeed *
load_example (void)
{
  g_autofree char *path =
      g_test_build_filename (G_TEST_DIST, "unit", "feeds", "example.json", NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *data = NULL;
  gsize length;
  g_autoptr (GBytes) bytes = NULL;
  RempartFeed *feed;

  g_file_get_contents (path, &data, &length, &error);
  g_assert_no_error (error);
  bytes = g_bytes_new_take (g_steal_pointer (&data), length);
  feed = rempart_feed_parse (bytes, "example.json", &error);
  g_assert_no_error (error);
  return feed;
}

/* A feed of @n actions "a0".."a{n-1}", skipping those whose bit is in @skip; @variant changes
 * every title so that all actions count as updated. */
static RempartFeed *
make_feed (gint64 seq, guint n, guint skip, const char *variant)
{
  g_autoptr (GString) s = g_string_new (NULL);
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) error = NULL;
  gboolean first = TRUE;
  RempartFeed *feed;

  g_string_append_printf (s,
                          "{\"version\": \"https://jsonfeed.org/version/1.1\", \"title\": \"Test\","
                          " \"_rempart\": {\"schema\": 1, \"seq\": %lld}, \"items\": [",
                          (long long) seq);
  for (guint i = 0; i < n; i++)
    {
      if (skip & (1u << i))
        continue;
      g_string_append_printf (s,
                              "%s{\"id\": \"a%u\", \"url\": \"https://example.org/t/%u\","
                              " \"title\": \"Fil %u %s\", \"content_text\": \"Brief %u\","
                              " \"date_published\": \"2026-05-0%uT08:00:00Z\","
                              " \"_rempart\": {\"expires\": \"2099-01-01T00:00:00Z\","
                              " \"priority\": \"%s\"}}",
                              first ? "" : ",", i, i, i, variant, i, 1 + i % 9,
                              i == 2 ? "high" : "normal");
      first = FALSE;
    }
  g_string_append (s, "]}");

  bytes = g_bytes_new (s->str, s->len);
  feed = rempart_feed_parse (bytes, "test.json", &error);
  g_assert_no_error (error);
  return feed;
}

static char *
dump_rows (const char *path)
{
  static const char *const queries[] = {
    "SELECT * FROM subscriptions ORDER BY id",
    "SELECT * FROM actions ORDER BY subscription_id, action_id",
    "SELECT * FROM action_state ORDER BY 1, 2",
    "SELECT * FROM drafts ORDER BY 1, 2",
    "SELECT * FROM events ORDER BY id",
  };
  GString *dump = g_string_new (NULL);
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      sqlite3_stmt *stmt = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (db, queries[q], -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            g_string_append_printf (dump, "%s|", (const char *) sqlite3_column_text (stmt, c));
          g_string_append_c (dump, '\n');
        }
      sqlite3_finalize (stmt);
    }
  sqlite3_close (db);
  return g_string_free (dump, FALSE);
}

static GBytes *
read_bytes (const char *path)
{
  g_autoptr (GError) error = NULL;
  char *data = NULL;
  gsize length;

  g_file_get_contents (path, &data, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (data, length);
}

static GPtrArray *
list (Fixture *f, RempartActionView view)
{
  g_autoptr (GError) error = NULL;
  GPtrArray *actions = rempart_store_list_actions_sync (f->store, view, &error);

  g_assert_no_error (error);
  return actions;
}

static const char *
nth_id (GPtrArray *actions, guint i)
{
  RempartStoredAction *stored = g_ptr_array_index (actions, i);

  return rempart_action_get_id (stored->action);
}

static void
import_ok (Fixture *f, RempartFeed *feed, RempartImportStats *stats)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (rempart_store_import_feed_sync (f->store, f->sub, feed, stats, &error));
  g_assert_no_error (error);
}

static void
assert_stats (const RempartImportStats *s, guint add, guint upd, guint same, guint arch, guint rm)
{
  g_assert_cmpuint (s->added, ==, add);
  g_assert_cmpuint (s->updated, ==, upd);
  g_assert_cmpuint (s->unchanged, ==, same);
  g_assert_cmpuint (s->archived, ==, arch);
  g_assert_cmpuint (s->removed, ==, rm);
}

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  f->dir = g_dir_make_tmp ("rempart-store-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "data", "rempart", "rempart.db", NULL);
  f->store = rempart_store_open_sync (f->path, NULL, &error);
  g_assert_no_error (error);
  rempart_store_set_now_for_testing (f->store, EXAMPLE_NOW);
  f->sub =
      rempart_store_add_subscription_sync (f->store, "https://example.org/feed.json", NULL, &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->store);
  g_clear_pointer (&f->sub, rempart_subscription_free);
  remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

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
/* Import and views                                                                       */
/* -------------------------------------------------------------------------------------- */

static void
assert_same_action (RempartAction *a, RempartAction *b)
{
  const char *const *ta = rempart_action_get_tags (a), *const *tb = rempart_action_get_tags (b);
  GPtrArray *sa = rempart_action_get_sources (a), *sb = rempart_action_get_sources (b);

  g_assert_cmpstr (rempart_action_get_id (a), ==, rempart_action_get_id (b));
  g_assert_cmpstr (rempart_action_get_url (a), ==, rempart_action_get_url (b));
  g_assert_cmpstr (rempart_action_get_title (a), ==, rempart_action_get_title (b));
  g_assert_cmpstr (rempart_action_get_brief (a), ==, rempart_action_get_brief (b));
  g_assert_cmpstr (rempart_action_get_excerpt (a), ==, rempart_action_get_excerpt (b));
  g_assert_cmpstr (rempart_action_get_platform (a), ==, rempart_action_get_platform (b));
  g_assert_cmpstr (rempart_action_get_language (a), ==, rempart_action_get_language (b));
  g_assert_cmpint (rempart_action_get_topic (a), ==, rempart_action_get_topic (b));
  g_assert_cmpint (rempart_action_get_priority (a), ==, rempart_action_get_priority (b));
  g_assert_true (g_strv_equal ((const char *const *) ta, (const char *const *) tb));
  g_assert_true (g_strv_equal (rempart_action_get_arguments (a), rempart_action_get_arguments (b)));
  g_assert_cmpuint (sa->len, ==, sb->len);
  for (guint i = 0; i < sa->len; i++)
    {
      RempartSource *x = g_ptr_array_index (sa, i), *y = g_ptr_array_index (sb, i);
      g_assert_cmpstr (x->title, ==, y->title);
      g_assert_cmpstr (x->url, ==, y->url);
    }
  g_assert_true ((rempart_action_get_date_published (a) == NULL) ==
                 (rempart_action_get_date_published (b) == NULL));
  if (rempart_action_get_date_published (a) != NULL)
    {
      g_assert_true (g_date_time_equal (rempart_action_get_date_published (a),
                                        rempart_action_get_date_published (b)));
      g_assert_cmpint (g_date_time_get_utc_offset (rempart_action_get_date_published (a)), ==,
                       g_date_time_get_utc_offset (rempart_action_get_date_published (b)));
    }
  g_assert_true ((rempart_action_get_date_modified (a) == NULL) ==
                 (rempart_action_get_date_modified (b) == NULL));
  g_assert_true (
      g_date_time_equal (rempart_action_get_expires (a), rempart_action_get_expires (b)));
}

static void
test_import_views (Fixture *f, gconstpointer data)
{
  g_autoptr (RempartFeed) feed = load_example ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) all = NULL;
  g_autoptr (GPtrArray) todo = NULL;
  g_autoptr (GPtrArray) done = NULL;
  g_autoptr (GPtrArray) queued = NULL;
  g_autoptr (GPtrArray) archive = NULL;
  g_autoptr (GPtrArray) subs = NULL;
  RempartImportStats stats;
  RempartStoredAction *first;
  RempartDraft draft = { .subscription_url = f->sub->url,
                         .action_id = "2026-05-02-marche-des-fiertes",
                         .text = "#jesuislà Merci pour ce témoignage.",
                         .queued = TRUE };

  f->sub->etag = g_strdup ("\"v1\"");
  f->sub->last_success = EXAMPLE_NOW;
  import_ok (f, feed, &stats);
  assert_stats (&stats, 2, 0, 0, 0, 0);

  subs = rempart_store_list_subscriptions_sync (f->store, &error);
  g_assert_no_error (error);
  first = NULL;
  g_assert_cmpstr (((RempartSubscription *) subs->pdata[0])->etag, ==, "\"v1\"");
  g_assert_cmpstr (((RempartSubscription *) subs->pdata[0])->title, ==,
                   rempart_feed_get_title (feed));
  g_assert_cmpint (((RempartSubscription *) subs->pdata[0])->last_success, ==, EXAMPLE_NOW);

  all = list (f, REMPART_ACTION_VIEW_ALL);
  g_assert_cmpuint (all->len, ==, 2);
  /* High priority first, although published earlier. */
  g_assert_cmpstr (nth_id (all, 0), ==, "2026-05-02-migrants-chiffres");
  first = g_ptr_array_index (all, 0);
  g_assert_cmpint (first->subscription_id, ==, f->sub->id);
  g_assert_cmpstr (first->subscription_url, ==, f->sub->url);
  g_assert_cmpint (first->first_seen, ==, EXAMPLE_NOW);
  g_assert_false (first->archived);
  for (guint i = 0; i < all->len; i++)
    {
      RempartStoredAction *stored = g_ptr_array_index (all, i);
      assert_same_action (stored->action, rempart_feed_lookup_action (
                                              feed, rempart_action_get_id (stored->action)));
    }

  todo = list (f, REMPART_ACTION_VIEW_TODO);
  g_assert_cmpuint (todo->len, ==, 2);

  g_assert_true (rempart_store_add_action_state_sync (
      f->store, f->sub->url, "2026-05-02-migrants-chiffres", REMPART_ACTION_STATE_POSTED, &error));
  g_assert_true (rempart_store_save_draft_sync (f->store, &draft, &error));
  g_assert_no_error (error);
  g_clear_pointer (&todo, g_ptr_array_unref);
  todo = list (f, REMPART_ACTION_VIEW_TODO);
  g_assert_cmpuint (todo->len, ==, 1);
  g_assert_cmpstr (nth_id (todo, 0), ==, "2026-05-02-marche-des-fiertes");
  done = list (f, REMPART_ACTION_VIEW_DONE);
  g_assert_cmpuint (done->len, ==, 1);
  g_assert_cmpstr (nth_id (done, 0), ==, "2026-05-02-migrants-chiffres");
  g_assert_cmpint (((RempartStoredAction *) done->pdata[0])->state, ==,
                   REMPART_ACTION_STATE_POSTED);
  queued = list (f, REMPART_ACTION_VIEW_QUEUED);
  g_assert_cmpuint (queued->len, ==, 1);
  g_assert_cmpstr (nth_id (queued, 0), ==, "2026-05-02-marche-des-fiertes");
  archive = list (f, REMPART_ACTION_VIEW_ARCHIVE);
  g_assert_cmpuint (archive->len, ==, 0);
  g_clear_pointer (&archive, g_ptr_array_unref);

  /* Dismissed ("Not for me") leaves TODO for the archive, where it can be found again. */
  g_assert_true (rempart_store_add_action_state_sync (f->store, f->sub->url,
                                                      "2026-05-02-marche-des-fiertes",
                                                      REMPART_ACTION_STATE_DISMISSED, &error));
  g_clear_pointer (&todo, g_ptr_array_unref);
  todo = list (f, REMPART_ACTION_VIEW_TODO);
  g_assert_cmpuint (todo->len, ==, 0);
  archive = list (f, REMPART_ACTION_VIEW_ARCHIVE);
  g_assert_cmpuint (archive->len, ==, 1);
  g_assert_cmpstr (nth_id (archive, 0), ==, "2026-05-02-marche-des-fiertes");
  g_clear_pointer (&archive, g_ptr_array_unref);

  /* A day later the first action expired: archive too, out of TODO. */
  rempart_store_set_now_for_testing (f->store, EXAMPLE_NOW + 24 * 3600);
  archive = list (f, REMPART_ACTION_VIEW_ARCHIVE);
  g_assert_cmpuint (archive->len, ==, 2);
  g_assert_cmpstr (nth_id (archive, 0), ==, "2026-05-02-migrants-chiffres");
  g_assert_cmpstr (nth_id (archive, 1), ==, "2026-05-02-marche-des-fiertes");
}

static void
test_import_unchanged (Fixture *f, gconstpointer data)
{
  g_autoptr (RempartFeed) feed = load_example ();
  g_autoptr (RempartFeed) again = load_example ();
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  RempartImportStats stats;

  import_ok (f, feed, &stats);
  before = dump_rows (f->path);
  import_ok (f, again, &stats);
  assert_stats (&stats, 0, 0, 2, 0, 0);
  after = dump_rows (f->path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_import_removed (Fixture *f, gconstpointer data)
{
  g_autoptr (RempartFeed) five = make_feed (1, 5, 0, "v1");
  g_autoptr (RempartFeed) three = make_feed (2, 5, (1u << 1) | (1u << 3), "v1");
  g_autoptr (RempartFeed) changed = make_feed (3, 5, 0, "v2");
  g_autoptr (GPtrArray) all = NULL;
  g_autoptr (GPtrArray) archive = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (RempartDraft) draft = NULL;
  RempartImportStats stats;
  RempartDraft d = { .subscription_url = f->sub->url, .action_id = "a1", .text = "brouillon" };

  import_ok (f, five, &stats);
  assert_stats (&stats, 5, 0, 0, 0, 0);
  all = list (f, REMPART_ACTION_VIEW_ALL);
  g_assert_cmpstr (nth_id (all, 0), ==, "a2"); /* high */
  g_assert_cmpstr (nth_id (all, 1), ==, "a4"); /* then newest */
  g_assert_cmpstr (nth_id (all, 4), ==, "a0");
  g_clear_pointer (&all, g_ptr_array_unref);

  /* a1 has a draft, a3 nothing: a1 is archived, a3 deleted. */
  g_assert_true (rempart_store_save_draft_sync (f->store, &d, &error));
  import_ok (f, three, &stats);
  assert_stats (&stats, 0, 0, 3, 1, 1);
  all = list (f, REMPART_ACTION_VIEW_ALL);
  g_assert_cmpuint (all->len, ==, 4);
  archive = list (f, REMPART_ACTION_VIEW_ARCHIVE);
  g_assert_cmpuint (archive->len, ==, 1);
  g_assert_cmpstr (nth_id (archive, 0), ==, "a1");
  g_assert_true (((RempartStoredAction *) archive->pdata[0])->archived);
  draft = rempart_store_load_draft_sync (f->store, f->sub->url, "a1", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (draft->text, ==, "brouillon");

  /* Importing the same feed again archives nothing more. */
  import_ok (f, three, &stats);
  assert_stats (&stats, 0, 0, 3, 0, 0);

  /* Back in the feed, changed: a1 unarchived (updated), a3 added again. */
  import_ok (f, changed, &stats);
  assert_stats (&stats, 1, 4, 0, 0, 0);
  g_clear_pointer (&archive, g_ptr_array_unref);
  archive = list (f, REMPART_ACTION_VIEW_ARCHIVE);
  g_assert_cmpuint (archive->len, ==, 0);
}

static void
test_import_archived_state (Fixture *f, gconstpointer data)
{
  g_autoptr (RempartFeed) two = make_feed (1, 2, 0, "v1");
  g_autoptr (RempartFeed) one = make_feed (2, 2, 1u << 0, "v1");
  g_autoptr (GPtrArray) archive = NULL;
  g_autoptr (GError) error = NULL;
  RempartImportStats stats;

  import_ok (f, two, &stats);
  g_assert_true (rempart_store_add_action_state_sync (f->store, f->sub->url, "a0",
                                                      REMPART_ACTION_STATE_OPENED, &error));
  import_ok (f, one, &stats);
  assert_stats (&stats, 0, 0, 1, 1, 0);
  archive = list (f, REMPART_ACTION_VIEW_ARCHIVE);
  g_assert_cmpuint (archive->len, ==, 1);
  g_assert_cmpint (((RempartStoredAction *) archive->pdata[0])->state, ==,
                   REMPART_ACTION_STATE_OPENED);
}

static void
test_import_rollback (Fixture *f, gconstpointer data)
{
  g_autoptr (RempartFeed) feed = load_example (); /* seq 42 */
  g_autoptr (RempartFeed) older = make_feed (41, 3, 0, "old");
  g_autoptr (RempartFeed) same = make_feed (42, 3, 0, "same");
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) subs = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  RempartImportStats stats;

  f->sub->is_signed = TRUE;
  f->sub->etag = g_strdup ("\"42\"");
  import_ok (f, feed, &stats);
  subs = rempart_store_list_subscriptions_sync (f->store, &error);
  g_assert_cmpint (((RempartSubscription *) subs->pdata[0])->last_seq, ==, 42);

  before = dump_rows (f->path);
  g_free (f->sub->etag);
  f->sub->etag = g_strdup ("\"41\"");
  g_assert_false (rempart_store_import_feed_sync (f->store, f->sub, older, &stats, &error));
  g_assert_error (error, REMPART_STORE_ERROR, REMPART_STORE_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "41"));
  g_clear_error (&error);
  after = dump_rows (f->path);
  g_assert_cmpstr (before, ==, after);

  /* An equal seq is the same publication fetched again: accepted. */
  import_ok (f, same, &stats);
  assert_stats (&stats, 3, 0, 0, 0, 2);
  g_clear_pointer (&subs, g_ptr_array_unref);
  subs = rempart_store_list_subscriptions_sync (f->store, &error);
  g_assert_cmpint (((RempartSubscription *) subs->pdata[0])->last_seq, ==, 42);
  g_assert_cmpstr (((RempartSubscription *) subs->pdata[0])->etag, ==, "\"41\"");
}

static void
test_import_etag_on_commit (Fixture *f, gconstpointer data)
{
  g_autoptr (RempartFeed) first = make_feed (1, 5, 0, "v1");
  g_autoptr (RempartFeed) second = make_feed (2, 5, 1u << 4, "v2");
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) subs = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  RempartImportStats stats;

  f->sub->etag = g_strdup ("\"one\"");
  f->sub->last_modified = g_strdup ("Sat, 02 May 2026 08:00:00 GMT");
  import_ok (f, first, &stats);
  before = dump_rows (f->path);

  /* Fails at the fourth action, after three updates were written in the transaction. */
  rempart_store_set_import_fail_at_for_testing (f->store, 4);
  g_free (f->sub->etag);
  f->sub->etag = g_strdup ("\"two\"");
  g_assert_false (rempart_store_import_feed_sync (f->store, f->sub, second, &stats, &error));
  g_assert_error (error, REMPART_STORE_ERROR, REMPART_STORE_ERROR_FAILED);
  after = dump_rows (f->path);
  g_assert_cmpstr (before, ==, after);
  subs = rempart_store_list_subscriptions_sync (f->store, NULL);
  g_assert_cmpstr (((RempartSubscription *) subs->pdata[0])->etag, ==, "\"one\"");

  /* And once it works, ETag and data go in together. */
  rempart_store_set_import_fail_at_for_testing (f->store, 0);
  import_ok (f, second, &stats);
  assert_stats (&stats, 0, 4, 0, 0, 1);
  g_clear_pointer (&subs, g_ptr_array_unref);
  subs = rempart_store_list_subscriptions_sync (f->store, NULL);
  g_assert_cmpstr (((RempartSubscription *) subs->pdata[0])->etag, ==, "\"two\"");
}

static void
test_import_redirect (Fixture *f, gconstpointer data)
{
  g_autoptr (RempartFeed) feed = make_feed (1, 2, 0, "v1");
  g_autoptr (GError) error = NULL;
  g_autoptr (RempartDraft) draft = NULL;
  g_autoptr (GPtrArray) done = NULL;
  RempartImportStats stats;
  RempartDraft d = { .subscription_url = f->sub->url, .action_id = "a0", .text = "suivi" };

  import_ok (f, feed, &stats);
  g_assert_true (rempart_store_save_draft_sync (f->store, &d, &error));
  g_assert_true (rempart_store_add_action_state_sync (f->store, f->sub->url, "a1",
                                                      REMPART_ACTION_STATE_POSTED, &error));

  /* A verified permanent redirect: the volunteer's rows follow the feed. */
  g_free (f->sub->url);
  f->sub->url = g_strdup ("https://new.example/feed.json");
  import_ok (f, feed, &stats);
  draft = rempart_store_load_draft_sync (f->store, f->sub->url, "a0", &error);
  g_assert_no_error (error);
  g_assert_nonnull (draft);
  done = list (f, REMPART_ACTION_VIEW_DONE);
  g_assert_cmpuint (done->len, ==, 1);
  g_assert_cmpstr (((RempartStoredAction *) done->pdata[0])->subscription_url, ==,
                   "https://new.example/feed.json");
}

/* -------------------------------------------------------------------------------------- */
/* The volunteer's own data                                                               */
/* -------------------------------------------------------------------------------------- */

static void
assert_draft (Fixture *f, const char *url, const char *id, const char *text)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RempartDraft) draft = rempart_store_load_draft_sync (f->store, url, id, &error);

  g_assert_no_error (error);
  if (text == NULL)
    {
      g_assert_null (draft);
      return;
    }
  g_assert_nonnull (draft);
  g_assert_cmpstr (draft->text, ==, text);
}

static void
test_drafts_survive (Fixture *f, gconstpointer data)
{
  g_autoptr (RempartFeed) feed = make_feed (1, 3, 0, "v1");
  g_autoptr (RempartFeed) changed = make_feed (2, 3, 0, "v2");
  g_autoptr (RempartFeed) without = make_feed (3, 3, 1u << 0, "v2");
  g_autoptr (GError) error = NULL;
  g_autoptr (RempartSubscription) again = NULL;
  g_autoptr (RempartDraft) loaded = NULL;
  RempartImportStats stats;
  RempartDraft d = { .subscription_url = f->sub->url,
                     .action_id = "a0",
                     .text = "#jesuislà Premier jet",
                     .template_id = "facts-first" };

  assert_draft (f, f->sub->url, "a0", NULL);
  import_ok (f, feed, &stats);
  g_assert_true (rempart_store_save_draft_sync (f->store, &d, &error));
  d.text = "#jesuislà Second jet";
  g_assert_true (rempart_store_save_draft_sync (f->store, &d, &error));
  g_assert_no_error (error);
  loaded = rempart_store_load_draft_sync (f->store, f->sub->url, "a0", &error);
  g_assert_cmpstr (loaded->template_id, ==, "facts-first");
  g_assert_false (loaded->queued);
  g_assert_cmpint (loaded->updated, ==, EXAMPLE_NOW);

  import_ok (f, changed, &stats);
  assert_draft (f, f->sub->url, "a0", "#jesuislà Second jet");
  import_ok (f, without, &stats);
  assert_draft (f, f->sub->url, "a0", "#jesuislà Second jet");

  g_assert_true (rempart_store_remove_subscription_sync (f->store, f->sub->id, &error));
  g_assert_no_error (error);
  assert_draft (f, f->sub->url, "a0", "#jesuislà Second jet");
  again = rempart_store_add_subscription_sync (f->store, f->sub->url, NULL, &error);
  g_assert_no_error (error);
  assert_draft (f, again->url, "a0", "#jesuislà Second jet");
}

static void
test_state_events (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  guint count = 99;
  struct
  {
    RempartActionState kind;
    guint expected;
  } counts[] = {
    { REMPART_ACTION_STATE_OPENED, 2 },
    { REMPART_ACTION_STATE_JOINED, 1 },
    { REMPART_ACTION_STATE_POSTED, 1 },
    { REMPART_ACTION_STATE_DISMISSED, 0 },
  };

  /* No action row is needed: state is keyed by URL and id. */
  g_assert_true (rempart_store_add_action_state_sync (f->store, f->sub->url, "x",
                                                      REMPART_ACTION_STATE_OPENED, &error));
  g_assert_true (rempart_store_add_action_state_sync (
      f->store, f->sub->url, "x", REMPART_ACTION_STATE_OPENED | REMPART_ACTION_STATE_JOINED,
      &error));
  g_assert_true (rempart_store_add_action_state_sync (f->store, f->sub->url, "x",
                                                      REMPART_ACTION_STATE_POSTED, &error));
  g_assert_true (rempart_store_add_action_state_sync (f->store, f->sub->url, "y",
                                                      REMPART_ACTION_STATE_OPENED, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    {
      g_assert_true (rempart_store_count_events_sync (f->store, counts[i].kind, 0, &count, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (count, ==, counts[i].expected);
    }
  g_assert_true (rempart_store_count_events_sync (f->store, REMPART_ACTION_STATE_OPENED,
                                                  EXAMPLE_NOW + 1, &count, &error));
  g_assert_cmpuint (count, ==, 0);
}

static void
test_user_templates (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) list1 = NULL;
  g_autoptr (GPtrArray) list2 = NULL;
  const char *topics[] = { "racism", "sexism", NULL };
  RempartUserTemplate t = { .id = "mine-1",
                            .title = "B — à moi",
                            .language = "fr",
                            .topics = (GStrv) topics,
                            .body = "#jesuislà {source}",
                            .when_text = "Toujours" };
  RempartUserTemplate *got;

  g_assert_true (rempart_store_save_user_template_sync (f->store, &t, &error));
  t.id = "mine-2";
  t.title = "A — autre";
  t.topics = NULL;
  g_assert_true (rempart_store_save_user_template_sync (f->store, &t, &error));
  g_assert_no_error (error);

  list1 = rempart_store_list_user_templates_sync (f->store, &error);
  g_assert_cmpuint (list1->len, ==, 2);
  got = g_ptr_array_index (list1, 1);
  g_assert_cmpstr (got->id, ==, "mine-1");
  g_assert_cmpstr (got->body, ==, "#jesuislà {source}");
  g_assert_true (g_strv_equal ((const char *const *) got->topics, topics));
  g_assert_cmpint (got->created, ==, EXAMPLE_NOW);
  g_assert_cmpuint (g_strv_length (((RempartUserTemplate *) list1->pdata[0])->topics), ==, 0);

  /* Update keeps created, moves updated. */
  rempart_store_set_now_for_testing (f->store, EXAMPLE_NOW + 60);
  t.body = "changé";
  g_assert_true (rempart_store_save_user_template_sync (f->store, &t, &error));
  g_assert_true (rempart_store_delete_user_template_sync (f->store, "mine-1", &error));
  g_assert_no_error (error);
  g_assert_false (rempart_store_delete_user_template_sync (f->store, "mine-1", &error));
  g_assert_error (error, REMPART_STORE_ERROR, REMPART_STORE_ERROR_NOT_FOUND);

  list2 = rempart_store_list_user_templates_sync (f->store, NULL);
  g_assert_cmpuint (list2->len, ==, 1);
  got = g_ptr_array_index (list2, 0);
  g_assert_cmpstr (got->body, ==, "changé");
  g_assert_cmpint (got->created, ==, EXAMPLE_NOW);
  g_assert_cmpint (got->updated, ==, EXAMPLE_NOW + 60);
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
/* Async API and the draft saver                                                          */
/* -------------------------------------------------------------------------------------- */

static void
result_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static gboolean
timeout_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Every wait is bounded: a lost callback fails the test instead of hanging it. */
static GAsyncResult *
wait_result (GAsyncResult **slot)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (10, timeout_cb, &timed_out);

  while (*slot == NULL && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (id);
  return g_steal_pointer (slot);
}

static void
test_async (Fixture *f, gconstpointer data)
{
  g_autoptr (RempartFeed) feed = load_example ();
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (RempartStore) store = NULL;
  g_autoptr (RempartSubscription) sub = NULL;
  g_autoptr (GPtrArray) actions = NULL;
  g_autoptr (GPtrArray) subs = NULL;
  g_autoptr (RempartDraft) draft = NULL;
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *path = g_build_filename (f->dir, "async", "async.db", NULL);
  g_autofree char *bad = g_build_filename (f->dir, "bad.db", NULL);
  GAsyncResult *slot = NULL;
  RempartImportStats stats = { 0 };
  RempartDraft d = { .action_id = "2026-05-02-marche-des-fiertes", .text = "async", .queued = 1 };

  rempart_store_open_async (path, NULL, result_cb, &slot);
  result = wait_result (&slot);
  store = rempart_store_open_finish (result, &error);
  g_assert_no_error (error);
  g_clear_object (&result);
  rempart_store_set_now_for_testing (store, EXAMPLE_NOW);

  rempart_store_add_subscription_async (store, "https://example.org/feed.json", NULL, NULL,
                                        result_cb, &slot);
  result = wait_result (&slot);
  sub = rempart_store_add_subscription_finish (store, result, &error);
  g_assert_no_error (error);
  g_clear_object (&result);

  rempart_store_import_feed_async (store, sub, feed, NULL, result_cb, &slot);
  result = wait_result (&slot);
  g_assert_true (rempart_store_import_feed_finish (store, result, &stats, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stats.added, ==, 2);
  g_clear_object (&result);

  d.subscription_url = sub->url;
  rempart_store_save_draft_async (store, &d, NULL, result_cb, &slot);
  result = wait_result (&slot);
  g_assert_true (rempart_store_save_draft_finish (store, result, &error));
  g_clear_object (&result);

  rempart_store_load_draft_async (store, sub->url, d.action_id, NULL, result_cb, &slot);
  result = wait_result (&slot);
  draft = rempart_store_load_draft_finish (store, result, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (draft->text, ==, "async");
  g_clear_object (&result);

  rempart_store_list_actions_async (store, REMPART_ACTION_VIEW_QUEUED, NULL, result_cb, &slot);
  result = wait_result (&slot);
  actions = rempart_store_list_actions_finish (store, result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (actions->len, ==, 1);
  g_clear_object (&result);

  rempart_store_add_action_state_async (store, sub->url, d.action_id, REMPART_ACTION_STATE_OPENED,
                                        NULL, result_cb, &slot);
  result = wait_result (&slot);
  g_assert_true (rempart_store_add_action_state_finish (store, result, &error));
  g_clear_object (&result);

  /* Cancelled before it ran: not run, reported as cancelled. */
  g_cancellable_cancel (cancellable);
  rempart_store_remove_subscription_async (store, sub->id, cancellable, result_cb, &slot);
  result = wait_result (&slot);
  g_assert_false (rempart_store_remove_subscription_finish (store, result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_clear_object (&result);
  rempart_store_list_subscriptions_async (store, NULL, result_cb, &slot);
  result = wait_result (&slot);
  subs = rempart_store_list_subscriptions_finish (store, result, &error);
  g_assert_cmpuint (subs->len, ==, 1);
  g_clear_object (&result);

  /* After close: an error through the callback, never a crash. */
  rempart_store_close (store);
  rempart_store_list_subscriptions_async (store, NULL, result_cb, &slot);
  result = wait_result (&slot);
  g_assert_null (rempart_store_list_subscriptions_finish (store, result, &error));
  g_assert_error (error, REMPART_STORE_ERROR, REMPART_STORE_ERROR_CLOSED);
  g_clear_error (&error);
  g_clear_object (&result);

  /* A refused database, asynchronously. */
  g_file_set_contents (bad, "not a database, not at all, really not", -1, &error);
  g_assert_no_error (error);
  rempart_store_open_async (bad, NULL, result_cb, &slot);
  result = wait_result (&slot);
  g_assert_null (rempart_store_open_finish (result, &error));
  g_assert_error (error, REMPART_STORE_ERROR, REMPART_STORE_ERROR_CORRUPT);
}

static void
saved_cb (RempartDraftSaver *saver, GError *error, gpointer user_data)
{
  g_assert_no_error (error);
  (*(guint *) user_data)++;
}

static void
spin (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static void
test_draft_saver (Fixture *f, gconstpointer data)
{
  g_autoptr (RempartDraftSaver) saver = rempart_draft_saver_new (f->store, f->sub->url, "a0");
  guint saves = 0;
  gint64 start;

  g_signal_connect (saver, "saved", G_CALLBACK (saved_cb), &saves);

  /* A burst of changes: one save, of the last text, ~300 ms later. */
  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *text = g_strdup_printf ("texte %u", i);
      rempart_draft_saver_set_text (saver, text, NULL, FALSE);
    }
  g_assert_true (rempart_draft_saver_has_unsaved_changes (saver));
  assert_draft (f, f->sub->url, "a0", NULL);
  start = g_get_monotonic_time ();
  while (saves == 0 && g_get_monotonic_time () - start < 10 * G_USEC_PER_SEC)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (saves, ==, 1);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 1100 * 1000);
  g_assert_false (rempart_draft_saver_has_unsaved_changes (saver));
  assert_draft (f, f->sub->url, "a0", "texte 4");
  spin (400);
  g_assert_cmpuint (saves, ==, 1);

  /* Typing without a pause: the deadline saves within a second anyway. */
  saves = 0;
  start = g_get_monotonic_time ();
  for (guint i = 0; saves == 0 && g_get_monotonic_time () - start < 3 * G_USEC_PER_SEC; i++)
    {
      g_autofree char *text = g_strdup_printf ("frappe %u", i);
      rempart_draft_saver_set_text (saver, text, "tmpl", TRUE);
      spin (100);
    }
  g_assert_cmpuint (saves, ==, 1);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 1500 * 1000);

  /* Flush saves now. */
  rempart_draft_saver_set_text (saver, "vidé", NULL, TRUE);
  rempart_draft_saver_flush (saver);
  g_assert_false (rempart_draft_saver_has_unsaved_changes (saver));
  assert_draft (f, f->sub->url, "a0", "vidé");

  /* Dispose flushes: the store runs jobs in order, so the load sees it. */
  rempart_draft_saver_set_text (saver, "dernier mot", NULL, FALSE);
  g_clear_object (&saver);
  assert_draft (f, f->sub->url, "a0", "dernier mot");
  spin (50);
}

/* -------------------------------------------------------------------------------------- */
/* Feed info and draft flags (schema 3)                                                   */
/* -------------------------------------------------------------------------------------- */

static void
assert_example_info (const RempartFeedInfo *info, gint64 id)
{
  const RempartFeedTemplate *tmpl;

  g_assert_cmpint (info->subscription_id, ==, id);
  g_assert_cmpstr (info->subscription_url, ==, "https://example.org/feed.json");
  g_assert_cmpstr (info->title, ==, "#jesuislà — actions du jour");
  g_assert_cmpstr (info->about, ==,
                   "Groupe de contre-discours #jesuislà.\nNous répondons avec calme, faits et "
                   "empathie.");
  g_assert_cmpstr (info->language, ==, "fr");
  g_assert_cmpstr (info->hashtag, ==, "#jesuislà");
  g_assert_cmpint (info->hashtag_position, ==, REMPART_HASHTAG_POSITION_START);
  g_assert_cmpuint (g_strv_length (info->rules), ==, 3);
  g_assert_cmpstr (info->rules[0], ==, "Commencez votre commentaire par #jesuislà.");
  g_assert_cmpstr (info->rules[2], ==, "Citez une source quand vous avancez un fait.");
  g_assert_false (info->is_bundled);

  g_assert_cmpuint (info->templates->len, ==, 2);
  tmpl = g_ptr_array_index (info->templates, 0);
  g_assert_cmpstr (tmpl->id, ==, "facts-first");
  g_assert_cmpstr (tmpl->title, ==, "Les faits d’abord");
  g_assert_cmpstr (tmpl->language, ==, "fr");
  g_assert_cmpuint (g_strv_length (tmpl->topics), ==, 2);
  g_assert_cmpstr (tmpl->topics[1], ==, "disinformation");
  g_assert_cmpstr (tmpl->body, ==,
                   "#jesuislà Les chiffres disent autre chose : {source}.\nBonne journée à "
                   "toutes et à tous.");
  g_assert_cmpstr (tmpl->when, ==, "Quand un commentaire avance un chiffre faux");
  tmpl = g_ptr_array_index (info->templates, 1);
  g_assert_cmpstr (tmpl->id, ==, "empathy");
  g_assert_cmpstr (tmpl->topics[0], ==, "lgbtphobia");
}

static void
test_feed_info (Fixture *f, gconstpointer data)
{
  g_autoptr (RempartFeed) feed = load_example ();
  g_autoptr (GError) error = NULL;
  g_autoptr (RempartFeedInfo) before = NULL;
  g_autoptr (RempartFeedInfo) info = NULL;
  g_autoptr (RempartFeedInfo) copy = NULL;
  g_autoptr (RempartFeedInfo) async_info = NULL;
  g_autoptr (RempartFeedInfo) missing = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  GAsyncResult *slot = NULL;

  /* Before the first import: ids only, empty lists (never NULL). */
  before = rempart_store_get_feed_info_sync (f->store, f->sub->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (before->subscription_url, ==, f->sub->url);
  g_assert_null (before->hashtag);
  g_assert_cmpuint (g_strv_length (before->rules), ==, 0);
  g_assert_cmpuint (before->templates->len, ==, 0);

  import_ok (f, feed, NULL);
  info = rempart_store_get_feed_info_sync (f->store, f->sub->id, &error);
  g_assert_no_error (error);
  assert_example_info (info, f->sub->id);

  copy = rempart_feed_info_copy (info);
  assert_example_info (copy, f->sub->id);
  g_assert_true (copy->rules != info->rules);

  rempart_store_get_feed_info_async (f->store, f->sub->id, NULL, result_cb, &slot);
  result = wait_result (&slot);
  async_info = rempart_store_get_feed_info_finish (f->store, result, &error);
  g_assert_no_error (error);
  assert_example_info (async_info, f->sub->id);

  missing = rempart_store_get_feed_info_sync (f->store, 4242, &error);
  g_assert_error (error, REMPART_STORE_ERROR, REMPART_STORE_ERROR_NOT_FOUND);
  g_assert_null (missing);
}

static void
test_draft_flags (Fixture *f, gconstpointer data)
{
  g_autoptr (RempartFeed) feed = load_example ();
  g_autoptr (GPtrArray) before = NULL;
  g_autoptr (GPtrArray) after = NULL;
  g_autoptr (GError) error = NULL;
  RempartDraft draft = { .subscription_url = f->sub->url, .text = "#jesuislà Bonjour" };
  RempartStoredAction *stored;

  import_ok (f, feed, NULL);
  before = list (f, REMPART_ACTION_VIEW_ALL);
  g_assert_cmpuint (before->len, >=, 2);
  for (guint i = 0; i < before->len; i++)
    {
      stored = g_ptr_array_index (before, i);
      g_assert_false (stored->queued);
      g_assert_false (stored->has_draft);
    }

  draft.action_id = (char *) nth_id (before, 0);
  draft.queued = TRUE;
  g_assert_true (rempart_store_save_draft_sync (f->store, &draft, &error));
  g_assert_no_error (error);
  draft.action_id = (char *) nth_id (before, 1);
  draft.queued = FALSE;
  g_assert_true (rempart_store_save_draft_sync (f->store, &draft, &error));
  g_assert_no_error (error);

  after = list (f, REMPART_ACTION_VIEW_ALL);
  g_assert_cmpuint (after->len, ==, before->len);
  stored = g_ptr_array_index (after, 0);
  g_assert_true (stored->queued);
  g_assert_true (stored->has_draft);
  stored = g_ptr_array_index (after, 1);
  g_assert_false (stored->queued);
  g_assert_true (stored->has_draft);

  /* The copy keeps them. */
  {
    g_autoptr (RempartStoredAction) copy = rempart_stored_action_copy (stored);

    g_assert_true (copy->has_draft);
    g_assert_false (copy->queued);
  }

  g_clear_pointer (&after, g_ptr_array_unref);
  after = list (f, REMPART_ACTION_VIEW_QUEUED);
  g_assert_cmpuint (after->len, ==, 1);
  g_assert_cmpstr (nth_id (after, 0), ==, nth_id (before, 0));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/store/open/creates", test_open_creates);
  ADD ("/store/subscriptions", test_subscriptions);
  ADD ("/store/import/views", test_import_views);
  ADD ("/store/import/unchanged", test_import_unchanged);
  ADD ("/store/import/removed", test_import_removed);
  ADD ("/store/import/archived-state", test_import_archived_state);
  ADD ("/store/import/rollback", test_import_rollback);
  ADD ("/store/import/etag-on-commit", test_import_etag_on_commit);
  ADD ("/store/import/redirect", test_import_redirect);
  ADD ("/store/drafts/survive", test_drafts_survive);
  ADD ("/store/state/events", test_state_events);
  ADD ("/store/templates", test_user_templates);
  ADD ("/store/refuse/too-new", test_refuse_too_new);
  ADD ("/store/refuse/random-bytes", test_refuse_random);
  ADD ("/store/refuse/damaged-page", test_refuse_damaged_page);
  ADD ("/store/async", test_async);
  ADD ("/store/draft-saver", test_draft_saver);
  ADD ("/store/feed-info", test_feed_info);
  ADD ("/store/draft-flags", test_draft_flags);
#undef ADD

  return g_test_run ();
}
