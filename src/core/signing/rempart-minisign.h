/* rempart-minisign.h
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define REMPART_MINISIGN_ERROR (rempart_minisign_error_quark ())

/**
 * RempartMinisignError:
 * @REMPART_MINISIGN_ERROR_FAILED: an internal failure (OpenSSL, memory)
 * @REMPART_MINISIGN_ERROR_MALFORMED: a key or signature file is not in minisign's format
 * @REMPART_MINISIGN_ERROR_UNSUPPORTED: a well-formed file uses an algorithm or parameters
 *   we do not support
 * @REMPART_MINISIGN_ERROR_KEY_MISMATCH: the signature was made with another key
 * @REMPART_MINISIGN_ERROR_BAD_SIGNATURE: the data does not match the signature
 * @REMPART_MINISIGN_ERROR_BAD_TRUSTED_COMMENT: the trusted comment was altered
 * @REMPART_MINISIGN_ERROR_PASSWORD_REQUIRED: the secret key is encrypted and no password
 *   was given
 * @REMPART_MINISIGN_ERROR_WRONG_PASSWORD: the password does not decrypt the secret key
 * @REMPART_MINISIGN_ERROR_CORRUPT_KEY: the secret key is inconsistent
 * @REMPART_MINISIGN_ERROR_INVALID_ARGUMENT: a comment cannot be written in a signature
 */
typedef enum
{
  REMPART_MINISIGN_ERROR_FAILED,
  REMPART_MINISIGN_ERROR_MALFORMED,
  REMPART_MINISIGN_ERROR_UNSUPPORTED,
  REMPART_MINISIGN_ERROR_KEY_MISMATCH,
  REMPART_MINISIGN_ERROR_BAD_SIGNATURE,
  REMPART_MINISIGN_ERROR_BAD_TRUSTED_COMMENT,
  REMPART_MINISIGN_ERROR_PASSWORD_REQUIRED,
  REMPART_MINISIGN_ERROR_WRONG_PASSWORD,
  REMPART_MINISIGN_ERROR_CORRUPT_KEY,
  REMPART_MINISIGN_ERROR_INVALID_ARGUMENT,
} RempartMinisignError;

GQuark rempart_minisign_error_quark (void);

/* Public keys ------------------------------------------------------------------------------ */

#define REMPART_TYPE_MINISIGN_PUBLIC_KEY (rempart_minisign_public_key_get_type ())

typedef struct _RempartMinisignPublicKey RempartMinisignPublicKey;

GType rempart_minisign_public_key_get_type (void) G_GNUC_CONST;
RempartMinisignPublicKey *
rempart_minisign_public_key_parse (const char *text, gsize len, GError **error);
RempartMinisignPublicKey *rempart_minisign_public_key_ref (RempartMinisignPublicKey *key);
void rempart_minisign_public_key_unref (RempartMinisignPublicKey *key);
char *rempart_minisign_public_key_get_key_id_string (RempartMinisignPublicKey *key);
char *rempart_minisign_public_key_to_base64 (RempartMinisignPublicKey *key);
gboolean rempart_minisign_public_key_equal (RempartMinisignPublicKey *a,
                                            RempartMinisignPublicKey *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RempartMinisignPublicKey, rempart_minisign_public_key_unref)

/* Secret keys ------------------------------------------------------------------------------ */

#define REMPART_TYPE_MINISIGN_SECRET_KEY (rempart_minisign_secret_key_get_type ())

typedef struct _RempartMinisignSecretKey RempartMinisignSecretKey;

GType rempart_minisign_secret_key_get_type (void) G_GNUC_CONST;
RempartMinisignSecretKey *
rempart_minisign_secret_key_parse (GBytes *contents, const char *password, GError **error);
RempartMinisignSecretKey *rempart_minisign_secret_key_ref (RempartMinisignSecretKey *key);
void rempart_minisign_secret_key_unref (RempartMinisignSecretKey *key);
char *rempart_minisign_secret_key_get_key_id_string (RempartMinisignSecretKey *key);
RempartMinisignPublicKey *
rempart_minisign_secret_key_get_public_key (RempartMinisignSecretKey *key);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RempartMinisignSecretKey, rempart_minisign_secret_key_unref)

gboolean rempart_minisign_keygen (const char *pub_path,
                                  const char *sec_path,
                                  const char *password,
                                  gboolean force,
                                  GError **error);

/* Signatures ------------------------------------------------------------------------------- */

gboolean rempart_minisign_verify (RempartMinisignPublicKey *key,
                                  GBytes *data,
                                  GBytes *sig_file,
                                  char **trusted_comment_out,
                                  GError **error);

gboolean rempart_minisign_verify_trusted_comment (RempartMinisignPublicKey *key,
                                                  GBytes *sig_file,
                                                  char **trusted_comment_out,
                                                  GError **error);

char *rempart_minisign_signature_get_key_id_string (GBytes *sig_file, GError **error);

GBytes *rempart_minisign_sign (RempartMinisignSecretKey *key,
                               GBytes *data,
                               const char *trusted_comment,
                               const char *file_basename,
                               GError **error);

G_END_DECLS
