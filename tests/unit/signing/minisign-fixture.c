/* minisign-fixture.c
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "minisign-fixture.h"

/* ------------------------------------------------------------------------------------------ */
/* Helpers                                                                                    */
/* ------------------------------------------------------------------------------------------ */

GBytes *
fixture_bytes (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "unit", "minisign", name, NULL);
  g_autoptr (GError) error = NULL;
  char *contents = NULL;
  gsize len = 0;

  g_file_get_contents (path, &contents, &len, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, len);
}

RempartMinisignPublicKey *
fixture_public_key (const char *name)
{
  g_autoptr (GBytes) bytes = fixture_bytes (name);
  g_autoptr (GError) error = NULL;
  RempartMinisignPublicKey *key;

  key = rempart_minisign_public_key_parse (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                           &error);
  g_assert_no_error (error);
  g_assert_nonnull (key);
  return key;
}

GBytes *
bytes_from_string (const char *s)
{
  return g_bytes_new (s, strlen (s));
}

char *
bytes_to_string (GBytes *bytes)
{
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

/* Replaces the first @from in @bytes, which must be there. */
GBytes *
replace_once (GBytes *bytes, const char *from, const char *to)
{
  g_autofree char *s = bytes_to_string (bytes);
  char *at = strstr (s, from);
  g_autofree char *head = NULL;

  g_assert_nonnull (at);
  head = g_strndup (s, at - s);
  return g_bytes_new_take (g_strconcat (head, to, at + strlen (from), NULL),
                           strlen (s) - strlen (from) + strlen (to));
}

/* Decodes line @index (0-based) of a key or signature file, lets @mutate change the binary,
 * and encodes it back, so that tests can forge well-formed files. */
GBytes *
mutate_line (GBytes *bytes, guint index, void (*mutate) (guint8 *bin, gsize len))
{
  g_autofree char *s = bytes_to_string (bytes);
  g_auto (GStrv) lines = g_strsplit (s, "\n", -1);
  g_autofree guint8 *bin = NULL;
  gsize len;
  char *joined;

  g_assert_cmpuint (g_strv_length (lines), >, index);
  bin = g_base64_decode (lines[index], &len);
  mutate (bin, len);
  g_free (lines[index]);
  lines[index] = g_base64_encode (bin, len);
  joined = g_strjoinv ("\n", lines);
  return g_bytes_new_take (joined, strlen (joined));
}

void
assert_verify_fails (RempartMinisignPublicKey *key, GBytes *data, GBytes *sig, int code)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *comment = NULL;

  g_assert_false (rempart_minisign_verify (key, data, sig, &comment, &error));
  g_assert_error (error, REMPART_MINISIGN_ERROR, code);
  g_assert_null (comment);
  g_test_message ("rejected as expected: %s", error->message);
}

RempartMinisignSecretKey *
parse_secret_key (GBytes *bytes, const char *password)
{
  g_autoptr (GError) error = NULL;
  RempartMinisignSecretKey *key = rempart_minisign_secret_key_parse (bytes, password, &error);

  g_assert_no_error (error);
  g_assert_nonnull (key);
  return key;
}

void
assert_secret_key_fails (GBytes *bytes, const char *password, int code)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RempartMinisignSecretKey) key = NULL;

  key = rempart_minisign_secret_key_parse (bytes, password, &error);
  g_assert_null (key);
  g_assert_error (error, REMPART_MINISIGN_ERROR, code);
  g_test_message ("rejected as expected: %s", error->message);
}

char *
sign_and_verify (RempartMinisignSecretKey *secret,
                 RempartMinisignPublicKey *public,
                 const char *comment)
{
  g_autoptr (GBytes) data = bytes_from_string ("{\"items\": []}\n");
  g_autoptr (GBytes) sig = NULL;
  g_autoptr (GError) error = NULL;
  char *trusted = NULL;

  sig = rempart_minisign_sign (secret, data, comment, "feed.json", &error);
  g_assert_no_error (error);
  g_assert_true (rempart_minisign_verify (public, data, sig, &trusted, &error));
  g_assert_no_error (error);
  return trusted;
}
