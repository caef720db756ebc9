/* rempart-moderation-window.c
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rempart-action-item.h"
#include "rempart-action-page.h"
#include "rempart-group-settings.h"
#include "rempart-moderation-window.h"
#include "rempart-publish-dialog.h"
#include "rempart-ui-utils.h"

/*
 * The list is rebuilt from the working copy on every change (a keystroke in the editor
 * included); the row being edited is selected again without reloading the editor, so typing
 * never loses the focus. The preview is the volunteers' RempartActionPage, given an item made
 * from the working copy's action and no store: nothing the preview shows touches the
 * volunteer's database.
 */

struct _RempartModerationWindow
{
  AdwWindow parent_instance;

  char *base_dir;
  GCancellable *cancellable;
  GPtrArray *workspaces;
  RempartWorkspace *workspace;
  gboolean filling;

  JsonNode *removed;
  guint removed_index;
  RempartKeyring *keyring;
  GtkFileChooserNative *chooser;

  AdwToastOverlay *toast_overlay;
  GtkWidget *back_button;
  GtkWidget *new_button;
  GtkWidget *publish_button;
  AdwStatusPage *empty_page;
  AdwStatusPage *none_page;
  GtkRevealer *fresh_revealer;
  GtkLabel *fresh_label;
  GtkWidget *fresh_button;
  guint back_idle_id;
  GtkDropDown *group_dropdown;
  GtkDropDown *sort_dropdown;
  GtkToggleButton *preview_button;
  GtkToggleButton *settings_button;
  RempartGroupSettings *group_settings;
  GtkStack *list_stack;
  GtkListBox *action_list;
  AdwLeaflet *leaflet;
  GtkStack *detail_stack;
  RempartActionEditor *editor;
  RempartActionPage *preview;
};

G_DEFINE_FINAL_TYPE (RempartModerationWindow, rempart_moderation_window, ADW_TYPE_WINDOW)

#define RESOURCE_BASE "/io/github/rempart/Rempart"

/* The reminder shows this long before the published feed stops being fresh. */
#define REMPART_FRESHNESS_WARNING (2 * G_TIME_SPAN_DAY)

/* -------------------------------------------------------------------------------------- */
/* Helpers                                                                                */
/* -------------------------------------------------------------------------------------- */

static const char *
state_name (RempartWorkspaceActionState state)
{
  switch (state)
    {
      case REMPART_WORKSPACE_ACTION_PUBLISHED:
        /* Translators: state of an action in the moderators’ list: in the published feed */
        return _ ("Published");
      case REMPART_WORKSPACE_ACTION_EXPIRED:
        /* Translators: state of an action in the moderators’ list: past its end date */
        return _ ("Expired");
      case REMPART_WORKSPACE_ACTION_DRAFT:
      default:
        return _ ("Draft: not published yet");
    }
}

static void
toast (RempartModerationWindow *self, const char *text)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
}

static void
update_preview (RempartModerationWindow *self)
{
  const char *id = rempart_action_editor_get_action_id (self->editor);
  RempartFeed *feed;
  RempartAction *action;
  RempartStoredAction stored = { 0 };
  RempartFeedInfo info = { 0 };
  g_autoptr (RempartActionItem) item = NULL;
  g_autoptr (GPtrArray) no_templates = g_ptr_array_new ();
  const char *const empty[] = { NULL };

  if (self->workspace == NULL || id == NULL)
    {
      rempart_action_page_set_item (self->preview, NULL, NULL, NULL);
      return;
    }
  feed = rempart_workspace_get_feed (self->workspace);
  action = rempart_feed_lookup_action (feed, id);
  if (action == NULL)
    return;

  stored.subscription_url = (char *) (rempart_workspace_get_feed_url (self->workspace) != NULL
                                          ? rempart_workspace_get_feed_url (self->workspace)
                                          : "");
  stored.action = action;
  item = rempart_action_item_new (&stored);

  info.subscription_url = stored.subscription_url;
  info.title = (char *) rempart_feed_get_title (feed);
  info.about = (char *) rempart_feed_get_about (feed);
  info.language = (char *) rempart_feed_get_language (feed);
  info.hashtag = (char *) rempart_feed_get_hashtag (feed);
  info.hashtag_position = rempart_feed_get_hashtag_position (feed);
  info.rules =
      (GStrv) (rempart_feed_get_rules (feed) != NULL ? rempart_feed_get_rules (feed) : empty);
  info.templates =
      rempart_feed_get_templates (feed) != NULL ? rempart_feed_get_templates (feed) : no_templates;
  rempart_action_page_set_item (self->preview, NULL, item, &info);
}

