/* test-sync-signature.c: signed feeds, rollbacks and redirects
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "rempart-workers.h"
#include "sync-fixture.h"

/* ------------------------------------------------------------------------------------------ */
/* Tests: signatures                                                                          */
/* ------------------------------------------------------------------------------------------ */

static void
check_bad_signature (Fixture *f, gint64 id, const char *expected_in_message)
{
  g_autoptr (RempartSyncReport) report = NULL;
  g_autoptr (RempartSubscription) sub = NULL;
  g_autofree char *before = snapshot (f);
  g_autofree char *after = NULL;

  f->now += 10;
  report = refresh_one (f, id, FALSE);
  assert_outcome (report, REMPART_SYNC_OUTCOME_BAD_SIGNATURE);
  g_assert_nonnull (strstr (report->message, expected_in_message));
  after = snapshot (f);
  g_assert_cmpstr (after, ==, before);
  sub = get_sub (f, id);
  g_assert_cmpstr (sub->etag, ==, "\"s1\"");
  g_assert_true (sub->is_signed);
  g_assert_cmpint (sub->failures, ==, 1);
  g_assert_cmpint (sub->next_check, >, f->now);
  /* Saved, so that the window offers to correct the key. */
  g_assert_cmpint (sub->failure_kind, ==, REMPART_CHECK_FAILURE_KEY);
}

static void
test_signature_missing (Fixture *f, gconstpointer data)
{
  g_autoptr (GBytes) body = make_feed ("unsigned", 1, 2, START_TIME + 86400);
  gint64 id = import_first_signed (f, 1);

  add_body_route (f, "/signed.json", "\"s2\"", body);
  g_hash_table_remove (f->routes, "/signed.json.minisig");
  check_bad_signature (f, id, "signed.json.minisig");
}

static void
test_signature_bad (Fixture *f, gconstpointer data)
{
  g_autoptr (GBytes) body = make_feed ("tampered", 1, 2, START_TIME + 86400);
  gint64 id = import_first_signed (f, 1);

  /* New content, the old signature. */
  add_body_route (f, "/signed.json", "\"s2\"", body);
  check_bad_signature (f, id, "signed.json");
}

static void
test_signature_other_key (Fixture *f, gconstpointer data)
{
  g_autoptr (GBytes) body = make_feed ("other", 1, 2, START_TIME + 86400);
  gint64 id = import_first_signed (f, 1);

  /* A second key pair in the same fixture: the feed is signed, but not by the group. */
  g_clear_pointer (&f->public_key, rempart_minisign_public_key_unref);
  g_clear_pointer (&f->secret_key, rempart_minisign_secret_key_unref);
  g_clear_pointer (&f->public_key_line, g_free);
  make_keys (f);
  serve_signed (f, "/signed.json", "\"s2\"", body);
  check_bad_signature (f, id, "signed.json");
}

static void
test_rollback (Fixture *f, gconstpointer data)
{
  g_autoptr (GBytes) older = make_feed ("older", 4, 4, START_TIME + 86400);
  g_autoptr (GBytes) same = make_feed ("same", 1, 5, START_TIME + 86400);
  g_autoptr (RempartSyncReport) report = NULL;
  g_autoptr (RempartSubscription) sub = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 id = import_first_signed (f, 5);

  before = snapshot (f);
  serve_signed (f, "/signed.json", "\"s4\"", older);
  report = refresh_one (f, id, FALSE);
  assert_outcome (report, REMPART_SYNC_OUTCOME_ROLLBACK);
  after = snapshot (f);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (count_actions (f, id, "older-1"), ==, 0);
  sub = get_sub (f, id);
  g_assert_cmpint (sub->last_seq, ==, 5);
  g_assert_cmpstr (sub->etag, ==, "\"s1\"");

  /* The same seq again (a corrected publish) is not a rollback. */
  serve_signed (f, "/signed.json", "\"s5\"", same);
  f->now = sub->next_check;
  refresh_again (f, &report, id, FALSE, REMPART_SYNC_OUTCOME_UPDATED);
  g_assert_cmpuint (count_actions (f, id, "same-1"), ==, 1);
}

