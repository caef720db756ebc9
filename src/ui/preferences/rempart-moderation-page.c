/* rempart-moderation-page.c
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rempart-fetcher.h"
#include "rempart-moderation-page.h"
#include "rempart-workspace.h"

/*
 * The switch writes moderation-mode, which enables app.moderation (the main menu's
 * Moderation item). The groups are the working copies under
 * $XDG_DATA_HOME/rempart/moderation: a new one is made from a name and the address where it
 * will be published; an existing one is downloaded with its public key, and refused when the
 * feed is not signed by it. The rest of the page shows only while the mode is on.
 */

struct _RempartModerationPage
{
  AdwPreferencesPage parent_instance;

  GSettings *settings;
  GCancellable *cancellable;
  RempartFetcher *fetcher;
  char *base_dir;

  GtkSwitch *mode_switch;
  AdwPreferencesGroup *groups_group;
  GtkListBox *groups_list;
  AdwPreferencesGroup *create_group;
  AdwEntryRow *name_row;
  AdwEntryRow *feed_url_row;
  AdwPreferencesGroup *download_group;
  AdwEntryRow *download_url_row;
  AdwEntryRow *key_row;
  GtkLabel *message_label;
};

G_DEFINE_FINAL_TYPE (RempartModerationPage, rempart_moderation_page, ADW_TYPE_PREFERENCES_PAGE)

#define RESOURCE_BASE "/io/github/rempart/Rempart"

/* -------------------------------------------------------------------------------------- */
/* Helpers                                                                                */
/* -------------------------------------------------------------------------------------- */

static void
say (RempartModerationPage *self, const char *text, gboolean is_error)
{
  gtk_label_set_text (self->message_label, text != NULL ? text : "");
  if (is_error)
    gtk_widget_add_css_class (GTK_WIDGET (self->message_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->message_label), "error");
}

static void
set_busy (RempartModerationPage *self, gboolean busy)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "moderation-page.create", !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "moderation-page.download", !busy);
}

static void listed_cb (GObject *source, GAsyncResult *result, gpointer user_data);

static void
reload (RempartModerationPage *self)
{
  rempart_workspace_list_async (self->base_dir, self->cancellable, listed_cb, g_object_ref (self));
}

static char *
entry_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

/* -------------------------------------------------------------------------------------- */
/* Callbacks                                                                              */
/* -------------------------------------------------------------------------------------- */

static void
listed_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (RempartModerationPage) self = user_data;
  g_autoptr (GPtrArray) workspaces = NULL;
  g_autoptr (GError) error = NULL;
  GtkWidget *child;

  workspaces = rempart_workspace_list_finish (result, &error);
  if (workspaces == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        say (self, error->message, TRUE);
      return;
    }
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->groups_list))) != NULL)
    gtk_list_box_remove (self->groups_list, child);
  for (guint i = 0; i < workspaces->len; i++)
    {
      RempartWorkspace *ws = g_ptr_array_index (workspaces, i);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), rempart_workspace_get_title (ws));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), rempart_workspace_get_feed_url (ws) != NULL
                                                             ? rempart_workspace_get_feed_url (ws)
                                                             : "");
      gtk_list_box_append (self->groups_list, row);
    }
  if (workspaces->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      /* Translators: no group feed created yet */
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _ ("None yet"));
      gtk_list_box_append (self->groups_list, row);
    }
}

static void
created_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (RempartModerationPage) self = user_data;
  g_autoptr (RempartWorkspace) ws = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;

  ws = rempart_workspace_create_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_busy (self, FALSE);
  if (ws == NULL)
    {
      say (self, error->message, TRUE);
      return;
    }
  text = g_strdup_printf (_ ("“%s” is ready: open Moderation in the main menu to write its "
                             "first action."),
                          rempart_workspace_get_title (ws));
  say (self, text, FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->feed_url_row), "");
  reload (self);
}

static void
downloaded_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (RempartModerationPage) self = user_data;
  g_autoptr (RempartWorkspace) ws = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;

  ws = rempart_workspace_download_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_busy (self, FALSE);
  if (ws == NULL)
    {
      say (self, error->message, TRUE);
      return;
    }
  text = g_strdup_printf (_ ("“%s” was downloaded and checked: you can now moderate it."),
                          rempart_workspace_get_title (ws));
  say (self, text, FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->download_url_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->key_row), "");
  reload (self);
}

