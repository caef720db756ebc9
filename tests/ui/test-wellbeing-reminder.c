/* test-wellbeing-reminder.c: the daily reminder's notification, app.show-today, and running
 * in the background (the autostart file, the Background portal)
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "rempart-autostart.h"
#include "rempart-background.h"
#include "rempart-page-test.h"
#include "rempart-preferences-window.h"
#include "rempart-store-private.h"
#include "rempart-test-dirs.h"
#include "rempart-ui-test.h"
#include "rempart-wellbeing-page.h"
#include "rempart-wellbeing.h"
#include "rempart-window.h"

/*
 * The test plays the desktop on the session bus of dbus-run-session, from connections of its
 * own: it owns org.gtk.Notifications (the name GLib's notifications try first) before the
 * application sends anything, reads what it is sent, and activates the notification the way
 * GNOME Shell does, with org.freedesktop.Application.ActivateAction on the application's
 * object. For the Flatpak's path it owns org.freedesktop.portal.Desktop and answers
 * Background.RequestBackground. The autostart file is written in a private XDG_CONFIG_HOME.
 * The reminder's clock is the test's (RempartReminderTimer), so it is due when the test says.
 */

#define APP_PATH_FALLBACK "/io/github/rempart/Rempart"

typedef struct
{
  RempartStore *store;
  RempartSubscription *sub;
  RempartActionItem *item;
  RempartFeedInfo *info;
  GSettings *settings;
  GtkWindow *window;
  gint64 now_us;
  RempartReminderTimer *timer;
  gboolean listed;
} Fixture;

/* The fake desktop: one connection, the names it owns, what it was told. */
typedef struct
{
  GDBusConnection *connection;
  guint object_id;
  guint name_id;
  gboolean name_acquired;
  gboolean name_lost;
  /* org.gtk.Notifications */
  char *app_sender; /* who sent the daily reminder */
  GVariant *notification;
  gboolean withdrawn;
  /* org.freedesktop.portal.Background */
  guint32 portal_response;
  GVariant *portal_options;
  guint portal_requests;
} Desktop;

static Desktop desktop;
static char *config_home;

/* -------------------------------------------------------------------------------------- */
/* The fake desktop                                                                       */
/* -------------------------------------------------------------------------------------- */

static const char notifications_xml[] =
    "<node><interface name='org.gtk.Notifications'>"
    "<method name='AddNotification'><arg type='s' direction='in'/><arg type='s' direction='in'/>"
    "<arg type='a{sv}' direction='in'/></method>"
    "<method name='RemoveNotification'><arg type='s' direction='in'/>"
    "<arg type='s' direction='in'/></method>"
    "</interface></node>";

static const char portal_xml[] =
    "<node><interface name='org.freedesktop.portal.Background'>"
    "<method name='RequestBackground'><arg type='s' direction='in'/>"
    "<arg type='a{sv}' direction='in'/><arg type='o' direction='out'/></method>"
    "</interface></node>";

static void
notifications_method_cb (GDBusConnection *connection,
                         const char *sender,
                         const char *path,
                         const char *interface,
                         const char *method,
                         GVariant *parameters,
                         GDBusMethodInvocation *invocation,
                         gpointer user_data)
{
  const char *app_id, *id;

  g_variant_get_child (parameters, 0, "&s", &app_id);
  g_variant_get_child (parameters, 1, "&s", &id);

  /* Other test programs share the bus: only our application's reminder counts. */
  if (g_str_equal (app_id, APPLICATION_ID) && g_str_equal (id, "daily-reminder"))
    {
      if (g_str_equal (method, "AddNotification"))
        {
          g_free (desktop.app_sender);
          desktop.app_sender = g_strdup (sender);
          g_clear_pointer (&desktop.notification, g_variant_unref);
          desktop.notification = g_variant_get_child_value (parameters, 2);
        }
      else
        desktop.withdrawn = TRUE;
    }

  g_dbus_method_invocation_return_value (invocation, NULL);
}

