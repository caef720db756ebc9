/* rempart-minisign-sig.c
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* minisign signature files: four lines, an untrusted comment, the signature (ED: Ed25519
 * over BLAKE2b-512 of the data; Ed: legacy, over the data itself), the trusted comment, and
 * the global signature over (signature || trusted comment) that makes the comment trusted. */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>

#include "rempart-minisign-private.h"

/* Four lines, each bounded by what minisign reads; anything larger is not a signature. */
#define SIG_TEXT_MAX (MINISIGN_COMMENT_LINE_MAX + MINISIGN_TRUSTED_COMMENT_LINE_MAX + 2 * 256)

#define SIG_OFF_KEY_ID MINISIGN_ALG_LEN
#define SIG_OFF_SIG    (MINISIGN_ALG_LEN + MINISIGN_KEY_ID_LEN)

typedef struct
{
  guint8 bin[MINISIGN_SIG_BIN_LEN];
  guint8 global_sig[MINISIGN_SIG_LEN];
  const char *trusted_comment; /* points into the file text */
  gsize trusted_comment_len;
} SigFile;

/* ------------------------------------------------------------------------------------------ */
/* Helpers                                                                                    */
/* ------------------------------------------------------------------------------------------ */

static gboolean
has_prefix (const char *line, gsize len, const char *prefix)
{
  gsize prefix_len = strlen (prefix);

  return len >= prefix_len && memcmp (line, prefix, prefix_len) == 0;
}

static gboolean
sig_file_parse (SigFile *sig, GBytes *contents, GError **error)
{
  RempartMinisignReader reader;
  /* Translators: which file an error is about (e.g. “Signature file: empty”) */
  const char *what = _ ("Signature file");
  const char *text;
  gsize len;
  const char *line;
  gsize line_len;

  text = g_bytes_get_data (contents, &len);
  if (!_rempart_minisign_check_text (text, len, SIG_TEXT_MAX, what, error))
    return FALSE;
  _rempart_minisign_reader_init (&reader, text, len);

  if (!_rempart_minisign_reader_line (&reader, MINISIGN_COMMENT_LINE_MAX,
                                      _ ("Signature file, untrusted comment line"), &line,
                                      &line_len, error))
    return FALSE;
  if (!has_prefix (line, line_len, MINISIGN_COMMENT_PREFIX))
    {
      g_set_error (error, REMPART_MINISIGN_ERROR, REMPART_MINISIGN_ERROR_MALFORMED,
                   _ ("%s: the first line should start with “%s”: was an actual minisign "
                      "signature given?"),
                   what, MINISIGN_COMMENT_PREFIX);
      return FALSE;
    }

  if (!_rempart_minisign_reader_line (&reader, MINISIGN_COMMENT_LINE_MAX,
                                      _ ("Signature file, signature line"), &line, &line_len,
                                      error) ||
      !_rempart_minisign_decode_base64 (line, line_len, sig->bin, sizeof sig->bin,
                                        _ ("Signature file, signature line"), error))
    return FALSE;
  if (memcmp (sig->bin, "ED", MINISIGN_ALG_LEN) != 0 &&
      !_rempart_minisign_check_alg (sig->bin, "Ed", _ ("Signature file, signature line"), error))
    return FALSE;

  if (!_rempart_minisign_reader_line (&reader, MINISIGN_TRUSTED_COMMENT_LINE_MAX,
                                      _ ("Signature file, trusted comment line"), &line, &line_len,
                                      error))
    return FALSE;
  if (!has_prefix (line, line_len, MINISIGN_TRUSTED_COMMENT_PREFIX))
    {
      g_set_error (error, REMPART_MINISIGN_ERROR, REMPART_MINISIGN_ERROR_MALFORMED,
                   _ ("%s: the third line should start with “%s”"), what,
                   MINISIGN_TRUSTED_COMMENT_PREFIX);
      return FALSE;
    }
  sig->trusted_comment = line + strlen (MINISIGN_TRUSTED_COMMENT_PREFIX);
  sig->trusted_comment_len = line_len - strlen (MINISIGN_TRUSTED_COMMENT_PREFIX);
  /* Callers show the comment (the feed's date, the file name): it must be text. A CR inside
   * the line would be stripped by minisign, so the two would disagree on what was signed. */
  if (!g_utf8_validate_len (sig->trusted_comment, sig->trusted_comment_len, NULL) ||
      memchr (sig->trusted_comment, '\r', sig->trusted_comment_len) != NULL)
    {
      g_set_error (error, REMPART_MINISIGN_ERROR, REMPART_MINISIGN_ERROR_MALFORMED,
                   _ ("%s: the trusted comment is not a line of UTF-8 text"), what);
      return FALSE;
    }

  if (!_rempart_minisign_reader_line (&reader, MINISIGN_COMMENT_LINE_MAX,
                                      _ ("Signature file, global signature line"), &line, &line_len,
                                      error) ||
      !_rempart_minisign_decode_base64 (line, line_len, sig->global_sig, sizeof sig->global_sig,
                                        _ ("Signature file, global signature line"), error) ||
      !_rempart_minisign_reader_expect_end (&reader, what, error))
    return FALSE;

  return TRUE;
}

