/* rempart-refresh.c: one refresh, subscription after subscription
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rempart-refresh-private.h"

#include "rempart-feed-parser.h"

/*
 * A refresh walks the subscriptions one after the other; RempartSync queues refreshes so
 * that only one runs at a time. Each run is a GTask whose source object is the
 * RempartRefresh and whose task data is its state (RefreshData). Per subscription:
 * decide whether to try at all (offline, Retry-After, ended, backoff), fetch, then either
 * import the feed (which saves the subscription in the same transaction, with its new
 * validators) or save only the bookkeeping. Nothing but an import ever touches the actions,
 * so every unhappy outcome keeps the volunteer's list as it was.
 */

/* ------------------------------------------------------------------------------------------ */
/* Structures                                                                                 */
/* ------------------------------------------------------------------------------------------ */

G_DEFINE_FINAL_TYPE (RempartRefresh, rempart_refresh, G_TYPE_OBJECT)

enum
{
  SUBSCRIPTION_CHANGED,
  NEW_ACTIONS,
  CHECKING,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void next_subscription (GTask *task);

/* ------------------------------------------------------------------------------------------ */
/* Helpers                                                                                    */
/* ------------------------------------------------------------------------------------------ */

static void
refresh_data_free (RefreshData *data)
{
  g_clear_pointer (&data->subs, g_ptr_array_unref);
  g_clear_pointer (&data->reports, g_ptr_array_unref);
  g_clear_pointer (&data->sub, rempart_subscription_free);
  g_clear_pointer (&data->imported, rempart_subscription_free);
  g_clear_pointer (&data->report, rempart_sync_report_free);
  g_clear_pointer (&data->fetched, rempart_fetch_result_unref);
  g_clear_pointer (&data->known, g_hash_table_unref);
  g_clear_pointer (&data->scan, rempart_feed_scan_free);
  g_clear_error (&data->body_error);
  g_clear_pointer (&data->stepped_body, g_bytes_unref);
  g_clear_object (&data->fetch_result);
  g_free (data);
}

static gint64
real_now (gpointer user_data)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

/* Ends the run @task with @reports or @error (takes either). */
void
rempart_refresh_return (GTask *task, GPtrArray *reports, GError *error)
{
  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, reports, (GDestroyNotify) g_ptr_array_unref);
}

/* ------------------------------------------------------------------------------------------ */
/* Bookkeeping                                                                                */
/* ------------------------------------------------------------------------------------------ */

static void
update_cb (GObject *object, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  RempartRefresh *self = g_task_get_source_object (task);
  RefreshData *data = g_task_get_task_data (task);
  g_autoptr (GError) error = NULL;
  gint64 id = data->sub->id;

  if (!rempart_store_update_subscription_finish (REMPART_STORE (object), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          rempart_refresh_return (task, NULL, g_steal_pointer (&error));
          return;
        }

      rempart_refresh_report_set (data, REMPART_SYNC_OUTCOME_FAILED, g_strdup (error->message));
      rempart_refresh_add_report (data);
      next_subscription (task);
      return;
    }

  rempart_refresh_report_describe_data (data, data->sub);
  rempart_refresh_add_report (data);
  g_signal_emit (self, signals[SUBSCRIPTION_CHANGED], 0, id);
  next_subscription (task);
}

/* Saves data->sub's bookkeeping (never its validators: those only come with an import). */
void
rempart_refresh_save_bookkeeping (GTask *task)
{
  RempartRefresh *self = g_task_get_source_object (task);
  RefreshData *data = g_task_get_task_data (task);

  rempart_store_update_subscription_async (self->store, data->sub, g_task_get_cancellable (task),
                                           update_cb, g_object_ref (task));
}

/* ------------------------------------------------------------------------------------------ */
/* Import                                                                                     */
/* ------------------------------------------------------------------------------------------ */

