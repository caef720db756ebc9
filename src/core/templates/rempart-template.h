/* rempart-template.h
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "rempart-action.h"
#include "rempart-feed.h"

G_BEGIN_DECLS

/* Where a template comes from. BUILTIN and FEED templates are read-only: a volunteer who
 * wants to change one duplicates it into a USER template (rempart_template_duplicate()). */
typedef enum
{
  REMPART_TEMPLATE_ORIGIN_BUILTIN,
  REMPART_TEMPLATE_ORIGIN_FEED,
  REMPART_TEMPLATE_ORIGIN_USER,
} RempartTemplateOrigin;

/* How a reply answers (docs/templates.md); NONE when the template does not say, as feed
 * templates never do. The keywords are the ones the pack files use. */
typedef enum
{
  REMPART_TEMPLATE_APPROACH_NONE,
  REMPART_TEMPLATE_APPROACH_EMPATHY,          /* "empathy" */
  REMPART_TEMPLATE_APPROACH_FACTS,            /* "facts" */
  REMPART_TEMPLATE_APPROACH_QUESTION,         /* "question" */
  REMPART_TEMPLATE_APPROACH_NAME_THE_COMMENT, /* "name-the-comment" */
  REMPART_TEMPLATE_APPROACH_SUPPORT,          /* "support" */
} RempartTemplateApproach;

#define REMPART_TYPE_TEMPLATE_ORIGIN (rempart_template_origin_get_type ())
GType rempart_template_origin_get_type (void) G_GNUC_CONST;
#define REMPART_TYPE_TEMPLATE_APPROACH (rempart_template_approach_get_type ())
GType rempart_template_approach_get_type (void) G_GNUC_CONST;

const char *rempart_template_origin_to_string (RempartTemplateOrigin origin);
const char *rempart_template_approach_to_string (RempartTemplateApproach approach);
gboolean rempart_template_approach_from_string (const char *text,
                                                RempartTemplateApproach *out_approach);
const char *rempart_template_approach_get_display_name (RempartTemplateApproach approach);

#define REMPART_TYPE_TEMPLATE (rempart_template_get_type ())
G_DECLARE_FINAL_TYPE (RempartTemplate, rempart_template, REMPART, TEMPLATE, GObject)

RempartTemplate *rempart_template_new (RempartTemplateOrigin origin,
                                       const char *id,
                                       const char *title,
                                       const char *language,
                                       const char *const *topics,
                                       RempartTemplateApproach approach,
                                       const char *when,
                                       const char *body);
RempartTemplate *rempart_template_from_feed_template (const RempartFeedTemplate *feed_template);
GPtrArray *rempart_templates_from_feed (GPtrArray *feed_templates);
RempartTemplate *rempart_template_duplicate (RempartTemplate *tmpl, const char *new_id);

const char *rempart_template_get_id (RempartTemplate *self);
const char *rempart_template_get_title (RempartTemplate *self);
const char *rempart_template_get_language (RempartTemplate *self);
const char *const *rempart_template_get_topics (RempartTemplate *self);
RempartTemplateApproach rempart_template_get_approach (RempartTemplate *self);
const char *rempart_template_get_when (RempartTemplate *self);
const char *rempart_template_get_body (RempartTemplate *self);
RempartTemplateOrigin rempart_template_get_origin (RempartTemplate *self);
gboolean rempart_template_get_read_only (RempartTemplate *self);

gboolean rempart_template_matches_topic (RempartTemplate *self, RempartTopic topic);
gboolean rempart_template_matches_language (RempartTemplate *self, const char *language);

GPtrArray *rempart_templates_for_action (GPtrArray *feed_templates,
                                         GPtrArray *builtin,
                                         GPtrArray *user,
                                         RempartAction *action,
                                         const char *language);

G_END_DECLS
