/* store-fixture.c
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sqlite3.h>

#include "rempart-test-dirs.h"
#include "store-fixture.h"

/* -------------------------------------------------------------------------------------- */
/* Helpers                                                                                */
/* -------------------------------------------------------------------------------------- */

RempartFeed *
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
RempartFeed *
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

char *
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

GBytes *
read_bytes (const char *path)
{
  g_autoptr (GError) error = NULL;
  char *data = NULL;
  gsize length;

  g_file_get_contents (path, &data, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (data, length);
}

GPtrArray *
list (Fixture *f, RempartActionView view)
{
  g_autoptr (GError) error = NULL;
  GPtrArray *actions = rempart_store_list_actions_sync (f->store, view, &error);

  g_assert_no_error (error);
  return actions;
}

const char *
nth_id (GPtrArray *actions, guint i)
{
  RempartStoredAction *stored = g_ptr_array_index (actions, i);

  return rempart_action_get_id (stored->action);
}

void
import_ok (Fixture *f, RempartFeed *feed, RempartImportStats *stats)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (rempart_store_import_feed_sync (f->store, f->sub, feed, stats, &error));
  g_assert_no_error (error);
}

void
assert_stats (const RempartImportStats *s, guint add, guint upd, guint same, guint arch, guint rm)
{
  g_assert_cmpuint (s->added, ==, add);
  g_assert_cmpuint (s->updated, ==, upd);
  g_assert_cmpuint (s->unchanged, ==, same);
  g_assert_cmpuint (s->archived, ==, arch);
  g_assert_cmpuint (s->removed, ==, rm);
}

void
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

void
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
GAsyncResult *
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

void
spin (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/* -------------------------------------------------------------------------------------- */
/* Fixture                                                                                */
/* -------------------------------------------------------------------------------------- */

void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  f->dir = rempart_test_dir_new ("store");
  f->path = g_build_filename (f->dir, "data", "rempart", "rempart.db", NULL);
  f->store = rempart_store_open_sync (f->path, NULL, &error);
  g_assert_no_error (error);
  rempart_store_set_now_for_testing (f->store, EXAMPLE_NOW);
  f->sub =
      rempart_store_add_subscription_sync (f->store, "https://example.org/feed.json", NULL, &error);
  g_assert_no_error (error);
}

void
fixture_teardown (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->store);
  g_clear_pointer (&f->sub, rempart_subscription_free);
  rempart_test_dir_remove (f->dir);
  g_free (f->dir);
  g_free (f->path);
}
