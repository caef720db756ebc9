/* test-fetcher.c
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The feed fetcher against a real SoupServer on 127.0.0.1 in the same process, scripted per
 * test: conditional requests, rate limits, redirects, slow, stalled, oversized and truncated
 * bodies, refused connections, TLS downgrades and signatures. Loopback only; every wait is
 * bounded by a guard that fails the test after GUARD_SECONDS. */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "rempart-fetcher.h"
#include "rempart-http.h"
#include "rempart-minisign.h"
#include "rempart-test-server.h"

#define GUARD_SECONDS 10
#define FEED_BODY     "{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": []}\n"
#define FEED_ETAG     "\"v1\""
#define FEED_MODIFIED "Tue, 21 Oct 2025 07:28:00 GMT"
#define MIB           (1024 * 1024)

/* RFC 6585; libsoup 3.2 has no name for it. */
#define STATUS_TOO_MANY_REQUESTS 429

typedef struct
{
  guint status;
  char *location;
  char *retry_after;
  GBytes *body;
} Route;

typedef struct
{
  SoupServer *server;
  char *base;
  RempartFetcher *fetcher;

  GHashTable *routes;
  GHashTable *hits;
  char *if_none_match;
  char *if_modified_since;
  char *user_agent;

  /* The chunked handlers. */
  guint chunk_interval_ms;
  guint chunks_to_send;
  GString *slow_sent;
  GPtrArray *slow_bodies;
  gsize endless_sent;
  gsize endless_total;
  GPtrArray *streams;
} Fixture;

typedef struct
{
  RempartMinisignPublicKey *public_key;
  RempartMinisignSecretKey *secret_key;
} KeyPair;

typedef struct
{
  Fixture *f;
  SoupServerMessage *msg;
  guint n_left;
  guint source_id;
} SlowBody;

/* ------------------------------------------------------------------------------------------ */
/* Helpers                                                                                    */
/* ------------------------------------------------------------------------------------------ */

static void
route_free (Route *route)
{
  g_free (route->location);
  g_free (route->retry_after);
  g_clear_pointer (&route->body, g_bytes_unref);
  g_free (route);
}

static void
add_route (Fixture *f,
           const char *path,
           guint status,
           const char *location,
           const char *retry_after,
           const char *body)
{
  Route *route = g_new0 (Route, 1);

  route->status = status;
  route->location = g_strdup (location);
  route->retry_after = g_strdup (retry_after);
  if (body != NULL)
    route->body = g_bytes_new (body, strlen (body));
  g_hash_table_replace (f->routes, g_strdup (path), route);
}

static void
add_bytes_route (Fixture *f, const char *path, GBytes *body)
{
  Route *route = g_new0 (Route, 1);

  route->status = SOUP_STATUS_OK;
  route->body = g_bytes_ref (body);
  g_hash_table_replace (f->routes, g_strdup (path), route);
}

static char *
url (Fixture *f, const char *path)
{
  return g_strconcat (f->base, path, NULL);
}

static guint
hits (Fixture *f, const char *path)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (f->hits, path));
}

static gboolean
guard_cb (gpointer user_data)
{
  g_error ("A fetch did not end within %d seconds", GUARD_SECONDS);
  return G_SOURCE_REMOVE;
}

static gboolean
cancel_cb (gpointer user_data)
{
  g_cancellable_cancel (user_data);
  return G_SOURCE_REMOVE;
}

