/* rempart-publisher.h: uploading a prepared feed and its signature by HTTP PUT
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rempart-keyring.h"
#include "rempart-publish.h"

G_BEGIN_DECLS

/*
 * RempartPublishTarget:
 * @feed_url: where the feed is published (http:// or https://); the signature goes to
 *   @feed_url + ".minisig"
 * @user: (nullable): the user name for HTTP basic authentication; %NULL for none
 * @password: (nullable): its password; %NULL with a @user looks it up in the keyring given to
 *   rempart_publisher_set_keyring()
 * @etag: (nullable): the feed's ETag when it was last published or downloaded; %NULL when the
 *   moderator believes nothing is published there yet (the upload then says `If-None-Match: *`)
 * @base: (nullable): the exact bytes of that copy, when known. A server copy with another ETag
 *   but these very bytes (after a rolled-back publish, or a host that moved the file) is not a
 *   conflict
 *
 * Where and as whom to publish. The publisher copies what it needs.
 */
typedef struct
{
  const char *feed_url;
  const char *user;
  const char *password;
  const char *etag;
  GBytes *base;
} RempartPublishTarget;

/*
 * RempartPublishReceipt:
 * @etag: (nullable): the ETag of the feed now on the server, to give as the next
 *   RempartPublishTarget.etag; %NULL when the server sends none
 * @seq: the `_rempart.seq` published
 * @feed: the bytes published (the next RempartPublishTarget.base)
 *
 * What a successful publish returns.
 */
typedef struct
{
  char *etag;
  gint64 seq;
  GBytes *feed;
} RempartPublishReceipt;

void rempart_publish_receipt_free (RempartPublishReceipt *receipt);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RempartPublishReceipt, rempart_publish_receipt_free)

/*
 * RempartServerCopy:
 * @feed: (nullable): the feed on the server, %NULL when there is none
 * @etag: (nullable): its ETag
 *
 * What rempart_publisher_fetch_current*() read: after a %REMPART_PUBLISH_ERROR_CONFLICT, the
 * version to merge with (rempart_feed_merge_new()), then to publish over with its @etag.
 */
typedef struct
{
  GBytes *feed;
  char *etag;
} RempartServerCopy;

void rempart_server_copy_free (RempartServerCopy *copy);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RempartServerCopy, rempart_server_copy_free)

/*
 * RempartPublishStage:
 * @REMPART_PUBLISH_STAGE_CHECKING: reading the server's copy (is it the one we last saw?)
 * @REMPART_PUBLISH_STAGE_FEED: uploading the feed
 * @REMPART_PUBLISH_STAGE_SIGNATURE: uploading its signature
 * @REMPART_PUBLISH_STAGE_ROLLING_BACK: the signature was refused: putting the previous feed back
 * @REMPART_PUBLISH_STAGE_CONFIRMING: reading back what the server now holds
 *
 * The steps of a publish, for the #RempartPublisher::stage signal.
 */
typedef enum
{
  REMPART_PUBLISH_STAGE_CHECKING,
  REMPART_PUBLISH_STAGE_FEED,
  REMPART_PUBLISH_STAGE_SIGNATURE,
  REMPART_PUBLISH_STAGE_ROLLING_BACK,
  REMPART_PUBLISH_STAGE_CONFIRMING,
} RempartPublishStage;

#define REMPART_TYPE_PUBLISHER (rempart_publisher_get_type ())
G_DECLARE_FINAL_TYPE (RempartPublisher, rempart_publisher, REMPART, PUBLISHER, GObject)

RempartPublisher *rempart_publisher_new (void);
void rempart_publisher_set_keyring (RempartPublisher *self, RempartKeyring *keyring);
void rempart_publisher_set_timeout (RempartPublisher *self, guint timeout_seconds);

/* Blocking: for the command line and worker threads. */
RempartPublishReceipt *rempart_publisher_publish_sync (RempartPublisher *self,
                                                       const RempartPublishTarget *target,
                                                       RempartPublication *publication,
                                                       GCancellable *cancellable,
                                                       GError **error);
RempartServerCopy *rempart_publisher_fetch_current_sync (RempartPublisher *self,
                                                         const RempartPublishTarget *target,
                                                         GCancellable *cancellable,
                                                         GError **error);

/* The same on a worker thread; the callback and the ::stage signal run in the thread-default
 * main context of the caller. */
void rempart_publisher_publish_async (RempartPublisher *self,
                                      const RempartPublishTarget *target,
                                      RempartPublication *publication,
                                      GCancellable *cancellable,
                                      GAsyncReadyCallback callback,
                                      gpointer user_data);
RempartPublishReceipt *
rempart_publisher_publish_finish (RempartPublisher *self, GAsyncResult *result, GError **error);
void rempart_publisher_fetch_current_async (RempartPublisher *self,
                                            const RempartPublishTarget *target,
                                            GCancellable *cancellable,
                                            GAsyncReadyCallback callback,
                                            gpointer user_data);
RempartServerCopy *rempart_publisher_fetch_current_finish (RempartPublisher *self,
                                                           GAsyncResult *result,
                                                           GError **error);

G_END_DECLS
