/* rempart-template-fill.h
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rempart-template.h"

G_BEGIN_DECLS

/* A placeholder is `{`, a name of at most this many bytes without braces or white space,
 * and `}`. */
#define REMPART_TEMPLATE_MAX_PLACEHOLDER 64
/* Values stop being substituted once the text would pass this size (bytes). */
#define REMPART_TEMPLATE_MAX_FILLED (1024 * 1024)

/*
 * RempartTemplateValues:
 * @hashtag: the group hashtag ("#jesuislà")
 * @source: the address of the action's first source
 * @source_title: its title
 * @topic: the topic's name as people read it (rempart_topic_get_display_name())
 * @argument: the action's first argument
 *
 * What the placeholders become. Every field is borrowed and may be %NULL or empty: the
 * placeholder then stays in the text as typed, for the volunteer to fill by hand.
 */
typedef struct
{
  const char *hashtag;
  const char *source;
  const char *source_title;
  const char *topic;
  const char *argument;
} RempartTemplateValues;

void rempart_template_values_init_for_action (RempartTemplateValues *values,
                                              RempartAction *action,
                                              const char *hashtag);

gboolean rempart_template_placeholder_is_known (const char *name);
GPtrArray *rempart_template_find_unknown_placeholders (const char *body);

char *rempart_template_fill_text (const char *body,
                                  const RempartTemplateValues *values,
                                  GPtrArray **out_missing,
                                  GPtrArray **out_unknown);
char *rempart_template_fill (const RempartTemplate *tmpl,
                             const RempartTemplateValues *values,
                             GPtrArray **out_unknown);

G_END_DECLS
