/* test-feed-hostile.c
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "rempart-feed-parser.h"

/*
 * A hostile corpus: every reject and skip rule, wrong types everywhere, and inputs built to
 * exhaust memory, stack or time. Each case asserts the exact error code, or the number of
 * actions kept, and that the message names the JSON path.
 */

#define V11          "\"version\": \"https://jsonfeed.org/version/1.1\""
#define FEED(items)  "{" V11 ", \"items\": [" items "]}"
#define ITEM(fields) "{\"id\": \"a\", \"url\": \"https://example.org/t\"" fields "}"

typedef struct
{
  const char *name;
  const char *json;
  int error_code;      /* -1: the feed is accepted */
  int kept;            /* actions kept when accepted */
  const char *message; /* must be part of the error or of a warning */
} Case;

static const Case cases[] = {
  /* Rejected feeds */
  { "empty", "", REMPART_FEED_ERROR_INVALID_JSON, 0, "feed.json: the file is empty" },
  { "bom-only", "\xEF\xBB\xBF", REMPART_FEED_ERROR_INVALID_JSON, 0, "empty" },
  { "blank", " \n\t ", REMPART_FEED_ERROR_INVALID_JSON, 0, "empty" },
  { "invalid-utf8", "{\"title\": \"\xFF\"}", REMPART_FEED_ERROR_INVALID_UTF8, 0, "offset 11" },
  { "surrogate-utf8", "{\"t\": \"\xED\xA0\x80\"}", REMPART_FEED_ERROR_INVALID_UTF8, 0, "offset 7" },
  { "overlong-utf8", "{\"t\": \"\xC0\xAF\"}", REMPART_FEED_ERROR_INVALID_UTF8, 0, "UTF-8" },
  { "array-root", "[" FEED ("") "]", REMPART_FEED_ERROR_NOT_AN_OBJECT, 0,
    "an array, not an object" },
  { "string-root", "\"https://jsonfeed.org/version/1.1\"", REMPART_FEED_ERROR_NOT_AN_OBJECT, 0,
    "a string" },
  { "number-root", "42", REMPART_FEED_ERROR_NOT_AN_OBJECT, 0, "a number" },
  { "no-version", "{\"items\": []}", REMPART_FEED_ERROR_BAD_VERSION, 0,
    "feed.json: version: missing" },
  { "null-version", "{\"version\": null, \"items\": []}", REMPART_FEED_ERROR_BAD_VERSION, 0,
    "version: missing" },
  { "site-version", "{\"version\": \"http://blog.example.de\", \"items\": []}",
    REMPART_FEED_ERROR_BAD_VERSION, 0,
    "version: “http://blog.example.de” is not a JSON Feed version" },
  { "numeric-version", "{\"version\": 1.1, \"items\": []}", REMPART_FEED_ERROR_BAD_VERSION, 0,
    "version: a number is not" },
  { "future-version", "{\"version\": \"https://jsonfeed.org/version/2\", \"items\": []}",
    REMPART_FEED_ERROR_BAD_VERSION, 0, "version/2" },
  { "rss", "<?xml version=\"1.0\"?><rss></rss>", REMPART_FEED_ERROR_INVALID_JSON, 0,
    "line 1, column 1" },
  { "no-items", "{" V11 "}", REMPART_FEED_ERROR_NO_ITEMS, 0, "feed.json: items: missing" },
  { "null-items", "{" V11 ", \"items\": null}", REMPART_FEED_ERROR_NO_ITEMS, 0, "items: missing" },
  { "object-items", "{" V11 ", \"items\": {\"0\": {}}}", REMPART_FEED_ERROR_NO_ITEMS, 0,
    "items: is an object, not an array" },
  { "trailing-comma", FEED (ITEM (", \"title\": \"x\"") ","), REMPART_FEED_ERROR_INVALID_JSON, 0,
    "line 1, column" },
  { "comment", "{" V11 ", /* hi */ \"items\": []}", REMPART_FEED_ERROR_INVALID_JSON, 0,
    "line 1, column 49: this is not valid JSON: unexpected “/”" },
  { "single-quotes", "{" V11 ", 'items': []}", REMPART_FEED_ERROR_INVALID_JSON, 0,
    "unexpected “'”" },
  { "raw-newline-in-string", "{" V11 ",\n \"title\": \"a\nb\", \"items\": []}",
    REMPART_FEED_ERROR_INVALID_JSON, 0, "line 2, column 13" },
  { "truncated", "{" V11 ", \"items\": [{\"id\": \"a\"", REMPART_FEED_ERROR_INVALID_JSON, 0,
    "line 1" },
  { "unbalanced", "{" V11 ", \"items\": []]}", REMPART_FEED_ERROR_INVALID_JSON, 0, "line 1" },

  /* Accepted feeds */
  { "bom-and-feed", "\xEF\xBB\xBF" FEED (ITEM ("")), -1, 1, NULL },
  { "version-1-http",
    "{\"version\": \"http://jsonfeed.org/version/1\", \"items\": [" ITEM ("") "]}", -1, 1, NULL },
  { "no-items-yet", FEED (""), -1, 0, NULL },
  { "unknown-fields",
    FEED (ITEM (", \"_other\": {\"x\": [1, {\"y\": null}]}, \"image\": {\"url\": 1}")), -1, 1,
    NULL },

  /* Skipped items */
  { "item-string", FEED ("\"https://example.org/t\""), -1, 0,
    "feed.json: items[0]: is a string, not an object; the action was skipped" },
  { "item-null", FEED ("null"), -1, 0, "items[0]: is null, not an object" },
  { "no-id", FEED ("{\"url\": \"https://example.org/t\"}"), -1, 0, "items[0].id: missing" },
  { "null-id", FEED ("{\"id\": null, \"url\": \"https://example.org/t\"}"), -1, 0,
    "items[0].id: missing" },
  { "empty-id", FEED ("{\"id\": \"\", \"url\": \"https://example.org/t\"}"), -1, 0,
    "items[0].id: is empty" },
  { "control-id", FEED ("{\"id\": \"\\u0001\\u0002\", \"url\": \"https://example.org/t\"}"), -1, 0,
    "items[0].id: is empty" },
  { "array-id", FEED ("{\"id\": [\"a\"], \"url\": \"https://example.org/t\"}"), -1, 0,
    "items[0].id: is an array, not a string" },
  { "bool-id", FEED ("{\"id\": true, \"url\": \"https://example.org/t\"}"), -1, 0,
    "items[0].id: is true or false" },
  { "duplicate-id", FEED (ITEM ("") "," ITEM ("") "," ITEM ("")), -1, 1,
    "items[2].id: “a” repeats the id of an earlier action; the action was skipped" },
  { "no-link", FEED ("{\"id\": \"a\", \"title\": \"t\"}"), -1, 0,
    "items[0]: has no link to a thread (external_url or url); the action was skipped" },
  { "empty-links", FEED ("{\"id\": \"a\", \"url\": \"\", \"external_url\": \"\"}"), -1, 0,
    "items[0]: has no link" },
  { "javascript",
    FEED ("{\"id\": \"a\", \"url\": \"https://example.org/t\", \"external_url\": "
          "\"javascript:alert(1)\"}"),
    -1, 0,
    "feed.json: items[0].external_url: “javascript:alert(1)” is not an http or https address; the "
    "action was skipped" },
  { "javascript-case", FEED ("{\"id\": \"a\", \"url\": \"JaVaScRiPt:alert(1)\"}"), -1, 0,
    "items[0].url: “JaVaScRiPt:alert(1)” is not an http or https address" },
  { "data", FEED ("{\"id\": \"a\", \"url\": \"data:text/html,<script>alert(1)</script>\"}"), -1, 0,
    "items[0].url: “data:text/html,<script>alert(1)</script>” is not an http" },
  { "file", FEED ("{\"id\": \"a\", \"url\": \"file:///etc/passwd\"}"), -1, 0,
    "items[0].url: “file:///etc/passwd” is not an http" },
  { "relative", FEED ("{\"id\": \"a\", \"url\": \"/posts/1\"}"), -1, 0,
    "items[0].url: “/posts/1” is a relative address" },
  { "dot-relative", FEED ("{\"id\": \"a\", \"url\": \"./gen/x.html\"}"), -1, 0,
    "is a relative address" },
  { "scheme-relative", FEED ("{\"id\": \"a\", \"url\": \"//evil.example/x\"}"), -1, 0,
    "items[0].url: “//evil.example/x” has no scheme" },
  { "no-host", FEED ("{\"id\": \"a\", \"url\": \"http:///x\"}"), -1, 0,
    "items[0].url: “http:///x” has no host name" },
  { "no-slashes", FEED ("{\"id\": \"a\", \"url\": \"https:example.org\"}"), -1, 0,
    "has no host name" },
  { "space-host", FEED ("{\"id\": \"a\", \"url\": \"https://a b.example/\"}"), -1, 0,
    "has an invalid host name" },
  { "bad-escape", FEED ("{\"id\": \"a\", \"url\": \"https://example.org/%zz\"}"), -1, 0,
    "is not a valid web address" },
  { "bad-port", FEED ("{\"id\": \"a\", \"url\": \"https://example.org:99999/\"}"), -1, 0,
    "is not a valid web address" },
  { "control-in-url", FEED ("{\"id\": \"a\", \"url\": \"https://example.org/\\u0007x\"}"), -1, 0,
    "contains control characters" },
  { "url-number", FEED ("{\"id\": \"a\", \"url\": 42}"), -1, 0,
    "items[0].url: is a number, not a string" },
  { "bad-external-good-url",
    FEED ("{\"id\": \"a\", \"url\": \"https://example.org/t\", \"external_url\": \"/t\"}"), -1, 0,
    "items[0].external_url: “/t” is a relative address" },
  { "null-external-url",
    FEED ("{\"id\": \"a\", \"url\": \"https://example.org/t\", \"external_url\": null}"), -1, 1,
    NULL },

  /* Ignored fields */
  { "tags-string", FEED (ITEM (", \"tags\": \"a,b\"")), -1, 1,
    "feed.json: items[0].tags: is a string, not an array; it was ignored" },
  { "tags-mixed", FEED (ITEM (", \"tags\": [\"a\", 1, null, \"b\"]")), -1, 1,
    "items[0].tags[1]: is a number, not a string" },
  { "title-object", FEED (ITEM (", \"title\": {\"text\": \"x\"}")), -1, 1,
    "items[0].title: is an object, not a string" },
  { "item-ext-string", FEED (ITEM (", \"_rempart\": \"racism\"")), -1, 1,
    "items[0]._rempart: is a string, not an object" },
  { "feed-ext-string", "{" V11 ", \"_rempart\": \"x\", \"items\": []}", -1, 0,
    "feed.json: _rempart: is a string, not an object" },
  { "seq-string", "{" V11 ", \"_rempart\": {\"seq\": \"12\"}, \"items\": []}", -1, 0,
    "feed.json: _rempart.seq: is a string, not an integer; it was ignored" },
  { "seq-fraction", "{" V11 ", \"_rempart\": {\"seq\": 1.5}, \"items\": []}", -1, 0,
    "_rempart.seq: is a number with a fraction, not an integer" },
  { "seq-negative", "{" V11 ", \"_rempart\": {\"seq\": -3}, \"items\": []}", -1, 0,
    "_rempart.seq: -3 is negative" },
  { "schema-newer", "{" V11 ", \"_rempart\": {\"schema\": 2}, \"items\": []}", -1, 0,
    "_rempart.schema: version 2 is newer" },
  { "hashtag-no-hash", "{" V11 ", \"_rempart\": {\"hashtag\": \"jesuislà\"}, \"items\": []}", -1, 0,
    "_rempart.hashtag: “jesuislà” is not a hashtag" },
  { "hashtag-position",
    "{" V11 ", \"_rempart\": {\"hashtag_position\": \"middle\"}, \"items\": []}", -1, 0,
    "_rempart.hashtag_position: “middle” is not a position; expected start, end or any" },
  { "rules-object", "{" V11 ", \"_rempart\": {\"rules\": {\"1\": \"x\"}}, \"items\": []}", -1, 0,
    "_rempart.rules: is an object, not an array" },
  { "template-no-body",
    "{" V11 ", \"_rempart\": {\"templates\": [{\"id\": \"t\"}, 3]}, \"items\": []}", -1, 0,
    "_rempart.templates[0].body: missing or empty; the template was skipped" },
  { "template-not-object", "{" V11 ", \"_rempart\": {\"templates\": [3]}, \"items\": []}", -1, 0,
    "_rempart.templates[0]: is a number, not an object; the template was skipped" },
  { "unknown-topic", FEED (ITEM (", \"_rempart\": {\"topic\": \"hate\"}")), -1, 1,
    "items[0]._rempart.topic: “hate” is not a known topic" },
  { "unknown-priority", FEED (ITEM (", \"_rempart\": {\"priority\": \"urgent\"}")), -1, 1,
    "items[0]._rempart.priority: “urgent” is not a priority; expected normal or high" },
  { "bad-date", FEED (ITEM (", \"date_published\": \"23096-23-09T90:2323:00+00:00\"")), -1, 1,
    "items[0].date_published: “23096-23-09T90:2323:00+00:00” is not a date" },
  { "date-no-zone", FEED (ITEM (", \"_rempart\": {\"expires\": \"2026-05-01T10:00:00\"}")), -1, 1,
    "items[0]._rempart.expires: “2026-05-01T10:00:00” is not a date" },
  { "date-number", FEED (ITEM (", \"date_modified\": 1714550400")), -1, 1,
    "items[0].date_modified: is a number, not a string" },
  { "sources-bad",
    FEED (ITEM (", \"_rempart\": {\"sources\": [{\"url\": \"javascript:x\"}, \"s\", {\"title\": "
                "\"t\"}, {\"url\": \"https://example.org/s\"}]}")),
    -1, 1,
    "items[0]._rempart.sources[0].url: “javascript:x” is not an http or https address; the source "
    "was skipped" },
  { "feed-url-relative", "{" V11 ", \"feed_url\": \"feed.json\", \"items\": []}", -1, 0,
    "feed.json: feed_url: “feed.json” is a relative address; expected an absolute http or https "
    "address; it was ignored" },
  { "long-quote",
    FEED ("{\"id\": \"a\", \"url\": "
          "\"javascript:"
          "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"}"),
    -1, 0, "“javascript:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa…”" },
};