/* The import (and the keys it brought) are saved: report, tell, go on. */
static void
import_done (GTask *task)
{
  RempartRefresh *self = g_task_get_source_object (task);
  RefreshData *data = g_task_get_task_data (task);
  gint64 id = data->sub->id;
  guint added = data->report->stats.added;

  rempart_refresh_report_describe_data (data, data->imported);
  rempart_refresh_add_report (data);

  g_signal_emit (self, signals[SUBSCRIPTION_CHANGED], 0, id);
  if (added > 0)
    g_signal_emit (self, signals[NEW_ACTIONS], 0, id, added);
  next_subscription (task);
}

static void
keys_cb (GObject *object, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  RefreshData *data = g_task_get_task_data (task);
  g_autoptr (GError) error = NULL;

  if (!rempart_store_set_subscription_keys_finish (REMPART_STORE (object), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          rempart_refresh_return (task, NULL, g_steal_pointer (&error));
          return;
        }
      /* The actions are saved; the key is decided again by the group's next publication. */
      rempart_refresh_report_set (
          data, REMPART_SYNC_OUTCOME_FAILED,
          g_strdup_printf (_ ("The new actions of %s were saved, but not the group’s new key "
                              "(%s). Rempart will try again when the group next publishes."),
                           rempart_refresh_display_name (data->sub), error->message));
    }
  import_done (task);
}

void
rempart_refresh_import_cb (GObject *object, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  RempartRefresh *self = g_task_get_source_object (task);
  RefreshData *data = g_task_get_task_data (task);
  g_autoptr (GError) error = NULL;
  RempartImportStats stats = { 0 };
  gint64 id = data->sub->id;

  if (!rempart_store_import_feed_finish (REMPART_STORE (object), result, &stats, &error))
    {
      g_autofree char *what = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          rempart_refresh_return (task, NULL, g_steal_pointer (&error));
          return;
        }

      /* Nothing was written: save the failure on the subscription as it was. */
      what = g_strdup_printf (_ ("Rempart could not save the new actions of %s (%s). The actions "
                                 "already there are kept."),
                              rempart_refresh_display_name (data->sub), error->message);
      rempart_refresh_record_failure (data, REMPART_SYNC_OUTCOME_FAILED, what);
      rempart_refresh_save_bookkeeping (task);
      return;
    }

  data->report->stats = stats;
  rempart_refresh_report_set (data, REMPART_SYNC_OUTCOME_UPDATED,
                              rempart_refresh_updated_message (data, &stats));

  /* A verified feed announced the group's next key, or was signed with it. */
  if (g_strcmp0 (data->imported->public_key, data->sub->public_key) != 0 ||
      g_strcmp0 (data->imported->next_public_key, data->sub->next_public_key) != 0)
    {
      rempart_store_set_subscription_keys_async (
          self->store, id, data->imported->public_key, data->imported->public_key,
          data->imported->next_public_key, g_task_get_cancellable (task), keys_cb,
          g_object_ref (task));
      return;
    }
  import_done (task);
}

/* ------------------------------------------------------------------------------------------ */
/* Fetch                                                                                      */
/* ------------------------------------------------------------------------------------------ */

