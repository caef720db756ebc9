/* rempart-group-settings.c
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rempart-group-settings.h"
#include "rempart-join-panel.h"
#include "rempart-key-panel.h"
#include "rempart-keyring.h"
#include "rempart-templates-panel.h"

/*
 * Every change is written to the working copy through RempartFeedSettings; a hashtag the
 * feed writer refuses (not "#" then one word) stays on screen with the writer's message and
 * the other settings are written without it.
 */

struct _RempartGroupSettings
{
  AdwBin parent_instance;

  RempartWorkspace *workspace;
  gboolean loading;

  AdwEntryRow *title_row;
  AdwEntryRow *description_row;
  AdwEntryRow *hashtag_row;
  AdwComboRow *position_row;
  GtkLabel *message_label;
  GtkTextView *about_view;
  GtkTextView *rules_view;
  RempartKeyPanel *key_panel;
  RempartJoinPanel *join_panel;
  RempartTemplatesPanel *templates_panel;
  AdwEntryRow *publish_url_row;
  AdwEntryRow *publish_user_row;
  AdwEntryRow *server_password_row;
  GtkLabel *publish_message;

  RempartKeyring *keyring;
  GCancellable *cancellable;
};

G_DEFINE_FINAL_TYPE (RempartGroupSettings, rempart_group_settings, ADW_TYPE_BIN)

#define RESOURCE_BASE "/io/github/rempart/Rempart"

/* -------------------------------------------------------------------------------------- */
/* Helpers                                                                                */
/* -------------------------------------------------------------------------------------- */

static char *
text_of (GtkTextView *view)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (gtk_text_view_get_buffer (view), &start, &end);
  return gtk_text_buffer_get_text (gtk_text_view_get_buffer (view), &start, &end, FALSE);
}

static char *
row_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static void
show_message (RempartGroupSettings *self, const char *message)
{
  gtk_label_set_text (self->message_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL);
}

static void
say_publish (RempartGroupSettings *self, const char *message, gboolean is_error)
{
  gtk_label_set_text (self->publish_message, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->publish_message), message != NULL);
  if (is_error)
    gtk_widget_add_css_class (GTK_WIDGET (self->publish_message), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->publish_message), "error");
}

/* Where the password is kept: the address Publish uploads to. */
static char *
publish_url (RempartGroupSettings *self)
{
  g_autofree char *url = row_text (self->publish_url_row);

  if (url[0] != '\0')
    return g_steal_pointer (&url);
  return g_strdup (rempart_workspace_get_feed_url (self->workspace));
}

/* -------------------------------------------------------------------------------------- */
/* Callbacks                                                                              */
/* -------------------------------------------------------------------------------------- */

static void
publish_changed_cb (RempartGroupSettings *self)
{
  g_autofree char *url = row_text (self->publish_url_row);
  g_autofree char *user = row_text (self->publish_user_row);
  g_autoptr (GError) error = NULL;

  if (self->loading || self->workspace == NULL)
    return;
  if (!rempart_workspace_set_publish_target (self->workspace, url, user, &error))
    say_publish (self, error->message, TRUE);
  else
    say_publish (self, NULL, FALSE);
}

static void
password_stored_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (RempartGroupSettings) self = user_data;
  g_autoptr (GError) error = NULL;
  RempartKeyringBackend backend = REMPART_KEYRING_BACKEND_SECRET_SERVICE;

  if (!rempart_keyring_store_password_finish (REMPART_KEYRING (source), result, &backend, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        say_publish (self, error->message, TRUE);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->server_password_row), "");
  say_publish (self,
               backend == REMPART_KEYRING_BACKEND_FILE
                   ? _ ("Password kept in a file only your account can read (no keyring answered)")
                   : _ ("Password kept in your keyring"),
               FALSE);
}