/* -------------------------------------------------------------------------------------- */
/* Helpers                                                                                */
/* -------------------------------------------------------------------------------------- */

static RempartFeed *
parse_len (const char *data, gsize length, GError **error)
{
  g_autoptr (GBytes) bytes = g_bytes_new (data, length);

  return rempart_feed_parse (bytes, "feed.json", error);
}

static RempartFeed *
parse (const char *json, GError **error)
{
  return parse_len (json, strlen (json), error);
}

static gboolean
warnings_contain (RempartFeed *feed, const char *needle)
{
  GPtrArray *warnings = rempart_feed_get_warnings (feed);

  for (guint i = 0; i < warnings->len; i++)
    if (strstr (g_ptr_array_index (warnings, i), needle) != NULL)
      return TRUE;

  return FALSE;
}

static RempartAction *
first_action (RempartFeed *feed)
{
  g_autoptr (RempartAction) action = g_list_model_get_item (rempart_feed_get_actions (feed), 0);

  g_assert_nonnull (action);
  return action;
}

static void
run_case (gconstpointer data)
{
  const Case *c = data;
  g_autoptr (GError) error = NULL;
  g_autoptr (RempartFeed) feed = parse (c->json, &error);

  if (c->error_code >= 0)
    {
      g_assert_null (feed);
      g_assert_error (error, REMPART_FEED_ERROR, c->error_code);
      g_test_message ("%s", error->message);
      g_assert_true (g_str_has_prefix (error->message, "feed.json: "));
      if (c->message != NULL && strstr (error->message, c->message) == NULL)
        g_error ("“%s” is not in “%s”", c->message, error->message);
      return;
    }

  g_assert_no_error (error);
  g_assert_nonnull (feed);
  for (guint i = 0; i < rempart_feed_get_warnings (feed)->len; i++)
    g_test_message ("%s", (char *) g_ptr_array_index (rempart_feed_get_warnings (feed), i));
  g_assert_cmpuint (g_list_model_get_n_items (rempart_feed_get_actions (feed)), ==, c->kept);
  if (c->message != NULL)
    g_assert_true (warnings_contain (feed, c->message));
  else
    g_assert_cmpuint (rempart_feed_get_warnings (feed)->len, ==, 0);
}

