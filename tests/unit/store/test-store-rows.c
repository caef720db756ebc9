/* test-store-rows.c
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rempart-store-action.h"
#include "rempart-store-private.h"
#include "store-fixture.h"

/*
 * What a list loads (the columns a row shows; the details stay in the database until a page
 * reads one action's, test-store-action.c), and what an import compares (every field, without serialising the unchanged ones).
 */

/* The whole list's rows, or NULL and @error. */
static GPtrArray *
try_list_rows (Fixture *f, RempartActionView view, GError **error)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GAsyncResult) slot = NULL;

  rempart_store_list_action_rows_async (f->store, view, NULL, result_cb, &slot);
  result = wait_result (&slot);
  return rempart_store_list_action_rows_finish (f->store, result, error);
}

static GPtrArray *
list_rows (Fixture *f, RempartActionView view)
{
  g_autoptr (GError) error = NULL;
  GPtrArray *rows = try_list_rows (f, view, &error);

  g_assert_no_error (error);
  g_assert_nonnull (rows);
  return rows;
}

static GPtrArray *
list_head (Fixture *f, RempartActionView view, guint limit)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GAsyncResult) slot = NULL;
  g_autoptr (GError) error = NULL;
  GPtrArray *rows;

  rempart_store_list_action_rows_head_async (f->store, view, limit, NULL, result_cb, &slot);
  result = wait_result (&slot);
  rows = rempart_store_list_action_rows_head_finish (f->store, result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (rows);
  return rows;
}

static void
assert_same_date (GDateTime *a, GDateTime *b)
{
  g_assert_true ((a == NULL) == (b == NULL));
  if (a != NULL)
    g_assert_cmpint (g_date_time_to_unix (a), ==, g_date_time_to_unix (b));
}

static void
test_rows_lazy_details (Fixture *f, gconstpointer data)
{
  g_autoptr (RempartFeed) feed = load_example ();
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GPtrArray) full = NULL;
  RempartImportStats stats;

  import_ok (f, feed, &stats);
  rows = list_rows (f, REMPART_ACTION_VIEW_ALL);
  full = list (f, REMPART_ACTION_VIEW_ALL);
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_cmpuint (full->len, ==, rows->len);

  for (guint i = 0; i < rows->len; i++)
    {
      RempartStoredAction *row = g_ptr_array_index (rows, i);
      RempartAction *whole = ((RempartStoredAction *) g_ptr_array_index (full, i))->action;
      RempartAction *fed = rempart_feed_lookup_action (feed, rempart_action_get_id (whole));
      g_autoptr (RempartStoredAction) copy = NULL;
      g_autoptr (RempartAction) read = NULL;
      g_autoptr (GError) error = NULL;
      guint64 tag = 0;

      /* Same order and list fields as the whole list; the rest unread. */
      g_assert_cmpstr (rempart_action_get_id (row->action), ==, rempart_action_get_id (whole));
      g_assert_cmpstr (rempart_action_get_url (row->action), ==, rempart_action_get_url (fed));
      g_assert_cmpstr (rempart_action_get_title (row->action), ==, rempart_action_get_title (fed));
      g_assert_cmpstr (rempart_action_get_platform (row->action), ==,
                       rempart_action_get_platform (fed));
      g_assert_cmpint (rempart_action_get_topic (row->action), ==, rempart_action_get_topic (fed));
      g_assert_cmpint (rempart_action_get_priority (row->action), ==,
                       rempart_action_get_priority (fed));
      assert_same_date (rempart_action_get_expires (row->action), rempart_action_get_expires (fed));
      g_assert_nonnull (rempart_action_get_expires (row->action));
      g_assert_true (row->row_only);
      g_assert_null (rempart_action_get_brief (row->action));
      g_assert_cmpuint (rempart_action_get_sources (row->action)->len, ==, 0);
      /* The whole list's rows are whole, with the same content tag. */
      g_assert_false (((RempartStoredAction *) g_ptr_array_index (full, i))->row_only);
      g_assert_cmpuint (row->content_tag, !=, 0);
      g_assert_cmpuint (row->content_tag, ==,
                        ((RempartStoredAction *) g_ptr_array_index (full, i))->content_tag);

      /* A copy is a row too. */
      copy = rempart_stored_action_copy (row);
      g_assert_true (copy->row_only);
      g_assert_cmpuint (copy->content_tag, ==, row->content_tag);

      read = rempart_store_read_action_sync (f->store, row->subscription_id,
                                             rempart_action_get_id (row->action), &tag, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (tag, ==, row->content_tag);
      g_assert_cmpstr (rempart_action_get_title (read), ==, rempart_action_get_title (fed));
      g_assert_cmpstr (rempart_action_get_brief (read), ==, rempart_action_get_brief (fed));
      g_assert_cmpstr (rempart_action_get_excerpt (read), ==, rempart_action_get_excerpt (fed));
      g_assert_cmpstr (rempart_action_get_language (read), ==, rempart_action_get_language (fed));
      g_assert_true (g_strv_equal ((const char *const *) rempart_action_get_tags (read),
                                   (const char *const *) rempart_action_get_tags (fed)));
      g_assert_cmpuint (rempart_action_get_sources (read)->len, ==,
                        rempart_action_get_sources (fed)->len);
      assert_same_date (rempart_action_get_date_published (read),
                        rempart_action_get_date_published (fed));
      assert_same_date (rempart_action_get_expires (read), rempart_action_get_expires (fed));
      /* The row itself is left as it was. */
      g_assert_null (rempart_action_get_brief (row->action));
    }
}

