/* rempart-workspace-io.c: the working copies' files, on worker threads
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "rempart-feed-parser.h"
#include "rempart-workspace-private.h"
#include "rempart-workers.h"

/*
 * Every write goes through one thread (a GThreadPool of one, first in first out), so the
 * copies of a file land in the order they were made. g_file_set_contents_full() writes a
 * temporary file, syncs it and renames it over the old one: a crash leaves the old copy or
 * the new one, never half of one. The writer's jobs are counted (rempart_workers_hold()), so
 * that the application's exit waits for a write like for every other worker. Folders are 0700
 * and files 0600: a working copy can hold actions not yet meant to be public.
 */

/* Feeds are read up to the parser's own limit. */
#define MAX_FEED_SIZE (8 * 1024 * 1024)

typedef struct
{
  char *path;
  GBytes *bytes;
} WriteJob;

typedef struct
{
  char *base_dir;
  char *title;
  char *feed_url;
  GBytes *body;
  char *public_key;
} CreateJob;

/* -------------------------------------------------------------------------------------- */
/* Helpers                                                                                */
/* -------------------------------------------------------------------------------------- */

static void
write_job_free (WriteJob *job)
{
  g_free (job->path);
  g_clear_pointer (&job->bytes, g_bytes_unref);
  g_free (job);
}

static void
create_job_free (CreateJob *job)
{
  g_free (job->base_dir);
  g_free (job->title);
  g_free (job->feed_url);
  g_clear_pointer (&job->body, g_bytes_unref);
  g_free (job->public_key);
  g_free (job);
}

static gboolean
write_file (const char *path, GBytes *bytes, GError **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr (GError) local_error = NULL;
  gsize length = 0;
  const char *data = g_bytes_get_data (bytes, &length);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, REMPART_WORKSPACE_ERROR, REMPART_WORKSPACE_ERROR_FAILED,
                   _ ("Could not create the folder %s: %s"), dir, g_strerror (saved_errno));
      return FALSE;
    }
  if (!g_file_set_contents_full (path, data != NULL ? data : "", length,
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0600, &local_error))
    {
      g_set_error (error, REMPART_WORKSPACE_ERROR, REMPART_WORKSPACE_ERROR_FAILED,
                   _ ("Could not save %s: %s. Check that the disk has room and the folder can "
                      "be written to"),
                   path, local_error->message);
      return FALSE;
    }
  return TRUE;
}

static void
writer_func (gpointer data, gpointer user_data)
{
  g_autoptr (GTask) task = data;
  WriteJob *job = g_task_get_task_data (task);
  GError *error = NULL;

  /* A write is never skipped for a cancellation: it is the user's work. A job without a path
   * is a barrier: it returns once every write asked for before it is done. */
  if (job->path != NULL && !write_file (job->path, job->bytes, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);

  /* Counted like every other worker, so that the application's exit waits for a write. */
  rempart_workers_release ();
}

static GThreadPool *
get_writer (void)
{
  static gsize writer = 0;

  if (g_once_init_enter (&writer))
    {
      GThreadPool *pool = g_thread_pool_new (writer_func, NULL, 1, FALSE, NULL);

      g_once_init_leave (&writer, (gsize) pool);
    }
  return (GThreadPool *) writer;
}

static JsonNode *
read_json (const char *path, gboolean optional, GError **error)
{
  g_autoptr (GError) local_error = NULL;
  g_autofree char *data = NULL;
  g_autofree char *name = g_path_get_basename (path);
  g_autoptr (GBytes) bytes = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &data, &length, &local_error))
    {
      if (optional && g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return NULL;
      g_set_error (error, REMPART_WORKSPACE_ERROR,
                   g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT)
                       ? REMPART_WORKSPACE_ERROR_NOT_FOUND
                       : REMPART_WORKSPACE_ERROR_FAILED,
                   _ ("Could not read %s: %s"), path, local_error->message);
      return NULL;
    }
  bytes = g_bytes_new_take (g_steal_pointer (&data), length);
  return rempart_feed_load_json (bytes, name, error);
}

/* A folder name from the group's name: lower-case ASCII letters and digits, dashes between. */
static char *
make_slug (const char *title)
{
  g_autofree char *ascii = g_str_to_ascii (title != NULL ? title : "", NULL);
  GString *slug = g_string_new (NULL);

  for (const char *p = ascii; *p != '\0' && slug->len < 40; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (slug, g_ascii_tolower (*p));
      else if (slug->len > 0 && slug->str[slug->len - 1] != '-')
        g_string_append_c (slug, '-');
    }
  while (slug->len > 0 && slug->str[slug->len - 1] == '-')
    g_string_truncate (slug, slug->len - 1);
  if (slug->len == 0)
    g_string_append (slug, "group");
  return g_string_free (slug, FALSE);
}

