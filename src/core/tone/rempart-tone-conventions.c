/* rempart-tone-conventions.c
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
 * The group conventions of the tone check: the group's hashtag and where it goes, the
 * reply's length, and how much of it is the volunteer's own words rather than a template.
 */

#define OWN_WORDS_PERCENT 30

/* -------------------------------------------------------------------------------------- */
/* Group conventions: hashtag, length, own words                                          */
/* -------------------------------------------------------------------------------------- */

static char *
fold_hashtag (const char *hashtag, gssize length)
{
  g_autofree char *nfc = g_utf8_normalize (hashtag, length, G_NORMALIZE_NFC);

  return nfc != NULL ? g_utf8_casefold (nfc, -1) : NULL;
}

/* After a closing hashtag, only spaces and punctuation: "… #jesuislà." is at the end. */
static gboolean
only_trailing (const char *p, const char *end)
{
  for (; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c) || c == '#' || c == '@')
        return FALSE;
    }
  return TRUE;
}

void
tone_check_hashtag (ToneChecker *ch)
{
  const RempartToneContext *ctx = ch->ctx;
  ToneText *text = ch->text;
  const char *end = text->text + text->length;
  g_autofree char *wanted = NULL;
  g_autofree char *display = NULL;
  const char *first = NULL, *first_end = NULL, *last = NULL, *last_end = NULL;
  gboolean at_start = FALSE, at_end = FALSE;
  gsize url_end;

  if (ctx->hashtag == NULL || ctx->hashtag[0] == '\0' || !g_utf8_validate (ctx->hashtag, -1, NULL))
    return;

  display =
      ctx->hashtag[0] == '#' ? g_strdup (ctx->hashtag) : g_strconcat ("#", ctx->hashtag, NULL);
  wanted = fold_hashtag (display, -1);
  if (wanted == NULL)
    return;

  for (const char *p = text->text; p < end; p = g_utf8_next_char (p))
    {
      const char *q;
      g_autofree char *folded = NULL;

      if (*p != '#' || tone_text_in_url (text, p - text->text, &url_end))
        continue;
      if (p > text->text && g_unichar_isalnum (g_utf8_get_char (g_utf8_prev_char (p))))
        continue;

      for (q = p + 1; q < end; q = g_utf8_next_char (q))
        {
          gunichar c = g_utf8_get_char (q);

          if (!g_unichar_isalnum (c) && !g_unichar_ismark (c) && c != '_')
            break;
        }

      folded = fold_hashtag (p, q - p);
      if (folded == NULL || strcmp (folded, wanted) != 0)
        continue;

      if (first == NULL)
        {
          first = p;
          first_end = q;
        }
      last = p;
      last_end = q;
      at_start = at_start || tone_only_spaces (text->text, p);
      at_end = at_end || only_trailing (q, end);
    }

  if (first == NULL)
    {
      gboolean want_end = ctx->hashtag_position == REMPART_HASHTAG_POSITION_END;

      tone_add_hint (
          ch, REMPART_TONE_RULE_HASHTAG_MISSING, REMPART_TONE_SEVERITY_WARNING,
          want_end ? text->length : 0, want_end ? text->length : 0, want_end ? text->n_chars : 0,
          want_end ? text->n_chars : 0,
          g_strdup_printf (_ ("The group hashtag %s is missing"), display),
          want_end ? g_strdup_printf (_ ("End the reply with %s, so that members find it "
                                         "and can support it"),
                                      display)
          : ctx->hashtag_position == REMPART_HASHTAG_POSITION_START
              ? g_strdup_printf (_ ("Start the reply with %s, so that members find it and "
                                    "can support it"),
                                 display)
              : g_strdup_printf (_ ("Add %s to the reply, so that members find it and can "
                                    "support it"),
                                 display));
      return;
    }

  if (ctx->hashtag_position == REMPART_HASHTAG_POSITION_START && !at_start)
    tone_add_hint (ch, REMPART_TONE_RULE_HASHTAG_POSITION, REMPART_TONE_SEVERITY_ADVICE,
                   first - text->text, first_end - text->text,
                   tone_text_char_offset (text, first - text->text),
                   tone_text_char_offset (text, first_end - text->text),
                   g_strdup_printf (_ ("The group puts %s at the start of a reply"), display),
                   g_strdup_printf (_ ("Move %s to the very beginning"), display));
  else if (ctx->hashtag_position == REMPART_HASHTAG_POSITION_END && !at_end)
    tone_add_hint (ch, REMPART_TONE_RULE_HASHTAG_POSITION, REMPART_TONE_SEVERITY_ADVICE,
                   last - text->text, last_end - text->text,
                   tone_text_char_offset (text, last - text->text),
                   tone_text_char_offset (text, last_end - text->text),
                   g_strdup_printf (_ ("The group puts %s at the end of a reply"), display),
                   g_strdup_printf (_ ("Move %s to the very end"), display));
}