static void
show_detail (RempartModerationWindow *self)
{
  gboolean has = self->workspace != NULL &&
                 (rempart_action_editor_get_action_id (self->editor) != NULL ||
                  gtk_stack_get_visible_child (self->detail_stack) == GTK_WIDGET (self->editor));

  if (gtk_toggle_button_get_active (self->settings_button) && self->workspace != NULL)
    {
      gtk_stack_set_visible_child_name (self->detail_stack, "settings");
      adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->detail_stack));
      return;
    }
  if (gtk_toggle_button_get_active (self->preview_button) &&
      rempart_action_editor_get_action_id (self->editor) != NULL)
    {
      update_preview (self);
      gtk_stack_set_visible_child_name (self->detail_stack, "preview");
    }
  else
    gtk_stack_set_visible_child_name (self->detail_stack, has ? "editor" : "none");
  /* On a phone, the list and the action are one at a time. */
  if (has)
    adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->detail_stack));
}

static gboolean
update_back_idle_cb (gpointer user_data)
{
  RempartModerationWindow *self = user_data;
  gboolean back = adw_leaflet_get_folded (self->leaflet) &&
                  adw_leaflet_get_visible_child (self->leaflet) == GTK_WIDGET (self->detail_stack);

  self->back_idle_id = 0;
  /* A phone's header has no room for both: Back takes New Action's place (Ctrl+N stays). */
  gtk_widget_set_visible (self->new_button, !back);
  gtk_widget_set_visible (self->back_button, back);
  return G_SOURCE_REMOVE;
}

/* The leaflet folds while it is being allocated: the header changes after that. */
static void
update_back (RempartModerationWindow *self)
{
  if (self->back_idle_id == 0)
    self->back_idle_id = g_idle_add (update_back_idle_cb, self);
}

/* The published copy stops being fresh: volunteers' apps then show the group as old. */
static void
update_freshness (RempartModerationWindow *self)
{
  GDateTime *expires =
      self->workspace != NULL ? rempart_workspace_get_published_expires (self->workspace) : NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *text = NULL;
  GTimeSpan left;

  if (expires == NULL || (left = g_date_time_difference (expires, now)) > REMPART_FRESHNESS_WARNING)
    {
      gtk_revealer_set_reveal_child (self->fresh_revealer, FALSE);
      return;
    }
  if (left <= 0)
    text = g_strdup (_ ("The published feed is out of date: volunteers’ apps show the group as "
                        "not updated. Sign it again to keep it fresh."));
  else
    {
      guint hours = MAX (1, left / G_TIME_SPAN_HOUR);

      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "The published feed stays fresh for %u more hour: "
                                           "sign it again before volunteers see it as old.",
                                           "The published feed stays fresh for %u more hours: "
                                           "sign it again before volunteers see it as old.",
                                           hours),
                              hours);
    }
  gtk_label_set_text (self->fresh_label, text);
  gtk_revealer_set_reveal_child (self->fresh_revealer, TRUE);
}

static RempartKeyring *
get_keyring (RempartModerationWindow *self)
{
  if (self->keyring == NULL)
    self->keyring = rempart_keyring_new (NULL);
  return self->keyring;
}

static void
dialog_finished_cb (RempartModerationWindow *self, const char *message)
{
  toast (self, message);
  update_freshness (self);
}

