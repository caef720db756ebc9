/* rempart-template-pack.c
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rempart-html-text.h"
#include "rempart-json.h"
#include "rempart-template-fill.h"
#include "rempart-template-pack.h"

/*
 * The built-in template packs, data/templates/<lang>.json (docs/templates.md). They use
 * the fields of the feed's `_rempart.templates`, but where the feed parser skips a bad
 * template and carries on, a pack is refused whole: it ships with the application, so a
 * mistake in one is our bug and must fail the tests, not quietly lose a template. Only
 * what cannot hurt (an unknown topic, an unknown field, a placeholder we do not fill) is a
 * warning, returned to the caller and never sent to g_warning().
 */

/* Written out rather than G_DEFINE_QUARK: clang-format reads the quark's name as a
 * subtraction and spaces it out, which changes the registered name. */
GQuark
rempart_template_error_quark (void)
{
  return g_quark_from_static_string ("rempart-template-error-quark");
}

typedef struct
{
  const char *display_name;
  GPtrArray *warnings;
  GError **error;
} PackContext;

static const char *const template_members[] = {
  "id", "title", "language", "topics", "approach", "when", "body",
};

/* -------------------------------------------------------------------------------------- */
/* Messages                                                                               */
/* -------------------------------------------------------------------------------------- */

static gboolean fail (PackContext *ctx, const char *path, const char *format, ...)
    G_GNUC_PRINTF (3, 4);
static void warn (PackContext *ctx, const char *path, const char *format, ...) G_GNUC_PRINTF (3, 4);

/* Returns: %FALSE, for `return fail (...)` */
static gboolean
fail (PackContext *ctx, const char *path, const char *format, ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (ctx->error, REMPART_TEMPLATE_ERROR, REMPART_TEMPLATE_ERROR_INVALID,
               /* TRANSLATORS: a problem in a template pack: the file name, a JSON path such
                * as "templates[3].id", and what is wrong */
               _ ("%s: %s: %s"), ctx->display_name, path, message);
  return FALSE;
}

static void
warn (PackContext *ctx, const char *path, const char *format, ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_ptr_array_add (ctx->warnings,
                   g_strdup_printf (_ ("%s: %s: %s"), ctx->display_name, path, message));
}

/* -------------------------------------------------------------------------------------- */
/* Bytes                                                                                  */
/* -------------------------------------------------------------------------------------- */

/* The shared byte checks and parser (rempart-json.c), in this file's error domain. */
static JsonNode *
load_json (GBytes *bytes, const char *display_name, GError **error)
{
  g_autoptr (GError) local_error = NULL;
  JsonNode *root;

  root = rempart_json_load (bytes, display_name, REMPART_TEMPLATE_PACK_MAX_SIZE, &local_error);
  if (root == NULL)
    g_set_error_literal (error, REMPART_TEMPLATE_ERROR, REMPART_TEMPLATE_ERROR_INVALID_JSON,
                         local_error->message);
  return root;
}

/* -------------------------------------------------------------------------------------- */
/* Languages and files                                                                    */
/* -------------------------------------------------------------------------------------- */

/* A tag that is safe in a file name: "fr", "pt-BR", "sr_Latn"; never a path. */
static gboolean
is_language_tag (const char *tag)
{
  gsize i = 0;

  while (g_ascii_isalpha (tag[i]))
    i++;
  if (i < 2 || i > 8)
    return FALSE;

  while (tag[i] == '-' || tag[i] == '_')
    {
      gsize start = ++i;

      while (g_ascii_isalnum (tag[i]))
        i++;
      if (i == start || i - start > 8)
        return FALSE;
    }

  return tag[i] == '\0';
}

/* -------------------------------------------------------------------------------------- */
/* Fields                                                                                 */
/* -------------------------------------------------------------------------------------- */

/*
 * Reads @member of @object as clean text into @out (NULL when absent, null or blank).
 * Strict: a wrong type, a control character, or a line break in a one-line field fails;
 * so does a blank or missing value when @required.
 */
