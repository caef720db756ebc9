/* rempart-composer-hints.c: the composer's tone check, its underlines and its hint list
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Rempart"

#include "config.h"

#include <glib/gi18n.h>

#include "rempart-composer-internal.h"
#include "rempart-composer-private.h"
#include "rempart-tone.h"

/*
 * Hints only advise: no button ever waits for the tone check. The check is a pure function
 * well under a millisecond, so it runs on the main thread, 150 ms after the last keystroke.
 */

#define CHECK_DELAY_MS 150

/* -------------------------------------------------------------------------------------- */
/* Helpers                                                                                */
/* -------------------------------------------------------------------------------------- */

static GtkWidget *
hint_row_new (const RempartToneHint *hint)
{
  gboolean warning = hint->severity == REMPART_TONE_SEVERITY_WARNING;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *text_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *icon = gtk_image_new_from_icon_name (warning ? "dialog-warning-symbolic"
                                                          : "dialog-information-symbolic");
  GtkWidget *message = gtk_label_new (hint->message);
  GtkWidget *suggestion = gtk_label_new (hint->suggestion);

  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_widget_add_css_class (icon, warning ? "warning" : "dim-label");
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  warning ? _ ("Warning") : _ ("Advice"), -1);

  for (guint i = 0; i < 2; i++)
    {
      GtkLabel *label = GTK_LABEL (i == 0 ? message : suggestion);

      gtk_label_set_wrap (label, TRUE);
      gtk_label_set_wrap_mode (label, PANGO_WRAP_WORD_CHAR);
      gtk_label_set_natural_wrap_mode (label, GTK_NATURAL_WRAP_WORD);
      gtk_label_set_xalign (label, 0);
    }
  gtk_widget_add_css_class (suggestion, "dim-label");
  gtk_widget_set_visible (suggestion, hint->suggestion[0] != '\0');

  gtk_box_append (GTK_BOX (text_box), message);
  gtk_box_append (GTK_BOX (text_box), suggestion);
  gtk_widget_set_hexpand (text_box, TRUE);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), text_box);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  /* Activating a hint selects what it is about, when it is about a part of the text. */
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), hint->start_char < hint->end_char);
  gtk_widget_set_focusable (row, hint->start_char < hint->end_char);

  return row;
}

/* -------------------------------------------------------------------------------------- */
/* Callbacks                                                                              */
/* -------------------------------------------------------------------------------------- */

static gboolean
check_timeout_cb (gpointer user_data)
{
  RempartComposer *self = user_data;

  self->check_id = 0;
  rempart_composer_hints_run_check (self);

  return G_SOURCE_REMOVE;
}

static void
hint_row_activated_cb (RempartComposer *self, GtkListBoxRow *row, GtkListBox *list)
{
  int index = gtk_list_box_row_get_index (row);
  RempartToneHint *hint;
  GtkTextIter from, to;

  if (self->hints == NULL || index < 0 || (guint) index >= self->hints->len)
    return;

  hint = g_ptr_array_index (self->hints, index);
  gtk_text_buffer_get_iter_at_offset (self->buffer, &from, (int) hint->start_char);
  gtk_text_buffer_get_iter_at_offset (self->buffer, &to, (int) hint->end_char);
  gtk_text_buffer_select_range (self->buffer, &from, &to);
  gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
  gtk_text_view_scroll_to_iter (self->text_view, &from, 0.1, FALSE, 0, 0);
}

/* -------------------------------------------------------------------------------------- */
/* Internal API                                                                           */
/* -------------------------------------------------------------------------------------- */

void
rempart_composer_hints_bind_template (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, hint_row_activated_cb);
}

void
rempart_composer_hints_init (RempartComposer *self)
{
  GdkRGBA red = { 0.88, 0.11, 0.14, 1.0 };

  /* Red wavy line for what a rule warns about, a plain line for advice; both readable in
   * light and dark styles. */
  self->warning_tag = gtk_text_buffer_create_tag (self->buffer, "tone-warning", "underline",
                                                  PANGO_UNDERLINE_ERROR, NULL);
  self->advice_tag = gtk_text_buffer_create_tag (self->buffer, "tone-advice", "underline",
                                                 PANGO_UNDERLINE_SINGLE, NULL);
  g_object_set (self->warning_tag, "underline-rgba", &red, NULL);
}

