/* test-sync-outcomes.c: what one refresh does with each answer of the server
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "rempart-demo.h"
#include "rempart-store-private.h"
#include "sync-fixture.h"

/* ------------------------------------------------------------------------------------------ */
/* Tests: success                                                                             */
/* ------------------------------------------------------------------------------------------ */

static void
test_ok_then_not_modified (Fixture *f, gconstpointer data)
{
  g_autoptr (GBytes) body = make_feed ("a", 3, -1, START_TIME + 86400);
  g_autoptr (RempartSyncReport) first = NULL;
  g_autoptr (RempartSyncReport) second = NULL;
  g_autoptr (RempartSubscription) before = NULL;
  g_autoptr (RempartSubscription) after = NULL;
  g_autofree char *data_before = NULL;
  g_autofree char *data_after = NULL;
  gint64 id = add_subscription (f, "/feed.json", FALSE);

  add_body_route (f, "/feed.json", "\"v1\"", body);
  first = refresh_one (f, id, FALSE);
  assert_outcome (first, REMPART_SYNC_OUTCOME_UPDATED);
  g_assert_cmpuint (first->stats.added, ==, 3);
  g_assert_false (first->is_signed);
  g_assert_false (first->stale);
  g_assert_cmpuint (count_actions (f, id, "a-1"), ==, 1);
  g_assert_cmpuint (count_actions (f, id, "a-2"), ==, 1);
  g_assert_cmpuint (count_actions (f, id, "a-3"), ==, 1);
  g_assert_false (g_hash_table_contains (f->if_none_match, "/feed.json"));

  before = get_sub (f, id);
  g_assert_cmpstr (before->etag, ==, "\"v1\"");
  g_assert_cmpstr (before->title, ==, "Groupe test");
  g_assert_cmpint (before->expires, ==, START_TIME + 86400);
  g_assert_cmpint (before->last_check, ==, START_TIME);
  g_assert_cmpint (before->last_success, ==, START_TIME);
  g_assert_false (before->is_signed);
  g_assert_cmpint (before->last_seq, ==, -1);
  g_assert_null (before->last_error);
  data_before = snapshot (f);

  f->now += 100;
  second = refresh_one (f, id, FALSE);
  assert_outcome (second, REMPART_SYNC_OUTCOME_NOT_MODIFIED);
  g_assert_cmpstr (g_hash_table_lookup (f->if_none_match, "/feed.json"), ==, "\"v1\"");
  g_assert_cmpuint (hits (f, "/feed.json"), ==, 2);
  data_after = snapshot (f);
  g_assert_cmpstr (data_after, ==, data_before);

  after = get_sub (f, id);
  g_assert_cmpint (after->last_check, ==, START_TIME + 100);
  g_assert_cmpint (after->last_success, ==, START_TIME + 100);
  /* Nothing else moved. */
  after->last_check = before->last_check;
  after->last_success = before->last_success;
  g_assert_cmpint (after->next_check, ==, before->next_check);
  g_assert_cmpint (after->retry_after, ==, before->retry_after);
  g_assert_cmpint (after->failures, ==, before->failures);
  g_assert_cmpint (after->ended, ==, before->ended);
  g_assert_null (after->last_error);
}

static void
test_stale (Fixture *f, gconstpointer data)
{
  g_autoptr (GBytes) body = make_feed ("old", 2, -1, START_TIME - 3600);
  g_autoptr (RempartSyncReport) report = NULL;
  g_autoptr (RempartSubscription) sub = NULL;
  gint64 id = add_subscription (f, "/feed.json", FALSE);

  add_body_route (f, "/feed.json", "\"old\"", body);
  report = refresh_one (f, id, FALSE);
  assert_outcome (report, REMPART_SYNC_OUTCOME_UPDATED);
  g_assert_true (report->stale);
  g_assert_cmpuint (count_actions (f, id, NULL), ==, 2);
  sub = get_sub (f, id);
  g_assert_cmpint (sub->expires, ==, START_TIME - 3600);
  g_assert_true (rempart_subscription_is_stale (sub, START_TIME));

  /* Still stale after a 304: the report says so every time. */
  g_clear_pointer (&report, rempart_sync_report_free);
  f->now += 60;
  report = refresh_one (f, id, FALSE);
  assert_outcome (report, REMPART_SYNC_OUTCOME_NOT_MODIFIED);
  g_assert_true (report->stale);
}

