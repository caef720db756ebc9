/* rempart-html-text.c
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "rempart-html-entities.h"
#include "rempart-html-text.h"
#include "rempart-text-line.h"

/*
 * Feeds carry HTML that Rempart never renders: a brief or a title is shown as plain text in
 * a label, so markup from a feed can neither run code nor fake the interface. This file turns
 * HTML into that plain text and cleans text from any source of what a label should not get.
 */

/* HTML maps these numeric references to Windows-1252 characters, and old CMSs rely on it
 * (&#146; for an apostrophe). */
static const gunichar windows_1252[32] = {
  0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
  0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
  0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
};

/* -------------------------------------------------------------------------------------- */
/* Entities                                                                               */
/* -------------------------------------------------------------------------------------- */

static gunichar
numeric_reference (const char *p, const char *limit, const char **end)
{
  gboolean hex = (p < limit && (*p == 'x' || *p == 'X'));
  guint64 value = 0;
  const char *start;

  if (hex)
    p++;
  start = p;

  while (p < limit && (hex ? g_ascii_isxdigit (*p) : g_ascii_isdigit (*p)))
    {
      /* Saturate: a reference with 40 digits must not wrap round into a valid character. */
      if (value <= 0x10FFFF)
        value = value * (hex ? 16 : 10) + (hex ? g_ascii_xdigit_value (*p) : *p - '0');
      p++;
    }

  if (p == start)
    return 0;

  if (p < limit && *p == ';')
    p++;
  *end = p;

  if (value >= 0x80 && value <= 0x9F)
    return windows_1252[value - 0x80];
  if (value == 0 || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF))
    return 0xFFFD;

  return (gunichar) value;
}

/* Decodes the reference that starts at @p (just after '&') and ends before @limit; returns
 * 0 when it is not one, and the text is then kept as written. */
static gunichar
decode_reference (const char *p, const char *limit, const char **end)
{
  char name[12];
  gunichar code;
  gsize len = 0;

  if (p < limit && *p == '#')
    return numeric_reference (p + 1, limit, end);

  while (p + len < limit && g_ascii_isalnum (p[len]) && len < sizeof name - 1)
    {
      name[len] = p[len];
      len++;
    }
  if (len == 0 || p + len >= limit || p[len] != ';')
    return 0;
  name[len] = '\0';

  code = rempart_html_lookup_entity (name);
  if (code == 0)
    return 0;

  *end = p + len + 1;
  return code;
}

static void
append_decoded (GString *out, const char *text, gsize len)
{
  const char *p = text;
  const char *limit = text + len;

  while (p < limit)
    {
      const char *amp = memchr (p, '&', limit - p);
      const char *after = NULL;
      gunichar c;

      if (amp == NULL)
        {
          g_string_append_len (out, p, limit - p);
          break;
        }

      g_string_append_len (out, p, amp - p);
      c = decode_reference (amp + 1, limit, &after);

      if (c == 0)
        {
          g_string_append_c (out, '&');
          p = amp + 1;
        }
      else
        {
          g_string_append_unichar (out, c);
          p = after;
        }
    }
}

/*
 * rempart_html_decode_entities:
 * @text: UTF-8 text
 *
 * Decodes character references (`&amp;`, `&#39;`, `&#x201C;`, `&eacute;`...) in text that a
 * generator escaped for HTML although the field is plain text (JSON Feed titles and
 * content_text from Nunjucks or WordPress). Unknown references are kept as written.
 *
 * Returns: (transfer full): the decoded text
 */
char *
rempart_html_decode_entities (const char *text)
{
  GString *out;

  g_return_val_if_fail (text != NULL, NULL);

  if (strchr (text, '&') == NULL)
    return g_strdup (text);

  out = g_string_sized_new (strlen (text));
  append_decoded (out, text, strlen (text));
  return g_string_free (out, FALSE);
}

/* -------------------------------------------------------------------------------------- */
/* HTML to text                                                                           */
/* -------------------------------------------------------------------------------------- */

typedef struct
{
  GString *out;
  guint in_pre;
} TextBuilder;

/* Elements whose content is never text for a reader. */
static const char *const dropped_elements[] = { "head", "script", "style", "template", "title" };

/* Elements that end a line, and those that end a paragraph. */
static const char *const line_elements[] = { "br", "dd", "div", "dt", "figcaption", "li", "tr" };
static const char *const paragraph_elements[] = {
  "address", "article", "aside", "blockquote", "details", "dl",      "fieldset", "figure", "footer",
  "form",    "h1",      "h2",    "h3",         "h4",      "h5",      "h6",       "header", "hr",
  "main",    "nav",     "ol",    "p",          "pre",     "section", "summary",  "table",  "ul",
};

static gboolean
name_in (const char *name, const char *const *list, gsize n_list)
{
  for (gsize i = 0; i < n_list; i++)
    if (strcmp (name, list[i]) == 0)
      return TRUE;
  return FALSE;
}

