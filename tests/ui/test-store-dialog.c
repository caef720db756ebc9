/* test-store-dialog.c: a refused database is said, kept and replaced only when asked
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "rempart-test-dirs.h"
#include "rempart-action-model.h"
#include "rempart-application.h"
#include "rempart-ui-test.h"
#include "rempart-window.h"

static char *data_home;

static AdwMessageDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }

  return NULL;
}

static gboolean
dialog_shown (gpointer data)
{
  return find_dialog () != NULL;
}

static gboolean
store_open (gpointer data)
{
  return rempart_application_get_store (REMPART_APPLICATION (data)) != NULL;
}

/* The new store's first job, the example feed's import, is over: the list shows it. */
static gboolean
example_listed (gpointer data)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (data));
  RempartActionModel *model;

  if (!REMPART_IS_WINDOW (window))
    return FALSE;
  model = rempart_window_get_model (REMPART_WINDOW (window));
  return !rempart_action_model_get_loading (model) &&
         g_list_model_get_n_items (G_LIST_MODEL (model)) > 0;
}

static char *
find_kept_copy (const char *dir)
{
  g_autoptr (GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      if (g_str_has_prefix (name, "rempart.db.broken-"))
        return g_build_filename (dir, name, NULL);
    }

  return NULL;
}

static void
test_refused_database (void)
{
  g_autoptr (RempartApplication) app = NULL;
  g_autofree char *dir = g_build_filename (data_home, "rempart", NULL);
  g_autofree char *path = g_build_filename (dir, "rempart.db", NULL);
  g_autofree char *kept = NULL;
  g_autofree char *kept_contents = NULL;
  const char *garbage = "this is not a database, but it is the volunteer's file\n";
  AdwMessageDialog *dialog;
  gsize length;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, garbage, -1, NULL));

  app = rempart_ui_test_application_new ();
  g_application_activate (G_APPLICATION (app));

  /* The app says so, and does not touch the file while it asks. */
  g_assert_true (rempart_ui_test_iterate_until_timeout (dialog_shown, NULL, 10));
  dialog = find_dialog ();
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), path));
  g_assert_true (adw_message_dialog_has_response (dialog, "fresh"));
  g_assert_true (adw_message_dialog_has_response (dialog, "quit"));
  g_assert_null (rempart_application_get_store (app));
  g_assert_true (g_file_get_contents (path, &kept_contents, &length, NULL));
  g_assert_cmpstr (kept_contents, ==, garbage);
  g_clear_pointer (&kept_contents, g_free);

  /* Starting fresh keeps a copy of the old file beside the new database. */
  adw_message_dialog_response (dialog, "fresh");
  g_assert_true (rempart_ui_test_iterate_until_timeout (store_open, app, 10));

  kept = find_kept_copy (dir);
  g_assert_nonnull (kept);
  g_assert_true (g_file_get_contents (kept, &kept_contents, &length, NULL));
  g_assert_cmpstr (kept_contents, ==, garbage);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpstr (rempart_store_get_path (rempart_application_get_store (app)), ==, path);

  /* The fresh store gets the example feed, as a first start does. */
  g_assert_true (rempart_ui_test_iterate_until (example_listed, app));

  rempart_ui_test_application_shutdown (app);
}

int
main (int argc, char *argv[])
{
  int ret;

  /* Never the developer's own data: a private data dir, set before GLib caches it. */
  data_home = rempart_ui_test_make_data_home ("ui-store");

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/store-dialog/refused-database", test_refused_database);

  ret = g_test_run ();
  rempart_test_dir_remove (data_home);
  g_clear_pointer (&data_home, g_free);

  return ret;
}