static void
test_redirect_verified (Fixture *f, gconstpointer data)
{
  g_autoptr (GBytes) body = make_feed ("moved", 2, 3, START_TIME + 86400);
  g_autoptr (RempartSyncReport) report = NULL;
  g_autoptr (RempartSubscription) sub = NULL;
  g_autofree char *new_url = url (f, "/new/feed.json");
  gint64 id = add_subscription (f, "/old.json", TRUE);

  add_route (f, "/old.json", SOUP_STATUS_MOVED_PERMANENTLY)->location = g_strdup ("/new/feed.json");
  serve_signed (f, "/new/feed.json", "\"m\"", body);
  report = refresh_one (f, id, FALSE);
  assert_outcome (report, REMPART_SYNC_OUTCOME_UPDATED);
  g_assert_true (report->is_signed);
  sub = get_sub (f, id);
  g_assert_cmpstr (sub->url, ==, new_url);
  g_assert_cmpint (sub->last_seq, ==, 3);
  g_assert_cmpuint (count_actions (f, id, "moved-1"), ==, 1);
}

static void
test_redirect_bad_signature (Fixture *f, gconstpointer data)
{
  g_autoptr (GBytes) body = make_feed ("hijack", 2, 9, START_TIME + 86400);
  g_autoptr (GBytes) other = make_feed ("something else", 1, 9, 0);
  g_autoptr (GBytes) wrong_sig = NULL;
  g_autoptr (RempartSubscription) sub = NULL;
  g_autofree char *old_url = url (f, "/signed.json");
  gint64 id = import_first_signed (f, 1);

  /* Moved for good to a feed whose signature does not match. */
  add_route (f, "/signed.json", SOUP_STATUS_MOVED_PERMANENTLY)->location =
      g_strdup ("/elsewhere.json");
  wrong_sig = sign (f, other);
  add_body_route (f, "/elsewhere.json", "\"h\"", body);
  add_body_route (f, "/elsewhere.json.minisig", NULL, wrong_sig);
  check_bad_signature (f, id, "elsewhere.json");
  sub = get_sub (f, id);
  g_assert_cmpstr (sub->url, ==, old_url);
}

static void
test_unsigned_report (Fixture *f, gconstpointer data)
{
  g_autoptr (RempartSubscription) sub = NULL;
  g_autoptr (GBytes) body = make_feed ("u", 1, 7, 0);
  g_autoptr (RempartSyncReport) report = NULL;
  gint64 id = add_subscription (f, "/feed.json", FALSE);

  /* A signature lies next to the feed, but without a pinned key it means nothing. */
  serve_signed (f, "/feed.json", "\"u\"", body);
  report = refresh_one (f, id, FALSE);
  assert_outcome (report, REMPART_SYNC_OUTCOME_UPDATED);
  g_assert_false (report->is_signed);
  g_assert_cmpuint (hits (f, "/feed.json.minisig"), ==, 0);
  sub = get_sub (f, id);
  g_assert_false (sub->is_signed);
}

/* ------------------------------------------------------------------------------------------ */
/* Tests: the scan beside the signature's check                                               */
/* ------------------------------------------------------------------------------------------ */

#define SCAN   "rempart-refresh-scan"
#define VERIFY "rempart-fetch-verify"
#define PARSE  "rempart-refresh-parse"

/* The names of the workers queued, in order. */
static void
record_queued_cb (GTask *task, gpointer user_data)
{
  g_ptr_array_add (user_data, g_strdup (g_task_get_name (task)));
}

static int
first_index (GPtrArray *names, const char *name)
{
  for (guint i = 0; i < names->len; i++)
    if (g_strcmp0 (g_ptr_array_index (names, i), name) == 0)
      return (int) i;
  return -1;
}

static guint
count_named (GPtrArray *names, const char *name)
{
  guint n = 0;

  for (guint i = 0; i < names->len; i++)
    n += g_strcmp0 (g_ptr_array_index (names, i), name) == 0;
  return n;
}

