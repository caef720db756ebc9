/* rempart-template-page.c: the Templates page of Preferences, the volunteer's own templates
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Rempart"

#include "config.h"

#include <glib/gi18n.h>

#include "rempart-template-page.h"
#include "rempart-ui-utils.h"

/*
 * Built-in and group templates are read-only; the volunteer's own are listed here, to be
 * renamed, rewritten or deleted. They are made in the composer (Save as Template…,
 * Duplicate). Every store call is async; a listing is replaced by the next reload.
 */

struct _RempartTemplatePage
{
  AdwPreferencesPage parent_instance;

  RempartStore *store;
  GCancellable *cancellable;        /* deletions; cancelled on dispose */
  GCancellable *reload_cancellable; /* the listing in flight */
  GPtrArray *rows;                  /* (element-type GtkWidget) in templates_group */
  RempartTemplateEditor *editor;    /* while it is shown */

  /* Template widgets */
  AdwPreferencesGroup *templates_group;
  AdwPreferencesGroup *empty_group;
  GtkLabel *empty_title;
};

G_DEFINE_FINAL_TYPE (RempartTemplatePage, rempart_template_page, ADW_TYPE_PREFERENCES_PAGE)

#define TEMPLATE_KEY "rempart-user-template"

/* -------------------------------------------------------------------------------------- */
/* Helpers                                                                                */
/* -------------------------------------------------------------------------------------- */

/* The store still reports what it did after a cancel: a result for a page that is going away
 * is recognised by its cancellable. */
static gboolean
result_was_cancelled (GAsyncResult *result)
{
  GCancellable *cancellable = g_task_get_cancellable (G_TASK (result));

  return cancellable != NULL && g_cancellable_is_cancelled (cancellable);
}

static AdwPreferencesWindow *
get_window (RempartTemplatePage *self)
{
  GtkWidget *window = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_PREFERENCES_WINDOW);

  return window != NULL ? ADW_PREFERENCES_WINDOW (window) : NULL;
}

static void
show_toast (RempartTemplatePage *self, const char *message)
{
  AdwPreferencesWindow *window = get_window (self);
  g_autofree char *escaped = g_markup_escape_text (message, -1);
  AdwToast *toast;

  if (window == NULL)
    return;

  toast = adw_toast_new (escaped);
  adw_toast_set_timeout (toast, 5);
  adw_preferences_window_add_toast (window, toast);
}

static void
show_error (RempartTemplatePage *self, const char *heading, const GError *error)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  AdwMessageDialog *dialog;

  if (!GTK_IS_WINDOW (root))
    return;

  /* A dialog, not a toast: toasts do not wrap, and the message says what to do. */
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (root), heading, NULL));
  adw_message_dialog_set_body (dialog, error->message);
  adw_message_dialog_add_response (dialog, "close", _ ("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static const char *
template_title (const RempartUserTemplate *tmpl)
{
  return tmpl->title != NULL && tmpl->title[0] != '\0' ? tmpl->title : tmpl->id;
}

/* The first line with words in it, to tell two templates apart at a glance. */
static char *
first_line (const char *body)
{
  g_auto (GStrv) lines = g_strsplit (body != NULL ? body : "", "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strstrip (lines[i]);
      if (lines[i][0] != '\0')
        return g_strdup (lines[i]);
    }

  return g_strdup ("");
}

static GtkWidget *
icon_button_new (const char *icon_name, const char *tooltip, const char *label)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);

  return button;
}

static void edit_clicked_cb (GtkButton *button, RempartTemplatePage *self);
static void delete_clicked_cb (GtkButton *button, RempartTemplatePage *self);

