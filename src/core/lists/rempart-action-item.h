/* rempart-action-item.h: one stored action as a GObject, for list models and bindings
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "rempart-action.h"
#include "rempart-store.h"

G_BEGIN_DECLS

/*
 * Wraps a RempartStoredAction. Read-only properties, for GtkExpression and bindings:
 *   title (string), topic-name (string, translated, NULL when the action has no topic),
 *   platform (string, maybe NULL), expires (gint64 Unix seconds, 0 = none),
 *   state (guint, RempartActionState flags), archived, high-priority, queued, has-draft.
 * The setters notify only when the value changes. RempartActionModel updates the items it
 * keeps in place on reload (rempart_action_item_update), so widgets bound to them follow.
 */

#define REMPART_TYPE_ACTION_ITEM (rempart_action_item_get_type ())
G_DECLARE_FINAL_TYPE (RempartActionItem, rempart_action_item, REMPART, ACTION_ITEM, GObject)

RempartActionItem *rempart_action_item_new (const RempartStoredAction *stored);

/* Returns: (transfer none) the stored action as last loaded, whose action may hold only the
 * list's fields (see rempart_store_list_action_rows_async()); do not keep it across reloads */
const RempartStoredAction *rempart_action_item_get_stored (RempartActionItem *self);
/* Returns: (transfer none) the whole action, its details read on the first call */
RempartAction *rempart_action_item_get_action (RempartActionItem *self);
const char *rempart_action_item_get_subscription_url (RempartActionItem *self);
gint64 rempart_action_item_get_subscription_id (RempartActionItem *self);
/* The action's id in its feed; with the subscription url, the key of the volunteer's data. */
const char *rempart_action_item_get_id (RempartActionItem *self);

const char *rempart_action_item_get_title (RempartActionItem *self);
const char *rempart_action_item_get_topic_name (RempartActionItem *self);
const char *rempart_action_item_get_platform (RempartActionItem *self);
gint64 rempart_action_item_get_expires (RempartActionItem *self);
RempartActionState rempart_action_item_get_state (RempartActionItem *self);
gboolean rempart_action_item_get_archived (RempartActionItem *self);
gboolean rempart_action_item_get_high_priority (RempartActionItem *self);
/* What a search matches, folded with rempart_search_fold() (case and accents ignored), one
 * field a line: the title, the brief, the topic name, the platform and, for a list row
 * (RempartStoredAction.search_text), the group's name. Made once, kept until one changes. */
const char *rempart_action_item_get_search_key (RempartActionItem *self);
gboolean rempart_action_item_get_queued (RempartActionItem *self);
gboolean rempart_action_item_get_has_draft (RempartActionItem *self);

/* For optimistic updates from the UI (the model's next reload confirms them). */
void rempart_action_item_set_state (RempartActionItem *self, RempartActionState state);
void rempart_action_item_set_queued (RempartActionItem *self, gboolean queued);
void rempart_action_item_set_has_draft (RempartActionItem *self, gboolean has_draft);

/* Replaces the wrapped action by @stored (same subscription url and id) and notifies every
 * property whose value changed. */
void rempart_action_item_update (RempartActionItem *self, const RempartStoredAction *stored);

G_END_DECLS
