/* rempart-cli-upload.c: rempart-feed publish, signing and uploading a feed by WebDAV
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <libsoup/soup.h>
#include <string.h>

#include "rempart-cli.h"
#include "rempart-feed-merge.h"
#include "rempart-feed-parser.h"
#include "rempart-keyring.h"
#include "rempart-publisher.h"

/*
 * The same publish as the app's (src/core/publish): checked, seq raised, fresh until, signed,
 * then the feed and its signature uploaded with If-Match. What the command line adds is a
 * memory of the copy it last published, FEED.last-published beside FEED (its exact bytes): it
 * is the base that tells "someone else published since" (exit 3) from "the server still holds
 * what I published", and the base of the three-way merge of --merge.
 */

/* ------------------------------------------------------------------------------------------ */
/* Structures                                                                                 */
/* ------------------------------------------------------------------------------------------ */

typedef struct
{
  char *feed_path;
  char *base_path;
  char *display;
  char *url;
  char *user;
  char *sec_file;
  RempartCliPasswordSource key_password;
  RempartCliPasswordSource server_password;
  char *prefer;
  int days;
  int timeout;
  gboolean merge;
  gboolean remember;
  gboolean no_keyring;

  RempartKeyring *keyring;
  RempartPublisher *publisher;
  RempartMinisignSecretKey *key;
  char *password;
} Publish;

/* ------------------------------------------------------------------------------------------ */
/* Helpers                                                                                    */
/* ------------------------------------------------------------------------------------------ */

static void
publish_clear (Publish *p)
{
  g_free (p->feed_path);
  g_free (p->base_path);
  g_free (p->display);
  g_free (p->url);
  g_free (p->user);
  g_free (p->sec_file);
  rempart_cli_password_source_clear (&p->key_password);
  rempart_cli_password_source_clear (&p->server_password);
  g_free (p->prefer);
  g_clear_object (&p->keyring);
  g_clear_object (&p->publisher);
  g_clear_pointer (&p->key, rempart_minisign_secret_key_unref);
  if (p->password != NULL)
    memset (p->password, 0, strlen (p->password));
  g_free (p->password);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Publish, publish_clear)

static gboolean
is_web_address (const char *url)
{
  g_autoptr (GUri) uri = g_uri_parse (url, SOUP_HTTP_URI_FLAGS, NULL);

  return uri != NULL && g_uri_get_host (uri) != NULL && *g_uri_get_host (uri) != '\0' &&
         (g_ascii_strcasecmp (g_uri_get_scheme (uri), "http") == 0 ||
          g_ascii_strcasecmp (g_uri_get_scheme (uri), "https") == 0);
}

/* The server's password: given in a file or descriptor, else from the keyring, else typed. */
static gboolean
find_server_password (Publish *p, GError **error)
{
  g_autoptr (GError) local_error = NULL;
  g_autofree char *prompt = NULL;

  if (p->user == NULL)
    return TRUE;
  if (p->server_password.file != NULL || p->server_password.fd >= 0)
    {
      p->password =
          rempart_cli_read_password_from (p->server_password.file, p->server_password.fd, error);
      return p->password != NULL;
    }

  if (!p->no_keyring)
    {
      p->password = rempart_keyring_lookup_password_sync (p->keyring, p->url, p->user, NULL, NULL,
                                                          &local_error);
      if (p->password != NULL)
        return TRUE;
      if (!g_error_matches (local_error, REMPART_KEYRING_ERROR, REMPART_KEYRING_ERROR_NOT_FOUND))
        rempart_cli_print_error ("%s", local_error->message);
    }

  /* Translators: a user name, then a web address */
  prompt = g_strdup_printf (_ ("Password of %s at %s: "), p->user, p->url);
  p->password = rempart_cli_read_password (prompt, error);
  return p->password != NULL;
}

/* The secret key: the file given with -s, or the one the app keeps in the keyring for this
 * feed (Moderation → Keys), so that a key made in the app also publishes from scripts. */
