/* rempart-test-dirs.c
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "rempart-test-dirs.h"

#define MAX_ENTRIES 10000
#define MAX_DEPTH   16

/* -------------------------------------------------------------------------------------- */
/* Helpers                                                                                */
/* -------------------------------------------------------------------------------------- */

static void
remove_tree (const char *path, guint depth, guint *n_entries)
{
  g_autoptr (GDir) dir = NULL;
  g_autoptr (GError) error = NULL;
  const char *name;

  g_assert_cmpuint (depth, <, MAX_DEPTH);
  dir = g_dir_open (path, 0, &error);
  g_assert_no_error (error);

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      g_assert_cmpuint (++*n_entries, <=, MAX_ENTRIES);
      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child, depth + 1, n_entries);
      else
        g_assert_no_errno (g_unlink (child));
    }
  g_assert_no_errno (g_rmdir (path));
}

/* -------------------------------------------------------------------------------------- */
/* Public API                                                                             */
/* -------------------------------------------------------------------------------------- */

char *
rempart_test_dir_new (const char *name)
{
  g_autofree char *tmpl = g_strdup_printf ("rempart-%s-XXXXXX", name);
  g_autoptr (GError) error = NULL;
  char *path = g_dir_make_tmp (tmpl, &error);

  g_assert_no_error (error);
  return path;
}

void
rempart_test_dir_remove (const char *path)
{
  guint n_entries = 0;

  g_return_if_fail (path != NULL);

  remove_tree (path, 0, &n_entries);
}
