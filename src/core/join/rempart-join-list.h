/* rempart-join-list.h: the list of groups a volunteer takes to a new computer
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rempart-join-link.h"

G_BEGIN_DECLS

/* A list bigger than this is not a list of groups. */
#define REMPART_JOIN_LIST_MAX_SIZE  (1024 * 1024)
#define REMPART_JOIN_LIST_MAX_LINKS 200

GPtrArray *rempart_join_list_parse (const char *text, gsize len, GError **error);
char *rempart_join_list_to_string (GPtrArray *links);

G_END_DECLS
