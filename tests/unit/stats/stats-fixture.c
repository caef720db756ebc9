/* stats-fixture.c: a real store with two groups, filled with events at known times
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "rempart-feed-parser.h"
#include "rempart-test-dirs.h"
#include "stats-fixture.h"

static const char *const topics[] = { "racism", "sexism", "disinformation", "antisemitism" };

static void
add_group (Fixture *f, const char *url, const char *title)
{
  g_autoptr (GString) s = g_string_new (NULL);
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (RempartFeed) feed = NULL;
  g_autoptr (RempartSubscription) sub = NULL;

  g_string_append_printf (s,
                          "{\"version\": \"https://jsonfeed.org/version/1.1\", \"title\": \"%s\","
                          " \"_rempart\": {\"schema\": 1, \"seq\": 1}, \"items\": [",
                          title);
  for (guint i = 0; i < 8; i++)
    g_string_append_printf (s,
                            "%s{\"id\": \"a%u\", \"url\": \"https://example.org/t/%u\","
                            " \"title\": \"%s %u\", \"content_text\": \"Brief\","
                            " \"date_published\": \"2026-01-01T08:00:00Z\","
                            " \"_rempart\": {\"expires\": \"2099-01-01T00:00:00Z\","
                            " \"topic\": \"%s\"}}",
                            i == 0 ? "" : ",", i, i, title, i, topics[i % G_N_ELEMENTS (topics)]);
  g_string_append (s, "]}");

  bytes = g_bytes_new (s->str, s->len);
  feed = rempart_feed_parse (bytes, "test.json", &error);
  g_assert_no_error (error);

  sub = rempart_store_add_subscription_sync (f->store, url, NULL, &error);
  g_assert_no_error (error);
  g_free (sub->title);
  sub->title = g_strdup (title);
  g_assert_true (rempart_store_import_feed_sync (f->store, sub, feed, NULL, &error));
  g_assert_no_error (error);
}

void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  f->dir = rempart_test_dir_new ("stats");
  f->path = g_build_filename (f->dir, "rempart.db", NULL);
  f->store = rempart_store_open_sync (f->path, NULL, &error);
  g_assert_no_error (error);
  add_group (f, GROUP_A, "Je suis là");
  add_group (f, GROUP_B, "Ich bin hier");
}

void
fixture_teardown (Fixture *f, gconstpointer data)
{
  rempart_store_close (f->store);
  g_clear_object (&f->store);
  rempart_test_dir_remove (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

gint64
at (const char *iso8601)
{
  g_autoptr (GDateTime) date = g_date_time_new_from_iso8601 (iso8601, NULL);

  g_assert_nonnull (date);
  return g_date_time_to_unix (date);
}

void
add_event (Fixture *f, const char *url, const char *id, RempartActionState state, gint64 when)
{
  g_autoptr (GError) error = NULL;

  rempart_store_set_now_for_testing (f->store, when);
  g_assert_true (rempart_store_add_action_state_sync (f->store, url, id, state, &error));
  g_assert_no_error (error);
}

void
post_reply (Fixture *f, const char *url, const char *id, const char *text, gint64 when)
{
  g_autoptr (GError) error = NULL;
  RempartDraft draft = { .subscription_url = (char *) url,
                         .action_id = (char *) id,
                         .text = (char *) text };

  rempart_store_set_now_for_testing (f->store, when);
  g_assert_true (rempart_store_save_draft_sync (f->store, &draft, &error));
  g_assert_no_error (error);
  add_event (f, url, id, REMPART_ACTION_STATE_JOINED | REMPART_ACTION_STATE_POSTED, when);
}

GBytes *
read_database_bytes (Fixture *f)
{
  g_autoptr (GByteArray) all = g_byte_array_new ();
  const char *const suffixes[] = { "", "-wal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *name = g_strconcat (f->path, suffixes[i], NULL);
      g_autofree char *contents = NULL;
      gsize length = 0;

      if (g_file_get_contents (name, &contents, &length, NULL))
        g_byte_array_append (all, (const guint8 *) contents, length);
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&all));
}

gboolean
bytes_contain (GBytes *bytes, const char *needle)
{
  gsize size;
  const guint8 *data = g_bytes_get_data (bytes, &size);
  gsize length = strlen (needle);

  /* Byte by byte: the file holds NULs, so no string function would do. */
  for (gsize i = 0; data != NULL && i + length <= size; i++)
    if (memcmp (data + i, needle, length) == 0)
      return TRUE;
  return FALSE;
}
