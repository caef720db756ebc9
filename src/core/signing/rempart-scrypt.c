/* rempart-scrypt.c
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>
#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/kdf.h>
#include <openssl/params.h>

#include "rempart-minisign.h"
#include "rempart-scrypt.h"

/* A secret key file chooses its own scrypt cost. Bound it so that a corrupt or hostile key
 * cannot ask for terabytes of memory or hours of work: 4 GiB (minisign uses 1 GiB) and
 * sixteen times minisign's work factor N * p = 2^20. */
#define SCRYPT_MAX_N_LOG2 22
#define SCRYPT_MAX_WORK   (G_GUINT64_CONSTANT (1) << 24)

/*
 * rempart_scrypt_pick_params:
 *
 * Turns libsodium's (opslimit, memlimit) pair into scrypt's (N = 2^n_log2, r, p) exactly as
 * crypto_pwhash_scryptsalsa208sha256() does, since minisign stores the pair, not the
 * parameters.
 */
void
rempart_scrypt_pick_params (guint64 opslimit,
                            guint64 memlimit,
                            guint *n_log2,
                            guint32 *r,
                            guint32 *p)
{
  guint64 max_n;

  if (opslimit < 32768)
    opslimit = 32768;
  *r = 8;
  if (opslimit < memlimit / 32)
    {
      *p = 1;
      max_n = opslimit / (*r * 4);
    }
  else
    {
      max_n = memlimit / ((guint64) *r * 128);
    }

  for (*n_log2 = 1; *n_log2 < 63; *n_log2 += 1)
    {
      if ((G_GUINT64_CONSTANT (1) << *n_log2) > max_n / 2)
        break;
    }

  if (!(opslimit < memlimit / 32))
    {
      guint64 max_rp = (opslimit / 4) / (G_GUINT64_CONSTANT (1) << *n_log2);

      if (max_rp > 0x3fffffff)
        max_rp = 0x3fffffff;
      *p = (guint32) max_rp / *r;
    }
}

/*
 * rempart_scrypt_derive:
 *
 * crypto_pwhash_scryptsalsa208sha256() on OpenSSL's scrypt: fills @out with @out_len bytes
 * derived from @password and @salt at the cost libsodium picks for @opslimit and @memlimit.
 */
gboolean
rempart_scrypt_derive (const char *password,
                       const guint8 *salt,
                       gsize salt_len,
                       guint64 opslimit,
                       guint64 memlimit,
                       guint8 *out,
                       gsize out_len,
                       GError **error)
{
  EVP_KDF *kdf = NULL;
  EVP_KDF_CTX *ctx = NULL;
  OSSL_PARAM params[7];
  guint n_log2;
  guint32 r;
  guint32 p;
  guint64 n;
  guint64 maxmem;
  gboolean ok;

  g_return_val_if_fail (password != NULL, FALSE);
  g_return_val_if_fail (salt != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  rempart_scrypt_pick_params (opslimit, memlimit, &n_log2, &r, &p);
  if (n_log2 > SCRYPT_MAX_N_LOG2 || p == 0 ||
      ((G_GUINT64_CONSTANT (1) << n_log2) * p) > SCRYPT_MAX_WORK)
    {
      g_set_error (error, REMPART_MINISIGN_ERROR, REMPART_MINISIGN_ERROR_UNSUPPORTED,
                   _ ("The key asks for scrypt parameters out of the supported range "
                      "(N = 2^%u, r = %u, p = %u): the key file is damaged or was not made "
                      "by minisign"),
                   n_log2, r, p);
      return FALSE;
    }
  n = G_GUINT64_CONSTANT (1) << n_log2;
  /* OpenSSL counts B (128 r p) and V (128 r (N + 2)); give it room for both. */
  maxmem = 128 * (guint64) r * (n + 2 + p) + 4096;

  params[0] = OSSL_PARAM_construct_octet_string (OSSL_KDF_PARAM_PASSWORD, (void *) password,
                                                 strlen (password));
  params[1] = OSSL_PARAM_construct_octet_string (OSSL_KDF_PARAM_SALT, (void *) salt, salt_len);
  params[2] = OSSL_PARAM_construct_uint64 (OSSL_KDF_PARAM_SCRYPT_N, &n);
  params[3] = OSSL_PARAM_construct_uint32 (OSSL_KDF_PARAM_SCRYPT_R, &r);
  params[4] = OSSL_PARAM_construct_uint32 (OSSL_KDF_PARAM_SCRYPT_P, &p);
  params[5] = OSSL_PARAM_construct_uint64 (OSSL_KDF_PARAM_SCRYPT_MAXMEM, &maxmem);
  params[6] = OSSL_PARAM_construct_end ();

  kdf = EVP_KDF_fetch (NULL, OSSL_KDF_NAME_SCRYPT, NULL);
  ctx = kdf != NULL ? EVP_KDF_CTX_new (kdf) : NULL;
  ok = ctx != NULL && EVP_KDF_derive (ctx, out, out_len, params) == 1;
  EVP_KDF_CTX_free (ctx);
  EVP_KDF_free (kdf);

  if (!ok)
    {
      OPENSSL_cleanse (out, out_len);
      g_set_error (error, REMPART_MINISIGN_ERROR, REMPART_MINISIGN_ERROR_FAILED,
                   _ ("Could not derive a key from the password with scrypt (N = 2^%u, r = %u, "
                      "p = %u): out of memory, or OpenSSL lacks scrypt"),
                   n_log2, r, p);
      return FALSE;
    }

  return TRUE;
}
