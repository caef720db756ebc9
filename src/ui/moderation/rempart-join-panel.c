/* rempart-join-panel.c
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rempart-join-link.h"
#include "rempart-join-page.h"
#include "rempart-join-qr.h"
#include "rempart-join-panel.h"

/*
 * The link is made from the working copy (feed address, public key, the group's name) each
 * time it changes, with the join folder's writer, so the app shows exactly what
 * `rempart-feed join-link` prints. Files are chosen with GtkFileChooserNative (the portal in
 * the Flatpak) and written with g_file_replace_contents_async (a temporary file, then a
 * rename), off the main loop.
 */

struct _RempartJoinPanel
{
  AdwBin parent_instance;

  RempartWorkspace *workspace;
  RempartJoinLink *link;
  char *text;
  GCancellable *cancellable;
  GtkFileChooserNative *chooser;
  RempartJoinSaveKind chooser_kind;

  GtkLabel *link_label;
  GtkPicture *qr_picture;
  GtkLabel *message_label;
  GtkWidget *copy_row;
};

G_DEFINE_FINAL_TYPE (RempartJoinPanel, rempart_join_panel, ADW_TYPE_BIN)

#define RESOURCE_BASE "/io/github/rempart/Rempart"

/* Pixels a QR module on screen: a 4096-byte link still fits a phone's width. */
#define SCREEN_MODULE_PIXELS 4
/* In a saved PNG: large enough to print. */
#define FILE_MODULE_PIXELS 10

/* -------------------------------------------------------------------------------------- */
/* Helpers                                                                                */
/* -------------------------------------------------------------------------------------- */

static void
say (RempartJoinPanel *self, const char *text, gboolean is_error)
{
  gtk_label_set_text (self->message_label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), text != NULL);
  if (is_error)
    gtk_widget_add_css_class (GTK_WIDGET (self->message_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->message_label), "error");
}

static void
set_enabled (RempartJoinPanel *self, gboolean enabled)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "join.copy", enabled);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "join.save", enabled);
}

static void
update (RempartJoinPanel *self)
{
  RempartFeed *feed = self->workspace != NULL ? rempart_workspace_get_feed (self->workspace) : NULL;
  const char *key =
      self->workspace != NULL ? rempart_workspace_get_public_key (self->workspace) : NULL;
  const char *url =
      self->workspace != NULL ? rempart_workspace_get_feed_url (self->workspace) : NULL;
  g_autoptr (RempartJoinLink) link = NULL;
  g_autoptr (GBytes) png = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;

  if (self->workspace == NULL || key == NULL)
    {
      g_clear_pointer (&self->link, rempart_join_link_free);
      g_clear_pointer (&self->text, g_free);
      gtk_label_set_text (self->link_label,
                          _ ("The link carries the group’s public key: create or import the key "
                             "first."));
      gtk_picture_set_paintable (self->qr_picture, NULL);
      set_enabled (self, FALSE);
      return;
    }
  link =
      rempart_join_link_new (url, key, feed != NULL ? rempart_feed_get_title (feed) : NULL, &error);
  if (link == NULL)
    {
      /* A name the link refuses (too long): the link is still worth sharing without it. */
      g_clear_error (&error);
      link = rempart_join_link_new (url, key, NULL, &error);
    }
  if (link == NULL)
    {
      gtk_label_set_text (self->link_label, error->message);
      gtk_picture_set_paintable (self->qr_picture, NULL);
      set_enabled (self, FALSE);
      return;
    }
  text = rempart_join_link_to_string (link);
  if (g_strcmp0 (text, self->text) == 0)
    return;
  g_clear_pointer (&self->link, rempart_join_link_free);
  self->link = g_steal_pointer (&link);
  g_free (self->text);
  self->text = g_steal_pointer (&text);
  gtk_label_set_text (self->link_label, self->text);

  png = rempart_join_qr_png (self->text, SCREEN_MODULE_PIXELS, &error);
  if (png != NULL)
    texture = gdk_texture_new_from_bytes (png, &error);
  gtk_picture_set_paintable (self->qr_picture, GDK_PAINTABLE (texture));
  if (texture == NULL)
    say (self, error->message, TRUE);
  set_enabled (self, TRUE);
}

static GBytes *
contents_for (RempartJoinPanel *self, RempartJoinSaveKind kind, GError **error)
{
  char *text = NULL;

  switch (kind)
    {
      case REMPART_JOIN_SAVE_QR_PNG:
        return rempart_join_qr_png (self->text, FILE_MODULE_PIXELS, error);
      case REMPART_JOIN_SAVE_QR_SVG:
        text = rempart_join_qr_svg (
            self->text, rempart_feed_get_title (rempart_workspace_get_feed (self->workspace)),
            error);
        break;
      case REMPART_JOIN_SAVE_PAGE:
      default:
        text = rempart_join_page_html (
            self->link, rempart_feed_get_description (rempart_workspace_get_feed (self->workspace)),
            error);
        break;
    }
  return text != NULL ? g_bytes_new_take (text, strlen (text)) : NULL;
}

/* -------------------------------------------------------------------------------------- */
/* Callbacks                                                                              */
/* -------------------------------------------------------------------------------------- */

