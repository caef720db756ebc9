/* rempart-feed-private.h
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rempart-feed.h"

G_BEGIN_DECLS

/* A feed is immutable once the parser returns it; only the parser fills it. */
typedef enum
{
  REMPART_FEED_TITLE,
  REMPART_FEED_DESCRIPTION,
  REMPART_FEED_HOME_PAGE_URL,
  REMPART_FEED_FEED_URL,
  REMPART_FEED_LANGUAGE,
  REMPART_FEED_ABOUT,
  REMPART_FEED_HASHTAG,
  REMPART_FEED_NEXT_KEY,
} RempartFeedText;

RempartFeed *rempart_feed_new (void);
void rempart_feed_take_text (RempartFeed *self, RempartFeedText field, char *text);
void rempart_feed_set_schema (RempartFeed *self, int schema);
void rempart_feed_set_seq (RempartFeed *self, gint64 seq);
void rempart_feed_set_expires (RempartFeed *self, GDateTime *expires);
void rempart_feed_set_hashtag_position (RempartFeed *self, RempartHashtagPosition position);
void rempart_feed_take_rules (RempartFeed *self, GStrv rules);
void rempart_feed_take_template (RempartFeed *self, RempartFeedTemplate *tmpl);
gboolean rempart_feed_has_template (RempartFeed *self, const char *id);
gboolean rempart_feed_add_action (RempartFeed *self, RempartAction *action);
gboolean rempart_feed_has_id (RempartFeed *self, const char *id);
gboolean rempart_feed_add_kept_id (RempartFeed *self, const char *id);
void rempart_feed_set_item_hash (RempartFeed *self, const char *id, const char *hash);
gboolean rempart_feed_count_warning (RempartFeed *self);
void rempart_feed_take_warning (RempartFeed *self, char *message);
void rempart_feed_end_warnings (RempartFeed *self, const char *display_name);
void rempart_feed_count_skipped (RempartFeed *self);

/* The id a JSON number stands for (rempart-feed-items.c), shared by the parser and the
 * writer so that they agree; %NULL when no integer or double text can say it exactly. */
char *rempart_feed_number_id (double value);

G_END_DECLS