static void
open_publish_dialog (RempartModerationWindow *self, const char *export_dir)
{
  RempartPublishDialog *dialog;

  if (self->workspace == NULL)
    return;
  /* What is on screen is what gets signed. */
  rempart_workspace_flush (self->workspace);
  dialog = rempart_publish_dialog_new (GTK_WINDOW (self), self->workspace, get_keyring (self),
                                       export_dir);
  g_signal_connect_object (dialog, "finished", G_CALLBACK (dialog_finished_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Without a group there is nothing to write, sort, preview, set or publish: those controls go
 * (the header then fits a phone's 360 px) and New Action is off, Ctrl+N included. */
static void
update_group_controls (RempartModerationWindow *self)
{
  gboolean has = self->workspace != NULL;
  /* Hidden only once the list is known to be empty: hiding them before the groups are read
   * would move the window's first focus. */
  gboolean shown = has || self->workspaces == NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "moderation.new-action", has);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "moderation.publish", has);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "moderation.export", has);
  gtk_widget_set_visible (GTK_WIDGET (self->group_dropdown), shown);
  gtk_widget_set_visible (GTK_WIDGET (self->sort_dropdown), shown);
  gtk_widget_set_visible (GTK_WIDGET (self->preview_button), shown);
  gtk_widget_set_visible (GTK_WIDGET (self->settings_button), shown);
  gtk_widget_set_visible (self->publish_button, shown);
}

static void
fill_list (RempartModerationWindow *self)
{
  g_autoptr (GPtrArray) actions = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  const char *current = rempart_action_editor_get_action_id (self->editor);
  GtkWidget *child;

  self->filling = TRUE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->action_list))) != NULL)
    gtk_list_box_remove (self->action_list, child);

  actions = self->workspace != NULL
                ? rempart_workspace_list_actions (self->workspace,
                                                  gtk_drop_down_get_selected (self->sort_dropdown))
                : g_ptr_array_new ();
  for (guint i = 0; i < actions->len; i++)
    {
      RempartAction *action = g_ptr_array_index (actions, i);
      const char *id = rempart_action_get_id (action);
      GtkWidget *row = adw_action_row_new ();
      const char *state =
          state_name (rempart_workspace_get_action_state (self->workspace, id, now));
      g_autofree char *subtitle = rempart_action_get_priority (action) == REMPART_PRIORITY_HIGH
                                      ? g_strdup_printf (_ ("Urgent · %s"), state)
                                      : g_strdup (state);

      /* Feed text is plain text. */
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), rempart_action_get_title (action));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      /* Activated by a click even when already selected (after Back, on a phone). */
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "id", g_strdup (id), g_free);
      gtk_list_box_append (self->action_list, row);
      if (g_strcmp0 (id, current) == 0)
        gtk_list_box_select_row (self->action_list, GTK_LIST_BOX_ROW (row));
    }
  gtk_stack_set_visible_child_name (self->list_stack, actions->len > 0 ? "list" : "empty");
  self->filling = FALSE;
  update_freshness (self);
  update_group_controls (self);
}

static void
set_workspace (RempartModerationWindow *self, RempartWorkspace *workspace)
{
  if (self->workspace == workspace)
    return;
  if (self->workspace != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->workspace, self);
      rempart_workspace_flush (self->workspace);
    }
  g_set_object (&self->workspace, workspace);
  rempart_action_editor_set_action (self->editor, NULL, NULL);
  rempart_group_settings_set_workspace (self->group_settings, workspace);
  if (workspace != NULL)
    g_signal_connect_swapped (workspace, "changed", G_CALLBACK (fill_list), self);
  fill_list (self);
  show_detail (self);
}

/* -------------------------------------------------------------------------------------- */
/* Callbacks                                                                              */
/* -------------------------------------------------------------------------------------- */