static void
portal_method_cb (GDBusConnection *connection,
                  const char *sender,
                  const char *path,
                  const char *interface,
                  const char *method,
                  GVariant *parameters,
                  GDBusMethodInvocation *invocation,
                  gpointer user_data)
{
  g_autofree char *escaped = g_strdelimit (g_strdup (sender + 1), ".", '_');
  g_autofree char *handle = NULL;
  g_autoptr (GError) error = NULL;
  const char *token = NULL;
  GVariantBuilder results;

  desktop.portal_requests++;
  g_clear_pointer (&desktop.portal_options, g_variant_unref);
  desktop.portal_options = g_variant_get_child_value (parameters, 1);
  g_assert_true (g_variant_lookup (desktop.portal_options, "handle_token", "&s", &token));

  /* As xdg-desktop-portal: the request's path from the caller's token, the answer on it. */
  handle = g_strdup_printf ("/org/freedesktop/portal/desktop/request/%s/%s", escaped, token);
  g_dbus_method_invocation_return_value (invocation, g_variant_new ("(o)", handle));

  g_variant_builder_init (&results, G_VARIANT_TYPE_VARDICT);
  if (desktop.portal_response == 0)
    {
      g_variant_builder_add (&results, "{sv}", "background", g_variant_new_boolean (TRUE));
      g_variant_builder_add (&results, "{sv}", "autostart", g_variant_new_boolean (TRUE));
    }
  g_assert_true (g_dbus_connection_emit_signal (
      connection, sender, handle, "org.freedesktop.portal.Request", "Response",
      g_variant_new ("(ua{sv})", desktop.portal_response, &results), &error));
  g_assert_no_error (error);
}

static void
name_acquired_cb (GDBusConnection *connection, const char *name, gpointer user_data)
{
  desktop.name_acquired = TRUE;
}

static void
name_lost_cb (GDBusConnection *connection, const char *name, gpointer user_data)
{
  desktop.name_lost = TRUE;
}

static gboolean
name_settled (gpointer data)
{
  return desktop.name_acquired || desktop.name_lost;
}

/* Owns @name on a connection of its own, serving @xml's interface at @path. */
static void
desktop_up (const char *name, const char *xml, const char *path, GDBusInterfaceMethodCallFunc func)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *address = g_dbus_address_get_for_bus_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_autoptr (GDBusNodeInfo) node = NULL;
  const GDBusInterfaceVTable vtable = { func, NULL, NULL, { 0 } };

  g_assert_no_error (error);
  desktop.connection =
      g_dbus_connection_new_for_address_sync (address,
                                              G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                                                  G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
                                              NULL, NULL, &error);
  g_assert_no_error (error);

  node = g_dbus_node_info_new_for_xml (xml, &error);
  g_assert_no_error (error);
  desktop.object_id = g_dbus_connection_register_object (
      desktop.connection, path, node->interfaces[0], &vtable, NULL, NULL, &error);
  g_assert_no_error (error);

  desktop.name_acquired = desktop.name_lost = FALSE;
  desktop.name_id =
      g_bus_own_name_on_connection (desktop.connection, name, G_BUS_NAME_OWNER_FLAGS_DO_NOT_QUEUE,
                                    name_acquired_cb, name_lost_cb, NULL, NULL);
  g_assert_true (rempart_ui_test_iterate_until (name_settled, NULL));
  g_assert_true (desktop.name_acquired);
}

static void
desktop_down (void)
{
  if (desktop.connection == NULL)
    return;

  g_bus_unown_name (desktop.name_id);
  g_dbus_connection_unregister_object (desktop.connection, desktop.object_id);
  g_dbus_connection_close_sync (desktop.connection, NULL, NULL);
  g_clear_object (&desktop.connection);
  g_clear_pointer (&desktop.app_sender, g_free);
  g_clear_pointer (&desktop.notification, g_variant_unref);
  g_clear_pointer (&desktop.portal_options, g_variant_unref);
  desktop.withdrawn = FALSE;
  desktop.portal_requests = 0;
  desktop.portal_response = 0;
}

