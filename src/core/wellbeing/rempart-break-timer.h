/* rempart-break-timer.h: time spent with Rempart in front, and when a break is due
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define REMPART_TYPE_BREAK_TIMER (rempart_break_timer_get_type ())
G_DECLARE_FINAL_TYPE (RempartBreakTimer, rempart_break_timer, REMPART, BREAK_TIMER, GObject)

/* A timer that runs only while it is told the volunteer is there (a window of the app is
 * focused), and emits ::break-due once @seconds of that time have gone by; then it starts
 * again from zero. It starts inactive. */
RempartBreakTimer *rempart_break_timer_new (guint seconds);

void rempart_break_timer_set_seconds (RempartBreakTimer *self, guint seconds);
void rempart_break_timer_set_active (RempartBreakTimer *self, gboolean active);
gboolean rempart_break_timer_get_active (RempartBreakTimer *self);

/* Milliseconds counted since the last break (or the start). */
gint64 rempart_break_timer_get_elapsed_ms (RempartBreakTimer *self);

/* Starts counting again from zero (the volunteer took a break, or turned the reminder on). */
void rempart_break_timer_reset (RempartBreakTimer *self);

G_END_DECLS
