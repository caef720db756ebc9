/* rempart-wellbeing.c: the application's care for the volunteer
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Rempart"

#include "config.h"

#include <glib/gi18n.h>

#include "rempart-break-banner.h"
#include "rempart-break-timer.h"
#include "rempart-wellbeing.h"
#include "rempart-window.h"

/*
 * One per application. The break timer runs while any window of the app is focused (the
 * time in Preferences counts as much as the time in the list) and the break banner shows in
 * the main window. The daily reminder (rempart-daily-reminder.c) only comes while Rempart
 * runs: with run-in-background on, the application is held, so that it lives on without a
 * window (started at login by the autostart file or the portal, rempart-background.c, with
 * --gapplication-service, or left running when its window is closed); Quit lets it go.
 */

#define APPLICATION_DATA_KEY "rempart-wellbeing"

struct _RempartWellbeing
{
  GObject parent_instance;

  GtkApplication *application; /* (weak) it owns us */
  GSettings *settings;
  RempartBreakTimer *break_timer;
  guint break_seconds_for_testing;
  RempartDailyReminder *daily_reminder;
  gboolean holding; /* g_application_hold() for run-in-background */
  gboolean quitting;
};

G_DEFINE_FINAL_TYPE (RempartWellbeing, rempart_wellbeing, G_TYPE_OBJECT)

/* -------------------------------------------------------------------------------------- */
/* Helpers                                                                                */
/* -------------------------------------------------------------------------------------- */

static guint
break_seconds (RempartWellbeing *self)
{
  if (self->break_seconds_for_testing > 0)
    return self->break_seconds_for_testing;

  return g_settings_get_uint (self->settings, "break-minutes") * 60;
}

static gboolean
any_window_active (RempartWellbeing *self)
{
  for (GList *l = gtk_application_get_windows (self->application); l != NULL; l = l->next)
    if (gtk_window_is_active (l->data))
      return TRUE;

  return FALSE;
}

static void
update_break_timer (RempartWellbeing *self)
{
  gboolean enabled = g_settings_get_boolean (self->settings, "break-reminder-enabled");

  rempart_break_timer_set_active (self->break_timer, enabled && any_window_active (self));
}

static void
update_hold (RempartWellbeing *self)
{
  gboolean hold = !self->quitting && self->application != NULL &&
                  g_settings_get_boolean (self->settings, "run-in-background");

  if (hold == self->holding)
    return;

  self->holding = hold;
  if (hold)
    g_application_hold (G_APPLICATION (self->application));
  else
    g_application_release (G_APPLICATION (self->application));
}

/* -------------------------------------------------------------------------------------- */
/* Callbacks                                                                              */
/* -------------------------------------------------------------------------------------- */

static void
window_active_cb (GObject *window, GParamSpec *pspec, gpointer user_data)
{
  update_break_timer (REMPART_WELLBEING (user_data));
}

static void
window_added_cb (GtkApplication *application, GtkWindow *window, gpointer user_data)
{
  g_signal_connect_object (window, "notify::is-active", G_CALLBACK (window_active_cb), user_data,
                           0);
  update_break_timer (REMPART_WELLBEING (user_data));
}

static void
window_removed_cb (GtkApplication *application, GtkWindow *window, gpointer user_data)
{
  g_signal_handlers_disconnect_by_func (window, window_active_cb, user_data);
  update_break_timer (REMPART_WELLBEING (user_data));
}

static void
break_due_cb (RempartBreakTimer *timer, gpointer user_data)
{
  RempartWellbeing *self = user_data;
  guint minutes = MAX (break_seconds (self) / 60, 1);

  for (GList *l = gtk_application_get_windows (self->application); l != NULL; l = l->next)
    if (REMPART_IS_WINDOW (l->data))
      rempart_break_banner_reveal (rempart_window_get_break_banner (l->data), minutes);
}

static void
settings_changed_cb (GSettings *settings, const char *key, gpointer user_data)
{
  RempartWellbeing *self = user_data;

  if (g_str_equal (key, "break-minutes"))
    rempart_break_timer_set_seconds (self->break_timer, break_seconds (self));
  else if (g_str_equal (key, "break-reminder-enabled"))
    {
      /* Turned on: a whole interval from now, not from some earlier session. */
      rempart_break_timer_reset (self->break_timer);
      update_break_timer (self);
    }
  else if (g_str_equal (key, "run-in-background"))
    update_hold (self);
}

