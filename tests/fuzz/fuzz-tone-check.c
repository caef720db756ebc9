/* fuzz-tone-check.c
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* libFuzzer target for the tone check: any UTF-8 draft, checked with the French, English and
 * German packs of data/tone (FUZZ_TONE_DIR, set by tests/fuzz/meson.build). Every hint's span
 * lies inside the draft, starts and ends on character boundaries, and its character offsets
 * match its byte offsets; messages and suggestions are valid UTF-8. Seeds:
 * tests/fuzz/seeds/tone-check. */

#include "config.h"

#include <string.h>

#include "fuzz-common.h"
#include "rempart-tone.h"

static RempartTonePack *
load_pack (const char *language)
{
  g_autofree char *name = g_strconcat (language, ".json", NULL);
  g_autofree char *path = g_build_filename (FUZZ_TONE_DIR, name, NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;
  g_autoptr (GBytes) bytes = NULL;
  RempartTonePack *pack;

  if (!g_file_get_contents (path, &contents, &length, &error))
    g_error ("%s", error->message);
  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  pack = rempart_tone_pack_new_from_bytes (bytes, path, &error);
  if (pack == NULL)
    g_error ("%s", error->message);
  return pack;
}

static void
check_with (RempartTonePack *pack, const char *draft, const RempartToneContext *ctx)
{
  g_autoptr (GPtrArray) hints = rempart_tone_check (pack, draft, ctx);
  gsize len = strlen (draft);

  for (guint i = 0; hints != NULL && i < hints->len; i++)
    {
      RempartToneHint *hint = g_ptr_array_index (hints, i);

      g_assert (hint->start_byte <= hint->end_byte && hint->end_byte <= len);
      g_assert (fuzz_is_char_boundary (draft, len, hint->start_byte));
      g_assert (fuzz_is_char_boundary (draft, len, hint->end_byte));
      g_assert (hint->start_char == g_utf8_pointer_to_offset (draft, draft + hint->start_byte));
      g_assert (hint->end_char == g_utf8_pointer_to_offset (draft, draft + hint->end_byte));
      g_assert (hint->message != NULL && g_utf8_validate (hint->message, -1, NULL));
      g_assert (hint->suggestion != NULL && g_utf8_validate (hint->suggestion, -1, NULL));
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  static RempartTonePack *packs[3];
  static const char *const languages[] = { "fr", "en", "de" };
  g_autofree char *draft = NULL;
  RempartToneContext ctx;

  fuzz_init ();
  if (packs[0] == NULL)
    for (guint i = 0; i < G_N_ELEMENTS (packs); i++)
      packs[i] = load_pack (languages[i]);

  draft = fuzz_utf8 (data, size);
  if (draft == NULL)
    return 0;

  rempart_tone_context_init (&ctx);
  check_with (packs[0], draft, &ctx);

  /* With every rule of the context on. */
  ctx.hashtag = "#jesuislà";
  ctx.hashtag_position = REMPART_HASHTAG_POSITION_START;
  ctx.template_text = "#jesuislà {topic}";
  ctx.min_length = 20;
  ctx.max_length = 280;
  for (guint i = 0; i < G_N_ELEMENTS (packs); i++)
    check_with (packs[i], draft, &ctx);
  return 0;
}
