/* rempart-tone-disguise.c
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "rempart-tone-private.h"

/*
 * Finding a label in the draft, also when it is disguised: digits or symbols for letters
 * ("1d10t", "s@lope"), masked letters ("id**t"), spaced letters ("i d i o t", "c.o.n.n.a.r.d"),
 * one swapped pair ("idoit") or one doubled letter ("idiiot"). A word written plainly is one
 * hash lookup, as before; the respellings are tried only when the letters of the word could
 * make a label (an order-free sum of its letters, looked up in the pack), so that ordinary
 * words cost one more integer lookup and never meet a label by accident of spelling. A word
 * that is a label once respelt but a word of its own ("arts", "signes") is listed in the
 * pack's "literal" list, which an exact match finds first.
 */

/* Respelling only long enough words: "rats" and "arts", "svin" and "svinn" are words. */
#define MIN_SWAP_LENGTH   5
#define MIN_DOUBLE_LENGTH 6
/* Spaced letters: at least "c o n", at most a long word. */
#define MIN_SPACED 3
#define MAX_SPACED 32

/* -------------------------------------------------------------------------------------- */
/* Helpers                                                                                */
/* -------------------------------------------------------------------------------------- */

static guint64 letter_values[256];

static void
init_letter_values (void)
{
  static gsize initialised = 0;

  if (g_once_init_enter (&initialised))
    {
      for (guint c = 0; c < G_N_ELEMENTS (letter_values); c++)
        {
          /* splitmix64: spreads the bytes so that sums of different letters rarely meet. */
          guint64 z = (c + 1) * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15);

          z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xBF58476D1CE4E5B9);
          z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94D049BB133111EB);
          letter_values[c] = z ^ (z >> 31);
        }
      g_once_init_leave (&initialised, 1);
    }
}

guint64
tone_letter_sum (const char *word, gsize length)
{
  guint64 sum = 0;

  init_letter_values ();
  for (gsize i = 0; i < length; i++)
    sum += letter_values[(guchar) word[i]];
  return sum;
}

/* A one-word label, never a literal word: respellings only ever find labels. */
static const TonePhrase *
lookup_single (RempartTonePack *pack, const char *word)
{
  GPtrArray *list = g_hash_table_lookup (pack->labels.by_first, word);

  if (list == NULL)
    return NULL;
  for (guint i = 0; i < list->len; i++)
    {
      const TonePhrase *phrase = g_ptr_array_index (list, i);

      if (phrase->n_tokens == 1)
        return phrase->kind == TONE_LABEL_LITERAL ? NULL : phrase;
    }
  return NULL;
}

static gboolean
has_letter_sum (RempartTonePack *pack, guint64 sum)
{
  if (!(pack->letter_sum_bits[(sum % 4096) / 64] & (G_GUINT64_CONSTANT (1) << (sum % 64))))
    return FALSE;
  return g_hash_table_contains (pack->letter_sums, &sum);
}

/* One swapped pair or one doubled letter, on an ASCII word of @len bytes. */
static const TonePhrase *
match_respelt (RempartTonePack *pack, const char *word, gsize len)
{
  char buf[64];
  guint64 sum;

  if (len < MIN_SWAP_LENGTH || len > pack->max_label_length + 1 || len >= sizeof buf)
    return NULL;
  for (gsize k = 0; k < len; k++)
    if ((guchar) word[k] >= 0x80 || !g_ascii_isalpha (word[k]))
      return NULL;

  sum = tone_letter_sum (word, len);
  if (len <= pack->max_label_length && has_letter_sum (pack, sum))
    {
      memcpy (buf, word, len + 1);
      for (gsize k = 0; k + 1 < len; k++)
        {
          const TonePhrase *phrase;

          if (buf[k] == buf[k + 1])
            continue;
          buf[k] = word[k + 1];
          buf[k + 1] = word[k];
          phrase = lookup_single (pack, buf);
          buf[k] = word[k];
          buf[k + 1] = word[k + 1];
          if (phrase != NULL)
            return phrase;
        }
    }

  if (len < MIN_DOUBLE_LENGTH)
    return NULL;
  /* Not the last two letters, and never "ee": "parasitées" folds to "parasitees", "Idee"
   * and "Schnee" are words of their own. */
  for (gsize k = 1; k + 1 < len; k++)
    {
      if (word[k] != word[k - 1] || word[k + 1] == word[k] || word[k] == 'e' ||
          !has_letter_sum (pack, sum - letter_values[(guchar) word[k]]))
        continue;
      /* "idiiot" → "idiot": drop one letter of the pair. */
      memcpy (buf, word, k);
      memcpy (buf + k, word + k + 1, len - k);
      {
        const TonePhrase *phrase = lookup_single (pack, buf);

        if (phrase != NULL)
          return phrase;
      }
    }

  return NULL;
}