static void
builder_break (TextBuilder *b, guint n_newlines)
{
  GString *out = b->out;
  guint have = 0;

  while (out->len > 0 && out->str[out->len - 1] == ' ')
    g_string_truncate (out, out->len - 1);

  if (out->len == 0)
    return;

  for (gsize i = out->len; i > 0 && out->str[i - 1] == '\n'; i--)
    have++;
  for (; have < n_newlines; have++)
    g_string_append_c (out, '\n');
}

static void
builder_text (TextBuilder *b, const char *text, gsize len)
{
  g_autoptr (GString) decoded = g_string_sized_new (len);
  GString *out = b->out;

  append_decoded (decoded, text, len);

  for (gsize i = 0; i < decoded->len; i++)
    {
      char c = decoded->str[i];

      if (b->in_pre > 0)
        {
          g_string_append_c (out, c);
          continue;
        }

      /* HTML collapses runs of white space into one space, and none at the start of a line. */
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f')
        {
          if (out->len > 0 && out->str[out->len - 1] != ' ' && out->str[out->len - 1] != '\n')
            g_string_append_c (out, ' ');
          continue;
        }

      g_string_append_c (out, c);
    }
}

/* Finds the end of the tag that starts at @p ('<'), skipping quoted attribute values which
 * may contain '>'. Returns the position after '>', or @end. */
static const char *
skip_tag (const char *p, const char *end)
{
  char quote = 0;

  for (p++; p < end; p++)
    {
      if (quote != 0)
        {
          if (*p == quote)
            quote = 0;
        }
      else if (*p == '"' || *p == '\'')
        quote = *p;
      else if (*p == '>')
        return p + 1;
    }

  return end;
}

/* Finds "</name" (any case) from @p; returns where it starts, or NULL. */
static const char *
find_closing (const char *p, const char *end, const char *name)
{
  gsize name_len = strlen (name);

  for (; p + 2 + name_len <= end; p++)
    {
      p = memchr (p, '<', end - p);
      if (p == NULL || p + 2 + name_len > end)
        return NULL;
      if (p[1] == '/' && g_ascii_strncasecmp (p + 2, name, name_len) == 0)
        return p;
    }

  return NULL;
}

static const char *
handle_tag (TextBuilder *b, const char *p, const char *end)
{
  const char *q = p + 1;
  gboolean closing = FALSE;
  char name[16];
  gsize len = 0;

  if (q < end && *q == '/')
    {
      closing = TRUE;
      q++;
    }

  while (q < end && g_ascii_isalnum (*q))
    {
      if (len < sizeof name - 1)
        name[len++] = g_ascii_tolower (*q);
      q++;
    }
  name[len] = '\0';

  p = skip_tag (p, end);

  if (name_in (name, dropped_elements, G_N_ELEMENTS (dropped_elements)) && !closing)
    {
      const char *close = find_closing (p, end, name);

      /* An unclosed <head> ends where the body starts; any other unclosed element eats the
       * rest, as a browser would. */
      if (close == NULL && strcmp (name, "head") == 0)
        {
          const char *body = p;

          while ((body = memchr (body, '<', end - body)) != NULL && body + 5 <= end)
            {
              if (g_ascii_strncasecmp (body, "<body", 5) == 0)
                return body;
              body++;
            }
        }

      return close != NULL ? skip_tag (close, end) : end;
    }

  if (strcmp (name, "pre") == 0)
    {
      if (closing && b->in_pre > 0)
        b->in_pre--;
      else if (!closing)
        b->in_pre++;
    }

  if (name_in (name, paragraph_elements, G_N_ELEMENTS (paragraph_elements)))
    builder_break (b, 2);
  else if (name_in (name, line_elements, G_N_ELEMENTS (line_elements)))
    builder_break (b, 1);

  return p;
}

/*
 * rempart_html_to_text:
 * @html: UTF-8 HTML, a fragment or a whole document, possibly malformed
 *
 * Reduces HTML to the text a reader would see: tags are stripped, character references
 * decoded, block elements end lines or paragraphs, and the content of <head>, <style> and
 * <script> is dropped. The result is for a plain-text label; it is never rendered.
 *
 * Returns: (transfer full): the text, possibly empty
 */
char *
rempart_html_to_text (const char *html)
{
  TextBuilder b = { NULL, 0 };
  const char *p;
  const char *end;

  g_return_val_if_fail (html != NULL, NULL);

  end = html + strlen (html);
  b.out = g_string_sized_new (end - html);

  for (p = html; p < end;)
    {
      const char *lt = memchr (p, '<', end - p);

      if (lt == NULL)
        {
          builder_text (&b, p, end - p);
          break;
        }

      builder_text (&b, p, lt - p);
      p = lt;

      if (end - p >= 4 && memcmp (p, "<!--", 4) == 0)
        {
          const char *close = g_strstr_len (p + 4, end - p - 4, "-->");

          p = close != NULL ? close + 3 : end;
        }
      else if (p + 1 < end && (p[1] == '!' || p[1] == '?'))
        p = skip_tag (p, end);
      else if (p + 1 < end &&
               (g_ascii_isalpha (p[1]) || (p[1] == '/' && p + 2 < end && g_ascii_isalpha (p[2]))))
        p = handle_tag (&b, p, end);
      else
        {
          /* A '<' that starts no tag ("a < b") is text. */
          builder_text (&b, "<", 1);
          p++;
        }
    }

  builder_break (&b, 0);
  while (b.out->len > 0 && b.out->str[b.out->len - 1] == '\n')
    g_string_truncate (b.out, b.out->len - 1);

  return g_string_free (b.out, FALSE);
}

