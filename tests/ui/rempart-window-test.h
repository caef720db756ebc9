/* rempart-window-test.h: the main window's children, for the UI tests
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rempart-window-detail.h"
#include "rempart-window.h"

/* A child of the window's template by its id, or of its detail pane ("detail_stack",
 * "action_page", "composer"); NULL when there is none (yet). */
static inline GObject *
rempart_window_test_child (GtkWidget *window, const char *name)
{
  RempartWindowDetail *detail =
      REMPART_WINDOW_DETAIL (gtk_widget_get_template_child (window, REMPART_TYPE_WINDOW, "detail"));

  if (g_str_equal (name, "detail_stack"))
    return gtk_widget_get_template_child (GTK_WIDGET (detail), REMPART_TYPE_WINDOW_DETAIL, name);
  if (g_str_equal (name, "action_page"))
    return G_OBJECT (rempart_window_detail_get_action_page (detail));
  if (g_str_equal (name, "composer"))
    return G_OBJECT (rempart_window_detail_get_composer (detail));

  return gtk_widget_get_template_child (window, REMPART_TYPE_WINDOW, name);
}
