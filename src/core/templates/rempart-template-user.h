/* rempart-template-user.h: the volunteer's own templates, between the store and the composer
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rempart-store.h"
#include "rempart-template.h"

G_BEGIN_DECLS

RempartTemplate *rempart_template_from_user_template (const RempartUserTemplate *user_template);

RempartUserTemplate *rempart_template_to_user_template (RempartTemplate *tmpl);

GPtrArray *rempart_templates_from_user_templates (GPtrArray *user_templates);

G_END_DECLS
