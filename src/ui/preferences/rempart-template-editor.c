/* rempart-template-editor.c: editing one of the volunteer's own templates
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Rempart"

#include "config.h"

#include <glib/gi18n.h>

#include "rempart-template-editor.h"
#include "rempart-ui-utils.h"

struct _RempartTemplateEditor
{
  AdwBin parent_instance;

  RempartStore *store;
  RempartUserTemplate *tmpl; /* as stored; the fields hold the changes until Save */
  gboolean saving;

  /* Template widgets */
  AdwEntryRow *title_row;
  GtkTextView *body_view;
  GtkWidget *save_button;
};

G_DEFINE_FINAL_TYPE (RempartTemplateEditor, rempart_template_editor, ADW_TYPE_BIN)

enum
{
  SIGNAL_SAVED,
  SIGNAL_CANCELLED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* -------------------------------------------------------------------------------------- */
/* Helpers                                                                                */
/* -------------------------------------------------------------------------------------- */

static gboolean
has_words (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return TRUE;

  return FALSE;
}

static char *
get_body (RempartTemplateEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->body_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
update_save_enabled (RempartTemplateEditor *self)
{
  g_autofree char *body = get_body (self);

  /* A template needs a title to be found in the list and a text to be of use. */
  gtk_widget_action_set_enabled (
      GTK_WIDGET (self), "template-editor.save",
      !self->saving && self->store != NULL && self->tmpl != NULL &&
          has_words (gtk_editable_get_text (GTK_EDITABLE (self->title_row))) && has_words (body));
}

/* -------------------------------------------------------------------------------------- */
/* Callbacks                                                                              */
/* -------------------------------------------------------------------------------------- */

static void
changed_cb (RempartTemplateEditor *self)
{
  update_save_enabled (self);
}

static void
saved_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (RempartTemplateEditor) self = user_data;
  g_autoptr (GError) error = NULL;

  self->saving = FALSE;

  if (!rempart_store_save_user_template_finish (REMPART_STORE (source), result, &error))
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
      AdwMessageDialog *dialog;

      update_save_enabled (self);
      if (!GTK_IS_WINDOW (root))
        return;

      dialog = ADW_MESSAGE_DIALOG (
          adw_message_dialog_new (GTK_WINDOW (root), _ ("Could Not Save the Template"), NULL));
      adw_message_dialog_set_body (dialog, error->message);
      adw_message_dialog_add_response (dialog, "close", _ ("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  g_signal_emit (self, signals[SIGNAL_SAVED], 0);
}

static void
save_activated_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RempartTemplateEditor *self = REMPART_TEMPLATE_EDITOR (widget);
  g_autoptr (RempartUserTemplate) changed = NULL;

  if (self->saving || self->store == NULL || self->tmpl == NULL)
    return;

  changed = rempart_user_template_copy (self->tmpl);
  g_free (changed->title);
  changed->title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_row))));
  g_free (changed->body);
  changed->body = get_body (self);
  if (!has_words (changed->title) || !has_words (changed->body))
    return;

  self->saving = TRUE;
  update_save_enabled (self);
  /* A write: no cancellable, what the volunteer saved is saved even if the window closes. */
  rempart_store_save_user_template_async (self->store, changed, NULL, saved_cb,
                                          g_object_ref (self));
}

static void
cancel_activated_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  g_signal_emit (widget, signals[SIGNAL_CANCELLED], 0);
}

/* -------------------------------------------------------------------------------------- */
/* Overrides                                                                              */
/* -------------------------------------------------------------------------------------- */

static gboolean
rempart_template_editor_grab_focus (GtkWidget *widget)
{
  RempartTemplateEditor *self = REMPART_TEMPLATE_EDITOR (widget);

  return gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
}

static void
rempart_template_editor_dispose (GObject *object)
{
  RempartTemplateEditor *self = REMPART_TEMPLATE_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), REMPART_TYPE_TEMPLATE_EDITOR);
  g_clear_object (&self->store);
  g_clear_pointer (&self->tmpl, rempart_user_template_free);

  G_OBJECT_CLASS (rempart_template_editor_parent_class)->dispose (object);
}

static void
rempart_template_editor_class_init (RempartTemplateEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rempart_template_editor_dispose;
  widget_class->grab_focus = rempart_template_editor_grab_focus;

  /**
   * RempartTemplateEditor::saved:
   *
   * The store has the new title and text.
   */
  signals[SIGNAL_SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                        NULL, NULL, NULL, G_TYPE_NONE, 0);

  /* The volunteer went back without saving. */
  signals[SIGNAL_CANCELLED] = g_signal_new ("cancelled", G_TYPE_FROM_CLASS (klass),
                                            G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/rempart-template-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, RempartTemplateEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, RempartTemplateEditor, body_view);
  gtk_widget_class_bind_template_child (widget_class, RempartTemplateEditor, save_button);
  gtk_widget_class_bind_template_callback (widget_class, changed_cb);

  gtk_widget_class_install_action (widget_class, "template-editor.save", NULL, save_activated_cb);
  gtk_widget_class_install_action (widget_class, "template-editor.cancel", NULL,
                                   cancel_activated_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "template-editor.save", NULL);
}

static void
rempart_template_editor_init (RempartTemplateEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  rempart_accessible_fix_mnemonics (GTK_WIDGET (self));

  g_signal_connect_object (gtk_text_view_get_buffer (self->body_view), "changed",
                           G_CALLBACK (changed_cb), self, G_CONNECT_SWAPPED);
  update_save_enabled (self);
}

/* -------------------------------------------------------------------------------------- */
/* Public API                                                                             */
/* -------------------------------------------------------------------------------------- */

RempartTemplateEditor *
rempart_template_editor_new (RempartStore *store, const RempartUserTemplate *tmpl)
{
  RempartTemplateEditor *self;

  g_return_val_if_fail (REMPART_IS_STORE (store), NULL);
  g_return_val_if_fail (tmpl != NULL, NULL);

  self = g_object_new (REMPART_TYPE_TEMPLATE_EDITOR, NULL);
  self->store = g_object_ref (store);
  self->tmpl = rempart_user_template_copy (tmpl);

  /* The volunteer's own text: plain text in plain-text widgets. */
  gtk_editable_set_text (GTK_EDITABLE (self->title_row), tmpl->title != NULL ? tmpl->title : "");
  {
    GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->body_view);

    /* Ctrl+Z goes back to the stored text, never to an empty field. */
    gtk_text_buffer_begin_irreversible_action (buffer);
    gtk_text_buffer_set_text (buffer, tmpl->body != NULL ? tmpl->body : "", -1);
    gtk_text_buffer_end_irreversible_action (buffer);
  }
  update_save_enabled (self);

  return self;
}
