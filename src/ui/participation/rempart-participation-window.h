/* rempart-participation-window.h: my participation, my replies, and forgetting them
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rempart-export.h"
#include "rempart-store.h"

G_BEGIN_DECLS

#define REMPART_TYPE_PARTICIPATION_WINDOW (rempart_participation_window_get_type ())
G_DECLARE_FINAL_TYPE (RempartParticipationWindow,
                      rempart_participation_window,
                      REMPART,
                      PARTICIPATION_WINDOW,
                      AdwWindow)

RempartParticipationWindow *rempart_participation_window_new (GtkWindow *parent,
                                                              RempartStore *store);

/* Reads the store again. */
void rempart_participation_window_reload (RempartParticipationWindow *self);

/* What the file chooser does once a file is picked: writes it, then says so in a toast. */
void rempart_participation_window_export (RempartParticipationWindow *self,
                                          GFile *file,
                                          RempartExportFormat format);

/* TRUE while the store is being read, written or forgotten. */
gboolean rempart_participation_window_is_busy (RempartParticipationWindow *self);

G_END_DECLS
