/* test-window.c: the real main window, under a real display
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "rempart-test-dirs.h"
#include "rempart-action-model.h"
#include "rempart-action-page.h"
#include "rempart-application.h"
#include "rempart-composer.h"
#include "rempart-ui-test.h"
#include "rempart-window-test.h"
#include "rempart-demo.h"
#include "rempart-action-row.h"
#include "rempart-row-text.h"
#include "rempart-window.h"

typedef struct
{
  RempartApplication *app;
  GtkWindow *window;
} Fixture;

/* One registered application for the whole program: GApplication cannot be registered twice
 * on the bus with the same object path, and the real app has one instance per session too. */
static RempartApplication *application;

static void
fixture_set_up (Fixture *fixture, gconstpointer user_data)
{
  fixture->app = application;

  /* Activation is what the desktop does when the user starts Rempart. */
  g_application_activate (G_APPLICATION (fixture->app));
  fixture->window = gtk_application_get_active_window (GTK_APPLICATION (fixture->app));
  g_assert_true (REMPART_IS_WINDOW (fixture->window));
  g_assert_true (rempart_ui_test_iterate_until (rempart_ui_test_widget_is_mapped, fixture->window));
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer user_data)
{
  GList *windows;

  while ((windows = gtk_application_get_windows (GTK_APPLICATION (fixture->app))) != NULL)
    gtk_window_destroy (windows->data);

  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
save_png (GtkWidget *widget, const char *name)
{
  g_assert_true (rempart_ui_test_iterate_until (rempart_ui_test_widget_is_drawn, widget));
  /* Let a few frames go by so that the window has drawn itself at least once. */
  rempart_ui_test_iterate_a_little ();
  rempart_ui_test_snapshot_png (widget, name, 200);
}

static void
test_window_title (Fixture *fixture, gconstpointer user_data)
{
  g_assert_cmpstr (gtk_window_get_title (fixture->window), ==, "Rempart");
  g_assert_true (gtk_window_get_application (fixture->window) == GTK_APPLICATION (fixture->app));
}

static void
test_window_accessible_names (Fixture *fixture, gconstpointer user_data)
{
  GObject *menu_button = gtk_widget_get_template_child (GTK_WIDGET (fixture->window),
                                                        REMPART_TYPE_WINDOW, "primary_menu_button");

  g_assert_true (GTK_IS_MENU_BUTTON (menu_button));
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (fixture->window), GTK_ACCESSIBLE_ROLE_WINDOW);
  /* An icon-only button must have a name a screen reader can speak. */
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (menu_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Main Menu");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (menu_button)), ==, "Main Menu");
}

/* Actions installed with gtk_widget_class_install_action () on the window class. */
static gboolean
window_class_has_action (GtkWindow *window, const char *name)
{
  GtkWidgetClass *klass = GTK_WIDGET_GET_CLASS (window);
  const GVariantType *parameter_type;
  const char *property_name;
  const char *action_name;
  GType owner;

  /* GTK 4.8 writes every out argument: none of them may be NULL. */
  for (guint i = 0; gtk_widget_class_query_action (klass, i, &owner, &action_name, &parameter_type,
                                                   &property_name);
       i++)
    if (g_str_equal (action_name, name))
      return TRUE;

  return FALSE;
}

static void
test_window_menu (Fixture *fixture, gconstpointer user_data)
{
  GObject *menu_button = gtk_widget_get_template_child (GTK_WIDGET (fixture->window),
                                                        REMPART_TYPE_WINDOW, "primary_menu_button");
  GMenuModel *model = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (menu_button));
  GMenuModel *section;
  const char *expected[] = { "win.participation",     "app.moderation", "win.preferences",
                             "win.show-help-overlay", "app.help",       "app.about" };

  g_assert_nonnull (model);
  section = g_menu_model_get_item_link (model, 0, G_MENU_LINK_SECTION);
  g_assert_nonnull (section);
  g_assert_cmpint (g_menu_model_get_n_items (section), ==, G_N_ELEMENTS (expected));

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autofree char *action = NULL;

      g_assert_true (
          g_menu_model_get_item_attribute (section, i, G_MENU_ATTRIBUTE_ACTION, "s", &action));
      g_assert_cmpstr (action, ==, expected[i]);
      /* Every menu entry leads somewhere: the action exists and is enabled. */
      {
        /* Window actions are either GActionMap entries or widget-class actions. */
        if (g_str_has_prefix (action, "app."))
          {
            GAction *found = g_action_map_lookup_action (G_ACTION_MAP (fixture->app), action + 4);

            g_assert_nonnull (found);
            /* Moderation shows only in moderation mode, which is off at first. */
            if (g_str_equal (action, "app.moderation"))
              g_assert_false (g_action_get_enabled (found));
            else
              g_assert_true (g_action_get_enabled (found));
          }
        else
          {
            g_assert_true (
                g_action_group_has_action (G_ACTION_GROUP (fixture->window), action + 4) ||
                window_class_has_action (fixture->window, action));
          }
      }
    }

  g_object_unref (section);
}

