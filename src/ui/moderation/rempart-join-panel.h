/* rempart-join-panel.h: the group's join link, its QR code and join page, to share
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rempart-workspace.h"

G_BEGIN_DECLS

/*
 * RempartJoinSaveKind:
 * @REMPART_JOIN_SAVE_QR_PNG: the QR code as a PNG picture
 * @REMPART_JOIN_SAVE_QR_SVG: the QR code as an SVG drawing
 * @REMPART_JOIN_SAVE_PAGE: the static join page (HTML, with the QR code inside)
 */
typedef enum
{
  REMPART_JOIN_SAVE_QR_PNG,
  REMPART_JOIN_SAVE_QR_SVG,
  REMPART_JOIN_SAVE_PAGE,
} RempartJoinSaveKind;

#define REMPART_TYPE_JOIN_PANEL (rempart_join_panel_get_type ())
G_DECLARE_FINAL_TYPE (RempartJoinPanel, rempart_join_panel, REMPART, JOIN_PANEL, AdwBin)

void rempart_join_panel_set_workspace (RempartJoinPanel *self, RempartWorkspace *workspace);

/* Makes the link again (after the key changed: the workspace has no signal for it). */
void rempart_join_panel_refresh (RempartJoinPanel *self);

/* The link shown (%NULL while the group has no public key). */
const char *rempart_join_panel_get_link (RempartJoinPanel *self);

/* What the Save buttons do once the file chooser answered: writes @kind into @file. */
void rempart_join_panel_save_async (RempartJoinPanel *self,
                                    RempartJoinSaveKind kind,
                                    GFile *file,
                                    GCancellable *cancellable,
                                    GAsyncReadyCallback callback,
                                    gpointer user_data);
gboolean
rempart_join_panel_save_finish (RempartJoinPanel *self, GAsyncResult *result, GError **error);

G_END_DECLS