static GtkWidget *
create_template_row (RempartTemplatePage *self, const RempartUserTemplate *tmpl)
{
  AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());
  const char *title = template_title (tmpl);
  g_autofree char *subtitle = first_line (tmpl->body);
  g_autofree char *edit_label = NULL;
  g_autofree char *delete_label = NULL;
  GtkWidget *edit;
  GtkWidget *delete;

  /* The volunteer's own text: plain, never markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (row, subtitle);
  adw_action_row_set_subtitle_lines (row, 1);

  /* Translators: %s is the title of a reply template */
  edit_label = g_strdup_printf (_ ("Edit “%s”"), title);
  /* Translators: tooltip of the button that edits a reply template */
  edit = icon_button_new ("document-edit-symbolic", _ ("Edit"), edit_label);
  g_object_set_data_full (G_OBJECT (edit), TEMPLATE_KEY, rempart_user_template_copy (tmpl),
                          (GDestroyNotify) rempart_user_template_free);
  g_signal_connect (edit, "clicked", G_CALLBACK (edit_clicked_cb), self);

  /* Translators: %s is the title of a reply template */
  delete_label = g_strdup_printf (_ ("Delete “%s”"), title);
  /* Translators: tooltip of the button that deletes a reply template */
  delete = icon_button_new ("user-trash-symbolic", _ ("Delete"), delete_label);
  g_object_set_data_full (G_OBJECT (delete), TEMPLATE_KEY, rempart_user_template_copy (tmpl),
                          (GDestroyNotify) rempart_user_template_free);
  g_signal_connect (delete, "clicked", G_CALLBACK (delete_clicked_cb), self);

  adw_action_row_add_suffix (row, edit);
  adw_action_row_add_suffix (row, delete);
  /* Activating the row edits the template, as its first button does. */
  adw_action_row_set_activatable_widget (row, edit);

  return GTK_WIDGET (row);
}

static GtkWidget *
create_message_row (const char *title, const char *subtitle)
{
  AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (row, subtitle);

  return GTK_WIDGET (row);
}

static void
set_rows (RempartTemplatePage *self, GPtrArray *rows, gboolean empty)
{
  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->templates_group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);

  for (guint i = 0; i < rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (rows, i);

      adw_preferences_group_add (self->templates_group, row);
      g_ptr_array_add (self->rows, row);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->templates_group), !empty);
  gtk_widget_set_visible (GTK_WIDGET (self->empty_group), empty);
}

static void
close_editor (RempartTemplatePage *self)
{
  AdwPreferencesWindow *window = get_window (self);

  if (self->editor == NULL)
    return;

  g_signal_handlers_disconnect_by_data (self->editor, self);
  if (window != NULL)
    adw_preferences_window_close_subpage (window);
  g_clear_object (&self->editor);
}

/* -------------------------------------------------------------------------------------- */
/* Callbacks                                                                              */
/* -------------------------------------------------------------------------------------- */

static void
templates_listed_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (RempartTemplatePage) self = user_data;
  g_autoptr (GPtrArray) templates = NULL;
  g_autoptr (GPtrArray) rows = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;

  templates = rempart_store_list_user_templates_finish (REMPART_STORE (source), result, &error);
  if (result_was_cancelled (result))
    return;

  if (templates == NULL)
    g_ptr_array_add (rows,
                     create_message_row (_ ("Your Templates Could Not Be Listed"), error->message));
  else
    for (guint i = 0; i < templates->len; i++)
      g_ptr_array_add (rows, create_template_row (self, g_ptr_array_index (templates, i)));

  set_rows (self, rows, templates != NULL && templates->len == 0);
}

static void
editor_saved_cb (RempartTemplatePage *self)
{
  close_editor (self);
  /* Short: toasts do not wrap. The list shows the new title. */
  show_toast (self, _ ("Template saved"));
  rempart_template_page_reload (self);
}

static void
editor_cancelled_cb (RempartTemplatePage *self)
{
  close_editor (self);
}

static void
edit_clicked_cb (GtkButton *button, RempartTemplatePage *self)
{
  const RempartUserTemplate *tmpl = g_object_get_data (G_OBJECT (button), TEMPLATE_KEY);
  AdwPreferencesWindow *window = get_window (self);

  if (window == NULL || self->store == NULL)
    return;

  close_editor (self);
  self->editor = g_object_ref_sink (rempart_template_editor_new (self->store, tmpl));
  g_signal_connect_swapped (self->editor, "saved", G_CALLBACK (editor_saved_cb), self);
  g_signal_connect_swapped (self->editor, "cancelled", G_CALLBACK (editor_cancelled_cb), self);
  adw_preferences_window_present_subpage (window, GTK_WIDGET (self->editor));
  /* After the leaflet moved the focus into the subpage (to its back button). */
  gtk_widget_grab_focus (GTK_WIDGET (self->editor));
}