static void
store_answered_cb (GObject *object, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GPtrArray) subs = NULL;

  subs = rempart_store_list_subscriptions_finish (REMPART_STORE (object), result, NULL);
  *(gboolean *) user_data = TRUE;
}

/* Runs the main context until the scan and (@with_check) the signature's check were queued, every
 * worker but the one behind the gate is done, the store has answered what was asked of it
 * before (its jobs run in order) and nothing is left to dispatch. */
static void
settle_at_gate (Fixture *f, GPtrArray *names, gboolean with_check)
{
  gint64 deadline = g_get_monotonic_time () + GUARD_SECONDS * G_TIME_SPAN_SECOND;
  gboolean answered = FALSE;

  while (first_index (names, SCAN) < 0 || (with_check && first_index (names, VERIFY) < 0) ||
         rempart_workers_get_running () > 1)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }

  rempart_store_list_subscriptions_async (f->store, NULL, store_answered_cb, &answered);
  while (!answered)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
  for (guint i = 0; i < 1000 && g_main_context_iteration (NULL, FALSE); i++)
    ;
}

/* Opens the test gate, runs the main context until the refresh has returned into *@result
 * (under the guard), then takes the gate and the queued function away. */
static void
open_gate_until_done (GAsyncResult **result)
{
  guint guard = g_timeout_add_seconds (GUARD_SECONDS, guard_cb, NULL);

  rempart_workers_open_gate_for_testing ();
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (guard);
  rempart_workers_set_gate_for_testing (NULL);
  rempart_workers_set_queued_func_for_testing (NULL, NULL);
}

/* Refreshes @id with the worker named @gate held until everything else has settled, and
 * returns the refresh's reports; the workers queued are added to @names. */
static GPtrArray *
refresh_with_gate (Fixture *f, gint64 id, const char *gate, GPtrArray *names)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  GPtrArray *reports;

  rempart_workers_set_queued_func_for_testing (record_queued_cb, names);
  rempart_workers_set_gate_for_testing (gate);
  rempart_sync_refresh_async (f->sync, id, TRUE, NULL, refresh_done_cb, &result);
  settle_at_gate (f, names, TRUE);

  /* The scan started before the signature was checked, and nothing was parsed before it
   * was accepted. */
  g_assert_cmpint (first_index (names, SCAN), <, first_index (names, VERIFY));
  g_assert_cmpint (first_index (names, PARSE), ==, -1);
  g_assert_null (result);

  open_gate_until_done (&result);
  g_assert_true (rempart_workers_wait (GUARD_SECONDS * 1000));

  reports = rempart_sync_refresh_finish (f->sync, result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (reports);
  g_assert_cmpuint (reports->len, ==, 1);
  return reports;
}

/* A signed feed's body is scanned, and the store reads the hashes it holds, while the
 * signature is downloaded and checked: with the check done last (the steps wait for the
 * fetch), and with the scan done last (the fetch's result waits for the steps). */
static void
test_scan_beside_check (Fixture *f, gconstpointer data)
{
  static const char *const gates[] = { VERIFY, SCAN };
  gint64 id = import_first_signed (f, 1);

  for (guint i = 0; i < G_N_ELEMENTS (gates); i++)
    {
      g_autofree char *tag = g_strdup_printf ("beside%u", i);
      g_autofree char *first = g_strdup_printf ("%s-1", tag);
      g_autofree char *last = g_strdup_printf ("%s-300", tag);
      g_autofree char *etag = g_strdup_printf ("\"b%u\"", i);
      g_autoptr (GBytes) body = make_feed (tag, 300, i + 2, START_TIME + 86400);
      g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
      g_autoptr (GPtrArray) reports = NULL;
      RempartSyncReport *report;

      g_test_message ("%s held", gates[i]);
      serve_signed (f, "/signed.json", etag, body);
      reports = refresh_with_gate (f, id, gates[i], names);
      report = g_ptr_array_index (reports, 0);
      assert_outcome (report, REMPART_SYNC_OUTCOME_UPDATED);
      g_assert_true (report->is_signed);
      g_assert_cmpuint (report->stats.added, ==, 300);
      g_assert_cmpuint (count_named (names, SCAN), ==, 1);
      g_assert_cmpuint (count_named (names, PARSE), ==, 1);
      g_assert_cmpuint (count_actions (f, id, first), ==, 1);
      g_assert_cmpuint (count_actions (f, id, last), ==, 1);
    }
}

