/* rempart-join-link.c: reading and writing join links
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rempart-feed-parser.h"
#include "rempart-html-text.h"
#include "rempart-join-link.h"
#include "rempart-minisign.h"

/*
 * A join link is read strictly: whoever sends a volunteer a link decides which group they
 * trust, so anything this version does not understand is refused with a message, never
 * guessed at or skipped. Every message ends with what to do, since the volunteer did not
 * write the link and can only ask for another one.
 */

G_DEFINE_BOXED_TYPE (RempartJoinLink,
                     rempart_join_link,
                     rempart_join_link_copy,
                     rempart_join_link_free)

GQuark
rempart_join_error_quark (void)
{
  return g_quark_from_static_string ("rempart-join-error-quark");
}

/* -------------------------------------------------------------------------------------- */
/* Helpers                                                                                */
/* -------------------------------------------------------------------------------------- */

/* Translators: the end of every message about a bad join link */
#define ASK_AGAIN N_ ("Ask your group’s moderators for the link again.")

static void
set_error (GError **error, RempartJoinError code, const char *what)
{
  g_set_error (error, REMPART_JOIN_ERROR, code, "%s %s", what, _ (ASK_AGAIN));
}

/* Characters that have no place in a name shown as a title: control characters, line and
 * paragraph separators, and the bidirectional overrides that make text read backwards (a
 * name could otherwise pass itself off as another). */
