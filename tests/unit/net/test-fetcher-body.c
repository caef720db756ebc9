/* test-fetcher-body.c: slow, stalled, oversized, truncated and compressed bodies
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fetcher-fixture.h"

/* ------------------------------------------------------------------------------------------ */
/* Tests: bodies                                                                              */
/* ------------------------------------------------------------------------------------------ */

static void
test_slow_body (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RempartFetchResult) result = NULL;

  /* Eight chunks, 300 ms apart, with a 2-second timeout: 2.4 s in all, which a per-read
   * timeout allows and a whole-request one would not. */
  rempart_fetcher_set_timeout (f->fetcher, 2);
  f->chunks_to_send = 8;
  f->chunk_interval_ms = 300;

  result = fetch (f, "/slow", &error);
  g_assert_no_error (error);
  g_assert_cmpint (rempart_fetch_result_get_status (result), ==, REMPART_FETCH_STATUS_OK);
  assert_body (result, f->slow_sent->str);
  g_assert_nonnull (strstr (f->slow_sent->str, "chunk 1\n"));
}

static void
test_stalled_body (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RempartFetchResult) result = NULL;
  gint64 start = g_get_monotonic_time ();

  rempart_fetcher_set_timeout (f->fetcher, 2);
  f->chunks_to_send = 0;

  result = fetch (f, "/slow", &error);
  g_assert_error (error, REMPART_FETCH_ERROR, REMPART_FETCH_ERROR_NETWORK);
  g_assert_null (result);
  g_assert_nonnull (strstr (error->message, "/slow"));
  /* Ended by the timeout, not by the guard. */
  g_assert_cmpint (g_get_monotonic_time () - start, <, (GUARD_SECONDS - 1) * G_USEC_PER_SEC);
}

static void
test_declared_too_large (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RempartFetchResult) result = NULL;

  /* If the fetcher read the body, it would wait for bytes that never come and fail with a
   * timeout (NETWORK): TOO_LARGE means it refused on the header alone. */
  rempart_fetcher_set_timeout (f->fetcher, 2);
  result = fetch (f, "/declared-huge", &error);
  g_assert_error (error, REMPART_FETCH_ERROR, REMPART_FETCH_ERROR_TOO_LARGE);
  g_assert_null (result);
  g_assert_nonnull (strstr (error->message, "/declared-huge"));
}

static void
test_too_large_with_length (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RempartFetchResult) result = NULL;
  g_autoptr (RempartFetchResult) at_cap = NULL;
  g_autoptr (GBytes) huge = NULL;
  g_autoptr (GBytes) exact = NULL;
  char *data_huge = g_malloc (9 * MIB);

  memset (data_huge, ' ', 9 * MIB);
  huge = g_bytes_new_take (data_huge, 9 * MIB);
  exact = g_bytes_new_from_bytes (huge, 0, REMPART_FETCH_MAX_BODY);
  add_bytes_route (f, "/huge", huge);
  add_bytes_route (f, "/exact", exact);

  result = fetch (f, "/huge", &error);
  g_assert_error (error, REMPART_FETCH_ERROR, REMPART_FETCH_ERROR_TOO_LARGE);
  g_assert_null (result);

  /* The cap itself is allowed. */
  g_clear_error (&error);
  at_cap = fetch (f, "/exact", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (rempart_fetch_result_get_body (at_cap)), ==,
                    REMPART_FETCH_MAX_BODY);
}

static void
test_too_large_chunked (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RempartFetchResult) result = NULL;

  /* 256 MiB on offer, written as fast as they are read: the fetcher stops after the cap
   * (plus what the sockets buffer), instead of taking it all. */
  f->endless_total = 256 * MIB;
  result = fetch (f, "/endless", &error);
  g_assert_error (error, REMPART_FETCH_ERROR, REMPART_FETCH_ERROR_TOO_LARGE);
  g_assert_null (result);
  rempart_test_spin (100);
  g_assert_cmpuint (f->endless_sent, >, REMPART_FETCH_MAX_BODY);
  g_assert_cmpuint (f->endless_sent, <, REMPART_FETCH_MAX_BODY + 32 * MIB);
}

static void
test_truncated (Fixture *f, gconstpointer data)
{
  const char *const paths[] = { "/truncated", "/truncated?close=1" };

  /* With keep-alive libsoup notices the short body itself; with "Connection: close" it
   * reads to the end of the connection and only the fetcher's own count notices. */
  for (gsize i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (RempartFetchResult) result = fetch (f, paths[i], &error);

      g_assert_error (error, REMPART_FETCH_ERROR, REMPART_FETCH_ERROR_TRUNCATED);
      g_assert_null (result);
      g_assert_nonnull (strstr (error->message, "/truncated"));
    }
}

static void
test_gzip (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RempartFetchResult) result = fetch (f, "/gzip", &error);

  g_assert_no_error (error);
  assert_body (result, FEED_BODY);
}

/* ------------------------------------------------------------------------------------------ */
/* Main                                                                                       */
/* ------------------------------------------------------------------------------------------ */

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ADD ("/fetcher/body/slow", test_slow_body);
  ADD ("/fetcher/body/stalled", test_stalled_body);
  ADD ("/fetcher/body/declared-too-large", test_declared_too_large);
  ADD ("/fetcher/body/too-large-with-length", test_too_large_with_length);
  ADD ("/fetcher/body/too-large-chunked", test_too_large_chunked);
  ADD ("/fetcher/body/truncated", test_truncated);
  ADD ("/fetcher/body/gzip", test_gzip);

  return g_test_run ();
}
