/* test-composer.c: the reply composer on a real store file
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "rempart-action-item.h"
#include "rempart-application.h"
#include "rempart-composer-private.h"
#include "rempart-composer.h"
#include "rempart-feed-parser.h"
#include "rempart-i18n.h"
#include "rempart-page-private.h"
#include "rempart-store.h"
#include "rempart-template.h"
#include "rempart-tone.h"

/* -------------------------------------------------------------------------------------- */
/* Shared with the other page test (kept in each file: one source per test program)       */
/* -------------------------------------------------------------------------------------- */

#define EXAMPLE_FEED_URL "https://example.org/jesuisla/feed.json"
#define MIGRANTS_ID      "2026-05-02-migrants-chiffres"
#define MIGRANTS_THREAD  "https://www.facebook.com/example.news/posts/1234567890"

/* One registered application for the whole program, as in test-window.c. */
static RempartApplication *application;
static char *data_home;
static GPtrArray *launched; /* the URIs "opened", see fake_launcher() */

/* Runs the main context until @done returns TRUE, for at most five seconds. */
static gboolean
iterate_until (gboolean (*done) (gpointer data), gpointer data)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (!done (data))
    {
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }

  return TRUE;
}

static void
iterate_for (guint ms)
{
  gint64 deadline = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < deadline)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static gboolean
widget_is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (data));
}

static gboolean
widget_is_drawn (gpointer data)
{
  GtkWidget *widget = data;

  return gtk_widget_get_mapped (widget) && gtk_widget_get_width (widget) > 0 &&
         gtk_widget_get_height (widget) > 0;
}

static void
save_png (GtkWidget *widget, const char *name)
{
  g_autoptr (GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr (GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr (GskRenderNode) node = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  GskRenderer *renderer;

  g_assert_true (iterate_until (widget_is_drawn, widget));
  iterate_for (150);

  gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (widget),
                          gtk_widget_get_height (widget));
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);

  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  texture = gsk_renderer_render_texture (renderer, node, NULL);
  g_assert_cmpint (gdk_texture_get_width (texture), >=, 200);

  path = g_test_build_filename (G_TEST_BUILT, name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("saved %s", path);
}

static void
fake_launcher (GtkWidget *widget, const char *uri, gpointer user_data)
{
  g_ptr_array_add (launched, g_strdup (uri));
}

static gboolean
was_launched (const char *uri)
{
  for (guint i = 0; i < launched->len; i++)
    if (g_strcmp0 (g_ptr_array_index (launched, i), uri) == 0)
      return TRUE;

  return FALSE;
}

static RempartFeed *
parse_feed (GBytes *bytes)
{
  g_autoptr (GError) error = NULL;
  RempartFeed *feed = rempart_feed_parse (bytes, "test feed", &error);

  g_assert_no_error (error);
  g_assert_nonnull (feed);

  return feed;
}

/* Adds a subscription and imports @bytes into it, as a sync would. */
static RempartSubscription *
import_feed (RempartStore *store, const char *url, GBytes *bytes)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RempartFeed) feed = parse_feed (bytes);
  RempartSubscription *sub = rempart_store_add_subscription_sync (store, url, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (sub);
  g_assert_true (rempart_store_import_feed_sync (store, sub, feed, NULL, &error));
  g_assert_no_error (error);

  return sub;
}

static GBytes *
read_example_feed (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (g_getenv ("REMPART_SOURCE_ROOT"), "tests", "unit",
                                            "feeds", "example.json", NULL);
  char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);

  return g_bytes_new_take (contents, length);
}

static RempartStore *
open_store (void)
{
  static guint counter;
  g_autoptr (GError) error = NULL;
  g_autofree char *name = g_strdup_printf ("test-%u.db", ++counter);
  g_autofree char *path = g_build_filename (data_home, name, NULL);
  RempartStore *store = rempart_store_open_sync (path, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);

  return store;
}

/* Returns: (transfer full): the stored action @id of @url, straight from the store */
static RempartStoredAction *
find_stored (RempartStore *store, const char *url, const char *id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) actions =
      rempart_store_list_actions_sync (store, REMPART_ACTION_VIEW_ALL, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < actions->len; i++)
    {
      RempartStoredAction *stored = g_ptr_array_index (actions, i);

      if (g_strcmp0 (stored->subscription_url, url) == 0 &&
          g_strcmp0 (rempart_action_get_id (stored->action), id) == 0)
        return rempart_stored_action_copy (stored);
    }

  g_assert_not_reached ();
  return NULL;
}

