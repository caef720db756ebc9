/* rempart-wellbeing-page.c: Preferences → Wellbeing
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Rempart"

#include "config.h"

#include <glib/gi18n.h>

#include "rempart-background.h"
#include "rempart-hard-thread-window.h"
#include "rempart-wellbeing-page.h"

struct _RempartWellbeingPage
{
  AdwPreferencesPage parent_instance;

  GSettings *settings;
  GCancellable *cancellable; /* the background request */
  gboolean background_pending;
  gboolean syncing;
  char *background_subtitle; /* the row's own, shown again after an error */

  /* Template widgets */
  AdwActionRow *limit_count_row;
  GtkSwitch *limit_switch;
  GtkSpinButton *limit_spin;
  AdwActionRow *break_minutes_row;
  GtkSwitch *break_switch;
  GtkSpinButton *break_spin;
  GtkCheckButton *excerpt_reveal_check;
  GtkCheckButton *excerpt_hide_check;
  AdwActionRow *reminder_time_row;
  GtkSwitch *reminder_switch;
  GtkSpinButton *reminder_time_spin;
  AdwActionRow *background_row;
  GtkSwitch *background_switch;
};

G_DEFINE_FINAL_TYPE (RempartWellbeingPage, rempart_wellbeing_page, ADW_TYPE_PREFERENCES_PAGE)

/* -------------------------------------------------------------------------------------- */
/* Helpers                                                                                */
/* -------------------------------------------------------------------------------------- */

/* Each excerpt-display radio button stands for one nick, given as @user_data. */
static gboolean
excerpt_get_mapping (GValue *value, GVariant *variant, gpointer user_data)
{
  g_value_set_boolean (value, g_str_equal (g_variant_get_string (variant, NULL), user_data));
  return TRUE;
}

static GVariant *
excerpt_set_mapping (const GValue *value, const GVariantType *type, gpointer user_data)
{
  /* Unchecking one radio button says nothing: the one being checked writes the value. */
  if (!g_value_get_boolean (value))
    return NULL;

  return g_variant_new_string (user_data);
}

static void
after_hard_thread_widget_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  rempart_hard_thread_window_present (widget);
}

/* The switch shows the setting; while a request runs it shows what was asked. */
static void
sync_background_switch (RempartWellbeingPage *self)
{
  gboolean on =
      self->settings != NULL && g_settings_get_boolean (self->settings, "run-in-background");

  if (self->background_pending)
    return;

  self->syncing = TRUE;
  gtk_switch_set_active (self->background_switch, on);
  gtk_switch_set_state (self->background_switch, on);
  self->syncing = FALSE;
}

static void
unbind (RempartWellbeingPage *self)
{
  if (self->settings == NULL)
    return;

  g_signal_handlers_disconnect_by_data (self->settings, self);
  g_settings_unbind (self->reminder_switch, "active");
  g_settings_unbind (self->reminder_time_spin, "value");
  g_settings_unbind (self->reminder_time_row, "sensitive");
  g_settings_unbind (self->limit_switch, "active");
  g_settings_unbind (self->limit_spin, "value");
  g_settings_unbind (self->limit_count_row, "sensitive");
  g_settings_unbind (self->break_switch, "active");
  g_settings_unbind (self->break_spin, "value");
  g_settings_unbind (self->break_minutes_row, "sensitive");
  g_settings_unbind (self->excerpt_reveal_check, "active");
  g_settings_unbind (self->excerpt_hide_check, "active");
}

/* -------------------------------------------------------------------------------------- */
/* Callbacks                                                                              */
/* -------------------------------------------------------------------------------------- */

/* The time is shown as the wall clock shows it, from minutes after midnight. */
static gboolean
reminder_time_output_cb (GtkSpinButton *spin, gpointer user_data)
{
  int minutes = (int) gtk_spin_button_get_value (spin);
  g_autofree char *text = g_strdup_printf ("%02d:%02d", minutes / 60, minutes % 60);

  if (g_strcmp0 (text, gtk_editable_get_text (GTK_EDITABLE (spin))) != 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, text,
                                  -1);

  return TRUE;
}

