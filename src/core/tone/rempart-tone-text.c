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

/* Whether @c is a quotation mark, and what it does to the "inside a quotation" state:
 * guillemets and „ open or close, the symmetric marks toggle (“…” in English, „…“ in
 * German, ”…” in Swedish all come out right). */
static gboolean
update_quote (gunichar c, gboolean *in_quote)
{
  switch (c)
    {
      case 0x00AB: /* « */
      case 0x201E: /* „ */
        *in_quote = TRUE;
        return TRUE;
      case 0x00BB: /* » */
        *in_quote = FALSE;
        return TRUE;
      case '"':
      case 0x201C: /* “ */
      case 0x201D: /* ” */
        *in_quote = !*in_quote;
        return TRUE;
      default:
        return FALSE;
    }
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
  gboolean in_token = FALSE;
  gboolean soft = TRUE;
  gboolean in_quote = FALSE;
  gboolean is_digits = TRUE;
  guint pending = 0;
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
          prev = '/';
          continue;
        }

      if (c < 0x80 ? g_ascii_isalnum (c) : g_unichar_isalnum (c))
        {
          if (!in_token)
            {
              in_token = TRUE;
              is_digits = TRUE;
              memset (&token, 0, sizeof token);
              token.start_byte = p - str;
              token.start_char = ci;
              token.norm_offset = text->norm->len;
              token.flags =
                  pending | (soft ? TONE_TOKEN_SOFT_GAP : 0) | (in_quote ? TONE_TOKEN_IN_QUOTE : 0);
            }
          append_folded (text->norm, c);
          if (c < 0x80 ? g_ascii_isupper (c) : g_unichar_isupper (c))
            token.n_upper++;
          else if (c < 0x80 ? g_ascii_islower (c) : g_unichar_islower (c))
            token.n_lower++;
          else if (c >= 0x80 && g_unichar_istitle (c)) /* slow: a table scan */
            token.n_upper++;
          if (c < 0x80 ? !g_ascii_isdigit (c) : !g_unichar_isdigit (c))
            is_digits = FALSE;
          token.end_byte = next - str;
          token.end_char = ci + 1;
        }
      else if (in_token && (g_unichar_ismark (c) || c == 0x00AD))
        {
          /* Marks stay with their letter (a decomposed "é"), and so does a soft hyphen. */
          token.end_byte = next - str;
          token.end_char = ci + 1;
        }
      else if (in_token && is_hyphen (c) && next < end &&
               g_unichar_isalnum (g_utf8_get_char (next)))
        {
          g_string_append_c (text->norm, '-');
        }
      else
        {
          if (in_token)
            {
              in_token = FALSE;
              if (is_digits)
                token.flags |= TONE_TOKEN_DIGITS;
              g_string_append_c (text->norm, '\0');
              g_array_append_val (text->tokens, token);
              soft = TRUE;
              pending = 0;
            }

          if (c == '#')
            pending = TONE_TOKEN_HASHTAG;
          else if (c == '@')
            pending = TONE_TOKEN_MENTION;
          else
            pending = 0;

          if (c == '\n' || c == 0x2029)
            {
              in_quote = FALSE;
              soft = FALSE;
            }
          else if (update_quote (c, &in_quote) || g_unichar_isspace (c) || is_apostrophe (c) ||
                   g_unichar_ismark (c) || c == '#' || c == '@')
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
      if (is_digits)
        token.flags |= TONE_TOKEN_DIGITS;
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
              (token->flags & (TONE_TOKEN_HASHTAG | TONE_TOKEN_MENTION)) ||
              strcmp (tone_text_token (text, i + k), phrase->tokens[k]) != 0)
            break;
        }
      if (k == phrase->n_tokens)
        return phrase;
    }

  return NULL;
}
