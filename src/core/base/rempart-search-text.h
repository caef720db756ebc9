/* rempart-search-text.h: text folded for a search that ignores case and accents
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *rempart_search_fold (const char *text);
void rempart_search_fold_append (GString *out, const char *text);

G_END_DECLS
