/* rempart-window-detail.h: the main window's detail pane (the action page and the composer)
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rempart-action-page.h"
#include "rempart-composer.h"
#include "rempart-store.h"

G_BEGIN_DECLS

#define REMPART_TYPE_WINDOW_DETAIL (rempart_window_detail_get_type ())
G_DECLARE_FINAL_TYPE (RempartWindowDetail, rempart_window_detail, REMPART, WINDOW_DETAIL, GtkWidget)

/* What the pane shows: "none" (no action), "page" (the action page) or "composer". */
const char *rempart_window_detail_get_shown (RempartWindowDetail *self);
void rempart_window_detail_set_shown (RempartWindowDetail *self, const char *name);

void rempart_window_detail_show_item (RempartWindowDetail *self,
                                      RempartStore *store,
                                      RempartActionItem *item,
                                      const RempartFeedInfo *info);
void rempart_window_detail_write_reply (RempartWindowDetail *self,
                                        RempartStore *store,
                                        RempartActionItem *item,
                                        const RempartFeedInfo *info);
void rempart_window_detail_clear (RempartWindowDetail *self);
void rempart_window_detail_activate_page_action (RempartWindowDetail *self,
                                                 const char *action_name);

RempartActionPage *rempart_window_detail_get_action_page (RempartWindowDetail *self);
RempartComposer *rempart_window_detail_get_composer (RempartWindowDetail *self);

G_END_DECLS
