/* rempart-action-model.h: one list of the main window (a RempartActionView) as a GListModel
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rempart-action-item.h"
#include "rempart-store.h"

G_BEGIN_DECLS

/*
 * A GListModel of RempartActionItem, in the store's order (high priority and newest first).
 * Empty until the first rempart_action_model_reload(), and always empty without a store.
 *
 * reload() asks the store (rempart_store_list_actions_async) and, when the answer comes,
 * replaces the items with ONE items-changed signal. Actions still there keep their
 * RempartActionItem object (its properties are updated in place), so a GtkListView keeps its
 * selection and focus. A newer reload, set_store or set_view cancels the pending one.
 *
 * Properties:
 *   store   (RempartStore, nullable, read/write)
 *   view    (RempartActionView as guint, read/write; changing it reloads when there is a store)
 *   loading (boolean, read-only): a reload is pending
 *   error   (string, read-only): the store's message of the last failed reload, NULL after a
 *           success; the items of the last success stay
 *   n-items (guint, read-only)
 *   partial (boolean, read-only): the items are the first rows of the list (the screenful
 *           shown while the rest is read); "loading" is TRUE meanwhile. The rest comes with
 *           one items-changed after them, the first rows keeping their objects.
 *
 * When the model shows nothing of its view (first load, new store, other view), a reload
 * shows the first rows first; a reload of the list shown replaces it once, as above.
 */

#define REMPART_TYPE_ACTION_MODEL (rempart_action_model_get_type ())
G_DECLARE_FINAL_TYPE (RempartActionModel, rempart_action_model, REMPART, ACTION_MODEL, GObject)

RempartActionModel *rempart_action_model_new (RempartStore *store, RempartActionView view);

RempartStore *rempart_action_model_get_store (RempartActionModel *self);
/* Cancels a pending reload, empties the model and reloads when @store is not NULL. */
void rempart_action_model_set_store (RempartActionModel *self, RempartStore *store);

RempartActionView rempart_action_model_get_view (RempartActionModel *self);
/* Cancels a pending reload and reloads (when there is a store); does nothing when unchanged. */
void rempart_action_model_set_view (RempartActionModel *self, RempartActionView view);

void rempart_action_model_reload (RempartActionModel *self);

gboolean rempart_action_model_get_loading (RempartActionModel *self);
gboolean rempart_action_model_get_partial (RempartActionModel *self);
const char *rempart_action_model_get_error (RempartActionModel *self);

/* Returns: (transfer none) (nullable) the item of that action, if in the model */
RempartActionItem *rempart_action_model_find (RempartActionModel *self,
                                              const char *subscription_url,
                                              const char *action_id);

G_END_DECLS
