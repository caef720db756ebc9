/* test-composer.c: the reply composer on a real store file
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "rempart-composer-brief.h"
#include "rempart-template.h"
#include "test-composer-fixture.h"

/* A racism action without sources: {source} has nothing to become. */
#define NO_SOURCE_FEED_URL "https://example.org/sans-source/feed.json"
static const char no_source_feed[] =
    "{\"version\": \"https://jsonfeed.org/version/1.1\", \"title\": \"Sans source\","
    " \"language\": \"fr\","
    " \"_rempart\": {\"schema\": 1, \"hashtag\": \"#jesuislà\", \"hashtag_position\": \"start\","
    "  \"templates\": [{\"id\": \"chiffres\", \"title\": \"Chiffres\", \"language\": \"fr\","
    "   \"topics\": [\"racism\"], \"body\": \"{hashtag} Voici la source : {source}.\"}]},"
    " \"items\": [{\"id\": \"sans-source\", \"url\": \"https://example.org/fil\","
    "  \"title\": \"Un fil sans source\", \"content_text\": \"Répondre calmement.\","
    "  \"language\": \"fr\", \"_rempart\": {\"topic\": \"racism\"}}]}";

/* -------------------------------------------------------------------------------------- */
/* Tests                                                                                  */
/* -------------------------------------------------------------------------------------- */

static void
test_templates (Fixture *fixture, gconstpointer user_data)
{
  GPtrArray *templates = rempart_composer_get_templates (fixture->composer);
  g_autofree char *text = NULL;

  /* The group's templates first: they were written for today's threads. */
  g_assert_nonnull (templates);
  g_assert_cmpuint (templates->len, >, 1);
  g_assert_cmpstr (rempart_template_get_id (g_ptr_array_index (templates, 0)), ==, "facts-first");

  g_assert_true (rempart_composer_apply_template (fixture->composer, "facts-first"));
  text = rempart_composer_get_text (fixture->composer);
  g_assert_true (g_str_has_prefix (text, "#jesuislà "));
  g_assert_nonnull (strstr (text, "https://www.insee.fr/fr/statistiques/6793232"));
  g_assert_null (strstr (text, "{source}"));
  g_assert_false (rempart_composer_apply_template (fixture->composer, "no-such-template"));

  /* The template list shows title and "when to use". */
  gtk_menu_button_popup (GTK_MENU_BUTTON (child (fixture->composer, "template_button")));
  rempart_page_test_save_png (child (fixture->composer, "template_popover"),
                              "composer-templates.png");
  gtk_menu_button_popdown (GTK_MENU_BUTTON (child (fixture->composer, "template_button")));
}

typedef struct
{
  RempartComposer *composer;
  const char *title;
} TemplateQuery;

static RempartTemplate *
find_offered (RempartComposer *composer, const char *title)
{
  GPtrArray *templates = rempart_composer_get_templates (composer);

  for (guint i = 0; templates != NULL && i < templates->len; i++)
    if (g_strcmp0 (rempart_template_get_title (g_ptr_array_index (templates, i)), title) == 0)
      return g_ptr_array_index (templates, i);
  return NULL;
}

static gboolean
template_is_offered (gpointer data)
{
  TemplateQuery *q = data;

  return find_offered (q->composer, q->title) != NULL;
}

static RempartUserTemplate *
find_stored_template (Fixture *fixture, const char *title)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) list = rempart_store_list_user_templates_sync (fixture->store, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < list->len; i++)
    {
      RempartUserTemplate *tmpl = g_ptr_array_index (list, i);

      if (g_strcmp0 (tmpl->title, title) == 0)
        return rempart_user_template_copy (tmpl);
    }
  return NULL;
}

