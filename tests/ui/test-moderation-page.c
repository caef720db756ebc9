/* test-moderation-page.c
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "rempart-moderation-page.h"
#include "rempart-test-dirs.h"
#include "rempart-ui-test.h"
#include "rempart-workspace.h"

/*
 * Preferences → Moderation in a real preferences window: the switch writes moderation-mode
 * and shows the rest; a group is created in the private data folder after the refusals (no
 * name, no address, an address that is not http(s)), and listed; a bad public key is refused
 * before anything is downloaded.
 */

typedef struct
{
  GSettings *settings;
  AdwPreferencesWindow *window;
  RempartModerationPage *page;
} Fixture;

static GtkWidget *
child (Fixture *f, const char *name)
{
  GtkWidget *widget = GTK_WIDGET (
      gtk_widget_get_template_child (GTK_WIDGET (f->page), REMPART_TYPE_MODERATION_PAGE, name));

  g_assert_nonnull (widget);
  return widget;
}

static gboolean
message_contains (gpointer data)
{
  Fixture *f = ((gpointer *) data)[0];
  const char *needle = ((gpointer *) data)[1];

  return strstr (gtk_label_get_text (GTK_LABEL (child (f, "message_label"))), needle) != NULL;
}

static gboolean
wait_message (Fixture *f, const char *needle)
{
  gpointer data[2] = { f, (gpointer) needle };

  return rempart_ui_test_iterate_until (message_contains, data);
}

static void
save_png (GtkWidget *widget, const char *name)
{
  g_assert_true (rempart_ui_test_iterate_until (rempart_ui_test_widget_is_drawn, widget));
  rempart_ui_test_iterate_a_little ();
  rempart_ui_test_snapshot_png (widget, name, 0);
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->settings = g_settings_new (APPLICATION_ID);
  g_settings_reset (f->settings, "moderation-mode");
  f->window = ADW_PREFERENCES_WINDOW (adw_preferences_window_new ());
  f->page = REMPART_MODERATION_PAGE (rempart_moderation_page_new (f->settings));
  adw_preferences_window_add (f->window, ADW_PREFERENCES_PAGE (f->page));
  gtk_window_present (GTK_WINDOW (f->window));
  g_assert_true (rempart_ui_test_iterate_until (rempart_ui_test_widget_is_drawn, f->window));
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_autofree char *base = rempart_workspace_default_base_dir ();

  gtk_window_destroy (GTK_WINDOW (f->window));
  rempart_ui_test_iterate_for (200);
  g_clear_object (&f->settings);
  if (g_file_test (base, G_FILE_TEST_IS_DIR))
    rempart_test_dir_remove (base);
}

static void
test_mode_switch (Fixture *f, gconstpointer data)
{
  GtkWidget *mode_switch = child (f, "mode_switch");

  g_assert_false (g_settings_get_boolean (f->settings, "moderation-mode"));
  g_assert_false (gtk_widget_get_visible (child (f, "create_group")));
  gtk_switch_set_active (GTK_SWITCH (mode_switch), TRUE);
  g_assert_true (g_settings_get_boolean (f->settings, "moderation-mode"));
  g_assert_true (gtk_widget_get_visible (child (f, "create_group")));
  g_assert_true (gtk_widget_get_visible (child (f, "download_group")));
  g_settings_set_boolean (f->settings, "moderation-mode", FALSE);
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (mode_switch)));
  g_assert_false (gtk_widget_get_visible (child (f, "groups_group")));
}

static void
test_create (Fixture *f, gconstpointer data)
{
  GtkWidget *name_row = child (f, "name_row");
  GtkWidget *url_row = child (f, "feed_url_row");
  GtkWidget *groups_list = child (f, "groups_list");

  g_settings_set_boolean (f->settings, "moderation-mode", TRUE);
  g_assert_true (wait_message (f, ""));

  /* No name: said, and the focus goes to it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "moderation-page.create", NULL));
  g_assert_true (wait_message (f, "name"));
  g_assert_true (
      rempart_ui_test_is_inside (gtk_window_get_focus (GTK_WINDOW (f->window)), name_row));

  gtk_editable_set_text (GTK_EDITABLE (name_row), "#jesuislà Lyon");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "moderation-page.create", NULL));
  g_assert_true (wait_message (f, "https://example.org/feed.json"));
  g_assert_true (
      rempart_ui_test_is_inside (gtk_window_get_focus (GTK_WINDOW (f->window)), url_row));

  gtk_editable_set_text (GTK_EDITABLE (url_row), "ftp://example.org/feed.json");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "moderation-page.create", NULL));
  g_assert_true (wait_message (f, "not valid"));
  g_assert_true (gtk_widget_has_css_class (child (f, "message_label"), "error"));

  gtk_editable_set_text (GTK_EDITABLE (url_row), "https://example.org/lyon/feed.json");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "moderation-page.create", NULL));
  g_assert_true (wait_message (f, "is ready"));
  g_assert_false (gtk_widget_has_css_class (child (f, "message_label"), "error"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), ==, "");

  /* Listed, once the list is read again. */
  {
    gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
    GtkWidget *row = NULL;

    while (g_get_monotonic_time () < deadline)
      {
        row = gtk_widget_get_first_child (groups_list);
        if (row != NULL && ADW_IS_PREFERENCES_ROW (row) &&
            g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                       "#jesuislà Lyon") == 0)
          break;
        row = NULL;
        g_main_context_iteration (NULL, FALSE);
        g_usleep (1000);
      }
    g_assert_nonnull (row);
  }
  rempart_ui_test_save_pngs (GTK_WINDOW (f->window), "moderation-page", 720, 800, save_png);
}

static void
test_bad_key (Fixture *f, gconstpointer data)
{
  g_settings_set_boolean (f->settings, "moderation-mode", TRUE);
  gtk_widget_activate_action (GTK_WIDGET (f->page), "moderation-page.download", NULL);
  g_assert_true (wait_message (f, "address"));
  gtk_editable_set_text (GTK_EDITABLE (child (f, "download_url_row")),
                         "https://example.org/feed.json");
  gtk_editable_set_text (GTK_EDITABLE (child (f, "key_row")), "not a key");
  gtk_widget_activate_action (GTK_WIDGET (f->page), "moderation-page.download", NULL);
  rempart_ui_test_iterate_a_little ();
  g_assert_true (gtk_widget_has_css_class (child (f, "message_label"), "error"));
  g_assert_true (rempart_ui_test_is_inside (gtk_window_get_focus (GTK_WINDOW (f->window)),
                                            child (f, "key_row")));
}

int
main (int argc, char *argv[])
{
  g_autofree char *data_home = NULL;
  int ret;

  data_home = rempart_ui_test_make_data_home ("ui-moderation-page-home");
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_object_set (gtk_settings_get_default (), "gtk-decoration-layout", "appmenu:close", NULL);

#define ADD(name, func) \
  g_test_add ("/moderation-page/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("mode-switch", test_mode_switch);
  ADD ("create", test_create);
  ADD ("bad-key", test_bad_key);
#undef ADD

  ret = g_test_run ();
  rempart_test_dir_remove (data_home);
  return ret;
}