void
rempart_composer_hints_run_check (RempartComposer *self)
{
  g_autofree char *text = rempart_composer_get_buffer_text (self);
  glong n_chars = gtk_text_buffer_get_char_count (self->buffer);
  GtkTextIter start, end;
  GtkWidget *child;

  g_clear_handle_id (&self->check_id, g_source_remove);
  g_clear_pointer (&self->hints, g_ptr_array_unref);

  if (self->packs != NULL && self->packs->tone != NULL)
    {
      RempartToneContext ctx;

      rempart_tone_context_init (&ctx);
      if (self->info != NULL)
        {
          ctx.hashtag = self->info->hashtag;
          ctx.hashtag_position = self->info->hashtag_position;
        }
      ctx.template_text = self->template_text;
      self->hints = rempart_tone_check (self->packs->tone, text, &ctx);
    }
  else
    self->hints = g_ptr_array_new_with_free_func ((GDestroyNotify) rempart_tone_hint_free);

  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  gtk_text_buffer_remove_tag (self->buffer, self->warning_tag, &start, &end);
  gtk_text_buffer_remove_tag (self->buffer, self->advice_tag, &start, &end);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->hints_list))) != NULL)
    gtk_list_box_remove (self->hints_list, child);

  for (guint i = 0; i < self->hints->len; i++)
    {
      RempartToneHint *hint = g_ptr_array_index (self->hints, i);

      /* An empty span is a position (where the hashtag should go), and a span over the
       * whole draft is about the reply as a whole: the list says those, a line under every
       * word would only be noise. */
      if (hint->start_char < hint->end_char && (hint->start_char > 0 || hint->end_char < n_chars))
        {
          GtkTextIter from, to;

          gtk_text_buffer_get_iter_at_offset (self->buffer, &from, (int) hint->start_char);
          gtk_text_buffer_get_iter_at_offset (self->buffer, &to, (int) hint->end_char);
          gtk_text_buffer_apply_tag (self->buffer,
                                     hint->severity == REMPART_TONE_SEVERITY_WARNING
                                         ? self->warning_tag
                                         : self->advice_tag,
                                     &from, &to);
        }

      gtk_list_box_append (self->hints_list, hint_row_new (hint));
    }

  gtk_widget_set_visible (GTK_WIDGET (self->hints_list), self->hints->len > 0);

  if (self->packs != NULL && self->packs->tone == NULL)
    gtk_label_set_text (self->hints_status_label, _ ("The tone check is not available."));
  else if (text[0] == '\0')
    gtk_label_set_text (self->hints_status_label,
                        _ ("Advice on your reply appears here as you write. It never stops you "
                           "from posting."));
  else if (self->hints->len == 0)
    gtk_label_set_text (self->hints_status_label,
                        _ ("Nothing to point out. Read it once more, then post it."));
  else
    gtk_label_set_text (self->hints_status_label, _ ("Advice only: you decide what to post."));
}

void
rempart_composer_hints_schedule_check (RempartComposer *self)
{
  g_clear_handle_id (&self->check_id, g_source_remove);
  self->check_id = g_timeout_add (CHECK_DELAY_MS, check_timeout_cb, self);
}

/* -------------------------------------------------------------------------------------- */
/* Private API (tests)                                                                    */
/* -------------------------------------------------------------------------------------- */

GPtrArray *
rempart_composer_get_hints (RempartComposer *self)
{
  g_return_val_if_fail (REMPART_IS_COMPOSER (self), NULL);

  return self->hints;
}

void
rempart_composer_check_now (RempartComposer *self)
{
  g_return_if_fail (REMPART_IS_COMPOSER (self));

  rempart_composer_hints_run_check (self);
}
