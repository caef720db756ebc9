/* test-session.c: today's session on a real store file, under a real display
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "rempart-application.h"
#include "rempart-ui-test.h"
#include "rempart-feed-parser.h"
#include "rempart-session-window.h"
#include "rempart-test-dirs.h"

#define FEED_URL "https://example.org/jesuisla/feed.json"

typedef struct
{
  char *dir;
  RempartStore *store;
  RempartSubscription *sub;
  RempartSessionWindow *window;
  char *opened_uri;
  guint posted_signals;
  char *clipboard_text;
} Fixture;

/* One registered application for the whole program, as in test-window.c. */
static RempartApplication *application;

/* -------------------------------------------------------------------------------------- */
/* Helpers                                                                                */
/* -------------------------------------------------------------------------------------- */

static gboolean
stack_is_still (gpointer data)
{
  return !gtk_stack_get_transition_running (GTK_STACK (data));
}

static void
save_png (GtkWidget *widget, const char *name)
{
  g_assert_true (rempart_ui_test_iterate_until (rempart_ui_test_widget_is_drawn, widget));
  /* Not halfway through the crossfade between two pages. */
  if (REMPART_IS_SESSION_WINDOW (widget))
    g_assert_true (rempart_ui_test_iterate_until (
        stack_is_still,
        gtk_widget_get_template_child (widget, REMPART_TYPE_SESSION_WINDOW, "stack")));
  rempart_ui_test_iterate_a_little ();
  rempart_ui_test_snapshot_png (widget, name, 0);
}

/* Light, dark, and a phone's 360 px. */
static void
save_pngs (GtkWindow *window, const char *name)
{
  rempart_ui_test_save_pngs (window, name, 520, 640, save_png);
}

static GPtrArray *
list (Fixture *f, RempartActionView view)
{
  g_autoptr (GError) error = NULL;
  GPtrArray *actions = rempart_store_list_actions_sync (f->store, view, &error);

  g_assert_no_error (error);
  return actions;
}

static RempartStoredAction *
find_action (GPtrArray *actions, const char *title)
{
  for (guint i = 0; i < actions->len; i++)
    {
      RempartStoredAction *stored = g_ptr_array_index (actions, i);

      if (g_str_equal (rempart_action_get_title (stored->action), title))
        return stored;
    }
  return NULL;
}

static char *
draft_text_for (const char *action_id)
{
  return g_strdup_printf ("#jesuislà Reply to %s, with a source.", action_id);
}

static void
queue_draft (Fixture *f, const char *action_id)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *text = draft_text_for (action_id);
  RempartDraft draft = {
    .subscription_url = f->sub->url,
    .action_id = (char *) action_id,
    .text = text,
    .queued = TRUE,
  };

  g_assert_true (rempart_store_save_draft_sync (f->store, &draft, &error));
  g_assert_no_error (error);
}

static GObject *
child (Fixture *f, const char *name)
{
  GObject *object =
      gtk_widget_get_template_child (GTK_WIDGET (f->window), REMPART_TYPE_SESSION_WINDOW, name);

  g_assert_nonnull (object);
  return object;
}

static const char *
visible_page (Fixture *f)
{
  return gtk_stack_get_visible_child_name (GTK_STACK (child (f, "stack")));
}

static const char *
progress (Fixture *f)
{
  return gtk_label_get_text (GTK_LABEL (child (f, "progress_label")));
}

static char *
shown_draft (Fixture *f)
{
  GtkLabel *label = GTK_LABEL (child (f, "draft_label"));

  g_assert_false (gtk_label_get_use_markup (label));
  return g_strdup (gtk_label_get_text (label));
}

typedef struct
{
  Fixture *f;
  const char *page;
  const char *progress;
} PageQuery;

