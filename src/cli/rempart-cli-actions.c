/* rempart-cli-actions.c: rempart-feed edit, remove and list
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rempart-cli-action-options.h"
#include "rempart-cli.h"
#include "rempart-date.h"
#include "rempart-feed-parser.h"

int
rempart_cli_edit (int argc, char **argv)
{
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) root = NULL;
  g_autofree char *display = NULL;
  g_auto (RempartCliActionOptions) options = REMPART_CLI_ACTION_OPTIONS_INIT;
  int status;

  context = rempart_cli_option_context_new (
      "edit",
      /* Translators: the arguments of a rempart-feed command, shown in its usage line (e.g.
       * rempart-feed edit FEED ID); FEED is the feed file, ID an action's id, DIR a folder, URL a
       * web address; capitals, no extra words */
      _ ("FEED ID"),
      _ ("Changes the fields given of one action and increases the feed’s sequence number; the "
         "other fields stay as they are. A list option (--tag, --source, --argument) replaces "
         "the whole list; given once and empty, it removes it."),
      NULL);
  rempart_cli_action_options_add_entries (context, &options, FALSE);

  if (!rempart_cli_parse (context, &argc, &argv))
    return REMPART_CLI_EXIT_USAGE;
  if (argc != 3)
    return rempart_cli_usage_error (context, _ ("Give a feed file and the id of an action"));
  status = rempart_cli_action_options_resolve (&options, context, FALSE);
  if (status != REMPART_CLI_EXIT_OK)
    return status;

  display = g_filename_display_name (argv[1]);
  root = rempart_cli_load_document (argv[1]);
  if (root == NULL)
    return REMPART_CLI_EXIT_FAIL;

  if (!rempart_feed_document_edit_action (root, argv[2], &options.action, options.fields, &error) ||
      !rempart_cli_save_document (root, argv[1], &error))
    {
      rempart_cli_print_error (_ ("%s: the action was not changed: %s"), display, error->message);
      return REMPART_CLI_EXIT_FAIL;
    }

  return REMPART_CLI_EXIT_OK;
}

int
rempart_cli_remove (int argc, char **argv)
{
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) root = NULL;
  g_autofree char *display = NULL;

  context = rempart_cli_option_context_new (
      "remove",
      /* Translators: the arguments of a rempart-feed command, shown in its usage line (e.g.
       * rempart-feed edit FEED ID); FEED is the feed file, ID an action's id, DIR a folder, URL a
       * web address; capitals, no extra words */
      _ ("FEED ID…"),
      _ ("Removes actions from FEED and increases its sequence number. Nothing is removed "
         "when one of the ids is not in the feed."),
      NULL);

  if (!rempart_cli_parse (context, &argc, &argv))
    return REMPART_CLI_EXIT_USAGE;
  if (argc < 3)
    return rempart_cli_usage_error (context, _ ("Give a feed file and the id of an action"));

  display = g_filename_display_name (argv[1]);
  root = rempart_cli_load_document (argv[1]);
  if (root == NULL)
    return REMPART_CLI_EXIT_FAIL;

  for (int i = 2; i < argc; i++)
    {
      if (!rempart_feed_document_remove_action (root, argv[i], &error))
        {
          rempart_cli_print_error (_ ("%s: nothing was removed: %s"), display, error->message);
          return REMPART_CLI_EXIT_FAIL;
        }
    }

  if (!rempart_cli_save_document (root, argv[1], &error))
    {
      rempart_cli_print_error (_ ("%s: nothing was removed: %s"), display, error->message);
      return REMPART_CLI_EXIT_FAIL;
    }

  return REMPART_CLI_EXIT_OK;
}

int
rempart_cli_list (int argc, char **argv)
{
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (RempartFeed) feed = NULL;
  g_autoptr (GDateTime) now = NULL;
  g_autofree char *display = NULL;
  GListModel *actions;
  GPtrArray *warnings;
  guint n;

  context = rempart_cli_option_context_new (
      "list",
      /* Translators: the arguments of a rempart-feed command, shown in its usage line (e.g.
       * rempart-feed edit FEED ID); FEED is the feed file, ID an action's id, DIR a folder, URL a
       * web address; capitals, no extra words */
      _ ("FEED"),
      _ ("Lists the actions of FEED as the app reads them, one a line: id, state, priority, "
         "expiry and title, separated by tabs."),
      NULL);

  if (!rempart_cli_parse (context, &argc, &argv))
    return REMPART_CLI_EXIT_USAGE;
  if (argc != 2)
    return rempart_cli_usage_error (context, _ ("Give exactly one feed file"));

  display = g_filename_display_name (argv[1]);
  bytes = rempart_cli_read_file (argv[1], REMPART_FEED_MAX_SIZE, &error);
  if (bytes != NULL)
    feed = rempart_feed_parse (bytes, display, &error);
  if (feed == NULL)
    {
      rempart_cli_print_error ("%s", error->message);
      return REMPART_CLI_EXIT_FAIL;
    }

  warnings = rempart_feed_get_warnings (feed);
  for (guint i = 0; i < warnings->len; i++)
    g_printerr (
        /* Translators: rempart-feed prints this on standard error before a warning about the feed;
         * %s is the warning */
        _ ("warning: %s\n"), (const char *) g_ptr_array_index (warnings, i));

  now = g_date_time_new_now_utc ();
  actions = rempart_feed_get_actions (feed);
  n = g_list_model_get_n_items (actions);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (RempartAction) action = g_list_model_get_item (actions, i);
      GDateTime *expires = rempart_action_get_expires (action);
      g_autofree char *expiry = expires != NULL ? rempart_date_format (expires) : g_strdup ("-");
      const char *state =
          rempart_action_is_expired (action, now)
              /* Translators: the state of an action in the output of rempart-feed list: past
               * its end date */
              ? _ ("expired")
              /* Translators: the state of an action in the output of rempart-feed list: still
               * open (the opposite of expired) */
              : _ ("active");

      g_print ("%s\t%s\t%s\t%s\t%s\n", rempart_action_get_id (action), state,
               rempart_priority_to_string (rempart_action_get_priority (action)), expiry,
               rempart_action_get_title (action));
    }

  return REMPART_CLI_EXIT_OK;
}
