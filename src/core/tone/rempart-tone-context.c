/* rempart-tone-context.c
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rempart-tone-private.h"

/*
 * What the words around a label say about it. Counter-speech quotes, reports and refutes the
 * words it objects to ("they are not vermin", "calling immigrants cockroaches is…", „Frauen
 * als Schmarotzer zu bezeichnen…“, "the word 'vermin'"), and some labels are ordinary words
 * in other places ("I love animals", "ferme la porte"). All of these look at a few words in
 * the same clause, and only around a label already found, so they cost nothing on a reply
 * without labels.
 */

/* How many words back a negation ("not", "pas", "keine", "inte") still refutes a label. */
#define NEGATION_WINDOW 3
/* How many words back a refutation of the whole clause ("no woman has ever been…",
 * „niemand ist…“) still refutes it. */
#define REFUTATION_WINDOW 8
/* How many words a reporting verb may stand from the label it reports ("calling all these
 * people cockroaches", „als Ratten und Ungeziefer zu bezeichnen“). */
#define REPORT_WINDOW 6
/* How many words may stand between "words like" and the label it names ("parasites and"). */
#define MENTION_WINDOW 3
/* How many fillers may stand between a copula and a label ("are just a bunch of"). */
#define MAX_FILLERS 4

/* -------------------------------------------------------------------------------------- */
/* Helpers                                                                                */
/* -------------------------------------------------------------------------------------- */

static inline gboolean
soft_before (const ToneText *text, guint i)
{
  return (tone_text_get (text, i)->flags & TONE_TOKEN_SOFT_GAP) != 0;
}

/* -------------------------------------------------------------------------------------- */
/* Public (private) API                                                                   */
/* -------------------------------------------------------------------------------------- */

/* A negation a few words back, or a refutation of the clause a little further, in the same
 * clause: "ce ne sont pas des parasites", "no woman has ever been subhuman". */
gboolean
tone_is_negated (ToneChecker *ch, guint i)
{
  for (guint back = 1; back <= REFUTATION_WINDOW && back <= i; back++)
    {
      const char *word = tone_text_token (ch->text, i - back);

      if (!soft_before (ch->text, i - back + 1))
        return FALSE;
      if (back <= NEGATION_WINDOW && g_hash_table_contains (ch->pack->negations, word))
        return TRUE;
      if (g_hash_table_contains (ch->pack->refutations, word))
        return TRUE;
    }

  return FALSE;
}

/* The label of tokens @first … @last is named or reported, not used: "the word vermin",
 * « le mot cafards », "calling immigrants cockroaches", « traiter les musulmans de cafards »,
 * „Frauen als Schmarotzer zu bezeichnen“, "att kalla invandrare för kackerlackor". */
gboolean
tone_is_reported (ToneChecker *ch, guint first, guint last)
{
  ToneText *text = ch->text;

  /* "the word vermin", "words like parasites and cockroaches". */
  for (guint back = 0; back <= MENTION_WINDOW && back <= first; back++)
    {
      if (tone_phrase_set_ends_before (&ch->pack->mention_cues, text, first - back))
        return TRUE;
      if (!soft_before (text, first - back))
        break;
    }

  for (guint back = 1; back <= REPORT_WINDOW && back <= first; back++)
    {
      const TonePhrase *cue;

      if (!soft_before (text, first - back + 1))
        break;
      cue = tone_phrase_set_match (&ch->pack->reporting, text, first - back);
      if (cue != NULL && cue->n_tokens <= back)
        return TRUE;
    }

  for (guint k = last + 1; k <= last + REPORT_WINDOW && k < text->tokens->len; k++)
    {
      if (!soft_before (text, k))
        break;
      if (tone_phrase_set_match (&ch->pack->reporting_after, text, k) != NULL)
        return TRUE;
    }

  return FALSE;
}

/* The label is what someone is said to be: a copula, up to four fillers, then the label
 * ("they are animals", "ce sont des animaux", "das sind Tiere", "de är djur"). */
gboolean
tone_is_predicate (ToneChecker *ch, guint i)
{
  guint j = i;

  for (guint fillers = 0; fillers <= MAX_FILLERS; fillers++)
    {
      if (tone_phrase_set_ends_before (&ch->pack->copulas, ch->text, j))
        return TRUE;
      if (j == 0 || !soft_before (ch->text, j) ||
          !g_hash_table_contains (ch->pack->fillers, tone_text_token (ch->text, j - 1)))
        return FALSE;
      j--;
    }

  return FALSE;
}

/* No word follows the phrase in its clause: « ferme la ! », not « ferme la porte ». */
gboolean
tone_is_alone (ToneChecker *ch, guint last)
{
  return last + 1 >= ch->text->tokens->len || !soft_before (ch->text, last + 1) ||
         !tone_token_is_word (tone_text_get (ch->text, last + 1));
}
