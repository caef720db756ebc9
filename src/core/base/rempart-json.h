/* rempart-json.h: the byte checks every JSON file Rempart reads goes through
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* json-glib recurses once per level: deeper documents are refused before it sees a byte. */
#define REMPART_JSON_MAX_DEPTH 64

#define REMPART_JSON_ERROR (rempart_json_error_quark ())

typedef enum
{
  REMPART_JSON_ERROR_TOO_LARGE,
  REMPART_JSON_ERROR_INVALID_UTF8, /* not UTF-8, or a NUL byte */
  REMPART_JSON_ERROR_INVALID_JSON, /* including an empty document */
  REMPART_JSON_ERROR_TOO_DEEP,
  REMPART_JSON_ERROR_TOO_COMPLEX, /* a tree that would cost far more memory than its size */
} RempartJsonError;

GQuark rempart_json_error_quark (void);

gboolean rempart_json_check (const char *data,
                             gsize length,
                             const char *display_name,
                             gsize max_size,
                             GError **error);
JsonNode *
rempart_json_load (GBytes *bytes, const char *display_name, gsize max_size, GError **error);

/* Returns: (nullable) (transfer none): @member of @object, or %NULL when it is absent or
 * JSON null: the feed format treats both alike. */
JsonNode *rempart_json_member (JsonObject *object, const char *member);
/* Returns: a translated phrase for the type of @node ("an object", "a string"...), for
 * messages such as "is %s, not an array". */
const char *rempart_json_type_name (JsonNode *node);

G_END_DECLS
