/* rempart-templates-panel.h: the group's reply templates, edited in the group settings
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rempart-workspace.h"

G_BEGIN_DECLS

#define REMPART_TYPE_TEMPLATES_PANEL (rempart_templates_panel_get_type ())
G_DECLARE_FINAL_TYPE (RempartTemplatesPanel,
                      rempart_templates_panel,
                      REMPART,
                      TEMPLATES_PANEL,
                      AdwBin)

void rempart_templates_panel_set_workspace (RempartTemplatesPanel *self,
                                            RempartWorkspace *workspace);

G_END_DECLS
