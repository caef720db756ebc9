/* rempart-tone-hints.h: the list of tone hints under the reply
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rempart-tone.h"

G_BEGIN_DECLS

#define REMPART_TYPE_TONE_HINTS (rempart_tone_hints_get_type ())
G_DECLARE_FINAL_TYPE (RempartToneHints, rempart_tone_hints, REMPART, TONE_HINTS, AdwBin)

GtkWidget *rempart_tone_hints_new (void);

/*
 * rempart_tone_hints_set_hints:
 * @hints: (nullable) (element-type RempartToneHint): the hints of the last check, in the
 *   order to show them; kept (referenced) until the next call, so not changed afterwards
 * @reply_is_empty: nothing is written yet: the line under the heading invites to write
 *   instead of saying there is nothing to point out
 *
 * Shows one row per hint: its message, its suggestion and whether it is a warning or advice.
 */
void
rempart_tone_hints_set_hints (RempartToneHints *self, GPtrArray *hints, gboolean reply_is_empty);

/* FALSE when there is no rule pack to check with: the line under the heading says so. */
void rempart_tone_hints_set_available (RempartToneHints *self, gboolean available);
gboolean rempart_tone_hints_get_available (RempartToneHints *self);

G_END_DECLS