/* The page is shown and, on a step, its reply has loaded. */
static gboolean
page_is (gpointer data)
{
  PageQuery *q = data;

  if (g_strcmp0 (visible_page (q->f), q->page) != 0)
    return FALSE;
  if (q->progress == NULL)
    return TRUE;
  return g_str_equal (progress (q->f), q->progress) &&
         gtk_widget_get_sensitive (GTK_WIDGET (child (q->f, "posted_button")));
}

static void
wait_for_page (Fixture *f, const char *page, const char *progress_text)
{
  PageQuery q = { f, page, progress_text };

  if (!rempart_ui_test_iterate_until (page_is, &q))
    g_error ("the session did not show page “%s” (%s) but “%s” (%s)", page,
             progress_text ? progress_text : "", visible_page (f), progress (f));
}

static gboolean
open_uri_cb (RempartSessionWindow *window, const char *uri, Fixture *f)
{
  g_free (f->opened_uri);
  f->opened_uri = g_strdup (uri);
  return TRUE;
}

static void
posted_cb (RempartSessionWindow *window, const char *url, const char *id, Fixture *f)
{
  f->posted_signals++;
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
clipboard_is_read (gpointer data)
{
  return ((Fixture *) data)->clipboard_text != NULL;
}

static void
open_window (Fixture *f)
{
  f->window = rempart_session_window_new (NULL, f->store);
  g_signal_connect (f->window, "open-uri", G_CALLBACK (open_uri_cb), f);
  g_signal_connect (f->window, "posted", G_CALLBACK (posted_cb), f);
  gtk_window_present (GTK_WINDOW (f->window));
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

  f->dir = rempart_test_dir_new ("ui-session");
  path = g_build_filename (f->dir, "rempart.db", NULL);
  f->store = rempart_store_open_sync (path, NULL, &error);
  g_assert_no_error (error);

  f->sub = rempart_store_add_subscription_sync (f->store, FEED_URL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (rempart_store_import_feed_sync (f->store, f->sub, feed, NULL, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture *f, gconstpointer user_data)
{
  if (f->window != NULL)
    gtk_window_destroy (GTK_WINDOW (f->window));
  rempart_ui_test_iterate_a_little ();

  rempart_store_close (f->store);
  g_clear_object (&f->store);
  g_clear_pointer (&f->sub, rempart_subscription_free);
  rempart_test_dir_remove (f->dir);
  g_free (f->dir);
  g_free (f->opened_uri);
  g_free (f->clipboard_text);
}

/* -------------------------------------------------------------------------------------- */
/* Tests                                                                                  */
/* -------------------------------------------------------------------------------------- */

static void
test_steps (Fixture *f, gconstpointer user_data)
{
  g_autoptr (GPtrArray) all = list (f, REMPART_ACTION_VIEW_ALL);
  g_autoptr (GPtrArray) after = NULL;
  g_autoptr (GPtrArray) queued = NULL;
  g_autoptr (RempartDraft) draft = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *first_id = NULL;
  g_autofree char *second_id = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *expected = NULL;
  GtkLabel *title_label;
  RempartStoredAction *first;
  RempartStoredAction *stored;
  const char *done;

  g_assert_cmpuint (all->len, ==, 2);
  for (guint i = 0; i < all->len; i++)
    queue_draft (f, rempart_action_get_id (((RempartStoredAction *) all->pdata[i])->action));

  open_window (f);
  title_label = GTK_LABEL (child (f, "title_label"));
  wait_for_page (f, "step", "1 of 2");
  g_assert_cmpfloat (gtk_progress_bar_get_fraction (GTK_PROGRESS_BAR (child (f, "progress_bar"))),
                     ==, 0.5);

  /* The step shows the action and the queued reply, as plain text. */
  first = find_action (all, gtk_label_get_text (title_label));
  g_assert (first != NULL);
  g_assert_false (gtk_label_get_use_markup (title_label));
  first_id = g_strdup (rempart_action_get_id (first->action));
  shown = shown_draft (f);
  expected = draft_text_for (first_id);
  g_assert_cmpstr (shown, ==, expected);
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (child (f, "where_label"))),
                            g_str_equal (rempart_action_get_platform (first->action), "facebook")
                                ? "Facebook"
                                : "YouTube"));
  save_pngs (GTK_WINDOW (f->window), "session-step");

  /* Open Thread hands the thread's address over and notes it in the store. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "session.open-thread", NULL));
  g_assert_cmpstr (f->opened_uri, ==, rempart_action_get_url (first->action));

  /* Copy Reply puts the reply on the clipboard. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "session.copy-reply", NULL));
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (GTK_WIDGET (f->window)), NULL,
                                 clipboard_read_cb, f);
  g_assert_true (rempart_ui_test_iterate_until (clipboard_is_read, f));
  g_assert_cmpstr (f->clipboard_text, ==, expected);

  /* Mark as Posted records it, takes the reply out of the queue, and goes on. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "session.mark-posted", NULL));
  wait_for_page (f, "step", "2 of 2");
  g_assert_cmpuint (f->posted_signals, ==, 1);
  g_assert_cmpuint (rempart_session_window_get_posted (f->window), ==, 1);
  stored = find_action (all, gtk_label_get_text (title_label));
  g_assert (stored != NULL);
  second_id = g_strdup (rempart_action_get_id (stored->action));
  g_assert_cmpstr (second_id, !=, first_id);

  after = list (f, REMPART_ACTION_VIEW_ALL);
  stored = find_action (after, rempart_action_get_title (first->action));
  g_assert (stored != NULL);
  g_assert_cmpint (stored->state & REMPART_ACTION_STATE_POSTED, !=, 0);
  g_assert_cmpint (stored->state & REMPART_ACTION_STATE_OPENED, !=, 0);
  draft = rempart_store_load_draft_sync (f->store, FEED_URL, first_id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (draft);
  g_assert_false (draft->queued);
  g_assert_cmpstr (draft->text, ==, expected);

  /* Skip leaves the second one queued, untouched. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "session.skip", NULL));
  wait_for_page (f, "done", NULL);
  g_assert_cmpuint (f->posted_signals, ==, 1);
  queued = list (f, REMPART_ACTION_VIEW_QUEUED);
  g_assert_cmpuint (queued->len, ==, 1);
  g_assert_cmpstr (rempart_action_get_id (((RempartStoredAction *) queued->pdata[0])->action), ==,
                   second_id);
  g_assert_cmpint (((RempartStoredAction *) queued->pdata[0])->state & REMPART_ACTION_STATE_POSTED,
                   ==, 0);

  /* The end says what happened, calmly. */
  done = adw_status_page_get_description (ADW_STATUS_PAGE (child (f, "done_page")));
  g_assert_nonnull (strstr (done, "You posted 1 reply. Thank you."));
  g_assert_nonnull (strstr (done, "1 reply stays in your queue"));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (child (f, "posted_button"))));
  save_pngs (GTK_WINDOW (f->window), "session-done");
}

