/* test-fetcher-headers.c: response headers too large, or endless
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fetcher-fixture.h"

/*
 * libsoup reads at most 64 KiB of a response's headers and then fails with the same error
 * code as a connection closed early. Issue 15: that was reported as a truncated download,
 * "try again later", which will never help. It has its own error and words now, for a
 * SoupServer sending one huge header and for a raw server that sends header lines forever.
 */

#define FLOOD_CAP (256 * MIB)

typedef struct
{
  GSocketListener *listener;
  guint16 port;
  gsize sent;
  gboolean write_failed;
} Flood;

/* ------------------------------------------------------------------------------------------ */
/* Helpers                                                                                    */
/* ------------------------------------------------------------------------------------------ */

static void
handle_huge_header (SoupServer *server,
                    SoupServerMessage *msg,
                    const char *path,
                    GHashTable *query,
                    gpointer user_data)
{
  gsize size = GPOINTER_TO_SIZE (user_data);
  g_autofree char *value = g_malloc (size + 1);

  memset (value, 'a', size);
  value[size] = '\0';
  soup_message_headers_append (soup_server_message_get_response_headers (msg), "X-Padding", value);
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_STATIC, FEED_BODY,
                                    strlen (FEED_BODY));
}

/* One connection: a status line, then header lines until the client hangs up (or FLOOD_CAP,
 * so that a client reading forever fails the test instead of hanging it). */
static gpointer
flood_thread (gpointer user_data)
{
  Flood *flood = user_data;
  g_autoptr (GSocketConnection) connection = NULL;
  g_autoptr (GError) error = NULL;
  GOutputStream *out;
  char request[4096];
  const char line[] = "X-Flood: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\n";

  connection = g_socket_listener_accept (flood->listener, NULL, NULL, &error);
  g_assert_no_error (error);
  /* The request fits one read; its content does not matter. */
  g_input_stream_read (g_io_stream_get_input_stream (G_IO_STREAM (connection)), request,
                       sizeof request, NULL, NULL);
  out = g_io_stream_get_output_stream (G_IO_STREAM (connection));
  if (!g_output_stream_write_all (out, "HTTP/1.1 200 OK\r\n", 17, NULL, NULL, NULL))
    flood->write_failed = TRUE;
  while (!flood->write_failed && flood->sent < FLOOD_CAP)
    {
      if (g_output_stream_write_all (out, line, sizeof line - 1, NULL, NULL, NULL))
        flood->sent += sizeof line - 1;
      else
        flood->write_failed = TRUE;
    }
  g_io_stream_close (G_IO_STREAM (connection), NULL, NULL);
  return NULL;
}

static void
assert_headers_error (const GError *error)
{
  g_assert_error (error, REMPART_FETCH_ERROR, REMPART_FETCH_ERROR_HEADERS_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "127.0.0.1"));
  g_assert_nonnull (strstr (error->message, "headers larger than 64 KiB"));
  g_assert_null (strstr (error->message, "Try again later"));
  g_assert_null (strstr (error->message, "before"));
}

/* ------------------------------------------------------------------------------------------ */
/* Tests                                                                                      */
/* ------------------------------------------------------------------------------------------ */

/* One header of 200 KiB from a real SoupServer. */
static void
test_huge_header (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RempartFetchResult) result = NULL;

  soup_server_add_handler (f->server, "/huge-header", handle_huge_header,
                           GSIZE_TO_POINTER (200 * 1024), NULL);
  result = fetch (f, "/huge-header", &error);
  g_assert_null (result);
  assert_headers_error (error);
}

/* Under the limit it is only a large header: the feed arrives. */
static void
test_large_header_accepted (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RempartFetchResult) result = NULL;

  soup_server_add_handler (f->server, "/large-header", handle_huge_header,
                           GSIZE_TO_POINTER (32 * 1024), NULL);
  result = fetch (f, "/large-header", &error);
  g_assert_no_error (error);
  assert_body (result, FEED_BODY);
}

/* Header lines that never end: refused after the limit, and the client hangs up. */
static void
test_endless_headers (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RempartFetchResult) result = NULL;
  g_autoptr (GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr (GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr (GSocketAddress) effective = NULL;
  g_autofree char *where = NULL;
  GThread *thread;
  Flood flood = { 0 };

  flood.listener = g_socket_listener_new ();
  g_socket_listener_add_address (flood.listener, address, G_SOCKET_TYPE_STREAM,
                                 G_SOCKET_PROTOCOL_TCP, NULL, &effective, &error);
  g_assert_no_error (error);
  flood.port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (effective));
  thread = g_thread_new ("flood", flood_thread, &flood);

  where = g_strdup_printf ("http://127.0.0.1:%u/feed.json", flood.port);
  {
    RempartFetchRequest request = { .url = where };

    result = fetch_full (f, &request, NULL, &error);
  }
  g_thread_join (thread);

  g_assert_null (result);
  assert_headers_error (error);
  g_assert_true (flood.write_failed);
  g_assert_cmpuint (flood.sent, >, 64 * 1024);
  g_assert_cmpuint (flood.sent, <, FLOOD_CAP);

  g_socket_listener_close (flood.listener);
  g_object_unref (flood.listener);
}

/* ------------------------------------------------------------------------------------------ */
/* Main                                                                                       */
/* ------------------------------------------------------------------------------------------ */

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ADD ("/fetcher/headers/huge", test_huge_header);
  ADD ("/fetcher/headers/large-accepted", test_large_header_accepted);
  ADD ("/fetcher/headers/endless", test_endless_headers);

  return g_test_run ();
}
