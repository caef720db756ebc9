/* rempart-minisign-key.c
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* minisign secret keys: parsing (optionally scrypt-encrypted), writing, and key generation. */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include "rempart-blake2b.h"
#include "rempart-minisign-private.h"
#include "rempart-scrypt.h"

#define SECRET_KEY_TEXT_MAX 4096

/* Offsets in the binary secret key (see MINISIGN_SECRET_KEY_BIN_LEN). */
#define SK_OFF_SIG_ALG  0
#define SK_OFF_KDF_ALG  2
#define SK_OFF_CHK_ALG  4
#define SK_OFF_SALT     6
#define SK_OFF_OPSLIMIT (SK_OFF_SALT + MINISIGN_SALT_LEN)
#define SK_OFF_MEMLIMIT (SK_OFF_OPSLIMIT + 8)
#define SK_OFF_KEYNUM   (SK_OFF_MEMLIMIT + 8)
#define SK_OFF_SEED     (SK_OFF_KEYNUM + MINISIGN_KEY_ID_LEN)
#define SK_OFF_PK       (SK_OFF_SEED + MINISIGN_SEED_LEN)
#define SK_OFF_CHK      (SK_OFF_PK + MINISIGN_PK_LEN)

G_STATIC_ASSERT (SK_OFF_CHK + MINISIGN_CHK_LEN == MINISIGN_SECRET_KEY_BIN_LEN);

static void secret_key_clear (RempartMinisignSecretKey *key);

G_DEFINE_BOXED_TYPE (RempartMinisignSecretKey,
                     rempart_minisign_secret_key,
                     rempart_minisign_secret_key_ref,
                     rempart_minisign_secret_key_unref)

/* ------------------------------------------------------------------------------------------ */
/* Helpers                                                                                    */
/* ------------------------------------------------------------------------------------------ */

static void
secret_key_clear (RempartMinisignSecretKey *key)
{
  OPENSSL_cleanse (key, sizeof *key);
}

static guint64
load64_le (const guint8 *p)
{
  guint64 v;

  memcpy (&v, p, sizeof v);
  return GUINT64_FROM_LE (v);
}

static void
store64_le (guint8 *p, guint64 v)
{
  v = GUINT64_TO_LE (v);
  memcpy (p, &v, sizeof v);
}

/* BLAKE2b-256 (sig_alg || key id || seed || pk): minisign's check that a password is right. */
static void
compute_checksum (const guint8 *bin, guint8 *chk)
{
  RempartBlake2b state;

  rempart_blake2b_init (&state, MINISIGN_CHK_LEN);
  rempart_blake2b_update (&state, bin + SK_OFF_SIG_ALG, MINISIGN_ALG_LEN);
  rempart_blake2b_update (&state, bin + SK_OFF_KEYNUM,
                          MINISIGN_KEY_ID_LEN + MINISIGN_SEED_LEN + MINISIGN_PK_LEN);
  rempart_blake2b_final (&state, chk);
}

static gboolean
public_from_seed (const guint8 *seed, guint8 *pk)
{
  EVP_PKEY *pkey = EVP_PKEY_new_raw_private_key (EVP_PKEY_ED25519, NULL, seed, MINISIGN_SEED_LEN);
  size_t pk_len = MINISIGN_PK_LEN;
  gboolean ok;

  ok = pkey != NULL && EVP_PKEY_get_raw_public_key (pkey, pk, &pk_len) == 1 &&
       pk_len == MINISIGN_PK_LEN;
  EVP_PKEY_free (pkey);
  return ok;
}

static gboolean
xor_with_scrypt_stream (guint8 *bin,
                        const char *password,
                        guint64 opslimit,
                        guint64 memlimit,
                        GError **error)
{
  guint8 stream[MINISIGN_KEYNUM_SK_LEN];

  if (!rempart_scrypt_derive (password, bin + SK_OFF_SALT, MINISIGN_SALT_LEN, opslimit, memlimit,
                              stream, sizeof stream, error))
    return FALSE;
  for (gsize i = 0; i < sizeof stream; i++)
    bin[SK_OFF_KEYNUM + i] ^= stream[i];
  OPENSSL_cleanse (stream, sizeof stream);
  return TRUE;
}

