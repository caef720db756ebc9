/* rempart-minisign.c
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* minisign keys and signatures on OpenSSL's libcrypto, interoperable with the minisign tool.
 * This file holds the error domain, the strict text helpers every parser shares, and public
 * keys; rempart-minisign-key.c has secret keys and key generation, rempart-minisign-sig.c
 * signing and verification. */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>
#include <openssl/crypto.h>

#include "rempart-minisign-private.h"

/* Public key text is one base64 line or the two-line file; allow generous whitespace, no
 * more. */
#define PUBLIC_KEY_TEXT_MAX 4096

/* Written out rather than G_DEFINE_QUARK: clang-format reads the quark's name as a
 * subtraction and spaces it out, which changes the registered name. */
GQuark
rempart_minisign_error_quark (void)
{
  return g_quark_from_static_string ("rempart-minisign-error-quark");
}

G_DEFINE_BOXED_TYPE (RempartMinisignPublicKey,
                     rempart_minisign_public_key,
                     rempart_minisign_public_key_ref,
                     rempart_minisign_public_key_unref)

/* ------------------------------------------------------------------------------------------ */
/* Shared helpers                                                                             */
/* ------------------------------------------------------------------------------------------ */

void
_rempart_minisign_reader_init (RempartMinisignReader *reader, const char *text, gsize len)
{
  reader->pos = text;
  reader->end = text + len;
}

/*
 * _rempart_minisign_reader_line:
 * @what: the name of the line for error messages, e.g. "Signature file, trusted comment line"
 *
 * Reads one line ending in LF, CRLF or the end of the text; @line points into the text and
 * excludes the line ending.
 */
gboolean
_rempart_minisign_reader_line (RempartMinisignReader *reader,
                               gsize max_len,
                               const char *what,
                               const char **line,
                               gsize *line_len,
                               GError **error)
{
  const char *nl;
  gsize len;

  if (reader->pos >= reader->end)
    {
      g_set_error (error, REMPART_MINISIGN_ERROR, REMPART_MINISIGN_ERROR_MALFORMED,
                   _ ("%s: missing, the text ends too early"), what);
      return FALSE;
    }

  nl = memchr (reader->pos, '\n', reader->end - reader->pos);
  len = (nl != NULL ? nl : reader->end) - reader->pos;
  *line = reader->pos;
  reader->pos += len + (nl != NULL ? 1 : 0);
  if (len > 0 && (*line)[len - 1] == '\r')
    len--;

  if (len > max_len)
    {
      g_set_error (error, REMPART_MINISIGN_ERROR, REMPART_MINISIGN_ERROR_MALFORMED,
                   _ ("%s: too long (%zu bytes, at most %zu)"), what, len, max_len);
      return FALSE;
    }

  *line_len = len;
  return TRUE;
}

/* Only blank lines may follow the last line of a key or signature. */
gboolean
_rempart_minisign_reader_expect_end (RempartMinisignReader *reader,
                                     const char *what,
                                     GError **error)
{
  for (; reader->pos < reader->end; reader->pos++)
    {
      if (!g_ascii_isspace (*reader->pos))
        {
          g_set_error (error, REMPART_MINISIGN_ERROR, REMPART_MINISIGN_ERROR_MALFORMED,
                       _ ("%s: unexpected text after the last line"), what);
          return FALSE;
        }
    }
  return TRUE;
}

gboolean
_rempart_minisign_check_text (const char *text,
                              gsize len,
                              gsize max_len,
                              const char *what,
                              GError **error)
{
  if (len == 0)
    {
      /* Translators: error: %s names the file (Public key, Secret key, Signature file) and it is
       * empty */
      g_set_error (error, REMPART_MINISIGN_ERROR, REMPART_MINISIGN_ERROR_MALFORMED, _ ("%s: empty"),
                   what);
      return FALSE;
    }
  if (len > max_len)
    {
      g_set_error (error, REMPART_MINISIGN_ERROR, REMPART_MINISIGN_ERROR_MALFORMED,
                   _ ("%s: too large (%zu bytes, at most %zu): was an actual minisign file given?"),
                   what, len, max_len);
      return FALSE;
    }
  if (memchr (text, '\0', len) != NULL)
    {
      g_set_error (error, REMPART_MINISIGN_ERROR, REMPART_MINISIGN_ERROR_MALFORMED,
                   _ ("%s: contains a NUL byte, it is not a text file"), what);
      return FALSE;
    }
  return TRUE;
}

static int
base64_value (char c)
{
  if (c >= 'A' && c <= 'Z')
    return c - 'A';
  if (c >= 'a' && c <= 'z')
    return c - 'a' + 26;
  if (c >= '0' && c <= '9')
    return c - '0' + 52;
  if (c == '+')
    return 62;
  if (c == '/')
    return 63;
  return -1;
}

