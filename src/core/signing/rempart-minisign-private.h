/* rempart-minisign-private.h
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rempart-minisign.h"

G_BEGIN_DECLS

/* minisign's binary layouts (minisign.h): every field is a byte string, integers are
 * little-endian. */
#define MINISIGN_ALG_LEN     2
#define MINISIGN_KEY_ID_LEN  8
#define MINISIGN_PK_LEN      32
#define MINISIGN_SEED_LEN    32
#define MINISIGN_SIG_LEN     64
#define MINISIGN_CHK_LEN     32
#define MINISIGN_SALT_LEN    32
#define MINISIGN_PREHASH_LEN 64

/* Ed | key id | pk */
#define MINISIGN_PUBLIC_KEY_BIN_LEN (MINISIGN_ALG_LEN + MINISIGN_KEY_ID_LEN + MINISIGN_PK_LEN)
/* ED or Ed | key id | signature */
#define MINISIGN_SIG_BIN_LEN (MINISIGN_ALG_LEN + MINISIGN_KEY_ID_LEN + MINISIGN_SIG_LEN)
/* key id | seed | pk | checksum: the part scrypt's stream is XORed with */
#define MINISIGN_KEYNUM_SK_LEN \
  (MINISIGN_KEY_ID_LEN + MINISIGN_SEED_LEN + MINISIGN_PK_LEN + MINISIGN_CHK_LEN)
/* Ed | Sc | B2 | salt | opslimit | memlimit | keynum_sk */
#define MINISIGN_SECRET_KEY_BIN_LEN \
  (3 * MINISIGN_ALG_LEN + MINISIGN_SALT_LEN + 8 + 8 + MINISIGN_KEYNUM_SK_LEN)

#define MINISIGN_COMMENT_PREFIX         "untrusted comment: "
#define MINISIGN_TRUSTED_COMMENT_PREFIX "trusted comment: "

/* minisign reads comment lines with fgets() into 1024- and 8192-byte buffers; a longer line
 * would be split and misread, so neither side accepts one. */
#define MINISIGN_COMMENT_LINE_MAX         1024
#define MINISIGN_TRUSTED_COMMENT_LINE_MAX 8192
#define MINISIGN_TRUSTED_COMMENT_MAX \
  (MINISIGN_TRUSTED_COMMENT_LINE_MAX - sizeof MINISIGN_TRUSTED_COMMENT_PREFIX - 1)

struct _RempartMinisignPublicKey
{
  guint8 key_id[MINISIGN_KEY_ID_LEN];
  guint8 pk[MINISIGN_PK_LEN];
};

struct _RempartMinisignSecretKey
{
  guint8 key_id[MINISIGN_KEY_ID_LEN];
  guint8 seed[MINISIGN_SEED_LEN];
  guint8 pk[MINISIGN_PK_LEN];
};

/* A cursor over a text buffer that need not be NUL-terminated. */
typedef struct
{
  const char *pos;
  const char *end;
} RempartMinisignReader;

void _rempart_minisign_reader_init (RempartMinisignReader *reader, const char *text, gsize len);
gboolean _rempart_minisign_reader_line (RempartMinisignReader *reader,
                                        gsize max_len,
                                        const char *what,
                                        const char **line,
                                        gsize *line_len,
                                        GError **error);
gboolean _rempart_minisign_reader_expect_end (RempartMinisignReader *reader,
                                              const char *what,
                                              GError **error);
gboolean _rempart_minisign_check_text (const char *text,
                                       gsize len,
                                       gsize max_len,
                                       const char *what,
                                       GError **error);
gboolean _rempart_minisign_decode_base64 (const char *b64,
                                          gsize b64_len,
                                          guint8 *out,
                                          gsize out_len,
                                          const char *what,
                                          GError **error);
gboolean _rempart_minisign_check_alg (const guint8 *alg,
                                      const char *expected,
                                      const char *what,
                                      GError **error);
char *_rempart_minisign_key_id_to_string (const guint8 *key_id);

RempartMinisignPublicKey *_rempart_minisign_public_key_new (const guint8 *key_id, const guint8 *pk);

GBytes *_rempart_minisign_secret_key_serialize (RempartMinisignSecretKey *key,
                                                const char *password,
                                                guint64 opslimit,
                                                guint64 memlimit,
                                                GError **error);
gboolean _rempart_minisign_keygen_full (const char *pub_path,
                                        const char *sec_path,
                                        const char *password,
                                        gboolean force,
                                        guint64 opslimit,
                                        guint64 memlimit,
                                        GError **error);

G_END_DECLS
