/* rempart-cli-edit.c: rempart-feed new and add
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rempart-cli.h"
#include "rempart-date.h"
#include "rempart-feed-parser.h"
#include "rempart-feed-writer.h"

/*
 * Writes @root to @path, but only once the parser the app uses has accepted the result with
 * nothing skipped: the tool never publishes a feed that volunteers would not get whole.
 */
static gboolean
save_document (JsonNode *root, const char *path, GError **error)
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
        g_printerr (_ ("warning: %s\n"), (const char *) g_ptr_array_index (warnings, i));
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
  gboolean force = FALSE;
  const GOptionEntry entries[] = {
    { "title", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &title, N_ ("Name of the group’s feed"),
      N_ ("TITLE") },
    { "feed-url", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &feed_url,
      N_ ("Address where the feed will be published"), N_ ("URL") },
    { "force", 'f', G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, &force,
      N_ ("Overwrite an existing file"), NULL },
    { NULL },
  };

  context = rempart_cli_option_context_new ("new", _ ("FEED"),
                                            _ ("Creates an empty feed, ready for “add”."), entries);

  if (!rempart_cli_parse (context, &argc, &argv))
    return REMPART_CLI_EXIT_USAGE;
  if (argc != 2)
    return rempart_cli_usage_error (context, _ ("Give exactly one feed file to create"));
  if (title == NULL || *title == '\0' || feed_url == NULL)
    return rempart_cli_usage_error (context, _ ("Give the feed’s --title and --feed-url"));

  normalized = rempart_feed_normalize_url (feed_url, &error);
  if (normalized == NULL)
    return rempart_cli_usage_error (context, _ ("--feed-url: %s"), error->message);

  if (!force && g_file_test (argv[1], G_FILE_TEST_EXISTS))
    {
      rempart_cli_print_error (_ ("%s already exists; use --force to replace it"), argv[1]);
      return REMPART_CLI_EXIT_FAIL;
    }

  root = rempart_feed_document_new (title, normalized);
  if (!save_document (root, argv[1], &error))
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
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GDateTime) expires_date = NULL;
  g_autofree char *title = NULL;
  g_autofree char *url = NULL;
  g_autofree char *normalized = NULL;
  g_autofree char *brief = NULL;
  g_autofree char *topic = NULL;
  g_autofree char *expires = NULL;
  g_autofree char *platform = NULL;
  g_autofree char *id = NULL;
  g_autofree char *display = NULL;
  g_auto (GStrv) tags = NULL;
  RempartNewAction action = { 0 };
  const GOptionEntry entries[] = {
    { "title", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &title, N_ ("Title of the action"),
      N_ ("TITLE") },
    { "url", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &url, N_ ("Address of the comment thread"),
      N_ ("THREAD") },
    { "brief", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &brief,
      N_ ("What is going on, what to say and what not to say"), N_ ("BRIEF") },
    { "topic", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &topic,
      N_ ("racism, sexism, lgbtphobia, antisemitism, islamophobia, disability, disinformation or "
          "other"),
      N_ ("TOPIC") },
    { "platform", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &platform,
      N_ ("Where the thread is, e.g. Facebook"), N_ ("PLATFORM") },
    { "expires", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &expires,
      N_ ("When the action ends, as an RFC 3339 date"), N_ ("DATE") },
    { "tag", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING_ARRAY, &tags, N_ ("A tag; repeat for more"),
      N_ ("TAG") },
    { NULL },
  };

  context = rempart_cli_option_context_new (
      "add", _ ("FEED"),
      _ ("Adds an action with a fresh id at the top of FEED and increases its sequence number. "
         "The feed is written only if the app would accept it."),
      entries);

  if (!rempart_cli_parse (context, &argc, &argv))
    return REMPART_CLI_EXIT_USAGE;
  if (argc != 2)
    return rempart_cli_usage_error (context, _ ("Give exactly one feed file"));
  if (title == NULL || *title == '\0')
    return rempart_cli_usage_error (context, _ ("Give the action’s --title"));
  if (url == NULL)
    return rempart_cli_usage_error (context, _ ("Give the thread’s address with --url"));

  normalized = rempart_feed_normalize_url (url, &error);
  if (normalized == NULL)
    return rempart_cli_usage_error (context, _ ("--url: %s"), error->message);

  action.topic = REMPART_TOPIC_NONE;
  if (topic != NULL && !rempart_topic_from_string (topic, &action.topic))
    return rempart_cli_usage_error (context, _ ("--topic: unknown topic “%s”"), topic);

  if (expires != NULL && (expires_date = rempart_date_parse (expires)) == NULL)
    return rempart_cli_usage_error (
        context, _ ("--expires: “%s” is not a date such as 2026-12-31T18:00:00+01:00"), expires);

  display = g_filename_display_name (argv[1]);
  bytes = rempart_cli_read_file (argv[1], REMPART_FEED_MAX_SIZE, &error);
  if (bytes != NULL)
    root = rempart_feed_load_json (bytes, display, &error);
  if (root == NULL)
    {
      rempart_cli_print_error ("%s", error->message);
      return REMPART_CLI_EXIT_FAIL;
    }

  id = rempart_feed_new_action_id ();
  action.id = id;
  action.url = normalized;
  action.title = title;
  action.brief = brief;
  action.platform = platform;
  action.priority = REMPART_PRIORITY_NORMAL;
  action.tags = (const char *const *) tags;
  action.expires = expires_date;

  if (!rempart_feed_document_add_action (root, &action, &error) ||
      !save_document (root, argv[1], &error))
    {
      rempart_cli_print_error (_ ("%s: the action was not added: %s"), display, error->message);
      return REMPART_CLI_EXIT_FAIL;
    }

  g_print ("%s\n", id);
  return REMPART_CLI_EXIT_OK;
}
