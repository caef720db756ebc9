/* rempart-templates-panel.c
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rempart-templates-panel.h"

/*
 * One expander row a template: its title, when to use it, and its text. Every change writes
 * the whole list to the working copy's `_rempart.templates` (rempart_workspace_set_templates),
 * in order; fields the screen does not show (id, language, topics) are kept as they were read.
 * A template without text is refused by the workspace: the message says which, and what is on
 * screen stays, to be finished. The list is built again only when the group changes or a
 * template is added or removed, so typing never loses the focus.
 */

struct _RempartTemplatesPanel
{
  AdwBin parent_instance;

  RempartWorkspace *workspace;
  gboolean loading;

  GtkListBox *list;
  GtkLabel *message_label;
  GtkWidget *add_button;
};

G_DEFINE_FINAL_TYPE (RempartTemplatesPanel, rempart_templates_panel, ADW_TYPE_BIN)

#define RESOURCE_BASE "/io/github/rempart/Rempart"

/* What each row keeps, beside its widgets. */
typedef struct
{
  RempartFeedTemplate *tmpl;
  AdwExpanderRow *row;
  AdwEntryRow *title_row;
  AdwEntryRow *when_row;
  GtkTextView *body_view;
} Item;

static void write_all (RempartTemplatesPanel *self);

/* -------------------------------------------------------------------------------------- */
/* Helpers                                                                                */
/* -------------------------------------------------------------------------------------- */

static void
item_free (Item *item)
{
  rempart_feed_template_free (item->tmpl);
  g_free (item);
}

static char *
body_of (Item *item)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (item->body_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
show_message (RempartTemplatesPanel *self, const char *message)
{
  gtk_label_set_text (self->message_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL);
}

static void
update_row_title (Item *item)
{
  const char *title = gtk_editable_get_text (GTK_EDITABLE (item->title_row));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (item->row),
                                 /* Translators: title of a reply template that has no title yet */
                                 title[0] != '\0' ? title : _ ("Untitled template"));
}

static void
remove_clicked_cb (GtkButton *button, gpointer user_data)
{
  RempartTemplatesPanel *self = user_data;
  GtkWidget *row = g_object_get_data (G_OBJECT (button), "row");

  gtk_list_box_remove (self->list, row);
  write_all (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->list));
}

static void
field_changed_cb (RempartTemplatesPanel *self)
{
  write_all (self);
}

static Item *
add_row (RempartTemplatesPanel *self, const RempartFeedTemplate *tmpl)
{
  Item *item = g_new0 (Item, 1);
  GtkWidget *body_label;
  GtkWidget *box;
  GtkWidget *remove;
  GtkWidget *frame;

  item->tmpl = rempart_feed_template_copy (tmpl);
  item->row = ADW_EXPANDER_ROW (adw_expander_row_new ());
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (item->row), FALSE);
  g_object_set_data_full (G_OBJECT (item->row), "item", item, (GDestroyNotify) item_free);

  item->title_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (item->title_row), _ ("Title"));
  gtk_editable_set_text (GTK_EDITABLE (item->title_row), tmpl->title != NULL ? tmpl->title : "");
  adw_expander_row_add_row (item->row, GTK_WIDGET (item->title_row));

  item->when_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (item->when_row), _ ("When to Use It"));
  gtk_editable_set_text (GTK_EDITABLE (item->when_row), tmpl->when != NULL ? tmpl->when : "");
  adw_expander_row_add_row (item->row, GTK_WIDGET (item->when_row));

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  /* Translators: heading of a reply template’s text */
  body_label = gtk_label_new (_ ("The Reply"));
  gtk_label_set_xalign (GTK_LABEL (body_label), 0);
  gtk_widget_add_css_class (body_label, "heading");
  gtk_box_append (GTK_BOX (box), body_label);
  item->body_view = GTK_TEXT_VIEW (gtk_text_view_new ());
  gtk_text_view_set_wrap_mode (item->body_view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (item->body_view, FALSE);
  gtk_text_view_set_top_margin (item->body_view, 8);
  gtk_text_view_set_bottom_margin (item->body_view, 8);
  gtk_text_view_set_left_margin (item->body_view, 8);
  gtk_text_view_set_right_margin (item->body_view, 8);
  gtk_widget_set_size_request (GTK_WIDGET (item->body_view), -1, 90);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (item->body_view),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, body_label, NULL, -1);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (item->body_view), tmpl->body, -1);
  frame = gtk_frame_new (NULL);
  gtk_frame_set_child (GTK_FRAME (frame), GTK_WIDGET (item->body_view));
  gtk_box_append (GTK_BOX (box), frame);
  remove = gtk_button_new_with_mnemonic (_ ("_Remove This Template"));
  gtk_widget_set_halign (remove, GTK_ALIGN_END);
  gtk_widget_add_css_class (remove, "destructive-action");
  g_object_set_data (G_OBJECT (remove), "row", item->row);
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_clicked_cb), self);
  gtk_box_append (GTK_BOX (box), remove);
  adw_expander_row_add_row (item->row, box);

  update_row_title (item);
  g_signal_connect_swapped (item->title_row, "changed", G_CALLBACK (update_row_title), item);
  g_signal_connect_swapped (item->title_row, "changed", G_CALLBACK (field_changed_cb), self);
  g_signal_connect_swapped (item->when_row, "changed", G_CALLBACK (field_changed_cb), self);
  g_signal_connect_swapped (gtk_text_view_get_buffer (item->body_view), "changed",
                            G_CALLBACK (field_changed_cb), self);
  gtk_list_box_append (self->list, GTK_WIDGET (item->row));
  return item;
}

