/* rempart-window.c
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Rempart"

#include "config.h"

#include <glib/gi18n.h>

#include "rempart-window.h"

struct _RempartWindow
{
  AdwApplicationWindow parent_instance;

  /* Template widgets */
  AdwToastOverlay *toast_overlay;
  GtkMenuButton *primary_menu_button;
};

G_DEFINE_FINAL_TYPE (RempartWindow, rempart_window, ADW_TYPE_APPLICATION_WINDOW)

/* -------------------------------------------------------------------------------------- */
/* Helpers                                                                                */
/* -------------------------------------------------------------------------------------- */

static GSettings *
get_settings (RempartWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (!REMPART_IS_APPLICATION (app))
    return NULL;

  return rempart_application_get_settings (REMPART_APPLICATION (app));
}

static void
restore_window_state (RempartWindow *self)
{
  GSettings *settings = get_settings (self);

  if (settings == NULL)
    return;

  gtk_window_set_default_size (GTK_WINDOW (self), g_settings_get_int (settings, "window-width"),
                               g_settings_get_int (settings, "window-height"));

  if (g_settings_get_boolean (settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static void
save_window_state (RempartWindow *self)
{
  GSettings *settings = get_settings (self);
  int width, height;

  if (settings == NULL)
    return;

  /* The default size tracks the unmaximized size, which is what we want to restore. */
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);

  g_settings_delay (settings);
  if (width > 0 && height > 0)
    {
      g_settings_set_int (settings, "window-width", MAX (width, 360));
      g_settings_set_int (settings, "window-height", MAX (height, 294));
    }
  g_settings_set_boolean (settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
  g_settings_apply (settings);
}

/* -------------------------------------------------------------------------------------- */
/* Overrides                                                                              */
/* -------------------------------------------------------------------------------------- */

static gboolean
rempart_window_close_request (GtkWindow *window)
{
  save_window_state (REMPART_WINDOW (window));

  return GTK_WINDOW_CLASS (rempart_window_parent_class)->close_request (window);
}

static void
rempart_window_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), REMPART_TYPE_WINDOW);

  G_OBJECT_CLASS (rempart_window_parent_class)->dispose (object);
}

static void
rempart_window_class_init (RempartWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = rempart_window_dispose;

  window_class->close_request = rempart_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/rempart-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RempartWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RempartWindow, primary_menu_button);
}

static void
rempart_window_init (RempartWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* -------------------------------------------------------------------------------------- */
/* Public API                                                                             */
/* -------------------------------------------------------------------------------------- */

RempartWindow *
rempart_window_new (RempartApplication *application)
{
  g_return_val_if_fail (REMPART_IS_APPLICATION (application), NULL);

  RempartWindow *self = g_object_new (REMPART_TYPE_WINDOW, "application", application, NULL);

  /* Not in constructed(): GtkWindow:application is not a construct property, so it is only
   * set after construction, and the settings belong to the application. */
  restore_window_state (self);

  return self;
}

/*
 * rempart_window_show_toast:
 * @message: plain text, never markup: it may quote an error from the system
 *
 * Shows a short, non-modal message at the bottom of the window.
 */
void
rempart_window_show_toast (RempartWindow *self, const char *message)
{
  g_autofree char *escaped = NULL;
  AdwToast *toast;

  g_return_if_fail (REMPART_IS_WINDOW (self));
  g_return_if_fail (message != NULL);

  /* AdwToast titles are Pango markup in libadwaita 1.2. */
  escaped = g_markup_escape_text (message, -1);
  toast = adw_toast_new (escaped);
  adw_toast_set_timeout (toast, 5);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}
