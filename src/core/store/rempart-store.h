/* rempart-store.h: the volunteer's local database
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rempart-feed.h"

G_BEGIN_DECLS

/*
 * One SQLite file under $XDG_DATA_HOME/rempart/, owned by one worker thread: every call below
 * is queued to that thread and its result comes back on the thread-default main context of
 * the caller (GTask). The *_sync variants block the caller until the worker has answered;
 * they are for the command-line tool, tests and helper processes, never for the UI thread.
 */

#define REMPART_STORE_ERROR (rempart_store_error_quark ())

typedef enum
{
  REMPART_STORE_ERROR_FAILED,
  REMPART_STORE_ERROR_CORRUPT,   /* quick_check failed or not a database: left untouched */
  REMPART_STORE_ERROR_TOO_NEW,   /* written by a newer Rempart: left untouched */
  REMPART_STORE_ERROR_BUSY,      /* another process holds it past the busy timeout */
  REMPART_STORE_ERROR_NOT_FOUND, /* no such subscription, action or template */
  REMPART_STORE_ERROR_CLOSED,
} RempartStoreError;

GQuark rempart_store_error_quark (void);

/* The current schema; `PRAGMA user_version` of a database this version writes. */
#define REMPART_STORE_SCHEMA_VERSION 4

/* ---------------------------------------------------------------------------------------- */
/* Subscriptions                                                                            */
/* ---------------------------------------------------------------------------------------- */

/*
 * A group feed the volunteer follows, and what the sync engine knows of it. Times are Unix
 * seconds, 0 when unknown. Plain struct, boxed; the store hands out copies.
 */
typedef struct
{
  gint64 id;
  char *url;           /* the feed's address; changes after a verified permanent redirect */
  char *public_key;    /* pinned minisign public key (base64 line), NULL when unsigned */
  char *title;         /* from the last imported feed */
  char *etag;          /* saved only after the import that came with it committed */
  char *last_modified; /* idem */
  gint64 last_seq;     /* highest signed `_rempart.seq` imported, -1 when none */
  gint64 expires;      /* the feed's `_rempart.expires`; after it the data is stale */
  gint64 last_check;   /* last attempt, whatever its outcome */
  gint64 last_success; /* last 200 or 304 */
  gint64 next_check;   /* not before: backoff or Retry-After */
  gint64 retry_after;  /* not before, even for a manual refresh (Retry-After) */
  int failures;        /* consecutive failures, for exponential backoff */
  char *last_error;    /* a message for the volunteer, NULL after a success */
  gboolean ended;      /* the server answered 410 Gone */
  gboolean is_signed;  /* the last import was verified with public_key */
  gboolean is_bundled; /* shipped with Rempart (the example feed): no server to check */
} RempartSubscription;

#define REMPART_TYPE_SUBSCRIPTION (rempart_subscription_get_type ())
GType rempart_subscription_get_type (void) G_GNUC_CONST;
RempartSubscription *rempart_subscription_copy (const RempartSubscription *sub);
void rempart_subscription_free (RempartSubscription *sub);
gboolean rempart_subscription_is_stale (const RempartSubscription *sub, gint64 now);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RempartSubscription, rempart_subscription_free)

/* ---------------------------------------------------------------------------------------- */
/* Actions as stored, with the volunteer's own state                                        */
/* ---------------------------------------------------------------------------------------- */

/* What the volunteer did with an action. Flags: an action can be opened and joined. */
typedef enum
{
  REMPART_ACTION_STATE_NONE = 0,
  REMPART_ACTION_STATE_OPENED = 1 << 0,
  REMPART_ACTION_STATE_JOINED = 1 << 1,
  REMPART_ACTION_STATE_POSTED = 1 << 2,
  REMPART_ACTION_STATE_DISMISSED = 1 << 3,
} RempartActionState;

/* The lists of the main window. */
typedef enum
{
  REMPART_ACTION_VIEW_TODO,    /* open: not expired, not archived, not posted, not dismissed */
  REMPART_ACTION_VIEW_QUEUED,  /* with a queued draft */
  REMPART_ACTION_VIEW_DONE,    /* posted */
  REMPART_ACTION_VIEW_ARCHIVE, /* expired, gone from the feed, or set aside and not posted */
  REMPART_ACTION_VIEW_ALL,
} RempartActionView;