/* -------------------------------------------------------------------------------------- */
/* Helpers                                                                                */
/* -------------------------------------------------------------------------------------- */

static GtkApplication *
app (void)
{
  return GTK_APPLICATION (g_application_get_default ());
}

static RempartWellbeing *
wellbeing (void)
{
  RempartWellbeing *wellbeing = rempart_wellbeing_get_for_application (app ());

  g_assert_nonnull (wellbeing);
  return wellbeing;
}

static gint64
fake_clock (gpointer user_data)
{
  return ((Fixture *) user_data)->now_us;
}

static void
set_clock (Fixture *f, const char *iso8601)
{
  g_autoptr (GDateTime) date = g_date_time_new_from_iso8601 (iso8601, NULL);

  g_assert_nonnull (date);
  f->now_us = g_date_time_to_unix (date) * G_USEC_PER_SEC;
}

static char *
autostart_path (void)
{
  return rempart_autostart_get_path (APPLICATION_ID);
}

static void
fixture_set_up (Fixture *f, gconstpointer user_data)
{
  g_autofree char *path = autostart_path ();

  rempart_page_test_open_example (&f->store, &f->sub, &f->item, &f->info);
  f->settings = g_settings_new (APPLICATION_ID);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
fixture_tear_down (Fixture *f, gconstpointer user_data)
{
  g_autofree char *path = autostart_path ();
  GList *windows;

  while ((windows = gtk_application_get_windows (app ())) != NULL)
    gtk_window_destroy (windows->data);
  g_clear_pointer (&f->window, gtk_window_destroy);
  rempart_ui_test_iterate_a_little ();

  rempart_wellbeing_set_store (wellbeing (), NULL);
  rempart_reminder_timer_set_clock_for_testing (
      rempart_daily_reminder_get_timer (rempart_wellbeing_get_daily_reminder (wellbeing ())), NULL,
      NULL, 0);
  for (const char *const *key = (const char *const[]){ "daily-reminder", "daily-reminder-time",
                                                       "run-in-background", NULL };
       *key != NULL; key++)
    g_settings_reset (f->settings, *key);
  g_clear_object (&f->settings);
  g_unlink (path);
  rempart_background_set_sandboxed_for_testing (0);
  rempart_background_set_portal_for_testing (NULL);
  desktop_down ();
  rempart_page_test_close_example (&f->store, &f->sub, &f->item, &f->info);
}

/* The example feed's actions expire in May 2026: the store lives on 2 May. They were first
 * seen today, by the real clock, which the reminder counts with. */
static void
store_on_2_may (Fixture *f)
{
  g_autoptr (GDateTime) date = g_date_time_new_from_iso8601 ("2026-05-02T12:00:00+02:00", NULL);

  rempart_store_set_now_for_testing (f->store, g_date_time_to_unix (date));
}

static guint
count_todo (Fixture *f)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) todo =
      rempart_store_list_actions_sync (f->store, REMPART_ACTION_VIEW_TODO, &error);

  g_assert_no_error (error);
  return todo->len;
}

static gboolean
notified (gpointer data)
{
  return desktop.notification != NULL;
}

static gboolean
withdrawn (gpointer data)
{
  return desktop.withdrawn;
}

static gboolean
shows_todo (gpointer window)
{
  return gtk_widget_get_mapped (window) &&
         rempart_action_model_get_view (rempart_window_get_model (window)) ==
             REMPART_ACTION_VIEW_TODO;
}

static gboolean
next_is_tomorrow (gpointer data)
{
  Fixture *f = data;

  return rempart_reminder_timer_get_next (f->timer) > f->now_us / G_USEC_PER_SEC + 3600;
}

static void
listed_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GPtrArray) actions =
      rempart_store_list_action_rows_finish (REMPART_STORE (source), result, NULL);

  ((Fixture *) user_data)->listed = TRUE;
}

