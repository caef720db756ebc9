/* rempart-html-entities.h
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gunichar rempart_html_lookup_entity (const char *name);

G_END_DECLS
