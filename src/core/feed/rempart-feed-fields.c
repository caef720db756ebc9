/* rempart-feed-fields.c
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rempart-date.h"
#include "rempart-feed-parser-private.h"
#include "rempart-feed-parser.h"

/*
 * Typed access to optional fields. The rule is the same everywhere: absent or null means
 * absent; a value of the wrong type or that we cannot use is ignored with a warning that
 * says where it is, what it is and what was expected; nothing here ever fails the feed.
 */

/* -------------------------------------------------------------------------------------- */
/* Warnings                                                                               */
/* -------------------------------------------------------------------------------------- */

void
rempart_parse_warn (RempartParseContext *ctx,
                    const char *prefix,
                    const char *member,
                    int index,
                    const char *format,
                    ...)
{
  g_autoptr (GString) path = NULL;
  g_autofree char *message = NULL;
  va_list args;

  /* Past the first warnings, only count: no text to format or keep. */
  if (!rempart_feed_count_warning (ctx->feed))
    return;

  path = g_string_new (prefix);
  if (member != NULL)
    {
      if (path->len > 0)
        g_string_append_c (path, '.');
      g_string_append (path, member);
    }
  if (index >= 0)
    g_string_append_printf (path, "[%d]", index);

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  rempart_feed_take_warning (
      ctx->feed,
      /* TRANSLATORS: a problem in a feed file: the file name, a JSON
                              * path such as "items[3].external_url", and what is wrong */
      g_strdup_printf (_ ("%s: %s: %s"), ctx->display_name, path->str, message));
}

/* Whether rempart_text_sanitize() would give @text back as it is (less the spaces around it,
 * in single-line mode): valid UTF-8 without a character that it drops or changes. In either
 * mode: a C0 control (but LF and tab in multi-line text), DEL, a C1 control (U+0080–U+009F,
 * NEL included). In single-line mode also: U+200B–U+200D (zero-width space and joiners,
 * which it keeps or drops by their neighbours), U+2028 and U+2029, U+202A–U+202E, U+2060,
 * U+2066–U+2069 and U+FEFF. */
static gboolean
is_clean (const char *text, RempartTextMode mode)
{
  const guchar *p;

  for (p = (const guchar *) text; *p != '\0'; p++)
    {
      guchar c = *p;

      if (G_LIKELY (c >= 0x20 && c < 0x7F))
        continue;
      if (c < 0x20)
        {
          if (mode == REMPART_TEXT_MULTI_LINE && (c == '\n' || c == '\t'))
            continue;
          return FALSE;
        }
      if (c == 0x7F || (c == 0xC2 && p[1] >= 0x80 && p[1] <= 0x9F))
        return FALSE;
      if (mode != REMPART_TEXT_SINGLE_LINE)
        continue;
      if (c == 0xE2 && p[1] == 0x80 &&
          ((p[2] >= 0x8B && p[2] <= 0x8D) || (p[2] >= 0xA8 && p[2] <= 0xAE)))
        return FALSE;
      if (c == 0xE2 && p[1] == 0x81 && (p[2] == 0xA0 || (p[2] >= 0xA6 && p[2] <= 0xA9)))
        return FALSE;
      if (c == 0xEF && p[1] == 0xBB && p[2] == 0xBF)
        return FALSE;
    }

  /* json-glib lets a lone surrogate through (\ud800): that is rempart_text_sanitize()'s. */
  return g_utf8_validate_len (text, (const char *) p - text, NULL);
}

/*
 * rempart_feed_clean_text:
 *
 * rempart_text_sanitize(), the same text for every input, without its copy character by
 * character for the text that needs none, which is nearly all of a feed: that copy was a
 * sixth of a first sync's parse (issue 14). test-feed-known and fuzz-feed-parser compare
 * both on hostile text.
 *
 * Returns: (transfer full): the clean text
 */
char *
rempart_feed_clean_text (const char *text, RempartTextMode mode)
{
  char *copy;

  if (!is_clean (text, mode))
    return rempart_text_sanitize (text, mode);

  copy = g_strdup (text);
  /* Single-line text is trimmed; only spaces can be at its ends here. */
  return mode == REMPART_TEXT_SINGLE_LINE ? g_strstrip (copy) : copy;
}

