/* rempart-workspace.h: a moderator's working copy of a group feed
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "rempart-feed-writer.h"
#include "rempart-feed.h"
#include "rempart-fetcher.h"

G_BEGIN_DECLS

#define REMPART_WORKSPACE_ERROR (rempart_workspace_error_quark ())

/*
 * RempartWorkspaceError:
 * @REMPART_WORKSPACE_ERROR_FAILED: a file could not be read or written (the message names it)
 * @REMPART_WORKSPACE_ERROR_NOT_FOUND: no working copy in that folder
 * @REMPART_WORKSPACE_ERROR_INVALID: the working copy or the downloaded feed is not a feed
 * @REMPART_WORKSPACE_ERROR_NOT_SIGNED: a downloaded feed had no valid signature by the key
 */
typedef enum
{
  REMPART_WORKSPACE_ERROR_FAILED,
  REMPART_WORKSPACE_ERROR_NOT_FOUND,
  REMPART_WORKSPACE_ERROR_INVALID,
  REMPART_WORKSPACE_ERROR_NOT_SIGNED,
} RempartWorkspaceError;

GQuark rempart_workspace_error_quark (void);

/*
 * RempartWorkspaceActionState:
 * @REMPART_WORKSPACE_ACTION_DRAFT: not yet published, or changed since it was
 * @REMPART_WORKSPACE_ACTION_PUBLISHED: the same in the last published copy
 * @REMPART_WORKSPACE_ACTION_EXPIRED: its expiry has passed
 */
typedef enum
{
  REMPART_WORKSPACE_ACTION_DRAFT,
  REMPART_WORKSPACE_ACTION_PUBLISHED,
  REMPART_WORKSPACE_ACTION_EXPIRED,
} RempartWorkspaceActionState;

/*
 * RempartWorkspaceSort:
 * @REMPART_WORKSPACE_SORT_DATE: newest first
 * @REMPART_WORKSPACE_SORT_URGENCY: high priority first, then the soonest to expire
 */
typedef enum
{
  REMPART_WORKSPACE_SORT_DATE,
  REMPART_WORKSPACE_SORT_URGENCY,
} RempartWorkspaceSort;

/* Autosave, like RempartDraftSaver: after this much quiet... */
#define REMPART_WORKSPACE_QUIET_MS 300
/* ...and never later than this after the first unsaved change. */
#define REMPART_WORKSPACE_MAX_DELAY_MS 1000

/* The files of a working copy, in its folder. */
#define REMPART_WORKSPACE_FEED_FILE      "feed.json"
#define REMPART_WORKSPACE_PUBLISHED_FILE "published.json"
#define REMPART_WORKSPACE_INFO_FILE      "workspace.ini"

#define REMPART_TYPE_WORKSPACE (rempart_workspace_get_type ())
G_DECLARE_FINAL_TYPE (RempartWorkspace, rempart_workspace, REMPART, WORKSPACE, GObject)

/* $XDG_DATA_HOME/rempart/moderation: one folder a group. */
char *rempart_workspace_default_base_dir (void);

/* Every working copy under @base_dir, opened (a folder that cannot be opened is skipped). */
void rempart_workspace_list_async (const char *base_dir,
                                   GCancellable *cancellable,
                                   GAsyncReadyCallback callback,
                                   gpointer user_data);
/* Returns: (element-type RempartWorkspace) (transfer container), sorted by title */
GPtrArray *rempart_workspace_list_finish (GAsyncResult *result, GError **error);

void rempart_workspace_open_async (const char *dir,
                                   GCancellable *cancellable,
                                   GAsyncReadyCallback callback,
                                   gpointer user_data);
RempartWorkspace *rempart_workspace_open_finish (GAsyncResult *result, GError **error);

/* A new group: a folder under @base_dir named after @title, with an empty feed. */
void rempart_workspace_create_async (const char *base_dir,
                                     const char *title,
                                     const char *feed_url,
                                     GCancellable *cancellable,
                                     GAsyncReadyCallback callback,
                                     gpointer user_data);
RempartWorkspace *rempart_workspace_create_finish (GAsyncResult *result, GError **error);

/* A group already published: the feed at @feed_url, verified with @public_key (nullable for an
 * unsigned feed), becomes both the working copy and the last published copy. */
void rempart_workspace_download_async (const char *base_dir,
                                       RempartFetcher *fetcher,
                                       const char *feed_url,
                                       RempartMinisignPublicKey *public_key,
                                       GCancellable *cancellable,
                                       GAsyncReadyCallback callback,
                                       gpointer user_data);
RempartWorkspace *rempart_workspace_download_finish (GAsyncResult *result, GError **error);

