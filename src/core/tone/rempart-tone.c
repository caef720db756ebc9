/* rempart-tone.c
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "rempart-tone-private.h"

/*
 * The local tone check: before a volunteer posts, it points at what the group's rules and
 * the research advise against (insults, labels on the person, dehumanising words, shouting,
 * mockery, facts without a source) and at the group's conventions (hashtag, length, own
 * words). It runs on every keystroke, offline, and never blocks anything: every hint is
 * advice with a span the editor can underline.
 *
 * This file runs the rules and owns the hints; the rules live in rempart-tone-words.c,
 * rempart-tone-claims.c, rempart-tone-characters.c and rempart-tone-conventions.c, with
 * their messages behind gettext; the packs hold only lexicons and patterns.
 */

G_DEFINE_ENUM_TYPE (RempartToneSeverity,
                    rempart_tone_severity,
                    G_DEFINE_ENUM_VALUE (REMPART_TONE_SEVERITY_ADVICE, "advice"),
                    G_DEFINE_ENUM_VALUE (REMPART_TONE_SEVERITY_WARNING, "warning"))

G_DEFINE_BOXED_TYPE (RempartToneHint,
                     rempart_tone_hint,
                     rempart_tone_hint_copy,
                     rempart_tone_hint_free)

/* -------------------------------------------------------------------------------------- */
/* Helpers                                                                                */
/* -------------------------------------------------------------------------------------- */

void
tone_add_hint (ToneChecker *ch,
               const char *rule,
               RempartToneSeverity severity,
               gsize start_byte,
               gsize end_byte,
               glong start_char,
               glong end_char,
               char *message,
               char *suggestion)
{
  RempartToneHint *hint = g_new0 (RempartToneHint, 1);

  hint->rule = rule;
  hint->severity = severity;
  hint->start_byte = start_byte;
  hint->end_byte = end_byte;
  hint->start_char = start_char;
  hint->end_char = end_char;
  hint->message = message;
  hint->suggestion = suggestion;
  g_ptr_array_add (ch->hints, hint);
}

gboolean
tone_only_spaces (const char *p, const char *end)
{
  for (; p < end; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

static int
compare_hints (gconstpointer a, gconstpointer b)
{
  const RempartToneHint *ha = *(RempartToneHint *const *) a;
  const RempartToneHint *hb = *(RempartToneHint *const *) b;

  if (ha->start_byte != hb->start_byte)
    return ha->start_byte < hb->start_byte ? -1 : 1;
  if (ha->end_byte != hb->end_byte)
    return ha->end_byte < hb->end_byte ? -1 : 1;
  return strcmp (ha->rule, hb->rule);
}

/* -------------------------------------------------------------------------------------- */
/* Public API                                                                             */
/* -------------------------------------------------------------------------------------- */

RempartToneHint *
rempart_tone_hint_copy (const RempartToneHint *hint)
{
  RempartToneHint *copy;

  g_return_val_if_fail (hint != NULL, NULL);

  copy = g_memdup2 (hint, sizeof *hint);
  copy->message = g_strdup (hint->message);
  copy->suggestion = g_strdup (hint->suggestion);
  return copy;
}

void
rempart_tone_hint_free (RempartToneHint *hint)
{
  if (hint == NULL)
    return;
  g_free (hint->message);
  g_free (hint->suggestion);
  g_free (hint);
}

void
rempart_tone_context_init (RempartToneContext *ctx)
{
  g_return_if_fail (ctx != NULL);

  memset (ctx, 0, sizeof *ctx);
  ctx->hashtag_position = REMPART_HASHTAG_POSITION_START;
  ctx->min_length = REMPART_TONE_DEFAULT_MIN_LENGTH;
  ctx->max_length = REMPART_TONE_DEFAULT_MAX_LENGTH;
}

/*
 * rempart_tone_check:
 * @pack: the rule pack of the reply's language
 * @text: (nullable): the draft
 * @ctx: (nullable): the group's conventions; %NULL for the defaults and no hashtag
 *
 * Returns: (transfer container): the hints (RempartToneHint), ordered by position; empty,
 * never %NULL, for a blank draft or text that is not valid UTF-8.
 */
GPtrArray *
rempart_tone_check (RempartTonePack *pack, const char *text, const RempartToneContext *ctx)
{
  GPtrArray *hints = g_ptr_array_new_with_free_func ((GDestroyNotify) rempart_tone_hint_free);
  g_autoptr (ToneText) tone_text = NULL;
  RempartToneContext defaults;
  ToneChecker ch;
  gsize length;

  g_return_val_if_fail (pack != NULL, hints);

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return hints;
  length = strlen (text);
  if (tone_only_spaces (text, text + length))
    return hints;

  if (ctx == NULL)
    {
      rempart_tone_context_init (&defaults);
      ctx = &defaults;
    }

  tone_text = tone_text_new (text, length);
  ch.pack = pack;
  ch.ctx = ctx;
  ch.text = tone_text;
  ch.hints = hints;

  tone_check_words (&ch);
  tone_check_generalising (&ch);
  tone_check_claims (&ch);
  tone_check_characters (&ch);
  tone_check_shouting (&ch);
  tone_check_hashtag (&ch);
  tone_check_length (&ch);
  tone_check_template (&ch);

  g_ptr_array_sort (hints, compare_hints);
  return hints;
}
