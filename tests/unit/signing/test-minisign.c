/* test-minisign.c
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* minisign keys and signatures without the minisign binary: fixtures made by minisign 0.11
 * (tests/unit/minisign/README), round trips, tampering and hostile input. The interop with
 * a live minisign is in test-minisign-interop.c. */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "rempart-minisign-private.h"
#include "rempart-minisign.h"
#include "rempart-scrypt.h"

#define FIXTURE_PASSWORD       "correct horse battery staple"
#define FIXTURE_ENCRYPTED_ID   "F5D794E39FB53BBE"
#define FIXTURE_UNENCRYPTED_ID "A32496B50E5FA18D"
#define FIXTURE_ENCRYPTED_B64  "RWS+O7Wf45TX9bve1NpPQ/TGCcehz/RUvaj1Y+F2Q52nPhzIb1KQA7P9"

/* Cheap scrypt costs for keys made by the tests (2 MiB, N = 2^11, p = 1). */
#define TEST_OPSLIMIT G_GUINT64_CONSTANT (65536)
#define TEST_MEMLIMIT G_GUINT64_CONSTANT (16777216)

typedef struct
{
  char *dir;
} TmpFixture;

/* ------------------------------------------------------------------------------------------ */
/* Helpers                                                                                    */
/* ------------------------------------------------------------------------------------------ */

static GBytes *
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

static RempartMinisignPublicKey *
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

static GBytes *
bytes_from_string (const char *s)
{
  return g_bytes_new (s, strlen (s));
}

static char *
bytes_to_string (GBytes *bytes)
{
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

/* Replaces the first @from in @bytes, which must be there. */
static GBytes *
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
static GBytes *
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

static void
assert_verify_fails (RempartMinisignPublicKey *key, GBytes *data, GBytes *sig, int code)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *comment = NULL;

  g_assert_false (rempart_minisign_verify (key, data, sig, &comment, &error));
  g_assert_error (error, REMPART_MINISIGN_ERROR, code);
  g_assert_null (comment);
  g_test_message ("rejected as expected: %s", error->message);
}

static RempartMinisignSecretKey *
parse_secret_key (GBytes *bytes, const char *password)
{
  g_autoptr (GError) error = NULL;
  RempartMinisignSecretKey *key = rempart_minisign_secret_key_parse (bytes, password, &error);

  g_assert_no_error (error);
  g_assert_nonnull (key);
  return key;
}

static void
assert_secret_key_fails (GBytes *bytes, const char *password, int code)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RempartMinisignSecretKey) key = NULL;

  key = rempart_minisign_secret_key_parse (bytes, password, &error);
  g_assert_null (key);
  g_assert_error (error, REMPART_MINISIGN_ERROR, code);
  g_test_message ("rejected as expected: %s", error->message);
}

static char *
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

