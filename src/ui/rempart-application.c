/* rempart-application.c
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Rempart"

#include "config.h"

#include <glib/gi18n.h>

#include "rempart-application-private.h"
#include "rempart-fetcher.h"
#include "rempart-first-frame.h"
#include "rempart-join-dialog.h"
#include "rempart-moderation-window.h"
#include "rempart-store.h"
#include "rempart-sync.h"
#include "rempart-wellbeing.h"
#include "rempart-window.h"
#include "rempart-workers.h"

/* How long quitting waits for worker threads (wait_for_workers()). */
#define REMPART_APPLICATION_WORKERS_TIMEOUT_MS 10000
/* How long an open store waits for the new main window's first frame (wait_for_first_frame()):
 * only a window that is never drawn waits this long; under the sanitizers a first frame
 * takes seconds. tests/ui/test-window-start.c has the same figure. */
#define REMPART_APPLICATION_FIRST_FRAME_WAIT_MS 10000

G_DEFINE_FINAL_TYPE (RempartApplication, rempart_application, ADW_TYPE_APPLICATION)

enum
{
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void open_store (RempartApplication *self);
static void refresh (RempartApplication *self, gint64 subscription_id, gboolean manual);

static const GOptionEntry option_entries[] = {
  { "version", 'v', G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL, N_ ("Show the version and exit"),
    NULL },
  { NULL },
};

/* Accelerators of application and window actions; the shortcuts window lists them all. */
static const struct
{
  const char *action;
  const char *accels[3];
} accelerators[] = {
  { "app.quit", { "<Control>q", NULL } },
  { "app.help", { "F1", NULL } },
  { "app.refresh", { "<Control>r", "F5", NULL } },
  { "window.close", { "<Control>w", NULL } },
  /* GTK sets it only when it finds gtk/help-overlay.ui, which Rempart builds when first shown. */
  { "win.show-help-overlay", { "<Control>question", NULL } },
};

/* -------------------------------------------------------------------------------------- */
/* Helpers                                                                                */
/* -------------------------------------------------------------------------------------- */

RempartWindow *
rempart_application_get_main_window (RempartApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (REMPART_IS_WINDOW (window))
    return REMPART_WINDOW (window);

  return NULL;
}

void
rempart_application_reload_windows (RempartApplication *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (REMPART_IS_WINDOW (l->data))
      rempart_window_reload (l->data);
}

static gboolean
reload_windows_cb (gpointer user_data)
{
  RempartApplication *self = user_data;

  self->reload_source = 0;
  rempart_application_reload_windows (self);

  return G_SOURCE_REMOVE;
}

/* Several subscriptions change in a row during a sync: reload once. */
static void
queue_reload (RempartApplication *self)
{
  if (self->reload_source == 0)
    self->reload_source = g_timeout_add (200, reload_windows_cb, self);
}

static gboolean
window_is_focused (RempartApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  return window != NULL && gtk_window_is_active (window);
}

/* -------------------------------------------------------------------------------------- */
/* Callbacks                                                                              */
/* -------------------------------------------------------------------------------------- */

static void
sync_subscription_changed_cb (RempartSync *sync, gint64 subscription_id, gpointer user_data)
{
  queue_reload (REMPART_APPLICATION (user_data));
}

static void
sync_new_actions_cb (RempartSync *sync, gint64 subscription_id, guint count, gpointer user_data)
{
  RempartApplication *self = user_data;
  g_autoptr (GNotification) notification = NULL;
  g_autofree char *body = NULL;

  if (window_is_focused (self) || !g_settings_get_boolean (self->settings, "notifications"))
    return;

  notification = g_notification_new (_ ("New Actions"));
  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Your group has %u new action for you.",
                                       "Your group has %u new actions for you.", count),
                          count);
  g_notification_set_body (notification, body);
  g_notification_set_default_action_and_target (notification, "app.show-newest", "x",
                                                subscription_id);
  g_application_send_notification (G_APPLICATION (self), "new-actions", notification);
}

