/* rempart-preferences-move.h: the list of groups taken to a new computer
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rempart-join-dialog.h"
#include "rempart-preferences-window.h"

G_BEGIN_DECLS

void rempart_preferences_move_export (RempartPreferencesWindow *window, RempartStore *store);
void rempart_preferences_move_import (RempartPreferencesWindow *window, RempartStore *store);

char *rempart_preferences_move_groups_to_text (GPtrArray *subscriptions);
RempartJoinDialog *rempart_preferences_move_import_text (RempartPreferencesWindow *window,
                                                         RempartStore *store,
                                                         const char *text,
                                                         gsize length,
                                                         GError **error);

G_END_DECLS
