/* rempart-platform.h: which platform a thread address is on
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The platforms the action editor offers, in its order; "web" is any other site. */
const char *const *rempart_platform_get_all (void);

/*
 * rempart_platform_for_url:
 * @url: an http(s) address
 *
 * Returns: (nullable): the platform of @url's host ("facebook", "youtube", "x", "instagram",
 *   "tiktok", "linkedin", "reddit", or "web" for any other site), or %NULL when @url is not an
 *   absolute http(s) address with a host
 */
const char *rempart_platform_for_url (const char *url);

G_END_DECLS
