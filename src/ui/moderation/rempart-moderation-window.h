/* rempart-moderation-window.h: the moderators' workspace: a group's actions, edited and previewed
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rempart-action-editor.h"
#include "rempart-workspace.h"

G_BEGIN_DECLS

#define REMPART_TYPE_MODERATION_WINDOW (rempart_moderation_window_get_type ())
G_DECLARE_FINAL_TYPE (RempartModerationWindow,
                      rempart_moderation_window,
                      REMPART,
                      MODERATION_WINDOW,
                      AdwWindow)

/* Opens the working copies under @base_dir (rempart_workspace_default_base_dir() in the app). */
RempartModerationWindow *rempart_moderation_window_new (GtkApplication *application,
                                                        const char *base_dir);

/* The group shown, once the working copies are read (%NULL before, or when there is none). */
RempartWorkspace *rempart_moderation_window_get_workspace (RempartModerationWindow *self);
RempartActionEditor *rempart_moderation_window_get_editor (RempartModerationWindow *self);

G_END_DECLS
