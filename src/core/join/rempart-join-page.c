/* rempart-join-page.c: the static web page a group puts beside its feed
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rempart-join-page.h"
#include "rempart-join-qr.h"

/*
 * Groups recruit on social networks, which do not make "rempart:" links clickable: the page is
 * the https address they share instead. It needs no script (a static host and a strict
 * Content-Security-Policy are enough), shows the link as a button, its QR code inline, and
 * what to do without the app; the feed address and key are printed too, so that a volunteer
 * can check them against what the moderators say elsewhere.
 */

/* -------------------------------------------------------------------------------------- */
/* Helpers                                                                                */
/* -------------------------------------------------------------------------------------- */

static void
append_escaped (GString *html, const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  g_string_append (html, escaped);
}

static void
append_element (GString *html, const char *tag, const char *text)
{
  g_string_append_printf (html, "<%s>", tag);
  append_escaped (html, text);
  g_string_append_printf (html, "</%s>\n", tag);
}

static const char style[] =
    "body{font-family:Cantarell,system-ui,sans-serif;max-width:40em;margin:2em auto;"
    "padding:0 1em;line-height:1.5;color:#222;background:#fafafa}"
    "a.button{display:inline-block;padding:.6em 1.4em;border-radius:9999px;"
    "background:#3584e4;color:#fff;font-weight:bold;text-decoration:none}"
    "a.button:focus,a.button:hover{background:#1c71d8}"
    "figure{margin:1.5em 0}figure svg{max-width:100%;height:auto}"
    "code{word-break:break-all;background:#eee;padding:.1em .3em}"
    "@media (prefers-color-scheme:dark){body{color:#eee;background:#242424}"
    "code{background:#333}}";

/* -------------------------------------------------------------------------------------- */
/* Public API                                                                             */
/* -------------------------------------------------------------------------------------- */

/*
 * rempart_join_page_html:
 * @link: the group's join link
 * @description: (nullable): a paragraph about the group, plain text
 *
 * Returns: (transfer full) (nullable): an HTML 5 document, in the language of the caller's
 *   locale, every piece of the group's text escaped
 */
char *
rempart_join_page_html (const RempartJoinLink *link, const char *description, GError **error)
{
  g_autoptr (GString) html = g_string_new (NULL);
  g_autofree char *text = NULL;
  g_autofree char *svg = NULL;
  g_autofree char *key_id = NULL;
  g_autofree char *title = NULL;
  const char *name;

  g_return_val_if_fail (link != NULL, NULL);

  text = rempart_join_link_to_string (link);
  svg = rempart_join_qr_svg (text, _ ("QR code of the join link"), error);
  if (svg == NULL)
    return NULL;

  /* Translators: title of the static join page when the group has no name */
  name = link->name != NULL ? link->name : _ ("Our Group");
  /* Translators: the title of the join page; %s is the group's name */
  title = g_strdup_printf (_ ("Join %s"), name);
  key_id = rempart_join_link_get_key_id (link);

  g_string_append (html, "<!DOCTYPE html>\n<html lang=\"");
  /* Translators: the language code of your translation (fr, de, …), for the join page */
  append_escaped (html, C_ ("html-lang", "en"));
  g_string_append (html, "\">\n<head>\n<meta charset=\"utf-8\">\n"
                         "<meta name=\"viewport\" content=\"width=device-width, "
                         "initial-scale=1\">\n");
  append_element (html, "title", title);
  g_string_append_printf (html, "<style>%s</style>\n</head>\n<body>\n<main>\n", style);

  append_element (html, "h1", title);
  if (description != NULL && description[0] != '\0')
    append_element (html, "p", description);

  append_element (html, "p",
                  _ ("This group chooses a few comment threads each day where hate drowns out "
                     "everything else. With Rempart, you see its actions and answer with calm, "
                     "facts and kindness."));

  g_string_append (html, "<p><a class=\"button\" href=\"");
  append_escaped (html, text);
  g_string_append (html, "\">");
  append_escaped (html, _ ("Join in Rempart"));
  g_string_append (html, "</a></p>\n");

  g_string_append_printf (html, "<figure>%s", svg);
  append_element (html, "figcaption",
                  _ ("Or scan this code with the device where Rempart is installed."));
  g_string_append (html, "</figure>\n");

  append_element (html, "h2", _ ("Without the App"));
  g_string_append (html, "<ol>\n<li>");
  append_escaped (html, _ ("Install Rempart from your software centre, or from its website:"));
  g_string_append (html, " <a href=\"" PACKAGE_WEBSITE "\">" PACKAGE_WEBSITE "</a></li>\n<li>");
  append_escaped (html, _ ("Open the button above again, or copy this link and paste it in "
                           "Rempart’s Preferences, Groups, Add a Group:"));
  g_string_append (html, "<br><code>");
  append_escaped (html, text);
  g_string_append (html, "</code></li>\n</ol>\n");

  append_element (html, "h2", _ ("Check Before You Join"));
  g_string_append (html, "<ul>\n<li>");
  /* Translators: label on the static join page, followed by the group feed’s web address */
  append_escaped (html, _ ("Feed address:"));
  g_string_append (html, " <code>");
  append_escaped (html, link->feed_url);
  g_string_append (html, "</code></li>\n<li>");
  if (link->public_key != NULL)
    {
      /* Translators: %s is a key id such as 8A2B7C4D1E0F3A5B */
      g_autofree char *id_text = g_strdup_printf (_ ("key id %s"), key_id);

      /* Translators: label on the static join page, followed by the group’s minisign public key */
      append_escaped (html, _ ("Public key:"));
      g_string_append (html, " <code>");
      append_escaped (html, link->public_key);
      g_string_append (html, "</code> (");
      append_escaped (html, id_text);
      g_string_append (html, ")</li>\n");
    }
  else
    {
      append_escaped (html, _ ("This feed is not signed: Rempart cannot check who publishes "
                               "it."));
      g_string_append (html, "</li>\n");
    }
  g_string_append (html, "</ul>\n<p>");
  append_escaped (html, _ ("Rempart shows the group’s name, address and key before it adds "
                           "anything, and warns you when the feed does not match this link. It "
                           "never posts anything for you."));
  g_string_append (html, "</p>\n</main>\n</body>\n</html>\n");

  return g_string_free (g_steal_pointer (&html), FALSE);
}
