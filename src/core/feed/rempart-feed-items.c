/* rempart-feed-items.c
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "rempart-action-builder.h"
#include "rempart-feed-parser-private.h"
#include "rempart-feed-parser.h"

/*
 * Items to actions. An item is skipped (with a warning) only when it cannot be an action at
 * all: no usable id or no thread to open. Anything else that is wrong is ignored field by
 * field, so that one typo in a brief never hides the day's actions.
 */

/* Longest title we keep; a longer one would only hang a label. */
#define MAX_TITLE_CHARS 500
/* A title made from the text is a summary line, not a paragraph. */
#define MAX_DERIVED_TITLE_CHARS 100

/* -------------------------------------------------------------------------------------- */
/* Helpers                                                                                */
/* -------------------------------------------------------------------------------------- */

static void
skip_item (RempartParseContext *ctx, const char *prefix, const char *member, const char *reason)
{
  /* TRANSLATORS: %s says what is wrong with an item of the feed */
  rempart_parse_warn (ctx, prefix, member, -1, _ ("%s; the action was skipped"), reason);
  rempart_feed_count_skipped (ctx->feed);
}

static void
skip_repeated_id (RempartParseContext *ctx, const char *prefix, const char *id)
{
  g_autofree char *quoted = rempart_text_quote (id);
  g_autofree char *reason =
      g_strdup_printf (_ ("“%s” repeats the id of an earlier action"), quoted);

  skip_item (ctx, prefix, "id", reason);
}

/* Returns: (nullable): the item's id as a string; numbers are accepted and written the way
 * JSON wrote them (42, not 42.0). */
static char *
read_id (RempartParseContext *ctx, JsonObject *item, const char *prefix)
{
  JsonNode *node = rempart_json_member (item, "id");
  g_autofree char *id = NULL;

  if (node == NULL)
    {
      skip_item (ctx, prefix, "id", _ ("missing; every action needs an id"));
      return NULL;
    }

  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    id = rempart_feed_clean_text (json_node_get_string (node), REMPART_TEXT_SINGLE_LINE);
  else if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64)
    id = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
  else if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_DOUBLE)
    {
      double value = json_node_get_double (node);

      id = rempart_feed_number_id (value);
      if (id == NULL)
        {
          char buf[G_ASCII_DTOSTR_BUF_SIZE];
          g_autofree char *reason = g_strdup_printf (
              _ ("is the number %s, too large to be an exact id; write the id as a string"),
              g_ascii_dtostr (buf, sizeof buf, value));

          skip_item (ctx, prefix, "id", reason);
          return NULL;
        }
    }
  else
    {
      g_autofree char *reason = g_strdup_printf (
          _ ("is %s, not a string; every action needs an id"), rempart_json_type_name (node));

      skip_item (ctx, prefix, "id", reason);
      return NULL;
    }

  if (id[0] == '\0')
    {
      skip_item (ctx, prefix, "id", _ ("is empty; every action needs an id"));
      return NULL;
    }

  if (ctx->seen_id != NULL)
    {
      g_free (*ctx->seen_id);
      *ctx->seen_id = g_strdup (id);
    }
  if (rempart_feed_has_id (ctx->feed, id))
    {
      skip_repeated_id (ctx, prefix, id);
      return NULL;
    }

  return g_steal_pointer (&id);
}

/* Returns: (nullable): the thread link: external_url, else url. */
static char *
read_link (RempartParseContext *ctx, JsonObject *item, const char *prefix)
{
  g_autoptr (GError) error = NULL;
  const char *member = "external_url";
  const char *raw = rempart_parse_string (ctx, item, prefix, member);
  char *url;

  /* An empty external_url is how some generators say "none". */
  if (raw == NULL || raw[0] == '\0')
    {
      member = "url";
      raw = rempart_parse_string (ctx, item, prefix, member);
    }

  if (raw == NULL || raw[0] == '\0')
    {
      skip_item (ctx, prefix, NULL, _ ("has no link to a thread (external_url or url)"));
      return NULL;
    }

  url = rempart_feed_normalize_url (raw, &error);
  if (url == NULL)
    skip_item (ctx, prefix, member, error->message);

  return url;
}

