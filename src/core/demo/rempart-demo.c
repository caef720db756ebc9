/* rempart-demo.c: the bundled example feed shown before the first real subscription
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rempart-demo-private.h"
#include "rempart-feed-parser.h"
#include "rempart-minisign.h"
#include "rempart-store.h"
#include "rempart-workers.h"

/*
 * The demo feeds are signed like real ones (build-aux/sign-demo-feeds.sh) and go through
 * the same verify → parse → import path, so a first run exercises exactly what a real group
 * feed does and the demo subscription looks like any other signed one (is_signed, pinned
 * key). Only the sync engine treats it apart: it has no server.
 *
 * The import runs in a GTask thread (GResource lookups are cheap, but the source-tree
 * fallback reads files) and talks to the store with its *_sync calls, which only block that
 * thread. Removing is a single store job, queued like any other.
 */

#define DEMO_RESOURCE_DIR "/io/github/rempart/Rempart/demo/"

typedef struct
{
  RempartStore *store;
  char *language;
} DemoData;

/* The test hook's directory, read from the import thread. */
G_LOCK_DEFINE_STATIC (test_dir);
static char *test_dir;

/* -------------------------------------------------------------------------------------- */
/* Helpers                                                                                */
/* -------------------------------------------------------------------------------------- */

static void
demo_data_free (DemoData *data)
{
  g_clear_object (&data->store);
  g_free (data->language);
  g_free (data);
}

static DemoData *
demo_data_new (RempartStore *store, const char *language)
{
  DemoData *data = g_new0 (DemoData, 1);

  data->store = g_object_ref (store);
  data->language = g_strdup (language);
  return data;
}

/* From the application's GResource, or, when it is not registered (unit tests, tools), from
 * $REMPART_SOURCE_ROOT/data/demo/. */
static GBytes *
load_demo_file (const char *name, GError **error)
{
  g_autofree char *resource = g_strconcat (DEMO_RESOURCE_DIR, name, NULL);
  g_autoptr (GError) local_error = NULL;
  const char *source_root = g_getenv ("REMPART_SOURCE_ROOT");
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;
  GBytes *bytes;

  G_LOCK (test_dir);
  if (test_dir != NULL)
    path = g_build_filename (test_dir, name, NULL);
  G_UNLOCK (test_dir);

  if (path == NULL)
    {
      bytes = g_resources_lookup_data (resource, G_RESOURCE_LOOKUP_FLAGS_NONE, &local_error);
      if (bytes != NULL)
        return bytes;
    }

  if (path == NULL && source_root == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _ ("The example actions are missing from this build of Rempart (%s: %s). "
                      "Reinstall Rempart, or add your group’s feed."),
                   resource, local_error->message);
      return NULL;
    }

  if (path == NULL)
    path = g_build_filename (source_root, "data", "demo", name, NULL);
  /* The resource lookup above may have failed: its error is not this one. */
  g_clear_error (&local_error);
  if (!g_file_get_contents (path, &contents, &length, &local_error))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _ ("Could not read the example feed “%s”: %s. Reinstall Rempart, or add "
                      "your group’s feed."),
                   path, local_error->message);
      return NULL;
    }
  return g_bytes_new_take (g_steal_pointer (&contents), length);
}

/* The interface languages that have an example feed of their own, data/demo/feed-<code>.json
 * (also listed in the GResource and signed by build-aux/sign-demo-feeds.sh); any other
 * language gets the English one. */
static const struct
{
  const char *code;
  const char *feed;
} demo_feeds[] = {
  { "de", "feed-de.json" },
  { "fr", "feed-fr.json" },
  { "sv", "feed-sv.json" },
};

/* @language is a locale name (de_DE.UTF-8), a language tag (de-AT) or a bare code (de). */
static const char *
feed_name_for (const char *language)
{
  for (guint i = 0; language != NULL && i < G_N_ELEMENTS (demo_feeds); i++)
    {
      gsize len = strlen (demo_feeds[i].code);

      if (g_ascii_strncasecmp (language, demo_feeds[i].code, len) == 0 &&
          !g_ascii_isalpha (language[len]))
        return demo_feeds[i].feed;
    }
  return "feed-en.json";
}

static RempartSubscription *
find_demo_subscription (RempartStore *store, GError **error)
{
  g_autoptr (GPtrArray) subs = rempart_store_list_subscriptions_sync (store, error);

  if (subs == NULL)
    return NULL;

  for (guint i = 0; i < subs->len; i++)
    {
      RempartSubscription *sub = g_ptr_array_index (subs, i);

      if (sub->is_bundled)
        return rempart_subscription_copy (sub);
    }
  return NULL;
}

/* Verifies and parses the bundled feed; returns its public key through @out_key_base64. */
static RempartFeed *
load_demo_feed (const char *language, char **out_key_base64, GError **error)
{
  const char *name = feed_name_for (language);
  g_autofree char *sig_name = g_strconcat (name, ".minisig", NULL);
  g_autoptr (GBytes) feed_bytes = NULL;
  g_autoptr (GBytes) sig_bytes = NULL;
  g_autoptr (GBytes) key_bytes = NULL;
  g_autoptr (RempartMinisignPublicKey) key = NULL;
  g_autoptr (GError) local_error = NULL;
  gsize key_len = 0;
  const char *key_text;

  feed_bytes = load_demo_file (name, error);
  if (feed_bytes == NULL)
    return NULL;
  sig_bytes = load_demo_file (sig_name, error);
  if (sig_bytes == NULL)
    return NULL;
  key_bytes = load_demo_file ("demo.pub", error);
  if (key_bytes == NULL)
    return NULL;

  key_text = g_bytes_get_data (key_bytes, &key_len);
  key = rempart_minisign_public_key_parse (key_text, key_len, error);
  if (key == NULL)
    return NULL;

  if (!rempart_minisign_verify (key, feed_bytes, sig_bytes, NULL, &local_error))
    {
      g_set_error (error, REMPART_MINISIGN_ERROR, REMPART_MINISIGN_ERROR_BAD_SIGNATURE,
                   _ ("The example feed “%s” does not match its signature (%s): this copy of "
                      "Rempart may have been altered. Reinstall it from a trusted source."),
                   name, local_error->message);
      return NULL;
    }

  *out_key_base64 = rempart_minisign_public_key_to_base64 (key);
  return rempart_feed_parse (feed_bytes, name, error);
}