static void
test_all_posted (Fixture *f, gconstpointer user_data)
{
  g_autoptr (GPtrArray) all = list (f, REMPART_ACTION_VIEW_ALL);
  g_autoptr (GPtrArray) queued = NULL;
  const char *done;

  for (guint i = 0; i < all->len; i++)
    queue_draft (f, rempart_action_get_id (((RempartStoredAction *) all->pdata[i])->action));

  open_window (f);
  wait_for_page (f, "step", "1 of 2");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "session.mark-posted", NULL));
  wait_for_page (f, "step", "2 of 2");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "session.mark-posted", NULL));
  wait_for_page (f, "done", NULL);

  done = adw_status_page_get_description (ADW_STATUS_PAGE (child (f, "done_page")));
  g_assert_nonnull (strstr (done, "You posted 2 replies. Thank you."));
  g_assert_null (strstr (done, "queue"));
  queued = list (f, REMPART_ACTION_VIEW_QUEUED);
  g_assert_cmpuint (queued->len, ==, 0);
}

static void
test_empty (Fixture *f, gconstpointer user_data)
{
  open_window (f);
  wait_for_page (f, "empty", NULL);
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (child (f, "posted_button"))));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (child (f, "skip_button"))));
  save_pngs (GTK_WINDOW (f->window), "session-empty");

  /* Its button closes the window. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "window.close", NULL));
  rempart_ui_test_iterate_a_little ();
  f->window = NULL;
}

/* Whether a shortcut controller of @widget, in the capture phase (before the reply's label
 * can take the keys), has @trigger for @action. */
