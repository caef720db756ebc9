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

/* -------------------------------------------------------------------------------------- */
/* Words: insults, dehumanising terms, "you are + label"                                  */
/* -------------------------------------------------------------------------------------- */

/* Whether a label found outside a "you are" pattern counts as the volunteer's own word. */
static gboolean
label_counts_alone (ToneChecker *ch, const TonePhrase *label, guint i, guint last)
{
  const ToneToken *token = tone_text_get (ch->text, i);

  switch ((ToneLabelKind) label->kind)
    {
      case TONE_LABEL_INSULT:
      case TONE_LABEL_DEHUMANISING:
        if (label->context == TONE_CONTEXT_PREDICATE && !tone_is_predicate (ch, i))
          return FALSE;
        if (label->context == TONE_CONTEXT_ALONE && !tone_is_alone (ch, last))
          return FALSE;
        break;
      case TONE_LABEL_INSULTING_ADJECTIVE:
        if (i == 0 || !(token->flags & TONE_TOKEN_SOFT_GAP) ||
            !g_hash_table_contains (ch->pack->determiners, tone_text_token (ch->text, i - 1)))
          return FALSE;
        break;
      case TONE_LABEL_ADJECTIVE:
      case TONE_LABEL_HEALTH:
      case TONE_LABEL_LITERAL:
      default:
        return FALSE;
    }

  /* Quoted, negated or reported labels ("they are not vermin", "the word vermin", "calling
   * people vermin is…") are the volunteer objecting to them. */
  return !(token->flags & TONE_TOKEN_IN_QUOTE) && !tone_is_negated (ch, i) &&
         !tone_is_reported (ch, i, last);
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
      gboolean intensified = FALSE;
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
          ToneLabelMatch label;

          if (!(token->flags & TONE_TOKEN_SOFT_GAP) || !tone_token_is_word (token))
            break;

          if (tone_match_label (ch, k, &label))
            {
              guint last = k + label.n_tokens - 1;

              /* "are you sick of…", "I'm sorry you were sick": a literal phrase, or a
               * health word said without scorn, is no label. */
              if (label.phrase->kind == TONE_LABEL_LITERAL ||
                  (label.phrase->kind == TONE_LABEL_HEALTH && !intensified))
                break;

              /* Quoting the hateful comment ("« vous êtes des parasites », écrivez-vous")
               * is not calling anyone names. */
              if (!(tone_text_get (text, i)->flags & TONE_TOKEN_IN_QUOTE))
                add_token_hint (
                    ch, REMPART_TONE_RULE_YOU_ARE_LABEL, i, last,
                    label.phrase->suggestion != TONE_SUGGESTION_DEFAULT
                        ? suggestion_text (label.phrase->suggestion, label.phrase->kind)
                        : _ ("Label the comment instead, for example: “This comment is unfair "
                             "to the families it talks about”"));
              *next = last + 1;
              return TRUE;
            }

          if (!g_hash_table_contains (ch->pack->fillers, tone_text_token (text, k)))
            break;
          if (g_hash_table_contains (ch->pack->intensifiers, tone_text_token (text, k)))
            intensified = TRUE;
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
      ToneLabelMatch label;
      guint next, last;

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

      if (!tone_match_label (ch, i, &label))
        {
          i++;
          continue;
        }

      /* Adjectives label whatever they follow: "this comment is stupid" is fair comment. */
      last = i + label.n_tokens - 1;
      if (label_counts_alone (ch, label.phrase, i, last))
        {
          if (label.phrase->kind == TONE_LABEL_DEHUMANISING)
            add_token_hint (ch, REMPART_TONE_RULE_DEHUMANISING, i, last,
                            suggestion_text (label.phrase->suggestion, label.phrase->kind));
          else
            add_token_hint (ch, REMPART_TONE_RULE_INSULT, i, last,
                            suggestion_text (label.phrase->suggestion, label.phrase->kind));
        }
      i = last + 1;
    }
}