static gboolean
open_key (Publish *p, GError **error)
{
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) local_error = NULL;

  if (p->sec_file != NULL)
    p->key = rempart_cli_open_secret_key (p->sec_file, &p->key_password, error);
  else
    {
      bytes = rempart_keyring_lookup_secret_key_sync (p->keyring, p->url, NULL, NULL, &local_error);
      if (bytes == NULL &&
          g_error_matches (local_error, REMPART_KEYRING_ERROR, REMPART_KEYRING_ERROR_NOT_FOUND))
        {
          g_set_error (error, REMPART_KEYRING_ERROR, REMPART_KEYRING_ERROR_NOT_FOUND,
                       _ ("no secret key is kept in the keyring for %s: give the key file "
                          "with -s"),
                       p->url);
          return FALSE;
        }
      if (bytes == NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      p->key = rempart_cli_open_secret_key_bytes (bytes, &p->key_password, error);
    }
  return p->key != NULL;
}

static GBytes *
read_base (Publish *p, GError **error)
{
  g_autoptr (GError) local_error = NULL;
  GBytes *base;

  base = rempart_cli_read_file (p->base_path, REMPART_FEED_MAX_SIZE, &local_error);
  if (base == NULL && !g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
    g_propagate_error (error, g_steal_pointer (&local_error));
  return base;
}

static RempartPublishReceipt *
upload (Publish *p, GBytes *feed, const char *etag, GBytes *base, GError **error)
{
  g_autoptr (RempartPublication) publication = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  RempartPublishTarget target = {
    .feed_url = p->url,
    .user = p->user,
    .password = p->password,
    .etag = etag,
    .base = base,
  };

  publication =
      rempart_publish_prepare (feed, p->display, p->key, now, p->days * G_TIME_SPAN_DAY, error);
  if (publication == NULL)
    return NULL;
  return rempart_publisher_publish_sync (p->publisher, &target, publication, NULL, error);
}

/* After a conflict: the server's copy merged with ours, by action, against the base. */
static int
merge_and_upload (Publish *p, GBytes *ours, GBytes *base, RempartPublishReceipt **out_receipt)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RempartServerCopy) copy = NULL;
  g_autoptr (RempartFeedMerge) merge = NULL;
  g_autoptr (GBytes) merged = NULL;
  g_autofree char *report = NULL;
  guint n_conflicts;
  RempartPublishTarget target = { .feed_url = p->url, .user = p->user, .password = p->password };

  copy = rempart_publisher_fetch_current_sync (p->publisher, &target, NULL, &error);
  if (copy == NULL)
    {
      rempart_cli_print_error ("%s", error->message);
      return REMPART_CLI_EXIT_FAIL;
    }
  if (copy->feed == NULL)
    {
      rempart_cli_print_error (_ ("%s: the feed was removed from the server meanwhile; nothing "
                                  "was uploaded. Publish again without --merge to put it "
                                  "back."),
                               p->url);
      return REMPART_CLI_EXIT_CONFLICT;
    }

  merge = rempart_feed_merge_new (base, ours, copy->feed, &error);
  if (merge == NULL)
    {
      rempart_cli_print_error (_ ("The server’s copy cannot be merged with yours: %s"),
                               error->message);
      return REMPART_CLI_EXIT_FAIL;
    }

  report = rempart_feed_merge_describe (merge);
  g_print ("%s", report);
  if (*report != '\0' && report[strlen (report) - 1] != '\n')
    g_print ("\n");

  n_conflicts = rempart_feed_merge_get_n_conflicts (merge);
  if (n_conflicts > 0 && p->prefer == NULL)
    {
      rempart_cli_print_error (
          g_dngettext (GETTEXT_PACKAGE,
                       "%u action or setting was changed both here and on the server; nothing "
                       "was uploaded. Run again with --prefer ours or --prefer theirs to say "
                       "whose version to keep.",
                       "%u actions or settings were changed both here and on the server; "
                       "nothing was uploaded. Run again with --prefer ours or --prefer theirs "
                       "to say whose versions to keep.",
                       n_conflicts),
          n_conflicts);
      return REMPART_CLI_EXIT_CONFLICT;
    }
  if (n_conflicts > 0)
    rempart_feed_merge_resolve_all (merge, g_str_equal (p->prefer, "ours") ? REMPART_MERGE_OURS
                                                                           : REMPART_MERGE_THEIRS);

  merged = rempart_feed_merge_get_result (merge, &error);
  if (merged == NULL || !(*out_receipt = upload (p, merged, copy->etag, copy->feed, &error)))
    {
      rempart_cli_print_error ("%s", error->message);
      return g_error_matches (error, REMPART_PUBLISH_ERROR, REMPART_PUBLISH_ERROR_CONFLICT)
                 ? REMPART_CLI_EXIT_CONFLICT
                 : REMPART_CLI_EXIT_FAIL;
    }
  return REMPART_CLI_EXIT_OK;
}

