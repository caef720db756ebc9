/* test-fetcher-http.c: statuses, Retry-After, the session, network failures and fetch_sync()
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "fetcher-fixture.h"

/* ------------------------------------------------------------------------------------------ */
/* Tests: Retry-After                                                                         */
/* ------------------------------------------------------------------------------------------ */

static void
test_retry_after_parse (void)
{
  g_autoptr (GDateTime) now = g_date_time_new_utc (2026, 3, 1, 12, 0, 0);
  g_autoptr (GDateTime) in_two_hours = g_date_time_add_hours (now, 2);
  g_autoptr (GDateTime) in_two_days = g_date_time_add_days (now, 2);
  g_autoptr (GDateTime) yesterday = g_date_time_add_days (now, -1);
  g_autofree char *two_hours = soup_date_time_to_string (in_two_hours, SOUP_DATE_HTTP);
  g_autofree char *two_days = soup_date_time_to_string (in_two_days, SOUP_DATE_HTTP);
  g_autofree char *past = soup_date_time_to_string (yesterday, SOUP_DATE_HTTP);

  g_assert_cmpint (rempart_http_parse_retry_after ("120", now), ==, 120);
  g_assert_cmpint (rempart_http_parse_retry_after (" 120 ", now), ==, 120);
  g_assert_cmpint (rempart_http_parse_retry_after ("0", now), ==, 60);
  g_assert_cmpint (rempart_http_parse_retry_after ("5", now), ==, 60);
  g_assert_cmpint (rempart_http_parse_retry_after ("86400", now), ==, 86400);
  g_assert_cmpint (rempart_http_parse_retry_after ("86401", now), ==, 86400);
  g_assert_cmpint (rempart_http_parse_retry_after ("99999999999999999999999", now), ==, 86400);
  g_assert_cmpint (rempart_http_parse_retry_after (two_hours, now), ==, 7200);
  g_assert_cmpint (rempart_http_parse_retry_after (two_days, now), ==, 86400);
  g_assert_cmpint (rempart_http_parse_retry_after (past, now), ==, 60);
  g_assert_cmpint (rempart_http_parse_retry_after ("Sun, 01 Mar 2026 12:30:00 GMT", now), ==, 1800);

  g_assert_cmpint (rempart_http_parse_retry_after (NULL, now), ==, -1);
  g_assert_cmpint (rempart_http_parse_retry_after ("", now), ==, -1);
  g_assert_cmpint (rempart_http_parse_retry_after ("   ", now), ==, -1);
  g_assert_cmpint (rempart_http_parse_retry_after ("-5", now), ==, -1);
  g_assert_cmpint (rempart_http_parse_retry_after ("1.5", now), ==, -1);
  g_assert_cmpint (rempart_http_parse_retry_after ("120s", now), ==, -1);
  g_assert_cmpint (rempart_http_parse_retry_after ("soon", now), ==, -1);

  /* Without a clock given, the system's: a date an hour ahead is about an hour. */
  {
    g_autoptr (GDateTime) real_now = g_date_time_new_now_utc ();
    g_autoptr (GDateTime) later = g_date_time_add_hours (real_now, 1);
    g_autofree char *text = soup_date_time_to_string (later, SOUP_DATE_HTTP);
    gint64 delay = rempart_http_parse_retry_after (text, NULL);

    g_assert_cmpint (delay, >=, 3590);
    g_assert_cmpint (delay, <=, 3600);
  }
}

static void
test_session (void)
{
  g_autoptr (SoupSession) session = rempart_http_session_new ();

  g_assert_cmpstr (soup_session_get_user_agent (session), ==, "Rempart/" PACKAGE_VERSION);
  g_assert_cmpuint (soup_session_get_timeout (session), ==, 30);
  g_assert_cmpuint (soup_session_get_idle_timeout (session), ==, 60);

  rempart_http_session_set_timeout (session, 2);
  g_assert_cmpuint (soup_session_get_timeout (session), ==, 2);
}

/* ------------------------------------------------------------------------------------------ */
/* Tests: statuses                                                                            */
/* ------------------------------------------------------------------------------------------ */

