/* test-participation.c: the Participation window on a real store file, under a real display
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "rempart-participation-chart.h"
#include "rempart-page-test.h"
#include "rempart-participation-window.h"
#include "rempart-store-private.h"
#include "rempart-test-dirs.h"
#include "rempart-ui-test.h"

/*
 * The window reads what the store holds: a new volunteer sees the empty state; with events,
 * the numbers, the chart (drawn in both themes, with its text alternative) and the history,
 * which is searched from the keyboard and copied from; Forget Everything goes through its
 * dialog, with the focus on the safe answer, and leaves the empty state.
 */

#define FEED_URL "https://example.org/jesuisla/feed.json"
#define REPLY_1  "#jesuislà Les chiffres de l'INSEE disent le contraire : https://insee.fr"
#define REPLY_2  "#jesuislà Merci pour ce témoignage, il compte."

typedef struct
{
  char *dir;
  RempartStore *store;
  RempartSubscription *sub;
  GPtrArray *actions;
  RempartParticipationWindow *window;
  char *clipboard_text;
} Fixture;

static RempartApplication *application;

/* -------------------------------------------------------------------------------------- */
/* Helpers                                                                                */
/* -------------------------------------------------------------------------------------- */

static GObject *
child (Fixture *f, const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (f->window),
                                                   REMPART_TYPE_PARTICIPATION_WINDOW, name);

  g_assert_nonnull (object);
  return object;
}

static const char *
action_id (Fixture *f, guint i)
{
  /* The example feed has two actions; a third reply is for one gone from the feed. */
  if (i >= f->actions->len)
    return "gone-from-the-feed";
  return rempart_action_get_id (((RempartStoredAction *) f->actions->pdata[i])->action);
}

/* A reply posted @days_ago days ago, at this time of day. */
static void
post (Fixture *f, guint i, const char *text, guint days_ago)
{
  g_autoptr (GError) error = NULL;
  RempartDraft draft = { .subscription_url = f->sub->url,
                         .action_id = (char *) action_id (f, i),
                         .text = (char *) text };
  gint64 when = g_get_real_time () / G_USEC_PER_SEC - days_ago * 86400;

  rempart_store_set_now_for_testing (f->store, when);
  g_assert_true (rempart_store_save_draft_sync (f->store, &draft, &error));
  g_assert_true (rempart_store_add_action_state_sync (
      f->store, f->sub->url, draft.action_id,
      REMPART_ACTION_STATE_JOINED | REMPART_ACTION_STATE_POSTED, &error));
  g_assert_no_error (error);
  rempart_store_set_now_for_testing (f->store, 0);
}

typedef struct
{
  Fixture *f;
  const char *page;
} PageQuery;

static gboolean
page_is (gpointer data)
{
  PageQuery *q = data;

  return !rempart_participation_window_is_busy (q->f->window) &&
         g_strcmp0 (gtk_stack_get_visible_child_name (GTK_STACK (child (q->f, "stack"))),
                    q->page) == 0;
}

static void
open_window (Fixture *f, const char *page)
{
  PageQuery q = { f, page };

  f->window = rempart_participation_window_new (NULL, f->store);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 720, 720);
  gtk_window_present (GTK_WINDOW (f->window));
  if (!rempart_ui_test_iterate_until (page_is, &q))
    g_error ("the window shows “%s”, not “%s”",
             gtk_stack_get_visible_child_name (GTK_STACK (child (f, "stack"))), page);
}

static gboolean
stack_is_still (gpointer data)
{
  return !gtk_stack_get_transition_running (GTK_STACK (data));
}

static void
save_png (GtkWidget *widget, const char *name)
{
  g_assert_true (rempart_ui_test_iterate_until (rempart_ui_test_widget_is_drawn, widget));
  if (REMPART_IS_PARTICIPATION_WINDOW (widget))
    g_assert_true (rempart_ui_test_iterate_until (
        stack_is_still,
        gtk_widget_get_template_child (widget, REMPART_TYPE_PARTICIPATION_WINDOW, "stack")));
  rempart_ui_test_iterate_a_little ();
  rempart_ui_test_snapshot_png (widget, name, 0);
}

/* The chart alone on the window's background (a card is translucent in dark), saved as
 * @name. Returns: the picture's mean luminance, 0–255 */
