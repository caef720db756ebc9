/* rempart-action-builder.h
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rempart-action.h"

G_BEGIN_DECLS

/* Actions are immutable once handed out. Only the feed parser and the store (which rebuilds
 * them from its rows) build them, through these calls. */
typedef enum
{
  REMPART_ACTION_TITLE,
  REMPART_ACTION_BRIEF,
  REMPART_ACTION_EXCERPT,
  REMPART_ACTION_PLATFORM,
  REMPART_ACTION_LANGUAGE,
} RempartActionText;

typedef enum
{
  REMPART_ACTION_DATE_PUBLISHED,
  REMPART_ACTION_DATE_MODIFIED,
  REMPART_ACTION_EXPIRES,
} RempartActionDate;

RempartAction *rempart_action_new (const char *id, const char *url);
void rempart_action_take_text (RempartAction *self, RempartActionText field, char *text);
void rempart_action_set_date (RempartAction *self, RempartActionDate field, GDateTime *date);
void rempart_action_set_topic (RempartAction *self, RempartTopic topic);
void rempart_action_set_priority (RempartAction *self, RempartPriority priority);
void rempart_action_take_tags (RempartAction *self, GStrv tags);
void rempart_action_take_arguments (RempartAction *self, GStrv arguments);
void rempart_action_take_sources (RempartAction *self, GPtrArray *sources);

G_END_DECLS
