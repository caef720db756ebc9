/* rempart-first-frame.h: waiting for a window's first frame
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/*
 * Calls a function once, after a window's first frame is painted (its frame clock's
 * "after-paint"), or when the window is unrealized before that, or after a timeout, whichever
 * comes first; or never, if the wait is cancelled. The application hands its store to the
 * windows this way (docs/performance.md, change 36).
 */
typedef struct _RempartFirstFrame RempartFirstFrame;

typedef void (*RempartFirstFrameFunc) (gpointer user_data);

RempartFirstFrame *rempart_first_frame_wait (GtkWidget *window,
                                             guint timeout_ms,
                                             RempartFirstFrameFunc func,
                                             gpointer user_data);
void rempart_first_frame_cancel (RempartFirstFrame *wait);

G_END_DECLS
