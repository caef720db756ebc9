/* rempart-action-row.c: one action in the list
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rempart-action-row.h"
#include "rempart-row-text.h"
#include "rempart-store.h"
#include "rempart-ui-utils.h"

struct _RempartActionRow
{
  GtkWidget parent_instance;

  RempartActionItem *item;  /* the action bound, NULL between an unbind and a bind */
  RempartActionItem *shown; /* the action the children show, followed for changes */
  gulong notify_id;
  gboolean stale;  /* @shown changed while no action was bound */
  int last_height; /* the height last measured for a width (see "Size") */

  /* Children, in this order; the last two are made when first needed (see "Children") */
  RempartRowText *title_label;
  RempartRowText *details_label;
  GtkWidget *urgent_label; /* nullable */
  GtkImage *state_image;   /* nullable */
};

G_DEFINE_FINAL_TYPE (RempartActionRow, rempart_action_row, GTK_TYPE_WIDGET)

/*
 * Rows taken off the list, kept to be shown again.
 *
 * GTK 4.8's GtkListView destroys the row of every action a search takes out of the list and
 * builds a new one for every action it brings in: about 170 of each for a
 * keystroke at 10,000 actions, half of what the keystroke cost. So a row keeps a reference
 * of its own while the list holds it; when the list lets it go (its parent becomes NULL) it
 * waits here, unparented and showing nothing, and rempart_action_row_new() hands it out
 * again. At most ROW_POOL_SIZE wait (GtkListView keeps about 200 rows); the others are freed.
 */
#define ROW_POOL_SIZE 256

static GPtrArray *row_pool;

/* -------------------------------------------------------------------------------------- */
/* Children                                                                               */
/* -------------------------------------------------------------------------------------- */

/*
 * A list builds about 200 rows before its first frame, so a row is made in code rather than
 * from a template (GtkBuilder's replay was most of a row's making), and the urgent tag and
 * the state icon are made the first time the row shows an action that has them: most rows
 * of a long list are neither urgent nor acted upon.
 */
static GtkWidget *
ensure_urgent_label (RempartActionRow *self)
{
  if (self->urgent_label != NULL)
    return self->urgent_label;

  self->urgent_label = gtk_label_new (C_ ("action priority", "Urgent"));
  gtk_widget_set_valign (self->urgent_label, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (self->urgent_label, "caption-heading");
  gtk_widget_add_css_class (self->urgent_label, "rempart-urgent");
  gtk_widget_insert_after (self->urgent_label, GTK_WIDGET (self), GTK_WIDGET (self->details_label));
  return self->urgent_label;
}

static GtkImage *
ensure_state_image (RempartActionRow *self)
{
  if (self->state_image != NULL)
    return self->state_image;

  self->state_image = GTK_IMAGE (g_object_new (GTK_TYPE_IMAGE, "valign", GTK_ALIGN_CENTER,
                                               "accessible-role", GTK_ACCESSIBLE_ROLE_IMG, NULL));
  gtk_widget_set_parent (GTK_WIDGET (self->state_image), GTK_WIDGET (self));
  return self->state_image;
}

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

  if (icon == NULL && self->state_image == NULL)
    return;
  gtk_widget_set_visible (GTK_WIDGET (ensure_state_image (self)), icon != NULL);
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

  rempart_row_text_set_text (self->title_label, title);

  left = rempart_format_time_left (rempart_action_item_get_expires (self->shown),
                                   g_get_real_time () / G_USEC_PER_SEC);
  if (topic != NULL)
    g_string_append (details, topic);
  platform_name = rempart_format_platform (rempart_action_item_get_platform (self->shown));
  if (platform_name != NULL)
    g_string_append_printf (details, "%s%s", details->len > 0 ? " · " : "", platform_name);
  if (left != NULL)
    g_string_append_printf (details, "%s%s", details->len > 0 ? " · " : "", left);

  rempart_row_text_set_text (self->details_label, details->str);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, details->str, -1);
  gtk_widget_set_visible (GTK_WIDGET (self->details_label), details->len > 0);
  if (high || self->urgent_label != NULL)
    gtk_widget_set_visible (ensure_urgent_label (self), high);

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
/* Size                                                                                   */
/* -------------------------------------------------------------------------------------- */

