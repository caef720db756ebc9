/* rempart-store-api.c: the store's calls, each an async/finish/sync trio over one job
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rempart-store-private.h"

/*
 * Nothing here touches SQLite: each call copies its arguments into job data (the caller's
 * may be gone by the time the worker runs it) and hands it to rempart_store_push() or
 * rempart_store_run_sync(). The jobs live in rempart-store-{subscriptions,actions,user}.c.
 */

/* -------------------------------------------------------------------------------------- */
/* Helpers                                                                                */
/* -------------------------------------------------------------------------------------- */

static RempartStoreKeyData *
key_data_new (const char *subscription_url, const char *action_id)
{
  RempartStoreKeyData *key = g_new0 (RempartStoreKeyData, 1);

  key->subscription_url = g_strdup (subscription_url);
  key->action_id = g_strdup (action_id);
  return key;
}

static RempartSubscription *
sub_data_new (const char *url, const char *public_key, gint64 id)
{
  RempartSubscription *sub = g_new0 (RempartSubscription, 1);

  sub->id = id;
  sub->url = g_strdup (url);
  sub->public_key = g_strdup (public_key);
  sub->last_seq = -1;
  return sub;
}

static RempartStoreImportData *
import_data_new (const RempartSubscription *sub, RempartFeed *feed)
{
  RempartStoreImportData *data = g_new0 (RempartStoreImportData, 1);

  data->sub = rempart_subscription_copy (sub);
  data->feed = g_object_ref (feed);
  return data;
}

#define SUB_FREE    ((GDestroyNotify) rempart_subscription_free)
#define KEY_FREE    ((GDestroyNotify) rempart_store_key_data_free)
#define IMPORT_FREE ((GDestroyNotify) rempart_store_import_data_free)
#define ARRAY_FREE  ((GDestroyNotify) g_ptr_array_unref)

/* -------------------------------------------------------------------------------------- */
/* Subscriptions                                                                          */
/* -------------------------------------------------------------------------------------- */

void
rempart_store_add_subscription_async (RempartStore *self,
                                      const char *url,
                                      const char *public_key,
                                      GCancellable *cancellable,
                                      GAsyncReadyCallback callback,
                                      gpointer user_data)
{
  g_return_if_fail (REMPART_IS_STORE (self));
  g_return_if_fail (url != NULL);

  rempart_store_push (self, rempart_store_add_subscription_async, cancellable, callback, user_data,
                      rempart_store_add_sub_job, sub_data_new (url, public_key, 0), SUB_FREE,
                      SUB_FREE);
}

RempartSubscription *
rempart_store_add_subscription_finish (RempartStore *self, GAsyncResult *result, GError **error)
{
  return rempart_store_finish_pointer (self, result, rempart_store_add_subscription_async, error);
}

RempartSubscription *
rempart_store_add_subscription_sync (RempartStore *self,
                                     const char *url,
                                     const char *public_key,
                                     GError **error)
{
  gpointer sub = NULL;

  g_return_val_if_fail (REMPART_IS_STORE (self), NULL);
  g_return_val_if_fail (url != NULL, NULL);

  if (!rempart_store_run_sync (self, rempart_store_add_sub_job, sub_data_new (url, public_key, 0),
                               SUB_FREE, &sub, error))
    return NULL;
  return sub;
}

RempartSubscription *
rempart_store_add_bundled_subscription_sync (RempartStore *self,
                                             const char *url,
                                             const char *public_key,
                                             GError **error)
{
  RempartSubscription *data;
  gpointer sub = NULL;

  g_return_val_if_fail (REMPART_IS_STORE (self), NULL);
  g_return_val_if_fail (url != NULL, NULL);

  data = sub_data_new (url, public_key, 0);
  data->is_bundled = TRUE;
  if (!rempart_store_run_sync (self, rempart_store_add_sub_job, data, SUB_FREE, &sub, error))
    return NULL;
  return sub;
}

