/* test-moderation-editor.c
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "rempart-action-editor.h"
#include "rempart-action-page.h"
#include "rempart-group-settings.h"
#include "rempart-key-panel.h"
#include "rempart-moderation-window.h"
#include "rempart-test-dirs.h"
#include "rempart-ui-test.h"

/*
 * The moderators' window on a real working copy in a private data folder: Ctrl+N puts the
 * focus in the thread address; a bad address is refused with a message only after the field
 * is left, then the message follows each keystroke; a good one picks the platform; the action
 * reaches feed.json by autosave; the preview is the volunteers' action page with the fields;
 * Delete removes the action from the list and Undo puts it back.
 */

static RempartApplication *application;

/* A private session bus with nothing on it, so that no keyring answers and the key goes to
 * the 0600 file under the private data folder (a real Secret Service would prompt for a
 * login keyring nobody can type). Kept to the end: libsecret holds on to its connection. */
static GTestDBus *bus;

typedef struct
{
  char *base;
  RempartWorkspace *workspace;
  RempartModerationWindow *window;
  RempartActionEditor *editor;
} Fixture;

/* -------------------------------------------------------------------------------------- */
/* Helpers                                                                                */
/* -------------------------------------------------------------------------------------- */

static gboolean
window_ready (gpointer data)
{
  Fixture *f = data;

  return rempart_moderation_window_get_workspace (f->window) != NULL &&
         rempart_ui_test_widget_is_drawn (f->window);
}

static GtkWidget *
child (Fixture *f, GType type, gpointer owner, const char *name)
{
  GtkWidget *widget = GTK_WIDGET (gtk_widget_get_template_child (owner, type, name));

  g_assert_nonnull (widget);
  return widget;
}

static GtkWidget *
editor_child (Fixture *f, const char *name)
{
  return child (f, REMPART_TYPE_ACTION_EDITOR, f->editor, name);
}

static GtkWidget *
window_child (Fixture *f, const char *name)
{
  return child (f, REMPART_TYPE_MODERATION_WINDOW, f->window, name);
}

static gboolean
file_has_title (gpointer data)
{
  Fixture *f = data;
  g_autofree char *path = g_build_filename (
      rempart_workspace_get_dir (rempart_moderation_window_get_workspace (f->window)), "feed.json",
      NULL);
  g_autofree char *text = NULL;

  return g_file_get_contents (path, &text, NULL, NULL) &&
         strstr (text, "Fil sous la vidéo") != NULL;
}

/* Whether a label under @widget shows @text. */
static gboolean
shows_text (GtkWidget *widget, const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget) &&
      strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL)
    return TRUE;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    if (shows_text (c, text))
      return TRUE;
  return FALSE;
}

/* The visible label under @widget that shows @text, or NULL. */
static GtkWidget *
find_label (GtkWidget *widget, const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget) &&
      strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL)
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_label (c, text);

      if (found != NULL)
        return found;
    }
  return NULL;
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
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;

  f->base = g_build_filename (g_get_user_data_dir (), "rempart", "moderation", NULL);
  rempart_workspace_create_async (f->base, "#jesuislà", "https://example.org/feed.json", NULL,
                                  rempart_ui_test_store_result, &result);
  g_assert_true (rempart_ui_test_iterate_until (rempart_ui_test_has_result, &result));
  f->workspace = rempart_workspace_create_finish (result, &error);
  g_assert_no_error (error);

  f->window = rempart_moderation_window_new (GTK_APPLICATION (application), f->base);
  gtk_window_present (GTK_WINDOW (f->window));
  g_assert_true (rempart_ui_test_iterate_until (window_ready, f));
  f->editor = rempart_moderation_window_get_editor (f->window);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  rempart_ui_test_iterate_a_little ();
  g_clear_object (&f->workspace);
  rempart_ui_test_iterate_for (200);
  rempart_test_dir_remove (f->base);
  g_free (f->base);
}