static void
test_window_accels (Fixture *fixture, gconstpointer user_data)
{
  g_auto (GStrv) help =
      gtk_application_get_accels_for_action (GTK_APPLICATION (fixture->app), "app.help");
  g_auto (GStrv) quit =
      gtk_application_get_accels_for_action (GTK_APPLICATION (fixture->app), "app.quit");
  g_auto (GStrv) shortcuts = gtk_application_get_accels_for_action (GTK_APPLICATION (fixture->app),
                                                                    "win.show-help-overlay");

  g_assert_true (g_strv_contains ((const char *const *) help, "F1"));
  g_assert_true (g_strv_contains ((const char *const *) quit, "<Control>q"));
  g_assert_true (g_strv_contains ((const char *const *) shortcuts, "<Control>question"));
}

static void
test_window_shortcuts_window (Fixture *fixture, gconstpointer user_data)
{
  GtkApplicationWindow *window = GTK_APPLICATION_WINDOW (fixture->window);
  GtkShortcutsWindow *overlay;

  /* Built when first asked for, not with the window (docs/performance.md). */
  g_assert_null (gtk_application_window_get_help_overlay (window));
  g_assert_true (
      gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-help-overlay", NULL));
  overlay = gtk_application_window_get_help_overlay (window);
  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (overlay));
  g_assert_true (rempart_ui_test_iterate_until (rempart_ui_test_widget_is_mapped, overlay));
  save_png (GTK_WIDGET (overlay), "shortcuts-window.png");
}

static void
test_window_about (Fixture *fixture, gconstpointer user_data)
{
  GtkWindow *about = rempart_application_show_about (fixture->app);

  g_assert_true (ADW_IS_ABOUT_WINDOW (about));
  g_assert_cmpstr (adw_about_window_get_version (ADW_ABOUT_WINDOW (about)), ==, PACKAGE_VERSION);
  g_assert_cmpstr (adw_about_window_get_application_icon (ADW_ABOUT_WINDOW (about)), ==,
                   APPLICATION_ID);
  g_assert_cmpint (adw_about_window_get_license_type (ADW_ABOUT_WINDOW (about)), ==,
                   GTK_LICENSE_GPL_3_0);
  g_assert_nonnull (adw_about_window_get_developers (ADW_ABOUT_WINDOW (about)));
  g_assert_cmpstr (adw_about_window_get_translator_credits (ADW_ABOUT_WINDOW (about)), !=, "");
  g_assert_true (gtk_window_get_transient_for (about) == fixture->window);
  g_assert_true (rempart_ui_test_iterate_until (rempart_ui_test_widget_is_mapped, about));
  save_png (GTK_WIDGET (about), "about-window.png");
}

static void
test_window_size_remembered (Fixture *fixture, gconstpointer user_data)
{
  GSettings *settings = rempart_application_get_settings (fixture->app);
  g_autoptr (RempartWindow) second = NULL;
  int width, height;

  gtk_window_set_default_size (fixture->window, 777, 555);
  gtk_window_close (fixture->window);

  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 777);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 555);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));

  /* A new window opens at the remembered size. */
  second = g_object_ref_sink (rempart_window_new (GTK_APPLICATION (fixture->app), NULL, settings));
  gtk_window_get_default_size (GTK_WINDOW (second), &width, &height);
  g_assert_cmpint (width, ==, 777);
  g_assert_cmpint (height, ==, 555);
  /* Its store is not open yet: its list is being read, not empty ("Nothing to Do"). */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (gtk_widget_get_template_child (
                       GTK_WIDGET (second), REMPART_TYPE_WINDOW, "list_stack"))),
                   ==, "loading");
  gtk_window_destroy (GTK_WINDOW (second));

  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
}