static int
run (Publish *p)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) feed = NULL;
  g_autoptr (GBytes) base = NULL;
  g_autoptr (RempartPublishReceipt) receipt = NULL;
  g_autofree char *seq = NULL;
  int status;

  p->keyring = rempart_keyring_new (NULL);
  p->publisher = rempart_publisher_new ();
  rempart_publisher_set_timeout (p->publisher, p->timeout);

  if (!(feed = rempart_cli_read_file (p->feed_path, REMPART_FEED_MAX_SIZE, &error)) ||
      (!(base = read_base (p, &error)) && error != NULL) || !open_key (p, &error) ||
      !find_server_password (p, &error))
    {
      rempart_cli_print_error (_ ("%s: not published: %s"), p->display, error->message);
      return REMPART_CLI_EXIT_FAIL;
    }

  receipt = upload (p, feed, NULL, base, &error);
  if (receipt == NULL &&
      g_error_matches (error, REMPART_PUBLISH_ERROR, REMPART_PUBLISH_ERROR_CONFLICT))
    {
      if (!p->merge)
        {
          rempart_cli_print_error ("%s", error->message);
          rempart_cli_print_error (_ ("Run the same command with --merge to fetch their "
                                      "version, merge it with yours action by action, and "
                                      "publish the merge."));
          return REMPART_CLI_EXIT_CONFLICT;
        }
      g_clear_error (&error);
      status = merge_and_upload (p, feed, base, &receipt);
      if (status != REMPART_CLI_EXIT_OK)
        return status;
    }
  else if (receipt == NULL)
    {
      rempart_cli_print_error (_ ("%s: not published: %s"), p->display, error->message);
      return REMPART_CLI_EXIT_FAIL;
    }

  /* The server holds it now: the moderators' file gets the raised seq, and the copy beside it
   * is the base of the next publish. */
  if (!rempart_cli_write_file (p->feed_path, receipt->feed, 0644, &error) ||
      !rempart_cli_write_file (p->base_path, receipt->feed, 0644, &error))
    {
      rempart_cli_print_error (_ ("%s was published, but could not be saved here: %s"), p->display,
                               error->message);
      return REMPART_CLI_EXIT_FAIL;
    }

  if (p->remember && p->user != NULL &&
      !rempart_keyring_store_password_sync (p->keyring, p->url, p->user, p->password, NULL, NULL,
                                            &error))
    rempart_cli_print_error (_ ("The password could not be kept in the keyring: %s"),
                             error->message);

  seq = g_strdup_printf ("%" G_GINT64_FORMAT, receipt->seq);
  /* Translators: a file name, a sequence number and a web address */
  g_print (_ ("%s: seq %s published to %s\n"), p->display, seq, p->url);
  return REMPART_CLI_EXIT_OK;
}

/* ------------------------------------------------------------------------------------------ */
/* Public API                                                                                 */
/* ------------------------------------------------------------------------------------------ */

