/* test-store-readonly.c: a write-protected database is said at start, like the other store
 * problems
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "rempart-application.h"
#include "rempart-test-dirs.h"
#include "rempart-test-readonly.h"
#include "rempart-ui-test.h"

/* A program of its own: one registered application per program (test-store-dialog.c has
 * the other store problems). */

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

/* A database the volunteer cannot write (write-protected by its permissions, or as root by
 * the immutable attribute: rempart_test_set_write_protected()) is said at start, with the
 * file's name; Try Again opens it once it is writable. The protection is lifted before any
 * assertion, so that a failure leaves nothing undeletable behind. */
static void
test_read_only_database (void)
{
  g_autoptr (RempartApplication) app = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_build_filename (data_home, "rempart", NULL);
  g_autofree char *path = g_build_filename (dir, "rempart.db", NULL);
  g_autofree char *how = NULL;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;
  gboolean shown;
  gboolean has_retry;
  gboolean has_fresh;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  {
    g_autoptr (RempartStore) store = rempart_store_open_sync (path, NULL, &error);

    g_assert_no_error (error);
    rempart_store_close (store);
  }

  if (!rempart_test_set_write_protected (path, TRUE, &how))
    {
      g_autofree char *message = g_strdup_printf ("cannot write-protect a file here: %s", how);

      g_test_skip (message);
      return;
    }

  app = rempart_ui_test_application_new ();
  g_application_activate (G_APPLICATION (app));
  shown = rempart_ui_test_iterate_until_timeout (dialog_shown, NULL, 10);
  dialog = find_dialog ();
  body = dialog != NULL ? g_strdup (adw_message_dialog_get_body (dialog)) : NULL;
  has_retry = dialog != NULL && adw_message_dialog_has_response (dialog, "retry");
  has_fresh = dialog != NULL && adw_message_dialog_has_response (dialog, "fresh");
  g_assert_true (rempart_test_set_write_protected (path, FALSE, NULL));

  g_assert_true (shown);
  g_assert_nonnull (strstr (body, path));
  g_assert_nonnull (strstr (body, "write-protected"));
  g_assert_true (has_retry);
  /* Nothing is wrong with the data: no "start fresh". */
  g_assert_false (has_fresh);
  g_assert_null (rempart_application_get_store (app));

  adw_message_dialog_response (dialog, "retry");
  g_assert_true (rempart_ui_test_iterate_until_timeout (store_open, app, 10));
  g_assert_cmpstr (rempart_store_get_path (rempart_application_get_store (app)), ==, path);

  rempart_ui_test_application_shutdown (app);
}

int
main (int argc, char *argv[])
{
  int ret;

  /* Never the developer's own data: a private data dir, set before GLib caches it. */
  data_home = rempart_ui_test_make_data_home ("ui-store-readonly");

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/store-dialog/read-only-database", test_read_only_database);

  ret = g_test_run ();
  rempart_test_dir_remove (data_home);
  g_clear_pointer (&data_home, g_free);

  return ret;
}