static gboolean
has_shortcut (GtkWidget *widget, const char *trigger, const char *action_name)
{
  g_autoptr (GListModel) controllers = gtk_widget_observe_controllers (widget);
  g_autoptr (GtkShortcutTrigger) wanted = gtk_shortcut_trigger_parse_string (trigger);

  g_assert_nonnull (wanted);

  for (guint c = 0; c < g_list_model_get_n_items (controllers); c++)
    {
      g_autoptr (GObject) controller = g_list_model_get_item (controllers, c);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller) ||
          gtk_event_controller_get_propagation_phase (GTK_EVENT_CONTROLLER (controller)) !=
              GTK_PHASE_CAPTURE)
        continue;

      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (controller)); i++)
        {
          g_autoptr (GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), i);
          GtkShortcutTrigger *found = gtk_shortcut_get_trigger (shortcut);
          GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);
          gboolean matches = gtk_shortcut_trigger_equal (found, wanted);

          if (GTK_IS_ALTERNATIVE_TRIGGER (found))
            matches =
                gtk_shortcut_trigger_equal (
                    gtk_alternative_trigger_get_first (GTK_ALTERNATIVE_TRIGGER (found)), wanted) ||
                gtk_shortcut_trigger_equal (
                    gtk_alternative_trigger_get_second (GTK_ALTERNATIVE_TRIGGER (found)), wanted);

          if (matches && GTK_IS_NAMED_ACTION (action) &&
              g_str_equal (gtk_named_action_get_action_name (GTK_NAMED_ACTION (action)),
                           action_name))
            return TRUE;
        }
    }

  return FALSE;
}

/* The keyboard shortcuts exist and lead to the session's actions. */
static void
test_shortcuts (Fixture *f, gconstpointer user_data)
{
  open_window (f);

  g_assert_true (has_shortcut (GTK_WIDGET (f->window), "<Control>Return", "session.mark-posted"));
  g_assert_true (has_shortcut (GTK_WIDGET (f->window), "<Control>KP_Enter", "session.mark-posted"));
  g_assert_true (has_shortcut (GTK_WIDGET (f->window), "<Control>Right", "session.skip"));
  g_assert_true (has_shortcut (GTK_WIDGET (f->window), "<Control>o", "session.open-thread"));
  g_assert_false (has_shortcut (GTK_WIDGET (f->window), "<Control>Left", "session.skip"));
}

int
main (int argc, char *argv[])
{
  g_autofree char *data_home = NULL;
  int ret;

  /* Never the developer's own data: a private data dir, set before GLib caches it. */
  data_home = rempart_ui_test_make_data_home ("ui-session-home");

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  /* GNOME's and Phosh's title bar buttons: Xvfb has no settings daemon, and GTK's fallback
   * adds minimize and maximize, which no phone shows. */
  g_object_set (gtk_settings_get_default (), "gtk-decoration-layout", "appmenu:close", NULL);

  application = rempart_ui_test_application_new ();

#define ADD(name, func) \
  g_test_add ("/session/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("steps", test_steps);
  ADD ("all-posted", test_all_posted);
  ADD ("empty", test_empty);
  ADD ("shortcuts", test_shortcuts);
#undef ADD

  ret = g_test_run ();
  rempart_ui_test_application_shutdown (application);
  g_clear_object (&application);
  rempart_test_dir_remove (data_home);

  return ret;
}