static void
handle_status (GTask *task, RempartFetchResult *fetched)
{
  RefreshData *data = g_task_get_task_data (task);
  RempartSubscription *sub = data->sub;
  g_autofree char *when = NULL;

  switch (rempart_fetch_result_get_status (fetched))
    {
      case REMPART_FETCH_STATUS_OK:
        rempart_refresh_handle_body (task, fetched);
        return;

      case REMPART_FETCH_STATUS_NOT_MODIFIED:
        rempart_refresh_record_success (sub, data->now);
        if (rempart_subscription_is_stale (sub, data->now))
          {
            g_autofree char *note = rempart_refresh_stale_note (sub, data->now);

            rempart_refresh_report_set (
                data, REMPART_SYNC_OUTCOME_NOT_MODIFIED,
                g_strdup_printf (_ ("%s: no changes since the last check. %s"),
                                 rempart_refresh_display_name (sub), note));
          }
        else
          {
            rempart_refresh_report_set (data, REMPART_SYNC_OUTCOME_NOT_MODIFIED,
                                        g_strdup_printf (_ ("%s: no changes since the last check."),
                                                         rempart_refresh_display_name (sub)));
          }
        break;

      case REMPART_FETCH_STATUS_RETRY_LATER:
        /* The server's own wait, not a failure of ours: no exponential backoff on top. */
        sub->last_check = data->now;
        sub->retry_after = data->now + rempart_fetch_result_get_retry_after (fetched);
        sub->next_check = sub->retry_after;
        when = rempart_refresh_format_time (data->now, sub->retry_after);
        g_free (sub->last_error);
        sub->last_error = g_strdup_printf (_ ("The server of %s is busy or limits how often feeds "
                                              "are downloaded. Rempart will try again at %s."),
                                           rempart_refresh_display_name (sub), when);
        sub->failure_kind = REMPART_CHECK_FAILURE_OTHER;
        rempart_refresh_report_set (data, REMPART_SYNC_OUTCOME_RETRY_LATER,
                                    g_strdup (sub->last_error));
        break;

      case REMPART_FETCH_STATUS_GONE:
        sub->last_check = data->now;
        sub->ended = TRUE;
        sub->failures = 0;
        sub->next_check = 0;
        sub->retry_after = 0;
        g_free (sub->last_error);
        sub->last_error = g_strdup_printf (
            _ ("The group has taken %s down for good. Rempart will no longer check it and keeps "
               "the "
               "actions already downloaded. Refresh it by hand if the group publishes it again, "
               "or remove the subscription."),
            rempart_refresh_display_name (sub));
        sub->failure_kind = REMPART_CHECK_FAILURE_OTHER;
        rempart_refresh_report_set (data, REMPART_SYNC_OUTCOME_GONE, g_strdup (sub->last_error));
        break;

      default:
        g_assert_not_reached ();
    }

  rempart_refresh_save_bookkeeping (task);
}

void
rempart_refresh_fetch_done (GTask *task, GAsyncResult *result)
{
  RempartRefresh *self = g_task_get_source_object (task);
  RefreshData *data = g_task_get_task_data (task);
  g_autoptr (RempartFetchResult) fetched = NULL;
  g_autoptr (GError) error = NULL;

  fetched = rempart_fetcher_fetch_finish (self->fetcher, result, &error);
  if (fetched == NULL || rempart_fetch_result_get_status (fetched) != REMPART_FETCH_STATUS_OK)
    rempart_refresh_drop_body_steps (data);
  if (fetched != NULL)
    {
      handle_status (task, fetched);
      return;
    }

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      rempart_refresh_return (task, NULL, g_steal_pointer (&error));
      return;
    }

  /* The fetcher's messages already say what failed, where, and what to do. */
  rempart_refresh_record_failure (
      data,
      g_error_matches (error, REMPART_FETCH_ERROR, REMPART_FETCH_ERROR_SIGNATURE)
          ? REMPART_SYNC_OUTCOME_BAD_SIGNATURE
          : REMPART_SYNC_OUTCOME_FAILED,
      error->message);
  /* An address that is not one, or a server answering with an error status ("404 Not
   * Found"): the volunteer can correct the address. */
  if (g_error_matches (error, REMPART_FETCH_ERROR, REMPART_FETCH_ERROR_INVALID_URL) ||
      g_error_matches (error, REMPART_FETCH_ERROR, REMPART_FETCH_ERROR_HTTP))
    data->sub->failure_kind = REMPART_CHECK_FAILURE_ADDRESS;
  rempart_refresh_save_bookkeeping (task);
}

/* The fetch is over. If the steps before the parse started as the body came, they are
 * finished first (body_step_done): nothing of this subscription is left running when the
 * refresh goes on, whatever the fetch says. */
static void
fetch_cb (GObject *object, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  RefreshData *data = g_task_get_task_data (task);

  if (data->body_steps > 0)
    {
      data->fetch_result = g_object_ref (result);
      return;
    }
  rempart_refresh_fetch_done (task, result);
}