/* A change in any field, however deep in the details, is an update; the others are not. */
static void
test_rows_one_changed (Fixture *f, gconstpointer data)
{
  static const char *const changes[][2] = {
    { "\"immigration\", \"chiffres\"", "\"immigration\", \"chiffre\"" },
    { "statistiques/6793232", "statistiques/6793233" },
    { "\"2026-05-02T09:00:00+02:00\"", "\"2026-05-02T07:00:00+00:00\"" },
    { "calmement.", "calmement !" },
  };
  g_autofree char *path =
      g_test_build_filename (G_TEST_DIST, "unit", "feeds", "example.json", NULL);
  g_autoptr (GBytes) original = read_bytes (path);
  g_autoptr (RempartFeed) feed = load_example ();
  RempartImportStats stats;

  import_ok (f, feed, &stats);
  for (guint i = 0; i < G_N_ELEMENTS (changes); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (GString) text =
          g_string_new_len (g_bytes_get_data (original, NULL), g_bytes_get_size (original));
      g_autoptr (GBytes) bytes = NULL;
      g_autoptr (RempartFeed) changed = NULL;
      g_autoptr (RempartFeed) back = rempart_feed_parse (original, "example.json", &error);

      g_assert_no_error (error);
      g_assert_cmpuint (g_string_replace (text, changes[i][0], changes[i][1], 1), ==, 1);
      bytes = g_string_free_to_bytes (g_steal_pointer (&text));
      changed = rempart_feed_parse (bytes, "example.json", &error);
      g_assert_no_error (error);

      import_ok (f, changed, &stats);
      assert_stats (&stats, 0, 1, 1, 0, 0);
      import_ok (f, back, &stats);
      assert_stats (&stats, 0, 1, 1, 0, 0);
    }
}

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
                              " \"tags\": [\"t%u\"], \"_rempart\": {\"expires\":"
                              " \"2099-01-01T00:00:00Z\"}}",
                              s->str[s->len - 1] == '[' ? "" : ",", i, i, i,
                              (int) i == changed ? " bis" : "", i, i);
  g_string_append (s, "]}");
  return g_string_free_to_bytes (g_steal_pointer (&s));
}

/* Imports @bytes as a sync does, with the item hashes the store holds. */
static void
import_known (Fixture *f, GBytes *bytes, RempartImportStats *stats)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GHashTable) known = rempart_store_list_item_hashes_sync (f->store, f->sub->id, &error);
  g_autoptr (RempartFeed) feed = NULL;

  g_assert_no_error (error);
  feed = rempart_feed_parse_known (bytes, "feed.json", known, &error);
  g_assert_no_error (error);
  import_ok (f, feed, stats);
}

/* Then the whole parse of @bytes, imported again, must find every row as it would write it. */
static void
assert_same_as_whole (Fixture *f, GBytes *bytes, guint n)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RempartFeed) whole = rempart_feed_parse (bytes, "feed.json", &error);
  RempartImportStats stats;

  g_assert_no_error (error);
  import_ok (f, whole, &stats);
  assert_stats (&stats, 0, 0, n, 0, 0);
}

