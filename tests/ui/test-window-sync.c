/* test-window-sync.c: the main window while the sync checks a group that does not answer
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "rempart-application.h"
#include "rempart-test-dirs.h"
#include "rempart-test-monitor.h"
#include "rempart-test-server.h"
#include "rempart-ui-test.h"
#include "rempart-window.h"

/* The real window, a real store and a loopback server that sends one byte every 300 ms, for
 * ever: only the deadline (set far beyond the test) or the volunteer can stop the check. */

typedef struct
{
  char *dir;
  SoupServer *server;
  char *base;
  GPtrArray *trickles;
  RempartStore *store;
  RempartFetcher *fetcher;
  RempartTestMonitor *monitor;
  RempartSync *sync;
  GSettings *settings;
  RempartWindow *window;
  GAsyncResult *result;
} Fixture;

typedef struct
{
  SoupServerMessage *msg;
  guint source_id;
} Trickle;

static RempartApplication *application;

/* -------------------------------------------------------------------------------------- */
/* The server                                                                             */
/* -------------------------------------------------------------------------------------- */

static void
trickle_free (Trickle *trickle)
{
  g_clear_handle_id (&trickle->source_id, g_source_remove);
  g_signal_handlers_disconnect_by_data (trickle->msg, trickle);
  g_object_unref (trickle->msg);
  g_free (trickle);
}

static void
trickle_finished_cb (SoupServerMessage *msg, Trickle *trickle)
{
  g_clear_handle_id (&trickle->source_id, g_source_remove);
}

static gboolean
trickle_tick_cb (gpointer user_data)
{
  Trickle *trickle = user_data;

  soup_message_body_append (soup_server_message_get_response_body (trickle->msg),
                            SOUP_MEMORY_STATIC, " ", 1);
  soup_server_message_unpause (trickle->msg);
  return G_SOURCE_CONTINUE;
}

static void
handle_trickle (SoupServer *server,
                SoupServerMessage *msg,
                const char *path,
                GHashTable *query,
                gpointer user_data)
{
  Fixture *f = user_data;
  Trickle *trickle = g_new0 (Trickle, 1);

  trickle->msg = g_object_ref (msg);
  g_ptr_array_add (f->trickles, trickle);
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_message_headers_set_encoding (soup_server_message_get_response_headers (msg),
                                     SOUP_ENCODING_CHUNKED);
  g_signal_connect (msg, "finished", G_CALLBACK (trickle_finished_cb), trickle);
  /* A client that gives up closes the connection before the message is finished: unpausing
   * it then is a critical. */
  if (g_signal_lookup ("disconnected", SOUP_TYPE_SERVER_MESSAGE) != 0)
    g_signal_connect (msg, "disconnected", G_CALLBACK (trickle_finished_cb), trickle);
  soup_server_message_pause (msg);
  trickle->source_id = g_timeout_add (300, trickle_tick_cb, trickle);
}

/* -------------------------------------------------------------------------------------- */
/* Helpers                                                                                */
/* -------------------------------------------------------------------------------------- */

static GtkWidget *
child (Fixture *f, const char *name)
{
  GObject *object =
      gtk_widget_get_template_child (GTK_WIDGET (f->window), REMPART_TYPE_WINDOW, name);

  g_assert_nonnull (object);
  return GTK_WIDGET (object);
}

static gboolean
checking_shown (gpointer data)
{
  Fixture *f = data;

  return gtk_widget_get_visible (child (f, "checking_box")) &&
         rempart_ui_test_widget_is_drawn (child (f, "cancel_check_button"));
}

static gboolean
checking_hidden (gpointer data)
{
  Fixture *f = data;

  return f->result != NULL && !gtk_widget_get_visible (child (f, "checking_box"));
}

static void
save_png (GtkWidget *widget, const char *name)
{
  g_assert_true (rempart_ui_test_iterate_until (rempart_ui_test_widget_is_drawn, widget));
  rempart_ui_test_iterate_a_little ();
  rempart_ui_test_snapshot_png (widget, name, 200);
}

static void
refresh_done_cb (GObject *object, GAsyncResult *result, gpointer user_data)
{
  Fixture *f = user_data;

  f->result = g_object_ref (result);
}

/* -------------------------------------------------------------------------------------- */
/* Fixture                                                                                */
/* -------------------------------------------------------------------------------------- */