static char *
read_plain_text (RempartParseContext *ctx, JsonObject *item, const char *prefix, const char *member)
{
  const char *raw = rempart_parse_string (ctx, item, prefix, member);
  g_autofree char *decoded = NULL;
  char *text;

  if (raw == NULL)
    return NULL;

  /* Plain-text fields often arrive HTML-escaped (WordPress, Nunjucks): decode, as readers
   * expect. */
  decoded = rempart_html_decode_entities (raw);
  text = g_strstrip (rempart_feed_clean_text (decoded, REMPART_TEXT_MULTI_LINE));
  if (text[0] == '\0')
    g_clear_pointer (&text, g_free);

  return text;
}

static char *
read_html_text (RempartParseContext *ctx, JsonObject *item, const char *prefix)
{
  const char *member = "content_html";
  const char *raw;
  g_autofree char *text = NULL;
  char *clean;

  /* npm "feed" before 2.0.2 wrote html_content. */
  if (rempart_json_member (item, member) == NULL)
    member = "html_content";

  raw = rempart_parse_string (ctx, item, prefix, member);
  if (raw == NULL)
    return NULL;

  text = rempart_html_to_text (raw);
  clean = g_strstrip (rempart_feed_clean_text (text, REMPART_TEXT_MULTI_LINE));
  if (clean[0] == '\0')
    g_clear_pointer (&clean, g_free);

  return clean;
}

static char *
read_title (RempartParseContext *ctx, JsonObject *item, const char *prefix)
{
  const char *raw = rempart_parse_string (ctx, item, prefix, "title");
  g_autofree char *decoded = NULL;
  g_autofree char *title = NULL;

  if (raw == NULL)
    return NULL;

  decoded = rempart_html_decode_entities (raw);
  title = rempart_feed_clean_text (decoded, REMPART_TEXT_SINGLE_LINE);
  if (title[0] == '\0')
    return NULL;

  if (g_utf8_strlen (title, MAX_TITLE_CHARS * 4 + 4) > MAX_TITLE_CHARS)
    {
      rempart_parse_warn (ctx, prefix, "title", -1,
                          _ ("is longer than %d characters; it was shortened"), MAX_TITLE_CHARS);
      return rempart_text_truncate (title, MAX_TITLE_CHARS);
    }

  return g_steal_pointer (&title);
}

static GPtrArray *
read_sources (RempartParseContext *ctx, JsonObject *ext, const char *prefix)
{
  g_autofree char *path = g_strconcat (prefix, "._rempart", NULL);
  JsonArray *array = rempart_parse_array (ctx, ext, path, "sources");
  GPtrArray *sources = g_ptr_array_new_with_free_func ((GDestroyNotify) rempart_source_free);
  guint n = array != NULL ? json_array_get_length (array) : 0;

  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      g_autofree char *element = g_strdup_printf ("%s._rempart.sources[%u]", prefix, i);
      g_autoptr (GError) error = NULL;
      g_autofree char *title = NULL;
      g_autofree char *url = NULL;
      const char *raw;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          rempart_parse_warn (ctx, element, NULL, -1,
                              _ ("is %s, not an object; the source was skipped"),
                              rempart_json_type_name (node));
          continue;
        }

      raw = rempart_parse_string (ctx, json_node_get_object (node), element, "url");
      if (raw == NULL || raw[0] == '\0')
        {
          rempart_parse_warn (ctx, element, "url", -1, _ ("missing; the source was skipped"));
          continue;
        }

      url = rempart_feed_normalize_url (raw, &error);
      if (url == NULL)
        {
          /* TRANSLATORS: %s says what is wrong with the address of a source */
          rempart_parse_warn (ctx, element, "url", -1, _ ("%s; the source was skipped"),
                              error->message);
          continue;
        }

      title = rempart_parse_text (ctx, json_node_get_object (node), element, "title",
                                  REMPART_TEXT_SINGLE_LINE);
      g_ptr_array_add (sources, rempart_source_new (title, url));
    }

  return sources;
}