static void
listed_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (RempartModerationWindow) self = user_data;
  g_autoptr (GPtrArray) workspaces = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GtkStringList) titles = gtk_string_list_new (NULL);

  workspaces = rempart_workspace_list_finish (result, &error);
  if (workspaces == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        toast (self, error->message);
      return;
    }
  g_clear_pointer (&self->workspaces, g_ptr_array_unref);
  self->workspaces = g_steal_pointer (&workspaces);
  for (guint i = 0; i < self->workspaces->len; i++)
    gtk_string_list_append (titles,
                            rempart_workspace_get_title (g_ptr_array_index (self->workspaces, i)));
  gtk_drop_down_set_model (self->group_dropdown, G_LIST_MODEL (titles));
  set_workspace (self, self->workspaces->len > 0 ? g_ptr_array_index (self->workspaces, 0) : NULL);
  update_group_controls (self);
  if (self->workspaces->len == 0)
    {
      /* Both panes say how to get a group: the list on a phone, the detail beside it. */
      adw_status_page_set_title (self->empty_page, _ ("No Groups Yet"));
      adw_status_page_set_description (
          self->empty_page, _ ("You moderate no group yet: add one in Preferences → Moderation."));
      adw_status_page_set_title (self->none_page, _ ("No Groups Yet"));
      adw_status_page_set_description (
          self->none_page, _ ("You moderate no group yet: add one in Preferences → Moderation."));
    }
}

static void
group_selected_cb (RempartModerationWindow *self)
{
  guint index = gtk_drop_down_get_selected (self->group_dropdown);

  if (self->workspaces != NULL && index < self->workspaces->len)
    set_workspace (self, g_ptr_array_index (self->workspaces, index));
}

static void
row_selected_cb (RempartModerationWindow *self, GtkListBoxRow *row)
{
  const char *id;

  if (self->filling || row == NULL)
    return;
  id = g_object_get_data (G_OBJECT (row), "id");
  gtk_toggle_button_set_active (self->settings_button, FALSE);
  if (g_strcmp0 (id, rempart_action_editor_get_action_id (self->editor)) != 0)
    rempart_action_editor_set_action (self->editor, self->workspace, id);
  show_detail (self);
}

static void
saved_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (RempartModerationWindow) self = user_data;
  g_autoptr (GError) error = NULL;

  if (!rempart_workspace_save_finish (REMPART_WORKSPACE (source), result, &error))
    toast (self, error->message);
  else
    /* Translators: message after the action editor saved the feed */
    toast (self, _ ("Saved"));
}

static void
new_action_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RempartModerationWindow *self = REMPART_MODERATION_WINDOW (widget);

  if (self->workspace == NULL)
    return;
  gtk_toggle_button_set_active (self->preview_button, FALSE);
  gtk_toggle_button_set_active (self->settings_button, FALSE);
  gtk_list_box_unselect_all (self->action_list);
  rempart_action_editor_set_action (self->editor, self->workspace, NULL);
  gtk_stack_set_visible_child_name (self->detail_stack, "editor");
  rempart_action_editor_focus (self->editor);
}

static void
save_action_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RempartModerationWindow *self = REMPART_MODERATION_WINDOW (widget);

  if (self->workspace != NULL)
    rempart_workspace_save_async (self->workspace, self->cancellable, saved_cb,
                                  g_object_ref (self));
}

static void
remove_action_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RempartModerationWindow *self = REMPART_MODERATION_WINDOW (widget);
  g_autofree char *id = g_strdup (rempart_action_editor_get_action_id (self->editor));
  g_autoptr (GError) error = NULL;
  AdwToast *undo;

  if (self->workspace == NULL || id == NULL)
    return;
  g_clear_pointer (&self->removed, json_node_unref);
  if (!rempart_workspace_remove_action (self->workspace, id, &self->removed, &self->removed_index,
                                        &error))
    {
      toast (self, error->message);
      return;
    }
  rempart_action_editor_set_action (self->editor, NULL, NULL);
  show_detail (self);
  /* Translators: toast after deleting an action (with an Undo button) */
  undo = adw_toast_new (_ ("Action removed"));
  /* Translators: toast button that undoes the last change */
  adw_toast_set_button_label (undo, _ ("_Undo"));
  adw_toast_set_action_name (undo, "moderation.undo-remove");
  adw_toast_overlay_add_toast (self->toast_overlay, undo);
  gtk_widget_grab_focus (GTK_WIDGET (self->action_list));
}

