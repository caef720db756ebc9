/* rempart-publish.h: a feed made ready to publish, and exported to a folder
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rempart-minisign.h"

G_BEGIN_DECLS

#define REMPART_PUBLISH_ERROR (rempart_publish_error_quark ())

/*
 * RempartPublishError:
 * @REMPART_PUBLISH_ERROR_INVALID_FEED: the app would skip an action of the feed, or reject it
 * @REMPART_PUBLISH_ERROR_WRITE_FAILED: the folder could not take the files
 * @REMPART_PUBLISH_ERROR_INVALID_URL: the address to publish to is not http:// or https://
 * @REMPART_PUBLISH_ERROR_CONFLICT: someone else published since the copy the moderator last
 *   saw; nothing was uploaded. Fetch the server's copy, merge (RempartFeedMerge), publish again
 * @REMPART_PUBLISH_ERROR_AUTH_FAILED: the server refused the user name or password (or none is
 *   known for it)
 * @REMPART_PUBLISH_ERROR_UPLOAD_FAILED: the server could not be reached or refused an upload;
 *   the pair volunteers download is still the previous one
 * @REMPART_PUBLISH_ERROR_HALF_PUBLISHED: the signature was refused and putting the previous
 *   feed back failed too: volunteers are told a publish is in progress; publish again
 */
typedef enum
{
  REMPART_PUBLISH_ERROR_INVALID_FEED,
  REMPART_PUBLISH_ERROR_WRITE_FAILED,
  REMPART_PUBLISH_ERROR_INVALID_URL,
  REMPART_PUBLISH_ERROR_CONFLICT,
  REMPART_PUBLISH_ERROR_AUTH_FAILED,
  REMPART_PUBLISH_ERROR_UPLOAD_FAILED,
  REMPART_PUBLISH_ERROR_HALF_PUBLISHED,
} RempartPublishError;

GQuark rempart_publish_error_quark (void);

/* How long a published copy stays fresh when the caller does not say. */
#define REMPART_PUBLISH_DEFAULT_FRESHNESS (7 * G_TIME_SPAN_DAY)

/*
 * RempartPublication:
 * @feed: the bytes to publish
 * @signature: their minisign signature
 * @seq: the feed's new `_rempart.seq`
 *
 * What rempart_publish_prepare() makes.
 */
typedef struct
{
  GBytes *feed;
  GBytes *signature;
  gint64 seq;
} RempartPublication;

void rempart_publication_free (RempartPublication *publication);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RempartPublication, rempart_publication_free)

RempartPublication *rempart_publish_prepare (GBytes *feed,
                                             const char *display_name,
                                             RempartMinisignSecretKey *key,
                                             GDateTime *now,
                                             GTimeSpan freshness,
                                             GError **error);

gboolean rempart_publish_export (RempartPublication *publication,
                                 const char *dir,
                                 const char *basename,
                                 GError **error);

void rempart_publish_export_async (GBytes *feed,
                                   RempartMinisignSecretKey *key,
                                   const char *dir,
                                   const char *basename,
                                   GCancellable *cancellable,
                                   GAsyncReadyCallback callback,
                                   gpointer user_data);
RempartPublication *rempart_publish_export_finish (GAsyncResult *result, GError **error);

G_END_DECLS
