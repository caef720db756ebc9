/* rempart-cli-edit.c: rempart-feed new and add, and loading and saving a feed to edit
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rempart-cli-action-options.h"
#include "rempart-cli.h"
#include "rempart-feed-parser.h"
#include "rempart-feed-writer.h"

/*
 * rempart_cli_load_document:
 *
 * Reads a feed file as a JSON document to edit, printing the problem when it cannot.
 */
JsonNode *
rempart_cli_load_document (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autofree char *display = g_filename_display_name (path);
  JsonNode *root = NULL;

  bytes = rempart_cli_read_file (path, REMPART_FEED_MAX_SIZE, &error);
  if (bytes != NULL)
    root = rempart_feed_load_json (bytes, display, &error);
  if (root == NULL)
    rempart_cli_print_error ("%s", error->message);

  return root;
}

/*
 * rempart_cli_save_document:
 *
 * Writes @root to @path, but only once the parser the app uses has accepted the result with
 * nothing skipped: the tool never publishes a feed that volunteers would not get whole.
 */
gboolean
rempart_cli_save_document (JsonNode *root, const char *path, GError **error)
{
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (RempartFeed) feed = NULL;
  g_autofree char *display = g_filename_display_name (path);
  gsize length;
  guint n_skipped;
  char *data;

  data = rempart_feed_document_to_data (root, &length);
  bytes = g_bytes_new_take (data, length);

  feed = rempart_feed_parse (bytes, display, error);
  if (feed == NULL)
    return FALSE;

  n_skipped = rempart_feed_get_n_skipped (feed);
  if (n_skipped > 0)
    {
      GPtrArray *warnings = rempart_feed_get_warnings (feed);

      for (guint i = 0; i < warnings->len; i++)
        g_printerr (
            /* Translators: rempart-feed prints this on standard error before a warning about the
             * feed; %s is the warning */
            _ ("warning: %s\n"), (const char *) g_ptr_array_index (warnings, i));
      g_set_error (error, REMPART_FEED_ERROR, REMPART_FEED_ERROR_INVALID_ACTION,
                   g_dngettext (GETTEXT_PACKAGE,
                                "the app would skip %u action of the result (see the warnings "
                                "above); fix the feed first",
                                "the app would skip %u actions of the result (see the warnings "
                                "above); fix the feed first",
                                n_skipped),
                   n_skipped);
      return FALSE;
    }

  return rempart_cli_write_file (path, bytes, 0644, error);
}