/* -------------------------------------------------------------------------------------- */
/* Plain text                                                                             */
/* -------------------------------------------------------------------------------------- */

static gboolean
is_control (gunichar c)
{
  return c < 0x20 || (c >= 0x7F && c <= 0x9F);
}

/*
 * rempart_text_sanitize:
 * @text: text from a feed, in any state
 * @mode: whether line breaks are part of the text
 *
 * Makes @text safe for a label: invalid UTF-8 becomes U+FFFD (json-glib lets a lone
 * surrogate escape through), control characters go, and CR LF becomes LF. In
 * %REMPART_TEXT_SINGLE_LINE mode, the text also goes through rempart_text_for_single_line():
 * tabs and line breaks (U+2028 and U+2029 too) become spaces, bidirectional controls and
 * zero-width characters go, and the result is trimmed.
 *
 * Returns: (transfer full): the clean text
 */
char *
rempart_text_sanitize (const char *text, RempartTextMode mode)
{
  g_autofree char *valid = NULL;
  GString *out;

  g_return_val_if_fail (text != NULL, NULL);

  valid = g_utf8_make_valid (text, -1);
  out = g_string_sized_new (strlen (valid));

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\r')
        {
          if (p[1] == '\n')
            continue;
          c = '\n';
        }

      if (c == '\n' || c == '\t' || c == '\v' || c == '\f')
        {
          if (mode == REMPART_TEXT_SINGLE_LINE)
            g_string_append_c (out, ' ');
          else if (c == '\n' || c == '\t')
            g_string_append_c (out, (char) c);
          continue;
        }

      if (is_control (c))
        continue;

      g_string_append_unichar (out, c);
    }

  if (mode == REMPART_TEXT_SINGLE_LINE)
    {
      g_autofree char *multi = g_string_free (out, FALSE);
      char *line = rempart_text_for_single_line (multi);

      g_strstrip (line);
      return line;
    }

  return g_string_free (out, FALSE);
}

/*
 * rempart_text_truncate:
 * @text: valid UTF-8
 * @max_chars: the longest result, in characters, ellipsis included
 *
 * Returns: (transfer full): @text, cut at a character boundary with "…" when longer
 */
char *
rempart_text_truncate (const char *text, guint max_chars)
{
  const char *cut;
  GString *out;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (max_chars > 1, NULL);

  /* Counting only the bytes that can matter keeps this cheap on a 5 MiB title. */
  if (g_utf8_strlen (text, (gssize) max_chars * 4 + 4) <= (glong) max_chars)
    return g_strdup (text);

  cut = g_utf8_offset_to_pointer (text, max_chars - 1);
  out = g_string_new_len (text, cut - text);
  g_string_append (out, "…");
  return g_string_free (out, FALSE);
}

/*
 * rempart_text_first_line:
 * @text: clean multi-line text
 * @max_chars: the longest result
 *
 * Used for a title when an item has none: the first line that is not blank.
 *
 * Returns: (transfer full) (nullable): the line, or %NULL when @text is blank
 */
char *
rempart_text_first_line (const char *text, guint max_chars)
{
  g_return_val_if_fail (text != NULL, NULL);

  for (const char *p = text; *p != '\0';)
    {
      const char *nl = strchr (p, '\n');
      gsize len = nl != NULL ? (gsize) (nl - p) : strlen (p);
      /* Only the start of a long line can end up in the title. */
      g_autofree char *raw = g_strndup (p, MIN (len, (gsize) max_chars * 4 + 4));
      g_autofree char *line = rempart_text_sanitize (raw, REMPART_TEXT_SINGLE_LINE);

      if (line[0] != '\0')
        return rempart_text_truncate (line, max_chars);

      if (nl == NULL)
        break;
      p = nl + 1;
    }

  return NULL;
}

/*
 * rempart_text_quote:
 * @text: (nullable): user text to show inside a message
 *
 * Returns: (transfer full): @text without control characters, cut to 60 characters, for
 *   messages like “…” is not an http or https address.
 */
char *
rempart_text_quote (const char *text)
{
  g_autofree char *clean = NULL;

  if (text == NULL)
    return g_strdup ("");

  clean = rempart_text_sanitize (text, REMPART_TEXT_SINGLE_LINE);
  return rempart_text_truncate (clean, 60);
}
