/* rempart-text-line.h: text from outside made fit for one line of a label
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *rempart_text_for_single_line (const char *text);

G_END_DECLS
