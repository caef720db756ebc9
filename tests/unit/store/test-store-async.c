/* test-store-async.c
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "store-fixture.h"

/*
 * The async API, and the feed info each import stores (schema 3).
 */

/* -------------------------------------------------------------------------------------- */
/* Async API                                                                              */
/* -------------------------------------------------------------------------------------- */

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

/* -------------------------------------------------------------------------------------- */
/* Feed info (schema 3)                                                                   */
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

/* -------------------------------------------------------------------------------------- */
/* Main                                                                                   */
/* -------------------------------------------------------------------------------------- */

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  STORE_TEST_ADD ("/store/async", test_async);
  STORE_TEST_ADD ("/store/feed-info", test_feed_info);

  return g_test_run ();
}