static gboolean
read_text (PackContext *ctx,
           JsonObject *object,
           const char *prefix,
           const char *member,
           RempartTextMode mode,
           gboolean required,
           char **out)
{
  g_autofree char *path =
      prefix != NULL ? g_strconcat (prefix, ".", member, NULL) : g_strdup (member);
  JsonNode *node = rempart_json_member (object, member);
  g_autofree char *clean = NULL;
  g_autofree char *stripped = NULL;
  const char *raw;

  *out = NULL;

  if (node == NULL)
    {
      if (required)
        return fail (ctx, path, _ ("missing; every template needs one"));
      return TRUE;
    }
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return fail (ctx, path, _ ("is %s, not a string"), rempart_json_type_name (node));

  /* Surrounding white space is fine; anything the sanitizer would change inside is not. */
  raw = json_node_get_string (node);
  stripped = g_strstrip (g_strdup (raw));
  clean = g_strstrip (rempart_text_sanitize (raw, mode));
  if (strcmp (clean, stripped) != 0)
    {
      if (mode == REMPART_TEXT_SINGLE_LINE)
        return fail (ctx, path,
                     _ ("contains a line break or a control character; expected one "
                        "line of text"));
      return fail (ctx, path,
                   _ ("contains a control character; only line breaks (\\n) and tabs are "
                      "allowed"));
    }

  if (clean[0] == '\0')
    {
      if (required)
        return fail (ctx, path, _ ("is empty; every template needs one"));
      return TRUE;
    }

  *out = g_steal_pointer (&clean);
  return TRUE;
}

static gboolean
read_topics (PackContext *ctx, JsonObject *object, const char *prefix, GStrv *out)
{
  g_autofree char *path = g_strconcat (prefix, ".topics", NULL);
  JsonNode *node = rempart_json_member (object, "topics");
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr (GPtrArray) seen = g_ptr_array_new ();
  JsonArray *array;

  *out = NULL;
  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return fail (ctx, path, _ ("is %s, not an array of topics"), rempart_json_type_name (node));

  array = json_node_get_array (node);
  for (guint j = 0; j < json_array_get_length (array); j++)
    {
      JsonNode *element = json_array_get_element (array, j);
      g_autofree char *element_path = g_strdup_printf ("%s[%u]", path, j);
      g_autofree char *quoted = NULL;
      const char *keyword;
      RempartTopic topic;

      if (!JSON_NODE_HOLDS_VALUE (element) || json_node_get_value_type (element) != G_TYPE_STRING)
        return fail (ctx, element_path, _ ("is %s, not a string"),
                     rempart_json_type_name (element));

      keyword = json_node_get_string (element);
      quoted = rempart_text_quote (keyword);
      /* Topics only ever match actions' topics: an unknown one can never match. */
      if (!rempart_topic_from_string (keyword, &topic))
        warn (ctx, element_path, _ ("“%s” is not a known topic; it was ignored"), quoted);
      else if (g_ptr_array_find_with_equal_func (seen, keyword, g_str_equal, NULL))
        warn (ctx, element_path, _ ("“%s” is listed twice; the repeat was ignored"), quoted);
      else
        {
          g_ptr_array_add (seen, (gpointer) keyword);
          g_strv_builder_add (builder, keyword);
        }
    }

  *out = g_strv_builder_end (builder);
  return TRUE;
}

static gboolean
read_approach (PackContext *ctx,
               JsonObject *object,
               const char *prefix,
               RempartTemplateApproach *out)
{
  g_autofree char *path = g_strconcat (prefix, ".approach", NULL);
  JsonNode *node = rempart_json_member (object, "approach");
  g_autofree char *quoted = NULL;

  *out = REMPART_TEMPLATE_APPROACH_NONE;
  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return fail (ctx, path, _ ("is %s, not a string"), rempart_json_type_name (node));
  if (rempart_template_approach_from_string (json_node_get_string (node), out))
    return TRUE;

  quoted = rempart_text_quote (json_node_get_string (node));
  return fail (ctx, path,
               _ ("“%s” is not an approach; expected empathy, facts, question, name-the-comment "
                  "or support"),
               quoted);
}