static gboolean
ed25519_verify (const guint8 *pk, const guint8 *sig, const guint8 *msg, gsize msg_len)
{
  EVP_PKEY *pkey = EVP_PKEY_new_raw_public_key (EVP_PKEY_ED25519, NULL, pk, MINISIGN_PK_LEN);
  EVP_MD_CTX *ctx = EVP_MD_CTX_new ();
  gboolean ok;

  ok = pkey != NULL && ctx != NULL && EVP_DigestVerifyInit (ctx, NULL, NULL, NULL, pkey) == 1 &&
       EVP_DigestVerify (ctx, sig, MINISIGN_SIG_LEN, msg, msg_len) == 1;
  EVP_MD_CTX_free (ctx);
  EVP_PKEY_free (pkey);
  return ok;
}

static gboolean
ed25519_sign (const guint8 *seed, const guint8 *msg, gsize msg_len, guint8 *sig)
{
  EVP_PKEY *pkey = EVP_PKEY_new_raw_private_key (EVP_PKEY_ED25519, NULL, seed, MINISIGN_SEED_LEN);
  EVP_MD_CTX *ctx = EVP_MD_CTX_new ();
  size_t sig_len = MINISIGN_SIG_LEN;
  gboolean ok;

  ok = pkey != NULL && ctx != NULL && EVP_DigestSignInit (ctx, NULL, NULL, NULL, pkey) == 1 &&
       EVP_DigestSign (ctx, sig, &sig_len, msg, msg_len) == 1 && sig_len == MINISIGN_SIG_LEN;
  EVP_MD_CTX_free (ctx);
  EVP_PKEY_free (pkey);
  return ok;
}

static gboolean
blake2b512 (GBytes *data, guint8 *out)
{
  gsize len;
  const guint8 *p = g_bytes_get_data (data, &len);
  unsigned int out_len = MINISIGN_PREHASH_LEN;

  return EVP_Digest (p != NULL ? p : (const guint8 *) "", len, out, &out_len, EVP_blake2b512 (),
                     NULL) == 1 &&
         out_len == MINISIGN_PREHASH_LEN;
}

/* (signature || trusted comment): what the global signature covers. */
static guint8 *
global_message (const guint8 *sig, const char *comment, gsize comment_len, gsize *len)
{
  guint8 *msg = g_malloc (MINISIGN_SIG_LEN + comment_len);

  memcpy (msg, sig, MINISIGN_SIG_LEN);
  memcpy (msg + MINISIGN_SIG_LEN, comment, comment_len);
  *len = MINISIGN_SIG_LEN + comment_len;
  return msg;
}

/* ------------------------------------------------------------------------------------------ */
/* Public API                                                                                 */
/* ------------------------------------------------------------------------------------------ */

/*
 * rempart_minisign_verify:
 * @key: the public key the data must be signed with
 * @data: the signed data
 * @sig_file: the contents of the .minisig file
 * @trusted_comment_out: (out) (optional): the trusted comment, on success
 *
 * Verifies like `minisign -V`: prehashed (ED) and legacy (Ed) signatures, the key id, and
 * the global signature that protects the trusted comment.
 */
