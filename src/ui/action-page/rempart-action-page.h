/* rempart-action-page.h: one action, in full, with what the volunteer can do about it
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

#define REMPART_TYPE_ACTION_PAGE (rempart_action_page_get_type ())
G_DECLARE_FINAL_TYPE (RempartActionPage, rempart_action_page, REMPART, ACTION_PAGE, AdwBin)

GtkWidget *rempart_action_page_new (void);

/*
 * rempart_action_page_set_item:
 * @store: (nullable): where the volunteer's state is recorded
 * @item: (nullable): the action to show; %NULL empties the page
 * @info: (nullable): the feed the action came from (hashtag, rules, demo); copied
 */
void rempart_action_page_set_item (RempartActionPage *self,
                                   RempartStore *store,
                                   RempartActionItem *item,
                                   const RempartFeedInfo *info);

RempartActionItem *rempart_action_page_get_item (RempartActionPage *self);

/* Whether the hateful excerpt is on screen right now. */
gboolean rempart_action_page_get_excerpt_revealed (RempartActionPage *self);

/* Tests: how long a read of the action's details may take before the page shows that it is
 * reading (150 ms by default); 0 shows it at the next turn of the main loop. */
void rempart_action_page_set_details_delay_for_testing (guint milliseconds);

G_END_DECLS