/* What a check the volunteer asked for found, in a toast. */
void
rempart_application_show_refresh_result (RempartApplication *self, GPtrArray *reports)
{
  RempartWindow *window = rempart_application_get_main_window (self);
  const char *problem = NULL;
  guint added = 0;

  if (window == NULL || reports == NULL)
    return;

  for (guint i = 0; i < reports->len; i++)
    {
      RempartSyncReport *report = g_ptr_array_index (reports, i);

      added += report->stats.added;
      if (problem == NULL && report->outcome != REMPART_SYNC_OUTCOME_UPDATED &&
          report->outcome != REMPART_SYNC_OUTCOME_NOT_MODIFIED)
        problem = report->message;
    }

  if (problem != NULL)
    rempart_window_show_toast (window, problem);
  else if (added > 0)
    {
      g_autofree char *message = g_strdup_printf (
          g_dngettext (GETTEXT_PACKAGE, "%u new action", "%u new actions", added), added);

      rempart_window_show_toast (window, message);
    }
  else if (reports->len > 0)
    rempart_window_show_toast (window, _ ("No new actions"));
}

static void
refresh_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (RempartApplication) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) reports = NULL;
  RempartWindow *window = rempart_application_get_main_window (self);

  /* No reload here: every outcome that changed the store already emitted
   * RempartSync::subscription-changed, which reloads the windows once (queue_reload). */
  reports = rempart_sync_refresh_finish (REMPART_SYNC (source), result, &error);

  if (reports == NULL)
    {
      if (window != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        rempart_window_show_toast (window, error->message);
      return;
    }

  rempart_application_show_refresh_result (self, reports);
}

static void
sync_interval_changed_cb (GSettings *settings, const char *key, gpointer user_data)
{
  RempartApplication *self = user_data;

  if (self->sync == NULL)
    return;

  rempart_sync_stop (self->sync);
  rempart_sync_start (self->sync, g_settings_get_uint (settings, "sync-interval"));
}

/* Every window shows which group the sync is checking, and can cancel it. */
static void
hand_sync_to_windows (RempartApplication *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (REMPART_IS_WINDOW (l->data))
      rempart_window_set_sync (l->data, self->sync);
}

static void
start_sync (RempartApplication *self)
{
  g_return_if_fail (self->sync == NULL);

  self->fetcher = rempart_fetcher_new ();
  self->sync = rempart_sync_new (self->store, self->fetcher, NULL);
  g_signal_connect (self->sync, "subscription-changed", G_CALLBACK (sync_subscription_changed_cb),
                    self);
  g_signal_connect (self->sync, "new-actions", G_CALLBACK (sync_new_actions_cb), self);
  g_signal_connect (self->settings, "changed::sync-interval", G_CALLBACK (sync_interval_changed_cb),
                    self);
  hand_sync_to_windows (self);

  /* REMPART_NO_SYNC: screenshots and tests that must not touch the network. */
  if (g_getenv ("REMPART_NO_SYNC") == NULL)
    rempart_sync_start (self->sync, g_settings_get_uint (self->settings, "sync-interval"));
}

static void
store_dialog_response_cb (AdwMessageDialog *dialog, const char *response, gpointer user_data)
{
  RempartApplication *self = user_data;
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *kept = NULL;
  RempartWindow *window;

  if (g_str_equal (response, "retry"))
    {
      open_store (self);
      return;
    }

  if (!g_str_equal (response, "fresh"))
    {
      g_application_quit (G_APPLICATION (self));
      return;
    }

  /* Never delete the volunteer's data: the refused file is renamed, then a new one made. */
  path = rempart_store_get_default_path ();
  kept = rempart_store_move_aside (path, &error);
  window = rempart_application_get_main_window (self);

  if (kept == NULL)
    {
      if (window != NULL)
        rempart_window_show_toast (window, error->message);
      return;
    }

  if (window != NULL)
    {
      g_autofree char *message = NULL;

      /* Translators: %s is the path of the old database, kept aside */
      message = g_strdup_printf (_ ("Your previous data was kept as “%s”."), kept);
      rempart_window_show_toast (window, message);
    }

  open_store (self);
}