static void
undo_remove_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RempartModerationWindow *self = REMPART_MODERATION_WINDOW (widget);
  g_autoptr (JsonNode) removed = g_steal_pointer (&self->removed);
  g_autofree char *id = NULL;
  g_autoptr (GError) error = NULL;

  if (self->workspace == NULL || removed == NULL)
    return;
  if (!rempart_workspace_restore_action (self->workspace, removed, self->removed_index, &error))
    {
      toast (self, error->message);
      return;
    }
  id = g_strdup (
      json_object_get_string_member_with_default (json_node_get_object (removed), "id", NULL));
  rempart_action_editor_set_action (self->editor, self->workspace, id);
  fill_list (self);
  show_detail (self);
}

static void
publish_action_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  open_publish_dialog (REMPART_MODERATION_WINDOW (widget), NULL);
}

static void
chooser_response_cb (RempartModerationWindow *self, int response, GtkFileChooserNative *chooser)
{
  g_autoptr (GFile) folder = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (folder != NULL)
    path = g_file_get_path (folder);
  g_clear_object (&self->chooser);
  if (folder != NULL && path == NULL)
    toast (self, _ ("That folder is not on this computer: pick a local folder"));
  else if (path != NULL)
    open_publish_dialog (self, path);
}

/* Through the portal inside the Flatpak: the app sees only the folder picked. */
static void
export_action_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RempartModerationWindow *self = REMPART_MODERATION_WINDOW (widget);

  if (self->workspace == NULL || self->chooser != NULL)
    return;
  self->chooser = gtk_file_chooser_native_new (
      _ ("Export the Feed and Its Signature"), GTK_WINDOW (self),
      /* Translators: button of the folder chooser where the signed feed is exported */
      GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _ ("_Export Here"), _ ("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect_swapped (self->chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
back_action_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RempartModerationWindow *self = REMPART_MODERATION_WINDOW (widget);
  GtkListBoxRow *row;

  if (!adw_leaflet_get_folded (self->leaflet))
    return;
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  row = gtk_list_box_get_selected_row (self->action_list);
  if (row != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (row));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->action_list));
}

/* -------------------------------------------------------------------------------------- */
/* Overrides                                                                              */
/* -------------------------------------------------------------------------------------- */

static void
rempart_moderation_window_dispose (GObject *object)
{
  RempartModerationWindow *self = REMPART_MODERATION_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->back_idle_id, g_source_remove);
  if (self->workspace != NULL)
    g_signal_handlers_disconnect_by_data (self->workspace, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), REMPART_TYPE_MODERATION_WINDOW);
  g_clear_object (&self->workspace);
  g_clear_pointer (&self->workspaces, g_ptr_array_unref);
  g_clear_pointer (&self->removed, json_node_unref);
  g_clear_object (&self->cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_object (&self->keyring);

  G_OBJECT_CLASS (rempart_moderation_window_parent_class)->dispose (object);
}

static void
rempart_moderation_window_finalize (GObject *object)
{
  RempartModerationWindow *self = REMPART_MODERATION_WINDOW (object);

  g_free (self->base_dir);

  G_OBJECT_CLASS (rempart_moderation_window_parent_class)->finalize (object);
}

