/* rempart-row-text.h: a list row's text, shaped once for the width it is given
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/*
 * What a GtkLabel with xalign 0, ellipsized at the end, shows, and looks like one (its CSS
 * name is "label"), for the rows of a long list: a GtkLabel shapes its whole text for each
 * width GTK asks about (0 and -1 for its widths, then the width it will have for its height,
 * then again when it is allocated), and GTK asks for its widths whenever it measures its
 * height. A RempartRowText asks two ems of width whatever its text, and shapes its text once
 * for the width it is measured and allocated at.
 *
 * Properties:
 *   text  (string, read/write): shown as it is, never as markup
 *   lines (int, construct-only, at least 1): 1 shows one line (a newline is shown as a
 *         symbol, like a GtkLabel's single-line mode); more wraps at words (characters
 *         within a word too long for a line) on up to that many lines
 *
 * Its accessible role is a label, named by its text.
 */

#define REMPART_TYPE_ROW_TEXT (rempart_row_text_get_type ())
G_DECLARE_FINAL_TYPE (RempartRowText, rempart_row_text, REMPART, ROW_TEXT, GtkWidget)

GtkWidget *rempart_row_text_new (int lines);

const char *rempart_row_text_get_text (RempartRowText *self);
void rempart_row_text_set_text (RempartRowText *self, const char *text);

int rempart_row_text_get_lines (RempartRowText *self);

G_END_DECLS