static double
save_chart_png (GtkWidget *chart, const char *name)
{
  g_autoptr (GdkPaintable) paintable = gtk_widget_paintable_new (chart);
  g_autoptr (GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr (GskRenderNode) node = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, name, NULL);
  g_autofree guchar *pixels = NULL;
  int width, height;
  GdkRGBA background;
  double sum = 0;

  g_assert_true (rempart_ui_test_iterate_until (rempart_ui_test_widget_is_drawn, chart));
  rempart_ui_test_iterate_a_little ();
  width = gtk_widget_get_width (chart);
  height = gtk_widget_get_height (chart);
  g_assert_cmpint (width, >, 100);
  g_assert_true (gtk_style_context_lookup_color (gtk_widget_get_style_context (chart),
                                                 "window_bg_color", &background));
  gtk_snapshot_append_color (snapshot, &background, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (chart)),
                                         node, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("saved %s", path);

  pixels = g_malloc ((gsize) width * height * 4);
  gdk_texture_download (texture, pixels, width * 4);
  for (int i = 0; i < width * height; i++)
    sum += (pixels[i * 4] + pixels[i * 4 + 1] + pixels[i * 4 + 2]) / 3.0;
  return sum / (width * height);
}

static guint
n_visible_rows (GtkListBox *list)
{
  guint n = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (GTK_IS_LIST_BOX_ROW (row) && gtk_widget_get_child_visible (row))
      n++;
  return n;
}

typedef struct
{
  GtkListBox *list;
  guint n;
} RowsQuery;

static gboolean
rows_are (gpointer data)
{
  RowsQuery *q = data;

  return n_visible_rows (q->list) == q->n;
}

static void
clipboard_read_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  Fixture *f = user_data;
  g_autoptr (GError) error = NULL;

  f->clipboard_text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, &error);
  g_assert_no_error (error);
}

static gboolean
clipboard_has_text (gpointer widget)
{
  GdkContentFormats *formats = gdk_clipboard_get_formats (gtk_widget_get_clipboard (widget));

  return gdk_content_formats_contain_gtype (formats, G_TYPE_STRING);
}

static gboolean
clipboard_is_read (gpointer data)
{
  return ((Fixture *) data)->clipboard_text != NULL;
}

/* -------------------------------------------------------------------------------------- */
/* Fixture                                                                                */
/* -------------------------------------------------------------------------------------- */

static void
fixture_set_up (Fixture *f, gconstpointer user_data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr (RempartFeed) feed = rempart_ui_test_load_example ();

  f->dir = rempart_test_dir_new ("ui-participation");
  path = g_build_filename (f->dir, "rempart.db", NULL);
  f->store = rempart_store_open_sync (path, NULL, &error);
  g_assert_no_error (error);
  f->sub = rempart_store_add_subscription_sync (f->store, FEED_URL, NULL, &error);
  g_assert_no_error (error);
  g_free (f->sub->title);
  f->sub->title = g_strdup ("Je suis là");
  g_assert_true (rempart_store_import_feed_sync (f->store, f->sub, feed, NULL, &error));
  f->actions = rempart_store_list_actions_sync (f->store, REMPART_ACTION_VIEW_ALL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (f->actions->len, ==, 2);
}

static void
fixture_tear_down (Fixture *f, gconstpointer user_data)
{
  AdwMessageDialog *dialog = rempart_ui_test_find_message_dialog ();

  if (dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (dialog));
  if (f->window != NULL)
    gtk_window_destroy (GTK_WINDOW (f->window));
  rempart_ui_test_iterate_a_little ();
  rempart_store_close (f->store);
  g_clear_object (&f->store);
  g_clear_pointer (&f->sub, rempart_subscription_free);
  g_clear_pointer (&f->actions, g_ptr_array_unref);
  rempart_test_dir_remove (f->dir);
  g_free (f->dir);
  g_free (f->clipboard_text);
}

/* -------------------------------------------------------------------------------------- */
/* Tests                                                                                  */
/* -------------------------------------------------------------------------------------- */

static void
test_empty (Fixture *f, gconstpointer user_data)
{
  AdwStatusPage *empty;

  open_window (f, "empty");
  empty = ADW_STATUS_PAGE (child (f, "empty_page"));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (empty)));
  g_assert_nonnull (strstr (adw_status_page_get_description (empty), "never shared"));
  /* Ctrl+F has nothing to search yet: the window stays on its empty state. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "participation.search", NULL);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (child (f, "stack"))), ==, "empty");
  rempart_ui_test_save_pngs (GTK_WINDOW (f->window), "participation-empty", 720, 720, save_png);
}

static gboolean
style_is_dark (gpointer data)
{
  return adw_style_manager_get_dark (adw_style_manager_get_default ());
}

static void
test_overview (Fixture *f, gconstpointer user_data)
{
  RempartParticipationChart *chart;
  const char *text;
  g_autofree char *last = NULL;
  g_auto (GStrv) periods = NULL;
  double light, dark;

  post (f, 0, REPLY_1, 0);
  post (f, 1, REPLY_2, 0);
  post (f, 2, "#jesuislà Une source : https://example.org", 1);
  open_window (f, "content");

  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (child (f, "summary_label"))), ==,
                   "So far: 3 replies posted, 3 actions joined.");
  g_assert_nonnull (
      strstr (gtk_label_get_text (GTK_LABEL (child (f, "streak_label"))), "2 days in a row"));

  /* The text alternative: fourteen days, today last with its numbers. */
  chart = REMPART_PARTICIPATION_CHART (child (f, "chart"));
  text = rempart_participation_chart_get_text (chart);
  periods = g_strsplit (text, "; ", -1);
  g_assert_cmpuint (g_strv_length (periods), ==, 14);
  g_assert_true (g_str_has_suffix (periods[13], ": 2 replies posted, 2 actions joined"));
  g_assert_true (g_str_has_suffix (periods[12], ": 1 reply posted, 1 action joined"));
  g_assert_true (g_str_has_suffix (periods[0], ": 0 replies posted, 0 actions joined"));
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (chart)), ==,
                   GTK_ACCESSIBLE_ROLE_IMG);

  /* By month, one period holds everything (unless today is the 1st). */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (child (f, "months_button")), TRUE);
  last = g_strdup (strrchr (rempart_participation_chart_get_text (chart), ';'));
  g_assert_nonnull (last);
  g_assert_true (g_str_has_suffix (last, "3 replies posted, 3 actions joined") ||
                 g_str_has_suffix (last, "2 replies posted, 2 actions joined"));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (child (f, "days_button")), TRUE);

  g_assert_cmpuint (n_visible_rows (GTK_LIST_BOX (child (f, "groups_list"))), ==, 1);
  g_assert_cmpuint (n_visible_rows (GTK_LIST_BOX (child (f, "topics_list"))), >=, 1);

  /* The chart on its own in both themes, then the whole window. */
  rempart_page_test_set_dark (FALSE);
  light = save_chart_png (GTK_WIDGET (chart), "participation-chart.png");
  rempart_page_test_set_dark (TRUE);
  g_assert_true (rempart_ui_test_iterate_until (style_is_dark, NULL));
  rempart_ui_test_iterate_for (200);
  dark = save_chart_png (GTK_WIDGET (chart), "participation-chart-dark.png");
  g_test_message ("mean luminance: light %.0f, dark %.0f", light, dark);
  /* The chart follows the theme: mostly light in light, mostly dark in dark. */
  g_assert_cmpfloat (light, >, 180);
  g_assert_cmpfloat (dark, <, 90);
  rempart_page_test_set_dark (FALSE);
  rempart_ui_test_save_pngs (GTK_WINDOW (f->window), "participation", 720, 720, save_png);
}

