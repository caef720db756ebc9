/* keyring-checks.c: what both keyring test programs check, each on its own backend
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "keyring-checks.h"

#if defined(__SANITIZE_ADDRESS__)
const char *__asan_default_options (void);
const char *__lsan_default_suppressions (void);

/* The keyring tests stop their private bus under libsecret's live connection (tearing it down
 * would wait for ever): a message GDBus's worker was still decoding is left behind. Matching
 * it needs whole allocation stacks, as GLib is built without frame pointers. */
const char *
__asan_default_options (void)
{
  return "fast_unwind_on_malloc=0";
}

const char *
__lsan_default_suppressions (void)
{
  return "leak:g_dbus_message_new_from_blob\n";
}
#endif

static RempartKeyringBackend expected_backend;
static char *fallback_dir;

static guint
count_fallback_files (void)
{
  g_autoptr (GDir) dir = g_dir_open (fallback_dir, 0, NULL);
  guint n = 0;

  if (dir == NULL)
    return 0;
  while (g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

/* A key made by the real minisign, protected by @password. */
static GBytes *
minisign_key (const char *password, RempartMinisignPublicKey **out_pub)
{
  g_autofree char *dir = g_dir_make_tmp ("keyring-test-XXXXXX", NULL);
  g_autofree char *pub = g_build_filename (dir, "k.pub", NULL);
  g_autofree char *sec = g_build_filename (dir, "k.key", NULL);
  g_autofree char *input = g_strdup_printf ("%s\n%s\n", password, password);
  g_autoptr (GSubprocess) proc = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *pub_text = NULL;
  gsize length;

  proc = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_SILENCE |
                               G_SUBPROCESS_FLAGS_STDERR_SILENCE,
                           &error, "minisign", "-G", "-p", pub, "-s", sec, NULL);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate_utf8 (proc, input, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_successful (proc));

  g_assert_true (g_file_get_contents (sec, &contents, &length, &error));
  g_assert_true (g_file_get_contents (pub, &pub_text, NULL, &error));
  g_assert_no_error (error);
  *out_pub = rempart_minisign_public_key_parse (pub_text, strlen (pub_text), &error);
  g_assert_no_error (error);

  g_unlink (pub);
  g_unlink (sec);
  g_rmdir (dir);
  return g_bytes_new (contents, length);
}

static void
test_import_minisign_key (void)
{
  g_autoptr (RempartKeyring) keyring = rempart_keyring_new (fallback_dir);
  g_autoptr (RempartMinisignPublicKey) made = NULL;
  g_autoptr (RempartMinisignPublicKey) pub = NULL;
  g_autoptr (RempartMinisignSecretKey) secret = NULL;
  g_autoptr (GBytes) key_file = NULL;
  g_autoptr (GBytes) kept = NULL;
  g_autoptr (GBytes) signature = NULL;
  g_autoptr (GBytes) data = g_bytes_new_static ("feed", 4);
  g_autofree char *text = NULL;
  g_autofree char *b64 = NULL;
  RempartKeyringBackend backend = 99;
  GError *error = NULL;
  const char *feed = "https://example.org/import/feed.json";

  key_file = minisign_key ("correct horse", &made);

  /* A wrong password is refused before anything is kept. */
  g_assert_null (
      rempart_keyring_import_key_sync (keyring, feed, key_file, "wrong", NULL, NULL, &error));
  g_assert_error (error, REMPART_MINISIGN_ERROR, REMPART_MINISIGN_ERROR_WRONG_PASSWORD);
  g_clear_error (&error);
  g_assert_null (rempart_keyring_lookup_secret_key_sync (keyring, feed, NULL, NULL, &error));
  g_assert_error (error, REMPART_KEYRING_ERROR, REMPART_KEYRING_ERROR_NOT_FOUND);
  g_clear_error (&error);

  pub = rempart_keyring_import_key_sync (keyring, feed, key_file, "correct horse", &backend, NULL,
                                         &error);
  g_assert_no_error (error);
  g_assert_cmpint (backend, ==, expected_backend);
  g_assert_true (rempart_minisign_public_key_equal (pub, made));

  /* Kept as it was: still password-protected, byte for byte. */
  backend = 99;
  kept = rempart_keyring_lookup_secret_key_sync (keyring, feed, &backend, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (backend, ==, expected_backend);
  g_assert_cmpmem (g_bytes_get_data (kept, NULL), g_bytes_get_size (kept),
                   g_bytes_get_data (key_file, NULL), g_bytes_get_size (key_file));
  g_assert_null (rempart_keyring_open_secret_key_sync (keyring, feed, NULL, NULL, &error));
  g_assert_error (error, REMPART_MINISIGN_ERROR, REMPART_MINISIGN_ERROR_PASSWORD_REQUIRED);
  g_clear_error (&error);

  secret = rempart_keyring_open_secret_key_sync (keyring, feed, "correct horse", NULL, &error);
  g_assert_no_error (error);
  signature = rempart_minisign_sign (secret, data, "t", "feed.json", &error);
  g_assert_no_error (error);
  g_assert_true (rempart_minisign_verify (made, data, signature, NULL, &error));
  g_assert_no_error (error);

  /* The public key, ready to share, reads back as minisign's format. */
  text = rempart_keyring_public_key_to_text (pub);
  g_assert_true (g_str_has_prefix (text, "untrusted comment: minisign public key "));
  b64 = rempart_minisign_public_key_to_base64 (pub);
  g_assert_nonnull (strstr (text, b64));

  if (expected_backend == REMPART_KEYRING_BACKEND_FILE)
    g_assert_cmpuint (count_fallback_files (), >, 0);
  else
    g_assert_cmpuint (count_fallback_files (), ==, 0);

  g_assert_true (rempart_keyring_delete_secret_key_sync (keyring, feed, NULL, &error));
  g_assert_no_error (error);
  g_assert_null (rempart_keyring_lookup_secret_key_sync (keyring, feed, NULL, NULL, &error));
  g_assert_error (error, REMPART_KEYRING_ERROR, REMPART_KEYRING_ERROR_NOT_FOUND);
  g_clear_error (&error);
}

static void
test_import_refuses_other_files (void)
{
  g_autoptr (RempartKeyring) keyring = rempart_keyring_new (fallback_dir);
  g_autoptr (GBytes) junk = g_bytes_new_static ("untrusted comment: x\nAAAA\n", 26);
  g_autoptr (GBytes) binary = g_bytes_new_static ("\0\1\2", 3);
  GError *error = NULL;

  g_assert_null (rempart_keyring_import_key_sync (keyring, "https://example.org/f", junk, NULL,
                                                  NULL, NULL, &error));
  g_assert_error (error, REMPART_KEYRING_ERROR, REMPART_KEYRING_ERROR_INVALID_KEY);
  g_clear_error (&error);
  g_assert_null (rempart_keyring_import_key_sync (keyring, "https://example.org/f", binary, NULL,
                                                  NULL, NULL, &error));
  g_assert_error (error, REMPART_KEYRING_ERROR, REMPART_KEYRING_ERROR_INVALID_KEY);
  g_clear_error (&error);
}

static void
create_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static void
test_create_key_async (void)
{
  g_autoptr (RempartKeyring) keyring = rempart_keyring_new (fallback_dir);
  g_autoptr (RempartMinisignPublicKey) pub = NULL;
  g_autoptr (RempartMinisignSecretKey) secret = NULL;
  g_autoptr (RempartMinisignPublicKey) derived = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  RempartKeyringBackend backend = 99;
  GError *error = NULL;
  gint64 deadline = g_get_monotonic_time () + 120 * G_TIME_SPAN_SECOND;
  const char *feed = "https://example.org/new/feed.json";

  /* No password: an unencrypted key, as `minisign -G -W` makes (the scrypt of a password is
   * covered by the import test). */
  rempart_keyring_create_key_async (keyring, feed, NULL, NULL, create_done_cb, &result);
  while (result == NULL && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (result);

  pub = rempart_keyring_create_key_finish (keyring, result, &backend, &error);
  g_assert_no_error (error);
  g_assert_cmpint (backend, ==, expected_backend);

  secret = rempart_keyring_open_secret_key_sync (keyring, feed, NULL, NULL, &error);
  g_assert_no_error (error);
  derived = rempart_minisign_secret_key_get_public_key (secret);
  g_assert_true (rempart_minisign_public_key_equal (pub, derived));
}

static void
test_server_password (void)
{
  g_autoptr (RempartKeyring) keyring = rempart_keyring_new (fallback_dir);
  g_autofree char *password = NULL;
  g_autofree char *again = NULL;
  RempartKeyringBackend backend = 99;
  GError *error = NULL;
  const char *url = "https://dav.example.org/group/";
  gboolean stored;

  g_assert_null (rempart_keyring_lookup_password_sync (keyring, url, "ana", NULL, NULL, &error));
  g_assert_error (error, REMPART_KEYRING_ERROR, REMPART_KEYRING_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (rempart_keyring_store_password_sync (keyring, url, "ana", "s3cret pass", &backend,
                                                      NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (backend, ==, expected_backend);
  g_assert_true (
      rempart_keyring_store_password_sync (keyring, url, "bob", "other", NULL, NULL, &error));
  g_assert_no_error (error);

  backend = 99;
  password = rempart_keyring_lookup_password_sync (keyring, url, "ana", &backend, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (password, ==, "s3cret pass");
  g_assert_cmpint (backend, ==, expected_backend);

  /* Storing again replaces, per user. */
  stored = rempart_keyring_store_password_sync (keyring, url, "ana", "changed", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (stored);
  again = rempart_keyring_lookup_password_sync (keyring, url, "ana", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (again, ==, "changed");
}

static void
test_fallback_files_are_private (void)
{
  GStatBuf st;
  g_autoptr (GDir) dir = NULL;
  const char *name;

  if (expected_backend != REMPART_KEYRING_BACKEND_FILE)
    {
      g_test_skip ("secrets are in the Secret Service");
      return;
    }

  g_assert_cmpint (g_stat (fallback_dir, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  dir = g_dir_open (fallback_dir, 0, NULL);
  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fallback_dir, name, NULL);

      g_assert_cmpint (g_stat (path, &st), ==, 0);
      g_assert_cmpint (st.st_mode & 0777, ==, 0600);
    }
}

void
keyring_checks_add (RempartKeyringBackend expected, const char *dir)
{
  expected_backend = expected;
  fallback_dir = g_strdup (dir);

  g_test_add_func ("/keyring/import-minisign-key", test_import_minisign_key);
  g_test_add_func ("/keyring/import-refuses-other-files", test_import_refuses_other_files);
  g_test_add_func ("/keyring/create-key-async", test_create_key_async);
  g_test_add_func ("/keyring/server-password", test_server_password);
  g_test_add_func ("/keyring/fallback-files-are-private", test_fallback_files_are_private);
}
