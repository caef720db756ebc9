/* rempart-feed-writer.h
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "rempart-action.h"

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

char *rempart_feed_new_action_id (void);
JsonNode *rempart_feed_document_new (const char *title, const char *feed_url);
gboolean
rempart_feed_document_add_action (JsonNode *root, const RempartNewAction *action, GError **error);
gboolean rempart_feed_document_bump_seq (JsonNode *root, gint64 *out_seq, GError **error);
char *rempart_feed_document_to_data (JsonNode *root, gsize *out_length);

G_END_DECLS
