/* rempart-action-editor.h: every field of one action of a group's working copy
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rempart-workspace.h"

G_BEGIN_DECLS

#define REMPART_TYPE_ACTION_EDITOR (rempart_action_editor_get_type ())
G_DECLARE_FINAL_TYPE (RempartActionEditor, rempart_action_editor, REMPART, ACTION_EDITOR, AdwBin)

GtkWidget *rempart_action_editor_new (void);

/*
 * rempart_action_editor_set_action:
 * @workspace: (nullable): the group's working copy
 * @id: (nullable): the action to edit; %NULL for a new one, added to @workspace as soon as it
 *   has a thread address and a title
 */
void rempart_action_editor_set_action (RempartActionEditor *self,
                                       RempartWorkspace *workspace,
                                       const char *id);
/* The action being edited; %NULL while a new one is not in the working copy yet. */
const char *rempart_action_editor_get_action_id (RempartActionEditor *self);

/* Puts the focus in the first field. */
void rempart_action_editor_focus (RempartActionEditor *self);

G_END_DECLS
