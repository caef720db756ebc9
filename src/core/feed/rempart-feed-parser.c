/* rempart-feed-parser.c
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rempart-feed-parser-private.h"
#include "rempart-feed-parser.h"
#include "rempart-json.h"

/*
 * The one validation engine for the app and for rempart-feed. A feed comes from any web
 * host, so the bytes are checked before json-glib sees them (rempart-json.c: size, UTF-8,
 * and nesting depth). Only then is the document parsed and read, item by item.
 */

/* Written out rather than G_DEFINE_QUARK: clang-format reads the quark's name as a
 * subtraction and spaces it out, which changes the registered name. */
GQuark
rempart_feed_error_quark (void)
{
  return g_quark_from_static_string ("rempart-feed-error-quark");
}

/* -------------------------------------------------------------------------------------- */
/* The feed's own fields                                                                  */
/* -------------------------------------------------------------------------------------- */

static gboolean
check_version (JsonObject *root, const char *display_name, GError **error)
{
  static const char *const versions[] = {
    "https://jsonfeed.org/version/1",
    "https://jsonfeed.org/version/1.1",
    "http://jsonfeed.org/version/1",
    "http://jsonfeed.org/version/1.1",
  };
  JsonNode *node = rempart_json_member (root, "version");
  const char *version;
  g_autofree char *quoted = NULL;

  if (node == NULL)
    {
      g_set_error (error, REMPART_FEED_ERROR, REMPART_FEED_ERROR_BAD_VERSION,
                   _ ("%s: version: missing; a JSON Feed says "
                      "\"version\": \"https://jsonfeed.org/version/1.1\""),
                   display_name);
      return FALSE;
    }

  version = JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING
                ? json_node_get_string (node)
                : NULL;
  for (guint i = 0; version != NULL && i < G_N_ELEMENTS (versions); i++)
    if (strcmp (version, versions[i]) == 0)
      return TRUE;

  if (version != NULL)
    {
      g_autofree char *quoted_text = rempart_text_quote (version);

      quoted = g_strdup_printf ("“%s”", quoted_text);
    }

  g_set_error (error, REMPART_FEED_ERROR, REMPART_FEED_ERROR_BAD_VERSION,
               _ ("%s: version: %s is not a JSON Feed version; expected "
                  "“https://jsonfeed.org/version/1.1” or “https://jsonfeed.org/version/1”"),
               display_name, quoted != NULL ? quoted : rempart_json_type_name (node));
  return FALSE;
}

static void
read_templates (RempartParseContext *ctx, JsonObject *ext)
{
  JsonArray *array = rempart_parse_array (ctx, ext, "_rempart", "templates");
  guint n = array != NULL ? json_array_get_length (array) : 0;

  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      g_autofree char *path = g_strdup_printf ("_rempart.templates[%u]", i);
      g_autoptr (RempartFeedTemplate) tmpl = NULL;
      g_auto (GStrv) topics = NULL;
      g_autoptr (GStrvBuilder) known = g_strv_builder_new ();
      JsonObject *object;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          rempart_parse_warn (ctx, path, NULL, -1,
                              _ ("is %s, not an object; the template was skipped"),
                              rempart_json_type_name (node));
          continue;
        }
      object = json_node_get_object (node);

      tmpl = g_new0 (RempartFeedTemplate, 1);
      tmpl->id = rempart_parse_text (ctx, object, path, "id", REMPART_TEXT_SINGLE_LINE);
      tmpl->body = rempart_parse_text (ctx, object, path, "body", REMPART_TEXT_MULTI_LINE);
      if (tmpl->id == NULL || tmpl->body == NULL)
        {
          rempart_parse_warn (ctx, path, tmpl->id == NULL ? "id" : "body", -1,
                              _ ("missing or empty; the template was skipped"));
          continue;
        }
      if (rempart_feed_has_template (ctx->feed, tmpl->id))
        {
          g_autofree char *quoted = rempart_text_quote (tmpl->id);

          rempart_parse_warn (ctx, path, "id", -1,
                              _ ("“%s” repeats the id of an earlier template; the template was "
                                 "skipped"),
                              quoted);
          continue;
        }

      tmpl->title = rempart_parse_text (ctx, object, path, "title", REMPART_TEXT_SINGLE_LINE);
      tmpl->language = rempart_parse_text (ctx, object, path, "language", REMPART_TEXT_SINGLE_LINE);
      tmpl->when = rempart_parse_text (ctx, object, path, "when", REMPART_TEXT_SINGLE_LINE);

      /* Topics match actions' topics, so only the known ones can ever match. */
      topics = rempart_parse_text_array (ctx, object, path, "topics", REMPART_TEXT_SINGLE_LINE);
      for (guint j = 0; topics != NULL && topics[j] != NULL; j++)
        {
          RempartTopic topic;

          if (rempart_topic_from_string (topics[j], &topic))
            g_strv_builder_add (known, topics[j]);
          else
            {
              g_autofree char *quoted = rempart_text_quote (topics[j]);

              rempart_parse_warn (ctx, path, "topics", j,
                                  _ ("“%s” is not a known topic; it was ignored"), quoted);
            }
        }
      tmpl->topics = g_strv_builder_end (known);

      rempart_feed_take_template (ctx->feed, g_steal_pointer (&tmpl));
    }
}

