/* rempart-window.h
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rempart-action-item.h"
#include "rempart-action-model.h"
#include "rempart-break-banner.h"
#include "rempart-limit-screen.h"
#include "rempart-store.h"
#include "rempart-sync.h"

G_BEGIN_DECLS

#define REMPART_TYPE_WINDOW (rempart_window_get_type ())
G_DECLARE_FINAL_TYPE (RempartWindow, rempart_window, REMPART, WINDOW, AdwApplicationWindow)

RempartWindow *
rempart_window_new (GtkApplication *application, RempartStore *store, GSettings *settings);

void rempart_window_set_store (RempartWindow *self, RempartStore *store);

void rempart_window_set_sync (RempartWindow *self, RempartSync *sync);

void rempart_window_reload (RempartWindow *self);

void rempart_window_show_item (RempartWindow *self, RempartActionItem *item);

void rempart_window_show_action (RempartWindow *self,
                                 const char *subscription_url,
                                 const char *action_id);

RempartActionModel *rempart_window_get_model (RempartWindow *self);

void rempart_window_show_toast (RempartWindow *self, const char *message);

void rempart_window_close_examples (RempartWindow *self);

RempartLimitScreen *rempart_window_get_limit_screen (RempartWindow *self);
RempartBreakBanner *rempart_window_get_break_banner (RempartWindow *self);

G_END_DECLS
