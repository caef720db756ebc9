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
  g_clear_pointer (&data->uri, g_uri_unref);
  g_clear_pointer (&data->feed_uri, g_uri_unref);
  g_clear_object (&data->msg);
  g_clear_object (&data->stream);
  g_clear_pointer (&data->body, g_byte_array_unref);
  g_clear_error (&data->error);
  g_clear_pointer (&data->result, rempart_fetch_result_unref);
  g_free (data);
}

/* ------------------------------------------------------------------------------------------ */
/* Callbacks                                                                                  */
/* ------------------------------------------------------------------------------------------ */

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
  data->stage = STAGE_FEED;
  data->uri = g_steal_pointer (&uri);
  data->all_permanent = TRUE;
  data->max_body = REMPART_FETCH_MAX_BODY;
  g_task_set_task_data (task, data, (GDestroyNotify) fetch_data_free);

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