static gboolean
listed (gpointer data)
{
  return ((Fixture *) data)->listed;
}

/* A round trip from the application's connection to the desktop's: messages between two
 * connections keep their order, so whatever the application sent before has arrived. */
static void
ping_desktop (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GVariant) reply = g_dbus_connection_call_sync (
      g_application_get_dbus_connection (G_APPLICATION (app ())),
      g_dbus_connection_get_unique_name (desktop.connection), "/", "org.freedesktop.DBus.Peer",
      "Ping", NULL, NULL, G_DBUS_CALL_FLAGS_NONE, 5000, NULL, &error);

  g_assert_no_error (error);
  rempart_ui_test_dispatch_pending ();
}

static RempartWellbeingPage *
open_page (Fixture *f)
{
  RempartPreferencesWindow *prefs = rempart_preferences_window_new (NULL, f->store, f->settings);
  RempartWellbeingPage *page;

  f->window = GTK_WINDOW (prefs);
  /* Tall enough for every row to be on screen, where the pointer can reach it. */
  gtk_window_set_default_size (f->window, 640, 1200);
  gtk_window_present (f->window);
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (prefs), "wellbeing");
  page = REMPART_WELLBEING_PAGE (
      adw_preferences_window_get_visible_page (ADW_PREFERENCES_WINDOW (prefs)));
  g_assert_true (REMPART_IS_WELLBEING_PAGE (page));
  g_assert_true (rempart_ui_test_iterate_until (rempart_ui_test_widget_is_mapped, page));

  return page;
}

static GtkWidget *
page_child (RempartWellbeingPage *page, const char *name)
{
  GObject *object =
      gtk_widget_get_template_child (GTK_WIDGET (page), REMPART_TYPE_WELLBEING_PAGE, name);

  g_assert_nonnull (object);
  return GTK_WIDGET (object);
}

static void
tab_to (GtkWidget *target)
{
  for (guint i = 0; i < 60; i++)
    {
      GtkWidget *focus = rempart_ui_test_tab (target, FALSE);

      if (focus == target || (focus != NULL && rempart_ui_test_is_inside (focus, target)))
        return;
    }

  g_error ("Tab never reached %s", G_OBJECT_TYPE_NAME (target));
}

static GtkWidget *
focus_of (GtkWidget *widget)
{
  return gtk_root_get_focus (gtk_widget_get_root (widget));
}

typedef struct
{
  GSettings *settings;
  gboolean on;
  GtkSwitch *sw;
} BackgroundWait;

static gboolean
background_settled (gpointer data)
{
  BackgroundWait *wait = data;

  return g_settings_get_boolean (wait->settings, "run-in-background") == wait->on &&
         gtk_switch_get_state (wait->sw) == wait->on &&
         gtk_switch_get_active (wait->sw) == wait->on;
}

static gboolean
reminder_on (gpointer settings)
{
  return g_settings_get_boolean (settings, "daily-reminder");
}

static gboolean
row_shows_error (gpointer row)
{
  return gtk_widget_has_css_class (row, "error");
}

/* -------------------------------------------------------------------------------------- */
/* Tests                                                                                  */
/* -------------------------------------------------------------------------------------- */

static void
test_text (void)
{
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;

  /* Nothing to do, nothing sent. */
  g_assert_false (rempart_daily_reminder_get_text (0, 0, &title, &body));
  g_assert_null (title);

  g_assert_true (rempart_daily_reminder_get_text (1, 4, &title, &body));
  g_assert_cmpstr (title, ==, "1 New Action Today");
  g_clear_pointer (&title, g_free);
  g_clear_pointer (&body, g_free);

  g_assert_true (rempart_daily_reminder_get_text (0, 3, &title, &body));
  g_assert_cmpstr (title, ==, "No New Actions Today");
  g_assert_cmpstr (body, ==, "3 actions are still open, if you have the time.");
}

