/* rempart-action-row.c: one action in the list
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rempart-action-row.h"
#include "rempart-store.h"
#include "rempart-ui-utils.h"

struct _RempartActionRow
{
  GtkWidget parent_instance;

  RempartActionItem *item;
  gulong notify_id;

  /* Template widgets */
  GtkLabel *title_label;
  GtkLabel *details_label;
  GtkWidget *urgent_label;
  GtkImage *state_image;
};

G_DEFINE_FINAL_TYPE (RempartActionRow, rempart_action_row, GTK_TYPE_WIDGET)

/* -------------------------------------------------------------------------------------- */
/* Helpers                                                                                */
/* -------------------------------------------------------------------------------------- */

static void
update_state (RempartActionRow *self)
{
  RempartActionState state = rempart_action_item_get_state (self->item);
  gboolean queued = rempart_action_item_get_queued (self->item);
  const char *icon = NULL;
  const char *description = NULL;

  if (state & REMPART_ACTION_STATE_POSTED)
    {
      icon = "emblem-ok-symbolic";
      description = _ ("You posted a reply");
    }
  else if (queued)
    {
      icon = "document-send-symbolic";
      /* Translators: state shown on an action’s row: a reply is waiting to be posted */
      description = _ ("Reply queued");
    }
  else if (state & REMPART_ACTION_STATE_DISMISSED)
    {
      icon = "action-unavailable-symbolic";
      description = _ ("Not for you");
    }
  else if (state & REMPART_ACTION_STATE_OPENED)
    {
      icon = "find-location-symbolic";
      /* Translators: state shown on an action’s row: the volunteer opened the thread */
      description = _ ("Thread opened");
    }

  gtk_widget_set_visible (GTK_WIDGET (self->state_image), icon != NULL);
  if (icon != NULL)
    {
      gtk_image_set_from_icon_name (self->state_image, icon);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->state_image), description);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->state_image),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
    }
}

static void
update_all (RempartActionRow *self)
{
  g_autoptr (GString) details = g_string_new (NULL);
  const char *title = rempart_action_item_get_title (self->item);
  const char *topic = rempart_action_item_get_topic_name (self->item);
  gboolean high = rempart_action_item_get_high_priority (self->item);
  g_autofree char *platform_name = NULL;
  g_autofree char *left = NULL;

  gtk_label_set_text (self->title_label, title);

  left = rempart_format_time_left (rempart_action_item_get_expires (self->item),
                                   g_get_real_time () / G_USEC_PER_SEC);
  if (topic != NULL)
    g_string_append (details, topic);
  platform_name = rempart_format_platform (rempart_action_item_get_platform (self->item));
  if (platform_name != NULL)
    g_string_append_printf (details, "%s%s", details->len > 0 ? " · " : "", platform_name);
  if (left != NULL)
    g_string_append_printf (details, "%s%s", details->len > 0 ? " · " : "", left);

  gtk_label_set_text (self->details_label, details->str);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, details->str, -1);
  gtk_widget_set_visible (GTK_WIDGET (self->details_label), details->len > 0);
  gtk_widget_set_visible (self->urgent_label, high);

  update_state (self);
}

/* -------------------------------------------------------------------------------------- */
/* Callbacks                                                                              */
/* -------------------------------------------------------------------------------------- */

static void
item_notify_cb (GObject *object, GParamSpec *pspec, gpointer user_data)
{
  update_all (REMPART_ACTION_ROW (user_data));
}

/* -------------------------------------------------------------------------------------- */
/* Overrides                                                                              */
/* -------------------------------------------------------------------------------------- */

static void
rempart_action_row_dispose (GObject *object)
{
  RempartActionRow *self = REMPART_ACTION_ROW (object);

  rempart_action_row_set_item (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), REMPART_TYPE_ACTION_ROW);

  G_OBJECT_CLASS (rempart_action_row_parent_class)->dispose (object);
}

static void
rempart_action_row_class_init (RempartActionRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rempart_action_row_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/rempart-action-row.ui");
  gtk_widget_class_bind_template_child (widget_class, RempartActionRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, RempartActionRow, details_label);
  gtk_widget_class_bind_template_child (widget_class, RempartActionRow, urgent_label);
  gtk_widget_class_bind_template_child (widget_class, RempartActionRow, state_image);
}

static void
rempart_action_row_init (RempartActionRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* -------------------------------------------------------------------------------------- */
/* Public API                                                                             */
/* -------------------------------------------------------------------------------------- */

GtkWidget *
rempart_action_row_new (void)
{
  return g_object_new (REMPART_TYPE_ACTION_ROW, NULL);
}

void
rempart_action_row_set_item (RempartActionRow *self, RempartActionItem *item)
{
  g_return_if_fail (REMPART_IS_ACTION_ROW (self));

  if (self->item == item)
    return;

  if (self->item != NULL)
    g_clear_signal_handler (&self->notify_id, self->item);
  g_set_object (&self->item, item);

  if (item == NULL)
    return;

  /* The model updates items in place after a sync: follow them. */
  self->notify_id = g_signal_connect (item, "notify", G_CALLBACK (item_notify_cb), self);
  update_all (self);
}

/*
 * rempart_action_row_get_item:
 *
 * Returns: (transfer none) (nullable): the action the row shows
 */
RempartActionItem *
rempart_action_row_get_item (RempartActionRow *self)
{
  g_return_val_if_fail (REMPART_IS_ACTION_ROW (self), NULL);

  return self->item;
}
