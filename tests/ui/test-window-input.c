/* test-window-input.c: the main window under the pointer and the keyboard: nothing moves
 * unless the volunteer asks
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "rempart-action-model.h"
#include "rempart-action-page.h"
#include "rempart-action-row.h"
#include "rempart-application.h"
#include "rempart-composer.h"
#include "rempart-session-window.h"
#include "rempart-test-dirs.h"
#include "rempart-ui-test.h"
#include "rempart-window-test.h"
#include "rempart-window.h"

typedef struct
{
  RempartApplication *app;
  GtkWindow *window;
  RempartActionModel *model;
} Fixture;

static RempartApplication *application;

/* -------------------------------------------------------------------------------------- */
/* Helpers                                                                                */
/* -------------------------------------------------------------------------------------- */

static GtkWidget *
child (Fixture *fixture, const char *name)
{
  GObject *object = rempart_window_test_child (GTK_WIDGET (fixture->window), name);

  g_assert_nonnull (object);
  return GTK_WIDGET (object);
}

static gboolean
model_is_loaded (gpointer data)
{
  RempartActionModel *model = data;

  return !rempart_action_model_get_loading (model) &&
         g_list_model_get_n_items (G_LIST_MODEL (model)) > 2;
}

static const char *
detail_name (Fixture *fixture)
{
  return gtk_stack_get_visible_child_name (GTK_STACK (child (fixture, "detail_stack")));
}

static gboolean
shows_page (gpointer data)
{
  Fixture *fixture = data;

  return g_strcmp0 (detail_name (fixture), "page") == 0 &&
         rempart_action_page_get_item (REMPART_ACTION_PAGE (child (fixture, "action_page"))) !=
             NULL;
}

static gboolean
shows_composer (gpointer data)
{
  return g_strcmp0 (detail_name (data), "composer") == 0;
}

/* The RempartActionRow showing the @index-th visible action, once drawn. */
static GtkWidget *
list_row (Fixture *fixture, guint index)
{
  GtkWidget *list = child (fixture, "list_view");
  g_autoptr (RempartActionItem) wanted =
      g_list_model_get_item (G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (list))), index);

  g_assert_nonnull (wanted);
  for (guint attempt = 0; attempt < 500; attempt++)
    {
      for (GtkWidget *item = gtk_widget_get_first_child (list); item != NULL;
           item = gtk_widget_get_next_sibling (item))
        {
          GtkWidget *row = gtk_widget_get_first_child (item);

          if (row != NULL && REMPART_IS_ACTION_ROW (row) &&
              rempart_action_row_get_item (REMPART_ACTION_ROW (row)) == wanted &&
              rempart_ui_test_widget_is_drawn (row))
            return row;
        }
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }

  g_assert_not_reached ();
}

/* NULL while no action is shown, also before the action page is first built. */
static RempartActionItem *
shown_item (Fixture *fixture)
{
  GObject *page = rempart_window_test_child (GTK_WIDGET (fixture->window), "action_page");

  return page != NULL ? rempart_action_page_get_item (REMPART_ACTION_PAGE (page)) : NULL;
}

static RempartActionItem *
visible_item (Fixture *fixture, guint index)
{
  GListModel *list =
      G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (child (fixture, "list_view"))));
  RempartActionItem *item = g_list_model_get_item (list, index);

  g_object_unref (item); /* the model keeps it */
  return item;
}

/* The pointer goes over @row, stays a moment, and leaves. */
static void
hover_row (GtkWidget *row)
{
  GtkWidget *list_item = gtk_widget_get_parent (row);

  rempart_ui_test_hover (list_item, row, rempart_ui_test_center_of (row), FALSE);
  rempart_ui_test_iterate_a_little ();
  rempart_ui_test_hover (list_item, row, rempart_ui_test_center_of (row), TRUE);
  rempart_ui_test_iterate_a_little ();
}

static void
open_first_action (Fixture *fixture)
{
  rempart_ui_test_click_list_item (list_row (fixture, 0));
  g_assert_true (rempart_ui_test_iterate_until (shows_page, fixture));
  g_assert_true (shown_item (fixture) == visible_item (fixture, 0));
}

/* -------------------------------------------------------------------------------------- */
/* Fixture                                                                                */
/* -------------------------------------------------------------------------------------- */

