/* test-preferences-fixture.c: the Preferences window on a real store file, under a real
 * display
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rempart-application.h"
#include "rempart-demo.h"
#include "rempart-feed-parser.h"
#include "rempart-test-dirs.h"
#include "rempart-ui-test.h"
#include "test-preferences-fixture.h"

/* One registered application for the whole program, as in test-window.c. */
static RempartApplication *application;

/* -------------------------------------------------------------------------------------- */
/* Helpers                                                                                */
/* -------------------------------------------------------------------------------------- */

void
save_png (GtkWidget *widget, const char *name)
{
  g_assert_true (rempart_ui_test_iterate_until (rempart_ui_test_widget_is_drawn, widget));
  rempart_ui_test_iterate_a_little ();
  rempart_ui_test_snapshot_png (widget, name, 0);
}

/* Light, dark, and a phone's 360 px. */
void
save_pngs (GtkWindow *window, const char *name)
{
  rempart_ui_test_save_pngs (window, name, 640, 720, save_png);
}

char *
read_public_key (void)
{
  g_autofree char *path =
      g_test_build_filename (G_TEST_DIST, "unit", "minisign", "unencrypted.pub", NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  g_auto (GStrv) lines = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (text, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), >=, 2);
  return g_strdup (lines[1]);
}

RempartSubscription *
add_sub (Fixture *f, const char *url, const char *key)
{
  g_autoptr (GError) error = NULL;
  RempartSubscription *sub = rempart_store_add_subscription_sync (f->store, url, key, &error);

  g_assert_no_error (error);
  g_assert_nonnull (sub);
  return sub;
}

void
update_sub (Fixture *f, RempartSubscription *sub)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (rempart_store_update_subscription_sync (f->store, sub, &error));
  g_assert_no_error (error);
}

GPtrArray *
list_subs (Fixture *f)
{
  g_autoptr (GError) error = NULL;
  GPtrArray *subs = rempart_store_list_subscriptions_sync (f->store, &error);

  g_assert_no_error (error);
  return subs;
}

RempartSubscription *
find_sub (GPtrArray *subs, const char *url)
{
  for (guint i = 0; i < subs->len; i++)
    {
      RempartSubscription *sub = g_ptr_array_index (subs, i);

      if (g_str_equal (sub->url, url))
        return sub;
    }
  return NULL;
}

GObject *
child (Fixture *f, const char *name)
{
  GObject *object =
      gtk_widget_get_template_child (GTK_WIDGET (f->window), REMPART_TYPE_PREFERENCES_WINDOW, name);

  g_assert_nonnull (object);
  return object;
}

GObject *
page_child (RempartPreferencesAddPage *page, const char *name)
{
  GObject *object =
      gtk_widget_get_template_child (GTK_WIDGET (page), REMPART_TYPE_PREFERENCES_ADD_PAGE, name);

  g_assert_nonnull (object);
  return object;
}

void
collect_rows (GtkWidget *widget, GPtrArray *rows)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      if (ADW_IS_ACTION_ROW (c))
        g_ptr_array_add (rows, c);
      else
        collect_rows (c, rows);
    }
}

AdwActionRow *
find_row (Fixture *f, const char *title)
{
  g_autoptr (GPtrArray) rows = g_ptr_array_new ();

  collect_rows (GTK_WIDGET (child (f, "subscriptions_group")), rows);
  for (guint i = 0; i < rows->len; i++)
    {
      AdwPreferencesRow *row = g_ptr_array_index (rows, i);

      if (g_strcmp0 (adw_preferences_row_get_title (row), title) == 0)
        return ADW_ACTION_ROW (row);
    }
  return NULL;
}

GtkButton *
find_button (GtkWidget *widget)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      GtkButton *found;

      if (GTK_IS_BUTTON (c))
        return GTK_BUTTON (c);
      if ((found = find_button (c)) != NULL)
        return found;
    }
  return NULL;
}

gboolean
row_is_listed (gpointer data)
{
  RowQuery *q = data;

  return find_row (q->f, q->title) != NULL;
}

gboolean
row_is_gone (gpointer data)
{
  return !row_is_listed (data);
}

gboolean
int64_is_set (gpointer data)
{
  return *(gint64 *) data != 0;
}

static void
subscription_added_cb (RempartPreferencesWindow *window, gint64 id, Fixture *f)
{
  f->added_id = id;
}

static void
subscription_removed_cb (RempartPreferencesWindow *window, gint64 id, Fixture *f)
{
  f->removed_id = id;
}

/* -------------------------------------------------------------------------------------- */
/* Fixture                                                                                */
/* -------------------------------------------------------------------------------------- */

