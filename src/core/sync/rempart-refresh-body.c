/* rempart-refresh-body.c: a 200's body, from its scan to the start of its import
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rempart-refresh-private.h"

#include "rempart-feed-parser.h"
#include "rempart-workers.h"

/*
 * Before its parse, a body takes two steps at the same time: the store reads the hashes of
 * the items it holds while a worker thread scans the body. For a signed feed they start as
 * soon as the body is whole, while the fetcher checks its signature
 * (rempart_refresh_body_arrived); nothing is parsed before the fetch has accepted the body.
 * Then the parse, in a worker thread, the check of its sequence number and the import
 * (parse_cb; rempart_refresh_import_cb in rempart-refresh.c goes on once it is saved).
 */

/* What the scan and parse threads read: their own references, nothing the main thread
 * touches. */
typedef struct
{
  GBytes *body;
  char *display_name;
  RempartFeedScan *scan; /* for the parse */
  GHashTable *known;     /* item hash → action id, of the actions already imported */
} ParseData;

static void
parse_data_free (ParseData *data)
{
  g_clear_pointer (&data->body, g_bytes_unref);
  g_free (data->display_name);
  g_clear_pointer (&data->scan, rempart_feed_scan_free);
  g_clear_pointer (&data->known, g_hash_table_unref);
  g_free (data);
}

/* Parsing a large feed takes a few hundred milliseconds: never on the main thread. */
static void
parse_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  ParseData *data = task_data;
  GError *error = NULL;
  RempartFeed *feed;

  if (g_task_return_error_if_cancelled (task))
    return;

  /* The items already imported are not read again: most syncs change a few. */
  feed = rempart_feed_scan_parse (data->scan, data->known, &error);
  if (feed != NULL)
    g_task_return_pointer (task, feed, g_object_unref);
  else
    g_task_return_error (task, error);
}

/* A 200, parsed: check the sequence number, import. */
static void
parse_cb (GObject *object, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  RempartRefresh *self = g_task_get_source_object (task);
  RefreshData *data = g_task_get_task_data (task);
  RempartSubscription *sub = data->sub;
  g_autoptr (RempartFetchResult) fetched = g_steal_pointer (&data->fetched);
  gboolean is_signed = rempart_fetch_result_get_signed (fetched);
  const char *permanent_url = rempart_fetch_result_get_permanent_url (fetched);
  g_autoptr (RempartFeed) feed = NULL;
  g_autoptr (GError) error = NULL;
  RempartSubscription *imported;
  GDateTime *expires;
  gint64 seq;

  feed = g_task_propagate_pointer (G_TASK (result), &error);
  if (feed == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      rempart_refresh_return (task, NULL, g_steal_pointer (&error));
      return;
    }

  if (feed == NULL)
    {
      g_autofree char *problem = rempart_refresh_as_sentence (error->message);
      g_autofree char *what =
          g_strdup_printf (_ ("%s The actions already there are kept."), problem);

      rempart_refresh_record_failure (data, REMPART_SYNC_OUTCOME_REJECTED, what);
      rempart_refresh_save_bookkeeping (task);
      return;
    }

  /* The store refuses a rollback too, but only we can tell the volunteer why. An unsigned
   * feed's seq proves nothing, so only a verified one is compared. */
  seq = rempart_feed_get_seq (feed);
  if (is_signed && sub->last_seq >= 0 && seq < sub->last_seq)
    {
      g_autofree char *what = g_strdup_printf (
          _ ("%s sent an older version of its list (number %lld, but Rempart already has number "
             "%lld). Someone may be sending an old copy on purpose, so Rempart kept the actions it "
             "has. Tell your group’s moderators if this goes on."),
          rempart_refresh_display_name (sub), (long long) seq, (long long) sub->last_seq);

      rempart_refresh_record_failure (data, REMPART_SYNC_OUTCOME_ROLLBACK, what);
      rempart_refresh_save_bookkeeping (task);
      return;
    }

  imported = data->imported = rempart_subscription_copy (sub);
  rempart_refresh_record_success (imported, data->now);
  if (permanent_url != NULL)
    {
      g_free (imported->url);
      imported->url = g_strdup (permanent_url);
    }
  g_free (imported->etag);
  imported->etag = g_strdup (rempart_fetch_result_get_etag (fetched));
  g_free (imported->last_modified);
  imported->last_modified = g_strdup (rempart_fetch_result_get_last_modified (fetched));
  if (is_signed)
    imported->last_seq = MAX (sub->last_seq, seq);
  expires = rempart_feed_get_expires (feed);
  imported->expires = expires != NULL ? g_date_time_to_unix (expires) : 0;
  if (rempart_feed_get_title (feed) != NULL)
    {
      g_free (imported->title);
      imported->title = g_strdup (rempart_feed_get_title (feed));
    }
  imported->is_signed = is_signed;
  rempart_refresh_rotate_keys (sub, imported, fetched, feed);

  rempart_store_import_feed_async (self->store, imported, feed, g_task_get_cancellable (task),
                                   rempart_refresh_import_cb, g_object_ref (task));
}

/* Runs @func on @data in a worker thread named @name, then @callback on this thread. No
 * source object: the thread may drop the last reference to the task, and with it to its
 * source, which must not be the refresh (nor what it holds: the store, the fetcher). */
static void
run_worker (GTask *task,
            const char *name,
            ParseData *data,
            GTaskThreadFunc func,
            GAsyncReadyCallback callback)
{
  g_autoptr (GTask) worker = NULL;

  worker = g_task_new (NULL, g_task_get_cancellable (task), callback, g_object_ref (task));
  g_task_set_source_tag (worker, run_worker);
  g_task_set_name (worker, name);
  g_task_set_task_data (worker, data, (GDestroyNotify) parse_data_free);
  rempart_workers_run_in_thread (worker, func);
}

