/* rempart-pack-cache.c: the tone and built-in template packs of each language, read once
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Rempart"

#include "config.h"

#include "rempart-pack-cache-private.h"
#include "rempart-template-pack.h"
#include "rempart-workers.h"

/*
 * Packs are files: they are read and compiled in a GTask thread, never on the main loop, and
 * kept as long as the cache, one per language, because every composer of that language can
 * use the same immutable packs.
 *
 * The cache is shared between threads (requests may come from any thread, reads run in
 * GTask's pool), so the tables are behind a mutex. A request for a language that another
 * request is reading waits on a condition in its own pool thread rather than reading again:
 * the reading thread never waits for anyone, so the waiters cannot starve it. Requests are
 * return-on-cancel: a cancelled one answers at once, and the read it started goes on and
 * fills the cache, because the next action in that language will want the same packs.
 */

struct _RempartPackCache
{
  GObject parent_instance;

  GMutex mutex;
  GCond read_done;     /* broadcast whenever a read ends */
  GHashTable *packs;   /* language → RempartPacks */
  GHashTable *reading; /* languages being read (a set) */
  RempartPackCacheReadHook read_hook;
  gpointer read_hook_data;
};

G_DEFINE_FINAL_TYPE (RempartPackCache, rempart_pack_cache, G_TYPE_OBJECT)

G_DEFINE_BOXED_TYPE (RempartPacks, rempart_packs, rempart_packs_ref, rempart_packs_unref)

/* -------------------------------------------------------------------------------------- */
/* Helpers                                                                                */
/* -------------------------------------------------------------------------------------- */

static void
packs_clear (gpointer data)
{
  RempartPacks *packs = data;

  g_clear_pointer (&packs->language, g_free);
  g_clear_pointer (&packs->tone, rempart_tone_pack_unref);
  g_clear_error (&packs->tone_error);
  g_clear_pointer (&packs->builtin, g_ptr_array_unref);
  g_clear_error (&packs->builtin_error);
}

static RempartPacks *
packs_read (const char *language)
{
  RempartPacks *packs = g_atomic_rc_box_new0 (RempartPacks);
  g_autoptr (GError) error = NULL;

  packs->language = g_strdup (language);
  packs->tone = rempart_tone_pack_load (language, &packs->tone_error);
  packs->builtin = rempart_template_pack_load (language, NULL, &error);

  /* A language without built-in templates is normal: the group's and the volunteer's own
   * templates are still there. A broken pack is worth telling. */
  if (packs->builtin == NULL)
    {
      if (!g_error_matches (error, REMPART_TEMPLATE_ERROR, REMPART_TEMPLATE_ERROR_NOT_FOUND))
        packs->builtin_error = g_steal_pointer (&error);
      packs->builtin = g_ptr_array_new_with_free_func (g_object_unref);
    }

  return packs;
}

/* Returns: (transfer full) (nullable): the cached packs of @language */
static RempartPacks *
lookup (RempartPackCache *self, const char *language)
{
  RempartPacks *packs;

  g_mutex_lock (&self->mutex);
  packs = g_hash_table_lookup (self->packs, language);
  if (packs != NULL)
    rempart_packs_ref (packs);
  g_mutex_unlock (&self->mutex);

  return packs;
}

/* -------------------------------------------------------------------------------------- */
/* Callbacks                                                                              */
/* -------------------------------------------------------------------------------------- */

static void
load_thread_cb (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  RempartPackCache *self = source;
  const char *language = task_data;
  RempartPackCacheReadHook hook;
  gpointer hook_data;
  RempartPacks *packs;

  g_mutex_lock (&self->mutex);
  while ((packs = g_hash_table_lookup (self->packs, language)) == NULL &&
         g_hash_table_contains (self->reading, language))
    g_cond_wait (&self->read_done, &self->mutex);

  if (packs != NULL)
    {
      rempart_packs_ref (packs);
      g_mutex_unlock (&self->mutex);
      g_task_return_pointer (task, packs, (GDestroyNotify) rempart_packs_unref);
      return;
    }

  g_hash_table_add (self->reading, g_strdup (language));
  hook = self->read_hook;
  hook_data = self->read_hook_data;
  g_mutex_unlock (&self->mutex);

  if (hook != NULL)
    hook (language, hook_data);
  /* Never fails as a whole: a read always ends in the table, so waiters always wake up. */
  packs = packs_read (language);

  g_mutex_lock (&self->mutex);
  g_hash_table_remove (self->reading, language);
  g_hash_table_insert (self->packs, g_strdup (language), rempart_packs_ref (packs));
  g_cond_broadcast (&self->read_done);
  g_mutex_unlock (&self->mutex);

  g_task_return_pointer (task, packs, (GDestroyNotify) rempart_packs_unref);
}