static void
template_deleted_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (RempartTemplatePage) self = user_data;
  g_autoptr (GError) error = NULL;
  gboolean deleted;

  deleted = rempart_store_delete_user_template_finish (REMPART_STORE (source), result, &error);
  if (result_was_cancelled (result))
    return;

  if (!deleted)
    show_error (self, _ ("Could Not Delete the Template"), error);
  else
    /* Short: toasts do not wrap. The list shows which template went. */
    show_toast (self, _ ("Template deleted"));

  rempart_template_page_reload (self);
}

static void
delete_response_cb (AdwMessageDialog *dialog, const char *response, RempartTemplatePage *self)
{
  const RempartUserTemplate *tmpl = g_object_get_data (G_OBJECT (dialog), TEMPLATE_KEY);

  if (!g_str_equal (response, "delete") || self->store == NULL)
    return;

  rempart_store_delete_user_template_async (self->store, tmpl->id, self->cancellable,
                                            template_deleted_cb, g_object_ref (self));
}

static void
delete_clicked_cb (GtkButton *button, RempartTemplatePage *self)
{
  const RempartUserTemplate *tmpl = g_object_get_data (G_OBJECT (button), TEMPLATE_KEY);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *heading = NULL;
  AdwMessageDialog *dialog;

  /* Translators: %s is the title of a reply template */
  heading = g_strdup_printf (_ ("Delete “%s”?"), template_title (tmpl));
  dialog = ADW_MESSAGE_DIALOG (
      adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, NULL));
  adw_message_dialog_set_body (dialog, _ ("The composer will no longer offer it. Replies you "
                                          "wrote from it stay as they are."));
  adw_message_dialog_add_response (dialog, "cancel", _ ("_Cancel"));
  /* Translators: button that confirms deleting a reply template */
  adw_message_dialog_add_response (dialog, "delete", _ ("_Delete"));
  adw_message_dialog_set_response_appearance (dialog, "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), TEMPLATE_KEY, rempart_user_template_copy (tmpl),
                          (GDestroyNotify) rempart_user_template_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* -------------------------------------------------------------------------------------- */
/* Overrides                                                                              */
/* -------------------------------------------------------------------------------------- */

static void
rempart_template_page_dispose (GObject *object)
{
  RempartTemplatePage *self = REMPART_TEMPLATE_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->reload_cancellable);

  if (self->editor != NULL)
    g_signal_handlers_disconnect_by_data (self->editor, self);
  g_clear_object (&self->editor);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  gtk_widget_dispose_template (GTK_WIDGET (self), REMPART_TYPE_TEMPLATE_PAGE);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->reload_cancellable);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (rempart_template_page_parent_class)->dispose (object);
}

static void
rempart_template_page_class_init (RempartTemplatePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rempart_template_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/rempart-template-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RempartTemplatePage, templates_group);
  gtk_widget_class_bind_template_child (widget_class, RempartTemplatePage, empty_group);
  gtk_widget_class_bind_template_child (widget_class, RempartTemplatePage, empty_title);
}

static void
rempart_template_page_init (RempartTemplatePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  rempart_accessible_fix_mnemonics (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->rows = g_ptr_array_new ();
}

/* -------------------------------------------------------------------------------------- */
/* Public API                                                                             */
/* -------------------------------------------------------------------------------------- */

void
rempart_template_page_set_store (RempartTemplatePage *self, RempartStore *store)
{
  g_return_if_fail (REMPART_IS_TEMPLATE_PAGE (self));
  g_return_if_fail (REMPART_IS_STORE (store));

  g_set_object (&self->store, store);
  rempart_template_page_reload (self);
}

void
rempart_template_page_reload (RempartTemplatePage *self)
{
  g_return_if_fail (REMPART_IS_TEMPLATE_PAGE (self));

  if (self->store == NULL)
    return;

  g_cancellable_cancel (self->reload_cancellable);
  g_clear_object (&self->reload_cancellable);
  self->reload_cancellable = g_cancellable_new ();

  rempart_store_list_user_templates_async (self->store, self->reload_cancellable,
                                           templates_listed_cb, g_object_ref (self));
}

RempartTemplateEditor *
rempart_template_page_get_editor (RempartTemplatePage *self)
{
  g_return_val_if_fail (REMPART_IS_TEMPLATE_PAGE (self), NULL);

  return self->editor;
}
