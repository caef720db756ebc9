/* rempart-key-panel.c
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rempart-key-panel.h"
#include "rempart-keyring.h"

/*
 * The password is asked twice and never shown; the new secret key goes to the keyring
 * (RempartKeyring, on a worker thread), or to a 0600 file when no keyring answers, and the
 * panel says which. The public key becomes the working copy's (workspace.ini), ready to copy.
 * The keyring is keyed by the feed's address, as `rempart-feed` keys it.
 */

struct _RempartKeyPanel
{
  AdwBin parent_instance;

  RempartWorkspace *workspace;
  RempartKeyring *keyring;
  GCancellable *cancellable;

  AdwActionRow *public_row;
  AdwEntryRow *password_row;
  AdwEntryRow *again_row;
  GtkLabel *message_label;
  AdwActionRow *import_file_row;
  AdwEntryRow *import_password_row;

  GFile *import_file;
  GtkFileChooserNative *chooser;
};

G_DEFINE_FINAL_TYPE (RempartKeyPanel, rempart_key_panel, ADW_TYPE_BIN)

enum
{
  KEY_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

#define RESOURCE_BASE "/io/github/rempart/Rempart"

/* -------------------------------------------------------------------------------------- */
/* Helpers                                                                                */
/* -------------------------------------------------------------------------------------- */

static void
say (RempartKeyPanel *self, const char *text, gboolean is_error)
{
  gtk_label_set_text (self->message_label, text != NULL ? text : "");
  if (is_error)
    gtk_widget_add_css_class (GTK_WIDGET (self->message_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->message_label), "error");
}

static void
update (RempartKeyPanel *self)
{
  const char *key =
      self->workspace != NULL ? rempart_workspace_get_public_key (self->workspace) : NULL;

  adw_action_row_set_subtitle (self->public_row, key != NULL ? key : _ ("No key yet"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "key.copy", key != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "key.create", self->workspace != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "key.import",
                                 self->workspace != NULL && self->import_file != NULL);
}

static RempartKeyring *
get_keyring (RempartKeyPanel *self)
{
  if (self->keyring == NULL)
    self->keyring = rempart_keyring_new (NULL);
  return self->keyring;
}

/* Says where the secret key went, and shows the new public key. */
static gboolean
adopt_key (RempartKeyPanel *self, RempartMinisignPublicKey *key, RempartKeyringBackend backend)
{
  g_autofree char *text = rempart_minisign_public_key_to_base64 (key);
  g_autoptr (GError) error = NULL;

  if (self->workspace != NULL && !rempart_workspace_set_public_key (self->workspace, text, &error))
    {
      say (self, error->message, TRUE);
      return FALSE;
    }
  if (backend == REMPART_KEYRING_BACKEND_FILE)
    {
      g_autofree char *where = g_strdup_printf (
          _ ("The secret key is kept in a file only your account can read, in %s, because no "
             "keyring answered. Anyone using your account can copy it: its password is what "
             "protects it."),
          rempart_keyring_get_fallback_dir (get_keyring (self)));

      say (self, where, FALSE);
    }
  else
    say (self, _ ("The secret key is kept in your keyring, protected by its password."), FALSE);
  update (self);
  g_signal_emit (self, signals[KEY_CHANGED], 0);
  return TRUE;
}

/* -------------------------------------------------------------------------------------- */
/* Callbacks                                                                              */
/* -------------------------------------------------------------------------------------- */

static void
created_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (RempartKeyPanel) self = user_data;
  g_autoptr (RempartMinisignPublicKey) key = NULL;
  g_autoptr (GError) error = NULL;
  RempartKeyringBackend backend = REMPART_KEYRING_BACKEND_SECRET_SERVICE;

  key = rempart_keyring_create_key_finish (REMPART_KEYRING (source), result, &backend, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "key.create", TRUE);
  if (key == NULL)
    {
      say (self, error->message, TRUE);
      return;
    }
  if (!adopt_key (self, key, backend))
    return;
  gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->again_row), "");
}

