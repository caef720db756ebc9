/* templates-fixture.c
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "rempart-template-pack.h"
#include "templates-fixture.h"

char *source_root;

/* -------------------------------------------------------------------------------------- */
/* Helpers                                                                                */
/* -------------------------------------------------------------------------------------- */

GPtrArray *
load_pack (const char *language)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) warnings = NULL;
  GPtrArray *templates;

  templates = rempart_template_pack_load (language, &warnings, &error);
  g_assert_no_error (error);
  g_assert_nonnull (templates);
  g_assert_nonnull (warnings);
  for (guint i = 0; i < warnings->len; i++)
    g_test_message ("%s", (const char *) g_ptr_array_index (warnings, i));
  g_assert_cmpuint (warnings->len, ==, 0);

  return templates;
}

gboolean
strv_has (const char *const *strv, const char *text)
{
  return strv != NULL && g_strv_contains (strv, text);
}

gboolean
array_has (GPtrArray *array, const char *text)
{
  for (guint i = 0; array != NULL && i < array->len; i++)
    if (strcmp (g_ptr_array_index (array, i), text) == 0)
      return TRUE;

  return FALSE;
}

RempartFeed *
load_example_feed (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path =
      g_build_filename (source_root, "tests", "unit", "feeds", "example.json", NULL);
  g_autofree char *contents = NULL;
  g_autoptr (GBytes) bytes = NULL;
  gsize length;
  RempartFeed *feed;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  feed = rempart_feed_parse (bytes, "example.json", &error);
  g_assert_no_error (error);

  return feed;
}

/* -------------------------------------------------------------------------------------- */
/* Set-up                                                                                 */
/* -------------------------------------------------------------------------------------- */

gboolean
templates_fixture_init (void)
{
  g_autofree char *data_dir = NULL;

  /* The packs as they are in the source tree, not an installed copy. */
  if (g_getenv ("REMPART_SOURCE_ROOT") == NULL)
    {
      g_print ("1..0 # SKIP REMPART_SOURCE_ROOT is not set; run me with meson test\n");
      return FALSE;
    }
  source_root = g_strdup (g_getenv ("REMPART_SOURCE_ROOT"));
  data_dir = g_build_filename (source_root, "data", NULL);
  g_setenv ("REMPART_DATA_DIR", data_dir, TRUE);

  return TRUE;
}

void
templates_fixture_clear (void)
{
  g_clear_pointer (&source_root, g_free);
}
