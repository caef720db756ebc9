/* rempart-test-monitor.h: a GNetworkMonitor the test switches on and off
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define REMPART_TYPE_TEST_MONITOR (rempart_test_monitor_get_type ())
G_DECLARE_FINAL_TYPE (RempartTestMonitor, rempart_test_monitor, REMPART, TEST_MONITOR, GObject)

/* Starts online. */
RempartTestMonitor *rempart_test_monitor_new (void);

/* Notifies network-available and emits network-changed, as a real monitor does, but only
 * when @available changes. */
void rempart_test_monitor_set_available (RempartTestMonitor *self, gboolean available);

G_END_DECLS
