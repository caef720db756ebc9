/* test-action-page.c: the action page on a real store file
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "rempart-action-item.h"
#include "rempart-action-page.h"
#include "rempart-application.h"
#include "rempart-feed-parser.h"
#include "rempart-i18n.h"
#include "rempart-page-private.h"
#include "rempart-store.h"

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

/* -------------------------------------------------------------------------------------- */
/* Fixture                                                                                */
/* -------------------------------------------------------------------------------------- */

typedef struct
{
  RempartStore *store;
  RempartSubscription *sub;
  RempartActionItem *item;
  RempartFeedInfo *info;
  RempartActionPage *page;
  GtkWindow *window;
  GSettings *settings;
} Fixture;

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
  fixture->settings = g_settings_new (APPLICATION_ID);
  g_ptr_array_set_size (launched, 0);

  fixture->page = REMPART_ACTION_PAGE (rempart_action_page_new ());
  rempart_action_page_set_item (fixture->page, fixture->store, fixture->item, fixture->info);
  fixture->window = window_new (GTK_WIDGET (fixture->page), 800, 1000);
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer user_data)
{
  gtk_window_destroy (fixture->window);
  while (g_main_context_iteration (NULL, FALSE))
    ;

  set_dark (FALSE);
  g_settings_reset (fixture->settings, "excerpt-display");
  g_clear_object (&fixture->settings);
  g_clear_object (&fixture->item);
  g_clear_pointer (&fixture->info, rempart_feed_info_free);
  g_clear_pointer (&fixture->sub, rempart_subscription_free);
  rempart_store_close (fixture->store);
  g_clear_object (&fixture->store);
}

static GtkWidget *
child (Fixture *fixture, const char *name)
{
  GObject *object =
      gtk_widget_get_template_child (GTK_WIDGET (fixture->page), REMPART_TYPE_ACTION_PAGE, name);

  g_assert_true (GTK_IS_WIDGET (object));
  return GTK_WIDGET (object);
}

static const char *
label_text (Fixture *fixture, const char *name)
{
  return gtk_label_get_text (GTK_LABEL (child (fixture, name)));
}

static RempartActionState
stored_state (Fixture *fixture)
{
  g_autoptr (RempartStoredAction) stored =
      find_stored (fixture->store, EXAMPLE_FEED_URL, MIGRANTS_ID);

  return stored->state;
}

static void
collect_action_rows (GtkWidget *widget, GPtrArray *rows)
{
  if (ADW_IS_ACTION_ROW (widget))
    {
      g_ptr_array_add (rows, widget);
      return;
    }

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    collect_action_rows (c, rows);
}

typedef struct
{
  Fixture *fixture;
  RempartActionState flag;
} StateWait;

static gboolean
state_has_flag (gpointer data)
{
  StateWait *wait = data;

  return (stored_state (wait->fixture) & wait->flag) != 0;
}

/* -------------------------------------------------------------------------------------- */
/* Tests                                                                                  */
/* -------------------------------------------------------------------------------------- */

static void
test_content (Fixture *fixture, gconstpointer user_data)
{
  RempartAction *action = rempart_action_item_get_action (fixture->item);
  GtkWidget *sources = child (fixture, "sources_group");
  g_autoptr (GPtrArray) rows = g_ptr_array_new ();
  GtkWidget *row;

  g_assert_cmpstr (label_text (fixture, "title_label"), ==, rempart_action_get_title (action));
  g_assert_cmpstr (label_text (fixture, "brief_label"), ==, rempart_action_get_brief (action));
  g_assert_true (gtk_label_get_selectable (GTK_LABEL (child (fixture, "brief_label"))));
  g_assert_false (gtk_label_get_use_markup (GTK_LABEL (child (fixture, "brief_label"))));
  g_assert_nonnull (strstr (label_text (fixture, "meta_label"), "Facebook"));
  /* The example action ended on 3 May 2026. */
  if (rempart_action_item_get_expires (fixture->item) < g_get_real_time () / G_USEC_PER_SEC)
    g_assert_nonnull (strstr (label_text (fixture, "meta_label"), "Ended"));
  g_assert_nonnull (strstr (label_text (fixture, "hashtag_label"), "#jesuislà"));
  g_assert_false (gtk_widget_get_visible (child (fixture, "demo_box")));
  g_assert_false (gtk_widget_get_visible (child (fixture, "state_label")));

  /* Two arguments and three rules, one row each. */
  g_assert_nonnull (
      gtk_list_box_get_row_at_index (GTK_LIST_BOX (child (fixture, "arguments_list")), 1));
  g_assert_null (
      gtk_list_box_get_row_at_index (GTK_LIST_BOX (child (fixture, "arguments_list")), 2));
  g_assert_nonnull (
      gtk_list_box_get_row_at_index (GTK_LIST_BOX (child (fixture, "rules_list")), 2));

  /* Each source shows its host, so that a deceptive link is visible. */
  g_assert_true (gtk_widget_get_visible (sources));
  collect_action_rows (sources, rows);
  g_assert_cmpuint (rows->len, ==, 2);
  row = g_ptr_array_index (rows, 0);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "insee.fr");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (g_ptr_array_index (rows, 1))), ==,
                   "ccomptes.fr");
  g_assert_false (adw_preferences_row_get_use_markup (ADW_PREFERENCES_ROW (row)));
  g_signal_emit_by_name (row, "activated");
  g_assert_true (was_launched ("https://www.insee.fr/fr/statistiques/6793232"));

  save_png (GTK_WIDGET (fixture->window), "action-page.png");
}