static void
test_save_as_template (Fixture *fixture, gconstpointer user_data)
{
  GtkWidget *button = child (fixture->composer, "save_template_button");
  g_autoptr (RempartUserTemplate) saved = NULL;
  TemplateQuery q = { fixture->composer, "Familles d’ici" };
  RempartTemplate *offered;
  AdwMessageDialog *dialog;
  GtkEditable *entry;

  /* Nothing to save yet. */
  g_assert_false (gtk_widget_is_sensitive (button));
  type_text (fixture->composer, "   \n ");
  g_assert_false (gtk_widget_is_sensitive (button));

  type_text (fixture->composer, KIND_TEXT);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  g_assert_true (rempart_ui_test_iterate_until (rempart_ui_test_message_dialog_is_shown, NULL));
  dialog = rempart_ui_test_find_message_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Save as Template");

  /* A title is needed, and a blank one is not a title. */
  entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "save"));
  gtk_editable_set_text (entry, "  ");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "save"));
  gtk_editable_set_text (entry, "  Familles d’ici ");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "save"));
  rempart_page_test_save_png (GTK_WIDGET (dialog), "composer-save-template.png");
  rempart_page_test_set_dark (TRUE);
  rempart_page_test_save_png (GTK_WIDGET (dialog), "composer-save-template-dark.png");
  rempart_page_test_set_dark (FALSE);

  adw_message_dialog_response (dialog, "save");
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* It is in the composer's list under Your Templates... */
  g_assert_true (rempart_ui_test_iterate_until (template_is_offered, &q));
  offered = find_offered (fixture->composer, q.title);
  g_assert_cmpint (rempart_template_get_origin (offered), ==, REMPART_TEMPLATE_ORIGIN_USER);
  g_assert_cmpstr (rempart_template_get_body (offered), ==, KIND_TEXT);

  /* ...and in the store, for this action's topic and language. */
  saved = find_stored_template (fixture, q.title);
  g_assert_nonnull (saved);
  g_assert_cmpstr (saved->body, ==, KIND_TEXT);
  g_assert_cmpstr (saved->language, ==, "fr");
  g_assert_cmpuint (g_strv_length (saved->topics), ==, 1);
  g_assert_cmpstr (saved->topics[0], ==, "racism");
  g_assert_true (g_str_has_prefix (saved->id, "user-"));

  /* The reply itself is untouched. */
  {
    g_autofree char *text = rempart_composer_get_text (fixture->composer);

    g_assert_cmpstr (text, ==, KIND_TEXT);
  }
}

static void
test_save_as_template_cancel (Fixture *fixture, gconstpointer user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) list = NULL;
  AdwMessageDialog *dialog;

  type_text (fixture->composer, KIND_TEXT);
  g_assert_true (
      gtk_widget_activate_action (GTK_WIDGET (fixture->composer), "composer.save-template", NULL));
  g_assert_true (rempart_ui_test_iterate_until (rempart_ui_test_message_dialog_is_shown, NULL));
  dialog = rempart_ui_test_find_message_dialog ();
  gtk_editable_set_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog)), "Annulé");
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  rempart_ui_test_iterate_for (200);

  list = rempart_store_list_user_templates_sync (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 0);
}

