/* test-sync-backoff.c: Retry-After and the backoff after failures
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "sync-fixture.h"

/* ------------------------------------------------------------------------------------------ */
/* Tests: the server asks us to wait                                                          */
/* ------------------------------------------------------------------------------------------ */

/* The server answers @status with @retry_after; checks what is saved, that even a manual
 * refresh before the date sends nothing, and that the server is asked again exactly at the
 * date (so last_check - START_TIME - 10 is the delay). Returns the subscription. */
static gint64
check_retry_later (Fixture *f, guint status, const char *retry_after)
{
  g_autoptr (RempartSyncReport) report = NULL;
  g_autoptr (RempartSyncReport) skipped = NULL;
  g_autoptr (RempartSubscription) sub = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 id = import_first (f);
  guint n_hits;
  Route *route;

  before = snapshot (f);
  f->now += 10;
  route = add_route (f, "/feed.json", status);
  route->retry_after = g_strdup (retry_after);
  report = refresh_one (f, id, FALSE);
  assert_outcome (report, REMPART_SYNC_OUTCOME_RETRY_LATER);
  sub = get_sub (f, id);
  g_assert_cmpint (sub->retry_after, >, f->now);
  g_assert_cmpint (sub->next_check, ==, sub->retry_after);
  g_assert_cmpint (report->next_attempt, ==, sub->retry_after);
  g_assert_cmpint (sub->failures, ==, 0);
  g_assert_cmpint (sub->last_check, ==, f->now);
  g_assert_nonnull (sub->last_error);
  after = snapshot (f);
  g_assert_cmpstr (after, ==, before);

  /* Even a manual refresh waits for the date the server gave. */
  n_hits = f->n_requests;
  f->now = sub->retry_after - 1;
  skipped = refresh_one (f, id, TRUE);
  assert_outcome (skipped, REMPART_SYNC_OUTCOME_SKIPPED_BACKOFF);
  g_assert_cmpuint (f->n_requests, ==, n_hits);

  /* After it, the server is asked again (and says nothing changed). */
  g_clear_pointer (&report, rempart_sync_report_free);
  {
    g_autoptr (GBytes) body = make_feed ("first", 3, 1, START_TIME + 86400);

    add_body_route (f, "/feed.json", "\"v1\"", body);
  }
  f->now = sub->retry_after;
  report = refresh_one (f, id, FALSE);
  assert_outcome (report, REMPART_SYNC_OUTCOME_NOT_MODIFIED);
  g_assert_cmpuint (f->n_requests, ==, n_hits + 1);
  reload_sub (f, &sub, id);
  g_assert_cmpint (sub->retry_after, ==, 0);
  g_assert_null (sub->last_error);

  return id;
}

static void
test_retry_after_seconds (Fixture *f, gconstpointer data)
{
  g_autoptr (RempartSubscription) sub = NULL;

  sub = get_sub (f, check_retry_later (f, STATUS_TOO_MANY_REQUESTS, "120"));
  /* Saved as "now + 120": the 304 came exactly at that time. */
  g_assert_cmpint (sub->last_check, ==, START_TIME + 10 + 120);
}

static void
test_retry_after_date (Fixture *f, gconstpointer data)
{
  /* An HTTP date two hours from now (the real clock: the server's date is compared with
   * the real time when the header is read). */
  g_autoptr (GDateTime) real_now = g_date_time_new_now_utc ();
  g_autoptr (GDateTime) later = g_date_time_add_hours (real_now, 2);
  g_autofree char *date = soup_date_time_to_string (later, SOUP_DATE_HTTP);
  g_autoptr (RempartSubscription) sub = NULL;
  gint64 delay;

  sub = get_sub (f, check_retry_later (f, STATUS_TOO_MANY_REQUESTS, date));
  delay = sub->last_check - (START_TIME + 10);
  g_assert_cmpint (delay, >=, 2 * 3600 - 5);
  g_assert_cmpint (delay, <=, 2 * 3600);
}

static void
test_service_unavailable (Fixture *f, gconstpointer data)
{
  g_autoptr (RempartSubscription) sub = NULL;

  /* Without Retry-After: the fetcher's default for 503. */
  sub = get_sub (f, check_retry_later (f, SOUP_STATUS_SERVICE_UNAVAILABLE, NULL));
  g_assert_cmpint (sub->last_check, ==, START_TIME + 10 + REMPART_FETCH_DEFAULT_RETRY_AFTER_503);
}

