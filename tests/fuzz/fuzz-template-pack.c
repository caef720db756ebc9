/* fuzz-template-pack.c
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* libFuzzer target for template packs (data/templates/<lang>.json, or one a translator
 * edits): a pack is either read, with every template's id and body non-empty valid UTF-8
 * and ids unique, or refused with an error in REMPART_TEMPLATE_ERROR, never both. Seeds:
 * data/templates. */

#include "config.h"

#include <string.h>

#include "fuzz-common.h"
#include "rempart-template-pack.h"
#include "rempart-template.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr (GBytes) bytes = g_bytes_new (data, size);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) warnings = NULL;
  g_autoptr (GPtrArray) templates = NULL;
  g_autoptr (GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);

  fuzz_init ();
  templates = rempart_template_pack_parse (bytes, "fuzz.json", "fr", &warnings, &error);
  if (templates == NULL)
    {
      g_assert (error != NULL && error->domain == REMPART_TEMPLATE_ERROR);
      if (!g_utf8_validate (error->message, -1, NULL))
        g_error ("the error is not UTF-8: %s", error->message);
      return 0;
    }

  g_assert (error == NULL);
  fuzz_assert_utf8_array (warnings);
  for (guint i = 0; i < templates->len; i++)
    {
      RempartTemplate *tmpl = g_ptr_array_index (templates, i);
      const char *id = rempart_template_get_id (tmpl);
      const char *body = rempart_template_get_body (tmpl);

      g_assert (id != NULL && id[0] != '\0' && g_utf8_validate (id, -1, NULL));
      g_assert (body != NULL && body[0] != '\0' && g_utf8_validate (body, -1, NULL));
      g_assert (rempart_template_get_title (tmpl) == NULL ||
                g_utf8_validate (rempart_template_get_title (tmpl), -1, NULL));
      g_assert (g_hash_table_add (ids, (gpointer) id));
    }
  return 0;
}
