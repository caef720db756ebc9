/* rempart-tone.h
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "rempart-feed.h"

G_BEGIN_DECLS

/* The rule ids of the tone check (docs/tone-check.md): stable strings, compare them with
 * g_str_equal() or g_strcmp0(). */
#define REMPART_TONE_RULE_INSULT               "insult"
#define REMPART_TONE_RULE_DEHUMANISING         "dehumanising"
#define REMPART_TONE_RULE_YOU_ARE_LABEL        "you-are-label"
#define REMPART_TONE_RULE_SHOUTING             "shouting"
#define REMPART_TONE_RULE_REPEATED_PUNCTUATION "repeated-punctuation"
#define REMPART_TONE_RULE_MOCKING_EMOJI        "mocking-emoji"
#define REMPART_TONE_RULE_CLAIM_WITHOUT_SOURCE "claim-without-source"
#define REMPART_TONE_RULE_HASHTAG_MISSING      "hashtag-missing"
#define REMPART_TONE_RULE_HASHTAG_POSITION     "hashtag-position"
#define REMPART_TONE_RULE_TOO_SHORT            "too-short"
#define REMPART_TONE_RULE_TOO_LONG             "too-long"
#define REMPART_TONE_RULE_TEMPLATE_COPY        "template-copy"
#define REMPART_TONE_RULE_GENERALISING         "generalising"

#define REMPART_TONE_DEFAULT_MIN_LENGTH 80
#define REMPART_TONE_DEFAULT_MAX_LENGTH 1500

#define REMPART_TONE_ERROR (rempart_tone_error_quark ())

typedef enum
{
  REMPART_TONE_ERROR_NOT_FOUND,
  REMPART_TONE_ERROR_INVALID,
} RempartToneError;

GQuark rempart_tone_error_quark (void);

/* Hints advise; none of them ever blocks sending. */
typedef enum
{
  REMPART_TONE_SEVERITY_ADVICE,
  REMPART_TONE_SEVERITY_WARNING,
} RempartToneSeverity;

#define REMPART_TONE_TYPE_SEVERITY (rempart_tone_severity_get_type ())
GType rempart_tone_severity_get_type (void) G_GNUC_CONST;

/* One piece of advice on a draft. The span is given twice over the checked text: as UTF-8
 * byte offsets and as character offsets (for gtk_text_buffer_get_iter_at_offset()); end is
 * exclusive, and a span that covers nothing (start == end) means the whole draft. @message
 * and @suggestion are translated plain text, never %NULL. */
typedef struct
{
  const char *rule;
  RempartToneSeverity severity;
  gsize start_byte;
  gsize end_byte;
  glong start_char;
  glong end_char;
  char *message;
  char *suggestion;
} RempartToneHint;

#define REMPART_TYPE_TONE_HINT (rempart_tone_hint_get_type ())
GType rempart_tone_hint_get_type (void) G_GNUC_CONST;
RempartToneHint *rempart_tone_hint_copy (const RempartToneHint *hint);
void rempart_tone_hint_free (RempartToneHint *hint);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RempartToneHint, rempart_tone_hint_free)

/* What the check knows about the reply beside its text. Start from
 * rempart_tone_context_init(); a min_length or max_length of 0 turns that rule off. */
typedef struct
{
  const char *hashtag;
  RempartHashtagPosition hashtag_position;
  const char *template_text;
  guint min_length;
  guint max_length;
} RempartToneContext;

void rempart_tone_context_init (RempartToneContext *ctx);

/* The lexicons and patterns of one language, compiled; immutable and thread-safe once
 * loaded, so one pack can serve every draft. */
typedef struct _RempartTonePack RempartTonePack;

#define REMPART_TYPE_TONE_PACK (rempart_tone_pack_get_type ())
GType rempart_tone_pack_get_type (void) G_GNUC_CONST;
RempartTonePack *rempart_tone_pack_load (const char *language, GError **error);
RempartTonePack *
rempart_tone_pack_new_from_bytes (GBytes *json, const char *display_name, GError **error);
RempartTonePack *rempart_tone_pack_ref (RempartTonePack *pack);
void rempart_tone_pack_unref (RempartTonePack *pack);
const char *rempart_tone_pack_get_language (RempartTonePack *pack);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RempartTonePack, rempart_tone_pack_unref)

GPtrArray *
rempart_tone_check (RempartTonePack *pack, const char *text, const RempartToneContext *ctx);

G_END_DECLS