static char *
nested (guint depth)
{
  GString *s = g_string_new ("{" V11 ", \"items\": [], \"x\": ");

  /* The root object is level 1: @depth - 1 arrays under it. */
  for (guint i = 1; i < depth; i++)
    g_string_append_c (s, '[');
  for (guint i = 1; i < depth; i++)
    g_string_append_c (s, ']');
  g_string_append_c (s, '}');
  return g_string_free (s, FALSE);
}

/* -------------------------------------------------------------------------------------- */
/* Generated cases                                                                        */
/* -------------------------------------------------------------------------------------- */

static void
test_depth_limit (void)
{
  g_autofree char *ok = nested (REMPART_FEED_MAX_DEPTH);
  g_autofree char *deep = nested (REMPART_FEED_MAX_DEPTH + 1);
  g_autoptr (GError) error = NULL;
  g_autoptr (RempartFeed) feed = parse (ok, &error);
  g_autoptr (RempartFeed) rejected = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (feed);

  rejected = parse (deep, &error);
  g_assert_null (rejected);
  g_assert_error (error, REMPART_FEED_ERROR, REMPART_FEED_ERROR_TOO_DEEP);
  g_assert_nonnull (strstr (error->message, "more than 64 levels"));

  /* Brackets inside strings are text, however many. */
  g_clear_error (&error);
  {
    g_autoptr (GString) s = g_string_new ("{" V11 ", \"items\": [], \"x\": \"");
    g_autoptr (RempartFeed) strings = NULL;

    for (guint i = 0; i < 1000; i++)
      g_string_append (s, "[{\\\"");
    g_string_append (s, "\"}");
    strings = parse (s->str, &error);
    g_assert_no_error (error);
  }
}

