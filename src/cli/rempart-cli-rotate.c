/* rempart-cli-rotate.c: rempart-feed rotate, announcing the group's next key
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rempart-cli.h"

/*
 * Key rotation without losing anyone (docs/feed-format.md): the feed names the next key in
 * `_rempart.next_key` while it is still signed with the current one; volunteers' apps that
 * verify it remember the next key, accept the first feed signed with it, and make it the key.
 * Publishing with the next key drops the announcement by itself (rempart_publish_prepare()).
 */

int
rempart_cli_rotate (int argc, char **argv)
{
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) root = NULL;
  g_autoptr (RempartMinisignPublicKey) next = NULL;
  g_autofree char *key_file = NULL;
  g_autofree char *key_base64 = NULL;
  g_autofree char *display = NULL;
  g_autofree char *line = NULL;
  g_autofree char *key_id = NULL;
  gboolean withdraw = FALSE;
  JsonObject *object;
  JsonObject *ext;
  const GOptionEntry entries[] = {
    { "next-key", 'p', G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, &key_file,
      N_ ("The new public key file (from rempart-feed keygen or minisign -G)"),
      /* Translators: placeholder for the value of a rempart-feed command-line option, shown by
       * --help as --option=PUBKEY_FILE; write it in capitals without spaces. Here: a file holding a
       * minisign public key */
      N_ ("PUBKEY_FILE") },
    { "next-key-base64", 'P', G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &key_base64,
      N_ ("The new public key, as a base64 string"),
      /* Translators: placeholder for the value of a rempart-feed command-line option, shown by
       * --help as --option=BASE64_KEY; write it in capitals without spaces. Here: a minisign public
       * key in base64 */
      N_ ("BASE64_KEY") },
    { "withdraw", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, &withdraw,
      N_ ("Remove the announcement (for a next key that was lost or leaked)"), NULL },
    { NULL },
  };

  context = rempart_cli_option_context_new (
      "rotate",
      /* Translators: the arguments of a rempart-feed command, shown in its usage line (e.g.
       * rempart-feed edit FEED ID); FEED is the feed file, ID an action's id, DIR a folder, URL a
       * web address; capitals, no extra words */
      _ ("FEED"),
      _ ("Announces in FEED the public key the group will sign with next, so that volunteers "
         "follow the change of key on their own. Then: publish FEED signed with the current "
         "key; wait until the volunteers’ apps have read it (a few days, at least the feed’s "
         "freshness); publish it signed with the new key. Their apps accept the new key from "
         "that feed on and refuse the old one. A group that lost its key cannot do this: make a "
         "new key and share a new join link (see the help)."),
      entries);

  if (!rempart_cli_parse (context, &argc, &argv))
    return REMPART_CLI_EXIT_USAGE;
  if (argc != 2)
    return rempart_cli_usage_error (context, _ ("Give exactly one feed file"));
  if ((key_file != NULL) + (key_base64 != NULL) + (withdraw != FALSE) != 1)
    return rempart_cli_usage_error (context, _ ("Give the next key with -p or -P, or --withdraw"));

  display = g_filename_display_name (argv[1]);
  if (!withdraw)
    {
      next = rempart_cli_load_public_key (key_file, key_base64, &error);
      if (next == NULL)
        {
          rempart_cli_print_error (_ ("%s: not changed: %s"), display, error->message);
          return REMPART_CLI_EXIT_FAIL;
        }
      line = rempart_minisign_public_key_to_base64 (next);
      key_id = rempart_minisign_public_key_get_key_id_string (next);
    }

  root = rempart_cli_load_document (argv[1]);
  if (root == NULL)
    return REMPART_CLI_EXIT_FAIL;
  object = json_node_get_object (root);
  if (!json_object_has_member (object, "_rempart") ||
      !JSON_NODE_HOLDS_OBJECT (json_object_get_member (object, "_rempart")))
    json_object_set_object_member (object, "_rempart", json_object_new ());
  ext = json_object_get_object_member (object, "_rempart");

  if (withdraw)
    json_object_remove_member (ext, "next_key");
  else
    json_object_set_string_member (ext, "next_key", line);

  if (!rempart_cli_save_document (root, argv[1], &error))
    {
      rempart_cli_print_error (_ ("%s: not changed: %s"), display, error->message);
      return REMPART_CLI_EXIT_FAIL;
    }

  if (withdraw)
    /* Translators: a file name */
    g_print (_ ("%s no longer announces a next key. Publish it to tell the volunteers’ apps.\n"),
             display);
  else
    /* Translators: a file name, then a key id such as 8A2B7C4D1E0F3A5B */
    g_print (_ ("%s announces the next key %s. Publish it signed with the current key now; in a "
                "few days, publish it signed with the new key.\n"),
             display, key_id);
  return REMPART_CLI_EXIT_OK;
}
