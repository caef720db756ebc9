/* test-fetcher-signature.c: the .minisig next to the feed
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "fetcher-fixture.h"

/* ------------------------------------------------------------------------------------------ */
/* Tests: signatures                                                                          */
/* ------------------------------------------------------------------------------------------ */

static RempartFetchResult *
fetch_signed (Fixture *f, const char *path, RempartMinisignPublicKey *key, GError **error)
{
  g_autofree char *address = url (f, path);
  RempartFetchRequest request = { .url = address, .public_key = key };

  return fetch_full (f, &request, NULL, error);
}

static void
test_signature_good (Fixture *f, gconstpointer data)
{
  KeyPair pair = { 0 };
  g_autoptr (GBytes) sig = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (RempartFetchResult) result = NULL;
  g_autoptr (RempartFetchResult) moved = NULL;
  g_autofree char *final = url (f, "/signed/feed.json");

  rempart_test_make_keys (&pair.public_key, &pair.secret_key);
  sig = sign (&pair, FEED_BODY);
  add_route (f, "/signed/feed.json", SOUP_STATUS_OK, NULL, NULL, FEED_BODY);
  add_bytes_route (f, "/signed/feed.json.minisig", sig);

  result = fetch_signed (f, "/signed/feed.json", pair.public_key, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rempart_fetch_result_get_status (result), ==, REMPART_FETCH_STATUS_OK);
  assert_body (result, FEED_BODY);
  g_assert_true (rempart_fetch_result_get_signed (result));
  g_assert_cmpstr (rempart_fetch_result_get_trusted_comment (result), ==, "rempart test feed");
  g_assert_cmpuint (hits (f, "/signed/feed.json.minisig"), ==, 1);

  /* Moved for good: the signature is looked for next to the new address, and the new
   * address is handed back once the feed verified. */
  add_route (f, "/old.json", SOUP_STATUS_MOVED_PERMANENTLY, "/signed/feed.json", NULL, NULL);
  moved = fetch_signed (f, "/old.json", pair.public_key, &error);
  g_assert_no_error (error);
  g_assert_true (rempart_fetch_result_get_signed (moved));
  g_assert_cmpstr (rempart_fetch_result_get_permanent_url (moved), ==, final);
  g_assert_cmpuint (hits (f, "/old.json.minisig"), ==, 0);
  g_assert_cmpuint (hits (f, "/signed/feed.json.minisig"), ==, 2);

  key_pair_clear (&pair);
}

static void
test_signature_missing (Fixture *f, gconstpointer data)
{
  KeyPair pair = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (GError) gone_error = NULL;
  g_autoptr (RempartFetchResult) result = NULL;
  g_autoptr (RempartFetchResult) gone = NULL;

  rempart_test_make_keys (&pair.public_key, &pair.secret_key);
  add_route (f, "/unsigned.json", SOUP_STATUS_OK, NULL, NULL, FEED_BODY);
  add_route (f, "/removed.json", SOUP_STATUS_OK, NULL, NULL, FEED_BODY);
  add_route (f, "/removed.json.minisig", SOUP_STATUS_GONE, NULL, NULL, NULL);

  result = fetch_signed (f, "/unsigned.json", pair.public_key, &error);
  g_assert_error (error, REMPART_FETCH_ERROR, REMPART_FETCH_ERROR_SIGNATURE);
  g_assert_null (result);
  g_assert_nonnull (strstr (error->message, "/unsigned.json.minisig"));
  g_assert_cmpuint (hits (f, "/unsigned.json.minisig"), ==, 1);

  gone = fetch_signed (f, "/removed.json", pair.public_key, &gone_error);
  g_assert_error (gone_error, REMPART_FETCH_ERROR, REMPART_FETCH_ERROR_SIGNATURE);

  key_pair_clear (&pair);
}

static void
test_signature_tampered (Fixture *f, gconstpointer data)
{
  KeyPair pair = { 0 };
  g_autoptr (GBytes) sig = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (RempartFetchResult) result = NULL;
  g_autofree char *tampered = g_strdup (FEED_BODY);

  rempart_test_make_keys (&pair.public_key, &pair.secret_key);
  sig = sign (&pair, FEED_BODY);
  tampered[strlen (tampered) - 3] = '{';
  add_route (f, "/tampered.json", SOUP_STATUS_OK, NULL, NULL, tampered);
  add_bytes_route (f, "/tampered.json.minisig", sig);
  /* Redirected for good on the way: no new address either. */
  add_route (f, "/moved.json", SOUP_STATUS_PERMANENT_REDIRECT, "/tampered.json", NULL, NULL);

  result = fetch_signed (f, "/moved.json", pair.public_key, &error);
  g_assert_error (error, REMPART_FETCH_ERROR, REMPART_FETCH_ERROR_SIGNATURE);
  g_assert_null (result);
  g_assert_nonnull (strstr (error->message, "/tampered.json"));
  /* Real tampering keeps its own words: nothing about a mistyped key. */
  g_assert_nonnull (strstr (error->message, "changed after it was signed"));
  g_assert_null (strstr (error->message, "key you entered"));

  key_pair_clear (&pair);
}