/* ------------------------------------------------------------------------------------------ */
/* One subscription                                                                           */
/* ------------------------------------------------------------------------------------------ */

/* Starts the refresh of data->sub; returns FALSE when it ended at once (skipped, or the
 * pinned key is unusable), with data->report complete. */
static gboolean
refresh_one (GTask *task)
{
  RempartRefresh *self = g_task_get_source_object (task);
  RefreshData *data = g_task_get_task_data (task);
  RempartSubscription *sub = data->sub;
  g_autoptr (RempartMinisignPublicKey) key = NULL;
  g_autoptr (RempartMinisignPublicKey) next_key = NULL;
  RempartFetchRequest request = { 0 };

  data->now = self->now_func (self->now_data);
  data->report = rempart_sync_report_new (sub->id);

  if (rempart_refresh_skip_reason (data, g_network_monitor_get_network_available (self->monitor)))
    {
      if (data->report != NULL)
        rempart_refresh_report_describe_data (data, sub);
      rempart_refresh_add_report (data);
      return FALSE;
    }

  if (sub->public_key != NULL)
    {
      g_autoptr (GError) error = NULL;

      key = rempart_minisign_public_key_parse (sub->public_key, (gsize) -1, &error);
      if (key == NULL)
        {
          g_autofree char *what = g_strdup_printf (
              _ ("The key saved for %s cannot be read (%s). Ask your group for the right key and "
                 "subscribe again."),
              rempart_refresh_display_name (sub), error->message);

          rempart_refresh_record_failure (data, REMPART_SYNC_OUTCOME_BAD_SIGNATURE, what);
          rempart_refresh_save_bookkeeping (task);
          return TRUE;
        }
    }

  g_signal_emit (self, signals[CHECKING], 0, sub->id);

  request.url = sub->url;
  request.etag = sub->etag;
  request.last_modified = sub->last_modified;
  request.public_key = key;
  /* An unreadable next key only means the rotation waits for a feed that names it again. */
  if (key != NULL && sub->next_public_key != NULL)
    next_key = rempart_minisign_public_key_parse (sub->next_public_key, (gsize) -1, NULL);
  request.next_public_key = next_key;
  /* The fetch holds the task until it is over: no reference of its own. */
  request.body_func = rempart_refresh_body_arrived;
  request.body_data = task;
  rempart_fetcher_fetch_async (self->fetcher, &request, g_task_get_cancellable (task), fetch_cb,
                               g_object_ref (task));
  return TRUE;
}

/* Refreshes the next subscription, or ends the refresh after the last one. */
static void
next_subscription (GTask *task)
{
  RefreshData *data = g_task_get_task_data (task);

  while (data->index < data->subs->len)
    {
      const RempartSubscription *sub = g_ptr_array_index (data->subs, data->index++);
      GError *error = NULL;

      if (g_cancellable_set_error_if_cancelled (g_task_get_cancellable (task), &error))
        {
          rempart_refresh_return (task, NULL, error);
          return;
        }

      data->sub = rempart_subscription_copy (sub);
      if (refresh_one (task))
        return;
    }

  rempart_refresh_return (task, g_steal_pointer (&data->reports), NULL);
}

static void
list_cb (GObject *object, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  RefreshData *data = g_task_get_task_data (task);
  g_autoptr (GPtrArray) subs = NULL;
  GError *error = NULL;

  subs = rempart_store_list_subscriptions_finish (REMPART_STORE (object), result, &error);
  if (subs == NULL)
    {
      rempart_refresh_return (task, NULL, error);
      return;
    }

  if (data->subscription_id != 0)
    {
      RempartSubscription *found = NULL;

      for (guint i = 0; i < subs->len && found == NULL; i++)
        {
          RempartSubscription *sub = g_ptr_array_index (subs, i);

          if (sub->id == data->subscription_id)
            found = rempart_subscription_copy (sub);
        }

      if (found == NULL)
        {
          rempart_refresh_return (
              task, NULL,
              g_error_new (REMPART_STORE_ERROR, REMPART_STORE_ERROR_NOT_FOUND,
                           _ ("This subscription no longer exists: it was removed.")));
          return;
        }

      g_ptr_array_set_size (subs, 0);
      g_ptr_array_add (subs, found);
    }

  data->subs = g_steal_pointer (&subs);
  next_subscription (task);
}