void
rempart_store_list_subscriptions_async (RempartStore *self,
                                        GCancellable *cancellable,
                                        GAsyncReadyCallback callback,
                                        gpointer user_data)
{
  g_return_if_fail (REMPART_IS_STORE (self));

  rempart_store_push (self, rempart_store_list_subscriptions_async, cancellable, callback,
                      user_data, rempart_store_list_subs_job, NULL, NULL, ARRAY_FREE);
}

GPtrArray *
rempart_store_list_subscriptions_finish (RempartStore *self, GAsyncResult *result, GError **error)
{
  return rempart_store_finish_pointer (self, result, rempart_store_list_subscriptions_async, error);
}

GPtrArray *
rempart_store_list_subscriptions_sync (RempartStore *self, GError **error)
{
  gpointer subs = NULL;

  g_return_val_if_fail (REMPART_IS_STORE (self), NULL);

  if (!rempart_store_run_sync (self, rempart_store_list_subs_job, NULL, NULL, &subs, error))
    return NULL;
  return subs;
}

void
rempart_store_update_subscription_async (RempartStore *self,
                                         const RempartSubscription *sub,
                                         GCancellable *cancellable,
                                         GAsyncReadyCallback callback,
                                         gpointer user_data)
{
  g_return_if_fail (REMPART_IS_STORE (self));
  g_return_if_fail (sub != NULL);

  rempart_store_push (self, rempart_store_update_subscription_async, cancellable, callback,
                      user_data, rempart_store_update_sub_job, rempart_subscription_copy (sub),
                      SUB_FREE, NULL);
}

gboolean
rempart_store_update_subscription_finish (RempartStore *self, GAsyncResult *result, GError **error)
{
  return rempart_store_finish_boolean (self, result, rempart_store_update_subscription_async,
                                       error);
}

gboolean
rempart_store_update_subscription_sync (RempartStore *self,
                                        const RempartSubscription *sub,
                                        GError **error)
{
  g_return_val_if_fail (REMPART_IS_STORE (self), FALSE);
  g_return_val_if_fail (sub != NULL, FALSE);

  return rempart_store_run_sync (self, rempart_store_update_sub_job,
                                 rempart_subscription_copy (sub), SUB_FREE, NULL, error);
}

void
rempart_store_remove_subscription_async (RempartStore *self,
                                         gint64 subscription_id,
                                         GCancellable *cancellable,
                                         GAsyncReadyCallback callback,
                                         gpointer user_data)
{
  g_return_if_fail (REMPART_IS_STORE (self));

  rempart_store_push (self, rempart_store_remove_subscription_async, cancellable, callback,
                      user_data, rempart_store_remove_sub_job,
                      sub_data_new (NULL, NULL, subscription_id), SUB_FREE, NULL);
}

gboolean
rempart_store_remove_subscription_finish (RempartStore *self, GAsyncResult *result, GError **error)
{
  return rempart_store_finish_boolean (self, result, rempart_store_remove_subscription_async,
                                       error);
}

gboolean
rempart_store_remove_subscription_sync (RempartStore *self, gint64 subscription_id, GError **error)
{
  g_return_val_if_fail (REMPART_IS_STORE (self), FALSE);

  return rempart_store_run_sync (self, rempart_store_remove_sub_job,
                                 sub_data_new (NULL, NULL, subscription_id), SUB_FREE, NULL, error);
}

/* -------------------------------------------------------------------------------------- */
/* Import and actions                                                                     */
/* -------------------------------------------------------------------------------------- */

void
rempart_store_import_feed_async (RempartStore *self,
                                 const RempartSubscription *sub,
                                 RempartFeed *feed,
                                 GCancellable *cancellable,
                                 GAsyncReadyCallback callback,
                                 gpointer user_data)
{
  g_return_if_fail (REMPART_IS_STORE (self));
  g_return_if_fail (sub != NULL && sub->url != NULL);
  g_return_if_fail (REMPART_IS_FEED (feed));

  rempart_store_push (self, rempart_store_import_feed_async, cancellable, callback, user_data,
                      rempart_store_import_job, import_data_new (sub, feed), IMPORT_FREE, g_free);
}