/*
 * _rempart_minisign_decode_base64:
 *
 * Decodes padded standard base64 into exactly @out_len bytes, as strictly as libsodium's
 * sodium_base642bin() with the original variant: no whitespace, the exact length, padding
 * where it belongs and zero trailing bits. g_base64_decode() skips invalid characters, which
 * would accept garbage.
 */
gboolean
_rempart_minisign_decode_base64 (const char *b64,
                                 gsize b64_len,
                                 guint8 *out,
                                 gsize out_len,
                                 const char *what,
                                 GError **error)
{
  gsize expected = 4 * ((out_len + 2) / 3);
  gsize pad = (3 - out_len % 3) % 3;
  gsize o = 0;

  if (b64_len != expected)
    {
      g_set_error (error, REMPART_MINISIGN_ERROR, REMPART_MINISIGN_ERROR_MALFORMED,
                   _ ("%s: wrong length (%zu base64 characters, expected %zu)"), what, b64_len,
                   expected);
      return FALSE;
    }

  for (gsize i = 0; i < b64_len; i += 4)
    {
      gboolean last = i + 4 == b64_len;
      gsize data_chars = last ? 4 - pad : 4;
      guint32 acc = 0;

      for (gsize j = 0; j < 4; j++)
        {
          int v = j < data_chars ? base64_value (b64[i + j]) : (b64[i + j] == '=' ? 0 : -1);

          if (v < 0)
            {
              g_set_error (error, REMPART_MINISIGN_ERROR, REMPART_MINISIGN_ERROR_MALFORMED,
                           _ ("%s: not valid base64 (unexpected character at position %zu)"), what,
                           i + j + 1);
              OPENSSL_cleanse (out, out_len);
              return FALSE;
            }
          acc = (acc << 6) | (guint32) v;
        }

      if (last && ((pad == 1 && (acc & 0xff) != 0) || (pad == 2 && (acc & 0xffff) != 0)))
        {
          g_set_error (error, REMPART_MINISIGN_ERROR, REMPART_MINISIGN_ERROR_MALFORMED,
                       _ ("%s: not valid base64 (non-zero padding bits)"), what);
          OPENSSL_cleanse (out, out_len);
          return FALSE;
        }

      for (gsize j = 0; j < 3 && o < out_len; j++)
        out[o++] = (acc >> (16 - 8 * j)) & 0xff;
      OPENSSL_cleanse (&acc, sizeof acc);
    }

  return TRUE;
}

gboolean
_rempart_minisign_check_alg (const guint8 *alg,
                             const char *expected,
                             const char *what,
                             GError **error)
{
  if (memcmp (alg, expected, MINISIGN_ALG_LEN) == 0)
    return TRUE;

  if (g_ascii_isprint (alg[0]) && g_ascii_isprint (alg[1]))
    g_set_error (error, REMPART_MINISIGN_ERROR, REMPART_MINISIGN_ERROR_UNSUPPORTED,
                 _ ("%s: unsupported algorithm “%c%c” (expected “%s”)"), what, alg[0], alg[1],
                 expected);
  else
    g_set_error (error, REMPART_MINISIGN_ERROR, REMPART_MINISIGN_ERROR_UNSUPPORTED,
                 _ ("%s: unsupported algorithm 0x%02X%02X (expected “%s”)"), what, alg[0], alg[1],
                 expected);
  return FALSE;
}

/* minisign prints key ids as the little-endian 64-bit number in uppercase hex, without
 * leading zeros ("%" PRIX64); print them the same way so that users can compare. */
char *
_rempart_minisign_key_id_to_string (const guint8 *key_id)
{
  guint64 id;

  memcpy (&id, key_id, sizeof id);
  return g_strdup_printf ("%" G_GINT64_MODIFIER "X", GUINT64_FROM_LE (id));
}

/* ------------------------------------------------------------------------------------------ */
/* Public keys                                                                                */
/* ------------------------------------------------------------------------------------------ */

RempartMinisignPublicKey *
_rempart_minisign_public_key_new (const guint8 *key_id, const guint8 *pk)
{
  RempartMinisignPublicKey *key = g_rc_box_new0 (RempartMinisignPublicKey);

  memcpy (key->key_id, key_id, sizeof key->key_id);
  memcpy (key->pk, pk, sizeof key->pk);
  return key;
}

static const char *
skip_blanks (const char *p, const char *end)
{
  while (p < end && g_ascii_isspace (*p))
    p++;
  return p;
}