static void
secure_free_string (gpointer data)
{
  char *s = data;

  OPENSSL_cleanse (s, strlen (s));
  g_free (s);
}

/* ------------------------------------------------------------------------------------------ */
/* Parsing                                                                                    */
/* ------------------------------------------------------------------------------------------ */

static RempartMinisignSecretKey *
secret_key_from_bin (guint8 *bin, const char *password, GError **error)
{
  /* Translators: which file an error is about (e.g. “Secret key: empty”): the minisign secret
   * key */
  const char *what = _ ("Secret key");
  gboolean encrypted;
  guint8 chk[MINISIGN_CHK_LEN];
  guint8 pk[MINISIGN_PK_LEN];
  RempartMinisignSecretKey *key;

  if (!_rempart_minisign_check_alg (bin + SK_OFF_SIG_ALG, "Ed", what, error))
    return NULL;
  if (memcmp (bin + SK_OFF_KDF_ALG, "Sc", MINISIGN_ALG_LEN) == 0)
    encrypted = TRUE;
  else if (memcmp (bin + SK_OFF_KDF_ALG, "\0\0", MINISIGN_ALG_LEN) == 0)
    encrypted = FALSE;
  else
    {
      _rempart_minisign_check_alg (bin + SK_OFF_KDF_ALG, "Sc", _ ("Secret key, key derivation"),
                                   error);
      return NULL;
    }
  if (!_rempart_minisign_check_alg (bin + SK_OFF_CHK_ALG, "B2", _ ("Secret key, checksum"), error))
    return NULL;

  if (encrypted)
    {
      if (password == NULL)
        {
          g_set_error_literal (error, REMPART_MINISIGN_ERROR,
                               REMPART_MINISIGN_ERROR_PASSWORD_REQUIRED,
                               _ ("The secret key is protected by a password: enter it"));
          return NULL;
        }
      if (!xor_with_scrypt_stream (bin, password, load64_le (bin + SK_OFF_OPSLIMIT),
                                   load64_le (bin + SK_OFF_MEMLIMIT), error))
        return NULL;
    }

  compute_checksum (bin, chk);
  if (CRYPTO_memcmp (chk, bin + SK_OFF_CHK, MINISIGN_CHK_LEN) != 0)
    {
      static const guint8 zero[MINISIGN_CHK_LEN] = { 0 };

      OPENSSL_cleanse (chk, sizeof chk);
      if (encrypted)
        {
          g_set_error_literal (error, REMPART_MINISIGN_ERROR, REMPART_MINISIGN_ERROR_WRONG_PASSWORD,
                               _ ("Wrong password for this secret key"));
          return NULL;
        }
      /* minisign 0.11 leaves the checksum of an unencrypted key (-W) all zero. */
      if (memcmp (bin + SK_OFF_CHK, zero, sizeof zero) != 0)
        {
          g_set_error_literal (error, REMPART_MINISIGN_ERROR, REMPART_MINISIGN_ERROR_CORRUPT_KEY,
                               _ ("The secret key is damaged: its checksum does not match"));
          return NULL;
        }
    }
  OPENSSL_cleanse (chk, sizeof chk);

  /* The checksum is absent in unencrypted keys: the seed must still give the stored
   * public key, or every signature would fail to verify. */
  if (!public_from_seed (bin + SK_OFF_SEED, pk) ||
      CRYPTO_memcmp (pk, bin + SK_OFF_PK, MINISIGN_PK_LEN) != 0)
    {
      g_set_error_literal (error, REMPART_MINISIGN_ERROR, REMPART_MINISIGN_ERROR_CORRUPT_KEY,
                           _ ("The secret key is damaged: its private and public halves do "
                              "not match"));
      return NULL;
    }

  key = g_rc_box_new0 (RempartMinisignSecretKey);
  memcpy (key->key_id, bin + SK_OFF_KEYNUM, MINISIGN_KEY_ID_LEN);
  memcpy (key->seed, bin + SK_OFF_SEED, MINISIGN_SEED_LEN);
  memcpy (key->pk, bin + SK_OFF_PK, MINISIGN_PK_LEN);
  return key;
}