/* -------------------------------------------------------------------------------------- */
/* Tests                                                                                  */
/* -------------------------------------------------------------------------------------- */

typedef struct
{
  RempartModerationWindow *window;
  GtkWidget *label;
} NoGroup;

static gboolean
no_group_shown (gpointer data)
{
  NoGroup *n = data;
  GtkWidget *empty = GTK_WIDGET (gtk_widget_get_template_child (
      GTK_WIDGET (n->window), REMPART_TYPE_MODERATION_WINDOW, "empty_page"));

  n->label = find_label (empty, "Preferences");
  return n->label != NULL && rempart_ui_test_widget_is_drawn (n->label) &&
         gtk_widget_get_width (GTK_WIDGET (n->window)) > 0;
}

static gboolean
window_is_narrow (gpointer data)
{
  int width = gtk_widget_get_width (GTK_WIDGET (data));

  return width > 0 && width <= 360;
}

/* A phone, with the three window buttons, and no group yet: the window is 360 px wide, the
 * empty state says where to add a group and lies inside the window, nothing offers a group
 * that does not exist, and New Action is off (Ctrl+N too). */
static void
test_no_group_phone (void)
{
  g_autofree char *base = g_build_filename (g_get_user_data_dir (), "rempart", "none", NULL);
  g_autofree char *layout = NULL;
  NoGroup n = { 0 };
  GtkWidget *new_button;
  GtkWidget *content;
  int minimum;
  graphene_rect_t bounds;

  g_object_get (gtk_settings_get_default (), "gtk-decoration-layout", &layout, NULL);
  g_object_set (gtk_settings_get_default (), "gtk-decoration-layout",
                "appmenu:minimize,maximize,close", NULL);
  g_assert_no_errno (g_mkdir_with_parents (base, 0700));
  n.window = rempart_moderation_window_new (GTK_APPLICATION (application), base);
  gtk_window_set_default_size (GTK_WINDOW (n.window), 360, 720);
  gtk_window_present (GTK_WINDOW (n.window));
  g_assert_true (rempart_ui_test_iterate_until (no_group_shown, &n));
  /* Until the groups are read the window has its controls; a phone's shell then gives it
   * the screen's 360 px again (Xvfb has no window manager to do so; the same default size
   * again would change nothing, hence two). */
  gtk_window_set_default_size (GTK_WINDOW (n.window), 350, 710);
  gtk_window_set_default_size (GTK_WINDOW (n.window), 360, 720);
  g_assert_true (rempart_ui_test_iterate_until (window_is_narrow, n.window));
  rempart_ui_test_iterate_a_little ();
  save_png (GTK_WIDGET (n.window), "moderation-no-group-360");

  /* Without a compositor (Xvfb) GTK draws a frame around the content: the content is what
   * a phone's screen shows, and nothing in it asks for more than 360 px. */
  content = gtk_widget_get_first_child (GTK_WIDGET (n.window));
  g_test_message ("window %d px, content %d px", gtk_widget_get_width (GTK_WIDGET (n.window)),
                  gtk_widget_get_width (content));
  gtk_widget_measure (content, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  g_assert_cmpint (minimum, <=, 360);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (n.window)), <=, 360);
  g_assert_cmpint (gtk_widget_get_width (content), <=, 360);
  g_assert_cmpint (gtk_widget_get_width (content), >=, 340);
  g_assert_true (gtk_widget_compute_bounds (n.label, content, &bounds));
  g_assert_cmpfloat (bounds.origin.x, >=, 0);
  g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, gtk_widget_get_width (content));
  g_assert_true (gtk_label_get_wrap (GTK_LABEL (n.label)));

  new_button = GTK_WIDGET (gtk_widget_get_template_child (
      GTK_WIDGET (n.window), REMPART_TYPE_MODERATION_WINDOW, "new_button"));
  g_assert_true (gtk_widget_get_visible (new_button));
  g_assert_false (gtk_widget_is_sensitive (new_button));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (gtk_widget_get_template_child (
      GTK_WIDGET (n.window), REMPART_TYPE_MODERATION_WINDOW, "group_dropdown"))));
  /* Ctrl+N opens no editor. */
  rempart_ui_test_press_key (GTK_WIDGET (n.window), GDK_KEY_n, GDK_CONTROL_MASK);
  rempart_ui_test_iterate_a_little ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (gtk_widget_get_template_child (
                       GTK_WIDGET (n.window), REMPART_TYPE_MODERATION_WINDOW, "detail_stack"))),
                   ==, "none");

  gtk_window_destroy (GTK_WINDOW (n.window));
  rempart_ui_test_iterate_a_little ();
  g_object_set (gtk_settings_get_default (), "gtk-decoration-layout", layout, NULL);
  rempart_test_dir_remove (base);
}

