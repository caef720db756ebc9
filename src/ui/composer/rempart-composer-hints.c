/* rempart-composer-hints.c: the composer's tone check and its underlines
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Rempart"

#include "config.h"

#include "rempart-composer-private.h"
#include "rempart-tone.h"

/*
 * Hints only advise: no button ever waits for the tone check. The check is a pure function
 * well under a millisecond, so it runs on the main thread, 150 ms after the last keystroke.
 * The list of hints is RempartToneHints; activating one selects the text it is about.
 */

#define CHECK_DELAY_MS 150

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
tone_hint_activated_cb (RempartComposer *self, RempartToneHint *hint, RempartToneHints *tone_hints)
{
  GtkTextIter from, to;

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
  gtk_widget_class_bind_template_callback (widget_class, tone_hint_activated_cb);
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
    }

  rempart_tone_hints_set_available (self->tone_hints,
                                    self->packs == NULL || self->packs->tone != NULL);
  rempart_tone_hints_set_hints (self->tone_hints, self->hints, text[0] == '\0');
}

void
rempart_composer_hints_schedule_check (RempartComposer *self)
{
  g_clear_handle_id (&self->check_id, g_source_remove);
  self->check_id = g_timeout_add (CHECK_DELAY_MS, check_timeout_cb, self);
}