static void
fetch_done_cb (GObject *object, GAsyncResult *result, gpointer user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

/* Runs one fetch on the default main context, which also runs the server. */
static RempartFetchResult *
fetch_full (Fixture *f,
            const RempartFetchRequest *request,
            GCancellable *cancellable,
            GError **error)
{
  g_autoptr (GAsyncResult) async_result = NULL;
  guint guard = g_timeout_add_seconds (GUARD_SECONDS, guard_cb, NULL);

  rempart_fetcher_fetch_async (f->fetcher, request, cancellable, fetch_done_cb, &async_result);
  while (async_result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (guard);

  return rempart_fetcher_fetch_finish (f->fetcher, async_result, error);
}

static RempartFetchResult *
fetch (Fixture *f, const char *path, GError **error)
{
  g_autofree char *address = url (f, path);
  RempartFetchRequest request = { .url = address };

  return fetch_full (f, &request, NULL, error);
}

static GBytes *
bytes_from_string (const char *text)
{
  return g_bytes_new (text, strlen (text));
}

static void
assert_body (RempartFetchResult *result, const char *expected)
{
  GBytes *body = rempart_fetch_result_get_body (result);
  gsize len = 0;
  const char *data;

  g_assert_nonnull (body);
  data = g_bytes_get_data (body, &len);
  g_assert_cmpmem (data, len, expected, strlen (expected));
}

static void
key_pair_clear (KeyPair *pair)
{
  g_clear_pointer (&pair->public_key, rempart_minisign_public_key_unref);
  g_clear_pointer (&pair->secret_key, rempart_minisign_secret_key_unref);
}

static GBytes *
sign (KeyPair *pair, const char *text)
{
  g_autoptr (GBytes) data = bytes_from_string (text);
  g_autoptr (GError) error = NULL;
  GBytes *sig = rempart_minisign_sign (pair->secret_key, data, "rempart test feed", NULL, &error);

  g_assert_no_error (error);
  return sig;
}

/* ------------------------------------------------------------------------------------------ */
/* Server handlers                                                                            */
/* ------------------------------------------------------------------------------------------ */

static void
request_read_cb (SoupServer *server, SoupServerMessage *msg, Fixture *f)
{
  const char *path = g_uri_get_path (soup_server_message_get_uri (msg));
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);

  g_hash_table_replace (f->hits, g_strdup (path), GUINT_TO_POINTER (hits (f, path) + 1));
  g_free (f->if_none_match);
  f->if_none_match = g_strdup (soup_message_headers_get_one (headers, "If-None-Match"));
  g_free (f->if_modified_since);
  f->if_modified_since = g_strdup (soup_message_headers_get_one (headers, "If-Modified-Since"));
  g_free (f->user_agent);
  f->user_agent = g_strdup (soup_message_headers_get_one (headers, "User-Agent"));
}

/* Everything scripted with add_route(); 404 for the rest. */
static void
handle_route (SoupServer *server,
              SoupServerMessage *msg,
              const char *path,
              GHashTable *query,
              gpointer user_data)
{
  Fixture *f = user_data;
  Route *route = g_hash_table_lookup (f->routes, path);
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);

  if (route == NULL)
    {
      soup_server_message_set_status (msg, SOUP_STATUS_NOT_FOUND, NULL);
      return;
    }

  soup_server_message_set_status (msg, route->status, NULL);
  if (route->location != NULL)
    soup_message_headers_replace (headers, "Location", route->location);
  if (route->retry_after != NULL)
    soup_message_headers_replace (headers, "Retry-After", route->retry_after);
  if (route->body != NULL)
    {
      gsize len = 0;
      const char *data = g_bytes_get_data (route->body, &len);

      soup_server_message_set_response (msg, "application/feed+json", SOUP_MEMORY_COPY, data, len);
    }
}

/* A feed with validators, answering 304 to a request that has them. */
static void
handle_conditional (SoupServer *server,
                    SoupServerMessage *msg,
                    const char *path,
                    GHashTable *query,
                    gpointer user_data)
{
  SoupMessageHeaders *request = soup_server_message_get_request_headers (msg);
  SoupMessageHeaders *response = soup_server_message_get_response_headers (msg);
  const char *if_none_match = soup_message_headers_get_one (request, "If-None-Match");

  soup_message_headers_replace (response, "ETag", FEED_ETAG);
  soup_message_headers_replace (response, "Last-Modified", FEED_MODIFIED);
  if (g_strcmp0 (if_none_match, FEED_ETAG) == 0)
    {
      soup_server_message_set_status (msg, SOUP_STATUS_NOT_MODIFIED, NULL);
      return;
    }

  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (msg, "application/feed+json; charset=utf-8", SOUP_MEMORY_STATIC,
                                    FEED_BODY, strlen (FEED_BODY));
}

/* Freed by the fixture: a stalled message is never "finished". */
static void
slow_body_free (SlowBody *slow)
{
  g_clear_handle_id (&slow->source_id, g_source_remove);
  g_signal_handlers_disconnect_by_data (slow->msg, slow);
  g_object_unref (slow->msg);
  g_free (slow);
}