static void
show_store_error (RempartApplication *self, const GError *error)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  AdwMessageDialog *dialog;
  gboolean refused = g_error_matches (error, REMPART_STORE_ERROR, REMPART_STORE_ERROR_CORRUPT) ||
                     g_error_matches (error, REMPART_STORE_ERROR, REMPART_STORE_ERROR_TOO_NEW);

  dialog = ADW_MESSAGE_DIALOG (
      adw_message_dialog_new (parent, _ ("Your Rempart Data Cannot Be Opened"), NULL));
  /* The message names the file and says what happened; it is plain text, not markup. */
  adw_message_dialog_set_body (dialog, error->message);
  /* Translators: button that quits the app */
  adw_message_dialog_add_response (dialog, "quit", _ ("_Quit"));

  if (refused)
    {
      adw_message_dialog_add_response (dialog, "fresh", _ ("_Keep a Copy and Start Fresh"));
      adw_message_dialog_set_response_appearance (dialog, "fresh", ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (dialog, "fresh");
    }
  else
    {
      adw_message_dialog_add_response (dialog, "retry", _ ("_Try Again"));
      adw_message_dialog_set_response_appearance (dialog, "retry", ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (dialog, "retry");
    }

  adw_message_dialog_set_close_response (dialog, "quit");
  g_signal_connect (dialog, "response", G_CALLBACK (store_dialog_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* What the open store starts: the windows' lists, the first-run example, the sync. */
static void
store_ready (RempartApplication *self, RempartStore *store)
{
  g_set_object (&self->store, store);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
  rempart_wellbeing_set_store (self->wellbeing, store);

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (REMPART_IS_WINDOW (l->data))
      rempart_window_set_store (l->data, store);

  rempart_store_list_subscriptions_async (
      store, self->cancellable, rempart_application_subscriptions_checked_cb, g_object_ref (self));
  start_sync (self);
}

/* Hands over the store if it opened while the wait lasted. */
static void
stop_waiting_for_first_frame (RempartApplication *self)
{
  g_autoptr (RempartStore) store = g_steal_pointer (&self->store_waiting);

  g_clear_pointer (&self->first_frame, rempart_first_frame_cancel);
  if (store != NULL)
    store_ready (self, store);
}

/* The first frame, or the window closed before it (the other windows, and the next, need the
 * store), or a window never drawn (it must not keep the store from the rest, the sync and
 * the reminders, for ever). */
static void
first_frame_cb (gpointer user_data)
{
  RempartApplication *self = REMPART_APPLICATION (user_data);

  self->first_frame = NULL; /* freed by now */
  stop_waiting_for_first_frame (self);
}

/* The store opens on its thread while the window is built (its integrity check takes tens of
 * milliseconds at 50,000 actions), but the window's lists are only read once its first frame
 * is drawn: rows read before it would be laid out in it and hold it up (docs/performance.md,
 * change 36). */
static void
wait_for_first_frame (RempartApplication *self, GtkWindow *window)
{
  if (self->first_frame != NULL)
    return;
  self->first_frame = rempart_first_frame_wait (
      GTK_WIDGET (window), REMPART_APPLICATION_FIRST_FRAME_WAIT_MS, first_frame_cb, self);
}

static void
store_opened_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (RempartApplication) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (RempartStore) store = rempart_store_open_finish (result, &error);

  self->store_opening = FALSE;

  if (store == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_store_error (self, error);
      return;
    }

  if (self->first_frame != NULL)
    g_set_object (&self->store_waiting, store);
  else
    store_ready (self, store);
}

static void
help_launched_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (RempartApplication) self = user_data;
  g_autoptr (GError) error = NULL;
  RempartWindow *window;

  if (g_app_info_launch_default_for_uri_finish (result, &error))
    return;

  g_message ("Could not open the help: %s", error->message);

  window = rempart_application_get_main_window (self);
  if (window != NULL)
    {
      /* Translators: shown when no help viewer (such as Yelp) is installed. */
      rempart_window_show_toast (window,
                                 _ ("Could not open the help. Install a help viewer such as "
                                    "“Help” (Yelp) and try again."));
    }
}

static void
quit_activated_cb (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  RempartApplication *self = user_data;
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (self));

  /* Close the windows rather than quitting outright, so that each one saves its state. */
  rempart_wellbeing_quit (self->wellbeing); /* not held for the background any more */
  for (GList *l = windows; l != NULL;)
    {
      GtkWindow *window = l->data;

      l = l->next;
      gtk_window_close (window);
    }
}

static void
help_activated_cb (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  RempartApplication *self = user_data;
  g_autoptr (GdkAppLaunchContext) context = NULL;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window != NULL)
    context = gdk_display_get_app_launch_context (gtk_widget_get_display (GTK_WIDGET (window)));

  g_app_info_launch_default_for_uri_async ("help:" APPLICATION_ID, G_APP_LAUNCH_CONTEXT (context),
                                           NULL, help_launched_cb, g_object_ref (self));
}

