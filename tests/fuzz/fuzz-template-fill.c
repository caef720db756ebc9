/* fuzz-template-fill.c
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* libFuzzer target for template filling: any UTF-8 body, with values that hold multi-byte
 * characters and braces of their own. The filled text is valid UTF-8; a body without "{"
 * comes back unchanged; every missing or unknown placeholder named is valid UTF-8 and was in
 * the body. Seeds: tests/fuzz/seeds/template-fill. */

#include "config.h"

#include <string.h>

#include "fuzz-common.h"
#include "rempart-template-fill.h"

static void
assert_names_in (GPtrArray *names, const char *body)
{
  fuzz_assert_utf8_array (names);
  for (guint i = 0; names != NULL && i < names->len; i++)
    g_assert (strstr (body, g_ptr_array_index (names, i)) != NULL);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  static const RempartTemplateValues full = {
    .hashtag = "#jesuislà",
    .source = "https://www.insee.fr/fr/statistiques/1",
    .source_title = "INSEE {source}",
    .topic = "racisme",
    .argument = "Les chiffres « {argument} » sont faux — 🙂",
  };
  static const RempartTemplateValues empty = { 0 };
  g_autofree char *body = NULL;
  g_autofree char *filled = NULL;
  g_autofree char *bare = NULL;
  g_autoptr (GPtrArray) missing = NULL;
  g_autoptr (GPtrArray) unknown = NULL;
  g_autoptr (GPtrArray) found = NULL;

  fuzz_init ();
  body = fuzz_utf8 (data, size);
  if (body == NULL)
    return 0;

  filled = rempart_template_fill_text (body, &full, &missing, &unknown);
  g_assert (filled != NULL && g_utf8_validate (filled, -1, NULL));
  assert_names_in (missing, body);
  assert_names_in (unknown, body);
  if (strchr (body, '{') == NULL)
    g_assert (strcmp (filled, body) == 0);

  /* Nothing to put in: every placeholder stays as typed. */
  bare = rempart_template_fill_text (body, &empty, NULL, NULL);
  g_assert (bare != NULL && g_utf8_validate (bare, -1, NULL));

  found = rempart_template_find_unknown_placeholders (body);
  assert_names_in (found, body);
  return 0;
}
