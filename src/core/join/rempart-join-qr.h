/* rempart-join-qr.h: QR codes of join links, as SVG or PNG
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The white margin around the code, in modules: the four the QR standard asks for. */
#define REMPART_JOIN_QR_QUIET_ZONE 4

char *rempart_join_qr_svg (const char *text, const char *title, GError **error);
GBytes *rempart_join_qr_png (const char *text, guint pixels_per_module, GError **error);

G_END_DECLS
