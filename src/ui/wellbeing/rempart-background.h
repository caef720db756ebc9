/* rempart-background.h: asking to keep running in the background and to start at login
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Whether Rempart runs inside the Flatpak (it then asks the Background portal). */
gboolean rempart_background_is_sandboxed (void);

/* Tests: 1 or 0 to pretend, -1 to look at /.flatpak-info again. */
void rempart_background_set_sandboxed_for_testing (int sandboxed);

/* Tests: the bus name of their own portal (the session bus may already run the real one);
 * %NULL for org.freedesktop.portal.Desktop. */
void rempart_background_set_portal_for_testing (const char *bus_name);

/*
 * rempart_background_request_async:
 * @parent: (nullable): the window the volunteer asked from
 * @enable: start at login and keep running, or stop starting at login
 *
 * Inside the Flatpak, asks org.freedesktop.portal.Background (RequestBackground, autostart
 * with `rempart --gapplication-service`), which may ask the volunteer; outside it, writes or
 * removes the XDG autostart file (rempart_autostart_enable()), off the main loop.
 */
void rempart_background_request_async (GtkWindow *parent,
                                       gboolean enable,
                                       GCancellable *cancellable,
                                       GAsyncReadyCallback callback,
                                       gpointer user_data);

/* Returns: FALSE with a %REMPART_WELLBEING_ERROR saying what failed and what to do: the
 * portal refused (%REMPART_WELLBEING_ERROR_BACKGROUND), or the autostart file
 * (%REMPART_WELLBEING_ERROR_AUTOSTART) */
gboolean rempart_background_request_finish (GAsyncResult *result, GError **error);

G_END_DECLS
