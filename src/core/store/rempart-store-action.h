/* rempart-store-action.h: one action read whole, for the page that shows it
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rempart-store.h"

G_BEGIN_DECLS

/*
 * rempart_store_read_action_async:
 * @subscription_id: the action's group (RempartStoredAction.subscription_id)
 * @action_id: its id in the group's feed
 *
 * Reads one action with every field (brief, excerpt, language, dates, tags, arguments,
 * sources), parsed on the store's thread: what a list row (rempart_store_list_action_rows_*,
 * `row_only`) leaves in the database. Fails with REMPART_STORE_ERROR_NOT_FOUND when the group
 * no longer holds the action (a sync removed it meanwhile), and with G_IO_ERROR_CANCELLED
 * when @cancellable was cancelled before the read ran.
 */
void rempart_store_read_action_async (RempartStore *self,
                                      gint64 subscription_id,
                                      const char *action_id,
                                      GCancellable *cancellable,
                                      GAsyncReadyCallback callback,
                                      gpointer user_data);
/* Returns: (transfer full) the action; @out_content_tag: (optional) its content tag, as
 * RempartStoredAction.content_tag */
RempartAction *rempart_store_read_action_finish (RempartStore *self,
                                                 GAsyncResult *result,
                                                 guint64 *out_content_tag,
                                                 GError **error);
RempartAction *rempart_store_read_action_sync (RempartStore *self,
                                               gint64 subscription_id,
                                               const char *action_id,
                                               guint64 *out_content_tag,
                                               GError **error);

G_END_DECLS