int
rempart_cli_publish (int argc, char **argv)
{
  g_autoptr (GOptionContext) context = NULL;
  g_auto (Publish) p = {
    .key_password = REMPART_CLI_PASSWORD_SOURCE_INIT,
    .server_password = REMPART_CLI_PASSWORD_SOURCE_INIT,
    .days = 7,
  };
  const GOptionEntry entries[] = {
    { "seckey-file", 's', G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, &p.sec_file,
      N_ ("Secret key file (default: the key the app keeps in the keyring for URL)"),
      /* Translators: placeholder for the value of a rempart-feed command-line option, shown by
       * --help as --option=SECKEY; write it in capitals without spaces. Here: a file holding the
       * minisign secret key */
      N_ ("SECKEY") },
    { "user", 'u', G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &p.user,
      N_ ("User name on the server (HTTP basic authentication)"),
      /* Translators: placeholder for the value of a rempart-feed command-line option, shown by
       * --help as --option=NAME; write it in capitals without spaces. Here: a name */
      N_ ("NAME") },
    { "days", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_INT, &p.days,
      N_ ("How many days the published copy stays fresh (default: 7)"),
      /* Translators: placeholder for the value of a rempart-feed command-line option, shown by
       * --help as --option=N; write it in capitals without spaces. Here: a whole number */
      N_ ("N") },
    { "merge", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, &p.merge,
      N_ ("When someone else published since, merge their version with yours and publish "
          "the merge"),
      NULL },
    { "prefer", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &p.prefer,
      N_ ("With --merge, whose version of an action changed on both sides to keep"),
      /* Translators: placeholder for the value of rempart-feed publish's conflict option: the
       * literal words ours and theirs are typed by the user, so keep them in English; only the |
       * separator stays */
      N_ ("ours|theirs") },
    { "remember-password", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, &p.remember,
      N_ ("Keep the server’s password in the keyring once it worked"), NULL },
    { "no-keyring", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, &p.no_keyring,
      N_ ("Do not look for the server’s password in the keyring"), NULL },
    { "timeout", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_INT, &p.timeout,
      N_ ("Give up when the server is silent for SECONDS (default: 30)"),
      /* Translators: placeholder for the value of a rempart-feed command-line option, shown by
       * --help as --option=SECONDS; write it in capitals without spaces. Here: a number of
       * seconds */
      N_ ("SECONDS") },
    { NULL },
  };

  context = rempart_cli_option_context_new (
      "publish",
      /* Translators: the arguments of a rempart-feed command, shown in its usage line (e.g.
       * rempart-feed edit FEED ID); FEED is the feed file, ID an action's id, DIR a folder, URL a
       * web address; capitals, no extra words */
      _ ("FEED URL"),
      _ ("Checks FEED as the app would, increases its sequence number, sets how long it stays "
         "fresh, signs it, and uploads it and its signature (URL.minisig) to URL by HTTP PUT "
         "(WebDAV: Nextcloud, Apache mod_dav…). The upload only replaces the copy you last "
         "published from here (kept as FEED.last-published): when someone else published "
         "since, nothing is overwritten. The server’s password is read from the keyring, a "
         "file or a file descriptor, or asked.\n\n"
         "Exit status: 0 published, 1 not published (the server was left as it was), 2 wrong "
         "command line, 3 someone else published since (nothing was overwritten; run again "
         "with --merge)."),
      entries);
  rempart_cli_add_password_options (context, &p.key_password, FALSE);
  rempart_cli_add_password_options (context, &p.server_password, TRUE);

  if (!rempart_cli_parse (context, &argc, &argv) ||
      !rempart_cli_check_password_options (context, &p.key_password) ||
      !rempart_cli_check_password_options (context, &p.server_password))
    return REMPART_CLI_EXIT_USAGE;
  if (argc != 3)
    return rempart_cli_usage_error (context, _ ("Give a feed file and the address to publish "
                                                "it to"));
  if (!is_web_address (argv[2]))
    return rempart_cli_usage_error (context,
                                    _ ("“%s” is not a web address: give the feed’s address, "
                                       "starting with https:// (or http://)"),
                                    argv[2]);
  if (p.days < 1 || p.days > 366)
    return rempart_cli_usage_error (context, _ ("--days: give a number from 1 to 366"));
  if (p.timeout < 0 || p.timeout > 3600)
    return rempart_cli_usage_error (context, _ ("--timeout: give a number of seconds up to "
                                                "3600"));
  if (p.prefer != NULL && !g_str_equal (p.prefer, "ours") && !g_str_equal (p.prefer, "theirs"))
    return rempart_cli_usage_error (context, _ ("--prefer: give ours or theirs"));
  if (p.prefer != NULL && !p.merge)
    return rempart_cli_usage_error (context, _ ("--prefer goes with --merge"));
  if (p.user == NULL && (p.server_password.file != NULL || p.server_password.fd >= 0))
    return rempart_cli_usage_error (context, _ ("A server password goes with --user"));
  if (p.user != NULL && strchr (p.user, ':') != NULL)
    return rempart_cli_usage_error (context, _ ("A user name cannot hold “:”"));

  p.feed_path = g_strdup (argv[1]);
  p.base_path = g_strconcat (argv[1], ".last-published", NULL);
  p.display = g_filename_display_name (argv[1]);
  p.url = g_strdup (argv[2]);

  return run (&p);
}
