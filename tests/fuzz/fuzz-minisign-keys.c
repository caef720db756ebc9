/* fuzz-minisign-keys.c
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* libFuzzer target for minisign keys, split from fuzz-minisign (signatures): the input is
 * read as a public key, whose base64 must read back as an equal key, and as a secret key,
 * unencrypted or with the password "fuzz" under the scrypt cost the input asks for. Hostile
 * costs (2^63 operations, no memory) must be refused at once; a cost inside the supported
 * range but too slow for a fuzzing run (more than 2^12 blocks) is only parsed without a
 * password. The scrypt parameter choice itself gets the input's first 16 bytes as opslimit
 * and memlimit. Seeds: tests/fuzz/seeds/minisign-keys. */

#include "config.h"

#include <string.h>

#include "fuzz-common.h"
#include "rempart-minisign.h"
#include "rempart-scrypt.h"

/* Where minisign's secret key binary keeps its scrypt cost (rempart-minisign-key.c). */
#define OFF_OPSLIMIT 38
#define OFF_MEMLIMIT 46
/* Beyond these, rempart_scrypt_derive() refuses (rempart-scrypt.c). */
#define MAX_N_LOG2 22
#define MAX_WORK   (G_GUINT64_CONSTANT (1) << 24)
/* Cheap enough to derive on every run. */
#define CHEAP_WORK (G_GUINT64_CONSTANT (1) << 12)

static guint64
load64_le (const guint8 *p)
{
  guint64 v = 0;

  for (int i = 7; i >= 0; i--)
    v = (v << 8) | p[i];
  return v;
}

/* Whether deriving at this cost is instant: refused, or cheap. */
static gboolean
derive_is_quick (guint64 opslimit, guint64 memlimit)
{
  guint n_log2;
  guint32 r, p;
  guint64 work;

  rempart_scrypt_pick_params (opslimit, memlimit, &n_log2, &r, &p);
  g_assert (n_log2 < 64 && r > 0);
  if (n_log2 > MAX_N_LOG2 || p == 0)
    return TRUE;
  work = (G_GUINT64_CONSTANT (1) << n_log2) * p;
  return work > MAX_WORK || work * r <= CHEAP_WORK * 8;
}

/* The scrypt cost the second line of @text asks for, when it is a secret key's base64. */
static gboolean
secret_key_cost (const char *text, guint64 *opslimit, guint64 *memlimit)
{
  g_auto (GStrv) lines = g_strsplit (text, "\n", 3);
  g_autofree guint8 *bin = NULL;
  gsize len = 0;

  if (g_strv_length (lines) < 2)
    return FALSE;
  g_strstrip (lines[1]);
  bin = g_base64_decode (lines[1], &len);
  if (len < OFF_MEMLIMIT + 8)
    return FALSE;
  *opslimit = load64_le (bin + OFF_OPSLIMIT);
  *memlimit = load64_le (bin + OFF_MEMLIMIT);
  return TRUE;
}

static void
check_secret_key (RempartMinisignSecretKey *secret)
{
  g_autoptr (GBytes) message = g_bytes_new_static ("{}", 2);
  g_autoptr (RempartMinisignPublicKey) derived =
      rempart_minisign_secret_key_get_public_key (secret);
  g_autoptr (GBytes) sig = rempart_minisign_sign (secret, message, "fuzz", "fuzz.json", NULL);
  g_autofree char *comment = NULL;
  g_autofree char *id = rempart_minisign_secret_key_get_key_id_string (secret);
  g_autofree char *public_id = rempart_minisign_public_key_get_key_id_string (derived);

  g_assert (sig != NULL);
  g_assert (rempart_minisign_verify (derived, message, sig, &comment, NULL));
  g_assert (strcmp (comment, "fuzz") == 0);
  g_assert (strcmp (id, public_id) == 0);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr (GBytes) input = g_bytes_new (data, size);
  g_autoptr (RempartMinisignPublicKey) public = NULL;
  g_autofree char *text = NULL;
  guint64 opslimit, memlimit;

  fuzz_init ();

  if (size >= 16)
    {
      gboolean quick = derive_is_quick (load64_le (data), load64_le (data + 8));
      guint8 salt[32] = { 0 };
      guint8 out[64];
      g_autoptr (GError) error = NULL;

      if (quick && !rempart_scrypt_derive ("fuzz", salt, sizeof salt, load64_le (data),
                                           load64_le (data + 8), out, sizeof out, &error))
        g_assert (error != NULL && error->domain == REMPART_MINISIGN_ERROR);
    }

  public = rempart_minisign_public_key_parse ((const char *) data, size, NULL);
  if (public != NULL)
    {
      g_autofree char *b64 = rempart_minisign_public_key_to_base64 (public);
      g_autofree char *id = rempart_minisign_public_key_get_key_id_string (public);
      g_autoptr (RempartMinisignPublicKey) again =
          rempart_minisign_public_key_parse (b64, -1, NULL);

      g_assert (again != NULL && rempart_minisign_public_key_equal (public, again));
      /* Printed as minisign prints it: upper-case hex without leading zeros, so an id whose
       * top digit is 0 is shorter than 16. */
      g_assert (strlen (id) >= 1 && strlen (id) <= 16);
      for (const char *c = id; *c != '\0'; c++)
        g_assert (g_ascii_isdigit (*c) || (*c >= 'A' && *c <= 'F'));
    }

  /* Without a password scrypt never runs, whatever the cost. */
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (RempartMinisignSecretKey) secret =
        rempart_minisign_secret_key_parse (input, NULL, &error);

    g_assert ((secret == NULL) != (error == NULL));
    if (secret != NULL)
      check_secret_key (secret);
  }

  text = memchr (data, '\0', size) == NULL ? g_strndup ((const char *) data, size) : NULL;
  if (text != NULL && secret_key_cost (text, &opslimit, &memlimit) &&
      derive_is_quick (opslimit, memlimit))
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (RempartMinisignSecretKey) secret =
          rempart_minisign_secret_key_parse (input, "fuzz", &error);

      g_assert ((secret == NULL) != (error == NULL));
      if (secret != NULL)
        check_secret_key (secret);
    }

  return 0;
}