/*
 * The row lays out its children itself: the title, and the details under it, in a first
 * column that takes the width left; the urgent tag and the state icon beside them, each as
 * wide as it asks, centred on the row's height. This is what the GtkGridLayout of its
 * template did (ui-action-row compares the two), but the texts are measured only at the
 * width they will have.
 *
 * GTK measures the list's rows more than it allocates them: every time a row's text changes,
 * the window works out its size hints (GDK's X11 idle, gtk_window_compute_default_size) and
 * the scrolled window measures the list view at width -1 and at height for width -1, so
 * every one of the ~200 rows GTK 4.8 keeps. Of those answers, only the rows' minimum width
 * counts (the scrolled window has no horizontal scrollbar); the list's height at width -1 is
 * only the scrolled window's first guess of whether its vertical scrollbar shows, which it
 * corrects in the same allocation. So the row answers them without shaping any text: its
 * minimum width is its texts' (RempartRowText asks two ems, whatever it says) and the side
 * columns', and its height for width -1 is the last it had, or an estimate. Its texts are
 * RempartRowTexts, not GtkLabels: a GtkLabel shapes its whole text again for each width it
 * is asked about, and GTK asks for its width whenever it measures its height.
 */
#define ROW_SPACING    3
#define COLUMN_SPACING 12

static gboolean
laid_out (GtkWidget *child)
{
  return child != NULL && gtk_widget_should_layout (child);
}

/* The least width of the first column: what its texts ask, whatever they say. */
static int
text_min_width (RempartActionRow *self)
{
  int min, nat, details = 0;

  gtk_widget_measure (GTK_WIDGET (self->title_label), GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat,
                      NULL, NULL);
  if (laid_out (GTK_WIDGET (self->details_label)))
    gtk_widget_measure (GTK_WIDGET (self->details_label), GTK_ORIENTATION_HORIZONTAL, -1, &details,
                        &nat, NULL, NULL);
  return MAX (min, details);
}

/* The width of the urgent tag and the state icon with their spacing, and their height. */
static int
measure_side (RempartActionRow *self, int *min_height, int *nat_height)
{
  GtkWidget *side[] = { self->urgent_label, GTK_WIDGET (self->state_image) };
  int width = 0;

  *min_height = *nat_height = 0;
  for (gsize i = 0; i < G_N_ELEMENTS (side); i++)
    {
      int min, nat;

      if (!laid_out (side[i]))
        continue;
      gtk_widget_measure (side[i], GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
      width += COLUMN_SPACING + nat;
      gtk_widget_measure (side[i], GTK_ORIENTATION_VERTICAL, nat, &min, &nat, NULL, NULL);
      *min_height = MAX (*min_height, min);
      *nat_height = MAX (*nat_height, nat);
    }
  return width;
}

/* The title's and the details' heights at @width, with the spacing between them. */
static void
measure_text (RempartActionRow *self, int width, int *min_height, int *nat_height)
{
  int min, nat;

  gtk_widget_measure (GTK_WIDGET (self->title_label), GTK_ORIENTATION_VERTICAL, width, min_height,
                      nat_height, NULL, NULL);
  if (!laid_out (GTK_WIDGET (self->details_label)))
    return;
  gtk_widget_measure (GTK_WIDGET (self->details_label), GTK_ORIENTATION_VERTICAL, width, &min, &nat,
                      NULL, NULL);
  *min_height += ROW_SPACING + min;
  *nat_height += ROW_SPACING + nat;
}

static GtkSizeRequestMode
rempart_action_row_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
rempart_action_row_measure (GtkWidget *widget,
                            GtkOrientation orientation,
                            int for_size,
                            int *minimum,
                            int *natural,
                            int *minimum_baseline,
                            int *natural_baseline)
{
  RempartActionRow *self = REMPART_ACTION_ROW (widget);
  int side_min_height, side_nat_height;
  int side_width = measure_side (self, &side_min_height, &side_nat_height);
  int text_min = text_min_width (self);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = *natural = text_min + side_width;
      return;
    }

  if (for_size < 0)
    {
      /* Only a first guess for the scrolled window (see above): the last height, or about a
       * title line and a details line. */
      if (self->last_height > 0)
        *minimum = *natural = self->last_height;
      else
        *minimum = *natural = MAX (side_nat_height, 2 * text_min);
      return;
    }

  measure_text (self, MAX (for_size - side_width, text_min), minimum, natural);
  *minimum = MAX (*minimum, side_min_height);
  *natural = MAX (*natural, side_nat_height);
  self->last_height = *minimum;
}

