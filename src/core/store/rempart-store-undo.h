/* rempart-store-undo.h: taking back a state the volunteer set
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rempart-store.h"

G_BEGIN_DECLS

/*
 * rempart_store_clear_action_state_async:
 * @state: the flags to clear, e.g. REMPART_ACTION_STATE_DISMISSED
 *
 * Clears @state from the action's flags and deletes the participation events of those kinds
 * for it: the undo of rempart_store_add_action_state_async() (Not for Me → Undo, or Put Back
 * in To Do from the archive). Clearing flags that are not set is not an error.
 */
void rempart_store_clear_action_state_async (RempartStore *self,
                                             const char *subscription_url,
                                             const char *action_id,
                                             RempartActionState state,
                                             GCancellable *cancellable,
                                             GAsyncReadyCallback callback,
                                             gpointer user_data);
gboolean
rempart_store_clear_action_state_finish (RempartStore *self, GAsyncResult *result, GError **error);
gboolean rempart_store_clear_action_state_sync (RempartStore *self,
                                                const char *subscription_url,
                                                const char *action_id,
                                                RempartActionState state,
                                                GError **error);

G_END_DECLS
