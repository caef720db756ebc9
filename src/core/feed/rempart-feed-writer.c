/* rempart-feed-writer.c
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rempart-date.h"
#include "rempart-feed-parser.h"
#include "rempart-feed-private.h"
#include "rempart-feed-writer.h"
#include "rempart-html-text.h"

/*
 * Editing a feed for `rempart-feed new` and `add`. We edit the JSON tree rather than write a
 * RempartFeed back out: a moderator's file may carry fields (or extensions) Rempart does not
 * know, and a tool that silently drops them loses their work.
 */

/* -------------------------------------------------------------------------------------- */
/* Helpers                                                                                */
/* -------------------------------------------------------------------------------------- */

static void
set_text (JsonObject *object, const char *member, const char *text, RempartTextMode mode)
{
  g_autofree char *clean = NULL;

  if (text == NULL)
    return;

  clean = g_strstrip (rempart_text_sanitize (text, mode));
  if (clean[0] != '\0')
    json_object_set_string_member (object, member, clean);
}

static void
set_text_array (JsonObject *object,
                const char *member,
                const char *const *texts,
                RempartTextMode mode)
{
  JsonArray *array;

  if (texts == NULL || texts[0] == NULL)
    return;

  array = json_array_new ();
  for (guint i = 0; texts[i] != NULL; i++)
    {
      g_autofree char *clean = g_strstrip (rempart_text_sanitize (texts[i], mode));

      if (clean[0] != '\0')
        json_array_add_string_element (array, clean);
    }
  json_object_set_array_member (object, member, array);
}

static void
set_date (JsonObject *object, const char *member, GDateTime *date)
{
  g_autofree char *text = NULL;

  if (date == NULL)
    return;

  text = rempart_date_format (date);
  json_object_set_string_member (object, member, text);
}

static JsonArray *
get_items (JsonNode *root, GError **error)
{
  JsonNode *items;

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, REMPART_FEED_ERROR, REMPART_FEED_ERROR_NOT_AN_OBJECT,
                   _ ("The document is not a JSON object, so it is not a feed"));
      return NULL;
    }

  items = json_object_get_member (json_node_get_object (root), "items");
  if (items == NULL || !JSON_NODE_HOLDS_ARRAY (items))
    {
      g_set_error (error, REMPART_FEED_ERROR, REMPART_FEED_ERROR_NO_ITEMS,
                   _ ("The feed has no items array; fix it before adding actions"));
      return NULL;
    }

  return json_node_get_array (items);
}

/* The id as the parser reads it (rempart-feed-items.c, read_id): numbers are ids too, written
 * as JSON wrote them ("42"), so a new "42" would get the existing 42 skipped. */
static char *
item_id_text (JsonNode *item_id)
{
  if (item_id == NULL || !JSON_NODE_HOLDS_VALUE (item_id))
    return NULL;

  switch (json_node_get_value_type (item_id))
    {
      case G_TYPE_STRING:
        return rempart_text_sanitize (json_node_get_string (item_id), REMPART_TEXT_SINGLE_LINE);
      case G_TYPE_INT64:
        return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (item_id));
      case G_TYPE_DOUBLE:
        return rempart_feed_number_id (json_node_get_double (item_id));
      default:
        return NULL;
    }
}

static gboolean
has_item_id (JsonArray *items, const char *id)
{
  guint n = json_array_get_length (items);

  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (items, i);
      g_autofree char *text = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      text = item_id_text (json_object_get_member (json_node_get_object (node), "id"));
      if (text != NULL && strcmp (text, id) == 0)
        return TRUE;
    }

  return FALSE;
}