/* -------------------------------------------------------------------------------------- */
/* Overrides                                                                              */
/* -------------------------------------------------------------------------------------- */

static void
rempart_wellbeing_dispose (GObject *object)
{
  RempartWellbeing *self = REMPART_WELLBEING (object);

  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_clear_object (&self->daily_reminder);
  if (self->application != NULL)
    {
      if (self->holding)
        g_application_release (G_APPLICATION (self->application));
      self->holding = FALSE;
      if (g_object_get_data (G_OBJECT (self->application), APPLICATION_DATA_KEY) == self)
        g_object_set_data (G_OBJECT (self->application), APPLICATION_DATA_KEY, NULL);
      for (GList *l = gtk_application_get_windows (self->application); l != NULL; l = l->next)
        g_signal_handlers_disconnect_by_func (l->data, window_active_cb, self);
      g_signal_handlers_disconnect_by_data (self->application, self);
      g_object_remove_weak_pointer (G_OBJECT (self->application), (gpointer *) &self->application);
      self->application = NULL;
    }
  g_clear_object (&self->break_timer);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (rempart_wellbeing_parent_class)->dispose (object);
}

static void
rempart_wellbeing_class_init (RempartWellbeingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rempart_wellbeing_dispose;
}

static void
rempart_wellbeing_init (RempartWellbeing *self)
{
}

/* -------------------------------------------------------------------------------------- */
/* Public API                                                                             */
/* -------------------------------------------------------------------------------------- */

RempartWellbeing *
rempart_wellbeing_new (GtkApplication *application, GSettings *settings)
{
  RempartWellbeing *self;

  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (REMPART_TYPE_WELLBEING, NULL);
  self->application = application;
  g_object_add_weak_pointer (G_OBJECT (application), (gpointer *) &self->application);
  self->settings = g_object_ref (settings);

  self->break_timer = rempart_break_timer_new (break_seconds (self));
  g_signal_connect (self->break_timer, "break-due", G_CALLBACK (break_due_cb), self);
  g_signal_connect (settings, "changed", G_CALLBACK (settings_changed_cb), self);
  g_signal_connect (application, "window-added", G_CALLBACK (window_added_cb), self);
  g_signal_connect (application, "window-removed", G_CALLBACK (window_removed_cb), self);
  for (GList *l = gtk_application_get_windows (application); l != NULL; l = l->next)
    window_added_cb (application, l->data, self);

  self->daily_reminder = rempart_daily_reminder_new (application, settings);
  /* The first one is the application's (tests make more of their own). */
  if (g_object_get_data (G_OBJECT (application), APPLICATION_DATA_KEY) == NULL)
    g_object_set_data (G_OBJECT (application), APPLICATION_DATA_KEY, self);
  update_hold (self);

  return self;
}

RempartWellbeing *
rempart_wellbeing_get_for_application (GtkApplication *application)
{
  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);

  return g_object_get_data (G_OBJECT (application), APPLICATION_DATA_KEY);
}

void
rempart_wellbeing_set_store (RempartWellbeing *self, RempartStore *store)
{
  g_return_if_fail (REMPART_IS_WELLBEING (self));

  rempart_daily_reminder_set_store (self->daily_reminder, store);
}

void
rempart_wellbeing_quit (RempartWellbeing *self)
{
  g_return_if_fail (REMPART_IS_WELLBEING (self));

  self->quitting = TRUE;
  update_hold (self);
}

gboolean
rempart_wellbeing_get_holding (RempartWellbeing *self)
{
  g_return_val_if_fail (REMPART_IS_WELLBEING (self), FALSE);

  return self->holding;
}

RempartDailyReminder *
rempart_wellbeing_get_daily_reminder (RempartWellbeing *self)
{
  g_return_val_if_fail (REMPART_IS_WELLBEING (self), NULL);

  return self->daily_reminder;
}

void
rempart_wellbeing_set_break_seconds_for_testing (RempartWellbeing *self, guint seconds)
{
  g_return_if_fail (REMPART_IS_WELLBEING (self));

  self->break_seconds_for_testing = seconds;
  rempart_break_timer_set_seconds (self->break_timer, break_seconds (self));
}
