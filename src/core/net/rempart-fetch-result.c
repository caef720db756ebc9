/* rempart-fetch-result.c: the outcome of one fetch, immutable once returned
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rempart-fetch-result-private.h"

G_DEFINE_BOXED_TYPE (RempartFetchResult,
                     rempart_fetch_result,
                     rempart_fetch_result_ref,
                     rempart_fetch_result_unref)

RempartFetchResult *
rempart_fetch_result_new (RempartFetchStatus status, guint http_status)
{
  RempartFetchResult *result = g_new0 (RempartFetchResult, 1);

  g_atomic_ref_count_init (&result->ref_count);
  result->status = status;
  result->http_status = http_status;
  result->retry_after = -1;

  return result;
}

/* ------------------------------------------------------------------------------------------ */
/* Public API: RempartFetchResult                                                             */
/* ------------------------------------------------------------------------------------------ */

RempartFetchResult *
rempart_fetch_result_ref (RempartFetchResult *result)
{
  g_return_val_if_fail (result != NULL, NULL);

  g_atomic_ref_count_inc (&result->ref_count);
  return result;
}

void
rempart_fetch_result_unref (RempartFetchResult *result)
{
  g_return_if_fail (result != NULL);

  if (!g_atomic_ref_count_dec (&result->ref_count))
    return;

  g_clear_pointer (&result->body, g_bytes_unref);
  g_free (result->etag);
  g_free (result->last_modified);
  g_free (result->content_type);
  g_free (result->final_url);
  g_free (result->permanent_url);
  g_free (result->trusted_comment);
  g_free (result);
}

RempartFetchStatus
rempart_fetch_result_get_status (RempartFetchResult *result)
{
  g_return_val_if_fail (result != NULL, REMPART_FETCH_STATUS_OK);

  return result->status;
}

/* The HTTP status of the last response of the feed (or of its signature, for RETRY_LATER
 * on the signature). */
guint
rempart_fetch_result_get_http_status (RempartFetchResult *result)
{
  g_return_val_if_fail (result != NULL, 0);

  return result->http_status;
}

/* Returns: (transfer none) (nullable): the body, only for REMPART_FETCH_STATUS_OK */
GBytes *
rempart_fetch_result_get_body (RempartFetchResult *result)
{
  g_return_val_if_fail (result != NULL, NULL);

  return result->body;
}

/* For OK, the response's ETag; for NOT_MODIFIED, the one to send next time (the server's
 * if it sent one, else the request's). %NULL when there is none. */
const char *
rempart_fetch_result_get_etag (RempartFetchResult *result)
{
  g_return_val_if_fail (result != NULL, NULL);

  return result->etag;
}

/* Like rempart_fetch_result_get_etag(), for Last-Modified. */
const char *
rempart_fetch_result_get_last_modified (RempartFetchResult *result)
{
  g_return_val_if_fail (result != NULL, NULL);

  return result->last_modified;
}

/* The media type without parameters ("application/feed+json"), for OK; else %NULL. */
const char *
rempart_fetch_result_get_content_type (RempartFetchResult *result)
{
  g_return_val_if_fail (result != NULL, NULL);

  return result->content_type;
}

/* The address the answer came from, after redirects (without a fragment). */
const char *
rempart_fetch_result_get_final_url (RempartFetchResult *result)
{
  g_return_val_if_fail (result != NULL, NULL);

  return result->final_url;
}

/* The feed's new address when every redirect on the way was permanent (301/308) and the
 * feed verified (or the request had no key); %NULL otherwise. Store it as the subscription's
 * address only after the feed itself was accepted. */
const char *
rempart_fetch_result_get_permanent_url (RempartFetchResult *result)
{
  g_return_val_if_fail (result != NULL, NULL);

  return result->permanent_url;
}

/* Seconds to wait before the next attempt for RETRY_LATER (the server's Retry-After,
 * clamped to a minute .. a day, or the defaults in rempart-fetcher.h); -1 otherwise. */
gint64
rempart_fetch_result_get_retry_after (RempartFetchResult *result)
{
  g_return_val_if_fail (result != NULL, -1);

  return result->retry_after;
}

/* %TRUE when the body was verified against the request's public key. */
gboolean
rempart_fetch_result_get_signed (RempartFetchResult *result)
{
  g_return_val_if_fail (result != NULL, FALSE);

  return result->is_signed;
}

/* The signature's trusted comment (verified along with the body), or %NULL when unsigned. */
const char *
rempart_fetch_result_get_trusted_comment (RempartFetchResult *result)
{
  g_return_val_if_fail (result != NULL, NULL);

  return result->trusted_comment;
}

/*
 * rempart_fetch_result_get_signed_with_next_key:
 *
 * Returns: whether the signature was made with the request's next_public_key (the group has
 *   rotated its key), not with its public_key
 */
gboolean
rempart_fetch_result_get_signed_with_next_key (RempartFetchResult *result)
{
  g_return_val_if_fail (result != NULL, FALSE);

  return result->signed_with_next_key;
}
