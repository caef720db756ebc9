/* rempart-join-dialog.h: what a join link asks the volunteer to trust, before anything is added
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rempart-fetcher.h"
#include "rempart-join-link.h"
#include "rempart-store.h"

G_BEGIN_DECLS

#define REMPART_TYPE_JOIN_DIALOG (rempart_join_dialog_get_type ())
G_DECLARE_FINAL_TYPE (RempartJoinDialog, rempart_join_dialog, REMPART, JOIN_DIALOG, AdwWindow)

RempartJoinDialog *rempart_join_dialog_new_for_text (GtkWindow *parent,
                                                     RempartStore *store,
                                                     RempartFetcher *fetcher,
                                                     const char *text);
RempartJoinDialog *rempart_join_dialog_new_for_links (GtkWindow *parent,
                                                      RempartStore *store,
                                                      RempartFetcher *fetcher,
                                                      GPtrArray *links);

gboolean rempart_join_dialog_is_checking (RempartJoinDialog *self);

G_END_DECLS