static void
fixture_set_up (Fixture *fixture, gconstpointer user_data)
{
  fixture->app = application;
  g_application_activate (G_APPLICATION (fixture->app));
  fixture->window = gtk_application_get_active_window (GTK_APPLICATION (fixture->app));
  g_assert_true (REMPART_IS_WINDOW (fixture->window));
  gtk_window_set_default_size (fixture->window, 1280, 800);
  g_assert_true (rempart_ui_test_iterate_until (rempart_ui_test_widget_is_drawn, fixture->window));
  fixture->model = rempart_window_get_model (REMPART_WINDOW (fixture->window));
  g_assert_true (rempart_ui_test_iterate_until (model_is_loaded, fixture->model));
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer user_data)
{
  rempart_ui_test_destroy_windows (GTK_APPLICATION (fixture->app));
}

/* -------------------------------------------------------------------------------------- */
/* Tests                                                                                  */
/* -------------------------------------------------------------------------------------- */

/* Writing a reply, the pointer crosses the list: the reply stays. */
static void
test_hover_keeps_composer (Fixture *fixture, gconstpointer user_data)
{
  RempartActionItem *first;

  open_first_action (fixture);
  first = shown_item (fixture);
  g_assert_true (
      gtk_widget_activate_action (child (fixture, "action_page"), "page.write-reply", NULL));
  g_assert_true (rempart_ui_test_iterate_until (shows_composer, fixture));

  for (guint i = 1; i < 3; i++)
    hover_row (list_row (fixture, i));

  g_assert_cmpstr (detail_name (fixture), ==, "composer");
  g_assert_true (rempart_composer_get_item (REMPART_COMPOSER (child (fixture, "composer"))) ==
                 first);
  g_assert_true (shown_item (fixture) == first);
}

/* Filtering with the pointer resting over the list opens nothing either. */
static void
test_filter_under_pointer (Fixture *fixture, gconstpointer user_data)
{
  GtkWidget *entry = child (fixture, "search_entry");
  GtkWidget *row;
  RempartActionItem *first;

  open_first_action (fixture);
  first = shown_item (fixture);
  row = list_row (fixture, 1);
  rempart_ui_test_hover (gtk_widget_get_parent (row), row, rempart_ui_test_center_of (row), FALSE);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.search", NULL));
  gtk_editable_set_text (GTK_EDITABLE (entry), "e");
  rempart_ui_test_iterate_a_little ();
  /* The rows under the pointer now show other actions: GTK tells them the pointer came in. */
  hover_row (list_row (fixture, 0));
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  rempart_ui_test_iterate_a_little ();

  g_assert_true (shown_item (fixture) == first);
  g_assert_cmpstr (detail_name (fixture), ==, "page");
}

/* At 360 px the list fills the window: hovering a row does not leave it. */
static void
test_hover_narrow (Fixture *fixture, gconstpointer user_data)
{
  AdwLeaflet *leaflet = ADW_LEAFLET (child (fixture, "leaflet"));

  gtk_window_set_default_size (fixture->window, 360, 640);
  for (guint i = 0; i < 500 && !adw_leaflet_get_folded (leaflet); i++)
    rempart_ui_test_iterate_a_little ();
  g_assert_true (adw_leaflet_get_folded (leaflet));
  adw_leaflet_set_visible_child_name (leaflet, "list");

  for (guint i = 0; i < 3; i++)
    {
      hover_row (list_row (fixture, i));
      g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "list");
    }
  g_assert_null (shown_item (fixture));

  /* A tap still opens the action. */
  open_first_action (fixture);
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "detail");
  gtk_window_set_default_size (fixture->window, 1280, 800);
}

