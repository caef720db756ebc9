/* rempart-composer.h: writing a reply to one action
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rempart-action-item.h"
#include "rempart-pack-cache.h"
#include "rempart-store.h"

G_BEGIN_DECLS

#define REMPART_TYPE_COMPOSER (rempart_composer_get_type ())
G_DECLARE_FINAL_TYPE (RempartComposer, rempart_composer, REMPART, COMPOSER, AdwBin)

GtkWidget *rempart_composer_new (void);

/*
 * rempart_composer_set_item:
 * @store: (nullable): where the draft and the volunteer's state are saved
 * @item: (nullable): the action being answered; %NULL empties the composer
 * @info: (nullable): the feed the action came from (hashtag, rules, templates); copied
 *
 * Saves the draft of the previous action at once, then restores the draft of @item.
 */
void rempart_composer_set_item (RempartComposer *self,
                                RempartStore *store,
                                RempartActionItem *item,
                                const RempartFeedInfo *info);

RempartActionItem *rempart_composer_get_item (RempartComposer *self);
void rempart_composer_focus_reply (RempartComposer *self);

/* Returns: (transfer full): the reply as it is now */
char *rempart_composer_get_text (RempartComposer *self);

/* Fills the reply from the offered template @template_id (replacing the text, undoably);
 * FALSE when no such template is offered. */
gboolean rempart_composer_apply_template (RempartComposer *self, const char *template_id);

/*
 * rempart_composer_set_pack_cache:
 * @cache: (nullable): where the tone and built-in template packs come from; %NULL for
 *   rempart_pack_cache_get_default()
 *
 * Used from the next rempart_composer_set_item() on.
 */
void rempart_composer_set_pack_cache (RempartComposer *self, RempartPackCache *cache);

/* Returns: (transfer none): the cache in use, the default one unless another was set */
RempartPackCache *rempart_composer_get_pack_cache (RempartComposer *self);

G_END_DECLS