static RempartFeedInfo *
get_info (RempartStore *store, gint64 subscription_id)
{
  g_autoptr (GError) error = NULL;
  RempartFeedInfo *info = rempart_store_get_feed_info_sync (store, subscription_id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (info);

  return info;
}

/* A toast overlay, as in the real window, so that errors have somewhere to go. */
static GtkWindow *
window_new (GtkWidget *child, int width, int height)
{
  GtkWidget *window = adw_window_new ();
  GtkWidget *overlay = adw_toast_overlay_new ();

  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), child);
  adw_window_set_content (ADW_WINDOW (window), overlay);
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_set_application (GTK_WINDOW (window), GTK_APPLICATION (application));
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (iterate_until (widget_is_mapped, child));

  return GTK_WINDOW (window);
}

static gboolean
window_is_narrow (gpointer data)
{
  int width = gtk_widget_get_width (GTK_WIDGET (data));

  return width > 0 && width <= 360;
}

static void
check_narrow (GtkWindow *window, const char *png)
{
  int minimum;

  gtk_window_set_default_size (window, 360, 720);
  g_assert_true (iterate_until (window_is_narrow, window));
  gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL,
                      NULL);
  g_assert_cmpint (minimum, <=, 360);
  save_png (GTK_WIDGET (window), png);
}

static void
set_dark (gboolean dark)
{
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                           : ADW_COLOR_SCHEME_DEFAULT);
}

static int
run_tests (const char *prefix)
{
  g_autoptr (GError) error = NULL;
  int ret;

  application = rempart_application_new ();
  /* Several test programs share one session bus: do not fight over the name. */
  g_application_set_flags (G_APPLICATION (application), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (application), NULL, &error);
  g_assert_no_error (error);

  launched = g_ptr_array_new_with_free_func (g_free);
  rempart_page_set_uri_launcher (fake_launcher, NULL);

  ret = g_test_run ();

  g_clear_pointer (&launched, g_ptr_array_unref);
  g_clear_object (&application);

  return ret;
}

static void
init_environment (int *argc, char ***argv, const char *name)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *template = g_strdup_printf ("rempart-ui-%s-XXXXXX", name);
  g_autofree char *data_dir = NULL;

  /* Never the developer's own data: a private data dir, set before GLib caches it. */
  data_home = g_dir_make_tmp (template, &error);
  g_assert_no_error (error);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  /* The tone and template packs of the source tree. */
  data_dir = g_build_filename (g_getenv ("REMPART_SOURCE_ROOT"), "data", NULL);
  g_setenv ("REMPART_DATA_DIR", data_dir, TRUE);

  /* As the app does: the tests can then also be looked at in another language. */
  rempart_i18n_init ();
  gtk_test_init (argc, argv, NULL);
  adw_init ();
}

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

#define INSULT_TEXT "#jesuislà Tu es un connard."
#define KIND_TEXT                                                                                 \
  "#jesuislà Derrière ce sujet, il y a des familles qui vivent ici depuis longtemps. Merci de " \
  "prendre le temps de lire leurs témoignages avant de juger."

/* -------------------------------------------------------------------------------------- */
/* Fixture                                                                                */
/* -------------------------------------------------------------------------------------- */

typedef struct
{
  RempartStore *store;
  RempartSubscription *sub;
  RempartActionItem *item;
  RempartFeedInfo *info;
  RempartComposer *composer;
  GtkWindow *window;
} Fixture;

static gboolean
composer_is_ready (gpointer data)
{
  return rempart_composer_is_ready (REMPART_COMPOSER (data));
}

static RempartComposer *
composer_new (Fixture *fixture, GtkWindow **out_window)
{
  RempartComposer *composer = REMPART_COMPOSER (rempart_composer_new ());

  rempart_composer_set_item (composer, fixture->store, fixture->item, fixture->info);
  *out_window = window_new (GTK_WIDGET (composer), 800, 1000);
  g_assert_true (iterate_until (composer_is_ready, composer));

  return composer;
}

