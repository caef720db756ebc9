/* templates-fixture.h: what the templates' test programs share
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rempart-feed-parser.h"

G_BEGIN_DECLS

/* The source tree: packs are read from its data/, the example feed from its tests. */
extern char *source_root;

/* Sets source_root and points REMPART_DATA_DIR at its data/, so that the packs tested are the
 * source tree's, not an installed copy. Returns FALSE, having printed a TAP plan that skips
 * everything, when REMPART_SOURCE_ROOT is not set: run the program with meson test. */
gboolean templates_fixture_init (void);
void templates_fixture_clear (void);

/* Returns: (transfer full): the built-in pack for @language, asserting it loads without a
 * warning */
GPtrArray *load_pack (const char *language);

gboolean strv_has (const char *const *strv, const char *text);
gboolean array_has (GPtrArray *array, const char *text);

/* Returns: (transfer full): tests/unit/feeds/example.json, parsed */
RempartFeed *load_example_feed (void);

G_END_DECLS
