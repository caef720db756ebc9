/* bench-common.h: what the store benchmarks share
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rempart-feed-parser.h"
#include "rempart-store.h"

G_BEGIN_DECLS

/* A feed of @n_actions actions; one action in ten has @variant in its title, so that two
 * variants differ in 10% of the actions. Aborts on a parse error. */
RempartFeed *bench_make_feed (guint n_actions, guint variant);
/* The same feed's JSON text. */
GBytes *bench_make_feed_bytes (guint n_actions, guint variant);

double bench_ms_since (gint64 start);

/* Opens a new store at @path with one subscription; aborts on error. */
RempartStore *bench_open_store (const char *path, RempartSubscription **out_sub);

G_END_DECLS
