/* rempart-fetcher-hop.c: one request of a fetch, its response, its redirect, its body
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rempart-fetcher-private.h"
#include "rempart-http.h"

/* Reads are at most this big, so a body over the cap is refused after at most one more read
 * than needed (and we ask for no more than one byte past the cap anyway). */
#define READ_CHUNK_SIZE (64 * 1024)

/* RFC 6585; libsoup 3.2 has no name for it. */
#define STATUS_TOO_MANY_REQUESTS 429

/* ------------------------------------------------------------------------------------------ */
/* Helpers                                                                                    */
/* ------------------------------------------------------------------------------------------ */

/* What error messages show of an address: the host and the path, which is what a person
 * compares with the address the moderators gave them. No query (it may hold a token). */
char *
rempart_fetch_uri_display (GUri *uri)
{
  const char *host = g_uri_get_host (uri);
  const char *path = g_uri_get_path (uri);
  GString *text = g_string_new (NULL);

  if (host != NULL && strchr (host, ':') != NULL)
    g_string_append_printf (text, "[%s]", host);
  else if (host != NULL)
    g_string_append (text, host);
  if (g_uri_get_port (uri) > 0)
    g_string_append_printf (text, ":%d", g_uri_get_port (uri));
  g_string_append (text, *path != '\0' ? path : "/");

  return g_string_free (text, FALSE);
}

static gboolean
uri_is_https (GUri *uri)
{
  return g_ascii_strcasecmp (g_uri_get_scheme (uri), "https") == 0;
}

gboolean
rempart_fetch_uri_is_web (GUri *uri)
{
  const char *host = g_uri_get_host (uri);

  return (uri_is_https (uri) || g_ascii_strcasecmp (g_uri_get_scheme (uri), "http") == 0) &&
         host != NULL && *host != '\0';
}

static char *
uri_to_url (GUri *uri)
{
  return g_uri_to_string_partial (uri, G_URI_HIDE_FRAGMENT);
}

static const char *
header (SoupMessage *msg, const char *name)
{
  return soup_message_headers_get_one (soup_message_get_response_headers (msg), name);
}

static gboolean
is_redirect (guint status)
{
  return status == SOUP_STATUS_MOVED_PERMANENTLY || status == SOUP_STATUS_FOUND ||
         status == SOUP_STATUS_SEE_OTHER || status == SOUP_STATUS_TEMPORARY_REDIRECT ||
         status == SOUP_STATUS_PERMANENT_REDIRECT;
}

/* The body as it arrives is the body as the server meant it only without a content coding:
 * with one, Content-Length counts the compressed bytes. */
static gboolean
is_identity_coded (SoupMessage *msg)
{
  const char *coding = header (msg, "Content-Encoding");

  return coding == NULL || g_ascii_strcasecmp (coding, "identity") == 0;
}

/* libsoup's "Header too big" (soup-message-io-data.c), in its own translation or not. */
static gboolean
is_header_too_big (const GError *error)
{
  static const char message[] = "Header too big";

  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT))
    return FALSE;
  return g_strcmp0 (error->message, message) == 0 ||
         g_strcmp0 (error->message, g_dgettext ("libsoup-3.0", message)) == 0;
}

