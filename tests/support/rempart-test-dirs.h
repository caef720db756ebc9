/* rempart-test-dirs.h: temporary folders for tests, removed with everything in them
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A new folder under the system's temporary folder, named after @name ("rempart-NAME-XXXXXX");
 * fails the test when it cannot be made. Free with rempart_test_dir_remove(). */
char *rempart_test_dir_new (const char *name);

/* Removes @path and everything under it, without following symbolic links; fails the test
 * when something cannot be removed. Bounded: at most 10,000 entries, 16 levels. */
void rempart_test_dir_remove (const char *path);

G_END_DECLS
