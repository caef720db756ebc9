/* test-sync-schedule.c: several subscriptions, offline, signals, the queue and automatic refreshes
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sync-fixture.h"

/* ------------------------------------------------------------------------------------------ */
/* Tests: several subscriptions, offline, signals, queue                                      */
/* ------------------------------------------------------------------------------------------ */

static void
test_offline (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) reports = NULL;
  g_autoptr (RempartSubscription) sub = NULL;
  g_autoptr (GBytes) body = make_feed ("b", 1, -1, 0);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 a = import_first (f);
  gint64 b = add_subscription (f, "/b.json", FALSE);
  guint n_hits = f->n_requests;
  guint n_changed = f->changed_ids->len;

  add_body_route (f, "/b.json", NULL, body);
  before = snapshot (f);
  rempart_test_monitor_set_available (f->monitor, FALSE);
  f->now += 3600;

  for (int manual = 0; manual <= 1; manual++)
    {
      g_clear_pointer (&reports, g_ptr_array_unref);
      reports = refresh_full (f, 0, manual, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (reports->len, ==, 2);
      for (guint i = 0; i < reports->len; i++)
        {
          RempartSyncReport *report = g_ptr_array_index (reports, i);

          assert_outcome (report, REMPART_SYNC_OUTCOME_SKIPPED_OFFLINE);
          g_assert_true (report->subscription_id == a || report->subscription_id == b);
        }
    }

  g_assert_cmpuint (f->n_requests, ==, n_hits);
  g_assert_cmpuint (f->changed_ids->len, ==, n_changed);
  after = snapshot (f);
  g_assert_cmpstr (after, ==, before);
  sub = get_sub (f, a);
  g_assert_cmpint (sub->last_check, ==, START_TIME);
}

static void
test_two_subscriptions (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) reports = NULL;
  g_autoptr (GBytes) body = make_feed ("b", 2, -1, 0);
  g_autofree char *before = NULL;
  gint64 a = import_first (f);
  gint64 b = add_subscription (f, "/b.json", FALSE);
  gboolean seen_a = FALSE;
  gboolean seen_b = FALSE;

  before = snapshot (f);
  add_route (f, "/feed.json", SOUP_STATUS_INTERNAL_SERVER_ERROR);
  add_body_route (f, "/b.json", "\"b\"", body);

  reports = refresh_full (f, 0, FALSE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reports->len, ==, 2);
  for (guint i = 0; i < reports->len; i++)
    {
      RempartSyncReport *report = g_ptr_array_index (reports, i);

      if (report->subscription_id == a)
        {
          assert_outcome (report, REMPART_SYNC_OUTCOME_FAILED);
          seen_a = TRUE;
        }
      else
        {
          g_assert_cmpint (report->subscription_id, ==, b);
          assert_outcome (report, REMPART_SYNC_OUTCOME_UPDATED);
          g_assert_cmpuint (report->stats.added, ==, 2);
          seen_b = TRUE;
        }
    }
  g_assert_true (seen_a && seen_b);
  g_assert_cmpuint (count_actions (f, a, NULL), ==, 3);
  g_assert_cmpuint (count_actions (f, b, "b-1"), ==, 1);
  g_assert_cmpuint (count_actions (f, b, "b-2"), ==, 1);
}

