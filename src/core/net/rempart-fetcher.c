/* rempart-fetcher.c
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rempart-feed-parser.h"
#include "rempart-fetcher-private.h"
#include "rempart-http.h"

/* One constant for "how big may a feed be", whichever layer checks it. */
G_STATIC_ASSERT (REMPART_FETCH_MAX_BODY == REMPART_FEED_MAX_SIZE);

/* ------------------------------------------------------------------------------------------ */
/* Structures                                                                                 */
/* ------------------------------------------------------------------------------------------ */

struct _RempartFetcher
{
  GObject parent_instance;

  SoupSession *session;
  guint deadline;
  guint min_rate;
  guint rate_window;
};

G_DEFINE_FINAL_TYPE (RempartFetcher, rempart_fetcher, G_TYPE_OBJECT)

/* Written out rather than G_DEFINE_QUARK: clang-format reads the quark's name as a
 * subtraction and spaces it out, which changes the registered name. */
GQuark
rempart_fetch_error_quark (void)
{
  return g_quark_from_static_string ("rempart-fetch-error-quark");
}

/* ------------------------------------------------------------------------------------------ */
/* Helpers                                                                                    */
/* ------------------------------------------------------------------------------------------ */

static void
fetch_data_free (FetchData *data)
{
  g_free (data->etag);
  g_free (data->last_modified);
  g_clear_pointer (&data->public_key, rempart_minisign_public_key_unref);
  g_clear_pointer (&data->next_public_key, rempart_minisign_public_key_unref);
  g_clear_pointer (&data->uri, g_uri_unref);
  g_clear_pointer (&data->feed_uri, g_uri_unref);
  g_clear_object (&data->msg);
  g_clear_object (&data->stream);
  g_clear_pointer (&data->body, g_byte_array_unref);
  g_clear_error (&data->error);
  g_clear_pointer (&data->result, rempart_fetch_result_unref);
  rempart_fetch_stop_timers (data);
  if (data->caller_cancellable != NULL)
    g_cancellable_disconnect (data->caller_cancellable, data->caller_handler);
  g_clear_object (&data->caller_cancellable);
  g_clear_object (&data->cancellable);
  g_clear_error (&data->slow_error);
  g_free (data);
}

/* Stops the fetch because it is too slow: @error says why, and replaces the cancellation
 * that the pending request or read will end with. */
static void
stop_too_slow (FetchData *data, GError *error)
{
  rempart_fetch_stop_timers (data);
  if (data->slow_error == NULL)
    data->slow_error = error;
  else
    g_error_free (error);
  g_cancellable_cancel (data->cancellable);
}

static char *
current_host (FetchData *data)
{
  const char *host = g_uri_get_host (data->uri);

  return g_strdup (host != NULL ? host : "?");
}

/* ------------------------------------------------------------------------------------------ */
/* Callbacks                                                                                  */
/* ------------------------------------------------------------------------------------------ */

static void
caller_cancelled_cb (GCancellable *caller, gpointer user_data)
{
  g_cancellable_cancel (G_CANCELLABLE (user_data));
}

static gboolean
deadline_cb (gpointer user_data)
{
  FetchData *data = g_task_get_task_data (G_TASK (user_data));
  g_autofree char *host = current_host (data);

  stop_too_slow (data, g_error_new (REMPART_FETCH_ERROR, REMPART_FETCH_ERROR_TOO_SLOW,
                                    g_dngettext (GETTEXT_PACKAGE,
                                                 "The server at %s did not finish sending the "
                                                 "feed within %u second, so Rempart stopped "
                                                 "waiting. Tell the group’s moderators if this "
                                                 "goes on.",
                                                 "The server at %s did not finish sending the "
                                                 "feed within %u seconds, so Rempart stopped "
                                                 "waiting. Tell the group’s moderators if this "
                                                 "goes on.",
                                                 data->deadline),
                                    host, data->deadline));
  return G_SOURCE_REMOVE;
}

/* Once per window: fewer bytes than the minimum rate over the whole window ends the fetch,
 * whether the server is slow to answer or to send. */
