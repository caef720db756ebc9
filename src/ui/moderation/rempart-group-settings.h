/* rempart-group-settings.h: a group's name, description, about, hashtag and rules
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rempart-workspace.h"

G_BEGIN_DECLS

#define REMPART_TYPE_GROUP_SETTINGS (rempart_group_settings_get_type ())
G_DECLARE_FINAL_TYPE (RempartGroupSettings, rempart_group_settings, REMPART, GROUP_SETTINGS, AdwBin)

/* Shows @workspace's settings (nullable: empties the page); changes are written at once. */
void rempart_group_settings_set_workspace (RempartGroupSettings *self, RempartWorkspace *workspace);

G_END_DECLS