static void
fixture_set_up (Fixture *f, gconstpointer user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RempartSubscription) sub = NULL;
  g_autofree char *path = NULL;
  g_autofree char *address = NULL;

  f->server = rempart_test_server_new (NULL, &f->base);
  f->trickles = g_ptr_array_new_with_free_func ((GDestroyNotify) trickle_free);
  soup_server_add_handler (f->server, "/slow.json", handle_trickle, f, NULL);

  f->dir = rempart_test_dir_new ("ui-window-sync");
  path = g_build_filename (f->dir, "rempart.db", NULL);
  f->store = rempart_store_open_sync (path, NULL, &error);
  g_assert_no_error (error);
  address = g_strconcat (f->base, "/slow.json", NULL);
  sub = rempart_store_add_subscription_sync (f->store, address, NULL, &error);
  g_assert_no_error (error);

  f->fetcher = rempart_fetcher_new ();
  soup_session_set_proxy_resolver (rempart_fetcher_get_session (f->fetcher), NULL);
  /* Far beyond the test's own bounds: only the Cancel button ends this check. */
  rempart_fetcher_set_deadline (f->fetcher, 600);
  rempart_fetcher_set_min_rate (f->fetcher, 0, 0);
  f->monitor = rempart_test_monitor_new ();
  f->sync = rempart_sync_new (f->store, f->fetcher, G_NETWORK_MONITOR (f->monitor));
  f->settings = g_settings_new (APPLICATION_ID);

  f->window = rempart_window_new (GTK_APPLICATION (application), f->store, f->settings);
  rempart_window_set_sync (f->window, f->sync);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1000, 700);
  gtk_window_present (GTK_WINDOW (f->window));
  g_assert_true (rempart_ui_test_iterate_until (rempart_ui_test_widget_is_mapped, f->window));
}

static void
fixture_tear_down (Fixture *f, gconstpointer user_data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  rempart_ui_test_iterate_a_little ();
  g_clear_object (&f->result);
  g_clear_object (&f->sync);
  g_clear_object (&f->monitor);
  g_clear_object (&f->fetcher);
  g_clear_object (&f->settings);
  rempart_store_close (f->store);
  g_clear_object (&f->store);
  rempart_test_dir_remove (f->dir);
  g_free (f->dir);
  rempart_test_server_disconnect (f->server);
  g_ptr_array_unref (f->trickles);
  g_clear_object (&f->server);
  g_free (f->base);
}

/* -------------------------------------------------------------------------------------- */
/* Tests                                                                                  */
/* -------------------------------------------------------------------------------------- */

static void
set_title (Fixture *f, gint64 id, const char *title)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) subs = rempart_store_list_subscriptions_sync (f->store, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < subs->len; i++)
    {
      RempartSubscription *sub = g_ptr_array_index (subs, i);

      if (sub->id != id)
        continue;
      g_free (sub->title);
      sub->title = g_strdup (title);
      g_assert_true (rempart_store_update_subscription_sync (f->store, sub, &error));
      g_assert_no_error (error);
    }
}

static gint64
add_titled (Fixture *f, const char *path, const char *title)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *address = g_strconcat (f->base, path, NULL);
  g_autoptr (RempartSubscription) sub =
      rempart_store_add_subscription_sync (f->store, address, NULL, &error);

  g_assert_no_error (error);
  set_title (f, sub->id, title);
  return sub->id;
}

static gboolean
groups_listed (gpointer data)
{
  Fixture *f = data;
  GtkWidget *list = child (f, "groups_list");
  guint n = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    n++;
  return n == 3;
}

static gboolean
has_row_titled (Fixture *f, const char *title)
{
  GtkWidget *list = child (f, "groups_list");

  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (ADW_IS_PREFERENCES_ROW (row) &&
        g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), title) == 0)
      {
        g_assert_false (adw_preferences_row_get_use_markup (ADW_PREFERENCES_ROW (row)));
        return TRUE;
      }
  return FALSE;
}

/* Titles saved before the parser cleaned them: markup characters (a Pango parse of
 * "AT&T <3" is a warning, fatal here), a right-to-left override and a line separator. The
 * sidebar and the "Checking…" line show them as text, in the order they are written, on
 * one line. */
