/* rempart-demo-private.h: test hook of the demo feed
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rempart-demo.h"

G_BEGIN_DECLS

/* Reads the demo files from @dir (feed-*.json, .minisig, demo.pub) instead of the GResource
 * and $REMPART_SOURCE_ROOT/data/demo; %NULL restores the default. Tests use it for a tampered
 * copy without setenv() while the store's thread runs. */
void rempart_demo_set_dir_for_testing (const char *dir);

G_END_DECLS
