/* test-preferences-templates.c: the volunteer's own templates in the Preferences window
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "rempart-demo.h"
#include "rempart-preferences-window.h"
#include "rempart-template-page.h"
#include "rempart-ui-test.h"
#include "test-preferences-fixture.h"

/* The volunteer's own templates                                                          */
/* -------------------------------------------------------------------------------------- */

#define TEMPLATE_TITLE "Familles d’ici"
#define TEMPLATE_BODY                                                                      \
  "\n{hashtag} Derrière ce sujet, il y a des familles qui vivent ici depuis longtemps.\n" \
  "Source : {source}"
/* A title that would be markup if anything parsed it. */
#define OTHER_TITLE "Chiffres <b>& sources</b>"

static RempartTemplatePage *
templates_page (Fixture *f)
{
  return REMPART_TEMPLATE_PAGE (child (f, "templates_page"));
}

static GtkWidget *
templates_child (Fixture *f, const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (templates_page (f)),
                                                   REMPART_TYPE_TEMPLATE_PAGE, name);

  g_assert_nonnull (object);
  return GTK_WIDGET (object);
}

static void
save_template (Fixture *f, const char *id, const char *title, const char *body)
{
  g_autoptr (GError) error = NULL;
  const char *topics[] = { "racism", NULL };
  RempartUserTemplate tmpl = {
    .id = (char *) id,
    .title = (char *) title,
    .language = (char *) "fr",
    .topics = (GStrv) topics,
    .body = (char *) body,
  };

  g_assert_true (rempart_store_save_user_template_sync (f->store, &tmpl, &error));
  g_assert_no_error (error);
}

static RempartUserTemplate *
stored_template (Fixture *f, const char *id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) list = rempart_store_list_user_templates_sync (f->store, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < list->len; i++)
    {
      RempartUserTemplate *tmpl = g_ptr_array_index (list, i);

      if (g_str_equal (tmpl->id, id))
        return rempart_user_template_copy (tmpl);
    }
  return NULL;
}

static AdwActionRow *
find_template_row (Fixture *f, const char *title)
{
  g_autoptr (GPtrArray) rows = g_ptr_array_new ();

  collect_rows (templates_child (f, "templates_group"), rows);
  for (guint i = 0; i < rows->len; i++)
    {
      AdwPreferencesRow *row = g_ptr_array_index (rows, i);

      if (g_strcmp0 (adw_preferences_row_get_title (row), title) == 0)
        return ADW_ACTION_ROW (row);
    }
  return NULL;
}

static gboolean
template_row_is_listed (gpointer data)
{
  RowQuery *q = data;

  return gtk_widget_get_visible (templates_child (q->f, "templates_group")) &&
         find_template_row (q->f, q->title) != NULL;
}

static gboolean
template_row_is_gone (gpointer data)
{
  RowQuery *q = data;

  return find_template_row (q->f, q->title) == NULL;
}

static gboolean
empty_state_is_shown (gpointer data)
{
  Fixture *f = data;

  return gtk_widget_get_visible (templates_child (f, "empty_group")) &&
         !gtk_widget_get_visible (templates_child (f, "templates_group"));
}

static gboolean
editor_is_closed (gpointer data)
{
  return rempart_template_page_get_editor (REMPART_TEMPLATE_PAGE (data)) == NULL;
}

/* Shows the Templates page with the two templates listed. */
static void
show_templates (Fixture *f)
{
  RowQuery q = { f, OTHER_TITLE };

  save_template (f, "user-familles", TEMPLATE_TITLE, TEMPLATE_BODY);
  save_template (f, "user-chiffres", OTHER_TITLE, "Les chiffres de l’Insee : {source}");
  rempart_template_page_reload (templates_page (f));
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (f->window), "templates");
  g_assert_true (rempart_ui_test_iterate_until (template_row_is_listed, &q));
}

static void
test_templates_empty (Fixture *f, gconstpointer user_data)
{
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (f->window), "templates");
  g_assert_true (rempart_ui_test_iterate_until (empty_state_is_shown, f));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (templates_child (f, "empty_title"))), ==,
                   "No Templates of Your Own");
  save_pngs (GTK_WINDOW (f->window), "preferences-templates-empty");
}

