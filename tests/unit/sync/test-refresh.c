/* test-refresh.c: RempartRefresh on its own, without RempartSync
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The same loopback server, store and fake clock as the sync tests (sync-fixture.c), but no
 * RempartSync: each test builds a RempartRefresh, runs it and watches its own signals. */

#include "config.h"

#include "rempart-refresh.h"
#include "rempart-workers.h"
#include "sync-fixture.h"

/* ------------------------------------------------------------------------------------------ */
/* Helpers                                                                                    */
/* ------------------------------------------------------------------------------------------ */

/* A refresh on the fixture's store, fetcher and monitor, on the fake clock (f->now) or, with
 * @fake_clock FALSE, the real one. Its signals go to the fixture's arrays. */
static RempartRefresh *
new_refresh (Fixture *f, gboolean fake_clock)
{
  RempartRefresh *refresh =
      rempart_refresh_new (f->store, f->fetcher, G_NETWORK_MONITOR (f->monitor),
                           fake_clock ? fake_now : NULL, fake_clock ? f : NULL);

  g_assert_true (REMPART_IS_REFRESH (refresh));
  fixture_watch_signals (f, refresh);
  return refresh;
}

/* Iterates until *@result is set, failing after the guard. */
static void
wait_for_result (GAsyncResult **result)
{
  guint guard = g_timeout_add_seconds (GUARD_SECONDS, guard_cb, NULL);

  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (guard);
}

static GPtrArray *
run (RempartRefresh *refresh, gint64 id, gboolean manual, GCancellable *cancellable, GError **error)
{
  g_autoptr (GAsyncResult) result = NULL;

  rempart_refresh_run_async (refresh, id, manual, cancellable, refresh_done_cb, &result);
  wait_for_result (&result);
  return rempart_refresh_run_finish (refresh, result, error);
}

/* Runs @refresh on @id, which must give one report with @expected; returns it. */
static RempartSyncReport *
run_one (RempartRefresh *refresh, gint64 id, RempartSyncOutcome expected)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) reports = run (refresh, id, FALSE, NULL, &error);
  RempartSyncReport *report;

  g_assert_no_error (error);
  g_assert_nonnull (reports);
  g_assert_cmpuint (reports->len, ==, 1);
  report = g_ptr_array_index (reports, 0);
  g_assert_cmpint (report->subscription_id, ==, id);
  assert_outcome (report, expected);
  return rempart_sync_report_copy (report);
}

/* ------------------------------------------------------------------------------------------ */
/* Tests                                                                                      */
/* ------------------------------------------------------------------------------------------ */

/* One refresh object runs twice on the fake clock: an import, then a 304. Its own signals
 * say so (there is no RempartSync here to emit anything). */
static void
test_run (Fixture *f, gconstpointer data)
{
  g_autoptr (RempartRefresh) refresh = new_refresh (f, TRUE);
  g_autoptr (GBytes) body = make_feed ("r", 3, -1, START_TIME + 86400);
  g_autoptr (RempartSyncReport) first = NULL;
  g_autoptr (RempartSyncReport) second = NULL;
  g_autoptr (RempartSubscription) sub = NULL;
  gint64 id = add_subscription (f, "/feed.json", FALSE);

  add_body_route (f, "/feed.json", "\"r1\"", body);
  first = run_one (refresh, id, REMPART_SYNC_OUTCOME_UPDATED);
  g_assert_cmpuint (first->stats.added, ==, 3);
  g_assert_false (first->is_signed);
  g_assert_cmpuint (count_actions (f, id, "r-3"), ==, 1);
  g_assert_cmpuint (f->changed_ids->len, ==, 1);
  g_assert_cmpint (g_array_index (f->changed_ids, gint64, 0), ==, id);
  g_assert_cmpuint (f->new_action_ids->len, ==, 1);
  g_assert_cmpint (g_array_index (f->new_action_ids, gint64, 0), ==, id);
  g_assert_cmpuint (g_array_index (f->new_action_counts, guint, 0), ==, 3);
  sub = get_sub (f, id);
  g_assert_cmpint (sub->last_check, ==, START_TIME);
  g_assert_cmpstr (sub->etag, ==, "\"r1\"");

  /* The clock is read at each run: the second one is 100 s later. */
  f->now += 100;
  second = run_one (refresh, id, REMPART_SYNC_OUTCOME_NOT_MODIFIED);
  g_assert_cmpuint (hits (f, "/feed.json"), ==, 2);
  g_assert_cmpuint (f->changed_ids->len, ==, 2);
  g_assert_cmpuint (f->new_action_ids->len, ==, 1);
  reload_sub (f, &sub, id);
  g_assert_cmpint (sub->last_check, ==, START_TIME + 100);
}