static void
test_duplicate (Fixture *fixture, gconstpointer user_data)
{
  GtkWidget *list = child (fixture->composer, "template_list");
  RempartTemplate *builtin = NULL;
  GtkWidget *builtin_row = NULL;
  GtkWidget *button;
  g_autofree char *copy_title = NULL;
  g_autofree char *label = NULL;
  g_autoptr (RempartUserTemplate) saved = NULL;
  TemplateQuery q = { fixture->composer, NULL };
  RempartTemplate *copy;

  gtk_menu_button_popup (GTK_MENU_BUTTON (child (fixture->composer, "template_button")));
  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      RempartTemplate *tmpl = g_object_get_data (G_OBJECT (row), "rempart-template");

      /* The group's templates can be duplicated too, and nothing else can be edited. */
      if (tmpl != NULL && rempart_template_get_origin (tmpl) == REMPART_TEMPLATE_ORIGIN_FEED)
        g_assert_nonnull (rempart_ui_test_find_button (row, "Duplicate"));
      if (tmpl != NULL && builtin == NULL &&
          rempart_template_get_origin (tmpl) == REMPART_TEMPLATE_ORIGIN_BUILTIN)
        {
          builtin = tmpl;
          builtin_row = row;
        }
    }
  g_assert_nonnull (builtin);

  button = rempart_ui_test_find_button (builtin_row, "Duplicate");
  g_assert_nonnull (button);
  label = g_strdup_printf ("Duplicate “%s”", rempart_template_get_title (builtin));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       label);
  rempart_page_test_set_dark (TRUE);
  rempart_page_test_save_png (child (fixture->composer, "template_popover"),
                              "composer-templates-dark.png");
  rempart_page_test_set_dark (FALSE);

  g_signal_emit_by_name (button, "clicked");
  copy_title = g_strdup_printf ("Copy of %s", rempart_template_get_title (builtin));
  q.title = copy_title;
  g_assert_true (rempart_ui_test_iterate_until (template_is_offered, &q));

  copy = find_offered (fixture->composer, copy_title);
  g_assert_cmpint (rempart_template_get_origin (copy), ==, REMPART_TEMPLATE_ORIGIN_USER);
  g_assert_false (rempart_template_get_read_only (copy));
  g_assert_cmpstr (rempart_template_get_body (copy), ==, rempart_template_get_body (builtin));
  g_assert_cmpstr (rempart_template_get_id (copy), !=, rempart_template_get_id (builtin));
  saved = find_stored_template (fixture, copy_title);
  g_assert_nonnull (saved);
  g_assert_cmpstr (saved->body, ==, rempart_template_get_body (builtin));

  /* The volunteer's own rows have no Duplicate button: they edit them in Preferences. */
  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      RempartTemplate *tmpl = g_object_get_data (G_OBJECT (row), "rempart-template");

      if (tmpl != NULL && rempart_template_get_origin (tmpl) == REMPART_TEMPLATE_ORIGIN_USER)
        g_assert_null (rempart_ui_test_find_button (row, "Duplicate"));
    }

  gtk_menu_button_popup (GTK_MENU_BUTTON (child (fixture->composer, "template_button")));
  rempart_page_test_save_png (child (fixture->composer, "template_popover"),
                              "composer-templates-user.png");
  gtk_menu_button_popdown (GTK_MENU_BUTTON (child (fixture->composer, "template_button")));
}

static void
test_missing_source (Fixture *fixture, gconstpointer user_data)
{
  g_autoptr (GBytes) bytes = g_bytes_new_static (no_source_feed, strlen (no_source_feed));
  g_autoptr (RempartSubscription) sub =
      rempart_page_test_import_feed (fixture->store, NO_SOURCE_FEED_URL, bytes);
  g_autoptr (RempartStoredAction) other =
      rempart_page_test_find_stored (fixture->store, NO_SOURCE_FEED_URL, "sans-source");
  g_autoptr (RempartActionItem) item = rempart_action_item_new (other);
  g_autoptr (RempartFeedInfo) info = rempart_page_test_get_info (fixture->store, sub->id);
  g_autofree char *text = NULL;
  const char *brace;
  int offset;

  rempart_composer_set_item (fixture->composer, fixture->store, item, info);
  g_assert_true (rempart_ui_test_iterate_until (composer_is_ready, fixture->composer));
  g_assert_true (rempart_composer_apply_template (fixture->composer, "chiffres"));
  text = rempart_composer_get_text (fixture->composer);
  g_assert_cmpstr (text, ==, "#jesuislà Voici la source : {source}.");

  /* It stays visible and highlighted, with a word to say why. */
  brace = strstr (text, "{source}");
  offset = (int) g_utf8_pointer_to_offset (text, brace);
  g_assert_false (has_tag_at (buffer (fixture->composer), "placeholder", offset - 1));
  g_assert_true (has_tag_at (buffer (fixture->composer), "placeholder", offset));
  g_assert_true (has_tag_at (buffer (fixture->composer), "placeholder", offset + 7));
  g_assert_false (has_tag_at (buffer (fixture->composer), "placeholder", offset + 8));
  g_assert_true (gtk_widget_get_visible (child (fixture->composer, "placeholder_label")));
}

