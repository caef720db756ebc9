/* test-keyring-secret-service.c: RempartKeyring against a real gnome-keyring-daemon
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <libsecret/secret.h>

#include <glib/gstdio.h>

#include "keyring-checks.h"
#include "rempart-test-dirs.h"

static void
name_appeared_cb (GDBusConnection *connection,
                  const char *name,
                  const char *owner,
                  gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
}

/* Starts gnome-keyring-daemon on the private bus, in a private home, unlocked with an empty
 * password, and waits until it owns org.freedesktop.secrets. */
static GSubprocess *
start_keyring_daemon (GTestDBus *bus, const char *dir)
{
  g_autoptr (GSubprocessLauncher) launcher = NULL;
  g_autoptr (GDBusConnection) connection = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *run = g_build_filename (dir, "run", NULL);
  g_autofree char *home = g_build_filename (dir, "home", NULL);
  g_autofree char *data = g_build_filename (home, "data", NULL);
  g_autofree char *keyrings = g_build_filename (data, "keyrings", NULL);
  g_autofree char *login = g_build_filename (keyrings, "login.keyring", NULL);
  g_autofree char *default_name = g_build_filename (keyrings, "default", NULL);
  const char *login_keyring = "[keyring]\ndisplay-name=login\nctime=0\nmtime=0\n"
                              "lock-on-idle=false\nlock-after=false\n";
  GSubprocess *daemon;
  GOutputStream *input;
  gboolean appeared = FALSE;
  gint64 deadline;
  guint watch;

  g_assert_cmpint (g_mkdir_with_parents (run, 0700), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (keyrings, 0700), ==, 0);

  /* A login keyring that needs no password (gnome-keyring's plain-text format): a new daemon
   * would otherwise prompt for one to create it, and there is nobody to answer. */
  g_assert_true (g_file_set_contents (login, login_keyring, -1, &error));
  g_assert_true (g_file_set_contents (default_name, "login", -1, &error));
  g_assert_no_error (error);

  launcher =
      g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_SILENCE);
  g_subprocess_launcher_setenv (launcher, "DBUS_SESSION_BUS_ADDRESS",
                                g_test_dbus_get_bus_address (bus), TRUE);
  g_subprocess_launcher_setenv (launcher, "HOME", home, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_RUNTIME_DIR", run, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", data, TRUE);
  daemon = g_subprocess_launcher_spawn (launcher, &error, "gnome-keyring-daemon", "--foreground",
                                        "--unlock", "--components=secrets", NULL);
  g_assert_no_error (error);

  /* The empty password, then end of input. */
  input = g_subprocess_get_stdin_pipe (daemon);
  g_assert_true (g_output_stream_close (input, NULL, &error));
  g_assert_no_error (error);

  connection =
      g_dbus_connection_new_for_address_sync (g_test_dbus_get_bus_address (bus),
                                              G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                                                  G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
                                              NULL, NULL, &error);
  g_assert_no_error (error);
  watch = g_bus_watch_name_on_connection (connection, "org.freedesktop.secrets",
                                          G_BUS_NAME_WATCHER_FLAGS_NONE, name_appeared_cb, NULL,
                                          &appeared, NULL);
  deadline = g_get_monotonic_time () + 30 * G_TIME_SPAN_SECOND;
  while (!appeared && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_bus_unwatch_name (watch);
  g_assert_true (appeared);

  return daemon;
}

/* Kept to the end and never freed: libsecret holds on to the bus connection past
 * secret_service_disconnect(), and g_test_dbus_down() would wait for it for ever. */
static GTestDBus *bus;

int
main (int argc, char *argv[])
{
  g_autoptr (GSubprocess) daemon = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *keys = NULL;
  g_autofree char *path = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  path = g_find_program_in_path ("gnome-keyring-daemon");
  if (path == NULL)
    {
      /* build-aux/debian-packages.txt installs it; say so loudly rather than pass quietly. */
      g_printerr ("gnome-keyring-daemon is not installed (Debian: gnome-keyring)\n");
      return 1;
    }

  bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_test_dbus_up (bus);
  dir = rempart_test_dir_new ("keyring-secret-service");
  keys = g_build_filename (dir, "keys", NULL);
  daemon = start_keyring_daemon (bus, dir);

  keyring_checks_add (REMPART_KEYRING_BACKEND_SECRET_SERVICE, keys);
  status = g_test_run ();

  g_subprocess_send_signal (daemon, SIGTERM);
  g_subprocess_wait (daemon, NULL, NULL);
  secret_service_disconnect ();
  rempart_test_dir_remove (dir);
  g_test_dbus_stop (bus);
  return status;
}
