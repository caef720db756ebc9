/* rempart-page-util.h: what the action page and the composer share
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void rempart_page_launch_uri (GtkWidget *widget, const char *uri);

void rempart_page_show_error (GtkWidget *widget, const char *what, const GError *error);

void rempart_page_show_message (GtkWidget *widget, const char *message);

char *rempart_page_uri_get_host (const char *uri);

G_END_DECLS