static void
test_autosave (Fixture *fixture, gconstpointer user_data)
{
  g_autoptr (RempartDraft) draft = NULL;
  g_autofree char *restored = NULL;
  GtkWindow *window = NULL;
  RempartComposer *second;

  type_text (fixture->composer, KIND_TEXT);

  /* Destroyed before any timer ran: dispose saves. */
  gtk_window_destroy (fixture->window);
  fixture->window = NULL;

  draft = stored_draft (fixture);
  g_assert_nonnull (draft);
  g_assert_cmpstr (draft->text, ==, KIND_TEXT);
  g_assert_false (draft->queued);

  second = composer_new (fixture, NULL, &window);
  restored = rempart_composer_get_text (second);
  g_assert_cmpstr (restored, ==, KIND_TEXT);
  fixture->window = window;
}

static gboolean
draft_is_stored (gpointer data)
{
  g_autoptr (RempartDraft) draft = stored_draft (data);

  return draft != NULL;
}

static void
test_autosave_while_typing (Fixture *fixture, gconstpointer user_data)
{
  g_autoptr (RempartDraft) draft = NULL;

  type_text (fixture->composer, "#jesuislà Bonjour");
  /* The saver writes within a second of the first change, without any flush: waited for
   * (two seconds, stretched by REMPART_TEST_TIME_FACTOR), never a fixed time, which a slow
   * sanitizer run overshot. */
  g_assert_true (rempart_ui_test_iterate_until_timeout (draft_is_stored, fixture, 2));
  draft = stored_draft (fixture);
  g_assert_nonnull (draft);
  g_assert_cmpstr (draft->text, ==, "#jesuislà Bonjour");
}

static void
test_queue (Fixture *fixture, gconstpointer user_data)
{
  g_autoptr (RempartDraft) draft = NULL;
  g_autoptr (RempartStoredAction) after = NULL;
  guint queued = 0;

  g_signal_connect (fixture->composer, "queued", G_CALLBACK (on_signal), &queued);
  type_text (fixture->composer, KIND_TEXT);
  g_assert_true (
      gtk_widget_activate_action (GTK_WIDGET (fixture->composer), "composer.queue", NULL));
  g_assert_cmpuint (queued, ==, 1);
  g_assert_true (rempart_action_item_get_queued (fixture->item));

  /* The store's single worker runs jobs in order: the save and the state are done. */
  draft = stored_draft (fixture);
  g_assert_nonnull (draft);
  g_assert_true (draft->queued);
  g_assert_cmpstr (draft->text, ==, KIND_TEXT);
  after = stored (fixture);
  g_assert_true (after->state & REMPART_ACTION_STATE_JOINED);
  g_assert_false (after->state & REMPART_ACTION_STATE_POSTED);
}

static void
test_posted (Fixture *fixture, gconstpointer user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RempartStoredAction) after = NULL;
  g_autoptr (RempartDraft) draft = NULL;
  guint posted = 0;
  guint count = 0;

  g_assert_true (rempart_store_count_events_sync (fixture->store, REMPART_ACTION_STATE_POSTED, 0,
                                                  &count, &error));
  g_assert_cmpuint (count, ==, 0);

  g_signal_connect (fixture->composer, "posted", G_CALLBACK (on_signal), &posted);
  type_text (fixture->composer, KIND_TEXT);
  g_assert_true (
      gtk_widget_activate_action (GTK_WIDGET (fixture->composer), "composer.queue", NULL));
  g_assert_true (
      gtk_widget_activate_action (GTK_WIDGET (fixture->composer), "composer.mark-posted", NULL));
  g_assert_cmpuint (posted, ==, 1);

  after = stored (fixture);
  g_assert_true (after->state & REMPART_ACTION_STATE_POSTED);
  g_assert_true (rempart_store_count_events_sync (fixture->store, REMPART_ACTION_STATE_POSTED, 0,
                                                  &count, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count, ==, 1);

  /* Posted replies leave the queue; the text stays as a record. */
  draft = stored_draft (fixture);
  g_assert_false (draft->queued);
  g_assert_cmpstr (draft->text, ==, KIND_TEXT);
}