gboolean
rempart_store_import_feed_finish (RempartStore *self,
                                  GAsyncResult *result,
                                  RempartImportStats *out_stats,
                                  GError **error)
{
  g_autofree RempartImportStats *stats =
      rempart_store_finish_pointer (self, result, rempart_store_import_feed_async, error);

  if (stats == NULL)
    return FALSE;
  if (out_stats != NULL)
    *out_stats = *stats;
  return TRUE;
}

gboolean
rempart_store_import_feed_sync (RempartStore *self,
                                const RempartSubscription *sub,
                                RempartFeed *feed,
                                RempartImportStats *out_stats,
                                GError **error)
{
  g_autofree RempartImportStats *stats = NULL;

  g_return_val_if_fail (REMPART_IS_STORE (self), FALSE);
  g_return_val_if_fail (sub != NULL && sub->url != NULL, FALSE);
  g_return_val_if_fail (REMPART_IS_FEED (feed), FALSE);

  if (!rempart_store_run_sync (self, rempart_store_import_job, import_data_new (sub, feed),
                               IMPORT_FREE, (gpointer *) &stats, error))
    return FALSE;
  if (out_stats != NULL)
    *out_stats = *stats;
  return TRUE;
}

/*
 * rempart_store_list_item_hashes_async:
 * @subscription_id: the subscription
 *
 * Reads the hash of the raw item each of the subscription's actions was read from, for
 * rempart_feed_parse_known(): the finish function returns a #GHashTable of item hash →
 * action id (free it with g_hash_table_unref()), empty when no action has one.
 */
void
rempart_store_list_item_hashes_async (RempartStore *self,
                                      gint64 subscription_id,
                                      GCancellable *cancellable,
                                      GAsyncReadyCallback callback,
                                      gpointer user_data)
{
  g_return_if_fail (REMPART_IS_STORE (self));

  rempart_store_push (self, rempart_store_list_item_hashes_async, cancellable, callback, user_data,
                      rempart_store_item_hashes_job,
                      g_memdup2 (&subscription_id, sizeof subscription_id), g_free,
                      (GDestroyNotify) g_hash_table_unref);
}

GHashTable *
rempart_store_list_item_hashes_finish (RempartStore *self, GAsyncResult *result, GError **error)
{
  return rempart_store_finish_pointer (self, result, rempart_store_list_item_hashes_async, error);
}

GHashTable *
rempart_store_list_item_hashes_sync (RempartStore *self, gint64 subscription_id, GError **error)
{
  GHashTable *hashes = NULL;

  g_return_val_if_fail (REMPART_IS_STORE (self), NULL);

  if (!rempart_store_run_sync (self, rempart_store_item_hashes_job,
                               g_memdup2 (&subscription_id, sizeof subscription_id), g_free,
                               (gpointer *) &hashes, error))
    return NULL;
  return hashes;
}

void
rempart_store_list_actions_async (RempartStore *self,
                                  RempartActionView view,
                                  GCancellable *cancellable,
                                  GAsyncReadyCallback callback,
                                  gpointer user_data)
{
  g_return_if_fail (REMPART_IS_STORE (self));
  g_return_if_fail (view <= REMPART_ACTION_VIEW_ALL);

  rempart_store_push (self, rempart_store_list_actions_async, cancellable, callback, user_data,
                      rempart_store_list_actions_job, GINT_TO_POINTER (view), NULL, ARRAY_FREE);
}

GPtrArray *
rempart_store_list_actions_finish (RempartStore *self, GAsyncResult *result, GError **error)
{
  return rempart_store_finish_pointer (self, result, rempart_store_list_actions_async, error);
}

void
rempart_store_list_action_rows_async (RempartStore *self,
                                      RempartActionView view,
                                      GCancellable *cancellable,
                                      GAsyncReadyCallback callback,
                                      gpointer user_data)
{
  g_return_if_fail (REMPART_IS_STORE (self));
  g_return_if_fail (view <= REMPART_ACTION_VIEW_ALL);

  rempart_store_push (self, rempart_store_list_action_rows_async, cancellable, callback, user_data,
                      rempart_store_list_actions_job,
                      GINT_TO_POINTER (view | REMPART_STORE_LIST_ROWS), NULL, ARRAY_FREE);
}