static void
create_action_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RempartModerationPage *self = REMPART_MODERATION_PAGE (widget);
  g_autofree char *name = entry_text (self->name_row);
  g_autofree char *url = entry_text (self->feed_url_row);

  if (name[0] == '\0')
    {
      say (self, _ ("Give the group a name"), TRUE);
      gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
      return;
    }
  if (url[0] == '\0')
    {
      say (self,
           _ ("Give the address where the feed will be published, such as "
              "https://example.org/feed.json"),
           TRUE);
      gtk_widget_grab_focus (GTK_WIDGET (self->feed_url_row));
      return;
    }
  set_busy (self, TRUE);
  /* Translators: progress: the group feed is being created */
  say (self, _ ("Creating…"), FALSE);
  rempart_workspace_create_async (self->base_dir, name, url, self->cancellable, created_cb,
                                  g_object_ref (self));
}

static void
download_action_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RempartModerationPage *self = REMPART_MODERATION_PAGE (widget);
  g_autofree char *url = entry_text (self->download_url_row);
  g_autofree char *key_text = entry_text (self->key_row);
  g_autoptr (RempartMinisignPublicKey) key = NULL;
  g_autoptr (GError) error = NULL;

  if (url[0] == '\0')
    {
      say (self, _ ("Give the address of the group’s feed"), TRUE);
      gtk_widget_grab_focus (GTK_WIDGET (self->download_url_row));
      return;
    }
  if (key_text[0] != '\0')
    {
      key = rempart_minisign_public_key_parse (key_text, strlen (key_text), &error);
      if (key == NULL)
        {
          say (self, error->message, TRUE);
          gtk_widget_grab_focus (GTK_WIDGET (self->key_row));
          return;
        }
    }
  if (self->fetcher == NULL)
    self->fetcher = rempart_fetcher_new ();
  set_busy (self, TRUE);
  /* Translators: progress: the group feed is being downloaded */
  say (self, _ ("Downloading…"), FALSE);
  rempart_workspace_download_async (self->base_dir, self->fetcher, url, key, self->cancellable,
                                    downloaded_cb, g_object_ref (self));
}

/* -------------------------------------------------------------------------------------- */
/* Overrides                                                                              */
/* -------------------------------------------------------------------------------------- */

static void
rempart_moderation_page_dispose (GObject *object)
{
  RempartModerationPage *self = REMPART_MODERATION_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  if (self->settings != NULL)
    g_settings_unbind (self->mode_switch, "active");
  gtk_widget_dispose_template (GTK_WIDGET (self), REMPART_TYPE_MODERATION_PAGE);
  g_clear_object (&self->settings);
  g_clear_object (&self->fetcher);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (rempart_moderation_page_parent_class)->dispose (object);
}

static void
rempart_moderation_page_finalize (GObject *object)
{
  RempartModerationPage *self = REMPART_MODERATION_PAGE (object);

  g_free (self->base_dir);

  G_OBJECT_CLASS (rempart_moderation_page_parent_class)->finalize (object);
}

static void
rempart_moderation_page_class_init (RempartModerationPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rempart_moderation_page_dispose;
  object_class->finalize = rempart_moderation_page_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/rempart-moderation-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RempartModerationPage, mode_switch);
  gtk_widget_class_bind_template_child (widget_class, RempartModerationPage, groups_group);
  gtk_widget_class_bind_template_child (widget_class, RempartModerationPage, groups_list);
  gtk_widget_class_bind_template_child (widget_class, RempartModerationPage, create_group);
  gtk_widget_class_bind_template_child (widget_class, RempartModerationPage, name_row);
  gtk_widget_class_bind_template_child (widget_class, RempartModerationPage, feed_url_row);
  gtk_widget_class_bind_template_child (widget_class, RempartModerationPage, download_group);
  gtk_widget_class_bind_template_child (widget_class, RempartModerationPage, download_url_row);
  gtk_widget_class_bind_template_child (widget_class, RempartModerationPage, key_row);
  gtk_widget_class_bind_template_child (widget_class, RempartModerationPage, message_label);

  gtk_widget_class_install_action (widget_class, "moderation-page.create", NULL, create_action_cb);
  gtk_widget_class_install_action (widget_class, "moderation-page.download", NULL,
                                   download_action_cb);
}

static void
rempart_moderation_page_init (RempartModerationPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->base_dir = rempart_workspace_default_base_dir ();

  g_object_bind_property (self->mode_switch, "active", self->groups_group, "visible",
                          G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->mode_switch, "active", self->create_group, "visible",
                          G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->mode_switch, "active", self->download_group, "visible",
                          G_BINDING_SYNC_CREATE);
}

/* -------------------------------------------------------------------------------------- */
/* Public API                                                                             */
/* -------------------------------------------------------------------------------------- */

GtkWidget *
rempart_moderation_page_new (GSettings *settings)
{
  RempartModerationPage *self;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (REMPART_TYPE_MODERATION_PAGE, NULL);
  self->settings = g_object_ref (settings);
  g_settings_bind (settings, "moderation-mode", self->mode_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  reload (self);
  return GTK_WIDGET (self);
}
