/* test-window-results.c: the search's results as the list view sees them: told in two steps,
 * they end as one change would, and GtkListView keeps its rows
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gtk/gtk.h>

#include "rempart-ui-test.h"
#include "rempart-window-results.h"

/* Objects numbered from 1; a query keeps the multiples of its number (0 keeps all). */
static gboolean
multiple_of_query (gpointer item, gpointer user_data)
{
  guint n = GPOINTER_TO_UINT (g_object_get_data (item, "n"));
  guint query = *(guint *) user_data;

  return query == 0 || n % query == 0;
}

/* Objects numbered 1 to @n. */
static GListStore *
numbered_store (guint n)
{
  GListStore *store = g_list_store_new (G_TYPE_OBJECT);

  for (guint i = 1; i <= n; i++)
    {
      g_autoptr (GObject) object = g_object_new (G_TYPE_OBJECT, NULL);

      g_object_set_data (object, "n", GUINT_TO_POINTER (i));
      g_list_store_append (store, object);
    }
  return store;
}

typedef struct
{
  GPtrArray *items; /* the results as told by their items-changed, one at a time */
  guint n_changes;
} Mirror;

static void
mirror_changed_cb (GListModel *model, guint position, guint removed, guint added, Mirror *mirror)
{
  g_assert_cmpuint (position + removed, <=, mirror->items->len);
  g_ptr_array_remove_range (mirror->items, position, removed);
  for (guint i = 0; i < added; i++)
    g_ptr_array_insert (mirror->items, (int) (position + i),
                        g_list_model_get_item (model, position + i));
  g_assert_cmpuint (mirror->items->len, ==, g_list_model_get_n_items (model));
  mirror->n_changes++;
}

/* Issue 14: a search told in two steps ends with exactly the filter's items, whatever it
 * changes, and is told as one change when two steps would not end as one does. */
static void
test_results_swap_contract (void)
{
  g_autoptr (GListStore) store = numbered_store (700);
  guint query = 0;
  GtkCustomFilter *filter = gtk_custom_filter_new (multiple_of_query, &query, NULL);
  GtkFilterListModel *filtered =
      gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (store)), GTK_FILTER (filter));
  g_autoptr (RempartWindowResults) results =
      rempart_window_results_new (G_LIST_MODEL (filtered), GTK_FILTER (filter));
  Mirror mirror = { g_ptr_array_new_with_free_func (g_object_unref), 0 };
  const struct
  {
    guint query;
    guint selected; /* the number of the selected object, 0 for none */
    guint n_changes;
  } steps[] = {
    /* Typed on, deleted, changed: the first results in front, then the rest. */
    { 2, 0, 2 },   { 6, 0, 2 },   { 2, 0, 2 },    { 0, 0, 2 }, { 7, 0, 2 }, { 3, 0, 2 },
    { 1, 0, 2 },   { 699, 0, 2 }, { 5000, 0, 1 }, { 0, 0, 1 }, /* nothing to hand over: one change */
    { 2, 4, 1 },                               /* the selected item among the first: one */
    { 0, 600, 2 }, { 3, 700, 1 },              /* beyond them: two; gone: one */
    { 5, 0, 2 },   { 700, 0, 2 }, { 1, 0, 1 }, /* the old first item now 700th: one */
  };

  for (guint n = 0; n < 700; n++)
    g_ptr_array_add (mirror.items, g_list_model_get_item (G_LIST_MODEL (store), n));
  g_signal_connect (results, "items-changed", G_CALLBACK (mirror_changed_cb), &mirror);

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      g_autoptr (GObject) selected = NULL;

      if (steps[i].selected != 0)
        selected = g_list_model_get_item (G_LIST_MODEL (store), steps[i].selected - 1);
      mirror.n_changes = 0;
      query = steps[i].query;
      rempart_window_results_begin_swap (results, selected);
      gtk_filter_changed (GTK_FILTER (filter), GTK_FILTER_CHANGE_DIFFERENT);
      rempart_window_results_end_swap (results);

      g_assert_cmpuint (mirror.items->len, ==, g_list_model_get_n_items (G_LIST_MODEL (filtered)));
      for (guint j = 0; j < mirror.items->len; j++)
        {
          g_autoptr (GObject) item = g_list_model_get_item (G_LIST_MODEL (filtered), j);

          g_assert_true (g_ptr_array_index (mirror.items, j) == item);
        }
      g_assert_cmpuint (mirror.n_changes, ==, steps[i].n_changes);
    }

  g_ptr_array_unref (mirror.items);
  g_signal_handlers_disconnect_by_func (results, mirror_changed_cb, &mirror);
}

typedef struct
{
  GtkWidget *window;
  GtkWidget *entry;
  GtkWidget *list;
  RempartWindowResults *results;
  GtkSingleSelection *selection;
  guint n_setup;
} TestList;

