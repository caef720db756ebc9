/* rempart-sync.c
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rempart-sync.h"

/*
 * RempartSync ties the fetcher, the feed parser and the store together. A refresh
 * (RempartRefresh, rempart-refresh.c) walks the subscriptions one after the other: never two
 * downloads at once, as the store has one writer thread anyway and a volunteer follows a
 * handful of feeds. Refreshes are queued here so that two never touch the same subscription
 * at the same time; each gets its own RempartRefresh, whose signals become ours. This file
 * also owns the periodic and "back online" refreshes.
 */

/* ------------------------------------------------------------------------------------------ */
/* Structures                                                                                 */
/* ------------------------------------------------------------------------------------------ */

struct _RempartSync
{
  GObject parent_instance;

  RempartStore *store;
  RempartFetcher *fetcher;
  GNetworkMonitor *monitor;
  gboolean online;

  /* Handed to each refresh; NULL for the real clock. */
  RempartSyncClockFunc now_func;
  gpointer now_data;

  /* Refreshes run one at a time: @running, then the queue's GTasks in order. Each GTask's
   * data is its QueuedRefresh. */
  GTask *running;
  GQueue queue;
  /* The running refresh's own cancellable (rempart_sync_cancel_refresh()), and the
   * subscription it is downloading. */
  GCancellable *run_cancellable;
  gulong run_handler;
  gint64 checking;

  /* Automatic refreshes, between rempart_sync_start() and rempart_sync_stop(). */
  guint interval_id;
  guint debounce_id;
  GCancellable *auto_cancellable;
  gboolean auto_pending;
};

/* What rempart_sync_refresh_async() was asked, until the refresh runs. */
typedef struct
{
  gint64 subscription_id;
  gboolean manual;
} QueuedRefresh;

G_DEFINE_FINAL_TYPE (RempartSync, rempart_sync, G_TYPE_OBJECT)

enum
{
  SUBSCRIPTION_CHANGED,
  NEW_ACTIONS,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

enum
{
  PROP_0,
  PROP_CHECKING_SUBSCRIPTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ------------------------------------------------------------------------------------------ */
/* The queue                                                                                  */
/* ------------------------------------------------------------------------------------------ */

static void run_next (RempartSync *self);

static void
refresh_subscription_changed_cb (RempartRefresh *refresh, gint64 id, RempartSync *self)
{
  g_signal_emit (self, signals[SUBSCRIPTION_CHANGED], 0, id);
}

static void
set_checking (RempartSync *self, gint64 id)
{
  if (self->checking == id)
    return;

  self->checking = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHECKING_SUBSCRIPTION]);
}

static void
refresh_checking_cb (RempartRefresh *refresh, gint64 id, RempartSync *self)
{
  set_checking (self, id);
}

static void
refresh_new_actions_cb (RempartRefresh *refresh, gint64 id, guint count, RempartSync *self)
{
  g_signal_emit (self, signals[NEW_ACTIONS], 0, id, count);
}

/* Ends the running refresh with its reports or error, then starts the next one. */
static void
refresh_done_cb (GObject *object, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  RempartSync *self = g_task_get_source_object (task);
  g_autoptr (GTask) running = g_steal_pointer (&self->running);
  GPtrArray *reports;
  GError *error = NULL;

  g_assert (running == task);
  if (self->run_handler != 0)
    g_cancellable_disconnect (g_task_get_cancellable (task), self->run_handler);
  self->run_handler = 0;
  g_clear_object (&self->run_cancellable);
  set_checking (self, 0);

  reports = rempart_refresh_run_finish (REMPART_REFRESH (object), result, &error);
  if (reports == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, reports, (GDestroyNotify) g_ptr_array_unref);

  run_next (self);
}

static void
link_cancel_cb (GCancellable *caller, gpointer user_data)
{
  g_cancellable_cancel (G_CANCELLABLE (user_data));
}

static void
run_next (RempartSync *self)
{
  while (self->running == NULL && !g_queue_is_empty (&self->queue))
    {
      GTask *task = g_queue_pop_head (&self->queue);
      QueuedRefresh *queued = g_task_get_task_data (task);
      g_autoptr (RempartRefresh) refresh = NULL;

      if (g_task_return_error_if_cancelled (task))
        {
          g_object_unref (task);
          continue;
        }

      /* A new one each time: it takes the clock as it is now. */
      refresh = rempart_refresh_new (self->store, self->fetcher, self->monitor, self->now_func,
                                     self->now_data);
      g_signal_connect_object (refresh, "subscription-changed",
                               G_CALLBACK (refresh_subscription_changed_cb), self, 0);
      g_signal_connect_object (refresh, "new-actions", G_CALLBACK (refresh_new_actions_cb), self,
                               0);
      g_signal_connect_object (refresh, "checking", G_CALLBACK (refresh_checking_cb), self, 0);

      self->running = task;
      self->run_cancellable = g_cancellable_new ();
      if (g_task_get_cancellable (task) != NULL)
        self->run_handler =
            g_cancellable_connect (g_task_get_cancellable (task), G_CALLBACK (link_cancel_cb),
                                   g_object_ref (self->run_cancellable), g_object_unref);
      rempart_refresh_run_async (refresh, queued->subscription_id, queued->manual,
                                 self->run_cancellable, refresh_done_cb, g_object_ref (task));
    }
}

