/* test-composer-hints.c: the composer's tone check and its list of hints, on a real store file
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "rempart-pack-cache.h"
#include "rempart-template.h"
#include "rempart-test-dirs.h"
#include "rempart-tone.h"
#include "test-composer-fixture.h"

/* -------------------------------------------------------------------------------------- */
/* Helpers                                                                                */
/* -------------------------------------------------------------------------------------- */

/* Types INSULT_TEXT and gives the span of the warning about "connard" and its row. */
static GtkWidget *
insult_hint_row (Fixture *fixture, glong *out_start, glong *out_end)
{
  const char *insult = strstr (INSULT_TEXT, "connard");
  glong insult_start = g_utf8_pointer_to_offset (INSULT_TEXT, insult);
  GPtrArray *hints;

  type_text (fixture->composer, INSULT_TEXT);
  rempart_composer_check_now (fixture->composer);
  hints = rempart_composer_get_hints (fixture->composer);

  for (guint i = 0; i < hints->len; i++)
    {
      RempartToneHint *hint = g_ptr_array_index (hints, i);
      GtkListBoxRow *row;

      if (hint->severity != REMPART_TONE_SEVERITY_WARNING || hint->start_char > insult_start ||
          hint->end_char < insult_start + 7)
        continue;

      row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (hints_list (fixture->composer)), (int) i);
      g_assert_nonnull (row);
      g_assert_true (gtk_list_box_row_get_activatable (row));
      g_assert_true (rempart_ui_test_iterate_until (rempart_ui_test_widget_is_drawn, row));
      *out_start = hint->start_char;
      *out_end = hint->end_char;
      return GTK_WIDGET (row);
    }

  g_assert_not_reached ();
}

static void
place_cursor_at_start (RempartComposer *composer)
{
  GtkTextIter start;

  gtk_text_buffer_get_start_iter (buffer (composer), &start);
  gtk_text_buffer_place_cursor (buffer (composer), &start);
  g_assert_false (gtk_text_buffer_get_has_selection (buffer (composer)));
}

static void
assert_selected (RempartComposer *composer, glong start, glong end)
{
  GtkTextIter from, to;

  g_assert_true (gtk_text_buffer_get_selection_bounds (buffer (composer), &from, &to));
  g_assert_cmpint (gtk_text_iter_get_offset (&from), ==, start);
  g_assert_cmpint (gtk_text_iter_get_offset (&to), ==, end);
  /* Ready to be retyped. */
  g_assert_true (gtk_widget_is_focus (child (composer, "text_view")));
}

static GtkLabel *
hints_status_label (RempartComposer *composer)
{
  GObject *object = gtk_widget_get_template_child (child (composer, "tone_hints"),
                                                   REMPART_TYPE_TONE_HINTS, "status_label");

  g_assert_true (GTK_IS_LABEL (object));
  return GTK_LABEL (object);
}