static gboolean
rate_cb (gpointer user_data)
{
  FetchData *data = g_task_get_task_data (G_TASK (user_data));
  guint64 in_window = data->received - data->received_at_window;
  g_autofree char *host = NULL;
  g_autofree char *rate = NULL;

  data->received_at_window = data->received;
  if (in_window >= (guint64) data->min_rate * data->rate_window)
    return G_SOURCE_CONTINUE;

  host = current_host (data);
  rate = g_format_size (data->min_rate);
  /* Translators: the second %s is a size, “1.0 kB” */
  stop_too_slow (data, g_error_new (REMPART_FETCH_ERROR, REMPART_FETCH_ERROR_TOO_SLOW,
                                    _ ("The server at %s sent too slowly (less than %s a "
                                       "second), so Rempart stopped waiting. Tell the group’s "
                                       "moderators if this goes on."),
                                    host, rate));
  return G_SOURCE_REMOVE;
}

static GSource *
add_timer (GTask *task, guint interval_ms, GSourceFunc func)
{
  GSource *source = g_timeout_source_new (interval_ms);

  g_source_set_callback (source, func, task, NULL);
  g_source_set_static_name (source, "[rempart] fetch deadline");
  g_source_attach (source, g_main_context_get_thread_default ());
  return source;
}

static void
sync_done_cb (GObject *object, GAsyncResult *result, gpointer user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

/* ------------------------------------------------------------------------------------------ */
/* Overrides                                                                                  */
/* ------------------------------------------------------------------------------------------ */

static void
rempart_fetcher_dispose (GObject *object)
{
  RempartFetcher *self = REMPART_FETCHER (object);

  g_clear_object (&self->session);

  G_OBJECT_CLASS (rempart_fetcher_parent_class)->dispose (object);
}

static void
rempart_fetcher_class_init (RempartFetcherClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rempart_fetcher_dispose;
}

static void
rempart_fetcher_init (RempartFetcher *self)
{
  self->session = rempart_http_session_new ();
  self->deadline = REMPART_FETCH_DEADLINE;
  self->min_rate = REMPART_FETCH_MIN_RATE;
  self->rate_window = REMPART_FETCH_RATE_WINDOW;
}

/* ------------------------------------------------------------------------------------------ */
/* For the other parts of the fetcher                                                         */
/* ------------------------------------------------------------------------------------------ */

void
rempart_fetch_stop_timers (FetchData *data)
{
  if (data->deadline_source != NULL)
    g_source_destroy (data->deadline_source);
  g_clear_pointer (&data->deadline_source, g_source_unref);
  if (data->rate_source != NULL)
    g_source_destroy (data->rate_source);
  g_clear_pointer (&data->rate_source, g_source_unref);
}

void
rempart_fetch_return_error (GTask *task, GError *error)
{
  FetchData *data = g_task_get_task_data (task);

  rempart_fetch_stop_timers (data);
  if (data->slow_error != NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) &&
      !g_cancellable_is_cancelled (data->caller_cancellable))
    {
      g_error_free (error);
      error = g_error_copy (data->slow_error);
    }

  g_task_return_error (task, error);
}

/* ------------------------------------------------------------------------------------------ */
/* Public API: RempartFetcher                                                                 */
/* ------------------------------------------------------------------------------------------ */

RempartFetcher *
rempart_fetcher_new (void)
{
  return g_object_new (REMPART_TYPE_FETCHER, NULL);
}

/* Returns: (transfer none): the session every request of @self goes through */
SoupSession *
rempart_fetcher_get_session (RempartFetcher *self)
{
  g_return_val_if_fail (REMPART_IS_FETCHER (self), NULL);

  return self->session;
}

/* Changes the I/O timeout (default REMPART_HTTP_TIMEOUT); call it before fetching. */
void
rempart_fetcher_set_timeout (RempartFetcher *self, guint timeout_seconds)
{
  g_return_if_fail (REMPART_IS_FETCHER (self));

  rempart_http_session_set_timeout (self->session, timeout_seconds);
}

/* Changes the deadline of a whole fetch (default REMPART_FETCH_DEADLINE), 0 for none. */
void
rempart_fetcher_set_deadline (RempartFetcher *self, guint deadline_seconds)
{
  g_return_if_fail (REMPART_IS_FETCHER (self));

  self->deadline = deadline_seconds;
}

/* Changes the minimum rate (default REMPART_FETCH_MIN_RATE bytes a second, measured over
 * windows of REMPART_FETCH_RATE_WINDOW seconds); 0 for either means no minimum. */
void
rempart_fetcher_set_min_rate (RempartFetcher *self, guint bytes_per_second, guint window_seconds)
{
  g_return_if_fail (REMPART_IS_FETCHER (self));

  self->min_rate = bytes_per_second;
  self->rate_window = window_seconds;
}