static void
test_window_screenshot (Fixture *fixture, gconstpointer user_data)
{
  save_png (GTK_WIDGET (fixture->window), "main-window.png");
}

static gboolean
model_has_demo (gpointer data)
{
  RempartActionModel *model = data;

  return !rempart_action_model_get_loading (model) &&
         g_list_model_get_n_items (G_LIST_MODEL (model)) > 0;
}

static GListModel *
visible_list (Fixture *fixture)
{
  GObject *list_view = gtk_widget_get_template_child (GTK_WIDGET (fixture->window),
                                                      REMPART_TYPE_WINDOW, "list_view");

  return G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (list_view)));
}

/* First run: no group yet, so the signed example feed is imported and listed. */
static void
test_window_lists_store_actions (Fixture *fixture, gconstpointer user_data)
{
  RempartActionModel *model = rempart_window_get_model (REMPART_WINDOW (fixture->window));
  RempartStore *store;
  g_autoptr (GPtrArray) stored = NULL;
  g_autoptr (GError) error = NULL;
  GListModel *visible;

  g_assert_true (rempart_ui_test_iterate_until (model_has_demo, model));
  store = rempart_application_get_store (fixture->app);
  g_assert_nonnull (store);

  /* The list is exactly the store's To Do view, in the store's order. */
  stored = rempart_store_list_actions_sync (store, REMPART_ACTION_VIEW_TODO, &error);
  g_assert_no_error (error);
  visible = visible_list (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (visible), ==, stored->len);
  for (guint i = 0; i < stored->len; i++)
    {
      g_autoptr (RempartActionItem) item = g_list_model_get_item (visible, i);
      RempartStoredAction *row = g_ptr_array_index (stored, i);

      g_assert_cmpstr (rempart_action_item_get_id (item), ==, rempart_action_get_id (row->action));
      g_assert_true (rempart_demo_is_demo_url (rempart_action_item_get_subscription_url (item)));
    }

  save_png (GTK_WIDGET (fixture->window), "main-window-demo.png");
}

static gboolean
list_has_n (gpointer data)
{
  gpointer *args = data;

  return g_list_model_get_n_items (args[0]) == GPOINTER_TO_UINT (args[1]);
}