static void
refresh_activated_cb (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  refresh (REMPART_APPLICATION (user_data), 0, TRUE);
}

static void
show_newest_activated_cb (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  RempartApplication *self = user_data;
  gint64 subscription_id = g_variant_get_int64 (parameter);
  RempartWindow *window;
  RempartActionModel *model;
  RempartActionItem *newest = NULL;

  g_application_activate (G_APPLICATION (self));
  window = rempart_application_get_main_window (self);
  if (window == NULL)
    return;

  /* The action the notification was about: the newest one of that group. */
  model = rempart_window_get_model (window);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (model)); i++)
    {
      g_autoptr (RempartActionItem) item = g_list_model_get_item (G_LIST_MODEL (model), i);

      if (rempart_action_item_get_subscription_id (item) != subscription_id)
        continue;
      if (newest == NULL || rempart_action_item_get_stored (item)->first_seen >
                                rempart_action_item_get_stored (newest)->first_seen)
        newest = item;
    }

  if (newest != NULL)
    rempart_window_show_item (window, newest);
}

static void
about_activated_cb (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  rempart_application_show_about (REMPART_APPLICATION (user_data));
}

/* The moderators' window (src/ui/moderation); moderation-mode enables the action. */
static void
moderation_activated_cb (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  RempartApplication *self = user_data;
  g_autofree char *base_dir = rempart_workspace_default_base_dir ();

  gtk_window_present (
      GTK_WINDOW (rempart_moderation_window_new (GTK_APPLICATION (self), base_dir)));
}

static const GActionEntry app_actions[] = {
  { "quit", quit_activated_cb },       { "help", help_activated_cb },
  { "about", about_activated_cb },     { "moderation", moderation_activated_cb },
  { "refresh", refresh_activated_cb }, { "show-newest", show_newest_activated_cb, "x" },
};

static void
refresh (RempartApplication *self, gint64 subscription_id, gboolean manual)
{
  if (self->sync == NULL)
    return;

  rempart_sync_refresh_async (self->sync, subscription_id, manual, self->cancellable,
                              refresh_done_cb, g_object_ref (self));
}

static void
open_store (RempartApplication *self)
{
  /* Open, opening, or open and waiting for the first frame: once is enough. */
  if (self->store != NULL || self->store_waiting != NULL || self->store_opening)
    return;

  self->store_opening = TRUE;
  rempart_store_open_async (NULL, self->cancellable, store_opened_cb, g_object_ref (self));
}

/* -------------------------------------------------------------------------------------- */
/* Join links                                                                             */
/* -------------------------------------------------------------------------------------- */