/* A sync reads only the items whose raw text changed: a changed, a new, a removed, a
 * returning and an unchanged item each end as the whole parse would leave them. */
static void
test_rows_known_items (Fixture *f, gconstpointer data)
{
  g_autoptr (GBytes) first = feed_text (4, 0, -1);
  /* a1 changed, a3 left the feed (with a draft: archived), a4 arrived. */
  g_autoptr (GBytes) second = feed_text (5, 1u << 3, 1);
  /* a3 is back as it was, a1 too. */
  g_autoptr (GBytes) third = feed_text (5, 0, -1);
  g_autoptr (GHashTable) hashes = NULL;
  g_autoptr (GPtrArray) todo = NULL;
  g_autoptr (GError) error = NULL;
  RempartDraft draft = { .subscription_url = f->sub->url, .action_id = "a3", .text = "Mot" };
  RempartImportStats stats;

  import_known (f, first, &stats);
  assert_stats (&stats, 4, 0, 0, 0, 0);
  hashes = rempart_store_list_item_hashes_sync (f->store, f->sub->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (hashes), ==, 4);
  g_assert_true (rempart_store_save_draft_sync (f->store, &draft, &error));
  g_assert_no_error (error);

  import_known (f, second, &stats);
  assert_stats (&stats, 1, 1, 2, 1, 0);
  todo = list (f, REMPART_ACTION_VIEW_TODO);
  g_assert_cmpuint (todo->len, ==, 4);
  assert_same_as_whole (f, second, 4);

  import_known (f, third, &stats);
  /* a1 and a3 come back; a3 was archived, so its row is updated. */
  assert_stats (&stats, 0, 2, 3, 0, 0);
  g_clear_pointer (&todo, g_ptr_array_unref);
  todo = list (f, REMPART_ACTION_VIEW_TODO);
  g_assert_cmpuint (todo->len, ==, 5);
  assert_same_as_whole (f, third, 5);

  /* Nothing changed: every item is known. */
  import_known (f, third, &stats);
  assert_stats (&stats, 0, 0, 5, 0, 0);
}

/* A kept item whose row went away between the read of the item hashes and the import (its
 * group removed and added again, or another import): nothing is imported, and the next sync
 * reads the item again. An item that left the feed without the volunteer's data is removed
 * while the others are kept. */
static void
test_rows_kept_gone (Fixture *f, gconstpointer data)
{
  g_autoptr (GBytes) first = feed_text (4, 0, -1);
  g_autoptr (GBytes) without_a0 = feed_text (4, 1u << 0, -1);
  g_autoptr (GHashTable) known = NULL;
  g_autoptr (RempartFeed) stale = NULL;
  g_autoptr (GPtrArray) todo = NULL;
  g_autoptr (GError) error = NULL;
  RempartImportStats stats;

  import_known (f, first, &stats);
  assert_stats (&stats, 4, 0, 0, 0, 0);
  known = rempart_store_list_item_hashes_sync (f->store, f->sub->id, &error);
  g_assert_no_error (error);
  stale = rempart_feed_parse_known (first, "feed.json", known, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rempart_feed_get_kept_ids (stale)->len, ==, 4);

  import_known (f, without_a0, &stats);
  assert_stats (&stats, 0, 0, 3, 0, 1);

  g_assert_false (rempart_store_import_feed_sync (f->store, f->sub, stale, &stats, &error));
  g_assert_error (error, REMPART_STORE_ERROR, REMPART_STORE_ERROR_FAILED);
  todo = list (f, REMPART_ACTION_VIEW_TODO);
  g_assert_cmpuint (todo->len, ==, 3);

  import_known (f, first, &stats);
  assert_stats (&stats, 1, 0, 3, 0, 0);
  assert_same_as_whole (f, first, 4);
}

/* The head a list shows first is the whole list's head, in the same order: priority first,
 * then the date, ties (same date) by id; states and views apply to it as to the whole. */