/* ------------------------------------------------------------------------------------------ */
/* GObject                                                                                    */
/* ------------------------------------------------------------------------------------------ */

static void
rempart_refresh_dispose (GObject *object)
{
  RempartRefresh *self = REMPART_REFRESH (object);

  g_clear_object (&self->monitor);
  g_clear_object (&self->fetcher);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (rempart_refresh_parent_class)->dispose (object);
}

static void
rempart_refresh_class_init (RempartRefreshClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rempart_refresh_dispose;

  /**
   * RempartRefresh::subscription-changed:
   * @id: the subscription
   *
   * The outcome of the refresh of subscription @id was saved (its bookkeeping, and its
   * actions when it was an import). Skips save nothing and emit nothing.
   */
  signals[SUBSCRIPTION_CHANGED] =
      g_signal_new ("subscription-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                    NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  /**
   * RempartRefresh::new-actions:
   * @id: the subscription
   * @count: how many actions the import added
   *
   * An import added actions to subscription @id (emitted after ::subscription-changed).
   */
  signals[NEW_ACTIONS] =
      g_signal_new ("new-actions", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                    NULL, G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_UINT);

  /**
   * RempartRefresh::checking:
   * @id: the subscription
   *
   * The refresh starts downloading subscription @id (skipped ones are not announced). It
   * is on @id until the next ::checking or the end of the run.
   */
  signals[CHECKING] = g_signal_new ("checking", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                    NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
}

static void
rempart_refresh_init (RempartRefresh *self)
{
}

/* ------------------------------------------------------------------------------------------ */
/* Public API                                                                                 */
/* ------------------------------------------------------------------------------------------ */

RempartRefresh *
rempart_refresh_new (RempartStore *store,
                     RempartFetcher *fetcher,
                     GNetworkMonitor *monitor,
                     RempartSyncClockFunc now_func,
                     gpointer now_data)
{
  RempartRefresh *self;

  g_return_val_if_fail (REMPART_IS_STORE (store), NULL);
  g_return_val_if_fail (REMPART_IS_FETCHER (fetcher), NULL);
  g_return_val_if_fail (monitor == NULL || G_IS_NETWORK_MONITOR (monitor), NULL);

  self = g_object_new (REMPART_TYPE_REFRESH, NULL);
  self->store = g_object_ref (store);
  self->fetcher = g_object_ref (fetcher);
  self->monitor = g_object_ref (monitor != NULL ? monitor : g_network_monitor_get_default ());
  self->now_func = now_func != NULL ? now_func : real_now;
  self->now_data = now_func != NULL ? now_data : NULL;

  return self;
}

void
rempart_refresh_run_async (RempartRefresh *self,
                           gint64 subscription_id,
                           gboolean manual,
                           GCancellable *cancellable,
                           GAsyncReadyCallback callback,
                           gpointer user_data)
{
  g_autoptr (GTask) task = NULL;
  RefreshData *data;

  g_return_if_fail (REMPART_IS_REFRESH (self));
  g_return_if_fail (subscription_id >= 0);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, rempart_refresh_run_async);

  data = g_new0 (RefreshData, 1);
  data->subscription_id = subscription_id;
  data->manual = manual;
  data->reports = g_ptr_array_new_with_free_func ((GDestroyNotify) rempart_sync_report_free);
  g_task_set_task_data (task, data, (GDestroyNotify) refresh_data_free);

  rempart_store_list_subscriptions_async (self->store, cancellable, list_cb,
                                          g_steal_pointer (&task));
}

GPtrArray *
rempart_refresh_run_finish (RempartRefresh *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (REMPART_IS_REFRESH (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == rempart_refresh_run_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
