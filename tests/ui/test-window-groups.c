/* test-window-groups.c: what the main window and its Preferences say about the groups
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "rempart-action-model.h"
#include "rempart-action-page.h"
#include "rempart-application.h"
#include "rempart-demo.h"
#include "rempart-preferences-add-page.h"
#include "rempart-preferences-window.h"
#include "rempart-test-dirs.h"
#include "rempart-ui-test.h"
#include "rempart-window-test.h"
#include "rempart-window.h"

typedef struct
{
  RempartApplication *app;
  GtkWindow *window;
  RempartStore *store;
} Fixture;

static RempartApplication *application;

/* -------------------------------------------------------------------------------------- */
/* Helpers                                                                                */
/* -------------------------------------------------------------------------------------- */

static gboolean
store_is_open (gpointer data)
{
  return rempart_application_get_store (data) != NULL;
}

static GtkWindow *
find_preferences (void)
{
  g_autoptr (GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (REMPART_IS_PREFERENCES_WINDOW (l->data) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

/* The row of Preferences → Groups titled @title, if any. */
static AdwActionRow *
preferences_row (const char *title)
{
  GtkWindow *preferences = find_preferences ();
  GtkWidget *group;
  g_autoptr (GPtrArray) stack = g_ptr_array_new ();

  if (preferences == NULL)
    return NULL;
  group = GTK_WIDGET (gtk_widget_get_template_child (
      GTK_WIDGET (preferences), REMPART_TYPE_PREFERENCES_WINDOW, "subscriptions_group"));
  g_ptr_array_add (stack, group);
  while (stack->len > 0)
    {
      GtkWidget *widget = g_ptr_array_steal_index (stack, stack->len - 1);

      if (ADW_IS_ACTION_ROW (widget) &&
          g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
        return ADW_ACTION_ROW (widget);
      for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
           c = gtk_widget_get_next_sibling (c))
        g_ptr_array_add (stack, c);
    }
  return NULL;
}

typedef struct
{
  const char *title;
  const char *prefix; /* NULL: the row is gone */
} RowWait;

static gboolean
row_says (gpointer data)
{
  RowWait *wait = data;
  AdwActionRow *row = preferences_row (wait->title);

  if (wait->prefix == NULL)
    return row == NULL;
  return row != NULL && g_str_has_prefix (adw_action_row_get_subtitle (row), wait->prefix);
}

/* -------------------------------------------------------------------------------------- */
/* Fixture                                                                                */
/* -------------------------------------------------------------------------------------- */

static void
fixture_set_up (Fixture *f, gconstpointer user_data)
{
  f->app = application;
  g_application_activate (G_APPLICATION (f->app));
  f->window = gtk_application_get_active_window (GTK_APPLICATION (f->app));
  g_assert_true (rempart_ui_test_iterate_until (rempart_ui_test_widget_is_drawn, f->window));
  g_assert_true (rempart_ui_test_iterate_until (store_is_open, f->app));
  f->store = rempart_application_get_store (f->app);
}

static void
fixture_tear_down (Fixture *f, gconstpointer user_data)
{
  /* Preferences goes with its main window (destroy-with-parent). */
  rempart_ui_test_destroy_windows (GTK_APPLICATION (f->app));
}

/* -------------------------------------------------------------------------------------- */
/* Tests                                                                                  */
/* -------------------------------------------------------------------------------------- */

/* Preferences stays open while a check runs: Groups follows what the check found. */
static void
test_preferences_live (Fixture *f, gconstpointer user_data)
{
  g_autoptr (RempartSubscription) sub = NULL;
  g_autoptr (GError) error = NULL;
  RowWait not_checked = { "Groupe vivant", "Not checked yet" };
  RowWait checked = { "Groupe vivant", "Checked" };
  RowWait examples = { "Example actions", "Sample actions" };
  RowWait examples_gone = { "Example actions", NULL };

  sub = rempart_store_add_subscription_sync (f->store, "https://example.net/vivant/feed.json", NULL,
                                             &error);
  g_assert_no_error (error);
  g_free (sub->title);
  sub->title = g_strdup ("Groupe vivant");
  g_assert_true (rempart_store_update_subscription_sync (f->store, sub, &error));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.preferences", NULL));
  g_assert_true (rempart_ui_test_iterate_until (row_says, &not_checked));
  g_assert_true (rempart_ui_test_iterate_until (row_says, &examples));

  /* What a successful first check does to the store, then the window's reload. */
  sub->last_check = sub->last_success = g_get_real_time () / G_USEC_PER_SEC;
  g_assert_true (rempart_store_update_subscription_sync (f->store, sub, &error));
  g_assert_true (rempart_demo_remove_sync (f->store, NULL, &error));
  g_assert_no_error (error);
  rempart_window_reload (REMPART_WINDOW (f->window));

  g_assert_true (rempart_ui_test_iterate_until (row_says, &checked));
  g_assert_true (rempart_ui_test_iterate_until (row_says, &examples_gone));

  /* Preferences again: the same window, not a second one. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.preferences", NULL));
  {
    g_autoptr (GList) toplevels = gtk_window_list_toplevels ();
    guint n = 0;

    for (GList *l = toplevels; l != NULL; l = l->next)
      n += REMPART_IS_PREFERENCES_WINDOW (l->data);
    g_assert_cmpuint (n, ==, 1);
  }
}

static GtkWidget *
child (Fixture *f, const char *name)
{
  GObject *object = rempart_window_test_child (GTK_WIDGET (f->window), name);

  g_assert_nonnull (object);
  return GTK_WIDGET (object);
}

/* Tab goes through the sidebar's lists without switching to each as it passes; arrows and
 * Enter still switch. */
static void
test_sidebar_tab (Fixture *f, gconstpointer user_data)
{
  RempartActionModel *model = rempart_window_get_model (REMPART_WINDOW (f->window));
  GtkWidget *views = child (f, "views_list");
  GtkWidget *focus;
  gboolean visited = FALSE;

  g_assert_cmpint (rempart_action_model_get_view (model), ==, REMPART_ACTION_VIEW_TODO);
  g_assert_true (gtk_widget_grab_focus (child (f, "primary_menu_button")));

  focus = child (f, "primary_menu_button");
  for (guint i = 0; i < 40; i++)
    {
      focus = rempart_ui_test_tab (focus, FALSE);
      rempart_ui_test_iterate_a_little ();
      visited |= rempart_ui_test_is_inside (focus, views);
      g_assert_cmpint (rempart_action_model_get_view (model), ==, REMPART_ACTION_VIEW_TODO);
    }
  g_assert_true (visited);

  /* Down then Enter on the second row: Queued. */
  g_assert_true (
      gtk_widget_grab_focus (GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (views), 0))));
  rempart_ui_test_press_key (gtk_root_get_focus (GTK_ROOT (f->window)), GDK_KEY_Down, 0);
  rempart_ui_test_iterate_a_little ();
  g_assert_true (rempart_ui_test_is_inside (
      gtk_root_get_focus (GTK_ROOT (f->window)),
      GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (views), 1))));
  gtk_widget_activate (gtk_root_get_focus (GTK_ROOT (f->window)));
  rempart_ui_test_iterate_a_little ();
  g_assert_cmpint (rempart_action_model_get_view (model), ==, REMPART_ACTION_VIEW_QUEUED);
}

