/* rempart-workspace-private.h: shared by the files of RempartWorkspace
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rempart-workspace.h"

G_BEGIN_DECLS

/* rempart-workspace.c: a workspace from what the worker read; takes @root and @published_root
 * (nullable); @info is copied. Fails when @root is not a feed the parser accepts. */
RempartWorkspace *rempart_workspace_new_loaded (const char *dir,
                                                JsonNode *root,
                                                JsonNode *published_root,
                                                GKeyFile *info,
                                                GError **error);

/* rempart-workspace-io.c: writes @bytes to @path atomically on the one writer thread, after
 * every write asked for before. @callback (nullable) runs on the caller's main context.
 * With @path and @bytes %NULL, only waits for the writes asked for before (tests use it). */
void rempart_workspace_write_file_async (const char *path,
                                         GBytes *bytes,
                                         GCancellable *cancellable,
                                         GAsyncReadyCallback callback,
                                         gpointer user_data);
gboolean rempart_workspace_write_file_finish (GAsyncResult *result, GError **error);

/* rempart-workspace-io.c: reads a working copy's folder (blocking: worker threads only). */
RempartWorkspace *rempart_workspace_load_sync (const char *dir, GError **error);

/* rempart-workspace.c: workspace.ini as read and changed; write it after a change. */
GKeyFile *rempart_workspace_get_info (RempartWorkspace *self);
void rempart_workspace_write_info (RempartWorkspace *self);
/* rempart-workspace.c: the last published copy's document, or %NULL. */
JsonNode *rempart_workspace_get_published_root (RempartWorkspace *self);

/* The id of a feed item as the parser reads it, or %NULL. */
char *rempart_workspace_item_id (JsonNode *item);

G_END_DECLS
