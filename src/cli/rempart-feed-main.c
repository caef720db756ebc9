/* rempart-feed-main.c: the moderators' command-line tool
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rempart-cli.h"
#include "rempart-i18n.h"

#if defined(__SANITIZE_ADDRESS__)
const char *__asan_default_options (void);
const char *__lsan_default_suppressions (void);

/* Under AddressSanitizer only (the sanitizer suite runs the command-line tests on this
 * binary): a command that asked the Secret Service for a password exits with libsecret's bus
 * connection alive, and a message GDBus's worker thread was still decoding is then reported
 * as leaked, as in tests/unit/keys/keyring-checks.c. Matching it needs whole allocation
 * stacks, as GLib is built without frame pointers. */
const char *
__asan_default_options (void)
{
  return "fast_unwind_on_malloc=0";
}

const char *
__lsan_default_suppressions (void)
{
  return "leak:g_dbus_message_new_from_blob\n";
}
#endif

static const struct
{
  const char *name;
  RempartCliCommandFunc func;
  const char *summary;
} commands[] = {
  { "validate", rempart_cli_validate, N_ ("Check feeds as the app would read them") },
  { "verify", rempart_cli_verify, N_ ("Verify the minisign signature of a feed") },
  { "sign", rempart_cli_sign, N_ ("Sign a feed with a minisign secret key") },
  { "keygen", rempart_cli_keygen, N_ ("Create a minisign key pair") },
  { "new", rempart_cli_new, N_ ("Start a new, empty feed") },
  { "add", rempart_cli_add, N_ ("Add an action to a feed") },
  { "edit", rempart_cli_edit, N_ ("Change an action of a feed") },
  { "remove", rempart_cli_remove, N_ ("Remove actions from a feed") },
  { "list", rempart_cli_list, N_ ("List the actions of a feed") },
  { "export", rempart_cli_export, N_ ("Sign a feed and write it into a folder to publish") },
  { "publish", rempart_cli_publish, N_ ("Sign a feed and upload it to a WebDAV server") },
  { "rotate", rempart_cli_rotate, N_ ("Announce the key the group will sign with next") },
  { "fetch", rempart_cli_fetch, N_ ("Download a feed as a volunteer’s app would") },
  { "join-link", rempart_cli_join_link, N_ ("Make the link, QR code and page to join the group") },
};

static int
print_usage (gboolean to_stderr)
{
  g_autoptr (GString) text = g_string_new (NULL);

  g_string_append_printf (
      text, "%s\n  rempart-feed %s\n\n",
      /* Translators: heading of rempart-feed --help, followed by the command line */
      _ ("Usage:"), _ ("COMMAND [OPTION…] [ARGUMENT…]"));
  g_string_append_printf (text, "%s\n",
                          _ ("Prepare, sign and check the action feed of a "
                             "counter-speech group."));
  g_string_append_printf (
      text, "\n%s\n",
      /* Translators: heading of rempart-feed --help, followed by the list of commands */
      _ ("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_string_append_printf (text, "  %-10s %s\n", commands[i].name, _ (commands[i].summary));
  g_string_append_printf (text, "\n%s\n",
                          _ ("Run “rempart-feed COMMAND --help” for the options "
                             "of a command."));

  if (to_stderr)
    g_printerr ("%s", text->str);
  else
    g_print ("%s", text->str);

  return to_stderr ? REMPART_CLI_EXIT_USAGE : REMPART_CLI_EXIT_OK;
}

int
main (int argc, char *argv[])
{
  const char *name;

  rempart_i18n_init ();
  g_set_prgname ("rempart-feed");

  if (argc < 2)
    return print_usage (TRUE);

  name = argv[1];
  if (g_str_equal (name, "--help") || g_str_equal (name, "-h") || g_str_equal (name, "help"))
    return print_usage (FALSE);

  if (g_str_equal (name, "--version"))
    {
      g_print ("rempart-feed %s\n", PACKAGE_VERSION);
      return REMPART_CLI_EXIT_OK;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      if (g_str_equal (name, commands[i].name))
        return commands[i].func (argc - 1, argv + 1);
    }

  g_printerr (_ ("rempart-feed: unknown command “%s”\n\n"), name);
  return print_usage (TRUE);
}
