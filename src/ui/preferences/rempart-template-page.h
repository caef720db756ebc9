/* rempart-template-page.h: the Templates page of Preferences, the volunteer's own templates
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rempart-store.h"
#include "rempart-template-editor.h"

G_BEGIN_DECLS

#define REMPART_TYPE_TEMPLATE_PAGE (rempart_template_page_get_type ())
G_DECLARE_FINAL_TYPE (RempartTemplatePage,
                      rempart_template_page,
                      REMPART,
                      TEMPLATE_PAGE,
                      AdwPreferencesPage)

/* Sets the store and lists its templates. */
void rempart_template_page_set_store (RempartTemplatePage *self, RempartStore *store);

/* Lists the templates again; a listing in flight is replaced. */
void rempart_template_page_reload (RempartTemplatePage *self);

/* Returns: (transfer none) (nullable): the editor, while it is shown */
RempartTemplateEditor *rempart_template_page_get_editor (RempartTemplatePage *self);

G_END_DECLS