static void
replaced_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  GError *error = NULL;

  if (!g_file_replace_contents_finish (G_FILE (source), result, NULL, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
saved_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (RempartJoinPanel) self = user_data;
  g_autoptr (GError) error = NULL;
  GFile *file = g_task_get_task_data (G_TASK (result));
  g_autofree char *name = g_file_get_parse_name (file);
  g_autofree char *message = NULL;

  if (!rempart_join_panel_save_finish (self, result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      message = g_strdup_printf (_ ("Could not save %s: %s"), name, error->message);
      say (self, message, TRUE);
      return;
    }
  /* Translators: message after saving the QR code or join page; %s is the file name */
  message = g_strdup_printf (_ ("Saved %s"), name);
  say (self, message, FALSE);
}

static void
chooser_response_cb (RempartJoinPanel *self, int response, GtkFileChooserNative *chooser)
{
  g_autoptr (GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL)
    rempart_join_panel_save_async (self, self->chooser_kind, file, self->cancellable, saved_cb,
                                   g_object_ref (self));
  g_clear_object (&self->chooser);
}

static void
save_action_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RempartJoinPanel *self = REMPART_JOIN_PANEL (widget);
  RempartJoinSaveKind kind = CLAMP (g_variant_get_int32 (parameter), 0, REMPART_JOIN_SAVE_PAGE);
  const char *const names[] = { "join-qr.png", "join-qr.svg", "join.html" };
  const char *titles[] = { _ ("Save the QR Code as PNG"), _ ("Save the QR Code as SVG"),
                           _ ("Save the Join Page") };
  GtkRoot *root = gtk_widget_get_root (widget);

  if (self->text == NULL || self->chooser != NULL)
    return;
  self->chooser_kind = kind;
  self->chooser =
      gtk_file_chooser_native_new (titles[kind], GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   GTK_FILE_CHOOSER_ACTION_SAVE, _ ("_Save"), _ ("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), names[kind]);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect_swapped (self->chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
copy_action_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RempartJoinPanel *self = REMPART_JOIN_PANEL (widget);

  if (self->text == NULL)
    return;
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), self->text);
  say (self, _ ("Join link copied"), FALSE);
}

/* -------------------------------------------------------------------------------------- */
/* Overrides                                                                              */
/* -------------------------------------------------------------------------------------- */

static void
rempart_join_panel_dispose (GObject *object)
{
  RempartJoinPanel *self = REMPART_JOIN_PANEL (object);

  g_cancellable_cancel (self->cancellable);
  if (self->workspace != NULL)
    g_signal_handlers_disconnect_by_data (self->workspace, self);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), REMPART_TYPE_JOIN_PANEL);
  g_clear_object (&self->workspace);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->link, rempart_join_link_free);
  g_clear_pointer (&self->text, g_free);

  G_OBJECT_CLASS (rempart_join_panel_parent_class)->dispose (object);
}

static void
rempart_join_panel_class_init (RempartJoinPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rempart_join_panel_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/rempart-join-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, RempartJoinPanel, link_label);
  gtk_widget_class_bind_template_child (widget_class, RempartJoinPanel, qr_picture);
  gtk_widget_class_bind_template_child (widget_class, RempartJoinPanel, message_label);
  gtk_widget_class_bind_template_child (widget_class, RempartJoinPanel, copy_row);

  gtk_widget_class_install_action (widget_class, "join.copy", NULL, copy_action_cb);
  gtk_widget_class_install_action (widget_class, "join.save", "i", save_action_cb);
}

static void
rempart_join_panel_init (RempartJoinPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  say (self, NULL, FALSE);
  update (self);
}

/* -------------------------------------------------------------------------------------- */
/* Public API                                                                             */
/* -------------------------------------------------------------------------------------- */

void
rempart_join_panel_set_workspace (RempartJoinPanel *self, RempartWorkspace *workspace)
{
  g_return_if_fail (REMPART_IS_JOIN_PANEL (self));

  if (self->workspace != NULL)
    g_signal_handlers_disconnect_by_data (self->workspace, self);
  g_set_object (&self->workspace, workspace);
  if (workspace != NULL)
    g_signal_connect_swapped (workspace, "changed", G_CALLBACK (update), self);
  g_clear_pointer (&self->text, g_free);
  say (self, NULL, FALSE);
  update (self);
}

/* Called again when the key changes (the workspace has no signal for it). */
void
rempart_join_panel_refresh (RempartJoinPanel *self)
{
  g_return_if_fail (REMPART_IS_JOIN_PANEL (self));
  update (self);
}

const char *
rempart_join_panel_get_link (RempartJoinPanel *self)
{
  g_return_val_if_fail (REMPART_IS_JOIN_PANEL (self), NULL);
  return self->text;
}

void
rempart_join_panel_save_async (RempartJoinPanel *self,
                               RempartJoinSaveKind kind,
                               GFile *file,
                               GCancellable *cancellable,
                               GAsyncReadyCallback callback,
                               gpointer user_data)
{
  g_autoptr (GTask) task = NULL;
  g_autoptr (GBytes) contents = NULL;
  GError *error = NULL;

  g_return_if_fail (REMPART_IS_JOIN_PANEL (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, rempart_join_panel_save_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  if (self->text == NULL)
    {
      g_task_return_new_error (task, REMPART_JOIN_ERROR, REMPART_JOIN_ERROR_MISSING_FEED, "%s",
                               _ ("The group has no join link yet: it needs a key first"));
      return;
    }
  contents = contents_for (self, kind, &error);
  if (contents == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  g_file_replace_contents_bytes_async (file, contents, NULL, FALSE,
                                       G_FILE_CREATE_REPLACE_DESTINATION, cancellable, replaced_cb,
                                       g_steal_pointer (&task));
}

gboolean
rempart_join_panel_save_finish (RempartJoinPanel *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
