/* rempart-test-server.c
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rempart-test-server.h"

#include <glib/gstdio.h>

#ifdef UNDER_ASAN
const char *__asan_default_options (void);
const char *__lsan_default_suppressions (void);

/* libsoup 3.2's SoupListener (the test server's side, never the fetcher's) leaks every
 * accepted GSocket and its own local address; both are fixed in later libsoup. Suppressing
 * them needs whole allocation stacks, as GLib is built without frame pointers. */
const char *
__asan_default_options (void)
{
  return "fast_unwind_on_malloc=0";
}

const char *
__lsan_default_suppressions (void)
{
  return "leak:g_socket_accept\n"
         "leak:soup_server_listen_local\n";
}
#endif

SoupServer *
rempart_test_server_new (GTlsCertificate *certificate, char **out_base)
{
  g_autoptr (GError) error = NULL;
  SoupServer *server;
  GSList *uris;
  GUri *uri;

  server = soup_server_new ("tls-certificate", certificate, NULL);
  soup_server_listen_local (
      server, 0,
      SOUP_SERVER_LISTEN_IPV4_ONLY | (certificate != NULL ? SOUP_SERVER_LISTEN_HTTPS : 0), &error);
  g_assert_no_error (error);

  uris = soup_server_get_uris (server);
  g_assert_nonnull (uris);
  uri = uris->data;
  *out_base = g_strdup_printf ("%s://127.0.0.1:%d", certificate != NULL ? "https" : "http",
                               g_uri_get_port (uri));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  return server;
}

void
rempart_test_server_disconnect (SoupServer *server)
{
  soup_server_disconnect (server);
  rempart_test_spin (50);
}

void
rempart_test_spin (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

void
rempart_test_make_keys (RempartMinisignPublicKey **out_public_key,
                        RempartMinisignSecretKey **out_secret_key)
{
  g_autofree char *dir = g_dir_make_tmp ("rempart-keys-XXXXXX", NULL);
  g_autofree char *pub_path = g_build_filename (dir, "key.pub", NULL);
  g_autofree char *sec_path = g_build_filename (dir, "key.sec", NULL);
  g_autofree char *pub_text = NULL;
  g_autofree char *sec_text = NULL;
  g_autoptr (GBytes) sec_bytes = NULL;
  g_autoptr (GError) error = NULL;
  gsize pub_len = 0;
  gsize sec_len = 0;

  g_assert_nonnull (dir);
  rempart_minisign_keygen (pub_path, sec_path, NULL, FALSE, &error);
  g_assert_no_error (error);
  g_file_get_contents (pub_path, &pub_text, &pub_len, &error);
  g_assert_no_error (error);
  g_file_get_contents (sec_path, &sec_text, &sec_len, &error);
  g_assert_no_error (error);

  *out_public_key = rempart_minisign_public_key_parse (pub_text, pub_len, &error);
  g_assert_no_error (error);
  sec_bytes = g_bytes_new (sec_text, sec_len);
  *out_secret_key = rempart_minisign_secret_key_parse (sec_bytes, NULL, &error);
  g_assert_no_error (error);

  g_unlink (pub_path);
  g_unlink (sec_path);
  g_rmdir (dir);
}

/* A self-signed certificate for 127.0.0.1, made with the openssl tool. */
GTlsCertificate *
rempart_test_make_certificate (const char *dir, char **out_path)
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