static void
fixture_set_up (Fixture *fixture, gconstpointer user_data)
{
  g_autoptr (GBytes) bytes = read_example_feed ();
  g_autoptr (RempartStoredAction) stored = NULL;

  fixture->store = open_store ();
  fixture->sub = import_feed (fixture->store, EXAMPLE_FEED_URL, bytes);
  stored = find_stored (fixture->store, EXAMPLE_FEED_URL, MIGRANTS_ID);
  fixture->item = rempart_action_item_new (stored);
  fixture->info = get_info (fixture->store, fixture->sub->id);
  g_ptr_array_set_size (launched, 0);

  fixture->composer = composer_new (fixture, &fixture->window);
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer user_data)
{
  if (fixture->window != NULL)
    gtk_window_destroy (fixture->window);
  while (g_main_context_iteration (NULL, FALSE))
    ;

  set_dark (FALSE);
  g_clear_object (&fixture->item);
  g_clear_pointer (&fixture->info, rempart_feed_info_free);
  g_clear_pointer (&fixture->sub, rempart_subscription_free);
  rempart_store_close (fixture->store);
  g_clear_object (&fixture->store);
}

static GtkWidget *
child (RempartComposer *composer, const char *name)
{
  GObject *object =
      gtk_widget_get_template_child (GTK_WIDGET (composer), REMPART_TYPE_COMPOSER, name);

  g_assert_true (GTK_IS_WIDGET (object));
  return GTK_WIDGET (object);
}

static GtkTextBuffer *
buffer (RempartComposer *composer)
{
  return gtk_text_view_get_buffer (GTK_TEXT_VIEW (child (composer, "text_view")));
}

/* Types as a person would: through the buffer the text view shows. */
static void
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

static gboolean
has_hints (gpointer data)
{
  GPtrArray *hints = rempart_composer_get_hints (REMPART_COMPOSER (data));

  return hints != NULL && hints->len > 0;
}

static gboolean
has_tag_at (GtkTextBuffer *b, const char *tag_name, int offset)
{
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (b), tag_name);
  GtkTextIter iter;

  g_assert_nonnull (tag);
  gtk_text_buffer_get_iter_at_offset (b, &iter, offset);
  return gtk_text_iter_has_tag (&iter, tag);
}

static RempartStoredAction *
stored (Fixture *fixture)
{
  return find_stored (fixture->store, EXAMPLE_FEED_URL, MIGRANTS_ID);
}

static RempartDraft *
stored_draft (Fixture *fixture)
{
  g_autoptr (GError) error = NULL;
  RempartDraft *draft =
      rempart_store_load_draft_sync (fixture->store, EXAMPLE_FEED_URL, MIGRANTS_ID, &error);

  g_assert_no_error (error);
  return draft;
}

static void
on_signal (RempartComposer *composer, guint *count)
{
  (*count)++;
}

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
  save_png (child (fixture->composer, "template_popover"), "composer-templates.png");
  gtk_menu_button_popdown (GTK_MENU_BUTTON (child (fixture->composer, "template_button")));
}

