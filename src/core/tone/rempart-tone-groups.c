/* rempart-tone-groups.c
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
 * Generalising about a whole group ("they are all…", « ces gens-là », „die sind alle…“,
 * "de är alla…", "all racists are…"). Most hateful comments need no bad word, and this is
 * their commonest shape; counter-speech guidance asks volunteers not to answer in kind, so
 * the rule speaks to the volunteer's own reply, as advice: a generalisation is not always
 * wrong, and only the volunteer can tell. Patterns are the pack's "generalisations", where
 * "*" stands for any one word; a pattern whose wildcard is a word for everyone ("all people
 * are equal", "alla människor är lika mycket värda") is no generalisation about a group.
 */

/* -------------------------------------------------------------------------------------- */
/* Helpers                                                                                */
/* -------------------------------------------------------------------------------------- */

static gboolean
is_wildcard (const char *token)
{
  return token[0] == '*' && token[1] == '\0';
}

static gboolean
about_everyone (ToneChecker *ch, const TonePhrase *pattern, guint i)
{
  for (guint k = 0; k < pattern->n_tokens; k++)
    if (is_wildcard (pattern->tokens[k]) &&
        g_hash_table_contains (ch->pack->everyone, tone_text_token (ch->text, i + k)))
      return TRUE;
  return FALSE;
}

/* The patterns that start with a wildcard ("* are all"), tried at every word: a pack has a
 * few, and the second word is compared first. */
static const TonePhrase *
match_leading_wildcard (ToneChecker *ch, GPtrArray *candidates, guint i)
{
  ToneText *text = ch->text;

  if (candidates == NULL || !tone_token_is_word (tone_text_get (text, i)))
    return NULL;

  for (guint c = 0; c < candidates->len; c++)
    {
      const TonePhrase *pattern = g_ptr_array_index (candidates, c);
      guint k;

      if (i + pattern->n_tokens > text->tokens->len)
        continue;
      for (k = 1; k < pattern->n_tokens; k++)
        {
          const ToneToken *token = tone_text_get (text, i + k);

          if (!(token->flags & TONE_TOKEN_SOFT_GAP) || !tone_token_is_word (token) ||
              (!is_wildcard (pattern->tokens[k]) &&
               strcmp (tone_text_token (text, i + k), pattern->tokens[k]) != 0))
            break;
        }
      if (k == pattern->n_tokens)
        return pattern;
    }

  return NULL;
}

/* -------------------------------------------------------------------------------------- */
/* Generalisations                                                                        */
/* -------------------------------------------------------------------------------------- */

void
tone_check_generalising (ToneChecker *ch)
{
  ToneText *text = ch->text;
  GPtrArray *leading;
  guint i = 0;

  if (g_hash_table_size (ch->pack->generalisations.by_first) == 0)
    return;
  leading = g_hash_table_lookup (ch->pack->generalisations.by_first, TONE_WILDCARD);

  while (i < text->tokens->len)
    {
      const ToneToken *token = tone_text_get (text, i);
      const TonePhrase *pattern = tone_phrase_set_match (&ch->pack->generalisations, text, i);
      guint last;

      if (pattern == NULL)
        pattern = match_leading_wildcard (ch, leading, i);
      if (pattern == NULL)
        {
          i++;
          continue;
        }
      last = i + pattern->n_tokens - 1;

      /* "Not all men…", "« ils sont tous pareils », dites-vous", "saying they are all
       * criminals is…": refuting or reporting a generalisation is what a reply should do. */
      if (!(token->flags & TONE_TOKEN_IN_QUOTE) && !tone_is_negated (ch, i) &&
          !tone_is_reported (ch, i, last) && !about_everyone (ch, pattern, i))
        {
          const ToneToken *b = tone_text_get (text, last);
          g_autofree char *quoted =
              g_strndup (text->text + token->start_byte, b->end_byte - token->start_byte);

          tone_add_hint (ch, REMPART_TONE_RULE_GENERALISING, REMPART_TONE_SEVERITY_ADVICE,
                         token->start_byte, b->end_byte, token->start_char, b->end_char,
                         g_strdup_printf (_ ("“%s” speaks of a whole group as if everyone in it "
                                             "were the same"),
                                          quoted),
                         g_strdup (_ ("Speak of this comment, or of the people it names, rather "
                                      "than of a whole group: generalising is what hateful "
                                      "comments do")));
        }
      i = last + 1;
    }
}