static void
test_templates_list (Fixture *f, gconstpointer user_data)
{
  AdwActionRow *row;
  GtkWidget *edit;
  GtkWidget *delete;

  show_templates (f);
  g_assert_false (empty_state_is_shown (f));

  /* Title, and the first line with words as subtitle. */
  row = find_template_row (f, TEMPLATE_TITLE);
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_action_row_get_subtitle (row), ==,
                   "{hashtag} Derrière ce sujet, il y a des familles qui vivent ici depuis "
                   "longtemps.");

  /* The volunteer's text is never markup. */
  row = find_template_row (f, OTHER_TITLE);
  g_assert_nonnull (row);
  g_assert_false (adw_preferences_row_get_use_markup (ADW_PREFERENCES_ROW (row)));

  /* Icon-only buttons, each with a name a screen reader can speak. */
  edit = rempart_ui_test_find_button (GTK_WIDGET (row), "Edit");
  delete = rempart_ui_test_find_button (GTK_WIDGET (row), "Delete");
  g_assert_nonnull (edit);
  g_assert_nonnull (delete);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (edit), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Edit “" OTHER_TITLE "”");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (delete), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Delete “" OTHER_TITLE "”");

  save_pngs (GTK_WINDOW (f->window), "preferences-templates");
}

static void
test_templates_edit (Fixture *f, gconstpointer user_data)
{
  RempartTemplatePage *page = templates_page (f);
  RempartTemplateEditor *editor;
  g_autoptr (RempartUserTemplate) before = NULL;
  g_autoptr (RempartUserTemplate) after = NULL;
  RowQuery q = { f, "Des familles" };
  GtkEditable *title;
  GtkTextBuffer *body;
  GtkWidget *save;

  show_templates (f);
  before = stored_template (f, "user-familles");

  g_signal_emit_by_name (
      rempart_ui_test_find_button (GTK_WIDGET (find_template_row (f, TEMPLATE_TITLE)), "Edit"),
      "clicked");
  editor = rempart_template_page_get_editor (page);
  g_assert_nonnull (editor);
  title = GTK_EDITABLE (gtk_widget_get_template_child (GTK_WIDGET (editor),
                                                       REMPART_TYPE_TEMPLATE_EDITOR, "title_row"));
  body = gtk_text_view_get_buffer (GTK_TEXT_VIEW (gtk_widget_get_template_child (
      GTK_WIDGET (editor), REMPART_TYPE_TEMPLATE_EDITOR, "body_view")));
  save = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (editor),
                                                    REMPART_TYPE_TEMPLATE_EDITOR, "save_button"));

  /* The fields hold the stored template; the title is ready to type in. */
  g_assert_cmpstr (gtk_editable_get_text (title), ==, TEMPLATE_TITLE);
  {
    GtkTextIter start, end;
    g_autofree char *text = NULL;

    gtk_text_buffer_get_bounds (body, &start, &end);
    text = gtk_text_buffer_get_text (body, &start, &end, FALSE);
    g_assert_cmpstr (text, ==, TEMPLATE_BODY);
  }
  rempart_ui_test_iterate_a_little ();
  {
    GtkWidget *focus = gtk_window_get_focus (GTK_WINDOW (f->window));

    g_assert_nonnull (focus);
    g_assert_true (focus == GTK_WIDGET (title) ||
                   gtk_widget_is_ancestor (focus, GTK_WIDGET (title)));
  }
  save_pngs (GTK_WINDOW (f->window), "preferences-template-edit");

  /* No title, no saving. */
  gtk_editable_set_text (title, " ");
  g_assert_false (gtk_widget_get_sensitive (save));
  gtk_editable_set_text (title, " Des familles ");
  gtk_text_buffer_set_text (body, "{hashtag} Des familles vivent ici.", -1);
  g_assert_true (gtk_widget_get_sensitive (save));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "template-editor.save", NULL));
  g_assert_true (rempart_ui_test_iterate_until (editor_is_closed, page));
  g_assert_true (rempart_ui_test_iterate_until (template_row_is_listed, &q));
  g_assert_null (find_template_row (f, TEMPLATE_TITLE));

  /* Same template, new title and text; the rest is kept. */
  after = stored_template (f, "user-familles");
  g_assert_nonnull (after);
  g_assert_cmpstr (after->title, ==, "Des familles");
  g_assert_cmpstr (after->body, ==, "{hashtag} Des familles vivent ici.");
  g_assert_cmpstr (after->language, ==, before->language);
  g_assert_cmpstrv (after->topics, before->topics);
  g_assert_cmpint (after->created, ==, before->created);
}