static void
create_action_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RempartKeyPanel *self = REMPART_KEY_PANEL (widget);
  const char *password = gtk_editable_get_text (GTK_EDITABLE (self->password_row));
  const char *again = gtk_editable_get_text (GTK_EDITABLE (self->again_row));
  const char *feed_url;

  if (self->workspace == NULL)
    return;
  feed_url = rempart_workspace_get_feed_url (self->workspace);
  if (password[0] == '\0')
    {
      say (self, _ ("Choose a password for the new key"), TRUE);
      gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
      return;
    }
  if (g_strcmp0 (password, again) != 0)
    {
      say (self, _ ("The two passwords differ: type the same one twice"), TRUE);
      gtk_widget_grab_focus (GTK_WIDGET (self->again_row));
      return;
    }
  if (feed_url == NULL)
    {
      say (self, _ ("The group has no feed address yet: the key is kept under it"), TRUE);
      return;
    }
  if (self->keyring == NULL)
    self->keyring = rempart_keyring_new (NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "key.create", FALSE);
  say (self, _ ("Creating the key…"), FALSE);
  rempart_keyring_create_key_async (self->keyring, feed_url, password, self->cancellable,
                                    created_cb, g_object_ref (self));
}

static void
imported_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (RempartKeyPanel) self = user_data;
  g_autoptr (RempartMinisignPublicKey) key = NULL;
  g_autoptr (GError) error = NULL;
  RempartKeyringBackend backend = REMPART_KEYRING_BACKEND_SECRET_SERVICE;

  key = rempart_keyring_import_key_finish (REMPART_KEYRING (source), result, &backend, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "key.import", TRUE);
  if (g_error_matches (error, REMPART_MINISIGN_ERROR, REMPART_MINISIGN_ERROR_WRONG_PASSWORD) ||
      g_error_matches (error, REMPART_MINISIGN_ERROR, REMPART_MINISIGN_ERROR_PASSWORD_REQUIRED))
    {
      say (self, _ ("This password does not open that key: type the password it was made with"),
           TRUE);
      gtk_widget_grab_focus (GTK_WIDGET (self->import_password_row));
      gtk_editable_select_region (GTK_EDITABLE (self->import_password_row), 0, -1);
      return;
    }
  if (key == NULL)
    {
      say (self, error->message, TRUE);
      return;
    }
  if (adopt_key (self, key, backend))
    gtk_editable_set_text (GTK_EDITABLE (self->import_password_row), "");
}

static void
loaded_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (RempartKeyPanel) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autoptr (GBytes) bytes = NULL;
  gsize length = 0;
  const char *feed_url;

  if (!g_file_load_contents_finish (G_FILE (source), result, &contents, &length, NULL, &error))
    {
      g_autofree char *name = g_file_get_parse_name (G_FILE (source));
      g_autofree char *message = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "key.import", TRUE);
      message = g_strdup_printf (_ ("Could not read %s: %s"), name, error->message);
      say (self, message, TRUE);
      return;
    }
  feed_url = self->workspace != NULL ? rempart_workspace_get_feed_url (self->workspace) : NULL;
  if (feed_url == NULL)
    {
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "key.import", TRUE);
      say (self, _ ("The group has no feed address yet: the key is kept under it"), TRUE);
      return;
    }
  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  rempart_keyring_import_key_async (
      get_keyring (self), feed_url, bytes,
      gtk_editable_get_text (GTK_EDITABLE (self->import_password_row)), self->cancellable,
      imported_cb, g_object_ref (self));
}

/* A key file is small: anything larger is not one (and is not read into memory). */
#define MAX_KEY_FILE_SIZE 4096

static void
queried_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (RempartKeyPanel) self = user_data;
  g_autoptr (GFileInfo) info = NULL;
  g_autoptr (GError) error = NULL;

  info = g_file_query_info_finish (G_FILE (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (info != NULL && g_file_info_get_size (info) > MAX_KEY_FILE_SIZE)
    {
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "key.import", TRUE);
      say (self, _ ("This file is too large to be a minisign secret key"), TRUE);
      return;
    }
  /* A file that cannot be read says so when it is loaded. */
  g_file_load_contents_async (G_FILE (source), self->cancellable, loaded_cb, g_object_ref (self));
}

static void
import_action_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RempartKeyPanel *self = REMPART_KEY_PANEL (widget);

  if (self->workspace == NULL || self->import_file == NULL)
    return;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "key.import", FALSE);
  say (self, _ ("Opening the key…"), FALSE);
  g_file_query_info_async (self->import_file, G_FILE_ATTRIBUTE_STANDARD_SIZE,
                           G_FILE_QUERY_INFO_NONE, G_PRIORITY_DEFAULT, self->cancellable,
                           queried_cb, g_object_ref (self));
}