/* ------------------------------------------------------------------------------------------ */
/* Automatic refreshes                                                                        */
/* ------------------------------------------------------------------------------------------ */

static void
automatic_done_cb (GObject *object, GAsyncResult *result, gpointer user_data)
{
  RempartSync *self = REMPART_SYNC (object);
  g_autoptr (GCancellable) cancellable = user_data;
  g_autoptr (GPtrArray) reports = NULL;
  g_autoptr (GError) error = NULL;

  /* Not when this is one that rempart_sync_stop() abandoned before a new start. */
  if (cancellable == self->auto_cancellable)
    self->auto_pending = FALSE;
  reports = rempart_sync_refresh_finish (self, result, &error);

  /* Per-subscription outcomes went out as ::subscription-changed; this is the store
   * failing to list the subscriptions, which the next attempt may not fix either. */
  if (reports == NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_warning ("Automatic refresh failed: %s", error->message);
}

static void
start_automatic_refresh (RempartSync *self)
{
  if (self->auto_cancellable == NULL || self->auto_pending ||
      !g_network_monitor_get_network_available (self->monitor))
    return;

  self->auto_pending = TRUE;
  rempart_sync_refresh_async (self, 0, FALSE, self->auto_cancellable, automatic_done_cb,
                              g_object_ref (self->auto_cancellable));
}

static gboolean
interval_cb (gpointer user_data)
{
  start_automatic_refresh (REMPART_SYNC (user_data));
  return G_SOURCE_CONTINUE;
}

static gboolean
debounce_cb (gpointer user_data)
{
  RempartSync *self = REMPART_SYNC (user_data);

  self->debounce_id = 0;
  start_automatic_refresh (self);
  return G_SOURCE_REMOVE;
}

static void
network_changed_cb (GNetworkMonitor *monitor, gboolean available, RempartSync *self)
{
  gboolean was_online = self->online;

  self->online = available;
  if (!available)
    {
      g_clear_handle_id (&self->debounce_id, g_source_remove);
      return;
    }

  if (was_online || self->interval_id == 0)
    return;

  g_clear_handle_id (&self->debounce_id, g_source_remove);
  self->debounce_id = g_timeout_add_seconds (REMPART_SYNC_ONLINE_DEBOUNCE, debounce_cb, self);
}

/* ------------------------------------------------------------------------------------------ */
/* GObject                                                                                    */
/* ------------------------------------------------------------------------------------------ */

static void
rempart_sync_dispose (GObject *object)
{
  RempartSync *self = REMPART_SYNC (object);

  rempart_sync_stop (self);
  if (self->monitor != NULL)
    g_signal_handlers_disconnect_by_func (self->monitor, network_changed_cb, self);
  g_clear_object (&self->monitor);
  g_clear_object (&self->fetcher);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (rempart_sync_parent_class)->dispose (object);
}

static void
rempart_sync_finalize (GObject *object)
{
  RempartSync *self = REMPART_SYNC (object);

  /* Every queued refresh holds a reference to us. */
  g_assert (self->running == NULL);
  g_assert (g_queue_is_empty (&self->queue));

  G_OBJECT_CLASS (rempart_sync_parent_class)->finalize (object);
}

static void
rempart_sync_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  RempartSync *self = REMPART_SYNC (object);

  switch (prop_id)
    {
      case PROP_CHECKING_SUBSCRIPTION:
        g_value_set_int64 (value, self->checking);
        break;

      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rempart_sync_class_init (RempartSyncClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rempart_sync_dispose;
  object_class->finalize = rempart_sync_finalize;
  object_class->get_property = rempart_sync_get_property;

  /**
   * RempartSync:checking-subscription:
   *
   * The id of the subscription the running refresh is downloading, 0 when none is.
   */
  properties[PROP_CHECKING_SUBSCRIPTION] =
      g_param_spec_int64 ("checking-subscription", NULL, NULL, 0, G_MAXINT64, 0,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RempartSync::subscription-changed:
   * @id: the subscription
   *
   * The outcome of a refresh of subscription @id was saved (its bookkeeping, and its
   * actions when it was an import): reload what you show of it.
   */
  signals[SUBSCRIPTION_CHANGED] =
      g_signal_new ("subscription-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                    NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  /**
   * RempartSync::new-actions:
   * @id: the subscription
   * @count: how many actions the import added
   *
   * An import added actions to subscription @id (emitted after ::subscription-changed).
   */
  signals[NEW_ACTIONS] =
      g_signal_new ("new-actions", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                    NULL, G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_UINT);
}

static void
rempart_sync_init (RempartSync *self)
{
  g_queue_init (&self->queue);
}

/* ------------------------------------------------------------------------------------------ */
/* Public API                                                                                 */
/* ------------------------------------------------------------------------------------------ */

/*
 * rempart_sync_new:
 * @monitor: (nullable): the network monitor to follow; %NULL for the default one
 */
RempartSync *
rempart_sync_new (RempartStore *store, RempartFetcher *fetcher, GNetworkMonitor *monitor)
{
  RempartSync *self;

  g_return_val_if_fail (REMPART_IS_STORE (store), NULL);
  g_return_val_if_fail (REMPART_IS_FETCHER (fetcher), NULL);
  g_return_val_if_fail (monitor == NULL || G_IS_NETWORK_MONITOR (monitor), NULL);

  self = g_object_new (REMPART_TYPE_SYNC, NULL);
  self->store = g_object_ref (store);
  self->fetcher = g_object_ref (fetcher);
  self->monitor = g_object_ref (monitor != NULL ? monitor : g_network_monitor_get_default ());
  self->online = g_network_monitor_get_network_available (self->monitor);
  g_signal_connect (self->monitor, "network-changed", G_CALLBACK (network_changed_cb), self);

  return self;
}

/*
 * rempart_sync_set_clock:
 * @now_func: (nullable): returns the current time in Unix seconds; %NULL for the real clock
 *
 * For tests: the time used for every decision and every saved time.
 */
void
rempart_sync_set_clock (RempartSync *self, RempartSyncClockFunc now_func, gpointer user_data)
{
  g_return_if_fail (REMPART_IS_SYNC (self));

  /* NULL is the refresh's real clock. */
  self->now_func = now_func;
  self->now_data = now_func != NULL ? user_data : NULL;
}

void
rempart_sync_refresh_async (RempartSync *self,
                            gint64 subscription_id,
                            gboolean manual,
                            GCancellable *cancellable,
                            GAsyncReadyCallback callback,
                            gpointer user_data)
{
  g_autoptr (GTask) task = NULL;
  QueuedRefresh *queued;

  g_return_if_fail (REMPART_IS_SYNC (self));
  g_return_if_fail (subscription_id >= 0);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, rempart_sync_refresh_async);

  queued = g_new0 (QueuedRefresh, 1);
  queued->subscription_id = subscription_id;
  queued->manual = manual;
  g_task_set_task_data (task, queued, g_free);

  g_queue_push_tail (&self->queue, g_steal_pointer (&task));
  run_next (self);
}

GPtrArray *
rempart_sync_refresh_finish (RempartSync *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (REMPART_IS_SYNC (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == rempart_sync_refresh_async,
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
rempart_sync_start (RempartSync *self, guint interval_seconds)
{
  g_return_if_fail (REMPART_IS_SYNC (self));
  g_return_if_fail (interval_seconds > 0);

  rempart_sync_stop (self);
  self->auto_cancellable = g_cancellable_new ();
  self->interval_id = g_timeout_add_seconds (interval_seconds, interval_cb, self);
  start_automatic_refresh (self);
}

/* Stops the timer and cancels an automatic refresh under way; manual ones go on. */
void
rempart_sync_stop (RempartSync *self)
{
  g_return_if_fail (REMPART_IS_SYNC (self));

  g_clear_handle_id (&self->interval_id, g_source_remove);
  g_clear_handle_id (&self->debounce_id, g_source_remove);
  if (self->auto_cancellable != NULL)
    g_cancellable_cancel (self->auto_cancellable);
  g_clear_object (&self->auto_cancellable);
  self->auto_pending = FALSE;
}

/* Returns: the subscription being downloaded, 0 when none is */
gint64
rempart_sync_get_checking_subscription (RempartSync *self)
{
  g_return_val_if_fail (REMPART_IS_SYNC (self), 0);

  return self->checking;
}

/*
 * rempart_sync_cancel_refresh:
 *
 * Stops the running refresh, if any: it ends with %G_IO_ERROR_CANCELLED, and the
 * subscription it was on is neither saved nor counted as a failure. Queued refreshes run
 * afterwards as usual.
 */
void
rempart_sync_cancel_refresh (RempartSync *self)
{
  g_return_if_fail (REMPART_IS_SYNC (self));

  if (self->run_cancellable != NULL)
    g_cancellable_cancel (self->run_cancellable);
}

gboolean
rempart_sync_is_running (RempartSync *self)
{
  g_return_val_if_fail (REMPART_IS_SYNC (self), FALSE);

  return self->interval_id != 0;
}
