/* rempart-cli-sign.c: rempart-feed sign, verify and keygen
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rempart-cli.h"
#include "rempart-feed-parser.h"

/* A minisign signature file is four short lines. */
#define MAX_SIGNATURE_FILE_SIZE 16384

/* Whether @c could change what a terminal shows beyond its own glyph: the bidirectional
 * controls reorder the text around them. */
static gboolean
is_bidi_control (gunichar c)
{
  return c == 0x061C || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) ||
         (c >= 0x2066 && c <= 0x2069);
}

/*
 * The trusted comment is the signer's text, and verify prints it in a moderator's terminal:
 * C0 and C1 controls (ESC starts an escape sequence, 0x9B is a CSI by itself), DEL, bytes
 * that are not UTF-8 and bidirectional controls are shown as escapes (\x1b, \u202e), and
 * a backslash as \\, so that what is printed is exactly what was signed, visibly.
 */
static char *
terminal_safe (const char *text)
{
  GString *out = g_string_new (NULL);
  const char *p = text;

  while (*p != '\0')
    {
      gunichar c = g_utf8_get_char_validated (p, -1);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          g_string_append_printf (out, "\\x%02x", (guchar) *p);
          p++;
          continue;
        }

      if (c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0))
        g_string_append_printf (out, "\\x%02x", c);
      else if (is_bidi_control (c))
        g_string_append_printf (out, "\\u%04x", c);
      else if (c == '\\')
        g_string_append (out, "\\\\");
      else
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
      p = g_utf8_next_char (p);
    }

  return g_string_free (out, FALSE);
}

int
rempart_cli_verify (int argc, char **argv)
{
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (RempartMinisignPublicKey) key = NULL;
  g_autoptr (GBytes) data = NULL;
  g_autoptr (GBytes) signature = NULL;
  g_autofree char *key_file = NULL;
  g_autofree char *key_base64 = NULL;
  g_autofree char *sig_file = NULL;
  g_autofree char *trusted_comment = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *display = NULL;
  const GOptionEntry entries[] = {
    { "pubkey-file", 'p', G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, &key_file,
      N_ ("Public key file"),
      /* Translators: placeholder for the value of a rempart-feed command-line option, shown by
       * --help as --option=PUBKEY_FILE; write it in capitals without spaces. Here: a file holding a
       * minisign public key */
      N_ ("PUBKEY_FILE") },
    { "pubkey", 'P', G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &key_base64,
      N_ ("Public key, as a base64 string"),
      /* Translators: placeholder for the value of a rempart-feed command-line option, shown by
       * --help as --option=BASE64_KEY; write it in capitals without spaces. Here: a minisign public
       * key in base64 */
      N_ ("BASE64_KEY") },
    { "sig-file", 'x', G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, &sig_file,
      N_ ("Signature file (default: FILE.minisig)"),
      /* Translators: placeholder for the value of a rempart-feed command-line option, shown by
       * --help as --option=SIGFILE; write it in capitals without spaces. Here: a minisign signature
       * file */
      N_ ("SIGFILE") },
    { NULL },
  };

  context = rempart_cli_option_context_new (
      "verify",
      /* Translators: placeholder for the value of a rempart-feed command-line option, shown by
       * --help as --option=FILE; write it in capitals without spaces. Here: a file name */
      _ ("FILE"),
      _ ("Verifies FILE against FILE.minisig with a minisign public key, as the app does before "
         "it reads a signed feed."),
      entries);

  if (!rempart_cli_parse (context, &argc, &argv))
    return REMPART_CLI_EXIT_USAGE;
  if (argc != 2)
    return rempart_cli_usage_error (context, _ ("Give exactly one file to verify"));
  if ((key_file == NULL) == (key_base64 == NULL))
    return rempart_cli_usage_error (context, _ ("Give the public key with either -p or -P"));

  display = g_filename_display_name (argv[1]);
  if (sig_file == NULL)
    sig_file = g_strconcat (argv[1], ".minisig", NULL);

  if (!(key = rempart_cli_load_public_key (key_file, key_base64, &error)) ||
      !(data = rempart_cli_read_file (argv[1], G_MAXSSIZE, &error)) ||
      !(signature = rempart_cli_read_file (sig_file, MAX_SIGNATURE_FILE_SIZE, &error)) ||
      !rempart_minisign_verify (key, data, signature, &trusted_comment, &error))
    {
      rempart_cli_print_error (_ ("%s: signature verification failed: %s"), display,
                               error->message);
      return REMPART_CLI_EXIT_FAIL;
    }

  shown = terminal_safe (trusted_comment);
  g_print (_ ("Signature and comment signature verified\n"));
  g_print (_ ("Trusted comment: %s\n"), shown);

  return REMPART_CLI_EXIT_OK;
}

