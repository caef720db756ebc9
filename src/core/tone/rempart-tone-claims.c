/* rempart-tone-claims.c
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rempart-tone-private.h"

/*
 * The claim rule of the tone check: a fact stated (a cue phrase, a number with a unit)
 * in a reply that links to no source.
 */

/* -------------------------------------------------------------------------------------- */
/* Claims without a source                                                                */
/* -------------------------------------------------------------------------------------- */

static gboolean
has_web_link (ToneText *text)
{
  for (guint i = 0; i < text->urls->len; i++)
    {
      const ToneSpan *span = &g_array_index (text->urls, ToneSpan, i);

      if (g_ascii_strncasecmp (text->text + span->start_byte, "http", 4) == 0)
        return TRUE;
    }

  return FALSE;
}

static gboolean
is_number_space (gunichar c)
{
  return c == ' ' || c == 0x00A0 || c == 0x202F || c == 0x2009;
}

static gboolean
is_amount_sign (gunichar c)
{
  return c == '%' || c == 0x2030 || c == 0x20AC || c == '$' || c == 0x00A3;
}

/* "12 %", "3,5 millions", "€40", "10 000 euros": a number with a unit. *last gets the
 * number's last token (or the unit's). */
static gboolean
is_amount (ToneChecker *ch, guint i, guint *last)
{
  ToneText *text = ch->text;
  const ToneToken *first = tone_text_get (text, i);
  const char *p;
  guint j = i;

  while (j + 1 < text->tokens->len)
    {
      const ToneToken *a = tone_text_get (text, j);
      const ToneToken *b = tone_text_get (text, j + 1);
      gunichar sep;

      if (!(b->flags & TONE_TOKEN_DIGITS) ||
          g_utf8_next_char (text->text + a->end_byte) != text->text + b->start_byte)
        break;
      sep = g_utf8_get_char (text->text + a->end_byte);
      if (!(sep == '.' || sep == ',' ||
            (is_number_space (sep) && b->end_char - b->start_char == 3)))
        break;
      j++;
    }
  *last = j;

  /* A currency sign before: "€40", "$ 5". */
  if (first->start_byte > 0)
    {
      const char *before = g_utf8_prev_char (text->text + first->start_byte);

      if (is_number_space (g_utf8_get_char (before)) && before > text->text)
        before = g_utf8_prev_char (before);
      if (is_amount_sign (g_utf8_get_char (before)) && g_utf8_get_char (before) != '%')
        return TRUE;
    }

  p = text->text + tone_text_get (text, j)->end_byte;
  while (p < text->text + text->length && is_number_space (g_utf8_get_char (p)))
    p = g_utf8_next_char (p);
  if (p < text->text + text->length && is_amount_sign (g_utf8_get_char (p)))
    {
      /* "100 % d'accord" is agreement, not a statistic. */
      if (*p == '%' && i == j && strcmp (tone_text_token (text, i), "100") == 0)
        return FALSE;
      return TRUE;
    }

  if (j + 1 < text->tokens->len && (tone_text_get (text, j + 1)->flags & TONE_TOKEN_SOFT_GAP))
    {
      const TonePhrase *unit = tone_phrase_set_match (&ch->pack->units, text, j + 1);

      if (unit != NULL)
        {
          *last = j + unit->n_tokens;
          return TRUE;
        }
    }

  return FALSE;
}

void
tone_check_claims (ToneChecker *ch)
{
  ToneText *text = ch->text;

  if (has_web_link (text))
    return;

  /* One hint is enough: a single link answers every claim of the reply. */
  for (guint i = 0; i < text->tokens->len; i++)
    {
      const ToneToken *token = tone_text_get (text, i);
      const TonePhrase *cue;
      guint last;

      if (!tone_token_is_word (token) || (token->flags & TONE_TOKEN_IN_QUOTE))
        continue;

      cue = tone_phrase_set_match (&ch->pack->claim_cues, text, i);
      if (cue != NULL)
        last = i + cue->n_tokens - 1;
      else if (!(token->flags & TONE_TOKEN_DIGITS) || !is_amount (ch, i, &last))
        continue;

      {
        const ToneToken *a = token;
        const ToneToken *b = tone_text_get (text, last);
        gsize end_byte = b->end_byte;
        glong end_char = b->end_char;
        const char *p = text->text + end_byte;
        g_autofree char *quoted = NULL;

        /* Underline the sign too: "12 %". */
        while (p < text->text + text->length && is_number_space (g_utf8_get_char (p)))
          p = g_utf8_next_char (p);
        if (cue == NULL && p < text->text + text->length && is_amount_sign (g_utf8_get_char (p)))
          {
            end_char += g_utf8_pointer_to_offset (text->text + end_byte, p) + 1;
            end_byte = g_utf8_next_char (p) - text->text;
          }

        quoted = g_strndup (text->text + a->start_byte, end_byte - a->start_byte);
        tone_add_hint (ch, REMPART_TONE_RULE_CLAIM_WITHOUT_SOURCE, REMPART_TONE_SEVERITY_WARNING,
                       a->start_byte, end_byte, a->start_char, end_char,
                       g_strdup_printf (_ ("“%s” states a fact, and the reply has no link to a "
                                           "source"),
                                        quoted),
                       g_strdup (_ ("Add a link to the source (https://…) so that readers can "
                                    "check it for themselves")));
        return;
      }
    }
}
