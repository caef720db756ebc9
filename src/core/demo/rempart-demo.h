/* rempart-demo.h: the bundled example feed shown before the first real subscription
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rempart-store.h"

G_BEGIN_DECLS

/* The demo subscription's URL. example.org does not serve it: the sync engine never fetches
 * it (refresh-all skips it, a refresh by id reports SKIPPED_ENDED). */
#define REMPART_DEMO_FEED_URL "https://example.org/rempart/demo/feed.json"

gboolean rempart_demo_is_demo_url (const char *url);

/*
 * rempart_demo_import_async:
 * @language: (nullable): "de…" gives the German feed, "fr…" the French one, "sv…" the
 *   Swedish one, anything else the English one
 *
 * Reads demo/feed-<de|fr|sv|en>.json, its .minisig and demo.pub from the GResource
 * /io/github/rempart/Rempart/ (registered by the application; when it is absent, from
 * $REMPART_SOURCE_ROOT/data/demo/), verifies the signature, parses the feed, adds the
 * subscription REMPART_DEMO_FEED_URL pinned to the demo key when absent, and imports it
 * (is_signed TRUE). Works in a GTask thread; safe to call again (a re-import).
 */
void rempart_demo_import_async (RempartStore *store,
                                const char *language,
                                GCancellable *cancellable,
                                GAsyncReadyCallback callback,
                                gpointer user_data);
/* Returns: the number of demo actions imported, or -1 with @error set */
gint64 rempart_demo_import_finish (GAsyncResult *result, GError **error);
gint64 rempart_demo_import_sync (RempartStore *store,
                                 const char *language,
                                 GCancellable *cancellable,
                                 GError **error);

/* Removes the demo subscription and its actions; TRUE (nothing done) when there is none.
 * Call it when the volunteer adds a real feed. */
void rempart_demo_remove_async (RempartStore *store,
                                GCancellable *cancellable,
                                GAsyncReadyCallback callback,
                                gpointer user_data);
gboolean rempart_demo_remove_finish (GAsyncResult *result, GError **error);
gboolean rempart_demo_remove_sync (RempartStore *store, GCancellable *cancellable, GError **error);

/*
 * rempart_demo_keep_drafts_async:
 *
 * Saves every example draft that has words in it as one of the volunteer's own templates,
 * titled after its action, so that removing the examples drops nothing the volunteer wrote.
 * Call it before rempart_demo_remove_async(). Works in a GTask thread.
 */
void rempart_demo_keep_drafts_async (RempartStore *store,
                                     GCancellable *cancellable,
                                     GAsyncReadyCallback callback,
                                     gpointer user_data);
/* Returns: the number of drafts kept, or -1 with @error set */
gint64 rempart_demo_keep_drafts_finish (GAsyncResult *result, GError **error);
gint64
rempart_demo_keep_drafts_sync (RempartStore *store, GCancellable *cancellable, GError **error);

G_END_DECLS