static void
test_editor (Fixture *f, gconstpointer data)
{
  GtkWidget *url_row = editor_child (f, "url_row");
  GtkWidget *url_message = editor_child (f, "url_message");
  GtkWidget *title_row = editor_child (f, "title_row");
  GtkWidget *platform_row = editor_child (f, "platform_row");
  GtkWidget *list_stack = window_child (f, "list_stack");
  GtkWidget *focus;

  /* The empty state, then Ctrl+N: the focus goes to the thread address. */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (list_stack)), ==, "empty");
  focus = gtk_window_get_focus (GTK_WINDOW (f->window));
  g_assert_true (rempart_ui_test_press_key (focus != NULL ? focus : GTK_WIDGET (f->window),
                                            GDK_KEY_n, GDK_CONTROL_MASK));
  rempart_ui_test_iterate_a_little ();
  focus = gtk_window_get_focus (GTK_WINDOW (f->window));
  g_assert_true (rempart_ui_test_is_inside (focus, url_row));
  g_assert_null (rempart_action_editor_get_action_id (f->editor));

  /* A bad address: no message while typing... */
  gtk_editable_set_text (GTK_EDITABLE (url_row), "www.facebook.com/post/1");
  rempart_ui_test_iterate_a_little ();
  g_assert_false (gtk_widget_get_visible (url_message));
  /* ...one when the field is left. */
  gtk_widget_grab_focus (title_row);
  rempart_ui_test_iterate_a_little ();
  g_assert_true (gtk_widget_get_visible (url_message));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (url_message)), "https://"));
  g_assert_true (gtk_widget_has_css_class (url_row, "error"));
  g_assert_null (rempart_action_editor_get_action_id (f->editor));

  /* Enter shows the message too, and the field keeps the focus. */
  gtk_widget_grab_focus (url_row);
  gtk_editable_set_text (GTK_EDITABLE (url_row), "javascript:alert(1)");
  g_signal_emit_by_name (url_row, "entry-activated");
  rempart_ui_test_iterate_a_little ();
  g_assert_true (gtk_widget_get_visible (url_message));
  g_assert_true (
      rempart_ui_test_is_inside (gtk_window_get_focus (GTK_WINDOW (f->window)), url_row));

  /* Then it follows each keystroke; the host picks the platform. */
  gtk_editable_set_text (GTK_EDITABLE (url_row), "https://youtu.be/dQw4w9WgXcQ");
  rempart_ui_test_iterate_a_little ();
  g_assert_false (gtk_widget_get_visible (url_message));
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (platform_row)), ==, 2);
  g_assert_cmpstr (
      gtk_string_object_get_string (adw_combo_row_get_selected_item (ADW_COMBO_ROW (platform_row))),
      ==, "YouTube");
  gtk_editable_set_text (GTK_EDITABLE (url_row), "https://x.com/someone/status/1");
  rempart_ui_test_iterate_a_little ();
  g_assert_cmpstr (
      gtk_string_object_get_string (adw_combo_row_get_selected_item (ADW_COMBO_ROW (platform_row))),
      ==, "X (Twitter)");
  gtk_editable_set_text (GTK_EDITABLE (url_row), "https://www.youtube.com/watch?v=1");

  /* A title makes it an action of the working copy, autosaved; typing keeps the focus. */
  gtk_widget_grab_focus (title_row);
  gtk_editable_set_text (GTK_EDITABLE (title_row), "Fil sous la vidéo");
  rempart_ui_test_iterate_a_little ();
  g_assert_nonnull (rempart_action_editor_get_action_id (f->editor));
  g_assert_true (
      rempart_ui_test_is_inside (gtk_window_get_focus (GTK_WINDOW (f->window)), title_row));
  g_assert_true (rempart_ui_test_iterate_until (file_has_title, f));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (list_stack)), ==, "list");

  /* The brief, and the expiry (48 h by default). */
  gtk_text_buffer_set_text (
      gtk_text_view_get_buffer (GTK_TEXT_VIEW (editor_child (f, "brief_view"))),
      "Répondez avec des faits.", -1);
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (editor_child (f, "hours_spin"))),
                     ==, 48);
  {
    RempartAction *action = rempart_feed_lookup_action (
        rempart_workspace_get_feed (rempart_moderation_window_get_workspace (f->window)),
        rempart_action_editor_get_action_id (f->editor));

    g_assert_cmpstr (rempart_action_get_brief (action), ==, "Répondez avec des faits.");
    g_assert_cmpstr (rempart_action_get_platform (action), ==, "youtube");
    g_assert_cmpint (g_date_time_difference (rempart_action_get_expires (action),
                                             rempart_action_get_date_published (action)),
                     ==, 48 * G_TIME_SPAN_HOUR);
  }
  rempart_ui_test_save_pngs (GTK_WINDOW (f->window), "moderation-editor", 1280, 800, save_png);
}

