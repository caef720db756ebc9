/* fuzz-tone-pack.c
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* libFuzzer target for tone packs (data/tone/<lang>.json): a pack is either compiled or
 * refused with an error in REMPART_TONE_ERROR, never both; a compiled pack then checks a
 * fixed draft, and every hint's span falls on character boundaries inside it. Seeds:
 * data/tone. */

#include "config.h"

#include <string.h>

#include "fuzz-common.h"
#include "rempart-tone.h"

#define DRAFT                                                                                  \
  "#jesuislà Vous êtes tous des idiots !!! Les chiffres de l’INSEE disent le contraire : " \
  "https://www.insee.fr/ 🙂 TOUJOURS PAREIL"

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr (GBytes) bytes = g_bytes_new (data, size);
  g_autoptr (GError) error = NULL;
  g_autoptr (RempartTonePack) pack = NULL;
  g_autoptr (GPtrArray) hints = NULL;
  RempartToneContext ctx;
  gsize len = strlen (DRAFT);

  fuzz_init ();
  pack = rempart_tone_pack_new_from_bytes (bytes, "fuzz.json", &error);
  if (pack == NULL)
    {
      g_assert (error != NULL && error->domain == REMPART_TONE_ERROR);
      g_assert (g_utf8_validate (error->message, -1, NULL));
      return 0;
    }
  g_assert (error == NULL);

  rempart_tone_context_init (&ctx);
  ctx.hashtag = "#jesuislà";
  hints = rempart_tone_check (pack, DRAFT, &ctx);
  for (guint i = 0; hints != NULL && i < hints->len; i++)
    {
      RempartToneHint *hint = g_ptr_array_index (hints, i);

      g_assert (hint->start_byte <= hint->end_byte && hint->end_byte <= len);
      g_assert (fuzz_is_char_boundary (DRAFT, len, hint->start_byte));
      g_assert (fuzz_is_char_boundary (DRAFT, len, hint->end_byte));
      g_assert (g_utf8_validate (hint->message, -1, NULL));
      g_assert (g_utf8_validate (hint->suggestion, -1, NULL));
    }
  return 0;
}
