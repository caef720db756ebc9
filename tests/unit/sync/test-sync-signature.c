/* test-sync-signature.c: signed feeds, rollbacks and redirects
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

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

  return g_test_run ();
}