static void
warn_unknown_members (PackContext *ctx,
                      JsonObject *object,
                      const char *prefix,
                      const char *const *known,
                      guint n_known)
{
  g_autoptr (GList) members = json_object_get_members (object);

  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *member = l->data;
      gboolean found = FALSE;

      for (guint k = 0; k < n_known && !found; k++)
        found = strcmp (member, known[k]) == 0;
      if (!found)
        {
          g_autofree char *quoted = rempart_text_quote (member);
          g_autofree char *path =
              prefix != NULL ? g_strconcat (prefix, ".", quoted, NULL) : g_strdup (quoted);

          warn (ctx, path, _ ("is not a field of a template pack; it was ignored"));
        }
    }
}

static RempartTemplate *
read_template (PackContext *ctx, JsonNode *node, guint index, const char *pack_language)
{
  g_autofree char *prefix = g_strdup_printf ("templates[%u]", index);
  g_autofree char *id = NULL;
  g_autofree char *title = NULL;
  g_autofree char *language = NULL;
  g_autofree char *when = NULL;
  g_autofree char *body = NULL;
  g_auto (GStrv) topics = NULL;
  g_autoptr (GPtrArray) unknown = NULL;
  RempartTemplateApproach approach;
  JsonObject *object;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      fail (ctx, prefix, _ ("is %s, not an object"), rempart_json_type_name (node));
      return NULL;
    }
  object = json_node_get_object (node);

  if (!read_text (ctx, object, prefix, "id", REMPART_TEXT_SINGLE_LINE, TRUE, &id) ||
      !read_text (ctx, object, prefix, "title", REMPART_TEXT_SINGLE_LINE, TRUE, &title) ||
      !read_text (ctx, object, prefix, "language", REMPART_TEXT_SINGLE_LINE, FALSE, &language) ||
      !read_topics (ctx, object, prefix, &topics) ||
      !read_approach (ctx, object, prefix, &approach) ||
      !read_text (ctx, object, prefix, "when", REMPART_TEXT_SINGLE_LINE, FALSE, &when) ||
      !read_text (ctx, object, prefix, "body", REMPART_TEXT_MULTI_LINE, TRUE, &body))
    return NULL;

  if (language != NULL && g_ascii_strcasecmp (language, pack_language) != 0)
    {
      g_autofree char *path = g_strconcat (prefix, ".language", NULL);
      g_autofree char *quoted = rempart_text_quote (language);

      fail (ctx, path,
            _ ("“%s” differs from the pack’s language “%s”; move the template to its "
               "own language’s pack"),
            quoted, pack_language);
      return NULL;
    }

  if (g_utf8_strlen (body, -1) > REMPART_TEMPLATE_MAX_BODY)
    {
      g_autofree char *path = g_strconcat (prefix, ".body", NULL);

      fail (ctx, path, _ ("is longer than %d characters; a template is the start of a short reply"),
            REMPART_TEMPLATE_MAX_BODY);
      return NULL;
    }

  unknown = rempart_template_find_unknown_placeholders (body);
  for (guint i = 0; unknown != NULL && i < unknown->len; i++)
    {
      g_autofree char *path = g_strconcat (prefix, ".body", NULL);
      g_autofree char *quoted = rempart_text_quote (g_ptr_array_index (unknown, i));

      warn (ctx, path,
            _ ("“%s” is not a placeholder Rempart fills; it will stay in the reply as typed"),
            quoted);
    }

  warn_unknown_members (ctx, object, prefix, template_members, G_N_ELEMENTS (template_members));

  return rempart_template_new (REMPART_TEMPLATE_ORIGIN_BUILTIN, id, title,
                               language != NULL ? language : pack_language,
                               (const char *const *) topics, approach, when, body);
}

