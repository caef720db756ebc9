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

  RempartActionItem *item;  /* the action bound, NULL between an unbind and a bind */
  RempartActionItem *shown; /* the action the children show, followed for changes */
  gulong notify_id;
  gboolean stale; /* @shown changed while no action was bound */

  /* Template widgets */
  GtkLabel *title_label;
  GtkLabel *details_label;
  GtkWidget *urgent_label;
  GtkImage *state_image;
};

G_DEFINE_FINAL_TYPE (RempartActionRow, rempart_action_row, GTK_TYPE_WIDGET)

/*
 * Rows taken off the list, kept to be shown again.
 *
 * GTK 4.8's GtkListView destroys the row of every action a search takes out of the list and
 * builds one from the template for every action it brings in: about 170 of each for a
 * keystroke at 10,000 actions, half of what the keystroke cost. So a row keeps a reference
 * of its own while the list holds it; when the list lets it go (its parent becomes NULL) it
 * waits here, unparented and showing nothing, and rempart_action_row_new() hands it out
 * again. At most ROW_POOL_SIZE wait (GtkListView keeps about 200 rows); the others are freed.
 */
#define ROW_POOL_SIZE 256

static GPtrArray *row_pool;

/* -------------------------------------------------------------------------------------- */
/* Helpers                                                                                */
/* -------------------------------------------------------------------------------------- */

static void
update_state (RempartActionRow *self)
{
  RempartActionState state = rempart_action_item_get_state (self->shown);
  gboolean queued = rempart_action_item_get_queued (self->shown);
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
  const char *title = rempart_action_item_get_title (self->shown);
  const char *topic = rempart_action_item_get_topic_name (self->shown);
  gboolean high = rempart_action_item_get_high_priority (self->shown);
  g_autofree char *platform_name = NULL;
  g_autofree char *left = NULL;

  gtk_label_set_text (self->title_label, title);

  left = rempart_format_time_left (rempart_action_item_get_expires (self->shown),
                                   g_get_real_time () / G_USEC_PER_SEC);
  if (topic != NULL)
    g_string_append (details, topic);
  platform_name = rempart_format_platform (rempart_action_item_get_platform (self->shown));
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
  RempartActionRow *self = REMPART_ACTION_ROW (user_data);

  if (self->item == NULL)
    self->stale = TRUE;
  else
    update_all (self);
}

static void
show_item (RempartActionRow *self, RempartActionItem *item)
{
  if (self->shown != NULL)
    g_clear_signal_handler (&self->notify_id, self->shown);
  g_set_object (&self->shown, item);
  self->stale = FALSE;

  if (item == NULL)
    return;

  /* The model updates items in place after a sync: follow them. */
  self->notify_id = g_signal_connect (item, "notify", G_CALLBACK (item_notify_cb), self);
  update_all (self);
}

static void
parent_notify_cb (GObject *object, GParamSpec *pspec, gpointer user_data)
{
  RempartActionRow *self = REMPART_ACTION_ROW (object);

  if (gtk_widget_get_parent (GTK_WIDGET (self)) != NULL)
    return;

  /* The list let the row go: it keeps no action alive while it waits. */
  self->item = NULL;
  show_item (self, NULL);
  if (row_pool == NULL)
    row_pool = g_ptr_array_new ();
  if (row_pool->len < ROW_POOL_SIZE)
    {
      g_ptr_array_add (row_pool, self); /* takes the row's own reference */
      return;
    }
  g_signal_handlers_disconnect_by_func (self, parent_notify_cb, NULL);
  g_object_unref (self);
}

/* -------------------------------------------------------------------------------------- */
/* Overrides                                                                              */
/* -------------------------------------------------------------------------------------- */

static void
rempart_action_row_dispose (GObject *object)
{
  RempartActionRow *self = REMPART_ACTION_ROW (object);

  self->item = NULL;
  show_item (self, NULL);
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

/*
 * rempart_action_row_new:
 *
 * A row from the rows the list let go, or a new one.
 *
 * Returns: (transfer floating): a row showing no action
 */
GtkWidget *
rempart_action_row_new (void)
{
  GtkWidget *row;

  if (row_pool != NULL && row_pool->len > 0)
    {
      row = g_ptr_array_steal_index_fast (row_pool, row_pool->len - 1);
      /* Handed out as a new widget is: with a floating reference of its own. */
      g_object_force_floating (g_object_ref (G_OBJECT (row)));
      return row;
    }

  row = g_object_new (REMPART_TYPE_ACTION_ROW, NULL);
  g_object_ref (row); /* the row's own reference, given up in parent_notify_cb */
  g_signal_connect (row, "notify::parent", G_CALLBACK (parent_notify_cb), NULL);
  return row;
}

/*
 * rempart_action_row_set_item:
 * @item: (nullable): the action to show, or %NULL to unbind
 *
 * GTK 4.8's list unbinds and binds a row again whenever its position changes, with the same
 * action: the row keeps showing (and following) the action it was unbound from, and binding
 * it to that action again costs nothing unless it changed in between.
 */
void
rempart_action_row_set_item (RempartActionRow *self, RempartActionItem *item)
{
  g_return_if_fail (REMPART_IS_ACTION_ROW (self));

  self->item = item;
  if (item == NULL)
    return;
  if (item == self->shown && !self->stale)
    return;
  if (item == self->shown)
    {
      self->stale = FALSE;
      update_all (self);
      return;
    }
  show_item (self, item);
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