static void
write_file (const char *dir, const char *folder, const char *contents)
{
  g_autofree char *path = g_build_filename (dir, folder, NULL);
  g_autoptr (GError) error = NULL;

  g_assert_no_errno (g_mkdir_with_parents (path, 0700));
  g_free (path);
  path = g_build_filename (dir, folder, "fr.json", NULL);
  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

/* -------------------------------------------------------------------------------------- */
/* Tests                                                                                  */
/* -------------------------------------------------------------------------------------- */

static void
test_tone_insult (Fixture *fixture, gconstpointer user_data)
{
  GtkTextBuffer *b = buffer (fixture->composer);
  RempartToneHint *warning = NULL;
  GPtrArray *hints;
  const char *insult = strstr (INSULT_TEXT, "connard");
  glong insult_start = g_utf8_pointer_to_offset (INSULT_TEXT, insult);

  type_text (fixture->composer, INSULT_TEXT);
  /* The check runs by itself after a short pause. */
  g_assert_true (rempart_ui_test_iterate_until (has_hints, fixture->composer));
  hints = rempart_composer_get_hints (fixture->composer);

  for (guint i = 0; i < hints->len; i++)
    {
      RempartToneHint *hint = g_ptr_array_index (hints, i);

      if (hint->severity == REMPART_TONE_SEVERITY_WARNING && hint->start_char <= insult_start &&
          hint->end_char >= insult_start + 7)
        warning = hint;
    }
  g_assert_nonnull (warning);

  /* Underlined exactly over the hint's span. */
  if (warning->start_char > 0)
    g_assert_false (has_tag_at (b, "tone-warning", (int) warning->start_char - 1));
  g_assert_true (has_tag_at (b, "tone-warning", (int) warning->start_char));
  g_assert_true (has_tag_at (b, "tone-warning", (int) warning->end_char - 1));
  g_assert_false (has_tag_at (b, "tone-warning", (int) warning->end_char));

  /* Listed below, and no button is blocked. */
  g_assert_true (gtk_widget_get_visible (hints_list (fixture->composer)));
  g_assert_nonnull (
      gtk_list_box_get_row_at_index (GTK_LIST_BOX (hints_list (fixture->composer)), 0));
  g_assert_true (gtk_widget_is_sensitive (child (fixture->composer, "copy_button")));
  g_assert_true (gtk_widget_is_sensitive (child (fixture->composer, "queue_button")));
  g_assert_true (gtk_widget_is_sensitive (child (fixture->composer, "posted_button")));

  rempart_page_test_save_png (GTK_WIDGET (fixture->window), "composer-hints.png");

  /* A kind reply afterwards clears the marks. */
  type_text (fixture->composer, KIND_TEXT);
  rempart_composer_check_now (fixture->composer);
  g_assert_false (has_tag_at (b, "tone-warning", 12));
}

static void
test_tone_kind (Fixture *fixture, gconstpointer user_data)
{
  g_autofree char *expected = NULL;
  GPtrArray *hints;

  type_text (fixture->composer, KIND_TEXT);
  rempart_ui_test_iterate_for (400);
  hints = rempart_composer_get_hints (fixture->composer);
  for (guint i = 0; hints != NULL && i < hints->len; i++)
    {
      RempartToneHint *hint = g_ptr_array_index (hints, i);

      g_test_message ("unexpected hint %s: %s", hint->rule, hint->message);
    }
  g_assert_nonnull (hints);
  g_assert_cmpuint (hints->len, ==, 0);
  g_assert_false (gtk_widget_get_visible (hints_list (fixture->composer)));
  expected = g_strdup_printf ("%ld characters", g_utf8_strlen (KIND_TEXT, -1));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (child (fixture->composer, "count_label"))), ==,
                   expected);
}

static void
test_dark (Fixture *fixture, gconstpointer user_data)
{
  rempart_page_test_set_dark (TRUE);
  type_text (fixture->composer, INSULT_TEXT);
  g_assert_true (rempart_ui_test_iterate_until (has_hints, fixture->composer));
  rempart_page_test_save_png (GTK_WIDGET (fixture->window), "composer-dark.png");
}

static void
test_hint_keyboard (Fixture *fixture, gconstpointer user_data)
{
  glong start, end;
  GtkWidget *row = insult_hint_row (fixture, &start, &end);

  place_cursor_at_start (fixture->composer);
  g_assert_true (gtk_widget_grab_focus (row));
  g_assert_true (gtk_widget_is_focus (row));

  g_assert_true (rempart_ui_test_press_key (row, GDK_KEY_Return, 0));
  assert_selected (fixture->composer, start, end);
}

static void
test_hint_click (Fixture *fixture, gconstpointer user_data)
{
  glong start, end;
  GtkWidget *row = insult_hint_row (fixture, &start, &end);

  place_cursor_at_start (fixture->composer);
  g_assert_true (gtk_widget_grab_focus (child (fixture->composer, "copy_button")));

  rempart_ui_test_click_row (row);
  assert_selected (fixture->composer, start, end);
}

static void
test_hint_hover (Fixture *fixture, gconstpointer user_data)
{
  GtkWidget *list = hints_list (fixture->composer);
  GtkWidget *button = child (fixture->composer, "copy_button");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  GPtrArray *hints;
  GtkTextIter cursor;
  glong start, end;
  int n_rows = 0;

  insult_hint_row (fixture, &start, &end);
  place_cursor_at_start (fixture->composer);
  g_assert_true (gtk_widget_grab_focus (button));
  hints = rempart_composer_get_hints (fixture->composer);
  before = rempart_composer_get_text (fixture->composer);

  /* Over every row in turn, then away. */
  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL;
       row = gtk_widget_get_next_sibling (row), n_rows++)
    {
      rempart_ui_test_hover (list, row, rempart_ui_test_center_of (row), FALSE);
      rempart_ui_test_iterate_a_little ();
      rempart_ui_test_hover (list, row, rempart_ui_test_center_of (row), TRUE);
    }
  g_assert_cmpint (n_rows, ==, (int) hints->len);
  rempart_ui_test_iterate_a_little ();

  /* Nothing selected, nothing moved, nothing checked again. */
  g_assert_false (gtk_text_buffer_get_has_selection (buffer (fixture->composer)));
  gtk_text_buffer_get_iter_at_mark (buffer (fixture->composer), &cursor,
                                    gtk_text_buffer_get_insert (buffer (fixture->composer)));
  g_assert_cmpint (gtk_text_iter_get_offset (&cursor), ==, 0);
  g_assert_null (gtk_list_box_get_selected_row (GTK_LIST_BOX (list)));
  g_assert_true (gtk_widget_is_focus (button));
  g_assert_true (rempart_composer_get_hints (fixture->composer) == hints);
  after = rempart_composer_get_text (fixture->composer);
  g_assert_cmpstr (after, ==, before);
}

