/* rempart-limit-screen.c: the quiet stop screen shown once the day's limit is reached
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Rempart"

#include "config.h"

#include <glib/gi18n.h>

#include "rempart-limit-screen.h"
#include "rempart-reminder.h"
#include "rempart-stats.h"

/*
 * The screen covers the window's content (it is an overlay of the main window) and counts
 * the actions joined today when the window comes back to the front, when the settings change
 * and at midnight: never in the middle of a reply being written. It suggests stopping; it
 * never takes anything away: Continue Anyway sets it aside until the end of the day.
 */

struct _RempartLimitScreen
{
  AdwBin parent_instance;

  RempartStore *store;
  GSettings *settings;
  GCancellable *cancellable; /* the count in flight */
  GtkWindow *window;         /* (nullable) the root whose focus is watched */
  guint midnight_source;
  guint continued_day; /* GDate Julian day set aside with Continue Anyway, 0 for none */
  gboolean shown;

  /* Template widgets */
  AdwStatusPage *status_page;
  GtkWidget *rest_button;
};

G_DEFINE_FINAL_TYPE (RempartLimitScreen, rempart_limit_screen, ADW_TYPE_BIN)

static void schedule_midnight (RempartLimitScreen *self);

/* -------------------------------------------------------------------------------------- */
/* Helpers                                                                                */
/* -------------------------------------------------------------------------------------- */

static guint
today (void)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autoptr (GDate) date = g_date_new_dmy ((GDateDay) g_date_time_get_day_of_month (now),
                                           (GDateMonth) g_date_time_get_month (now),
                                           (GDateYear) g_date_time_get_year (now));

  return g_date_get_julian (date);
}

static void
set_shown (RempartLimitScreen *self, gboolean shown)
{
  GtkWidget *parent = gtk_widget_get_parent (GTK_WIDGET (self));

  if (self->shown == shown)
    return;

  self->shown = shown;
  gtk_widget_set_visible (GTK_WIDGET (self), shown);

  /* What is under the screen must not be reached with Tab or a screen reader either. */
  if (GTK_IS_OVERLAY (parent) && gtk_overlay_get_child (GTK_OVERLAY (parent)) != NULL)
    gtk_widget_set_sensitive (gtk_overlay_get_child (GTK_OVERLAY (parent)), !shown);

  if (shown)
    gtk_widget_grab_focus (self->rest_button);
}

static void
show_count (RempartLimitScreen *self, guint joined)
{
  g_autofree char *description = NULL;

  description = g_strdup_printf (
      g_dngettext (GETTEXT_PACKAGE,
                   "You joined %u action today, as many as you chose. Thank you: it counts. "
                   "Resting is part of this work, and there will be threads to answer "
                   "tomorrow too.",
                   "You joined %u actions today, as many as you chose. Thank you: they count. "
                   "Resting is part of this work, and there will be threads to answer "
                   "tomorrow too.",
                   joined),
      joined);
  adw_status_page_set_description (self->status_page, description);
}

static gboolean
limit_enabled (RempartLimitScreen *self)
{
  return self->settings != NULL && self->store != NULL &&
         g_settings_get_boolean (self->settings, "daily-limit-enabled");
}

/* -------------------------------------------------------------------------------------- */
/* Callbacks                                                                              */
/* -------------------------------------------------------------------------------------- */