static void
test_unsigned_seq_not_compared (Fixture *f, gconstpointer data)
{
  g_autoptr (GBytes) newer = make_feed ("n", 1, 5, 0);
  g_autoptr (GBytes) older = make_feed ("o", 1, 4, 0);
  g_autoptr (RempartSyncReport) report = NULL;
  g_autoptr (RempartSubscription) sub = NULL;
  gint64 id = add_subscription (f, "/feed.json", FALSE);

  add_body_route (f, "/feed.json", "\"5\"", newer);
  report = refresh_one (f, id, FALSE);
  assert_outcome (report, REMPART_SYNC_OUTCOME_UPDATED);

  /* Anyone can write a seq in an unsigned feed: it proves nothing, so it is not kept and a
   * lower one is not a rollback. */
  add_body_route (f, "/feed.json", "\"4\"", older);
  refresh_again (f, &report, id, FALSE, REMPART_SYNC_OUTCOME_UPDATED);
  g_assert_cmpuint (count_actions (f, id, "o-1"), ==, 1);
  sub = get_sub (f, id);
  g_assert_cmpint (sub->last_seq, ==, -1);
}

/* ------------------------------------------------------------------------------------------ */
/* Tests: the feed is gone, broken or cannot be saved                                         */
/* ------------------------------------------------------------------------------------------ */

static void
test_gone (Fixture *f, gconstpointer data)
{
  g_autoptr (RempartSyncReport) report = NULL;
  g_autoptr (RempartSubscription) sub = NULL;
  g_autoptr (GBytes) back = make_feed ("back", 1, -1, 0);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 id = import_first (f);
  guint n_hits;

  before = snapshot (f);
  add_route (f, "/feed.json", SOUP_STATUS_GONE);
  f->now += 10;
  report = refresh_one (f, id, FALSE);
  assert_outcome (report, REMPART_SYNC_OUTCOME_GONE);
  sub = get_sub (f, id);
  g_assert_true (sub->ended);
  g_assert_cmpint (sub->last_check, ==, f->now);
  g_assert_nonnull (sub->last_error);
  after = snapshot (f);
  g_assert_cmpstr (after, ==, before);

  /* No more automatic checks, even much later. */
  n_hits = f->n_requests;
  f->now += 7 * 86400;
  refresh_again (f, &report, id, FALSE, REMPART_SYNC_OUTCOME_SKIPPED_ENDED);
  g_assert_cmpuint (f->n_requests, ==, n_hits);

  /* A manual refresh asks again: still gone... */
  refresh_again (f, &report, id, TRUE, REMPART_SYNC_OUTCOME_GONE);
  g_assert_cmpuint (f->n_requests, ==, n_hits + 1);

  /* ...then published again. */
  add_body_route (f, "/feed.json", "\"back\"", back);
  refresh_again (f, &report, id, TRUE, REMPART_SYNC_OUTCOME_UPDATED);
  reload_sub (f, &sub, id);
  g_assert_false (sub->ended);
  g_assert_cmpuint (count_actions (f, id, "back-1"), ==, 1);
}

static void
test_rejected (Fixture *f, gconstpointer data)
{
  g_autoptr (GBytes) garbage = g_bytes_new_static ("{\"version\": not json", 20);
  g_autoptr (RempartSyncReport) report = NULL;
  g_autoptr (RempartSubscription) sub = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 id = import_first (f);

  before = snapshot (f);
  add_body_route (f, "/feed.json", "\"broken\"", garbage);
  report = refresh_one (f, id, FALSE);
  assert_outcome (report, REMPART_SYNC_OUTCOME_REJECTED);
  after = snapshot (f);
  g_assert_cmpstr (after, ==, before);
  sub = get_sub (f, id);
  /* The ETag of the broken copy was not kept: the next attempt downloads it again. */
  g_assert_cmpstr (sub->etag, ==, "\"v1\"");
  g_assert_cmpint (sub->failures, ==, 1);
  g_assert_cmpstr (sub->last_error, ==, report->message);
  /* What answers is not a feed: the address may be wrong, and is said to be. */
  g_assert_cmpint (sub->failure_kind, ==, REMPART_CHECK_FAILURE_ADDRESS);

  /* A 404 too points at the address. */
  add_route (f, "/feed.json", SOUP_STATUS_NOT_FOUND);
  refresh_again (f, &report, id, TRUE, REMPART_SYNC_OUTCOME_FAILED);
  reload_sub (f, &sub, id);
  g_assert_cmpint (sub->failure_kind, ==, REMPART_CHECK_FAILURE_ADDRESS);
}