int
rempart_cli_sign (int argc, char **argv)
{
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (RempartMinisignSecretKey) key = NULL;
  g_autoptr (GBytes) data = NULL;
  g_autoptr (GBytes) signature = NULL;
  g_autofree char *sec_file = NULL;
  g_autofree char *comment = NULL;
  g_autofree char *sig_file = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *display = NULL;
  g_auto (RempartCliPasswordSource) password = REMPART_CLI_PASSWORD_SOURCE_INIT;
  gboolean force = FALSE;
  const GOptionEntry entries[] = {
    { "seckey-file", 's', G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, &sec_file,
      N_ ("Secret key file"),
      /* Translators: placeholder for the value of a rempart-feed command-line option, shown by
       * --help as --option=SECKEY; write it in capitals without spaces. Here: a file holding the
       * minisign secret key */
      N_ ("SECKEY") },
    { "trusted-comment", 't', G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &comment,
      N_ ("Trusted comment to sign with the file"),
      /* Translators: placeholder for the value of a rempart-feed command-line option, shown by
       * --help as --option=COMMENT; write it in capitals without spaces. Here: the signature's
       * trusted comment */
      N_ ("COMMENT") },
    { "sig-file", 'x', G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, &sig_file,
      N_ ("Signature file to write (default: FILE.minisig)"),
      /* Translators: placeholder for the value of a rempart-feed command-line option, shown by
       * --help as --option=SIGFILE; write it in capitals without spaces. Here: a minisign signature
       * file */
      N_ ("SIGFILE") },
    { "skip-validation", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, &force,
      N_ ("Sign even when the file is not a feed the app would accept"), NULL },
    { NULL },
  };

  context = rempart_cli_option_context_new (
      "sign",
      /* Translators: placeholder for the value of a rempart-feed command-line option, shown by
       * --help as --option=FILE; write it in capitals without spaces. Here: a file name */
      _ ("FILE"),
      _ ("Signs FILE with a minisign secret key and writes FILE.minisig. The feed is checked "
         "first: a feed the app would reject is not signed."),
      entries);
  rempart_cli_add_password_options (context, &password, FALSE);

  if (!rempart_cli_parse (context, &argc, &argv) ||
      !rempart_cli_check_password_options (context, &password))
    return REMPART_CLI_EXIT_USAGE;
  if (argc != 2)
    return rempart_cli_usage_error (context, _ ("Give exactly one file to sign"));
  if (sec_file == NULL)
    return rempart_cli_usage_error (context, _ ("Give the secret key with -s"));

  display = g_filename_display_name (argv[1]);
  basename = g_path_get_basename (argv[1]);
  if (sig_file == NULL)
    sig_file = g_strconcat (argv[1], ".minisig", NULL);

  data = rempart_cli_read_file (argv[1], REMPART_FEED_MAX_SIZE, &error);
  if (data != NULL && !force)
    {
      g_autoptr (RempartFeed) feed = rempart_feed_parse (data, display, &error);

      if (feed == NULL)
        g_clear_pointer (&data, g_bytes_unref);
    }

  if (data == NULL || !(key = rempart_cli_open_secret_key (sec_file, &password, &error)) ||
      !(signature = rempart_minisign_sign (key, data, comment, basename, &error)) ||
      !rempart_cli_write_file (sig_file, signature, 0644, &error))
    {
      rempart_cli_print_error (_ ("%s: not signed: %s"), display, error->message);
      return REMPART_CLI_EXIT_FAIL;
    }

  return REMPART_CLI_EXIT_OK;
}