/* Reads "18:30", "18.30", "18h30" (as French writes it), "1830" or "18". */
static int
reminder_time_input_cb (GtkSpinButton *spin, double *new_value, gpointer user_data)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (spin));
  guint hours = 0, minutes = 0, digits = 0;
  const char *p = text;

  while (g_ascii_isspace (*p))
    p++;
  for (; g_ascii_isdigit (*p) && digits < 4; p++, digits++)
    hours = hours * 10 + (guint) (*p - '0');
  if (digits == 0)
    return GTK_INPUT_ERROR;
  if (digits > 2)
    {
      minutes = hours % 100;
      hours /= 100;
    }
  else if (*p == ':' || *p == '.' || *p == 'h' || *p == 'H')
    {
      guint minute_digits = 0;

      for (p++; g_ascii_isdigit (*p) && minute_digits < 2; p++, minute_digits++)
        minutes = minutes * 10 + (guint) (*p - '0');
    }
  while (g_ascii_isspace (*p))
    p++;
  if (*p != '\0' || hours > 23 || minutes > 59)
    return GTK_INPUT_ERROR;

  *new_value = hours * 60 + minutes;
  return TRUE;
}

static void
background_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (RempartWellbeingPage) self = user_data;
  g_autoptr (GError) error = NULL;
  gboolean wanted = gtk_switch_get_active (self->background_switch);

  if (!rempart_background_request_finish (result, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->background_pending = FALSE;

  if (error != NULL)
    {
      /* Where the volunteer is looking, in full: a toast would cut it short. */
      adw_action_row_set_subtitle (self->background_row, error->message);
      gtk_widget_add_css_class (GTK_WIDGET (self->background_row), "error");
      sync_background_switch (self);
      return;
    }

  adw_action_row_set_subtitle (self->background_row, self->background_subtitle);
  gtk_widget_remove_css_class (GTK_WIDGET (self->background_row), "error");
  if (self->settings != NULL)
    g_settings_set_boolean (self->settings, "run-in-background", wanted);
  sync_background_switch (self);
}

/* The switch asks first (the portal may ask the volunteer) and changes once it is done. */
static gboolean
background_state_set_cb (GtkSwitch *sw, gboolean state, gpointer user_data)
{
  RempartWellbeingPage *self = user_data;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (self->syncing)
    return FALSE;
  /* Until the answer, the switch shows what was asked (GtkSwitch's state differs from its
   * active), and stays where the focus is. */
  if (self->settings == NULL || self->background_pending)
    return TRUE;

  self->background_pending = TRUE;
  rempart_background_request_async (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, state,
                                    self->cancellable, background_done_cb, g_object_ref (self));

  return TRUE;
}

static void
settings_changed_cb (GSettings *settings, const char *key, gpointer user_data)
{
  if (g_str_equal (key, "run-in-background"))
    sync_background_switch (REMPART_WELLBEING_PAGE (user_data));
}

/* -------------------------------------------------------------------------------------- */
/* Overrides                                                                              */
/* -------------------------------------------------------------------------------------- */

static void
rempart_wellbeing_page_dispose (GObject *object)
{
  RempartWellbeingPage *self = REMPART_WELLBEING_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  unbind (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), REMPART_TYPE_WELLBEING_PAGE);
  g_clear_object (&self->settings);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->background_subtitle, g_free);

  G_OBJECT_CLASS (rempart_wellbeing_page_parent_class)->dispose (object);
}

