/* rempart-cli-fetch.c: rempart-feed fetch
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "rempart-cli.h"
#include "rempart-feed-parser.h"
#include "rempart-fetcher.h"
#include "rempart-store.h"
#include "rempart-sync.h"

/*
 * `fetch` answers "what would a volunteer's app get?" by being that app: a fresh store in a
 * temporary folder, one subscription with the given key, and one manual refresh by the same
 * RempartSync the app runs. Nothing is kept afterwards.
 */

typedef struct
{
  GMainLoop *loop;
  GPtrArray *reports;
  GError *error;
} RefreshState;

static void
refresh_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  RefreshState *state = user_data;

  state->reports = rempart_sync_refresh_finish (REMPART_SYNC (source), result, &state->error);
  g_main_loop_quit (state->loop);
}

static void
remove_tree (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      g_unlink (child);
    }
  g_rmdir (path);
}

static void
print_actions (RempartStore *store)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) actions = NULL;

  actions = rempart_store_list_actions_sync (store, REMPART_ACTION_VIEW_ALL, &error);
  if (actions == NULL)
    {
      rempart_cli_print_error ("%s", error->message);
      return;
    }

  g_print (
      /* Translators: rempart-feed fetch's report: the number of actions in the downloaded feed */
      _ ("Actions: %u\n"), actions->len);
  for (guint i = 0; i < actions->len; i++)
    {
      RempartStoredAction *stored = g_ptr_array_index (actions, i);

      g_print ("  • %s\n    %s\n", rempart_action_get_title (stored->action),
               rempart_action_get_url (stored->action));
    }
}

/*
 * RempartSync writes its messages for the app, whose timer tries again: they end with
 * "Rempart will try again at 14:05." This command tries once and never again, so that
 * sentence is cut. It is found through the same translated message, so it is cut in every
 * language; a message without it is left as it is.
 */
static char *
without_retry_note (const char *message)
{
  /* The sync's own message, whose first %s is what happened, the second the time. */
  g_auto (GStrv) parts = g_strsplit (_ ("%s Rempart will try again at %s."), "%s", -1);
  const char *note;
  const char *end;

  if (g_strv_length (parts) != 3 || parts[1][0] == '\0')
    return g_strdup (message);

  note = g_strrstr (message, parts[1]);
  if (note == NULL)
    return g_strdup (message);

  /* Only the time and the closing text may follow. */
  end = note + strlen (parts[1]);
  if (!g_str_has_suffix (end, parts[2]) || strlen (end) > strlen (parts[2]) + 32)
    return g_strdup (message);

  return g_strndup (message, note - message);
}

static int
report (RempartStore *store, const RempartSyncReport *sync_report, const char *url)
{
  g_autoptr (GPtrArray) subscriptions = rempart_store_list_subscriptions_sync (store, NULL);
  RempartSubscription *sub = NULL;

  if (subscriptions != NULL && subscriptions->len > 0)
    sub = g_ptr_array_index (subscriptions, 0);

  if (sync_report->outcome != REMPART_SYNC_OUTCOME_UPDATED &&
      sync_report->outcome != REMPART_SYNC_OUTCOME_NOT_MODIFIED)
    {
      g_autofree char *message = without_retry_note (sync_report->message);

      rempart_cli_print_error ("%s", message);
      return REMPART_CLI_EXIT_FAIL;
    }

  g_print (
      /* Translators: rempart-feed fetch's report: the feed's title (or its address) */
      _ ("Feed: %s\n"), sub != NULL && sub->title != NULL ? sub->title : url);
  if (sub != NULL && g_strcmp0 (sub->url, url) != 0)
    g_print (_ ("Moved permanently to: %s\n"), sub->url);

  if (sync_report->is_signed)
    g_print (_ ("Signature: signed, and verified with the pinned key\n"));
  else
    g_print (_ ("Signature: not checked, because no public key was given; the app shows such a "
                "feed as unsigned\n"));

  if (sub != NULL && sub->last_seq >= 0)
    g_print (_ ("Sequence number: %lld\n"), (long long) sub->last_seq);

  if (sync_report->stale)
    g_print (_ ("Out of date: the feed has expired; the app keeps its actions but marks them as "
                "out of date\n"));

  g_print ("%s\n", sync_report->message);
  print_actions (store);

  return REMPART_CLI_EXIT_OK;
}

int
rempart_cli_fetch (int argc, char **argv)
{
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (RempartMinisignPublicKey) key = NULL;
  g_autoptr (RempartStore) store = NULL;
  g_autoptr (RempartFetcher) fetcher = NULL;
  g_autoptr (RempartSync) sync = NULL;
  g_autoptr (RempartSubscription) sub = NULL;
  g_autofree char *key_file = NULL;
  g_autofree char *key_base64 = NULL;
  g_autofree char *key_line = NULL;
  g_autofree char *url = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  RefreshState state = { 0 };
  int status;
  const GOptionEntry entries[] = {
    { "pubkey-file", 'p', G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, &key_file,
      N_ ("Public key file pinned for this feed"),
      /* Translators: placeholder for the value of a rempart-feed command-line option, shown by
       * --help as --option=PUBKEY_FILE; write it in capitals without spaces. Here: a file holding a
       * minisign public key */
      N_ ("PUBKEY_FILE") },
    { "pubkey", 'P', G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &key_base64,
      N_ ("Public key pinned for this feed, as a base64 string"),
      /* Translators: placeholder for the value of a rempart-feed command-line option, shown by
       * --help as --option=KEY; write it in capitals without spaces. Here: a minisign public key in
       * base64 */
      N_ ("KEY") },
    { NULL },
  };

  context = rempart_cli_option_context_new (
      "fetch",
      /* Translators: placeholder for the value of a rempart-feed command-line option, shown by
       * --help as --option=URL; write it in capitals without spaces. Here: a web address */
      _ ("URL"),
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
      key_line = rempart_minisign_public_key_to_base64 (key);
    }

  dir = g_dir_make_tmp ("rempart-feed-fetch-XXXXXX", &error);
  if (dir == NULL)
    {
      rempart_cli_print_error ("%s", error->message);
      return REMPART_CLI_EXIT_FAIL;
    }
  path = g_build_filename (dir, "fetch.db", NULL);

  if (!(store = rempart_store_open_sync (path, NULL, &error)) ||
      !(sub = rempart_store_add_subscription_sync (store, url, key_line, &error)))
    {
      rempart_cli_print_error ("%s", error->message);
      remove_tree (dir);
      return REMPART_CLI_EXIT_FAIL;
    }

  fetcher = rempart_fetcher_new ();
  sync = rempart_sync_new (store, fetcher, NULL);

  state.loop = g_main_loop_new (NULL, FALSE);
  rempart_sync_refresh_async (sync, sub->id, TRUE, NULL, refresh_done_cb, &state);
  g_main_loop_run (state.loop);
  g_main_loop_unref (state.loop);

  if (state.reports == NULL || state.reports->len == 0)
    {
      rempart_cli_print_error ("%s", state.error != NULL ? state.error->message
                                                         : _ ("Nothing was "
                                                              "checked"));
      status = REMPART_CLI_EXIT_FAIL;
    }
  else
    status = report (store, g_ptr_array_index (state.reports, 0), url);

  g_clear_pointer (&state.reports, g_ptr_array_unref);
  g_clear_error (&state.error);
  rempart_store_close (store);
  remove_tree (dir);

  return status;
}
