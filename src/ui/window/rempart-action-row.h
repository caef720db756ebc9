/* rempart-action-row.h: one action in the list
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rempart-action-item.h"

G_BEGIN_DECLS

#define REMPART_TYPE_ACTION_ROW (rempart_action_row_get_type ())
G_DECLARE_FINAL_TYPE (RempartActionRow, rempart_action_row, REMPART, ACTION_ROW, GtkWidget)

GtkWidget *rempart_action_row_new (void);

void rempart_action_row_set_item (RempartActionRow *self, RempartActionItem *item);
RempartActionItem *rempart_action_row_get_item (RempartActionRow *self);

G_END_DECLS
