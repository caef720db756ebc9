/* fuzz-html-text.c
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* libFuzzer target for feed text: HTML to text, entity decoding, sanitizing, quoting and
 * truncating, on any UTF-8 input. Each must give valid UTF-8; single-line text has no line
 * break or control character; a truncated text is no longer than asked. Seeds:
 * tests/fuzz/seeds/html-text. */

#include "config.h"

#include <string.h>

#include "fuzz-common.h"
#include "rempart-html-text.h"

static void
assert_no_controls (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      g_assert (c >= 0x20 && c != 0x7F && !(c >= 0x80 && c < 0xA0));
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autofree char *input = NULL;
  g_autofree char *text = NULL;
  g_autofree char *decoded = NULL;
  g_autofree char *single = NULL;
  g_autofree char *multi = NULL;
  g_autofree char *first = NULL;
  g_autofree char *truncated = NULL;
  g_autofree char *quoted = NULL;

  fuzz_init ();
  input = fuzz_utf8 (data, size);
  if (input == NULL)
    return 0;

  text = rempart_html_to_text (input);
  g_assert (text != NULL && g_utf8_validate (text, -1, NULL));

  decoded = rempart_html_decode_entities (input);
  g_assert (decoded != NULL && g_utf8_validate (decoded, -1, NULL));

  single = rempart_text_sanitize (decoded, REMPART_TEXT_SINGLE_LINE);
  g_assert (g_utf8_validate (single, -1, NULL));
  assert_no_controls (single);

  multi = rempart_text_sanitize (text, REMPART_TEXT_MULTI_LINE);
  g_assert (g_utf8_validate (multi, -1, NULL));

  first = rempart_text_first_line (multi, 20);
  if (first != NULL)
    {
      g_assert (g_utf8_validate (first, -1, NULL) && first[0] != '\0');
      assert_no_controls (first);
      g_assert (g_utf8_strlen (first, -1) <= 20);
    }

  truncated = rempart_text_truncate (single, 10);
  g_assert (g_utf8_validate (truncated, -1, NULL));
  /* The ellipsis included. */
  g_assert (g_utf8_strlen (truncated, -1) <= 10);

  quoted = rempart_text_quote (input);
  g_assert (g_utf8_validate (quoted, -1, NULL));
  return 0;
}
