/* rempart-window-results.c: the search's results as the list view sees them
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rempart-window-results.h"

#include "rempart-action-row.h"

/*
 * The same items as the source (the search filter's model), in the same order, with one
 * difference in how a new search is announced.
 *
 * GTK 4.8's GtkListView destroys the list item widget of every item a change removes and
 * makes one for every item it brings in; it hands a widget to another item only when the
 * widget's item is still in the model but beyond the positions it keeps widgets for (about
 * 200 around its scroll anchor). A search announced as one change, as GtkFilterListModel
 * does, so destroyed and made about 170 list item widgets a keystroke at 10,000 actions,
 * each with its CSS, its accessible object and its row taken out and put in again.
 *
 * After rempart_window_results_begin_swap(), the next change of the source is announced in
 * two steps instead. First, the new results' first KEPT_ROWS items go in front of the old
 * results, so the old items move beyond what the list keeps widgets for and their widgets
 * are handed to the new ones. Then the old results are replaced by the rest of the new ones,
 * which have no widgets: nothing is destroyed. The list ends with exactly the source's items
 * (between the two steps some items are there twice, which a GListModel may hold).
 *
 * The list must end as one change would leave it:
 * - When the change starts at 0, the old first item is the list's scroll anchor. An item
 *   inserted before it would keep the view on it, so the first step takes it out: GTK then
 *   follows it to its new place among the new first items, or keeps the anchor at 0 when it
 *   is gone, as after one change. When it is among the new results beyond the first ones,
 *   GTK would follow it there: then the change is announced as it is.
 * - The selected item: when it is among the new first items, or gone from the results (GTK
 *   guesses a place for it, and for the keyboard focus the list keeps with it), the change is
 *   announced as it is; otherwise the second step brings it, and GTK follows it.
 * - rempart_window_results_begin_search() swaps only when the list shows its first rows (the
 *   anchor at 0) and the keyboard focus is not in it.
 * - A widget handed to another item keeps its state: the row under the pointer would keep
 *   its hover highlight wherever it goes, where GTK's new widget has none until the pointer
 *   moves. rempart_window_results_end_search() takes it off.
 */

/* GTK 4.8's GtkListView keeps widgets for 200 positions from its anchor and 2 on each side. */
#define KEPT_ROWS 256

struct _RempartWindowResults
{
  GObject parent_instance;

  GListModel *source;
  GtkFilter *filter;     /* the filter that makes the source */
  GPtrArray *old;        /* (nullable) the items before the change, while a swap is asked for */
  GObject *selected;     /* (nullable) the list's selected item then */
  GtkWidget *hovered;    /* (nullable) the list item widget under the pointer then */
  GObject *hovered_item; /* (nullable) the action it showed */

  /* While the first step is announced: positions below @split are the source's, the others
   * the old items, from @shift positions before. */
  gboolean in_step;
  guint split;
  guint shift;
  guint n_step;
};

static void rempart_window_results_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (RempartWindowResults,
                               rempart_window_results,
                               G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      rempart_window_results_list_model_init))

/* -------------------------------------------------------------------------------------- */
/* GListModel                                                                             */
/* -------------------------------------------------------------------------------------- */

static GType
rempart_window_results_get_item_type (GListModel *model)
{
  return g_list_model_get_item_type (REMPART_WINDOW_RESULTS (model)->source);
}

static guint
rempart_window_results_get_n_items (GListModel *model)
{
  RempartWindowResults *self = REMPART_WINDOW_RESULTS (model);

  if (self->in_step)
    return self->n_step;
  return g_list_model_get_n_items (self->source);
}

static gpointer
rempart_window_results_get_item (GListModel *model, guint position)
{
  RempartWindowResults *self = REMPART_WINDOW_RESULTS (model);

  if (!self->in_step || position < self->split)
    return g_list_model_get_item (self->source, position);
  if (position >= self->n_step)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->old, position - self->shift));
}