static void
test_signature_wrong_key (Fixture *f, gconstpointer data)
{
  KeyPair pair = { 0 };
  KeyPair other = { 0 };
  g_autoptr (GBytes) sig = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (RempartFetchResult) result = NULL;
  g_autofree char *signed_id = NULL;
  g_autofree char *entered_id = NULL;
  g_autofree char *expected = NULL;

  rempart_test_make_keys (&pair.public_key, &pair.secret_key);
  rempart_test_make_keys (&other.public_key, &other.secret_key);
  sig = sign (&other, FEED_BODY);
  add_route (f, "/other.json", SOUP_STATUS_OK, NULL, NULL, FEED_BODY);
  add_bytes_route (f, "/other.json.minisig", sig);

  result = fetch_signed (f, "/other.json", pair.public_key, &error);
  g_assert_error (error, REMPART_FETCH_ERROR, REMPART_FETCH_ERROR_SIGNATURE);
  g_assert_null (result);
  /* Both key ids, and no word of tampering: the key entered is not the group's. */
  signed_id = rempart_minisign_public_key_get_key_id_string (other.public_key);
  entered_id = rempart_minisign_public_key_get_key_id_string (pair.public_key);
  expected =
      g_strdup_printf ("signed with key %s; the key you entered is %s", signed_id, entered_id);
  g_assert_nonnull (strstr (error->message, expected));
  g_assert_null (strstr (error->message, "altered"));

  key_pair_clear (&pair);
  key_pair_clear (&other);
}

/* A key mistyped in its last letters keeps its key id: the signature names the same key, yet
 * nothing in it verifies. Not tampering either. */
static void
test_signature_mistyped_key (Fixture *f, gconstpointer data)
{
  KeyPair pair = { 0 };
  g_autoptr (GBytes) sig = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (RempartFetchResult) result = NULL;
  g_autoptr (RempartMinisignPublicKey) mistyped = NULL;
  g_autofree char *text = NULL;
  g_autofree char *id = NULL;
  g_autofree char *mistyped_id = NULL;
  gsize last;

  rempart_test_make_keys (&pair.public_key, &pair.secret_key);
  sig = sign (&pair, FEED_BODY);
  add_route (f, "/typo.json", SOUP_STATUS_OK, NULL, NULL, FEED_BODY);
  add_bytes_route (f, "/typo.json.minisig", sig);

  text = rempart_minisign_public_key_to_base64 (pair.public_key);
  last = strlen (text) - 2;
  text[last] = text[last] == 'A' ? 'B' : 'A';
  mistyped = rempart_minisign_public_key_parse (text, (gsize) -1, &error);
  g_assert_no_error (error);
  id = rempart_minisign_public_key_get_key_id_string (pair.public_key);
  mistyped_id = rempart_minisign_public_key_get_key_id_string (mistyped);
  g_assert_cmpstr (id, ==, mistyped_id);

  result = fetch_signed (f, "/typo.json", mistyped, &error);
  g_assert_error (error, REMPART_FETCH_ERROR, REMPART_FETCH_ERROR_SIGNATURE);
  g_assert_null (result);
  g_assert_nonnull (strstr (error->message, id));
  g_assert_nonnull (strstr (error->message, "mistyped"));
  g_assert_null (strstr (error->message, "altered"));

  key_pair_clear (&pair);
}

static void
test_signature_garbage (Fixture *f, gconstpointer data)
{
  KeyPair pair = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (GError) big_error = NULL;
  g_autoptr (RempartFetchResult) result = NULL;
  g_autoptr (RempartFetchResult) big = NULL;
  g_autofree char *huge_sig = g_strnfill (REMPART_FETCH_MAX_SIGNATURE + 1, 'A');

  rempart_test_make_keys (&pair.public_key, &pair.secret_key);
  add_route (f, "/garbled.json", SOUP_STATUS_OK, NULL, NULL, FEED_BODY);
  add_route (f, "/garbled.json.minisig", SOUP_STATUS_OK, NULL, NULL, "not a signature\n");
  add_route (f, "/bigsig.json", SOUP_STATUS_OK, NULL, NULL, FEED_BODY);
  add_route (f, "/bigsig.json.minisig", SOUP_STATUS_OK, NULL, NULL, huge_sig);

  result = fetch_signed (f, "/garbled.json", pair.public_key, &error);
  g_assert_error (error, REMPART_FETCH_ERROR, REMPART_FETCH_ERROR_SIGNATURE);
  g_assert_null (result);

  big = fetch_signed (f, "/bigsig.json", pair.public_key, &big_error);
  g_assert_error (big_error, REMPART_FETCH_ERROR, REMPART_FETCH_ERROR_TOO_LARGE);

  key_pair_clear (&pair);
}

static void
test_signature_rate_limited (Fixture *f, gconstpointer data)
{
  KeyPair pair = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (RempartFetchResult) result = NULL;

  rempart_test_make_keys (&pair.public_key, &pair.secret_key);
  add_route (f, "/limited.json", SOUP_STATUS_OK, NULL, NULL, FEED_BODY);
  add_route (f, "/limited.json.minisig", STATUS_TOO_MANY_REQUESTS, NULL, "300", NULL);

  /* Not a bad signature: come back later, and keep the body out of reach meanwhile. */
  result = fetch_signed (f, "/limited.json", pair.public_key, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rempart_fetch_result_get_status (result), ==, REMPART_FETCH_STATUS_RETRY_LATER);
  g_assert_cmpint (rempart_fetch_result_get_retry_after (result), ==, 300);
  g_assert_null (rempart_fetch_result_get_body (result));
  g_assert_false (rempart_fetch_result_get_signed (result));

  key_pair_clear (&pair);
}

/* ------------------------------------------------------------------------------------------ */
/* Main                                                                                       */
/* ------------------------------------------------------------------------------------------ */

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ADD ("/fetcher/signature/good", test_signature_good);
  ADD ("/fetcher/signature/missing", test_signature_missing);
  ADD ("/fetcher/signature/tampered", test_signature_tampered);
  ADD ("/fetcher/signature/wrong-key", test_signature_wrong_key);
  ADD ("/fetcher/signature/mistyped-key", test_signature_mistyped_key);
  ADD ("/fetcher/signature/garbage", test_signature_garbage);
  ADD ("/fetcher/signature/rate-limited", test_signature_rate_limited);

  return g_test_run ();
}