/* The keyboard still opens actions: Enter on a row, or moving the selection. */
static void
test_keyboard_opens (Fixture *fixture, gconstpointer user_data)
{
  GtkWidget *row = list_row (fixture, 2);

  g_assert_true (gtk_widget_grab_focus (gtk_widget_get_parent (row)));
  g_assert_true (rempart_ui_test_press_key (gtk_widget_get_parent (row), GDK_KEY_Return, 0));
  g_assert_true (rempart_ui_test_iterate_until (shows_page, fixture));
  g_assert_true (shown_item (fixture) == visible_item (fixture, 2));

  row = list_row (fixture, 1);
  g_assert_true (gtk_widget_grab_focus (gtk_widget_get_parent (row)));
  g_assert_true (rempart_ui_test_press_key (gtk_widget_get_parent (row), GDK_KEY_Up, 0));
  g_assert_true (rempart_ui_test_iterate_until (shows_page, fixture));
  for (guint i = 0; i < 500 && shown_item (fixture) != visible_item (fixture, 0); i++)
    rempart_ui_test_iterate_a_little ();
  g_assert_true (shown_item (fixture) == visible_item (fixture, 0));
}

static GtkWidget *
composer_child (Fixture *fixture, const char *name)
{
  GObject *object =
      gtk_widget_get_template_child (child (fixture, "composer"), REMPART_TYPE_COMPOSER, name);

  g_assert_nonnull (object);
  return GTK_WIDGET (object);
}

static gboolean
reply_has_focus (gpointer data)
{
  Fixture *fixture = data;

  return gtk_widget_is_focus (composer_child (fixture, "text_view"));
}

/* Write a Reply, then type: the words go into the reply. */
static void
test_write_reply_focus (Fixture *fixture, gconstpointer user_data)
{
  GtkWidget *page;
  GtkWidget *write;

  open_first_action (fixture);
  page = child (fixture, "action_page");
  write =
      GTK_WIDGET (gtk_widget_get_template_child (page, REMPART_TYPE_ACTION_PAGE, "write_button"));
  g_assert_true (gtk_widget_grab_focus (write));
  g_assert_true (gtk_widget_activate (write));
  g_assert_true (rempart_ui_test_iterate_until (shows_composer, fixture));
  g_assert_true (rempart_ui_test_iterate_until (reply_has_focus, fixture));

  /* Back, then Write a Reply again: the reply has the focus again. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.back", NULL));
  g_assert_true (rempart_ui_test_iterate_until (shows_page, fixture));
  g_assert_true (gtk_widget_grab_focus (write));
  g_assert_true (gtk_widget_activate (write));
  g_assert_true (rempart_ui_test_iterate_until (reply_has_focus, fixture));
}

/* From the reply, Tab goes down the composer, control after control, not back to the
 * window's menu; then on to the brief beside it (test-composer-brief.c), top to bottom. */
static void
test_reply_tab_order (Fixture *fixture, gconstpointer user_data)
{
  GtkWidget *composer;
  GtkWidget *text_view;
  GtkWidget *brief;
  GtkWidget *focus;
  graphene_point_t origin = GRAPHENE_POINT_INIT (0, 0);
  graphene_point_t previous;
  guint inside = 0;

  open_first_action (fixture);
  g_assert_true (
      gtk_widget_activate_action (child (fixture, "action_page"), "page.write-reply", NULL));
  composer = child (fixture, "composer");
  text_view = composer_child (fixture, "text_view");
  brief = composer_child (fixture, "brief");
  g_assert_true (rempart_ui_test_iterate_until (reply_has_focus, fixture));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (text_view)),
                            "#jesuislà Bonjour, voici la source : https://example.org", -1);
  /* The buttons under the reply wait for words in it: Tab skips them until then (and went
   * straight on to the brief on a loaded machine). */
  g_assert_true (rempart_ui_test_iterate_until ((gboolean (*) (gpointer)) gtk_widget_is_sensitive,
                                                composer_child (fixture, "posted_button")));
  g_assert_true (gtk_widget_compute_point (text_view, composer, &origin, &previous));

  for (focus = rempart_ui_test_tab (text_view, FALSE);
       focus != NULL && rempart_ui_test_is_inside (focus, composer) &&
       !rempart_ui_test_is_inside (focus, brief) && inside < 50;
       focus = rempart_ui_test_tab (focus, FALSE), inside++)
    {
      graphene_point_t here;

      g_assert_true (gtk_widget_compute_point (focus, composer, &origin, &here));
      g_assert_cmpfloat (here.y, >=, previous.y);
      previous = here;
    }

  /* It went through the composer's buttons, down to Mark as Posted, before leaving the
   * reply's column for the brief's. */
  g_assert_cmpuint (inside, >=, 3);
  g_assert_true (gtk_widget_is_focus (composer_child (fixture, "posted_button")) ||
                 !rempart_ui_test_is_inside (focus, composer) ||
                 rempart_ui_test_is_inside (focus, brief));
  g_assert_false (rempart_ui_test_is_inside (focus, child (fixture, "primary_menu_button")) &&
                  inside == 0);
}