static void
rempart_window_results_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = rempart_window_results_get_item_type;
  iface->get_n_items = rempart_window_results_get_n_items;
  iface->get_item = rempart_window_results_get_item;
}

/* -------------------------------------------------------------------------------------- */
/* Helpers                                                                                */
/* -------------------------------------------------------------------------------------- */

/* Where @item is among the source's first @n items, or -1. */
static int
head_position (RempartWindowResults *self, guint n, gpointer item)
{
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (GObject) object = g_list_model_get_item (self->source, i);

      if (object == item)
        return (int) i;
    }
  return -1;
}

/* Whether a swap ends as one change would (see the top of this file). */
static gboolean
can_swap (RempartWindowResults *self, GPtrArray *old, guint position, guint split)
{
  gpointer anchor;

  if (old == NULL || old->len == 0 || position >= split)
    return FALSE;

  anchor = g_ptr_array_index (old, 0);
  if (position == 0 && gtk_filter_match (self->filter, anchor) &&
      head_position (self, split, anchor) < 0)
    return FALSE;

  if (self->selected != NULL && (!gtk_filter_match (self->filter, self->selected) ||
                                 head_position (self, split, self->selected) >= 0))
    return FALSE;

  return TRUE;
}

/* The action a list item widget's row shows, or NULL. */
static gpointer
row_item (GtkWidget *list_item)
{
  GtkWidget *row = gtk_widget_get_first_child (list_item);

  return row != NULL && REMPART_IS_ACTION_ROW (row)
             ? rempart_action_row_get_item (REMPART_ACTION_ROW (row))
             : NULL;
}

static void
unset_hover (GtkWidget *widget)
{
  gtk_widget_unset_state_flags (widget, GTK_STATE_FLAG_PRELIGHT);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    unset_hover (child);
}

/* -------------------------------------------------------------------------------------- */
/* Callbacks                                                                              */
/* -------------------------------------------------------------------------------------- */

static void
source_items_changed_cb (GListModel *source,
                         guint position,
                         guint removed,
                         guint added,
                         RempartWindowResults *self)
{
  g_autoptr (GPtrArray) old = g_steal_pointer (&self->old);
  guint n_new = g_list_model_get_n_items (source);
  guint split = MIN (n_new, KEPT_ROWS);

  if (!can_swap (self, old, position, split))
    {
      g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
      return;
    }

  /* First step: the new results' first @split items before the old ones. */
  self->split = split;
  self->shift = position == 0 ? split - 1 : split - position;
  self->n_step = self->shift + old->len;
  self->old = g_steal_pointer (&old);
  self->in_step = TRUE;
  if (position == 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, 1, split);
  else
    g_list_model_items_changed (G_LIST_MODEL (self), position, 0, split - position);
  self->in_step = FALSE;
  old = g_steal_pointer (&self->old);

  /* Second step: the old items replaced by the rest of the new ones. */
  g_list_model_items_changed (G_LIST_MODEL (self), split, self->n_step - split, n_new - split);
}

/* -------------------------------------------------------------------------------------- */
/* Overrides                                                                              */
/* -------------------------------------------------------------------------------------- */

static void
rempart_window_results_dispose (GObject *object)
{
  RempartWindowResults *self = REMPART_WINDOW_RESULTS (object);

  if (self->source != NULL)
    g_signal_handlers_disconnect_by_func (self->source, source_items_changed_cb, self);
  g_clear_object (&self->source);
  g_clear_object (&self->filter);
  g_clear_pointer (&self->old, g_ptr_array_unref);
  g_clear_object (&self->selected);
  g_clear_object (&self->hovered);
  g_clear_object (&self->hovered_item);

  G_OBJECT_CLASS (rempart_window_results_parent_class)->dispose (object);
}

static void
rempart_window_results_class_init (RempartWindowResultsClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = rempart_window_results_dispose;
}

static void
rempart_window_results_init (RempartWindowResults *self)
{
}

/* -------------------------------------------------------------------------------------- */
/* Public API                                                                             */
/* -------------------------------------------------------------------------------------- */

