/* rempart-template-fill.c
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "rempart-template-fill.h"
#include "rempart-topic-names.h"

/*
 * Turning a template into the start of a reply. Bodies come from packs, feeds and the
 * volunteer, so the scan is one linear pass that looks at most
 * REMPART_TEMPLATE_MAX_PLACEHOLDER bytes ahead of a brace: ten thousand `{` cost ten
 * thousand short looks, never a quadratic search for a closing brace. Values are copied as
 * they are and never scanned again, so a value that contains `{hashtag}` stays as it is.
 * There is no escape syntax: braces that do not form a placeholder are ordinary text.
 */

static const char *const known_names[] = {
  "hashtag", "source", "source_title", "topic", "argument",
};

/* -------------------------------------------------------------------------------------- */
/* Helpers                                                                                */
/* -------------------------------------------------------------------------------------- */

/* Returns: the length of the placeholder starting at @p (`{name}`), or 0 when none does. */
static gsize
placeholder_at (const char *p)
{
  gsize i;

  g_assert (*p == '{');

  for (i = 1; i <= REMPART_TEMPLATE_MAX_PLACEHOLDER + 1; i++)
    {
      guchar c = p[i];

      if (c == '}')
        return i > 1 ? i + 1 : 0;
      if (c == '\0' || c == '{' || g_ascii_isspace (c) || i > REMPART_TEMPLATE_MAX_PLACEHOLDER)
        return 0;
    }

  return 0;
}

static const char *
value_for (const RempartTemplateValues *values, const char *name, gsize length)
{
  const char *value = NULL;

  if (values == NULL)
    return NULL;

  if (length == strlen ("hashtag") && memcmp (name, "hashtag", length) == 0)
    value = values->hashtag;
  else if (length == strlen ("source") && memcmp (name, "source", length) == 0)
    value = values->source;
  else if (length == strlen ("source_title") && memcmp (name, "source_title", length) == 0)
    value = values->source_title;
  else if (length == strlen ("topic") && memcmp (name, "topic", length) == 0)
    value = values->topic;
  else if (length == strlen ("argument") && memcmp (name, "argument", length) == 0)
    value = values->argument;

  return value != NULL && value[0] != '\0' ? value : NULL;
}

static gboolean
is_known (const char *name, gsize length)
{
  for (guint i = 0; i < G_N_ELEMENTS (known_names); i++)
    if (strlen (known_names[i]) == length && memcmp (known_names[i], name, length) == 0)
      return TRUE;

  return FALSE;
}

static void
report (GPtrArray **list, const char *placeholder, gsize length)
{
  g_autofree char *copy = NULL;

  if (list == NULL)
    return;
  if (*list == NULL)
    *list = g_ptr_array_new_with_free_func (g_free);

  copy = g_utf8_make_valid (placeholder, length);
  for (guint i = 0; i < (*list)->len; i++)
    if (strcmp (g_ptr_array_index (*list, i), copy) == 0)
      return;

  g_ptr_array_add (*list, g_steal_pointer (&copy));
}

/* -------------------------------------------------------------------------------------- */
/* Public API                                                                             */
/* -------------------------------------------------------------------------------------- */

/*
 * rempart_template_values_init_for_action:
 * @values: the values to set; they borrow from @action, which must outlive them
 * @action: (nullable): the action being answered
 * @hashtag: (nullable): the group hashtag, from the feed
 *
 * Fills @values from @action: its first source and argument and the name of its topic.
 * {topic} is the name in the application's language, which may not be the reply's.
 */
void
rempart_template_values_init_for_action (RempartTemplateValues *values,
                                         RempartAction *action,
                                         const char *hashtag)
{
  GPtrArray *sources;
  const char *const *arguments;

  g_return_if_fail (values != NULL);
  g_return_if_fail (action == NULL || REMPART_IS_ACTION (action));

  memset (values, 0, sizeof *values);
  values->hashtag = hashtag;
  if (action == NULL)
    return;

  sources = rempart_action_get_sources (action);
  if (sources != NULL && sources->len > 0)
    {
      RempartSource *source = g_ptr_array_index (sources, 0);

      values->source = source->url;
      values->source_title = source->title;
    }

  arguments = rempart_action_get_arguments (action);
  if (arguments != NULL)
    values->argument = arguments[0];

  values->topic = rempart_topic_get_display_name (rempart_action_get_topic (action));
}

/* Returns: whether @name (without braces, "source_title") is a placeholder we fill. */
gboolean
rempart_template_placeholder_is_known (const char *name)
{
  g_return_val_if_fail (name != NULL, FALSE);

  return is_known (name, strlen (name));
}

