/* test-minisign-keys.c
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* minisign secret keys, signing and key generation without the minisign binary: minisign
 * 0.11's own keys (tests/unit/minisign/README), hostile key files, round trips. */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "minisign-fixture.h"
#include "rempart-minisign-private.h"
#include "rempart-minisign.h"
#include "rempart-scrypt.h"
#include "rempart-test-dirs.h"

typedef struct
{
  char *dir;
} TmpFixture;

/* ------------------------------------------------------------------------------------------ */
/* Helpers                                                                                    */
/* ------------------------------------------------------------------------------------------ */

static void
tmp_setup (TmpFixture *fixture, gconstpointer user_data)
{
  fixture->dir = rempart_test_dir_new ("minisign");
}

static void
tmp_teardown (TmpFixture *fixture, gconstpointer user_data)
{
  rempart_test_dir_remove (fixture->dir);
  g_free (fixture->dir);
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

/* ------------------------------------------------------------------------------------------ */
/* Main                                                                                       */
/* ------------------------------------------------------------------------------------------ */

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

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