static void
test_preview_and_remove (Fixture *f, gconstpointer data)
{
  GtkWidget *preview_button = window_child (f, "preview_button");
  GtkWidget *detail_stack = window_child (f, "detail_stack");
  GtkWidget *preview = window_child (f, "preview");
  GtkWidget *action_list = window_child (f, "action_list");
  RempartWorkspace *ws = rempart_moderation_window_get_workspace (f->window);
  RempartNewAction action = { 0 };
  g_autofree char *id = NULL;
  GtkListBoxRow *row;

  action.url = "https://www.facebook.com/news/posts/1";
  action.title = "Chiffres inventés";
  action.brief = "Citez l’INSEE.";
  action.topic = REMPART_TOPIC_RACISM;
  g_assert_true (rempart_workspace_add_action (ws, &action, &id, NULL));
  rempart_ui_test_iterate_a_little ();

  row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (action_list), 0);
  g_assert_nonnull (row);
  rempart_ui_test_click_row (GTK_WIDGET (row));
  rempart_ui_test_iterate_a_little ();
  g_assert_cmpstr (rempart_action_editor_get_action_id (f->editor), ==, id);

  /* The preview is the volunteers' page, showing the action's fields. */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (preview_button), TRUE);
  g_assert_true (rempart_ui_test_wait_stack (GTK_STACK (detail_stack), "preview"));
  g_assert_true (REMPART_IS_ACTION_PAGE (preview));
  g_assert_true (shows_text (preview, "Chiffres inventés"));
  g_assert_true (shows_text (preview, "Citez l’INSEE."));
  rempart_ui_test_save_pngs (GTK_WINDOW (f->window), "moderation-preview", 1280, 800, save_png);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (preview_button), FALSE);

  /* Delete from the list removes it; Undo puts it back. */
  gtk_widget_grab_focus (
      GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (action_list), 0)));
  g_assert_true (
      rempart_ui_test_press_key (gtk_window_get_focus (GTK_WINDOW (f->window)), GDK_KEY_Delete, 0));
  rempart_ui_test_iterate_a_little ();
  g_assert_null (rempart_feed_lookup_action (rempart_workspace_get_feed (ws), id));
  g_assert_true (
      gtk_widget_activate_action (GTK_WIDGET (f->window), "moderation.undo-remove", NULL));
  rempart_ui_test_iterate_a_little ();
  g_assert_nonnull (rempart_feed_lookup_action (rempart_workspace_get_feed (ws), id));
  g_assert_nonnull (gtk_list_box_get_row_at_index (GTK_LIST_BOX (action_list), 0));
}