/* Turns an error from libsoup or GIO into ours; cancellation stays what it is. */
static GError *
network_error (FetchData *data, SoupSession *session, const GError *error)
{
  g_autofree char *where = rempart_fetch_uri_display (data->uri);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return g_error_copy (error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    return g_error_new (REMPART_FETCH_ERROR, REMPART_FETCH_ERROR_NETWORK,
                        g_dngettext (GETTEXT_PACKAGE,
                                     "Could not download %s: the server stopped answering for %u "
                                     "second. Try again later.",
                                     "Could not download %s: the server stopped answering for %u "
                                     "seconds. Try again later.",
                                     soup_session_get_timeout (session)),
                        where, soup_session_get_timeout (session));

  /* libsoup stops reading a response's headers past 64 KiB and says so with the same code as
   * a connection closed early; waiting will not make them shorter, so it is not "try again
   * later" but the server's fault, said as such. */
  if (is_header_too_big (error))
    return g_error_new (REMPART_FETCH_ERROR, REMPART_FETCH_ERROR_HEADERS_TOO_LARGE,
                        _ ("The server of %s sent headers larger than 64 KiB, which Rempart "
                           "refuses: it is misconfigured or hostile. Tell the group’s "
                           "moderators."),
                        where);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT))
    return g_error_new (REMPART_FETCH_ERROR, REMPART_FETCH_ERROR_TRUNCATED,
                        _ ("The connection was closed before the whole of %s arrived. "
                           "Try again later."),
                        where);

  /* GIO's and GnuTLS's own words ("TLS packet was received…") mean nothing to a volunteer:
   * say what happened and what to do, in ours. */
  if (error->domain == G_RESOLVER_ERROR)
    return g_error_new (REMPART_FETCH_ERROR, REMPART_FETCH_ERROR_NETWORK,
                        /* Translators: %s is a server's name, such as example.org */
                        _ ("Could not find the server %s. Check the address for a typo, and "
                           "that this computer is connected to the internet."),
                        g_uri_get_host (data->uri));

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED))
    return g_error_new (REMPART_FETCH_ERROR, REMPART_FETCH_ERROR_NETWORK,
                        _ ("Could not download %s: the server refused the connection. The "
                           "address (or its port) is wrong, or the server is down: check the "
                           "address with your group’s moderators, or try again later."),
                        where);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_HOST_UNREACHABLE) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NETWORK_UNREACHABLE))
    return g_error_new (REMPART_FETCH_ERROR, REMPART_FETCH_ERROR_NETWORK,
                        _ ("Could not download %s: the server cannot be reached from this "
                           "computer. Check your internet connection and try again later."),
                        where);

  if (g_error_matches (error, G_TLS_ERROR, G_TLS_ERROR_BAD_CERTIFICATE) ||
      g_error_matches (error, G_TLS_ERROR, G_TLS_ERROR_BAD_CERTIFICATE_PASSWORD) ||
      g_error_matches (error, G_TLS_ERROR, G_TLS_ERROR_CERTIFICATE_REQUIRED))
    return g_error_new (REMPART_FETCH_ERROR, REMPART_FETCH_ERROR_NETWORK,
                        _ ("Could not download %s: the server could not prove it is the site "
                           "it claims to be (its security certificate is not valid: expired, "
                           "or made for another site). Nothing was downloaded from it. Tell "
                           "your group’s moderators."),
                        where);

  if (error->domain == G_TLS_ERROR)
    return g_error_new (REMPART_FETCH_ERROR, REMPART_FETCH_ERROR_NETWORK,
                        _ ("Could not open a secure (https) connection to %s. If the address "
                           "your group gave you starts with “http://”, type it in full; "
                           "otherwise tell your group’s moderators that their server’s https "
                           "does not work."),
                        where);

  return g_error_new (REMPART_FETCH_ERROR, REMPART_FETCH_ERROR_NETWORK,
                      _ ("Could not download %s: %s. Check your internet connection and try "
                         "again later."),
                      where, error->message);
}

static GError *
too_large_error (FetchData *data)
{
  g_autofree char *where = rempart_fetch_uri_display (data->uri);
  g_autofree char *limit = g_format_size (data->max_body);

  if (data->stage == STAGE_SIGNATURE)
    return g_error_new (REMPART_FETCH_ERROR, REMPART_FETCH_ERROR_TOO_LARGE,
                        _ ("The signature file %s is larger than %s, which no minisign "
                           "signature is. Tell the group’s moderators."),
                        where, limit);

  return g_error_new (REMPART_FETCH_ERROR, REMPART_FETCH_ERROR_TOO_LARGE,
                      _ ("The feed %s is larger than %s, so Rempart did not download it. "
                         "Ask the group’s moderators to remove old actions from it."),
                      where, limit);
}

static void
return_error_step (GTask *task)
{
  FetchData *data = g_task_get_task_data (task);

  rempart_fetch_return_error (task, g_steal_pointer (&data->error));
}

void
rempart_fetch_return_result (GTask *task)
{
  FetchData *data = g_task_get_task_data (task);

  rempart_fetch_stop_timers (data);
  g_task_return_pointer (task, g_steal_pointer (&data->result),
                         (GDestroyNotify) rempart_fetch_result_unref);
}

static void
stream_closed_cb (GObject *object, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  FetchData *data = g_task_get_task_data (task);
  FetchStep step = g_steal_pointer (&data->after_close);

  /* The body was abandoned or fully read: a failed close changes nothing for us. */
  g_input_stream_close_finish (G_INPUT_STREAM (object), result, NULL);
  g_clear_object (&data->stream);
  g_clear_object (&data->msg);

  step (task);
}

