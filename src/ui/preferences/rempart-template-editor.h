/* rempart-template-editor.h: editing one of the volunteer's own templates
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rempart-store.h"

G_BEGIN_DECLS

#define REMPART_TYPE_TEMPLATE_EDITOR (rempart_template_editor_get_type ())
G_DECLARE_FINAL_TYPE (RempartTemplateEditor,
                      rempart_template_editor,
                      REMPART,
                      TEMPLATE_EDITOR,
                      AdwBin)

/* @tmpl is copied; "saved" is emitted once the store has the new title and text. */
RempartTemplateEditor *rempart_template_editor_new (RempartStore *store,
                                                    const RempartUserTemplate *tmpl);

G_END_DECLS