static void
test_history_search_copy (Fixture *f, gconstpointer user_data)
{
  GtkWidget *entry;
  GtkWidget *focus;
  GtkListBox *list;
  GtkWidget *button;
  RowsQuery q;

  post (f, 0, REPLY_1, 2);
  post (f, 1, REPLY_2, 1);
  open_window (f, "content");
  entry = GTK_WIDGET (child (f, "search_entry"));
  list = GTK_LIST_BOX (child (f, "history_list"));

  /* Ctrl+F from the overview goes to the history, in the search field. */
  gtk_widget_grab_focus (GTK_WIDGET (child (f, "days_button")));
  g_assert_true (rempart_ui_test_press_key (gtk_root_get_focus (GTK_ROOT (f->window)), GDK_KEY_f,
                                            GDK_CONTROL_MASK));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (child (f, "view_stack"))),
                   ==, "history");
  focus = gtk_root_get_focus (GTK_ROOT (f->window));
  g_assert_true (rempart_ui_test_is_inside (focus, entry));
  q.list = list;
  q.n = 2;
  g_assert_true (rempart_ui_test_iterate_until (rows_are, &q));

  /* Typed into the focused field: case does not matter. */
  gtk_editable_insert_text (GTK_EDITABLE (focus), "INSEE", -1, &(int){ 0 });
  q.n = 1;
  g_assert_true (rempart_ui_test_iterate_until (rows_are, &q));
  gtk_editable_set_text (GTK_EDITABLE (entry), "nobody wrote this");
  q.n = 0;
  g_assert_true (rempart_ui_test_iterate_until (rows_are, &q));
  gtk_editable_set_text (GTK_EDITABLE (entry), "témoignage");
  q.n = 1;
  g_assert_true (rempart_ui_test_iterate_until (rows_are, &q));

  /* The one shown is copied, exactly. */
  button = NULL;
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (GTK_IS_LIST_BOX_ROW (row) && gtk_widget_get_child_visible (row))
      button = rempart_ui_test_find_button (row, "Copy Reply");
  g_assert_nonnull (button);
  /* A button's activation presses it for a moment, then emits clicked. */
  g_assert_true (gtk_widget_activate (button));
  g_assert_true (rempart_ui_test_iterate_until (clipboard_has_text, button));
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (button), NULL, clipboard_read_cb, f);
  g_assert_true (rempart_ui_test_iterate_until (clipboard_is_read, f));
  g_assert_cmpstr (f->clipboard_text, ==, REPLY_2);
  save_png (GTK_WIDGET (f->window), "participation-history.png");
}

