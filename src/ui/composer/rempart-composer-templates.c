/* rempart-composer-templates.c: the composer's template list and "Save as Template" dialog
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Rempart"

#include "config.h"

#include <glib/gi18n.h>

#include "rempart-composer-private.h"

#define TEMPLATE_KEY "rempart-template"

/* -------------------------------------------------------------------------------------- */
/* Helpers                                                                                */
/* -------------------------------------------------------------------------------------- */

static const char *
origin_heading (RempartTemplateOrigin origin)
{
  switch (origin)
    {
      case REMPART_TEMPLATE_ORIGIN_FEED:
        return _ ("From Your Group");
      case REMPART_TEMPLATE_ORIGIN_USER:
        return _ ("Your Templates");
      case REMPART_TEMPLATE_ORIGIN_BUILTIN:
      default:
        /* Translators: subtitle of a reply template that comes with the app (not written by the
         * volunteer) */
        return _ ("Built-in");
    }
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;

  return TRUE;
}

/* -------------------------------------------------------------------------------------- */
/* Callbacks                                                                              */
/* -------------------------------------------------------------------------------------- */

static void
title_changed_cb (GtkEditable *entry, AdwMessageDialog *dialog)
{
  adw_message_dialog_set_response_enabled (dialog, "save",
                                           !is_blank (gtk_editable_get_text (entry)));
}

/* -------------------------------------------------------------------------------------- */
/* Internal API                                                                           */
/* -------------------------------------------------------------------------------------- */

GtkWidget *
rempart_composer_template_row_new (RempartTemplate *tmpl,
                                   GCallback duplicate_cb,
                                   gpointer user_data)
{
  GtkWidget *row = adw_action_row_new ();
  const char *when = rempart_template_get_when (tmpl);

  /* Feed and volunteer text: plain, never markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), rempart_template_get_title (tmpl));
  if (when != NULL && when[0] != '\0')
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), when);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), TEMPLATE_KEY, g_object_ref (tmpl), g_object_unref);

  /* The group's and Rempart's templates are not the volunteer's to change: a copy is. */
  if (rempart_template_get_read_only (tmpl) && duplicate_cb != NULL)
    {
      GtkWidget *button = gtk_button_new_from_icon_name ("edit-copy-symbolic");
      g_autofree char *label = NULL;

      /* Translators: %s is the title of a reply template */
      label = g_strdup_printf (_ ("Duplicate “%s”"), rempart_template_get_title (tmpl));
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      /* Translators: button that copies a built-in reply template so the volunteer can edit the
       * copy */
      gtk_widget_set_tooltip_text (button, _ ("Duplicate"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                      -1);
      g_object_set_data_full (G_OBJECT (button), TEMPLATE_KEY, g_object_ref (tmpl), g_object_unref);
      g_signal_connect (button, "clicked", duplicate_cb, user_data);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }

  return row;
}

RempartTemplate *
rempart_composer_template_row_get_template (GtkWidget *row_or_button)
{
  g_return_val_if_fail (GTK_IS_WIDGET (row_or_button), NULL);

  return g_object_get_data (G_OBJECT (row_or_button), TEMPLATE_KEY);
}

void
rempart_composer_template_header_func (GtkListBoxRow *row,
                                       GtkListBoxRow *before,
                                       gpointer user_data)
{
  RempartTemplate *tmpl = g_object_get_data (G_OBJECT (row), TEMPLATE_KEY);
  RempartTemplate *previous =
      before != NULL ? g_object_get_data (G_OBJECT (before), TEMPLATE_KEY) : NULL;
  GtkWidget *header;

  if (previous != NULL &&
      rempart_template_get_origin (previous) == rempart_template_get_origin (tmpl))
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }

  header = gtk_label_new (origin_heading (rempart_template_get_origin (tmpl)));
  gtk_label_set_xalign (GTK_LABEL (header), 0);
  gtk_widget_set_margin_top (header, before != NULL ? 12 : 6);
  gtk_widget_set_margin_bottom (header, 6);
  gtk_widget_set_margin_start (header, 12);
  gtk_widget_add_css_class (header, "heading");
  gtk_list_box_row_set_header (row, header);
}

AdwMessageDialog *
rempart_composer_template_dialog_new (GtkWidget *parent)
{
  GtkRoot *root = parent != NULL ? gtk_widget_get_root (parent) : NULL;
  AdwMessageDialog *dialog;
  GtkWidget *entry;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (
      GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, _ ("Save as Template"),
      _ ("Your reply will be offered under “Your Templates” when you start the next one. "
         "Give it a title you will recognise.")));

  entry = gtk_entry_new ();
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _ ("Title"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Title"), -1);
  g_signal_connect_object (entry, "changed", G_CALLBACK (title_changed_cb), dialog, 0);
  adw_message_dialog_set_extra_child (dialog, entry);

  adw_message_dialog_add_response (dialog, "cancel", _ ("_Cancel"));
  adw_message_dialog_add_response (dialog, "save", _ ("_Save"));
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (dialog, "save", FALSE);
  adw_message_dialog_set_default_response (dialog, "save");
  adw_message_dialog_set_close_response (dialog, "cancel");

  return dialog;
}

char *
rempart_composer_template_dialog_get_title (AdwMessageDialog *dialog)
{
  GtkWidget *entry;

  g_return_val_if_fail (ADW_IS_MESSAGE_DIALOG (dialog), NULL);

  entry = adw_message_dialog_get_extra_child (dialog);
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
}

/* The reply as a template of the feed action's topic and language, so that it is offered
 * again for the next action like this one. */
RempartTemplate *
rempart_composer_template_from_reply (RempartComposer *self, const char *title, const char *body)
{
  RempartAction *feed_action = rempart_composer_get_feed_action (self);
  RempartTopic topic =
      feed_action != NULL ? rempart_action_get_topic (feed_action) : REMPART_TOPIC_NONE;
  const char *topics[] = { NULL, NULL };
  const char *language = feed_action != NULL ? rempart_action_get_language (feed_action) : NULL;
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *id = g_strconcat ("user-", uuid, NULL);

  if (topic != REMPART_TOPIC_NONE)
    topics[0] = rempart_topic_to_string (topic);
  if ((language == NULL || language[0] == '\0') && self->info != NULL)
    language = self->info->language;
  if (language != NULL && language[0] == '\0')
    language = NULL;

  return rempart_template_new (REMPART_TEMPLATE_ORIGIN_USER, id, title, language, topics,
                               REMPART_TEMPLATE_APPROACH_NONE, NULL, body);
}