typedef struct
{
  char *text;
  gboolean done;
} ClipboardRead;

static void
clipboard_read_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  ClipboardRead *read = user_data;

  read->text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, NULL);
  read->done = TRUE;
}

static gboolean
read_done (gpointer data)
{
  return ((ClipboardRead *) data)->done;
}

static void
test_copy_and_open (Fixture *fixture, gconstpointer user_data)
{
  g_autoptr (RempartStoredAction) after = NULL;
  ClipboardRead read = { NULL, FALSE };

  type_text (fixture->composer, KIND_TEXT);
  g_assert_true (
      gtk_widget_activate_action (GTK_WIDGET (fixture->composer), "composer.copy-and-open", NULL));
  g_assert_true (rempart_page_test_was_launched (MIGRANTS_THREAD));
  g_assert_true (gtk_widget_get_visible (child (fixture->composer, "done_label")));

  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (GTK_WIDGET (fixture->composer)), NULL,
                                 clipboard_read_cb, &read);
  g_assert_true (rempart_ui_test_iterate_until (read_done, &read));
  g_assert_cmpstr (read.text, ==, KIND_TEXT);
  g_free (read.text);

  after = stored (fixture);
  g_assert_true (after->state & REMPART_ACTION_STATE_JOINED);
  g_assert_true (after->state & REMPART_ACTION_STATE_OPENED);
  g_assert_false (after->state & REMPART_ACTION_STATE_POSTED);
}

/* An empty reply cannot be copied, queued or marked as posted, and the composer says why. */
static void
test_empty_reply (Fixture *fixture, gconstpointer user_data)
{
  GtkWidget *text_view = child (fixture->composer, "text_view");
  GtkWidget *why = child (fixture->composer, "empty_label");
  const char *blanks[] = { "", "  \n\t " };
  guint queued = 0, posted = 0;

  g_signal_connect (fixture->composer, "queued", G_CALLBACK (on_signal), &queued);
  g_signal_connect (fixture->composer, "posted", G_CALLBACK (on_signal), &posted);

  for (guint i = 0; i < G_N_ELEMENTS (blanks); i++)
    {
      type_text (fixture->composer, blanks[i]);
      g_assert_false (gtk_widget_get_sensitive (child (fixture->composer, "queue_button")));
      g_assert_false (gtk_widget_get_sensitive (child (fixture->composer, "posted_button")));
      g_assert_false (gtk_widget_get_sensitive (child (fixture->composer, "copy_button")));
      g_assert_true (gtk_widget_get_visible (why));

      /* The shortcuts do nothing either. */
      g_assert_true (gtk_widget_grab_focus (text_view));
      rempart_ui_test_press_key (text_view, GDK_KEY_s, GDK_CONTROL_MASK);
      rempart_ui_test_press_key (text_view, GDK_KEY_p, GDK_CONTROL_MASK | GDK_SHIFT_MASK);
      gtk_widget_activate_action (GTK_WIDGET (fixture->composer), "composer.queue", NULL);
      gtk_widget_activate_action (GTK_WIDGET (fixture->composer), "composer.mark-posted", NULL);
      rempart_ui_test_iterate_a_little ();
      g_assert_cmpuint (queued, ==, 0);
      g_assert_cmpuint (posted, ==, 0);
      g_assert_false (rempart_action_item_get_queued (fixture->item));
      g_assert_false (rempart_action_item_get_state (fixture->item) & REMPART_ACTION_STATE_POSTED);
    }

  type_text (fixture->composer, KIND_TEXT);
  g_assert_true (gtk_widget_get_sensitive (child (fixture->composer, "queue_button")));
  g_assert_true (gtk_widget_get_sensitive (child (fixture->composer, "posted_button")));
  g_assert_false (gtk_widget_get_visible (why));
  g_assert_true (rempart_ui_test_press_key (text_view, GDK_KEY_s, GDK_CONTROL_MASK));
  g_assert_cmpuint (queued, ==, 1);
}