static void
import_activated_cb (RempartKeyPanel *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "key.import", NULL);
}

static void
chooser_response_cb (RempartKeyPanel *self, int response, GtkFileChooserNative *chooser)
{
  g_autoptr (GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);
  if (file != NULL)
    {
      rempart_key_panel_set_import_file (self, file);
      gtk_widget_grab_focus (GTK_WIDGET (self->import_password_row));
    }
}

static void
choose_file_action_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RempartKeyPanel *self = REMPART_KEY_PANEL (widget);
  GtkRoot *root = gtk_widget_get_root (widget);

  if (self->chooser != NULL)
    return;
  self->chooser = gtk_file_chooser_native_new (
      _ ("Choose the Secret Key File"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
      /* Translators: button of the file chooser for the minisign secret key */
      GTK_FILE_CHOOSER_ACTION_OPEN, _ ("_Choose"), _ ("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect_swapped (self->chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
copy_action_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RempartKeyPanel *self = REMPART_KEY_PANEL (widget);
  const char *key;

  if (self->workspace == NULL || (key = rempart_workspace_get_public_key (self->workspace)) == NULL)
    return;
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), key);
  say (self, _ ("Public key copied"), FALSE);
}

/* -------------------------------------------------------------------------------------- */
/* Overrides                                                                              */
/* -------------------------------------------------------------------------------------- */

static void
rempart_key_panel_dispose (GObject *object)
{
  RempartKeyPanel *self = REMPART_KEY_PANEL (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), REMPART_TYPE_KEY_PANEL);
  g_clear_object (&self->workspace);
  g_clear_object (&self->keyring);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->import_file);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);

  G_OBJECT_CLASS (rempart_key_panel_parent_class)->dispose (object);
}

static void
rempart_key_panel_class_init (RempartKeyPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rempart_key_panel_dispose;

  /* The working copy's public key changed (the join link carries it). */
  signals[KEY_CHANGED] = g_signal_new ("key-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/rempart-key-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, RempartKeyPanel, public_row);
  gtk_widget_class_bind_template_child (widget_class, RempartKeyPanel, password_row);
  gtk_widget_class_bind_template_child (widget_class, RempartKeyPanel, again_row);
  gtk_widget_class_bind_template_child (widget_class, RempartKeyPanel, message_label);
  gtk_widget_class_bind_template_child (widget_class, RempartKeyPanel, import_file_row);
  gtk_widget_class_bind_template_child (widget_class, RempartKeyPanel, import_password_row);

  gtk_widget_class_install_action (widget_class, "key.create", NULL, create_action_cb);
  gtk_widget_class_install_action (widget_class, "key.copy", NULL, copy_action_cb);
  gtk_widget_class_install_action (widget_class, "key.import", NULL, import_action_cb);
  gtk_widget_class_install_action (widget_class, "key.choose-file", NULL, choose_file_action_cb);
}

static void
rempart_key_panel_init (RempartKeyPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  g_signal_connect_swapped (self->import_password_row, "entry-activated",
                            G_CALLBACK (import_activated_cb), self);
  update (self);
}

/* -------------------------------------------------------------------------------------- */
/* Public API                                                                             */
/* -------------------------------------------------------------------------------------- */

void
rempart_key_panel_set_workspace (RempartKeyPanel *self, RempartWorkspace *workspace)
{
  g_return_if_fail (REMPART_IS_KEY_PANEL (self));

  g_set_object (&self->workspace, workspace);
  say (self, NULL, FALSE);
  update (self);
}

/* The file chosen to import (the chooser sets it; tests too). */
void
rempart_key_panel_set_import_file (RempartKeyPanel *self, GFile *file)
{
  g_autofree char *name = NULL;

  g_return_if_fail (REMPART_IS_KEY_PANEL (self));

  g_set_object (&self->import_file, file);
  name = file != NULL ? g_file_get_parse_name (file) : NULL;
  adw_action_row_set_subtitle (self->import_file_row, name != NULL ? name : _ ("None chosen"));
  update (self);
}
