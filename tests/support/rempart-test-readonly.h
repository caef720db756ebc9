/* rempart-test-readonly.h: write-protecting a file or a folder, even as root
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * Makes @path (a file or a folder) write-protected for this process, or writable again.
 * As a user, with its permission bits (0444 / 0555). As root, who ignores them, with the
 * file system's immutable attribute (chattr +i), which the kernel enforces for root too.
 * Returns FALSE, with @how saying why, when neither is possible here (root on a file system
 * without the attribute, or without CAP_LINUX_IMMUTABLE): the caller skips, saying so.
 * @how: (out) (optional): what was used, or why nothing could be
 */
gboolean rempart_test_set_write_protected (const char *path, gboolean protect, char **how);

G_END_DECLS