/* A body whose signature does not match was scanned all the same, in either order: it is
 * never parsed, nothing changes, and the next feed that verifies is imported. */
static void
test_bad_beside_scan (Fixture *f, gconstpointer data)
{
  static const char *const gates[] = { VERIFY, SCAN };
  g_autoptr (GBytes) good = make_feed ("good", 3, 3, START_TIME + 86400);
  g_autoptr (RempartSyncReport) report = NULL;
  gint64 id = import_first_signed (f, 1);

  for (guint i = 0; i < G_N_ELEMENTS (gates); i++)
    {
      g_autofree char *tag = g_strdup_printf ("tampered%u", i);
      g_autofree char *first = g_strdup_printf ("%s-1", tag);
      g_autoptr (GBytes) body = make_feed (tag, 300, 2, START_TIME + 86400);
      g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
      g_autoptr (GPtrArray) reports = NULL;
      g_autofree char *before = snapshot (f);
      g_autofree char *after = NULL;
      RempartSyncReport *bad;

      g_test_message ("%s held", gates[i]);
      /* New content, the old signature. */
      add_body_route (f, "/signed.json", "\"t\"", body);
      reports = refresh_with_gate (f, id, gates[i], names);
      bad = g_ptr_array_index (reports, 0);
      assert_outcome (bad, REMPART_SYNC_OUTCOME_BAD_SIGNATURE);
      g_assert_cmpuint (count_named (names, SCAN), ==, 1);
      g_assert_cmpuint (count_named (names, PARSE), ==, 0);
      g_assert_cmpuint (count_actions (f, id, first), ==, 0);
      after = snapshot (f);
      g_assert_cmpstr (after, ==, before);
    }

  serve_signed (f, "/signed.json", "\"g\"", good);
  report = refresh_one (f, id, TRUE);
  assert_outcome (report, REMPART_SYNC_OUTCOME_UPDATED);
  g_assert_cmpuint (count_actions (f, id, "good-3"), ==, 1);
}

typedef struct
{
  GPtrArray *names;
  GCancellable *cancellable;
} CancelAt;

static void
cancel_at_scan_cb (GTask *task, gpointer user_data)
{
  CancelAt *at = user_data;

  record_queued_cb (task, at->names);
  if (g_strcmp0 (g_task_get_name (task), SCAN) == 0)
    g_cancellable_cancel (at->cancellable);
}

/* Cancelled as the scan starts, before the signature is downloaded: the refresh waits for
 * the scan (held back here) before it ends cancelled, and changes nothing. */
static void
test_cancelled_beside_check (Fixture *f, gconstpointer data)
{
  g_autoptr (GBytes) body = make_feed ("late", 300, 2, START_TIME + 86400);
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GPtrArray) reports = NULL;
  g_autoptr (RempartSyncReport) report = NULL;
  g_autoptr (GError) error = NULL;
  gint64 id = import_first_signed (f, 1);
  g_autofree char *before = snapshot (f);
  g_autofree char *after = NULL;
  CancelAt at = { names, cancellable };

  serve_signed (f, "/signed.json", "\"l\"", body);
  rempart_workers_set_queued_func_for_testing (cancel_at_scan_cb, &at);
  rempart_workers_set_gate_for_testing (SCAN);
  rempart_sync_refresh_async (f->sync, id, TRUE, cancellable, refresh_done_cb, &result);
  settle_at_gate (f, names, FALSE);
  g_assert_true (g_cancellable_is_cancelled (cancellable));
  g_assert_null (result);

  open_gate_until_done (&result);

  reports = rempart_sync_refresh_finish (f->sync, result, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (reports);
  g_assert_cmpuint (count_named (names, PARSE), ==, 0);
  g_assert_true (rempart_workers_wait (GUARD_SECONDS * 1000));
  after = snapshot (f);
  g_assert_cmpstr (after, ==, before);

  report = refresh_one (f, id, TRUE);
  assert_outcome (report, REMPART_SYNC_OUTCOME_UPDATED);
  g_assert_cmpuint (report->stats.added, ==, 300);
}