/* Without a clock, the real one. */
static void
test_real_clock (Fixture *f, gconstpointer data)
{
  g_autoptr (RempartRefresh) refresh = new_refresh (f, FALSE);
  g_autoptr (GBytes) body = make_feed ("c", 1, -1, 0);
  g_autoptr (RempartSyncReport) report = NULL;
  g_autoptr (RempartSubscription) sub = NULL;
  gint64 id = add_subscription (f, "/feed.json", FALSE);
  gint64 before;
  gint64 after;

  add_body_route (f, "/feed.json", NULL, body);
  before = g_get_real_time () / G_USEC_PER_SEC;
  report = run_one (refresh, id, REMPART_SYNC_OUTCOME_UPDATED);
  after = g_get_real_time () / G_USEC_PER_SEC;
  sub = get_sub (f, id);
  g_assert_cmpint (sub->last_check, >=, before);
  g_assert_cmpint (sub->last_check, <=, after);
}

/* Offline: every subscription is skipped, nothing is asked, saved or signalled. */
static void
test_offline (Fixture *f, gconstpointer data)
{
  g_autoptr (RempartRefresh) refresh = new_refresh (f, TRUE);
  g_autoptr (GBytes) body = make_feed ("o", 1, -1, 0);
  g_autoptr (RempartSyncReport) report = NULL;
  gint64 id = add_subscription (f, "/feed.json", FALSE);

  add_body_route (f, "/feed.json", NULL, body);
  rempart_test_monitor_set_available (f->monitor, FALSE);
  report = run_one (refresh, id, REMPART_SYNC_OUTCOME_SKIPPED_OFFLINE);
  g_assert_cmpuint (f->n_requests, ==, 0);
  g_assert_cmpuint (f->changed_ids->len, ==, 0);
  g_assert_cmpuint (count_actions (f, id, NULL), ==, 0);
}

static void
test_not_found (Fixture *f, gconstpointer data)
{
  g_autoptr (RempartRefresh) refresh = new_refresh (f, TRUE);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) reports = run (refresh, 4242, TRUE, NULL, &error);

  g_assert_error (error, REMPART_STORE_ERROR, REMPART_STORE_ERROR_NOT_FOUND);
  g_assert_null (reports);
  g_assert_cmpuint (f->n_requests, ==, 0);
}

/* Cancelled before it starts, and once the server has answered with a body it never
 * finishes: both end with G_IO_ERROR_CANCELLED, without a report, a signal or a change. */
