/* test-fetcher-network.c: what a volunteer reads when the network or TLS fails
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "fetcher-fixture.h"
#include "rempart-test-dirs.h"

/* ------------------------------------------------------------------------------------------ */
/* Helpers                                                                                    */
/* ------------------------------------------------------------------------------------------ */

/* The fetch fails with our NETWORK error, in our words: none of GIO's, libsoup's or the TLS
 * library's own phrases reaches the volunteer. */
static void
assert_plain_network_error (const GError *error, const char *expected)
{
  static const char *const raw[] = {
    "TLS",          "packet",    "Error resolving", "Connection refused", "Could not connect",
    "Unacceptable", "handshake",
  };

  g_assert_error (error, REMPART_FETCH_ERROR, REMPART_FETCH_ERROR_NETWORK);
  if (strstr (error->message, expected) == NULL)
    g_error ("“%s” is not in “%s”", expected, error->message);
  for (guint i = 0; i < G_N_ELEMENTS (raw); i++)
    if (strstr (error->message, raw[i]) != NULL)
      g_error ("Raw library text “%s” in “%s”", raw[i], error->message);
}

static RempartFetchResult *
fetch_url (Fixture *f, const char *address, GError **error)
{
  RempartFetchRequest request = { .url = address };

  return fetch_full (f, &request, NULL, error);
}

/* ------------------------------------------------------------------------------------------ */
/* Tests                                                                                      */
/* ------------------------------------------------------------------------------------------ */

static void
test_refused (Fixture *f, gconstpointer data)
{
  g_autoptr (GSocket) socket = NULL;
  g_autoptr (GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr (GSocketAddress) any_port = g_inet_socket_address_new (loopback, 0);
  g_autoptr (GSocketAddress) bound = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (RempartFetchResult) result = NULL;
  g_autofree char *address = NULL;

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

  result = fetch_url (f, address, &error);
  g_assert_null (result);
  assert_plain_network_error (error, "the server refused the connection");
  g_assert_nonnull (strstr (error->message, "/feed.json"));
}

/* .invalid never resolves (RFC 6761), with or without a network. */
static void
test_unknown_host (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RempartFetchResult) result = NULL;

  result = fetch_url (f, "https://feed.rempart-test.invalid/feed.json", &error);
  g_assert_null (result);
  assert_plain_network_error (error, "Could not find the server feed.rempart-test.invalid");
}

/* A server that answers anything with a plain HTTP error and hangs up, as web servers do when
 * https is spoken to their http port. On the service's own thread: the TLS handshake blocks
 * a thread of its own until the answer comes. */
static gboolean
plain_answer_cb (GThreadedSocketService *service,
                 GSocketConnection *connection,
                 GObject *source,
                 gpointer user_data)
{
  GInputStream *in = g_io_stream_get_input_stream (G_IO_STREAM (connection));
  char hello[512];

  static const char answer[] = "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n"
                               "Connection: close\r\n\r\n";
  GOutputStream *out = g_io_stream_get_output_stream (G_IO_STREAM (connection));

  /* The client speaks first (its TLS hello); answer once it did, as a web server does. */
  g_input_stream_read (in, hello, sizeof hello, NULL, NULL);
  g_output_stream_write_all (out, answer, sizeof answer - 1, NULL, NULL, NULL);
  g_io_stream_close (G_IO_STREAM (connection), NULL, NULL);
  return TRUE;
}

/* An address typed without its scheme is read as https: against a server that only speaks
 * http the TLS library says "An unexpected TLS packet was received"; the volunteer reads
 * what to try instead. */
static void
test_https_to_plain_server (Fixture *f, gconstpointer data)
{
  g_autoptr (GSocketService) service = g_threaded_socket_service_new (1);
  g_autoptr (GError) error = NULL;
  g_autoptr (RempartFetchResult) result = NULL;
  g_autofree char *secure = NULL;
  guint16 port;

  if (!g_tls_backend_supports_tls (g_tls_backend_get_default ()))
    {
      g_test_skip ("No TLS backend");
      return;
    }
  port = g_socket_listener_add_any_inet_port (G_SOCKET_LISTENER (service), NULL, &error);
  g_assert_no_error (error);
  g_signal_connect (service, "run", G_CALLBACK (plain_answer_cb), NULL);
  g_socket_service_start (service);
  secure = g_strdup_printf ("https://127.0.0.1:%u/feed.json", port);

  result = fetch_url (f, secure, &error);
  g_assert_null (result);
  assert_plain_network_error (error, "starts with “http://”, type it in full");
  g_assert_nonnull (strstr (error->message, "secure (https) connection"));

  g_socket_service_stop (service);
  g_socket_listener_close (G_SOCKET_LISTENER (service));
}

/* A certificate no authority vouches for: said as such, nothing downloaded. */
static void
test_bad_certificate (Fixture *f, gconstpointer data)
{
  g_autofree char *dir = NULL;
  g_autofree char *cert_path = NULL;
  g_autoptr (GTlsCertificate) certificate = NULL;
  g_autoptr (SoupServer) tls_server = NULL;
  g_autofree char *tls_base = NULL;
  g_autofree char *address = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (RempartFetchResult) result = NULL;

#ifdef UNDER_ASAN
  /* As in test-fetcher-redirects.c: LeakSanitizer cannot walk GnuTLS's threads. */
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

  tls_server = rempart_test_server_new (certificate, &tls_base);
  add_handlers (f, tls_server);
  add_route (f, "/feed.json", SOUP_STATUS_OK, NULL, NULL, FEED_BODY);
  address = g_strconcat (tls_base, "/feed.json", NULL);

  result = fetch_url (f, address, &error);
  g_assert_null (result);
  assert_plain_network_error (error, "security certificate is not valid");
  g_assert_cmpuint (hits (f, "/feed.json"), ==, 0);

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

  ADD ("/fetcher/network/refused", test_refused);
  ADD ("/fetcher/network/unknown-host", test_unknown_host);
  ADD ("/fetcher/network/https-to-plain-server", test_https_to_plain_server);
  ADD ("/fetcher/network/bad-certificate", test_bad_certificate);

  return g_test_run ();
}
