/* rempart-sync.h: keeps the subscriptions' actions up to date
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rempart-fetcher.h"
#include "rempart-refresh.h"
#include "rempart-store.h"
#include "rempart-sync-report.h"

G_BEGIN_DECLS

/* The backoff after failures (REMPART_SYNC_BACKOFF_*) and the clock type are in
 * rempart-refresh.h, where they are used. */

/* Seconds between "the network is back" and the refresh it triggers: network managers send
 * several changes in a row while a connection comes up. */
#define REMPART_SYNC_ONLINE_DEBOUNCE 3

#define REMPART_TYPE_SYNC (rempart_sync_get_type ())
G_DECLARE_FINAL_TYPE (RempartSync, rempart_sync, REMPART, SYNC, GObject)

RempartSync *
rempart_sync_new (RempartStore *store, RempartFetcher *fetcher, GNetworkMonitor *monitor);

void rempart_sync_set_clock (RempartSync *self, RempartSyncClockFunc now_func, gpointer user_data);

/*
 * rempart_sync_refresh_async:
 * @subscription_id: the subscription to refresh, or 0 for all of them
 * @manual: the volunteer asked for it: ignores the backoff after failures and the "ended"
 *   mark of a feed that answered 410, but never a server's Retry-After nor being offline
 *
 * Refreshes the subscriptions one after the other; one failing never stops the others.
 * Refreshes are queued: a second call waits for the first to end.
 */
void rempart_sync_refresh_async (RempartSync *self,
                                 gint64 subscription_id,
                                 gboolean manual,
                                 GCancellable *cancellable,
                                 GAsyncReadyCallback callback,
                                 gpointer user_data);
/* Returns: (element-type RempartSyncReport) (transfer container): one report per
 * subscription considered, or %NULL with @error set when the refresh could not run at all
 * (cancelled, the store failed to list the subscriptions, no such subscription). */
GPtrArray *rempart_sync_refresh_finish (RempartSync *self, GAsyncResult *result, GError **error);

/*
 * rempart_sync_start:
 *
 * Refreshes every subscription now, then every @interval_seconds, and when the network
 * comes back; never while the network monitor says offline. Automatic refreshes respect
 * the backoff; watch ::subscription-changed and ::new-actions for their results.
 */
void rempart_sync_start (RempartSync *self, guint interval_seconds);
void rempart_sync_stop (RempartSync *self);
gboolean rempart_sync_is_running (RempartSync *self);

gint64 rempart_sync_get_checking_subscription (RempartSync *self);
void rempart_sync_cancel_refresh (RempartSync *self);

G_END_DECLS