static void
test_notification (Fixture *f, gconstpointer user_data)
{
  RempartDailyReminder *reminder = rempart_wellbeing_get_daily_reminder (wellbeing ());
  RempartReminderTimer *timer = rempart_daily_reminder_get_timer (reminder);
  GDBusConnection *app_connection = g_application_get_dbus_connection (G_APPLICATION (app ()));
  const char *app_path = g_application_get_dbus_object_path (G_APPLICATION (app ()));
  g_autofree char *expected_title = NULL;
  const char *title = NULL, *body = NULL, *action = NULL;
  RempartWindow *window;
  guint todo;

  store_on_2_may (f);
  todo = count_todo (f);

  /* The desktop is there before the first notification: GLib chooses its backend then. */
  desktop_up ("org.gtk.Notifications", notifications_xml, "/org/gtk/Notifications",
              notifications_method_cb);

  /* A window left on Done, hidden, as after closing it with Rempart in the background. */
  window = rempart_window_new (app (), f->store, f->settings);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "i", 2);
  g_assert_cmpint (rempart_action_model_get_view (rempart_window_get_model (window)), ==,
                   REMPART_ACTION_VIEW_DONE);

  /* Six in the evening on the test's clock, the example actions all new today. */
  set_clock (f, "2026-05-02T17:59:59+02:00");
  rempart_reminder_timer_set_clock_for_testing (timer, fake_clock, f, 5);
  rempart_wellbeing_set_store (wellbeing (), f->store);
  g_settings_set_uint (f->settings, "daily-reminder-time", 18 * 60);
  g_settings_set_boolean (f->settings, "daily-reminder", TRUE);
  g_assert_cmpint (rempart_reminder_timer_get_next (timer), ==, f->now_us / G_USEC_PER_SEC + 1);
  set_clock (f, "2026-05-02T18:00:00+02:00");

  g_assert_true (rempart_ui_test_iterate_until (notified, NULL));
  g_assert_true (g_variant_lookup (desktop.notification, "title", "&s", &title));
  g_assert_true (g_variant_lookup (desktop.notification, "body", "&s", &body));
  g_assert_true (g_variant_lookup (desktop.notification, "default-action", "&s", &action));
  g_assert_cmpuint (todo, >, 0);
  expected_title =
      g_strdup_printf (todo == 1 ? "%u New Action Today" : "%u New Actions Today", todo);
  g_assert_cmpstr (title, ==, expected_title);
  g_assert_cmpstr (body, ==, "Take part if you have the time today. Every kind reply counts.");
  g_assert_cmpstr (action, ==, "app.show-today");

  /* Clicked, as GNOME Shell does it: the window comes back on To Do. */
  g_dbus_connection_call (desktop.connection, desktop.app_sender,
                          app_path != NULL ? app_path : APP_PATH_FALLBACK,
                          "org.freedesktop.Application", "ActivateAction",
                          g_variant_new ("(s@av@a{sv})", "show-today",
                                         g_variant_new_array (G_VARIANT_TYPE_VARIANT, NULL, 0),
                                         g_variant_new_array (G_VARIANT_TYPE ("{sv}"), NULL, 0)),
                          NULL, G_DBUS_CALL_FLAGS_NONE, -1, NULL, NULL, NULL);
  g_assert_true (rempart_ui_test_iterate_until (shows_todo, window));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_true (rempart_ui_test_iterate_until (withdrawn, NULL));
  g_assert_cmpstr (g_dbus_connection_get_unique_name (app_connection), ==, desktop.app_sender);

  /* Once a day: the next one is tomorrow's. */
  g_assert_cmpint (rempart_reminder_timer_get_next (timer), ==,
                   f->now_us / G_USEC_PER_SEC + 24 * 3600);
}

