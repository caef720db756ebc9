/* rempart-fetcher.h
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libsoup/soup.h>

#include "rempart-minisign.h"

G_BEGIN_DECLS

/* The largest feed body we accept, decoded (the feed parser's REMPART_FEED_MAX_SIZE: the
 * fetcher checks they agree), and the largest signature file. */
#define REMPART_FETCH_MAX_BODY      (8 * 1024 * 1024)
#define REMPART_FETCH_MAX_SIGNATURE (16 * 1024)
#define REMPART_FETCH_MAX_REDIRECTS 5

/* A whole fetch (redirects and signature included) ends after REMPART_FETCH_DEADLINE seconds,
 * and as soon as a whole window of REMPART_FETCH_RATE_WINDOW seconds brought fewer than
 * REMPART_FETCH_MIN_RATE bytes a second: the session's timeout is per read, so without these
 * a server sending one byte a second would hold a refresh, and every group after it, for
 * ever. 8 MiB at 1 Mbit/s takes 67 s; a slow mobile link still brings several KiB/s. */
#define REMPART_FETCH_DEADLINE    120
#define REMPART_FETCH_MIN_RATE    1024
#define REMPART_FETCH_RATE_WINDOW 30

/* How long to wait when a server says "429 Too Many Requests" or "503 Service Unavailable"
 * without a usable Retry-After, in seconds. A 429 means *we* asked too often: back off for
 * an hour, the usual rate-limit window of static hosts. A 503 is usually an outage or a
 * deployment in progress: ten minutes is long enough not to add load, short enough that
 * the day's actions are not missed. */
#define REMPART_FETCH_DEFAULT_RETRY_AFTER_429 3600
#define REMPART_FETCH_DEFAULT_RETRY_AFTER_503 600

#define REMPART_FETCH_ERROR (rempart_fetch_error_quark ())

/**
 * RempartFetchError:
 * @REMPART_FETCH_ERROR_INVALID_URL: the address is not an http:// or https:// URL
 * @REMPART_FETCH_ERROR_NETWORK: the host could not be reached, or the connection failed or
 *   timed out
 * @REMPART_FETCH_ERROR_HTTP: the server answered with an error status (other than those
 *   reported as a #RempartFetchStatus), or with a redirect without a valid Location
 * @REMPART_FETCH_ERROR_TOO_LARGE: the body is larger than the cap
 * @REMPART_FETCH_ERROR_TRUNCATED: the connection ended before the whole body arrived
 * @REMPART_FETCH_ERROR_TOO_MANY_REDIRECTS: more than %REMPART_FETCH_MAX_REDIRECTS redirects
 *   (or a loop)
 * @REMPART_FETCH_ERROR_INSECURE_REDIRECT: a redirect from https:// to http://
 * @REMPART_FETCH_ERROR_SIGNATURE: a public key was given and the signature file is missing,
 *   malformed, made with another key or does not match the feed
 * @REMPART_FETCH_ERROR_TOO_SLOW: the server sent more slowly than the minimum rate, or the
 *   fetch did not finish before its deadline (rempart_fetcher_set_deadline())
 * @REMPART_FETCH_ERROR_HEADERS_TOO_LARGE: the server's response headers are larger than
 *   libsoup reads (64 KiB), or endless: retrying will not help
 *
 * A cancelled fetch fails with %G_IO_ERROR_CANCELLED instead.
 */
typedef enum
{
  REMPART_FETCH_ERROR_INVALID_URL,
  REMPART_FETCH_ERROR_NETWORK,
  REMPART_FETCH_ERROR_HTTP,
  REMPART_FETCH_ERROR_TOO_LARGE,
  REMPART_FETCH_ERROR_TRUNCATED,
  REMPART_FETCH_ERROR_TOO_MANY_REDIRECTS,
  REMPART_FETCH_ERROR_INSECURE_REDIRECT,
  REMPART_FETCH_ERROR_SIGNATURE,
  REMPART_FETCH_ERROR_TOO_SLOW,
  REMPART_FETCH_ERROR_HEADERS_TOO_LARGE,
} RempartFetchError;

GQuark rempart_fetch_error_quark (void);

/**
 * RempartFetchStatus:
 * @REMPART_FETCH_STATUS_OK: the body was downloaded (and verified when a key was given)
 * @REMPART_FETCH_STATUS_NOT_MODIFIED: 304, the copy the caller has is current
 * @REMPART_FETCH_STATUS_RETRY_LATER: 429 or 503; wait rempart_fetch_result_get_retry_after()
 *   seconds before the next attempt
 * @REMPART_FETCH_STATUS_GONE: 410, the moderators took the feed down for good
 *
 * The outcomes of a fetch that are not errors: in every case but OK there is no body and the
 * caller keeps what it has.
 */