static void
test_missing_source (Fixture *fixture, gconstpointer user_data)
{
  g_autoptr (GBytes) bytes = g_bytes_new_static (no_source_feed, strlen (no_source_feed));
  g_autoptr (RempartSubscription) sub = import_feed (fixture->store, NO_SOURCE_FEED_URL, bytes);
  g_autoptr (RempartStoredAction) other =
      find_stored (fixture->store, NO_SOURCE_FEED_URL, "sans-source");
  g_autoptr (RempartActionItem) item = rempart_action_item_new (other);
  g_autoptr (RempartFeedInfo) info = get_info (fixture->store, sub->id);
  g_autofree char *text = NULL;
  const char *brace;
  int offset;

  rempart_composer_set_item (fixture->composer, fixture->store, item, info);
  g_assert_true (iterate_until (composer_is_ready, fixture->composer));
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
test_tone_insult (Fixture *fixture, gconstpointer user_data)
{
  GtkTextBuffer *b = buffer (fixture->composer);
  RempartToneHint *warning = NULL;
  GPtrArray *hints;
  const char *insult = strstr (INSULT_TEXT, "connard");
  glong insult_start = g_utf8_pointer_to_offset (INSULT_TEXT, insult);

  type_text (fixture->composer, INSULT_TEXT);
  /* The check runs by itself after a short pause. */
  g_assert_true (iterate_until (has_hints, fixture->composer));
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
  g_assert_true (gtk_widget_get_visible (child (fixture->composer, "hints_list")));
  g_assert_nonnull (
      gtk_list_box_get_row_at_index (GTK_LIST_BOX (child (fixture->composer, "hints_list")), 0));
  g_assert_true (gtk_widget_is_sensitive (child (fixture->composer, "copy_button")));
  g_assert_true (gtk_widget_is_sensitive (child (fixture->composer, "queue_button")));
  g_assert_true (gtk_widget_is_sensitive (child (fixture->composer, "posted_button")));

  save_png (GTK_WIDGET (fixture->window), "composer-hints.png");

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
  iterate_for (400);
  hints = rempart_composer_get_hints (fixture->composer);
  for (guint i = 0; hints != NULL && i < hints->len; i++)
    {
      RempartToneHint *hint = g_ptr_array_index (hints, i);

      g_test_message ("unexpected hint %s: %s", hint->rule, hint->message);
    }
  g_assert_nonnull (hints);
  g_assert_cmpuint (hints->len, ==, 0);
  g_assert_false (gtk_widget_get_visible (child (fixture->composer, "hints_list")));
  expected = g_strdup_printf ("%ld characters", g_utf8_strlen (KIND_TEXT, -1));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (child (fixture->composer, "count_label"))), ==,
                   expected);
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

  second = composer_new (fixture, &window);
  restored = rempart_composer_get_text (second);
  g_assert_cmpstr (restored, ==, KIND_TEXT);
  fixture->window = window;
}

static void
test_autosave_while_typing (Fixture *fixture, gconstpointer user_data)
{
  g_autoptr (RempartDraft) draft = NULL;

  type_text (fixture->composer, "#jesuislà Bonjour");
  /* The saver writes within a second of the first change, without any flush. */
  iterate_for (1300);
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
  g_assert_true (was_launched (MIGRANTS_THREAD));
  g_assert_true (gtk_widget_get_visible (child (fixture->composer, "done_label")));

  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (GTK_WIDGET (fixture->composer)), NULL,
                                 clipboard_read_cb, &read);
  g_assert_true (iterate_until (read_done, &read));
  g_assert_cmpstr (read.text, ==, KIND_TEXT);
  g_free (read.text);

  after = stored (fixture);
  g_assert_true (after->state & REMPART_ACTION_STATE_JOINED);
  g_assert_true (after->state & REMPART_ACTION_STATE_OPENED);
  g_assert_false (after->state & REMPART_ACTION_STATE_POSTED);
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
test_dark (Fixture *fixture, gconstpointer user_data)
{
  set_dark (TRUE);
  type_text (fixture->composer, INSULT_TEXT);
  g_assert_true (iterate_until (has_hints, fixture->composer));
  save_png (GTK_WIDGET (fixture->window), "composer-dark.png");
}

static void
test_narrow (Fixture *fixture, gconstpointer user_data)
{
  g_assert_true (rempart_composer_apply_template (fixture->composer, "facts-first"));
  g_assert_true (iterate_until (has_hints, fixture->composer));
  check_narrow (fixture->window, "composer-360.png");
}

int
main (int argc, char *argv[])
{
  init_environment (&argc, &argv, "composer");

#define ADD(name, func) \
  g_test_add ("/composer/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("templates", test_templates);
  ADD ("missing-source", test_missing_source);
  ADD ("tone-insult", test_tone_insult);
  ADD ("tone-kind", test_tone_kind);
  ADD ("autosave", test_autosave);
  ADD ("autosave-while-typing", test_autosave_while_typing);
  ADD ("queue", test_queue);
  ADD ("posted", test_posted);
  ADD ("copy-and-open", test_copy_and_open);
  ADD ("accessible", test_accessible);
  ADD ("dark", test_dark);
  ADD ("narrow", test_narrow);
#undef ADD

  return run_tests ("composer");
}
