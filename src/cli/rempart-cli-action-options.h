/* rempart-cli-action-options.h: the options of rempart-feed add and edit
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "rempart-feed-writer.h"

G_BEGIN_DECLS

/* An action lasts this long when `add` is given neither --expires nor --hours. */
#define REMPART_CLI_DEFAULT_HOURS 48

/*
 * RempartCliActionOptions:
 *
 * What `add` and `edit` read from their command line, then the RempartNewAction made of it.
 * An option that was not given is NULL (or -1 for --hours): declare it as
 * `g_auto (RempartCliActionOptions) options = REMPART_CLI_ACTION_OPTIONS_INIT;`.
 */
typedef struct
{
  char *id;
  char *title;
  char *url;
  char *brief;
  char *excerpt;
  char *topic;
  char *platform;
  char *priority;
  char *language;
  char *expires;
  int hours;
  char **tags;
  char **sources;
  char **arguments;

  /* What the options become */
  RempartNewAction action;
  RempartActionFields fields;
  char *normalized_url;
  GPtrArray *parsed_sources;
  GDateTime *expires_date;
} RempartCliActionOptions;

#define REMPART_CLI_ACTION_OPTIONS_INIT \
  {                                     \
    .hours = -1                         \
  }

void rempart_cli_action_options_clear (RempartCliActionOptions *options);
void rempart_cli_action_options_add_entries (GOptionContext *context,
                                             RempartCliActionOptions *options,
                                             gboolean with_id);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RempartCliActionOptions, rempart_cli_action_options_clear)

int rempart_cli_action_options_resolve (RempartCliActionOptions *options,
                                        GOptionContext *context,
                                        gboolean adding);

G_END_DECLS