static void
test_rows_head (Fixture *f, gconstpointer data)
{
  g_autoptr (RempartFeed) feed = make_feed (1, 30, 0, "x");
  g_autoptr (GError) error = NULL;
  RempartImportStats stats;
  static const guint limits[] = { 1, 7, 29, 30, 31, 1000 };

  import_ok (f, feed, &stats);
  /* a5 done: out of To Do, so the head of To Do is not the head of All. */
  g_assert_true (rempart_store_add_action_state_sync (f->store, f->sub->url, "a5",
                                                      REMPART_ACTION_STATE_POSTED, &error));
  g_assert_no_error (error);

  for (guint v = 0; v < 2; v++)
    {
      RempartActionView view = v == 0 ? REMPART_ACTION_VIEW_ALL : REMPART_ACTION_VIEW_TODO;
      g_autoptr (GPtrArray) whole = list_rows (f, view);

      g_assert_cmpuint (whole->len, ==, view == REMPART_ACTION_VIEW_ALL ? 30 : 29);
      /* One copy of the group's address for all its rows; a copy of a row keeps it. */
      for (guint i = 1; i < whole->len; i++)
        g_assert_true (((RempartStoredAction *) g_ptr_array_index (whole, i))->subscription_url ==
                       ((RempartStoredAction *) g_ptr_array_index (whole, 0))->subscription_url);
      {
        g_autoptr (RempartStoredAction) copy =
            rempart_stored_action_copy (g_ptr_array_index (whole, 1));

        g_assert_cmpstr (copy->subscription_url, ==, f->sub->url);
      }
      /* The high-priority action first, whatever its date. */
      g_assert_cmpstr (nth_id (whole, 0), ==, "a2");
      for (guint l = 0; l < G_N_ELEMENTS (limits); l++)
        {
          g_autoptr (GPtrArray) head = list_head (f, view, limits[l]);

          g_assert_cmpuint (head->len, ==, MIN (limits[l], whole->len));
          for (guint i = 0; i < head->len; i++)
            {
              RempartStoredAction *a = g_ptr_array_index (head, i);
              RempartStoredAction *b = g_ptr_array_index (whole, i);

              g_assert_cmpstr (nth_id (head, i), ==, nth_id (whole, i));
              g_assert_cmpstr (a->subscription_url, ==, b->subscription_url);
              g_assert_cmpstr (a->search_text, ==, b->search_text);
              g_assert_cmpuint (a->content_tag, ==, b->content_tag);
              g_assert_true (a->row_only && b->row_only);
              g_assert_cmpuint (a->state, ==, b->state);
            }
        }
    }
}

static void
assert_same_row (RempartStoredAction *a, RempartStoredAction *b)
{
  g_assert_cmpstr (rempart_action_get_id (a->action), ==, rempart_action_get_id (b->action));
  g_assert_cmpstr (rempart_action_get_url (a->action), ==, rempart_action_get_url (b->action));
  g_assert_cmpstr (rempart_action_get_title (a->action), ==, rempart_action_get_title (b->action));
  g_assert_cmpstr (rempart_action_get_platform (a->action), ==,
                   rempart_action_get_platform (b->action));
  g_assert_cmpint (rempart_action_get_topic (a->action), ==, rempart_action_get_topic (b->action));
  g_assert_cmpint (rempart_action_get_priority (a->action), ==,
                   rempart_action_get_priority (b->action));
  assert_same_date (rempart_action_get_expires (a->action), rempart_action_get_expires (b->action));
  g_assert_true (a->subscription_url == b->subscription_url);
  g_assert_cmpint (a->subscription_id, ==, b->subscription_id);
  g_assert_cmpstr (a->search_text, ==, b->search_text);
  g_assert_cmpuint (a->content_tag, ==, b->content_tag);
  g_assert_cmpuint (a->state, ==, b->state);
  g_assert_cmpint (a->archived, ==, b->archived);
  g_assert_cmpint (a->queued, ==, b->queued);
  g_assert_cmpint (a->has_draft, ==, b->has_draft);
  g_assert_cmpint (a->first_seen, ==, b->first_seen);
  g_assert_cmpint (a->updated, ==, b->updated);
  g_assert_true (a->row_only && b->row_only);
}

/* A long list is built on a second thread, batch by batch, while SQLite is stepped: the same
 * rows, fields and order as one built in one go, whatever the batch; a list that fails part
 * way gives its error and nothing else, and the store lists again afterwards. */