static void
test_excerpt_hidden (Fixture *fixture, gconstpointer user_data)
{
  RempartAction *action = rempart_action_item_get_action (fixture->item);
  GtkWidget *excerpt = child (fixture, "excerpt_label");
  GtkWidget *show = child (fixture, "show_excerpt_button");

  /* Hidden by default: not on screen, not even in the label. */
  g_assert_true (gtk_widget_get_mapped (show));
  g_assert_false (gtk_widget_get_mapped (excerpt));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (excerpt)), ==, "");
  g_assert_false (rempart_action_page_get_excerpt_revealed (fixture->page));

  g_signal_emit_by_name (show, "clicked");
  g_assert_true (iterate_until (widget_is_mapped, excerpt));
  iterate_for (400); /* the crossfade */
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (excerpt)), ==,
                   rempart_action_get_excerpt (action));
  g_assert_true (rempart_action_page_get_excerpt_revealed (fixture->page));
  save_png (GTK_WIDGET (fixture->window), "action-page-excerpt.png");

  /* And hidden again. */
  g_signal_emit_by_name (child (fixture, "hide_excerpt_button"), "clicked");
  g_assert_true (iterate_until (widget_is_mapped, show));
  iterate_for (400); /* the crossfade */
  g_assert_false (gtk_widget_get_mapped (excerpt));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (excerpt)), ==, "");

  /* Another action starts hidden even after this one was shown. */
  g_signal_emit_by_name (show, "clicked");
  rempart_action_page_set_item (fixture->page, fixture->store, fixture->item, fixture->info);
  g_assert_false (rempart_action_page_get_excerpt_revealed (fixture->page));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (excerpt)), ==, "");
}

static void
test_excerpt_always_hidden (Fixture *fixture, gconstpointer user_data)
{
  GtkWidget *excerpt = child (fixture, "excerpt_label");
  GtkStack *stack = GTK_STACK (child (fixture, "excerpt_stack"));

  g_settings_set_string (fixture->settings, "excerpt-display", "always-hide");
  iterate_for (50);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "never");

  /* Even a click that was on its way does not show it. */
  g_signal_emit_by_name (child (fixture, "show_excerpt_button"), "clicked");
  iterate_for (400);
  g_assert_false (gtk_widget_get_mapped (excerpt));
  g_assert_false (gtk_widget_get_mapped (child (fixture, "show_excerpt_button")));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (excerpt)), ==, "");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "never");
  save_png (GTK_WIDGET (fixture->window), "action-page-always-hide.png");

  g_settings_reset (fixture->settings, "excerpt-display");
  iterate_for (50);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "hidden");
}

static void
test_open_thread (Fixture *fixture, gconstpointer user_data)
{
  StateWait wait = { fixture, REMPART_ACTION_STATE_OPENED };

  g_assert_false (stored_state (fixture) & REMPART_ACTION_STATE_OPENED);
  g_assert_true (
      gtk_widget_activate_action (GTK_WIDGET (fixture->page), "action.open-thread", NULL));
  g_assert_true (was_launched (MIGRANTS_THREAD));
  g_assert_true (iterate_until (state_has_flag, &wait));
  g_assert_true (rempart_action_item_get_state (fixture->item) & REMPART_ACTION_STATE_OPENED);
  g_assert_true (gtk_widget_get_visible (child (fixture, "state_label")));
}

