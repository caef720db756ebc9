/* rempart-feed-parser.h
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "rempart-feed.h"
#include "rempart-json.h"

G_BEGIN_DECLS

/* Feeds come from any web host: cap what we read before json-glib sees a byte. */
#define REMPART_FEED_MAX_SIZE  (8 * 1024 * 1024)
#define REMPART_FEED_MAX_DEPTH REMPART_JSON_MAX_DEPTH

#define REMPART_FEED_ERROR (rempart_feed_error_quark ())

/* Why a whole feed was rejected; BAD_URL to NO_SUCH_ACTION come from
 * rempart_feed_normalize_url() and the writer (rempart-feed-writer.h). */
typedef enum
{
  REMPART_FEED_ERROR_TOO_LARGE,
  REMPART_FEED_ERROR_INVALID_UTF8,
  REMPART_FEED_ERROR_INVALID_JSON,
  REMPART_FEED_ERROR_TOO_DEEP,
  REMPART_FEED_ERROR_NOT_AN_OBJECT,
  REMPART_FEED_ERROR_BAD_VERSION,
  REMPART_FEED_ERROR_NO_ITEMS,
  REMPART_FEED_ERROR_BAD_URL,
  REMPART_FEED_ERROR_BAD_EXTENSION,
  REMPART_FEED_ERROR_INVALID_ACTION,
  REMPART_FEED_ERROR_NO_SUCH_ACTION,
  REMPART_FEED_ERROR_TOO_COMPLEX, /* tiny parts whose tree would cost far more than the file */
} RempartFeedError;

GQuark rempart_feed_error_quark (void);

RempartFeed *rempart_feed_parse (GBytes *bytes, const char *display_name, GError **error);
RempartFeed *rempart_feed_parse_known (GBytes *bytes,
                                       const char *display_name,
                                       GHashTable *known,
                                       GError **error);
/* rempart_feed_parse_known() in two steps: the scan needs no known hashes (a sync reads them
 * meanwhile). */
typedef struct _RempartFeedScan RempartFeedScan;
RempartFeedScan *rempart_feed_scan_new (GBytes *bytes, const char *display_name);
RempartFeed *rempart_feed_scan_parse (RempartFeedScan *self, GHashTable *known, GError **error);
void rempart_feed_scan_free (RempartFeedScan *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RempartFeedScan, rempart_feed_scan_free)
gboolean rempart_feed_item_hash_is_current (const char *hash);
JsonNode *rempart_feed_load_json (GBytes *bytes, const char *display_name, GError **error);
char *rempart_feed_normalize_url (const char *text, GError **error);
char *rempart_feed_url_peek_scheme (const char *text);

G_END_DECLS