void
fixture_set_up (Fixture *f, gconstpointer user_data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *key = read_public_key ();
  g_autoptr (RempartFeed) feed = rempart_ui_test_load_example ();
  g_autoptr (RempartSubscription) signed_sub = NULL;
  g_autoptr (RempartSubscription) broken = NULL;
  g_autoptr (RempartSubscription) unsigned_sub = NULL;
  g_autoptr (RempartSubscription) stale = NULL;
  g_autoptr (RempartSubscription) ended = NULL;
  g_autoptr (RempartSubscription) demo = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  f->dir = rempart_test_dir_new ("ui-prefs");
  path = g_build_filename (f->dir, "rempart.db", NULL);
  f->store = rempart_store_open_sync (path, NULL, &error);
  g_assert_no_error (error);
  f->settings = g_settings_new (APPLICATION_ID);

  /* A signed feed, imported for real, checked five minutes ago. */
  signed_sub = add_sub (f, SIGNED_URL, key);
  signed_sub->is_signed = TRUE;
  signed_sub->last_check = signed_sub->last_success = now - 5 * 60;
  g_assert_true (rempart_store_import_feed_sync (f->store, signed_sub, feed, NULL, &error));
  g_assert_no_error (error);
  /* The import dates the feed from example.json (2026-05-03): fresh for this test. */
  signed_sub->title = g_strdup (SIGNED_TITLE);
  signed_sub->expires = now + 86400;
  update_sub (f, signed_sub);

  broken = add_sub (f, BROKEN_URL, NULL);
  broken->last_check = now - 60;
  broken->failures = 2;
  broken->last_error = g_strdup ("The server example.net did not answer");
  update_sub (f, broken);

  unsigned_sub = add_sub (f, UNSIGNED_URL, NULL);
  unsigned_sub->title = g_strdup (UNSIGNED_TITLE);
  unsigned_sub->last_check = unsigned_sub->last_success = now - 2 * 3600 - 30;
  update_sub (f, unsigned_sub);

  stale = add_sub (f, STALE_URL, NULL);
  stale->last_check = stale->last_success = now - 3 * 86400;
  stale->expires = now - 86400;
  update_sub (f, stale);

  ended = add_sub (f, ENDED_URL, NULL);
  ended->last_check = now - 600;
  ended->ended = TRUE;
  update_sub (f, ended);

  demo = rempart_store_add_bundled_subscription_sync (f->store, REMPART_DEMO_FEED_URL, NULL, NULL);
  g_assert_nonnull (demo);

  f->window = rempart_preferences_window_new (NULL, f->store, f->settings);
  g_signal_connect (f->window, "subscription-added", G_CALLBACK (subscription_added_cb), f);
  g_signal_connect (f->window, "subscription-removed", G_CALLBACK (subscription_removed_cb), f);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 640, 720);
  gtk_window_present (GTK_WINDOW (f->window));

  {
    RowQuery q = { f, SIGNED_TITLE };

    g_assert_true (rempart_ui_test_iterate_until (row_is_listed, &q));
  }
}

void
fixture_tear_down (Fixture *f, gconstpointer user_data)
{
  AdwMessageDialog *dialog;

  while ((dialog = rempart_ui_test_find_message_dialog ()) != NULL)
    gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (f->window));
  rempart_ui_test_iterate_a_little ();

  g_settings_reset (f->settings, "sync-interval");
  g_settings_reset (f->settings, "excerpt-display");
  g_settings_reset (f->settings, "notifications");
  g_clear_object (&f->settings);

  rempart_store_close (f->store);
  g_clear_object (&f->store);
  rempart_test_dir_remove (f->dir);
  g_free (f->dir);
}

/* -------------------------------------------------------------------------------------- */
/* Main                                                                                   */
/* -------------------------------------------------------------------------------------- */

char *
preferences_test_init (int *argc, char ***argv)
{
  char *data_home;

  /* Never the developer's own data: a private data dir, set before GLib caches it. */
  data_home = rempart_ui_test_make_data_home ("ui-prefs-home");

  gtk_test_init (argc, argv, NULL);
  adw_init ();
  /* GNOME's and Phosh's title bar buttons: Xvfb has no settings daemon, and GTK's fallback
   * adds minimize and maximize, which no phone shows. */
  g_object_set (gtk_settings_get_default (), "gtk-decoration-layout", "appmenu:close", NULL);

  application = rempart_ui_test_application_new ();

  return data_home;
}

int
preferences_test_run (const char *data_home)
{
  int ret;

  ret = g_test_run ();
  rempart_ui_test_application_shutdown (application);
  g_clear_object (&application);
  rempart_test_dir_remove (data_home);

  return ret;
}