static void
events_listed_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (RempartLimitScreen) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) events = NULL;
  g_autoptr (GTimeZone) tz = NULL;
  g_autoptr (RempartStats) stats = NULL;
  guint joined;

  events = rempart_store_list_events_finish (REMPART_STORE (source), result, &error);
  if (g_task_get_cancellable (G_TASK (result)) == self->cancellable)
    g_clear_object (&self->cancellable);
  if (events == NULL)
    {
      /* Not knowing the count is no reason to stop anyone: the screen stays down. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_message ("Could not count today’s actions: %s", error->message);
      return;
    }

  if (!limit_enabled (self))
    return;

  tz = g_time_zone_new_local ();
  stats = rempart_stats_new (events, tz, g_get_real_time () / G_USEC_PER_SEC);
  joined = rempart_stats_get_today (stats, REMPART_ACTION_STATE_JOINED);
  show_count (self, joined);
  set_shown (self, joined >= g_settings_get_uint (self->settings, "daily-limit") &&
                       self->continued_day != today ());
}

static void
settings_changed_cb (GSettings *settings, const char *key, gpointer user_data)
{
  if (g_str_equal (key, "daily-limit-enabled") || g_str_equal (key, "daily-limit"))
    rempart_limit_screen_update (REMPART_LIMIT_SCREEN (user_data));
}

static void
window_active_cb (GObject *window, GParamSpec *pspec, gpointer user_data)
{
  if (gtk_window_is_active (GTK_WINDOW (window)))
    rempart_limit_screen_update (REMPART_LIMIT_SCREEN (user_data));
}

static gboolean
midnight_cb (gpointer user_data)
{
  RempartLimitScreen *self = user_data;

  self->midnight_source = 0;
  rempart_limit_screen_update (self);
  schedule_midnight (self);

  return G_SOURCE_REMOVE;
}

static void
continue_widget_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RempartLimitScreen *self = REMPART_LIMIT_SCREEN (widget);

  self->continued_day = today ();
  set_shown (self, FALSE);
}

/* -------------------------------------------------------------------------------------- */
/* Helpers that need the callbacks                                                        */
/* -------------------------------------------------------------------------------------- */

static void
schedule_midnight (RempartLimitScreen *self)
{
  g_autoptr (GTimeZone) tz = g_time_zone_new_local ();
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  gint64 next = rempart_reminder_next (now, tz, 0, 0);

  g_clear_handle_id (&self->midnight_source, g_source_remove);
  /* A second late, so that the new day has surely begun. */
  self->midnight_source =
      g_timeout_add_seconds ((guint) CLAMP (next - now + 1, 1, 86400 + 3600), midnight_cb, self);
}

/* -------------------------------------------------------------------------------------- */
/* Overrides                                                                              */
/* -------------------------------------------------------------------------------------- */

static void
rempart_limit_screen_root (GtkWidget *widget)
{
  RempartLimitScreen *self = REMPART_LIMIT_SCREEN (widget);
  GtkRoot *root;

  GTK_WIDGET_CLASS (rempart_limit_screen_parent_class)->root (widget);

  root = gtk_widget_get_root (widget);
  if (GTK_IS_WINDOW (root))
    {
      self->window = GTK_WINDOW (root);
      g_signal_connect_object (root, "notify::is-active", G_CALLBACK (window_active_cb), self, 0);
    }
}

static void
rempart_limit_screen_unroot (GtkWidget *widget)
{
  RempartLimitScreen *self = REMPART_LIMIT_SCREEN (widget);

  if (self->window != NULL)
    g_signal_handlers_disconnect_by_func (self->window, window_active_cb, self);
  self->window = NULL;

  GTK_WIDGET_CLASS (rempart_limit_screen_parent_class)->unroot (widget);
}

static void
rempart_limit_screen_dispose (GObject *object)
{
  RempartLimitScreen *self = REMPART_LIMIT_SCREEN (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->midnight_source, g_source_remove);
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);

  /* No gtk_widget_dispose_template(): AdwBin unparents its one child itself. */

  g_clear_object (&self->cancellable);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (rempart_limit_screen_parent_class)->dispose (object);
}

static void
rempart_limit_screen_class_init (RempartLimitScreenClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rempart_limit_screen_dispose;
  widget_class->root = rempart_limit_screen_root;
  widget_class->unroot = rempart_limit_screen_unroot;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/rempart-limit-screen.ui");
  gtk_widget_class_bind_template_child (widget_class, RempartLimitScreen, status_page);
  gtk_widget_class_bind_template_child (widget_class, RempartLimitScreen, rest_button);

  gtk_widget_class_install_action (widget_class, "limit.continue", NULL, continue_widget_action);
}

static void
rempart_limit_screen_init (RempartLimitScreen *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  schedule_midnight (self);
}

/* -------------------------------------------------------------------------------------- */
/* Public API                                                                             */
/* -------------------------------------------------------------------------------------- */

void
rempart_limit_screen_set_store (RempartLimitScreen *self, RempartStore *store)
{
  g_return_if_fail (REMPART_IS_LIMIT_SCREEN (self));
  g_return_if_fail (store == NULL || REMPART_IS_STORE (store));

  if (g_set_object (&self->store, store))
    rempart_limit_screen_update (self);
}

void
rempart_limit_screen_set_settings (RempartLimitScreen *self, GSettings *settings)
{
  g_return_if_fail (REMPART_IS_LIMIT_SCREEN (self));
  g_return_if_fail (settings == NULL || G_IS_SETTINGS (settings));

  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  if (!g_set_object (&self->settings, settings))
    return;

  if (settings != NULL)
    g_signal_connect (settings, "changed", G_CALLBACK (settings_changed_cb), self);
  rempart_limit_screen_update (self);
}

void
rempart_limit_screen_update (RempartLimitScreen *self)
{
  g_return_if_fail (REMPART_IS_LIMIT_SCREEN (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  if (!limit_enabled (self))
    {
      set_shown (self, FALSE);
      return;
    }

  self->cancellable = g_cancellable_new ();
  rempart_store_list_events_async (self->store, self->cancellable, events_listed_cb,
                                   g_object_ref (self));
}

gboolean
rempart_limit_screen_is_counting (RempartLimitScreen *self)
{
  g_return_val_if_fail (REMPART_IS_LIMIT_SCREEN (self), FALSE);

  return self->cancellable != NULL && !g_cancellable_is_cancelled (self->cancellable);
}

gboolean
rempart_limit_screen_get_shown (RempartLimitScreen *self)
{
  g_return_val_if_fail (REMPART_IS_LIMIT_SCREEN (self), FALSE);

  return self->shown;
}