static void
test_ok_then_not_modified (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RempartFetchResult) first = NULL;
  g_autoptr (RempartFetchResult) second = NULL;
  g_autofree char *address = url (f, "/conditional");
  RempartFetchRequest request = { .url = address };

  first = fetch_full (f, &request, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rempart_fetch_result_get_status (first), ==, REMPART_FETCH_STATUS_OK);
  g_assert_cmpuint (rempart_fetch_result_get_http_status (first), ==, 200);
  assert_body (first, FEED_BODY);
  g_assert_cmpstr (rempart_fetch_result_get_etag (first), ==, FEED_ETAG);
  g_assert_cmpstr (rempart_fetch_result_get_last_modified (first), ==, FEED_MODIFIED);
  g_assert_cmpstr (rempart_fetch_result_get_content_type (first), ==, "application/feed+json");
  g_assert_cmpstr (rempart_fetch_result_get_final_url (first), ==, address);
  g_assert_null (rempart_fetch_result_get_permanent_url (first));
  g_assert_false (rempart_fetch_result_get_signed (first));
  g_assert_null (rempart_fetch_result_get_trusted_comment (first));
  g_assert_cmpint (rempart_fetch_result_get_retry_after (first), ==, -1);
  /* A first fetch is unconditional, and says who we are. */
  g_assert_null (f->if_none_match);
  g_assert_null (f->if_modified_since);
  g_assert_cmpstr (f->user_agent, ==, "Rempart/" PACKAGE_VERSION);

  request.etag = rempart_fetch_result_get_etag (first);
  request.last_modified = rempart_fetch_result_get_last_modified (first);
  second = fetch_full (f, &request, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rempart_fetch_result_get_status (second), ==, REMPART_FETCH_STATUS_NOT_MODIFIED);
  g_assert_cmpuint (rempart_fetch_result_get_http_status (second), ==, 304);
  g_assert_null (rempart_fetch_result_get_body (second));
  g_assert_cmpstr (f->if_none_match, ==, FEED_ETAG);
  g_assert_cmpstr (f->if_modified_since, ==, FEED_MODIFIED);
  g_assert_cmpstr (rempart_fetch_result_get_etag (second), ==, FEED_ETAG);
  g_assert_cmpstr (rempart_fetch_result_get_last_modified (second), ==, FEED_MODIFIED);
  g_assert_cmpuint (hits (f, "/conditional"), ==, 2);
}

static void
test_not_modified_keeps_validators (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RempartFetchResult) result = NULL;
  g_autofree char *address = url (f, "/bare-304");
  RempartFetchRequest request = { .url = address,
                                  .etag = "\"old\"",
                                  .last_modified = FEED_MODIFIED };

  /* A 304 without validators: the caller's stay the ones to send next time. */
  add_route (f, "/bare-304", SOUP_STATUS_NOT_MODIFIED, NULL, NULL, NULL);
  result = fetch_full (f, &request, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rempart_fetch_result_get_status (result), ==, REMPART_FETCH_STATUS_NOT_MODIFIED);
  g_assert_cmpstr (f->if_none_match, ==, "\"old\"");
  g_assert_cmpstr (rempart_fetch_result_get_etag (result), ==, "\"old\"");
  g_assert_cmpstr (rempart_fetch_result_get_last_modified (result), ==, FEED_MODIFIED);
}

static void
assert_retry_later (Fixture *f, const char *path, guint http_status, gint64 retry_after)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RempartFetchResult) result = fetch (f, path, &error);

  g_assert_no_error (error);
  g_assert_cmpint (rempart_fetch_result_get_status (result), ==, REMPART_FETCH_STATUS_RETRY_LATER);
  g_assert_cmpuint (rempart_fetch_result_get_http_status (result), ==, http_status);
  g_assert_null (rempart_fetch_result_get_body (result));
  g_assert_cmpint (rempart_fetch_result_get_retry_after (result), >=, retry_after - 5);
  g_assert_cmpint (rempart_fetch_result_get_retry_after (result), <=, retry_after);
}

static void
test_retry_later (Fixture *f, gconstpointer data)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr (GDateTime) later = g_date_time_add_hours (now, 2);
  g_autofree char *date = soup_date_time_to_string (later, SOUP_DATE_HTTP);

  add_route (f, "/429-seconds", STATUS_TOO_MANY_REQUESTS, NULL, "120", NULL);
  add_route (f, "/429-date", STATUS_TOO_MANY_REQUESTS, NULL, date, NULL);
  add_route (f, "/429-bare", STATUS_TOO_MANY_REQUESTS, NULL, NULL, NULL);
  add_route (f, "/429-garbage", STATUS_TOO_MANY_REQUESTS, NULL, "later", NULL);
  add_route (f, "/503-bare", SOUP_STATUS_SERVICE_UNAVAILABLE, NULL, NULL, NULL);
  add_route (f, "/503-short", SOUP_STATUS_SERVICE_UNAVAILABLE, NULL, "1", NULL);

  assert_retry_later (f, "/429-seconds", 429, 120);
  assert_retry_later (f, "/429-date", 429, 7200);
  assert_retry_later (f, "/429-bare", 429, REMPART_FETCH_DEFAULT_RETRY_AFTER_429);
  assert_retry_later (f, "/429-garbage", 429, REMPART_FETCH_DEFAULT_RETRY_AFTER_429);
  assert_retry_later (f, "/503-bare", 503, REMPART_FETCH_DEFAULT_RETRY_AFTER_503);
  assert_retry_later (f, "/503-short", 503, REMPART_HTTP_RETRY_AFTER_MIN);
}