int
rempart_cli_new (int argc, char **argv)
{
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) root = NULL;
  g_autofree char *title = NULL;
  g_autofree char *feed_url = NULL;
  g_autofree char *normalized = NULL;
  g_autofree char *hashtag = NULL;
  g_autofree char *position = NULL;
  g_autofree char *about = NULL;
  g_autofree char *language = NULL;
  g_auto (GStrv) rules = NULL;
  RempartFeedSettings settings = { 0 };
  gboolean force = FALSE;
  const GOptionEntry entries[] = {
    { "title", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &title, N_ ("Name of the group’s feed"),
      /* Translators: placeholder for the value of a rempart-feed command-line option, shown by
       * --help as --option=TITLE; write it in capitals without spaces. Here: a title (of the action
       * or of the group's feed) */
      N_ ("TITLE") },
    { "feed-url", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &feed_url,
      N_ ("Address where the feed will be published"),
      /* Translators: placeholder for the value of a rempart-feed command-line option, shown by
       * --help as --option=URL; write it in capitals without spaces. Here: a web address */
      N_ ("URL") },
    { "hashtag", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &hashtag,
      N_ ("The group hashtag, e.g. #jesuislà"),
      /* Translators: placeholder for the value of a rempart-feed command-line option, shown by
       * --help as --option=HASHTAG; write it in capitals without spaces. Here: the group hashtag,
       * e.g. #jesuislà */
      N_ ("HASHTAG") },
    { "hashtag-position", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &position,
      N_ ("Where replies put the hashtag: start, end or any"),
      /* Translators: placeholder for the value of a rempart-feed command-line option, shown by
       * --help as --option=POSITION; write it in capitals without spaces. Here: where replies put
       * the hashtag (start, end or any) */
      N_ ("POSITION") },
    { "rule", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING_ARRAY, &rules,
      N_ ("One of the group’s rules; repeat for more"),
      /* Translators: placeholder for the value of a rempart-feed command-line option, shown by
       * --help as --option=TEXT; write it in capitals without spaces. Here: a piece of free text */
      N_ ("TEXT") },
    { "about", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &about,
      N_ ("Who the group is and how it works"),
      /* Translators: placeholder for the value of a rempart-feed command-line option, shown by
       * --help as --option=TEXT; write it in capitals without spaces. Here: a piece of free text */
      N_ ("TEXT") },
    { "language", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &language,
      N_ ("The feed’s language, e.g. fr"),
      /* Translators: placeholder for the value of a rempart-feed command-line option, shown by
       * --help as --option=LANG; write it in capitals without spaces. Here: a language code, e.g.
       * fr */
      N_ ("LANG") },
    { "force", 'f', G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, &force,
      N_ ("Overwrite an existing file"), NULL },
    { NULL },
  };

  context = rempart_cli_option_context_new (
      "new",
      /* Translators: the arguments of a rempart-feed command, shown in its usage line (e.g.
       * rempart-feed edit FEED ID); FEED is the feed file, ID an action's id, DIR a folder, URL a
       * web address; capitals, no extra words */
      _ ("FEED"), _ ("Creates an empty feed, ready for “add”."), entries);

  if (!rempart_cli_parse (context, &argc, &argv))
    return REMPART_CLI_EXIT_USAGE;
  if (argc != 2)
    return rempart_cli_usage_error (context, _ ("Give exactly one feed file to create"));
  if (title == NULL || *title == '\0' || feed_url == NULL)
    return rempart_cli_usage_error (context, _ ("Give the feed’s --title and --feed-url"));

  normalized = rempart_feed_normalize_url (feed_url, &error);
  if (normalized == NULL)
    return rempart_cli_usage_error (
        context,
        /* Translators: a usage error of rempart-feed about the --feed-url option (keep the option
         * name); %s is the reason */
        _ ("--feed-url: %s"), error->message);

  if (position != NULL &&
      !rempart_hashtag_position_from_string (position, &settings.hashtag_position))
    return rempart_cli_usage_error (
        context, _ ("--hashtag-position: “%s” is not start, end or any"), position);
  settings.set_hashtag_position = position != NULL;
  settings.hashtag = hashtag;
  settings.about = about;
  settings.language = language;
  settings.rules = (const char *const *) rules;

  root = rempart_feed_document_new (title, normalized);
  if (!rempart_feed_document_set_settings (root, &settings, &error))
    return rempart_cli_usage_error (context, "%s", error->message);

  if (!force && g_file_test (argv[1], G_FILE_TEST_EXISTS))
    {
      rempart_cli_print_error (_ ("%s already exists; use --force to replace it"), argv[1]);
      return REMPART_CLI_EXIT_FAIL;
    }

  if (!rempart_cli_save_document (root, argv[1], &error))
    {
      rempart_cli_print_error ("%s", error->message);
      return REMPART_CLI_EXIT_FAIL;
    }

  return REMPART_CLI_EXIT_OK;
}

int
rempart_cli_add (int argc, char **argv)
{
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) root = NULL;
  g_autofree char *id = NULL;
  g_autofree char *display = NULL;
  g_auto (RempartCliActionOptions) options = REMPART_CLI_ACTION_OPTIONS_INIT;
  int status;

  context = rempart_cli_option_context_new (
      "add",
      /* Translators: the arguments of a rempart-feed command, shown in its usage line (e.g.
       * rempart-feed edit FEED ID); FEED is the feed file, ID an action's id, DIR a folder, URL a
       * web address; capitals, no extra words */
      _ ("FEED"),
      _ ("Adds an action at the top of FEED and increases its sequence number. The action "
         "ends in 48 hours unless --expires or --hours says otherwise. The feed is written "
         "only if the app would accept it."),
      NULL);
  rempart_cli_action_options_add_entries (context, &options, TRUE);

  if (!rempart_cli_parse (context, &argc, &argv))
    return REMPART_CLI_EXIT_USAGE;
  if (argc != 2)
    return rempart_cli_usage_error (context, _ ("Give exactly one feed file"));
  status = rempart_cli_action_options_resolve (&options, context, TRUE);
  if (status != REMPART_CLI_EXIT_OK)
    return status;

  display = g_filename_display_name (argv[1]);
  root = rempart_cli_load_document (argv[1]);
  if (root == NULL)
    return REMPART_CLI_EXIT_FAIL;

  id = options.id != NULL ? g_strdup (options.id) : rempart_feed_new_action_id ();
  options.action.id = id;
  if (!rempart_feed_document_add_action (root, &options.action, &error) ||
      !rempart_cli_save_document (root, argv[1], &error))
    {
      rempart_cli_print_error (_ ("%s: the action was not added: %s"), display, error->message);
      return REMPART_CLI_EXIT_FAIL;
    }

  g_print ("%s\n", id);
  return REMPART_CLI_EXIT_OK;
}