gboolean
rempart_minisign_verify (RempartMinisignPublicKey *key,
                         GBytes *data,
                         GBytes *sig_file,
                         char **trusted_comment_out,
                         GError **error)
{
  SigFile sig;
  guint8 prehash[MINISIGN_PREHASH_LEN];
  const guint8 *msg;
  gsize msg_len;
  g_autofree guint8 *global = NULL;
  gsize global_len;

  g_return_val_if_fail (key != NULL, FALSE);
  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (sig_file != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!sig_file_parse (&sig, sig_file, error))
    return FALSE;

  if (memcmp (sig.bin + SIG_OFF_KEY_ID, key->key_id, MINISIGN_KEY_ID_LEN) != 0)
    {
      g_autofree char *sig_id = _rempart_minisign_key_id_to_string (sig.bin + SIG_OFF_KEY_ID);
      g_autofree char *key_id = _rempart_minisign_key_id_to_string (key->key_id);

      g_set_error (error, REMPART_MINISIGN_ERROR, REMPART_MINISIGN_ERROR_KEY_MISMATCH,
                   _ ("The signature was made with key %s, but the public key is %s: the feed "
                      "was signed with another key"),
                   sig_id, key_id);
      return FALSE;
    }

  if (memcmp (sig.bin, "ED", MINISIGN_ALG_LEN) == 0)
    {
      if (!blake2b512 (data, prehash))
        {
          g_set_error_literal (error, REMPART_MINISIGN_ERROR, REMPART_MINISIGN_ERROR_FAILED,
                               _ ("OpenSSL could not compute a BLAKE2b-512 hash"));
          return FALSE;
        }
      msg = prehash;
      msg_len = sizeof prehash;
    }
  else
    {
      msg = g_bytes_get_data (data, &msg_len);
      if (msg == NULL)
        msg = (const guint8 *) "";
    }

  if (!ed25519_verify (key->pk, sig.bin + SIG_OFF_SIG, msg, msg_len))
    {
      g_set_error_literal (error, REMPART_MINISIGN_ERROR, REMPART_MINISIGN_ERROR_BAD_SIGNATURE,
                           _ ("Signature verification failed: the data was altered or the "
                              "signature does not belong to it"));
      return FALSE;
    }

  global = global_message (sig.bin + SIG_OFF_SIG, sig.trusted_comment, sig.trusted_comment_len,
                           &global_len);
  if (!ed25519_verify (key->pk, sig.global_sig, global, global_len))
    {
      g_set_error_literal (error, REMPART_MINISIGN_ERROR,
                           REMPART_MINISIGN_ERROR_BAD_TRUSTED_COMMENT,
                           _ ("Comment signature verification failed: the trusted comment was "
                              "altered"));
      return FALSE;
    }

  if (trusted_comment_out != NULL)
    *trusted_comment_out = g_strndup (sig.trusted_comment, sig.trusted_comment_len);
  return TRUE;
}

/*
 * rempart_minisign_verify_trusted_comment:
 * @key: the public key the signature must be made with
 * @sig_file: the contents of the .minisig file
 * @trusted_comment_out: (out): the trusted comment, on success
 *
 * Checks only the global signature: the trusted comment was written by the holder of @key,
 * whatever the data. The fetcher uses it to tell a signature of another version of the feed
 * (read while a moderator was publishing) from an altered feed.
 */
gboolean
rempart_minisign_verify_trusted_comment (RempartMinisignPublicKey *key,
                                         GBytes *sig_file,
                                         char **trusted_comment_out,
                                         GError **error)
{
  SigFile sig;
  g_autofree guint8 *global = NULL;
  gsize global_len;

  g_return_val_if_fail (key != NULL, FALSE);
  g_return_val_if_fail (sig_file != NULL, FALSE);
  g_return_val_if_fail (trusted_comment_out != NULL, FALSE);

  if (!sig_file_parse (&sig, sig_file, error))
    return FALSE;

  if (memcmp (sig.bin + SIG_OFF_KEY_ID, key->key_id, MINISIGN_KEY_ID_LEN) != 0)
    {
      g_set_error_literal (error, REMPART_MINISIGN_ERROR, REMPART_MINISIGN_ERROR_KEY_MISMATCH,
                           _ ("The signature was made with another key"));
      return FALSE;
    }

  global = global_message (sig.bin + SIG_OFF_SIG, sig.trusted_comment, sig.trusted_comment_len,
                           &global_len);
  if (!ed25519_verify (key->pk, sig.global_sig, global, global_len))
    {
      g_set_error_literal (error, REMPART_MINISIGN_ERROR,
                           REMPART_MINISIGN_ERROR_BAD_TRUSTED_COMMENT,
                           _ ("Comment signature verification failed: the trusted comment was "
                              "altered"));
      return FALSE;
    }

  *trusted_comment_out = g_strndup (sig.trusted_comment, sig.trusted_comment_len);
  return TRUE;
}

/*
 * rempart_minisign_signature_get_key_id_string:
 * @sig_file: the contents of a .minisig file
 *
 * The id of the key that made the signature, as minisign prints it, read from the signature
 * line without checking anything else: a signature names its key, so a caller can tell a
 * signature made with another key (a wrong or outdated key entered) from an altered file.
 *
 * Returns: (transfer full): the key id, or %NULL when @sig_file is not a signature
 */