/* The first button labelled @label below @widget, depth first. */
static GtkWidget *
find_labelled_button (GtkWidget *widget, const char *label)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (c) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (c)), label) == 0)
        return c;
      if ((found = find_labelled_button (c, label)) != NULL)
        return found;
    }
  return NULL;
}

static gboolean
undo_is_shown (gpointer data)
{
  Fixture *fixture = data;

  return find_labelled_button (child (fixture, "toast_overlay"), "_Undo") != NULL;
}

static gboolean
list_has (Fixture *fixture, const char *id)
{
  GListModel *list =
      G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (child (fixture, "list_view"))));

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr (RempartActionItem) item = g_list_model_get_item (list, i);

      if (g_str_equal (rempart_action_item_get_id (item), id))
        return TRUE;
    }
  return FALSE;
}

static RempartActionState
stored_state (Fixture *fixture, const char *id)
{
  RempartStore *store = rempart_application_get_store (fixture->app);
  g_autoptr (GPtrArray) all = NULL;
  g_autoptr (GError) error = NULL;

  all = rempart_store_list_actions_sync (store, REMPART_ACTION_VIEW_ALL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < all->len; i++)
    {
      RempartStoredAction *a = g_ptr_array_index (all, i);

      if (g_str_equal (rempart_action_get_id (a->action), id))
        return a->state;
    }
  g_assert_not_reached ();
}

typedef struct
{
  Fixture *fixture;
  const char *id;
  gboolean present;
} ListWait;

static gboolean
list_has_cb (gpointer data)
{
  ListWait *wait = data;

  return !rempart_action_model_get_loading (wait->fixture->model) &&
         list_has (wait->fixture, wait->id) == wait->present;
}

static void
wait_list (Fixture *fixture, const char *id, gboolean present)
{
  ListWait wait = { fixture, id, present };

  g_assert_true (rempart_ui_test_iterate_until (list_has_cb, &wait));
}

/* Not for Me, then Undo in its toast: the action is back in To Do and on screen. */
static void
test_dismiss_undo (Fixture *fixture, gconstpointer user_data)
{
  GtkWidget *page;
  GtkWidget *dismiss;
  g_autofree char *id = NULL;

  open_first_action (fixture);
  page = child (fixture, "action_page");
  dismiss =
      GTK_WIDGET (gtk_widget_get_template_child (page, REMPART_TYPE_ACTION_PAGE, "dismiss_button"));
  id = g_strdup (rempart_action_item_get_id (shown_item (fixture)));
  g_assert_true (gtk_widget_activate (dismiss));
  wait_list (fixture, id, FALSE);
  g_assert_true (stored_state (fixture, id) & REMPART_ACTION_STATE_DISMISSED);

  g_assert_true (rempart_ui_test_iterate_until (undo_is_shown, fixture));
  g_assert_true (
      gtk_widget_activate (find_labelled_button (child (fixture, "toast_overlay"), "_Undo")));
  wait_list (fixture, id, TRUE);
  g_assert_false (stored_state (fixture, id) & REMPART_ACTION_STATE_DISMISSED);
  g_assert_true (rempart_ui_test_iterate_until (shows_page, fixture));
  g_assert_cmpstr (rempart_action_item_get_id (shown_item (fixture)), ==, id);
}