static void
slow_finished_cb (SoupServerMessage *msg, SlowBody *slow)
{
  g_clear_handle_id (&slow->source_id, g_source_remove);
}

static gboolean
slow_tick_cb (gpointer user_data)
{
  SlowBody *slow = user_data;
  SoupMessageBody *body = soup_server_message_get_response_body (slow->msg);
  g_autofree char *chunk = g_strdup_printf ("chunk %u\n", slow->n_left);

  soup_message_body_append (body, SOUP_MEMORY_COPY, chunk, strlen (chunk));
  g_string_append (slow->f->slow_sent, chunk);
  if (--slow->n_left == 0)
    {
      soup_message_body_complete (body);
      slow->source_id = 0;
      soup_server_message_unpause (slow->msg);
      return G_SOURCE_REMOVE;
    }

  soup_server_message_unpause (slow->msg);
  return G_SOURCE_CONTINUE;
}

/* A chunked body of f->chunks_to_send chunks, one every f->chunk_interval_ms; with
 * chunks_to_send = 0, the headers and one chunk, then nothing: a stalled server. */
static void
handle_slow (SoupServer *server,
             SoupServerMessage *msg,
             const char *path,
             GHashTable *query,
             gpointer user_data)
{
  Fixture *f = user_data;
  SlowBody *slow = g_new0 (SlowBody, 1);
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);

  slow->f = f;
  slow->msg = g_object_ref (msg);
  slow->n_left = f->chunks_to_send;
  g_ptr_array_add (f->slow_bodies, slow);

  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_message_headers_set_encoding (headers, SOUP_ENCODING_CHUNKED);
  g_signal_connect (msg, "finished", G_CALLBACK (slow_finished_cb), slow);

  if (f->chunks_to_send == 0)
    {
      soup_message_body_append (soup_server_message_get_response_body (msg), SOUP_MEMORY_STATIC,
                                "{\"version\"", 10);
      return;
    }

  soup_server_message_pause (msg);
  slow->source_id = g_timeout_add (f->chunk_interval_ms, slow_tick_cb, slow);
}

/* A Content-Length of 9 MiB, then a few bytes and nothing: a client that reads it times
 * out, one that refuses it early does not. */
static void
handle_declared_huge (SoupServer *server,
                      SoupServerMessage *msg,
                      const char *path,
                      GHashTable *query,
                      gpointer user_data)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);

  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_message_headers_set_content_length (headers, 9 * MIB);
  soup_message_body_append (soup_server_message_get_response_body (msg), SOUP_MEMORY_STATIC, "{",
                            1);
}

static void
endless_wrote_chunk_cb (SoupServerMessage *msg, Fixture *f)
{
  static char chunk[64 * 1024];
  SoupMessageBody *body = soup_server_message_get_response_body (msg);

  if (f->endless_sent >= f->endless_total)
    {
      soup_message_body_complete (body);
      return;
    }

  memset (chunk, ' ', sizeof chunk);
  soup_message_body_append (body, SOUP_MEMORY_STATIC, chunk, sizeof chunk);
  f->endless_sent += sizeof chunk;
}

/* A chunked body far larger than the cap, written only as fast as the client reads it. */
static void
handle_endless (SoupServer *server,
                SoupServerMessage *msg,
                const char *path,
                GHashTable *query,
                gpointer user_data)
{
  Fixture *f = user_data;

  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_message_headers_set_encoding (soup_server_message_get_response_headers (msg),
                                     SOUP_ENCODING_CHUNKED);
  g_signal_connect (msg, "wrote-chunk", G_CALLBACK (endless_wrote_chunk_cb), f);
  endless_wrote_chunk_cb (msg, f);
}

/* Declares 1000 bytes, sends 100 and closes the connection. ?close=1 also says
 * "Connection: close", which makes libsoup read up to the end of the connection. */