static void
test_million_brackets (void)
{
  gsize length = 1000 * 1000;
  g_autofree char *data = g_malloc (length);
  g_autoptr (GError) error = NULL;
  g_autoptr (RempartFeed) feed = NULL;
  gint64 start;

  memset (data, '[', length);
  start = g_get_monotonic_time ();
  feed = parse_len (data, length, &error);
  g_assert_null (feed);
  g_assert_error (error, REMPART_FEED_ERROR, REMPART_FEED_ERROR_TOO_DEEP);
  g_assert_nonnull (strstr (error->message, "line 1, column 65"));
  g_test_message ("rejected in %" G_GINT64_FORMAT " µs", g_get_monotonic_time () - start);

  /* The same with objects. */
  g_clear_error (&error);
  {
    g_autoptr (GString) s = g_string_new (NULL);
    g_autoptr (RempartFeed) objects = NULL;

    for (guint i = 0; i < 200000; i++)
      g_string_append (s, "{\"a\":");
    objects = parse_len (s->str, s->len, &error);
    g_assert_error (error, REMPART_FEED_ERROR, REMPART_FEED_ERROR_TOO_DEEP);
  }
}

static void
test_too_large (void)
{
  gsize length = 9 * 1024 * 1024;
  g_autofree char *data = g_malloc (length);
  g_autoptr (GError) error = NULL;
  g_autoptr (RempartFeed) feed = NULL;

  /* A valid feed padded with spaces: only the size is wrong. */
  memset (data, ' ', length);
  memcpy (data, FEED (""), strlen (FEED ("")));
  feed = parse_len (data, length, &error);
  g_assert_null (feed);
  g_assert_error (error, REMPART_FEED_ERROR, REMPART_FEED_ERROR_TOO_LARGE);
  g_assert_true (g_str_has_prefix (error->message, "feed.json: the file is 9.0"));
  g_assert_nonnull (strstr (error->message, "larger than the 8.0"));

  /* Exactly the limit is fine. */
  g_clear_error (&error);
  {
    g_autoptr (RempartFeed) fits = parse_len (data, REMPART_FEED_MAX_SIZE, &error);

    g_assert_no_error (error);
    g_assert_nonnull (fits);
  }
}

static void
test_nul_byte (void)
{
  static const char data[] = "{" V11 ", \"items\": [], \"x\": \"a\0b\"}";
  g_autoptr (GError) error = NULL;
  g_autoptr (RempartFeed) feed = parse_len (data, sizeof data - 1, &error);

  g_assert_null (feed);
  g_assert_error (error, REMPART_FEED_ERROR, REMPART_FEED_ERROR_INVALID_UTF8);
  g_assert_nonnull (strstr (error->message, "byte 68 is a NUL byte"));
}