/* Claims a new folder: mkdir fails when the name is taken, so two groups never share one. */
static char *
claim_folder (const char *base_dir, const char *title, GError **error)
{
  g_autofree char *slug = make_slug (title);

  if (g_mkdir_with_parents (base_dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, REMPART_WORKSPACE_ERROR, REMPART_WORKSPACE_ERROR_FAILED,
                   _ ("Could not create the folder %s: %s"), base_dir, g_strerror (saved_errno));
      return NULL;
    }
  for (guint i = 1; i <= 100; i++)
    {
      g_autofree char *name = i == 1 ? g_strdup (slug) : g_strdup_printf ("%s-%u", slug, i);
      g_autofree char *dir = g_build_filename (base_dir, name, NULL);

      if (g_mkdir (dir, 0700) == 0)
        return g_steal_pointer (&dir);
      if (errno != EEXIST)
        {
          int saved_errno = errno;

          g_set_error (error, REMPART_WORKSPACE_ERROR, REMPART_WORKSPACE_ERROR_FAILED,
                       _ ("Could not create the folder %s: %s"), dir, g_strerror (saved_errno));
          return NULL;
        }
    }
  g_set_error (error, REMPART_WORKSPACE_ERROR, REMPART_WORKSPACE_ERROR_FAILED,
               _ ("Too many groups are named like “%s” in %s: remove the ones you no longer "
                  "moderate"),
               slug, base_dir);
  return NULL;
}

static int
compare_titles (gconstpointer a, gconstpointer b)
{
  RempartWorkspace *wa = *(RempartWorkspace **) a;
  RempartWorkspace *wb = *(RempartWorkspace **) b;
  g_autofree char *fa = g_utf8_casefold (rempart_workspace_get_title (wa), -1);
  g_autofree char *fb = g_utf8_casefold (rempart_workspace_get_title (wb), -1);
  g_autofree char *ka = g_utf8_collate_key (fa, -1);
  g_autofree char *kb = g_utf8_collate_key (fb, -1);

  return strcmp (ka, kb);
}

/* -------------------------------------------------------------------------------------- */
/* Threads                                                                                */
/* -------------------------------------------------------------------------------------- */

static void
open_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  GError *error = NULL;
  RempartWorkspace *workspace = rempart_workspace_load_sync (task_data, &error);

  if (workspace == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, workspace, g_object_unref);
}

static void
list_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  const char *base_dir = task_data;
  g_autoptr (GPtrArray) result = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GDir) dir = NULL;
  g_autoptr (GError) error = NULL;
  const char *name;
  guint count = 0;

  dir = g_dir_open (base_dir, 0, &error);
  if (dir == NULL)
    {
      /* No folder yet: no group yet. */
      if (g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        g_task_return_pointer (task, g_steal_pointer (&result), (GDestroyNotify) g_ptr_array_unref);
      else
        g_task_return_new_error (task, REMPART_WORKSPACE_ERROR, REMPART_WORKSPACE_ERROR_FAILED,
                                 _ ("Could not read the folder %s: %s"), base_dir, error->message);
      return;
    }
  /* Bounded: a moderator has a handful of groups, not thousands. */
  while ((name = g_dir_read_name (dir)) != NULL && count++ < 1000)
    {
      g_autofree char *path = g_build_filename (base_dir, name, NULL);
      RempartWorkspace *workspace;

      if (g_task_return_error_if_cancelled (task))
        return;
      if (!g_file_test (path, G_FILE_TEST_IS_DIR))
        continue;
      workspace = rempart_workspace_load_sync (path, NULL);
      if (workspace != NULL)
        g_ptr_array_add (result, workspace);
    }
  g_ptr_array_sort (result, compare_titles);
  g_task_return_pointer (task, g_steal_pointer (&result), (GDestroyNotify) g_ptr_array_unref);
}