static void
read_extension (RempartParseContext *ctx,
                RempartAction *action,
                JsonObject *item,
                const char *prefix)
{
  JsonObject *ext = rempart_parse_object (ctx, item, prefix, "_rempart");
  g_autofree char *path = NULL;
  g_autoptr (GDateTime) expires = NULL;
  const char *raw;

  if (ext == NULL)
    return;

  path = g_strconcat (prefix, "._rempart", NULL);

  expires = rempart_parse_date (ctx, ext, path, "expires");
  rempart_action_set_date (action, REMPART_ACTION_EXPIRES, expires);

  raw = rempart_parse_string (ctx, ext, path, "topic");
  if (raw != NULL)
    {
      RempartTopic topic;

      if (rempart_topic_from_string (raw, &topic))
        rempart_action_set_topic (action, topic);
      else
        {
          g_autofree char *quoted = rempart_text_quote (raw);

          rempart_parse_warn (ctx, path, "topic", -1,
                              _ ("“%s” is not a known topic; expected racism, sexism, "
                                 "lgbtphobia, antisemitism, islamophobia, disability, "
                                 "disinformation or other; it was ignored"),
                              quoted);
        }
    }

  raw = rempart_parse_string (ctx, ext, path, "priority");
  if (raw != NULL)
    {
      RempartPriority priority;

      if (rempart_priority_from_string (raw, &priority))
        rempart_action_set_priority (action, priority);
      else
        {
          g_autofree char *quoted = rempart_text_quote (raw);

          rempart_parse_warn (ctx, path, "priority", -1,
                              _ ("“%s” is not a priority; expected normal or high; it was ignored"),
                              quoted);
        }
    }

  rempart_action_take_text (
      action, REMPART_ACTION_PLATFORM,
      rempart_parse_text (ctx, ext, path, "platform", REMPART_TEXT_SINGLE_LINE));
  rempart_action_take_text (
      action, REMPART_ACTION_EXCERPT,
      rempart_parse_text (ctx, ext, path, "excerpt", REMPART_TEXT_MULTI_LINE));
  rempart_action_take_arguments (
      action, rempart_parse_text_array (ctx, ext, path, "arguments", REMPART_TEXT_MULTI_LINE));
  rempart_action_take_sources (action, read_sources (ctx, ext, prefix));
}

static RempartAction *
read_item (RempartParseContext *ctx, JsonNode *node, const char *prefix)
{
  g_autoptr (RempartAction) action = NULL;
  g_autoptr (GDateTime) published = NULL;
  g_autoptr (GDateTime) modified = NULL;
  g_autofree char *id = NULL;
  g_autofree char *url = NULL;
  g_autofree char *title = NULL;
  g_autofree char *text = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *html_text = NULL;
  JsonObject *item;
  char *brief;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_autofree char *reason =
          g_strdup_printf (_ ("is %s, not an object"), rempart_json_type_name (node));

      skip_item (ctx, prefix, NULL, reason);
      return NULL;
    }
  item = json_node_get_object (node);

  if ((id = read_id (ctx, item, prefix)) == NULL || (url = read_link (ctx, item, prefix)) == NULL)
    return NULL;

  action = rempart_action_new (id, url);

  text = read_plain_text (ctx, item, prefix, "content_text");
  summary = read_plain_text (ctx, item, prefix, "summary");
  /* HTML is only read when there is no plain text to use, which spares the work on big
   * feeds that carry both. */
  if (text == NULL && summary == NULL)
    html_text = read_html_text (ctx, item, prefix);

  title = read_title (ctx, item, prefix);
  if (title == NULL)
    {
      const char *source = summary != NULL ? summary : text != NULL ? text : html_text;

      title = source != NULL ? rempart_text_first_line (source, MAX_DERIVED_TITLE_CHARS) : NULL;
    }
  rempart_action_take_text (action, REMPART_ACTION_TITLE, g_steal_pointer (&title));

  brief = text != NULL      ? g_steal_pointer (&text)
          : summary != NULL ? g_steal_pointer (&summary)
                            : g_steal_pointer (&html_text);
  rempart_action_take_text (action, REMPART_ACTION_BRIEF, brief);

  rempart_action_take_text (
      action, REMPART_ACTION_LANGUAGE,
      rempart_parse_text (ctx, item, prefix, "language", REMPART_TEXT_SINGLE_LINE));
  rempart_action_take_tags (
      action, rempart_parse_text_array (ctx, item, prefix, "tags", REMPART_TEXT_SINGLE_LINE));

  published = rempart_parse_date (ctx, item, prefix, "date_published");
  modified = rempart_parse_date (ctx, item, prefix, "date_modified");
  rempart_action_set_date (action, REMPART_ACTION_DATE_PUBLISHED, published);
  rempart_action_set_date (action, REMPART_ACTION_DATE_MODIFIED, modified);

  read_extension (ctx, action, item, prefix);

  return g_steal_pointer (&action);
}