/* Digits and symbols for letters: "1d10t", "r4ts", "p4r4s1tes"; 1 is i or l. */
static const TonePhrase *
match_leet (RempartTonePack *pack, const char *word)
{
  static const char from[] = "0134578";
  static const char to[] = "oieastb";
  char buf[64];
  gsize len = strlen (word);
  gboolean has_one = FALSE;
  const TonePhrase *phrase;

  if (len >= sizeof buf)
    return NULL;
  for (gsize k = 0; k <= len; k++)
    {
      const char *digit = word[k] != '\0' ? strchr (from, word[k]) : NULL;

      buf[k] = digit != NULL ? to[digit - from] : word[k];
      has_one |= word[k] == '1';
    }
  phrase = lookup_single (pack, buf);
  if (phrase == NULL)
    phrase = match_respelt (pack, buf, len);
  if (phrase == NULL && has_one)
    {
      for (gsize k = 0; k < len; k++)
        if (word[k] == '1')
          buf[k] = 'l';
      phrase = lookup_single (pack, buf);
    }
  return phrase;
}

/* Masked letters: "c*nnard", "id**t"; at least two letters shown, so "f***" says nothing. */
static const TonePhrase *
match_masked (RempartTonePack *pack, const char *word)
{
  gsize len = strlen (word);
  guint shown = 0, masked = 0;
  GPtrArray *candidates;

  for (gsize k = 0; k < len; k++)
    {
      if (word[k] == '*')
        masked++;
      else if (word[k] != '-')
        shown++;
    }
  if (masked == 0 || shown < 2 || masked > shown + 1 || len >= pack->single_by_length->len)
    return NULL;

  candidates = g_ptr_array_index (pack->single_by_length, len);
  for (guint c = 0; c < candidates->len; c++)
    {
      const TonePhrase *phrase = g_ptr_array_index (candidates, c);
      const char *label = phrase->tokens[0];
      gsize k;

      for (k = 0; k < len; k++)
        if (word[k] != '*' ? word[k] != label[k] : (guchar) label[k] >= 0x80 || label[k] == '-')
          break;
      if (k == len)
        return phrase;
    }
  return NULL;
}

static gboolean
is_single_letter (const ToneText *text, guint i)
{
  const char *word = tone_text_token (text, i);

  return g_ascii_isalpha (word[0]) && word[1] == '\0' &&
         tone_token_is_word (tone_text_get (text, i));
}

/* "i d i o t", "c.o.n.n.a.r.d", "i-d-i-o-t": the letters, or FALSE. *n_tokens gets how many
 * tokens of the draft they are. */
static gboolean
collapse_spaced (const ToneText *text, guint i, char *buf, gsize size, guint *n_tokens)
{
  const char *word = tone_text_token (text, i);
  gsize n = 0;
  char sep = 0;
  guint j;

  /* One token with hyphens between single letters. */
  if (word[0] != '\0' && word[1] == '-')
    {
      for (const char *p = word; *p != '\0'; p += 2)
        {
          if (!g_ascii_isalpha (p[0]) || (p[1] != '-' && p[1] != '\0') || n + 1 >= size)
            return FALSE;
          buf[n++] = p[0];
          if (p[1] == '\0')
            break;
        }
      buf[n] = '\0';
      *n_tokens = 1;
      return n >= MIN_SPACED;
    }

  if (!is_single_letter (text, i))
    return FALSE;

  for (j = i; j < text->tokens->len && n + 1 < size && n < MAX_SPACED; j++)
    {
      const ToneToken *token = tone_text_get (text, j);

      if (j > i)
        {
          const ToneToken *before = tone_text_get (text, j - 1);
          char gap;

          if (token->start_byte != before->end_byte + 1 || !is_single_letter (text, j))
            break;
          gap = text->text[before->end_byte];
          if (sep == 0 && (gap == ' ' || gap == '.' || gap == '_' || gap == '*'))
            sep = gap;
          if (gap != sep)
            break;
        }
      buf[n++] = tone_text_token (text, j)[0];
    }
  buf[n] = '\0';
  *n_tokens = j - i;
  return n >= MIN_SPACED;
}

/* -------------------------------------------------------------------------------------- */
/* Public (private) API                                                                   */
/* -------------------------------------------------------------------------------------- */

gboolean
tone_match_label (ToneChecker *ch, guint i, ToneLabelMatch *match)
{
  RempartTonePack *pack = ch->pack;
  const ToneToken *token = tone_text_get (ch->text, i);
  const char *word;
  const TonePhrase *phrase;
  char buf[MAX_SPACED + 1];
  guint n_tokens = 1;

  phrase = tone_phrase_set_match (&pack->labels, ch->text, i);
  if (phrase != NULL)
    {
      match->phrase = phrase;
      match->n_tokens = phrase->n_tokens;
      return TRUE;
    }
  if (!tone_token_is_word (token) || (token->flags & TONE_TOKEN_DIGITS))
    return FALSE;

  word = tone_text_token (ch->text, i);
  if (token->flags & TONE_TOKEN_MASKED)
    phrase = match_masked (pack, word);
  else if (token->flags & TONE_TOKEN_LEET)
    phrase = match_leet (pack, word);
  else if ((word[1] == '\0' || word[1] == '-') &&
           collapse_spaced (ch->text, i, buf, sizeof buf, &n_tokens))
    {
      /* Every letter of a run may start it: in "a m o r o n", "a" is a word of its own;
       * a run found at its first letter is skipped whole by the callers. */
      phrase = lookup_single (pack, buf);
      if (phrase == NULL)
        phrase = match_respelt (pack, buf, strlen (buf));
    }
  else
    phrase = match_respelt (pack, word, strlen (word));

  if (phrase == NULL)
    return FALSE;
  match->phrase = phrase;
  match->n_tokens = n_tokens;
  return TRUE;
}