static void
test_rows_batches (Fixture *f, gconstpointer data)
{
  g_autoptr (RempartFeed) feed = make_feed (1, 30, 0, "x");
  g_autoptr (GError) error = NULL;
  RempartDraft draft = { f->sub->url, (char *) "a7", (char *) "Bonjour", NULL, TRUE, 0 };
  RempartImportStats stats;
  /* 1: a batch a row; 7: full batches then a short one; 29 and 30: one full batch, then one
   * row or none (To Do has 29 rows, All 30); 31: no thread needed. */
  static const guint batches[] = { 1, 7, 29, 30, 31 };

  import_ok (f, feed, &stats);
  g_assert_true (rempart_store_add_action_state_sync (f->store, f->sub->url, "a5",
                                                      REMPART_ACTION_STATE_POSTED, &error));
  g_assert_no_error (error);
  g_assert_true (rempart_store_save_draft_sync (f->store, &draft, &error));
  g_assert_no_error (error);

  for (guint v = 0; v < 2; v++)
    {
      RempartActionView view = v == 0 ? REMPART_ACTION_VIEW_ALL : REMPART_ACTION_VIEW_TODO;
      g_autoptr (GPtrArray) one_go = NULL;

      rempart_store_list_set_batch_rows_for_testing (0);
      one_go = list_rows (f, view);
      g_assert_cmpuint (one_go->len, ==, view == REMPART_ACTION_VIEW_ALL ? 30 : 29);
      g_assert_cmpstr (nth_id (one_go, 0), ==, "a2");

      /* Then again with no thread to be had: this thread builds every batch itself. */
      for (guint b = 0; b < 2 * G_N_ELEMENTS (batches); b++)
        {
          g_autoptr (GPtrArray) rows = NULL;
          gboolean saw_draft = FALSE;
          gboolean no_thread = b >= G_N_ELEMENTS (batches);
          guint batch = batches[b % G_N_ELEMENTS (batches)];
          guint runs = rempart_store_list_get_builder_runs_for_testing ();

          rempart_store_list_set_batch_rows_for_testing (batch);
          rempart_store_list_set_no_thread_for_testing (no_thread);
          rows = list_rows (f, view);
          rempart_store_list_set_no_thread_for_testing (FALSE);
          /* A builder thread for every list of a batch or more (1 and 7: more batches than
           * are out at a time, so this thread waits for the builder's spare ones). */
          g_assert_cmpuint (rempart_store_list_get_builder_runs_for_testing () - runs, ==,
                            !no_thread && batch <= rows->len ? 1 : 0);
          g_assert_cmpuint (rows->len, ==, one_go->len);
          for (guint i = 0; i < rows->len; i++)
            {
              RempartStoredAction *row = g_ptr_array_index (rows, i);

              assert_same_row (row, g_ptr_array_index (one_go, i));
              saw_draft |= row->queued && row->has_draft;
            }
          g_assert_true (saw_draft);
        }
    }

  /* Failing part way, in the builder's batches (7), at the edge of one (8), with no thread
   * (batch of 31), and with no thread to be had (7). */
  for (guint b = 0; b < 4; b++)
    {
      static const guint batch[] = { 7, 7, 31, 7 };
      static const guint fail_at[] = { 20, 8, 12, 20 };
      g_autoptr (GPtrArray) rows = NULL;

      rempart_store_list_set_batch_rows_for_testing (batch[b]);
      rempart_store_list_set_fail_at_for_testing (fail_at[b]);
      rempart_store_list_set_no_thread_for_testing (b == 3);
      g_clear_error (&error);
      g_assert_null (try_list_rows (f, REMPART_ACTION_VIEW_ALL, &error));
      g_assert_error (error, REMPART_STORE_ERROR, REMPART_STORE_ERROR_FAILED);

      rempart_store_list_set_fail_at_for_testing (0);
      rempart_store_list_set_no_thread_for_testing (FALSE);
      rows = list_rows (f, REMPART_ACTION_VIEW_ALL);
      g_assert_cmpuint (rows->len, ==, 30);
    }
  rempart_store_list_set_batch_rows_for_testing (0);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  STORE_TEST_ADD ("/store/rows/lazy-details", test_rows_lazy_details);
  STORE_TEST_ADD ("/store/rows/head", test_rows_head);
  STORE_TEST_ADD ("/store/rows/batches", test_rows_batches);
  STORE_TEST_ADD ("/store/rows/one-changed", test_rows_one_changed);
  STORE_TEST_ADD ("/store/rows/known-items", test_rows_known_items);
  STORE_TEST_ADD ("/store/rows/kept-gone", test_rows_kept_gone);

  return g_test_run ();
}