static void
test_window_search_filters (Fixture *fixture, gconstpointer user_data)
{
  RempartActionModel *model = rempart_window_get_model (REMPART_WINDOW (fixture->window));
  GObject *entry = gtk_widget_get_template_child (GTK_WIDGET (fixture->window), REMPART_TYPE_WINDOW,
                                                  "search_entry");
  GListModel *visible;
  guint all;
  gpointer args[2];

  g_assert_true (rempart_ui_test_iterate_until (model_has_demo, model));
  visible = visible_list (fixture);
  all = g_list_model_get_n_items (visible);
  g_assert_cmpuint (all, >, 1);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.search", NULL));
  /* Case and accents of the query do not matter; the title of one example matches. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "PRIDE");
  args[0] = visible;
  args[1] = GUINT_TO_POINTER (1);
  g_assert_true (rempart_ui_test_iterate_until (list_has_n, args));

  gtk_editable_set_text (GTK_EDITABLE (entry), "no action has this in its title");
  args[1] = GUINT_TO_POINTER (0);
  g_assert_true (rempart_ui_test_iterate_until (list_has_n, args));

  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  args[1] = GUINT_TO_POINTER (all);
  g_assert_true (rempart_ui_test_iterate_until (list_has_n, args));
}

/* Collects the RempartActionRows below @widget, in the order the list view lays them out. */
static void
collect_rows (GtkWidget *widget, GPtrArray *rows)
{
  if (REMPART_IS_ACTION_ROW (widget))
    {
      g_ptr_array_add (rows, widget);
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_rows (child, rows);
}

/* Every row in the list shows the action at its place: its title and, for a screen reader,
 * the same title as its name. */
static gboolean
rows_show_their_actions (gpointer data)
{
  Fixture *fixture = data;
  GListModel *visible = visible_list (fixture);
  GtkWidget *list_view = GTK_WIDGET (gtk_widget_get_template_child (
      GTK_WIDGET (fixture->window), REMPART_TYPE_WINDOW, "list_view"));
  g_autoptr (GPtrArray) rows = g_ptr_array_new ();

  collect_rows (list_view, rows);
  if (rows->len != g_list_model_get_n_items (visible))
    return FALSE;
  for (guint i = 0; i < rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (rows, i);
      g_autoptr (RempartActionItem) item = g_list_model_get_item (visible, i);
      /* The row's first child is its title. */
      RempartRowText *title = REMPART_ROW_TEXT (gtk_widget_get_first_child (row));

      if (rempart_action_row_get_item (REMPART_ACTION_ROW (row)) != item ||
          g_strcmp0 (rempart_row_text_get_text (title), rempart_action_item_get_title (item)) != 0)
        return FALSE;
    }

  return TRUE;
}

/* Issue 14: the rows a search takes out wait to be used again (rempart-action-row.c); the
 * rows it brings back, and the ones that only moved, show the action at their place. */
static void
test_window_search_recycles_rows (Fixture *fixture, gconstpointer user_data)
{
  RempartActionModel *model = rempart_window_get_model (REMPART_WINDOW (fixture->window));
  GtkEditable *entry = GTK_EDITABLE (gtk_widget_get_template_child (
      GTK_WIDGET (fixture->window), REMPART_TYPE_WINDOW, "search_entry"));
  GListModel *visible;
  guint all;
  gpointer args[2];
  const char *const queries[] = { "PRIDE", "", "zzz nothing", "", "e", "" };

  g_assert_true (rempart_ui_test_iterate_until (model_has_demo, model));
  visible = visible_list (fixture);
  all = g_list_model_get_n_items (visible);
  g_assert_cmpuint (all, >, 2);
  g_assert_true (rempart_ui_test_iterate_until (rows_show_their_actions, fixture));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.search", NULL));
  for (guint round = 0; round < 2; round++)
    for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
      {
        gtk_editable_set_text (entry, queries[i]);
        if (queries[i][0] == '\0')
          {
            args[0] = visible;
            args[1] = GUINT_TO_POINTER (all);
            g_assert_true (rempart_ui_test_iterate_until (list_has_n, args));
          }
        g_assert_true (rempart_ui_test_iterate_until (rows_show_their_actions, fixture));
      }
}

/* Types @text at the end of @entry one character at a time, as key presses do. */
static void
type_into (GtkEditable *entry, const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      int position = -1;

      gtk_editable_set_position (entry, -1);
      position = gtk_editable_get_position (entry);
      gtk_editable_insert_text (entry, p, g_utf8_next_char (p) - p, &position);
      gtk_editable_set_position (entry, position);
      rempart_ui_test_iterate_a_little ();
    }
}

static gboolean
list_shows_only (gpointer data)
{
  gpointer *args = data;
  g_autoptr (RempartActionItem) item = NULL;

  if (g_list_model_get_n_items (args[0]) != 1)
    return FALSE;
  item = g_list_model_get_item (args[0], 0);
  return g_strcmp0 (rempart_action_item_get_id (item), args[1]) == 0;
}

/* Issue 10, item 11: the search ignores case and accents on both sides, and covers the brief
 * and the group's name; a search that finds nothing says so. */
static void
test_window_search_brief_group (Fixture *fixture, gconstpointer user_data)
{
  RempartActionModel *model = rempart_window_get_model (REMPART_WINDOW (fixture->window));
  GtkEditable *entry = GTK_EDITABLE (gtk_widget_get_template_child (
      GTK_WIDGET (fixture->window), REMPART_TYPE_WINDOW, "search_entry"));
  GObject *stack = gtk_widget_get_template_child (GTK_WIDGET (fixture->window), REMPART_TYPE_WINDOW,
                                                  "list_stack");
  GObject *empty = gtk_widget_get_template_child (GTK_WIDGET (fixture->window), REMPART_TYPE_WINDOW,
                                                  "empty_page");
  GListModel *visible;
  gpointer args[2];
  guint all;

  g_assert_true (rempart_ui_test_iterate_until (model_has_demo, model));
  visible = visible_list (fixture);
  all = g_list_model_get_n_items (visible);
  g_assert_cmpuint (all, >, 2);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.search", NULL));
  args[0] = visible;

  /* A word of one brief only, typed with an accent and capitals. */
  type_into (entry, "NEIGHBÓURS");
  args[1] = (gpointer) "demo-en-6";
  g_assert_true (rempart_ui_test_iterate_until (list_shows_only, args));

  /* The group's name is in no title or brief: every example matches it. */
  gtk_editable_set_text (entry, "");
  type_into (entry, "rempart exâmples");
  args[1] = GUINT_TO_POINTER (all);
  g_assert_true (rempart_ui_test_iterate_until (list_has_n, args));

  /* A typed apostrophe finds a typographic one (“team’s” in a title). */
  gtk_editable_set_text (entry, "");
  type_into (entry, "team's new");
  args[1] = (gpointer) "demo-en-7";
  g_assert_true (rempart_ui_test_iterate_until (list_shows_only, args));

  /* Nothing matches: the list says so instead of showing an empty list. */
  type_into (entry, " wörd");
  args[1] = GUINT_TO_POINTER (0);
  g_assert_true (rempart_ui_test_iterate_until (list_has_n, args));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "empty");
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (empty)), ==, "No Results");
  save_png (GTK_WIDGET (fixture->window), "main-window-no-results.png");

  gtk_editable_set_text (entry, "");
  args[1] = GUINT_TO_POINTER (all);
  g_assert_true (rempart_ui_test_iterate_until (list_has_n, args));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "list");
}