static void
write_all (RempartTemplatesPanel *self)
{
  g_autoptr (GPtrArray) templates =
      g_ptr_array_new_with_free_func ((GDestroyNotify) rempart_feed_template_free);
  g_autoptr (GError) error = NULL;

  if (self->loading || self->workspace == NULL)
    return;
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      Item *item = g_object_get_data (G_OBJECT (child), "item");
      RempartFeedTemplate *tmpl;

      if (item == NULL)
        continue;
      tmpl = rempart_feed_template_copy (item->tmpl);
      g_free (tmpl->title);
      tmpl->title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (item->title_row))));
      g_free (tmpl->when);
      tmpl->when = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (item->when_row))));
      g_free (tmpl->body);
      tmpl->body = body_of (item);
      g_ptr_array_add (templates, tmpl);
    }
  if (!rempart_workspace_set_templates (self->workspace, templates, &error))
    show_message (self, error->message);
  else
    show_message (self, NULL);
}

/* -------------------------------------------------------------------------------------- */
/* Callbacks                                                                              */
/* -------------------------------------------------------------------------------------- */

static void
add_action_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RempartTemplatesPanel *self = REMPART_TEMPLATES_PANEL (widget);
  g_autofree char *id = g_uuid_string_random ();
  RempartFeedTemplate tmpl = { 0 };
  const char *const no_topics[] = { NULL };
  Item *item;

  if (self->workspace == NULL)
    return;
  tmpl.id = id;
  tmpl.body = (char *) "";
  tmpl.topics = (GStrv) no_topics;
  tmpl.language = (char *) rempart_feed_get_language (rempart_workspace_get_feed (self->workspace));
  item = add_row (self, &tmpl);
  adw_expander_row_set_expanded (item->row, TRUE);
  /* Written with its first words: a template without text is refused. */
  gtk_widget_grab_focus (GTK_WIDGET (item->title_row));
}

/* -------------------------------------------------------------------------------------- */
/* Overrides                                                                              */
/* -------------------------------------------------------------------------------------- */

static void
rempart_templates_panel_dispose (GObject *object)
{
  RempartTemplatesPanel *self = REMPART_TEMPLATES_PANEL (object);

  self->loading = TRUE;
  gtk_widget_dispose_template (GTK_WIDGET (self), REMPART_TYPE_TEMPLATES_PANEL);
  g_clear_object (&self->workspace);

  G_OBJECT_CLASS (rempart_templates_panel_parent_class)->dispose (object);
}

static void
rempart_templates_panel_class_init (RempartTemplatesPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rempart_templates_panel_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/rempart-templates-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, RempartTemplatesPanel, list);
  gtk_widget_class_bind_template_child (widget_class, RempartTemplatesPanel, message_label);
  gtk_widget_class_bind_template_child (widget_class, RempartTemplatesPanel, add_button);

  gtk_widget_class_install_action (widget_class, "templates.add", NULL, add_action_cb);
}

static void
rempart_templates_panel_init (RempartTemplatesPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* -------------------------------------------------------------------------------------- */
/* Public API                                                                             */
/* -------------------------------------------------------------------------------------- */

void
rempart_templates_panel_set_workspace (RempartTemplatesPanel *self, RempartWorkspace *workspace)
{
  GPtrArray *templates;
  g_autoptr (GPtrArray) rows = g_ptr_array_new ();

  g_return_if_fail (REMPART_IS_TEMPLATES_PANEL (self));

  self->loading = TRUE;
  g_set_object (&self->workspace, workspace);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (g_object_get_data (G_OBJECT (child), "item") != NULL)
      g_ptr_array_add (rows, child);
  for (guint i = 0; i < rows->len; i++)
    gtk_list_box_remove (self->list, g_ptr_array_index (rows, i));
  templates = workspace != NULL
                  ? rempart_feed_get_templates (rempart_workspace_get_feed (workspace))
                  : NULL;
  for (guint i = 0; templates != NULL && i < templates->len; i++)
    add_row (self, g_ptr_array_index (templates, i));
  show_message (self, NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "templates.add", workspace != NULL);
  self->loading = FALSE;
}
