/* rempart-action.h
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The values of an item's `_rempart.topic`; NONE when the feed gives none we know. */
typedef enum
{
  REMPART_TOPIC_NONE,
  REMPART_TOPIC_RACISM,
  REMPART_TOPIC_SEXISM,
  REMPART_TOPIC_LGBTPHOBIA,
  REMPART_TOPIC_ANTISEMITISM,
  REMPART_TOPIC_ISLAMOPHOBIA,
  REMPART_TOPIC_DISABILITY,
  REMPART_TOPIC_DISINFORMATION,
  REMPART_TOPIC_OTHER,
} RempartTopic;

typedef enum
{
  REMPART_PRIORITY_NORMAL,
  REMPART_PRIORITY_HIGH,
} RempartPriority;

#define REMPART_TYPE_TOPIC (rempart_topic_get_type ())
GType rempart_topic_get_type (void) G_GNUC_CONST;
#define REMPART_TYPE_PRIORITY (rempart_priority_get_type ())
GType rempart_priority_get_type (void) G_GNUC_CONST;

const char *rempart_topic_to_string (RempartTopic topic);
gboolean rempart_topic_from_string (const char *text, RempartTopic *out_topic);
const char *rempart_priority_to_string (RempartPriority priority);
gboolean rempart_priority_from_string (const char *text, RempartPriority *out_priority);

/* A vetted source of an action: both strings are clean plain text, @url an http(s) address. */
typedef struct
{
  char *title;
  char *url;
} RempartSource;

#define REMPART_TYPE_SOURCE (rempart_source_get_type ())
GType rempart_source_get_type (void) G_GNUC_CONST;
RempartSource *rempart_source_new (const char *title, const char *url);
RempartSource *rempart_source_copy (const RempartSource *source);
void rempart_source_free (RempartSource *source);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RempartSource, rempart_source_free)

#define REMPART_TYPE_ACTION (rempart_action_get_type ())
G_DECLARE_FINAL_TYPE (RempartAction, rempart_action, REMPART, ACTION, GObject)

const char *rempart_action_get_id (RempartAction *self);
const char *rempart_action_get_url (RempartAction *self);
const char *rempart_action_get_title (RempartAction *self);
const char *rempart_action_get_brief (RempartAction *self);
const char *rempart_action_get_excerpt (RempartAction *self);
RempartTopic rempart_action_get_topic (RempartAction *self);
const char *rempart_action_get_platform (RempartAction *self);
RempartPriority rempart_action_get_priority (RempartAction *self);
const char *rempart_action_get_language (RempartAction *self);
const char *const *rempart_action_get_tags (RempartAction *self);
GPtrArray *rempart_action_get_sources (RempartAction *self);
const char *const *rempart_action_get_arguments (RempartAction *self);
GDateTime *rempart_action_get_date_published (RempartAction *self);
GDateTime *rempart_action_get_date_modified (RempartAction *self);
GDateTime *rempart_action_get_expires (RempartAction *self);
gboolean rempart_action_is_expired (RempartAction *self, GDateTime *now);

G_END_DECLS