static void
test_accessible (Fixture *fixture, gconstpointer user_data)
{
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (child (fixture->composer, "text_view")),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Reply");
  /* Tab leaves the reply instead of inserting a tab: keyboard users can reach the buttons. */
  g_assert_false (
      gtk_text_view_get_accepts_tab (GTK_TEXT_VIEW (child (fixture->composer, "text_view"))));
}

static void
test_narrow (Fixture *fixture, gconstpointer user_data)
{
  g_assert_true (rempart_composer_apply_template (fixture->composer, "facts-first"));
  g_assert_true (rempart_ui_test_iterate_until (has_hints, fixture->composer));
  rempart_page_test_check_narrow (fixture->window, "composer-360.png");
}

static GtkWidget *
brief_child (RempartComposer *composer, const char *name)
{
  GObject *object =
      gtk_widget_get_template_child (child (composer, "brief"), REMPART_TYPE_COMPOSER_BRIEF, name);

  g_assert_true (GTK_IS_WIDGET (object));
  return GTK_WIDGET (object);
}

static gboolean
reply_is_editable (gpointer data)
{
  return gtk_widget_is_sensitive (child (data, "text_view"));
}

typedef struct
{
  RempartStore *store;
  const char *id;
  const char *text;
} DraftWait;

static gboolean
draft_has_text (gpointer data)
{
  DraftWait *wait = data;
  g_autoptr (RempartDraft) draft =
      rempart_store_load_draft_sync (wait->store, ROWS_URL, wait->id, NULL);

  return draft != NULL && g_strcmp0 (draft->text, wait->text) == 0;
}

/* An item of the list holds only the list's fields: the reply can be written as soon as its
 * draft is in, and the brief, the arguments and the templates of the action's language come
 * when the whole action is read. */
static void
test_row_item (Fixture *fixture, gconstpointer user_data)
{
  g_autoptr (RempartActionModel) model = NULL;
  RempartActionItem *item;
  DraftWait wait = { fixture->store, "s1", "#jesuislà Merci" };

  rempart_page_test_import_rows (fixture->store, 1, 3, "");
  model = rempart_page_test_rows_model (fixture->store);
  item = rempart_page_test_row_item (model, "s1");

  rempart_composer_set_item (fixture->composer, fixture->store, item, fixture->info);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (child (fixture->composer, "title_label"))), ==,
                   "Row 1");
  g_assert_false (gtk_widget_get_visible (brief_child (fixture->composer, "empty_label")));
  g_assert_true (rempart_ui_test_iterate_until (reply_is_editable, fixture->composer));
  type_text (fixture->composer, wait.text);
  g_assert_true (rempart_ui_test_iterate_until (composer_is_ready, fixture->composer));

  g_assert_true (rempart_action_item_has_details (item));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (brief_child (fixture->composer, "brief_label"))),
                   ==, "Brief s1");
  g_assert_true (gtk_widget_get_visible (brief_child (fixture->composer, "arguments_group")));
  g_assert_false (gtk_widget_get_visible (brief_child (fixture->composer, "error_label")));
  g_assert_nonnull (rempart_composer_get_templates (fixture->composer));
  g_assert_cmpuint (rempart_composer_get_templates (fixture->composer)->len, >, 0);
  g_assert_true (rempart_ui_test_iterate_until_timeout (draft_has_text, &wait, 2));
}

