/* rempart-window-results.h: the search's results as the list view sees them
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define REMPART_TYPE_WINDOW_RESULTS (rempart_window_results_get_type ())
G_DECLARE_FINAL_TYPE (RempartWindowResults,
                      rempart_window_results,
                      REMPART,
                      WINDOW_RESULTS,
                      GObject)

RempartWindowResults *rempart_window_results_new (GListModel *source, GtkFilter *filter);
void rempart_window_results_begin_swap (RempartWindowResults *self, gpointer selected);
void rempart_window_results_begin_search (RempartWindowResults *self,
                                          GtkListView *list,
                                          GtkSingleSelection *selection);
void rempart_window_results_end_swap (RempartWindowResults *self);
void rempart_window_results_end_search (RempartWindowResults *self);

G_END_DECLS