static void
test_nothing_to_do (Fixture *f, gconstpointer user_data)
{
  RempartReminderTimer *timer =
      rempart_daily_reminder_get_timer (rempart_wellbeing_get_daily_reminder (wellbeing ()));
  g_autoptr (GPtrArray) todo =
      rempart_store_list_actions_sync (f->store, REMPART_ACTION_VIEW_TODO, NULL);

  desktop_up ("org.gtk.Notifications", notifications_xml, "/org/gtk/Notifications",
              notifications_method_cb);

  /* Every action set aside: nothing to remind of. */
  for (guint i = 0; i < todo->len; i++)
    {
      RempartStoredAction *stored = g_ptr_array_index (todo, i);

      g_assert_true (rempart_store_add_action_state_sync (f->store, stored->subscription_url,
                                                          rempart_action_get_id (stored->action),
                                                          REMPART_ACTION_STATE_DISMISSED, NULL));
    }
  g_assert_cmpuint (count_todo (f), ==, 0);

  set_clock (f, "2026-05-02T17:59:59+02:00");
  rempart_reminder_timer_set_clock_for_testing (timer, fake_clock, f, 5);
  rempart_wellbeing_set_store (wellbeing (), f->store);
  g_settings_set_boolean (f->settings, "daily-reminder", TRUE);
  set_clock (f, "2026-05-02T18:00:01+02:00");

  /* It was due: the next one is tomorrow's. */
  f->timer = timer;
  g_assert_true (rempart_ui_test_iterate_until (next_is_tomorrow, f));

  /* The store runs its jobs in order: once this listing is back, the reminder's was too... */
  rempart_store_list_action_rows_async (f->store, REMPART_ACTION_VIEW_TODO, NULL, listed_cb, f);
  g_assert_true (rempart_ui_test_iterate_until (listed, f));
  /* ...and what the application sent before this ping has reached the desktop. */
  ping_desktop ();
  g_assert_null (desktop.notification);
}

static void
test_page_reminder (Fixture *f, gconstpointer user_data)
{
  RempartWellbeingPage *page = open_page (f);
  GtkWidget *row = page_child (page, "reminder_row");
  GtkWidget *time_row = page_child (page, "reminder_time_row");
  GtkWidget *spin = page_child (page, "reminder_time_spin");

  g_assert_false (gtk_widget_is_sensitive (time_row));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (spin)), ==, "18:00");

  /* Space on the row turns the reminder on; the time becomes available. */
  tab_to (row);
  g_assert_true (focus_of (row) == row);
  g_assert_true (rempart_ui_test_press_key (row, GDK_KEY_space, 0));
  /* GtkSwitch changes at the end of its animation. */
  g_assert_true (rempart_ui_test_iterate_until (reminder_on, f->settings));
  g_assert_true (gtk_widget_is_sensitive (time_row));

  /* Up adds a quarter of an hour, shown as a time. */
  tab_to (spin);
  rempart_ui_test_press_key (focus_of (spin), GDK_KEY_Up, 0);
  g_assert_cmpuint (g_settings_get_uint (f->settings, "daily-reminder-time"), ==, 18 * 60 + 15);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (spin)), ==, "18:15");

  /* Typed the French way, then Enter. */
  gtk_editable_set_text (GTK_EDITABLE (spin), "7h30");
  g_assert_true (rempart_ui_test_press_key (focus_of (spin), GDK_KEY_Return, 0));
  g_assert_cmpuint (g_settings_get_uint (f->settings, "daily-reminder-time"), ==, 7 * 60 + 30);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (spin)), ==, "07:30");

  /* Nonsense is refused, the time kept. */
  gtk_editable_set_text (GTK_EDITABLE (spin), "25:99");
  g_assert_true (rempart_ui_test_press_key (focus_of (spin), GDK_KEY_Return, 0));
  g_assert_cmpuint (g_settings_get_uint (f->settings, "daily-reminder-time"), ==, 7 * 60 + 30);

  rempart_ui_test_save_pngs (f->window, "wellbeing-reminder", 640, 900, rempart_page_test_save_png);
}

