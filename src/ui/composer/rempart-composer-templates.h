/* rempart-composer-templates.h: the composer's template list and "Save as Template" dialog
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rempart-template.h"

G_BEGIN_DECLS

/* A row of the template popover; the template is its "rempart-template" data. Read-only
 * templates (built-in, the group's) get a Duplicate button that calls @duplicate_cb
 * (GtkButton *button, gpointer user_data), the template being the button's
 * "rempart-template" data. */
GtkWidget *rempart_composer_template_row_new (RempartTemplate *tmpl,
                                              GCallback duplicate_cb,
                                              gpointer user_data);

/* Returns: (transfer none) (nullable): the template of a row or button made above */
RempartTemplate *rempart_composer_template_row_get_template (GtkWidget *row_or_button);

/* A GtkListBoxUpdateHeaderFunc: a heading for each origin. */
void rempart_composer_template_header_func (GtkListBoxRow *row,
                                            GtkListBoxRow *before,
                                            gpointer user_data);

/* Asks for a template's title: responses "cancel" and "save", "save" only enabled once the
 * title (the dialog's extra child, a GtkEntry) has a word in it. */
AdwMessageDialog *rempart_composer_template_dialog_new (GtkWidget *parent);

/* Returns: (transfer full): the title typed in @dialog, stripped */
char *rempart_composer_template_dialog_get_title (AdwMessageDialog *dialog);

G_END_DECLS