static gboolean
detail_shows_page (gpointer data)
{
  GObject *stack = rempart_window_test_child (GTK_WIDGET (data), "detail_stack");

  return g_strcmp0 (gtk_stack_get_visible_child_name (GTK_STACK (stack)), "page") == 0;
}

static void
test_window_opens_action (Fixture *fixture, gconstpointer user_data)
{
  RempartActionModel *model = rempart_window_get_model (REMPART_WINDOW (fixture->window));
  g_autoptr (RempartActionItem) item = NULL;

  g_assert_true (rempart_ui_test_iterate_until (model_has_demo, model));
  item = g_list_model_get_item (visible_list (fixture), 0);
  rempart_window_show_item (REMPART_WINDOW (fixture->window), item);
  g_assert_true (rempart_ui_test_iterate_until (detail_shows_page, fixture->window));
  save_png (GTK_WIDGET (fixture->window), "main-window-action.png");
}

static guint
count_widgets (GtkWidget *root, GType type)
{
  guint n = G_TYPE_CHECK_INSTANCE_TYPE (root, type) ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_widgets (child, type);
  return n;
}

static gboolean
detail_shows_composer (gpointer data)
{
  GObject *stack = rempart_window_test_child (GTK_WIDGET (data), "detail_stack");

  return g_strcmp0 (gtk_stack_get_visible_child_name (GTK_STACK (stack)), "composer") == 0;
}

/* The action page and the composer are built when first shown, not for the first frame
 * (issue 14); then they are kept, with the reply being written. */
static void
test_window_detail_built_when_shown (Fixture *fixture, gconstpointer user_data)
{
  GtkWidget *window = GTK_WIDGET (fixture->window);
  RempartActionModel *model = rempart_window_get_model (REMPART_WINDOW (window));
  g_autoptr (RempartActionItem) item = NULL;
  GObject *page;

  g_assert_true (rempart_ui_test_iterate_until (rempart_ui_test_widget_is_drawn, window));
  g_assert_true (rempart_ui_test_iterate_until (model_has_demo, model));
  rempart_ui_test_iterate_a_little ();
  g_assert_cmpuint (count_widgets (window, REMPART_TYPE_ACTION_PAGE), ==, 0);
  g_assert_cmpuint (count_widgets (window, REMPART_TYPE_COMPOSER), ==, 0);
  g_assert_null (rempart_window_test_child (window, "action_page"));
  g_assert_null (rempart_window_test_child (window, "composer"));

  item = g_list_model_get_item (visible_list (fixture), 0);
  rempart_window_show_item (REMPART_WINDOW (window), item);
  g_assert_true (rempart_ui_test_iterate_until (detail_shows_page, window));
  page = rempart_window_test_child (window, "action_page");
  g_assert_true (REMPART_IS_ACTION_PAGE (page));
  g_assert_true (rempart_action_page_get_item (REMPART_ACTION_PAGE (page)) == item);
  g_assert_cmpuint (count_widgets (window, REMPART_TYPE_ACTION_PAGE), ==, 1);
  g_assert_cmpuint (count_widgets (window, REMPART_TYPE_COMPOSER), ==, 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "page.write-reply", NULL));
  g_assert_true (rempart_ui_test_iterate_until (detail_shows_composer, window));
  g_assert_true (REMPART_IS_COMPOSER (rempart_window_test_child (window, "composer")));
  g_assert_cmpuint (count_widgets (window, REMPART_TYPE_COMPOSER), ==, 1);

  /* Back and Write again: the same page and composer, none built twice. */
  g_assert_true (gtk_widget_activate_action (window, "win.back", NULL));
  g_assert_true (rempart_ui_test_iterate_until (detail_shows_page, window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "page.write-reply", NULL));
  g_assert_true (rempart_ui_test_iterate_until (detail_shows_composer, window));
  g_assert_cmpuint (count_widgets (window, REMPART_TYPE_ACTION_PAGE), ==, 1);
  g_assert_cmpuint (count_widgets (window, REMPART_TYPE_COMPOSER), ==, 1);
}