/* What the steps before the parse left, dropped: the fetch refused the body, or the body
 * the steps started on is not the one the fetch returned. */
void
rempart_refresh_drop_body_steps (RefreshData *data)
{
  g_clear_pointer (&data->known, g_hash_table_unref);
  g_clear_pointer (&data->scan, rempart_feed_scan_free);
  g_clear_pointer (&data->stepped_body, g_bytes_unref);
  g_clear_error (&data->body_error);
}

/* Both steps before the parse are done, and the fetch accepted the body: parse in a worker
 * thread, then go on in parse_cb on this thread. */
static void
parse_body (GTask *task)
{
  RefreshData *data = g_task_get_task_data (task);
  ParseData *parse_data;

  g_clear_pointer (&data->stepped_body, g_bytes_unref);
  if (data->body_error != NULL)
    {
      g_clear_pointer (&data->known, g_hash_table_unref);
      g_clear_pointer (&data->scan, rempart_feed_scan_free);
      rempart_refresh_return (task, NULL, g_steal_pointer (&data->body_error));
      return;
    }

  parse_data = g_new0 (ParseData, 1);
  parse_data->scan = g_steal_pointer (&data->scan);
  parse_data->known = g_steal_pointer (&data->known);
  run_worker (task, "rempart-refresh-parse", parse_data, parse_thread, parse_cb);
}

/* One step before the parse is done. After the last: the fetch's result, if it came
 * meanwhile (fetch_cb), or the parse, if the fetch is over; otherwise the fetch is still
 * checking the signature, and fetch_cb goes on. */
static void
body_step_done (GTask *task)
{
  RefreshData *data = g_task_get_task_data (task);

  if (--data->body_steps > 0)
    return;

  if (data->fetch_result != NULL)
    {
      g_autoptr (GAsyncResult) result = g_steal_pointer (&data->fetch_result);

      rempart_refresh_fetch_done (task, result);
      return;
    }
  if (data->fetched != NULL)
    parse_body (task);
}

/* The hashes of the items already imported are in. */
static void
hashes_cb (GObject *object, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  RefreshData *data = g_task_get_task_data (task);
  g_autoptr (GError) error = NULL;

  data->known = rempart_store_list_item_hashes_finish (REMPART_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) && data->body_error == NULL)
    data->body_error = g_steal_pointer (&error);
  /* Without them every item is read: slower, never wrong. */
  body_step_done (task);
}

/* The byte checks, the scan of the items and their hashes need no known hashes: they run
 * while the store reads them. */
static void
scan_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  ParseData *data = task_data;

  if (g_task_return_error_if_cancelled (task))
    return;
  g_task_return_pointer (task, rempart_feed_scan_new (data->body, data->display_name),
                         (GDestroyNotify) rempart_feed_scan_free);
}

static void
scan_cb (GObject *object, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  RefreshData *data = g_task_get_task_data (task);
  g_autoptr (GError) error = NULL;

  data->scan = g_task_propagate_pointer (G_TASK (result), &error);
  if (data->scan == NULL && data->body_error == NULL)
    data->body_error = g_steal_pointer (&error);
  body_step_done (task);
}

/* Reads the hashes of the items already imported and scans @body at the same time
 * (hashes_cb, scan_cb), then goes on in body_step_done. */
static void
start_body_steps (GTask *task, GBytes *body, const char *final_url)
{
  RempartRefresh *self = g_task_get_source_object (task);
  RefreshData *data = g_task_get_task_data (task);
  ParseData *scan_data;

  data->body_steps = 2;
  data->stepped_body = g_bytes_ref (body);
  rempart_store_list_item_hashes_async (self->store, data->sub->id, g_task_get_cancellable (task),
                                        hashes_cb, g_object_ref (task));

  scan_data = g_new0 (ParseData, 1);
  scan_data->body = g_bytes_ref (body);
  scan_data->display_name = g_strdup (final_url != NULL ? final_url : data->sub->url);
  run_worker (task, "rempart-refresh-scan", scan_data, scan_thread, scan_cb);
}

/* A signed feed's body is whole and its signature is yet to be checked
 * (RempartFetchRequest.body_func): the steps before the parse start now, beside the check,
 * and whatever the fetch says waits for them (fetch_cb). The scan is made for hostile bytes;
 * nothing is parsed or imported before the signature is accepted. */
void
rempart_refresh_body_arrived (GBytes *body, const char *final_url, gpointer user_data)
{
  GTask *task = user_data;
  RefreshData *data = g_task_get_task_data (task);

  /* A body read again (a publish in progress) waits for the fetch's result: the steps of
   * the first one are running or done, and rempart_refresh_handle_body() sees they are not
   * its own. */
  if (data->stepped_body == NULL && data->body_steps == 0)
    start_body_steps (task, body, final_url);
}

/* A 200: parse, once the steps before the parse are done (already, when they started as
 * the body came and on the same bytes). */
void
rempart_refresh_handle_body (GTask *task, RempartFetchResult *fetched)
{
  RefreshData *data = g_task_get_task_data (task);
  GBytes *body = rempart_fetch_result_get_body (fetched);

  data->fetched = rempart_fetch_result_ref (fetched);
  if (data->stepped_body != NULL && data->stepped_body == body)
    {
      parse_body (task);
      return;
    }

  rempart_refresh_drop_body_steps (data);
  start_body_steps (task, body, rempart_fetch_result_get_final_url (fetched));
}