static JsonObject *
build_extension (const RempartNewAction *action)
{
  JsonObject *ext = json_object_new ();

  if (action->topic != REMPART_TOPIC_NONE)
    json_object_set_string_member (ext, "topic", rempart_topic_to_string (action->topic));
  if (action->priority != REMPART_PRIORITY_NORMAL)
    json_object_set_string_member (ext, "priority", rempart_priority_to_string (action->priority));
  set_text (ext, "platform", action->platform, REMPART_TEXT_SINGLE_LINE);
  set_date (ext, "expires", action->expires);
  set_text (ext, "excerpt", action->excerpt, REMPART_TEXT_MULTI_LINE);
  set_text_array (ext, "arguments", action->arguments, REMPART_TEXT_MULTI_LINE);

  if (action->sources != NULL && action->sources->len > 0)
    {
      JsonArray *sources = json_array_new ();

      for (guint i = 0; i < action->sources->len; i++)
        {
          const RempartSource *source = g_ptr_array_index (action->sources, i);
          JsonObject *object = json_object_new ();

          set_text (object, "title", source->title, REMPART_TEXT_SINGLE_LINE);
          json_object_set_string_member (object, "url", source->url);
          json_array_add_object_element (sources, object);
        }
      json_object_set_array_member (ext, "sources", sources);
    }

  return ext;
}

/* Replaces @member, or removes it when @text is NULL or blank. */
static void
replace_text (JsonObject *object, const char *member, const char *text, RempartTextMode mode)
{
  if (json_object_has_member (object, member))
    json_object_remove_member (object, member);
  set_text (object, member, text, mode);
}

/* The `_rempart` object of a feed or an item, made when absent; an error when it is there but
 * not an object, which only a hand edit can fix without losing what it holds. */
static JsonObject *
get_extension (JsonObject *object, const char *path, GError **error)
{
  JsonNode *node = json_object_get_member (object, "_rempart");

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      json_object_set_object_member (object, "_rempart", json_object_new ());
      return json_object_get_object_member (object, "_rempart");
    }
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, REMPART_FEED_ERROR, REMPART_FEED_ERROR_BAD_EXTENSION,
                   _ ("%s._rempart is not an object; fix it by hand so that nothing is lost"),
                   path);
      return NULL;
    }
  return json_node_get_object (node);
}

static JsonObject *
find_item (JsonArray *items, const char *id, guint *out_index, GError **error)
{
  guint n = json_array_get_length (items);
  g_autofree char *quoted = NULL;

  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (items, i);
      g_autofree char *text = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      text = item_id_text (json_object_get_member (json_node_get_object (node), "id"));
      if (text != NULL && strcmp (text, id) == 0)
        {
          if (out_index != NULL)
            *out_index = i;
          return json_node_get_object (node);
        }
    }

  quoted = rempart_text_quote (id);
  g_set_error (error, REMPART_FEED_ERROR, REMPART_FEED_ERROR_NO_SUCH_ACTION,
               _ ("The feed has no action with the id “%s”; “rempart-feed list” shows the ids"),
               quoted);
  return NULL;
}

static gboolean
check_hashtag (const char *hashtag, GError **error)
{
  g_autofree char *clean = NULL;
  g_autofree char *quoted = NULL;

  if (hashtag == NULL || hashtag[0] == '\0')
    return TRUE;

  clean = g_strstrip (rempart_text_sanitize (hashtag, REMPART_TEXT_SINGLE_LINE));
  if (clean[0] == '#' && clean[1] != '\0' && strchr (clean, ' ') == NULL)
    return TRUE;

  quoted = rempart_text_quote (hashtag);
  g_set_error (error, REMPART_FEED_ERROR, REMPART_FEED_ERROR_BAD_EXTENSION,
               _ ("“%s” is not a hashtag; give one word after #, such as #jesuislà"), quoted);
  return FALSE;
}

/* -------------------------------------------------------------------------------------- */
/* Public API                                                                             */
/* -------------------------------------------------------------------------------------- */

/*
 * rempart_feed_new_action_id:
 *
 * Returns: (transfer full): a fresh, unique action id (a random UUID)
 */
char *
rempart_feed_new_action_id (void)
{
  return g_uuid_string_random ();
}

/*
 * rempart_feed_document_new:
 * @title: the group's name
 * @feed_url: (nullable): where the feed will be published; the caller has checked it with
 *   rempart_feed_normalize_url()
 *
 * Returns: (transfer full): an empty JSON Feed 1.1 document with a `_rempart` extension
 *   (schema 1, seq 1)
 */