/* `_rempart.next_key`: the key the moderators will sign with next (docs/feed-format.md, Key
 * rotation). Only its shape is checked here, a minisign public key's base64 line ("Ed", the
 * key id and 32 bytes); the signing layer reads it when a verified feed brings it. */
static void
read_next_key (RempartParseContext *ctx, JsonObject *ext)
{
  const char *raw = rempart_parse_string (ctx, ext, "_rempart", "next_key");
  g_autofree guchar *decoded = NULL;
  gsize length = 0;

  if (raw == NULL)
    return;
  if (strlen (raw) == 56 && strspn (raw, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
                                         "0123456789+/=") == 56)
    decoded = g_base64_decode (raw, &length);
  if (decoded == NULL || length != 42 || decoded[0] != 'E' || decoded[1] != 'd')
    {
      g_autofree char *quoted = rempart_text_quote (raw);

      rempart_parse_warn (ctx, "_rempart", "next_key", -1,
                          _ ("“%s” is not a minisign public key (the last line of a .pub "
                             "file); it was ignored"),
                          quoted);
      return;
    }
  rempart_feed_take_text (ctx->feed, REMPART_FEED_NEXT_KEY, g_strdup (raw));
}

static void
read_extension (RempartParseContext *ctx, JsonObject *root)
{
  JsonObject *ext = rempart_parse_object (ctx, root, NULL, "_rempart");
  g_autoptr (GDateTime) expires = NULL;
  g_autofree char *hashtag = NULL;
  const char *raw;
  gint64 value;

  if (ext == NULL)
    return;

  rempart_feed_take_text (
      ctx->feed, REMPART_FEED_ABOUT,
      rempart_parse_text (ctx, ext, "_rempart", "about", REMPART_TEXT_MULTI_LINE));

  if (rempart_parse_integer (ctx, ext, "_rempart", "schema", &value))
    {
      if (value < 1 || value > G_MAXINT)
        rempart_parse_warn (ctx, "_rempart", "schema", -1,
                            _ ("%lld is not a schema version; expected 1; it was ignored"),
                            (long long) value);
      else
        {
          /* A newer schema adds fields; what we know of it still holds. */
          if (value > 1)
            rempart_parse_warn (ctx, "_rempart", "schema", -1,
                                _ ("version %lld is newer than the version this Rempart reads (1); "
                                   "fields it does not know were ignored"),
                                (long long) value);
          rempart_feed_set_schema (ctx->feed, (int) value);
        }
    }

  if (rempart_parse_integer (ctx, ext, "_rempart", "seq", &value))
    {
      if (value < 0)
        rempart_parse_warn (ctx, "_rempart", "seq", -1,
                            _ ("%lld is negative; expected a number that grows with every publish; "
                               "it was ignored"),
                            (long long) value);
      else
        rempart_feed_set_seq (ctx->feed, value);
    }

  expires = rempart_parse_date (ctx, ext, "_rempart", "expires");
  rempart_feed_set_expires (ctx->feed, expires);

  hashtag = rempart_parse_text (ctx, ext, "_rempart", "hashtag", REMPART_TEXT_SINGLE_LINE);
  if (hashtag != NULL && (hashtag[0] != '#' || hashtag[1] == '\0' || strchr (hashtag, ' ') != NULL))
    {
      g_autofree char *quoted = rempart_text_quote (hashtag);

      rempart_parse_warn (ctx, "_rempart", "hashtag", -1,
                          _ ("“%s” is not a hashtag; expected one word after #, such as "
                             "#jesuislà; it was ignored"),
                          quoted);
      g_clear_pointer (&hashtag, g_free);
    }
  rempart_feed_take_text (ctx->feed, REMPART_FEED_HASHTAG, g_steal_pointer (&hashtag));

  raw = rempart_parse_string (ctx, ext, "_rempart", "hashtag_position");
  if (raw != NULL)
    {
      RempartHashtagPosition position;

      if (rempart_hashtag_position_from_string (raw, &position))
        rempart_feed_set_hashtag_position (ctx->feed, position);
      else
        {
          g_autofree char *quoted = rempart_text_quote (raw);

          rempart_parse_warn (ctx, "_rempart", "hashtag_position", -1,
                              _ ("“%s” is not a position; expected start, end or any; it was "
                                 "ignored"),
                              quoted);
        }
    }

  rempart_feed_take_rules (
      ctx->feed, rempart_parse_text_array (ctx, ext, "_rempart", "rules", REMPART_TEXT_MULTI_LINE));
  read_templates (ctx, ext);
  read_next_key (ctx, ext);
}