/*
 * rempart_fetcher_fetch_async:
 * @request: what to fetch; copied
 *
 * Downloads a feed (conditionally when @request has validators), following up to
 * REMPART_FETCH_MAX_REDIRECTS redirects by hand, and, when @request has a public key, its
 * signature at the final address + ".minisig", which must verify. See RempartFetchStatus
 * for the outcomes that are not errors and RempartFetchError for those that are.
 */
void
rempart_fetcher_fetch_async (RempartFetcher *self,
                             const RempartFetchRequest *request,
                             GCancellable *cancellable,
                             GAsyncReadyCallback callback,
                             gpointer user_data)
{
  g_autoptr (GTask) task = NULL;
  g_autoptr (GUri) uri = NULL;
  FetchData *data;

  g_return_if_fail (REMPART_IS_FETCHER (self));
  g_return_if_fail (request != NULL);
  g_return_if_fail (request->url != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, rempart_fetcher_fetch_async);

  uri = g_uri_parse (request->url, SOUP_HTTP_URI_FLAGS, NULL);
  if (uri == NULL || !rempart_fetch_uri_is_web (uri))
    {
      g_task_return_new_error (
          task, REMPART_FETCH_ERROR, REMPART_FETCH_ERROR_INVALID_URL,
          _ ("“%s” is not a web address Rempart can download a feed from. "
             "Check the subscription’s address: it must start with https:// or http://."),
          request->url);
      return;
    }

  data = g_new0 (FetchData, 1);
  data->etag = g_strdup (request->etag);
  data->last_modified = g_strdup (request->last_modified);
  if (request->public_key != NULL)
    data->public_key = rempart_minisign_public_key_ref (request->public_key);
  if (request->public_key != NULL && request->next_public_key != NULL)
    data->next_public_key = rempart_minisign_public_key_ref (request->next_public_key);
  data->body_func = request->body_func;
  data->body_data = request->body_data;
  data->stage = STAGE_FEED;
  data->uri = g_steal_pointer (&uri);
  data->all_permanent = TRUE;
  data->max_body = REMPART_FETCH_MAX_BODY;
  data->cancellable = g_cancellable_new ();
  data->deadline = self->deadline;
  data->min_rate = self->min_rate;
  data->rate_window = self->rate_window;
  g_task_set_task_data (task, data, (GDestroyNotify) fetch_data_free);

  if (cancellable != NULL)
    {
      data->caller_cancellable = g_object_ref (cancellable);
      data->caller_handler = g_cancellable_connect (cancellable, G_CALLBACK (caller_cancelled_cb),
                                                    data->cancellable, NULL);
    }
  if (data->deadline > 0)
    data->deadline_source = add_timer (task, data->deadline * 1000, deadline_cb);
  if (data->min_rate > 0 && data->rate_window > 0)
    data->rate_source = add_timer (task, data->rate_window * 1000, rate_cb);

  rempart_fetch_start_hop (task);
}

/* Returns: (transfer full): the result, or %NULL with @error set */
RempartFetchResult *
rempart_fetcher_fetch_finish (RempartFetcher *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (REMPART_IS_FETCHER (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == rempart_fetcher_fetch_async,
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/*
 * rempart_fetcher_fetch_sync:
 *
 * The same fetch as rempart_fetcher_fetch_async(), run to its end on a private main
 * context, for the command-line tool: both share one code path (not libsoup's blocking API),
 * so they behave the same. Blocks the calling thread; never call it from the main thread of
 * a running application.
 */
RempartFetchResult *
rempart_fetcher_fetch_sync (RempartFetcher *self,
                            const RempartFetchRequest *request,
                            GCancellable *cancellable,
                            GError **error)
{
  g_autoptr (GMainContext) context = g_main_context_new ();
  g_autoptr (GAsyncResult) async_result = NULL;
  RempartFetchResult *result;

  g_return_val_if_fail (REMPART_IS_FETCHER (self), NULL);
  g_return_val_if_fail (request != NULL, NULL);

  g_main_context_push_thread_default (context);

  rempart_fetcher_fetch_async (self, request, cancellable, sync_done_cb, &async_result);
  while (async_result == NULL)
    g_main_context_iteration (context, TRUE);

  result = rempart_fetcher_fetch_finish (self, async_result, error);

  /* Let libsoup finish with the connection's sources before the context goes away. */
  while (g_main_context_pending (context))
    g_main_context_iteration (context, FALSE);

  g_main_context_pop_thread_default (context);

  return result;
}