static gboolean
is_string (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

/* -------------------------------------------------------------------------------------- */
/* Fields                                                                                 */
/* -------------------------------------------------------------------------------------- */

/* Returns: (nullable): the raw string, not yet cleaned. */
const char *
rempart_parse_string (RempartParseContext *ctx,
                      JsonObject *object,
                      const char *prefix,
                      const char *member)
{
  JsonNode *node = rempart_json_member (object, member);

  if (node == NULL)
    return NULL;

  if (!is_string (node))
    {
      rempart_parse_warn (ctx, prefix, member, -1, _ ("is %s, not a string; it was ignored"),
                          rempart_json_type_name (node));
      return NULL;
    }

  return json_node_get_string (node);
}

/* Returns: (nullable): clean text, or NULL when absent or blank once cleaned. */
char *
rempart_parse_text (RempartParseContext *ctx,
                    JsonObject *object,
                    const char *prefix,
                    const char *member,
                    RempartTextMode mode)
{
  const char *raw = rempart_parse_string (ctx, object, prefix, member);
  g_autofree char *text = NULL;

  if (raw == NULL)
    return NULL;

  text = rempart_feed_clean_text (raw, mode);
  g_strstrip (text);
  if (text[0] == '\0')
    return NULL;

  return g_steal_pointer (&text);
}

/* Returns: (nullable): the clean, non-blank strings of an array of strings. */
GStrv
rempart_parse_text_array (RempartParseContext *ctx,
                          JsonObject *object,
                          const char *prefix,
                          const char *member,
                          RempartTextMode mode)
{
  g_autoptr (GStrvBuilder) builder = NULL;
  JsonArray *array = rempart_parse_array (ctx, object, prefix, member);
  guint n;

  if (array == NULL)
    return NULL;

  builder = g_strv_builder_new ();
  n = json_array_get_length (array);
  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      g_autofree char *text = NULL;

      if (JSON_NODE_HOLDS_NULL (node))
        continue;
      if (!is_string (node))
        {
          rempart_parse_warn (ctx, prefix, member, i, _ ("is %s, not a string; it was ignored"),
                              rempart_json_type_name (node));
          continue;
        }

      text = rempart_feed_clean_text (json_node_get_string (node), mode);
      g_strstrip (text);
      if (text[0] != '\0')
        g_strv_builder_add (builder, text);
    }

  return g_strv_builder_end (builder);
}

GDateTime *
rempart_parse_date (RempartParseContext *ctx,
                    JsonObject *object,
                    const char *prefix,
                    const char *member)
{
  const char *raw = rempart_parse_string (ctx, object, prefix, member);
  GDateTime *date;

  if (raw == NULL)
    return NULL;

  date = rempart_date_parse (raw);
  if (date == NULL)
    {
      g_autofree char *quoted = rempart_text_quote (raw);

      rempart_parse_warn (
          ctx, prefix, member, -1,
          _ ("“%s” is not a date; expected RFC 3339 such as 2024-05-01T18:00:00Z; it was ignored"),
          quoted);
    }

  return date;
}

gboolean
rempart_parse_integer (RempartParseContext *ctx,
                       JsonObject *object,
                       const char *prefix,
                       const char *member,
                       gint64 *out_value)
{
  JsonNode *node = rempart_json_member (object, member);

  if (node == NULL)
    return FALSE;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    {
      rempart_parse_warn (ctx, prefix, member, -1, _ ("is %s, not an integer; it was ignored"),
                          JSON_NODE_HOLDS_VALUE (node) &&
                                  json_node_get_value_type (node) == G_TYPE_DOUBLE
                              ? _ ("a number with a fraction")
                              : rempart_json_type_name (node));
      return FALSE;
    }

  *out_value = json_node_get_int (node);
  return TRUE;
}

JsonObject *
rempart_parse_object (RempartParseContext *ctx,
                      JsonObject *object,
                      const char *prefix,
                      const char *member)
{
  JsonNode *node = rempart_json_member (object, member);

  if (node == NULL)
    return NULL;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      rempart_parse_warn (ctx, prefix, member, -1, _ ("is %s, not an object; it was ignored"),
                          rempart_json_type_name (node));
      return NULL;
    }

  return json_node_get_object (node);
}

JsonArray *
rempart_parse_array (RempartParseContext *ctx,
                     JsonObject *object,
                     const char *prefix,
                     const char *member)
{
  JsonNode *node = rempart_json_member (object, member);

  if (node == NULL)
    return NULL;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      rempart_parse_warn (ctx, prefix, member, -1, _ ("is %s, not an array; it was ignored"),
                          rempart_json_type_name (node));
      return NULL;
    }

  return json_node_get_array (node);
}

/* An optional address such as home_page_url: a bad one is ignored, not fatal. */
char *
rempart_parse_feed_url (RempartParseContext *ctx,
                        JsonObject *object,
                        const char *prefix,
                        const char *member)
{
  g_autoptr (GError) error = NULL;
  const char *raw = rempart_parse_string (ctx, object, prefix, member);
  char *url;

  if (raw == NULL || raw[0] == '\0')
    return NULL;

  url = rempart_feed_normalize_url (raw, &error);
  if (url == NULL)
    /* TRANSLATORS: %s is why an address was refused */
    rempart_parse_warn (ctx, prefix, member, -1, _ ("%s; it was ignored"), error->message);

  return url;
}

/* -------------------------------------------------------------------------------------- */
/* Addresses                                                                              */
/* -------------------------------------------------------------------------------------- */

