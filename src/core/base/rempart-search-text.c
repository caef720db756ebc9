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
 * list is loaded) and the query at each keystroke. Each character is decomposed (the
 * compatibility decomposition of NFKD: "ﬁ" is "fi", "é" is "e" and an accent), its accents
 * and other combining marks are dropped, the rest is lower-cased (with case folding's "ss"
 * for "ß" and "σ" for a final "ς"), and the few Latin letters that have no decomposition are
 * written without their stroke or as two letters, as people who cannot type them do.
 * Scripts without such marks (Cyrillic, Arabic, CJK...) keep their letters, unlike
 * g_str_to_ascii(), which would turn them into "?".
 */

/* -------------------------------------------------------------------------------------- */
/* Helpers                                                                                */
/* -------------------------------------------------------------------------------------- */

/* What lower-casing and the decomposition leave apart from what people type. */
static const char *
plain_letters (gunichar c)
{
  switch (c)
    {
      case 0x00DF: /* ß */
      case 0x1E9E: /* ẞ */
        return "ss";
      case 0x03C2: /* final ς, as case folding writes it */
        return "σ";
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
  g_return_if_fail (out != NULL);

  if (text == NULL)
    return;

  /* One pass, one character at a time, without the copies of g_utf8_casefold() and
   * g_utf8_normalize(): the store folds every action of a list as it loads it. */
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = (guchar) *p;
      gunichar parts[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
      gsize n;

      if (c < 0x80)
        {
          const char *run = p;
          gsize start = out->len;

          /* A run of ASCII at once: most of a feed's text. */
          while (p[1] != '\0' && (guchar) p[1] < 0x80)
            p++;
          g_string_append_len (out, run, p + 1 - run);
          /* Inline: g_ascii_tolower() is a call per character, 2 % of the CPU a list of
           * 50,000 actions costs. */
          for (gsize i = start; i < out->len; i++)
            if (out->str[i] >= 'A' && out->str[i] <= 'Z')
              out->str[i] += 'a' - 'A';
          continue;
        }

      c = g_utf8_get_char (p);
      n = g_unichar_fully_decompose (c, TRUE, parts, G_N_ELEMENTS (parts));
      for (gsize i = 0; i < n; i++)
        {
          gunichar part = parts[i];
          const char *plain;

          if (g_unichar_ismark (part))
            continue;
          part = g_unichar_tolower (part);
          plain = plain_letters (part);
          if (plain != NULL)
            g_string_append (out, plain);
          else
            g_string_append_unichar (out, part);
        }
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
