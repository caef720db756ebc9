/* rempart-store-types.h: the plain structs the store hands out, and its error domain
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rempart-feed.h"

G_BEGIN_DECLS

#define REMPART_STORE_ERROR (rempart_store_error_quark ())

typedef enum
{
  REMPART_STORE_ERROR_FAILED,
  REMPART_STORE_ERROR_CORRUPT,   /* quick_check failed or not a database: left untouched */
  REMPART_STORE_ERROR_TOO_NEW,   /* written by a newer Rempart: left untouched */
  REMPART_STORE_ERROR_BUSY,      /* another process holds it past the busy timeout */
  REMPART_STORE_ERROR_NOT_FOUND, /* no such subscription, action or template */
  REMPART_STORE_ERROR_CLOSED,
  REMPART_STORE_ERROR_READ_ONLY, /* the file or its folder cannot be written: left untouched */
} RempartStoreError;

GQuark rempart_store_error_quark (void);

/* The current schema; `PRAGMA user_version` of a database this version writes. */
#define REMPART_STORE_SCHEMA_VERSION 8

/* ---------------------------------------------------------------------------------------- */
/* Subscriptions                                                                            */
/* ---------------------------------------------------------------------------------------- */

/*
 * RempartCheckFailure:
 * @REMPART_CHECK_FAILURE_NONE: the last check did not fail
 * @REMPART_CHECK_FAILURE_OTHER: it failed for a reason the volunteer cannot correct here (the
 *   network, a busy server, the local store)
 * @REMPART_CHECK_FAILURE_ADDRESS: the address looks wrong: not a valid address, an HTTP error
 *   status, or what it answered is not a feed
 * @REMPART_CHECK_FAILURE_KEY: the key looks wrong: the signature does not match the saved key,
 *   is missing, or the saved key cannot be read
 *
 * Why the last check of a subscription failed, as far as the volunteer can act on it: the
 * window offers to correct the group's address or key for the last two. Stored as a number.
 */
typedef enum
{
  REMPART_CHECK_FAILURE_NONE = 0,
  REMPART_CHECK_FAILURE_OTHER = 1,
  REMPART_CHECK_FAILURE_ADDRESS = 2,
  REMPART_CHECK_FAILURE_KEY = 3,
} RempartCheckFailure;

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
  char *description;   /* the feed's one-line `description`, from its last import; read only */
  /* The key the group announced it will sign with next (`_rempart.next_key` of the last feed
   * verified with public_key), NULL when none: a feed signed with it is accepted, and it then
   * becomes public_key (docs/feed-format.md, Key rotation). */
  char *next_public_key;
  /* Why the last check failed, NONE after a success (schema 7). */
  RempartCheckFailure failure_kind;
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
  /* From rempart_store_list_action_rows_*(): @action holds only the list's columns (id, url,
   * title, topic, priority, platform, expires); the rest is read on demand with
   * rempart_store_read_action_async() (rempart-store-action.h). */
  gboolean row_only;
  /* The first 64 bits of the row's content hash (every field of the action, as imported):
   * two rows with the same tag hold the same action. 0 when not known. */
  guint64 content_tag;
  /* (nullable) From rempart_store_list_action_rows_*(): what a search of the lists matches,
   * folded with rempart_search_fold(): title, brief, topic, platform and the group's name,
   * one a line. Kept when the details are read. */
  char *search_text;
  /* @subscription_url is g_intern_string()'s, shared by every row of its group and never
   * freed (a list row: one copy per group instead of one per action) */
  gboolean url_interned;
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
/* Participation                                                                            */
/* ---------------------------------------------------------------------------------------- */

/* One participation event, with what the statistics group it by. The titles and topic come
 * from the action and group as stored now: NULL (NONE) once they are gone from the store. */
typedef struct
{
  gint64 at;               /* Unix seconds */
  RempartActionState kind; /* exactly one flag */
  char *subscription_url;
  char *action_id;
  char *group_title;
  char *action_title;
  RempartTopic topic;
} RempartParticipationEvent;

RempartParticipationEvent *rempart_participation_event_copy (const RempartParticipationEvent *ev);
void rempart_participation_event_free (RempartParticipationEvent *ev);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RempartParticipationEvent, rempart_participation_event_free)

/* A reply the volunteer marked as posted: the text of its draft (kept, unqueued, as a record). */
typedef struct
{
  char *subscription_url;
  char *action_id;
  char *group_title;  /* NULL once the group is removed */
  char *action_title; /* NULL once the action is gone from the store */
  char *text;
  gint64 posted; /* the POSTED event's time (Unix seconds) */
} RempartPostedReply;

RempartPostedReply *rempart_posted_reply_copy (const RempartPostedReply *reply);
void rempart_posted_reply_free (RempartPostedReply *reply);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RempartPostedReply, rempart_posted_reply_free)

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

G_END_DECLS