char *
rempart_minisign_signature_get_key_id_string (GBytes *sig_file, GError **error)
{
  SigFile sig;

  g_return_val_if_fail (sig_file != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!sig_file_parse (&sig, sig_file, error))
    return NULL;
  return _rempart_minisign_key_id_to_string (sig.bin + SIG_OFF_KEY_ID);
}

/*
 * rempart_minisign_sign:
 * @key: the secret key
 * @data: the data to sign
 * @trusted_comment: (nullable): one line of text, or %NULL (or "") for minisign's default
 *   "timestamp:<unix time>\tfile:<file_basename>\thashed"
 * @file_basename: (nullable): the name of the signed file, for the default trusted comment
 *
 * Signs @data with a prehashed (ED) signature, as `minisign -S` does.
 *
 * Returns: (transfer full): the contents of the .minisig file
 */
GBytes *
rempart_minisign_sign (RempartMinisignSecretKey *key,
                       GBytes *data,
                       const char *trusted_comment,
                       const char *file_basename,
                       GError **error)
{
  g_autofree char *default_comment = NULL;
  guint8 prehash[MINISIGN_PREHASH_LEN];
  guint8 bin[MINISIGN_SIG_BIN_LEN];
  guint8 global_sig[MINISIGN_SIG_LEN];
  g_autofree guint8 *global = NULL;
  gsize global_len;
  gsize comment_len;
  g_autofree char *bin_b64 = NULL;
  g_autofree char *global_b64 = NULL;
  char *text;

  g_return_val_if_fail (key != NULL, NULL);
  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (trusted_comment == NULL || *trusted_comment == '\0')
    {
      if (file_basename != NULL)
        default_comment = g_strdup_printf ("timestamp:%" G_GINT64_FORMAT "\tfile:%s\thashed",
                                           g_get_real_time () / G_USEC_PER_SEC, file_basename);
      else
        default_comment = g_strdup_printf ("timestamp:%" G_GINT64_FORMAT "\thashed",
                                           g_get_real_time () / G_USEC_PER_SEC);
      trusted_comment = default_comment;
    }

  comment_len = strlen (trusted_comment);
  if (strpbrk (trusted_comment, "\r\n") != NULL ||
      !g_utf8_validate (trusted_comment, comment_len, NULL))
    {
      g_set_error_literal (error, REMPART_MINISIGN_ERROR, REMPART_MINISIGN_ERROR_INVALID_ARGUMENT,
                           _ ("The trusted comment must be one line of UTF-8 text (check the "
                              "file name too)"));
      return NULL;
    }
  if (comment_len > MINISIGN_TRUSTED_COMMENT_MAX)
    {
      g_set_error (error, REMPART_MINISIGN_ERROR, REMPART_MINISIGN_ERROR_INVALID_ARGUMENT,
                   _ ("The trusted comment is too long (%zu bytes, at most %zu)"), comment_len,
                   (gsize) MINISIGN_TRUSTED_COMMENT_MAX);
      return NULL;
    }

  memcpy (bin, "ED", MINISIGN_ALG_LEN);
  memcpy (bin + SIG_OFF_KEY_ID, key->key_id, MINISIGN_KEY_ID_LEN);
  if (!blake2b512 (data, prehash) ||
      !ed25519_sign (key->seed, prehash, sizeof prehash, bin + SIG_OFF_SIG))
    {
      g_set_error_literal (error, REMPART_MINISIGN_ERROR, REMPART_MINISIGN_ERROR_FAILED,
                           _ ("OpenSSL could not compute the signature"));
      return NULL;
    }
  global = global_message (bin + SIG_OFF_SIG, trusted_comment, comment_len, &global_len);
  if (!ed25519_sign (key->seed, global, global_len, global_sig))
    {
      g_set_error_literal (error, REMPART_MINISIGN_ERROR, REMPART_MINISIGN_ERROR_FAILED,
                           _ ("OpenSSL could not compute the signature"));
      return NULL;
    }

  bin_b64 = g_base64_encode (bin, sizeof bin);
  global_b64 = g_base64_encode (global_sig, sizeof global_sig);
  text = g_strdup_printf ("%ssignature from rempart secret key\n%s\n%s%s\n%s\n",
                          MINISIGN_COMMENT_PREFIX, bin_b64, MINISIGN_TRUSTED_COMMENT_PREFIX,
                          trusted_comment, global_b64);
  return g_bytes_new_take (text, strlen (text));
}