/* -------------------------------------------------------------------------------------- */
/* Internal API                                                                           */
/* -------------------------------------------------------------------------------------- */

/*
 * rempart_feed_number_id:
 * @value: a JSON number that is not an integer literal (4.5, 1e3, 7.0)
 *
 * Whole numbers are written as integers ("1000" for 1e3), others as the shortest text that
 * reads back the same ("4.5"). A number of 2^53 or more, or not finite, is refused: doubles
 * there no longer hold every integer, so two ids could meet, and the range check comes
 * before any cast, since converting a double outside gint64's range is undefined.
 *
 * Returns: (transfer full) (nullable): the id, or %NULL
 */
char *
rempart_feed_number_id (double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isfinite (value) || !(ABS (value) < 9007199254740992.0))
    return NULL;

  if (value == (double) (gint64) value)
    return g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) value);

  return g_strdup (g_ascii_dtostr (buf, sizeof buf, value));
}

void
rempart_parse_items (RempartParseContext *ctx, JsonArray *items)
{
  guint n = json_array_get_length (items);

  for (guint i = 0; i < n; i++)
    {
      char prefix[32];
      g_autoptr (RempartAction) action = NULL;

      g_snprintf (prefix, sizeof prefix, "items[%u]", i);
      action = read_item (ctx, json_array_get_element (items, i), prefix);
      if (action != NULL)
        rempart_feed_add_action (ctx->feed, action);
    }
}

/* Keeps item @prefix under @known_id, or skips it when an earlier item took that id. */
static void
keep_item (RempartParseContext *ctx, const char *prefix, const char *known_id)
{
  if (!rempart_feed_add_kept_id (ctx->feed, known_id))
    skip_repeated_id (ctx, prefix, known_id);
}

/* Reads item @i of @raw into @ctx's feed, or keeps it under @known_id. With @out_action (the
 * helper's), it gets a reference to the action made, if any, and the helper's feed keeps no
 * hash: the item is taken with its hash.
 * Returns: %FALSE when json-glib refuses the item on its own */
static gboolean
read_raw_item (RempartParseContext *ctx,
               RempartRawItems *raw,
               guint i,
               const char *known_id,
               JsonParser *parser,
               RempartAction **out_action)
{
  const RempartItemSpan *span = &g_array_index (raw->spans, RempartItemSpan, i);
  g_autoptr (RempartAction) action = NULL;
  JsonNode *node;
  char prefix[32];

  g_snprintf (prefix, sizeof prefix, "items[%u]", i);
  if (known_id != NULL)
    {
      keep_item (ctx, prefix, known_id);
      return TRUE;
    }

  if (!json_parser_load_from_data (parser, raw->data + span->start, span->end - span->start,
                                   NULL) ||
      (node = json_parser_get_root (parser)) == NULL)
    return FALSE;
  action = read_item (ctx, node, prefix);
  if (action != NULL)
    {
      if (out_action == NULL)
        rempart_feed_set_item_hash (ctx->feed, rempart_action_get_id (action),
                                    g_ptr_array_index (raw->hashes, i));
      else
        *out_action = g_object_ref (action);
      rempart_feed_add_action (ctx->feed, action);
    }
  return TRUE;
}

/* -------------------------------------------------------------------------------------- */
/* The second half on a second thread                                                     */
/* -------------------------------------------------------------------------------------- */

/*
 * On a first sync every item is read, and reading 10,000 items on their own is most of the
 * sync (docs/performance.md, change 39). So when many items are to be read, a helper thread
 * reads the second half of them into a feed of its own while this thread reads the first
 * half; this thread then takes the helper's items one by one, in feed order, as if it had
 * read them itself.
 *
 * What an item gives depends on the items before it only through the ids already taken (an
 * item whose id repeats one is skipped with one warning, and nothing of it is read after its
 * id) and the room left for warnings' texts. So the helper notes, for each of its items, the
 * id it read (ctx->seen_id), its warnings and whether it was skipped, and this thread takes
 * each: a known item as on one thread; an item whose id repeats one taken before it (in the
 * first half, which the helper did not see) as the one-thread read did, with the
 * repeated-id warning alone; any other with the helper's warnings (counted against this
 * feed's room), skip and action. The helper's own repeated ids are repeats here too, since
 * every id it took before is taken here before. When the helper had no room left for the
 * text of one of its warnings (more than REMPART_FEED_MAX_WARNINGS in its half), this
 * thread reads the second half again itself. test-feed-known.c compares both ways on
 * feeds of every shape, and the fuzz target fuzz-feed-parser does on its inputs.
 */
