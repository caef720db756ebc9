/* rempart-text-line.c: text from outside made fit for one line of a label
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "rempart-text-line.h"

/* ------------------------------------------------------------------------------------------ */
/* Helpers                                                                                    */
/* ------------------------------------------------------------------------------------------ */

/* Bidirectional embeddings, overrides and isolates: in a title they only serve to show text
 * in another order than it is written (U+202E then "elpmaxe" displays as "example"). */
static gboolean
is_bidi_control (gunichar c)
{
  return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

/* Invisible characters that join nothing: zero-width space, word joiner, byte order mark. */
static gboolean
is_invisible (gunichar c)
{
  return c == 0x200B || c == 0x2060 || c == 0xFEFF;
}

static gboolean
is_joiner (gunichar c)
{
  return c == 0x200C || c == 0x200D;
}

/* What ends a line: C0 and C1 line breaks, U+2028 LINE SEPARATOR, U+2029 PARAGRAPH SEPARATOR,
 * and the tabs, which a one-line label shows as nothing useful either. */
static gboolean
is_break (gunichar c)
{
  return c == '\n' || c == '\r' || c == '\t' || c == '\v' || c == '\f' || c == 0x85 ||
         c == 0x2028 || c == 0x2029;
}

static gboolean
is_control (gunichar c)
{
  return c < 0x20 || (c >= 0x7F && c <= 0x9F);
}

/* A character a joiner may stand next to: something visible, not a space or a format
 * character. */
static gboolean
joins (gunichar c)
{
  GUnicodeType type = g_unichar_type (c);

  return c != 0 && !g_unichar_isspace (c) && type != G_UNICODE_FORMAT &&
         type != G_UNICODE_CONTROL && type != G_UNICODE_LINE_SEPARATOR &&
         type != G_UNICODE_PARAGRAPH_SEPARATOR;
}

/* ------------------------------------------------------------------------------------------ */
/* Public API                                                                                 */
/* ------------------------------------------------------------------------------------------ */

/*
 * rempart_text_for_single_line:
 * @text: text from a feed or a server, in any state
 *
 * Makes @text fit for a one-line label, shown as it is written: invalid UTF-8 becomes
 * U+FFFD; bidirectional controls (U+202A–U+202E, U+2066–U+2069), zero-width spaces
 * (U+200B), word joiners (U+2060), byte order marks (U+FEFF) and control characters go;
 * line and paragraph breaks (LF, CR, NEL, U+2028, U+2029) and tabs become one space each;
 * the result is trimmed. Zero-width (non-)joiners (U+200C, U+200D) stay only between two
 * visible characters, where Persian words and emoji sequences need them.
 *
 * Returns: (transfer full): the clean text, never %NULL
 */
char *
rempart_text_for_single_line (const char *text)
{
  g_autofree char *valid = NULL;
  GString *out;
  gunichar previous = 0;
  const char *start;
  const char *end;

  g_return_val_if_fail (text != NULL, NULL);

  valid = g_utf8_make_valid (text, -1);
  out = g_string_sized_new (strlen (valid));

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_break (c))
        c = ' ';
      else if (is_bidi_control (c) || is_invisible (c) || is_control (c))
        continue;
      else if (is_joiner (c) &&
               !(joins (previous) && joins (g_utf8_get_char (g_utf8_next_char (p)))))
        continue;

      g_string_append_unichar (out, c);
      previous = c;
    }

  /* Trim the spaces the breaks became, and those that were there. */
  start = out->str;
  while (*start == ' ')
    start++;
  end = out->str + out->len;
  while (end > start && end[-1] == ' ')
    end--;

  if (start != out->str || end != out->str + out->len)
    {
      char *trimmed = g_strndup (start, end - start);

      g_string_free (out, TRUE);
      return trimmed;
    }

  return g_string_free (out, FALSE);
}