static void
handle_truncated (SoupServer *server,
                  SoupServerMessage *msg,
                  const char *path,
                  GHashTable *query,
                  gpointer user_data)
{
  Fixture *f = user_data;
  gboolean say_close = query != NULL && g_hash_table_contains (query, "close");
  g_autoptr (GIOStream) stream = soup_server_message_steal_connection (msg);
  g_autoptr (GString) raw = g_string_new (NULL);
  g_autoptr (GError) error = NULL;

  g_string_append (raw, "HTTP/1.1 200 OK\r\n"
                        "Content-Type: application/feed+json\r\n"
                        "Content-Length: 1000\r\n");
  if (say_close)
    g_string_append (raw, "Connection: close\r\n");
  g_string_append (raw, "\r\n");
  for (guint i = 0; i < 10; i++)
    g_string_append (raw, "0123456789");

  g_output_stream_write_all (g_io_stream_get_output_stream (stream), raw->str, raw->len, NULL, NULL,
                             &error);
  g_assert_no_error (error);
  g_io_stream_close (stream, NULL, &error);
  g_assert_no_error (error);
  g_ptr_array_add (f->streams, g_steal_pointer (&stream));
}

/* The feed gzip-compressed, which for so small a body is longer than the body itself: a
 * fetcher that compared the decoded length with Content-Length would call it truncated. */
static void
handle_gzip (SoupServer *server,
             SoupServerMessage *msg,
             const char *path,
             GHashTable *query,
             gpointer user_data)
{
  g_autoptr (GZlibCompressor) compressor = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP, 9);
  g_autoptr (GError) error = NULL;
  char compressed[1024];
  gsize n_read = 0;
  gsize n_written = 0;

  g_converter_convert (G_CONVERTER (compressor), FEED_BODY, strlen (FEED_BODY), compressed,
                       sizeof compressed, G_CONVERTER_INPUT_AT_END, &n_read, &n_written, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_written, >, strlen (FEED_BODY));

  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Content-Encoding",
                                "gzip");
  soup_server_message_set_response (msg, "application/feed+json", SOUP_MEMORY_COPY, compressed,
                                    n_written);
}

/* ------------------------------------------------------------------------------------------ */
/* Fixture                                                                                    */
/* ------------------------------------------------------------------------------------------ */

static void
add_handlers (Fixture *f, SoupServer *server)
{
  soup_server_add_handler (server, NULL, handle_route, f, NULL);
  soup_server_add_handler (server, "/conditional", handle_conditional, f, NULL);
  soup_server_add_handler (server, "/slow", handle_slow, f, NULL);
  soup_server_add_handler (server, "/declared-huge", handle_declared_huge, f, NULL);
  soup_server_add_handler (server, "/endless", handle_endless, f, NULL);
  soup_server_add_handler (server, "/truncated", handle_truncated, f, NULL);
  soup_server_add_handler (server, "/gzip", handle_gzip, f, NULL);
  g_signal_connect (server, "request-read", G_CALLBACK (request_read_cb), f);
}

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  f->server = rempart_test_server_new (NULL, &f->base);
  f->routes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) route_free);
  f->hits = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  f->slow_sent = g_string_new (NULL);
  f->slow_bodies = g_ptr_array_new_with_free_func ((GDestroyNotify) slow_body_free);
  f->streams = g_ptr_array_new_with_free_func (g_object_unref);
  add_handlers (f, f->server);

  f->fetcher = rempart_fetcher_new ();
  /* Loopback only, whatever the environment says about proxies. */
  soup_session_set_proxy_resolver (rempart_fetcher_get_session (f->fetcher), NULL);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->fetcher);
  rempart_test_server_disconnect (f->server);
  g_clear_object (&f->server);
  g_free (f->base);
  g_hash_table_unref (f->routes);
  g_hash_table_unref (f->hits);
  g_free (f->if_none_match);
  g_free (f->if_modified_since);
  g_free (f->user_agent);
  g_string_free (f->slow_sent, TRUE);
  g_ptr_array_unref (f->slow_bodies);
  g_ptr_array_unref (f->streams);
}

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