static void
rempart_wellbeing_page_class_init (RempartWellbeingPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rempart_wellbeing_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/rempart-wellbeing-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RempartWellbeingPage, limit_count_row);
  gtk_widget_class_bind_template_child (widget_class, RempartWellbeingPage, limit_switch);
  gtk_widget_class_bind_template_child (widget_class, RempartWellbeingPage, limit_spin);
  gtk_widget_class_bind_template_child (widget_class, RempartWellbeingPage, break_minutes_row);
  gtk_widget_class_bind_template_child (widget_class, RempartWellbeingPage, break_switch);
  gtk_widget_class_bind_template_child (widget_class, RempartWellbeingPage, break_spin);
  gtk_widget_class_bind_template_child (widget_class, RempartWellbeingPage, excerpt_reveal_check);
  gtk_widget_class_bind_template_child (widget_class, RempartWellbeingPage, excerpt_hide_check);
  gtk_widget_class_bind_template_child (widget_class, RempartWellbeingPage, reminder_time_row);
  gtk_widget_class_bind_template_child (widget_class, RempartWellbeingPage, reminder_switch);
  gtk_widget_class_bind_template_child (widget_class, RempartWellbeingPage, reminder_time_spin);
  gtk_widget_class_bind_template_child (widget_class, RempartWellbeingPage, background_row);
  gtk_widget_class_bind_template_child (widget_class, RempartWellbeingPage, background_switch);
  gtk_widget_class_bind_template_callback (widget_class, reminder_time_output_cb);
  gtk_widget_class_bind_template_callback (widget_class, reminder_time_input_cb);
  gtk_widget_class_bind_template_callback (widget_class, background_state_set_cb);
  gtk_widget_class_install_action (widget_class, "wellbeing.after-hard-thread", NULL,
                                   after_hard_thread_widget_action);

  /* For the tests, which reach them by Tab. */
  gtk_widget_class_bind_template_child_full (widget_class, "limit_row", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "break_row", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "excerpt_hide_row", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "reminder_row", FALSE, 0);
}

static void
rempart_wellbeing_page_init (RempartWellbeingPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->background_subtitle = g_strdup (adw_action_row_get_subtitle (self->background_row));
}

/* -------------------------------------------------------------------------------------- */
/* Public API                                                                             */
/* -------------------------------------------------------------------------------------- */

void
rempart_wellbeing_page_set_settings (RempartWellbeingPage *self, GSettings *settings)
{
  g_return_if_fail (REMPART_IS_WELLBEING_PAGE (self));
  g_return_if_fail (settings == NULL || G_IS_SETTINGS (settings));

  unbind (self);
  g_set_object (&self->settings, settings);
  if (settings == NULL)
    return;

  g_settings_bind (settings, "daily-limit-enabled", self->limit_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "daily-limit", self->limit_spin, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "daily-limit-enabled", self->limit_count_row, "sensitive",
                   G_SETTINGS_BIND_GET);
  g_settings_bind (settings, "break-reminder-enabled", self->break_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "break-minutes", self->break_spin, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "break-reminder-enabled", self->break_minutes_row, "sensitive",
                   G_SETTINGS_BIND_GET);
  g_settings_bind_with_mapping (settings, "excerpt-display", self->excerpt_reveal_check, "active",
                                G_SETTINGS_BIND_DEFAULT, excerpt_get_mapping, excerpt_set_mapping,
                                (gpointer) "reveal-on-request", NULL);
  g_settings_bind_with_mapping (settings, "excerpt-display", self->excerpt_hide_check, "active",
                                G_SETTINGS_BIND_DEFAULT, excerpt_get_mapping, excerpt_set_mapping,
                                (gpointer) "always-hide", NULL);
  g_settings_bind (settings, "daily-reminder", self->reminder_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "daily-reminder-time", self->reminder_time_spin, "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "daily-reminder", self->reminder_time_row, "sensitive",
                   G_SETTINGS_BIND_GET);
  g_signal_connect (settings, "changed::run-in-background", G_CALLBACK (settings_changed_cb), self);
  sync_background_switch (self);
}
