/* rempart-wellbeing-page.h: Preferences → Wellbeing
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define REMPART_TYPE_WELLBEING_PAGE (rempart_wellbeing_page_get_type ())
G_DECLARE_FINAL_TYPE (RempartWellbeingPage,
                      rempart_wellbeing_page,
                      REMPART,
                      WELLBEING_PAGE,
                      AdwPreferencesPage)

/* Binds the page's rows to @settings (schema io.github.rempart.Rempart). */
void rempart_wellbeing_page_set_settings (RempartWellbeingPage *self, GSettings *settings);

G_END_DECLS