/* A self-signed certificate for 127.0.0.1, made with the openssl tool. */
static GTlsCertificate *
make_certificate (const char *dir, char **out_path)
{
  g_autofree char *cert = g_build_filename (dir, "cert.pem", NULL);
  g_autofree char *key = g_build_filename (dir, "key.pem", NULL);
  g_autofree char *openssl = g_find_program_in_path ("openssl");
  g_autoptr (GError) error = NULL;
  const char *argv[] = { openssl,
                         "req",
                         "-x509",
                         "-newkey",
                         "ec",
                         "-pkeyopt",
                         "ec_paramgen_curve:prime256v1",
                         "-nodes",
                         "-days",
                         "1",
                         "-subj",
                         "/CN=127.0.0.1",
                         "-addext",
                         "subjectAltName=IP:127.0.0.1",
                         "-keyout",
                         key,
                         "-out",
                         cert,
                         NULL };
  int status = 0;
  GTlsCertificate *certificate;

  if (openssl == NULL)
    return NULL;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_spawn_check_wait_status (status, &error);
  g_assert_no_error (error);

  certificate = g_tls_certificate_new_from_files (cert, key, &error);
  g_assert_no_error (error);
  *out_path = g_steal_pointer (&cert);
  return certificate;
}

static void
test_redirect_https_to_http (Fixture *f, gconstpointer data)
{
  g_autofree char *dir = g_dir_make_tmp ("rempart-fetcher-XXXXXX", NULL);
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
  g_rmdir (dir);
  return;
#endif

  g_assert_nonnull (dir);
  certificate = make_certificate (dir, &cert_path);
  if (certificate == NULL || !g_tls_backend_supports_tls (g_tls_backend_get_default ()))
    {
      g_test_skip ("No openssl tool or no TLS backend to make an https server");
      g_rmdir (dir);
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
  g_unlink (cert_path);
  {
    g_autofree char *key = g_build_filename (dir, "key.pem", NULL);
    g_unlink (key);
  }
  g_rmdir (dir);
}

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

  rempart_test_make_keys (&pair.public_key, &pair.secret_key);
  rempart_test_make_keys (&other.public_key, &other.secret_key);
  sig = sign (&other, FEED_BODY);
  add_route (f, "/other.json", SOUP_STATUS_OK, NULL, NULL, FEED_BODY);
  add_bytes_route (f, "/other.json.minisig", sig);

  result = fetch_signed (f, "/other.json", pair.public_key, &error);
  g_assert_error (error, REMPART_FETCH_ERROR, REMPART_FETCH_ERROR_SIGNATURE);
  g_assert_null (result);
  g_assert_nonnull (strstr (error->message, "different key"));

  key_pair_clear (&pair);
  key_pair_clear (&other);
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

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

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
  ADD ("/fetcher/redirect/permanent-chain", test_redirect_permanent_chain);
  ADD ("/fetcher/redirect/temporary-chain", test_redirect_temporary_chain);
  ADD ("/fetcher/redirect/loop", test_redirect_loop);
  ADD ("/fetcher/redirect/five-is-fine", test_redirect_five_is_fine);
  ADD ("/fetcher/redirect/relative", test_redirect_relative);
  ADD ("/fetcher/redirect/then-not-modified", test_redirect_then_not_modified);
  ADD ("/fetcher/redirect/invalid", test_redirect_invalid);
  ADD ("/fetcher/redirect/https-to-http", test_redirect_https_to_http);
  ADD ("/fetcher/body/slow", test_slow_body);
  ADD ("/fetcher/body/stalled", test_stalled_body);
  ADD ("/fetcher/body/declared-too-large", test_declared_too_large);
  ADD ("/fetcher/body/too-large-with-length", test_too_large_with_length);
  ADD ("/fetcher/body/too-large-chunked", test_too_large_chunked);
  ADD ("/fetcher/body/truncated", test_truncated);
  ADD ("/fetcher/body/gzip", test_gzip);
  ADD ("/fetcher/network/connection-refused", test_connection_refused);
  ADD ("/fetcher/network/cancelled", test_cancelled);
  ADD ("/fetcher/signature/good", test_signature_good);
  ADD ("/fetcher/signature/missing", test_signature_missing);
  ADD ("/fetcher/signature/tampered", test_signature_tampered);
  ADD ("/fetcher/signature/wrong-key", test_signature_wrong_key);
  ADD ("/fetcher/signature/garbage", test_signature_garbage);
  ADD ("/fetcher/signature/rate-limited", test_signature_rate_limited);
  g_test_add_func ("/fetcher/sync", test_sync);

  return g_test_run ();
}
