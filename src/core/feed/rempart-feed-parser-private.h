/* rempart-feed-parser-private.h
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "rempart-feed-private.h"
#include "rempart-html-text.h"
#include "rempart-json.h"

G_BEGIN_DECLS

/* Shared by the parts of the parser: every warning names the file and a JSON path, which
 * is @prefix ("items[3]", "_rempart", or NULL at the top), @member and, for an element of
 * an array, @index (-1 otherwise). */
typedef struct
{
  const char *display_name;
  RempartFeed *feed;
  char **seen_id; /* (nullable): where an item's id goes once read, before it is checked */
} RempartParseContext;

char *rempart_feed_clean_text (const char *text, RempartTextMode mode);
void rempart_parse_warn (RempartParseContext *ctx,
                         const char *prefix,
                         const char *member,
                         int index,
                         const char *format,
                         ...) G_GNUC_PRINTF (5, 6);
const char *rempart_parse_string (RempartParseContext *ctx,
                                  JsonObject *object,
                                  const char *prefix,
                                  const char *member);
char *rempart_parse_text (RempartParseContext *ctx,
                          JsonObject *object,
                          const char *prefix,
                          const char *member,
                          RempartTextMode mode);
GStrv rempart_parse_text_array (RempartParseContext *ctx,
                                JsonObject *object,
                                const char *prefix,
                                const char *member,
                                RempartTextMode mode);
GDateTime *rempart_parse_date (RempartParseContext *ctx,
                               JsonObject *object,
                               const char *prefix,
                               const char *member);
gboolean rempart_parse_integer (RempartParseContext *ctx,
                                JsonObject *object,
                                const char *prefix,
                                const char *member,
                                gint64 *out_value);
JsonObject *rempart_parse_object (RempartParseContext *ctx,
                                  JsonObject *object,
                                  const char *prefix,
                                  const char *member);
JsonArray *rempart_parse_array (RempartParseContext *ctx,
                                JsonObject *object,
                                const char *prefix,
                                const char *member);
char *rempart_parse_feed_url (RempartParseContext *ctx,
                              JsonObject *object,
                              const char *prefix,
                              const char *member);

/* The raw items of a document, found by the scan of rempart_feed_parse_known(): each one's
 * offsets in @data and its hash, in feed order, and the table of the hashes already known. */
typedef struct
{
  gsize start;
  gsize end;
} RempartItemSpan;

typedef struct
{
  const char *data;
  GArray *spans; /* of RempartItemSpan */
  GPtrArray *hashes;
  GHashTable *known;
} RempartRawItems;

RempartFeed *rempart_feed_parse_root (JsonNode *root,
                                      const char *display_name,
                                      RempartRawItems *raw,
                                      GError **error);
void rempart_parse_items (RempartParseContext *ctx, JsonArray *items);
gboolean rempart_parse_items_raw (RempartParseContext *ctx, RempartRawItems *raw);
/* Test hooks, process-wide: a helper thread reads the second half of the items when at least
 * @n are to be read (0: the default, HALF_MIN_ITEMS in rempart-feed-items.c; 2 at least;
 * G_MAXUINT: never), and how many helpers have run. */
void rempart_feed_set_half_min_items_for_testing (guint n);
guint rempart_feed_get_half_runs_for_testing (void);

G_END_DECLS
