/* rempart-store-private.h: what the parts of the store share, and test hooks
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "rempart-sqlite.h"
#include "rempart-store.h"

G_BEGIN_DECLS

/* The thread that owns the connection (rempart-store-worker.c). */
typedef struct _RempartStoreWorker RempartStoreWorker;

/*
 * A job runs on the worker thread with the connection. It returns FALSE and sets @error when
 * it failed; on success it may hand a result through @out_result.
 */
typedef gboolean (*RempartStoreJobFunc) (RempartStoreWorker *worker,
                                         gpointer data,
                                         gpointer *out_result,
                                         GError **error);

RempartStoreWorker *rempart_store_worker_new (const char *path);
RempartStoreWorker *rempart_store_worker_ref (RempartStoreWorker *worker);
void rempart_store_worker_unref (RempartStoreWorker *worker);
void rempart_store_worker_stop (RempartStoreWorker *worker);
const char *rempart_store_worker_get_path (RempartStoreWorker *worker);
sqlite3 *rempart_store_worker_get_db (RempartStoreWorker *worker);
void rempart_store_worker_set_db (RempartStoreWorker *worker, sqlite3 *db);
gint64 rempart_store_worker_now (RempartStoreWorker *worker);
void rempart_store_worker_set_now (RempartStoreWorker *worker, gint64 now);
guint rempart_store_worker_get_import_fail_at (RempartStoreWorker *worker);
void rempart_store_worker_set_import_fail_at (RempartStoreWorker *worker, guint n);

/* @result_free %NULL means a boolean job: the task gets g_task_return_boolean (TRUE). */
void rempart_store_worker_push_task (RempartStoreWorker *worker,
                                     GTask *task,
                                     RempartStoreJobFunc func,
                                     gpointer data,
                                     GDestroyNotify data_free,
                                     GDestroyNotify result_free);
gboolean rempart_store_worker_run_sync (RempartStoreWorker *worker,
                                        RempartStoreJobFunc func,
                                        gpointer data,
                                        GDestroyNotify data_free,
                                        gpointer *out_result,
                                        GError **error);

/* Transactions on the worker's connection. */
gboolean rempart_store_begin (RempartStoreWorker *worker, GError **error);
gboolean rempart_store_commit (RempartStoreWorker *worker, GError **error);
void rempart_store_rollback (RempartStoreWorker *worker);

/* rempart-store-schema.c: checks, pragmas and migrations; the job behind open. */
gboolean rempart_store_schema_open (RempartStoreWorker *worker, GError **error);

/* rempart-store-import.c */
gboolean rempart_store_rekey_user_data (sqlite3 *db,
                                        const char *old_url,
                                        const char *new_url,
                                        GError **error);
gboolean rempart_store_import_job (RempartStoreWorker *worker,
                                   gpointer data,
                                   gpointer *out_result,
                                   GError **error);
/* @data: a gint64, the subscription id */
gboolean rempart_store_item_hashes_job (RempartStoreWorker *worker,
                                        gpointer data,
                                        gpointer *out_result,
                                        GError **error);
/* rempart-store-list.c */
/* @data: the RempartActionView, with REMPART_STORE_LIST_ROWS or'd in for list rows, and a
 * limit on the number of rows (0: all) shifted by REMPART_STORE_LIST_LIMIT_SHIFT */
#define REMPART_STORE_LIST_ROWS        0x100
#define REMPART_STORE_LIST_LIMIT_SHIFT 12
#define REMPART_STORE_LIST_LIMIT_MAX   0xFFFF
gboolean rempart_store_list_actions_job (RempartStoreWorker *worker,
                                         gpointer data,
                                         gpointer *out_result,
                                         GError **error);

/* rempart-store-action.c: RempartStoredAction.content_tag of a row's `hash` (its first 16 hex
 * digits); 0 for NULL. */
guint64 rempart_store_content_tag (const char *hash);

/* rempart-store-serialize.c: the JSON `details` column and the content hash. */
char *rempart_store_action_details (RempartAction *action);
/* Of every field of @action, without serialising it */
char *rempart_store_action_hash (RempartAction *action);
RempartAction *rempart_store_action_from_row (sqlite3_stmt *stmt, int first, JsonParser *parser);
void
rempart_store_action_read_details (RempartAction *action, const char *details, JsonParser *parser);
/* The `subscriptions.feed_info` column (schema 3). */
char *rempart_store_feed_info_to_json (RempartFeed *feed);
void rempart_store_feed_info_from_json (RempartFeedInfo *info, const char *json);