static void
test_gone (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RempartFetchResult) result = NULL;

  add_route (f, "/gone", SOUP_STATUS_GONE, NULL, NULL, "removed");
  result = fetch (f, "/gone", &error);
  g_assert_no_error (error);
  g_assert_cmpint (rempart_fetch_result_get_status (result), ==, REMPART_FETCH_STATUS_GONE);
  g_assert_null (rempart_fetch_result_get_body (result));
}

static void
test_http_error (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GError) not_found = NULL;
  g_autoptr (RempartFetchResult) result = NULL;
  g_autoptr (RempartFetchResult) missing = NULL;
  g_autoptr (GUri) base = g_uri_parse (f->base, G_URI_FLAGS_NONE, NULL);
  g_autofree char *where = g_strdup_printf ("127.0.0.1:%d/broken", g_uri_get_port (base));

  add_route (f, "/broken", SOUP_STATUS_INTERNAL_SERVER_ERROR, NULL, NULL, "oops");
  result = fetch (f, "/broken", &error);
  g_assert_error (error, REMPART_FETCH_ERROR, REMPART_FETCH_ERROR_HTTP);
  g_assert_null (result);
  g_assert_nonnull (strstr (error->message, "500"));
  g_assert_nonnull (strstr (error->message, "Internal Server Error"));
  g_assert_nonnull (strstr (error->message, where));

  missing = fetch (f, "/nowhere", &not_found);
  g_assert_error (not_found, REMPART_FETCH_ERROR, REMPART_FETCH_ERROR_HTTP);
  g_assert_nonnull (strstr (not_found->message, "404"));
}

static void
test_invalid_url (Fixture *f, gconstpointer data)
{
  const char *const urls[] = { "ftp://127.0.0.1/feed.json", "file:///etc/passwd", "feed.json",
                               "http://", "" };

  for (gsize i = 0; i < G_N_ELEMENTS (urls); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (RempartFetchResult) result = NULL;
      RempartFetchRequest request = { .url = urls[i] };

      result = fetch_full (f, &request, NULL, &error);
      g_assert_error (error, REMPART_FETCH_ERROR, REMPART_FETCH_ERROR_INVALID_URL);
      g_assert_null (result);
    }
}

/* ------------------------------------------------------------------------------------------ */
/* Tests: network                                                                             */
/* ------------------------------------------------------------------------------------------ */

static void
test_connection_refused (Fixture *f, gconstpointer data)
{
  g_autoptr (GSocket) socket = NULL;
  g_autoptr (GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr (GSocketAddress) any_port = g_inet_socket_address_new (loopback, 0);
  g_autoptr (GSocketAddress) bound = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (RempartFetchResult) result = NULL;
  g_autofree char *address = NULL;
  RempartFetchRequest request = { 0 };

  /* A port that was free a moment ago and has no listener. */
  socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, &error);
  g_assert_no_error (error);
  g_socket_bind (socket, any_port, FALSE, &error);
  g_assert_no_error (error);
  bound = g_socket_get_local_address (socket, &error);
  g_assert_no_error (error);
  address = g_strdup_printf ("http://127.0.0.1:%u/feed.json",
                             g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));
  g_socket_close (socket, NULL);

  request.url = address;
  result = fetch_full (f, &request, NULL, &error);
  g_assert_error (error, REMPART_FETCH_ERROR, REMPART_FETCH_ERROR_NETWORK);
  g_assert_null (result);
  g_assert_nonnull (strstr (error->message, "/feed.json"));
}

