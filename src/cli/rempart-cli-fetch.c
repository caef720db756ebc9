/* rempart-cli-fetch.c: rempart-feed fetch
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rempart-cli.h"
#include "rempart-feed-parser.h"
#include "rempart-fetcher.h"

/* Prints what a volunteer's app would get from the feed that was downloaded. */
static int
report_feed (RempartFetchResult *result, const char *url)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RempartFeed) feed = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  GBytes *body = rempart_fetch_result_get_body (result);
  GPtrArray *warnings;
  GDateTime *expires;
  guint n_actions;

  feed = rempart_feed_parse (body, url, &error);
  if (feed == NULL)
    {
      rempart_cli_print_error (_ ("%s: rejected: %s"), url, error->message);
      return REMPART_CLI_EXIT_FAIL;
    }

  warnings = rempart_feed_get_warnings (feed);
  for (guint i = 0; i < warnings->len; i++)
    g_printerr (_ ("warning: %s\n"), (const char *) g_ptr_array_index (warnings, i));

  n_actions = g_list_model_get_n_items (rempart_feed_get_actions (feed));
  g_print (_ ("Feed: %s\n"), rempart_feed_get_title (feed) ? rempart_feed_get_title (feed) : url);
  g_print (_ ("Address: %s\n"), rempart_fetch_result_get_final_url (result));
  if (rempart_fetch_result_get_permanent_url (result) != NULL)
    g_print (_ ("Moved permanently to: %s\n"), rempart_fetch_result_get_permanent_url (result));

  if (rempart_fetch_result_get_signed (result))
    g_print (_ ("Signature: signed, verified with the pinned key (trusted comment: %s)\n"),
             rempart_fetch_result_get_trusted_comment (result));
  else
    g_print (_ ("Signature: not checked, because no public key was given; the app shows such a "
                "feed as unsigned\n"));

  if (rempart_feed_get_seq (feed) >= 0)
    g_print (_ ("Sequence number: %lld\n"), (long long) rempart_feed_get_seq (feed));

  expires = rempart_feed_get_expires (feed);
  if (expires != NULL)
    {
      g_autofree char *text = g_date_time_format_iso8601 (expires);

      if (g_date_time_compare (expires, now) < 0)
        g_print (_ ("Expires: %s (stale: the app keeps the actions but marks them as out of "
                    "date)\n"),
                 text);
      else
        g_print (_ ("Expires: %s\n"), text);
    }

  g_print (_ ("Actions: %u\n"), n_actions);
  g_print (_ ("Skipped: %u\n"), rempart_feed_get_n_skipped (feed));

  for (guint i = 0; i < n_actions; i++)
    {
      g_autoptr (RempartAction) action = g_list_model_get_item (rempart_feed_get_actions (feed), i);

      g_print ("  • %s\n    %s\n", rempart_action_get_title (action),
               rempart_action_get_url (action));
    }

  return REMPART_CLI_EXIT_OK;
}

int
rempart_cli_fetch (int argc, char **argv)
{
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (RempartMinisignPublicKey) key = NULL;
  g_autoptr (RempartFetcher) fetcher = NULL;
  g_autoptr (RempartFetchResult) result = NULL;
  g_autofree char *key_file = NULL;
  g_autofree char *key_base64 = NULL;
  g_autofree char *url = NULL;
  RempartFetchRequest request = { 0 };
  const GOptionEntry entries[] = {
    { "pubkey-file", 'p', G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, &key_file,
      N_ ("Public key file pinned for this feed"), N_ ("PUBKEY_FILE") },
    { "pubkey", 'P', G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &key_base64,
      N_ ("Public key pinned for this feed, as a base64 string"), N_ ("KEY") },
    { NULL },
  };

  context = rempart_cli_option_context_new (
      "fetch", _ ("URL"),
      _ ("Downloads the feed at URL with the app’s own sync engine (and, with a key, its "
         "signature at URL.minisig) and reports what a volunteer’s app would get."),
      entries);

  if (!rempart_cli_parse (context, &argc, &argv))
    return REMPART_CLI_EXIT_USAGE;
  if (argc != 2)
    return rempart_cli_usage_error (context, _ ("Give exactly one feed address"));
  if (key_file != NULL && key_base64 != NULL)
    return rempart_cli_usage_error (context, _ ("Give the public key with either -p or -P"));

  url = rempart_feed_normalize_url (argv[1], &error);
  if (url == NULL)
    return rempart_cli_usage_error (context, "%s", error->message);

  if (key_file != NULL || key_base64 != NULL)
    {
      key = rempart_cli_load_public_key (key_file, key_base64, &error);
      if (key == NULL)
        {
          rempart_cli_print_error (_ ("The public key is not usable: %s"), error->message);
          return REMPART_CLI_EXIT_FAIL;
        }
    }

  request.url = url;
  request.public_key = key;

  fetcher = rempart_fetcher_new ();
  result = rempart_fetcher_fetch_sync (fetcher, &request, NULL, &error);
  if (result == NULL)
    {
      rempart_cli_print_error ("%s", error->message);
      return REMPART_CLI_EXIT_FAIL;
    }

  switch (rempart_fetch_result_get_status (result))
    {
      case REMPART_FETCH_STATUS_OK:
        return report_feed (result, url);

      case REMPART_FETCH_STATUS_NOT_MODIFIED:
        g_print (_ ("Not modified since the last download\n"));
        return REMPART_CLI_EXIT_OK;

      case REMPART_FETCH_STATUS_RETRY_LATER:
        {
          gint64 seconds = rempart_fetch_result_get_retry_after (result);

          rempart_cli_print_error (g_dngettext (GETTEXT_PACKAGE,
                                                "The server is busy and asks to try again in "
                                                "%lld second",
                                                "The server is busy and asks to try again in "
                                                "%lld seconds",
                                                (gulong) MIN (seconds, G_MAXLONG)),
                                   (long long) seconds);
        }
        return REMPART_CLI_EXIT_FAIL;

      case REMPART_FETCH_STATUS_GONE:
        rempart_cli_print_error (_ ("The feed has been removed for good (HTTP 410): the group no "
                                    "longer publishes it here"));
        return REMPART_CLI_EXIT_FAIL;

      default:
        g_assert_not_reached ();
    }
}
