/* rempart-feed-merge.h: merging two moderators' versions of a feed, action by action
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/*
 * RempartMergeChange:
 * @REMPART_MERGE_ADDED: the action is new on that side
 * @REMPART_MERGE_CHANGED: the action was edited on that side
 * @REMPART_MERGE_REMOVED: the action was removed on that side
 */
typedef enum
{
  REMPART_MERGE_ADDED,
  REMPART_MERGE_CHANGED,
  REMPART_MERGE_REMOVED,
} RempartMergeChange;

/*
 * RempartMergeSide:
 * @REMPART_MERGE_OURS: the moderator's own version (the one being published)
 * @REMPART_MERGE_THEIRS: the version on the server, published by someone else
 */
typedef enum
{
  REMPART_MERGE_OURS,
  REMPART_MERGE_THEIRS,
} RempartMergeSide;

/*
 * RempartMergeEntry:
 * @id: the action's id (a number's id as its decimal text); "" for the group's settings
 * @title: (nullable): the action's title, from the side that changed it
 * @side: who made the change
 * @change: what the change was
 * @conflict: both sides changed this action (or the same setting) differently
 *
 * One line of a merge report. A conflict is reported once for each side.
 */
typedef struct
{
  const char *id;
  const char *title;
  RempartMergeSide side;
  RempartMergeChange change;
  gboolean conflict;
} RempartMergeEntry;

#define REMPART_TYPE_FEED_MERGE (rempart_feed_merge_get_type ())
G_DECLARE_FINAL_TYPE (RempartFeedMerge, rempart_feed_merge, REMPART, FEED_MERGE, GObject)

RempartFeedMerge *
rempart_feed_merge_new (GBytes *base, GBytes *ours, GBytes *theirs, GError **error);

guint rempart_feed_merge_get_n_entries (RempartFeedMerge *self);
const RempartMergeEntry *rempart_feed_merge_get_entry (RempartFeedMerge *self, guint index);
guint rempart_feed_merge_get_n_conflicts (RempartFeedMerge *self);
char *rempart_feed_merge_describe (RempartFeedMerge *self);

void rempart_feed_merge_resolve (RempartFeedMerge *self, const char *id, RempartMergeSide side);
void rempart_feed_merge_resolve_all (RempartFeedMerge *self, RempartMergeSide side);
GBytes *rempart_feed_merge_get_result (RempartFeedMerge *self, GError **error);

G_END_DECLS