static GPtrArray *
read_pack (PackContext *ctx, JsonNode *root, const char *expected_language)
{
  static const char *const pack_members[] = { "language", "templates" };
  g_autoptr (GPtrArray) templates = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *language = NULL;
  JsonObject *object;
  JsonNode *node;
  JsonArray *array;

  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (ctx->error, REMPART_TEMPLATE_ERROR, REMPART_TEMPLATE_ERROR_INVALID,
                   _ ("%s: the document is %s, not an object; a template pack is an object "
                      "with language and templates"),
                   ctx->display_name, rempart_json_type_name (root));
      return NULL;
    }
  object = json_node_get_object (root);

  if (!read_text (ctx, object, NULL, "language", REMPART_TEXT_SINGLE_LINE, FALSE, &language))
    return NULL;
  if (language == NULL)
    {
      fail (ctx, "language",
            _ ("missing; a template pack says which language it is in, such "
               "as “fr”"));
      return NULL;
    }
  if (!is_language_tag (language))
    {
      g_autofree char *quoted = rempart_text_quote (language);

      fail (ctx, "language", _ ("“%s” is not a language tag such as “fr” or “pt-BR”"), quoted);
      return NULL;
    }
  if (expected_language != NULL && g_ascii_strcasecmp (language, expected_language) != 0)
    {
      g_autofree char *quoted = rempart_text_quote (language);

      fail (ctx, "language", _ ("“%s” is not the language of the file’s name (“%s”)"), quoted,
            expected_language);
      return NULL;
    }

  node = rempart_json_member (object, "templates");
  if (node == NULL)
    {
      fail (ctx, "templates", _ ("missing; a template pack has a templates array"));
      return NULL;
    }
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      fail (ctx, "templates", _ ("is %s, not an array"), rempart_json_type_name (node));
      return NULL;
    }
  warn_unknown_members (ctx, object, NULL, pack_members, G_N_ELEMENTS (pack_members));

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autoptr (RempartTemplate) tmpl = NULL;
      gpointer earlier;
      const char *id;

      tmpl = read_template (ctx, json_array_get_element (array, i), i, language);
      if (tmpl == NULL)
        return NULL;

      id = rempart_template_get_id (tmpl);
      if (g_hash_table_lookup_extended (ids, id, NULL, &earlier))
        {
          g_autofree char *path = g_strdup_printf ("templates[%u].id", i);
          g_autofree char *quoted = rempart_text_quote (id);

          fail (ctx, path, _ ("“%s” is already the id of templates[%u]; ids must be unique"),
                quoted, GPOINTER_TO_UINT (earlier));
          return NULL;
        }

      g_hash_table_insert (ids, (gpointer) id, GUINT_TO_POINTER (i));
      g_ptr_array_add (templates, g_steal_pointer (&tmpl));
    }

  return g_steal_pointer (&templates);
}

/* -------------------------------------------------------------------------------------- */
/* Public API                                                                             */
/* -------------------------------------------------------------------------------------- */

/*
 * rempart_template_pack_get_dir:
 *
 * Returns: (transfer full): where the built-in packs are: $REMPART_DATA_DIR/templates when
 *   the variable is set (the tests point it at the source tree's data/), else the installed
 *   PKGDATADIR/templates
 */
char *
rempart_template_pack_get_dir (void)
{
  const char *data_dir = g_getenv ("REMPART_DATA_DIR");

  if (data_dir != NULL && data_dir[0] != '\0')
    return g_build_filename (data_dir, "templates", NULL);

  return g_build_filename (PKGDATADIR, "templates", NULL);
}