static void
test_background_autostart (Fixture *f, gconstpointer user_data)
{
  RempartWellbeingPage *page = open_page (f);
  GtkWidget *row = page_child (page, "background_row");
  BackgroundWait wait = { f->settings, TRUE, GTK_SWITCH (page_child (page, "background_switch")) };
  g_autofree char *path = autostart_path ();
  g_autofree char *expected_dir = g_build_filename (config_home, "autostart", NULL);
  g_autoptr (GKeyFile) file = g_key_file_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *exec = NULL;

  rempart_background_set_sandboxed_for_testing (0);
  g_assert_true (g_str_has_prefix (path, expected_dir));
  g_assert_false (rempart_wellbeing_get_holding (wellbeing ()));

  /* The pointer comes over the row and clicks it: the file is written, then the switch and
   * the setting say so, and the application is held. */
  rempart_ui_test_hover (row, row, rempart_ui_test_center_of (row), FALSE);
  rempart_ui_test_iterate_a_little ();
  rempart_ui_test_click_row (row);
  g_assert_true (rempart_ui_test_iterate_until (background_settled, &wait));
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_key_file_load_from_file (file, path, G_KEY_FILE_NONE, &error));
  g_assert_no_error (error);
  exec = g_key_file_get_string (file, "Desktop Entry", "Exec", &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_suffix (exec, " --gapplication-service"));
  g_assert_true (rempart_wellbeing_get_holding (wellbeing ()));
  g_assert_false (gtk_widget_has_css_class (row, "error"));

  /* Off from the keyboard: the file goes, the application is let go. */
  rempart_ui_test_hover (row, row, rempart_ui_test_center_of (row), TRUE);
  tab_to (row);
  g_assert_true (rempart_ui_test_is_inside (focus_of (row), row));
  g_assert_true (rempart_ui_test_press_key (focus_of (row), GDK_KEY_space, 0));
  wait.on = FALSE;
  g_assert_true (rempart_ui_test_iterate_until (background_settled, &wait));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_false (rempart_wellbeing_get_holding (wellbeing ()));
  g_assert_true (rempart_ui_test_is_inside (focus_of (row), row));

  /* On again, then turned off elsewhere: let go. */
  g_assert_true (rempart_ui_test_press_key (focus_of (row), GDK_KEY_space, 0));
  wait.on = TRUE;
  g_assert_true (rempart_ui_test_iterate_until (background_settled, &wait));
  g_assert_true (rempart_wellbeing_get_holding (wellbeing ()));
  g_settings_set_boolean (f->settings, "run-in-background", FALSE);
  g_assert_false (rempart_wellbeing_get_holding (wellbeing ()));
}

static void
test_background_unwritable (Fixture *f, gconstpointer user_data)
{
  RempartWellbeingPage *page = open_page (f);
  GtkWidget *row = page_child (page, "background_row");
  GtkWidget *sw = page_child (page, "background_switch");
  g_autofree char *dir = g_build_filename (config_home, "autostart", NULL);
  const char *subtitle;

  /* The autostart folder is a file: the switch stays off and the row says why, in full. */
  g_rmdir (dir);
  g_assert_true (g_file_set_contents (dir, "", 0, NULL));
  tab_to (row);
  g_assert_true (rempart_ui_test_press_key (focus_of (row), GDK_KEY_space, 0));
  g_assert_true (rempart_ui_test_iterate_until (row_shows_error, row));
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (sw)));
  g_assert_false (g_settings_get_boolean (f->settings, "run-in-background"));
  subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
  g_assert_nonnull (strstr (subtitle, "Could not set Rempart to start when you log in"));
  g_assert_nonnull (strstr (subtitle, dir));
  g_assert_false (rempart_wellbeing_get_holding (wellbeing ()));
  g_assert_true (rempart_ui_test_is_inside (focus_of (row), row));
  g_unlink (dir);
}

