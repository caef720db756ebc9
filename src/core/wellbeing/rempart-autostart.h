/* rempart-autostart.h: the autostart file that starts Rempart in the background at login
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Returns: (transfer full): $XDG_CONFIG_HOME/autostart/@app_id.desktop */
char *rempart_autostart_get_path (const char *app_id);

/* Writes the autostart file (through a temporary file and a rename), whose command runs
 * @program with --gapplication-service: the application starts without a window.
 * Returns: FALSE with a %REMPART_WELLBEING_ERROR_AUTOSTART error naming the file */
gboolean rempart_autostart_enable (const char *app_id, const char *program, GError **error);

/* Removes the autostart file; one that is not there is not an error. */
gboolean rempart_autostart_disable (const char *app_id, GError **error);

gboolean rempart_autostart_is_enabled (const char *app_id);

G_END_DECLS