static gboolean
model_is_loaded (gpointer data)
{
  return !rempart_action_model_get_loading (data) &&
         g_list_model_get_n_items (G_LIST_MODEL (data)) > 0;
}

static gboolean
shows_page (gpointer data)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (GTK_STACK (child (data, "detail_stack"))),
                    "page") == 0;
}

static gboolean
shows_composer (gpointer data)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (GTK_STACK (child (data, "detail_stack"))),
                    "composer") == 0;
}

/* Ctrl+E and Ctrl+Shift+D work with the focus outside the action page (the search). */
static void
test_shortcuts_anywhere (Fixture *f, gconstpointer user_data)
{
  RempartActionModel *model = rempart_window_get_model (REMPART_WINDOW (f->window));
  g_autoptr (RempartActionItem) item = NULL;
  GtkWidget *search = child (f, "search_entry");

  g_assert_true (rempart_ui_test_iterate_until (model_is_loaded, model));
  item = g_list_model_get_item (G_LIST_MODEL (model), 0);
  rempart_window_show_item (REMPART_WINDOW (f->window), item);
  g_assert_true (rempart_ui_test_iterate_until (shows_page, f));

  /* The focus in the search entry, outside the action page. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.search", NULL));
  rempart_ui_test_iterate_a_little ();
  g_assert_true (rempart_ui_test_is_inside (gtk_root_get_focus (GTK_ROOT (f->window)), search));
  g_assert_true (rempart_ui_test_press_key (gtk_root_get_focus (GTK_ROOT (f->window)), GDK_KEY_e,
                                            GDK_CONTROL_MASK));
  g_assert_true (rempart_ui_test_iterate_until (shows_composer, f));

  /* Not for Me from the search entry. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.back", NULL));
  g_assert_true (rempart_ui_test_iterate_until (shows_page, f));
  g_assert_true (gtk_widget_grab_focus (search));
  g_assert_true (rempart_ui_test_is_inside (gtk_root_get_focus (GTK_ROOT (f->window)), search));
  g_assert_true (rempart_ui_test_press_key (gtk_root_get_focus (GTK_ROOT (f->window)), GDK_KEY_d,
                                            GDK_CONTROL_MASK | GDK_SHIFT_MASK));
  rempart_ui_test_iterate_a_little ();
  g_assert_true (rempart_action_item_get_state (item) & REMPART_ACTION_STATE_DISMISSED);
}

static gboolean
banner_button_says (gpointer data)
{
  Fixture *f = ((gpointer *) data)[0];
  const char *label = ((gpointer *) data)[1];
  GtkWidget *button = child (f, "banner_button");

  return gtk_revealer_get_child_revealed (GTK_REVEALER (child (f, "banner_revealer"))) &&
         gtk_widget_get_visible (button) &&
         g_strcmp0 (gtk_button_get_label (GTK_BUTTON (button)), label) == 0 &&
         rempart_ui_test_widget_is_drawn (button);
}

/* The edit form of Preferences → Groups, shown, with the focus in it. */
static gboolean
shows_edit_form (gpointer data)
{
  GtkWindow *preferences = find_preferences ();
  GtkWidget *focus;

  if (preferences == NULL || !rempart_ui_test_widget_is_drawn (preferences))
    return FALSE;
  focus = gtk_root_get_focus (GTK_ROOT (preferences));
  for (GtkWidget *w = focus; w != NULL; w = gtk_widget_get_parent (w))
    if (REMPART_IS_PREFERENCES_ADD_PAGE (w))
      {
        GObject *address =
            gtk_widget_get_template_child (w, REMPART_TYPE_PREFERENCES_ADD_PAGE, "address_row");

        return rempart_ui_test_widget_is_drawn (w) &&
               g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (address)), data) == 0;
      }
  return FALSE;
}

