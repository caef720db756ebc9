/* rempart-tone-words.c
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
 * The word rules of the tone check: insults, dehumanising terms, and labels put on the
 * person ("you are + label"), matched against the pack's lexicons token by token.
 */

/* How many fillers ("a", "so", "vraiment", "echt") may stand between "you are" and a label. */
#define MAX_FILLERS 3
/* How many words back a negation ("not", "pas", "keine", "inte") still refutes a label. */
#define NEGATION_WINDOW 3

/* -------------------------------------------------------------------------------------- */
/* Helpers                                                                                */
/* -------------------------------------------------------------------------------------- */

/* The message of a word hint; one literal per rule, for xgettext and -Wformat. */
static char *
word_message (const char *rule, const char *quoted)
{
  if (strcmp (rule, REMPART_TONE_RULE_YOU_ARE_LABEL) == 0)
    return g_strdup_printf (_ ("“%s” labels the person, not the comment: people defend "
                               "themselves and stop listening"),
                            quoted);
  if (strcmp (rule, REMPART_TONE_RULE_DEHUMANISING) == 0)
    return g_strdup_printf (_ ("“%s” speaks of people as pests or animals: it dehumanises, "
                               "whoever it is aimed at"),
                            quoted);
  return g_strdup_printf (_ ("“%s” is an insult: it will make the thread angrier"), quoted);
}

/* A hint over tokens @first … @last, quoting what the volunteer typed. */
static void
add_token_hint (ToneChecker *ch, const char *rule, guint first, guint last, const char *suggestion)
{
  const ToneToken *a = tone_text_get (ch->text, first);
  const ToneToken *b = tone_text_get (ch->text, last);
  g_autofree char *quoted = g_strndup (ch->text->text + a->start_byte, b->end_byte - a->start_byte);

  tone_add_hint (ch, rule, REMPART_TONE_SEVERITY_WARNING, a->start_byte, b->end_byte, a->start_char,
                 b->end_char, word_message (rule, quoted), g_strdup (suggestion));
}

static const char *
suggestion_text (guint8 suggestion, ToneLabelKind kind)
{
  switch (suggestion)
    {
      case TONE_SUGGESTION_DESCRIBE_COMMENT:
        return _ ("Describe what the comment says instead, for example: “This comment spreads a "
                  "false figure”");
      case TONE_SUGGESTION_NAME_PEOPLE:
        return _ ("Speak of people as people, and say what the comment does: “This comment "
                  "talks about human beings as if they were pests”");
      case TONE_SUGGESTION_ASK_QUESTION:
        return _ ("Ask an honest question instead, for example: “What makes you think that?”");
      case TONE_SUGGESTION_DEFAULT:
      default:
        return suggestion_text (kind == TONE_LABEL_DEHUMANISING ? TONE_SUGGESTION_NAME_PEOPLE
                                                                : TONE_SUGGESTION_DESCRIBE_COMMENT,
                                kind);
    }
}

static gboolean
is_negated (ToneChecker *ch, guint i)
{
  for (guint back = 1; back <= NEGATION_WINDOW && back <= i; back++)
    {
      if (!(tone_text_get (ch->text, i - back + 1)->flags & TONE_TOKEN_SOFT_GAP))
        return FALSE;
      if (g_hash_table_contains (ch->pack->negations, tone_text_token (ch->text, i - back)))
        return TRUE;
    }

  return FALSE;
}

/* -------------------------------------------------------------------------------------- */
/* Words: insults, dehumanising terms, "you are + label"                                  */
/* -------------------------------------------------------------------------------------- */

static gboolean
label_counts_alone (ToneChecker *ch, const TonePhrase *label, guint i)
{
  switch ((ToneLabelKind) label->kind)
    {
      case TONE_LABEL_INSULT:
      case TONE_LABEL_DEHUMANISING:
        return TRUE;
      case TONE_LABEL_INSULTING_ADJECTIVE:
        return i > 0 && (tone_text_get (ch->text, i)->flags & TONE_TOKEN_SOFT_GAP) &&
               g_hash_table_contains (ch->pack->determiners, tone_text_token (ch->text, i - 1));
      case TONE_LABEL_ADJECTIVE:
      default:
        return FALSE;
    }
}

