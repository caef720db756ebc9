/* rempart-http.h
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libsoup/soup.h>

G_BEGIN_DECLS

/* I/O timeout of a new session, in seconds: how long one read or write may stall. */
#define REMPART_HTTP_TIMEOUT 30
/* How long an idle keep-alive connection stays open, in seconds. */
#define REMPART_HTTP_IDLE_TIMEOUT 60

/* Bounds of a server's Retry-After, in seconds: never hammer a host more often than once a
 * minute, never stay silent for more than a day because of one header. */
#define REMPART_HTTP_RETRY_AFTER_MIN 60
#define REMPART_HTTP_RETRY_AFTER_MAX (24 * 60 * 60)

SoupSession *rempart_http_session_new (void);
void rempart_http_session_set_timeout (SoupSession *session, guint timeout_seconds);
gint64 rempart_http_parse_retry_after (const char *value, GDateTime *now);

G_END_DECLS
