/* rempart-window-actions.c: the main window's actions and shortcuts
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Rempart"

#include "config.h"

#include <glib/gi18n.h>

#include "rempart-participation-window.h"
#include "rempart-preferences-window.h"
#include "rempart-session-window.h"
#include "rempart-store-undo.h"
#include "rempart-window-private.h"

/*
 * The win.* actions: what the menus, buttons and shortcuts of the main window do. They use
 * the struct and the few functions of rempart-window.c declared in rempart-window-private.h;
 * rempart-window.c calls only the two functions at the end of this file.
 */

/* -------------------------------------------------------------------------------------- */
/* Callbacks                                                                              */
/* -------------------------------------------------------------------------------------- */

static void
undo_dismiss_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (RempartWindow) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (RempartActionItem) item = g_steal_pointer (&self->undoing_item);

  if (!rempart_store_clear_action_state_finish (REMPART_STORE (source), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        rempart_window_show_toast (self, error->message);
      return;
    }

  rempart_action_model_reload (self->model);
  if (item != NULL)
    rempart_window_show_item (self, item);
}

static void
undo_dismiss_action_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RempartWindow *self = REMPART_WINDOW (widget);
  g_autoptr (RempartActionItem) item = g_steal_pointer (&self->undo_item);

  gtk_widget_action_set_enabled (widget, "win.undo-dismiss", FALSE);
  if (item == NULL || self->store == NULL)
    return;

  rempart_action_item_set_state (item, rempart_action_item_get_state (item) &
                                           ~REMPART_ACTION_STATE_DISMISSED);
  g_set_object (&self->undoing_item, item);
  rempart_store_clear_action_state_async (
      self->store, rempart_action_item_get_subscription_url (item),
      rempart_action_item_get_id (item), REMPART_ACTION_STATE_DISMISSED, self->cancellable,
      undo_dismiss_done_cb, g_object_ref (self));
}

/* The application retires the example actions and checks the new group: pass it on. */
static void
subscription_added_cb (GtkWidget *preferences, gint64 subscription_id, gpointer user_data)
{
  g_signal_emit_by_name (user_data, "subscription-added", subscription_id);
}

static void
subscription_removed_cb (GtkWidget *preferences, gint64 subscription_id, gpointer user_data)
{
  rempart_window_reload (REMPART_WINDOW (user_data));
}

static RempartPreferencesWindow *
show_preferences (RempartWindow *self)
{
  GSettings *settings = self->settings;
  RempartPreferencesWindow *preferences;

  if (self->store == NULL || settings == NULL)
    return NULL;

  /* One at a time: it is the one kept up to date by rempart_window_reload(). */
  if (self->preferences != NULL)
    {
      gtk_window_present (GTK_WINDOW (self->preferences));
      return REMPART_PREFERENCES_WINDOW (self->preferences);
    }

  preferences = rempart_preferences_window_new (GTK_WINDOW (self), self->store, settings);
  self->preferences = GTK_WIDGET (preferences);
  g_object_add_weak_pointer (G_OBJECT (preferences), (gpointer *) &self->preferences);
  g_signal_connect_object (preferences, "subscription-added", G_CALLBACK (subscription_added_cb),
                           self, 0);
  g_signal_connect_object (preferences, "subscription-removed",
                           G_CALLBACK (subscription_removed_cb), self, 0);
  gtk_window_present (GTK_WINDOW (preferences));

  return preferences;
}

static void
preferences_action_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  show_preferences (REMPART_WINDOW (widget));
}

static void
add_group_action_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RempartPreferencesWindow *preferences = show_preferences (REMPART_WINDOW (widget));

  if (preferences != NULL)
    rempart_preferences_window_show_add_group (preferences);
}

/* The banner's "Edit Group" after a check failed on a wrong address or key: the group's edit
 * form in Preferences → Groups. */
static void
edit_group_action_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RempartWindow *self = REMPART_WINDOW (widget);
  gint64 id = g_variant_get_int64 (parameter);

  for (guint i = 0; self->subscriptions != NULL && i < self->subscriptions->len; i++)
    {
      RempartSubscription *sub = g_ptr_array_index (self->subscriptions, i);
      RempartPreferencesWindow *preferences;

      if (sub->id != id)
        continue;

      preferences = show_preferences (self);
      if (preferences != NULL)
        rempart_preferences_window_show_edit_group (preferences, sub);
      return;
    }
}

static gboolean
session_closed_cb (GtkWindow *session, gpointer user_data)
{
  /* The session marked replies as posted: the lists changed, not the groups. */
  rempart_action_model_reload (REMPART_WINDOW (user_data)->model);
  rempart_window_refresh_current_item (REMPART_WINDOW (user_data));
  rempart_window_update_session_button (REMPART_WINDOW (user_data));

  return FALSE;
}

static void
start_session_action_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RempartWindow *self = REMPART_WINDOW (widget);
  RempartSessionWindow *session;

  if (self->store == NULL)
    return;

  session = rempart_session_window_new (GTK_WINDOW (self), self->store);
  g_signal_connect_object (session, "close-request", G_CALLBACK (session_closed_cb), self, 0);
  gtk_window_present (GTK_WINDOW (session));
}