static void
test_settings (Fixture *f, gconstpointer data)
{
  GtkWidget *settings_button = window_child (f, "settings_button");
  GtkWidget *detail_stack = window_child (f, "detail_stack");
  GtkWidget *page = window_child (f, "group_settings");
  GtkWidget *hashtag_row =
      GTK_WIDGET (gtk_widget_get_template_child (page, REMPART_TYPE_GROUP_SETTINGS, "hashtag_row"));
  GtkWidget *title_row =
      GTK_WIDGET (gtk_widget_get_template_child (page, REMPART_TYPE_GROUP_SETTINGS, "title_row"));
  GtkWidget *message = GTK_WIDGET (
      gtk_widget_get_template_child (page, REMPART_TYPE_GROUP_SETTINGS, "message_label"));
  GtkWidget *rules_view =
      GTK_WIDGET (gtk_widget_get_template_child (page, REMPART_TYPE_GROUP_SETTINGS, "rules_view"));
  GtkWidget *position_row = GTK_WIDGET (
      gtk_widget_get_template_child (page, REMPART_TYPE_GROUP_SETTINGS, "position_row"));
  RempartWorkspace *ws = rempart_moderation_window_get_workspace (f->window);
  const char *rules[] = { "Commencez par #jesuislà.", "Jamais d’insulte.", NULL };

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (settings_button), TRUE);
  g_assert_true (rempart_ui_test_wait_stack (GTK_STACK (detail_stack), "settings"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title_row)), ==, "#jesuislà");

  gtk_editable_set_text (GTK_EDITABLE (hashtag_row), "#jesuislà");
  adw_combo_row_set_selected (ADW_COMBO_ROW (position_row), REMPART_HASHTAG_POSITION_END);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (rules_view)),
                            "Commencez par #jesuislà.\n\n  Jamais d’insulte.  \n", -1);
  g_assert_false (gtk_widget_get_visible (message));
  g_assert_cmpstr (rempart_feed_get_hashtag (rempart_workspace_get_feed (ws)), ==, "#jesuislà");
  g_assert_cmpint (rempart_feed_get_hashtag_position (rempart_workspace_get_feed (ws)), ==,
                   REMPART_HASHTAG_POSITION_END);
  g_assert_cmpstrv (rempart_feed_get_rules (rempart_workspace_get_feed (ws)), rules);

  /* A hashtag of two words is refused and said; the name is still written. */
  gtk_editable_set_text (GTK_EDITABLE (hashtag_row), "#je suis là");
  g_assert_true (gtk_widget_get_visible (message));
  gtk_editable_set_text (GTK_EDITABLE (title_row), "#jesuislà Lyon");
  g_assert_cmpstr (rempart_feed_get_title (rempart_workspace_get_feed (ws)), ==, "#jesuislà Lyon");
  rempart_ui_test_save_pngs (GTK_WINDOW (f->window), "moderation-settings", 1280, 800, save_png);
}

static gboolean
has_public_key (gpointer data)
{
  return rempart_workspace_get_public_key (data) != NULL;
}