/* An action set aside, found in the archive, goes back to To Do from its page. */
static void
test_put_back (Fixture *fixture, gconstpointer user_data)
{
  GtkWidget *page;
  GtkWidget *dismiss;
  GtkWidget *put_back;
  g_autofree char *id = NULL;

  open_first_action (fixture);
  page = child (fixture, "action_page");
  dismiss =
      GTK_WIDGET (gtk_widget_get_template_child (page, REMPART_TYPE_ACTION_PAGE, "dismiss_button"));
  put_back = GTK_WIDGET (
      gtk_widget_get_template_child (page, REMPART_TYPE_ACTION_PAGE, "put_back_button"));
  g_assert_false (gtk_widget_get_visible (put_back));
  id = g_strdup (rempart_action_item_get_id (shown_item (fixture)));
  g_assert_true (gtk_widget_activate (dismiss));
  wait_list (fixture, id, FALSE);

  g_assert_true (
      gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-view", "i", 3));
  wait_list (fixture, id, TRUE);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (
                            GTK_LIST_VIEW (child (fixture, "list_view")))));
       i++)
    if (g_str_equal (rempart_action_item_get_id (visible_item (fixture, i)), id))
      rempart_ui_test_click_list_item (list_row (fixture, i));
  g_assert_true (rempart_ui_test_iterate_until (shows_page, fixture));
  g_assert_cmpstr (rempart_action_item_get_id (shown_item (fixture)), ==, id);
  g_assert_true (gtk_widget_get_visible (put_back));
  g_assert_false (gtk_widget_get_visible (dismiss));

  g_assert_true (gtk_widget_activate (put_back));
  wait_list (fixture, id, FALSE);
  g_assert_false (stored_state (fixture, id) & REMPART_ACTION_STATE_DISMISSED);
  g_assert_true (gtk_widget_get_visible (dismiss));
  g_assert_false (gtk_widget_get_visible (put_back));

  g_assert_true (
      gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-view", "i", 0));
  wait_list (fixture, id, TRUE);
}

static const char *
detail_title (Fixture *fixture)
{
  return adw_window_title_get_title (ADW_WINDOW_TITLE (child (fixture, "detail_title")));
}

static gboolean
session_is_possible (gpointer data)
{
  return gtk_widget_get_sensitive (child (data, "session_button"));
}

/* Writes @text as the reply to the action shown and queues it. */
static void
queue_reply (Fixture *fixture, const char *text)
{
  g_assert_true (
      gtk_widget_activate_action (child (fixture, "action_page"), "page.write-reply", NULL));
  g_assert_true (rempart_ui_test_iterate_until (reply_has_focus, fixture));
  gtk_text_buffer_set_text (
      gtk_text_view_get_buffer (GTK_TEXT_VIEW (composer_child (fixture, "text_view"))), text, -1);
  g_assert_true (rempart_ui_test_press_key (composer_child (fixture, "text_view"), GDK_KEY_s,
                                            GDK_CONTROL_MASK));
}

/* After Add to Queue the action page is back, and the header says so; the session button,
 * off while nothing was queued, is on. */
static void
test_words_after_queue (Fixture *fixture, gconstpointer user_data)
{
  GtkWidget *session = child (fixture, "session_button");

  open_first_action (fixture);
  if (!gtk_widget_get_sensitive (session))
    g_assert_nonnull (gtk_widget_get_tooltip_text (session));
  queue_reply (fixture, "#jesuislà Une réponse pour la file.");
  g_assert_true (rempart_ui_test_iterate_until (shows_page, fixture));
  g_assert_cmpstr (detail_title (fixture), ==, "Action");
  g_assert_true (rempart_ui_test_iterate_until (session_is_possible, fixture));
  g_assert_null (gtk_widget_get_tooltip_text (session));
}

