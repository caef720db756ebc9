/* test-composer-fixture.c: what the composer's test programs share
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "test-composer-fixture.h"

gboolean
composer_is_ready (gpointer data)
{
  return rempart_composer_is_ready (REMPART_COMPOSER (data));
}

RempartComposer *
composer_new (Fixture *fixture, RempartPackCache *cache, GtkWindow **out_window)
{
  RempartComposer *composer = REMPART_COMPOSER (rempart_composer_new ());

  if (cache != NULL)
    rempart_composer_set_pack_cache (composer, cache);
  rempart_composer_set_item (composer, fixture->store, fixture->item, fixture->info);
  *out_window = rempart_page_test_window_new (GTK_WIDGET (composer), 800, 1000);
  g_assert_true (rempart_ui_test_iterate_until (composer_is_ready, composer));

  return composer;
}

void
fixture_set_up (Fixture *fixture, gconstpointer user_data)
{
  rempart_page_test_open_example (&fixture->store, &fixture->sub, &fixture->item, &fixture->info);

  fixture->composer = composer_new (fixture, NULL, &fixture->window);
}

void
fixture_tear_down (Fixture *fixture, gconstpointer user_data)
{
  AdwMessageDialog *dialog;

  while ((dialog = rempart_ui_test_find_message_dialog ()) != NULL)
    gtk_window_destroy (GTK_WINDOW (dialog));
  if (fixture->window != NULL)
    gtk_window_destroy (fixture->window);
  while (g_main_context_iteration (NULL, FALSE))
    ;

  rempart_page_test_set_dark (FALSE);
  rempart_page_test_close_example (&fixture->store, &fixture->sub, &fixture->item, &fixture->info);
}

GtkWidget *
child (RempartComposer *composer, const char *name)
{
  GObject *object =
      gtk_widget_get_template_child (GTK_WIDGET (composer), REMPART_TYPE_COMPOSER, name);

  g_assert_true (GTK_IS_WIDGET (object));
  return GTK_WIDGET (object);
}

GtkWidget *
hints_list (RempartComposer *composer)
{
  GObject *object = gtk_widget_get_template_child (child (composer, "tone_hints"),
                                                   REMPART_TYPE_TONE_HINTS, "list");

  g_assert_true (GTK_IS_LIST_BOX (object));
  return GTK_WIDGET (object);
}

GtkTextBuffer *
buffer (RempartComposer *composer)
{
  return gtk_text_view_get_buffer (GTK_TEXT_VIEW (child (composer, "text_view")));
}

void
type_text (RempartComposer *composer, const char *text)
{
  GtkTextBuffer *b = buffer (composer);
  GtkTextIter start, end;

  gtk_text_buffer_begin_user_action (b);
  gtk_text_buffer_get_bounds (b, &start, &end);
  gtk_text_buffer_delete (b, &start, &end);
  gtk_text_buffer_insert (b, &start, text, -1);
  gtk_text_buffer_end_user_action (b);
}

gboolean
has_hints (gpointer data)
{
  GPtrArray *hints = rempart_composer_get_hints (REMPART_COMPOSER (data));

  return hints != NULL && hints->len > 0;
}

gboolean
has_tag_at (GtkTextBuffer *b, const char *tag_name, int offset)
{
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (b), tag_name);
  GtkTextIter iter;

  g_assert_nonnull (tag);
  gtk_text_buffer_get_iter_at_offset (b, &iter, offset);
  return gtk_text_iter_has_tag (&iter, tag);
}

RempartStoredAction *
stored (Fixture *fixture)
{
  return rempart_page_test_find_stored (fixture->store, EXAMPLE_FEED_URL, MIGRANTS_ID);
}

RempartDraft *
stored_draft (Fixture *fixture)
{
  g_autoptr (GError) error = NULL;
  RempartDraft *draft =
      rempart_store_load_draft_sync (fixture->store, EXAMPLE_FEED_URL, MIGRANTS_ID, &error);

  g_assert_no_error (error);
  return draft;
}

void
on_signal (RempartComposer *composer, guint *count)
{
  (*count)++;
}
