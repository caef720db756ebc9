/* rempart-cli-publish.c: rempart-feed export (rempart-cli-upload.c: publish)
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rempart-cli.h"
#include "rempart-feed-parser.h"
#include "rempart-publish.h"

int
rempart_cli_export (int argc, char **argv)
{
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (RempartMinisignSecretKey) key = NULL;
  g_autoptr (RempartPublication) publication = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GDateTime) now = NULL;
  g_autofree char *sec_file = NULL;
  g_auto (RempartCliPasswordSource) password = REMPART_CLI_PASSWORD_SOURCE_INIT;
  g_autofree char *display = NULL;
  g_autofree char *basename = NULL;
  int days = 7;
  const GOptionEntry entries[] = {
    { "seckey-file", 's', G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, &sec_file,
      N_ ("Secret key file"),
      /* Translators: placeholder for the value of a rempart-feed command-line option, shown by
       * --help as --option=SECKEY; write it in capitals without spaces. Here: a file holding the
       * minisign secret key */
      N_ ("SECKEY") },
    { "days", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_INT, &days,
      N_ ("How many days the published copy stays fresh (default: 7)"),
      /* Translators: placeholder for the value of a rempart-feed command-line option, shown by
       * --help as --option=N; write it in capitals without spaces. Here: a whole number */
      N_ ("N") },
    { NULL },
  };

  context = rempart_cli_option_context_new (
      "export",
      /* Translators: the arguments of a rempart-feed command, shown in its usage line (e.g.
       * rempart-feed edit FEED ID); FEED is the feed file, ID an action's id, DIR a folder, URL a
       * web address; capitals, no extra words */
      _ ("FEED DIR"),
      _ ("Checks FEED as the app would, increases its sequence number, sets how long it stays "
         "fresh, signs it, and writes it with its signature into DIR (each file through a "
         "temporary file, then renamed), for a static site or a git repository. FEED is "
         "updated with the new sequence number."),
      entries);
  rempart_cli_add_password_options (context, &password, FALSE);

  if (!rempart_cli_parse (context, &argc, &argv) ||
      !rempart_cli_check_password_options (context, &password))
    return REMPART_CLI_EXIT_USAGE;
  if (argc != 3)
    return rempart_cli_usage_error (context, _ ("Give a feed file and a folder"));
  if (sec_file == NULL)
    return rempart_cli_usage_error (context, _ ("Give the secret key with -s"));
  if (days < 1 || days > 366)
    return rempart_cli_usage_error (context, _ ("--days: give a number from 1 to 366"));
  if (!g_file_test (argv[2], G_FILE_TEST_IS_DIR))
    return rempart_cli_usage_error (context, _ ("%s is not a folder"), argv[2]);

  display = g_filename_display_name (argv[1]);
  basename = g_path_get_basename (argv[1]);
  now = g_date_time_new_now_utc ();
  if (!(bytes = rempart_cli_read_file (argv[1], REMPART_FEED_MAX_SIZE, &error)) ||
      !(key = rempart_cli_open_secret_key (sec_file, &password, &error)) ||
      !(publication =
            rempart_publish_prepare (bytes, display, key, now, days * G_TIME_SPAN_DAY, &error)) ||
      !rempart_publish_export (publication, argv[2], basename, &error) ||
      !rempart_cli_write_file (argv[1], publication->feed, 0644, &error))
    {
      rempart_cli_print_error ("%s", error->message);
      return REMPART_CLI_EXIT_FAIL;
    }

  {
    g_autofree char *seq = g_strdup_printf ("%" G_GINT64_FORMAT, publication->seq);

    /* Translators: a file name, a sequence number and a folder */
    g_print (_ ("%s: seq %s exported to %s\n"), display, seq, argv[2]);
  }
  return REMPART_CLI_EXIT_OK;
}
