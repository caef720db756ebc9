/* rempart-session-window.h: today's session, one queued reply after the other
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rempart-store.h"

G_BEGIN_DECLS

#define REMPART_TYPE_SESSION_WINDOW (rempart_session_window_get_type ())
G_DECLARE_FINAL_TYPE (RempartSessionWindow,
                      rempart_session_window,
                      REMPART,
                      SESSION_WINDOW,
                      AdwWindow)

RempartSessionWindow *rempart_session_window_new (GtkWindow *parent, RempartStore *store);

guint rempart_session_window_get_posted (RempartSessionWindow *self);

G_END_DECLS
