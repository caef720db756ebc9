/* rempart-moderation-page.h: Preferences → Moderation: the mode, and the groups one moderates
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define REMPART_TYPE_MODERATION_PAGE (rempart_moderation_page_get_type ())
G_DECLARE_FINAL_TYPE (RempartModerationPage,
                      rempart_moderation_page,
                      REMPART,
                      MODERATION_PAGE,
                      AdwPreferencesPage)

/* @settings: the application's settings (its moderation-mode key) */
GtkWidget *rempart_moderation_page_new (GSettings *settings);

G_END_DECLS