static gboolean
dialog_is_gone (gpointer data)
{
  return rempart_ui_test_find_message_dialog () == NULL;
}

static void
test_forget (Fixture *f, gconstpointer user_data)
{
  AdwMessageDialog *dialog;
  GtkWidget *focus;
  g_autoptr (GPtrArray) replies = NULL;
  g_autoptr (GPtrArray) events = NULL;
  g_autoptr (GError) error = NULL;
  PageQuery q = { f, "empty" };

  post (f, 0, REPLY_1, 0);
  open_window (f, "content");

  /* Cancel first: nothing is deleted. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "participation.forget", NULL);
  g_assert_true (rempart_ui_test_iterate_until (rempart_ui_test_message_dialog_is_shown, NULL));
  dialog = rempart_ui_test_find_message_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Forget Everything?");
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "cancel");
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, "forget"), ==,
                   ADW_RESPONSE_DESTRUCTIVE);
  rempart_ui_test_iterate_a_little ();
  save_png (GTK_WIDGET (dialog), "participation-forget.png");
  /* The focus is in the dialog, on the safe answer. */
  focus = gtk_root_get_focus (GTK_ROOT (dialog));
  g_assert_nonnull (focus);
  g_assert_true (GTK_IS_BUTTON (focus));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (focus)), ==, "_Cancel");
  gtk_widget_activate (focus);
  g_assert_true (rempart_ui_test_iterate_until (dialog_is_gone, NULL));
  replies = rempart_store_list_posted_replies_sync (f->store, &error);
  g_assert_cmpuint (replies->len, ==, 1);
  g_clear_pointer (&replies, g_ptr_array_unref);

  gtk_widget_activate_action (GTK_WIDGET (f->window), "participation.forget", NULL);
  g_assert_true (rempart_ui_test_iterate_until (rempart_ui_test_message_dialog_is_shown, NULL));
  adw_message_dialog_response (rempart_ui_test_find_message_dialog (), "forget");
  if (!rempart_ui_test_iterate_until (page_is, &q))
    g_error ("no empty state after Forget Everything");
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (child (f, "empty_page"))));

  replies = rempart_store_list_posted_replies_sync (f->store, &error);
  events = rempart_store_list_events_sync (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (replies->len, ==, 0);
  g_assert_cmpuint (events->len, ==, 0);
}

static gboolean
file_exists (gpointer data)
{
  return g_file_test (data, G_FILE_TEST_EXISTS);
}

static gboolean
is_idle (gpointer data)
{
  return !rempart_participation_window_is_busy (data);
}

static void
test_export (Fixture *f, gconstpointer user_data)
{
  g_autofree char *path = NULL;
  g_autoptr (GFile) file = NULL;
  g_autofree char *contents = NULL;
  g_autoptr (GError) error = NULL;

  post (f, 0, REPLY_1, 0);
  open_window (f, "content");
  path = g_build_filename (f->dir, "export.csv", NULL);
  file = g_file_new_for_path (path);
  rempart_participation_window_export (f->window, file, REMPART_EXPORT_CSV);
  g_assert_true (rempart_ui_test_iterate_until (is_idle, f->window));
  g_assert_true (file_exists (path));
  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_nonnull (strstr (contents, "\"posted\""));
  g_assert_nonnull (strstr (contents, "INSEE"));
}

int
main (int argc, char *argv[])
{
  g_autofree char *data_home = NULL;
  int ret;

  data_home = rempart_ui_test_make_data_home ("ui-participation-home");
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_object_set (gtk_settings_get_default (), "gtk-decoration-layout", "appmenu:close", NULL);
  application = rempart_ui_test_application_new ();

#define ADD(name, func) \
  g_test_add ("/participation/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("empty", test_empty);
  ADD ("overview", test_overview);
  ADD ("history-search-copy", test_history_search_copy);
  ADD ("forget", test_forget);
  ADD ("export", test_export);
#undef ADD

  ret = g_test_run ();
  rempart_ui_test_application_shutdown (application);
  g_clear_object (&application);
  rempart_test_dir_remove (data_home);
  return ret;
}