static void
test_huge_title (void)
{
  g_autoptr (GString) s = g_string_new (FEED (""));
  g_autoptr (GError) error = NULL;
  g_autoptr (RempartFeed) feed = NULL;
  g_autofree char *item = NULL;
  g_autofree char *title = g_malloc (5 * 1024 * 1024 + 1);

  memset (title, 'x', 5 * 1024 * 1024);
  title[5 * 1024 * 1024] = '\0';
  /* 5 MiB of title and 2 MiB of brief: under the 8 MiB limit. */
  item = g_strdup_printf ("{\"id\": \"a\", \"url\": \"https://example.org/\", \"title\": \"%s\", "
                          "\"content_text\": \"%s\"}",
                          title, title + 3 * 1024 * 1024);
  g_string_insert (s, s->len - 2, item);

  feed = parse (s->str, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_utf8_strlen (rempart_action_get_title (first_action (feed)), -1), ==, 500);
  g_assert_true (warnings_contain (feed, "items[0].title: is longer than 500 characters"));
  /* The brief is text to read: it is kept whole. */
  g_assert_cmpuint (strlen (rempart_action_get_brief (first_action (feed))), ==, 2 * 1024 * 1024);
}

/* -------------------------------------------------------------------------------------- */
/* Detailed cases                                                                         */
/* -------------------------------------------------------------------------------------- */

static void
test_numeric_ids (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RempartFeed) feed =
      parse (FEED ("{\"id\": 42, \"url\": \"https://example.org/1\"},"
                   "{\"id\": 4.5, \"url\": \"https://example.org/2\"},"
                   "{\"id\": 1e3, \"url\": \"https://example.org/3\"},"
                   "{\"id\": -7, \"url\": \"https://example.org/4\"},"
                   "{\"id\": \"42\", \"url\": \"https://example.org/5\"}"),
             &error);

  g_assert_no_error (error);
  g_assert_nonnull (rempart_feed_lookup_action (feed, "42"));
  g_assert_nonnull (rempart_feed_lookup_action (feed, "4.5"));
  g_assert_nonnull (rempart_feed_lookup_action (feed, "1000"));
  g_assert_nonnull (rempart_feed_lookup_action (feed, "-7"));
  /* 42 and "42" are the same id once a string. */
  g_assert_cmpuint (g_list_model_get_n_items (rempart_feed_get_actions (feed)), ==, 4);
  g_assert_true (warnings_contain (feed, "items[4].id: “42” repeats"));
}

/* A number that no 64-bit integer holds is never cast to one (that would be undefined
 * behaviour): an id that big cannot be written exactly, so its item is skipped, and the
 * warning names the path. 2^53 is the last integer a double holds exactly. */
static void
test_huge_numeric_ids (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RempartFeed) feed =
      parse (FEED ("{\"id\": 1e300, \"url\": \"https://example.org/1\"},"
                   "{\"id\": -1e300, \"url\": \"https://example.org/2\"},"
                   "{\"id\": 9.3e18, \"url\": \"https://example.org/3\"},"
                   "{\"id\": -9.3e18, \"url\": \"https://example.org/4\"},"
                   "{\"id\": 1e16, \"url\": \"https://example.org/5\"},"
                   "{\"id\": 9007199254740991.0, \"url\": \"https://example.org/6\"},"
                   "{\"id\": -9007199254740991.0, \"url\": \"https://example.org/7\"},"
                   "{\"id\": 1e-300, \"url\": \"https://example.org/8\"}"),
             &error);

  g_assert_no_error (error);
  for (guint i = 0; i < rempart_feed_get_warnings (feed)->len; i++)
    g_test_message ("%s", (char *) g_ptr_array_index (rempart_feed_get_warnings (feed), i));
  g_assert_cmpuint (rempart_feed_get_n_skipped (feed), ==, 5);
  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *path = g_strdup_printf ("feed.json: items[%u].id: ", i);

      g_assert_true (warnings_contain (feed, path));
    }
  g_assert_true (warnings_contain (feed, "write the id as a string"));
  g_assert_nonnull (rempart_feed_lookup_action (feed, "9007199254740991"));
  g_assert_nonnull (rempart_feed_lookup_action (feed, "-9007199254740991"));
  g_assert_nonnull (rempart_feed_lookup_action (feed, "1e-300"));
  g_assert_cmpuint (g_list_model_get_n_items (rempart_feed_get_actions (feed)), ==, 3);
}

/* json-glib cuts the token it quotes in a syntax error after a number of bytes, which can
 * fall inside a character: the message must still be UTF-8 (the fuzzer found it). */
static void
test_json_error_utf8 (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RempartFeed) feed =
      parse ("{\"a\": 1, \"mes à des clichés. On peut ne pas être d’accord\" 2}", &error);

  g_assert_null (feed);
  g_assert_error (error, REMPART_FEED_ERROR, REMPART_FEED_ERROR_INVALID_JSON);
  g_test_message ("%s", error->message);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_assert_nonnull (strstr (error->message, "line 1, column"));
}

static void
test_control_characters (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RempartFeed) feed = parse (
      FEED ("{\"id\": \"a\\u0000b\", \"url\": \"https://example.org/\", "
            "\"title\": \"Bell\\u0007 and\\ttab\\nnewline \\u0085C1\\u007f\", "
            "\"content_text\": \"line 1\\r\\nline 2\\tx\\u001b[31m red\\u0000\", "
            "\"_rempart\": {\"platform\": \"face\\nbook\", \"excerpt\": \"a\\u0008b\\nc\"}}"),
      &error);
  RempartAction *action;

  g_assert_no_error (error);
  action = first_action (feed);
  /* json-glib ends a string at an escaped NUL; what is left is still clean. */
  g_assert_cmpstr (rempart_action_get_id (action), ==, "a");
  g_assert_cmpstr (rempart_action_get_title (action), ==, "Bell and tab newline C1");
  g_assert_cmpstr (rempart_action_get_brief (action), ==, "line 1\nline 2\tx[31m red");
  g_assert_cmpstr (rempart_action_get_platform (action), ==, "face book");
  g_assert_cmpstr (rempart_action_get_excerpt (action), ==, "ab\nc");
}