static void
test_cancelled (Fixture *f, gconstpointer data)
{
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GError) stalled_error = NULL;
  g_autoptr (RempartFetchResult) result = NULL;
  g_autoptr (RempartFetchResult) stalled = NULL;
  g_autofree char *address = url (f, "/conditional");
  g_autofree char *stall = url (f, "/slow");
  RempartFetchRequest request = { .url = address };

  g_cancellable_cancel (cancellable);
  result = fetch_full (f, &request, cancellable, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (result);

  /* Cancelled while the body stalls (the timeout is 30 s: only the cancel can end it). */
  f->chunks_to_send = 0;
  g_cancellable_reset (cancellable);
  g_timeout_add (300, cancel_cb, cancellable);
  request.url = stall;
  stalled = fetch_full (f, &request, cancellable, &stalled_error);
  g_assert_error (stalled_error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (stalled);
}

/* ------------------------------------------------------------------------------------------ */
/* Tests: the synchronous wrapper                                                             */
/* ------------------------------------------------------------------------------------------ */

typedef struct
{
  GMainContext *context;
  SoupServer *server;
  char *base;
  GThread *thread;
  gint stop;
} ServerThread;

static void
server_thread_handle (SoupServer *server,
                      SoupServerMessage *msg,
                      const char *path,
                      GHashTable *query,
                      gpointer user_data)
{
  if (g_strcmp0 (path, "/feed.json") == 0)
    {
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (msg, "application/feed+json", SOUP_MEMORY_STATIC, FEED_BODY,
                                        strlen (FEED_BODY));
    }
  else if (g_strcmp0 (path, "/moved.json") == 0)
    {
      soup_server_message_set_redirect (msg, SOUP_STATUS_MOVED_PERMANENTLY, "/feed.json");
    }
  else
    {
      soup_server_message_set_status (msg, SOUP_STATUS_NOT_FOUND, NULL);
    }
}

static gpointer
server_thread_run (gpointer user_data)
{
  ServerThread *st = user_data;

  g_main_context_push_thread_default (st->context);
  while (!g_atomic_int_get (&st->stop))
    g_main_context_iteration (st->context, TRUE);
  g_main_context_pop_thread_default (st->context);

  return NULL;
}

/* The command-line tool's way: the caller's thread blocks in fetch_sync() while the server
 * runs in a thread of its own. A cancellable fired from the server's thread after
 * GUARD_SECONDS bounds the wait. */
static void
test_sync (void)
{
  ServerThread st = { 0 };
  g_autoptr (RempartFetcher) fetcher = rempart_fetcher_new ();
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GError) missing_error = NULL;
  g_autoptr (RempartFetchResult) result = NULL;
  g_autoptr (RempartFetchResult) missing = NULL;
  g_autofree char *moved = NULL;
  g_autofree char *final = NULL;
  g_autofree char *nowhere = NULL;
  GSource *guard;
  RempartFetchRequest request = { 0 };

  soup_session_set_proxy_resolver (rempart_fetcher_get_session (fetcher), NULL);

  st.context = g_main_context_new ();
  g_main_context_push_thread_default (st.context);
  st.server = rempart_test_server_new (NULL, &st.base);
  soup_server_add_handler (st.server, NULL, server_thread_handle, NULL, NULL);
  guard = g_timeout_source_new_seconds (GUARD_SECONDS);
  g_source_set_callback (guard, cancel_cb, cancellable, NULL);
  g_source_attach (guard, st.context);
  g_main_context_pop_thread_default (st.context);
  st.thread = g_thread_new ("test-server", server_thread_run, &st);

  moved = g_strconcat (st.base, "/moved.json", NULL);
  final = g_strconcat (st.base, "/feed.json", NULL);
  nowhere = g_strconcat (st.base, "/nowhere.json", NULL);

  request.url = moved;
  result = rempart_fetcher_fetch_sync (fetcher, &request, cancellable, &error);
  g_assert_no_error (error);
  assert_body (result, FEED_BODY);
  g_assert_cmpstr (rempart_fetch_result_get_permanent_url (result), ==, final);

  request.url = nowhere;
  missing = rempart_fetcher_fetch_sync (fetcher, &request, cancellable, &missing_error);
  g_assert_error (missing_error, REMPART_FETCH_ERROR, REMPART_FETCH_ERROR_HTTP);
  g_assert_null (missing);

  /* The caller's main context was left alone. */
  g_assert_true (g_main_context_get_thread_default () == NULL);

  g_atomic_int_set (&st.stop, TRUE);
  g_main_context_wakeup (st.context);
  g_thread_join (st.thread);

  g_main_context_push_thread_default (st.context);
  g_source_destroy (guard);
  g_source_unref (guard);
  soup_server_disconnect (st.server);
  g_clear_object (&st.server);
  while (g_main_context_pending (st.context))
    g_main_context_iteration (st.context, FALSE);
  g_main_context_pop_thread_default (st.context);
  g_main_context_unref (st.context);
  g_free (st.base);
}

/* ------------------------------------------------------------------------------------------ */
/* Main                                                                                       */
/* ------------------------------------------------------------------------------------------ */

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/fetcher/retry-after/parse", test_retry_after_parse);
  g_test_add_func ("/fetcher/session", test_session);
  ADD ("/fetcher/status/ok-then-not-modified", test_ok_then_not_modified);
  ADD ("/fetcher/status/not-modified-keeps-validators", test_not_modified_keeps_validators);
  ADD ("/fetcher/status/retry-later", test_retry_later);
  ADD ("/fetcher/status/gone", test_gone);
  ADD ("/fetcher/status/http-error", test_http_error);
  ADD ("/fetcher/status/invalid-url", test_invalid_url);
  ADD ("/fetcher/network/connection-refused", test_connection_refused);
  ADD ("/fetcher/network/cancelled", test_cancelled);
  g_test_add_func ("/fetcher/sync", test_sync);

  return g_test_run ();
}
