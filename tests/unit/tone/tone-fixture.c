/* tone-fixture.c
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "tone-fixture.h"

/* -------------------------------------------------------------------------------------- */
/* Helpers                                                                                */
/* -------------------------------------------------------------------------------------- */

RempartTonePack *
load_pack (const char *language)
{
  g_autoptr (GError) error = NULL;
  RempartTonePack *pack = rempart_tone_pack_load (language, &error);

  g_assert_no_error (error);
  g_assert_nonnull (pack);
  return pack;
}

/* Every hint of every check must hold these, whatever the text. */
void
assert_hints_sane (const char *text, GPtrArray *hints)
{
  gsize length = strlen (text);

  for (guint i = 0; i < hints->len; i++)
    {
      const RempartToneHint *hint = g_ptr_array_index (hints, i);

      g_assert_nonnull (hint->rule);
      g_assert_nonnull (hint->message);
      g_assert_nonnull (hint->suggestion);
      g_assert_cmpuint (hint->start_byte, <=, hint->end_byte);
      g_assert_cmpuint (hint->end_byte, <=, length);
      g_assert_true (g_utf8_validate_len (text, hint->start_byte, NULL));
      g_assert_true (g_utf8_validate_len (text, hint->end_byte, NULL));
      g_assert_cmpint (hint->start_char, ==,
                       g_utf8_pointer_to_offset (text, text + hint->start_byte));
      g_assert_cmpint (hint->end_char, ==, g_utf8_pointer_to_offset (text, text + hint->end_byte));
      g_assert_true (g_utf8_validate (hint->message, -1, NULL));
      g_assert_true (g_utf8_validate (hint->suggestion, -1, NULL));
    }
}

/* Checks @text with no hashtag and no length limits, so that one rule shows alone. */
GPtrArray *
check_bare (RempartTonePack *pack, const char *text)
{
  RempartToneContext ctx;
  GPtrArray *hints;

  rempart_tone_context_init (&ctx);
  ctx.min_length = 0;
  ctx.max_length = 0;
  hints = rempart_tone_check (pack, text, &ctx);
  assert_hints_sane (text, hints);
  return hints;
}

char *
rules_of (GPtrArray *hints)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < hints->len; i++)
    {
      const RempartToneHint *hint = g_ptr_array_index (hints, i);

      g_string_append_printf (s, "%s%s", i > 0 ? " " : "", hint->rule);
    }
  return g_string_free (s, FALSE);
}

void
assert_rules (RempartTonePack *pack, const char *text, const char *expected)
{
  g_autoptr (GPtrArray) hints = check_bare (pack, text);
  g_autofree char *rules = rules_of (hints);

  if (g_strcmp0 (rules, expected) != 0)
    g_test_message ("text: %s", text);
  g_assert_cmpstr (rules, ==, expected);
}

void
assert_hint (GPtrArray *hints,
             guint index,
             const char *rule,
             RempartToneSeverity severity,
             gsize start_byte,
             gsize end_byte,
             glong start_char,
             glong end_char)
{
  const RempartToneHint *hint;

  g_assert_cmpuint (index, <, hints->len);
  hint = g_ptr_array_index (hints, index);
  g_assert_cmpstr (hint->rule, ==, rule);
  g_assert_cmpint (hint->severity, ==, severity);
  g_assert_cmpuint (hint->start_byte, ==, start_byte);
  g_assert_cmpuint (hint->end_byte, ==, end_byte);
  g_assert_cmpint (hint->start_char, ==, start_char);
  g_assert_cmpint (hint->end_char, ==, end_char);
}

GPtrArray *
check_hashtag (RempartTonePack *pack,
               const char *text,
               const char *hashtag,
               RempartHashtagPosition position)
{
  RempartToneContext ctx;
  GPtrArray *hints;

  rempart_tone_context_init (&ctx);
  ctx.min_length = 0;
  ctx.hashtag = hashtag;
  ctx.hashtag_position = position;
  hints = rempart_tone_check (pack, text, &ctx);
  assert_hints_sane (text, hints);
  return hints;
}

/* -------------------------------------------------------------------------------------- */
/* Set-up                                                                                 */
/* -------------------------------------------------------------------------------------- */

void
tone_fixture_init (void)
{
  const char *root = g_getenv ("REMPART_SOURCE_ROOT");

  /* The packs from the source tree, not an installed copy. */
  if (root != NULL && g_getenv ("REMPART_DATA_DIR") == NULL)
    {
      g_autofree char *data = g_build_filename (root, "data", NULL);

      g_setenv ("REMPART_DATA_DIR", data, TRUE);
    }
}