JsonNode *
rempart_feed_document_new (const char *title, const char *feed_url)
{
  JsonObject *object = json_object_new ();
  JsonObject *ext = json_object_new ();
  JsonNode *root;

  g_return_val_if_fail (title != NULL, NULL);

  json_object_set_string_member (object, "version", "https://jsonfeed.org/version/1.1");
  set_text (object, "title", title, REMPART_TEXT_SINGLE_LINE);
  if (feed_url != NULL)
    json_object_set_string_member (object, "feed_url", feed_url);

  json_object_set_int_member (ext, "schema", 1);
  json_object_set_int_member (ext, "seq", 1);
  json_object_set_object_member (object, "_rempart", ext);
  json_object_set_array_member (object, "items", json_array_new ());

  root = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (root, object);
  return root;
}

/*
 * rempart_feed_document_bump_seq:
 * @root: a feed document
 * @out_seq: (out) (optional): the new value
 *
 * Increments `_rempart.seq` (creating `_rempart` and `seq` when absent), which every publish
 * must do: sync refuses a feed whose seq went down.
 */
gboolean
rempart_feed_document_bump_seq (JsonNode *root, gint64 *out_seq, GError **error)
{
  JsonObject *object;
  JsonNode *ext_node;
  JsonObject *ext;
  JsonNode *seq_node;
  gint64 seq = 1;

  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, REMPART_FEED_ERROR, REMPART_FEED_ERROR_NOT_AN_OBJECT,
                   _ ("The document is not a JSON object, so it is not a feed"));
      return FALSE;
    }
  object = json_node_get_object (root);

  ext_node = json_object_get_member (object, "_rempart");
  if (ext_node == NULL || JSON_NODE_HOLDS_NULL (ext_node))
    {
      ext = json_object_new ();
      json_object_set_int_member (ext, "schema", 1);
      json_object_set_object_member (object, "_rempart", ext);
    }
  else if (!JSON_NODE_HOLDS_OBJECT (ext_node))
    {
      g_set_error (error, REMPART_FEED_ERROR, REMPART_FEED_ERROR_BAD_EXTENSION,
                   _ ("_rempart is not an object; fix it by hand so that nothing is lost"));
      return FALSE;
    }
  else
    ext = json_node_get_object (ext_node);

  seq_node = json_object_get_member (ext, "seq");
  if (seq_node != NULL && !JSON_NODE_HOLDS_NULL (seq_node))
    {
      if (!JSON_NODE_HOLDS_VALUE (seq_node) ||
          json_node_get_value_type (seq_node) != G_TYPE_INT64 || json_node_get_int (seq_node) < 0 ||
          json_node_get_int (seq_node) == G_MAXINT64)
        {
          g_set_error (error, REMPART_FEED_ERROR, REMPART_FEED_ERROR_BAD_EXTENSION,
                       _ ("_rempart.seq is not a positive integer; fix it by hand, making sure "
                          "it is larger than any seq already published"));
          return FALSE;
        }
      seq = json_node_get_int (seq_node) + 1;
    }

  json_object_set_int_member (ext, "seq", seq);
  if (out_seq != NULL)
    *out_seq = seq;
  return TRUE;
}

/*
 * rempart_feed_document_add_action:
 * @root: a feed document, from rempart_feed_load_json() or rempart_feed_document_new()
 * @action: the action
 *
 * Puts the action first in `items` (feeds list the newest first), with the id from @action
 * or a fresh one, and bumps `_rempart.seq`. Every other field of the document is kept. On
 * error the document is unchanged.
 */
