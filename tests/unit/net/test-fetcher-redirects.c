/* test-fetcher-redirects.c: redirects, followed by hand
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rempart-test-dirs.h"
#include "fetcher-fixture.h"

/* ------------------------------------------------------------------------------------------ */
/* Tests: redirects                                                                           */
/* ------------------------------------------------------------------------------------------ */

static void
test_redirect_permanent_chain (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RempartFetchResult) result = NULL;
  g_autofree char *final = url (f, "/final");
  g_autofree char *absolute = url (f, "/r3");

  add_route (f, "/r1", SOUP_STATUS_MOVED_PERMANENTLY, "/r2", NULL, NULL);
  add_route (f, "/r2", SOUP_STATUS_PERMANENT_REDIRECT, absolute, NULL, NULL);
  add_route (f, "/r3", SOUP_STATUS_MOVED_PERMANENTLY, "/final", NULL, NULL);
  add_route (f, "/final", SOUP_STATUS_OK, NULL, NULL, FEED_BODY);

  result = fetch (f, "/r1", &error);
  g_assert_no_error (error);
  g_assert_cmpint (rempart_fetch_result_get_status (result), ==, REMPART_FETCH_STATUS_OK);
  assert_body (result, FEED_BODY);
  g_assert_cmpstr (rempart_fetch_result_get_final_url (result), ==, final);
  g_assert_cmpstr (rempart_fetch_result_get_permanent_url (result), ==, final);
  g_assert_cmpuint (hits (f, "/r1"), ==, 1);
  g_assert_cmpuint (hits (f, "/r2"), ==, 1);
  g_assert_cmpuint (hits (f, "/r3"), ==, 1);
  g_assert_cmpuint (hits (f, "/final"), ==, 1);
}

static void
test_redirect_temporary_chain (Fixture *f, gconstpointer data)
{
  const guint temporary[] = { SOUP_STATUS_FOUND, SOUP_STATUS_SEE_OTHER,
                              SOUP_STATUS_TEMPORARY_REDIRECT };

  add_route (f, "/final", SOUP_STATUS_OK, NULL, NULL, FEED_BODY);

  /* One temporary hop anywhere in the chain, and the old address stays the address. */
  for (gsize i = 0; i < G_N_ELEMENTS (temporary); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (RempartFetchResult) result = NULL;
      g_autofree char *final = url (f, "/final");

      add_route (f, "/t1", SOUP_STATUS_MOVED_PERMANENTLY, "/t2", NULL, NULL);
      add_route (f, "/t2", temporary[i], "/t3", NULL, NULL);
      add_route (f, "/t3", SOUP_STATUS_PERMANENT_REDIRECT, "/final", NULL, NULL);

      result = fetch (f, "/t1", &error);
      g_assert_no_error (error);
      assert_body (result, FEED_BODY);
      g_assert_cmpstr (rempart_fetch_result_get_final_url (result), ==, final);
      g_assert_null (rempart_fetch_result_get_permanent_url (result));
    }
}

static void
test_redirect_loop (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RempartFetchResult) result = NULL;

  add_route (f, "/loop-a", SOUP_STATUS_FOUND, "/loop-b", NULL, NULL);
  add_route (f, "/loop-b", SOUP_STATUS_MOVED_PERMANENTLY, "/loop-a", NULL, NULL);

  result = fetch (f, "/loop-a", &error);
  g_assert_error (error, REMPART_FETCH_ERROR, REMPART_FETCH_ERROR_TOO_MANY_REDIRECTS);
  g_assert_null (result);
  /* The first request and five redirects followed, then it gave up. */
  g_assert_cmpuint (hits (f, "/loop-a") + hits (f, "/loop-b"), ==, 1 + REMPART_FETCH_MAX_REDIRECTS);
}

static void
test_redirect_five_is_fine (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RempartFetchResult) result = NULL;

  add_route (f, "/h0", SOUP_STATUS_FOUND, "/h1", NULL, NULL);
  add_route (f, "/h1", SOUP_STATUS_FOUND, "/h2", NULL, NULL);
  add_route (f, "/h2", SOUP_STATUS_FOUND, "/h3", NULL, NULL);
  add_route (f, "/h3", SOUP_STATUS_FOUND, "/h4", NULL, NULL);
  add_route (f, "/h4", SOUP_STATUS_FOUND, "/h5", NULL, NULL);
  add_route (f, "/h5", SOUP_STATUS_OK, NULL, NULL, FEED_BODY);

  result = fetch (f, "/h0", &error);
  g_assert_no_error (error);
  assert_body (result, FEED_BODY);
}

static void
test_redirect_relative (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RempartFetchResult) result = NULL;
  g_autofree char *final = url (f, "/feeds/current.json");

  add_route (f, "/feeds/old/feed.json", SOUP_STATUS_MOVED_PERMANENTLY, "../current.json", NULL,
             NULL);
  add_route (f, "/feeds/current.json", SOUP_STATUS_OK, NULL, NULL, FEED_BODY);

  result = fetch (f, "/feeds/old/feed.json", &error);
  g_assert_no_error (error);
  assert_body (result, FEED_BODY);
  g_assert_cmpstr (rempart_fetch_result_get_final_url (result), ==, final);
  g_assert_cmpstr (rempart_fetch_result_get_permanent_url (result), ==, final);
}

