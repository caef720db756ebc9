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
 *   state (guint, RempartActionState flags), archived, high-priority, queued, has-draft,
 *   has-details (see rempart_action_item_has_details()), content-tag (guint64, see
 *   rempart_action_item_get_content_tag()).
 * The setters notify only when the value changes. RempartActionModel updates the items it
 * keeps in place on reload (rempart_action_item_update), so widgets bound to them follow.
 */

#define REMPART_TYPE_ACTION_ITEM (rempart_action_item_get_type ())
G_DECLARE_FINAL_TYPE (RempartActionItem, rempart_action_item, REMPART, ACTION_ITEM, GObject)

RempartActionItem *rempart_action_item_new (const RempartStoredAction *stored);

/* Returns: (transfer none) the stored action as last loaded, whose action may hold only the
 * list's fields (see rempart_store_list_action_rows_async()); do not keep it across reloads */
const RempartStoredAction *rempart_action_item_get_stored (RempartActionItem *self);
/* Returns: (transfer none) the action as the item holds it now: the list's fields (id, url,
 * title, topic, priority, platform, expires) always, the others (brief, excerpt, language,
 * dates, tags, arguments, sources) only when rempart_action_item_has_details() */
RempartAction *rempart_action_item_peek_action (RempartActionItem *self);
/* Whether the item holds the whole action: its details were read, or it was made from a
 * whole action. Property "has-details", notified when it changes: a reload that brings a
 * changed action takes the details read before away again. */
gboolean rempart_action_item_has_details (RempartActionItem *self);
/* The stored row's content tag (RempartStoredAction.content_tag, 0 when unknown). Property
 * "content-tag", notified when a reload brings another content for the action, whether or
 * not the item held its details: a page showing them reads them again. */
guint64 rempart_action_item_get_content_tag (RempartActionItem *self);

/*
 * rempart_action_item_get_action_async:
 * @store: (nullable): the store the item was listed from, to read the details from
 *
 * Gives the whole action: at once (in an idle) when the item holds it, else read from @store
 * by its group and id (rempart_store_read_action_async()); the item then keeps the details,
 * and a reload that brings the same action back (same content tag) keeps them too. Fails with
 * REMPART_STORE_ERROR_NOT_FOUND when the action left the store since the list was read, and
 * with G_IO_ERROR_CANCELLED when @cancellable is cancelled before the answer.
 */
void rempart_action_item_get_action_async (RempartActionItem *self,
                                           RempartStore *store,
                                           GCancellable *cancellable,
                                           GAsyncReadyCallback callback,
                                           gpointer user_data);
/* Returns: (transfer full) the whole action */
RempartAction *rempart_action_item_get_action_finish (RempartActionItem *self,
                                                      GAsyncResult *result,
                                                      GError **error);
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
