/* rempart-composer-brief.h: the action's brief beside the reply being written
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rempart-action-item.h"
#include "rempart-store.h"

G_BEGIN_DECLS

#define REMPART_TYPE_COMPOSER_BRIEF (rempart_composer_brief_get_type ())
G_DECLARE_FINAL_TYPE (RempartComposerBrief, rempart_composer_brief, REMPART, COMPOSER_BRIEF, AdwBin)

GtkWidget *rempart_composer_brief_new (void);

/*
 * rempart_composer_brief_set_item:
 * @item: (nullable): the action being answered
 * @info: (nullable): its group's feed info (rules, hashtag); copied
 *
 * Shows the group's rules, and the brief, the arguments and the sources of @item when it
 * holds the whole action (rempart_action_item_has_details()); else they wait for
 * rempart_composer_brief_set_action(). Each argument and source has an *Insert* button that
 * puts it into RempartComposerBrief:text-view at the cursor, as one step Ctrl+Z takes back.
 */
void rempart_composer_brief_set_item (RempartComposerBrief *self,
                                      RempartActionItem *item,
                                      const RempartFeedInfo *info);

/*
 * rempart_composer_brief_set_action:
 * @action: (nullable): the whole action of the item set, once read
 * @error: (nullable): why it could not be read, shown in its place
 */
void rempart_composer_brief_set_action (RempartComposerBrief *self,
                                        RempartAction *action,
                                        const GError *error);

G_END_DECLS
