/* rempart-break-banner.h: the in-window suggestion to take a break
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define REMPART_TYPE_BREAK_BANNER (rempart_break_banner_get_type ())
G_DECLARE_FINAL_TYPE (RempartBreakBanner, rempart_break_banner, REMPART, BREAK_BANNER, AdwBin)

/* Slides the banner in, saying that @minutes went by with Rempart in front. */
void rempart_break_banner_reveal (RempartBreakBanner *self, guint minutes);
void rempart_break_banner_dismiss (RempartBreakBanner *self);
gboolean rempart_break_banner_get_revealed (RempartBreakBanner *self);

G_END_DECLS