static void
read_feed_fields (RempartParseContext *ctx, JsonObject *root)
{
  const char *raw = rempart_parse_string (ctx, root, NULL, "title");

  if (raw != NULL)
    {
      g_autofree char *decoded = rempart_html_decode_entities (raw);
      char *title = rempart_feed_clean_text (decoded, REMPART_TEXT_SINGLE_LINE);

      if (title[0] == '\0')
        g_clear_pointer (&title, g_free);
      rempart_feed_take_text (ctx->feed, REMPART_FEED_TITLE, title);
    }

  rempart_feed_take_text (
      ctx->feed, REMPART_FEED_DESCRIPTION,
      rempart_parse_text (ctx, root, NULL, "description", REMPART_TEXT_MULTI_LINE));
  rempart_feed_take_text (ctx->feed, REMPART_FEED_HOME_PAGE_URL,
                          rempart_parse_feed_url (ctx, root, NULL, "home_page_url"));
  rempart_feed_take_text (ctx->feed, REMPART_FEED_FEED_URL,
                          rempart_parse_feed_url (ctx, root, NULL, "feed_url"));
  rempart_feed_take_text (
      ctx->feed, REMPART_FEED_LANGUAGE,
      rempart_parse_text (ctx, root, NULL, "language", REMPART_TEXT_SINGLE_LINE));
}

/* -------------------------------------------------------------------------------------- */
/* Public API                                                                             */
/* -------------------------------------------------------------------------------------- */

/*
 * rempart_feed_load_json:
 * @bytes: the file as downloaded or read
 * @display_name: how messages name the file ("feed.json", a URL)
 *
 * Runs the byte checks (size, UTF-8, depth), tolerates a UTF-8 BOM, and parses the JSON
 * (rempart_json_load() with the feed's size limit, errors in %REMPART_FEED_ERROR).
 * It checks nothing of the feed's structure: rempart_feed_parse() does, and the writer uses
 * this to edit a document while keeping every field it does not know.
 *
 * Returns: (transfer full): the document's root
 */