/* Ends the current hop (letting libsoup drop the connection when the body was not read to
 * its end) and then runs @step. Closing before going on keeps every source of this fetch in
 * the main context it runs in, which fetch_sync() relies on. */
static void
finish_hop_then (GTask *task, FetchStep step)
{
  FetchData *data = g_task_get_task_data (task);

  if (data->stream == NULL)
    {
      g_clear_object (&data->msg);
      step (task);
      return;
    }

  data->after_close = step;
  g_input_stream_close_async (data->stream, G_PRIORITY_DEFAULT, NULL, stream_closed_cb,
                              g_object_ref (task));
}

static void
fail_hop (GTask *task, GError *error)
{
  FetchData *data = g_task_get_task_data (task);

  g_clear_error (&data->error);
  data->error = error;
  finish_hop_then (task, return_error_step);
}

/* ------------------------------------------------------------------------------------------ */
/* Completion of the feed                                                                     */
/* ------------------------------------------------------------------------------------------ */

/* Called once the feed's hops are over, with data->uri its final address. */
static void
feed_arrived (FetchData *data)
{
  data->feed_uri = g_uri_ref (data->uri);
  data->moved_permanently = data->n_redirects > 0 && data->all_permanent;
}

/* Callers store this address for good: only when every hop said "moved permanently", and
 * only for a feed that verified (or has no key to verify with). */
void
rempart_fetch_set_permanent_url (FetchData *data)
{
  if (data->moved_permanently)
    data->result->permanent_url = uri_to_url (data->feed_uri);
}

static void
feed_done_step (GTask *task)
{
  FetchData *data = g_task_get_task_data (task);

  data->result->body = g_byte_array_free_to_bytes (g_steal_pointer (&data->body));
  feed_arrived (data);

  if (data->public_key == NULL)
    {
      rempart_fetch_set_permanent_url (data);
      rempart_fetch_return_result (task);
      return;
    }

  /* Before the signature's download and check: the caller's work on the body runs beside
   * them, and is thrown away if the signature refuses it. */
  if (data->body_func != NULL)
    data->body_func (data->result->body, data->result->final_url, data->body_data);
  rempart_fetch_start_signature (task);
}

/* ------------------------------------------------------------------------------------------ */
/* Reading the body                                                                           */
/* ------------------------------------------------------------------------------------------ */

static void read_cb (GObject *object, GAsyncResult *result, gpointer user_data);

static void
read_next (GTask *task)
{
  FetchData *data = g_task_get_task_data (task);
  gsize len = data->body->len;

  /* Never ask for more than one byte past the cap: that byte is enough to refuse. */
  data->pending_read = MIN (READ_CHUNK_SIZE, data->max_body + 1 - len);
  g_byte_array_set_size (data->body, len + data->pending_read);
  g_input_stream_read_async (data->stream, data->body->data + len, data->pending_read,
                             G_PRIORITY_DEFAULT, data->cancellable, read_cb, g_object_ref (task));
}

static void
body_complete (GTask *task)
{
  FetchData *data = g_task_get_task_data (task);

  if (data->expected_length >= 0 && (goffset) data->body->len < data->expected_length)
    {
      g_autofree char *where = rempart_fetch_uri_display (data->uri);
      g_autofree char *got = g_format_size (data->body->len);
      g_autofree char *expected = g_format_size (data->expected_length);

      fail_hop (task, g_error_new (REMPART_FETCH_ERROR, REMPART_FETCH_ERROR_TRUNCATED,
                                   _ ("The download of %s stopped before the end (%s of %s "
                                      "arrived). Try again later."),
                                   where, got, expected));
      return;
    }

  finish_hop_then (task,
                   data->stage == STAGE_FEED ? feed_done_step : rempart_fetch_verify_signature);
}

static void
read_cb (GObject *object, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  FetchData *data = g_task_get_task_data (task);
  RempartFetcher *self = g_task_get_source_object (task);
  g_autoptr (GError) error = NULL;
  gssize n_read;

  n_read = g_input_stream_read_finish (G_INPUT_STREAM (object), result, &error);
  g_byte_array_set_size (data->body, data->body->len - data->pending_read + MAX (n_read, 0));
  data->pending_read = 0;
  data->received += MAX (n_read, 0);

  if (n_read < 0)
    {
      fail_hop (task, network_error (data, rempart_fetcher_get_session (self), error));
      return;
    }

  if (data->body->len > data->max_body)
    {
      fail_hop (task, too_large_error (data));
      return;
    }

  if (n_read == 0)
    {
      body_complete (task);
      return;
    }

  read_next (task);
}

