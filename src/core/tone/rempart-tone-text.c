/* rempart-tone-text.c
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "rempart-tone-private.h"

/*
 * The tone check compares words, not bytes: "CRÉTIN", "cretin" and "Crétin" must meet the
 * same lexicon entry, and "idiot" must not be found inside "idiotie" or a link. This file
 * cuts a valid UTF-8 text into tokens (runs of letters and digits, hyphens inside a word
 * kept, apostrophes cutting "t’es" into "t" + "es"), folds each token (canonical
 * decomposition, combining marks dropped, lower case, ß → ss) into one buffer, and keeps for
 * each token where it came from in the original text, in bytes and in characters, so that
 * a hint can be underlined where the volunteer typed it.
 */

/* -------------------------------------------------------------------------------------- */
/* Helpers                                                                                */
/* -------------------------------------------------------------------------------------- */

static gboolean
is_hyphen (gunichar c)
{
  return c == '-' || c == 0x2010 || c == 0x2011;
}

static gboolean
is_apostrophe (gunichar c)
{
  return c == '\'' || c == 0x2019 || c == 0x2018 || c == 0x02BC || c == '`' || c == 0x00B4;
}

/* Quotation marks, by family: a quotation opens with any mark of a family and closes with
 * a mark of the same family, so that “…”, „…“, ”…”, "…", «…», »…«, ‹…›, '…', ‘…’, ‚…‘ and
 * […] all come out right; marks of other families inside are the quotation's own. */
typedef enum
{
  QUOTE_NONE,
  QUOTE_DOUBLE,
  QUOTE_GUILLEMET,
  QUOTE_SINGLE_GUILLEMET,
  QUOTE_SINGLE,
  QUOTE_BRACKET,
} QuoteKind;

typedef struct
{
  QuoteKind kind;
  guint first_token; /* the first token after the opening mark */
} QuoteState;

static QuoteKind
quote_family (gunichar c)
{
  switch (c)
    {
      case '"':
      case 0x201C: /* “ */
      case 0x201D: /* ” */
      case 0x201E: /* „ */
      case 0x201F: /* ‟ */
        return QUOTE_DOUBLE;
      case 0x00AB: /* « */
      case 0x00BB: /* » */
        return QUOTE_GUILLEMET;
      case 0x2039: /* ‹ */
      case 0x203A: /* › */
        return QUOTE_SINGLE_GUILLEMET;
      case '\'':
      case 0x2018: /* ‘ */
      case 0x2019: /* ’ */
      case 0x201A: /* ‚ */
        return QUOTE_SINGLE;
      case '[':
      case ']':
        return QUOTE_BRACKET;
      default:
        return QUOTE_NONE;
    }
}

/* The character at @next, or 0 at the end: read only when a rule needs it. */
static inline gunichar
peek (const char *next, const char *end)
{
  return next < end ? g_utf8_get_char (next) : 0;
}

static gboolean
is_word_char (gunichar c)
{
  return c != 0 && (c < 0x80 ? g_ascii_isalnum (c) : g_unichar_isalnum (c));
}

/* Whether @c, between @prev and @next, is a quotation mark, and what it does: a quotation
 * only counts once it is closed (in the same paragraph), and then every token inside it is
 * marked, so that a stray mark never hides the rest of a reply. A single quote is one only
 * at the edge of a word ('vermin'), never inside one (don't, t’es, l'idiot). */