/* ------------------------------------------------------------------------------------------ */
/* Tests: backoff after failures                                                              */
/* ------------------------------------------------------------------------------------------ */

static void
assert_backoff (const RempartSubscription *sub, gint64 now_seconds, gint64 base)
{
  gint64 delay = sub->next_check - now_seconds;

  g_assert_cmpint (delay, >=, (gint64) (base * (1.0 - REMPART_SYNC_BACKOFF_JITTER)));
  g_assert_cmpint (delay, <=, (gint64) (base * (1.0 + REMPART_SYNC_BACKOFF_JITTER)));
}

static void
test_backoff (Fixture *f, gconstpointer data)
{
  g_autoptr (RempartSyncReport) report = NULL;
  g_autoptr (RempartSubscription) sub = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 id = import_first (f);
  guint n_hits;

  before = snapshot (f);
  add_route (f, "/feed.json", SOUP_STATUS_INTERNAL_SERVER_ERROR);

  report = refresh_one (f, id, FALSE);
  assert_outcome (report, REMPART_SYNC_OUTCOME_FAILED);
  g_assert_nonnull (strstr (report->message, "500"));
  sub = get_sub (f, id);
  g_assert_cmpint (sub->failures, ==, 1);
  assert_backoff (sub, f->now, 60);
  g_assert_cmpint (report->next_attempt, ==, sub->next_check);
  g_assert_cmpstr (sub->last_error, ==, report->message);
  g_assert_cmpint (sub->last_success, ==, START_TIME);

  /* Second failure, once the first wait is over: 120 s ± 20 %. */
  f->now = sub->next_check;
  refresh_again (f, &report, id, FALSE, REMPART_SYNC_OUTCOME_FAILED);
  reload_sub (f, &sub, id);
  g_assert_cmpint (sub->failures, ==, 2);
  assert_backoff (sub, f->now, 120);
  after = snapshot (f);
  g_assert_cmpstr (after, ==, before);

  /* During the wait an automatic refresh does not ask... */
  n_hits = f->n_requests;
  f->now += 30;
  refresh_again (f, &report, id, FALSE, REMPART_SYNC_OUTCOME_SKIPPED_BACKOFF);
  g_assert_cmpuint (f->n_requests, ==, n_hits);

  /* ...a manual one does. */
  refresh_again (f, &report, id, TRUE, REMPART_SYNC_OUTCOME_FAILED);
  g_assert_cmpuint (f->n_requests, ==, n_hits + 1);
  reload_sub (f, &sub, id);
  g_assert_cmpint (sub->failures, ==, 3);
  assert_backoff (sub, f->now, 240);

  /* The cap: a day, whatever the number of failures. */
  sub->failures = 40;
  rempart_store_update_subscription_sync (f->store, sub, NULL);
  f->now = sub->next_check;
  refresh_again (f, &report, id, FALSE, REMPART_SYNC_OUTCOME_FAILED);
  reload_sub (f, &sub, id);
  g_assert_cmpint (sub->failures, ==, 41);
  assert_backoff (sub, f->now, REMPART_SYNC_BACKOFF_MAX);

  /* The server is back: everything is forgotten. */
  {
    g_autoptr (GBytes) body = make_feed ("first", 3, 1, START_TIME + 86400);

    add_body_route (f, "/feed.json", "\"v1\"", body);
  }
  refresh_again (f, &report, id, TRUE, REMPART_SYNC_OUTCOME_NOT_MODIFIED);
  reload_sub (f, &sub, id);
  g_assert_cmpint (sub->failures, ==, 0);
  g_assert_cmpint (sub->next_check, ==, 0);
  g_assert_null (sub->last_error);
  g_assert_cmpint (sub->last_success, ==, f->now);
}

/* ------------------------------------------------------------------------------------------ */
/* Main                                                                                       */
/* ------------------------------------------------------------------------------------------ */

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ADD ("/sync/retry-after/seconds", test_retry_after_seconds);
  ADD ("/sync/retry-after/date", test_retry_after_date);
  ADD ("/sync/retry-after/service-unavailable", test_service_unavailable);
  ADD ("/sync/backoff", test_backoff);

  return g_test_run ();
}