/* ------------------------------------------------------------------------------------------ */
/* Responses                                                                                  */
/* ------------------------------------------------------------------------------------------ */

static void
follow_redirect_step (GTask *task)
{
  rempart_fetch_start_hop (task);
}

static void
handle_redirect (GTask *task)
{
  FetchData *data = g_task_get_task_data (task);
  guint status = soup_message_get_status (data->msg);
  const char *location = header (data->msg, "Location");
  g_autofree char *where = rempart_fetch_uri_display (data->uri);
  g_autoptr (GUri) target = NULL;

  if (data->n_redirects >= REMPART_FETCH_MAX_REDIRECTS)
    {
      fail_hop (task, g_error_new (REMPART_FETCH_ERROR, REMPART_FETCH_ERROR_TOO_MANY_REDIRECTS,
                                   ngettext ("%s redirects more than %d time, maybe in a loop. "
                                             "Ask the group’s moderators for the feed’s current "
                                             "address.",
                                             "%s redirects more than %d times, maybe in a loop. "
                                             "Ask the group’s moderators for the feed’s current "
                                             "address.",
                                             REMPART_FETCH_MAX_REDIRECTS),
                                   where, REMPART_FETCH_MAX_REDIRECTS));
      return;
    }

  if (location != NULL)
    target = g_uri_parse_relative (data->uri, location, SOUP_HTTP_URI_FLAGS, NULL);
  if (target == NULL)
    {
      fail_hop (task, g_error_new (REMPART_FETCH_ERROR, REMPART_FETCH_ERROR_HTTP,
                                   _ ("The server of %s redirects to an invalid address. Ask the "
                                      "group’s moderators for the feed’s current address."),
                                   where));
      return;
    }

  if (!rempart_fetch_uri_is_web (target))
    {
      fail_hop (task, g_error_new (REMPART_FETCH_ERROR, REMPART_FETCH_ERROR_INVALID_URL,
                                   _ ("The server of %s redirects to an address that is not a "
                                      "web address. Ask the group’s moderators for the feed’s "
                                      "current address."),
                                   where));
      return;
    }

  if (uri_is_https (data->uri) && !uri_is_https (target))
    {
      g_autofree char *to = rempart_fetch_uri_display (target);

      fail_hop (task, g_error_new (REMPART_FETCH_ERROR, REMPART_FETCH_ERROR_INSECURE_REDIRECT,
                                   _ ("The secure address %s redirects to the insecure address "
                                      "http://%s, which Rempart does not follow. Ask the group’s "
                                      "moderators to fix the feed’s address."),
                                   where, to));
      return;
    }

  data->n_redirects++;
  if (status != SOUP_STATUS_MOVED_PERMANENTLY && status != SOUP_STATUS_PERMANENT_REDIRECT)
    data->all_permanent = FALSE;
  g_clear_pointer (&data->uri, g_uri_unref);
  data->uri = g_steal_pointer (&target);

  finish_hop_then (task, follow_redirect_step);
}

/* A result without a body; the caller fills it in, then ends the hop. */
static RempartFetchResult *
status_result (FetchData *data, RempartFetchStatus status)
{
  g_clear_pointer (&data->result, rempart_fetch_result_unref);
  data->result = rempart_fetch_result_new (status, soup_message_get_status (data->msg));
  data->result->final_url = uri_to_url (data->uri);

  return data->result;
}

