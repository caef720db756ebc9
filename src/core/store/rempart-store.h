/* rempart-store.h: the volunteer's local database
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rempart-store-types.h"

G_BEGIN_DECLS

/*
 * One SQLite file under $XDG_DATA_HOME/rempart/, owned by one worker thread: every call below
 * is queued to that thread and its result comes back on the thread-default main context of
 * the caller (GTask). The *_sync variants block the caller until the worker has answered;
 * they are for the command-line tool, tests and helper processes, never for the UI thread.
 */

/* ---------------------------------------------------------------------------------------- */
/* The store                                                                                */
/* ---------------------------------------------------------------------------------------- */

#define REMPART_TYPE_STORE (rempart_store_get_type ())
G_DECLARE_FINAL_TYPE (RempartStore, rempart_store, REMPART, STORE, GObject)

char *rempart_store_get_default_path (void);

void rempart_store_open_async (const char *path,
                               GCancellable *cancellable,
                               GAsyncReadyCallback callback,
                               gpointer user_data);
RempartStore *rempart_store_open_finish (GAsyncResult *result, GError **error);
RempartStore *rempart_store_open_sync (const char *path, GCancellable *cancellable, GError **error);

/* Renames a refused database (and its -wal/-shm) to PATH.broken-DATE so that a fresh one can
 * be created; returns the new name. Never deletes anything. */
char *rempart_store_move_aside (const char *path, GError **error);

const char *rempart_store_get_path (RempartStore *self);
void rempart_store_close (RempartStore *self);

/* Subscriptions */
void rempart_store_add_subscription_async (RempartStore *self,
                                           const char *url,
                                           const char *public_key,
                                           GCancellable *cancellable,
                                           GAsyncReadyCallback callback,
                                           gpointer user_data);
RempartSubscription *
rempart_store_add_subscription_finish (RempartStore *self, GAsyncResult *result, GError **error);
RempartSubscription *rempart_store_add_subscription_sync (RempartStore *self,
                                                          const char *url,
                                                          const char *public_key,
                                                          GError **error);
/* Adds a subscription marked is_bundled: a feed shipped with Rempart rather than downloaded
 * (the example feed). The mark is kept with it and never set on a downloaded feed. */
RempartSubscription *rempart_store_add_bundled_subscription_sync (RempartStore *self,
                                                                  const char *url,
                                                                  const char *public_key,
                                                                  GError **error);

void rempart_store_list_subscriptions_async (RempartStore *self,
                                             GCancellable *cancellable,
                                             GAsyncReadyCallback callback,
                                             gpointer user_data);
/* Returns: (element-type RempartSubscription) */
GPtrArray *
rempart_store_list_subscriptions_finish (RempartStore *self, GAsyncResult *result, GError **error);
GPtrArray *rempart_store_list_subscriptions_sync (RempartStore *self, GError **error);

/* Saves the sync bookkeeping of @sub (everything but url/public_key/etag/last_modified/
 * last_seq, which only an import or a verified redirect may change). */
void rempart_store_update_subscription_async (RempartStore *self,
                                              const RempartSubscription *sub,
                                              GCancellable *cancellable,
                                              GAsyncReadyCallback callback,
                                              gpointer user_data);
gboolean
rempart_store_update_subscription_finish (RempartStore *self, GAsyncResult *result, GError **error);
gboolean rempart_store_update_subscription_sync (RempartStore *self,
                                                 const RempartSubscription *sub,
                                                 GError **error);

/*
 * rempart_store_set_subscription_keys_async:
 * @verified_key: the key the feed that decided this was verified with (the subscription's
 *   public_key, or its next_public_key)
 * @public_key: the subscription's key from now on
 * @next_public_key: (nullable): the key announced for next, %NULL for none
 *
 * Saves a key rotation seen in a verified feed (docs/feed-format.md, Key rotation), unless the
 * subscription's key is no longer @verified_key nor its next key (the volunteer corrected it
 * meanwhile, and their word wins): then nothing is written and the call still succeeds.
 */