static void
test_store_failure (Fixture *f, gconstpointer data)
{
  g_autoptr (GBytes) body = make_feed ("next", 5, -1, 0);
  g_autoptr (RempartSyncReport) report = NULL;
  g_autoptr (RempartSubscription) sub = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 id = import_first (f);
  guint n_changed;

  /* The store fails in the middle of the import (its test hook): nothing partial is kept,
   * the new ETag is not saved, and the failure is counted like any other. */
  before = snapshot (f);
  n_changed = f->changed_ids->len;
  add_body_route (f, "/feed.json", "\"v2\"", body);
  rempart_store_set_import_fail_at_for_testing (f->store, 2);
  report = refresh_one (f, id, FALSE);
  assert_outcome (report, REMPART_SYNC_OUTCOME_FAILED);
  after = snapshot (f);
  g_assert_cmpstr (after, ==, before);
  sub = get_sub (f, id);
  g_assert_cmpstr (sub->etag, ==, "\"v1\"");
  g_assert_cmpint (sub->failures, ==, 1);
  g_assert_cmpstr (sub->last_error, ==, report->message);
  /* Nothing the volunteer can correct in the group's address or key. */
  g_assert_cmpint (sub->failure_kind, ==, REMPART_CHECK_FAILURE_OTHER);
  g_assert_cmpuint (f->changed_ids->len, ==, n_changed + 1);
  g_assert_cmpuint (f->new_action_ids->len, ==, 1);

  /* Once the store works again, a manual refresh imports it. */
  rempart_store_set_import_fail_at_for_testing (f->store, 0);
  refresh_again (f, &report, id, TRUE, REMPART_SYNC_OUTCOME_UPDATED);
  g_assert_cmpuint (count_actions (f, id, "next-5"), ==, 1);
  reload_sub (f, &sub, id);
  g_assert_cmpint (sub->failure_kind, ==, REMPART_CHECK_FAILURE_NONE);
}

static void
test_stalled (Fixture *f, gconstpointer data)
{
  g_autoptr (RempartSyncReport) report = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 id;
  gint64 start;

  /* The timeout applies to connections opened afterwards: set it first. */
  rempart_fetcher_set_timeout (f->fetcher, 2);
  id = import_first (f);
  before = snapshot (f);
  add_route (f, "/feed.json", SOUP_STATUS_OK)->kind = REPLY_STALL;
  start = g_get_monotonic_time ();
  report = refresh_one (f, id, FALSE);
  assert_outcome (report, REMPART_SYNC_OUTCOME_FAILED);
  /* Ended by the fetcher's timeout, not by the guard. */
  g_assert_cmpint (g_get_monotonic_time () - start, <, (GUARD_SECONDS - 2) * G_USEC_PER_SEC);
  g_assert_cmpuint (f->stalled->len, ==, 1);
  after = snapshot (f);
  g_assert_cmpstr (after, ==, before);
}

/* ------------------------------------------------------------------------------------------ */
/* Tests: no such subscription, the bundled demo                                              */
/* ------------------------------------------------------------------------------------------ */

static void
test_not_found (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) reports = refresh_full (f, 4242, TRUE, NULL, &error);

  g_assert_error (error, REMPART_STORE_ERROR, REMPART_STORE_ERROR_NOT_FOUND);
  g_assert_null (reports);
  g_assert_cmpuint (f->n_requests, ==, 0);
}

/* The bundled demo has no server: refresh-all leaves it out without a request or a report, a
 * refresh by id says why. The store marks it (is_bundled) and keeps it. */
static void
test_demo (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) reports = NULL;
  g_autoptr (RempartSubscription) demo = NULL;
  g_autoptr (RempartSubscription) demo_copy = NULL;
  g_autoptr (RempartSubscription) real = NULL;
  g_autoptr (RempartSyncReport) report = NULL;
  gint64 real_id = import_first (f);
  guint n;

  demo =
      rempart_store_add_bundled_subscription_sync (f->store, REMPART_DEMO_FEED_URL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (demo->is_bundled);
  demo_copy = rempart_subscription_copy (demo);
  g_assert_true (demo_copy->is_bundled);
  real = get_sub (f, real_id);
  g_assert_false (real->is_bundled);
  g_clear_pointer (&demo_copy, rempart_subscription_free);
  demo_copy = get_sub (f, demo->id);
  g_assert_true (demo_copy->is_bundled);

  n = f->n_requests;
  reports = refresh_full (f, 0, TRUE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reports->len, ==, 1);
  g_assert_cmpint (((RempartSyncReport *) g_ptr_array_index (reports, 0))->subscription_id, ==,
                   real_id);
  g_assert_cmpuint (f->n_requests, ==, n + 1);

  report = refresh_one (f, demo->id, TRUE);
  assert_outcome (report, REMPART_SYNC_OUTCOME_SKIPPED_ENDED);
  g_assert_cmpuint (f->n_requests, ==, n + 1);
}

/* ------------------------------------------------------------------------------------------ */
/* Main                                                                                       */
/* ------------------------------------------------------------------------------------------ */

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ADD ("/sync/ok-then-not-modified", test_ok_then_not_modified);
  ADD ("/sync/stale", test_stale);
  ADD ("/sync/unsigned-seq-not-compared", test_unsigned_seq_not_compared);
  ADD ("/sync/gone", test_gone);
  ADD ("/sync/rejected", test_rejected);
  ADD ("/sync/store-failure", test_store_failure);
  ADD ("/sync/stalled", test_stalled);
  ADD ("/sync/not-found", test_not_found);
  ADD ("/sync/demo", test_demo);

  return g_test_run ();
}
