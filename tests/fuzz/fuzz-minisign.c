/* fuzz-minisign.c
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* libFuzzer target for the minisign parsers: the input is read as a public key, as an
 * unencrypted secret key, and as a signature file. Not built by meson; from the top of the
 * source tree, after `meson setup _build-sig` (for config.h):
 *
 *   clang -g -O1 -fsanitize=fuzzer,address,undefined -I _build-sig -I src/core \
 *     tests/fuzz/fuzz-minisign.c src/core/rempart-minisign.c src/core/rempart-minisign-key.c \
 *     src/core/rempart-minisign-sig.c src/core/rempart-blake2b.c src/core/rempart-scrypt.c \
 *     $(pkg-config --cflags --libs gio-2.0 libcrypto) -o fuzz-minisign
 *   mkdir -p _fuzz-corpus
 *   ./fuzz-minisign -max_total_time=60 -max_len=12000 _fuzz-corpus tests/unit/minisign/
 *
 * libFuzzer writes new inputs to the first directory only, so the fixtures stay as they are.
 */

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
