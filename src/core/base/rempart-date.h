/* rempart-date.h
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

GDateTime *rempart_date_parse (const char *text);
char *rempart_date_format (GDateTime *date);

G_END_DECLS