typedef struct
{
  RempartSubscription *sub;
  RempartFeed *feed;
} RempartStoreImportData;

void rempart_store_import_data_free (RempartStoreImportData *data);

/* rempart-store-user.c: the volunteer's own rows (state, drafts, events, templates). */
typedef struct
{
  char *subscription_url;
  char *action_id;
  char *id;
  RempartActionState state;
  gint64 since;
  RempartDraft *draft;
  RempartUserTemplate *tmpl;
} RempartStoreKeyData;

void rempart_store_key_data_free (RempartStoreKeyData *data);
gboolean
rempart_store_add_state_job (RempartStoreWorker *w, gpointer data, gpointer *out, GError **error);
gboolean
rempart_store_save_draft_job (RempartStoreWorker *w, gpointer data, gpointer *out, GError **error);
gboolean
rempart_store_load_draft_job (RempartStoreWorker *w, gpointer data, gpointer *out, GError **error);
gboolean rempart_store_count_events_job (RempartStoreWorker *w,
                                         gpointer data,
                                         gpointer *out,
                                         GError **error);
gboolean rempart_store_list_templates_job (RempartStoreWorker *w,
                                           gpointer data,
                                           gpointer *out,
                                           GError **error);
gboolean rempart_store_save_template_job (RempartStoreWorker *w,
                                          gpointer data,
                                          gpointer *out,
                                          GError **error);
gboolean rempart_store_delete_template_job (RempartStoreWorker *w,
                                            gpointer data,
                                            gpointer *out,
                                            GError **error);

/* rempart-store-subscriptions.c */
RempartSubscription *rempart_store_read_subscription (sqlite3_stmt *stmt);
gboolean
rempart_store_add_sub_job (RempartStoreWorker *w, gpointer data, gpointer *out, GError **error);
gboolean
rempart_store_list_subs_job (RempartStoreWorker *w, gpointer data, gpointer *out, GError **error);
gboolean
rempart_store_update_sub_job (RempartStoreWorker *w, gpointer data, gpointer *out, GError **error);
gboolean
rempart_store_remove_sub_job (RempartStoreWorker *w, gpointer data, gpointer *out, GError **error);
gboolean rempart_store_get_feed_info_job (RempartStoreWorker *w,
                                          gpointer data,
                                          gpointer *out,
                                          GError **error);

/* rempart-store.c: how the public calls reach the worker. */
void rempart_store_push (RempartStore *self,
                         gpointer source_tag,
                         GCancellable *cancellable,
                         GAsyncReadyCallback callback,
                         gpointer user_data,
                         RempartStoreJobFunc func,
                         gpointer data,
                         GDestroyNotify data_free,
                         GDestroyNotify result_free);
gboolean rempart_store_run_sync (RempartStore *self,
                                 RempartStoreJobFunc func,
                                 gpointer data,
                                 GDestroyNotify data_free,
                                 gpointer *out_result,
                                 GError **error);
gboolean rempart_store_finish_boolean (RempartStore *self,
                                       GAsyncResult *result,
                                       gpointer source_tag,
                                       GError **error);
gpointer rempart_store_finish_pointer (RempartStore *self,
                                       GAsyncResult *result,
                                       gpointer source_tag,
                                       GError **error);

/* Test hooks: a fixed clock (Unix seconds, 0 for the real one), and an import that fails
 * after @n actions (0: never) to prove that nothing partial is kept. */
void rempart_store_set_now_for_testing (RempartStore *self, gint64 now);
void rempart_store_set_import_fail_at_for_testing (RempartStore *self, guint n);
/* The SQL of a view's list, for a test to ask SQLite how it runs it. */
char *rempart_store_list_sql_for_testing (RempartActionView view, gboolean rows_only, guint limit);
/* List rows handed to the builder thread @rows at a time (0: the default), a list that fails
 * on its @n-th row (0: never), no builder thread to be had (as when g_thread_try_new() fails),
 * and how many lists a builder thread has built; process-wide, unlike the import's hook,
 * which is a store's. */
void rempart_store_list_set_batch_rows_for_testing (guint rows);
void rempart_store_list_set_fail_at_for_testing (guint n);
void rempart_store_list_set_no_thread_for_testing (gboolean no_thread);
guint rempart_store_list_get_builder_runs_for_testing (void);

G_END_DECLS
