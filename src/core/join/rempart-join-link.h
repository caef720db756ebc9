/* rempart-join-link.h: the link a group shares so that volunteers join it in one click
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* rempart:join?feed=…&key=…&name=…, docs/feed-format.md ("Join links") says why. */
#define REMPART_JOIN_LINK_PREFIX "rempart:join?"

/* Longer links are refused before anything else is read: a feed address, a 56-character key
 * and a name fit in far less, and a chat message that was cut or glued to another is not
 * read any further. */
#define REMPART_JOIN_LINK_MAX_LENGTH 4096

/* The longest group name a link may carry, in characters; the feed states the real one. */
#define REMPART_JOIN_NAME_MAX_CHARS 80

#define REMPART_JOIN_ERROR (rempart_join_error_quark ())

/**
 * RempartJoinError:
 * @REMPART_JOIN_ERROR_NOT_A_LINK: the text is not a join link at all
 * @REMPART_JOIN_ERROR_TOO_LONG: longer than %REMPART_JOIN_LINK_MAX_LENGTH bytes
 * @REMPART_JOIN_ERROR_MALFORMED: a parameter without a value, a bad percent-escape, an escaped
 *   NUL, text that is not UTF-8, an empty parameter, a fragment
 * @REMPART_JOIN_ERROR_MISSING_FEED: no feed parameter
 * @REMPART_JOIN_ERROR_BAD_FEED: the feed is not an absolute http:// or https:// address
 * @REMPART_JOIN_ERROR_BAD_KEY: the key is not a minisign public key
 * @REMPART_JOIN_ERROR_BAD_NAME: the name is empty, too long, or has control characters
 * @REMPART_JOIN_ERROR_UNKNOWN_PARAMETER: a parameter this version does not know
 * @REMPART_JOIN_ERROR_DUPLICATE_PARAMETER: a parameter given twice
 * @REMPART_JOIN_ERROR_BAD_LIST: a list of groups (rempart-join-list.h) cannot be read
 * @REMPART_JOIN_ERROR_QR: a QR code or a picture of it could not be made (rempart-join-qr.h)
 */
typedef enum
{
  REMPART_JOIN_ERROR_NOT_A_LINK,
  REMPART_JOIN_ERROR_TOO_LONG,
  REMPART_JOIN_ERROR_MALFORMED,
  REMPART_JOIN_ERROR_MISSING_FEED,
  REMPART_JOIN_ERROR_BAD_FEED,
  REMPART_JOIN_ERROR_BAD_KEY,
  REMPART_JOIN_ERROR_BAD_NAME,
  REMPART_JOIN_ERROR_UNKNOWN_PARAMETER,
  REMPART_JOIN_ERROR_DUPLICATE_PARAMETER,
  REMPART_JOIN_ERROR_BAD_LIST,
  REMPART_JOIN_ERROR_QR,
} RempartJoinError;

GQuark rempart_join_error_quark (void);

/**
 * RempartJoinLink:
 * @feed_url: the feed's address, normalized as rempart_feed_normalize_url() does
 * @public_key: (nullable): the group's minisign public key, as its base64 line; %NULL for an
 *   unsigned feed
 * @name: (nullable): the group's name as the moderators wrote it in the link; only a hint:
 *   the app shows the name the feed itself states
 *
 * A checked join link: every field is valid once rempart_join_link_parse() or
 * rempart_join_link_new() returned it. Plain boxed struct.
 */
typedef struct
{
  char *feed_url;
  char *public_key;
  char *name;
} RempartJoinLink;

#define REMPART_TYPE_JOIN_LINK (rempart_join_link_get_type ())
GType rempart_join_link_get_type (void) G_GNUC_CONST;
RempartJoinLink *rempart_join_link_copy (const RempartJoinLink *link);
void rempart_join_link_free (RempartJoinLink *link);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RempartJoinLink, rempart_join_link_free)

RempartJoinLink *rempart_join_link_parse (const char *text, GError **error);
RempartJoinLink *rempart_join_link_new (const char *feed_url,
                                        const char *public_key,
                                        const char *name,
                                        GError **error);
char *rempart_join_link_to_string (const RempartJoinLink *link);
char *rempart_join_link_get_key_id (const RempartJoinLink *link);
char *rempart_join_link_get_host (const RempartJoinLink *link);
gboolean rempart_join_link_looks_like_link (const char *text);

G_END_DECLS