static void
tmp_setup (TmpFixture *fixture, gconstpointer user_data)
{
  g_autoptr (GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("rempart-minisign-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
tmp_teardown (TmpFixture *fixture, gconstpointer user_data)
{
  g_autoptr (GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

      g_assert_cmpint (g_unlink (path), ==, 0);
    }
  g_assert_cmpint (g_rmdir (fixture->dir), ==, 0);
  g_free (fixture->dir);
}

/* ------------------------------------------------------------------------------------------ */
/* Public keys                                                                                */
/* ------------------------------------------------------------------------------------------ */

static void
test_public_key_forms (void)
{
  g_autoptr (RempartMinisignPublicKey) file_key = fixture_public_key ("encrypted.pub");
  const char *forms[] = {
    FIXTURE_ENCRYPTED_B64,
    FIXTURE_ENCRYPTED_B64 "\n",
    "  " FIXTURE_ENCRYPTED_B64 " \r\n\n",
    "untrusted comment: minisign public key F5D794E39FB53BBE\r\n" FIXTURE_ENCRYPTED_B64 "\r\n",
    "untrusted comment: anything\n" FIXTURE_ENCRYPTED_B64,
  };
  g_autofree char *id = rempart_minisign_public_key_get_key_id_string (file_key);
  g_autofree char *b64 = rempart_minisign_public_key_to_base64 (file_key);

  g_assert_cmpstr (id, ==, FIXTURE_ENCRYPTED_ID);
  g_assert_cmpstr (b64, ==, FIXTURE_ENCRYPTED_B64);

  for (gsize i = 0; i < G_N_ELEMENTS (forms); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (RempartMinisignPublicKey) key = NULL;

      key = rempart_minisign_public_key_parse (forms[i], -1, &error);
      g_assert_no_error (error);
      g_assert_true (rempart_minisign_public_key_equal (key, file_key));
    }
}

static void
test_public_key_errors (void)
{
  g_autofree char *long_line = g_strnfill (2000, 'A');
  g_autofree char *huge = g_strnfill (5000, 'A');
  guint8 wrong_alg[MINISIGN_PUBLIC_KEY_BIN_LEN] = { 'E', 'c' };
  g_autofree char *wrong_alg_b64 = g_base64_encode (wrong_alg, sizeof wrong_alg);
  const struct
  {
    const char *text;
    int code;
    const char *needle;
  } cases[] = {
    { "", REMPART_MINISIGN_ERROR_MALFORMED, "empty" },
    { "RWQ", REMPART_MINISIGN_ERROR_MALFORMED, "wrong length" },
    { "RWS+O7Wf45TX9bve1NpPQ/TGCcehz/RUvaj1Y+F2Q52nPhzIb1KQA7P", REMPART_MINISIGN_ERROR_MALFORMED,
      "wrong length" },
    { "RWS+O7Wf45TX9bve1NpPQ/TGCcehz/RUvaj1Y+F2Q52nPhzIb1KQA7P9A", REMPART_MINISIGN_ERROR_MALFORMED,
      "wrong length" },
    { "RWS+O7Wf45TX9bve1NpPQ/TGCcehz*RUvaj1Y+F2Q52nPhzIb1KQA7P9", REMPART_MINISIGN_ERROR_MALFORMED,
      "base64" },
    { "RWS+O7Wf45TX9bve1NpPQ/TGCcehz RUvaj1Y+F2Q52nPhzIb1KQA7P9", REMPART_MINISIGN_ERROR_MALFORMED,
      "base64" },
    { wrong_alg_b64, REMPART_MINISIGN_ERROR_UNSUPPORTED, "Ec" },
    { long_line, REMPART_MINISIGN_ERROR_MALFORMED, "too long" },
    { huge, REMPART_MINISIGN_ERROR_MALFORMED, "too large" },
    { FIXTURE_ENCRYPTED_B64 "\nRWQ", REMPART_MINISIGN_ERROR_MALFORMED, "unexpected text" },
    { "untrusted comment: minisign public key\n", REMPART_MINISIGN_ERROR_MALFORMED, "missing" },
    { "untrusted comment: minisign public key\n\n", REMPART_MINISIGN_ERROR_MALFORMED,
      "wrong length" },
    { "untrusted comment: x\n" FIXTURE_ENCRYPTED_B64 " \n", REMPART_MINISIGN_ERROR_MALFORMED,
      "wrong length" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (RempartMinisignPublicKey) key = NULL;

      key = rempart_minisign_public_key_parse (cases[i].text, -1, &error);
      g_assert_null (key);
      g_assert_error (error, REMPART_MINISIGN_ERROR, cases[i].code);
      if (strstr (error->message, cases[i].needle) == NULL)
        g_error ("case %" G_GSIZE_FORMAT ": “%s” does not mention “%s”", i, error->message,
                 cases[i].needle);
    }

  /* A NUL byte inside the given length. */
  {
    static const char with_nul[] = "RWS+O7Wf45TX9bve1NpPQ/TGCcehz/RU\0aj1Y+F2Q52nPhzIb1KQA7P9";
    g_autoptr (GError) error = NULL;

    g_assert_null (rempart_minisign_public_key_parse (with_nul, sizeof with_nul - 1, &error));
    g_assert_error (error, REMPART_MINISIGN_ERROR, REMPART_MINISIGN_ERROR_MALFORMED);
  }
}

/* ------------------------------------------------------------------------------------------ */
/* Verification of minisign's own signatures                                                  */
/* ------------------------------------------------------------------------------------------ */

static void
test_verify_fixtures (void)
{
  g_autoptr (RempartMinisignPublicKey) key = fixture_public_key ("encrypted.pub");
  g_autoptr (GBytes) data = fixture_bytes ("message.json");
  const char *sigs[][2] = {
    { "message.json.minisig", "rempart test fixture: prehashed" },
    { "message.json.legacy.minisig", "rempart test fixture: legacy" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (sigs); i++)
    {
      g_autoptr (GBytes) sig = fixture_bytes (sigs[i][0]);
      g_autoptr (GError) error = NULL;
      g_autofree char *comment = NULL;

      g_assert_true (rempart_minisign_verify (key, data, sig, &comment, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (comment, ==, sigs[i][1]);
      /* The comment is optional. */
      g_assert_true (rempart_minisign_verify (key, data, sig, NULL, &error));
      g_assert_no_error (error);
    }
}

static void
flip_sig_byte (guint8 *bin, gsize len)
{
  bin[len - 1] ^= 0x01;
}

static void
set_alg_xx (guint8 *bin, gsize len)
{
  memcpy (bin, "XX", 2);
}

static void
test_verify_tampering (void)
{
  g_autoptr (RempartMinisignPublicKey) key = fixture_public_key ("encrypted.pub");
  g_autoptr (RempartMinisignPublicKey) other = fixture_public_key ("unencrypted.pub");
  g_autoptr (GBytes) data = fixture_bytes ("message.json");
  g_autoptr (GBytes) sig = fixture_bytes ("message.json.minisig");
  g_autoptr (GBytes) legacy = fixture_bytes ("message.json.legacy.minisig");
  g_autoptr (GBytes) tampered_data = replace_once (data, "Rempart", "Rempert");
  g_autoptr (GBytes) tampered_comment = replace_once (sig, "prehashed", "prehashes");
  g_autoptr (GBytes) tampered_sig = mutate_line (sig, 1, flip_sig_byte);
  g_autoptr (GBytes) tampered_global = mutate_line (sig, 3, flip_sig_byte);
  g_autoptr (GBytes) downgraded = replace_once (sig, "RUS+", "RWS+");
  g_autoptr (GBytes) unsupported = mutate_line (sig, 1, set_alg_xx);
  g_autoptr (GError) error = NULL;

  assert_verify_fails (key, tampered_data, sig, REMPART_MINISIGN_ERROR_BAD_SIGNATURE);
  assert_verify_fails (key, tampered_data, legacy, REMPART_MINISIGN_ERROR_BAD_SIGNATURE);
  assert_verify_fails (key, data, tampered_sig, REMPART_MINISIGN_ERROR_BAD_SIGNATURE);
  /* ED turned into Ed: the prehashed signature must not pass as a legacy one. */
  assert_verify_fails (key, data, downgraded, REMPART_MINISIGN_ERROR_BAD_SIGNATURE);
  assert_verify_fails (key, data, tampered_comment, REMPART_MINISIGN_ERROR_BAD_TRUSTED_COMMENT);
  assert_verify_fails (key, data, tampered_global, REMPART_MINISIGN_ERROR_BAD_TRUSTED_COMMENT);
  assert_verify_fails (key, data, unsupported, REMPART_MINISIGN_ERROR_UNSUPPORTED);

  /* The wrong key: both ids, as minisign prints them. */
  g_assert_false (rempart_minisign_verify (other, data, sig, NULL, &error));
  g_assert_error (error, REMPART_MINISIGN_ERROR, REMPART_MINISIGN_ERROR_KEY_MISMATCH);
  g_assert_nonnull (strstr (error->message, FIXTURE_ENCRYPTED_ID));
  g_assert_nonnull (strstr (error->message, FIXTURE_UNENCRYPTED_ID));
}

static void
test_verify_hostile (void)
{
  g_autoptr (RempartMinisignPublicKey) key = fixture_public_key ("encrypted.pub");
  g_autoptr (GBytes) data = fixture_bytes ("message.json");
  g_autoptr (GBytes) sig = fixture_bytes ("message.json.minisig");
  g_autofree char *text = bytes_to_string (sig);
  gsize len = strlen (text);
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);
  g_autofree char *long_comment = g_strnfill (9000, 'c');
  g_autofree char *huge = g_strnfill (1 << 20, 'A');

  /* Every truncation is refused, except the one that only drops the final newline. */
  for (gsize cut = 0; cut <= len; cut++)
    {
      g_autoptr (GBytes) prefix = g_bytes_new (text, cut);
      g_autoptr (GError) error = NULL;
      gboolean ok = rempart_minisign_verify (key, data, prefix, NULL, &error);

      if (cut >= len - 1)
        g_assert_no_error (error);
      else
        g_assert_error (error, REMPART_MINISIGN_ERROR, REMPART_MINISIGN_ERROR_MALFORMED);
      g_assert_true (ok == (error == NULL));
    }

  /* CRLF line endings are accepted. */
  {
    g_autofree char *crlf = g_strjoinv ("\r\n", lines);
    g_autoptr (GBytes) crlf_sig = bytes_from_string (crlf);
    g_autoptr (GError) error = NULL;
    g_autofree char *comment = NULL;

    g_assert_true (rempart_minisign_verify (key, data, crlf_sig, &comment, &error));
    g_assert_no_error (error);
    g_assert_cmpstr (comment, ==, "rempart test fixture: prehashed");
  }

  /* Malformed files, each with a clear error. */
  {
    g_autofree char *no_trusted = g_strjoin ("\n", lines[0], lines[1], lines[3], "", NULL);
    g_autofree char *no_untrusted = g_strjoin ("\n", lines[1], lines[2], lines[3], "", NULL);
    g_autofree char *overlong_comment = g_strdup_printf (
        "%s\n%s\ntrusted comment: %s\n%s\n", lines[0], lines[1], long_comment, lines[3]);
    g_autofree char *latin1 =
        g_strdup_printf ("%s\n%s\ntrusted comment: caf\xe9\n%s\n", lines[0], lines[1], lines[3]);
    g_autofree char *trailing = g_strconcat (text, "RWQ\n", NULL);
    g_autofree char *bad_padding = g_strdup (text);
    char *pad = strstr (bad_padding, "Ag==");
    const char *cases[] = {
      "hello world", "untrusted comment:", no_trusted, no_untrusted, overlong_comment, latin1,
      trailing,      bad_padding,          huge,
    };

    g_assert_nonnull (pad);
    pad[1] = 'h';

    for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        g_autoptr (GBytes) bad = bytes_from_string (cases[i]);

        assert_verify_fails (key, data, bad, REMPART_MINISIGN_ERROR_MALFORMED);
      }
  }

  /* Random bytes never crash the parser. */
  for (guint i = 0; i < 500; i++)
    {
      gsize n = g_test_rand_int_range (0, 400);
      g_autofree guint8 *junk = g_malloc (n + 1);
      g_autoptr (GBytes) bad = NULL;
      g_autoptr (GError) error = NULL;

      for (gsize j = 0; j < n; j++)
        junk[j] = g_test_rand_int_range (0, 256);
      bad = g_bytes_new (junk, n);
      g_assert_false (rempart_minisign_verify (key, data, bad, NULL, &error));
      g_assert_error (error, REMPART_MINISIGN_ERROR, REMPART_MINISIGN_ERROR_MALFORMED);
    }
}

/* ------------------------------------------------------------------------------------------ */
/* Secret keys                                                                                */
/* ------------------------------------------------------------------------------------------ */

static void
test_secret_key_unencrypted_fixture (void)
{
  g_autoptr (GBytes) bytes = fixture_bytes ("unencrypted.key");
  g_autoptr (RempartMinisignSecretKey) secret = parse_secret_key (bytes, NULL);
  g_autoptr (RempartMinisignSecretKey) ignored_password = parse_secret_key (bytes, "x");
  g_autoptr (RempartMinisignPublicKey) public = fixture_public_key ("unencrypted.pub");
  g_autoptr (RempartMinisignPublicKey) derived =
      rempart_minisign_secret_key_get_public_key (secret);
  g_autofree char *id = rempart_minisign_secret_key_get_key_id_string (secret);
  g_autofree char *custom = sign_and_verify (secret, public, "feed 2026-03-01");
  g_autofree char *dflt = sign_and_verify (secret, public, NULL);
  g_autofree char *empty = sign_and_verify (secret, public, "");

  g_assert_cmpstr (id, ==, FIXTURE_UNENCRYPTED_ID);
  g_assert_true (rempart_minisign_public_key_equal (derived, public));
  g_assert_cmpstr (custom, ==, "feed 2026-03-01");
  g_assert_true (
      g_regex_match_simple ("^timestamp:[0-9]{10,}\tfile:feed\\.json\thashed$", dflt, 0, 0));
  g_assert_true (
      g_regex_match_simple ("^timestamp:[0-9]{10,}\tfile:feed\\.json\thashed$", empty, 0, 0));
}

/* minisign's own password-protected key: scrypt at its real cost (1 GiB), BLAKE2b-256. */
static void
test_secret_key_encrypted_fixture (void)
{
  g_autoptr (GBytes) bytes = fixture_bytes ("encrypted.key");
  g_autoptr (RempartMinisignPublicKey) public = fixture_public_key ("encrypted.pub");
  g_autoptr (RempartMinisignSecretKey) secret = NULL;
  g_autofree char *id = NULL;
  g_autofree char *comment = NULL;

  assert_secret_key_fails (bytes, NULL, REMPART_MINISIGN_ERROR_PASSWORD_REQUIRED);
  assert_secret_key_fails (bytes, "correct horse battery stapler",
                           REMPART_MINISIGN_ERROR_WRONG_PASSWORD);

  secret = parse_secret_key (bytes, FIXTURE_PASSWORD);
  id = rempart_minisign_secret_key_get_key_id_string (secret);
  g_assert_cmpstr (id, ==, FIXTURE_ENCRYPTED_ID);
  comment = sign_and_verify (secret, public, "signed by the fixture key");
  g_assert_cmpstr (comment, ==, "signed by the fixture key");
}

static void
set_kdf_alg (guint8 *bin, gsize len)
{
  memcpy (bin + 2, "Xx", 2);
}

static void
set_chk_alg (guint8 *bin, gsize len)
{
  memcpy (bin + 4, "B3", 2);
}

static void
set_sig_alg (guint8 *bin, gsize len)
{
  memcpy (bin, "ED", 2);
}

static void
set_bad_checksum (guint8 *bin, gsize len)
{
  bin[len - 1] = 0x42;
}

static void
flip_public_half (guint8 *bin, gsize len)
{
  bin[len - 32 - 1] ^= 0x01;
}

static void
set_absurd_scrypt (guint8 *bin, gsize len)
{
  guint64 memlimit = GUINT64_TO_LE (G_GUINT64_CONSTANT (1) << 40);
  guint64 opslimit = GUINT64_TO_LE (G_GUINT64_CONSTANT (1) << 40);

  memcpy (bin + 2, "Sc", 2);
  memcpy (bin + 38, &opslimit, 8);
  memcpy (bin + 46, &memlimit, 8);
}

static void
test_secret_key_hostile (void)
{
  g_autoptr (GBytes) bytes = fixture_bytes ("unencrypted.key");
  g_autofree char *text = bytes_to_string (bytes);
  gsize len = strlen (text);
  g_autofree char *huge = g_strnfill (5000, 'A');
  struct
  {
    GBytes *bytes;
    int code;
  } cases[] = {
    { bytes_from_string (""), REMPART_MINISIGN_ERROR_MALFORMED },
    { bytes_from_string (huge), REMPART_MINISIGN_ERROR_MALFORMED },
    { bytes_from_string ("not a key\nRWQ\n"), REMPART_MINISIGN_ERROR_MALFORMED },
    { replace_once (bytes, "untrusted comment", "untrusted remark"),
      REMPART_MINISIGN_ERROR_MALFORMED },
    { g_bytes_new (text, len + 1), REMPART_MINISIGN_ERROR_MALFORMED },
    { mutate_line (bytes, 1, set_sig_alg), REMPART_MINISIGN_ERROR_UNSUPPORTED },
    { mutate_line (bytes, 1, set_kdf_alg), REMPART_MINISIGN_ERROR_UNSUPPORTED },
    { mutate_line (bytes, 1, set_chk_alg), REMPART_MINISIGN_ERROR_UNSUPPORTED },
    { mutate_line (bytes, 1, set_bad_checksum), REMPART_MINISIGN_ERROR_CORRUPT_KEY },
    { mutate_line (bytes, 1, flip_public_half), REMPART_MINISIGN_ERROR_CORRUPT_KEY },
    { mutate_line (bytes, 1, set_absurd_scrypt), REMPART_MINISIGN_ERROR_UNSUPPORTED },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      assert_secret_key_fails (cases[i].bytes, "password", cases[i].code);
      g_bytes_unref (cases[i].bytes);
    }

  for (gsize cut = 0; cut <= len; cut++)
    {
      g_autoptr (GBytes) prefix = g_bytes_new (text, cut);
      g_autoptr (GError) error = NULL;
      g_autoptr (RempartMinisignSecretKey) key = NULL;

      key = rempart_minisign_secret_key_parse (prefix, NULL, &error);
      if (cut >= len - 1)
        g_assert_no_error (error);
      else
        g_assert_error (error, REMPART_MINISIGN_ERROR, REMPART_MINISIGN_ERROR_MALFORMED);
    }

  {
    g_autoptr (GBytes) crlf = replace_once (bytes, "\n", "\r\n");
    g_autoptr (RempartMinisignSecretKey) key = parse_secret_key (crlf, NULL);
  }
}

/* ------------------------------------------------------------------------------------------ */
/* Signing                                                                                    */
/* ------------------------------------------------------------------------------------------ */

static void
test_sign_comments (void)
{
  g_autoptr (GBytes) bytes = fixture_bytes ("unencrypted.key");
  g_autoptr (RempartMinisignSecretKey) secret = parse_secret_key (bytes, NULL);
  g_autoptr (RempartMinisignPublicKey) public = rempart_minisign_secret_key_get_public_key (secret);
  g_autoptr (GBytes) data = bytes_from_string ("");
  g_autofree char *longest = g_strnfill (MINISIGN_TRUSTED_COMMENT_MAX, 'x');
  g_autofree char *too_long = g_strnfill (MINISIGN_TRUSTED_COMMENT_MAX + 1, 'x');
  g_autofree char *back = sign_and_verify (secret, public, longest);
  g_autofree char *unicode = sign_and_verify (secret, public, "flux du 1er mars — “#jesuislà”");
  const char *bad[][2] = {
    { "two\nlines", "feed.json" }, { "carriage\rreturn", "feed.json" },
    { "caf\xe9", "feed.json" },    { too_long, "feed.json" },
    { NULL, "evil\nname" },
  };

  g_assert_cmpstr (back, ==, longest);
  g_assert_cmpstr (unicode, ==, "flux du 1er mars — “#jesuislà”");

  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (GBytes) sig = rempart_minisign_sign (secret, data, bad[i][0], bad[i][1], &error);

      g_assert_null (sig);
      g_assert_error (error, REMPART_MINISIGN_ERROR, REMPART_MINISIGN_ERROR_INVALID_ARGUMENT);
    }

  /* Empty data, and the default comment without a file name. */
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (GBytes) sig = rempart_minisign_sign (secret, data, NULL, NULL, &error);
    g_autofree char *comment = NULL;
    g_autofree char *sig_text = NULL;

    g_assert_no_error (error);
    g_assert_true (rempart_minisign_verify (public, data, sig, &comment, &error));
    g_assert_no_error (error);
    g_assert_true (g_regex_match_simple ("^timestamp:[0-9]+\thashed$", comment, 0, 0));
    sig_text = bytes_to_string (sig);
    g_assert_true (g_str_has_prefix (sig_text, "untrusted comment: signature from rempart "
                                               "secret key\nRUS"));
  }
}

/* ------------------------------------------------------------------------------------------ */
/* scrypt and key generation                                                                  */
/* ------------------------------------------------------------------------------------------ */

static void
test_scrypt_pick_params (void)
{
  /* Expected values worked out by hand from libsodium's pickparams(). */
  const struct
  {
    guint64 opslimit;
    guint64 memlimit;
    guint n_log2;
    guint32 p;
  } cases[] = {
    { REMPART_SCRYPT_OPSLIMIT_SENSITIVE, REMPART_SCRYPT_MEMLIMIT_SENSITIVE, 20, 1 },
    { 524288, 16777216, 14, 1 },             /* libsodium's INTERACTIVE limits */
    { TEST_OPSLIMIT, TEST_MEMLIMIT, 11, 1 }, /* opslimit < memlimit / 32 */
    { 1 << 20, 1 << 21, 11, 16 },            /* memory-bound: p grows */
    { 0, 0, 1, 512 },                        /* opslimit raised to 32768 */
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      guint n_log2;
      guint32 r;
      guint32 p;

      rempart_scrypt_pick_params (cases[i].opslimit, cases[i].memlimit, &n_log2, &r, &p);
      g_assert_cmpuint (n_log2, ==, cases[i].n_log2);
      g_assert_cmpuint (r, ==, 8);
      g_assert_cmpuint (p, ==, cases[i].p);
    }
}

static GBytes *
read_file (const char *dir, const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr (GError) error = NULL;
  char *contents = NULL;
  gsize len = 0;

  g_file_get_contents (path, &contents, &len, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, len);
}

static void
assert_mode (const char *dir, const char *name, int mode)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, mode);
}

static void
test_keygen (TmpFixture *fixture, gconstpointer user_data)
{
  g_autofree char *pub_path = g_build_filename (fixture->dir, "k.pub", NULL);
  g_autofree char *sec_path = g_build_filename (fixture->dir, "k.key", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) pub_text = NULL;
  g_autoptr (GBytes) sec_text = NULL;
  g_autoptr (RempartMinisignPublicKey) public = NULL;
  g_autoptr (RempartMinisignSecretKey) secret = NULL;
  g_autofree char *id = NULL;
  g_autofree char *first_line = NULL;
  g_autofree char *comment = NULL;
  g_autofree guint8 *bin = NULL;
  gsize bin_len;

  g_assert_true (rempart_minisign_keygen (pub_path, sec_path, NULL, FALSE, &error));
  g_assert_no_error (error);
  assert_mode (fixture->dir, "k.key", 0600);

  pub_text = read_file (fixture->dir, "k.pub");
  sec_text = read_file (fixture->dir, "k.key");
  public = rempart_minisign_public_key_parse (g_bytes_get_data (pub_text, NULL),
                                              g_bytes_get_size (pub_text), &error);
  g_assert_no_error (error);
  id = rempart_minisign_public_key_get_key_id_string (public);
  first_line = g_strdup_printf ("untrusted comment: minisign public key %s\n", id);
  g_assert_true (g_str_has_prefix (g_bytes_get_data (pub_text, NULL), first_line));

  /* Unencrypted as minisign -W writes it: kdf algorithm all zero. */
  {
    g_autofree char *s = bytes_to_string (sec_text);
    g_auto (GStrv) lines = g_strsplit (s, "\n", -1);

    bin = g_base64_decode (lines[1], &bin_len);
    g_assert_cmpuint (bin_len, ==, MINISIGN_SECRET_KEY_BIN_LEN);
    g_assert_cmpmem (bin, 6, "Ed\0\0B2", 6);
  }

  secret = parse_secret_key (sec_text, NULL);
  comment = sign_and_verify (secret, public, "keygen");
  g_assert_cmpstr (comment, ==, "keygen");

  /* Existing files are never replaced unless forced. */
  g_assert_false (rempart_minisign_keygen (pub_path, sec_path, NULL, FALSE, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_EXIST);
  g_clear_error (&error);
  {
    g_autoptr (GBytes) again = read_file (fixture->dir, "k.key");

    g_assert_true (g_bytes_equal (again, sec_text));
  }
  g_assert_true (rempart_minisign_keygen (pub_path, sec_path, NULL, TRUE, &error));
  g_assert_no_error (error);
  assert_mode (fixture->dir, "k.key", 0600);
  {
    g_autoptr (GBytes) again = read_file (fixture->dir, "k.key");

    g_assert_false (g_bytes_equal (again, sec_text));
  }

  g_assert_false (rempart_minisign_keygen (pub_path, pub_path, NULL, TRUE, &error));
  g_assert_error (error, REMPART_MINISIGN_ERROR, REMPART_MINISIGN_ERROR_INVALID_ARGUMENT);
}

static void
test_keygen_password (TmpFixture *fixture, gconstpointer user_data)
{
  const char *passwords[] = { "s3cret pass", "" };

  for (gsize i = 0; i < G_N_ELEMENTS (passwords); i++)
    {
      g_autofree char *pub_path = g_build_filename (fixture->dir, "p.pub", NULL);
      g_autofree char *sec_path = g_build_filename (fixture->dir, "p.key", NULL);
      g_autoptr (GError) error = NULL;
      g_autoptr (GBytes) pub_text = NULL;
      g_autoptr (GBytes) sec_text = NULL;
      g_autoptr (RempartMinisignPublicKey) public = NULL;
      g_autoptr (RempartMinisignSecretKey) secret = NULL;
      g_autofree char *comment = NULL;

      g_assert_true (_rempart_minisign_keygen_full (pub_path, sec_path, passwords[i], TRUE,
                                                    TEST_OPSLIMIT, TEST_MEMLIMIT, &error));
      g_assert_no_error (error);
      assert_mode (fixture->dir, "p.key", 0600);
      pub_text = read_file (fixture->dir, "p.pub");
      sec_text = read_file (fixture->dir, "p.key");
      public = rempart_minisign_public_key_parse (g_bytes_get_data (pub_text, NULL),
                                                  g_bytes_get_size (pub_text), &error);
      g_assert_no_error (error);

      assert_secret_key_fails (sec_text, NULL, REMPART_MINISIGN_ERROR_PASSWORD_REQUIRED);
      assert_secret_key_fails (sec_text, "wrong", REMPART_MINISIGN_ERROR_WRONG_PASSWORD);
      secret = parse_secret_key (sec_text, passwords[i]);
      comment = sign_and_verify (secret, public, "password key");
      g_assert_cmpstr (comment, ==, "password key");
    }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/minisign/public-key/forms", test_public_key_forms);
  g_test_add_func ("/minisign/public-key/errors", test_public_key_errors);
  g_test_add_func ("/minisign/verify/minisign-fixtures", test_verify_fixtures);
  g_test_add_func ("/minisign/verify/tampering", test_verify_tampering);
  g_test_add_func ("/minisign/verify/hostile", test_verify_hostile);
  g_test_add_func ("/minisign/secret-key/unencrypted-fixture", test_secret_key_unencrypted_fixture);
  g_test_add_func ("/minisign/secret-key/encrypted-fixture", test_secret_key_encrypted_fixture);
  g_test_add_func ("/minisign/secret-key/hostile", test_secret_key_hostile);
  g_test_add_func ("/minisign/sign/comments", test_sign_comments);
  g_test_add_func ("/minisign/scrypt/pick-params", test_scrypt_pick_params);
  g_test_add ("/minisign/keygen/unencrypted", TmpFixture, NULL, tmp_setup, test_keygen,
              tmp_teardown);
  g_test_add ("/minisign/keygen/password", TmpFixture, NULL, tmp_setup, test_keygen_password,
              tmp_teardown);

  return g_test_run ();
}