/* The byte checks cross ASCII and strings eight bytes at a time: a raw control character,
 * invalid UTF-8, an escaped quote or backslash and the closing quote are each found at every
 * offset from the string's start, after ASCII and after two-byte characters, with the
 * position the message names. */
static void
test_string_bytes_at_every_offset (void)
{
  static const char *const fillers[] = { "a", "é" };
  static const char raw_controls[] = { 0x01, 0x1f, '\t', '\n' };
  static const char *const escapes[] = { "\\\"", "\\\\", "\\u0041" };
  static const char *const decoded[] = { "\"", "\\", "A" };
  /* A lead byte before ASCII, bytes never in UTF-8, a surrogate, an overlong '/'. */
  static const char *const invalid[] = { "\xC3",         "\xFF",     "\xE2\x80",
                                         "\xED\xA0\x80", "\xC0\xAF", "\x80" };
  const char *head =
      "{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": [], \"title\": \"";

  for (guint f = 0; f < G_N_ELEMENTS (fillers); f++)
    for (guint k = 0; k < 24; k++)
      {
        g_autoptr (GString) prefix = g_string_new (NULL);

        for (guint j = 0; j < k; j++)
          g_string_append (prefix, fillers[f]);

        for (guint c = 0; c < G_N_ELEMENTS (raw_controls); c++)
          {
            g_autofree char *json =
                g_strdup_printf ("%s%s%cbbbbbbbbbbbbbbbb\"}", head, prefix->str, raw_controls[c]);
            g_autofree char *where =
                g_strdup_printf ("line 1, column %u:", (guint) (strlen (head) + k + 1));
            g_autoptr (GError) error = NULL;
            g_autoptr (RempartFeed) feed = parse (json, &error);

            g_assert_null (feed);
            g_assert_error (error, REMPART_FEED_ERROR, REMPART_FEED_ERROR_INVALID_JSON);
            g_assert_nonnull (strstr (error->message, where));
          }

        for (guint e = 0; e < G_N_ELEMENTS (escapes); e++)
          {
            g_autofree char *json =
                g_strdup_printf ("%s%s%sbbbbbbbbbbbbbbbb\"}", head, prefix->str, escapes[e]);
            g_autofree char *title =
                g_strdup_printf ("%s%sbbbbbbbbbbbbbbbb", prefix->str, decoded[e]);
            g_autoptr (GError) error = NULL;
            g_autoptr (RempartFeed) feed = parse (json, &error);

            g_assert_no_error (error);
            g_assert_cmpstr (rempart_feed_get_title (feed), ==, title);
          }

        for (guint v = 0; v < G_N_ELEMENTS (invalid); v++)
          {
            g_autofree char *json =
                g_strdup_printf ("%s%s%sbbbbbbbbbbbbbbbb\"}", head, prefix->str, invalid[v]);
            g_autofree char *where = g_strdup_printf ("the bytes at offset %u are not valid UTF-8",
                                                      (guint) (strlen (head) + prefix->len));
            g_autoptr (GError) error = NULL;
            g_autoptr (RempartFeed) feed = parse (json, &error);

            g_assert_error (error, REMPART_FEED_ERROR, REMPART_FEED_ERROR_INVALID_UTF8);
            g_assert_nonnull (strstr (error->message, where));
          }

        {
          /* The closing quote at every offset, then a control character after the string. */
          g_autofree char *json = g_strdup_printf ("%s%s\"}\x01", head, prefix->str);
          g_autoptr (GError) error = NULL;
          g_autoptr (RempartFeed) feed = parse (json, &error);

          g_assert_error (error, REMPART_FEED_ERROR, REMPART_FEED_ERROR_INVALID_JSON);
        }
      }
}

static void
test_lone_surrogate (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RempartFeed) feed =
      parse (FEED (ITEM (", \"title\": \"a\\ud800x\", \"summary\": \"\\ud83e\\udd23\"")), &error);
  g_autoptr (RempartFeed) rejected = NULL;
  RempartAction *action;

  /* json-glib turns a lone high surrogate into invalid UTF-8; we must not pass it on. */
  g_assert_no_error (error);
  action = first_action (feed);
  g_assert_true (g_utf8_validate (rempart_action_get_title (action), -1, NULL));
  g_assert_true (g_str_has_prefix (rempart_action_get_title (action), "a\uFFFD"));
  g_assert_cmpstr (rempart_action_get_brief (action), ==, "🤣");

  /* A lone low surrogate, json-glib refuses. */
  rejected = parse (FEED (ITEM (", \"title\": \"\\udc00\"")), &error);
  g_assert_error (error, REMPART_FEED_ERROR, REMPART_FEED_ERROR_INVALID_JSON);
}

