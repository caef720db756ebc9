/* rempart-feed-writer.h
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "rempart-action.h"
#include "rempart-feed.h"

G_BEGIN_DECLS

/*
 * RempartNewAction:
 * @id: (nullable): the id; %NULL for a fresh one (rempart_feed_new_action_id())
 * @url: the thread to answer, an http or https address
 * @title: a short title
 * @brief: (nullable): what is going on and what to say (plain text)
 * @excerpt: (nullable): the hateful comment
 * @topic: %REMPART_TOPIC_NONE to leave it out
 * @platform: (nullable): "facebook", "youtube"...
 * @priority: the priority
 * @language: (nullable): a language tag such as "fr"
 * @tags: (nullable) (array zero-terminated=1): tags
 * @arguments: (nullable) (array zero-terminated=1): arguments for replies
 * @sources: (nullable) (element-type RempartSource): vetted sources
 * @expires: (nullable): when the action ends
 * @date_published: (nullable): %NULL for now
 *
 * What a moderator gives `rempart-feed add`. Strings are cleaned the way the parser cleans
 * them, so what is written reads back the same.
 */
typedef struct
{
  const char *id;
  const char *url;
  const char *title;
  const char *brief;
  const char *excerpt;
  RempartTopic topic;
  const char *platform;
  RempartPriority priority;
  const char *language;
  const char *const *tags;
  const char *const *arguments;
  GPtrArray *sources;
  GDateTime *expires;
  GDateTime *date_published;
} RempartNewAction;

/*
 * RempartActionFields:
 *
 * The fields of an action that rempart_feed_document_edit_action() changes.
 */
typedef enum
{
  REMPART_ACTION_FIELD_URL = 1 << 0,
  REMPART_ACTION_FIELD_TITLE = 1 << 1,
  REMPART_ACTION_FIELD_BRIEF = 1 << 2,
  REMPART_ACTION_FIELD_EXCERPT = 1 << 3,
  REMPART_ACTION_FIELD_TOPIC = 1 << 4,
  REMPART_ACTION_FIELD_PLATFORM = 1 << 5,
  REMPART_ACTION_FIELD_PRIORITY = 1 << 6,
  REMPART_ACTION_FIELD_LANGUAGE = 1 << 7,
  REMPART_ACTION_FIELD_TAGS = 1 << 8,
  REMPART_ACTION_FIELD_ARGUMENTS = 1 << 9,
  REMPART_ACTION_FIELD_SOURCES = 1 << 10,
  REMPART_ACTION_FIELD_EXPIRES = 1 << 11,
} RempartActionFields;

/*
 * RempartFeedSettings:
 * @title: (nullable): the group's name
 * @description: (nullable): a line about the feed
 * @about: (nullable): who the group is and how it works (several lines)
 * @language: (nullable): the feed's language tag
 * @hashtag: (nullable): the group hashtag, "#" then one word
 * @set_hashtag_position: whether @hashtag_position is to be written
 * @hashtag_position: where replies put the hashtag
 * @rules: (nullable) (array zero-terminated=1): the group's rules
 *
 * The group's settings, as `rempart-feed new` and the group settings screen change them.
 */
typedef struct
{
  const char *title;
  const char *description;
  const char *about;
  const char *language;
  const char *hashtag;
  gboolean set_hashtag_position;
  RempartHashtagPosition hashtag_position;
  const char *const *rules;
} RempartFeedSettings;

char *rempart_feed_new_action_id (void);
JsonNode *rempart_feed_document_new (const char *title, const char *feed_url);
gboolean
rempart_feed_document_add_action (JsonNode *root, const RempartNewAction *action, GError **error);
gboolean rempart_feed_document_bump_seq (JsonNode *root, gint64 *out_seq, GError **error);
gboolean rempart_feed_document_edit_action (JsonNode *root,
                                            const char *id,
                                            const RempartNewAction *action,
                                            RempartActionFields fields,
                                            GError **error);
gboolean rempart_feed_document_remove_action (JsonNode *root, const char *id, GError **error);
gboolean rempart_feed_document_set_settings (JsonNode *root,
                                             const RempartFeedSettings *settings,
                                             GError **error);
char *rempart_feed_document_to_data (JsonNode *root, gsize *out_length);

G_END_DECLS
