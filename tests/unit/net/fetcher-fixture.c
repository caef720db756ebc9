/* fetcher-fixture.c
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "fetcher-fixture.h"

/* ------------------------------------------------------------------------------------------ */
/* Structures                                                                                 */
/* ------------------------------------------------------------------------------------------ */

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

void
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

void
add_bytes_route (Fixture *f, const char *path, GBytes *body)
{
  Route *route = g_new0 (Route, 1);

  route->status = SOUP_STATUS_OK;
  route->body = g_bytes_ref (body);
  g_hash_table_replace (f->routes, g_strdup (path), route);
}

char *
url (Fixture *f, const char *path)
{
  return g_strconcat (f->base, path, NULL);
}

guint
hits (Fixture *f, const char *path)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (f->hits, path));
}

gboolean
guard_cb (gpointer user_data)
{
  g_error ("A fetch did not end within %d seconds", GUARD_SECONDS);
  return G_SOURCE_REMOVE;
}

gboolean
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

RempartFetchResult *
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

RempartFetchResult *
fetch (Fixture *f, const char *path, GError **error)
{
  g_autofree char *address = url (f, path);
  RempartFetchRequest request = { .url = address };

  return fetch_full (f, &request, NULL, error);
}

GBytes *
bytes_from_string (const char *text)
{
  return g_bytes_new (text, strlen (text));
}

void
assert_body (RempartFetchResult *result, const char *expected)
{
  GBytes *body = rempart_fetch_result_get_body (result);
  gsize len = 0;
  const char *data;

  g_assert_nonnull (body);
  data = g_bytes_get_data (body, &len);
  g_assert_cmpmem (data, len, expected, strlen (expected));
}

void
key_pair_clear (KeyPair *pair)
{
  g_clear_pointer (&pair->public_key, rempart_minisign_public_key_unref);
  g_clear_pointer (&pair->secret_key, rempart_minisign_secret_key_unref);
}

GBytes *
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

void
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

void
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

void
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
