/* rempart-wellbeing-page.c: Preferences → Wellbeing
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Rempart"

#include "config.h"

#include <glib/gi18n.h>

#include "rempart-hard-thread-window.h"
#include "rempart-wellbeing-page.h"

struct _RempartWellbeingPage
{
  AdwPreferencesPage parent_instance;

  GSettings *settings;

  /* Template widgets */
  AdwActionRow *limit_count_row;
  GtkSwitch *limit_switch;
  GtkSpinButton *limit_spin;
  AdwActionRow *break_minutes_row;
  GtkSwitch *break_switch;
  GtkSpinButton *break_spin;
  GtkCheckButton *excerpt_reveal_check;
  GtkCheckButton *excerpt_hide_check;
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

static void
unbind (RempartWellbeingPage *self)
{
  if (self->settings == NULL)
    return;

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
/* Overrides                                                                              */
/* -------------------------------------------------------------------------------------- */

static void
rempart_wellbeing_page_dispose (GObject *object)
{
  RempartWellbeingPage *self = REMPART_WELLBEING_PAGE (object);

  unbind (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), REMPART_TYPE_WELLBEING_PAGE);
  g_clear_object (&self->settings);

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
  gtk_widget_class_install_action (widget_class, "wellbeing.after-hard-thread", NULL,
                                   after_hard_thread_widget_action);

  /* For the tests, which reach them by Tab. */
  gtk_widget_class_bind_template_child_full (widget_class, "limit_row", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "break_row", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "excerpt_hide_row", FALSE, 0);
}

static void
rempart_wellbeing_page_init (RempartWellbeingPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
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
}