static void
password_apply_cb (RempartGroupSettings *self)
{
  const char *password = gtk_editable_get_text (GTK_EDITABLE (self->server_password_row));
  g_autofree char *url = NULL;
  g_autofree char *user = NULL;

  if (self->workspace == NULL || password[0] == '\0')
    return;
  url = publish_url (self);
  user = row_text (self->publish_user_row);
  if (url == NULL)
    {
      say_publish (self, _ ("Give the address to publish to first"), TRUE);
      return;
    }
  if (self->keyring == NULL)
    self->keyring = rempart_keyring_new (NULL);
  say_publish (self, _ ("Keeping the password…"), FALSE);
  rempart_keyring_store_password_async (self->keyring, url, user[0] != '\0' ? user : NULL, password,
                                        self->cancellable, password_stored_cb, g_object_ref (self));
}

static void
changed_cb (RempartGroupSettings *self)
{
  g_autofree char *title = row_text (self->title_row);
  g_autofree char *description = row_text (self->description_row);
  g_autofree char *hashtag = row_text (self->hashtag_row);
  g_autofree char *about = text_of (self->about_view);
  g_autofree char *rules_text = text_of (self->rules_view);
  g_auto (GStrv) lines = g_strsplit (rules_text, "\n", -1);
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_auto (GStrv) rules = NULL;
  g_autoptr (GError) error = NULL;
  RempartFeedSettings settings = { 0 };

  if (self->loading || self->workspace == NULL)
    return;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *line = g_strstrip (g_strdup (lines[i]));

      if (line[0] != '\0')
        g_strv_builder_add (builder, line);
    }
  rules = g_strv_builder_end (builder);

  settings.title = title[0] != '\0' ? title : NULL;
  settings.description = description;
  settings.about = about;
  settings.hashtag = hashtag[0] != '\0' ? hashtag : NULL;
  settings.set_hashtag_position = TRUE;
  settings.hashtag_position = adw_combo_row_get_selected (self->position_row);
  settings.rules = (const char *const *) rules;

  if (!rempart_workspace_set_settings (self->workspace, &settings, &error))
    {
      show_message (self, error->message);
      /* The rest is still worth keeping. */
      g_clear_error (&error);
      settings.hashtag = NULL;
      rempart_workspace_set_settings (self->workspace, &settings, NULL);
      return;
    }
  show_message (self, NULL);
}

/* -------------------------------------------------------------------------------------- */
/* Overrides                                                                              */
/* -------------------------------------------------------------------------------------- */

static void
rempart_group_settings_dispose (GObject *object)
{
  RempartGroupSettings *self = REMPART_GROUP_SETTINGS (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), REMPART_TYPE_GROUP_SETTINGS);
  g_clear_object (&self->workspace);
  g_clear_object (&self->keyring);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (rempart_group_settings_parent_class)->dispose (object);
}

static void
rempart_group_settings_class_init (RempartGroupSettingsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rempart_group_settings_dispose;

  g_type_ensure (REMPART_TYPE_KEY_PANEL);
  g_type_ensure (REMPART_TYPE_JOIN_PANEL);
  g_type_ensure (REMPART_TYPE_TEMPLATES_PANEL);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/rempart-group-settings.ui");
  gtk_widget_class_bind_template_child (widget_class, RempartGroupSettings, key_panel);
  gtk_widget_class_bind_template_child (widget_class, RempartGroupSettings, join_panel);
  gtk_widget_class_bind_template_child (widget_class, RempartGroupSettings, templates_panel);
  gtk_widget_class_bind_template_child (widget_class, RempartGroupSettings, title_row);
  gtk_widget_class_bind_template_child (widget_class, RempartGroupSettings, description_row);
  gtk_widget_class_bind_template_child (widget_class, RempartGroupSettings, hashtag_row);
  gtk_widget_class_bind_template_child (widget_class, RempartGroupSettings, position_row);
  gtk_widget_class_bind_template_child (widget_class, RempartGroupSettings, message_label);
  gtk_widget_class_bind_template_child (widget_class, RempartGroupSettings, about_view);
  gtk_widget_class_bind_template_child (widget_class, RempartGroupSettings, rules_view);
  gtk_widget_class_bind_template_child (widget_class, RempartGroupSettings, publish_url_row);
  gtk_widget_class_bind_template_child (widget_class, RempartGroupSettings, publish_user_row);
  gtk_widget_class_bind_template_child (widget_class, RempartGroupSettings, server_password_row);
  gtk_widget_class_bind_template_child (widget_class, RempartGroupSettings, publish_message);
}

