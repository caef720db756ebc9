/* rempart-store-serialize.c: an action to and from its row
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <openssl/evp.h>

#include "rempart-action-builder.h"
#include "rempart-date.h"
#include "rempart-store-private.h"

/* -------------------------------------------------------------------------------------- */
/* Helpers                                                                                */
/* -------------------------------------------------------------------------------------- */

static void
add_strv (JsonBuilder *builder, const char *name, const char *const *strv)
{
  if (strv == NULL || strv[0] == NULL)
    return;

  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  for (guint i = 0; strv[i] != NULL; i++)
    json_builder_add_string_value (builder, strv[i]);
  json_builder_end_array (builder);
}

static void
add_string (JsonBuilder *builder, const char *name, const char *value)
{
  if (value == NULL)
    return;

  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

/* A JSON string as json-glib 1.6's generator writes it, byte for byte, so that the details
 * of an action written by this writer and by JsonGenerator are the same text (rows written
 * before it were made by JsonGenerator; test-store-serialize compares both on every byte):
 * the quote, the backslash and the controls before 0x1f escaped (\b \f \n \r \t by name),
 * 0x1f itself left as it is, DEL written \u007f, everything else copied. */
static void
append_json_string (GString *out, const char *text)
{
  const char *run = text;
  const char *p;

  g_string_append_c (out, '"');
  for (p = text; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;
      const char *escape;
      char code[8];

      if (c != '"' && c != '\\' && c >= 0x1f && c != 0x7f)
        continue;
      switch (c)
        {
          case '"':
            escape = "\\\"";
            break;
          case '\\':
            escape = "\\\\";
            break;
          case '\b':
            escape = "\\b";
            break;
          case '\f':
            escape = "\\f";
            break;
          case '\n':
            escape = "\\n";
            break;
          case '\r':
            escape = "\\r";
            break;
          case '\t':
            escape = "\\t";
            break;
          default:
            g_snprintf (code, sizeof code, "\\u%04x", c);
            escape = code;
            break;
        }
      g_string_append_len (out, run, p - run);
      g_string_append (out, escape);
      run = p + 1;
    }
  g_string_append_len (out, run, p - run);
  g_string_append_c (out, '"');
}

/* Writes "name": after the object's "{" or its previous member. */
static void
append_member (GString *out, const char *name)
{
  if (out->len > 1)
    g_string_append_c (out, ',');
  append_json_string (out, name);
  g_string_append_c (out, ':');
}

static void
append_string_member (GString *out, const char *name, const char *value)
{
  if (value == NULL)
    return;
  append_member (out, name);
  append_json_string (out, value);
}

static void
append_date_member (GString *out, const char *name, GDateTime *date)
{
  g_autofree char *text = date != NULL ? rempart_date_format (date) : NULL;

  append_string_member (out, name, text);
}

static void
append_strv_member (GString *out, const char *name, const char *const *strv)
{
  if (strv == NULL || strv[0] == NULL)
    return;
  append_member (out, name);
  for (guint i = 0; strv[i] != NULL; i++)
    {
      g_string_append_c (out, i == 0 ? '[' : ',');
      append_json_string (out, strv[i]);
    }
  g_string_append_c (out, ']');
}

/*
 * The details column: written directly rather than through JsonBuilder and JsonGenerator,
 * which built a tree of nodes for every action and cost a first sync of 10,000 actions about
 * 60 ms of its 150 ms import. The text is the one JsonGenerator wrote (members in this order,
 * absent ones left out, no spaces).
 */
char *
rempart_store_action_details (RempartAction *action)
{
  GString *out = g_string_sized_new (512);
  GPtrArray *sources = rempart_action_get_sources (action);

  g_string_append_c (out, '{');
  append_string_member (out, "brief", rempart_action_get_brief (action));
  append_string_member (out, "excerpt", rempart_action_get_excerpt (action));
  append_string_member (out, "language", rempart_action_get_language (action));
  append_date_member (out, "date_published", rempart_action_get_date_published (action));
  append_date_member (out, "date_modified", rempart_action_get_date_modified (action));
  append_date_member (out, "expires", rempart_action_get_expires (action));
  append_strv_member (out, "tags", rempart_action_get_tags (action));
  append_strv_member (out, "arguments", rempart_action_get_arguments (action));
  if (sources != NULL && sources->len > 0)
    {
      append_member (out, "sources");
      for (guint i = 0; i < sources->len; i++)
        {
          const RempartSource *source = g_ptr_array_index (sources, i);
          gsize start;

          g_string_append_c (out, i == 0 ? '[' : ',');
          start = out->len;
          g_string_append_c (out, '{');
          if (source->title != NULL)
            {
              append_json_string (out, "title");
              g_string_append_c (out, ':');
              append_json_string (out, source->title);
            }
          if (source->url != NULL)
            {
              if (out->len > start + 1)
                g_string_append_c (out, ',');
              append_json_string (out, "url");
              g_string_append_c (out, ':');
              append_json_string (out, source->url);
            }
          g_string_append_c (out, '}');
        }
      g_string_append_c (out, ']');
    }
  g_string_append_c (out, '}');
  return g_string_free (out, FALSE);
}

/* The hashed text is gathered in one buffer and digested once: see
 * rempart_store_action_hash(). */
static void
hash_field (GString *text, const char *field)
{
  /* A separator that plain text never holds, so that ("ab", "c") and ("a", "bc") differ. */
  if (field != NULL)
    g_string_append (text, field);
  g_string_append_c (text, '\x1f');
}

static void
hash_date (GString *text, GDateTime *date)
{
  char field[64] = "";

  /* The instant and the offset: the details column keeps both. */
  if (date != NULL)
    g_snprintf (field, sizeof field, "%" G_GINT64_FORMAT " %" G_GINT64_FORMAT,
                g_date_time_to_unix (date), (gint64) g_date_time_get_utc_offset (date));
  hash_field (text, field);
}

static void
hash_strv (GString *text, const char *const *strv)
{
  for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
    {
      g_string_append_c (text, '\x1e');
      hash_field (text, strv[i]);
    }
  g_string_append_c (text, '\x1d');
}

/*
 * Every field the row holds, columns and details, read straight from the action: an import
 * compares this with the stored hash first and serialises the details only of the actions
 * that changed, so a sync where one action changed does not serialise the 9,999 others.
 * "2" is this recipe's version: rows hashed by an older one are rewritten once.
 *
 * The SHA-256 of the fields is libcrypto's, which uses the processor's SHA instructions
 * (GLib's cost a first sync of 10,000 actions about 20 ms): the same digest as the GChecksum
 * this replaced, so stored hashes still match.
 */
char *
rempart_store_action_hash (RempartAction *action)
{
  static const char hex[] = "0123456789abcdef";
  g_autoptr (GString) text = g_string_sized_new (1024);
  GPtrArray *sources = rempart_action_get_sources (action);
  guchar digest[EVP_MAX_MD_SIZE] = { 0 };
  unsigned int size = 0;
  char numbers[32];
  char *out;

  hash_field (text, "2");
  hash_field (text, rempart_action_get_url (action));
  hash_field (text, rempart_action_get_title (action));
  hash_field (text, rempart_action_get_platform (action));
  g_snprintf (numbers, sizeof numbers, "%d %d", rempart_action_get_topic (action),
              rempart_action_get_priority (action));
  hash_field (text, numbers);
  hash_field (text, rempart_action_get_brief (action));
  hash_field (text, rempart_action_get_excerpt (action));
  hash_field (text, rempart_action_get_language (action));
  hash_date (text, rempart_action_get_date_published (action));
  hash_date (text, rempart_action_get_date_modified (action));
  hash_date (text, rempart_action_get_expires (action));
  hash_strv (text, rempart_action_get_tags (action));
  hash_strv (text, rempart_action_get_arguments (action));
  for (guint i = 0; sources != NULL && i < sources->len; i++)
    {
      const RempartSource *source = g_ptr_array_index (sources, i);

      g_string_append_c (text, '\x1e');
      hash_field (text, source->title);
      hash_field (text, source->url);
    }

  /* The same digest, slower, should libcrypto ever fail. */
  if (!EVP_Digest (text->str, text->len, digest, &size, EVP_sha256 (), NULL) || size != 32)
    return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) text->str, text->len);

  out = g_malloc (2 * size + 1);
  for (unsigned int i = 0; i < size; i++)
    {
      out[2 * i] = hex[digest[i] >> 4];
      out[2 * i + 1] = hex[digest[i] & 0xf];
    }
  out[2 * size] = '\0';
  return out;
}