static void
test_signals (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) reports = NULL;
  g_autoptr (GBytes) a_body = make_feed ("a", 3, -1, 0);
  g_autoptr (GBytes) a_more = make_feed ("a", 4, -1, 0);
  g_autoptr (GBytes) a_edit = make_feed ("a", 4, -1, 1);
  gint64 a = add_subscription (f, "/a.json", FALSE);
  gint64 b = add_subscription (f, "/b.json", FALSE);

  add_body_route (f, "/a.json", "\"a1\"", a_body);
  add_route (f, "/b.json", SOUP_STATUS_INTERNAL_SERVER_ERROR);

  /* A: imported (changed + 3 new); B: failed (changed, its bookkeeping was saved). */
  reports = refresh_full (f, 0, FALSE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (f->changed_ids->len, ==, 2);
  g_assert_cmpint (g_array_index (f->changed_ids, gint64, 0), ==, a);
  g_assert_cmpint (g_array_index (f->changed_ids, gint64, 1), ==, b);
  g_assert_cmpuint (f->new_action_ids->len, ==, 1);
  g_assert_cmpint (g_array_index (f->new_action_ids, gint64, 0), ==, a);
  g_assert_cmpuint (g_array_index (f->new_action_counts, guint, 0), ==, 3);

  /* A again, one more action. B is in backoff: skipped, nothing saved, no signal. */
  g_clear_pointer (&reports, g_ptr_array_unref);
  add_body_route (f, "/a.json", "\"a2\"", a_more);
  reports = refresh_full (f, 0, FALSE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (f->changed_ids->len, ==, 3);
  g_assert_cmpint (g_array_index (f->changed_ids, gint64, 2), ==, a);
  g_assert_cmpuint (f->new_action_ids->len, ==, 2);
  g_assert_cmpuint (g_array_index (f->new_action_counts, guint, 1), ==, 1);

  /* A changed without new actions: changed, but no new-actions; A again: a 304, changed. */
  g_clear_pointer (&reports, g_ptr_array_unref);
  add_body_route (f, "/a.json", "\"a3\"", a_edit);
  reports = refresh_full (f, a, FALSE, NULL, &error);
  g_assert_no_error (error);
  g_clear_pointer (&reports, g_ptr_array_unref);
  reports = refresh_full (f, a, FALSE, NULL, &error);
  g_assert_no_error (error);
  assert_outcome ((RempartSyncReport *) g_ptr_array_index (reports, 0),
                  REMPART_SYNC_OUTCOME_NOT_MODIFIED);
  g_assert_cmpuint (f->changed_ids->len, ==, 5);
  g_assert_cmpuint (f->new_action_ids->len, ==, 2);
}

static void
queued_done_cb (GObject *object, GAsyncResult *result, gpointer user_data)
{
  GPtrArray *order = user_data;

  g_ptr_array_add (order, g_object_ref (result));
}

static void
test_queue (Fixture *f, gconstpointer data)
{
  g_autoptr (GPtrArray) order = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) first = NULL;
  g_autoptr (GPtrArray) second = NULL;
  g_autoptr (GPtrArray) third = NULL;
  gint64 id = import_first (f);
  guint guard;

  /* Three at once: they run one after the other, in order; the third, cancelled while
   * waiting, never reaches the server. */
  f->now += 10;
  guard = g_timeout_add_seconds (GUARD_SECONDS, guard_cb, NULL);
  rempart_sync_refresh_async (f->sync, id, TRUE, NULL, queued_done_cb, order);
  rempart_sync_refresh_async (f->sync, 0, TRUE, NULL, queued_done_cb, order);
  rempart_sync_refresh_async (f->sync, 0, TRUE, cancellable, queued_done_cb, order);
  g_cancellable_cancel (cancellable);
  while (order->len < 3)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (guard);

  first = rempart_sync_refresh_finish (f->sync, order->pdata[0], &error);
  g_assert_no_error (error);
  second = rempart_sync_refresh_finish (f->sync, order->pdata[1], &error);
  g_assert_no_error (error);
  third = rempart_sync_refresh_finish (f->sync, order->pdata[2], &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (third);
  assert_outcome ((RempartSyncReport *) g_ptr_array_index (first, 0),
                  REMPART_SYNC_OUTCOME_NOT_MODIFIED);
  assert_outcome ((RempartSyncReport *) g_ptr_array_index (second, 0),
                  REMPART_SYNC_OUTCOME_NOT_MODIFIED);
  g_assert_cmpuint (hits (f, "/feed.json"), ==, 3);
}

/* ------------------------------------------------------------------------------------------ */
/* Tests: automatic refreshes                                                                 */
/* ------------------------------------------------------------------------------------------ */

/* Iterates until ::subscription-changed was emitted @n times in all, failing after the
 * guard. */
static void
wait_for_changed (Fixture *f, guint n)
{
  guint guard = g_timeout_add_seconds (GUARD_SECONDS, guard_cb, NULL);

  while (f->changed_ids->len < n)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (guard);
}

static void
test_start_stop (Fixture *f, gconstpointer data)
{
  g_autoptr (GBytes) body = make_feed ("auto", 1, -1, 0);
  gint64 id = add_subscription (f, "/feed.json", FALSE);
  guint n;

  add_body_route (f, "/feed.json", "\"auto\"", body);

  /* Started offline: no refresh now, none at the one-second ticks. */
  rempart_test_monitor_set_available (f->monitor, FALSE);
  rempart_sync_start (f->sync, 1);
  g_assert_true (rempart_sync_is_running (f->sync));
  rempart_test_spin (2500);
  g_assert_cmpuint (f->n_requests, ==, 0);

  /* Back online: one refresh after the debounce, not one per change. */
  rempart_sync_stop (f->sync);
  rempart_sync_start (f->sync, 3600);
  rempart_test_monitor_set_available (f->monitor, TRUE);
  rempart_test_monitor_set_available (f->monitor, FALSE);
  rempart_test_monitor_set_available (f->monitor, TRUE);
  wait_for_changed (f, 1);
  rempart_test_spin (200);
  g_assert_cmpuint (f->n_requests, ==, 1);
  g_assert_cmpuint (f->changed_ids->len, ==, 1);
  g_assert_cmpuint (count_actions (f, id, "auto-1"), ==, 1);

  /* Started online: a refresh at once (a 304 now). */
  rempart_sync_stop (f->sync);
  g_assert_false (rempart_sync_is_running (f->sync));
  f->now += 10;
  rempart_sync_start (f->sync, 3600);
  wait_for_changed (f, 2);
  g_assert_cmpuint (f->n_requests, ==, 2);
  rempart_sync_stop (f->sync);

  /* Stopped: nothing more, even when the network comes back. */
  n = f->n_requests;
  rempart_test_monitor_set_available (f->monitor, FALSE);
  rempart_test_monitor_set_available (f->monitor, TRUE);
  rempart_test_spin (REMPART_SYNC_ONLINE_DEBOUNCE * 1000 + 500);
  g_assert_cmpuint (f->n_requests, ==, n);
}

/* ------------------------------------------------------------------------------------------ */
/* Main                                                                                       */
/* ------------------------------------------------------------------------------------------ */

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ADD ("/sync/offline", test_offline);
  ADD ("/sync/two-subscriptions", test_two_subscriptions);
  ADD ("/sync/signals", test_signals);
  ADD ("/sync/queue", test_queue);
  ADD ("/sync/start-stop", test_start_stop);

  return g_test_run ();
}