static void
test_key (Fixture *f, gconstpointer data)
{
  GtkWidget *settings_button = window_child (f, "settings_button");
  GtkWidget *page = window_child (f, "group_settings");
  GtkWidget *panel =
      GTK_WIDGET (gtk_widget_get_template_child (page, REMPART_TYPE_GROUP_SETTINGS, "key_panel"));
  GtkWidget *password_row =
      GTK_WIDGET (gtk_widget_get_template_child (panel, REMPART_TYPE_KEY_PANEL, "password_row"));
  GtkWidget *again_row =
      GTK_WIDGET (gtk_widget_get_template_child (panel, REMPART_TYPE_KEY_PANEL, "again_row"));
  GtkWidget *public_row =
      GTK_WIDGET (gtk_widget_get_template_child (panel, REMPART_TYPE_KEY_PANEL, "public_row"));
  GtkWidget *message =
      GTK_WIDGET (gtk_widget_get_template_child (panel, REMPART_TYPE_KEY_PANEL, "message_label"));
  RempartWorkspace *ws = rempart_moderation_window_get_workspace (f->window);

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (settings_button), TRUE);
  rempart_ui_test_iterate_a_little ();
  g_assert_null (rempart_workspace_get_public_key (ws));
  g_assert_false (gtk_widget_activate_action (panel, "key.copy", NULL) &&
                  strstr (gtk_label_get_text (GTK_LABEL (message)), "copied") != NULL);

  /* No password, then two that differ: said, with the focus where to type. */
  g_assert_true (gtk_widget_activate_action (panel, "key.create", NULL));
  g_assert_true (gtk_widget_has_css_class (message, "error"));
  g_assert_true (
      rempart_ui_test_is_inside (gtk_window_get_focus (GTK_WINDOW (f->window)), password_row));
  gtk_editable_set_text (GTK_EDITABLE (password_row), "correct horse");
  gtk_editable_set_text (GTK_EDITABLE (again_row), "correct hose");
  g_assert_true (gtk_widget_activate_action (panel, "key.create", NULL));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (message)), "differ"));
  g_assert_true (
      rempart_ui_test_is_inside (gtk_window_get_focus (GTK_WINDOW (f->window)), again_row));
  g_assert_null (rempart_workspace_get_public_key (ws));

  /* The same twice: a key, kept in the keyring or a private file, and said which. */
  gtk_editable_set_text (GTK_EDITABLE (again_row), "correct horse");
  g_assert_true (gtk_widget_activate_action (panel, "key.create", NULL));
  g_assert_true (rempart_ui_test_iterate_until_timeout (has_public_key, ws, 60));
  g_assert_false (gtk_widget_has_css_class (message, "error"));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (message)), "no keyring answered"));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (public_row)), ==,
                   rempart_workspace_get_public_key (ws));
  /* The password is gone from the screen. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (password_row)), ==, "");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (again_row)), ==, "");
  g_assert_true (gtk_widget_activate_action (panel, "key.copy", NULL));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (message)), "copied"));
  rempart_ui_test_save_pngs (GTK_WINDOW (f->window), "moderation-key", 1280, 800, save_png);
}

int
main (int argc, char *argv[])
{
  g_autofree char *data_home = NULL;
  g_autofree char *display = NULL;
  int ret;

  data_home = rempart_ui_test_make_data_home ("ui-moderation-home");
  display = g_strdup (g_getenv ("DISPLAY"));
  bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_test_dbus_up (bus);
  /* g_test_dbus_up() unsets DISPLAY, for tests without one. */
  if (display != NULL)
    g_setenv ("DISPLAY", display, TRUE);
  /* Nor is there an accessibility bus on it. */
  g_setenv ("GTK_A11Y", "none", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_object_set (gtk_settings_get_default (), "gtk-decoration-layout", "appmenu:close", NULL);
  application = rempart_ui_test_application_new ();

#define ADD(name, func) \
  g_test_add ("/moderation/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("editor", test_editor);
  ADD ("preview-and-remove", test_preview_and_remove);
  ADD ("settings", test_settings);
  ADD ("key", test_key);
#undef ADD
  g_test_add_func ("/moderation/no-group-phone", test_no_group_phone);

  ret = g_test_run ();
  rempart_ui_test_application_shutdown (application);
  g_clear_object (&application);
  rempart_test_dir_remove (data_home);
  g_test_dbus_stop (bus);
  return ret;
}