typedef enum
{
  REMPART_FETCH_STATUS_OK,
  REMPART_FETCH_STATUS_NOT_MODIFIED,
  REMPART_FETCH_STATUS_RETRY_LATER,
  REMPART_FETCH_STATUS_GONE,
} RempartFetchStatus;

/**
 * RempartFetchRequest:
 * @url: the feed's address, http:// or https://
 * @etag: (nullable): the ETag of the copy the caller has, sent as If-None-Match
 * @last_modified: (nullable): its Last-Modified, sent as If-Modified-Since
 * @public_key: (nullable): the subscription's pinned key; when set, the feed must come with a
 *   valid signature at its final address + ".minisig"
 * @next_public_key: (nullable): the key the group announced it will sign with next
 *   (`_rempart.next_key` of a feed verified with @public_key); a signature made with it is
 *   accepted too, and rempart_fetch_result_get_signed_with_next_key() says so
 * @body_func: (nullable): called on the thread-default main context of the fetch with the
 *   feed's whole body and its final address when it came with a success status and its
 *   signature is yet to be fetched and checked (only with @public_key), so that work on it
 *   can start meanwhile; again with each new body when the pair is read again (a publish in
 *   progress). A body may still be refused: only the fetch's result says whether one was
 *   accepted, and it is then the same #GBytes. For rempart_fetcher_fetch_async() only:
 *   work started from it would outlive the private main context of
 *   rempart_fetcher_fetch_sync()
 * @body_data: the data for @body_func
 *
 * What to fetch. The fetcher copies what it needs: the request may live on the stack.
 */
typedef void (*RempartFetchBodyFunc) (GBytes *body, const char *final_url, gpointer user_data);

typedef struct
{
  const char *url;
  const char *etag;
  const char *last_modified;
  RempartMinisignPublicKey *public_key;
  RempartMinisignPublicKey *next_public_key;
  RempartFetchBodyFunc body_func;
  gpointer body_data;
} RempartFetchRequest;

/**
 * RempartFetchResult:
 *
 * The outcome of a successful fetch: an immutable, reference-counted boxed type. Fields are
 * read with the getters; strings are owned by the result.
 */
typedef struct _RempartFetchResult RempartFetchResult;

#define REMPART_TYPE_FETCH_RESULT (rempart_fetch_result_get_type ())

GType rempart_fetch_result_get_type (void) G_GNUC_CONST;
RempartFetchResult *rempart_fetch_result_ref (RempartFetchResult *result);
void rempart_fetch_result_unref (RempartFetchResult *result);
RempartFetchStatus rempart_fetch_result_get_status (RempartFetchResult *result);
guint rempart_fetch_result_get_http_status (RempartFetchResult *result);
GBytes *rempart_fetch_result_get_body (RempartFetchResult *result);
const char *rempart_fetch_result_get_etag (RempartFetchResult *result);
const char *rempart_fetch_result_get_last_modified (RempartFetchResult *result);
const char *rempart_fetch_result_get_content_type (RempartFetchResult *result);
const char *rempart_fetch_result_get_final_url (RempartFetchResult *result);
const char *rempart_fetch_result_get_permanent_url (RempartFetchResult *result);
gint64 rempart_fetch_result_get_retry_after (RempartFetchResult *result);
gboolean rempart_fetch_result_get_signed (RempartFetchResult *result);
const char *rempart_fetch_result_get_trusted_comment (RempartFetchResult *result);
gboolean rempart_fetch_result_get_signed_with_next_key (RempartFetchResult *result);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RempartFetchResult, rempart_fetch_result_unref)

#define REMPART_TYPE_FETCHER (rempart_fetcher_get_type ())
G_DECLARE_FINAL_TYPE (RempartFetcher, rempart_fetcher, REMPART, FETCHER, GObject)

RempartFetcher *rempart_fetcher_new (void);
SoupSession *rempart_fetcher_get_session (RempartFetcher *self);
void rempart_fetcher_set_timeout (RempartFetcher *self, guint timeout_seconds);
void rempart_fetcher_set_deadline (RempartFetcher *self, guint deadline_seconds);
void
rempart_fetcher_set_min_rate (RempartFetcher *self, guint bytes_per_second, guint window_seconds);
void rempart_fetcher_fetch_async (RempartFetcher *self,
                                  const RempartFetchRequest *request,
                                  GCancellable *cancellable,
                                  GAsyncReadyCallback callback,
                                  gpointer user_data);
RempartFetchResult *
rempart_fetcher_fetch_finish (RempartFetcher *self, GAsyncResult *result, GError **error);
RempartFetchResult *rempart_fetcher_fetch_sync (RempartFetcher *self,
                                                const RempartFetchRequest *request,
                                                GCancellable *cancellable,
                                                GError **error);

G_END_DECLS