static GStrv
read_strv (JsonObject *object, const char *name)
{
  JsonArray *array =
      json_object_has_member (object, name) ? json_object_get_array_member (object, name) : NULL;
  GStrvBuilder *builder = g_strv_builder_new ();
  GStrv strv;

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    g_strv_builder_add (builder, json_array_get_string_element (array, i));
  strv = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return strv;
}

static void
read_text (RempartAction *action, RempartActionText field, JsonObject *object, const char *name)
{
  const char *text = json_object_get_string_member_with_default (object, name, NULL);

  if (text != NULL)
    rempart_action_take_text (action, field, g_strdup (text));
}

static void
read_date (RempartAction *action, RempartActionDate field, JsonObject *object, const char *name)
{
  const char *text = json_object_get_string_member_with_default (object, name, NULL);
  g_autoptr (GDateTime) date = text != NULL ? rempart_date_parse (text) : NULL;

  if (date != NULL)
    rempart_action_set_date (action, field, date);
}

/* -------------------------------------------------------------------------------------- */
/* Private API                                                                            */
/* -------------------------------------------------------------------------------------- */

static RempartAction *
action_from_columns (sqlite3_stmt *stmt, int first)
{
  RempartAction *action = rempart_action_new (rempart_sqlite_get_text (stmt, first),
                                              rempart_sqlite_get_text (stmt, first + 1));

  rempart_action_take_text (action, REMPART_ACTION_TITLE,
                            rempart_sqlite_dup_text (stmt, first + 2));
  rempart_action_set_topic (action, sqlite3_column_int (stmt, first + 3));
  rempart_action_set_priority (action, sqlite3_column_int (stmt, first + 4));
  rempart_action_take_text (action, REMPART_ACTION_PLATFORM,
                            rempart_sqlite_dup_text (stmt, first + 5));
  return action;
}