/* -------------------------------------------------------------------------------------- */
/* Overrides                                                                              */
/* -------------------------------------------------------------------------------------- */

static void
rempart_pack_cache_finalize (GObject *object)
{
  RempartPackCache *self = REMPART_PACK_CACHE (object);

  /* Every read holds a reference through its task: none is running any more. */
  g_clear_pointer (&self->packs, g_hash_table_unref);
  g_clear_pointer (&self->reading, g_hash_table_unref);
  g_cond_clear (&self->read_done);
  g_mutex_clear (&self->mutex);

  G_OBJECT_CLASS (rempart_pack_cache_parent_class)->finalize (object);
}

static void
rempart_pack_cache_class_init (RempartPackCacheClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rempart_pack_cache_finalize;
}

static void
rempart_pack_cache_init (RempartPackCache *self)
{
  g_mutex_init (&self->mutex);
  g_cond_init (&self->read_done);
  self->packs =
      g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) rempart_packs_unref);
  self->reading = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/* -------------------------------------------------------------------------------------- */
/* Public API                                                                             */
/* -------------------------------------------------------------------------------------- */

RempartPacks *
rempart_packs_ref (RempartPacks *packs)
{
  g_return_val_if_fail (packs != NULL, NULL);

  return g_atomic_rc_box_acquire (packs);
}

void
rempart_packs_unref (RempartPacks *packs)
{
  g_return_if_fail (packs != NULL);

  g_atomic_rc_box_release_full (packs, packs_clear);
}

RempartPackCache *
rempart_pack_cache_new (void)
{
  return g_object_new (REMPART_TYPE_PACK_CACHE, NULL);
}

RempartPackCache *
rempart_pack_cache_get_default (void)
{
  static RempartPackCache *default_cache;

  if (g_once_init_enter (&default_cache))
    g_once_init_leave (&default_cache, rempart_pack_cache_new ());

  return default_cache;
}

void
rempart_pack_cache_load_async (RempartPackCache *self,
                               const char *language,
                               GCancellable *cancellable,
                               GAsyncReadyCallback callback,
                               gpointer user_data)
{
  g_autoptr (GTask) task = NULL;
  RempartPacks *cached;

  g_return_if_fail (REMPART_IS_PACK_CACHE (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  if (language == NULL || language[0] == '\0')
    language = "en";

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, rempart_pack_cache_load_async);
  if (g_task_return_error_if_cancelled (task))
    return;

  cached = lookup (self, language);
  if (cached != NULL)
    {
      g_task_return_pointer (task, cached, (GDestroyNotify) rempart_packs_unref);
      return;
    }

  g_task_set_task_data (task, g_strdup (language), g_free);
  g_task_set_return_on_cancel (task, TRUE);
  rempart_workers_run_in_thread (task, load_thread_cb);
}

RempartPacks *
rempart_pack_cache_load_finish (RempartPackCache *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (REMPART_IS_PACK_CACHE (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == rempart_pack_cache_load_async,
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* -------------------------------------------------------------------------------------- */
/* Private API (tests)                                                                    */
/* -------------------------------------------------------------------------------------- */

void
rempart_pack_cache_set_read_hook (RempartPackCache *self,
                                  RempartPackCacheReadHook hook,
                                  gpointer user_data)
{
  g_return_if_fail (REMPART_IS_PACK_CACHE (self));

  g_mutex_lock (&self->mutex);
  self->read_hook = hook;
  self->read_hook_data = user_data;
  g_mutex_unlock (&self->mutex);
}
