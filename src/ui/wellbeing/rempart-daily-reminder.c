/* rempart-daily-reminder.c: the daily reminder's notification and app.show-today
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Rempart"

#include "config.h"

#include <glib/gi18n.h>

#include "rempart-daily-reminder.h"
#include "rempart-reminder.h"
#include "rempart-window.h"

/*
 * When the timer (src/core/stats) says it is time, the To Do list is read from the store and
 * a notification says how many actions arrived today, or how many are still open when none
 * did; with nothing to do, nothing is sent. Its default action, app.show-today, brings the
 * main window to the front on To Do, the list of the day's actions. No notification while a
 * Rempart window is in front: the volunteer is already there.
 */

#define NOTIFICATION_ID "daily-reminder"

struct _RempartDailyReminder
{
  GObject parent_instance;

  GtkApplication *application; /* (weak) */
  GSettings *settings;
  RempartStore *store;
  RempartReminderTimer *timer;
  GCancellable *cancellable;
  gboolean pending; /* due before the store was open */
};

G_DEFINE_FINAL_TYPE (RempartDailyReminder, rempart_daily_reminder, G_TYPE_OBJECT)

/* -------------------------------------------------------------------------------------- */
/* Helpers                                                                                */
/* -------------------------------------------------------------------------------------- */

static RempartWindow *
find_main_window (GtkApplication *application)
{
  for (GList *l = gtk_application_get_windows (application); l != NULL; l = l->next)
    if (REMPART_IS_WINDOW (l->data))
      return l->data;

  return NULL;
}

static gboolean
any_window_active (GtkApplication *application)
{
  for (GList *l = gtk_application_get_windows (application); l != NULL; l = l->next)
    if (gtk_window_is_active (l->data))
      return TRUE;

  return FALSE;
}

static void
update_timer (RempartDailyReminder *self)
{
  rempart_reminder_timer_set_time (self->timer,
                                   g_settings_get_uint (self->settings, "daily-reminder-time"));
  rempart_reminder_timer_set_enabled (self->timer,
                                      g_settings_get_boolean (self->settings, "daily-reminder"));
}

/* -------------------------------------------------------------------------------------- */
/* Callbacks                                                                              */
/* -------------------------------------------------------------------------------------- */

static void
todo_listed_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (RempartDailyReminder) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) actions = NULL;
  g_autoptr (GTimeZone) tz = NULL;
  g_autoptr (GNotification) notification = NULL;
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;
  guint new_today;

  actions = rempart_store_list_action_rows_finish (REMPART_STORE (source), result, &error);
  if (actions == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_message ("The daily reminder could not count the day’s actions: %s", error->message);
      return;
    }
  if (self->application == NULL)
    return;

  tz = rempart_reminder_local_zone ();
  new_today = rempart_reminder_count_new (actions, tz, g_get_real_time () / G_USEC_PER_SEC);
  if (!rempart_daily_reminder_get_text (new_today, actions->len, &title, &body))
    return;

  notification = g_notification_new (title);
  g_notification_set_body (notification, body);
  g_notification_set_default_action (notification, "app.show-today");
  g_application_send_notification (G_APPLICATION (self->application), NOTIFICATION_ID,
                                   notification);
}

static void
remind (RempartDailyReminder *self)
{
  if (self->store == NULL)
    {
      self->pending = TRUE;
      return;
    }

  self->pending = FALSE;
  rempart_store_list_action_rows_async (self->store, REMPART_ACTION_VIEW_TODO, self->cancellable,
                                        todo_listed_cb, g_object_ref (self));
}

static void
due_cb (RempartReminderTimer *timer, gint64 due, gpointer user_data)
{
  RempartDailyReminder *self = user_data;

  if (self->application == NULL || any_window_active (self->application))
    return;

  remind (self);
}

static void
settings_changed_cb (GSettings *settings, const char *key, gpointer user_data)
{
  if (g_str_equal (key, "daily-reminder") || g_str_equal (key, "daily-reminder-time"))
    update_timer (REMPART_DAILY_REMINDER (user_data));
}