/* An action of a subscription as the store holds it. */
typedef struct
{
  gint64 subscription_id;
  char *subscription_url; /* with action_id, the key of the volunteer's own data */
  RempartAction *action;  /* the action as last imported */
  RempartActionState state;
  gboolean archived; /* left the feed, kept because the volunteer has state or drafts */
  gint64 first_seen;
  gint64 updated;
  gboolean queued;    /* a draft of it is queued (schema 3 list_actions: LEFT JOIN drafts) */
  gboolean has_draft; /* a draft of it exists, queued or not */
} RempartStoredAction;

#define REMPART_TYPE_STORED_ACTION (rempart_stored_action_get_type ())
GType rempart_stored_action_get_type (void) G_GNUC_CONST;
RempartStoredAction *rempart_stored_action_copy (const RempartStoredAction *stored);
void rempart_stored_action_free (RempartStoredAction *stored);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RempartStoredAction, rempart_stored_action_free)

/* A reply being written. Keyed by (subscription_url, action_id), so it survives re-imports,
 * the action leaving the feed and even the subscription being removed and added again. */
typedef struct
{
  char *subscription_url;
  char *action_id;
  char *text;
  char *template_id; /* NULL when written from scratch */
  gboolean queued;
  gint64 updated;
} RempartDraft;

#define REMPART_TYPE_DRAFT (rempart_draft_get_type ())
GType rempart_draft_get_type (void) G_GNUC_CONST;
RempartDraft *rempart_draft_copy (const RempartDraft *draft);
void rempart_draft_free (RempartDraft *draft);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RempartDraft, rempart_draft_free)

/* What a successful import changed. */
typedef struct
{
  guint added;
  guint updated;
  guint unchanged;
  guint archived; /* left the feed but kept for the volunteer's state or drafts */
  guint removed;  /* left the feed, nothing of the volunteer's attached */
} RempartImportStats;

/* What the composer and the action page need from the feed an action came from; saved with
 * every import (schema 3). Boxed; the store hands out copies. */
typedef struct
{
  gint64 subscription_id;
  char *subscription_url;
  char *title;
  char *about;
  char *language;
  char *hashtag; /* e.g. "#jesuislà", NULL when the feed gives none */
  RempartHashtagPosition hashtag_position;
  GStrv rules;          /* never NULL */
  GPtrArray *templates; /* (element-type RempartFeedTemplate), never NULL */
  gboolean is_bundled;  /* its subscription is_bundled */
} RempartFeedInfo;

#define REMPART_TYPE_FEED_INFO (rempart_feed_info_get_type ())
GType rempart_feed_info_get_type (void) G_GNUC_CONST;
RempartFeedInfo *rempart_feed_info_copy (const RempartFeedInfo *info);
void rempart_feed_info_free (RempartFeedInfo *info);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RempartFeedInfo, rempart_feed_info_free)

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

/* ---------------------------------------------------------------------------------------- */
/* The volunteer's own reply templates                                                      */
/* ---------------------------------------------------------------------------------------- */

/* Like RempartFeedTemplate, but written by the volunteer and kept only here. Times are Unix
 * seconds; the store sets them on save. @topics is never %NULL (maybe empty). */
typedef struct
{
  char *id; /* chosen by the caller, e.g. g_uuid_string_random () */
  char *title;
  char *language;
  GStrv topics;
  char *body;
  char *when_text;
  gint64 created;
  gint64 updated;
} RempartUserTemplate;

#define REMPART_TYPE_USER_TEMPLATE (rempart_user_template_get_type ())
GType rempart_user_template_get_type (void) G_GNUC_CONST;
RempartUserTemplate *rempart_user_template_copy (const RempartUserTemplate *tmpl);
void rempart_user_template_free (RempartUserTemplate *tmpl);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RempartUserTemplate, rempart_user_template_free)

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