static void
participation_action_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RempartWindow *self = REMPART_WINDOW (widget);

  if (self->store != NULL)
    gtk_window_present (
        GTK_WINDOW (rempart_participation_window_new (GTK_WINDOW (self), self->store)));
}

/* The shortcuts window is built the first time it is asked for. GTK would build it for every
 * GtkApplicationWindow found at its resource path gtk/help-overlay.ui, before the first frame
 * (about 10 ms of CPU and 1.4 MiB at start, docs/performance.md), so it has another path. */
static void
show_help_overlay_action_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  GtkApplicationWindow *window = GTK_APPLICATION_WINDOW (widget);
  GtkShortcutsWindow *overlay = gtk_application_window_get_help_overlay (window);

  if (overlay == NULL)
    {
      g_autoptr (GtkBuilder) builder =
          gtk_builder_new_from_resource (RESOURCE_BASE "/rempart-shortcuts-window.ui");

      overlay = GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
      gtk_application_window_set_help_overlay (window, overlay);
    }
  gtk_window_present (GTK_WINDOW (overlay));
}

static void
search_action_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RempartWindow *self = REMPART_WINDOW (widget);

  adw_leaflet_set_visible_child_name (self->leaflet, "list");
  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
back_action_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RempartWindow *self = REMPART_WINDOW (widget);

  if (g_strcmp0 (rempart_window_detail_get_shown (self->detail), "composer") == 0)
    {
      rempart_window_detail_set_shown (self->detail, "page");
      /* Translators: title of the page showing one counter-speech action */
      adw_window_title_set_title (self->detail_title, _ ("Action"));
      return;
    }

  adw_leaflet_set_visible_child_name (self->leaflet, "list");
}

static void
show_sidebar_action_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  adw_leaflet_set_visible_child_name (REMPART_WINDOW (widget)->leaflet, "sidebar");
}

static void
show_view_action_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RempartWindow *self = REMPART_WINDOW (widget);
  guint index = MIN ((guint) g_variant_get_int32 (parameter), REMPART_WINDOW_N_VIEWS - 1);

  rempart_window_switch_view (self, index, TRUE);
}

/* The action page's shortcuts, from anywhere in the window: they act on the action shown. */
static void
page_shortcut_action_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RempartWindow *self = REMPART_WINDOW (widget);

  if (self->current_item == NULL)
    return;

  rempart_window_detail_activate_page_action (self->detail, g_variant_get_string (parameter, NULL));
}

/* -------------------------------------------------------------------------------------- */
/* For rempart-window.c                                                                   */
/* -------------------------------------------------------------------------------------- */

void
rempart_window_class_add_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.preferences", NULL, preferences_action_cb);
  gtk_widget_class_install_action (widget_class, "win.add-group", NULL, add_group_action_cb);
  gtk_widget_class_install_action (widget_class, "win.edit-group", "x", edit_group_action_cb);
  gtk_widget_class_install_action (widget_class, "win.start-session", NULL,
                                   start_session_action_cb);
  gtk_widget_class_install_action (widget_class, "win.participation", NULL,
                                   participation_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.participation", NULL);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL,
                                   show_help_overlay_action_cb);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action_cb);
  gtk_widget_class_install_action (widget_class, "win.back", NULL, back_action_cb);
  gtk_widget_class_install_action (widget_class, "win.undo-dismiss", NULL, undo_dismiss_action_cb);
  gtk_widget_class_install_action (widget_class, "win.show-sidebar", NULL, show_sidebar_action_cb);
  gtk_widget_class_install_action (widget_class, "win.show-view", "i", show_view_action_cb);
  gtk_widget_class_install_action (widget_class, "win.page-shortcut", "s", page_shortcut_action_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_comma, GDK_CONTROL_MASK,
                                       "win.preferences", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.start-session", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "win.back", NULL);
  for (guint i = 0; i < REMPART_WINDOW_N_VIEWS; i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_ALT_MASK, "win.show-view",
                                         "i", (gint32) i);
}

/* The action page's shortcuts for the whole window. In the capture phase: GtkWindow binds
 * Ctrl+Shift+D itself (the inspector), and the page's own bindings only see keys pressed
 * inside it; these forward to the page, so it makes no difference where the focus is. */
void
rempart_window_add_page_shortcuts (RempartWindow *self)
{
  static const struct
  {
    guint keyval;
    GdkModifierType modifiers;
    const char *action;
  } keys[] = {
    { GDK_KEY_e, GDK_CONTROL_MASK, "page.write-reply" },
    { GDK_KEY_o, GDK_CONTROL_MASK, "page.open-thread" },
    { GDK_KEY_d, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "page.dismiss" },
  };
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      GtkShortcut *shortcut =
          gtk_shortcut_new (gtk_keyval_trigger_new (keys[i].keyval, keys[i].modifiers),
                            gtk_named_action_new ("win.page-shortcut"));

      gtk_shortcut_set_arguments (shortcut, g_variant_new_string (keys[i].action));
      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), shortcut);
    }
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}