static void
test_templates_edit_back (Fixture *f, gconstpointer user_data)
{
  RempartTemplatePage *page = templates_page (f);
  RempartTemplateEditor *editor;
  g_autoptr (RempartUserTemplate) after = NULL;

  show_templates (f);
  g_signal_emit_by_name (
      rempart_ui_test_find_button (GTK_WIDGET (find_template_row (f, TEMPLATE_TITLE)), "Edit"),
      "clicked");
  editor = rempart_template_page_get_editor (page);
  gtk_editable_set_text (GTK_EDITABLE (gtk_widget_get_template_child (
                             GTK_WIDGET (editor), REMPART_TYPE_TEMPLATE_EDITOR, "title_row")),
                         "Jamais enregistré");

  /* Back leaves the template as it was. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "template-editor.cancel", NULL));
  g_assert_true (editor_is_closed (page));
  rempart_ui_test_iterate_a_little ();
  after = stored_template (f, "user-familles");
  g_assert_cmpstr (after->title, ==, TEMPLATE_TITLE);
}

static void
test_templates_delete (Fixture *f, gconstpointer user_data)
{
  RowQuery q = { f, TEMPLATE_TITLE };
  g_autoptr (RempartUserTemplate) kept = NULL;
  g_autoptr (RempartUserTemplate) gone = NULL;
  g_autoptr (RempartUserTemplate) other = NULL;
  AdwMessageDialog *dialog;

  show_templates (f);

  /* Cancel keeps it. */
  g_signal_emit_by_name (
      rempart_ui_test_find_button (GTK_WIDGET (find_template_row (f, TEMPLATE_TITLE)), "Delete"),
      "clicked");
  g_assert_true (rempart_ui_test_iterate_until (rempart_ui_test_message_dialog_is_shown, NULL));
  dialog = rempart_ui_test_find_message_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Delete “" TEMPLATE_TITLE "”?");
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, "delete"), ==,
                   ADW_RESPONSE_DESTRUCTIVE);
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "cancel");
  save_png (GTK_WIDGET (dialog), "preferences-template-delete-dialog.png");
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  rempart_ui_test_iterate_a_little ();
  kept = stored_template (f, "user-familles");
  g_assert_nonnull (kept);
  g_assert_nonnull (find_template_row (f, TEMPLATE_TITLE));

  /* Delete removes it from the store, then from the list; the other one stays. */
  g_signal_emit_by_name (
      rempart_ui_test_find_button (GTK_WIDGET (find_template_row (f, TEMPLATE_TITLE)), "Delete"),
      "clicked");
  g_assert_true (rempart_ui_test_iterate_until (rempart_ui_test_message_dialog_is_shown, NULL));
  dialog = rempart_ui_test_find_message_dialog ();
  adw_message_dialog_response (dialog, "delete");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_true (rempart_ui_test_iterate_until (template_row_is_gone, &q));
  gone = stored_template (f, "user-familles");
  g_assert_null (gone);
  other = stored_template (f, "user-chiffres");
  g_assert_nonnull (other);
  g_assert_nonnull (find_template_row (f, OTHER_TITLE));

  /* Deleting the last one shows the empty state. */
  q.title = OTHER_TITLE;
  g_signal_emit_by_name (
      rempart_ui_test_find_button (GTK_WIDGET (find_template_row (f, OTHER_TITLE)), "Delete"),
      "clicked");
  g_assert_true (rempart_ui_test_iterate_until (rempart_ui_test_message_dialog_is_shown, NULL));
  dialog = rempart_ui_test_find_message_dialog ();
  adw_message_dialog_response (dialog, "delete");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_true (rempart_ui_test_iterate_until (empty_state_is_shown, f));
}

/* -------------------------------------------------------------------------------------- */
/* Main                                                                                   */
/* -------------------------------------------------------------------------------------- */

int
main (int argc, char *argv[])
{
  g_autofree char *data_home = preferences_test_init (&argc, &argv);

  PREFERENCES_TEST_ADD ("templates-empty", test_templates_empty);
  PREFERENCES_TEST_ADD ("templates-list", test_templates_list);
  PREFERENCES_TEST_ADD ("templates-edit", test_templates_edit);
  PREFERENCES_TEST_ADD ("templates-edit-back", test_templates_edit_back);
  PREFERENCES_TEST_ADD ("templates-delete", test_templates_delete);

  return preferences_test_run (data_home);
}
