/* rempart-limit-screen.h: the quiet stop screen shown once the day's limit is reached
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rempart-store.h"

G_BEGIN_DECLS

#define REMPART_TYPE_LIMIT_SCREEN (rempart_limit_screen_get_type ())
G_DECLARE_FINAL_TYPE (RempartLimitScreen, rempart_limit_screen, REMPART, LIMIT_SCREEN, AdwBin)

void rempart_limit_screen_set_store (RempartLimitScreen *self, RempartStore *store);
void rempart_limit_screen_set_settings (RempartLimitScreen *self, GSettings *settings);

/* Counts today's actions again; the screen also does so when its window comes to the front,
 * when the settings change and at midnight. */
void rempart_limit_screen_update (RempartLimitScreen *self);

/* Whether a count is in flight (tests wait for it to end). */
gboolean rempart_limit_screen_is_counting (RempartLimitScreen *self);

/* Whether the stop screen is up (the limit is on, reached, and not set aside today). */
gboolean rempart_limit_screen_get_shown (RempartLimitScreen *self);

G_END_DECLS
