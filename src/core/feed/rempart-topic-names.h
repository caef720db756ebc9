/* rempart-topic-names.h
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rempart-action.h"

G_BEGIN_DECLS

const char *rempart_topic_get_display_name (RempartTopic topic);

G_END_DECLS
