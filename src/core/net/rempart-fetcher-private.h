/* rempart-fetcher-private.h: between the parts of the fetcher
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rempart-fetch-result-private.h"
#include "rempart-fetcher.h"

G_BEGIN_DECLS

/*
 * A fetch is a GTask whose source object is the RempartFetcher (rempart-fetcher.c) and whose
 * task data is a FetchData. It is a chain of hops, one request each (rempart-fetcher-hop.c):
 * the feed and its redirects, then, with a key, the signature and its redirects, checked in a
 * worker thread (rempart-fetcher-signature.c).
 */

typedef enum
{
  STAGE_FEED,
  STAGE_SIGNATURE,
} FetchStage;

typedef void (*FetchStep) (GTask *task);

/* The state of one fetch, the GTask's task data. */
typedef struct
{
  char *etag;
  char *last_modified;
  RempartMinisignPublicKey *public_key;
  RempartMinisignPublicKey *next_public_key;
  RempartFetchBodyFunc body_func;
  gpointer body_data;

  FetchStage stage;
  GUri *uri;
  GUri *feed_uri;
  guint n_redirects;
  gboolean all_permanent;
  gboolean moved_permanently;
  gsize max_body;

  SoupMessage *msg;
  GInputStream *stream;
  GByteArray *body;
  gsize pending_read;
  goffset expected_length;

  /* What to do once the response stream is closed. */
  FetchStep after_close;
  GError *error;

  /* Every request and read of the fetch uses @cancellable, which the caller's cancellable
   * and the two timers below cancel; @slow_error says why when a timer did. */
  GCancellable *cancellable;
  GCancellable *caller_cancellable;
  gulong caller_handler;
  GSource *deadline_source;
  GSource *rate_source;
  guint deadline;
  guint min_rate;
  guint rate_window;
  guint64 received;
  guint64 received_at_window;
  GError *slow_error;

  /* How many times the feed and its signature were read again because they came from two
   * different publishes (rempart-fetcher-signature.c). */
  guint n_pair_retries;

  RempartFetchResult *result;
} FetchData;

/* rempart-fetcher.c */
/* Ends the fetch with @error, or with why it was too slow when that cancelled it. */
void rempart_fetch_return_error (GTask *task, GError *error);
/* Stops the deadline and rate timers (the fetch is over). */
void rempart_fetch_stop_timers (FetchData *data);

/* rempart-fetcher-hop.c */
char *rempart_fetch_uri_display (GUri *uri);
gboolean rempart_fetch_uri_is_web (GUri *uri);
/* Sends the request for data->uri, and goes on until the fetch ends. */
void rempart_fetch_start_hop (GTask *task);
void rempart_fetch_set_permanent_url (FetchData *data);
/* Ends the fetch with data->result. */
void rempart_fetch_return_result (GTask *task);

/* rempart-fetcher-signature.c */
/* Fetches the signature of the feed at data->feed_uri. */
void rempart_fetch_start_signature (GTask *task);
/* Verifies data->body, the signature, against the feed, then ends the fetch. */
void rempart_fetch_verify_signature (GTask *task);
/* @verify_error: (nullable): why the signature did not verify; %NULL when it is missing.
 * @signed_key_id: (nullable): the key id the signature names. @forged: nothing in the
 * signature verifies with the key (a key mistyped in its last letters). */
GError *rempart_fetch_signature_error (FetchData *data,
                                       const GError *verify_error,
                                       const char *signed_key_id,
                                       gboolean forged);

G_END_DECLS