void
tone_check_length (ToneChecker *ch)
{
  const RempartToneContext *ctx = ch->ctx;
  ToneText *text = ch->text;
  const char *start = text->text;
  const char *end = text->text + text->length;
  glong lead = 0, n_chars;

  while (start < end && g_unichar_isspace (g_utf8_get_char (start)))
    {
      start = g_utf8_next_char (start);
      lead++;
    }
  while (end > start && g_unichar_isspace (g_utf8_get_char (g_utf8_prev_char (end))))
    end = g_utf8_prev_char (end);
  n_chars = g_utf8_pointer_to_offset (start, end);

  if (ctx->min_length > 0 && n_chars < (glong) ctx->min_length)
    tone_add_hint (ch, REMPART_TONE_RULE_TOO_SHORT, REMPART_TONE_SEVERITY_ADVICE,
                   start - text->text, end - text->text, lead, lead + n_chars,
                   g_strdup_printf (ngettext ("This reply has %ld character: under %u, a reply is "
                                              "rarely read as a real answer",
                                              "This reply has %ld characters: under %u, a reply is "
                                              "rarely read as a real answer",
                                              (gulong) n_chars),
                                    n_chars, ctx->min_length),
                   g_strdup (_ ("Add a sentence of empathy for the people targeted, or an honest "
                                "question")));

  if (ctx->max_length > 0 && n_chars > (glong) ctx->max_length)
    {
      const char *over = g_utf8_offset_to_pointer (start, ctx->max_length);

      tone_add_hint (
          ch, REMPART_TONE_RULE_TOO_LONG, REMPART_TONE_SEVERITY_ADVICE, over - text->text,
          end - text->text, lead + ctx->max_length, lead + n_chars,
          g_strdup_printf (ngettext ("This reply has %ld character: past %u, few people "
                                     "read to the end",
                                     "This reply has %ld characters: past %u, few people "
                                     "read to the end",
                                     (gulong) n_chars),
                           n_chars, ctx->max_length),
          g_strdup (_ ("Keep one point and one source; another reply can make the next "
                       "point")));
    }
}

/* The share of the draft's words that are not the template's, counting each template word
 * as often as it occurs (a multiset), so that keeping the template and adding "merci" does
 * not pass for one's own words. */
void
tone_check_template (ToneChecker *ch)
{
  const char *tmpl = ch->ctx->template_text;
  g_autoptr (GHashTable) counts = NULL;
  g_autoptr (ToneText) template_text = NULL;
  guint total = 0, own = 0;

  if (tmpl == NULL || tmpl[0] == '\0' || !g_utf8_validate (tmpl, -1, NULL))
    return;

  template_text = tone_text_new (tmpl, strlen (tmpl));
  counts = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < template_text->tokens->len; i++)
    {
      const char *word = tone_text_token (template_text, i);

      if (tone_token_is_word (tone_text_get (template_text, i)))
        g_hash_table_insert (
            counts, (gpointer) word,
            GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, word)) + 1));
    }

  for (guint i = 0; i < ch->text->tokens->len; i++)
    {
      const char *word = tone_text_token (ch->text, i);
      guint count;

      if (!tone_token_is_word (tone_text_get (ch->text, i)))
        continue;
      total++;
      count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, word));
      if (count > 0)
        g_hash_table_insert (counts, (gpointer) word, GUINT_TO_POINTER (count - 1));
      else
        own++;
    }

  if (total == 0 || own * 100 >= OWN_WORDS_PERCENT * total)
    return;

  tone_add_hint (
      ch, REMPART_TONE_RULE_TEMPLATE_COPY, REMPART_TONE_SEVERITY_ADVICE, 0, ch->text->length, 0,
      ch->text->n_chars,
      g_strdup_printf (_ ("Only %u%% of this reply is in your own words: personal replies "
                          "are read, copies are ignored"),
                       own * 100 / total),
      g_strdup (_ ("Keep the facts and the source, and say the rest your own way")));
}