/*
 * rempart_minisign_secret_key_parse:
 * @contents: a minisign secret key file, as written by `minisign -G`
 * @password: (nullable): the password, or %NULL for a key written with `minisign -G -W`
 *
 * Decrypting a key made by minisign takes about a second and 1 GiB of memory (scrypt):
 * call this from a worker thread in interactive code.
 *
 * Returns: (transfer full): the key, or %NULL with @error set
 */
RempartMinisignSecretKey *
rempart_minisign_secret_key_parse (GBytes *contents, const char *password, GError **error)
{
  RempartMinisignReader reader;
  guint8 bin[MINISIGN_SECRET_KEY_BIN_LEN];
  const char *text;
  gsize len;
  const char *line;
  gsize line_len;
  /* Translators: which file an error is about (e.g. “Secret key: empty”): the minisign secret
   * key */
  const char *what = _ ("Secret key");
  RempartMinisignSecretKey *key;

  g_return_val_if_fail (contents != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  text = g_bytes_get_data (contents, &len);
  if (!_rempart_minisign_check_text (text, len, SECRET_KEY_TEXT_MAX, what, error))
    return NULL;

  _rempart_minisign_reader_init (&reader, text, len);
  if (!_rempart_minisign_reader_line (&reader, MINISIGN_COMMENT_LINE_MAX,
                                      _ ("Secret key, comment line"), &line, &line_len, error))
    return NULL;
  if (line_len < strlen (MINISIGN_COMMENT_PREFIX) ||
      memcmp (line, MINISIGN_COMMENT_PREFIX, strlen (MINISIGN_COMMENT_PREFIX)) != 0)
    {
      g_set_error (error, REMPART_MINISIGN_ERROR, REMPART_MINISIGN_ERROR_MALFORMED,
                   _ ("%s: the first line should start with “%s”: was an actual minisign "
                      "secret key given?"),
                   what, MINISIGN_COMMENT_PREFIX);
      return NULL;
    }
  if (!_rempart_minisign_reader_line (&reader, MINISIGN_COMMENT_LINE_MAX,
                                      _ ("Secret key, key line"), &line, &line_len, error) ||
      !_rempart_minisign_reader_expect_end (&reader, what, error) ||
      !_rempart_minisign_decode_base64 (line, line_len, bin, sizeof bin, what, error))
    return NULL;

  key = secret_key_from_bin (bin, password, error);
  OPENSSL_cleanse (bin, sizeof bin);
  return key;
}

RempartMinisignSecretKey *
rempart_minisign_secret_key_ref (RempartMinisignSecretKey *key)
{
  g_return_val_if_fail (key != NULL, NULL);

  return g_rc_box_acquire (key);
}

void
rempart_minisign_secret_key_unref (RempartMinisignSecretKey *key)
{
  g_return_if_fail (key != NULL);

  g_rc_box_release_full (key, (GDestroyNotify) secret_key_clear);
}

char *
rempart_minisign_secret_key_get_key_id_string (RempartMinisignSecretKey *key)
{
  g_return_val_if_fail (key != NULL, NULL);

  return _rempart_minisign_key_id_to_string (key->key_id);
}

/*
 * rempart_minisign_secret_key_get_public_key:
 *
 * Returns: (transfer full): the public half of @key, to publish beside the feed
 */
RempartMinisignPublicKey *
rempart_minisign_secret_key_get_public_key (RempartMinisignSecretKey *key)
{
  g_return_val_if_fail (key != NULL, NULL);

  return _rempart_minisign_public_key_new (key->key_id, key->pk);
}

/* ------------------------------------------------------------------------------------------ */
/* Writing and key generation                                                                 */
/* ------------------------------------------------------------------------------------------ */

/*
 * _rempart_minisign_secret_key_serialize:
 * @password: (nullable): encrypt with this password, or write an unencrypted key
 * @opslimit: @memlimit: the scrypt cost, REMPART_SCRYPT_*_SENSITIVE outside the tests
 *
 * Returns: (transfer full): the contents of a minisign secret key file; the bytes are wiped
 *   when freed
 */
GBytes *
_rempart_minisign_secret_key_serialize (RempartMinisignSecretKey *key,
                                        const char *password,
                                        guint64 opslimit,
                                        guint64 memlimit,
                                        GError **error)
{
  guint8 bin[MINISIGN_SECRET_KEY_BIN_LEN] = { 0 };
  char *b64;
  char *text;

  memcpy (bin + SK_OFF_SIG_ALG, "Ed", MINISIGN_ALG_LEN);
  memcpy (bin + SK_OFF_CHK_ALG, "B2", MINISIGN_ALG_LEN);
  memcpy (bin + SK_OFF_KEYNUM, key->key_id, MINISIGN_KEY_ID_LEN);
  memcpy (bin + SK_OFF_SEED, key->seed, MINISIGN_SEED_LEN);
  memcpy (bin + SK_OFF_PK, key->pk, MINISIGN_PK_LEN);
  /* Unlike minisign 0.11, write the checksum of unencrypted keys too: it catches damage, and
   * minisign does not read it for them. */
  compute_checksum (bin, bin + SK_OFF_CHK);

  if (password != NULL)
    {
      memcpy (bin + SK_OFF_KDF_ALG, "Sc", MINISIGN_ALG_LEN);
      store64_le (bin + SK_OFF_OPSLIMIT, opslimit);
      store64_le (bin + SK_OFF_MEMLIMIT, memlimit);
      if (RAND_bytes (bin + SK_OFF_SALT, MINISIGN_SALT_LEN) != 1)
        {
          OPENSSL_cleanse (bin, sizeof bin);
          g_set_error_literal (error, REMPART_MINISIGN_ERROR, REMPART_MINISIGN_ERROR_FAILED,
                               _ ("The system’s random number generator failed"));
          return NULL;
        }
      if (!xor_with_scrypt_stream (bin, password, opslimit, memlimit, error))
        {
          OPENSSL_cleanse (bin, sizeof bin);
          return NULL;
        }
    }

  b64 = g_base64_encode (bin, sizeof bin);
  OPENSSL_cleanse (bin, sizeof bin);
  text = g_strdup_printf (
      "%s%s\n%s\n", MINISIGN_COMMENT_PREFIX,
      password != NULL ? "rempart encrypted secret key" : "rempart unencrypted secret key", b64);
  secure_free_string (b64);
  return g_bytes_new_with_free_func (text, strlen (text), secure_free_string, text);
}

/* Writes a new key file; without @force, never replaces an existing file (O_EXCL, so there
 * is no window between a check and the write). */
static gboolean
write_key_file (const char *path, GBytes *contents, int mode, gboolean force, GError **error)
{
  gsize len;
  const char *data = g_bytes_get_data (contents, &len);
  int fd;
  int saved_errno;

  if (force)
    return g_file_set_contents_full (path, data, len, G_FILE_SET_CONTENTS_CONSISTENT, mode, error);

  fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
  if (fd < 0)
    {
      saved_errno = errno;
      goto fail;
    }
  while (len > 0)
    {
      gssize n = write (fd, data, len);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          saved_errno = n < 0 ? errno : EIO;
          goto fail_unlink;
        }
      data += n;
      len -= n;
    }
  if (fsync (fd) != 0 || close (fd) != 0)
    {
      saved_errno = errno;
      fd = -1;
      goto fail_unlink;
    }
  return TRUE;

fail_unlink:
  if (fd >= 0)
    close (fd);
  g_unlink (path);
fail:
  {
    g_autofree char *display = g_filename_display_name (path);

    if (saved_errno == EEXIST)
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_EXIST,
                   _ ("“%s” already exists: a key file is never overwritten unless you ask "
                      "for it (rempart-feed keygen --force)"),
                   display);
    else
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _ ("Could not write the key file “%s”: %s"), display, g_strerror (saved_errno));
  }
  return FALSE;
}