static void
set_failure (Fixture *f, RempartSubscription *sub, RempartCheckFailure kind)
{
  g_autoptr (GError) error = NULL;

  sub->last_check = g_get_real_time () / G_USEC_PER_SEC;
  g_free (sub->last_error);
  sub->last_error = g_strdup ("The server answered “404 Not Found”.");
  sub->failure_kind = kind;
  g_assert_true (rempart_store_update_subscription_sync (f->store, sub, &error));
  g_assert_no_error (error);
  rempart_window_reload (REMPART_WINDOW (f->window));
}

/* A check that failed on a wrong address or key offers to correct the group, not to try the
 * same again: Edit Group opens its form in Preferences → Groups. Other failures keep Retry. */
static void
test_banner_edit_group (Fixture *f, gconstpointer user_data)
{
  const char *url = "https://example.net/mal-ecrit/feed.json";
  g_autoptr (RempartSubscription) sub = NULL;
  g_autoptr (RempartSubscription) saved = NULL;
  g_autoptr (GPtrArray) subs = NULL;
  g_autoptr (GError) error = NULL;
  gpointer retry[] = { f, (gpointer) "_Retry" };
  gpointer edit[] = { f, (gpointer) "_Edit Group" };
  GtkWidget *button = child (f, "banner_button");

  sub = rempart_store_add_subscription_sync (f->store, url, NULL, &error);
  g_assert_no_error (error);
  g_free (sub->title);
  sub->title = g_strdup ("Groupe mal écrit");

  /* The network or the server: trying again is what helps. */
  set_failure (f, sub, REMPART_CHECK_FAILURE_OTHER);
  g_assert_true (rempart_ui_test_iterate_until (banner_button_says, retry));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==, "app.refresh");

  /* A wrong address: saved with the group, and read back as such. */
  set_failure (f, sub, REMPART_CHECK_FAILURE_ADDRESS);
  subs = rempart_store_list_subscriptions_sync (f->store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < subs->len; i++)
    if (((RempartSubscription *) g_ptr_array_index (subs, i))->id == sub->id)
      saved = rempart_subscription_copy (g_ptr_array_index (subs, i));
  g_assert_nonnull (saved);
  g_assert_cmpint (saved->failure_kind, ==, REMPART_CHECK_FAILURE_ADDRESS);
  g_assert_true (rempart_ui_test_iterate_until (banner_button_says, edit));

  /* The pointer over it, then a click: the group's own form, its address in the field. */
  rempart_ui_test_hover (button, button, rempart_ui_test_center_of (button), FALSE);
  g_signal_emit_by_name (button, "clicked");
  rempart_ui_test_hover (button, button, rempart_ui_test_center_of (button), TRUE);
  g_assert_true (rempart_ui_test_iterate_until (shows_edit_form, (gpointer) url));
  gtk_window_destroy (find_preferences ());
  rempart_ui_test_iterate_a_little ();

  /* A wrong key, from the keyboard: Enter on the focused button. */
  set_failure (f, sub, REMPART_CHECK_FAILURE_KEY);
  g_assert_true (rempart_ui_test_iterate_until (banner_button_says, edit));
  g_assert_true (gtk_widget_grab_focus (button));
  g_assert_true (rempart_ui_test_press_key (button, GDK_KEY_Return, 0));
  g_assert_true (rempart_ui_test_iterate_until (shows_edit_form, (gpointer) url));
  gtk_window_destroy (find_preferences ());
  rempart_ui_test_iterate_a_little ();

  g_assert_true (rempart_store_remove_subscription_sync (f->store, sub->id, &error));
  g_assert_no_error (error);
}

int
main (int argc, char *argv[])
{
  g_autofree char *data_home = NULL;
  int ret;

  data_home = rempart_ui_test_make_data_home ("ui-window-groups");
  g_setenv ("REMPART_NO_SYNC", "1", TRUE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  application = rempart_ui_test_application_new ();

#define ADD(name, func) \
  g_test_add ("/window-groups/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  /* preferences-live retires the examples: last. */
  ADD ("sidebar-tab", test_sidebar_tab);
  ADD ("shortcuts-anywhere", test_shortcuts_anywhere);
  ADD ("banner-edit-group", test_banner_edit_group);
  ADD ("preferences-live", test_preferences_live);
#undef ADD

  ret = g_test_run ();
  rempart_ui_test_application_shutdown (application);
  g_clear_object (&application);
  rempart_test_dir_remove (data_home);

  return ret;
}
