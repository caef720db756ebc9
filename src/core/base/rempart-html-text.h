/* rempart-html-text.h
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * RempartTextMode:
 * @REMPART_TEXT_SINGLE_LINE: titles, ids and other one-line fields: every control character
 *   (C0, DEL, C1) goes; tabs and line breaks become spaces; bidirectional controls and
 *   zero-width characters go (rempart_text_for_single_line()).
 * @REMPART_TEXT_MULTI_LINE: briefs and other running text: line breaks and tabs stay, every
 *   other control character goes.
 */
typedef enum
{
  REMPART_TEXT_SINGLE_LINE,
  REMPART_TEXT_MULTI_LINE,
} RempartTextMode;

char *rempart_html_decode_entities (const char *text);
char *rempart_html_to_text (const char *html);

char *rempart_text_sanitize (const char *text, RempartTextMode mode);
char *rempart_text_first_line (const char *text, guint max_chars);
char *rempart_text_truncate (const char *text, guint max_chars);
char *rempart_text_quote (const char *text);

G_END_DECLS
