/* test-store-import.c
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "store-fixture.h"

/*
 * Importing feeds: the views, what counts as unchanged, removed or archived, and nothing
 * partial after a refused or failed import.
 */

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
/* Main                                                                                   */
/* -------------------------------------------------------------------------------------- */

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  STORE_TEST_ADD ("/store/import/views", test_import_views);
  STORE_TEST_ADD ("/store/import/unchanged", test_import_unchanged);
  STORE_TEST_ADD ("/store/import/removed", test_import_removed);
  STORE_TEST_ADD ("/store/import/archived-state", test_import_archived_state);
  STORE_TEST_ADD ("/store/import/rollback", test_import_rollback);
  STORE_TEST_ADD ("/store/import/etag-on-commit", test_import_etag_on_commit);
  STORE_TEST_ADD ("/store/import/redirect", test_import_redirect);

  return g_test_run ();
}