void rempart_store_set_subscription_keys_async (RempartStore *self,
                                                gint64 subscription_id,
                                                const char *verified_key,
                                                const char *public_key,
                                                const char *next_public_key,
                                                GCancellable *cancellable,
                                                GAsyncReadyCallback callback,
                                                gpointer user_data);
gboolean rempart_store_set_subscription_keys_finish (RempartStore *self,
                                                     GAsyncResult *result,
                                                     GError **error);
gboolean rempart_store_set_subscription_keys_sync (RempartStore *self,
                                                   gint64 subscription_id,
                                                   const char *verified_key,
                                                   const char *public_key,
                                                   const char *next_public_key,
                                                   GError **error);

void rempart_store_remove_subscription_async (RempartStore *self,
                                              gint64 subscription_id,
                                              GCancellable *cancellable,
                                              GAsyncReadyCallback callback,
                                              gpointer user_data);
gboolean
rempart_store_remove_subscription_finish (RempartStore *self, GAsyncResult *result, GError **error);
gboolean
rempart_store_remove_subscription_sync (RempartStore *self, gint64 subscription_id, GError **error);

/*
 * rempart_store_import_feed_async:
 * @sub: the subscription as the sync engine wants it saved after the import: its url (new
 *   location after a verified permanent redirect), etag, last_modified, last_seq, expires,
 *   title, is_signed and check times
 *
 * In one BEGIN IMMEDIATE transaction: upserts the feed's actions, archives the actions that
 * left the feed when the volunteer has state or drafts for them (deletes the others), and
 * saves @sub, so that ETag/Last-Modified are only ever stored with the data they describe.
 * Refuses (REMPART_STORE_ERROR_FAILED, nothing written) a signed feed whose seq is lower than
 * the stored last_seq: that is a rollback.
 */
void rempart_store_import_feed_async (RempartStore *self,
                                      const RempartSubscription *sub,
                                      RempartFeed *feed,
                                      GCancellable *cancellable,
                                      GAsyncReadyCallback callback,
                                      gpointer user_data);
gboolean rempart_store_import_feed_finish (RempartStore *self,
                                           GAsyncResult *result,
                                           RempartImportStats *out_stats,
                                           GError **error);
gboolean rempart_store_import_feed_sync (RempartStore *self,
                                         const RempartSubscription *sub,
                                         RempartFeed *feed,
                                         RempartImportStats *out_stats,
                                         GError **error);

void rempart_store_list_item_hashes_async (RempartStore *self,
                                           gint64 subscription_id,
                                           GCancellable *cancellable,
                                           GAsyncReadyCallback callback,
                                           gpointer user_data);
GHashTable *
rempart_store_list_item_hashes_finish (RempartStore *self, GAsyncResult *result, GError **error);
GHashTable *
rempart_store_list_item_hashes_sync (RempartStore *self, gint64 subscription_id, GError **error);

/* A group's address and key as the volunteer corrected them: see
 * rempart-store-subscriptions.c. */
void rempart_store_edit_subscription_async (RempartStore *self,
                                            gint64 subscription_id,
                                            const char *url,
                                            const char *public_key,
                                            GCancellable *cancellable,
                                            GAsyncReadyCallback callback,
                                            gpointer user_data);
gboolean
rempart_store_edit_subscription_finish (RempartStore *self, GAsyncResult *result, GError **error);
gboolean rempart_store_edit_subscription_sync (RempartStore *self,
                                               gint64 subscription_id,
                                               const char *url,
                                               const char *public_key,
                                               GError **error);

/* Removes the subscription of @url (if any) with its actions AND the volunteer's rows keyed by
 * @url (state, drafts, events), in one transaction. For bundled subscriptions only (is_bundled): a
 * downloaded feed's history must outlive its subscription. */
void rempart_store_forget_subscription_url_async (RempartStore *self,
                                                  const char *url,
                                                  GCancellable *cancellable,
                                                  GAsyncReadyCallback callback,
                                                  gpointer user_data);