GPtrArray *
rempart_store_list_action_rows_finish (RempartStore *self, GAsyncResult *result, GError **error)
{
  return rempart_store_finish_pointer (self, result, rempart_store_list_action_rows_async, error);
}

void
rempart_store_list_action_rows_head_async (RempartStore *self,
                                           RempartActionView view,
                                           guint limit,
                                           GCancellable *cancellable,
                                           GAsyncReadyCallback callback,
                                           gpointer user_data)
{
  guint flags;

  g_return_if_fail (REMPART_IS_STORE (self));
  g_return_if_fail (view <= REMPART_ACTION_VIEW_ALL);
  g_return_if_fail (limit > 0 && limit <= REMPART_STORE_LIST_LIMIT_MAX);

  flags = view | REMPART_STORE_LIST_ROWS | (limit << REMPART_STORE_LIST_LIMIT_SHIFT);
  rempart_store_push (self, rempart_store_list_action_rows_head_async, cancellable, callback,
                      user_data, rempart_store_list_actions_job, GUINT_TO_POINTER (flags), NULL,
                      ARRAY_FREE);
}

GPtrArray *
rempart_store_list_action_rows_head_finish (RempartStore *self,
                                            GAsyncResult *result,
                                            GError **error)
{
  return rempart_store_finish_pointer (self, result, rempart_store_list_action_rows_head_async,
                                       error);
}

GPtrArray *
rempart_store_list_actions_sync (RempartStore *self, RempartActionView view, GError **error)
{
  gpointer list = NULL;

  g_return_val_if_fail (REMPART_IS_STORE (self), NULL);
  g_return_val_if_fail (view <= REMPART_ACTION_VIEW_ALL, NULL);

  if (!rempart_store_run_sync (self, rempart_store_list_actions_job, GINT_TO_POINTER (view), NULL,
                               &list, error))
    return NULL;
  return list;
}

void
rempart_store_get_feed_info_async (RempartStore *self,
                                   gint64 subscription_id,
                                   GCancellable *cancellable,
                                   GAsyncReadyCallback callback,
                                   gpointer user_data)
{
  g_return_if_fail (REMPART_IS_STORE (self));

  rempart_store_push (self, rempart_store_get_feed_info_async, cancellable, callback, user_data,
                      rempart_store_get_feed_info_job, sub_data_new (NULL, NULL, subscription_id),
                      SUB_FREE, (GDestroyNotify) rempart_feed_info_free);
}

RempartFeedInfo *
rempart_store_get_feed_info_finish (RempartStore *self, GAsyncResult *result, GError **error)
{
  return rempart_store_finish_pointer (self, result, rempart_store_get_feed_info_async, error);
}

RempartFeedInfo *
rempart_store_get_feed_info_sync (RempartStore *self, gint64 subscription_id, GError **error)
{
  gpointer info = NULL;

  g_return_val_if_fail (REMPART_IS_STORE (self), NULL);

  if (!rempart_store_run_sync (self, rempart_store_get_feed_info_job,
                               sub_data_new (NULL, NULL, subscription_id), SUB_FREE, &info, error))
    return NULL;
  return info;
}

/* -------------------------------------------------------------------------------------- */
/* State, events and drafts                                                               */
/* -------------------------------------------------------------------------------------- */

void
rempart_store_add_action_state_async (RempartStore *self,
                                      const char *subscription_url,
                                      const char *action_id,
                                      RempartActionState state,
                                      GCancellable *cancellable,
                                      GAsyncReadyCallback callback,
                                      gpointer user_data)
{
  RempartStoreKeyData *key;

  g_return_if_fail (REMPART_IS_STORE (self));
  g_return_if_fail (subscription_url != NULL && action_id != NULL);

  key = key_data_new (subscription_url, action_id);
  key->state = state;
  rempart_store_push (self, rempart_store_add_action_state_async, cancellable, callback, user_data,
                      rempart_store_add_state_job, key, KEY_FREE, NULL);
}

