/* rempart-composer-packs.h: the tone and template packs of one language, loaded once
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rempart-tone.h"

G_BEGIN_DECLS

/* Immutable once loaded; reference-counted. A pack that failed to load is %NULL (or empty)
 * and its error says why: the composer still works, without tone hints or built-in
 * templates. */
typedef struct
{
  char *language;
  RempartTonePack *tone; /* nullable */
  GError *tone_error;
  GPtrArray *builtin; /* (element-type RempartTemplate), never NULL */
  GError *builtin_error;
} RempartComposerPacks;

RempartComposerPacks *rempart_composer_packs_ref (RempartComposerPacks *packs);
void rempart_composer_packs_unref (RempartComposerPacks *packs);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RempartComposerPacks, rempart_composer_packs_unref)

void rempart_composer_packs_load_async (const char *language,
                                        GCancellable *cancellable,
                                        GAsyncReadyCallback callback,
                                        gpointer user_data);
RempartComposerPacks *rempart_composer_packs_load_finish (GAsyncResult *result, GError **error);

G_END_DECLS
