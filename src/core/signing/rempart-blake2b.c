/* rempart-blake2b.c
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <openssl/crypto.h>

#include "rempart-blake2b.h"

/* ------------------------------------------------------------------------------------------ */
/* Constants (RFC 7693, sections 2.6 and 2.7)                                                  */
/* ------------------------------------------------------------------------------------------ */

static const guint64 blake2b_iv[8] = {
  G_GUINT64_CONSTANT (0x6a09e667f3bcc908), G_GUINT64_CONSTANT (0xbb67ae8584caa73b),
  G_GUINT64_CONSTANT (0x3c6ef372fe94f82b), G_GUINT64_CONSTANT (0xa54ff53a5f1d36f1),
  G_GUINT64_CONSTANT (0x510e527fade682d1), G_GUINT64_CONSTANT (0x9b05688c2b3e6c1f),
  G_GUINT64_CONSTANT (0x1f83d9abfb41bd6b), G_GUINT64_CONSTANT (0x5be0cd19137e2179),
};

static const guint8 blake2b_sigma[12][16] = {
  { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15 },
  { 14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3 },
  { 11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4 },
  { 7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8 },
  { 9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13 },
  { 2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9 },
  { 12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11 },
  { 13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10 },
  { 6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5 },
  { 10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0 },
  { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15 },
  { 14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3 },
};

/* ------------------------------------------------------------------------------------------ */
/* Helpers                                                                                    */
/* ------------------------------------------------------------------------------------------ */

static inline guint64
rotr64 (guint64 x, guint n)
{
  return (x >> n) | (x << (64 - n));
}

static inline guint64
load64_le (const guint8 *p)
{
  guint64 v;

  memcpy (&v, p, sizeof v);
  return GUINT64_FROM_LE (v);
}

#define G(a, b, c, d, x, y)          \
  G_STMT_START                       \
  {                                  \
    v[a] = v[a] + v[b] + (x);        \
    v[d] = rotr64 (v[d] ^ v[a], 32); \
    v[c] = v[c] + v[d];              \
    v[b] = rotr64 (v[b] ^ v[c], 24); \
    v[a] = v[a] + v[b] + (y);        \
    v[d] = rotr64 (v[d] ^ v[a], 16); \
    v[c] = v[c] + v[d];              \
    v[b] = rotr64 (v[b] ^ v[c], 63); \
  }                                  \
  G_STMT_END

/* The compression function F (RFC 7693, section 3.2). */
static void
blake2b_compress (RempartBlake2b *state, gboolean last)
{
  guint64 v[16];
  guint64 m[16];

  for (guint i = 0; i < 8; i++)
    {
      v[i] = state->h[i];
      v[i + 8] = blake2b_iv[i];
    }
  v[12] ^= state->t[0];
  v[13] ^= state->t[1];
  if (last)
    v[14] = ~v[14];

  for (guint i = 0; i < 16; i++)
    m[i] = load64_le (state->buf + 8 * i);

  for (guint i = 0; i < 12; i++)
    {
      const guint8 *s = blake2b_sigma[i];

      G (0, 4, 8, 12, m[s[0]], m[s[1]]);
      G (1, 5, 9, 13, m[s[2]], m[s[3]]);
      G (2, 6, 10, 14, m[s[4]], m[s[5]]);
      G (3, 7, 11, 15, m[s[6]], m[s[7]]);
      G (0, 5, 10, 15, m[s[8]], m[s[9]]);
      G (1, 6, 11, 12, m[s[10]], m[s[11]]);
      G (2, 7, 8, 13, m[s[12]], m[s[13]]);
      G (3, 4, 9, 14, m[s[14]], m[s[15]]);
    }

  for (guint i = 0; i < 8; i++)
    state->h[i] ^= v[i] ^ v[i + 8];

  /* The message words may be secret (minisign hashes the secret key). */
  OPENSSL_cleanse (v, sizeof v);
  OPENSSL_cleanse (m, sizeof m);
}

static void
blake2b_increment_counter (RempartBlake2b *state, gsize len)
{
  state->t[0] += len;
  if (state->t[0] < len)
    state->t[1]++;
}

/* ------------------------------------------------------------------------------------------ */
/* Public API                                                                                 */
/* ------------------------------------------------------------------------------------------ */

/*
 * rempart_blake2b_init:
 * @state: the state to initialise
 * @out_len: the digest length in bytes, 1 to %REMPART_BLAKE2B_OUT_MAX
 */
void
rempart_blake2b_init (RempartBlake2b *state, gsize out_len)
{
  g_return_if_fail (state != NULL);
  g_return_if_fail (out_len >= 1 && out_len <= REMPART_BLAKE2B_OUT_MAX);

  memset (state, 0, sizeof *state);
  for (guint i = 0; i < 8; i++)
    state->h[i] = blake2b_iv[i];
  /* Parameter block: digest length, key length 0, fanout 1, depth 1. */
  state->h[0] ^= 0x01010000 ^ (guint64) out_len;
  state->out_len = out_len;
}

void
rempart_blake2b_update (RempartBlake2b *state, const void *data, gsize len)
{
  const guint8 *in = data;

  g_return_if_fail (state != NULL);
  g_return_if_fail (data != NULL || len == 0);

  while (len > 0)
    {
      gsize n;

      /* The last block is compressed in final() with the last-block flag, so a full
       * buffer is only compressed once more input is known to follow. */
      if (state->buf_len == REMPART_BLAKE2B_BLOCK_LEN)
        {
          blake2b_increment_counter (state, REMPART_BLAKE2B_BLOCK_LEN);
          blake2b_compress (state, FALSE);
          state->buf_len = 0;
        }
      n = MIN (len, REMPART_BLAKE2B_BLOCK_LEN - state->buf_len);
      memcpy (state->buf + state->buf_len, in, n);
      state->buf_len += n;
      in += n;
      len -= n;
    }
}

/*
 * rempart_blake2b_final:
 * @state: the state
 * @out: (out caller-allocates): the digest, of the length given to init()
 *
 * Writes the digest and wipes @state.
 */
void
rempart_blake2b_final (RempartBlake2b *state, guint8 *out)
{
  guint8 digest[REMPART_BLAKE2B_OUT_MAX];

  g_return_if_fail (state != NULL);
  g_return_if_fail (out != NULL);

  blake2b_increment_counter (state, state->buf_len);
  memset (state->buf + state->buf_len, 0, REMPART_BLAKE2B_BLOCK_LEN - state->buf_len);
  blake2b_compress (state, TRUE);

  for (guint i = 0; i < 8; i++)
    {
      guint64 le = GUINT64_TO_LE (state->h[i]);

      memcpy (digest + 8 * i, &le, sizeof le);
    }
  memcpy (out, digest, state->out_len);

  OPENSSL_cleanse (digest, sizeof digest);
  OPENSSL_cleanse (state, sizeof *state);
}

/*
 * rempart_blake2b:
 *
 * One-shot unkeyed BLAKE2b of @data with an @out_len-byte digest.
 */
void
rempart_blake2b (const void *data, gsize len, guint8 *out, gsize out_len)
{
  RempartBlake2b state;

  rempart_blake2b_init (&state, out_len);
  rempart_blake2b_update (&state, data, len);
  rempart_blake2b_final (&state, out);
}
