/* test-fetcher-deadline.c: servers too slow to be waited for
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fetcher-fixture.h"

/* ------------------------------------------------------------------------------------------ */
/* Helpers                                                                                    */
/* ------------------------------------------------------------------------------------------ */

/* Accepts the request and never answers: no status line, no headers. */
static void
handle_silent (SoupServer *server,
               SoupServerMessage *msg,
               const char *path,
               GHashTable *query,
               gpointer user_data)
{
  soup_server_message_pause (msg);
}

static gint64
seconds_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / G_USEC_PER_SEC;
}

/* ------------------------------------------------------------------------------------------ */
/* Tests                                                                                      */
/* ------------------------------------------------------------------------------------------ */

/* A chunk every 300 ms keeps every read under the 2-second timeout for 15 s: only the
 * deadline of the whole fetch stops it. */
static void
test_deadline_trickle (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RempartFetchResult) result = NULL;
  gint64 start = g_get_monotonic_time ();

  rempart_fetcher_set_timeout (f->fetcher, 2);
  rempart_fetcher_set_deadline (f->fetcher, 2);
  rempart_fetcher_set_min_rate (f->fetcher, 0, 0);
  f->chunks_to_send = 50;
  f->chunk_interval_ms = 300;

  result = fetch (f, "/slow", &error);
  g_assert_error (error, REMPART_FETCH_ERROR, REMPART_FETCH_ERROR_TOO_SLOW);
  g_assert_null (result);
  g_assert_nonnull (strstr (error->message, "127.0.0.1"));
  g_assert_nonnull (strstr (error->message, "2 seconds"));
  /* Some of the body came, not all of it. */
  g_assert_nonnull (strstr (f->slow_sent->str, "chunk 50\n"));
  g_assert_null (strstr (f->slow_sent->str, "chunk 1\n"));
  g_assert_cmpint (seconds_since (start), <, 5);
}

/* About 30 bytes a second, far under a minimum of 1000 over one-second windows. */
static void
test_min_rate (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RempartFetchResult) result = NULL;
  gint64 start = g_get_monotonic_time ();

  rempart_fetcher_set_timeout (f->fetcher, 5);
  rempart_fetcher_set_deadline (f->fetcher, 0);
  rempart_fetcher_set_min_rate (f->fetcher, 1000, 1);
  f->chunks_to_send = 50;
  f->chunk_interval_ms = 300;

  result = fetch (f, "/slow", &error);
  g_assert_error (error, REMPART_FETCH_ERROR, REMPART_FETCH_ERROR_TOO_SLOW);
  g_assert_null (result);
  g_assert_nonnull (strstr (error->message, "too slowly"));
  g_assert_nonnull (strstr (error->message, "127.0.0.1"));
  g_assert_cmpint (seconds_since (start), <, 4);
}

/* A fast server passes the same limits. */
static void
test_fast_within_limits (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RempartFetchResult) result = NULL;

  rempart_fetcher_set_deadline (f->fetcher, 2);
  rempart_fetcher_set_min_rate (f->fetcher, 1000, 1);
  add_route (f, "/feed.json", SOUP_STATUS_OK, NULL, NULL, FEED_BODY);

  result = fetch (f, "/feed.json", &error);
  g_assert_no_error (error);
  assert_body (result, FEED_BODY);
}

/* Headers that never come: the deadline covers the request too. */
static void
test_deadline_headers (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RempartFetchResult) result = NULL;
  gint64 start = g_get_monotonic_time ();

  soup_server_add_handler (f->server, "/silent", handle_silent, f, NULL);
  rempart_fetcher_set_timeout (f->fetcher, 30);
  rempart_fetcher_set_deadline (f->fetcher, 1);
  rempart_fetcher_set_min_rate (f->fetcher, 0, 0);

  result = fetch (f, "/silent", &error);
  g_assert_error (error, REMPART_FETCH_ERROR, REMPART_FETCH_ERROR_TOO_SLOW);
  g_assert_nonnull (strstr (error->message, "1 second"));
  g_assert_cmpint (seconds_since (start), <, 4);
}

/* The caller's own cancellation stays a cancellation, not "too slow". */
static void
test_caller_cancel (Fixture *f, gconstpointer data)
{
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (RempartFetchResult) result = NULL;
  g_autofree char *address = url (f, "/slow");
  RempartFetchRequest request = { .url = address };

  rempart_fetcher_set_deadline (f->fetcher, 5);
  f->chunks_to_send = 50;
  f->chunk_interval_ms = 300;
  g_timeout_add_once (500, (GSourceOnceFunc) g_cancellable_cancel, cancellable);

  result = fetch_full (f, &request, cancellable, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (result);
}

typedef struct
{
  RempartFetcher *fetcher;
  char *address;
  GError *error;
  gboolean done;
} SyncFetch;

static gpointer
sync_fetch_thread (gpointer user_data)
{
  SyncFetch *sync = user_data;
  RempartFetchRequest request = { .url = sync->address };
  RempartFetchResult *result;

  result = rempart_fetcher_fetch_sync (sync->fetcher, &request, NULL, &sync->error);
  g_clear_pointer (&result, rempart_fetch_result_unref);
  g_atomic_int_set (&sync->done, TRUE);
  g_main_context_wakeup (NULL);
  return NULL;
}

/* The command-line tool's path: fetch_sync on its own main context stops too. */
static void
test_deadline_sync (Fixture *f, gconstpointer data)
{
  SyncFetch sync = { .fetcher = f->fetcher, .address = url (f, "/slow") };
  gint64 start = g_get_monotonic_time ();
  guint guard = g_timeout_add_seconds (GUARD_SECONDS, guard_cb, NULL);
  GThread *thread;

  rempart_fetcher_set_deadline (f->fetcher, 1);
  rempart_fetcher_set_min_rate (f->fetcher, 0, 0);
  f->chunks_to_send = 50;
  f->chunk_interval_ms = 300;

  /* The server runs on this thread's default context: the fetch runs in another thread. */
  thread = g_thread_new ("fetch-sync", sync_fetch_thread, &sync);
  while (!g_atomic_int_get (&sync.done))
    g_main_context_iteration (NULL, TRUE);
  g_thread_join (thread);
  g_source_remove (guard);

  g_assert_error (sync.error, REMPART_FETCH_ERROR, REMPART_FETCH_ERROR_TOO_SLOW);
  g_assert_cmpint (seconds_since (start), <, 4);
  g_clear_error (&sync.error);
  g_free (sync.address);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ADD ("/fetcher/deadline/trickle", test_deadline_trickle);
  ADD ("/fetcher/deadline/min-rate", test_min_rate);
  ADD ("/fetcher/deadline/fast", test_fast_within_limits);
  ADD ("/fetcher/deadline/headers", test_deadline_headers);
  ADD ("/fetcher/deadline/caller-cancel", test_caller_cancel);
  ADD ("/fetcher/deadline/sync", test_deadline_sync);

  return g_test_run ();
}