/* A new key's password: from the file or descriptor given, or typed twice, so that a typing
 * mistake nobody saw (the prompt does not echo) does not lock the moderators out. */
static char *
read_new_password (const RempartCliPasswordSource *source, GError **error)
{
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  gboolean same;

  if (source->file != NULL || source->fd >= 0)
    return rempart_cli_read_password_from (source->file, source->fd, error);

  first = rempart_cli_read_password (_ ("Password for the new secret key: "), error);
  if (first == NULL)
    return NULL;
  second = rempart_cli_read_password (_ ("The same password again: "), error);
  if (second == NULL)
    {
      memset (first, 0, strlen (first));
      return NULL;
    }

  same = strcmp (first, second) == 0;
  memset (second, 0, strlen (second));
  if (!same)
    {
      memset (first, 0, strlen (first));
      g_set_error_literal (error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
                           _ ("The two passwords are not the same"));
      return NULL;
    }
  return g_steal_pointer (&first);
}

int
rempart_cli_keygen (int argc, char **argv)
{
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *pub_file = NULL;
  g_autofree char *sec_file = NULL;
  g_autofree char *password = NULL;
  g_auto (RempartCliPasswordSource) source = REMPART_CLI_PASSWORD_SOURCE_INIT;
  gboolean no_password = FALSE;
  gboolean force = FALSE;
  const GOptionEntry entries[] = {
    { "pubkey-file", 'p', G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, &pub_file,
      N_ ("Public key file to write"),
      /* Translators: placeholder for the value of a rempart-feed command-line option, shown by
       * --help as --option=PUB; write it in capitals without spaces. Here: the public key file to
       * write */
      N_ ("PUB") },
    { "seckey-file", 's', G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, &sec_file,
      N_ ("Secret key file to write (mode 0600)"),
      /* Translators: placeholder for the value of a rempart-feed command-line option, shown by
       * --help as --option=SEC; write it in capitals without spaces. Here: the secret key file to
       * write */
      N_ ("SEC") },
    { "without-password", 'W', G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, &no_password,
      N_ ("Do not encrypt the secret key with a password"), NULL },
    { "force", 'f', G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, &force,
      N_ ("Overwrite existing key files"), NULL },
    { NULL },
  };

  context = rempart_cli_option_context_new (
      "keygen", "",
      _ ("Creates a minisign key pair. Keep the secret key to yourself; give the public key to "
         "the volunteers, who pin it when they subscribe to the feed. The password is asked "
         "twice, unless it is read from a file or a file descriptor."),
      entries);
  rempart_cli_add_password_options (context, &source, FALSE);

  if (!rempart_cli_parse (context, &argc, &argv) ||
      !rempart_cli_check_password_options (context, &source))
    return REMPART_CLI_EXIT_USAGE;
  if (argc != 1)
    return rempart_cli_usage_error (context, _ ("keygen takes no arguments"));
  if (pub_file == NULL || sec_file == NULL)
    return rempart_cli_usage_error (context, _ ("Give both the public (-p) and secret (-s) key "
                                                "files"));

  if (no_password && (source.file != NULL || source.fd >= 0))
    return rempart_cli_usage_error (context, _ ("-W makes a key without a password: give no "
                                                "password file or descriptor with it"));

  if (!no_password)
    {
      password = read_new_password (&source, &error);
      if (password == NULL)
        {
          rempart_cli_print_error (_ ("No key was created: %s"), error->message);
          return REMPART_CLI_EXIT_FAIL;
        }
      if (*password == '\0')
        return rempart_cli_usage_error (context, _ ("The password is empty; use -W for a key "
                                                    "without a password"));
    }

  if (!rempart_minisign_keygen (pub_file, sec_file, password, force, &error))
    {
      if (password != NULL)
        memset (password, 0, strlen (password));
      rempart_cli_print_error (_ ("Could not create the keys: %s"), error->message);
      return REMPART_CLI_EXIT_FAIL;
    }

  if (password != NULL)
    memset (password, 0, strlen (password));

  g_print (_ ("The secret key was saved as %s and the public key as %s.\n"), sec_file, pub_file);
  return REMPART_CLI_EXIT_OK;
}
