/* rempart-workers.h: the process's worker threads, counted so that it can wait for them
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

void rempart_workers_run_in_thread (GTask *task, GTaskThreadFunc func);
guint rempart_workers_get_running (void);
gboolean rempart_workers_wait (guint timeout_ms);

/* Work queued some other way (a GThreadPool of one's own): hold before queueing, release
 * when its function returns. */
void rempart_workers_hold (GTask *task);
void rempart_workers_release (void);

/* For tests: called on the caller's thread each time a worker is queued. */
typedef void (*RempartWorkersQueuedFunc) (GTask *task, gpointer user_data);
void rempart_workers_set_queued_func_for_testing (RempartWorkersQueuedFunc func,
                                                  gpointer user_data);
/* For tests: workers whose task is named @name (g_task_set_name()) wait before they run
 * until the gate opens (or for ten seconds at most); %NULL lets every worker run. */
void rempart_workers_set_gate_for_testing (const char *name);
void rempart_workers_open_gate_for_testing (void);

G_END_DECLS
