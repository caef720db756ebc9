/* rempart-tone-characters.c
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rempart-tone-private.h"

/*
 * The character rules of the tone check: shouting, repeated punctuation and mocking
 * emoji, found on letters and code points rather than on lexicon words.
 */

#define SHOUTING_MIN_LETTERS 12
#define SHOUTING_PERCENT     60

/* -------------------------------------------------------------------------------------- */
/* Characters: shouting, punctuation, emoji                                               */
/* -------------------------------------------------------------------------------------- */

static gboolean
is_all_caps (const ToneToken *token)
{
  return token->n_upper > 0 && token->n_lower == 0;
}

/* Capitals are shouting in a run of words; one or two short capitalised words on their own
 * are acronyms ("INSEE", "UNHCR", "AfD" is mixed anyway). */
void
tone_check_shouting (ToneChecker *ch)
{
  ToneText *text = ch->text;
  guint upper = 0, lower = 0;
  gint first = -1, last = -1;
  guint i = 0;

  while (i < text->tokens->len)
    {
      const ToneToken *token = tone_text_get (text, i);
      guint run_end = i;
      gboolean long_word = FALSE;

      if (!tone_token_is_word (token))
        {
          i++;
          continue;
        }

      if (!is_all_caps (token))
        {
          lower += token->n_lower;
          upper += token->n_upper;
          if (token->n_lower + token->n_upper > 0)
            {
              first = first < 0 ? (gint) i : first;
              last = i;
            }
          i++;
          continue;
        }

      while (run_end < text->tokens->len && tone_token_is_word (tone_text_get (text, run_end)) &&
             (is_all_caps (tone_text_get (text, run_end)) ||
              tone_text_get (text, run_end)->n_upper + tone_text_get (text, run_end)->n_lower == 0))
        {
          if (tone_text_get (text, run_end)->n_upper >= 6)
            long_word = TRUE;
          run_end++;
        }

      if (long_word || run_end - i >= 3)
        for (guint k = i; k < run_end; k++)
          {
            const ToneToken *t = tone_text_get (text, k);

            if (t->n_upper == 0)
              continue;
            upper += t->n_upper;
            first = first < 0 ? (gint) k : first;
            last = k;
          }
      i = run_end;
    }

  if (upper + lower < SHOUTING_MIN_LETTERS || upper * 100 <= SHOUTING_PERCENT * (upper + lower))
    return;

  {
    const ToneToken *a = tone_text_get (text, first);
    const ToneToken *b = tone_text_get (text, last);

    tone_add_hint (
        ch, REMPART_TONE_RULE_SHOUTING, REMPART_TONE_SEVERITY_ADVICE, a->start_byte, b->end_byte,
        a->start_char, b->end_char,
        g_strdup (_ ("Most of this reply is in capitals, which reads as shouting")),
        g_strdup (_ ("Write in ordinary sentence case: calm replies are the ones readers "
                     "trust")));
  }
}

static guint
punctuation_weight (gunichar c)
{
  switch (c)
    {
      case '!':
      case '?':
      case 0xFF01: /* ！ */
      case 0xFF1F: /* ？ */
        return 1;
      case 0x203C: /* ‼ */
      case 0x2047: /* ⁇ */
      case 0x2048: /* ⁈ */
      case 0x2049: /* ⁉ */
        return 2;
      default:
        return 0;
    }
}

static gboolean
is_emoji_tail (gunichar c)
{
  return c == 0xFE0F || c == 0x200D || (c >= 0x1F3FB && c <= 0x1F3FF);
}

/* Matches an emoji of the pack at @p; returns its end (with skin tone, variation selector
 * and ZWJ continuation) or NULL. */
static const char *
match_emoji (ToneChecker *ch, const char *p, const char *end, glong *n_chars, gboolean *insulting)
{
  GPtrArray *list = g_hash_table_lookup (ch->pack->emoji, GUINT_TO_POINTER (g_utf8_get_char (p)));

  if (list == NULL)
    return NULL;

  for (guint e = 0; e < list->len; e++)
    {
      const ToneEmoji *emoji = g_ptr_array_index (list, e);
      const char *q = p;
      glong count = 0;
      guint k = 0;

      while (k < emoji->n_chars && q < end)
        {
          gunichar c = g_utf8_get_char (q);

          if (c == 0xFE0F && k > 0)
            ; /* optional in the text */
          else if (c == emoji->chars[k])
            k++;
          else
            break;
          q = g_utf8_next_char (q);
          count++;
        }
      if (k < emoji->n_chars)
        continue;

      /* Keep the whole grapheme: 🖕🏽, 🤦‍♂️. */
      while (q < end && is_emoji_tail (g_utf8_get_char (q)))
        {
          gboolean zwj = g_utf8_get_char (q) == 0x200D;

          q = g_utf8_next_char (q);
          count++;
          if (zwj && q < end)
            {
              q = g_utf8_next_char (q);
              count++;
            }
        }

      *n_chars = count;
      *insulting = emoji->insulting;
      return q;
    }

  return NULL;
}

void
tone_check_characters (ToneChecker *ch)
{
  ToneText *text = ch->text;
  const char *p = text->text;
  const char *end = text->text + text->length;
  glong ci = 0;

  while (p < end)
    {
      gunichar c = g_utf8_get_char (p);
      gsize url_end;
      const char *q;
      glong n_chars;
      gboolean insulting;

      if (c == 'h' || c == 'H' || c == 'w' || c == 'W')
        if (tone_text_in_url (text, p - text->text, &url_end))
          {
            ci += g_utf8_pointer_to_offset (p, text->text + url_end);
            p = text->text + url_end;
            continue;
          }

      if (punctuation_weight (c) > 0)
        {
          guint weight = 0;
          glong start_char = ci;

          for (q = p; q < end && punctuation_weight (g_utf8_get_char (q)) > 0;
               q = g_utf8_next_char (q))
            {
              weight += punctuation_weight (g_utf8_get_char (q));
              ci++;
            }
          if (weight >= 2)
            {
              g_autofree char *run = g_strndup (p, q - p);

              tone_add_hint (ch, REMPART_TONE_RULE_REPEATED_PUNCTUATION,
                             weight >= 3 ? REMPART_TONE_SEVERITY_WARNING
                                         : REMPART_TONE_SEVERITY_ADVICE,
                             p - text->text, q - text->text, start_char, ci,
                             g_strdup_printf (_ ("“%s” sounds angry or sarcastic"), run),
                             g_strdup (_ ("One question mark or exclamation mark is enough")));
            }
          p = q;
          continue;
        }

      if (c >= 0x2000 && (q = match_emoji (ch, p, end, &n_chars, &insulting)) != NULL)
        {
          g_autofree char *emoji = g_strndup (p, q - p);

          tone_add_hint (ch, REMPART_TONE_RULE_MOCKING_EMOJI,
                         insulting ? REMPART_TONE_SEVERITY_WARNING : REMPART_TONE_SEVERITY_ADVICE,
                         p - text->text, q - text->text, ci, ci + n_chars,
                         g_strdup_printf (_ ("%s mocks: mockery does not reduce hate, and readers "
                                             "side with the one mocked"),
                                          emoji),
                         g_strdup (_ ("Leave it out, or say a word for the people the comment "
                                      "targets")));
          ci += n_chars;
          p = q;
          continue;
        }

      p = g_utf8_next_char (p);
      ci++;
    }
}
