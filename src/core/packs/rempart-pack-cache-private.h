/* rempart-pack-cache-private.h: what the tests see inside the pack cache
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rempart-pack-cache.h"

G_BEGIN_DECLS

/* Called in the reading thread, without the cache's lock, just before the files of
 * @language are read. */
typedef void (*RempartPackCacheReadHook) (const char *language, gpointer user_data);

/* Lets a test count the reads, and hold one to make requests meet; %NULL removes it. */
void rempart_pack_cache_set_read_hook (RempartPackCache *self,
                                       RempartPackCacheReadHook hook,
                                       gpointer user_data);

G_END_DECLS