gboolean rempart_store_forget_subscription_url_finish (RempartStore *self,
                                                       GAsyncResult *result,
                                                       GError **error);
gboolean
rempart_store_forget_subscription_url_sync (RempartStore *self, const char *url, GError **error);

/* Actions */
void rempart_store_list_actions_async (RempartStore *self,
                                       RempartActionView view,
                                       GCancellable *cancellable,
                                       GAsyncReadyCallback callback,
                                       gpointer user_data);
/* Returns: (element-type RempartStoredAction) newest and high priority first */
GPtrArray *
rempart_store_list_actions_finish (RempartStore *self, GAsyncResult *result, GError **error);
GPtrArray *
rempart_store_list_actions_sync (RempartStore *self, RempartActionView view, GError **error);

/* Like rempart_store_list_actions_*(), for lists that show many actions: each action holds
 * only the columns a list row shows (id, url, title, topic, priority, platform, expires) and
 * is marked row_only; its other fields stay in the database (neither parsed nor kept for
 * 10,000 rows), and rempart_store_read_action_async() (rempart-store-action.h) reads one
 * action's when a page needs them. */
void rempart_store_list_action_rows_async (RempartStore *self,
                                           RempartActionView view,
                                           GCancellable *cancellable,
                                           GAsyncReadyCallback callback,
                                           gpointer user_data);
/* Returns: (element-type RempartStoredAction) newest and high priority first */
GPtrArray *
rempart_store_list_action_rows_finish (RempartStore *self, GAsyncResult *result, GError **error);

/* The first @limit rows (1 to 65,535) of rempart_store_list_action_rows_async()'s answer, in
 * the same order: what a list shows first, before the whole list is read. Jobs run in the
 * order they are asked for, so a head asked for just before the whole list comes first. */
void rempart_store_list_action_rows_head_async (RempartStore *self,
                                                RempartActionView view,
                                                guint limit,
                                                GCancellable *cancellable,
                                                GAsyncReadyCallback callback,
                                                gpointer user_data);
/* Returns: (element-type RempartStoredAction) at most the limit's number of rows */
GPtrArray *rempart_store_list_action_rows_head_finish (RempartStore *self,
                                                       GAsyncResult *result,
                                                       GError **error);

/* Adds @state to the action's flags and records a participation event for each new flag. */
void rempart_store_add_action_state_async (RempartStore *self,
                                           const char *subscription_url,
                                           const char *action_id,
                                           RempartActionState state,
                                           GCancellable *cancellable,
                                           GAsyncReadyCallback callback,
                                           gpointer user_data);
gboolean
rempart_store_add_action_state_finish (RempartStore *self, GAsyncResult *result, GError **error);
gboolean rempart_store_add_action_state_sync (RempartStore *self,
                                              const char *subscription_url,
                                              const char *action_id,
                                              RempartActionState state,
                                              GError **error);

/* Drafts */
void rempart_store_save_draft_async (RempartStore *self,
                                     const RempartDraft *draft,
                                     GCancellable *cancellable,
                                     GAsyncReadyCallback callback,
                                     gpointer user_data);
gboolean rempart_store_save_draft_finish (RempartStore *self, GAsyncResult *result, GError **error);
gboolean
rempart_store_save_draft_sync (RempartStore *self, const RempartDraft *draft, GError **error);

void rempart_store_load_draft_async (RempartStore *self,
                                     const char *subscription_url,
                                     const char *action_id,
                                     GCancellable *cancellable,
                                     GAsyncReadyCallback callback,
                                     gpointer user_data);
/* Returns: the draft, or NULL without error when there is none */
RempartDraft *
rempart_store_load_draft_finish (RempartStore *self, GAsyncResult *result, GError **error);
RempartDraft *rempart_store_load_draft_sync (RempartStore *self,
                                             const char *subscription_url,
                                             const char *action_id,
                                             GError **error);

/* The feed-level data of a subscription's last import; REMPART_STORE_ERROR_NOT_FOUND when
 * there is no such subscription. Before the first import every field but the ids is empty. */