/* Adds the demo subscription, or returns the existing one when it can take this import. */
static RempartSubscription *
ensure_subscription (RempartStore *store, const char *key_base64, RempartFeed *feed, GError **error)
{
  g_autoptr (RempartSubscription) sub = NULL;
  g_autoptr (GError) local_error = NULL;

  sub = find_demo_subscription (store, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  /* A newer Rempart may ship a new demo key or restart the numbering: the old demo has
   * nothing worth keeping, so start it over rather than refuse the import as a rollback. */
  if (sub != NULL &&
      (g_strcmp0 (sub->public_key, key_base64) != 0 ||
       (rempart_feed_get_seq (feed) >= 0 && sub->last_seq > rempart_feed_get_seq (feed))))
    {
      if (!rempart_store_forget_subscription_url_sync (store, REMPART_DEMO_FEED_URL, error))
        return NULL;
      g_clear_pointer (&sub, rempart_subscription_free);
    }

  if (sub == NULL)
    sub = rempart_store_add_bundled_subscription_sync (store, REMPART_DEMO_FEED_URL, key_base64,
                                                       error);
  return g_steal_pointer (&sub);
}

/* -------------------------------------------------------------------------------------- */
/* Threads                                                                                */
/* -------------------------------------------------------------------------------------- */

static gint64
import_demo (RempartStore *store, const char *language, GCancellable *cancellable, GError **error)
{
  g_autoptr (RempartFeed) feed = NULL;
  g_autoptr (RempartSubscription) sub = NULL;
  g_autofree char *key_base64 = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  feed = load_demo_feed (language, &key_base64, error);
  if (feed == NULL)
    return -1;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return -1;

  sub = ensure_subscription (store, key_base64, feed, error);
  if (sub == NULL)
    return -1;

  g_clear_pointer (&sub->title, g_free); /* the feed's own */
  sub->is_signed = TRUE;
  sub->last_check = now;
  sub->last_success = now;
  sub->next_check = 0;
  sub->failures = 0;
  g_clear_pointer (&sub->last_error, g_free);
  if (!rempart_store_import_feed_sync (store, sub, feed, NULL, error))
    return -1;

  return g_list_model_get_n_items (rempart_feed_get_actions (feed));
}

static void
import_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  DemoData *data = task_data;
  GError *error = NULL;
  gint64 count = import_demo (data->store, data->language, cancellable, &error);

  if (count < 0)
    g_task_return_error (task, error);
  else
    g_task_return_int (task, count);
}

/* -------------------------------------------------------------------------------------- */
/* Public API                                                                             */
/* -------------------------------------------------------------------------------------- */

void
rempart_demo_set_dir_for_testing (const char *dir)
{
  G_LOCK (test_dir);
  g_free (test_dir);
  test_dir = g_strdup (dir);
  G_UNLOCK (test_dir);
}

gboolean
rempart_demo_is_demo_url (const char *url)
{
  return g_strcmp0 (url, REMPART_DEMO_FEED_URL) == 0;
}

void
rempart_demo_import_async (RempartStore *store,
                           const char *language,
                           GCancellable *cancellable,
                           GAsyncReadyCallback callback,
                           gpointer user_data)
{
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (REMPART_IS_STORE (store));

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, rempart_demo_import_async);
  g_task_set_task_data (task, demo_data_new (store, language), (GDestroyNotify) demo_data_free);
  rempart_workers_run_in_thread (task, import_thread);
}

gint64
rempart_demo_import_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (G_IS_TASK (result), -1);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == rempart_demo_import_async, -1);

  return g_task_propagate_int (G_TASK (result), error);
}

gint64
rempart_demo_import_sync (RempartStore *store,
                          const char *language,
                          GCancellable *cancellable,
                          GError **error)
{
  g_return_val_if_fail (REMPART_IS_STORE (store), -1);

  return import_demo (store, language, cancellable, error);
}

/* One job on the store's worker: no thread of ours to wait for it. */
void
rempart_demo_remove_async (RempartStore *store,
                           GCancellable *cancellable,
                           GAsyncReadyCallback callback,
                           gpointer user_data)
{
  g_return_if_fail (REMPART_IS_STORE (store));

  rempart_store_forget_subscription_url_async (store, REMPART_DEMO_FEED_URL, cancellable, callback,
                                               user_data);
}

gboolean
rempart_demo_remove_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (G_IS_TASK (result), FALSE);

  return rempart_store_forget_subscription_url_finish (
      REMPART_STORE (g_task_get_source_object (G_TASK (result))), result, error);
}

gboolean
rempart_demo_remove_sync (RempartStore *store, GCancellable *cancellable, GError **error)
{
  g_return_val_if_fail (REMPART_IS_STORE (store), FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  return rempart_store_forget_subscription_url_sync (store, REMPART_DEMO_FEED_URL, error);
}