#define HALF_MIN_ITEMS 256

/* Test hooks: the fewest items to read for a helper (0: HALF_MIN_ITEMS), and how many
 * helpers ran. */
static guint half_min_items_for_testing;
static guint half_runs_for_testing;

typedef struct
{
  char *id;              /* the id the item gave, whether or not it repeats one; NULL: none */
  RempartAction *action; /* (nullable) */
  guint first_warning;   /* in the helper's feed */
  guint n_warnings;
  guint n_skipped;
} HalfItem;

typedef struct
{
  RempartRawItems *raw;
  const char *const *known_ids; /* per item: its id when it is known (not read), else NULL */
  const char *display_name;
  guint start;       /* the helper's items: from @start to the end */
  RempartFeed *feed; /* the helper's */
  HalfItem *items;   /* per item from @start */
  guint n_read;      /* items the helper read, from @start */
  gboolean refused;  /* json-glib refused the item after them */
  gint stop;         /* atomic: this thread needs no more of them */
  GThread *thread;
} Half;

static gpointer
half_thread (gpointer data)
{
  Half *half = data;
  g_autoptr (JsonParser) parser = json_parser_new ();
  RempartParseContext ctx = { .display_name = half->display_name, .feed = half->feed };

  for (guint i = half->start; i < half->raw->spans->len && !g_atomic_int_get (&half->stop); i++)
    {
      HalfItem *item = &half->items[i - half->start];
      guint warnings = rempart_feed_get_n_warnings (half->feed);
      guint skipped = rempart_feed_get_n_skipped (half->feed);

      ctx.seen_id = &item->id;
      if (!read_raw_item (&ctx, half->raw, i, half->known_ids[i], parser, &item->action))
        {
          half->refused = TRUE;
          break;
        }
      item->first_warning = warnings;
      item->n_warnings = rempart_feed_get_n_warnings (half->feed) - warnings;
      item->n_skipped = rempart_feed_get_n_skipped (half->feed) - skipped;
      half->n_read++;
    }
  return NULL;
}

/* Starts the helper on the second half of the @n_to_read items to read, when they are
 * enough; returns %FALSE, starting nothing, otherwise. */
static gboolean
half_start (Half *half,
            RempartParseContext *ctx,
            RempartRawItems *raw,
            const char *const *known_ids,
            guint n_to_read)
{
  guint min_items = g_atomic_int_get (&half_min_items_for_testing);
  guint n = raw->spans->len;
  guint to_read = 0;
  g_autoptr (GError) error = NULL;

  if (n_to_read < MAX (min_items > 0 ? min_items : HALF_MIN_ITEMS, 2))
    return FALSE;

  /* Half of the items to read each. */
  half->start = n;
  while (half->start > 0 && to_read < n_to_read / 2)
    to_read += known_ids[--half->start] == NULL;

  half->raw = raw;
  half->known_ids = known_ids;
  half->display_name = ctx->display_name;
  half->feed = rempart_feed_new ();
  half->items = g_new0 (HalfItem, n - half->start);
  half->thread = g_thread_try_new ("rempart-parse", half_thread, half, &error);
  if (half->thread == NULL)
    {
      g_debug ("Reading the items on one thread: %s", error->message);
      g_clear_object (&half->feed);
      g_clear_pointer (&half->items, g_free);
      return FALSE;
    }
  g_atomic_int_inc (&half_runs_for_testing);
  return TRUE;
}

/* Waits for the helper; then takes its items into @ctx's feed, as above.
 * Returns: %FALSE when json-glib refused an item */