gboolean
rempart_store_add_action_state_finish (RempartStore *self, GAsyncResult *result, GError **error)
{
  return rempart_store_finish_boolean (self, result, rempart_store_add_action_state_async, error);
}

gboolean
rempart_store_add_action_state_sync (RempartStore *self,
                                     const char *subscription_url,
                                     const char *action_id,
                                     RempartActionState state,
                                     GError **error)
{
  RempartStoreKeyData *key;

  g_return_val_if_fail (REMPART_IS_STORE (self), FALSE);
  g_return_val_if_fail (subscription_url != NULL && action_id != NULL, FALSE);

  key = key_data_new (subscription_url, action_id);
  key->state = state;
  return rempart_store_run_sync (self, rempart_store_add_state_job, key, KEY_FREE, NULL, error);
}

gboolean
rempart_store_count_events_sync (RempartStore *self,
                                 RempartActionState kind,
                                 gint64 since,
                                 guint *out_count,
                                 GError **error)
{
  RempartStoreKeyData *key;
  g_autofree guint *count = NULL;

  g_return_val_if_fail (REMPART_IS_STORE (self), FALSE);

  key = key_data_new (NULL, NULL);
  key->state = kind;
  key->since = since;
  if (!rempart_store_run_sync (self, rempart_store_count_events_job, key, KEY_FREE,
                               (gpointer *) &count, error))
    return FALSE;
  if (out_count != NULL)
    *out_count = *count;
  return TRUE;
}

void
rempart_store_save_draft_async (RempartStore *self,
                                const RempartDraft *draft,
                                GCancellable *cancellable,
                                GAsyncReadyCallback callback,
                                gpointer user_data)
{
  RempartStoreKeyData *key;

  g_return_if_fail (REMPART_IS_STORE (self));
  g_return_if_fail (draft != NULL && draft->subscription_url != NULL && draft->action_id != NULL);

  key = key_data_new (NULL, NULL);
  key->draft = rempart_draft_copy (draft);
  rempart_store_push (self, rempart_store_save_draft_async, cancellable, callback, user_data,
                      rempart_store_save_draft_job, key, KEY_FREE, NULL);
}

gboolean
rempart_store_save_draft_finish (RempartStore *self, GAsyncResult *result, GError **error)
{
  return rempart_store_finish_boolean (self, result, rempart_store_save_draft_async, error);
}

gboolean
rempart_store_save_draft_sync (RempartStore *self, const RempartDraft *draft, GError **error)
{
  RempartStoreKeyData *key;

  g_return_val_if_fail (REMPART_IS_STORE (self), FALSE);
  g_return_val_if_fail (
      draft != NULL && draft->subscription_url != NULL && draft->action_id != NULL, FALSE);

  key = key_data_new (NULL, NULL);
  key->draft = rempart_draft_copy (draft);
  return rempart_store_run_sync (self, rempart_store_save_draft_job, key, KEY_FREE, NULL, error);
}

void
rempart_store_load_draft_async (RempartStore *self,
                                const char *subscription_url,
                                const char *action_id,
                                GCancellable *cancellable,
                                GAsyncReadyCallback callback,
                                gpointer user_data)
{
  g_return_if_fail (REMPART_IS_STORE (self));
  g_return_if_fail (subscription_url != NULL && action_id != NULL);

  rempart_store_push (self, rempart_store_load_draft_async, cancellable, callback, user_data,
                      rempart_store_load_draft_job, key_data_new (subscription_url, action_id),
                      KEY_FREE, (GDestroyNotify) rempart_draft_free);
}

RempartDraft *
rempart_store_load_draft_finish (RempartStore *self, GAsyncResult *result, GError **error)
{
  return rempart_store_finish_pointer (self, result, rempart_store_load_draft_async, error);
}

RempartDraft *
rempart_store_load_draft_sync (RempartStore *self,
                               const char *subscription_url,
                               const char *action_id,
                               GError **error)
{
  gpointer draft = NULL;

  g_return_val_if_fail (REMPART_IS_STORE (self), NULL);
  g_return_val_if_fail (subscription_url != NULL && action_id != NULL, NULL);

  if (!rempart_store_run_sync (self, rempart_store_load_draft_job,
                               key_data_new (subscription_url, action_id), KEY_FREE, &draft, error))
    return NULL;
  return draft;
}

