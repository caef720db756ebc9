/* rempart-pack-cache.h: the tone and built-in template packs of each language, read once
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rempart-tone.h"

G_BEGIN_DECLS

/*
 * RempartPacks:
 * @language: the language asked for ("en" when none was)
 * @tone: (nullable): the tone rule pack; %NULL when it could not be loaded
 * @tone_error: (nullable): why @tone is %NULL
 * @builtin: (element-type RempartTemplate): the built-in templates, never %NULL; empty for a
 *   language without a pack, or when the pack is broken
 * @builtin_error: (nullable): why a pack that exists could not be read; a language without
 *   built-in templates is normal and leaves it %NULL
 *
 * The packs of one language. Immutable once loaded and reference-counted, so one copy serves
 * every composer of that language, in any thread. One pack failing never spoils the other:
 * a reply can still be written without hints or without built-in templates.
 */
typedef struct
{
  char *language;
  RempartTonePack *tone;
  GError *tone_error;
  GPtrArray *builtin;
  GError *builtin_error;
} RempartPacks;

#define REMPART_TYPE_PACKS (rempart_packs_get_type ())
GType rempart_packs_get_type (void) G_GNUC_CONST;
RempartPacks *rempart_packs_ref (RempartPacks *packs);
void rempart_packs_unref (RempartPacks *packs);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RempartPacks, rempart_packs_unref)

#define REMPART_TYPE_PACK_CACHE (rempart_pack_cache_get_type ())
G_DECLARE_FINAL_TYPE (RempartPackCache, rempart_pack_cache, REMPART, PACK_CACHE, GObject)

/* An empty cache. Packs are read from $REMPART_DATA_DIR, then the installed data folder,
 * when a language is first asked for. */
RempartPackCache *rempart_pack_cache_new (void);

/*
 * rempart_pack_cache_get_default:
 *
 * The process's cache, made on first use; any thread may call it. Packs are files installed
 * with Rempart, the same for every window and every composer, so one cache per process reads
 * each language once. Whoever needs another (tests, another data folder) makes its own.
 *
 * Returns: (transfer none): the default cache, alive until the process ends
 */
RempartPackCache *rempart_pack_cache_get_default (void);

/*
 * rempart_pack_cache_load_async:
 * @language: (nullable): a language tag or locale name ("fr", "pt-BR", "de_DE.UTF-8"); %NULL
 *   or "" for English
 *
 * Gives the packs of @language: at once (through the caller's main context) when they are
 * cached, else after reading them in a GTask thread. Requests for a language being read wait
 * for that read instead of reading again. May be called from any thread; the callback runs
 * in the caller's thread-default main context.
 *
 * Cancelling @cancellable ends this request at once with %G_IO_ERROR_CANCELLED; a read it
 * started still finishes and fills the cache, for the next request.
 */
void rempart_pack_cache_load_async (RempartPackCache *self,
                                    const char *language,
                                    GCancellable *cancellable,
                                    GAsyncReadyCallback callback,
                                    gpointer user_data);

/*
 * rempart_pack_cache_load_finish:
 *
 * A pack that is missing or broken is not an error here: it is %NULL or empty in the result,
 * with its error beside it (RempartPacks.tone_error, .builtin_error).
 *
 * Returns: (transfer full): the packs, the very same object for every request of one
 *   language; %NULL only when the request was cancelled (%G_IO_ERROR_CANCELLED)
 */
RempartPacks *
rempart_pack_cache_load_finish (RempartPackCache *self, GAsyncResult *result, GError **error);

G_END_DECLS