/*
 * rempart_template_find_unknown_placeholders:
 * @body: a template body
 *
 * Returns: (transfer full) (element-type utf8) (nullable): the placeholders of @body that
 *   are not ours, as typed (“{sourse}”), each once; %NULL when there are none
 */
GPtrArray *
rempart_template_find_unknown_placeholders (const char *body)
{
  GPtrArray *unknown = NULL;

  g_return_val_if_fail (body != NULL, NULL);

  for (const char *p = strchr (body, '{'); p != NULL; p = strchr (p + 1, '{'))
    {
      gsize length = placeholder_at (p);

      if (length > 0 && !is_known (p + 1, length - 2))
        report (&unknown, p, length);
    }

  return unknown;
}

/*
 * rempart_template_fill_text:
 * @body: a template body
 * @values: (nullable): what the placeholders become
 * @out_missing: (out) (optional) (transfer full) (element-type utf8): our placeholders
 *   that had no value and stay in the text as typed ("{source}"), each once; %NULL when
 *   every one was filled
 * @out_unknown: (out) (optional) (transfer full) (element-type utf8): placeholders that are
 *   not ours ("{foo}"), which also stay as typed; %NULL when there are none
 *
 * Returns: (transfer full): plain UTF-8 text: nothing in it is markup, and nothing in a
 *   value is expanded again
 */
char *
rempart_template_fill_text (const char *body,
                            const RempartTemplateValues *values,
                            GPtrArray **out_missing,
                            GPtrArray **out_unknown)
{
  g_autoptr (GString) text = NULL;
  const char *p;

  g_return_val_if_fail (body != NULL, NULL);
  g_return_val_if_fail (out_missing == NULL || *out_missing == NULL, NULL);
  g_return_val_if_fail (out_unknown == NULL || *out_unknown == NULL, NULL);

  text = g_string_sized_new (strlen (body) + 64);
  p = body;
  while (*p != '\0')
    {
      const char *brace = strchr (p, '{');
      gsize length;
      const char *value;

      if (brace == NULL)
        {
          g_string_append (text, p);
          break;
        }

      g_string_append_len (text, p, brace - p);
      length = placeholder_at (brace);
      if (length == 0)
        {
          g_string_append_c (text, '{');
          p = brace + 1;
          continue;
        }

      value = value_for (values, brace + 1, length - 2);
      if (value != NULL && text->len + strlen (value) <= REMPART_TEMPLATE_MAX_FILLED)
        g_string_append (text, value);
      else
        {
          if (is_known (brace + 1, length - 2))
            report (out_missing, brace, length);
          else
            report (out_unknown, brace, length);
          g_string_append_len (text, brace, length);
        }
      p = brace + length;
    }

  /* User bodies come from the store and values from anywhere: hand on valid UTF-8 only. */
  if (!g_utf8_validate_len (text->str, text->len, NULL))
    return g_utf8_make_valid (text->str, text->len);

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/*
 * rempart_template_fill:
 * @tmpl: a template
 * @values: (nullable): what the placeholders become
 * @out_unknown: (out) (optional) (transfer full) (element-type utf8): every placeholder left
 *   in the text as typed, whether it had no value ("{source}" for an action without
 *   sources) or is not ours ("{foo}"), each once; %NULL when there is none. The composer
 *   points the volunteer at them; rempart_template_fill_text() tells the two kinds apart.
 *
 * Returns: (transfer full): the filled body, plain text
 */
char *
rempart_template_fill (const RempartTemplate *tmpl,
                       const RempartTemplateValues *values,
                       GPtrArray **out_unknown)
{
  g_autoptr (GPtrArray) missing = NULL;
  g_autoptr (GPtrArray) unknown = NULL;
  char *text;

  g_return_val_if_fail (REMPART_IS_TEMPLATE ((gpointer) tmpl), NULL);
  g_return_val_if_fail (out_unknown == NULL || *out_unknown == NULL, NULL);

  text = rempart_template_fill_text (rempart_template_get_body ((RempartTemplate *) tmpl), values,
                                     &missing, &unknown);

  if (out_unknown != NULL && (missing != NULL || unknown != NULL))
    {
      *out_unknown = g_ptr_array_new_with_free_func (g_free);
      for (guint i = 0; missing != NULL && i < missing->len; i++)
        g_ptr_array_add (*out_unknown, g_strdup (g_ptr_array_index (missing, i)));
      for (guint i = 0; unknown != NULL && i < unknown->len; i++)
        g_ptr_array_add (*out_unknown, g_strdup (g_ptr_array_index (unknown, i)));
    }

  return text;
}
