/* rempart-preferences-window.h: the groups the volunteer follows, and the app's settings
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rempart-preferences-add-page.h"
#include "rempart-store.h"

G_BEGIN_DECLS

#define REMPART_TYPE_PREFERENCES_WINDOW (rempart_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (RempartPreferencesWindow,
                      rempart_preferences_window,
                      REMPART,
                      PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

RempartPreferencesWindow *
rempart_preferences_window_new (GtkWindow *parent, RempartStore *store, GSettings *settings);

void rempart_preferences_window_reload (RempartPreferencesWindow *self);

RempartPreferencesAddPage *
rempart_preferences_window_show_add_group (RempartPreferencesWindow *self);

RempartPreferencesAddPage *
rempart_preferences_window_show_edit_group (RempartPreferencesWindow *self,
                                            const RempartSubscription *sub);

G_END_DECLS
