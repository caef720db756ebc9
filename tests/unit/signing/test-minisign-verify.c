/* test-minisign-verify.c
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* minisign public keys and verification without the minisign binary: minisign 0.11's own
 * signatures (tests/unit/minisign/README), tampering and hostile input. */

#include "config.h"

#include <string.h>

#include "minisign-fixture.h"
#include "rempart-minisign-private.h"
#include "rempart-minisign.h"
#include "rempart-scrypt.h"

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

/* The key id a signature names, read without a key: what tells a wrong key entered from an
 * altered feed. */
static void
test_signature_key_id (void)
{
  g_autoptr (GBytes) sig = fixture_bytes ("message.json.minisig");
  g_autoptr (GBytes) legacy = fixture_bytes ("message.json.legacy.minisig");
  g_autoptr (GBytes) garbage = g_bytes_new_static ("untrusted comment: x\nnot base64\n", 32);
  g_autofree char *id = NULL;
  g_autofree char *legacy_id = NULL;
  g_autoptr (GError) error = NULL;

  id = rempart_minisign_signature_get_key_id_string (sig, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (id, ==, FIXTURE_ENCRYPTED_ID);
  legacy_id = rempart_minisign_signature_get_key_id_string (legacy, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (legacy_id, ==, FIXTURE_ENCRYPTED_ID);

  g_assert_null (rempart_minisign_signature_get_key_id_string (garbage, &error));
  g_assert_error (error, REMPART_MINISIGN_ERROR, REMPART_MINISIGN_ERROR_MALFORMED);
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
/* ------------------------------------------------------------------------------------------ */
/* Main                                                                                       */
/* ------------------------------------------------------------------------------------------ */

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/minisign/public-key/forms", test_public_key_forms);
  g_test_add_func ("/minisign/public-key/errors", test_public_key_errors);
  g_test_add_func ("/minisign/verify/minisign-fixtures", test_verify_fixtures);
  g_test_add_func ("/minisign/verify/tampering", test_verify_tampering);
  g_test_add_func ("/minisign/verify/hostile", test_verify_hostile);
  g_test_add_func ("/minisign/verify/signature-key-id", test_signature_key_id);

  return g_test_run ();
}
