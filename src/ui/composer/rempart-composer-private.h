/* rempart-composer-private.h: what tests look at inside the composer
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rempart-composer.h"

G_BEGIN_DECLS

/* TRUE once the draft, the packs and the templates of the current item are loaded. */
gboolean rempart_composer_is_ready (RempartComposer *self);

/* Returns: (transfer none) (element-type RempartTemplate): the templates offered, in order */
GPtrArray *rempart_composer_get_templates (RempartComposer *self);

/* Returns: (transfer none) (element-type RempartToneHint): the hints of the last check */
GPtrArray *rempart_composer_get_hints (RempartComposer *self);

/* Runs the pending tone check now instead of after the debounce. */
void rempart_composer_check_now (RempartComposer *self);

G_END_DECLS
