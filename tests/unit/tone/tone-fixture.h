/* tone-fixture.h: what the tone check's test programs share
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rempart-tone.h"

G_BEGIN_DECLS

/* Points REMPART_DATA_DIR at the source tree's data/ (unless it is set already), so that the
 * packs tested are the source tree's, not an installed copy. */
void tone_fixture_init (void);

/* Returns: (transfer full): the pack for @language, asserting that it loads */
RempartTonePack *load_pack (const char *language);

/* Every hint of every check must hold these, whatever the text. */
void assert_hints_sane (const char *text, GPtrArray *hints);

/* Checks @text with no hashtag and no length limits, so that one rule shows alone. */
GPtrArray *check_bare (RempartTonePack *pack, const char *text);

/* Returns: (transfer full): the rules of @hints, space-separated, in order */
char *rules_of (GPtrArray *hints);

void assert_rules (RempartTonePack *pack, const char *text, const char *expected);
void assert_hint (GPtrArray *hints,
                  guint index,
                  const char *rule,
                  RempartToneSeverity severity,
                  gsize start_byte,
                  gsize end_byte,
                  glong start_char,
                  glong end_char);

/* Checks @text with @hashtag at @position and no minimum length. */
GPtrArray *check_hashtag (RempartTonePack *pack,
                          const char *text,
                          const char *hashtag,
                          RempartHashtagPosition position);

G_END_DECLS
