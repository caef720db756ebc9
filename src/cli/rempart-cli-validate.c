/* rempart-cli-validate.c: rempart-feed validate
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rempart-cli.h"
#include "rempart-feed-parser.h"

/* Returns the exit code for one file, printing what the app would make of it. */
static int
validate_one (const char *path, gboolean strict)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (RempartFeed) feed = NULL;
  g_autofree char *display = g_filename_display_name (path);
  GPtrArray *warnings;
  guint n_actions, n_skipped;

  bytes = rempart_cli_read_file (path, REMPART_FEED_MAX_SIZE, &error);
  if (bytes != NULL)
    feed = rempart_feed_parse (bytes, display, &error);

  if (feed == NULL)
    {
      /* Translators: %s is a file name, then the reason; the feed is refused as a whole. */
      g_printerr (_ ("%s: rejected: %s\n"), display, error->message);
      return REMPART_CLI_EXIT_FAIL;
    }

  warnings = rempart_feed_get_warnings (feed);
  for (guint i = 0; i < warnings->len; i++)
    g_printerr (
        /* Translators: rempart-feed prints this on standard error before a warning about the feed;
         * %s is the warning */
        _ ("warning: %s\n"), (const char *) g_ptr_array_index (warnings, i));

  n_actions = g_list_model_get_n_items (rempart_feed_get_actions (feed));
  n_skipped = rempart_feed_get_n_skipped (feed);

  {
    g_autofree char *actions = g_strdup_printf (
        /* Translators: a count of actions, e.g. “3 actions”, in rempart-feed's validate report and
         * the main window's subtitle */
        g_dngettext (GETTEXT_PACKAGE, "%u action", "%u actions", n_actions), n_actions);
    g_autofree char *skipped = g_strdup_printf (
        /* Translators: the number of actions that were skipped */
        g_dngettext (GETTEXT_PACKAGE, "%u skipped", "%u skipped", n_skipped), n_skipped);

    /* Translators: a file name, then "3 actions", then "1 skipped" */
    g_print (_ ("%s: accepted, %s, %s\n"), display, actions, skipped);
  }

  if (strict && n_skipped > 0)
    return REMPART_CLI_EXIT_FAIL;

  return REMPART_CLI_EXIT_OK;
}

int
rempart_cli_validate (int argc, char **argv)
{
  g_autoptr (GOptionContext) context = NULL;
  gboolean strict = FALSE;
  int status = REMPART_CLI_EXIT_OK;
  const GOptionEntry entries[] = {
    { "strict", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, &strict,
      N_ ("Fail when any action is skipped"), NULL },
    { NULL },
  };

  context = rempart_cli_option_context_new (
      "validate",
      /* Translators: the arguments of a rempart-feed command, shown in its usage line (e.g.
       * rempart-feed edit FEED ID); FEED is the feed file, ID an action's id, DIR a folder, URL a
       * web address; capitals, no extra words */
      _ ("FILE…"),
      _ ("Checks feeds exactly as the app reads them. Exits with 0 when the app would accept "
         "the feed (skipped actions are printed as warnings), 1 when it would reject it, or, "
         "with --strict, when anything was skipped."),
      entries);

  if (!rempart_cli_parse (context, &argc, &argv))
    return REMPART_CLI_EXIT_USAGE;
  if (argc < 2)
    return rempart_cli_usage_error (context, _ ("No feed file given"));

  for (int i = 1; i < argc; i++)
    {
      /* Not inside MAX (): it evaluates its arguments twice. */
      int file_status = validate_one (argv[i], strict);

      status = MAX (status, file_status);
    }

  return status;
}
