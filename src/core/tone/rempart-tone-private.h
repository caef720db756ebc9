/* rempart-tone-private.h
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rempart-tone.h"

G_BEGIN_DECLS

/* What a lexicon entry is. Adjectives only count after a second-person pattern, so that
 * "this comment is stupid" (the comment) passes and "you are stupid" (the person) does not;
 * insulting adjectives also count as insults after a determiner ("un con", but "c’est con"
 * and "un argument idiot" pass). */
typedef enum
{
  TONE_LABEL_INSULT,
  TONE_LABEL_DEHUMANISING,
  TONE_LABEL_INSULTING_ADJECTIVE,
  TONE_LABEL_ADJECTIVE,
  /* Health and disability words ("sick", "behindert"): a label only when aimed at the person
   * with an intensifier ("you're so sick"), never in "I'm sorry you were sick". */
  TONE_LABEL_HEALTH,
  /* Words that look like labels but are not ("sick of", "lab rats"): matched first so that
   * they hide the label inside them. */
  TONE_LABEL_LITERAL,
} ToneLabelKind;

/* Where an insult or dehumanising entry counts ("context" in the pack): anywhere, only as
 * what a person is said to be ("they are animals", not "I love animals"), or only with no
 * word after it in the clause ("ferme la !", not "ferme la porte"). */
typedef enum
{
  TONE_CONTEXT_ANYWHERE,
  TONE_CONTEXT_PREDICATE,
  TONE_CONTEXT_ALONE,
} ToneContext;

/* The suggestions the C code knows; a pack entry may name one ("suggestion": "name-people"),
 * the pack itself never carries text a person reads. */
typedef enum
{
  TONE_SUGGESTION_DEFAULT,
  TONE_SUGGESTION_DESCRIBE_COMMENT,
  TONE_SUGGESTION_NAME_PEOPLE,
  TONE_SUGGESTION_ASK_QUESTION,
} ToneSuggestion;

/* A word or phrase, as normalised tokens (see tone_text_new()). */
typedef struct
{
  char **tokens;
  guint n_tokens;
  guint8 kind;
  guint8 suggestion;
  guint8 context;
} TonePhrase;

/* A generalisation pattern's wildcard token: any one word ("all * are"). */
#define TONE_WILDCARD "*"

/* Phrases by their first token, longest first: one hash lookup per token of the draft. */
typedef struct
{
  GHashTable *by_first;
} TonePhraseSet;

typedef struct
{
  gunichar *chars;
  guint n_chars;
  gboolean insulting;
} ToneEmoji;

struct _RempartTonePack
{
  gatomicrefcount ref_count;
  char *language;
  TonePhraseSet labels;
  TonePhraseSet address;
  TonePhraseSet copulas;
  TonePhraseSet mention_cues;
  TonePhraseSet reporting;
  TonePhraseSet reporting_after;
  TonePhraseSet generalisations;
  TonePhraseSet claim_cues;
  TonePhraseSet units;
  GHashTable *fillers;
  GHashTable *intensifiers;
  GHashTable *negations;
  GHashTable *refutations;
  GHashTable *determiners;
  GHashTable *everyone;
  GHashTable *emoji;
  /* Disguised spellings: the one-word labels by letter count (for masks, "id**t"), and the
   * order-free letter sums of the one-word labels, so that a word is only respelt (a letter
   * swapped, a doubled letter dropped) when its letters could make a label. */
  GPtrArray *single_by_length;
  GHashTable *letter_sums;
  guint64 letter_sum_bits[64]; /* a bit per (sum % 4096): most words stop here */
  guint max_label_length;
};

/* -------------------------------------------------------------------------------------- */
/* Normalised text                                                                        */
/* -------------------------------------------------------------------------------------- */

enum
{
  TONE_TOKEN_SOFT_GAP = 1 << 0, /* only spaces, apostrophes or quotes since the last token */
  TONE_TOKEN_IN_QUOTE = 1 << 1,
  TONE_TOKEN_HASHTAG = 1 << 2,
  TONE_TOKEN_MENTION = 1 << 3,
  TONE_TOKEN_DIGITS = 1 << 4,
  TONE_TOKEN_LEET = 1 << 5,   /* letters and digits or @ $ mixed: "1d10t", "s@lope" */
  TONE_TOKEN_MASKED = 1 << 6, /* letters and asterisks: "c*nnard", "id**t" */
};