static void
test_nulls_everywhere (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RempartFeed) feed = parse (
      "{" V11 ", \"title\": null, \"home_page_url\": null, \"feed_url\": null, \"language\": null,"
      " \"_rempart\": {\"about\": null, \"schema\": null, \"seq\": null, \"expires\": null,"
      " \"hashtag\": null, \"hashtag_position\": null, \"rules\": null, \"templates\": null},"
      " \"items\": [{\"id\": \"a\", \"url\": \"https://example.org/\", \"external_url\": null,"
      " \"title\": null, \"summary\": null, \"content_text\": null, \"content_html\": null,"
      " \"tags\": null, \"language\": null, \"date_published\": null, \"date_modified\": null,"
      " \"_rempart\": {\"expires\": null, \"topic\": null, \"platform\": null, \"priority\": null,"
      " \"excerpt\": null, \"sources\": [null], \"arguments\": [null]}}]}",
      &error);
  RempartAction *action;

  g_assert_no_error (error);
  g_assert_cmpuint (rempart_feed_get_warnings (feed)->len, ==, 1);
  /* A null inside sources is an element of the wrong type, unlike a null field. */
  g_assert_true (warnings_contain (feed, "items[0]._rempart.sources[0]: is null"));
  g_assert_cmpint (rempart_feed_get_seq (feed), ==, -1);
  g_assert_cmpint (rempart_feed_get_schema (feed), ==, 0);
  g_assert_null (rempart_feed_get_title (feed));
  g_assert_null (rempart_feed_get_expires (feed));
  g_assert_cmpint (rempart_feed_get_hashtag_position (feed), ==, REMPART_HASHTAG_POSITION_START);

  action = first_action (feed);
  g_assert_cmpstr (rempart_action_get_title (action), ==, "https://example.org/");
  g_assert_null (rempart_action_get_brief (action));
  g_assert_cmpint (rempart_action_get_topic (action), ==, REMPART_TOPIC_NONE);
  g_assert_cmpint (rempart_action_get_priority (action), ==, REMPART_PRIORITY_NORMAL);
  g_assert_null (rempart_action_get_expires (action));
  g_assert_null (rempart_action_get_tags (action)[0]);
}

static void
test_sources_individually (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RempartFeed) feed = parse (
      FEED (ITEM (
          ", \"_rempart\": {\"sources\": [{\"url\": \"javascript:x\"}, \"s\", {\"title\": \"t\"},"
          " {\"title\": \"Good\", \"url\": \"https://example.org/s\"},"
          " {\"url\": \"//example.org/x\"}]}")),
      &error);
  GPtrArray *sources;

  g_assert_no_error (error);
  sources = rempart_action_get_sources (first_action (feed));
  g_assert_cmpuint (sources->len, ==, 1);
  g_assert_cmpstr (((RempartSource *) g_ptr_array_index (sources, 0))->title, ==, "Good");
  g_assert_true (
      warnings_contain (feed, "items[0]._rempart.sources[1]: is a string, not an object"));
  g_assert_true (warnings_contain (feed, "items[0]._rempart.sources[2].url: missing"));
  g_assert_true (
      warnings_contain (feed, "items[0]._rempart.sources[4].url: “//example.org/x” has no scheme"));
  g_assert_cmpuint (rempart_feed_get_warnings (feed)->len, ==, 4);
}

static void
test_links (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RempartFeed) feed =
      parse (FEED ("{\"id\": \"iri\", \"url\": \"https://example.org/blog/첫글?q=é#ü\"},"
                   "{\"id\": \"idn\", \"url\": \"https://bücher.example/\"},"
                   "{\"id\": \"encoded\", \"url\": \"https://example.org/c%ef%bc%9a%e8%87\"},"
                   "{\"id\": \"upper\", \"url\": \" HTTPS://Example.ORG/A \"},"
                   "{\"id\": \"ipv6\", \"url\": \"http://[::1]:8080/x\"},"
                   "{\"id\": \"quote\", \"url\": \"https://example.org/a\\\"b<c>\"}"),
             &error);

  g_assert_no_error (error);
  g_assert_cmpuint (rempart_feed_get_warnings (feed)->len, ==, 0);
  g_assert_cmpstr (rempart_action_get_url (rempart_feed_lookup_action (feed, "iri")), ==,
                   "https://example.org/blog/%EC%B2%AB%EA%B8%80?q=%C3%A9#%C3%BC");
  g_assert_cmpstr (rempart_action_get_url (rempart_feed_lookup_action (feed, "idn")), ==,
                   "https://xn--bcher-kva.example/");
  g_assert_cmpstr (rempart_action_get_url (rempart_feed_lookup_action (feed, "encoded")), ==,
                   "https://example.org/c%EF%BC%9A%E8%87");
  g_assert_cmpstr (rempart_action_get_url (rempart_feed_lookup_action (feed, "upper")), ==,
                   "https://Example.ORG/A");
  g_assert_cmpstr (rempart_action_get_url (rempart_feed_lookup_action (feed, "ipv6")), ==,
                   "http://[::1]:8080/x");
  g_assert_cmpstr (rempart_action_get_url (rempart_feed_lookup_action (feed, "quote")), ==,
                   "https://example.org/a%22b%3Cc%3E");
}