static void
show_join_dialog (RempartApplication *self, const char *uri)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  RempartJoinDialog *dialog;

  dialog = rempart_join_dialog_new_for_text (parent, self->store, self->fetcher, uri);
  g_signal_connect_object (dialog, "subscription-added",
                           G_CALLBACK (rempart_application_subscription_added), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
join_store_ready_cb (GObject *object, GParamSpec *pspec, gpointer user_data)
{
  RempartApplication *self = REMPART_APPLICATION (object);
  g_autoptr (GPtrArray) pending = NULL;

  if (self->store == NULL)
    return;

  g_signal_handlers_disconnect_by_func (self, join_store_ready_cb, NULL);
  pending = g_steal_pointer (&self->join_pending);
  for (guint i = 0; pending != NULL && i < pending->len; i++)
    show_join_dialog (self, g_ptr_array_index (pending, i));
}

/* `rempart LINK`, or a rempart: link opened in a browser (x-scheme-handler/rempart): the
 * main window, then a confirmation per link; nothing is added before the volunteer confirms. */
static void
rempart_application_open (GApplication *application, GFile **files, int n_files, const char *hint)
{
  RempartApplication *self = REMPART_APPLICATION (application);

  g_application_activate (application);

  for (int i = 0; i < n_files; i++)
    {
      g_autofree char *uri = g_file_get_uri (files[i]);

      if (self->store != NULL)
        {
          show_join_dialog (self, uri);
          continue;
        }

      if (self->join_pending == NULL)
        {
          self->join_pending = g_ptr_array_new_with_free_func (g_free);
          g_signal_connect (self, "notify::store", G_CALLBACK (join_store_ready_cb), NULL);
        }
      g_ptr_array_add (self->join_pending, g_steal_pointer (&uri));
    }
}

/* -------------------------------------------------------------------------------------- */
/* Wellbeing                                                                              */
/* -------------------------------------------------------------------------------------- */

static void
start_wellbeing (RempartApplication *self)
{
  self->wellbeing = rempart_wellbeing_new (GTK_APPLICATION (self), self->settings);
}

/* -------------------------------------------------------------------------------------- */
/* GApplication overrides                                                                 */
/* -------------------------------------------------------------------------------------- */

static int
rempart_application_handle_local_options (GApplication *application, GVariantDict *options)
{
  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", PACKAGE_NAME, PACKAGE_VERSION);
      return 0;
    }

  return -1;
}

static void
rempart_application_startup (GApplication *application)
{
  RempartApplication *self = REMPART_APPLICATION (application);

  G_APPLICATION_CLASS (rempart_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions),
                                   self);

  for (guint i = 0; i < G_N_ELEMENTS (accelerators); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self), accelerators[i].action,
                                           accelerators[i].accels);

  self->settings = g_settings_new (APPLICATION_ID);
  g_settings_bind (self->settings, "moderation-mode",
                   g_action_map_lookup_action (G_ACTION_MAP (self), "moderation"), "enabled",
                   G_SETTINGS_BIND_GET);
  start_wellbeing (self);
  /* --gapplication-service (the background): no window, but the reminder needs the store. */
  if (g_application_get_flags (application) & G_APPLICATION_IS_SERVICE)
    open_store (self);
}

static void
rempart_application_activate (GApplication *application)
{
  RempartApplication *self = REMPART_APPLICATION (application);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  /* Opened first: its thread checks the database while the window is built. */
  open_store (self);
  if (window == NULL)
    {
      window =
          GTK_WINDOW (rempart_window_new (GTK_APPLICATION (self), self->store, self->settings));
      g_signal_connect_object (window, "subscription-added",
                               G_CALLBACK (rempart_application_subscription_added), self,
                               G_CONNECT_SWAPPED);
      hand_sync_to_windows (self);
      gtk_window_present (window);
      if (self->store == NULL)
        wait_for_first_frame (self, window);
      return;
    }

  gtk_window_present (window);
}

/* Worker threads (signature checks, parsing, the example feed's import) must be finished
 * before the process exits: OpenSSL's exit handlers free the tables a signature check
 * reads. Their cancellables are cancelled by now; a check is never interrupted, only waited
 * for, and the wait is bounded so that a stuck worker cannot keep Rempart from quitting. */
static void
wait_for_workers (RempartApplication *self)
{
  if (!rempart_workers_wait (REMPART_APPLICATION_WORKERS_TIMEOUT_MS))
    g_message ("%u worker threads were still running %d ms after quitting",
               rempart_workers_get_running (), REMPART_APPLICATION_WORKERS_TIMEOUT_MS);
}

