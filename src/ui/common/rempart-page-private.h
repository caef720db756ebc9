/* rempart-page-private.h: test hooks of the action page and the composer
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Called instead of the desktop's handler for every link the two screens open, so that tests
 * can see what would be opened without starting a browser. */
typedef void (*RempartUriLauncher) (GtkWidget *widget, const char *uri, gpointer user_data);

/* @launcher: (nullable): %NULL restores g_app_info_launch_default_for_uri_async() */
void rempart_page_set_uri_launcher (RempartUriLauncher launcher, gpointer user_data);

G_END_DECLS
