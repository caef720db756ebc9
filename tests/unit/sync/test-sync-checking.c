/* test-sync-checking.c: a server too slow to wait for, the group being checked, cancelling
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sync-fixture.h"

/* ------------------------------------------------------------------------------------------ */
/* Helpers                                                                                    */
/* ------------------------------------------------------------------------------------------ */

static void
checking_notify_cb (RempartSync *sync, GParamSpec *pspec, GArray *seen)
{
  gint64 id = rempart_sync_get_checking_subscription (sync);

  g_array_append_val (seen, id);
}

static gboolean
array_contains (GArray *array, gint64 id)
{
  for (guint i = 0; i < array->len; i++)
    if (g_array_index (array, gint64, i) == id)
      return TRUE;
  return FALSE;
}

/* ------------------------------------------------------------------------------------------ */
/* Tests                                                                                      */
/* ------------------------------------------------------------------------------------------ */

/* A server sending a byte every 300 ms never trips the 5-second read timeout: the fetch's
 * deadline ends it, its group gets a failure report, and the next group is checked. */
static void
test_trickle_moves_on (Fixture *f, gconstpointer data)
{
  g_autoptr (GBytes) body = make_feed ("b", 2, -1, START_TIME + 86400);
  g_autoptr (GArray) seen = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GPtrArray) reports = NULL;
  g_autoptr (GError) error = NULL;
  RempartSyncReport *slow_report;
  RempartSyncReport *fast_report;
  gint64 slow_id;
  gint64 fast_id;
  gint64 start;

  rempart_fetcher_set_timeout (f->fetcher, 5);
  rempart_fetcher_set_deadline (f->fetcher, 2);
  slow_id = add_subscription (f, "/slow.json", FALSE);
  fast_id = add_subscription (f, "/fast.json", FALSE);
  add_route (f, "/slow.json", SOUP_STATUS_OK)->kind = REPLY_TRICKLE;
  add_body_route (f, "/fast.json", "\"b1\"", body);
  g_signal_connect (f->sync, "notify::checking-subscription", G_CALLBACK (checking_notify_cb),
                    seen);

  start = g_get_monotonic_time ();
  reports = refresh_full (f, 0, FALSE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 6 * G_USEC_PER_SEC);
  g_assert_cmpuint (reports->len, ==, 2);

  slow_report = g_ptr_array_index (reports, 0);
  fast_report = g_ptr_array_index (reports, 1);
  if (slow_report->subscription_id != slow_id)
    {
      RempartSyncReport *swap = slow_report;

      slow_report = fast_report;
      fast_report = swap;
    }
  g_assert_cmpint (slow_report->subscription_id, ==, slow_id);
  assert_outcome (slow_report, REMPART_SYNC_OUTCOME_FAILED);
  g_assert_nonnull (strstr (slow_report->message, "within 2 seconds"));
  assert_outcome (fast_report, REMPART_SYNC_OUTCOME_UPDATED);
  g_assert_cmpuint (count_actions (f, fast_id, NULL), ==, 2);
  g_assert_cmpuint (f->trickles->len, ==, 1);

  /* Each group was announced, and the sync says it is idle again. */
  g_assert_true (array_contains (seen, slow_id));
  g_assert_true (array_contains (seen, fast_id));
  g_assert_cmpint (g_array_index (seen, gint64, seen->len - 1), ==, 0);
  g_assert_cmpint (rempart_sync_get_checking_subscription (f->sync), ==, 0);
}

static void
cancel_when_checking_cb (RempartSync *sync, GParamSpec *pspec, gpointer user_data)
{
  if (rempart_sync_get_checking_subscription (sync) == (gint64) GPOINTER_TO_SIZE (user_data))
    rempart_sync_cancel_refresh (sync);
}

/* The volunteer cancels while a group is being checked: the refresh ends cancelled, nothing
 * is saved for that group, and the next refresh runs as usual. */
static void
test_cancel_refresh (Fixture *f, gconstpointer data)
{
  g_autoptr (GPtrArray) reports = NULL;
  g_autoptr (GPtrArray) again = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (RempartSubscription) sub = NULL;
  g_autoptr (GBytes) body = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 id;

  /* Nothing idle while not refreshing. */
  rempart_sync_cancel_refresh (f->sync);

  rempart_fetcher_set_deadline (f->fetcher, 8);
  id = add_subscription (f, "/slow.json", FALSE);
  add_route (f, "/slow.json", SOUP_STATUS_OK)->kind = REPLY_TRICKLE;
  before = snapshot (f);
  g_signal_connect (f->sync, "notify::checking-subscription", G_CALLBACK (cancel_when_checking_cb),
                    GSIZE_TO_POINTER ((gsize) id));

  reports = refresh_full (f, 0, TRUE, NULL, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (reports);
  g_assert_cmpint (rempart_sync_get_checking_subscription (f->sync), ==, 0);
  g_assert_cmpuint (f->changed_ids->len, ==, 0);
  after = snapshot (f);
  g_assert_cmpstr (after, ==, before);
  sub = get_sub (f, id);
  g_assert_cmpint (sub->failures, ==, 0);

  /* The next one runs (and is not cancelled by the last one's button). */
  g_signal_handlers_disconnect_by_func (f->sync, cancel_when_checking_cb,
                                        GSIZE_TO_POINTER ((gsize) id));
  g_clear_error (&error);
  body = make_feed ("a", 1, -1, START_TIME + 86400);
  add_body_route (f, "/slow.json", "\"v1\"", body);
  again = refresh_full (f, 0, TRUE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (again->len, ==, 1);
  assert_outcome ((RempartSyncReport *) g_ptr_array_index (again, 0), REMPART_SYNC_OUTCOME_UPDATED);
}

/* ------------------------------------------------------------------------------------------ */
/* Main                                                                                       */
/* ------------------------------------------------------------------------------------------ */

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ADD ("/sync/checking/trickle-moves-on", test_trickle_moves_on);
  ADD ("/sync/checking/cancel", test_cancel_refresh);

  return g_test_run ();
}