static gboolean
is_valid_host (const char *host)
{
  /* GUri lets "a b.com" through; a DNS name (IDNs arrive here as xn--) or an IP is all we
   * can open. */
  if (strchr (host, ':') != NULL)
    return g_hostname_is_ip_address (host);

  for (const char *p = host; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '-' && *p != '.' && *p != '_')
      return FALSE;

  return TRUE;
}

/*
 * rempart_feed_url_peek_scheme:
 * @text: an address, as read or typed
 *
 * The scheme of @text (RFC 3986: a letter, then letters, digits, "+", "-" or ".", then ":").
 * Use it, not g_uri_peek_scheme(), on any text from outside: that one interns the scheme, so
 * every address with a new scheme, however hostile, would keep a string for the process's
 * life (the join link's fuzz target crossed GLib's 2,048 quarks this way).
 *
 * Returns: (transfer full) (nullable): the scheme, lower-cased, or %NULL when there is none
 */
char *
rempart_feed_url_peek_scheme (const char *text)
{
  const char *p = text;

  if (!g_ascii_isalpha (*p))
    return NULL;
  while (g_ascii_isalnum (*p) || *p == '+' || *p == '-' || *p == '.')
    p++;
  if (*p != ':')
    return NULL;

  return g_ascii_strdown (text, p - text);
}

/*
 * rempart_feed_normalize_url:
 * @text: an address from a feed
 * @error: a %REMPART_FEED_ERROR_BAD_URL error saying what is wrong with it
 *
 * Checks that @text is an absolute http or https address with a host: no javascript:,
 * data: or file:, no relative or scheme-relative address (we never guess a base). An IRI
 * is accepted: raw non-ASCII and other characters a URI cannot hold are percent-encoded,
 * so the result can go to a browser as is.
 *
 * Returns: (transfer full) (nullable): the address to store
 */
char *
rempart_feed_normalize_url (const char *text, GError **error)
{
  g_autofree char *trimmed = NULL;
  g_autofree char *quoted = NULL;
  g_autofree char *scheme = NULL;
  g_autofree char *escaped = NULL;
  g_autoptr (GUri) uri = NULL;
  g_autoptr (GError) local_error = NULL;
  const char *host;

  g_return_val_if_fail (text != NULL, NULL);

  trimmed = g_strstrip (g_strdup (text));

  for (const char *p = trimmed; *p != '\0'; p++)
    if ((guchar) *p < 0x20 || *p == 0x7F)
      {
        quoted = rempart_text_quote (trimmed);

        g_set_error (error, REMPART_FEED_ERROR, REMPART_FEED_ERROR_BAD_URL,
                     _ ("“%s” contains control characters, which no web address has"), quoted);
        return NULL;
      }

  scheme = rempart_feed_url_peek_scheme (trimmed);
  if (scheme == NULL)
    {
      quoted = rempart_text_quote (trimmed);

      g_set_error (
          error, REMPART_FEED_ERROR, REMPART_FEED_ERROR_BAD_URL,
          g_str_has_prefix (trimmed, "//")
              ? _ ("“%s” has no scheme; expected an absolute http or https address")
              : _ ("“%s” is a relative address; expected an absolute http or https address"),
          quoted);
      return NULL;
    }

  if (strcmp (scheme, "http") != 0 && strcmp (scheme, "https") != 0)
    {
      quoted = rempart_text_quote (trimmed);

      g_set_error (error, REMPART_FEED_ERROR, REMPART_FEED_ERROR_BAD_URL,
                   _ ("“%s” is not an http or https address"), quoted);
      return NULL;
    }

  /* Percent-escapes stay encoded: %E9 (Latin-1) is a valid URI though not UTF-8, and the
   * browser, not us, decides what it means. The host is decoded, and IDNs turned to ASCII. */
  escaped = g_uri_escape_string (trimmed, ":/?#[]@!$&'()*+,;=%", FALSE);
  uri = g_uri_parse (escaped, G_URI_FLAGS_ENCODED, &local_error);
  if (uri == NULL)
    {
      quoted = rempart_text_quote (trimmed);

      g_set_error (error, REMPART_FEED_ERROR, REMPART_FEED_ERROR_BAD_URL,
                   _ ("“%s” is not a valid web address (%s)"), quoted, local_error->message);
      return NULL;
    }

  host = g_uri_get_host (uri);
  if (host == NULL || host[0] == '\0')
    {
      quoted = rempart_text_quote (trimmed);

      g_set_error (error, REMPART_FEED_ERROR, REMPART_FEED_ERROR_BAD_URL,
                   _ ("“%s” has no host name; expected an address such as https://example.org/"),
                   quoted);
      return NULL;
    }

  if (!is_valid_host (host))
    {
      quoted = rempart_text_quote (trimmed);

      g_set_error (error, REMPART_FEED_ERROR, REMPART_FEED_ERROR_BAD_URL,
                   _ ("“%s” has an invalid host name"), quoted);
      return NULL;
    }

  return g_uri_to_string (uri);
}
