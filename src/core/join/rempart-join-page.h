/* rempart-join-page.h: the static web page a group puts beside its feed
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rempart-join-link.h"

G_BEGIN_DECLS

char *rempart_join_page_html (const RempartJoinLink *link, const char *description, GError **error);

G_END_DECLS
