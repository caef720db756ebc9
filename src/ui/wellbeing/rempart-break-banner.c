/* rempart-break-banner.c: the in-window suggestion to take a break
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Rempart"

#include "config.h"

#include <glib/gi18n.h>

#include "rempart-break-banner.h"

/* A banner rather than a notification: the break is due only while a window of the app is
 * in front (RempartBreakTimer), so the window is where the volunteer is looking. It stays
 * until dismissed, and takes no focus: it never interrupts a sentence being typed. */

struct _RempartBreakBanner
{
  AdwBin parent_instance;

  /* Template widgets */
  GtkRevealer *revealer;
  GtkLabel *label;
};

G_DEFINE_FINAL_TYPE (RempartBreakBanner, rempart_break_banner, ADW_TYPE_BIN)

/* -------------------------------------------------------------------------------------- */
/* Callbacks                                                                              */
/* -------------------------------------------------------------------------------------- */

static void
dismiss_widget_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  rempart_break_banner_dismiss (REMPART_BREAK_BANNER (widget));
}

static void
child_revealed_cb (GtkRevealer *revealer, GParamSpec *pspec, gpointer user_data)
{
  /* Hidden once it has slid away, so that it takes no clicks over the content. */
  if (!gtk_revealer_get_reveal_child (revealer) && !gtk_revealer_get_child_revealed (revealer))
    gtk_widget_set_visible (GTK_WIDGET (user_data), FALSE);
}

/* -------------------------------------------------------------------------------------- */
/* Overrides                                                                              */
/* -------------------------------------------------------------------------------------- */

static void
rempart_break_banner_dispose (GObject *object)
{
  /* No gtk_widget_dispose_template(): AdwBin unparents its one child itself. */

  G_OBJECT_CLASS (rempart_break_banner_parent_class)->dispose (object);
}

static void
rempart_break_banner_class_init (RempartBreakBannerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rempart_break_banner_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/rempart-break-banner.ui");
  gtk_widget_class_bind_template_child (widget_class, RempartBreakBanner, revealer);
  gtk_widget_class_bind_template_child (widget_class, RempartBreakBanner, label);
  gtk_widget_class_bind_template_child_full (widget_class, "dismiss_button", FALSE, 0);

  gtk_widget_class_install_action (widget_class, "break.dismiss", NULL, dismiss_widget_action);
}

static void
rempart_break_banner_init (RempartBreakBanner *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  g_signal_connect_object (self->revealer, "notify::child-revealed", G_CALLBACK (child_revealed_cb),
                           self, 0);
}

/* -------------------------------------------------------------------------------------- */
/* Public API                                                                             */
/* -------------------------------------------------------------------------------------- */

void
rempart_break_banner_reveal (RempartBreakBanner *self, guint minutes)
{
  g_autofree char *text = NULL;

  g_return_if_fail (REMPART_IS_BREAK_BANNER (self));

  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "You have been here for %u minute. Time for a short "
                                       "break: stand up, drink some water, look far away.",
                                       "You have been here for %u minutes. Time for a short "
                                       "break: stand up, drink some water, look far away.",
                                       minutes),
                          minutes);
  gtk_label_set_text (self->label, text);
  gtk_widget_set_visible (GTK_WIDGET (self), TRUE);
  gtk_revealer_set_reveal_child (self->revealer, TRUE);
}

void
rempart_break_banner_dismiss (RempartBreakBanner *self)
{
  g_return_if_fail (REMPART_IS_BREAK_BANNER (self));

  gtk_revealer_set_reveal_child (self->revealer, FALSE);
}

gboolean
rempart_break_banner_get_revealed (RempartBreakBanner *self)
{
  g_return_val_if_fail (REMPART_IS_BREAK_BANNER (self), FALSE);

  return gtk_revealer_get_reveal_child (self->revealer);
}
