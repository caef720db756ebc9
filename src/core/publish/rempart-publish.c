/* rempart-publish.c: a feed made ready to publish, and exported to a folder
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rempart-date.h"
#include "rempart-feed-parser.h"
#include "rempart-feed-writer.h"
#include "rempart-publish.h"
#include "rempart-workers.h"

/*
 * Every publish goes through rempart_publish_prepare(): the feed is checked with the parser the
 * volunteers' app uses (nothing may be skipped), `_rempart.seq` goes up (the app refuses a
 * lower one, so a replayed old copy never wins), `_rempart.expires` says how long this copy is
 * fresh, and the exact bytes are signed. Uploading (HTTP PUT) and exporting take the result.
 */

/* -------------------------------------------------------------------------------------- */
/* Helpers                                                                                */
/* -------------------------------------------------------------------------------------- */

static gboolean
check_strictly (GBytes *bytes, const char *display_name, GError **error)
{
  g_autoptr (RempartFeed) feed = NULL;
  g_autoptr (GError) local_error = NULL;
  guint n_skipped;

  feed = rempart_feed_parse (bytes, display_name, &local_error);
  if (feed == NULL)
    {
      g_set_error (error, REMPART_PUBLISH_ERROR, REMPART_PUBLISH_ERROR_INVALID_FEED,
                   _ ("The feed was not published: %s"), local_error->message);
      return FALSE;
    }

  n_skipped = rempart_feed_get_n_skipped (feed);
  if (n_skipped > 0)
    {
      GPtrArray *warnings = rempart_feed_get_warnings (feed);

      g_set_error (error, REMPART_PUBLISH_ERROR, REMPART_PUBLISH_ERROR_INVALID_FEED,
                   g_dngettext (GETTEXT_PACKAGE,
                                "The feed was not published: volunteers would not get %u "
                                "action (%s). Fix it first.",
                                "The feed was not published: volunteers would not get %u "
                                "actions (%s). Fix them first.",
                                n_skipped),
                   n_skipped,
                   warnings->len > 0 ? (const char *) g_ptr_array_index (warnings, 0) : "");
      return FALSE;
    }
  return TRUE;
}

typedef struct
{
  GBytes *feed;
  RempartMinisignSecretKey *key;
  char *dir;
  char *basename;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_bytes_unref (job->feed);
  rempart_minisign_secret_key_unref (job->key);
  g_free (job->dir);
  g_free (job->basename);
  g_free (job);
}

static void
export_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  ExportJob *job = data;
  g_autoptr (RempartPublication) publication = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  GError *error = NULL;

  publication = rempart_publish_prepare (job->feed, job->basename, job->key, now,
                                         REMPART_PUBLISH_DEFAULT_FRESHNESS, &error);
  if (publication == NULL || !rempart_publish_export (publication, job->dir, job->basename, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, g_steal_pointer (&publication),
                         (GDestroyNotify) rempart_publication_free);
}

/* -------------------------------------------------------------------------------------- */
/* Public API                                                                             */
/* -------------------------------------------------------------------------------------- */

GQuark
rempart_publish_error_quark (void)
{
  return g_quark_from_static_string ("rempart-publish-error-quark");
}

void
rempart_publication_free (RempartPublication *publication)
{
  if (publication == NULL)
    return;
  g_clear_pointer (&publication->feed, g_bytes_unref);
  g_clear_pointer (&publication->signature, g_bytes_unref);
  g_free (publication);
}

/* Signing with the key the feed announced as the next one completes the rotation
 * (docs/feed-format.md): the announcement has served, and volunteers' apps make that key the
 * group's key as soon as they verify this feed. */
static void
drop_completed_rotation (JsonObject *ext, RempartMinisignSecretKey *key)
{
  g_autoptr (RempartMinisignPublicKey) signing = rempart_minisign_secret_key_get_public_key (key);
  g_autoptr (RempartMinisignPublicKey) announced = NULL;
  const char *next;

  if (!json_object_has_member (ext, "next_key") ||
      !JSON_NODE_HOLDS_VALUE (json_object_get_member (ext, "next_key")) ||
      json_node_get_value_type (json_object_get_member (ext, "next_key")) != G_TYPE_STRING)
    return;
  next = json_object_get_string_member (ext, "next_key");
  announced = rempart_minisign_public_key_parse (next, strlen (next), NULL);
  if (announced != NULL && signing != NULL &&
      rempart_minisign_public_key_equal (announced, signing))
    json_object_remove_member (ext, "next_key");
}

/*
 * rempart_publish_prepare:
 * @feed: the moderators' feed file
 * @display_name: its name in messages
 * @key: the group's secret key, opened
 * @now: the time of publishing
 * @freshness: how long the copy is fresh (`_rempart.expires` = @now + @freshness)
 *
 * Returns: (transfer full): the bytes to publish (seq raised, expiry set, every other field
 *   kept) and their signature, or %NULL when the app would not take the feed whole
 */
