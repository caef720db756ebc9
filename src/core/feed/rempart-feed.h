/* rempart-feed.h
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rempart-action.h"

G_BEGIN_DECLS

/* A feed keeps the text of its first warnings only, and counts the rest. */
#define REMPART_FEED_MAX_WARNINGS 100

/* Where the group hashtag goes in a reply (`_rempart.hashtag_position`). */
typedef enum
{
  REMPART_HASHTAG_POSITION_START,
  REMPART_HASHTAG_POSITION_END,
  REMPART_HASHTAG_POSITION_ANY,
} RempartHashtagPosition;

#define REMPART_TYPE_HASHTAG_POSITION (rempart_hashtag_position_get_type ())
GType rempart_hashtag_position_get_type (void) G_GNUC_CONST;
const char *rempart_hashtag_position_to_string (RempartHashtagPosition position);
gboolean rempart_hashtag_position_from_string (const char *text,
                                               RempartHashtagPosition *out_position);

/* A reply template the moderators ship with the feed (`_rempart.templates[]`). Every string
 * is clean plain text; @id and @body are never %NULL, @topics never %NULL (maybe empty). */
typedef struct
{
  char *id;
  char *title;
  char *language;
  GStrv topics;
  char *body;
  char *when;
} RempartFeedTemplate;

#define REMPART_TYPE_FEED_TEMPLATE (rempart_feed_template_get_type ())
GType rempart_feed_template_get_type (void) G_GNUC_CONST;
RempartFeedTemplate *rempart_feed_template_copy (const RempartFeedTemplate *tmpl);
void rempart_feed_template_free (RempartFeedTemplate *tmpl);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RempartFeedTemplate, rempart_feed_template_free)

#define REMPART_TYPE_FEED (rempart_feed_get_type ())
G_DECLARE_FINAL_TYPE (RempartFeed, rempart_feed, REMPART, FEED, GObject)

const char *rempart_feed_get_title (RempartFeed *self);
const char *rempart_feed_get_description (RempartFeed *self);
const char *rempart_feed_get_home_page_url (RempartFeed *self);
const char *rempart_feed_get_feed_url (RempartFeed *self);
const char *rempart_feed_get_language (RempartFeed *self);
const char *rempart_feed_get_about (RempartFeed *self);
int rempart_feed_get_schema (RempartFeed *self);
gint64 rempart_feed_get_seq (RempartFeed *self);
GDateTime *rempart_feed_get_expires (RempartFeed *self);
const char *rempart_feed_get_hashtag (RempartFeed *self);
const char *rempart_feed_get_next_key (RempartFeed *self);
RempartHashtagPosition rempart_feed_get_hashtag_position (RempartFeed *self);
const char *const *rempart_feed_get_rules (RempartFeed *self);
GPtrArray *rempart_feed_get_templates (RempartFeed *self);
GListModel *rempart_feed_get_actions (RempartFeed *self);
RempartAction *rempart_feed_lookup_action (RempartFeed *self, const char *id);
GPtrArray *rempart_feed_get_warnings (RempartFeed *self);
guint rempart_feed_get_n_warnings (RempartFeed *self);
guint rempart_feed_get_n_skipped (RempartFeed *self);
const char *rempart_feed_get_item_hash (RempartFeed *self, const char *id);
GPtrArray *rempart_feed_get_kept_ids (RempartFeed *self);

G_END_DECLS
