/* rempart-sync-private.h: between the engine (rempart-sync.c) and its refreshes
 * (rempart-sync-job.c)
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rempart-sync.h"

G_BEGIN_DECLS

/* rempart-sync.c: what a refresh uses of the engine. */
RempartStore *rempart_sync_get_store (RempartSync *self);
RempartFetcher *rempart_sync_get_fetcher (RempartSync *self);
gint64 rempart_sync_now (RempartSync *self);
gboolean rempart_sync_network_available (RempartSync *self);
void rempart_sync_emit_subscription_changed (RempartSync *self, gint64 subscription_id);
void rempart_sync_emit_new_actions (RempartSync *self, gint64 subscription_id, guint count);
/* Ends the running refresh @task (takes @reports or @error) and starts the next queued one. */
void rempart_sync_job_return (GTask *task, GPtrArray *reports, GError *error);

/* rempart-sync-job.c: one refresh, a GTask whose source object is the RempartSync. */
void rempart_sync_job_set_up (GTask *task, gint64 subscription_id, gboolean manual);
void rempart_sync_job_start (GTask *task);

G_END_DECLS