RempartPublication *
rempart_publish_prepare (GBytes *feed,
                         const char *display_name,
                         RempartMinisignSecretKey *key,
                         GDateTime *now,
                         GTimeSpan freshness,
                         GError **error)
{
  g_autoptr (JsonNode) root = NULL;
  g_autoptr (GDateTime) start = NULL;
  g_autoptr (GDateTime) expires = NULL;
  g_autoptr (RempartPublication) publication = g_new0 (RempartPublication, 1);
  g_autofree char *expiry = NULL;
  g_autofree char *comment = NULL;
  g_autofree char *basename = NULL;
  JsonObject *ext;
  gsize length;
  char *data;

  g_return_val_if_fail (feed != NULL, NULL);
  g_return_val_if_fail (key != NULL, NULL);
  g_return_val_if_fail (now != NULL, NULL);
  g_return_val_if_fail (freshness > 0, NULL);

  if (!check_strictly (feed, display_name, error))
    return NULL;
  root = rempart_feed_load_json (feed, display_name, error);
  if (root == NULL || !rempart_feed_document_bump_seq (root, &publication->seq, error))
    return NULL;

  /* Whole seconds: RFC 3339 as the feed's other dates. */
  start = g_date_time_new_from_unix_utc (g_date_time_to_unix (now));
  expires = g_date_time_add (start, freshness);
  expiry = rempart_date_format (expires);
  ext = json_object_get_object_member (json_node_get_object (root), "_rempart");
  json_object_set_string_member (ext, "expires", expiry);
  drop_completed_rotation (ext, key);

  data = rempart_feed_document_to_data (root, &length);
  publication->feed = g_bytes_new_take (data, length);
  if (!check_strictly (publication->feed, display_name, error))
    return NULL;

  comment = g_strdup_printf ("seq %" G_GINT64_FORMAT " expires %s", publication->seq, expiry);
  basename = g_path_get_basename (display_name != NULL ? display_name : "feed.json");
  publication->signature = rempart_minisign_sign (key, publication->feed, comment, basename, error);
  if (publication->signature == NULL)
    return NULL;

  return g_steal_pointer (&publication);
}

/*
 * rempart_publish_export:
 * @dir: the folder a static site or a git repository publishes
 * @basename: the feed's file name, e.g. "feed.json"; its signature is @basename.minisig
 *
 * Writes both files, each through a temporary file and a rename, so that neither is ever seen
 * half-written. The signature goes first: a volunteer who reads between the two renames gets
 * the new signature with the old feed, which the app answers by fetching again, never by a
 * tampering alarm (src/core/net/rempart-fetcher-signature.c).
 */
gboolean
rempart_publish_export (RempartPublication *publication,
                        const char *dir,
                        const char *basename,
                        GError **error)
{
  g_autofree char *feed_path = NULL;
  g_autofree char *sig_name = NULL;
  g_autofree char *sig_path = NULL;
  g_autoptr (GError) local_error = NULL;
  const char *data;
  gsize length;

  g_return_val_if_fail (publication != NULL, FALSE);
  g_return_val_if_fail (dir != NULL && basename != NULL, FALSE);

  feed_path = g_build_filename (dir, basename, NULL);
  sig_name = g_strconcat (basename, ".minisig", NULL);
  sig_path = g_build_filename (dir, sig_name, NULL);

  data = g_bytes_get_data (publication->signature, &length);
  if (g_file_set_contents_full (sig_path, data, length,
                                G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE, 0644,
                                &local_error))
    {
      data = g_bytes_get_data (publication->feed, &length);
      if (g_file_set_contents_full (feed_path, data, length,
                                    G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                    0644, &local_error))
        return TRUE;
    }

  g_set_error (error, REMPART_PUBLISH_ERROR, REMPART_PUBLISH_ERROR_WRITE_FAILED,
               _ ("The feed was not exported to %s: %s"), dir, local_error->message);
  return FALSE;
}

/*
 * rempart_publish_export_async:
 *
 * Prepares @feed (as rempart_publish_prepare(), fresh for REMPART_PUBLISH_DEFAULT_FRESHNESS)
 * and exports it on a worker thread.
 */
void
rempart_publish_export_async (GBytes *feed,
                              RempartMinisignSecretKey *key,
                              const char *dir,
                              const char *basename,
                              GCancellable *cancellable,
                              GAsyncReadyCallback callback,
                              gpointer user_data)
{
  g_autoptr (GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  ExportJob *job = g_new0 (ExportJob, 1);

  job->feed = g_bytes_ref (feed);
  job->key = rempart_minisign_secret_key_ref (key);
  job->dir = g_strdup (dir);
  job->basename = g_strdup (basename);
  g_task_set_source_tag (task, rempart_publish_export_async);
  g_task_set_task_data (task, job, (GDestroyNotify) export_job_free);
  rempart_workers_run_in_thread (task, export_thread);
}

RempartPublication *
rempart_publish_export_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