static void
rempart_application_shutdown (GApplication *application)
{
  RempartApplication *self = REMPART_APPLICATION (application);
  g_autoptr (RempartStore) waiting = NULL;

  /* A store waiting for the first frame is never handed over now: nothing may start after
   * the workers were waited for (which runs the main loop). */
  waiting = g_steal_pointer (&self->store_waiting);
  stop_waiting_for_first_frame (self);
  g_cancellable_cancel (self->cancellable);
  if (self->sync != NULL)
    rempart_sync_stop (self->sync);
  wait_for_workers (self);
  g_clear_handle_id (&self->reload_source, g_source_remove);
  if (self->store != NULL)
    rempart_store_close (self->store);
  if (waiting != NULL)
    rempart_store_close (waiting);

  G_APPLICATION_CLASS (rempart_application_parent_class)->shutdown (application);
}

static void
rempart_application_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  RempartApplication *self = REMPART_APPLICATION (object);

  switch (prop_id)
    {
      case PROP_STORE:
        g_value_set_object (value, self->store);
        break;

      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rempart_application_dispose (GObject *object)
{
  RempartApplication *self = REMPART_APPLICATION (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->reload_source, g_source_remove);
  g_clear_object (&self->store_waiting);
  stop_waiting_for_first_frame (self);
  g_clear_object (&self->sync);
  g_clear_object (&self->fetcher);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->join_pending, g_ptr_array_unref);
  g_clear_object (&self->wellbeing);

  G_OBJECT_CLASS (rempart_application_parent_class)->dispose (object);
}

static void
rempart_application_class_init (RempartApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = rempart_application_dispose;
  object_class->get_property = rempart_application_get_property;

  app_class->handle_local_options = rempart_application_handle_local_options;
  app_class->startup = rempart_application_startup;
  app_class->activate = rempart_application_activate;
  app_class->open = rempart_application_open;
  app_class->shutdown = rempart_application_shutdown;

  /**
   * RempartApplication:store:
   *
   * The volunteer's database, %NULL until it is open and the new main window has drawn its
   * first frame (or when it was refused).
   */
  properties[PROP_STORE] =
      g_param_spec_object ("store", NULL, NULL, REMPART_TYPE_STORE,
                           G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rempart_application_init (RempartApplication *self)
{
  self->cancellable = g_cancellable_new ();
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_summary (
      G_APPLICATION (self),
      _ ("Join daily counter-speech actions and reply with kindness and facts."));
}

/* -------------------------------------------------------------------------------------- */
/* Public API                                                                             */
/* -------------------------------------------------------------------------------------- */

RempartApplication *
rempart_application_new (void)
{
  return g_object_new (REMPART_TYPE_APPLICATION, "application-id", APPLICATION_ID, "flags",
                       G_APPLICATION_HANDLES_OPEN, "resource-base-path", RESOURCE_BASE, NULL);
}

/*
 * rempart_application_get_settings:
 *
 * Returns: (transfer none): the application's settings; only valid after startup.
 */
GSettings *
rempart_application_get_settings (RempartApplication *self)
{
  g_return_val_if_fail (REMPART_IS_APPLICATION (self), NULL);

  return self->settings;
}

gboolean
rempart_application_get_store_waiting_for_testing (RempartApplication *self)
{
  g_return_val_if_fail (REMPART_IS_APPLICATION (self), FALSE);

  return self->store_waiting != NULL;
}

/*
 * rempart_application_show_about:
 *
 * Presents the About window, transient for the active window.
 *
 * Returns: (transfer none): the About window, owned by GTK until it is closed.
 */
/*
 * rempart_application_get_store:
 *
 * Returns: (transfer none) (nullable): the open database, or %NULL while it is being opened
 *   (until the new main window's first frame) or after it was refused; watch
 *   RempartApplication:store.
 */
RempartStore *
rempart_application_get_store (RempartApplication *self)
{
  g_return_val_if_fail (REMPART_IS_APPLICATION (self), NULL);

  return self->store;
}