/* "you are (a total) idiot", "t’es vraiment débile", "ihr seid Ungeziefer", "din idiot".
 * Returns whether an address pattern led to a label; *next is then the token after it. */
static gboolean
check_address (ToneChecker *ch, guint i, guint *next)
{
  ToneText *text = ch->text;
  GPtrArray *candidates =
      g_hash_table_lookup (ch->pack->address.by_first, tone_text_token (text, i));

  if (candidates == NULL || !tone_token_is_word (tone_text_get (text, i)))
    return FALSE;

  for (guint c = 0; c < candidates->len; c++)
    {
      const TonePhrase *address = g_ptr_array_index (candidates, c);
      guint k;

      /* Every candidate, longest first: "you are" may fail where "you" (vocative) fits. */
      for (k = 1; k < address->n_tokens && i + k < text->tokens->len; k++)
        {
          const ToneToken *token = tone_text_get (text, i + k);

          if (!(token->flags & TONE_TOKEN_SOFT_GAP) ||
              strcmp (tone_text_token (text, i + k), address->tokens[k]) != 0)
            break;
        }
      if (k != address->n_tokens)
        continue;

      k = i + address->n_tokens;
      for (guint fillers = 0; fillers <= MAX_FILLERS && k < text->tokens->len; fillers++, k++)
        {
          const ToneToken *token = tone_text_get (text, k);
          const TonePhrase *label;

          if (!(token->flags & TONE_TOKEN_SOFT_GAP) || !tone_token_is_word (token))
            break;

          label = tone_phrase_set_match (&ch->pack->labels, text, k);
          if (label != NULL)
            {
              /* Quoting the hateful comment ("« vous êtes des parasites », écrivez-vous")
               * is not calling anyone names. */
              if (!(tone_text_get (text, i)->flags & TONE_TOKEN_IN_QUOTE))
                add_token_hint (
                    ch, REMPART_TONE_RULE_YOU_ARE_LABEL, i, k + label->n_tokens - 1,
                    label->suggestion != TONE_SUGGESTION_DEFAULT
                        ? suggestion_text (label->suggestion, label->kind)
                        : _ ("Label the comment instead, for example: “This comment is unfair "
                             "to the families it talks about”"));
              *next = k + label->n_tokens;
              return TRUE;
            }

          if (!g_hash_table_contains (ch->pack->fillers, tone_text_token (text, k)))
            break;
        }
    }

  return FALSE;
}

void
tone_check_words (ToneChecker *ch)
{
  ToneText *text = ch->text;
  guint i = 0;

  while (i < text->tokens->len)
    {
      const ToneToken *token = tone_text_get (text, i);
      const TonePhrase *label;
      guint next;

      if (!tone_token_is_word (token))
        {
          i++;
          continue;
        }
      if (check_address (ch, i, &next))
        {
          i = next;
          continue;
        }

      label = tone_phrase_set_match (&ch->pack->labels, text, i);
      if (label == NULL)
        {
          i++;
          continue;
        }

      /* Adjectives label whatever they follow: "this comment is stupid" is fair comment.
       * Quoted or negated terms ("they are not vermin") refute the label. */
      if (label_counts_alone (ch, label, i) && !(token->flags & TONE_TOKEN_IN_QUOTE) &&
          !is_negated (ch, i))
        {
          if (label->kind == TONE_LABEL_DEHUMANISING)
            add_token_hint (ch, REMPART_TONE_RULE_DEHUMANISING, i, i + label->n_tokens - 1,
                            suggestion_text (label->suggestion, label->kind));
          else
            add_token_hint (ch, REMPART_TONE_RULE_INSULT, i, i + label->n_tokens - 1,
                            suggestion_text (label->suggestion, label->kind));
        }
      i += label->n_tokens;
    }
}