void rempart_store_get_feed_info_async (RempartStore *self,
                                        gint64 subscription_id,
                                        GCancellable *cancellable,
                                        GAsyncReadyCallback callback,
                                        gpointer user_data);
RempartFeedInfo *
rempart_store_get_feed_info_finish (RempartStore *self, GAsyncResult *result, GError **error);
RempartFeedInfo *
rempart_store_get_feed_info_sync (RempartStore *self, gint64 subscription_id, GError **error);

/* Participation: the number of events of each kind since @since (Unix seconds). */
gboolean rempart_store_count_events_sync (RempartStore *self,
                                          RempartActionState kind,
                                          gint64 since,
                                          guint *out_count,
                                          GError **error);

/* Participation (rempart-store-events.c) */

/* Every participation event, oldest first. */
void rempart_store_list_events_async (RempartStore *self,
                                      GCancellable *cancellable,
                                      GAsyncReadyCallback callback,
                                      gpointer user_data);
/* Returns: (element-type RempartParticipationEvent) */
GPtrArray *
rempart_store_list_events_finish (RempartStore *self, GAsyncResult *result, GError **error);
GPtrArray *rempart_store_list_events_sync (RempartStore *self, GError **error);

/* The replies marked as posted whose text is kept, newest first. */
void rempart_store_list_posted_replies_async (RempartStore *self,
                                              GCancellable *cancellable,
                                              GAsyncReadyCallback callback,
                                              gpointer user_data);
/* Returns: (element-type RempartPostedReply) */
GPtrArray *
rempart_store_list_posted_replies_finish (RempartStore *self, GAsyncResult *result, GError **error);
GPtrArray *rempart_store_list_posted_replies_sync (RempartStore *self, GError **error);

/*
 * Deletes every participation event, action state and draft (posted replies included), and
 * the archived actions kept only for them; then rewrites the file (VACUUM, WAL checkpoint
 * TRUNCATE) so that the text cannot be read back from it. Groups, their current actions and
 * the volunteer's templates stay. With @subscription_url, only that group's rows go.
 */
void rempart_store_forget_async (RempartStore *self,
                                 const char *subscription_url,
                                 GCancellable *cancellable,
                                 GAsyncReadyCallback callback,
                                 gpointer user_data);
gboolean rempart_store_forget_finish (RempartStore *self, GAsyncResult *result, GError **error);
gboolean
rempart_store_forget_sync (RempartStore *self, const char *subscription_url, GError **error);

/* The volunteer's own reply templates */

/* Returns: (element-type RempartUserTemplate) by title */
GPtrArray *rempart_store_list_user_templates_sync (RempartStore *self, GError **error);
void rempart_store_list_user_templates_async (RempartStore *self,
                                              GCancellable *cancellable,
                                              GAsyncReadyCallback callback,
                                              gpointer user_data);
GPtrArray *
rempart_store_list_user_templates_finish (RempartStore *self, GAsyncResult *result, GError **error);

/* Inserts or replaces by id; keeps the first `created`, sets `updated` to now. */
gboolean rempart_store_save_user_template_sync (RempartStore *self,
                                                const RempartUserTemplate *tmpl,
                                                GError **error);
void rempart_store_save_user_template_async (RempartStore *self,
                                             const RempartUserTemplate *tmpl,
                                             GCancellable *cancellable,
                                             GAsyncReadyCallback callback,
                                             gpointer user_data);
gboolean
rempart_store_save_user_template_finish (RempartStore *self, GAsyncResult *result, GError **error);

/* REMPART_STORE_ERROR_NOT_FOUND when there is no template @id. */
gboolean
rempart_store_delete_user_template_sync (RempartStore *self, const char *id, GError **error);
void rempart_store_delete_user_template_async (RempartStore *self,
                                               const char *id,
                                               GCancellable *cancellable,
                                               GAsyncReadyCallback callback,
                                               gpointer user_data);
gboolean rempart_store_delete_user_template_finish (RempartStore *self,
                                                    GAsyncResult *result,
                                                    GError **error);

G_END_DECLS