gboolean
rempart_feed_document_add_action (JsonNode *root, const RempartNewAction *action, GError **error)
{
  g_autofree char *url = NULL;
  g_autofree char *title = NULL;
  g_autofree char *id = NULL;
  g_autoptr (GDateTime) now = NULL;
  g_autoptr (JsonArray) items = NULL;
  JsonArray *old_items;
  JsonObject *item;
  JsonObject *ext;
  JsonNode *items_node;
  guint n;

  g_return_val_if_fail (action != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  old_items = get_items (root, error);
  if (old_items == NULL)
    return FALSE;

  url = action->url != NULL ? rempart_feed_normalize_url (action->url, error) : NULL;
  if (url == NULL)
    {
      if (action->url == NULL)
        g_set_error (error, REMPART_FEED_ERROR, REMPART_FEED_ERROR_BAD_URL,
                     _ ("An action needs the address of the thread to answer"));
      return FALSE;
    }

  title = action->title != NULL ? rempart_text_sanitize (action->title, REMPART_TEXT_SINGLE_LINE)
                                : g_strdup ("");
  if (title[0] == '\0')
    {
      g_set_error (error, REMPART_FEED_ERROR, REMPART_FEED_ERROR_INVALID_ACTION,
                   _ ("An action needs a title"));
      return FALSE;
    }

  id = action->id != NULL ? rempart_text_sanitize (action->id, REMPART_TEXT_SINGLE_LINE)
                          : rempart_feed_new_action_id ();
  if (id[0] == '\0' || has_item_id (old_items, id))
    {
      g_autofree char *quoted = rempart_text_quote (id);

      g_set_error (error, REMPART_FEED_ERROR, REMPART_FEED_ERROR_INVALID_ACTION,
                   _ ("The feed already has an action with the id “%s”"), quoted);
      return FALSE;
    }

  /* Bump first: it is the only step left that can fail, and it fails before any change. */
  if (!rempart_feed_document_bump_seq (root, NULL, error))
    return FALSE;

  item = json_object_new ();
  json_object_set_string_member (item, "id", id);
  json_object_set_string_member (item, "url", url);
  json_object_set_string_member (item, "title", title);
  /* JSON Feed requires content_text or content_html: an action without a brief has an empty
   * one, which the parser reads as no brief. */
  json_object_set_string_member (item, "content_text", "");
  set_text (item, "content_text", action->brief, REMPART_TEXT_MULTI_LINE);
  set_text (item, "language", action->language, REMPART_TEXT_SINGLE_LINE);
  set_text_array (item, "tags", action->tags, REMPART_TEXT_SINGLE_LINE);
  now = g_date_time_new_now_utc ();
  set_date (item, "date_published", action->date_published != NULL ? action->date_published : now);

  ext = build_extension (action);
  if (json_object_get_size (ext) > 0)
    json_object_set_object_member (item, "_rempart", ext);
  else
    json_object_unref (ext);

  /* JsonArray cannot insert, so the new item leads a new array that shares the old items
   * (a reference each, not a copy of every action). */
  n = json_array_get_length (old_items);
  items = json_array_sized_new (n + 1);
  json_array_add_object_element (items, item);
  for (guint i = 0; i < n; i++)
    json_array_add_element (items, json_node_ref (json_array_get_element (old_items, i)));
  json_object_set_array_member (json_node_get_object (root), "items", g_steal_pointer (&items));

  /* The old array node is gone: point the shared items at their new parent. */
  items_node = json_object_get_member (json_node_get_object (root), "items");
  for (guint i = 0; i <= n; i++)
    json_node_set_parent (json_array_get_element (json_node_get_array (items_node), i), items_node);

  return TRUE;
}

/*
 * rempart_feed_document_to_data:
 * @root: a feed document
 * @out_length: (out) (optional): the length of the result
 *
 * Returns: (transfer full): the document, pretty-printed with two spaces, ending in a newline
 */
char *
rempart_feed_document_to_data (JsonNode *root, gsize *out_length)
{
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autofree char *data = NULL;
  char *result;

  g_return_val_if_fail (root != NULL, NULL);

  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  data = json_generator_to_data (generator, NULL);

  result = g_strconcat (data, "\n", NULL);
  if (out_length != NULL)
    *out_length = strlen (result);
  return result;
}

/*
 * rempart_feed_document_edit_action:
 * @root: a feed document
 * @id: the action to change
 * @action: the new values; only those named by @fields are read (a %NULL or blank text, an
 *   empty list, a %NULL date remove the field)
 * @fields: which fields to change
 *
 * Changes one action in place, keeping every field it does not name (unknown ones included),
 * sets its `date_modified` and bumps `_rempart.seq`. On error the document is unchanged.
 */
gboolean
rempart_feed_document_edit_action (JsonNode *root,
                                   const char *id,
                                   const RempartNewAction *action,
                                   RempartActionFields fields,
                                   GError **error)
{
  static const struct
  {
    RempartActionFields field;
    const char *member;
  } ext_fields[] = {
    { REMPART_ACTION_FIELD_TOPIC, "topic" },       { REMPART_ACTION_FIELD_PRIORITY, "priority" },
    { REMPART_ACTION_FIELD_PLATFORM, "platform" }, { REMPART_ACTION_FIELD_EXPIRES, "expires" },
    { REMPART_ACTION_FIELD_EXCERPT, "excerpt" },   { REMPART_ACTION_FIELD_ARGUMENTS, "arguments" },
    { REMPART_ACTION_FIELD_SOURCES, "sources" },
  };
  g_autofree char *url = NULL;
  g_autofree char *title = NULL;
  g_autofree char *path = NULL;
  g_autoptr (GDateTime) now = NULL;
  g_autoptr (JsonObject) new_ext = NULL;
  JsonArray *items;
  JsonObject *item;
  JsonObject *ext = NULL;
  guint index;

  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (action != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  items = get_items (root, error);
  if (items == NULL)
    return FALSE;
  item = find_item (items, id, &index, error);
  if (item == NULL)
    return FALSE;
  path = g_strdup_printf ("items[%u]", index);

  /* Every check before any change. */
  if (fields & REMPART_ACTION_FIELD_URL)
    {
      url = action->url != NULL ? rempart_feed_normalize_url (action->url, error) : NULL;
      if (url == NULL)
        {
          if (action->url == NULL)
            g_set_error (error, REMPART_FEED_ERROR, REMPART_FEED_ERROR_BAD_URL,
                         _ ("An action needs the address of the thread to answer"));
          return FALSE;
        }
    }
  if (fields & REMPART_ACTION_FIELD_TITLE)
    {
      title = action->title != NULL
                  ? g_strstrip (rempart_text_sanitize (action->title, REMPART_TEXT_SINGLE_LINE))
                  : g_strdup ("");
      if (title[0] == '\0')
        {
          g_set_error (error, REMPART_FEED_ERROR, REMPART_FEED_ERROR_INVALID_ACTION,
                       _ ("An action needs a title"));
          return FALSE;
        }
    }
  for (guint i = 0; i < G_N_ELEMENTS (ext_fields); i++)
    {
      JsonNode *node = json_object_get_member (item, "_rempart");

      if ((fields & ext_fields[i].field) && node != NULL && !JSON_NODE_HOLDS_NULL (node) &&
          !JSON_NODE_HOLDS_OBJECT (node))
        return get_extension (item, path, error) != NULL;
    }
  if (!rempart_feed_document_bump_seq (root, NULL, error))
    return FALSE;

  if (url != NULL)
    {
      /* The parser reads external_url first: change the link it reads. */
      if (json_object_has_member (item, "external_url"))
        json_object_set_string_member (item, "external_url", url);
      else
        json_object_set_string_member (item, "url", url);
    }
  if (title != NULL)
    json_object_set_string_member (item, "title", title);
  if (fields & REMPART_ACTION_FIELD_BRIEF)
    {
      /* The new brief replaces whichever field held the old one. */
      if (json_object_has_member (item, "content_html"))
        json_object_remove_member (item, "content_html");
      if (json_object_has_member (item, "summary"))
        json_object_remove_member (item, "summary");
      json_object_set_string_member (item, "content_text", "");
      set_text (item, "content_text", action->brief, REMPART_TEXT_MULTI_LINE);
    }
  if (fields & REMPART_ACTION_FIELD_LANGUAGE)
    replace_text (item, "language", action->language, REMPART_TEXT_SINGLE_LINE);
  if (fields & REMPART_ACTION_FIELD_TAGS)
    {
      if (json_object_has_member (item, "tags"))
        json_object_remove_member (item, "tags");
      set_text_array (item, "tags", action->tags, REMPART_TEXT_SINGLE_LINE);
    }

  new_ext = build_extension (action);
  for (guint i = 0; i < G_N_ELEMENTS (ext_fields); i++)
    {
      JsonNode *value;

      if (!(fields & ext_fields[i].field))
        continue;
      if (ext == NULL)
        ext = get_extension (item, path, NULL);
      if (json_object_has_member (ext, ext_fields[i].member))
        json_object_remove_member (ext, ext_fields[i].member);
      value = json_object_get_member (new_ext, ext_fields[i].member);
      if (value != NULL)
        json_object_set_member (ext, ext_fields[i].member, json_node_copy (value));
    }
  if (ext != NULL && json_object_get_size (ext) == 0)
    json_object_remove_member (item, "_rempart");

  now = g_date_time_new_now_utc ();
  if (json_object_has_member (item, "date_modified"))
    json_object_remove_member (item, "date_modified");
  set_date (item, "date_modified", now);
  return TRUE;
}

/*
 * rempart_feed_document_remove_action:
 * @root: a feed document
 * @id: the action to remove
 *
 * Removes the action and bumps `_rempart.seq`. On error the document is unchanged.
 */
gboolean
rempart_feed_document_remove_action (JsonNode *root, const char *id, GError **error)
{
  JsonArray *items;
  guint index;

  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  items = get_items (root, error);
  if (items == NULL || find_item (items, id, &index, error) == NULL)
    return FALSE;
  if (!rempart_feed_document_bump_seq (root, NULL, error))
    return FALSE;

  json_array_remove_element (items, index);
  return TRUE;
}

/*
 * rempart_feed_document_set_settings:
 * @root: a feed document
 * @settings: the group's settings; %NULL members are left as they are, blank ones (and an
 *   empty @rules) remove the field
 *
 * Sets the group's title, description, hashtag and rules. The sequence number is not bumped:
 * publishing does it. On error the document is unchanged.
 */
gboolean
rempart_feed_document_set_settings (JsonNode *root,
                                    const RempartFeedSettings *settings,
                                    GError **error)
{
  JsonObject *object;
  JsonObject *ext;

  g_return_val_if_fail (settings != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (get_items (root, error) == NULL)
    return FALSE;
  object = json_node_get_object (root);

  if (settings->title != NULL)
    {
      g_autofree char *title =
          g_strstrip (rempart_text_sanitize (settings->title, REMPART_TEXT_SINGLE_LINE));

      if (title[0] == '\0')
        {
          g_set_error (error, REMPART_FEED_ERROR, REMPART_FEED_ERROR_BAD_EXTENSION,
                       _ ("A group’s feed needs a title"));
          return FALSE;
        }
    }
  if (!check_hashtag (settings->hashtag, error))
    return FALSE;
  ext = get_extension (object, "feed", error);
  if (ext == NULL)
    return FALSE;

  if (settings->title != NULL)
    replace_text (object, "title", settings->title, REMPART_TEXT_SINGLE_LINE);
  if (settings->description != NULL)
    replace_text (object, "description", settings->description, REMPART_TEXT_SINGLE_LINE);
  if (settings->language != NULL)
    replace_text (object, "language", settings->language, REMPART_TEXT_SINGLE_LINE);
  if (settings->about != NULL)
    replace_text (ext, "about", settings->about, REMPART_TEXT_MULTI_LINE);
  if (settings->hashtag != NULL)
    replace_text (ext, "hashtag", settings->hashtag, REMPART_TEXT_SINGLE_LINE);
  if (settings->set_hashtag_position)
    json_object_set_string_member (ext, "hashtag_position",
                                   rempart_hashtag_position_to_string (settings->hashtag_position));
  if (settings->rules != NULL)
    {
      if (json_object_has_member (ext, "rules"))
        json_object_remove_member (ext, "rules");
      set_text_array (ext, "rules", settings->rules, REMPART_TEXT_MULTI_LINE);
    }

  return TRUE;
}