static void
test_cancelled (Fixture *f, gconstpointer data)
{
  g_autoptr (RempartRefresh) refresh = new_refresh (f, TRUE);
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GCancellable) stall_cancellable = g_cancellable_new ();
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GError) stall_error = NULL;
  g_autoptr (GPtrArray) reports = NULL;
  g_autoptr (GPtrArray) stall_reports = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 id = add_subscription (f, "/feed.json", FALSE);
  guint guard;

  add_route (f, "/feed.json", SOUP_STATUS_OK)->kind = REPLY_STALL;
  before = snapshot (f);

  g_cancellable_cancel (cancellable);
  reports = run (refresh, id, TRUE, cancellable, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (reports);
  g_assert_cmpuint (f->n_requests, ==, 0);

  /* The fetcher's timeout is 30 s and the guard 10 s: only the cancellation ends this one. */
  rempart_refresh_run_async (refresh, id, TRUE, stall_cancellable, refresh_done_cb, &result);
  guard = g_timeout_add_seconds (GUARD_SECONDS, guard_cb, NULL);
  while (f->stalled->len == 0)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (guard);
  g_assert_null (result);
  g_cancellable_cancel (stall_cancellable);
  wait_for_result (&result);
  stall_reports = rempart_refresh_run_finish (refresh, result, &stall_error);
  g_assert_error (stall_error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (stall_reports);

  g_assert_cmpuint (f->n_requests, ==, 1);
  g_assert_cmpuint (f->changed_ids->len, ==, 0);
  g_assert_cmpuint (f->new_action_ids->len, ==, 0);
  after = snapshot (f);
  g_assert_cmpstr (after, ==, before);
}

/* Cancelled when the refresh queues the worker named @data: the scan (while the store reads
 * the known hashes at the same time) or the parse. */
typedef struct
{
  const char *name;
  GCancellable *cancellable;
  guint seen;
} CancelAt;

static void
cancel_at_queued_cb (GTask *task, gpointer user_data)
{
  CancelAt *at = user_data;

  if (g_strcmp0 (g_task_get_name (task), at->name) != 0)
    return;
  at->seen++;
  g_cancellable_cancel (at->cancellable);
}

/* Cancelled between the body and the import: G_IO_ERROR_CANCELLED, nothing saved, no signal,
 * no worker left running, and the next refresh imports the feed. */
static void
test_cancelled_while_reading (Fixture *f, gconstpointer data)
{
  static const char *const names[] = { "rempart-refresh-scan", "rempart-refresh-parse" };
  g_autoptr (RempartRefresh) refresh = new_refresh (f, TRUE);
  g_autoptr (GBytes) body = make_feed ("x", 300, -1, START_TIME + 86400);
  g_autoptr (RempartSyncReport) report = NULL;
  g_autofree char *before = NULL;
  gint64 id = add_subscription (f, "/feed.json", FALSE);

  add_body_route (f, "/feed.json", NULL, body);
  before = snapshot (f);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr (GCancellable) cancellable = g_cancellable_new ();
      g_autoptr (GError) error = NULL;
      g_autoptr (GPtrArray) reports = NULL;
      g_autofree char *after = NULL;
      CancelAt at = { names[i], cancellable, 0 };

      rempart_workers_set_queued_func_for_testing (cancel_at_queued_cb, &at);
      reports = run (refresh, id, TRUE, cancellable, &error);
      rempart_workers_set_queued_func_for_testing (NULL, NULL);
      g_test_message ("cancelled when %s was queued", names[i]);
      g_assert_cmpuint (at.seen, ==, 1);
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      g_assert_null (reports);
      g_assert_true (rempart_workers_wait (GUARD_SECONDS * 1000));
      g_assert_cmpuint (f->changed_ids->len, ==, 0);
      g_assert_cmpuint (f->new_action_ids->len, ==, 0);
      after = snapshot (f);
      g_assert_cmpstr (after, ==, before);
    }

  report = run_one (refresh, id, REMPART_SYNC_OUTCOME_UPDATED);
  g_assert_cmpuint (report->stats.added, ==, 300);
}

/* ------------------------------------------------------------------------------------------ */
/* Main                                                                                       */
/* ------------------------------------------------------------------------------------------ */

#define ADD_REFRESH(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup_without_sync, func, fixture_teardown)

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ADD_REFRESH ("/refresh/run", test_run);
  ADD_REFRESH ("/refresh/real-clock", test_real_clock);
  ADD_REFRESH ("/refresh/offline", test_offline);
  ADD_REFRESH ("/refresh/not-found", test_not_found);
  ADD_REFRESH ("/refresh/cancelled", test_cancelled);
  ADD_REFRESH ("/refresh/cancelled-while-reading", test_cancelled_while_reading);

  return g_test_run ();
}