static GtkWindow *
find_session (Fixture *fixture)
{
  g_autoptr (GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (REMPART_IS_SESSION_WINDOW (l->data))
      return l->data;
  return NULL;
}

static gboolean
page_says_posted (gpointer data)
{
  GtkWidget *label = GTK_WIDGET (gtk_widget_get_template_child (
      child (data, "action_page"), REMPART_TYPE_ACTION_PAGE, "state_label"));

  return g_strcmp0 (gtk_label_get_text (GTK_LABEL (label)), "You posted a reply") == 0;
}

/* A session posts the reply of the action on screen: its page says so once the session ends. */
static void
test_words_after_session (Fixture *fixture, gconstpointer user_data)
{
  GtkWindow *session;
  g_autofree char *id = NULL;

  open_first_action (fixture);
  id = g_strdup (rempart_action_item_get_id (shown_item (fixture)));
  queue_reply (fixture, "#jesuislà Celle-ci sera publiée pendant la session.");
  g_assert_true (rempart_ui_test_iterate_until (session_is_possible, fixture));
  g_assert_true (rempart_ui_test_iterate_until (shows_page, fixture));

  g_assert_true (
      gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.start-session", NULL));
  session = find_session (fixture);
  g_assert_nonnull (session);
  for (guint i = 0; i < 2000 && !(stored_state (fixture, id) & REMPART_ACTION_STATE_POSTED); i++)
    {
      gtk_widget_activate_action (GTK_WIDGET (session), "session.mark-posted", NULL);
      rempart_ui_test_iterate_a_little ();
    }
  g_assert_true (stored_state (fixture, id) & REMPART_ACTION_STATE_POSTED);
  gtk_window_close (session);

  g_assert_true (rempart_ui_test_iterate_until (page_says_posted, fixture));
}

static gboolean
status_says_failed (gpointer data)
{
  const char *status = gtk_label_get_text (GTK_LABEL (child (data, "sync_status_label")));

  return g_str_has_prefix (status, "Last check failed: ");
}

/* A group whose last check failed never reads "Checked: just now", and its banner is styled
 * as an error, not as the calm notice of the examples. */
static void
test_words_failed_check (Fixture *fixture, gconstpointer user_data)
{
  RempartStore *store = rempart_application_get_store (fixture->app);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  g_autoptr (RempartSubscription) sub = NULL;
  g_autoptr (GError) error = NULL;
  GtkWidget *groups = child (fixture, "groups_list");
  gboolean found = FALSE;

  sub = rempart_store_add_subscription_sync (store, "https://example.net/failing/feed.json", NULL,
                                             &error);
  g_assert_no_error (error);
  sub->last_success = now - 2 * 24 * 3600;
  sub->last_check = now;
  g_free (sub->title);
  sub->title = g_strdup ("Groupe en panne");
  sub->last_error = g_strdup ("The server did not answer.");
  g_assert_true (rempart_store_update_subscription_sync (store, sub, &error));
  g_assert_no_error (error);

  /* Before: the calm notice about the examples. */
  g_assert_false (gtk_widget_has_css_class (
      gtk_revealer_get_child (GTK_REVEALER (child (fixture, "banner_revealer"))),
      "rempart-banner-error"));

  rempart_window_reload (REMPART_WINDOW (fixture->window));
  g_assert_true (rempart_ui_test_iterate_until (status_says_failed, fixture));

  /* The failure is told as an error, in full. */
  g_assert_true (gtk_widget_has_css_class (
      gtk_revealer_get_child (GTK_REVEALER (child (fixture, "banner_revealer"))),
      "rempart-banner-error"));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (child (fixture, "banner_label"))),
                            "The server did not answer."));
  for (GtkWidget *row = gtk_widget_get_first_child (groups); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (ADW_IS_ACTION_ROW (row) &&
        g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), "Groupe en panne") ==
            0)
      {
        g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)),
                                         "Last check failed"));
        found = TRUE;
      }
  g_assert_true (found);

  g_assert_true (rempart_store_remove_subscription_sync (store, sub->id, &error));
  g_assert_no_error (error);
}

int
main (int argc, char *argv[])
{
  g_autofree char *data_home = NULL;
  int ret;

  data_home = rempart_ui_test_make_data_home ("ui-window-input");
  g_setenv ("REMPART_NO_SYNC", "1", TRUE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  application = rempart_ui_test_application_new ();

#define ADD(name, func) \
  g_test_add ("/window-input/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("hover-keeps-composer", test_hover_keeps_composer);
  ADD ("filter-under-pointer", test_filter_under_pointer);
  ADD ("hover-narrow", test_hover_narrow);
  ADD ("keyboard-opens", test_keyboard_opens);
  ADD ("write-reply-focus", test_write_reply_focus);
  ADD ("reply-tab-order", test_reply_tab_order);
  ADD ("dismiss-undo", test_dismiss_undo);
  ADD ("put-back", test_put_back);
  ADD ("words-after-queue", test_words_after_queue);
  ADD ("words-after-session", test_words_after_session);
  ADD ("words-failed-check", test_words_failed_check);
#undef ADD

  ret = g_test_run ();
  rempart_ui_test_application_shutdown (application);
  g_clear_object (&application);
  rempart_test_dir_remove (data_home);

  return ret;
}
