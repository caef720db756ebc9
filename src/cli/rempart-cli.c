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
#include <signal.h>
#include <termios.h>
#include <unistd.h>

#include "rempart-cli.h"

/* A public key file is two short lines; anything much larger is not one. */
#define MAX_KEY_FILE_SIZE 4096
/* A secret key file is a few hundred bytes; a password a line. */
#define MAX_SECRET_KEY_FILE_SIZE 16384
#define MAX_PASSWORD_SIZE        4096

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

/* The terminal as it was before a password prompt turned its echo off, for the signal
 * handler: a moderator who presses Ctrl+C at the prompt must get a terminal that echoes. */
static struct termios prompt_saved_termios;

static void
restore_terminal_and_die (int signum)
{
  /* Only async-signal-safe calls here; SA_RESETHAND put the default action back, so the
   * signal raised again ends the process as the user asked, once this handler returns. */
  tcsetattr (STDIN_FILENO, TCSAFLUSH, &prompt_saved_termios);
  (void) !write (STDERR_FILENO, "\n", 1);
  raise (signum);
}

static const int prompt_signals[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT };

/*
 * rempart_cli_read_password:
 *
 * Asks for a password on the terminal without echo, and puts the echo back whatever happens,
 * Ctrl+C included; when standard input is not a terminal (scripts, tests), reads its next line
 * instead, as minisign does.
 */
char *
rempart_cli_read_password (const char *prompt, GError **error)
{
  char buffer[1024];
  struct termios quiet;
  struct sigaction handler = { 0 };
  struct sigaction previous[G_N_ELEMENTS (prompt_signals)];
  gboolean tty = isatty (STDIN_FILENO) && tcgetattr (STDIN_FILENO, &prompt_saved_termios) == 0;
  char *line;

  if (tty)
    {
      g_printerr ("%s", prompt);
      handler.sa_handler = restore_terminal_and_die;
      handler.sa_flags = SA_RESETHAND;
      sigemptyset (&handler.sa_mask);
      for (guint i = 0; i < G_N_ELEMENTS (prompt_signals); i++)
        sigaction (prompt_signals[i], &handler, &previous[i]);
      quiet = prompt_saved_termios;
      quiet.c_lflag &= ~(tcflag_t) ECHO;
      tcsetattr (STDIN_FILENO, TCSAFLUSH, &quiet);
    }

  line = fgets (buffer, sizeof buffer, stdin);

  if (tty)
    {
      tcsetattr (STDIN_FILENO, TCSAFLUSH, &prompt_saved_termios);
      for (guint i = 0; i < G_N_ELEMENTS (prompt_signals); i++)
        sigaction (prompt_signals[i], &previous[i], NULL);
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

/*
 * rempart_cli_read_password_from:
 * @path: (nullable): a file whose first line is the password
 * @fd: a file descriptor to read it from when @path is %NULL
 *
 * Passwords never go on the command line, where other users can read them in the process list.
 */
char *
rempart_cli_read_password_from (const char *path, int fd, GError **error)
{
  g_autoptr (GBytes) bytes = NULL;
  g_autofree char *text = NULL;

  if (path != NULL)
    bytes = rempart_cli_read_file (path, MAX_PASSWORD_SIZE, error);
  else
    {
      char buffer[MAX_PASSWORD_SIZE];
      gssize n;

      do
        n = read (fd, buffer, sizeof buffer - 1);
      while (n < 0 && errno == EINTR);
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

  text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  text[strcspn (text, "\r\n")] = '\0';
  return g_steal_pointer (&text);
}

/*
 * rempart_cli_get_password:
 * @source: where the command line said to read it (file, descriptor), if anywhere
 *
 * The password from @source, or asked on the terminal with @prompt.
 */
char *
rempart_cli_get_password (const RempartCliPasswordSource *source,
                          const char *prompt,
                          GError **error)
{
  if (source != NULL && (source->file != NULL || source->fd >= 0))
    return rempart_cli_read_password_from (source->file, source->fd, error);
  return rempart_cli_read_password (prompt, error);
}

/*
 * rempart_cli_open_secret_key:
 *
 * Reads a minisign secret key file, asking for its password (or reading it from @source)
 * only when the key has one.
 */
RempartMinisignSecretKey *
rempart_cli_open_secret_key (const char *path,
                             const RempartCliPasswordSource *source,
                             GError **error)
{
  g_autoptr (GBytes) bytes = NULL;

  bytes = rempart_cli_read_file (path, MAX_SECRET_KEY_FILE_SIZE, error);
  if (bytes == NULL)
    return NULL;
  return rempart_cli_open_secret_key_bytes (bytes, source, error);
}

/* The same for a key file's contents already read (from the keyring). */
RempartMinisignSecretKey *
rempart_cli_open_secret_key_bytes (GBytes *bytes,
                                   const RempartCliPasswordSource *source,
                                   GError **error)
{
  g_autoptr (GError) local_error = NULL;
  g_autofree char *password = NULL;
  RempartMinisignSecretKey *key;

  key = rempart_minisign_secret_key_parse (bytes, NULL, &local_error);
  if (key != NULL || !g_error_matches (local_error, REMPART_MINISIGN_ERROR,
                                       REMPART_MINISIGN_ERROR_PASSWORD_REQUIRED))
    {
      if (key == NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      return key;
    }

  password = rempart_cli_get_password (source, _ ("Password of the secret key: "), error);
  if (password == NULL)
    return NULL;

  key = rempart_minisign_secret_key_parse (bytes, password, error);
  memset (password, 0, strlen (password));
  return key;
}

void
rempart_cli_password_source_clear (RempartCliPasswordSource *source)
{
  g_clear_pointer (&source->file, g_free);
  source->fd = -1;
}

/*
 * rempart_cli_add_password_options:
 * @server: the options are for the publishing server's password (--server-password-file),
 *   not the secret key's (--password-file)
 *
 * Adds --password-file FILE and --password-fd N, filling @source, to a command's options.
 */
void
rempart_cli_add_password_options (GOptionContext *context,
                                  RempartCliPasswordSource *source,
                                  gboolean server)
{
  const GOptionEntry entries[] = {
    { server ? "server-password-file" : "password-file", 0, G_OPTION_FLAG_NONE,
      G_OPTION_ARG_FILENAME, &source->file,
      server ? N_ ("Read the server’s password from the first line of FILE")
             : N_ ("Read the key’s password from the first line of FILE"),
      /* Translators: placeholder for the value of a rempart-feed command-line option, shown by
       * --help as --option=FILE; write it in capitals without spaces. Here: a file name */
      N_ ("FILE") },
    { server ? "server-password-fd" : "password-fd", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_INT,
      &source->fd,
      server ? N_ ("Read the server’s password from file descriptor N")
             : N_ ("Read the key’s password from file descriptor N"),
      /* Translators: placeholder for the value of a rempart-feed command-line option, shown by
       * --help as --option=N; write it in capitals without spaces. Here: a whole number */
      N_ ("N") },
    { NULL },
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
}

/* Returns FALSE, having printed why, when both a file and a descriptor were given. */
gboolean
rempart_cli_check_password_options (GOptionContext *context, const RempartCliPasswordSource *source)
{
  if (source->file != NULL && source->fd >= 0)
    {
      rempart_cli_usage_error (context, _ ("Give the password either in a file or on a file "
                                           "descriptor, not both"));
      return FALSE;
    }
  return TRUE;
}
