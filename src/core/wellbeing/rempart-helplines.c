/* rempart-helplines.c: help lines per country, read from data/wellbeing/<country>.json
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Rempart"

#include "config.h"

#include <glib/gi18n.h>

#include "rempart-helplines.h"
#include "rempart-json.h"
#include "rempart-workers.h"

/* A help-line file is a few hundred bytes; anything near this is not one. */
#define MAX_FILE_SIZE (256 * 1024)

/* -------------------------------------------------------------------------------------- */
/* Helpers                                                                                */
/* -------------------------------------------------------------------------------------- */

static gboolean
fail (GError **error, const char *display_name, const char *path, const char *what)
{
  /* Translators: "%s: %s %s", the file, a JSON path such as lines[2].phone, then what is wrong */
  g_set_error (error, REMPART_WELLBEING_ERROR, REMPART_WELLBEING_ERROR_INVALID_HELPLINES,
               _ ("%s: %s %s"), display_name, path, what);
  return FALSE;
}

/* Reads an optional string member; FALSE (with @error set) when it is there but not a
 * non-empty string. */
static gboolean
read_string (JsonObject *object,
             const char *member,
             const char *display_name,
             const char *parent,
             char **out,
             GError **error)
{
  JsonNode *node = rempart_json_member (object, member);
  g_autofree char *path = g_strdup_printf ("%s%s%s", parent, parent[0] != '\0' ? "." : "", member);
  const char *text;

  *out = NULL;
  if (node == NULL)
    return TRUE;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return fail (error, display_name, path, _ ("is not a string"));

  text = json_node_get_string (node);
  if (text[0] == '\0' || g_utf8_strlen (text, -1) > 200)
    return fail (error, display_name, path, _ ("must have between 1 and 200 characters"));

  *out = g_strdup (text);
  return TRUE;
}

static gboolean
valid_phone (const char *phone)
{
  guint digits = 0;

  for (const char *p = phone; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        digits++;
      else if (*p != ' ' && !(*p == '+' && p == phone))
        return FALSE;
    }

  return digits >= 3 && digits <= 20;
}

static gboolean
valid_code (const char *code)
{
  if (g_str_equal (code, REMPART_HELPLINES_INTERNATIONAL))
    return TRUE;

  return strlen (code) == 2 && g_ascii_isupper (code[0]) && g_ascii_isupper (code[1]);
}

static RempartHelpline *
parse_line (JsonNode *node, const char *display_name, guint index, GError **error)
{
  g_autoptr (RempartHelpline) line = g_new0 (RempartHelpline, 1);
  g_autofree char *path = g_strdup_printf ("lines[%u]", index);
  JsonObject *object;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      fail (error, display_name, path, _ ("is not an object"));
      return NULL;
    }
  object = json_node_get_object (node);

  if (!read_string (object, "name", display_name, path, &line->name, error) ||
      !read_string (object, "kind", display_name, path, &line->kind, error) ||
      !read_string (object, "description", display_name, path, &line->description, error) ||
      !read_string (object, "phone", display_name, path, &line->phone, error) ||
      !read_string (object, "url", display_name, path, &line->url, error) ||
      !read_string (object, "hours", display_name, path, &line->hours, error))
    return NULL;

  if (line->name == NULL)
    {
      fail (error, display_name, path, _ ("has no “name”"));
      return NULL;
    }
  if (line->kind == NULL)
    {
      fail (error, display_name, path, _ ("has no “kind”"));
      return NULL;
    }
  if (line->phone == NULL && line->url == NULL)
    {
      fail (error, display_name, path, _ ("has neither a “phone” nor a “url”"));
      return NULL;
    }
  if (line->phone != NULL && !valid_phone (line->phone))
    {
      g_autofree char *where = g_strconcat (path, ".phone", NULL);

      fail (error, display_name, where,
            _ ("must be digits and spaces, with an optional + in front"));
      return NULL;
    }
  if (line->url != NULL && !g_str_has_prefix (line->url, "https://"))
    {
      g_autofree char *where = g_strconcat (path, ".url", NULL);

      fail (error, display_name, where, _ ("must be an https:// address"));
      return NULL;
    }

  return g_steal_pointer (&line);
}

static gboolean
same_line (const RempartHelpline *a, const RempartHelpline *b)
{
  return (a->phone != NULL && g_strcmp0 (a->phone, b->phone) == 0) ||
         (a->url != NULL && g_strcmp0 (a->url, b->url) == 0);
}

static void
merge_country (GPtrArray *countries, RempartHelplineCountry *country)
{
  for (guint i = 0; i < countries->len; i++)
    {
      RempartHelplineCountry *known = g_ptr_array_index (countries, i);

      if (!g_str_equal (known->code, country->code))
        continue;

      for (guint j = 0; j < country->lines->len; j++)
        {
          RempartHelpline *line = g_ptr_array_index (country->lines, j);
          gboolean seen = FALSE;

          for (guint k = 0; k < known->lines->len && !seen; k++)
            seen = same_line (g_ptr_array_index (known->lines, k), line);
          if (!seen)
            g_ptr_array_add (known->lines, g_ptr_array_steal_index (country->lines, j--));
        }
      rempart_helpline_country_free (country);
      return;
    }

  g_ptr_array_add (countries, country);
}

