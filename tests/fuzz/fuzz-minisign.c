/* fuzz-minisign.c
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* libFuzzer target for the minisign parsers: the input is read as a public key, as an
 * unencrypted secret key, and as a signature file. tests/fuzz/run.sh builds it (meson with
 * -Dfuzzing=true, clang, ASan and UBSan), seeds it from tests/unit/minisign and runs it for a
 * bounded time; new inputs go to a scratch corpus in the build folder, so the fixtures stay as
 * they are. */

#include "config.h"

#include <stdint.h>

#include "rempart-minisign.h"

/* The fixture's public key (tests/unit/minisign/encrypted.pub), so that signatures made with
 * it get past the key id check and into the Ed25519 and trusted comment paths. */
#define FUZZ_PUBLIC_KEY "RWS+O7Wf45TX9bve1NpPQ/TGCcehz/RUvaj1Y+F2Q52nPhzIb1KQA7P9"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  static RempartMinisignPublicKey *fixed_key;
  g_autoptr (GBytes) input = g_bytes_new (data, size);
  g_autoptr (GBytes) message = g_bytes_new_static ("{}", 2);
  g_autoptr (RempartMinisignPublicKey) public = NULL;
  g_autoptr (RempartMinisignSecretKey) secret = NULL;
  g_autofree char *comment = NULL;

  if (fixed_key == NULL)
    fixed_key = rempart_minisign_public_key_parse (FUZZ_PUBLIC_KEY, -1, NULL);
  g_assert (fixed_key != NULL);

  public = rempart_minisign_public_key_parse ((const char *) data, size, NULL);
  if (public != NULL)
    {
      g_autofree char *b64 = rempart_minisign_public_key_to_base64 (public);
      g_autofree char *id = rempart_minisign_public_key_get_key_id_string (public);

      g_assert (b64 != NULL && id != NULL);
    }

  /* No password: scrypt never runs, so a hostile cost in the input cannot stall the run. */
  secret = rempart_minisign_secret_key_parse (input, NULL, NULL);
  if (secret != NULL)
    {
      g_autoptr (RempartMinisignPublicKey) derived =
          rempart_minisign_secret_key_get_public_key (secret);
      g_autoptr (GBytes) sig = rempart_minisign_sign (secret, message, NULL, "fuzz", NULL);

      g_assert (sig != NULL);
      g_assert (rempart_minisign_verify (derived, message, sig, NULL, NULL));
    }

  if (rempart_minisign_verify (fixed_key, message, input, &comment, NULL))
    g_assert (comment != NULL && g_utf8_validate (comment, -1, NULL));

  return 0;
}
