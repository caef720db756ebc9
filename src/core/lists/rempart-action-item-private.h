/* rempart-action-item-private.h: what RempartActionModel uses to avoid copies
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rempart-action-item.h"

G_BEGIN_DECLS

/* Like rempart_action_item_new(), taking ownership of @stored. */
RempartActionItem *rempart_action_item_new_take (RempartStoredAction *stored);

/* Like rempart_action_item_update(), taking ownership of @stored; returns the stored action
 * it replaced, for the caller to free (possibly on another thread). */
RempartStoredAction *rempart_action_item_update_take (RempartActionItem *self,
                                                      RempartStoredAction *stored);

G_END_DECLS
