/* rempart-key-panel.h: the group's signing key: create one, show the public key
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rempart-workspace.h"

G_BEGIN_DECLS

#define REMPART_TYPE_KEY_PANEL (rempart_key_panel_get_type ())
G_DECLARE_FINAL_TYPE (RempartKeyPanel, rempart_key_panel, REMPART, KEY_PANEL, AdwBin)

void rempart_key_panel_set_workspace (RempartKeyPanel *self, RempartWorkspace *workspace);

/* The secret key file to import (what the file chooser sets). */
void rempart_key_panel_set_import_file (RempartKeyPanel *self, GFile *file);

G_END_DECLS