static void
create_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  CreateJob *job = task_data;
  g_autoptr (GBytes) bytes = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *feed_path = NULL;
  GError *error = NULL;
  RempartWorkspace *workspace;

  if (job->body != NULL)
    bytes = g_bytes_ref (job->body);
  else
    {
      g_autoptr (JsonNode) root = rempart_feed_document_new (job->title, job->feed_url);
      gsize length = 0;
      char *data = rempart_feed_document_to_data (root, &length);

      bytes = g_bytes_new_take (data, length);
    }

  dir = claim_folder (job->base_dir, job->title, &error);
  if (dir == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  feed_path = g_build_filename (dir, REMPART_WORKSPACE_FEED_FILE, NULL);
  if (!write_file (feed_path, bytes, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  if (job->body != NULL)
    {
      g_autofree char *published_path =
          g_build_filename (dir, REMPART_WORKSPACE_PUBLISHED_FILE, NULL);

      if (!write_file (published_path, bytes, &error))
        {
          g_task_return_error (task, error);
          return;
        }
    }
  if (job->public_key != NULL)
    {
      g_autoptr (GKeyFile) info = g_key_file_new ();
      g_autofree char *info_path = g_build_filename (dir, REMPART_WORKSPACE_INFO_FILE, NULL);
      g_autoptr (GBytes) info_bytes = NULL;
      gsize length = 0;
      char *data;

      g_key_file_set_string (info, "workspace", "public-key", job->public_key);
      data = g_key_file_to_data (info, &length, NULL);
      info_bytes = g_bytes_new_take (data, length);
      if (!write_file (info_path, info_bytes, &error))
        {
          g_task_return_error (task, error);
          return;
        }
    }

  workspace = rempart_workspace_load_sync (dir, &error);
  if (workspace == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, workspace, g_object_unref);
}

/* -------------------------------------------------------------------------------------- */
/* Callbacks                                                                              */
/* -------------------------------------------------------------------------------------- */

static void
fetch_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  CreateJob *job = g_task_get_task_data (task);
  g_autoptr (RempartFetchResult) fetched = NULL;
  g_autoptr (RempartFeed) feed = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *name = NULL;

  fetched = rempart_fetcher_fetch_finish (REMPART_FETCHER (source), result, &error);
  if (fetched == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (rempart_fetch_result_get_status (fetched) != REMPART_FETCH_STATUS_OK ||
      rempart_fetch_result_get_body (fetched) == NULL)
    {
      g_task_return_new_error (task, REMPART_WORKSPACE_ERROR, REMPART_WORKSPACE_ERROR_FAILED,
                               _ ("The server at %s did not send the feed now (HTTP %u); try "
                                  "again later"),
                               job->feed_url, rempart_fetch_result_get_http_status (fetched));
      return;
    }
  if (job->public_key != NULL && !rempart_fetch_result_get_signed (fetched))
    {
      g_task_return_new_error (task, REMPART_WORKSPACE_ERROR, REMPART_WORKSPACE_ERROR_NOT_SIGNED,
                               _ ("The feed at %s is not signed with this key; check the key "
                                  "you were given"),
                               job->feed_url);
      return;
    }

  name = g_path_get_basename (job->feed_url);
  feed = rempart_feed_parse (rempart_fetch_result_get_body (fetched), name, &error);
  if (feed == NULL)
    {
      g_task_return_new_error (task, REMPART_WORKSPACE_ERROR, REMPART_WORKSPACE_ERROR_INVALID,
                               _ ("The address %s does not give a group feed: %s"), job->feed_url,
                               error->message);
      return;
    }
  g_free (job->title);
  job->title = g_strdup (rempart_feed_get_title (feed));
  job->body = g_bytes_ref (rempart_fetch_result_get_body (fetched));
  rempart_workers_run_in_thread (task, create_thread);
}

/* -------------------------------------------------------------------------------------- */
/* Private API                                                                            */
/* -------------------------------------------------------------------------------------- */

void
rempart_workspace_write_file_async (const char *path,
                                    GBytes *bytes,
                                    GCancellable *cancellable,
                                    GAsyncReadyCallback callback,
                                    gpointer user_data)
{
  GTask *task;
  WriteJob *job;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, rempart_workspace_write_file_async);
  job = g_new0 (WriteJob, 1);
  job->path = g_strdup (path);
  job->bytes = bytes != NULL ? g_bytes_ref (bytes) : NULL;
  g_task_set_task_data (task, job, (GDestroyNotify) write_job_free);
  rempart_workers_hold (task);
  g_thread_pool_push (get_writer (), task, NULL);
}

gboolean
rempart_workspace_write_file_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

RempartWorkspace *
rempart_workspace_load_sync (const char *dir, GError **error)
{
  g_autofree char *feed_path = g_build_filename (dir, REMPART_WORKSPACE_FEED_FILE, NULL);
  g_autofree char *published_path = g_build_filename (dir, REMPART_WORKSPACE_PUBLISHED_FILE, NULL);
  g_autofree char *info_path = g_build_filename (dir, REMPART_WORKSPACE_INFO_FILE, NULL);
  g_autoptr (JsonNode) root = NULL;
  g_autoptr (JsonNode) published = NULL;
  g_autoptr (GKeyFile) info = g_key_file_new ();

  root = read_json (feed_path, FALSE, error);
  if (root == NULL)
    return NULL;
  /* A damaged published copy or settings file is not a reason to refuse the working copy. */
  published = read_json (published_path, TRUE, NULL);
  if (!g_key_file_load_from_file (info, info_path, G_KEY_FILE_NONE, NULL))
    g_clear_pointer (&info, g_key_file_unref);
  return rempart_workspace_new_loaded (dir, g_steal_pointer (&root), g_steal_pointer (&published),
                                       info, error);
}

/* -------------------------------------------------------------------------------------- */
/* Public API                                                                             */
/* -------------------------------------------------------------------------------------- */

void
rempart_workspace_list_async (const char *base_dir,
                              GCancellable *cancellable,
                              GAsyncReadyCallback callback,
                              gpointer user_data)
{
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (base_dir != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, rempart_workspace_list_async);
  g_task_set_task_data (task, g_strdup (base_dir), g_free);
  rempart_workers_run_in_thread (task, list_thread);
}

GPtrArray *
rempart_workspace_list_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

void
rempart_workspace_open_async (const char *dir,
                              GCancellable *cancellable,
                              GAsyncReadyCallback callback,
                              gpointer user_data)
{
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (dir != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, rempart_workspace_open_async);
  g_task_set_task_data (task, g_strdup (dir), g_free);
  rempart_workers_run_in_thread (task, open_thread);
}

RempartWorkspace *
rempart_workspace_open_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

void
rempart_workspace_create_async (const char *base_dir,
                                const char *title,
                                const char *feed_url,
                                GCancellable *cancellable,
                                GAsyncReadyCallback callback,
                                gpointer user_data)
{
  g_autoptr (GTask) task = NULL;
  g_autofree char *url = NULL;
  g_autofree char *trimmed = NULL;
  g_autoptr (GError) error = NULL;
  CreateJob *job;

  g_return_if_fail (base_dir != NULL && title != NULL && feed_url != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, rempart_workspace_create_async);

  url = rempart_feed_normalize_url (feed_url, &error);
  if (url == NULL)
    {
      g_task_return_new_error (task, REMPART_WORKSPACE_ERROR, REMPART_WORKSPACE_ERROR_INVALID,
                               _ ("The feed’s address is not valid: %s"), error->message);
      return;
    }
  trimmed = g_strstrip (g_strdup (title));
  if (trimmed[0] == '\0')
    {
      g_task_return_new_error (task, REMPART_WORKSPACE_ERROR, REMPART_WORKSPACE_ERROR_INVALID,
                               _ ("A group needs a name"));
      return;
    }

  job = g_new0 (CreateJob, 1);
  job->base_dir = g_strdup (base_dir);
  job->title = g_steal_pointer (&trimmed);
  job->feed_url = g_steal_pointer (&url);
  g_task_set_task_data (task, job, (GDestroyNotify) create_job_free);
  rempart_workers_run_in_thread (task, create_thread);
}

RempartWorkspace *
rempart_workspace_create_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

void
rempart_workspace_download_async (const char *base_dir,
                                  RempartFetcher *fetcher,
                                  const char *feed_url,
                                  RempartMinisignPublicKey *public_key,
                                  GCancellable *cancellable,
                                  GAsyncReadyCallback callback,
                                  gpointer user_data)
{
  RempartFetchRequest request = { 0 };
  GTask *task;
  CreateJob *job;

  g_return_if_fail (base_dir != NULL && feed_url != NULL);
  g_return_if_fail (REMPART_IS_FETCHER (fetcher));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, rempart_workspace_download_async);
  job = g_new0 (CreateJob, 1);
  job->base_dir = g_strdup (base_dir);
  job->feed_url = g_strdup (feed_url);
  if (public_key != NULL)
    job->public_key = rempart_minisign_public_key_to_base64 (public_key);
  g_task_set_task_data (task, job, (GDestroyNotify) create_job_free);

  request.url = feed_url;
  request.public_key = public_key;
  rempart_fetcher_fetch_async (fetcher, &request, cancellable, fetch_cb, task);
}

RempartWorkspace *
rempart_workspace_download_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