static void
test_broken_packs (Fixture *fixture, gconstpointer user_data)
{
  g_autofree char *data_dir = g_strdup (g_getenv ("REMPART_DATA_DIR"));
  g_autofree char *dir = rempart_test_dir_new ("composer-packs");
  g_autoptr (RempartPackCache) cache = rempart_pack_cache_new ();
  g_autoptr (RempartDraft) draft = NULL;
  RempartComposer *composer;
  GtkWindow *window = NULL;
  const char *notice;
  GPtrArray *templates;

  gtk_window_destroy (fixture->window);
  fixture->window = NULL;

  /* The composer's own cache reads them from a folder where both packs are broken. */
  write_file (dir, "tone", "{\"language\": \"fr\", \"insults\": [");
  write_file (dir, "templates", "[\"not a pack\"");
  g_setenv ("REMPART_DATA_DIR", dir, TRUE);
  composer = composer_new (fixture, cache, &window);
  fixture->window = window;
  g_setenv ("REMPART_DATA_DIR", data_dir, TRUE);

  /* A notice says what is wrong, naming the file... */
  g_assert_true (gtk_widget_get_visible (child (composer, "notice_label")));
  notice = gtk_label_get_text (GTK_LABEL (child (composer, "notice_label")));
  g_assert_nonnull (strstr (notice, "The tone check could not start"));
  g_assert_nonnull (strstr (notice, "The built-in templates could not be read"));
  g_assert_nonnull (strstr (notice, "fr.json"));

  /* ...the group's templates are still offered, without built-in ones... */
  templates = rempart_composer_get_templates (composer);
  g_assert_cmpuint (templates->len, >, 0);
  g_assert_cmpstr (rempart_template_get_id (g_ptr_array_index (templates, 0)), ==, "facts-first");
  for (guint i = 0; i < templates->len; i++)
    g_assert_cmpint (rempart_template_get_origin (g_ptr_array_index (templates, i)), !=,
                     REMPART_TEMPLATE_ORIGIN_BUILTIN);

  /* ...there are no hints, and the list says why... */
  type_text (composer, INSULT_TEXT);
  rempart_composer_check_now (composer);
  g_assert_cmpuint (rempart_composer_get_hints (composer)->len, ==, 0);
  g_assert_false (gtk_widget_get_visible (hints_list (composer)));
  g_assert_false (has_tag_at (buffer (composer), "tone-warning", 20));
  g_assert_cmpstr (gtk_label_get_text (hints_status_label (composer)), ==,
                   "The tone check is not available.");

  /* ...and the reply can be written and queued as ever. */
  g_assert_true (gtk_widget_is_sensitive (child (composer, "text_view")));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (composer), "composer.queue", NULL));
  draft = stored_draft (fixture);
  g_assert_nonnull (draft);
  g_assert_true (draft->queued);
  g_assert_cmpstr (draft->text, ==, INSULT_TEXT);

  rempart_page_test_save_png (GTK_WIDGET (window), "composer-broken-packs.png");
  rempart_test_dir_remove (dir);
}

int
main (int argc, char *argv[])
{
  rempart_page_test_init (&argc, &argv, "composer-hints");

#define ADD(name, func) \
  g_test_add ("/composer/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("tone-insult", test_tone_insult);
  ADD ("tone-kind", test_tone_kind);
  ADD ("dark", test_dark);
  ADD ("hint-keyboard", test_hint_keyboard);
  ADD ("hint-click", test_hint_click);
  ADD ("hint-hover", test_hint_hover);
  ADD ("broken-packs", test_broken_packs);
#undef ADD

  return rempart_page_test_run ();
}
