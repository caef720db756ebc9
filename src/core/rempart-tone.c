/* rempart-tone.c
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
 * The local tone check: before a volunteer posts, it points at what the group's rules and
 * the research advise against (insults, labels on the person, dehumanising words, shouting,
 * mockery, facts without a source) and at the group's conventions (hashtag, length, own
 * words). It runs on every keystroke, offline, and never blocks anything: every hint is
 * advice with a span the editor can underline.
 *
 * Messages live here, behind gettext; the packs hold only lexicons and patterns.
 */

/* How many fillers ("a", "so", "vraiment", "echt") may stand between "you are" and a label. */
#define MAX_FILLERS 3
/* How many words back a negation ("not", "pas", "keine", "inte") still refutes a label. */
#define NEGATION_WINDOW      3
#define SHOUTING_MIN_LETTERS 12
#define SHOUTING_PERCENT     60
#define OWN_WORDS_PERCENT    30

G_DEFINE_ENUM_TYPE (RempartToneSeverity,
                    rempart_tone_severity,
                    G_DEFINE_ENUM_VALUE (REMPART_TONE_SEVERITY_ADVICE, "advice"),
                    G_DEFINE_ENUM_VALUE (REMPART_TONE_SEVERITY_WARNING, "warning"))

G_DEFINE_BOXED_TYPE (RempartToneHint,
                     rempart_tone_hint,
                     rempart_tone_hint_copy,
                     rempart_tone_hint_free)

typedef struct
{
  RempartTonePack *pack;
  const RempartToneContext *ctx;
  ToneText *text;
  GPtrArray *hints;
} Checker;

/* -------------------------------------------------------------------------------------- */
/* Helpers                                                                                */
/* -------------------------------------------------------------------------------------- */

