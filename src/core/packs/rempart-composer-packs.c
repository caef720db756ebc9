/* rempart-composer-packs.c: the tone and template packs of one language, loaded once
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Rempart"

#include "config.h"

#include "rempart-composer-packs.h"
#include "rempart-template-pack.h"

/*
 * Packs are files: they are read and compiled in a GTask thread, never on the main loop, and
 * kept for the life of the process, one per language, because every composer of that
 * language uses the same immutable packs. The cache is only touched on the main thread.
 */

/* -------------------------------------------------------------------------------------- */
/* Statics                                                                                */
/* -------------------------------------------------------------------------------------- */

static GHashTable *cache; /* language → RempartComposerPacks */

/* -------------------------------------------------------------------------------------- */
/* Helpers                                                                                */
/* -------------------------------------------------------------------------------------- */

static void
packs_clear (gpointer data)
{
  RempartComposerPacks *packs = data;

  g_clear_pointer (&packs->language, g_free);
  g_clear_pointer (&packs->tone, rempart_tone_pack_unref);
  g_clear_error (&packs->tone_error);
  g_clear_pointer (&packs->builtin, g_ptr_array_unref);
  g_clear_error (&packs->builtin_error);
}

static void
load_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  const char *language = task_data;
  RempartComposerPacks *packs = g_atomic_rc_box_new0 (RempartComposerPacks);
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

  g_task_return_pointer (task, packs, (GDestroyNotify) rempart_composer_packs_unref);
}

/* -------------------------------------------------------------------------------------- */
/* Public API                                                                             */
/* -------------------------------------------------------------------------------------- */

RempartComposerPacks *
rempart_composer_packs_ref (RempartComposerPacks *packs)
{
  return g_atomic_rc_box_acquire (packs);
}

void
rempart_composer_packs_unref (RempartComposerPacks *packs)
{
  g_atomic_rc_box_release_full (packs, packs_clear);
}

/*
 * rempart_composer_packs_load_async:
 * @language: a language tag ("fr"); %NULL for English
 *
 * Returns the cached packs of @language at once (still through the main loop), or loads them
 * in a thread. Call it on the main thread.
 */
void
rempart_composer_packs_load_async (const char *language,
                                   GCancellable *cancellable,
                                   GAsyncReadyCallback callback,
                                   gpointer user_data)
{
  g_autoptr (GTask) task = NULL;
  RempartComposerPacks *cached;

  if (language == NULL || language[0] == '\0')
    language = "en";

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, rempart_composer_packs_load_async);
  g_task_set_task_data (task, g_strdup (language), g_free);
  /* A composer that moved on cancels its read, but the packs it loaded are still worth
   * caching: let them through to _finish (callers drop results for an old item). */
  g_task_set_check_cancellable (task, FALSE);

  if (cache == NULL)
    cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                   (GDestroyNotify) rempart_composer_packs_unref);

  cached = g_hash_table_lookup (cache, language);
  if (cached != NULL)
    {
      g_task_return_pointer (task, rempart_composer_packs_ref (cached),
                             (GDestroyNotify) rempart_composer_packs_unref);
      return;
    }

  g_task_run_in_thread (task, load_thread);
}

RempartComposerPacks *
rempart_composer_packs_load_finish (GAsyncResult *result, GError **error)
{
  RempartComposerPacks *packs;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (
      g_task_get_source_tag (G_TASK (result)) == rempart_composer_packs_load_async, NULL);

  packs = g_task_propagate_pointer (G_TASK (result), error);
  if (packs != NULL && cache != NULL && !g_hash_table_contains (cache, packs->language))
    g_hash_table_insert (cache, g_strdup (packs->language), rempart_composer_packs_ref (packs));

  return packs;
}