static gboolean
update_quote (ToneText *text,
              QuoteState *state,
              gunichar c,
              gunichar prev,
              const char *next,
              const char *end)
{
  QuoteKind family = quote_family (c);
  gboolean opens, closes;

  if (family == QUOTE_NONE)
    return FALSE;

  switch (family)
    {
      case QUOTE_SINGLE:
        opens = !is_word_char (prev) && is_word_char (peek (next, end));
        closes = (is_word_char (prev) || prev == '.' || prev == '!' || prev == '?') &&
                 !is_word_char (peek (next, end));
        break;
      case QUOTE_BRACKET:
        opens = c == '[';
        closes = c == ']';
        break;
      case QUOTE_DOUBLE:
        opens = TRUE;
        closes = c != 0x201E; /* „ only opens */
        break;
      case QUOTE_NONE:
      case QUOTE_GUILLEMET:
      case QUOTE_SINGLE_GUILLEMET:
      default:
        opens = closes = TRUE;
        break;
    }

  if (state->kind == QUOTE_NONE && opens)
    {
      state->kind = family;
      state->first_token = text->tokens->len;
    }
  else if (state->kind == family && closes)
    {
      for (guint i = state->first_token; i < text->tokens->len; i++)
        g_array_index (text->tokens, ToneToken, i).flags |= TONE_TOKEN_IN_QUOTE;
      state->kind = QUOTE_NONE;
    }

  return TRUE;
}

/* Leetspeak inside a word: "s@lope", "a$$hole", "$alope" (but "$40" is money). */
static gunichar
disguised_letter (gunichar c, gboolean in_token, gunichar prev, gunichar next)
{
  if (c == '@' && in_token && next < 0x80 && g_ascii_isalpha (next))
    return 'a';
  if (c == '$' && next < 0x80 && (g_ascii_isalpha (next) || (in_token && next == '$')) &&
      (in_token || !is_word_char (prev)))
    return 's';
  return 0;
}