static gboolean
generate_key (RempartMinisignSecretKey *key, GError **error)
{
  EVP_PKEY_CTX *ctx = EVP_PKEY_CTX_new_id (EVP_PKEY_ED25519, NULL);
  EVP_PKEY *pkey = NULL;
  size_t seed_len = MINISIGN_SEED_LEN;
  size_t pk_len = MINISIGN_PK_LEN;
  gboolean ok;

  ok = ctx != NULL && EVP_PKEY_keygen_init (ctx) == 1 && EVP_PKEY_keygen (ctx, &pkey) == 1 &&
       EVP_PKEY_get_raw_private_key (pkey, key->seed, &seed_len) == 1 &&
       EVP_PKEY_get_raw_public_key (pkey, key->pk, &pk_len) == 1 && seed_len == MINISIGN_SEED_LEN &&
       pk_len == MINISIGN_PK_LEN && RAND_bytes (key->key_id, MINISIGN_KEY_ID_LEN) == 1;
  EVP_PKEY_free (pkey);
  EVP_PKEY_CTX_free (ctx);

  if (!ok)
    g_set_error_literal (error, REMPART_MINISIGN_ERROR, REMPART_MINISIGN_ERROR_FAILED,
                         _ ("Could not generate an Ed25519 key pair with OpenSSL"));
  return ok;
}