/* -------------------------------------------------------------------------------------- */
/* User templates                                                                         */
/* -------------------------------------------------------------------------------------- */

GPtrArray *
rempart_store_list_user_templates_sync (RempartStore *self, GError **error)
{
  gpointer list = NULL;

  g_return_val_if_fail (REMPART_IS_STORE (self), NULL);

  if (!rempart_store_run_sync (self, rempart_store_list_templates_job, NULL, NULL, &list, error))
    return NULL;
  return list;
}

void
rempart_store_list_user_templates_async (RempartStore *self,
                                         GCancellable *cancellable,
                                         GAsyncReadyCallback callback,
                                         gpointer user_data)
{
  g_return_if_fail (REMPART_IS_STORE (self));

  rempart_store_push (self, rempart_store_list_user_templates_async, cancellable, callback,
                      user_data, rempart_store_list_templates_job, NULL, NULL, ARRAY_FREE);
}

GPtrArray *
rempart_store_list_user_templates_finish (RempartStore *self, GAsyncResult *result, GError **error)
{
  return rempart_store_finish_pointer (self, result, rempart_store_list_user_templates_async,
                                       error);
}

static RempartStoreKeyData *
template_data_new (const RempartUserTemplate *tmpl)
{
  RempartStoreKeyData *key = key_data_new (NULL, NULL);

  key->tmpl = rempart_user_template_copy (tmpl);
  return key;
}

gboolean
rempart_store_save_user_template_sync (RempartStore *self,
                                       const RempartUserTemplate *tmpl,
                                       GError **error)
{
  g_return_val_if_fail (REMPART_IS_STORE (self), FALSE);
  g_return_val_if_fail (tmpl != NULL && tmpl->id != NULL, FALSE);

  return rempart_store_run_sync (self, rempart_store_save_template_job, template_data_new (tmpl),
                                 KEY_FREE, NULL, error);
}

void
rempart_store_save_user_template_async (RempartStore *self,
                                        const RempartUserTemplate *tmpl,
                                        GCancellable *cancellable,
                                        GAsyncReadyCallback callback,
                                        gpointer user_data)
{
  g_return_if_fail (REMPART_IS_STORE (self));
  g_return_if_fail (tmpl != NULL && tmpl->id != NULL);

  rempart_store_push (self, rempart_store_save_user_template_async, cancellable, callback,
                      user_data, rempart_store_save_template_job, template_data_new (tmpl),
                      KEY_FREE, NULL);
}

gboolean
rempart_store_save_user_template_finish (RempartStore *self, GAsyncResult *result, GError **error)
{
  return rempart_store_finish_boolean (self, result, rempart_store_save_user_template_async, error);
}

gboolean
rempart_store_delete_user_template_sync (RempartStore *self, const char *id, GError **error)
{
  RempartStoreKeyData *key;

  g_return_val_if_fail (REMPART_IS_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  key = key_data_new (NULL, NULL);
  key->id = g_strdup (id);
  return rempart_store_run_sync (self, rempart_store_delete_template_job, key, KEY_FREE, NULL,
                                 error);
}

void
rempart_store_delete_user_template_async (RempartStore *self,
                                          const char *id,
                                          GCancellable *cancellable,
                                          GAsyncReadyCallback callback,
                                          gpointer user_data)
{
  RempartStoreKeyData *key;

  g_return_if_fail (REMPART_IS_STORE (self));
  g_return_if_fail (id != NULL);

  key = key_data_new (NULL, NULL);
  key->id = g_strdup (id);
  rempart_store_push (self, rempart_store_delete_user_template_async, cancellable, callback,
                      user_data, rempart_store_delete_template_job, key, KEY_FREE, NULL);
}

gboolean
rempart_store_delete_user_template_finish (RempartStore *self, GAsyncResult *result, GError **error)
{
  return rempart_store_finish_boolean (self, result, rempart_store_delete_user_template_async,
                                       error);
}
