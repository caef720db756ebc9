/* rempart-page-test.c
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rempart-test-dirs.h"
#include "rempart-page-test.h"

#include "rempart-i18n.h"
#include "rempart-page-private.h"

/* One registered application for the whole program, as in test-window.c. */
static RempartApplication *application;
static char *data_home;
static GPtrArray *launched; /* the URIs "opened", see fake_launcher() */

/* -------------------------------------------------------------------------------------- */
/* Helpers                                                                                */
/* -------------------------------------------------------------------------------------- */

static void
fake_launcher (GtkWidget *widget, const char *uri, gpointer user_data)
{
  g_ptr_array_add (launched, g_strdup (uri));
}

static RempartFeed *
parse_feed (GBytes *bytes)
{
  g_autoptr (GError) error = NULL;
  RempartFeed *feed = rempart_feed_parse (bytes, "test feed", &error);

  g_assert_no_error (error);
  g_assert_nonnull (feed);

  return feed;
}

static GBytes *
read_example_feed (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (g_getenv ("REMPART_SOURCE_ROOT"), "tests", "unit",
                                            "feeds", "example.json", NULL);
  char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);

  return g_bytes_new_take (contents, length);
}

static RempartStore *
open_store (void)
{
  static guint counter;
  g_autoptr (GError) error = NULL;
  g_autofree char *name = g_strdup_printf ("test-%u.db", ++counter);
  g_autofree char *path = g_build_filename (data_home, name, NULL);
  RempartStore *store = rempart_store_open_sync (path, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);

  return store;
}

static gboolean
window_is_narrow (gpointer data)
{
  int width = gtk_widget_get_width (GTK_WIDGET (data));

  return width > 0 && width <= 360;
}

/* -------------------------------------------------------------------------------------- */
/* Public API                                                                             */
/* -------------------------------------------------------------------------------------- */

void
rempart_page_test_init (int *argc, char ***argv, const char *name)
{
  g_autofree char *template = g_strdup_printf ("ui-%s", name);
  g_autofree char *data_dir = NULL;

  data_home = rempart_ui_test_make_data_home (template);

  /* The tone and template packs of the source tree. */
  data_dir = g_build_filename (g_getenv ("REMPART_SOURCE_ROOT"), "data", NULL);
  g_setenv ("REMPART_DATA_DIR", data_dir, TRUE);

  /* As the app does: the tests can then also be looked at in another language. */
  rempart_i18n_init ();
  gtk_test_init (argc, argv, NULL);
  adw_init ();
}

int
rempart_page_test_run (void)
{
  int ret;

  application = rempart_ui_test_application_new ();
  launched = g_ptr_array_new_with_free_func (g_free);
  rempart_page_set_uri_launcher (fake_launcher, NULL);

  ret = g_test_run ();

  g_clear_pointer (&launched, g_ptr_array_unref);
  rempart_ui_test_application_shutdown (application);
  g_clear_object (&application);
  rempart_test_dir_remove (data_home);
  g_clear_pointer (&data_home, g_free);

  return ret;
}

gboolean
rempart_page_test_was_launched (const char *uri)
{
  for (guint i = 0; i < launched->len; i++)
    if (g_strcmp0 (g_ptr_array_index (launched, i), uri) == 0)
      return TRUE;

  return FALSE;
}

guint
rempart_page_test_n_launched (void)
{
  return launched->len;
}

void
rempart_page_test_open_example (RempartStore **out_store,
                                RempartSubscription **out_sub,
                                RempartActionItem **out_item,
                                RempartFeedInfo **out_info)
{
  g_autoptr (GBytes) bytes = read_example_feed ();
  g_autoptr (RempartStoredAction) stored = NULL;

  *out_store = open_store ();
  *out_sub = rempart_page_test_import_feed (*out_store, EXAMPLE_FEED_URL, bytes);
  stored = rempart_page_test_find_stored (*out_store, EXAMPLE_FEED_URL, MIGRANTS_ID);
  *out_item = rempart_action_item_new (stored);
  *out_info = rempart_page_test_get_info (*out_store, (*out_sub)->id);
  g_ptr_array_set_size (launched, 0);
}

void
rempart_page_test_close_example (RempartStore **store,
                                 RempartSubscription **sub,
                                 RempartActionItem **item,
                                 RempartFeedInfo **info)
{
  g_clear_object (item);
  g_clear_pointer (info, rempart_feed_info_free);
  g_clear_pointer (sub, rempart_subscription_free);
  rempart_store_close (*store);
  g_clear_object (store);
}

RempartSubscription *
rempart_page_test_import_feed (RempartStore *store, const char *url, GBytes *bytes)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RempartFeed) feed = parse_feed (bytes);
  RempartSubscription *sub = rempart_store_add_subscription_sync (store, url, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (sub);
  g_assert_true (rempart_store_import_feed_sync (store, sub, feed, NULL, &error));
  g_assert_no_error (error);

  return sub;
}