static void
show_today_activated_cb (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  RempartDailyReminder *self = user_data;
  RempartWindow *window;

  if (self->application == NULL)
    return;

  /* The main window if there is one, else the one activation makes. */
  window = find_main_window (self->application);
  if (window == NULL)
    {
      g_application_activate (G_APPLICATION (self->application));
      window = find_main_window (self->application);
    }
  if (window == NULL)
    return;

  g_application_withdraw_notification (G_APPLICATION (self->application), NOTIFICATION_ID);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "i", 0);
  gtk_window_present (GTK_WINDOW (window));
}

/* -------------------------------------------------------------------------------------- */
/* Overrides                                                                              */
/* -------------------------------------------------------------------------------------- */

static void
rempart_daily_reminder_dispose (GObject *object)
{
  RempartDailyReminder *self = REMPART_DAILY_REMINDER (object);

  g_cancellable_cancel (self->cancellable);
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  if (self->application != NULL)
    {
      GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self->application), "show-today");

      if (action != NULL && g_signal_handlers_disconnect_by_data (action, self) > 0)
        g_action_map_remove_action (G_ACTION_MAP (self->application), "show-today");
      g_object_remove_weak_pointer (G_OBJECT (self->application), (gpointer *) &self->application);
      self->application = NULL;
    }
  g_clear_object (&self->timer);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (rempart_daily_reminder_parent_class)->dispose (object);
}

static void
rempart_daily_reminder_class_init (RempartDailyReminderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rempart_daily_reminder_dispose;
}

static void
rempart_daily_reminder_init (RempartDailyReminder *self)
{
  self->cancellable = g_cancellable_new ();
  self->timer = rempart_reminder_timer_new ();
}

/* -------------------------------------------------------------------------------------- */
/* Public API                                                                             */
/* -------------------------------------------------------------------------------------- */

RempartDailyReminder *
rempart_daily_reminder_new (GtkApplication *application, GSettings *settings)
{
  RempartDailyReminder *self;
  g_autoptr (GSimpleAction) action = NULL;

  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (REMPART_TYPE_DAILY_REMINDER, NULL);
  self->application = application;
  g_object_add_weak_pointer (G_OBJECT (application), (gpointer *) &self->application);
  self->settings = g_object_ref (settings);

  /* The first reminder of the application answers it (tests make more of their own). */
  if (g_action_map_lookup_action (G_ACTION_MAP (application), "show-today") == NULL)
    {
      action = g_simple_action_new ("show-today", NULL);
      g_signal_connect (action, "activate", G_CALLBACK (show_today_activated_cb), self);
      g_action_map_add_action (G_ACTION_MAP (application), G_ACTION (action));
    }

  g_signal_connect (self->timer, "due", G_CALLBACK (due_cb), self);
  g_signal_connect (settings, "changed", G_CALLBACK (settings_changed_cb), self);
  update_timer (self);

  return self;
}

void
rempart_daily_reminder_set_store (RempartDailyReminder *self, RempartStore *store)
{
  g_return_if_fail (REMPART_IS_DAILY_REMINDER (self));
  g_return_if_fail (store == NULL || REMPART_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;

  if (store != NULL && self->pending)
    remind (self);
}

RempartReminderTimer *
rempart_daily_reminder_get_timer (RempartDailyReminder *self)
{
  g_return_val_if_fail (REMPART_IS_DAILY_REMINDER (self), NULL);

  return self->timer;
}

gboolean
rempart_daily_reminder_get_text (guint new_today, guint waiting, char **title, char **body)
{
  g_return_val_if_fail (title != NULL && body != NULL, FALSE);

  *title = NULL;
  *body = NULL;
  if (waiting == 0)
    return FALSE;

  if (new_today > 0)
    {
      /* Translators: the daily reminder's title; %u is how many actions arrived today */
      *title = g_strdup_printf (
          g_dngettext (GETTEXT_PACKAGE, "%u New Action Today", "%u New Actions Today", new_today),
          new_today);
      *body = g_strdup (_ ("Take part if you have the time today. Every kind reply counts."));
    }
  else
    {
      *title = g_strdup (_ ("No New Actions Today"));
      /* Translators: the daily reminder's text on a day without new actions */
      *body = g_strdup_printf (
          g_dngettext (GETTEXT_PACKAGE, "%u action is still open, if you have the time.",
                       "%u actions are still open, if you have the time.", waiting),
          waiting);
    }

  return TRUE;
}
