/* test-blake2b.c
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <openssl/evp.h>

#include "rempart-blake2b.h"

static char *
digest_hex (const void *data, gsize len, gsize out_len)
{
  guint8 out[REMPART_BLAKE2B_OUT_MAX];
  GString *hex = g_string_new (NULL);

  rempart_blake2b (data, len, out, out_len);
  for (gsize i = 0; i < out_len; i++)
    g_string_append_printf (hex, "%02x", out[i]);
  return g_string_free (hex, FALSE);
}

static guint8 *
pattern (gsize len)
{
  guint8 *buf = g_malloc (len + 1);

  for (gsize i = 0; i < len; i++)
    buf[i] = i % 251;
  return buf;
}

/* RFC 7693, appendix A, and the unkeyed vectors every BLAKE2b implementation agrees on. */
static void
test_blake2b_vectors (void)
{
  static const struct
  {
    const char *input;
    gsize out_len;
    const char *hex;
  } vectors[] = {
    { "abc", 64,
      "ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d1"
      "7d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923" },
    { "", 64,
      "786a02f742015903c6c6fd852552d272912f4740e15847618a86e217f71f5419"
      "d25e1031afee585313896444934eb04b903a685b1448b755d56f701afe9be2ce" },
    { "abc", 32, "bddd813c634239723171ef3fee98579b94964e3bb1cb3e427262c8c068d52319" },
    { "", 32, "0e5751c026e543b2e8ab2eb06099daa1d1e5df47778f7787faab45cdf12fe3a8" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (vectors); i++)
    {
      g_autofree char *hex =
          digest_hex (vectors[i].input, strlen (vectors[i].input), vectors[i].out_len);

      g_assert_cmpstr (hex, ==, vectors[i].hex);
    }
}

/* BLAKE2b-256 is its own function, not BLAKE2b-512 cut short: the length is hashed in. */
static void
test_blake2b_variable_length (void)
{
  g_autofree guint8 *data = pattern (1000);
  g_autofree guint8 *zeros = g_malloc0 (128);
  g_autofree char *hex32 = digest_hex (data, 1000, 32);
  g_autofree char *hex20 = digest_hex (data, 1000, 20);
  g_autofree char *block32 = digest_hex (zeros, 128, 32);
  g_autofree char *hex64 = digest_hex ("abc", 3, 64);
  g_autofree char *abc32 = digest_hex ("abc", 3, 32);

  g_assert_cmpstr (hex32, ==, "b372d0608f720c8c3dd41e9c8eecb10143b41abe520b616607e754bf79c08331");
  g_assert_cmpstr (hex20, ==, "fc9a2426db78846a07219bc181a52bae9a62eacc");
  g_assert_cmpstr (block32, ==, "378d0caaaa3855f1b38693c1d6ef004fd118691c95c959d4efa950d6d6fcf7c1");
  g_assert_false (strncmp (hex64, abc32, 64) == 0);
}

/* Every length around the block boundaries, one-shot and fed in uneven pieces, against
 * OpenSSL's BLAKE2B-512. */
static void
test_blake2b_matches_openssl (void)
{
  g_autofree guint8 *data = pattern (1100);
  static const gsize chunks[] = { 1, 3, 64, 127, 128, 129, 1000 };

  for (gsize len = 0; len <= 1100; len += (len < 300 ? 1 : 37))
    {
      guint8 expected[64];
      guint8 one_shot[64];
      unsigned int expected_len = 0;

      g_assert_cmpint (EVP_Digest (data, len, expected, &expected_len, EVP_blake2b512 (), NULL), ==,
                       1);
      g_assert_cmpuint (expected_len, ==, 64);
      rempart_blake2b (data, len, one_shot, 64);
      g_assert_cmpmem (one_shot, 64, expected, 64);

      for (gsize c = 0; c < G_N_ELEMENTS (chunks); c++)
        {
          RempartBlake2b state;
          guint8 pieces[64];

          rempart_blake2b_init (&state, 64);
          for (gsize off = 0; off < len; off += chunks[c])
            rempart_blake2b_update (&state, data + off, MIN (chunks[c], len - off));
          rempart_blake2b_final (&state, pieces);
          g_assert_cmpmem (pieces, 64, expected, 64);
        }
    }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/blake2b/rfc7693-vectors", test_blake2b_vectors);
  g_test_add_func ("/blake2b/variable-length", test_blake2b_variable_length);
  g_test_add_func ("/blake2b/matches-openssl", test_blake2b_matches_openssl);

  return g_test_run ();
}