static char *
language_of (const char *locale)
{
  gsize n = strcspn (locale, "_.@");

  return n > 0 ? g_ascii_strdown (locale, n) : NULL;
}

typedef struct
{
  const char *country;  /* (nullable) the locale's territory */
  const char *language; /* (nullable) */
  gboolean has_file;    /* a file is for the locale's territory */
} SortLocale;

static int
rank (const RempartHelplineCountry *country, const SortLocale *locale)
{
  /* Someone in a country without a file needs the international directory first: another
   * country's numbers do not work from theirs. */
  if (g_str_equal (country->code, REMPART_HELPLINES_INTERNATIONAL))
    return locale->country != NULL && !locale->has_file ? 0 : 3;
  if (locale->country != NULL && g_str_equal (country->code, locale->country))
    return 0;
  if (locale->country == NULL && locale->language != NULL && country->languages != NULL &&
      g_strv_contains ((const char *const *) country->languages, locale->language))
    return 1;
  return 2;
}

static int
compare_countries (gconstpointer a, gconstpointer b, gpointer user_data)
{
  const RempartHelplineCountry *ca = *(RempartHelplineCountry *const *) a;
  const RempartHelplineCountry *cb = *(RempartHelplineCountry *const *) b;
  int ra = rank (ca, user_data), rb = rank (cb, user_data);

  if (ra != rb)
    return ra < rb ? -1 : 1;

  return strcmp (ca->code, cb->code);
}

static void
load_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  g_auto (GStrv) dirs = rempart_helplines_get_dirs ();
  g_autoptr (GPtrArray) warnings = NULL;
  GPtrArray *countries = rempart_helplines_load_dirs ((const char *const *) dirs, &warnings);

  /* A group's broken file must not hide the others: it is skipped, and said in the log. */
  for (guint i = 0; i < warnings->len; i++)
    g_message ("Help lines skipped: %s", (const char *) warnings->pdata[i]);

  g_task_return_pointer (task, countries, (GDestroyNotify) g_ptr_array_unref);
}

static int
compare_names (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/* -------------------------------------------------------------------------------------- */
/* Public API                                                                             */
/* -------------------------------------------------------------------------------------- */

GQuark
rempart_wellbeing_error_quark (void)
{
  return g_quark_from_static_string ("rempart-wellbeing-error-quark");
}

void
rempart_helpline_free (RempartHelpline *line)
{
  if (line == NULL)
    return;

  g_free (line->name);
  g_free (line->kind);
  g_free (line->description);
  g_free (line->phone);
  g_free (line->url);
  g_free (line->hours);
  g_free (line);
}

void
rempart_helpline_country_free (RempartHelplineCountry *country)
{
  if (country == NULL)
    return;

  g_free (country->code);
  g_free (country->name);
  g_strfreev (country->languages);
  g_clear_pointer (&country->lines, g_ptr_array_unref);
  g_free (country);
}

RempartHelplineCountry *
rempart_helplines_parse (GBytes *bytes, const char *display_name, GError **error)
{
  g_autoptr (JsonNode) root = NULL;
  g_autoptr (RempartHelplineCountry) country = NULL;
  g_autofree char *format = NULL;
  JsonObject *object;
  JsonNode *node;
  JsonArray *array;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);

  root = rempart_json_load (bytes, display_name, MAX_FILE_SIZE, error);
  if (root == NULL)
    return NULL;

  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      fail (error, display_name, "$", _ ("is not an object"));
      return NULL;
    }
  object = json_node_get_object (root);
  country = g_new0 (RempartHelplineCountry, 1);
  country->lines = g_ptr_array_new_with_free_func ((GDestroyNotify) rempart_helpline_free);

  if (!read_string (object, "format", display_name, "", &format, error))
    return NULL;
  if (g_strcmp0 (format, "rempart-helplines") != 0)
    {
      fail (error, display_name, "format", _ ("must be “rempart-helplines”"));
      return NULL;
    }

  node = rempart_json_member (object, "version");
  if (node == NULL || json_node_get_value_type (node) != G_TYPE_INT64 ||
      json_node_get_int (node) != 1)
    {
      fail (error, display_name, "version", _ ("must be 1"));
      return NULL;
    }

  if (!read_string (object, "country", display_name, "", &country->code, error) ||
      !read_string (object, "name", display_name, "", &country->name, error))
    return NULL;
  if (country->code == NULL || !valid_code (country->code))
    {
      fail (error, display_name, "country",
            _ ("must be a two-letter country code in capitals, or “international”"));
      return NULL;
    }

  node = rempart_json_member (object, "languages");
  if (node != NULL)
    {
      g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();

      if (!JSON_NODE_HOLDS_ARRAY (node))
        {
          fail (error, display_name, "languages", _ ("is not an array"));
          return NULL;
        }
      array = json_node_get_array (node);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);

          if (json_node_get_value_type (element) != G_TYPE_STRING)
            {
              g_autofree char *path = g_strdup_printf ("languages[%u]", i);

              fail (error, display_name, path, _ ("is not a string"));
              return NULL;
            }
          g_strv_builder_add (builder, json_node_get_string (element));
        }
      country->languages = g_strv_builder_end (builder);
    }

  node = rempart_json_member (object, "lines");
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node) ||
      json_array_get_length (json_node_get_array (node)) == 0)
    {
      fail (error, display_name, "lines", _ ("must be an array of at least one help line"));
      return NULL;
    }
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      RempartHelpline *line =
          parse_line (json_array_get_element (array, i), display_name, i, error);

      if (line == NULL)
        return NULL;
      g_ptr_array_add (country->lines, line);
    }

  return g_steal_pointer (&country);
}