static gboolean
half_finish (Half *half, RempartParseContext *ctx, gboolean take)
{
  RempartRawItems *raw = half->raw;
  GPtrArray *warnings;
  gboolean taken = TRUE;

  /* This thread stopped on an item json-glib refused: the helper's items are not needed. */
  if (!take)
    g_atomic_int_set (&half->stop, TRUE);
  g_thread_join (g_steal_pointer (&half->thread));
  warnings = rempart_feed_get_warnings (half->feed);

  if (take && half->refused)
    {
      /* The feed is refused anyway: the caller parses it whole for the error. */
      taken = FALSE;
      take = FALSE;
    }
  else if (take && rempart_feed_get_n_warnings (half->feed) > warnings->len &&
           rempart_feed_get_warnings (ctx->feed)->len < REMPART_FEED_MAX_WARNINGS)
    {
      /* Not every text kept, and room left for some: read the second half again here. */
      g_autoptr (JsonParser) parser = json_parser_new ();

      for (guint i = half->start; i < raw->spans->len && taken; i++)
        taken = read_raw_item (ctx, raw, i, half->known_ids[i], parser, NULL);
      take = FALSE;
    }

  for (guint i = half->start; take && i < half->start + half->n_read; i++)
    {
      HalfItem *item = &half->items[i - half->start];
      const char *known_id = half->known_ids[i];
      char prefix[32];

      g_snprintf (prefix, sizeof prefix, "items[%u]", i);
      if (known_id != NULL)
        {
          keep_item (ctx, prefix, known_id);
          continue;
        }
      if (item->id != NULL && rempart_feed_has_id (ctx->feed, item->id))
        {
          skip_repeated_id (ctx, prefix, item->id);
          continue;
        }

      for (guint w = 0; w < item->n_warnings; w++)
        if (rempart_feed_count_warning (ctx->feed))
          rempart_feed_take_warning (
              ctx->feed, g_strdup (g_ptr_array_index (warnings, item->first_warning + w)));
      for (guint k = 0; k < item->n_skipped; k++)
        rempart_feed_count_skipped (ctx->feed);
      if (item->action != NULL)
        {
          rempart_feed_set_item_hash (ctx->feed, item->id, g_ptr_array_index (raw->hashes, i));
          rempart_feed_add_action (ctx->feed, item->action);
        }
    }
  for (guint i = 0; i < raw->spans->len - half->start; i++)
    {
      g_free (half->items[i].id);
      g_clear_object (&half->items[i].action);
    }
  g_clear_pointer (&half->items, g_free);
  g_clear_object (&half->feed);
  return taken;
}

void
rempart_feed_set_half_min_items_for_testing (guint n)
{
  g_atomic_int_set (&half_min_items_for_testing, n);
}

guint
rempart_feed_get_half_runs_for_testing (void)
{
  return g_atomic_int_get (&half_runs_for_testing);
}

/*
 * rempart_parse_items_raw:
 * @raw: every raw item of the feed, in feed order, with its hash, and the hashes known
 *
 * rempart_parse_items() for a document whose items were found by the scan and are read one
 * at a time: each is parsed on its own by json-glib, read, and its tree freed before the
 * next, which costs far less than the tree of the whole document (issue 14); when many are
 * to be read, a helper thread reads the second half of them meanwhile (see "The second half
 * on a second thread"). An item whose hash is in @raw->known is not read again but kept
 * under its id, in its place in the feed, so that an id repeated by a later item is skipped
 * as it would be on a whole parse (and a later repetition of a kept id too). A kept item
 * gives no other warning: its fields were read when it was new.
 *
 * Returns: %FALSE when an item does not parse on its own (the caller then parses the whole
 *   document, which gives the error with its position)
 */
gboolean
rempart_parse_items_raw (RempartParseContext *ctx, RempartRawItems *raw)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  guint n = raw->spans->len;
  g_autofree const char **known_ids = g_new (const char *, MAX (n, 1));
  Half half = { 0 };
  gboolean helped;
  gboolean parsed = TRUE;
  guint n_to_read = 0;
  guint end;

  for (guint i = 0; i < n; i++)
    {
      known_ids[i] = g_hash_table_lookup (raw->known, g_ptr_array_index (raw->hashes, i));
      n_to_read += known_ids[i] == NULL;
    }
  helped = half_start (&half, ctx, raw, known_ids, n_to_read);
  end = helped ? half.start : n;

  for (guint i = 0; i < end && parsed; i++)
    parsed = read_raw_item (ctx, raw, i, known_ids[i], parser, NULL);
  if (helped)
    parsed = half_finish (&half, ctx, parsed) && parsed;
  return parsed;
}