static void
rempart_group_settings_init (RempartGroupSettings *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  g_signal_connect_swapped (self->key_panel, "key-changed", G_CALLBACK (rempart_join_panel_refresh),
                            self->join_panel);
  g_signal_connect_swapped (self->publish_url_row, "changed", G_CALLBACK (publish_changed_cb),
                            self);
  g_signal_connect_swapped (self->publish_user_row, "changed", G_CALLBACK (publish_changed_cb),
                            self);
  g_signal_connect_swapped (self->server_password_row, "apply", G_CALLBACK (password_apply_cb),
                            self);

  g_signal_connect_swapped (self->title_row, "changed", G_CALLBACK (changed_cb), self);
  g_signal_connect_swapped (self->description_row, "changed", G_CALLBACK (changed_cb), self);
  g_signal_connect_swapped (self->hashtag_row, "changed", G_CALLBACK (changed_cb), self);
  g_signal_connect_swapped (self->position_row, "notify::selected", G_CALLBACK (changed_cb), self);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->about_view), "changed",
                            G_CALLBACK (changed_cb), self);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->rules_view), "changed",
                            G_CALLBACK (changed_cb), self);
}

/* -------------------------------------------------------------------------------------- */
/* Public API                                                                             */
/* -------------------------------------------------------------------------------------- */

void
rempart_group_settings_set_workspace (RempartGroupSettings *self, RempartWorkspace *workspace)
{
  RempartFeed *feed;
  const char *const *rules;
  g_autofree char *rules_text = NULL;

  g_return_if_fail (REMPART_IS_GROUP_SETTINGS (self));

  g_set_object (&self->workspace, workspace);
  feed = workspace != NULL ? rempart_workspace_get_feed (workspace) : NULL;
  self->loading = TRUE;
#define OR_EMPTY(s) ((s) != NULL ? (s) : "")
  gtk_editable_set_text (GTK_EDITABLE (self->title_row),
                         feed != NULL ? OR_EMPTY (rempart_feed_get_title (feed)) : "");
  gtk_editable_set_text (GTK_EDITABLE (self->description_row),
                         feed != NULL ? OR_EMPTY (rempart_feed_get_description (feed)) : "");
  gtk_editable_set_text (GTK_EDITABLE (self->hashtag_row),
                         feed != NULL ? OR_EMPTY (rempart_feed_get_hashtag (feed)) : "");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->about_view),
                            feed != NULL ? OR_EMPTY (rempart_feed_get_about (feed)) : "", -1);
#undef OR_EMPTY
  adw_combo_row_set_selected (self->position_row,
                              feed != NULL ? rempart_feed_get_hashtag_position (feed) : 0);
  rules = feed != NULL ? rempart_feed_get_rules (feed) : NULL;
  rules_text = rules != NULL ? g_strjoinv ("\n", (char **) rules) : g_strdup ("");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->rules_view), rules_text, -1);
  show_message (self, NULL);
  {
    g_autofree char *url = workspace != NULL ? rempart_workspace_dup_publish_url (workspace) : NULL;
    g_autofree char *user =
        workspace != NULL ? rempart_workspace_dup_publish_user (workspace) : NULL;

    gtk_editable_set_text (GTK_EDITABLE (self->publish_url_row), url != NULL ? url : "");
    gtk_editable_set_text (GTK_EDITABLE (self->publish_user_row), user != NULL ? user : "");
    gtk_editable_set_text (GTK_EDITABLE (self->server_password_row), "");
    say_publish (self, NULL, FALSE);
  }
  rempart_key_panel_set_workspace (self->key_panel, workspace);
  rempart_join_panel_set_workspace (self->join_panel, workspace);
  rempart_templates_panel_set_workspace (self->templates_panel, workspace);
  self->loading = FALSE;
}