static void
count_setup_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, TestList *test)
{
  gtk_list_item_set_child (list_item, gtk_label_new (NULL));
  test->n_setup++;
}

static void
label_bind_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer user_data)
{
  g_autofree char *text = g_strdup_printf (
      "%u", GPOINTER_TO_UINT (g_object_get_data (gtk_list_item_get_item (list_item), "n")));

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (list_item)), text);
}

/* A list view of @store through @filter and the results, in a window of its own, the keyboard
 * focus in a search entry above it, as in the main window. */
static void
test_list_init (TestList *test, GListModel *store, GtkFilter *filter)
{
  GtkFilterListModel *filtered =
      gtk_filter_list_model_new (g_object_ref (store), g_object_ref (filter));
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  test->results = rempart_window_results_new (G_LIST_MODEL (filtered), filter);
  test->selection = gtk_single_selection_new (G_LIST_MODEL (test->results));
  gtk_single_selection_set_autoselect (test->selection, FALSE);
  gtk_single_selection_set_selected (test->selection, GTK_INVALID_LIST_POSITION);
  g_signal_connect (factory, "setup", G_CALLBACK (count_setup_cb), test);
  g_signal_connect (factory, "bind", G_CALLBACK (label_bind_cb), NULL);
  test->list = gtk_list_view_new (GTK_SELECTION_MODEL (test->selection), factory);
  test->entry = gtk_search_entry_new ();
  test->window = gtk_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), test->list);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (box), test->entry);
  gtk_box_append (GTK_BOX (box), scrolled);
  gtk_window_set_child (GTK_WINDOW (test->window), box);
  gtk_window_set_default_size (GTK_WINDOW (test->window), 300, 400);
  gtk_window_present (GTK_WINDOW (test->window));
  g_assert_true (rempart_ui_test_iterate_until (rempart_ui_test_widget_is_drawn, test->list));
  gtk_widget_grab_focus (test->entry);
}

/* The texts of @test's rows, in order, and where its list is scrolled. */
static char *
test_list_describe (TestList *test)
{
  GString *text = g_string_new (NULL);

  g_string_append_printf (
      text, "at %g:",
      gtk_adjustment_get_value (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (test->list))));
  for (GtkWidget *widget = gtk_widget_get_first_child (test->list); widget != NULL;
       widget = gtk_widget_get_next_sibling (widget))
    g_string_append_printf (text, " %s",
                            gtk_label_get_text (GTK_LABEL (gtk_widget_get_first_child (widget))));
  return g_string_free (text, FALSE);
}

/* Issue 14: searches in a list of 2,000, told in two steps to one list view (A) and as one
 * change to another (B): A makes at most one list item widget a search where B makes up to
 * 200, and both show the same rows, scrolled the same (GTK follows the first row's item). */
static void
test_results_keep_rows (void)
{
  g_autoptr (GListStore) store = numbered_store (2000);
  guint query = 0;
  g_autoptr (GtkFilter) filter =
      GTK_FILTER (gtk_custom_filter_new (multiple_of_query, &query, NULL));
  TestList a = { NULL }, b = { NULL };
  /* With whether A keeps its rows: the list at the top, its first item not beyond the first
   * new ones (the last: GTK follows item 1999 to the end of the list, as after one change). */
  const struct
  {
    guint query;
    gboolean keeps;
  } queries[] = { { 3, TRUE },  { 9, TRUE }, { 3, TRUE },     { 0, FALSE }, { 2, FALSE },
                  { 6, FALSE }, { 0, TRUE }, { 1999, FALSE }, { 0, FALSE } };

  test_list_init (&a, G_LIST_MODEL (store), filter);
  test_list_init (&b, G_LIST_MODEL (store), filter);
  g_assert_cmpuint (a.n_setup, >, 100);

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      guint before = a.n_setup;
      g_autofree char *shown_a = NULL;
      g_autofree char *shown_b = NULL;

      query = queries[i].query;
      rempart_window_results_begin_search (a.results, GTK_LIST_VIEW (a.list), a.selection);
      gtk_filter_changed (filter, GTK_FILTER_CHANGE_DIFFERENT);
      rempart_window_results_end_swap (a.results);
      rempart_ui_test_iterate_a_little ();

      /* At most one: the first step takes the old first item out (see the results' file). */
      if (queries[i].keeps)
        g_assert_cmpuint (a.n_setup, <=, before + 1);
      shown_a = test_list_describe (&a);
      shown_b = test_list_describe (&b);
      g_assert_cmpstr (shown_a, ==, shown_b);
    }

  g_assert_cmpuint (b.n_setup, >, a.n_setup + 200);

  gtk_window_destroy (GTK_WINDOW (a.window));
  gtk_window_destroy (GTK_WINDOW (b.window));
}

int
main (int argc, char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/window-results/swap-contract", test_results_swap_contract);
  g_test_add_func ("/window-results/keep-rows", test_results_keep_rows);

  return g_test_run ();
}