static void
add_hint (Checker *ch,
          const char *rule,
          RempartToneSeverity severity,
          gsize start_byte,
          gsize end_byte,
          glong start_char,
          glong end_char,
          char *message,
          char *suggestion)
{
  RempartToneHint *hint = g_new0 (RempartToneHint, 1);

  hint->rule = rule;
  hint->severity = severity;
  hint->start_byte = start_byte;
  hint->end_byte = end_byte;
  hint->start_char = start_char;
  hint->end_char = end_char;
  hint->message = message;
  hint->suggestion = suggestion;
  g_ptr_array_add (ch->hints, hint);
}

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
add_token_hint (Checker *ch, const char *rule, guint first, guint last, const char *suggestion)
{
  const ToneToken *a = tone_text_get (ch->text, first);
  const ToneToken *b = tone_text_get (ch->text, last);
  g_autofree char *quoted = g_strndup (ch->text->text + a->start_byte, b->end_byte - a->start_byte);

  add_hint (ch, rule, REMPART_TONE_SEVERITY_WARNING, a->start_byte, b->end_byte, a->start_char,
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
is_negated (Checker *ch, guint i)
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

static gboolean
is_word (const ToneToken *token)
{
  return !(token->flags & (TONE_TOKEN_HASHTAG | TONE_TOKEN_MENTION));
}

/* -------------------------------------------------------------------------------------- */
/* Words: insults, dehumanising terms, "you are + label"                                  */
/* -------------------------------------------------------------------------------------- */

static gboolean
label_counts_alone (Checker *ch, const TonePhrase *label, guint i)
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
check_address (Checker *ch, guint i, guint *next)
{
  ToneText *text = ch->text;
  GPtrArray *candidates =
      g_hash_table_lookup (ch->pack->address.by_first, tone_text_token (text, i));

  if (candidates == NULL || !is_word (tone_text_get (text, i)))
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

          if (!(token->flags & TONE_TOKEN_SOFT_GAP) || !is_word (token))
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

static void
check_words (Checker *ch)
{
  ToneText *text = ch->text;
  guint i = 0;

  while (i < text->tokens->len)
    {
      const ToneToken *token = tone_text_get (text, i);
      const TonePhrase *label;
      guint next;

      if (!is_word (token))
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
is_amount (Checker *ch, guint i, guint *last)
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

static void
check_claims (Checker *ch)
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

      if (!is_word (token) || (token->flags & TONE_TOKEN_IN_QUOTE))
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
        add_hint (ch, REMPART_TONE_RULE_CLAIM_WITHOUT_SOURCE, REMPART_TONE_SEVERITY_WARNING,
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
static void
check_shouting (Checker *ch)
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

      if (!is_word (token))
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

      while (run_end < text->tokens->len && is_word (tone_text_get (text, run_end)) &&
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

    add_hint (ch, REMPART_TONE_RULE_SHOUTING, REMPART_TONE_SEVERITY_ADVICE, a->start_byte,
              b->end_byte, a->start_char, b->end_char,
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
match_emoji (Checker *ch, const char *p, const char *end, glong *n_chars, gboolean *insulting)
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

static void
check_characters (Checker *ch)
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

              add_hint (ch, REMPART_TONE_RULE_REPEATED_PUNCTUATION,
                        weight >= 3 ? REMPART_TONE_SEVERITY_WARNING : REMPART_TONE_SEVERITY_ADVICE,
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

          add_hint (ch, REMPART_TONE_RULE_MOCKING_EMOJI,
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

/* -------------------------------------------------------------------------------------- */
/* Group conventions: hashtag, length, own words                                          */
/* -------------------------------------------------------------------------------------- */

static char *
fold_hashtag (const char *hashtag, gssize length)
{
  g_autofree char *nfc = g_utf8_normalize (hashtag, length, G_NORMALIZE_NFC);

  return nfc != NULL ? g_utf8_casefold (nfc, -1) : NULL;
}

static gboolean
only_spaces (const char *p, const char *end)
{
  for (; p < end; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
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

static void
check_hashtag (Checker *ch)
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
      at_start = at_start || only_spaces (text->text, p);
      at_end = at_end || only_trailing (q, end);
    }

  if (first == NULL)
    {
      gboolean want_end = ctx->hashtag_position == REMPART_HASHTAG_POSITION_END;

      add_hint (ch, REMPART_TONE_RULE_HASHTAG_MISSING, REMPART_TONE_SEVERITY_WARNING,
                want_end ? text->length : 0, want_end ? text->length : 0,
                want_end ? text->n_chars : 0, want_end ? text->n_chars : 0,
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
    add_hint (ch, REMPART_TONE_RULE_HASHTAG_POSITION, REMPART_TONE_SEVERITY_ADVICE,
              first - text->text, first_end - text->text,
              tone_text_char_offset (text, first - text->text),
              tone_text_char_offset (text, first_end - text->text),
              g_strdup_printf (_ ("The group puts %s at the start of a reply"), display),
              g_strdup_printf (_ ("Move %s to the very beginning"), display));
  else if (ctx->hashtag_position == REMPART_HASHTAG_POSITION_END && !at_end)
    add_hint (ch, REMPART_TONE_RULE_HASHTAG_POSITION, REMPART_TONE_SEVERITY_ADVICE,
              last - text->text, last_end - text->text,
              tone_text_char_offset (text, last - text->text),
              tone_text_char_offset (text, last_end - text->text),
              g_strdup_printf (_ ("The group puts %s at the end of a reply"), display),
              g_strdup_printf (_ ("Move %s to the very end"), display));
}

static void
check_length (Checker *ch)
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
    add_hint (ch, REMPART_TONE_RULE_TOO_SHORT, REMPART_TONE_SEVERITY_ADVICE, start - text->text,
              end - text->text, lead, lead + n_chars,
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

      add_hint (ch, REMPART_TONE_RULE_TOO_LONG, REMPART_TONE_SEVERITY_ADVICE, over - text->text,
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
static void
check_template (Checker *ch)
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

      if (is_word (tone_text_get (template_text, i)))
        g_hash_table_insert (
            counts, (gpointer) word,
            GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, word)) + 1));
    }

  for (guint i = 0; i < ch->text->tokens->len; i++)
    {
      const char *word = tone_text_token (ch->text, i);
      guint count;

      if (!is_word (tone_text_get (ch->text, i)))
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

  add_hint (ch, REMPART_TONE_RULE_TEMPLATE_COPY, REMPART_TONE_SEVERITY_ADVICE, 0, ch->text->length,
            0, ch->text->n_chars,
            g_strdup_printf (_ ("Only %u%% of this reply is in your own words: personal replies "
                                "are read, copies are ignored"),
                             own * 100 / total),
            g_strdup (_ ("Keep the facts and the source, and say the rest your own way")));
}

static int
compare_hints (gconstpointer a, gconstpointer b)
{
  const RempartToneHint *ha = *(RempartToneHint *const *) a;
  const RempartToneHint *hb = *(RempartToneHint *const *) b;

  if (ha->start_byte != hb->start_byte)
    return ha->start_byte < hb->start_byte ? -1 : 1;
  if (ha->end_byte != hb->end_byte)
    return ha->end_byte < hb->end_byte ? -1 : 1;
  return strcmp (ha->rule, hb->rule);
}

/* -------------------------------------------------------------------------------------- */
/* Public API                                                                             */
/* -------------------------------------------------------------------------------------- */

RempartToneHint *
rempart_tone_hint_copy (const RempartToneHint *hint)
{
  RempartToneHint *copy;

  g_return_val_if_fail (hint != NULL, NULL);

  copy = g_memdup2 (hint, sizeof *hint);
  copy->message = g_strdup (hint->message);
  copy->suggestion = g_strdup (hint->suggestion);
  return copy;
}

void
rempart_tone_hint_free (RempartToneHint *hint)
{
  if (hint == NULL)
    return;
  g_free (hint->message);
  g_free (hint->suggestion);
  g_free (hint);
}

void
rempart_tone_context_init (RempartToneContext *ctx)
{
  g_return_if_fail (ctx != NULL);

  memset (ctx, 0, sizeof *ctx);
  ctx->hashtag_position = REMPART_HASHTAG_POSITION_START;
  ctx->min_length = REMPART_TONE_DEFAULT_MIN_LENGTH;
  ctx->max_length = REMPART_TONE_DEFAULT_MAX_LENGTH;
}

/*
 * rempart_tone_check:
 * @pack: the rule pack of the reply's language
 * @text: (nullable): the draft
 * @ctx: (nullable): the group's conventions; %NULL for the defaults and no hashtag
 *
 * Returns: (transfer container): the hints (RempartToneHint), ordered by position; empty,
 * never %NULL, for a blank draft or text that is not valid UTF-8.
 */
GPtrArray *
rempart_tone_check (RempartTonePack *pack, const char *text, const RempartToneContext *ctx)
{
  GPtrArray *hints = g_ptr_array_new_with_free_func ((GDestroyNotify) rempart_tone_hint_free);
  g_autoptr (ToneText) tone_text = NULL;
  RempartToneContext defaults;
  Checker ch;
  gsize length;

  g_return_val_if_fail (pack != NULL, hints);

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return hints;
  length = strlen (text);
  if (only_spaces (text, text + length))
    return hints;

  if (ctx == NULL)
    {
      rempart_tone_context_init (&defaults);
      ctx = &defaults;
    }

  tone_text = tone_text_new (text, length);
  ch.pack = pack;
  ch.ctx = ctx;
  ch.text = tone_text;
  ch.hints = hints;

  check_words (&ch);
  check_claims (&ch);
  check_characters (&ch);
  check_shouting (&ch);
  check_hashtag (&ch);
  check_length (&ch);
  check_template (&ch);

  g_ptr_array_sort (hints, compare_hints);
  return hints;
}