static void
on_signal (RempartActionPage *page, guint *count)
{
  (*count)++;
}

static void
test_dismiss (Fixture *fixture, gconstpointer user_data)
{
  StateWait wait = { fixture, REMPART_ACTION_STATE_DISMISSED };
  guint dismissed = 0;
  guint write = 0;

  g_signal_connect (fixture->page, "dismissed", G_CALLBACK (on_signal), &dismissed);
  g_signal_connect (fixture->page, "write-reply", G_CALLBACK (on_signal), &write);

  g_assert_true (
      gtk_widget_activate_action (GTK_WIDGET (fixture->page), "action.write-reply", NULL));
  g_assert_cmpuint (write, ==, 1);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "action.dismiss", NULL));
  g_assert_cmpuint (dismissed, ==, 1);
  g_assert_true (iterate_until (state_has_flag, &wait));
  g_assert_cmpstr (label_text (fixture, "state_label"), ==, "You set this action aside");
  /* Nothing was opened. */
  g_assert_cmpuint (launched->len, ==, 0);
  /* Once set aside, the button is disabled. */
  g_assert_false (gtk_widget_is_sensitive (child (fixture, "dismiss_button")));
}

static void
test_posted_state (Fixture *fixture, gconstpointer user_data)
{
  rempart_action_item_set_state (fixture->item,
                                 REMPART_ACTION_STATE_JOINED | REMPART_ACTION_STATE_POSTED);
  g_assert_cmpstr (label_text (fixture, "state_label"), ==, "You posted a reply");
  g_assert_true (gtk_widget_has_css_class (child (fixture, "state_label"), "success"));
}

static void
test_demo (Fixture *fixture, gconstpointer user_data)
{
  g_autoptr (RempartFeedInfo) info = rempart_feed_info_copy (fixture->info);

  info->is_demo = TRUE;
  rempart_action_page_set_item (fixture->page, fixture->store, fixture->item, info);
  g_assert_true (gtk_widget_get_visible (child (fixture, "demo_box")));

  rempart_action_page_set_item (fixture->page, NULL, NULL, NULL);
  g_assert_false (gtk_widget_get_visible (child (fixture, "demo_box")));
  g_assert_false (gtk_widget_get_visible (child (fixture, "excerpt_card")));
  g_assert_false (gtk_widget_is_sensitive (child (fixture, "dismiss_button")));
  g_assert_false (gtk_widget_is_sensitive (child (fixture, "open_button")));
}

static void
test_accessible (Fixture *fixture, gconstpointer user_data)
{
  const char *buttons[] = { "write_button", "open_button", "dismiss_button",
                            "show_excerpt_button" };

  /* Every button says what it does in words: no icon-only button here. */
  for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
    {
      const char *label = gtk_button_get_label (GTK_BUTTON (child (fixture, buttons[i])));

      g_assert_nonnull (label);
      g_assert_cmpstr (label, !=, "");
    }

  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (child (fixture, "title_label")),
                                   GTK_ACCESSIBLE_ROLE_HEADING);
}

static void
test_dark (Fixture *fixture, gconstpointer user_data)
{
  set_dark (TRUE);
  g_signal_emit_by_name (child (fixture, "show_excerpt_button"), "clicked");
  iterate_for (400); /* the crossfade */
  save_png (GTK_WIDGET (fixture->window), "action-page-dark.png");
}

static void
test_narrow (Fixture *fixture, gconstpointer user_data)
{
  check_narrow (fixture->window, "action-page-360.png");
}

int
main (int argc, char *argv[])
{
  init_environment (&argc, &argv, "action-page");

#define ADD(name, func) \
  g_test_add ("/action-page/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("content", test_content);
  ADD ("excerpt-hidden", test_excerpt_hidden);
  ADD ("excerpt-always-hidden", test_excerpt_always_hidden);
  ADD ("open-thread", test_open_thread);
  ADD ("dismiss", test_dismiss);
  ADD ("posted-state", test_posted_state);
  ADD ("demo", test_demo);
  ADD ("accessible", test_accessible);
  ADD ("dark", test_dark);
  ADD ("narrow", test_narrow);
#undef ADD

  return run_tests ("action-page");
}