static void
allocate_child (GtkWidget *child, gboolean rtl, int row_width, int x, int y, int width, int height)
{
  GtkAllocation allocation = { rtl ? row_width - x - width : x, y, width, height };

  gtk_widget_size_allocate (child, &allocation, -1);
}

static void
rempart_action_row_size_allocate (GtkWidget *widget, int width, int height, int baseline)
{
  RempartActionRow *self = REMPART_ACTION_ROW (widget);
  GtkWidget *side[] = { self->urgent_label, GTK_WIDGET (self->state_image) };
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  int side_min_height, side_nat_height;
  int text_width = MAX (width - measure_side (self, &side_min_height, &side_nat_height), 0);
  int x = text_width;
  int min, nat;

  gtk_widget_measure (GTK_WIDGET (self->title_label), GTK_ORIENTATION_VERTICAL, text_width, &min,
                      &nat, NULL, NULL);
  allocate_child (GTK_WIDGET (self->title_label), rtl, width, 0, 0, text_width, min);
  if (laid_out (GTK_WIDGET (self->details_label)))
    {
      int y = min + ROW_SPACING;

      gtk_widget_measure (GTK_WIDGET (self->details_label), GTK_ORIENTATION_VERTICAL, text_width,
                          &min, &nat, NULL, NULL);
      allocate_child (GTK_WIDGET (self->details_label), rtl, width, 0, y, text_width, min);
    }

  for (gsize i = 0; i < G_N_ELEMENTS (side); i++)
    {
      int child_width, child_height;

      if (!laid_out (side[i]))
        continue;
      gtk_widget_measure (side[i], GTK_ORIENTATION_HORIZONTAL, -1, &min, &child_width, NULL, NULL);
      gtk_widget_measure (side[i], GTK_ORIENTATION_VERTICAL, child_width, &min, &child_height, NULL,
                          NULL);
      child_height = MIN (child_height, height);
      x += COLUMN_SPACING;
      allocate_child (side[i], rtl, width, x, (height - child_height) / 2, child_width,
                      child_height);
      x += child_width;
    }
}

/* -------------------------------------------------------------------------------------- */
/* Overrides                                                                              */
/* -------------------------------------------------------------------------------------- */

static void
rempart_action_row_dispose (GObject *object)
{
  RempartActionRow *self = REMPART_ACTION_ROW (object);
  GtkWidget *child;

  self->item = NULL;
  show_item (self, NULL);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  self->title_label = self->details_label = NULL;
  self->urgent_label = NULL;
  self->state_image = NULL;

  G_OBJECT_CLASS (rempart_action_row_parent_class)->dispose (object);
}

static void
rempart_action_row_class_init (RempartActionRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rempart_action_row_dispose;

  widget_class->get_request_mode = rempart_action_row_get_request_mode;
  widget_class->measure = rempart_action_row_measure;
  widget_class->size_allocate = rempart_action_row_size_allocate;
}

static void
rempart_action_row_init (RempartActionRow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);

  gtk_widget_set_margin_top (widget, 10);
  gtk_widget_set_margin_bottom (widget, 10);
  gtk_widget_set_margin_start (widget, 12);
  gtk_widget_set_margin_end (widget, 12);

  /* The title wraps on two lines at most; the details stay on one. */
  self->title_label = REMPART_ROW_TEXT (rempart_row_text_new (2));
  gtk_widget_set_hexpand (GTK_WIDGET (self->title_label), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->title_label), "heading");
  gtk_widget_set_parent (GTK_WIDGET (self->title_label), widget);

  self->details_label = REMPART_ROW_TEXT (rempart_row_text_new (1));
  gtk_widget_set_hexpand (GTK_WIDGET (self->details_label), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->details_label), "caption");
  gtk_widget_add_css_class (GTK_WIDGET (self->details_label), "dim-label");
  gtk_widget_set_parent (GTK_WIDGET (self->details_label), widget);
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
