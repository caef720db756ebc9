/* rempart-blake2b.h
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define REMPART_BLAKE2B_BLOCK_LEN 128
#define REMPART_BLAKE2B_OUT_MAX   64

/*
 * RempartBlake2b:
 *
 * Incremental, unkeyed BLAKE2b (RFC 7693) with any output length from 1 to 64 bytes.
 * OpenSSL 3.0 only offers the 64-byte variant, and BLAKE2b-256 is a different function
 * (the length is part of the parameter block), not a truncation of BLAKE2b-512; minisign's
 * secret key checksum needs the 32-byte one.
 */
typedef struct
{
  guint64 h[8];
  guint64 t[2];
  guint8 buf[REMPART_BLAKE2B_BLOCK_LEN];
  gsize buf_len;
  gsize out_len;
} RempartBlake2b;

void rempart_blake2b_init (RempartBlake2b *state, gsize out_len);
void rempart_blake2b_update (RempartBlake2b *state, const void *data, gsize len);
void rempart_blake2b_final (RempartBlake2b *state, guint8 *out);
void rempart_blake2b (const void *data, gsize len, guint8 *out, gsize out_len);

G_END_DECLS
