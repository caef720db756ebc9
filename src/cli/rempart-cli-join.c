/* rempart-cli-join.c: rempart-feed join-link
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rempart-cli.h"
#include "rempart-join-page.h"
#include "rempart-join-qr.h"

/*
 * `join-link` prints the link volunteers click to join the group, and writes its QR code and
 * the static join page on request. The key is required unless --unsigned says otherwise, so
 * that a moderator who forgot -p does not hand out a link that trusts nobody in particular.
 */

/* A printed code of 8-pixel modules stays sharp on paper and on a projector. */
#define QR_PIXELS_PER_MODULE 8

static gboolean
write_text (const char *path, const char *text, GError **error)
{
  g_autoptr (GBytes) bytes = g_bytes_new (text, strlen (text));

  return rempart_cli_write_file (path, bytes, 0644, error);
}

static gboolean
write_qr (const char *path, const char *text, const char *name, GError **error)
{
  g_autoptr (GBytes) png = NULL;
  g_autofree char *svg = NULL;

  if (g_str_has_suffix (path, ".svg"))
    {
      svg = rempart_join_qr_svg (text, name, error);
      return svg != NULL && write_text (path, svg, error);
    }

  png = rempart_join_qr_png (text, QR_PIXELS_PER_MODULE, error);
  return png != NULL && rempart_cli_write_file (path, png, 0644, error);
}

int
rempart_cli_join_link (int argc, char **argv)
{
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (RempartMinisignPublicKey) key = NULL;
  g_autoptr (RempartJoinLink) link = NULL;
  g_autofree char *key_file = NULL;
  g_autofree char *key_base64 = NULL;
  g_autofree char *key_line = NULL;
  g_autofree char *name = NULL;
  g_autofree char *description = NULL;
  g_autofree char *qr_file = NULL;
  g_autofree char *page_file = NULL;
  g_autofree char *text = NULL;
  gboolean unsigned_feed = FALSE;
  const GOptionEntry entries[] = {
    { "pubkey-file", 'p', G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, &key_file,
      N_ ("Public key file"),
      /* Translators: placeholder for the value of a rempart-feed command-line option, shown by
       * --help as --option=PUBKEY_FILE; write it in capitals without spaces. Here: a file holding a
       * minisign public key */
      N_ ("PUBKEY_FILE") },
    { "pubkey", 'P', G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &key_base64,
      N_ ("Public key, as a base64 string"),
      /* Translators: placeholder for the value of a rempart-feed command-line option, shown by
       * --help as --option=BASE64_KEY; write it in capitals without spaces. Here: a minisign public
       * key in base64 */
      N_ ("BASE64_KEY") },
    { "unsigned", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, &unsigned_feed,
      N_ ("Make a link to a feed that is not signed"), NULL },
    { "name", 'n', G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &name, N_ ("The group’s name"),
      /* Translators: placeholder for the value of a rempart-feed command-line option, shown by
       * --help as --option=NAME; write it in capitals without spaces. Here: a name */
      N_ ("NAME") },
    { "description", 'd', G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &description,
      N_ ("A paragraph about the group, for the join page"),
      /* Translators: placeholder for the value of a rempart-feed command-line option, shown by
       * --help as --option=TEXT; write it in capitals without spaces. Here: a piece of free text */
      N_ ("TEXT") },
    { "qr", 'q', G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, &qr_file,
      N_ ("Write the link’s QR code to FILE.png or FILE.svg"),
      /* Translators: placeholder for the value of a rempart-feed command-line option, shown by
       * --help as --option=FILE; write it in capitals without spaces. Here: a file name */
      N_ ("FILE") },
    { "page", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, &page_file,
      N_ ("Write a static join page (HTML, no script) to FILE"),
      /* Translators: placeholder for the value of a rempart-feed command-line option, shown by
       * --help as --option=FILE; write it in capitals without spaces. Here: a file name */
      N_ ("FILE") },
    { NULL },
  };

  context = rempart_cli_option_context_new (
      "join-link",
      /* Translators: placeholder for the value of a rempart-feed command-line option, shown by
       * --help as --option=FEED_URL; write it in capitals without spaces. Here: the feed's web
       * address */
      _ ("FEED_URL"),
      _ ("Prints the link that volunteers open to join the group whose feed is at FEED_URL, "
         "and writes its QR code and a join page to put beside the feed."),
      entries);

  if (!rempart_cli_parse (context, &argc, &argv))
    return REMPART_CLI_EXIT_USAGE;
  if (argc != 2)
    return rempart_cli_usage_error (context, _ ("Give exactly one feed address"));
  if (unsigned_feed && (key_file != NULL || key_base64 != NULL))
    return rempart_cli_usage_error (context, _ ("--unsigned cannot go with a public key"));
  if (!unsigned_feed && (key_file == NULL) == (key_base64 == NULL))
    return rempart_cli_usage_error (
        context, _ ("Give the public key with either -p or -P, or --unsigned for a feed that is "
                    "not signed"));
  if (qr_file != NULL && !g_str_has_suffix (qr_file, ".png") && !g_str_has_suffix (qr_file, ".svg"))
    return rempart_cli_usage_error (context, _ ("The QR code file must end in .png or .svg"));

  if (!unsigned_feed)
    {
      key = rempart_cli_load_public_key (key_file, key_base64, &error);
      if (key == NULL)
        {
          rempart_cli_print_error ("%s", error->message);
          return REMPART_CLI_EXIT_FAIL;
        }
      key_line = rempart_minisign_public_key_to_base64 (key);
    }

  link = rempart_join_link_new (argv[1], key_line, name, &error);
  if (link == NULL)
    {
      rempart_cli_print_error ("%s", error->message);
      return REMPART_CLI_EXIT_FAIL;
    }

  text = rempart_join_link_to_string (link);

  if (qr_file != NULL && !write_qr (qr_file, text, link->name, &error))
    {
      rempart_cli_print_error ("%s", error->message);
      return REMPART_CLI_EXIT_FAIL;
    }

  if (page_file != NULL)
    {
      g_autofree char *html = rempart_join_page_html (link, description, &error);

      if (html == NULL || !write_text (page_file, html, &error))
        {
          rempart_cli_print_error ("%s", error->message);
          return REMPART_CLI_EXIT_FAIL;
        }
    }

  g_print ("%s\n", text);

  return REMPART_CLI_EXIT_OK;
}