JsonNode *
rempart_feed_load_json (GBytes *bytes, const char *display_name, GError **error)
{
  g_autoptr (GError) local_error = NULL;
  RempartFeedError code = REMPART_FEED_ERROR_INVALID_JSON;
  JsonNode *root;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  root = rempart_json_load (bytes, display_name, REMPART_FEED_MAX_SIZE, &local_error);
  if (root != NULL)
    return root;

  switch (local_error->code)
    {
      case REMPART_JSON_ERROR_TOO_LARGE:
        code = REMPART_FEED_ERROR_TOO_LARGE;
        break;
      case REMPART_JSON_ERROR_INVALID_UTF8:
        code = REMPART_FEED_ERROR_INVALID_UTF8;
        break;
      case REMPART_JSON_ERROR_TOO_DEEP:
        code = REMPART_FEED_ERROR_TOO_DEEP;
        break;
      case REMPART_JSON_ERROR_TOO_COMPLEX:
        code = REMPART_FEED_ERROR_TOO_COMPLEX;
        break;
      case REMPART_JSON_ERROR_INVALID_JSON:
      default:
        break;
    }
  g_set_error_literal (error, REMPART_FEED_ERROR, code, local_error->message);
  return NULL;
}

/*
 * rempart_feed_parse:
 * @bytes: the file as downloaded or read
 * @display_name: how messages name the file ("feed.json", a URL)
 * @error: a #RempartFeedError when the whole feed is rejected
 *
 * Parses and validates an action feed (JSON Feed 1 or 1.1 with the `_rempart` extension;
 * docs/feed-format.md). The feed is rejected only when it is not a JSON Feed at all; items
 * that cannot be actions are skipped, and fields that cannot be used are ignored, each
 * with a message in rempart_feed_get_warnings().
 *
 * Returns: (transfer full): the feed, or %NULL with @error set
 */
RempartFeed *
rempart_feed_parse (GBytes *bytes, const char *display_name, GError **error)
{
  g_autoptr (JsonNode) root = NULL;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  root = rempart_feed_load_json (bytes, display_name, error);
  if (root == NULL)
    return NULL;

  return rempart_feed_parse_root (root, display_name, NULL, error);
}

/*
 * rempart_feed_parse_root:
 * @raw: (nullable): the document's raw items, when @root is the document with an empty
 *   items array (rempart_parse_items_raw())
 *
 * The checks and the reading of rempart_feed_parse() on a loaded document. With @raw, a
 * document whose items array is not empty, or a raw item that does not parse on its own,
 * returns %NULL without setting @error.
 */
RempartFeed *
rempart_feed_parse_root (JsonNode *root,
                         const char *display_name,
                         RempartRawItems *raw,
                         GError **error)
{
  g_autoptr (RempartFeed) feed = NULL;
  RempartParseContext ctx;
  JsonObject *object;
  JsonNode *items;

  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, REMPART_FEED_ERROR, REMPART_FEED_ERROR_NOT_AN_OBJECT,
                   _ ("%s: the document is %s, not an object; a JSON Feed is an object with "
                      "version and items"),
                   display_name, rempart_json_type_name (root));
      return NULL;
    }
  object = json_node_get_object (root);

  if (!check_version (object, display_name, error))
    return NULL;

  items = rempart_json_member (object, "items");
  if (items == NULL || !JSON_NODE_HOLDS_ARRAY (items))
    {
      if (items == NULL)
        g_set_error (error, REMPART_FEED_ERROR, REMPART_FEED_ERROR_NO_ITEMS,
                     _ ("%s: items: missing; a JSON Feed has an items array, even an empty one"),
                     display_name);
      else
        g_set_error (error, REMPART_FEED_ERROR, REMPART_FEED_ERROR_NO_ITEMS,
                     _ ("%s: items: is %s, not an array"), display_name,
                     rempart_json_type_name (items));
      return NULL;
    }

  feed = rempart_feed_new ();
  ctx.display_name = display_name;
  ctx.feed = feed;
  ctx.seen_id = NULL;

  read_feed_fields (&ctx, object);
  read_extension (&ctx, object);
  if (raw == NULL)
    rempart_parse_items (&ctx, json_node_get_array (items));
  else if (json_array_get_length (json_node_get_array (items)) != 0 ||
           !rempart_parse_items_raw (&ctx, raw))
    return NULL;
  rempart_feed_end_warnings (feed, display_name);

  return g_steal_pointer (&feed);
}
