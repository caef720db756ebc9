/* keyring-checks.h: what both keyring test programs check, each on its own backend
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rempart-keyring.h"

G_BEGIN_DECLS

/* The backend every call of the program must report, and a private fallback folder. */
void keyring_checks_add (RempartKeyringBackend expected, const char *fallback_dir);

G_END_DECLS