/* After another action, whose language packs the composer still holds: no template is
 * offered from the list's fields alone (it would fill {source} and {argument} with nothing),
 * only once the whole action is read. */
static void
test_row_item_templates_wait (Fixture *fixture, gconstpointer user_data)
{
  g_autoptr (RempartActionModel) model = NULL;
  GPtrArray *templates;

  rempart_composer_set_item (fixture->composer, fixture->store, fixture->item, fixture->info);
  g_assert_true (rempart_ui_test_iterate_until (composer_is_ready, fixture->composer));
  g_assert_cmpuint (rempart_composer_get_templates (fixture->composer)->len, >, 0);

  rempart_page_test_import_rows (fixture->store, 1, 3, "");
  model = rempart_page_test_rows_model (fixture->store);
  rempart_composer_set_item (fixture->composer, fixture->store,
                             rempart_page_test_row_item (model, "s1"), fixture->info);
  templates = rempart_composer_get_templates (fixture->composer);
  g_assert_true (templates == NULL || templates->len == 0);
  g_assert_null (gtk_widget_get_first_child (child (fixture->composer, "template_list")));

  g_assert_true (rempart_ui_test_iterate_until (composer_is_ready, fixture->composer));
  g_assert_cmpuint (rempart_composer_get_templates (fixture->composer)->len, >, 0);
}

/* The action left the store after the list was read: the brief says so, and the reply is
 * still written and kept. */
static void
test_row_item_missing (Fixture *fixture, gconstpointer user_data)
{
  g_autoptr (RempartActionModel) model = NULL;
  g_autoptr (RempartActionItem) item = NULL;
  GtkWidget *error_label;
  DraftWait wait = { fixture->store, "s2", "#jesuislà Merci quand même" };

  rempart_page_test_import_rows (fixture->store, 1, 3, "");
  model = rempart_page_test_rows_model (fixture->store);
  item = g_object_ref (rempart_page_test_row_item (model, "s2"));
  rempart_page_test_import_rows (fixture->store, 2, 2, "");

  rempart_composer_set_item (fixture->composer, fixture->store, item, fixture->info);
  g_assert_true (rempart_ui_test_iterate_until (composer_is_ready, fixture->composer));
  error_label = brief_child (fixture->composer, "error_label");
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (error_label)), "“s2”"));
  g_assert_false (gtk_widget_get_visible (brief_child (fixture->composer, "brief_box")));
  g_assert_false (gtk_widget_get_visible (brief_child (fixture->composer, "empty_label")));

  g_assert_true (reply_is_editable (fixture->composer));
  type_text (fixture->composer, wait.text);
  g_assert_true (rempart_ui_test_iterate_until_timeout (draft_has_text, &wait, 2));
  rempart_page_test_save_png (GTK_WIDGET (fixture->window), "composer-missing.png");
}

int
main (int argc, char *argv[])
{
  rempart_page_test_init (&argc, &argv, "composer");

#define ADD(name, func) \
  g_test_add ("/composer/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("templates", test_templates);
  ADD ("save-as-template", test_save_as_template);
  ADD ("save-as-template-cancel", test_save_as_template_cancel);
  ADD ("duplicate", test_duplicate);
  ADD ("missing-source", test_missing_source);
  ADD ("autosave", test_autosave);
  ADD ("autosave-while-typing", test_autosave_while_typing);
  ADD ("queue", test_queue);
  ADD ("posted", test_posted);
  ADD ("copy-and-open", test_copy_and_open);
  ADD ("empty-reply", test_empty_reply);
  ADD ("accessible", test_accessible);
  ADD ("narrow", test_narrow);
  ADD ("row-item", test_row_item);
  ADD ("row-item-missing", test_row_item_missing);
  ADD ("row-item-templates-wait", test_row_item_templates_wait);
#undef ADD

  return rempart_page_test_run ();
}
