/* rempart-scrypt.h
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What minisign writes in new password-protected keys: libsodium's
 * crypto_pwhash_scryptsalsa208sha256_{OPS,MEM}LIMIT_SENSITIVE (N = 2^20, r = 8, p = 1, 1 GiB). */
#define REMPART_SCRYPT_OPSLIMIT_SENSITIVE G_GUINT64_CONSTANT (33554432)
#define REMPART_SCRYPT_MEMLIMIT_SENSITIVE G_GUINT64_CONSTANT (1073741824)

void rempart_scrypt_pick_params (guint64 opslimit,
                                 guint64 memlimit,
                                 guint *n_log2,
                                 guint32 *r,
                                 guint32 *p);

gboolean rempart_scrypt_derive (const char *password,
                                const guint8 *salt,
                                gsize salt_len,
                                guint64 opslimit,
                                guint64 memlimit,
                                guint8 *out,
                                gsize out_len,
                                GError **error);

G_END_DECLS
