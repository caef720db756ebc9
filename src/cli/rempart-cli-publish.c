/* rempart-cli-publish.c: rempart-feed export
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <string.h>
#include <unistd.h>

#include "rempart-cli.h"
#include "rempart-feed-parser.h"
#include "rempart-publish.h"

/* A secret key file is a few hundred bytes; a password a line. */
#define MAX_SECRET_SIZE 4096

/* The first line of a file or a file descriptor: passwords never go on the command line,
 * where other users can read them in the process list. */
static char *
read_password_from (const char *path, int fd, GError **error)
{
  g_autoptr (GBytes) bytes = NULL;
  g_autofree char *text = NULL;
  gsize length;

  if (path != NULL)
    bytes = rempart_cli_read_file (path, MAX_SECRET_SIZE, error);
  else
    {
      char buffer[MAX_SECRET_SIZE];
      gssize n;

      n = read (fd, buffer, sizeof buffer - 1);
      if (n < 0)
        {
          int saved_errno = errno;

          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                       _ ("Could not read the password from file descriptor %d: %s"), fd,
                       g_strerror (saved_errno));
          return NULL;
        }
      bytes = g_bytes_new (buffer, n);
      memset (buffer, 0, sizeof buffer);
    }
  if (bytes == NULL)
    return NULL;

  text = g_strndup (g_bytes_get_data (bytes, &length), g_bytes_get_size (bytes));
  text[strcspn (text, "\r\n")] = '\0';
  return g_steal_pointer (&text);
}

static RempartMinisignSecretKey *
open_secret_key (const char *path, const char *password_file, int password_fd, GError **error)
{
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autofree char *password = NULL;
  RempartMinisignSecretKey *key;

  bytes = rempart_cli_read_file (path, MAX_SECRET_SIZE, error);
  if (bytes == NULL)
    return NULL;

  key = rempart_minisign_secret_key_parse (bytes, NULL, &local_error);
  if (key != NULL || !g_error_matches (local_error, REMPART_MINISIGN_ERROR,
                                       REMPART_MINISIGN_ERROR_PASSWORD_REQUIRED))
    {
      if (key == NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      return key;
    }

  if (password_file != NULL || password_fd >= 0)
    password = read_password_from (password_file, password_fd, error);
  else
    password = rempart_cli_read_password (_ ("Password: "), error);
  if (password == NULL)
    return NULL;

  key = rempart_minisign_secret_key_parse (bytes, password, error);
  memset (password, 0, strlen (password));
  return key;
}

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
  g_autofree char *password_file = NULL;
  g_autofree char *display = NULL;
  g_autofree char *basename = NULL;
  int password_fd = -1;
  int days = 7;
  const GOptionEntry entries[] = {
    { "seckey-file", 's', G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, &sec_file,
      N_ ("Secret key file"), N_ ("SECKEY") },
    { "password-file", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, &password_file,
      N_ ("Read the key’s password from the first line of FILE"), N_ ("FILE") },
    { "password-fd", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_INT, &password_fd,
      N_ ("Read the key’s password from file descriptor N"), N_ ("N") },
    { "days", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_INT, &days,
      N_ ("How many days the published copy stays fresh (default: 7)"), N_ ("N") },
    { NULL },
  };

  context = rempart_cli_option_context_new (
      "export", _ ("FEED DIR"),
      _ ("Checks FEED as the app would, increases its sequence number, sets how long it stays "
         "fresh, signs it, and writes it with its signature into DIR (each file through a "
         "temporary file, then renamed), for a static site or a git repository. FEED is "
         "updated with the new sequence number."),
      entries);

  if (!rempart_cli_parse (context, &argc, &argv))
    return REMPART_CLI_EXIT_USAGE;
  if (argc != 3)
    return rempart_cli_usage_error (context, _ ("Give a feed file and a folder"));
  if (sec_file == NULL)
    return rempart_cli_usage_error (context, _ ("Give the secret key with -s"));
  if (password_file != NULL && password_fd >= 0)
    return rempart_cli_usage_error (context,
                                    _ ("Give either --password-file or --password-fd, not both"));
  if (days < 1 || days > 366)
    return rempart_cli_usage_error (context, _ ("--days: give a number from 1 to 366"));
  if (!g_file_test (argv[2], G_FILE_TEST_IS_DIR))
    return rempart_cli_usage_error (context, _ ("%s is not a folder"), argv[2]);

  display = g_filename_display_name (argv[1]);
  basename = g_path_get_basename (argv[1]);
  now = g_date_time_new_now_utc ();
  if (!(bytes = rempart_cli_read_file (argv[1], REMPART_FEED_MAX_SIZE, &error)) ||
      !(key = open_secret_key (sec_file, password_file, password_fd, &error)) ||
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