static gboolean
is_forbidden_in_name (gunichar c)
{
  if (g_unichar_iscntrl (c))
    return TRUE;
  if (c == 0x2028 || c == 0x2029)
    return TRUE;
  if ((c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F ||
      c == 0x061C)
    return TRUE;

  return FALSE;
}

static char *
check_name (const char *value, GError **error)
{
  g_autofree char *trimmed = NULL;

  if (!g_utf8_validate (value, -1, NULL))
    {
      set_error (error, REMPART_JOIN_ERROR_BAD_NAME,
                 _ ("The group name in this join link is not readable text."));
      return NULL;
    }

  trimmed = g_strstrip (g_strdup (value));
  if (trimmed[0] == '\0')
    {
      set_error (error, REMPART_JOIN_ERROR_BAD_NAME,
                 _ ("The group name in this join link is empty."));
      return NULL;
    }

  if (g_utf8_strlen (trimmed, -1) > REMPART_JOIN_NAME_MAX_CHARS)
    {
      g_autofree char *what = NULL;

      /* Translators: %d is a number of characters, more than 1 */
      what = g_strdup_printf (_ ("The group name in this join link is longer than %d characters."),
                              REMPART_JOIN_NAME_MAX_CHARS);
      set_error (error, REMPART_JOIN_ERROR_BAD_NAME, what);
      return NULL;
    }

  for (const char *p = trimmed; *p != '\0'; p = g_utf8_next_char (p))
    if (is_forbidden_in_name (g_utf8_get_char (p)))
      {
        set_error (error, REMPART_JOIN_ERROR_BAD_NAME,
                   _ ("The group name in this join link contains control characters."));
        return NULL;
      }

  return g_steal_pointer (&trimmed);
}

static char *
check_feed (const char *value, GError **error)
{
  g_autoptr (GError) local_error = NULL;
  char *url;

  if (!g_utf8_validate (value, -1, NULL))
    {
      set_error (error, REMPART_JOIN_ERROR_BAD_FEED,
                 _ ("The feed address in this join link is not readable text."));
      return NULL;
    }

  url = rempart_feed_normalize_url (value, &local_error);
  if (url == NULL)
    {
      g_autofree char *what = NULL;

      /* Translators: %s says what is wrong with the address */
      what = g_strdup_printf (_ ("The feed address in this join link is wrong: %s."),
                              local_error->message);
      set_error (error, REMPART_JOIN_ERROR_BAD_FEED, what);
      return NULL;
    }

  return url;
}

static char *
check_key (const char *value, GError **error)
{
  g_autoptr (RempartMinisignPublicKey) key = NULL;
  g_autoptr (GError) local_error = NULL;

  key = rempart_minisign_public_key_parse (value, strlen (value), &local_error);
  if (key == NULL)
    {
      g_autofree char *what = NULL;

      /* Translators: %s says what is wrong with the key */
      what = g_strdup_printf (_ ("The group’s key in this join link is damaged (%s)."),
                              local_error->message);
      set_error (error, REMPART_JOIN_ERROR_BAD_KEY, what);
      return NULL;
    }

  return rempart_minisign_public_key_to_base64 (key);
}

/* Decodes one percent-escaped part of the query; NULL for a bad escape or an escaped NUL. */
static char *
unescape (const char *text, gsize len)
{
  g_autofree char *part = g_strndup (text, len);

  return g_uri_unescape_string (part, NULL);
}

/* -------------------------------------------------------------------------------------- */
/* Public API                                                                             */
/* -------------------------------------------------------------------------------------- */

RempartJoinLink *
rempart_join_link_copy (const RempartJoinLink *link)
{
  RempartJoinLink *copy;

  g_return_val_if_fail (link != NULL, NULL);

  copy = g_new0 (RempartJoinLink, 1);
  copy->feed_url = g_strdup (link->feed_url);
  copy->public_key = g_strdup (link->public_key);
  copy->name = g_strdup (link->name);

  return copy;
}

void
rempart_join_link_free (RempartJoinLink *link)
{
  if (link == NULL)
    return;

  g_free (link->feed_url);
  g_free (link->public_key);
  g_free (link->name);
  g_free (link);
}

/*
 * rempart_join_link_looks_like_link:
 * @text: (nullable): what the volunteer pasted
 *
 * Returns: whether @text is meant as a join link (it starts with "rempart:", whatever its
 *   case, after blanks), valid or not: a form then reads it with rempart_join_link_parse()
 *   and shows its error, rather than calling it a wrong web address.
 */
gboolean
rempart_join_link_looks_like_link (const char *text)
{
  if (text == NULL)
    return FALSE;

  while (g_ascii_isspace (*text))
    text++;

  return g_ascii_strncasecmp (text, "rempart:", strlen ("rempart:")) == 0;
}

/*
 * rempart_join_link_parse:
 * @text: a join link, REMPART_JOIN_LINK_PREFIX then feed=, key= (optional) and name=
 *   (optional), each once, percent-escaped, in any order; blanks around it are ignored
 *
 * Returns: (transfer full) (nullable): the link, every field checked, or %NULL with a
 *   REMPART_JOIN_ERROR that says what is wrong and what to do
 */
RempartJoinLink *
rempart_join_link_parse (const char *text, GError **error)
{
  g_autoptr (RempartJoinLink) link = g_new0 (RempartJoinLink, 1);
  g_autofree char *trimmed = NULL;
  g_auto (GStrv) params = NULL;
  gboolean seen_feed = FALSE;
  gboolean seen_key = FALSE;
  gboolean seen_name = FALSE;
  const char *query;

  g_return_val_if_fail (text != NULL, NULL);

  if (strlen (text) > REMPART_JOIN_LINK_MAX_LENGTH * 2)
    {
      set_error (error, REMPART_JOIN_ERROR_TOO_LONG, _ ("This join link is far too long."));
      return NULL;
    }

  trimmed = g_strstrip (g_strdup (text));

  if (g_ascii_strncasecmp (trimmed, REMPART_JOIN_LINK_PREFIX, strlen (REMPART_JOIN_LINK_PREFIX)) !=
      0)
    {
      set_error (error, REMPART_JOIN_ERROR_NOT_A_LINK,
                 _ ("This is not a Rempart join link: it should start with “rempart:join?”."));
      return NULL;
    }

  if (strlen (trimmed) > REMPART_JOIN_LINK_MAX_LENGTH)
    {
      set_error (error, REMPART_JOIN_ERROR_TOO_LONG, _ ("This join link is far too long."));
      return NULL;
    }

  query = trimmed + strlen (REMPART_JOIN_LINK_PREFIX);
  for (const char *p = query; *p != '\0'; p++)
    if ((guchar) *p <= 0x20 || (guchar) *p >= 0x7F || *p == '#')
      {
        set_error (error, REMPART_JOIN_ERROR_MALFORMED,
                   _ ("This join link contains characters that a link cannot have; it may have "
                      "been cut or changed on the way."));
        return NULL;
      }

  params = g_strsplit (query, "&", -1);
  for (guint i = 0; params[i] != NULL; i++)
    {
      const char *param = params[i];
      const char *equals = strchr (param, '=');
      g_autofree char *key = NULL;
      g_autofree char *value = NULL;
      gboolean *seen;

      if (equals == NULL || equals == param)
        {
          set_error (error, REMPART_JOIN_ERROR_MALFORMED,
                     _ ("This join link has a part without a name and a value; it may have been "
                        "cut or changed on the way."));
          return NULL;
        }

      key = unescape (param, equals - param);
      value = unescape (equals + 1, strlen (equals + 1));
      if (key == NULL || value == NULL)
        {
          set_error (error, REMPART_JOIN_ERROR_MALFORMED,
                     _ ("This join link has a damaged escape sequence (“%” followed by something "
                        "else than two hexadecimal digits)."));
          return NULL;
        }

      if (g_str_equal (key, "feed"))
        seen = &seen_feed;
      else if (g_str_equal (key, "key"))
        seen = &seen_key;
      else if (g_str_equal (key, "name"))
        seen = &seen_name;
      else
        {
          g_autofree char *quoted = rempart_text_quote (key);
          g_autofree char *what = NULL;

          /* Translators: %s is the name of a part of a link, such as “feed” */
          what = g_strdup_printf (_ ("This join link has a part that Rempart does not know, "
                                     "“%s”: it may have been changed, or made for a newer "
                                     "version of Rempart."),
                                  quoted);
          set_error (error, REMPART_JOIN_ERROR_UNKNOWN_PARAMETER, what);
          return NULL;
        }

      if (*seen)
        {
          g_autofree char *what = NULL;

          /* Translators: %s is the name of a part of a link: feed, key or name */
          what = g_strdup_printf (_ ("This join link gives “%s” twice, so Rempart cannot tell "
                                     "which one the moderators meant."),
                                  key);
          set_error (error, REMPART_JOIN_ERROR_DUPLICATE_PARAMETER, what);
          return NULL;
        }
      *seen = TRUE;

      if (seen == &seen_feed && (link->feed_url = check_feed (value, error)) == NULL)
        return NULL;
      if (seen == &seen_key && (link->public_key = check_key (value, error)) == NULL)
        return NULL;
      if (seen == &seen_name && (link->name = check_name (value, error)) == NULL)
        return NULL;
    }

  if (!seen_feed)
    {
      set_error (error, REMPART_JOIN_ERROR_MISSING_FEED,
                 _ ("This join link does not say where the group’s feed is."));
      return NULL;
    }

  return g_steal_pointer (&link);
}

/*
 * rempart_join_link_new:
 * @feed_url: the feed's address (http or https)
 * @public_key: (nullable): the group's minisign public key, its base64 line or a whole
 *   minisign.pub; %NULL for an unsigned feed
 * @name: (nullable): the group's name
 *
 * Checks the fields as rempart_join_link_parse() would, so that a link written by
 * rempart_join_link_to_string() always reads back.
 *
 * Returns: (transfer full) (nullable): the link, or %NULL with a REMPART_JOIN_ERROR
 */
RempartJoinLink *
rempart_join_link_new (const char *feed_url,
                       const char *public_key,
                       const char *name,
                       GError **error)
{
  g_autoptr (RempartJoinLink) link = g_new0 (RempartJoinLink, 1);
  g_autofree char *written = NULL;

  g_return_val_if_fail (feed_url != NULL, NULL);

  if ((link->feed_url = check_feed (feed_url, error)) == NULL)
    return NULL;
  if (public_key != NULL && (link->public_key = check_key (public_key, error)) == NULL)
    return NULL;
  if (name != NULL && (link->name = check_name (name, error)) == NULL)
    return NULL;

  written = rempart_join_link_to_string (link);
  if (strlen (written) > REMPART_JOIN_LINK_MAX_LENGTH)
    {
      set_error (error, REMPART_JOIN_ERROR_TOO_LONG,
                 _ ("This join link would be too long: choose a shorter feed address."));
      return NULL;
    }

  return g_steal_pointer (&link);
}

/*
 * rempart_join_link_to_string:
 *
 * Returns: (transfer full): the link, with feed, key and name in that order, every character
 *   but letters, digits and "-._~" percent-escaped (so a "+" of the key is never read as a
 *   space by a tool that decodes forms)
 */
char *
rempart_join_link_to_string (const RempartJoinLink *link)
{
  GString *text;
  g_autofree char *feed = NULL;

  g_return_val_if_fail (link != NULL && link->feed_url != NULL, NULL);

  text = g_string_new (REMPART_JOIN_LINK_PREFIX);
  feed = g_uri_escape_string (link->feed_url, NULL, FALSE);
  g_string_append_printf (text, "feed=%s", feed);

  if (link->public_key != NULL)
    {
      g_autofree char *key = g_uri_escape_string (link->public_key, NULL, FALSE);

      g_string_append_printf (text, "&key=%s", key);
    }

  if (link->name != NULL)
    {
      g_autofree char *name = g_uri_escape_string (link->name, NULL, FALSE);

      g_string_append_printf (text, "&name=%s", name);
    }

  return g_string_free (text, FALSE);
}

/*
 * rempart_join_link_get_key_id:
 *
 * Returns: (transfer full) (nullable): the key id as minisign prints it, or %NULL for an
 *   unsigned feed
 */
char *
rempart_join_link_get_key_id (const RempartJoinLink *link)
{
  g_autoptr (RempartMinisignPublicKey) key = NULL;

  g_return_val_if_fail (link != NULL, NULL);

  if (link->public_key == NULL)
    return NULL;

  key = rempart_minisign_public_key_parse (link->public_key, strlen (link->public_key), NULL);
  if (key == NULL)
    return NULL;

  return rempart_minisign_public_key_get_key_id_string (key);
}

/*
 * rempart_join_link_get_host:
 *
 * Returns: (transfer full): the host of the feed (with its port when it has one), which is
 *   who the volunteer really trusts when the feed is not signed
 */
char *
rempart_join_link_get_host (const RempartJoinLink *link)
{
  g_autoptr (GUri) uri = NULL;

  g_return_val_if_fail (link != NULL, NULL);

  uri = g_uri_parse (link->feed_url, G_URI_FLAGS_ENCODED, NULL);
  if (uri == NULL || g_uri_get_host (uri) == NULL)
    return g_strdup (link->feed_url);

  if (g_uri_get_port (uri) > 0)
    return g_strdup_printf ("%s:%d", g_uri_get_host (uri), g_uri_get_port (uri));

  return g_strdup (g_uri_get_host (uri));
}