static void
rempart_moderation_window_class_init (RempartModerationWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rempart_moderation_window_dispose;
  object_class->finalize = rempart_moderation_window_finalize;

  g_type_ensure (REMPART_TYPE_ACTION_EDITOR);
  g_type_ensure (REMPART_TYPE_ACTION_PAGE);
  g_type_ensure (REMPART_TYPE_GROUP_SETTINGS);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/rempart-moderation-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RempartModerationWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RempartModerationWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, RempartModerationWindow, new_button);
  gtk_widget_class_bind_template_child (widget_class, RempartModerationWindow, publish_button);
  gtk_widget_class_bind_template_child (widget_class, RempartModerationWindow, empty_page);
  gtk_widget_class_bind_template_child (widget_class, RempartModerationWindow, none_page);
  gtk_widget_class_bind_template_child (widget_class, RempartModerationWindow, fresh_revealer);
  gtk_widget_class_bind_template_child (widget_class, RempartModerationWindow, fresh_label);
  gtk_widget_class_bind_template_child (widget_class, RempartModerationWindow, fresh_button);
  gtk_widget_class_bind_template_child (widget_class, RempartModerationWindow, group_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RempartModerationWindow, sort_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RempartModerationWindow, preview_button);
  gtk_widget_class_bind_template_child (widget_class, RempartModerationWindow, settings_button);
  gtk_widget_class_bind_template_child (widget_class, RempartModerationWindow, group_settings);
  gtk_widget_class_bind_template_child (widget_class, RempartModerationWindow, list_stack);
  gtk_widget_class_bind_template_child (widget_class, RempartModerationWindow, action_list);
  gtk_widget_class_bind_template_child (widget_class, RempartModerationWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, RempartModerationWindow, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, RempartModerationWindow, editor);
  gtk_widget_class_bind_template_child (widget_class, RempartModerationWindow, preview);

  gtk_widget_class_install_action (widget_class, "moderation.new-action", NULL, new_action_cb);
  gtk_widget_class_install_action (widget_class, "moderation.save", NULL, save_action_cb);
  gtk_widget_class_install_action (widget_class, "moderation.remove", NULL, remove_action_cb);
  gtk_widget_class_install_action (widget_class, "moderation.undo-remove", NULL, undo_remove_cb);
  gtk_widget_class_install_action (widget_class, "moderation.publish", NULL, publish_action_cb);
  gtk_widget_class_install_action (widget_class, "moderation.export", NULL, export_action_cb);
  gtk_widget_class_install_action (widget_class, "moderation.back", NULL, back_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK,
                                       "moderation.publish", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "moderation.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "moderation.back",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "moderation.new-action", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "moderation.save",
                                       NULL);
  /* Delete reaches the window only when no text field takes it (the list has the focus). */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "moderation.remove", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, GDK_CONTROL_MASK,
                                       "moderation.remove", NULL);
}

static void
rempart_moderation_window_init (RempartModerationWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  rempart_accessible_fix_mnemonics (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();

  g_signal_connect_swapped (self->group_dropdown, "notify::selected",
                            G_CALLBACK (group_selected_cb), self);
  g_signal_connect_swapped (self->sort_dropdown, "notify::selected", G_CALLBACK (fill_list), self);
  g_signal_connect_swapped (self->action_list, "row-selected", G_CALLBACK (row_selected_cb), self);
  /* On a phone, the row already selected is tapped again after Back: show it again. */
  g_signal_connect_swapped (self->action_list, "row-activated", G_CALLBACK (row_selected_cb), self);
  g_signal_connect_swapped (self->preview_button, "toggled", G_CALLBACK (show_detail), self);
  g_signal_connect_swapped (self->settings_button, "toggled", G_CALLBACK (show_detail), self);
  g_signal_connect_swapped (self->leaflet, "notify::folded", G_CALLBACK (update_back), self);
  g_signal_connect_swapped (self->leaflet, "notify::visible-child", G_CALLBACK (update_back), self);
  update_group_controls (self);
}

/* -------------------------------------------------------------------------------------- */
/* Public API                                                                             */
/* -------------------------------------------------------------------------------------- */

RempartModerationWindow *
rempart_moderation_window_new (GtkApplication *application, const char *base_dir)
{
  RempartModerationWindow *self;

  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (base_dir != NULL, NULL);

  self = g_object_new (REMPART_TYPE_MODERATION_WINDOW, "application", application, NULL);
  self->base_dir = g_strdup (base_dir);
  rempart_workspace_list_async (base_dir, self->cancellable, listed_cb, g_object_ref (self));
  return self;
}

RempartWorkspace *
rempart_moderation_window_get_workspace (RempartModerationWindow *self)
{
  g_return_val_if_fail (REMPART_IS_MODERATION_WINDOW (self), NULL);
  return self->workspace;
}

RempartActionEditor *
rempart_moderation_window_get_editor (RempartModerationWindow *self)
{
  g_return_val_if_fail (REMPART_IS_MODERATION_WINDOW (self), NULL);
  return self->editor;
}