typedef struct
{
  Fixture *f;
  GPtrArray *names;
  GBytes *body;
  gboolean swapped;
} SwapAt;

/* The first signature check starts: the feed the signature was made for arrives. */
static void
swap_at_check_cb (GTask *task, gpointer user_data)
{
  SwapAt *at = user_data;

  record_queued_cb (task, at->names);
  if (!at->swapped && g_strcmp0 (g_task_get_name (task), VERIFY) == 0)
    {
      at->swapped = TRUE;
      add_body_route (at->f, "/signed.json", "\"r3\"", at->body);
    }
}

/* A feed read while a publish is half done (the signature of the next seq beside it) is
 * scanned, refused as a pair of two publishes and read again; the pair then verifies, and
 * what is parsed and imported is the second body, scanned again, never the scan of the
 * first, which no signature accepted. */
static void
test_read_again_beside_check (Fixture *f, gconstpointer data)
{
  g_autoptr (GBytes) old = make_feed ("old", 300, 2, START_TIME + 86400);
  g_autoptr (GBytes) fresh = make_feed ("fresh", 7, 3, START_TIME + 86400);
  g_autoptr (GBytes) signature = NULL;
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (RempartSyncReport) report = NULL;
  g_autoptr (GError) error = NULL;
  gint64 id = import_first_signed (f, 1);
  SwapAt at = { f, names, fresh, FALSE };

  signature = rempart_minisign_sign (f->secret_key, fresh, "seq 3 expires 2026-06-02T10:00:00Z",
                                     "signed.json", &error);
  g_assert_no_error (error);
  add_body_route (f, "/signed.json", "\"r2\"", old);
  add_body_route (f, "/signed.json.minisig", NULL, signature);

  rempart_workers_set_queued_func_for_testing (swap_at_check_cb, &at);
  report = refresh_one (f, id, TRUE);
  rempart_workers_set_queued_func_for_testing (NULL, NULL);
  assert_outcome (report, REMPART_SYNC_OUTCOME_UPDATED);
  g_assert_true (at.swapped);
  g_assert_cmpuint (count_named (names, VERIFY), ==, 2);
  g_assert_cmpuint (count_named (names, SCAN), ==, 2);
  g_assert_cmpuint (count_named (names, PARSE), ==, 1);
  g_assert_cmpuint (report->stats.added, ==, 7);
  g_assert_cmpuint (count_actions (f, id, "fresh-7"), ==, 1);
  g_assert_cmpuint (count_actions (f, id, "old-1"), ==, 0);
}

/* ------------------------------------------------------------------------------------------ */
/* Main                                                                                       */
/* ------------------------------------------------------------------------------------------ */

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ADD ("/sync/unsigned-report", test_unsigned_report);
  ADD ("/sync/signature/missing", test_signature_missing);
  ADD ("/sync/signature/bad", test_signature_bad);
  ADD ("/sync/signature/other-key", test_signature_other_key);
  ADD ("/sync/signature/rollback", test_rollback);
  ADD ("/sync/redirect/verified", test_redirect_verified);
  ADD ("/sync/redirect/bad-signature", test_redirect_bad_signature);
  ADD ("/sync/signature/scan-beside-check", test_scan_beside_check);
  ADD ("/sync/signature/bad-beside-scan", test_bad_beside_scan);
  ADD ("/sync/signature/cancelled-beside-check", test_cancelled_beside_check);
  ADD ("/sync/signature/read-again-beside-check", test_read_again_beside_check);

  return g_test_run ();
}