/*
 * rempart_window_results_new:
 * @source: (transfer full): the model of a filter
 * @filter: that filter
 */
RempartWindowResults *
rempart_window_results_new (GListModel *source, GtkFilter *filter)
{
  RempartWindowResults *self;

  g_return_val_if_fail (G_IS_LIST_MODEL (source), NULL);
  g_return_val_if_fail (GTK_IS_FILTER (filter), NULL);

  self = g_object_new (REMPART_TYPE_WINDOW_RESULTS, NULL);
  self->source = source;
  self->filter = g_object_ref (filter);
  g_signal_connect (source, "items-changed", G_CALLBACK (source_items_changed_cb), self);
  return self;
}

/*
 * rempart_window_results_begin_swap:
 * @selected: (nullable): the item selected in the list
 *
 * The next change of the source, before rempart_window_results_end_swap(), is announced in
 * two steps when that ends as one change would (see the top of this file).
 */
void
rempart_window_results_begin_swap (RempartWindowResults *self, gpointer selected)
{
  guint n_items;

  g_return_if_fail (REMPART_IS_WINDOW_RESULTS (self));

  n_items = g_list_model_get_n_items (self->source);
  g_clear_pointer (&self->old, g_ptr_array_unref);
  self->old = g_ptr_array_new_full (n_items, g_object_unref);
  for (guint i = 0; i < n_items; i++)
    g_ptr_array_add (self->old, g_list_model_get_item (self->source, i));
  g_set_object (&self->selected, selected);
}

/*
 * rempart_window_results_begin_search:
 * @list: the list view showing the results
 * @selection: its selection
 *
 * Called before the filter changes for a search: asks for a swap when the list shows its
 * first rows and the keyboard focus is not in it.
 */
void
rempart_window_results_begin_search (RempartWindowResults *self,
                                     GtkListView *list,
                                     GtkSingleSelection *selection)
{
  GtkAdjustment *adjustment;
  GtkRoot *root;
  GtkWidget *focus;

  g_return_if_fail (REMPART_IS_WINDOW_RESULTS (self));
  g_return_if_fail (GTK_IS_LIST_VIEW (list));

  adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (list));
  root = gtk_widget_get_root (GTK_WIDGET (list));
  focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  if (focus != NULL &&
      (focus == GTK_WIDGET (list) || gtk_widget_is_ancestor (focus, GTK_WIDGET (list))))
    return;
  if (adjustment != NULL &&
      gtk_adjustment_get_value (adjustment) > gtk_adjustment_get_lower (adjustment))
    return;
  rempart_window_results_begin_swap (self, gtk_single_selection_get_selected_item (selection));

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (list)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_get_state_flags (child) & GTK_STATE_FLAG_PRELIGHT)
      {
        g_set_object (&self->hovered, child);
        g_set_object (&self->hovered_item, row_item (child));
        break;
      }
}

/*
 * rempart_window_results_end_search:
 *
 * After the filter changed: the end of a swap, and the hover highlight taken off the row
 * that was under the pointer if it now shows another action.
 */
void
rempart_window_results_end_search (RempartWindowResults *self)
{
  g_autoptr (GtkWidget) hovered = g_steal_pointer (&self->hovered);
  g_autoptr (GObject) hovered_item = g_steal_pointer (&self->hovered_item);

  g_return_if_fail (REMPART_IS_WINDOW_RESULTS (self));

  rempart_window_results_end_swap (self);
  if (hovered != NULL && gtk_widget_get_parent (hovered) != NULL &&
      row_item (hovered) != (gpointer) hovered_item)
    unset_hover (hovered);
}

/*
 * rempart_window_results_end_swap:
 *
 * After the change: a swap asked for and not used (the filter changed nothing) is dropped.
 */
void
rempart_window_results_end_swap (RempartWindowResults *self)
{
  g_return_if_fail (REMPART_IS_WINDOW_RESULTS (self));

  g_clear_pointer (&self->old, g_ptr_array_unref);
  g_clear_object (&self->selected);
}