/*
 * rempart_minisign_public_key_parse:
 * @text: a public key: the base64 line (as given to `minisign -P`) or the contents of a
 *   minisign.pub file (an untrusted comment line, then the base64 line)
 * @len: the length of @text in bytes, or -1 if it is NUL-terminated
 *
 * Returns: (transfer full): the key, or %NULL with @error set to a message that says what is
 *   wrong with the text
 */
RempartMinisignPublicKey *
rempart_minisign_public_key_parse (const char *text, gsize len, GError **error)
{
  RempartMinisignReader reader;
  guint8 bin[MINISIGN_PUBLIC_KEY_BIN_LEN];
  const char *line;
  gsize line_len;
  const char *start;
  /* Translators: which file an error is about (e.g. “Public key: empty”): the minisign public
   * key */
  const char *what = _ ("Public key");

  g_return_val_if_fail (text != NULL || len == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (len == (gsize) -1)
    len = strlen (text);
  if (!_rempart_minisign_check_text (text, len, PUBLIC_KEY_TEXT_MAX, what, error))
    return NULL;

  start = skip_blanks (text, text + len);
  _rempart_minisign_reader_init (&reader, start, text + len - start);

  if ((gsize) (text + len - start) >= strlen (MINISIGN_COMMENT_PREFIX) &&
      memcmp (start, MINISIGN_COMMENT_PREFIX, strlen (MINISIGN_COMMENT_PREFIX)) == 0)
    {
      /* The file form: skip the untrusted comment, then read the key line. */
      if (!_rempart_minisign_reader_line (&reader, MINISIGN_COMMENT_LINE_MAX,
                                          _ ("Public key, comment line"), &line, &line_len,
                                          error) ||
          !_rempart_minisign_reader_line (&reader, MINISIGN_COMMENT_LINE_MAX,
                                          _ ("Public key, key line"), &line, &line_len, error))
        return NULL;
    }
  else
    {
      /* The bare base64 form, perhaps pasted with blanks around it. */
      if (!_rempart_minisign_reader_line (&reader, MINISIGN_COMMENT_LINE_MAX, what, &line,
                                          &line_len, error))
        return NULL;
      while (line_len > 0 && g_ascii_isspace (line[line_len - 1]))
        line_len--;
    }

  if (!_rempart_minisign_reader_expect_end (&reader, what, error) ||
      !_rempart_minisign_decode_base64 (line, line_len, bin, sizeof bin, what, error) ||
      !_rempart_minisign_check_alg (bin, "Ed", what, error))
    return NULL;

  return _rempart_minisign_public_key_new (bin + MINISIGN_ALG_LEN,
                                           bin + MINISIGN_ALG_LEN + MINISIGN_KEY_ID_LEN);
}

RempartMinisignPublicKey *
rempart_minisign_public_key_ref (RempartMinisignPublicKey *key)
{
  g_return_val_if_fail (key != NULL, NULL);

  return g_rc_box_acquire (key);
}

void
rempart_minisign_public_key_unref (RempartMinisignPublicKey *key)
{
  g_return_if_fail (key != NULL);

  g_rc_box_release (key);
}

/*
 * rempart_minisign_public_key_get_key_id_string:
 *
 * Returns: (transfer full): the key id as minisign prints it, e.g. "29804A249FD46C8A"
 */
char *
rempart_minisign_public_key_get_key_id_string (RempartMinisignPublicKey *key)
{
  g_return_val_if_fail (key != NULL, NULL);

  return _rempart_minisign_key_id_to_string (key->key_id);
}

/*
 * rempart_minisign_public_key_to_base64:
 *
 * Returns: (transfer full): the key as the one base64 line minisign's -P option takes
 */
char *
rempart_minisign_public_key_to_base64 (RempartMinisignPublicKey *key)
{
  guint8 bin[MINISIGN_PUBLIC_KEY_BIN_LEN];

  g_return_val_if_fail (key != NULL, NULL);

  memcpy (bin, "Ed", MINISIGN_ALG_LEN);
  memcpy (bin + MINISIGN_ALG_LEN, key->key_id, MINISIGN_KEY_ID_LEN);
  memcpy (bin + MINISIGN_ALG_LEN + MINISIGN_KEY_ID_LEN, key->pk, MINISIGN_PK_LEN);
  return g_base64_encode (bin, sizeof bin);
}

gboolean
rempart_minisign_public_key_equal (RempartMinisignPublicKey *a, RempartMinisignPublicKey *b)
{
  g_return_val_if_fail (a != NULL, FALSE);
  g_return_val_if_fail (b != NULL, FALSE);

  return memcmp (a->key_id, b->key_id, sizeof a->key_id) == 0 &&
         memcmp (a->pk, b->pk, sizeof a->pk) == 0;
}