/*
 * rempart_template_pack_parse:
 * @bytes: the file's contents
 * @display_name: how messages name the file
 * @language: (nullable): the language the pack must declare, from the file's name
 * @out_warnings: (out) (optional) (transfer full) (element-type utf8): problems that did not
 *   stop the pack (unknown topics, fields and placeholders), each naming the file and a JSON
 *   path; an empty array when there are none
 *
 * Validates a pack strictly: any wrong type, missing or empty id, title or body, repeated
 * id, unknown approach, or template in another language than the pack's refuses the whole
 * pack with a %REMPART_TEMPLATE_ERROR naming the file and the JSON path.
 *
 * Returns: (transfer full) (element-type RempartTemplate): BUILTIN templates in file order
 */
GPtrArray *
rempart_template_pack_parse (GBytes *bytes,
                             const char *display_name,
                             const char *language,
                             GPtrArray **out_warnings,
                             GError **error)
{
  g_autoptr (GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (JsonNode) root = NULL;
  GPtrArray *templates;
  PackContext ctx = { display_name, warnings, error };

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  root = load_json (bytes, display_name, error);
  if (root == NULL)
    return NULL;

  templates = read_pack (&ctx, root, language);
  if (templates != NULL && out_warnings != NULL)
    *out_warnings = g_steal_pointer (&warnings);

  return templates;
}

/*
 * rempart_template_pack_load:
 * @language: a language tag ("fr", "pt-BR"); a region falls back to the language alone
 * @out_warnings: (out) (optional) (transfer full) (element-type utf8): see
 *   rempart_template_pack_parse()
 *
 * Reads the built-in pack of @language from rempart_template_pack_get_dir().
 *
 * Returns: (transfer full) (element-type RempartTemplate): the pack's templates, or %NULL
 *   with %REMPART_TEMPLATE_ERROR_NOT_FOUND when there is no pack for @language, or another
 *   %REMPART_TEMPLATE_ERROR when the pack is broken
 */
GPtrArray *
rempart_template_pack_load (const char *language, GPtrArray **out_warnings, GError **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *tag = NULL;
  g_autofree char *primary = NULL;
  const char *candidates[2];

  g_return_val_if_fail (language != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* Locale names ("fr_FR.UTF-8", "sr_RS@latin") carry an encoding and a modifier. */
  tag = g_strndup (language, strcspn (language, ".@"));
  if (!is_language_tag (tag))
    {
      g_autofree char *quoted = rempart_text_quote (language);

      g_set_error (error, REMPART_TEMPLATE_ERROR, REMPART_TEMPLATE_ERROR_NOT_FOUND,
                   _ ("“%s” is not a language tag such as “fr” or “pt-BR”; no templates were "
                      "loaded"),
                   quoted);
      return NULL;
    }
  primary = g_ascii_strdown (tag, strcspn (tag, "-_"));
  candidates[0] = tag;
  candidates[1] = strcmp (primary, tag) != 0 ? primary : NULL;

  dir = rempart_template_pack_get_dir ();
  for (guint i = 0; i < G_N_ELEMENTS (candidates) && candidates[i] != NULL; i++)
    {
      g_autofree char *name = g_strconcat (candidates[i], ".json", NULL);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autoptr (GError) local_error = NULL;
      g_autofree char *contents = NULL;
      g_autoptr (GBytes) bytes = NULL;
      gsize length;

      if (!g_file_get_contents (path, &contents, &length, &local_error))
        {
          if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
            continue;
          g_set_error (error, REMPART_TEMPLATE_ERROR, REMPART_TEMPLATE_ERROR_NOT_FOUND,
                       _ ("%s: cannot read the template pack: %s"), path, local_error->message);
          return NULL;
        }

      bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
      return rempart_template_pack_parse (bytes, path, candidates[i], out_warnings, error);
    }

  g_set_error (error, REMPART_TEMPLATE_ERROR, REMPART_TEMPLATE_ERROR_NOT_FOUND,
               _ ("There are no built-in templates in “%s” (looked in %s)"), tag, dir);
  return NULL;
}