static void
test_redirect_then_not_modified (Fixture *f, gconstpointer data)
{
  KeyPair pair = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (RempartFetchResult) plain = NULL;
  g_autoptr (RempartFetchResult) keyed = NULL;
  g_autofree char *address = url (f, "/moved-conditional");
  g_autofree char *final = url (f, "/conditional");
  RempartFetchRequest request = { .url = address, .etag = FEED_ETAG };

  add_route (f, "/moved-conditional", SOUP_STATUS_MOVED_PERMANENTLY, "/conditional", NULL, NULL);

  /* Nothing to verify without a key: the new address comes back with the 304... */
  plain = fetch_full (f, &request, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rempart_fetch_result_get_status (plain), ==, REMPART_FETCH_STATUS_NOT_MODIFIED);
  g_assert_cmpstr (f->if_none_match, ==, FEED_ETAG);
  g_assert_cmpstr (rempart_fetch_result_get_permanent_url (plain), ==, final);

  /* ...but with a key, a 304 verified nothing: the old address stays. */
  rempart_test_make_keys (&pair.public_key, &pair.secret_key);
  request.public_key = pair.public_key;
  keyed = fetch_full (f, &request, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rempart_fetch_result_get_status (keyed), ==, REMPART_FETCH_STATUS_NOT_MODIFIED);
  g_assert_null (rempart_fetch_result_get_permanent_url (keyed));
  g_assert_false (rempart_fetch_result_get_signed (keyed));
  g_assert_cmpuint (hits (f, "/conditional.minisig"), ==, 0);

  key_pair_clear (&pair);
}

static void
test_redirect_invalid (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) no_location = NULL;
  g_autoptr (GError) not_web = NULL;
  g_autoptr (RempartFetchResult) first = NULL;
  g_autoptr (RempartFetchResult) second = NULL;

  add_route (f, "/nowhere-redirect", SOUP_STATUS_FOUND, NULL, NULL, NULL);
  add_route (f, "/file-redirect", SOUP_STATUS_FOUND, "file:///etc/passwd", NULL, NULL);

  first = fetch (f, "/nowhere-redirect", &no_location);
  g_assert_error (no_location, REMPART_FETCH_ERROR, REMPART_FETCH_ERROR_HTTP);
  second = fetch (f, "/file-redirect", &not_web);
  g_assert_error (not_web, REMPART_FETCH_ERROR, REMPART_FETCH_ERROR_INVALID_URL);
}

static void
test_redirect_https_to_http (Fixture *f, gconstpointer data)
{
  g_autofree char *dir = NULL;
  g_autofree char *cert_path = NULL;
  g_autoptr (GTlsCertificate) certificate = NULL;
  g_autoptr (GTlsDatabase) database = NULL;
  g_autoptr (SoupServer) tls_server = NULL;
  g_autofree char *tls_base = NULL;
  g_autofree char *plain_final = url (f, "/final");
  g_autofree char *secure_feed = NULL;
  g_autofree char *downgrade = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (RempartFetchResult) secure = NULL;
  g_autoptr (RempartFetchResult) refused = NULL;
  RempartFetchRequest request = { 0 };

#ifdef UNDER_ASAN
  /* GLib's TLS worker threads hold dynamic TLS from the dlopen()ed GnuTLS module, which
   * LeakSanitizer (gcc 12) cannot walk on glibc 2.36: it crashes at exit. */
  g_test_skip ("LeakSanitizer cannot scan the TLS backend's threads");
  return;
#endif

  dir = rempart_test_dir_new ("fetcher");
  g_assert_nonnull (dir);
  certificate = rempart_test_make_certificate (dir, &cert_path);
  if (certificate == NULL || !g_tls_backend_supports_tls (g_tls_backend_get_default ()))
    {
      g_test_skip ("No openssl tool or no TLS backend to make an https server");
      rempart_test_dir_remove (dir);
      return;
    }

  database = g_tls_file_database_new (cert_path, &error);
  g_assert_no_error (error);
  soup_session_set_tls_database (rempart_fetcher_get_session (f->fetcher), database);

  tls_server = rempart_test_server_new (certificate, &tls_base);
  add_handlers (f, tls_server);
  add_route (f, "/final", SOUP_STATUS_OK, NULL, NULL, FEED_BODY);
  add_route (f, "/downgrade", SOUP_STATUS_MOVED_PERMANENTLY, plain_final, NULL, NULL);

  /* The https server works... */
  secure_feed = g_strconcat (tls_base, "/final", NULL);
  request.url = secure_feed;
  secure = fetch_full (f, &request, NULL, &error);
  g_assert_no_error (error);
  assert_body (secure, FEED_BODY);

  /* ...and a redirect from it to http:// is refused, without a request to the http one. */
  downgrade = g_strconcat (tls_base, "/downgrade", NULL);
  request.url = downgrade;
  refused = fetch_full (f, &request, NULL, &error);
  g_assert_error (error, REMPART_FETCH_ERROR, REMPART_FETCH_ERROR_INSECURE_REDIRECT);
  g_assert_null (refused);
  g_assert_cmpuint (hits (f, "/final"), ==, 1);

  rempart_test_server_disconnect (tls_server);
  rempart_test_dir_remove (dir);
}

/* ------------------------------------------------------------------------------------------ */
/* Main                                                                                       */
/* ------------------------------------------------------------------------------------------ */

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ADD ("/fetcher/redirect/permanent-chain", test_redirect_permanent_chain);
  ADD ("/fetcher/redirect/temporary-chain", test_redirect_temporary_chain);
  ADD ("/fetcher/redirect/loop", test_redirect_loop);
  ADD ("/fetcher/redirect/five-is-fine", test_redirect_five_is_fine);
  ADD ("/fetcher/redirect/relative", test_redirect_relative);
  ADD ("/fetcher/redirect/then-not-modified", test_redirect_then_not_modified);
  ADD ("/fetcher/redirect/invalid", test_redirect_invalid);
  ADD ("/fetcher/redirect/https-to-http", test_redirect_https_to_http);

  return g_test_run ();
}
