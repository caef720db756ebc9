/* rempart-hard-thread-window.h: After a Hard Thread: self-care advice and help lines
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define REMPART_TYPE_HARD_THREAD_WINDOW (rempart_hard_thread_window_get_type ())
G_DECLARE_FINAL_TYPE (RempartHardThreadWindow,
                      rempart_hard_thread_window,
                      REMPART,
                      HARD_THREAD_WINDOW,
                      AdwWindow)

/* Shows the window for @widget's window (one at a time: an open one is raised), with the
 * help lines of the user's locale first. Returns: (transfer none): the window */
RempartHardThreadWindow *rempart_hard_thread_window_present (GtkWidget *widget);

/* Whether the help lines have been read (tests wait for it). */
gboolean rempart_hard_thread_window_is_loaded (RempartHardThreadWindow *self);

/* Returns: (transfer none) (nullable): the code of the country shown first ("FR"), once loaded */
const char *rempart_hard_thread_window_get_first_country (RempartHardThreadWindow *self);

G_END_DECLS
