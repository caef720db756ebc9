/* test-autostart.c: the autostart file, in a private XDG_CONFIG_HOME
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "rempart-autostart.h"
#include "rempart-helplines.h"
#include "rempart-test-dirs.h"

/*
 * Turning the background on writes a valid desktop entry in $XDG_CONFIG_HOME/autostart that
 * starts the application as a service (no window); turning it off removes it, twice without
 * complaint; a folder that cannot be written gives an error that names the file.
 */

static char *config_home;

#define APP_ID "io.github.rempart.Rempart"

static GKeyFile *
read_entry (void)
{
  g_autofree char *path = rempart_autostart_get_path (APP_ID);
  g_autoptr (GKeyFile) file = g_key_file_new ();
  g_autoptr (GError) error = NULL;

  g_assert_true (g_key_file_load_from_file (file, path, G_KEY_FILE_NONE, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&file);
}

static void
test_enable_disable (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = rempart_autostart_get_path (APP_ID);
  g_autofree char *expected = g_build_filename (config_home, "autostart", APP_ID ".desktop", NULL);
  g_autoptr (GKeyFile) entry = NULL;
  g_autofree char *exec = NULL;
  g_autofree char *start_group = NULL;
  g_autofree char *type = NULL;
  g_autofree char *validator = NULL;
  g_auto (GStrv) argv = NULL;
  GStatBuf st;

  g_assert_cmpstr (path, ==, expected);
  g_assert_false (rempart_autostart_is_enabled (APP_ID));

  g_assert_true (rempart_autostart_enable (APP_ID, "/usr/bin/rempart", &error));
  g_assert_no_error (error);
  g_assert_true (rempart_autostart_is_enabled (APP_ID));
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0644);

  entry = read_entry ();
  start_group = g_key_file_get_start_group (entry);
  g_assert_cmpstr (start_group, ==, "Desktop Entry");
  type = g_key_file_get_string (entry, "Desktop Entry", "Type", NULL);
  g_assert_cmpstr (type, ==, "Application");
  exec = g_key_file_get_string (entry, "Desktop Entry", "Exec", NULL);
  g_assert_cmpstr (exec, ==, "/usr/bin/rempart --gapplication-service");
  g_assert_true (
      g_key_file_get_boolean (entry, "Desktop Entry", "X-GNOME-Autostart-enabled", NULL));

  /* desktop-file-validate agrees, when it is installed (CI has it for the data tests). */
  validator = g_find_program_in_path ("desktop-file-validate");
  if (validator != NULL)
    {
      g_autofree char *out = NULL;
      int status = 0;
      const char *args[] = { "desktop-file-validate", path, NULL };

      g_assert_true (g_spawn_sync (NULL, (char **) args, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                                   &out, NULL, &status, &error));
      g_assert_no_error (error);
      g_test_message ("desktop-file-validate: %s", out);
      g_assert_true (g_spawn_check_wait_status (status, NULL));
    }

  /* Written again, it is replaced, not duplicated. */
  g_assert_true (rempart_autostart_enable (APP_ID, "/opt/Rempart Dev/rempart", &error));
  g_assert_no_error (error);
  g_clear_pointer (&entry, g_key_file_unref);
  g_clear_pointer (&exec, g_free);
  entry = read_entry ();
  exec = g_key_file_get_string (entry, "Desktop Entry", "Exec", NULL);
  /* A path with a space is quoted, and splits back into the program and its option. */
  g_assert_true (g_shell_parse_argv (exec, NULL, &argv, &error));
  g_assert_cmpuint (g_strv_length (argv), ==, 2);
  g_assert_cmpstr (argv[0], ==, "/opt/Rempart Dev/rempart");
  g_assert_cmpstr (argv[1], ==, "--gapplication-service");

  g_assert_true (rempart_autostart_disable (APP_ID, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_false (rempart_autostart_is_enabled (APP_ID));
  /* Already off: nothing to do, no error. */
  g_assert_true (rempart_autostart_disable (APP_ID, &error));
  g_assert_no_error (error);
}

static void
test_unwritable (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_build_filename (config_home, "autostart", NULL);
  g_autofree char *path = rempart_autostart_get_path (APP_ID);

  /* A file where the folder should be: nothing can be written under it, root or not. */
  g_assert_cmpint (g_rmdir (dir), ==, 0);
  g_assert_true (g_file_set_contents (dir, "in the way", -1, NULL));
  g_assert_false (rempart_autostart_enable (APP_ID, "/usr/bin/rempart", &error));
  g_assert_error (error, REMPART_WELLBEING_ERROR, REMPART_WELLBEING_ERROR_AUTOSTART);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_false (rempart_autostart_is_enabled (APP_ID));
  g_clear_error (&error);

  /* Removing under a file that is not a folder fails too, and says so. */
  g_assert_false (rempart_autostart_disable (APP_ID, &error));
  g_assert_error (error, REMPART_WELLBEING_ERROR, REMPART_WELLBEING_ERROR_AUTOSTART);
  g_assert_cmpint (g_unlink (dir), ==, 0);
}

int
main (int argc, char *argv[])
{
  int status;

  /* Before anything asks GLib for the config dir, which it caches. */
  config_home = rempart_test_dir_new ("autostart");
  g_setenv ("XDG_CONFIG_HOME", config_home, TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/autostart/enable-disable", test_enable_disable);
  g_test_add_func ("/autostart/unwritable", test_unwritable);

  status = g_test_run ();
  rempart_test_dir_remove (config_home);
  g_free (config_home);

  return status;
}