static void
append_folded (GString *out, gunichar c)
{
  gunichar decomposed[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
  gsize n;

  if (c < 0x80)
    {
      g_string_append_c (out, g_ascii_tolower ((char) c));
      return;
    }

  n = g_unichar_fully_decompose (c, FALSE, decomposed, G_N_ELEMENTS (decomposed));
  for (gsize i = 0; i < n; i++)
    {
      gunichar d = decomposed[i];

      if (g_unichar_ismark (d))
        continue;
      /* Simple case folding with the two differences from lower case that matter here. */
      if (d == 0x00DF || d == 0x1E9E)
        g_string_append (out, "ss");
      else if (d == 0x03C2)
        g_string_append_unichar (out, 0x03C3);
      else
        g_string_append_unichar (out, g_unichar_tolower (d));
    }
}

/* A link starts with a scheme or "www." after something that is not part of a word. */
static gsize
url_prefix_length (const char *p, const char *end)
{
  static const char *const prefixes[] = { "https://", "http://", "www." };

  for (guint i = 0; i < G_N_ELEMENTS (prefixes); i++)
    {
      gsize len = strlen (prefixes[i]);

      if ((gsize) (end - p) >= len && g_ascii_strncasecmp (p, prefixes[i], len) == 0)
        return len;
    }

  return 0;
}

/* -------------------------------------------------------------------------------------- */
/* Public (private) API                                                                   */
/* -------------------------------------------------------------------------------------- */

/*
 * tone_text_new:
 * @str: valid UTF-8 (the caller validates)
 * @length: its length in bytes
 *
 * Tokenizes @str. Links (http://, https://, www.) become spans, not tokens.
 */
ToneText *
tone_text_new (const char *str, gsize length)
{
  ToneText *text = g_new0 (ToneText, 1);
  const char *p = str;
  const char *end = str + length;
  ToneToken token = { 0 };
  QuoteState quote = { QUOTE_NONE, 0 };
  gboolean in_token = FALSE;
  gboolean soft = TRUE;
  gboolean has_digit = FALSE, has_letter = FALSE;
  guint pending = 0;
  guint handle = 0;
  gunichar prev = 0;
  glong ci = 0;

  text->text = str;
  text->length = length;
  text->norm = g_string_sized_new (length + 1);
  text->tokens = g_array_sized_new (FALSE, FALSE, sizeof (ToneToken), length / 5 + 4);
  text->urls = g_array_new (FALSE, FALSE, sizeof (ToneSpan));

  while (p < end)
    {
      gunichar c = g_utf8_get_char (p);
      const char *next = g_utf8_next_char (p);
      gunichar letter = 0;
      gsize url_len;

      if (!in_token && (c == 'h' || c == 'H' || c == 'w' || c == 'W') &&
          !g_unichar_isalnum (prev) && prev != '/' && prev != '.' &&
          (url_len = url_prefix_length (p, end)) > 0)
        {
          ToneSpan span = { p - str, 0 };

          while (p < end && !g_unichar_isspace (g_utf8_get_char (p)))
            {
              p = g_utf8_next_char (p);
              ci++;
            }
          span.end_byte = p - str;
          g_array_append_val (text->urls, span);
          soft = FALSE;
          pending = 0;
          handle = 0;
          prev = '/';
          continue;
        }

      if (c == '@' || c == '$')
        letter = disguised_letter (c, in_token, prev, peek (next, end));

      if (letter != 0 || (c < 0x80 ? g_ascii_isalnum (c) : g_unichar_isalnum (c)))
        {
          if (!in_token)
            {
              in_token = TRUE;
              has_digit = has_letter = FALSE;
              memset (&token, 0, sizeof token);
              token.start_byte = p - str;
              token.start_char = ci;
              token.norm_offset = text->norm->len;
              token.flags = pending | (soft ? TONE_TOKEN_SOFT_GAP : 0);
            }
          if (letter != 0)
            {
              g_string_append_c (text->norm, (char) letter);
              token.flags |= TONE_TOKEN_LEET;
              has_letter = TRUE;
            }
          else
            {
              append_folded (text->norm, c);
              if (c < 0x80 ? g_ascii_isupper (c) : g_unichar_isupper (c))
                token.n_upper++;
              else if (c < 0x80 ? g_ascii_islower (c) : g_unichar_islower (c))
                token.n_lower++;
              else if (c >= 0x80 && g_unichar_istitle (c)) /* slow: a table scan */
                token.n_upper++;
              if (c < 0x80 ? g_ascii_isdigit (c) : g_unichar_isdigit (c))
                has_digit = TRUE;
              else
                has_letter = TRUE;
            }
          token.end_byte = next - str;
          token.end_char = ci + 1;
        }
      else if (in_token && (g_unichar_ismark (c) || c == 0x00AD))
        {
          /* Marks stay with their letter (a decomposed "é"), and so does a soft hyphen. */
          token.end_byte = next - str;
          token.end_char = ci + 1;
        }
      else if (in_token && is_hyphen (c) && g_unichar_isalnum (peek (next, end)))
        {
          g_string_append_c (text->norm, '-');
        }
      else if (in_token && c == '*' && has_letter && !has_digit)
        {
          /* A masked letter: "c*nnard", "id**t", "con**". */
          g_string_append_c (text->norm, '*');
          token.flags |= TONE_TOKEN_MASKED;
          token.end_byte = next - str;
          token.end_char = ci + 1;
        }
      else
        {
          if (in_token)
            {
              in_token = FALSE;
              if (has_digit && !has_letter)
                token.flags |= TONE_TOKEN_DIGITS;
              else if (has_digit)
                token.flags |= TONE_TOKEN_LEET;
              g_string_append_c (text->norm, '\0');
              g_array_append_val (text->tokens, token);
              soft = TRUE;
              pending = 0;
              handle = token.flags & (TONE_TOKEN_HASHTAG | TONE_TOKEN_MENTION);
            }

          /* A handle goes on across underscores: "@big_idiot_99", "#stop_parasites". */
          if (c == '#')
            pending = TONE_TOKEN_HASHTAG;
          else if (c == '@')
            pending = TONE_TOKEN_MENTION;
          else if (c == '_' && (handle != 0 || pending != 0))
            pending = handle != 0 ? handle : pending;
          else
            pending = 0;
          handle = 0;

          if (c == '\n' || c == 0x2029)
            {
              quote.kind = QUOTE_NONE;
              soft = FALSE;
            }
          else if (update_quote (text, &quote, c, prev, next, end) || g_unichar_isspace (c) ||
                   is_apostrophe (c) || g_unichar_ismark (c) || c == '#' || c == '@' ||
                   (c == '_' && pending != 0))
            ; /* a soft gap stays soft */
          else
            soft = FALSE;
        }

      prev = c;
      p = next;
      ci++;
    }

  if (in_token)
    {
      if (has_digit && !has_letter)
        token.flags |= TONE_TOKEN_DIGITS;
      else if (has_digit)
        token.flags |= TONE_TOKEN_LEET;
      g_string_append_c (text->norm, '\0');
      g_array_append_val (text->tokens, token);
    }

  text->n_chars = ci;
  return text;
}

void
tone_text_free (ToneText *text)
{
  if (text == NULL)
    return;
  g_string_free (text->norm, TRUE);
  g_array_unref (text->tokens);
  g_array_unref (text->urls);
  g_free (text);
}

/* Whether @byte is inside a link; *url_end then gets where the link ends. */
gboolean
tone_text_in_url (const ToneText *text, gsize byte, gsize *url_end)
{
  for (guint i = 0; i < text->urls->len; i++)
    {
      const ToneSpan *span = &g_array_index (text->urls, ToneSpan, i);

      if (byte >= span->start_byte && byte < span->end_byte)
        {
          *url_end = span->end_byte;
          return TRUE;
        }
      if (span->start_byte > byte)
        break;
    }

  return FALSE;
}

/* Linear in the text: for the rare hint whose span is not made of tokens. */
glong
tone_text_char_offset (const ToneText *text, gsize byte)
{
  return g_utf8_pointer_to_offset (text->text, text->text + MIN (byte, text->length));
}

char **
tone_tokenize_phrase (const char *phrase, guint *n_tokens)
{
  g_autoptr (ToneText) text = NULL;
  GStrv tokens;

  if (!g_utf8_validate (phrase, -1, NULL))
    return NULL;

  text = tone_text_new (phrase, strlen (phrase));
  if (text->tokens->len == 0 || text->urls->len > 0)
    return NULL;

  tokens = g_new0 (char *, text->tokens->len + 1);
  for (guint i = 0; i < text->tokens->len; i++)
    tokens[i] = g_strdup (tone_text_token (text, i));
  *n_tokens = text->tokens->len;

  return tokens;
}

const TonePhrase *
tone_phrase_set_match (const TonePhraseSet *set, const ToneText *text, guint i)
{
  const ToneToken *first = tone_text_get (text, i);
  GPtrArray *candidates;

  if (first->flags & (TONE_TOKEN_HASHTAG | TONE_TOKEN_MENTION))
    return NULL;

  candidates = g_hash_table_lookup (set->by_first, tone_text_token (text, i));
  if (candidates == NULL)
    return NULL;

  for (guint c = 0; c < candidates->len; c++)
    {
      const TonePhrase *phrase = g_ptr_array_index (candidates, c);
      guint k;

      if (i + phrase->n_tokens > text->tokens->len)
        continue;

      for (k = 1; k < phrase->n_tokens; k++)
        {
          const ToneToken *token = tone_text_get (text, i + k);

          if (!(token->flags & TONE_TOKEN_SOFT_GAP) ||
              (token->flags & (TONE_TOKEN_HASHTAG | TONE_TOKEN_MENTION)))
            break;
          /* Only generalisation patterns have wildcards ("all * are"). */
          if (phrase->tokens[k][0] == '*' && phrase->tokens[k][1] == '\0')
            continue;
          if (strcmp (tone_text_token (text, i + k), phrase->tokens[k]) != 0)
            break;
        }
      if (k == phrase->n_tokens)
        return phrase;
    }

  return NULL;
}

gboolean
tone_phrase_set_ends_before (const TonePhraseSet *set, const ToneText *text, guint i)
{
  /* Phrases of these lists are short: "the word", "c'est", "so genannte". */
  for (guint back = 1; back <= 4 && back <= i; back++)
    {
      const TonePhrase *phrase;

      if (!(tone_text_get (text, i - back + 1)->flags & TONE_TOKEN_SOFT_GAP))
        return FALSE;
      phrase = tone_phrase_set_match (set, text, i - back);
      if (phrase != NULL && phrase->n_tokens == back)
        return TRUE;
    }

  return FALSE;
}