static void
test_hostile_titles (Fixture *f, gconstpointer user_data)
{
  g_autoptr (GPtrArray) subs = NULL;
  g_autoptr (GError) error = NULL;
  const char *text;

  subs = rempart_store_list_subscriptions_sync (f->store, &error);
  g_assert_no_error (error);
  set_title (f, ((RempartSubscription *) g_ptr_array_index (subs, 0))->id,
             "\u202Eelpmaxe\u2028two");
  add_titled (f, "/amp.json", "AT&T <3");
  add_titled (f, "/bold.json", "<b>Bold</b> &amp;");
  rempart_window_reload (f->window);

  g_assert_true (rempart_ui_test_iterate_until_timeout (groups_listed, f, 10));
  rempart_ui_test_iterate_a_little ();
  g_assert_true (has_row_titled (f, "AT&T <3"));
  g_assert_true (has_row_titled (f, "<b>Bold</b> &amp;"));
  g_assert_true (has_row_titled (f, "elpmaxe two"));

  /* The refresh checks the trickling group first. */
  rempart_sync_refresh_async (f->sync, ((RempartSubscription *) g_ptr_array_index (subs, 0))->id,
                              TRUE, NULL, refresh_done_cb, f);
  g_assert_true (rempart_ui_test_iterate_until_timeout (checking_shown, f, 10));
  text = gtk_label_get_text (GTK_LABEL (child (f, "checking_label")));
  g_assert_cmpstr (text, ==, "Checking elpmaxe two…");
  save_png (GTK_WIDGET (f->window), "window-sync-titles.png");

  rempart_sync_cancel_refresh (f->sync);
  g_assert_true (rempart_ui_test_iterate_until_timeout (checking_hidden, f, 10));
}

static void
test_checking_then_cancel (Fixture *f, gconstpointer user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) reports = NULL;
  GtkWidget *cancel = NULL;
  GtkWidget *focus = NULL;
  const char *text;

  rempart_sync_refresh_async (f->sync, 0, TRUE, NULL, refresh_done_cb, f);

  /* The sidebar says which group is being checked, with a spinner. */
  g_assert_true (rempart_ui_test_iterate_until_timeout (checking_shown, f, 10));
  text = gtk_label_get_text (GTK_LABEL (child (f, "checking_label")));
  g_assert_true (g_str_has_prefix (text, "Checking "));
  g_assert_nonnull (strstr (text, "/slow.json"));
  g_assert_true (g_str_has_suffix (text, "…"));
  g_assert_true (gtk_spinner_get_spinning (GTK_SPINNER (child (f, "checking_spinner"))));
  g_assert_false (gtk_widget_get_visible (child (f, "sync_status_label")));
  g_assert_null (f->result);
  g_assert_cmpuint (f->trickles->len, ==, 1);

  cancel = child (f, "cancel_check_button");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (cancel), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Stop checking for new actions");
  /* Light and dark; not at 360 px, where the leaflet folds to the list and the Tab order
   * below would start elsewhere. */
  save_png (GTK_WIDGET (f->window), "window-sync-checking.png");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_DARK);
  save_png (GTK_WIDGET (f->window), "window-sync-checking-dark.png");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);

  /* Tab reaches the Cancel button, and Enter presses it. */
  for (guint i = 0; i < 60 && focus != cancel; i++)
    focus = rempart_ui_test_tab (GTK_WIDGET (f->window), FALSE);
  g_assert_true (focus == cancel);
  g_assert_true (rempart_ui_test_press_key (cancel, GDK_KEY_Return, 0));

  g_assert_true (rempart_ui_test_iterate_until_timeout (checking_hidden, f, 10));
  reports = rempart_sync_refresh_finish (f->sync, f->result, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (reports);

  /* The status says what happened, and the focus stayed in the window. */
  g_assert_true (gtk_widget_get_visible (child (f, "sync_status_label")));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (child (f, "sync_status_label"))), ==,
                   "Check cancelled");
  focus = gtk_root_get_focus (GTK_ROOT (f->window));
  g_assert_nonnull (focus);
  g_assert_true (focus != cancel);
  g_assert_true (rempart_ui_test_is_inside (focus, GTK_WIDGET (f->window)));
}

int
main (int argc, char *argv[])
{
  g_autofree char *data_home = NULL;
  int ret;

  data_home = rempart_ui_test_make_data_home ("ui-window-sync-home");

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_object_set (gtk_settings_get_default (), "gtk-decoration-layout", "appmenu:close", NULL);

  application = rempart_ui_test_application_new ();

  g_test_add ("/window/sync/checking-then-cancel", Fixture, NULL, fixture_set_up,
              test_checking_then_cancel, fixture_tear_down);

  g_test_add ("/window/sync/hostile-titles", Fixture, NULL, fixture_set_up, test_hostile_titles,
              fixture_tear_down);

  ret = g_test_run ();
  rempart_ui_test_application_shutdown (application);
  g_clear_object (&application);
  rempart_test_dir_remove (data_home);

  return ret;
}
