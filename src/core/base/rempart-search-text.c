/* rempart-search-text.c: text folded for a search that ignores case and accents
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rempart-search-text.h"

/*
 * A volunteer types "theorie" for "théorie", "ECOLE" for "école", "strasse" for "Straße":
 * the list's search compares texts folded the same way, the words searched once (when the
 * list is loaded) and the query at each keystroke. Folding is case folding, then the
 * compatibility decomposition (NFKD: "ﬁ" is "fi", "é" is "e" and an accent), whose accents
 * and other combining marks are dropped, then the few Latin letters that have no
 * decomposition but are written without their stroke or as two letters by people who
 * cannot type them. Scripts without such marks (Cyrillic, Arabic, CJK...) keep their
 * letters, unlike g_str_to_ascii(), which would turn them into "?".
 */

/* -------------------------------------------------------------------------------------- */
/* Helpers                                                                                */
/* -------------------------------------------------------------------------------------- */

static const char *
letter_without_stroke (gunichar c)
{
  switch (c)
    {
      case 0x00E6: /* æ */
        return "ae";
      case 0x0153: /* œ */
        return "oe";
      case 0x00F8: /* ø */
        return "o";
      case 0x0111: /* đ */
        return "d";
      case 0x0142: /* ł */
        return "l";
      case 0x0131: /* dotless ı */
        return "i";
      case 0x2019: /* ’, as people type ' */
        return "'";
      default:
        return NULL;
    }
}

/* -------------------------------------------------------------------------------------- */
/* Public API                                                                             */
/* -------------------------------------------------------------------------------------- */

/*
 * rempart_search_fold_append:
 * @out: where the folded text goes
 * @text: (nullable): UTF-8 text
 *
 * Appends @text folded (see the top of this file) to @out; nothing when @text is %NULL.
 */
void
rempart_search_fold_append (GString *out, const char *text)
{
  g_autofree char *folded = NULL;
  g_autofree char *decomposed = NULL;
  const char *p;

  g_return_if_fail (out != NULL);

  if (text == NULL)
    return;

  /* Most words are ASCII: lower case is all there is to do. */
  for (p = text; *p != '\0' && (guchar) *p < 0x80; p++)
    ;
  if (*p == '\0')
    {
      gsize start = out->len;

      g_string_append_len (out, text, p - text);
      for (gsize i = start; i < out->len; i++)
        out->str[i] = g_ascii_tolower (out->str[i]);
      return;
    }

  folded = g_utf8_casefold (text, -1);
  decomposed = g_utf8_normalize (folded, -1, G_NORMALIZE_NFKD);
  if (decomposed == NULL)
    {
      g_string_append (out, folded);
      return;
    }

  for (p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      const char *plain;

      if (g_unichar_ismark (c))
        continue;
      plain = letter_without_stroke (c);
      if (plain != NULL)
        g_string_append (out, plain);
      else
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
    }
}

/*
 * rempart_search_fold:
 * @text: (nullable): UTF-8 text
 *
 * Returns: (transfer full): @text folded for searching (see the top of this file); "" for
 *   %NULL
 */
char *
rempart_search_fold (const char *text)
{
  GString *out = g_string_new (NULL);

  rempart_search_fold_append (out, text);
  return g_string_free (out, FALSE);
}