static void
test_background_portal (Fixture *f, gconstpointer user_data)
{
  RempartWellbeingPage *page = open_page (f);
  GtkWidget *row = page_child (page, "background_row");
  BackgroundWait wait = { f->settings, TRUE, GTK_SWITCH (page_child (page, "background_switch")) };
  g_autofree char *path = autostart_path ();
  g_autofree const char **commandline = NULL;
  gboolean autostart = FALSE;
  const char *reason = NULL;
  g_autofree char *portal_name = NULL;

  /* Inside the Flatpak: the portal is asked, and no file is written by Rempart itself. */
  rempart_background_set_sandboxed_for_testing (1);
  portal_name = g_strdup_printf ("io.github.rempart.TestPortal.P%d", (int) getpid ());
  rempart_background_set_portal_for_testing (portal_name);
  desktop_up (portal_name, portal_xml, "/org/freedesktop/portal/desktop", portal_method_cb);

  tab_to (row);
  g_assert_true (rempart_ui_test_press_key (focus_of (row), GDK_KEY_space, 0));
  g_assert_true (rempart_ui_test_iterate_until (background_settled, &wait));
  g_assert_cmpuint (desktop.portal_requests, ==, 1);
  g_assert_true (g_variant_lookup (desktop.portal_options, "autostart", "b", &autostart));
  g_assert_true (autostart);
  g_assert_true (g_variant_lookup (desktop.portal_options, "commandline", "^a&s", &commandline));
  g_assert_cmpstrv (commandline,
                    ((const char *const[]){ "rempart", "--gapplication-service", NULL }));
  g_assert_true (g_variant_lookup (desktop.portal_options, "reason", "&s", &reason));
  g_assert_cmpstr (reason, ==, "Rempart sends your daily reminder.");
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_true (rempart_wellbeing_get_holding (wellbeing ()));

  /* Off: the portal is asked to drop the autostart. */
  g_assert_true (rempart_ui_test_press_key (focus_of (row), GDK_KEY_space, 0));
  wait.on = FALSE;
  g_assert_true (rempart_ui_test_iterate_until (background_settled, &wait));
  g_assert_cmpuint (desktop.portal_requests, ==, 2);
  g_assert_true (g_variant_lookup (desktop.portal_options, "autostart", "b", &autostart));
  g_assert_false (autostart);

  /* The volunteer declines in the portal's dialog: still off, and the row says where to
   * allow it. */
  desktop.portal_response = 1;
  g_assert_true (rempart_ui_test_press_key (focus_of (row), GDK_KEY_space, 0));
  g_assert_true (rempart_ui_test_iterate_until (row_shows_error, row));
  g_assert_cmpuint (desktop.portal_requests, ==, 3);
  g_assert_false (g_settings_get_boolean (f->settings, "run-in-background"));
  g_assert_false (gtk_switch_get_active (wait.sw));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "declined"));
  g_assert_false (rempart_wellbeing_get_holding (wellbeing ()));
}

int
main (int argc, char *argv[])
{
  int ret;

  /* Before GLib reads and keeps it. */
  config_home = rempart_test_dir_new ("ui-reminder-config");
  g_setenv ("XDG_CONFIG_HOME", config_home, TRUE);
  /* The reminder's clock is the test's, in Paris. */
  g_setenv ("TZ", "Europe/Paris", TRUE);

  rempart_page_test_init (&argc, &argv, "wellbeing-reminder");
  g_setenv ("REMPART_NO_SYNC", "1", TRUE);
  g_object_set (gtk_settings_get_default (), "gtk-decoration-layout", "appmenu:close", NULL);

#define ADD(name, func) \
  g_test_add ("/wellbeing-reminder/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  g_test_add_func ("/wellbeing-reminder/text", test_text);
  ADD ("notification", test_notification);
  ADD ("nothing-to-do", test_nothing_to_do);
  ADD ("page-reminder", test_page_reminder);
  ADD ("background-autostart", test_background_autostart);
  ADD ("background-unwritable", test_background_unwritable);
  ADD ("background-portal", test_background_portal);
#undef ADD

  ret = rempart_page_test_run ();
  rempart_test_dir_remove (config_home);
  g_clear_pointer (&config_home, g_free);

  return ret;
}