gboolean
_rempart_minisign_keygen_full (const char *pub_path,
                               const char *sec_path,
                               const char *password,
                               gboolean force,
                               guint64 opslimit,
                               guint64 memlimit,
                               GError **error)
{
  RempartMinisignSecretKey key;
  g_autoptr (GBytes) sec_text = NULL;
  g_autoptr (GBytes) pub_text = NULL;
  g_autofree char *id = NULL;
  g_autofree char *pub_b64 = NULL;
  g_autofree char *pub_file = NULL;
  g_autoptr (RempartMinisignPublicKey) pub = NULL;
  const char *existing = NULL;

  g_return_val_if_fail (pub_path != NULL, FALSE);
  g_return_val_if_fail (sec_path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_strcmp0 (pub_path, sec_path) == 0)
    {
      g_set_error_literal (error, REMPART_MINISIGN_ERROR, REMPART_MINISIGN_ERROR_INVALID_ARGUMENT,
                           _ ("The public and the secret key need two different files"));
      return FALSE;
    }

  /* Refuse early, before the costly scrypt, and before writing either file. */
  if (!force)
    existing = g_file_test (sec_path, G_FILE_TEST_EXISTS)   ? sec_path
               : g_file_test (pub_path, G_FILE_TEST_EXISTS) ? pub_path
                                                            : NULL;
  if (existing != NULL)
    {
      g_autofree char *display = g_filename_display_name (existing);

      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_EXIST,
                   _ ("“%s” already exists: a key file is never overwritten unless you ask "
                      "for it (rempart-feed keygen --force)"),
                   display);
      return FALSE;
    }

  if (!generate_key (&key, error))
    {
      OPENSSL_cleanse (&key, sizeof key);
      return FALSE;
    }
  sec_text = _rempart_minisign_secret_key_serialize (&key, password, opslimit, memlimit, error);
  pub = rempart_minisign_secret_key_get_public_key (&key);
  OPENSSL_cleanse (&key, sizeof key);
  if (sec_text == NULL)
    return FALSE;

  id = rempart_minisign_public_key_get_key_id_string (pub);
  pub_b64 = rempart_minisign_public_key_to_base64 (pub);
  pub_file =
      g_strdup_printf ("%sminisign public key %s\n%s\n", MINISIGN_COMMENT_PREFIX, id, pub_b64);
  pub_text = g_bytes_new (pub_file, strlen (pub_file));

  if (!write_key_file (sec_path, sec_text, 0600, force, error))
    return FALSE;
  if (!write_key_file (pub_path, pub_text, 0644, force, error))
    {
      /* A secret key without its public key is useless and confusing. */
      if (!force)
        g_unlink (sec_path);
      return FALSE;
    }
  return TRUE;
}

/*
 * rempart_minisign_keygen:
 * @pub_path: where to write the public key (minisign.pub format)
 * @sec_path: where to write the secret key, readable by the owner only
 * @password: (nullable): the password that encrypts the secret key, or %NULL for an
 *   unencrypted key as `minisign -G -W` writes
 * @force: replace existing key files
 *
 * Generates a key pair that minisign can use. Encrypting takes about a second and 1 GiB of
 * memory, like minisign: call it from a worker thread in interactive code.
 */
gboolean
rempart_minisign_keygen (const char *pub_path,
                         const char *sec_path,
                         const char *password,
                         gboolean force,
                         GError **error)
{
  return _rempart_minisign_keygen_full (pub_path, sec_path, password, force,
                                        REMPART_SCRYPT_OPSLIMIT_SENSITIVE,
                                        REMPART_SCRYPT_MEMLIMIT_SENSITIVE, error);
}
