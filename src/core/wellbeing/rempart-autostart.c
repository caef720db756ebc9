/* rempart-autostart.c: the autostart file that starts Rempart in the background at login
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Rempart"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "rempart-autostart.h"
#include "rempart-helplines.h"

/* -------------------------------------------------------------------------------------- */
/* Helpers                                                                                */
/* -------------------------------------------------------------------------------------- */

/* The Exec key's quoting (Desktop Entry Specification, "The Exec key"): inside double quotes,
 * ", `, $ and \ take a backslash; then the string value escapes every backslash again. */
static char *
quote_program (const char *program)
{
  GString *quoted = g_string_new ("\"");

  for (const char *p = program; *p != '\0'; p++)
    {
      if (*p == '"' || *p == '`' || *p == '$')
        g_string_append (quoted, "\\\\");
      else if (*p == '\\')
        g_string_append (quoted, "\\\\\\");
      g_string_append_c (quoted, *p);
    }
  g_string_append_c (quoted, '"');

  return g_string_free (quoted, FALSE);
}

static gboolean
needs_quotes (const char *program)
{
  for (const char *p = program; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && strchr ("/._+-", *p) == NULL)
      return TRUE;

  return FALSE;
}

static gboolean
autostart_error (GError **error, const char *path, const char *reason)
{
  g_set_error (error, REMPART_WELLBEING_ERROR, REMPART_WELLBEING_ERROR_AUTOSTART,
               /* Translators: %s is a file, then the reason from the system */
               _ ("Could not set Rempart to start when you log in: “%s”: %s. Check that your "
                  "configuration folder can be written to."),
               path, reason);
  return FALSE;
}

/* -------------------------------------------------------------------------------------- */
/* Public API                                                                             */
/* -------------------------------------------------------------------------------------- */

char *
rempart_autostart_get_path (const char *app_id)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (app_id != NULL, NULL);

  name = g_strconcat (app_id, ".desktop", NULL);
  return g_build_filename (g_get_user_config_dir (), "autostart", name, NULL);
}

gboolean
rempart_autostart_enable (const char *app_id, const char *program, GError **error)
{
  g_autofree char *path = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *exec = NULL;
  g_autofree char *contents = NULL;
  g_autoptr (GError) local_error = NULL;

  g_return_val_if_fail (app_id != NULL, FALSE);
  g_return_val_if_fail (program != NULL && program[0] != '\0', FALSE);

  path = rempart_autostart_get_path (app_id);
  dir = g_path_get_dirname (path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    return autostart_error (error, path, g_strerror (errno));

  exec = needs_quotes (program) ? quote_program (program) : g_strdup (program);
  /* The name and comment are written in the language of the moment: the file is the
   * volunteer's own, and session managers show them in their list of startup programs. */
  contents = g_strdup_printf ("[Desktop Entry]\n"
                              "Type=Application\n"
                              "Name=Rempart\n"
                              "Comment=%s\n"
                              "Exec=%s --gapplication-service\n"
                              "Icon=%s\n"
                              "Terminal=false\n"
                              "NoDisplay=true\n"
                              "X-GNOME-Autostart-enabled=true\n",
                              _ ("Runs in the background for the daily reminder"), exec, app_id);

  if (!g_file_set_contents_full (path, contents, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0644,
                                 &local_error))
    return autostart_error (error, path, local_error->message);

  return TRUE;
}

gboolean
rempart_autostart_disable (const char *app_id, GError **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (app_id != NULL, FALSE);

  path = rempart_autostart_get_path (app_id);
  if (g_unlink (path) != 0 && errno != ENOENT)
    {
      int saved = errno;

      g_set_error (error, REMPART_WELLBEING_ERROR, REMPART_WELLBEING_ERROR_AUTOSTART,
                   /* Translators: %s is a file, then the reason from the system */
                   _ ("Could not stop Rempart from starting when you log in: “%s”: %s. Remove "
                      "the file yourself."),
                   path, g_strerror (saved));
      return FALSE;
    }

  return TRUE;
}

gboolean
rempart_autostart_is_enabled (const char *app_id)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (app_id != NULL, FALSE);

  path = rempart_autostart_get_path (app_id);
  return g_file_test (path, G_FILE_TEST_IS_REGULAR);
}