typedef struct
{
  gsize start_byte;
  gsize end_byte;
  glong start_char;
  glong end_char;
  guint norm_offset; /* into ToneText.norm, NUL-terminated */
  guint n_upper;
  guint n_lower;
  guint flags;
} ToneToken;

typedef struct
{
  gsize start_byte;
  gsize end_byte;
} ToneSpan;

typedef struct
{
  const char *text;
  gsize length;
  glong n_chars;
  GString *norm;
  GArray *tokens; /* ToneToken */
  GArray *urls;   /* ToneSpan */
} ToneText;

ToneText *tone_text_new (const char *text, gsize length);
void tone_text_free (ToneText *text);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ToneText, tone_text_free)

static inline const char *
tone_text_token (const ToneText *text, guint i)
{
  return text->norm->str + g_array_index (text->tokens, ToneToken, i).norm_offset;
}

static inline ToneToken *
tone_text_get (const ToneText *text, guint i)
{
  return &g_array_index (text->tokens, ToneToken, i);
}

gboolean tone_text_in_url (const ToneText *text, gsize byte, gsize *url_end);
glong tone_text_char_offset (const ToneText *text, gsize byte);

/* The tokens of a lexicon entry, normalised like a draft; NULL when it has none. */
char **tone_tokenize_phrase (const char *phrase, guint *n_tokens);

/* The longest phrase of @set that starts at token @i, or NULL; only soft gaps inside. */
const TonePhrase *tone_phrase_set_match (const TonePhraseSet *set, const ToneText *text, guint i);
/* Whether a phrase of @set ends right before token @i (soft gaps only). */
gboolean tone_phrase_set_ends_before (const TonePhraseSet *set, const ToneText *text, guint i);

/* The order-free sum of a word's letters (rempart-tone-disguise.c). */
guint64 tone_letter_sum (const char *word, gsize length);

/* -------------------------------------------------------------------------------------- */
/* Rules                                                                                  */
/* -------------------------------------------------------------------------------------- */

/* One run of rempart_tone_check(): each rule reads the draft and appends to @hints. */
typedef struct
{
  RempartTonePack *pack;
  const RempartToneContext *ctx;
  ToneText *text;
  GPtrArray *hints;
} ToneChecker;

/* Takes @message and @suggestion. */
void tone_add_hint (ToneChecker *ch,
                    const char *rule,
                    RempartToneSeverity severity,
                    gsize start_byte,
                    gsize end_byte,
                    glong start_char,
                    glong end_char,
                    char *message,
                    char *suggestion);
gboolean tone_only_spaces (const char *p, const char *end);

static inline gboolean
tone_token_is_word (const ToneToken *token)
{
  return !(token->flags & (TONE_TOKEN_HASHTAG | TONE_TOKEN_MENTION));
}

/* A label found in the draft: the entry, and how many tokens of the draft it covers (more
 * than the entry's for spaced letters, "i d i o t"). */
typedef struct
{
  const TonePhrase *phrase;
  guint n_tokens;
} ToneLabelMatch;

/* rempart-tone-disguise.c: a label at token @i, written plainly or disguised ("1d10t",
 * "id**t", "i d i o t", "idoit", "idiiot"). */
gboolean tone_match_label (ToneChecker *ch, guint i, ToneLabelMatch *match);

/* rempart-tone-context.c: what the words around a label say about it */
gboolean tone_is_negated (ToneChecker *ch, guint i);
gboolean tone_is_reported (ToneChecker *ch, guint first, guint last);
gboolean tone_is_predicate (ToneChecker *ch, guint i);
gboolean tone_is_alone (ToneChecker *ch, guint last);

/* rempart-tone-words.c: insults, dehumanising terms, "you are + label" */
void tone_check_words (ToneChecker *ch);
/* rempart-tone-groups.c: generalisations about a whole group */
void tone_check_generalising (ToneChecker *ch);
/* rempart-tone-claims.c: claims without a source */
void tone_check_claims (ToneChecker *ch);
/* rempart-tone-characters.c: shouting, repeated punctuation, mocking emoji */
void tone_check_shouting (ToneChecker *ch);
void tone_check_characters (ToneChecker *ch);
/* rempart-tone-conventions.c: hashtag, length, own words */
void tone_check_hashtag (ToneChecker *ch);
void tone_check_length (ToneChecker *ch);
void tone_check_template (ToneChecker *ch);

G_END_DECLS