RempartStoredAction *
rempart_page_test_find_stored (RempartStore *store, const char *url, const char *id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) actions =
      rempart_store_list_actions_sync (store, REMPART_ACTION_VIEW_ALL, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < actions->len; i++)
    {
      RempartStoredAction *stored = g_ptr_array_index (actions, i);

      if (g_strcmp0 (stored->subscription_url, url) == 0 &&
          g_strcmp0 (rempart_action_get_id (stored->action), id) == 0)
        return rempart_stored_action_copy (stored);
    }

  g_assert_not_reached ();
  return NULL;
}

RempartFeedInfo *
rempart_page_test_get_info (RempartStore *store, gint64 subscription_id)
{
  g_autoptr (GError) error = NULL;
  RempartFeedInfo *info = rempart_store_get_feed_info_sync (store, subscription_id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (info);

  return info;
}

GtkWindow *
rempart_page_test_window_new (GtkWidget *child, int width, int height)
{
  GtkWidget *window = adw_window_new ();
  GtkWidget *overlay = adw_toast_overlay_new ();

  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), child);
  adw_window_set_content (ADW_WINDOW (window), overlay);
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_set_application (GTK_WINDOW (window), GTK_APPLICATION (application));
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (rempart_ui_test_iterate_until (rempart_ui_test_widget_is_mapped, child));

  return GTK_WINDOW (window);
}

void
rempart_page_test_save_png (GtkWidget *widget, const char *name)
{
  g_assert_true (rempart_ui_test_iterate_until (rempart_ui_test_widget_is_drawn, widget));
  rempart_ui_test_iterate_for (150);
  rempart_ui_test_snapshot_png (widget, name, 200);
}

void
rempart_page_test_check_narrow (GtkWindow *window, const char *png)
{
  int minimum;

  gtk_window_set_default_size (window, 360, 720);
  g_assert_true (rempart_ui_test_iterate_until (window_is_narrow, window));
  gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL,
                      NULL);
  g_assert_cmpint (minimum, <=, 360);
  rempart_page_test_save_png (GTK_WIDGET (window), png);
}

void
rempart_page_test_set_dark (gboolean dark)
{
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                           : ADW_COLOR_SCHEME_DEFAULT);
}

/* -------------------------------------------------------------------------------------- */
/* Items as the lists hold them                                                           */
/* -------------------------------------------------------------------------------------- */

void
rempart_page_test_import_rows (RempartStore *store, gint64 seq, guint n, const char *variant)
{
  g_autoptr (GString) s = g_string_new (NULL);
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (RempartFeed) feed = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) subs = NULL;
  RempartSubscription *sub = NULL;

  g_string_append_printf (s,
                          "{\"version\": \"https://jsonfeed.org/version/1.1\", \"title\": \"R\","
                          " \"_rempart\": {\"schema\": 1, \"seq\": %lld}, \"items\": [",
                          (long long) seq);
  for (guint i = 0; i < n; i++)
    g_string_append_printf (s,
                            "%s{\"id\": \"s%u\", \"url\": \"https://example.org/t/%u\","
                            " \"title\": \"Row %u\", \"content_text\": \"Brief s%u%s\","
                            " \"_rempart\": {\"expires\": \"2099-01-01T00:00:00Z\","
                            " \"arguments\": [\"Argument s%u\"]}}",
                            i == 0 ? "" : ",", i, i, i, i, variant, i);
  g_string_append (s, "]}");
  bytes = g_bytes_new (s->str, s->len);

  subs = rempart_store_list_subscriptions_sync (store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < subs->len; i++)
    if (g_strcmp0 (((RempartSubscription *) g_ptr_array_index (subs, i))->url, ROWS_URL) == 0)
      sub = g_ptr_array_index (subs, i);
  if (sub == NULL)
    {
      rempart_subscription_free (rempart_page_test_import_feed (store, ROWS_URL, bytes));
      return;
    }
  feed = parse_feed (bytes);
  g_assert_true (rempart_store_import_feed_sync (store, sub, feed, NULL, &error));
  g_assert_no_error (error);
}

static gboolean
model_loaded (gpointer data)
{
  return !rempart_action_model_get_loading (data) &&
         g_list_model_get_n_items (G_LIST_MODEL (data)) > 0;
}

RempartActionModel *
rempart_page_test_rows_model (RempartStore *store)
{
  RempartActionModel *model = rempart_action_model_new (store, REMPART_ACTION_VIEW_ALL);

  g_assert_true (rempart_ui_test_iterate_until (model_loaded, model));
  return model;
}

RempartActionItem *
rempart_page_test_row_item (RempartActionModel *model, const char *id)
{
  RempartActionItem *item = rempart_action_model_find (model, ROWS_URL, id);

  g_assert_nonnull (item);
  g_assert_false (rempart_action_item_has_details (item));
  return item;
}
