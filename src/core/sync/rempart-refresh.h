/* rempart-refresh.h: one refresh of the subscriptions, subscription after subscription
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rempart-fetcher.h"
#include "rempart-store.h"
#include "rempart-sync-report.h"

G_BEGIN_DECLS

/* Exponential backoff after consecutive failures: BASE * 2^(failures - 1), at most MAX,
 * times a random factor in [1 - JITTER, 1 + JITTER] so that volunteers who failed together
 * do not all retry in the same second. The sync subsystem's policy, applied by the refresh. */
#define REMPART_SYNC_BACKOFF_BASE   60
#define REMPART_SYNC_BACKOFF_MAX    (24 * 60 * 60)
#define REMPART_SYNC_BACKOFF_JITTER 0.2

/* Unix seconds, for tests that need to move time. */
typedef gint64 (*RempartSyncClockFunc) (gpointer user_data);

#define REMPART_TYPE_REFRESH (rempart_refresh_get_type ())
G_DECLARE_FINAL_TYPE (RempartRefresh, rempart_refresh, REMPART, REFRESH, GObject)

/*
 * rempart_refresh_new:
 * @monitor: (nullable): the network monitor that says whether we are offline; %NULL for the
 *   default one
 * @now_func: (nullable): the time used for every decision and every saved time; %NULL for
 *   the real clock
 *
 * Each run of the refresh is independent of the others; nothing stops two runs at once, so
 * the caller keeps them one at a time (RempartSync queues them).
 */
RempartRefresh *rempart_refresh_new (RempartStore *store,
                                     RempartFetcher *fetcher,
                                     GNetworkMonitor *monitor,
                                     RempartSyncClockFunc now_func,
                                     gpointer now_data);

/*
 * rempart_refresh_run_async:
 * @subscription_id: the subscription to refresh, or 0 for all of them
 * @manual: the volunteer asked for it: ignores the backoff after failures and the "ended"
 *   mark of a feed that answered 410, but never a server's Retry-After nor being offline
 *
 * Refreshes the subscriptions one after the other; one failing never stops the others. Emits
 * ::subscription-changed for every subscription whose outcome was saved and ::new-actions for
 * every import that added actions.
 */
void rempart_refresh_run_async (RempartRefresh *self,
                                gint64 subscription_id,
                                gboolean manual,
                                GCancellable *cancellable,
                                GAsyncReadyCallback callback,
                                gpointer user_data);
/* Returns: (element-type RempartSyncReport) (transfer container): one report per
 * subscription considered, or %NULL with @error set when the refresh could not run at all
 * (cancelled, the store failed to list the subscriptions, no such subscription). */
GPtrArray *rempart_refresh_run_finish (RempartRefresh *self, GAsyncResult *result, GError **error);

G_END_DECLS