static void
test_dates (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RempartFeed) feed =
      parse ("{" V11 ", \"_rempart\": {\"expires\": \"2026-05-03T06:00Z\"}, \"items\": [" ITEM (
                 ", \"date_published\": \"2023-07-30T00:00Z\", \"date_modified\": "
                 "\"2023-07-30t10:11:12.5+0530\","
                 " \"_rempart\": {\"expires\": \"2026-02-30T00:00:00Z\"}") "]}",
             &error);
  RempartAction *action;
  g_autofree char *modified = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (rempart_feed_get_expires (feed));
  action = first_action (feed);
  g_assert_cmpint (g_date_time_to_unix (rempart_action_get_date_published (action)), ==,
                   1690675200);
  modified = g_date_time_format_iso8601 (rempart_action_get_date_modified (action));
  g_assert_cmpstr (modified, ==, "2023-07-30T10:11:12.500000+05:30");
  /* 30 February is no date. */
  g_assert_null (rempart_action_get_expires (action));
  g_assert_true (
      warnings_contain (feed, "items[0]._rempart.expires: “2026-02-30T00:00:00Z” is not a date"));
}

static void
test_entities_and_html (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RempartFeed) feed =
      parse (FEED ("{\"id\": \"a\", \"url\": \"https://example.org/\", \"title\": "
                   "\"l&#39;&Eacute;tat &amp; &quot;nous&quot; &#8220;x&#8221; &bogus;\","
                   " \"html_content\": "
                   "\"<head><title>no</title><style>p{}</style></head><script>alert(1)</"
                   "script><p>Un&nbsp;<b>deux</b></p><ul><li>trois</li><li>quatre</li></ul>\"}"),
             &error);
  RempartAction *action;

  g_assert_no_error (error);
  action = first_action (feed);
  g_assert_cmpstr (rempart_action_get_title (action), ==, "l'État & \"nous\" “x” &bogus;");
  g_assert_cmpstr (rempart_action_get_brief (action), ==, "Un\u00A0deux\n\ntrois\nquatre");
}

/* Issue 15: the scheme of a refused address is not interned (g_uri_peek_scheme() does), so
 * hostile addresses cannot make the process keep a string per new scheme; a scheme is still
 * read without regard to case. */
static void
test_schemes_not_interned (void)
{
  const char *const schemes[] = { "rempartzq", "rempart-zq+x.1", "REMPARTQZ" };

  for (guint i = 0; i < G_N_ELEMENTS (schemes); i++)
    {
      g_autofree char *address = g_strdup_printf ("%s://example.org/feed.json", schemes[i]);
      g_autofree char *lower = g_ascii_strdown (schemes[i], -1);
      g_autoptr (GError) error = NULL;
      g_autofree char *url = rempart_feed_normalize_url (address, &error);

      g_assert_null (url);
      g_assert_error (error, REMPART_FEED_ERROR, REMPART_FEED_ERROR_BAD_URL);
      g_assert_cmpuint (g_quark_try_string (schemes[i]), ==, 0);
      g_assert_cmpuint (g_quark_try_string (lower), ==, 0);
    }

  {
    g_autoptr (GError) error = NULL;
    g_autofree char *url = rempart_feed_normalize_url ("HTTPS://Example.org/feed.json", &error);

    g_assert_no_error (error);
    g_assert_nonnull (url);
    g_assert_true (g_str_has_prefix (url, "https://"));
  }

  /* The same reading for what a person types (the Add a Group page's hint). */
  {
    g_autofree char *typed = rempart_feed_url_peek_scheme ("Rempart-TypedQ+1.x:whatever");
    g_autofree char *none = rempart_feed_url_peek_scheme ("example.org/feed.json");
    g_autofree char *digit = rempart_feed_url_peek_scheme ("1rempartq:x");
    g_autofree char *https = rempart_feed_url_peek_scheme ("HTTPS://example.org/");

    g_assert_cmpstr (typed, ==, "rempart-typedq+1.x");
    g_assert_cmpuint (g_quark_try_string ("rempart-typedq+1.x"), ==, 0);
    g_assert_cmpuint (g_quark_try_string ("Rempart-TypedQ+1.x"), ==, 0);
    g_assert_null (none);
    g_assert_null (digit);
    g_assert_cmpstr (https, ==, "https");
  }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/feed-hostile/case/%s", cases[i].name);

      g_test_add_data_func (path, &cases[i], run_case);
    }

  g_test_add_func ("/feed-hostile/depth-limit", test_depth_limit);
  g_test_add_func ("/feed-hostile/million-brackets", test_million_brackets);
  g_test_add_func ("/feed-hostile/too-large", test_too_large);
  g_test_add_func ("/feed-hostile/nul-byte", test_nul_byte);
  g_test_add_func ("/feed-hostile/huge-title", test_huge_title);
  g_test_add_func ("/feed-hostile/numeric-ids", test_numeric_ids);
  g_test_add_func ("/feed-hostile/huge-numeric-ids", test_huge_numeric_ids);
  g_test_add_func ("/feed-hostile/json-error-utf8", test_json_error_utf8);
  g_test_add_func ("/feed-hostile/control-characters", test_control_characters);
  g_test_add_func ("/feed-hostile/string-bytes-at-every-offset", test_string_bytes_at_every_offset);
  g_test_add_func ("/feed-hostile/lone-surrogate", test_lone_surrogate);
  g_test_add_func ("/feed-hostile/nulls-everywhere", test_nulls_everywhere);
  g_test_add_func ("/feed-hostile/sources-individually", test_sources_individually);
  g_test_add_func ("/feed-hostile/links", test_links);
  g_test_add_func ("/feed-hostile/schemes-not-interned", test_schemes_not_interned);
  g_test_add_func ("/feed-hostile/dates", test_dates);
  g_test_add_func ("/feed-hostile/entities-and-html", test_entities_and_html);

  return g_test_run ();
}