GPtrArray *
rempart_helplines_load_dirs (const char *const *dirs, GPtrArray **out_warnings)
{
  g_autoptr (GPtrArray) countries = NULL;
  g_autoptr (GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);

  countries = g_ptr_array_new_with_free_func ((GDestroyNotify) rempart_helpline_country_free);

  for (guint d = 0; dirs != NULL && dirs[d] != NULL; d++)
    {
      g_autoptr (GDir) dir = g_dir_open (dirs[d], 0, NULL);
      g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
      const char *name;

      /* A folder that does not exist is the usual case for the user's own. */
      if (dir == NULL)
        continue;

      while ((name = g_dir_read_name (dir)) != NULL)
        if (g_str_has_suffix (name, ".json"))
          g_ptr_array_add (names, g_strdup (name));
      g_ptr_array_sort (names, compare_names);

      for (guint i = 0; i < names->len; i++)
        {
          g_autofree char *path = g_build_filename (dirs[d], names->pdata[i], NULL);
          g_autoptr (GError) error = NULL;
          g_autofree char *contents = NULL;
          gsize length = 0;
          g_autoptr (GBytes) bytes = NULL;
          RempartHelplineCountry *country;

          if (!g_file_get_contents (path, &contents, &length, &error))
            {
              g_ptr_array_add (warnings, g_strdup (error->message));
              continue;
            }
          bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
          country = rempart_helplines_parse (bytes, path, &error);
          if (country == NULL)
            {
              g_ptr_array_add (warnings, g_strdup (error->message));
              continue;
            }
          merge_country (countries, country);
        }
    }

  if (out_warnings != NULL)
    *out_warnings = g_steal_pointer (&warnings);

  return g_steal_pointer (&countries);
}

GStrv
rempart_helplines_get_dirs (void)
{
  const char *data_dir = g_getenv ("REMPART_DATA_DIR");
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();

  g_autofree char *builtin = NULL;
  g_autofree char *user = NULL;

  if (data_dir != NULL && data_dir[0] != '\0')
    builtin = g_build_filename (data_dir, "wellbeing", NULL);
  else
    builtin = g_build_filename (PKGDATADIR, "wellbeing", NULL);
  user = g_build_filename (g_get_user_data_dir (), "rempart", "wellbeing", NULL);
  g_strv_builder_add (builder, builtin);
  g_strv_builder_add (builder, user);

  return g_strv_builder_end (builder);
}

char *
rempart_helplines_country_for_locale (const char *locale)
{
  const char *underscore;
  gsize n;

  g_return_val_if_fail (locale != NULL, NULL);

  underscore = strchr (locale, '_');
  if (underscore == NULL)
    return NULL;

  n = strcspn (underscore + 1, ".@");
  if (n != 2)
    return NULL;

  return g_ascii_strup (underscore + 1, n);
}

void
rempart_helplines_sort (GPtrArray *countries, const char *locale)
{
  g_autofree char *country = NULL;
  g_autofree char *language = NULL;

  g_return_if_fail (countries != NULL);

  if (locale != NULL)
    {
      country = rempart_helplines_country_for_locale (locale);
      language = language_of (locale);
    }

  SortLocale sort = { .country = country, .language = language };

  for (guint i = 0; country != NULL && i < countries->len; i++)
    sort.has_file |= g_str_equal (((RempartHelplineCountry *) countries->pdata[i])->code, country);

  g_ptr_array_sort_with_data (countries, compare_countries, &sort);
}

void
rempart_helplines_load_async (GCancellable *cancellable,
                              GAsyncReadyCallback callback,
                              gpointer user_data)
{
  g_autoptr (GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, rempart_helplines_load_async);
  rempart_workers_run_in_thread (task, load_thread);
}

GPtrArray *
rempart_helplines_load_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == rempart_helplines_load_async,
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