/* Clicking a "new actions" notification activates app.show-newest with the group's id. */
static void
test_window_notification_opens_action (Fixture *fixture, gconstpointer user_data)
{
  RempartActionModel *model = rempart_window_get_model (REMPART_WINDOW (fixture->window));
  g_autoptr (GPtrArray) subscriptions = NULL;
  g_autoptr (GError) error = NULL;
  RempartSubscription *demo;
  GObject *page;
  RempartActionItem *shown;

  g_assert_true (rempart_ui_test_iterate_until (model_has_demo, model));
  subscriptions =
      rempart_store_list_subscriptions_sync (rempart_application_get_store (fixture->app), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (subscriptions->len, ==, 1);
  demo = g_ptr_array_index (subscriptions, 0);

  g_action_group_activate_action (G_ACTION_GROUP (fixture->app), "show-newest",
                                  g_variant_new_int64 (demo->id));
  g_assert_true (rempart_ui_test_iterate_until (detail_shows_page, fixture->window));

  page = rempart_window_test_child (GTK_WIDGET (fixture->window), "action_page");
  shown = rempart_action_page_get_item (REMPART_ACTION_PAGE (page));
  g_assert_nonnull (shown);
  g_assert_cmpint (rempart_action_item_get_subscription_id (shown), ==, demo->id);
}

static gboolean
widget_is_narrow (gpointer data)
{
  int width = gtk_widget_get_width (GTK_WIDGET (data));

  return width > 0 && width <= 360;
}

static void
test_window_narrow (Fixture *fixture, gconstpointer user_data)
{
  int minimum;

  /* Phones: the whole window must work at 360 px wide. */
  gtk_window_set_default_size (fixture->window, 360, 640);
  g_assert_true (rempart_ui_test_iterate_until (widget_is_narrow, fixture->window));
  gtk_widget_measure (GTK_WIDGET (fixture->window), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL,
                      NULL, NULL);
  g_assert_cmpint (minimum, <=, 360);
  save_png (GTK_WIDGET (fixture->window), "main-window-360.png");
}

int
main (int argc, char *argv[])
{
  g_autofree char *data_home = NULL;
  int ret;

  /* Never the developer's own data: a private data dir, set before GLib caches it. */
  data_home = rempart_ui_test_make_data_home ("ui-window");
  /* No network in these tests: the example feed is what the lists show. */
  g_setenv ("REMPART_NO_SYNC", "1", TRUE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  application = rempart_ui_test_application_new ();

#define ADD(name, func) \
  g_test_add ("/window/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("title", test_window_title);
  ADD ("accessible-names", test_window_accessible_names);
  ADD ("menu", test_window_menu);
  ADD ("accels", test_window_accels);
  ADD ("shortcuts-window", test_window_shortcuts_window);
  ADD ("about", test_window_about);
  ADD ("size-remembered", test_window_size_remembered);
  ADD ("screenshot", test_window_screenshot);
  ADD ("narrow", test_window_narrow);
  ADD ("lists-store-actions", test_window_lists_store_actions);
  ADD ("search-filters", test_window_search_filters);
  ADD ("search-brief-group", test_window_search_brief_group);
  ADD ("search-recycles-rows", test_window_search_recycles_rows);
  ADD ("opens-action", test_window_opens_action);
  ADD ("detail-built-when-shown", test_window_detail_built_when_shown);
  ADD ("notification-opens-action", test_window_notification_opens_action);
#undef ADD

  ret = g_test_run ();
  rempart_ui_test_application_shutdown (application);
  g_clear_object (&application);
  rempart_test_dir_remove (data_home);

  return ret;
}