/* Columns: action_id, url, title, topic, priority, platform, details. */
RempartAction *
rempart_store_action_from_row (sqlite3_stmt *stmt, int first, JsonParser *parser)
{
  RempartAction *action = action_from_columns (stmt, first);

  rempart_store_action_read_details (action, rempart_sqlite_get_text (stmt, first + 6), parser);
  return action;
}

void
rempart_store_action_read_details (RempartAction *action, const char *details, JsonParser *parser)
{
  g_autoptr (GPtrArray) sources =
      g_ptr_array_new_with_free_func ((GDestroyNotify) rempart_source_free);
  JsonObject *object;
  JsonArray *array;

  /* We wrote it; if it does not parse, the row was damaged outside of SQLite's view: keep
   * what the columns hold rather than losing the action. */
  if (details == NULL || !json_parser_load_from_data (parser, details, -1, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return;

  object = json_node_get_object (json_parser_get_root (parser));
  read_text (action, REMPART_ACTION_BRIEF, object, "brief");
  read_text (action, REMPART_ACTION_EXCERPT, object, "excerpt");
  read_text (action, REMPART_ACTION_LANGUAGE, object, "language");
  read_date (action, REMPART_ACTION_DATE_PUBLISHED, object, "date_published");
  read_date (action, REMPART_ACTION_DATE_MODIFIED, object, "date_modified");
  read_date (action, REMPART_ACTION_EXPIRES, object, "expires");
  rempart_action_take_tags (action, read_strv (object, "tags"));
  rempart_action_take_arguments (action, read_strv (object, "arguments"));

  array = json_object_has_member (object, "sources")
              ? json_object_get_array_member (object, "sources")
              : NULL;
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonObject *source = json_array_get_object_element (array, i);
      const char *url = json_object_get_string_member_with_default (source, "url", NULL);

      if (url != NULL)
        g_ptr_array_add (
            sources, rempart_source_new (
                         json_object_get_string_member_with_default (source, "title", NULL), url));
    }
  rempart_action_take_sources (action, g_steal_pointer (&sources));
}

/* -------------------------------------------------------------------------------------- */
/* Feed info (schema 3)                                                                   */
/* -------------------------------------------------------------------------------------- */

char *
rempart_store_feed_info_to_json (RempartFeed *feed)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autoptr (JsonNode) root = NULL;
  GPtrArray *templates = rempart_feed_get_templates (feed);

  json_builder_begin_object (builder);
  add_string (builder, "description", rempart_feed_get_description (feed));
  add_string (builder, "about", rempart_feed_get_about (feed));
  add_string (builder, "language", rempart_feed_get_language (feed));
  add_string (builder, "hashtag", rempart_feed_get_hashtag (feed));
  add_string (builder, "hashtag_position",
              rempart_hashtag_position_to_string (rempart_feed_get_hashtag_position (feed)));
  add_strv (builder, "rules", rempart_feed_get_rules (feed));
  json_builder_set_member_name (builder, "templates");
  json_builder_begin_array (builder);
  for (guint i = 0; templates != NULL && i < templates->len; i++)
    {
      const RempartFeedTemplate *tmpl = g_ptr_array_index (templates, i);

      json_builder_begin_object (builder);
      add_string (builder, "id", tmpl->id);
      add_string (builder, "title", tmpl->title);
      add_string (builder, "language", tmpl->language);
      add_strv (builder, "topics", (const char *const *) tmpl->topics);
      add_string (builder, "body", tmpl->body);
      add_string (builder, "when", tmpl->when);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

static char *
dup_member (JsonObject *object, const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_dup_string (node);
}

/* Fills what @json holds into @info, whose rules and templates are already empty. A column
 * that does not parse (damaged outside SQLite's view) leaves them empty: the composer then
 * works without the feed's templates rather than not at all. */
void
rempart_store_feed_info_from_json (RempartFeedInfo *info, const char *json)
{
  g_autoptr (JsonParser) parser = json_parser_new_immutable ();
  JsonObject *object;
  JsonNode *templates;
  g_autofree char *position = NULL;

  if (json == NULL || !json_parser_load_from_data (parser, json, -1, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return;

  object = json_node_get_object (json_parser_get_root (parser));
  info->about = dup_member (object, "about");
  info->language = dup_member (object, "language");
  info->hashtag = dup_member (object, "hashtag");
  position = dup_member (object, "hashtag_position");
  if (position == NULL || !rempart_hashtag_position_from_string (position, &info->hashtag_position))
    info->hashtag_position = REMPART_HASHTAG_POSITION_START; /* the feed's default */
  g_strfreev (info->rules);
  info->rules = read_strv (object, "rules");

  templates = json_object_get_member (object, "templates");
  if (templates == NULL || !JSON_NODE_HOLDS_ARRAY (templates))
    return;
  for (guint i = 0; i < json_array_get_length (json_node_get_array (templates)); i++)
    {
      JsonNode *node = json_array_get_element (json_node_get_array (templates), i);
      JsonObject *member;
      RempartFeedTemplate *tmpl;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      member = json_node_get_object (node);
      tmpl = g_new0 (RempartFeedTemplate, 1);
      tmpl->id = dup_member (member, "id");
      tmpl->body = dup_member (member, "body");
      if (tmpl->id == NULL || tmpl->body == NULL)
        {
          rempart_feed_template_free (tmpl);
          continue;
        }
      tmpl->title = dup_member (member, "title");
      tmpl->language = dup_member (member, "language");
      tmpl->topics = read_strv (member, "topics");
      tmpl->when = dup_member (member, "when");
      g_ptr_array_add (info->templates, tmpl);
    }
}
