/* rempart-ui-utils.h: small helpers shared by the volunteer screens
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

char *rempart_format_time_left (gint64 expires, gint64 now);

char *rempart_format_time_ago (gint64 when, gint64 now);

char *rempart_format_platform (const char *platform);

void rempart_accessible_fix_mnemonics (GtkWidget *root);

/* Shows @message, plain text (a feed's or an error's words), as a toast for five seconds; a
 * message too long for a toast (which does not wrap) shows its first words, and *Details*
 * opens a dialog with the whole of it. */
void rempart_toast_overlay_show (AdwToastOverlay *overlay, const char *message);

/* The toast's title for @message: %NULL when the whole message fits in a toast. */
char *rempart_toast_title_for (const char *message);

G_END_DECLS