const char *rempart_workspace_get_dir (RempartWorkspace *self);
const char *rempart_workspace_get_slug (RempartWorkspace *self);
const char *rempart_workspace_get_title (RempartWorkspace *self);
const char *rempart_workspace_get_feed_url (RempartWorkspace *self);
/* The group's public key (minisign base64 line), or %NULL when none is known yet. */
const char *rempart_workspace_get_public_key (RempartWorkspace *self);

/* Returns: (transfer none): the working copy as volunteers' apps would read it */
RempartFeed *rempart_workspace_get_feed (RempartWorkspace *self);
/* Returns: (transfer none) (nullable): the last published copy */
RempartFeed *rempart_workspace_get_published (RempartWorkspace *self);
/* Returns: (transfer none): the working copy's JSON, for the publisher; do not change it */
JsonNode *rempart_workspace_get_document (RempartWorkspace *self);

/* Returns: (element-type RempartAction) (transfer container) */
GPtrArray *rempart_workspace_list_actions (RempartWorkspace *self, RempartWorkspaceSort sort);
RempartWorkspaceActionState
rempart_workspace_get_action_state (RempartWorkspace *self, const char *id, GDateTime *now);

/* Edits: each one changes the working copy at once, emits ::changed and saves soon after. */
gboolean rempart_workspace_add_action (RempartWorkspace *self,
                                       const RempartNewAction *action,
                                       char **out_id,
                                       GError **error);
gboolean rempart_workspace_edit_action (RempartWorkspace *self,
                                        const char *id,
                                        const RempartNewAction *action,
                                        RempartActionFields fields,
                                        GError **error);
/* @out_removed: (out) (optional) (transfer full): the item as it was, for
 * rempart_workspace_restore_action(); @out_index: (out) (optional): where it was */
gboolean rempart_workspace_remove_action (RempartWorkspace *self,
                                          const char *id,
                                          JsonNode **out_removed,
                                          guint *out_index,
                                          GError **error);
/* Puts back an item rempart_workspace_remove_action() took out (undo). */
gboolean rempart_workspace_restore_action (RempartWorkspace *self,
                                           JsonNode *item,
                                           guint index,
                                           GError **error);
gboolean rempart_workspace_set_settings (RempartWorkspace *self,
                                         const RempartFeedSettings *settings,
                                         GError **error);
/* @templates: (element-type RempartFeedTemplate): the group's reply templates, in order */
gboolean
rempart_workspace_set_templates (RempartWorkspace *self, GPtrArray *templates, GError **error);

/* The last published copy (after a publish): kept beside the working copy. */
gboolean
rempart_workspace_set_published (RempartWorkspace *self, GBytes *published, GError **error);
gboolean
rempart_workspace_set_public_key (RempartWorkspace *self, const char *public_key, GError **error);

/* Replaces the whole working copy (after a publish, or with a merge), as an edit would. */
gboolean rempart_workspace_replace_document (RempartWorkspace *self, GBytes *feed, GError **error);

/* Where the group publishes (rempart-workspace-publishing.c), kept in workspace.ini: the WebDAV
 * address of the feed (%NULL: the feed's own address), the user name for it (nullable), and
 * the ETag of the feed last published from here, for If-Match. The server password and the
 * secret key are in RempartKeyring, never here. */
char *rempart_workspace_dup_publish_url (RempartWorkspace *self);
char *rempart_workspace_dup_publish_user (RempartWorkspace *self);
gboolean rempart_workspace_set_publish_target (RempartWorkspace *self,
                                               const char *url,
                                               const char *user,
                                               GError **error);
char *rempart_workspace_dup_published_etag (RempartWorkspace *self);
void rempart_workspace_set_published_etag (RempartWorkspace *self, const char *etag);
/* Returns: (transfer full) (nullable): the last published copy as bytes, the base of a merge */
GBytes *rempart_workspace_dup_published_bytes (RempartWorkspace *self);
/* Returns: (transfer none) (nullable): when the last published copy stops being fresh */
GDateTime *rempart_workspace_get_published_expires (RempartWorkspace *self);

/* Saving: the working copy is written atomically (temporary file, then rename) on a worker
 * thread; writes happen in the order they were asked for. */
gboolean rempart_workspace_has_unsaved_changes (RempartWorkspace *self);
void rempart_workspace_flush (RempartWorkspace *self);
/* Saves now and reports when it is on disk. */
void rempart_workspace_save_async (RempartWorkspace *self,
                                   GCancellable *cancellable,
                                   GAsyncReadyCallback callback,
                                   gpointer user_data);
gboolean
rempart_workspace_save_finish (RempartWorkspace *self, GAsyncResult *result, GError **error);

G_END_DECLS
