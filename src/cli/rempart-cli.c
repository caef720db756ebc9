/* rempart-cli.c: helpers shared by the commands of rempart-feed
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "rempart-cli.h"

/* A public key file is two short lines; anything much larger is not one. */
#define MAX_KEY_FILE_SIZE 4096

GOptionContext *
rempart_cli_option_context_new (const char *command,
                                const char *parameters,
                                const char *summary,
                                const GOptionEntry *entries)
{
  g_autofree char *usage = NULL;
  GOptionContext *context;

  usage = *parameters != '\0' ? g_strdup_printf ("%s %s", command, parameters) : g_strdup (command);
  context = g_option_context_new (usage);

  g_option_context_set_summary (context, summary);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  return context;
}

/*
 * rempart_cli_parse:
 *
 * Parses the options of one command; prints the problem and returns FALSE when the command
 * line is wrong. `--help` is handled by GOption, which prints and exits with 0.
 */
gboolean
rempart_cli_parse (GOptionContext *context, int *argc, char ***argv)
{
  g_autoptr (GError) error = NULL;

  if (g_option_context_parse (context, argc, argv, &error))
    return TRUE;

  rempart_cli_usage_error (context, "%s", error->message);
  return FALSE;
}

int
rempart_cli_usage_error (GOptionContext *context, const char *format, ...)
{
  g_autofree char *message = NULL;
  g_autofree char *help = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  help = g_option_context_get_help (context, TRUE, NULL);
  /* Translators: the program name, then a problem with the command line */
  g_printerr (_ ("rempart-feed: %s\n"), message);
  g_printerr ("\n%s", help);

  return REMPART_CLI_EXIT_USAGE;
}

void
rempart_cli_print_error (const char *format, ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  /* Translators: the program name, then an error message */
  g_printerr (_ ("rempart-feed: %s\n"), message);
}

/*
 * rempart_cli_read_file:
 * @max_size: files larger than this are refused before they are read
 *
 * Reads a whole file, or standard input when @path is "-".
 */
GBytes *
rempart_cli_read_file (const char *path, gsize max_size, GError **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *display = g_filename_display_name (path);
  GStatBuf st;
  gsize length;

  if (g_strcmp0 (path, "-") == 0)
    {
      g_autoptr (GByteArray) array = g_byte_array_new ();
      guint8 buffer[65536];
      gssize n;

      while ((n = read (STDIN_FILENO, buffer, sizeof buffer)) > 0)
        {
          g_byte_array_append (array, buffer, n);
          if (array->len > max_size)
            {
              g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
                           _ ("Standard input is larger than %zu bytes"), max_size);
              return NULL;
            }
        }
      if (n < 0)
        {
          int saved_errno = errno;

          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                       _ ("Could not read standard input: %s"), g_strerror (saved_errno));
          return NULL;
        }

      return g_byte_array_free_to_bytes (g_steal_pointer (&array));
    }

  if (g_stat (path, &st) == 0 && S_ISREG (st.st_mode) && (guint64) st.st_size > max_size)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
                   _ ("%s is too large: %llu bytes, at most %zu are allowed"), display,
                   (unsigned long long) st.st_size, max_size);
      return NULL;
    }

  if (!g_file_get_contents (path, &contents, &length, error))
    return NULL;

  return g_bytes_new_take (g_steal_pointer (&contents), length);
}

/*
 * rempart_cli_write_file:
 * @mode: permissions of a new file, e.g. 0644, or 0600 for secrets
 *
 * Replaces @path atomically, so that a crash never leaves half a feed or half a signature.
 */
gboolean
rempart_cli_write_file (const char *path, GBytes *contents, int mode, GError **error)
{
  gsize length;
  const char *data = g_bytes_get_data (contents, &length);

  return g_file_set_contents_full (path, data, length,
                                   G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                   mode, error);
}

RempartMinisignPublicKey *
rempart_cli_load_public_key (const char *key_file, const char *key_base64, GError **error)
{
  g_autoptr (GBytes) bytes = NULL;
  gsize length;
  const char *text;

  if (key_base64 != NULL)
    return rempart_minisign_public_key_parse (key_base64, strlen (key_base64), error);

  bytes = rempart_cli_read_file (key_file, MAX_KEY_FILE_SIZE, error);
  if (bytes == NULL)
    return NULL;

  text = g_bytes_get_data (bytes, &length);
  return rempart_minisign_public_key_parse (text, length, error);
}

/*
 * rempart_cli_read_password:
 *
 * Asks for a password on the terminal without echo; when standard input is not a terminal
 * (scripts, tests), reads its first line instead, as minisign does.
 */
char *
rempart_cli_read_password (const char *prompt, GError **error)
{
  char buffer[1024];
  struct termios saved, quiet;
  gboolean tty = isatty (STDIN_FILENO);
  char *line;

  if (tty)
    {
      g_printerr ("%s", prompt);
      tcgetattr (STDIN_FILENO, &saved);
      quiet = saved;
      quiet.c_lflag &= ~(tcflag_t) ECHO;
      tcsetattr (STDIN_FILENO, TCSAFLUSH, &quiet);
    }

  line = fgets (buffer, sizeof buffer, stdin);

  if (tty)
    {
      tcsetattr (STDIN_FILENO, TCSAFLUSH, &saved);
      g_printerr ("\n");
    }

  if (line == NULL)
    {
      g_set_error_literal (error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
                           _ ("No password was given on standard input"));
      return NULL;
    }

  buffer[strcspn (buffer, "\r\n")] = '\0';
  line = g_strdup (buffer);
  memset (buffer, 0, sizeof buffer);

  return line;
}