static void
handle_response (GTask *task)
{
  FetchData *data = g_task_get_task_data (task);
  SoupMessage *msg = data->msg;
  guint status = soup_message_get_status (msg);
  g_autofree char *where = rempart_fetch_uri_display (data->uri);

  if (is_redirect (status))
    {
      handle_redirect (task);
      return;
    }

  if (status == STATUS_TOO_MANY_REQUESTS || status == SOUP_STATUS_SERVICE_UNAVAILABLE)
    {
      gint64 retry_after = rempart_http_parse_retry_after (header (msg, "Retry-After"), NULL);

      if (retry_after < 0)
        retry_after = status == STATUS_TOO_MANY_REQUESTS ? REMPART_FETCH_DEFAULT_RETRY_AFTER_429
                                                         : REMPART_FETCH_DEFAULT_RETRY_AFTER_503;
      status_result (data, REMPART_FETCH_STATUS_RETRY_LATER)->retry_after = retry_after;
      finish_hop_then (task, rempart_fetch_return_result);
      return;
    }

  if (data->stage == STAGE_SIGNATURE &&
      (status == SOUP_STATUS_NOT_FOUND || status == SOUP_STATUS_GONE))
    {
      fail_hop (task, rempart_fetch_signature_error (data, NULL, NULL, FALSE));
      return;
    }

  if (data->stage == STAGE_FEED && status == SOUP_STATUS_GONE)
    {
      status_result (data, REMPART_FETCH_STATUS_GONE);
      finish_hop_then (task, rempart_fetch_return_result);
      return;
    }

  if (data->stage == STAGE_FEED && status == SOUP_STATUS_NOT_MODIFIED)
    {
      const char *etag = header (msg, "ETag");
      const char *last_modified = header (msg, "Last-Modified");
      RempartFetchResult *result = status_result (data, REMPART_FETCH_STATUS_NOT_MODIFIED);

      /* The validators to send next time: refreshed if the server sent them again. */
      result->etag = g_strdup (etag != NULL ? etag : data->etag);
      result->last_modified =
          g_strdup (last_modified != NULL ? last_modified : data->last_modified);
      /* With a key, nothing was verified: the caller keeps the address it has. */
      feed_arrived (data);
      if (data->public_key == NULL)
        rempart_fetch_set_permanent_url (data);
      finish_hop_then (task, rempart_fetch_return_result);
      return;
    }

  if (!SOUP_STATUS_IS_SUCCESSFUL (status))
    {
      const char *reason = soup_message_get_reason_phrase (msg);

      fail_hop (task,
                g_error_new (REMPART_FETCH_ERROR, REMPART_FETCH_ERROR_HTTP,
                             _ ("The server of %s answered “%u %s”. Check the "
                                "subscription’s address, or try again later."),
                             where, status,
                             reason != NULL && *reason != '\0' ? reason
                                                               : soup_status_get_phrase (status)));
      return;
    }

  data->expected_length = -1;
  if (soup_message_headers_get_encoding (soup_message_get_response_headers (msg)) ==
          SOUP_ENCODING_CONTENT_LENGTH &&
      is_identity_coded (msg))
    {
      data->expected_length =
          soup_message_headers_get_content_length (soup_message_get_response_headers (msg));

      /* Refuse before reading a byte. */
      if (data->expected_length > (goffset) data->max_body)
        {
          fail_hop (task, too_large_error (data));
          return;
        }
    }

  if (data->stage == STAGE_FEED)
    {
      data->result = rempart_fetch_result_new (REMPART_FETCH_STATUS_OK, status);
      data->result->etag = g_strdup (header (msg, "ETag"));
      data->result->last_modified = g_strdup (header (msg, "Last-Modified"));
      data->result->content_type = g_strdup (
          soup_message_headers_get_content_type (soup_message_get_response_headers (msg), NULL));
      data->result->final_url = uri_to_url (data->uri);
    }

  /* One allocation when the length is known: the buffer never grows past the cap + 1. */
  data->body = g_byte_array_sized_new (data->expected_length >= 0 ? data->expected_length + 1
                                                                  : READ_CHUNK_SIZE);
  read_next (task);
}

static void
send_cb (GObject *object, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  FetchData *data = g_task_get_task_data (task);
  g_autoptr (GError) error = NULL;

  data->stream = soup_session_send_finish (SOUP_SESSION (object), result, &error);
  if (data->stream == NULL)
    {
      fail_hop (task, network_error (data, SOUP_SESSION (object), error));
      return;
    }

  handle_response (task);
}

void
rempart_fetch_start_hop (GTask *task)
{
  RempartFetcher *self = g_task_get_source_object (task);
  FetchData *data = g_task_get_task_data (task);
  SoupMessageHeaders *headers;

  g_assert (data->msg == NULL && data->stream == NULL);

  data->msg = soup_message_new_from_uri (SOUP_METHOD_GET, data->uri);
  soup_message_add_flags (data->msg, SOUP_MESSAGE_NO_REDIRECT);
  headers = soup_message_get_request_headers (data->msg);

  if (data->stage == STAGE_FEED)
    {
      if (data->etag != NULL)
        soup_message_headers_replace (headers, "If-None-Match", data->etag);
      if (data->last_modified != NULL)
        soup_message_headers_replace (headers, "If-Modified-Since", data->last_modified);
    }

  soup_session_send_async (rempart_fetcher_get_session (self), data->msg, G_PRIORITY_DEFAULT,
                           data->cancellable, send_cb, g_object_ref (task));
}
