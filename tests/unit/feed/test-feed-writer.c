/* test-feed-writer.c
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "rempart-feed-parser.h"
#include "rempart-feed-writer.h"

/* What the writer produces must read back through the parser with the same values. */

static RempartFeed *
reparse (JsonNode *root)
{
  g_autoptr (GError) error = NULL;
  gsize length;
  g_autofree char *data = rempart_feed_document_to_data (root, &length);
  g_autoptr (GBytes) bytes = g_bytes_new (data, length);
  RempartFeed *feed;

  g_assert_true (g_str_has_suffix (data, "}\n"));
  g_assert_cmpuint (length, ==, strlen (data));
  feed = rempart_feed_parse (bytes, "feed.json", &error);
  g_assert_no_error (error);
  return feed;
}

static JsonNode *
load (const char *json)
{
  g_autoptr (GBytes) bytes = g_bytes_new (json, strlen (json));
  g_autoptr (GError) error = NULL;
  JsonNode *root = rempart_feed_load_json (bytes, "feed.json", &error);

  g_assert_no_error (error);
  return root;
}

static void
test_new_document (void)
{
  g_autoptr (JsonNode) root =
      rempart_feed_document_new ("#jesuislà", "https://example.org/feed.json");
  g_autoptr (RempartFeed) feed = reparse (root);

  g_assert_cmpstr (rempart_feed_get_title (feed), ==, "#jesuislà");
  g_assert_cmpstr (rempart_feed_get_feed_url (feed), ==, "https://example.org/feed.json");
  g_assert_cmpint (rempart_feed_get_schema (feed), ==, 1);
  g_assert_cmpint (rempart_feed_get_seq (feed), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (rempart_feed_get_actions (feed)), ==, 0);
  g_assert_cmpuint (rempart_feed_get_warnings (feed)->len, ==, 0);
}

static void
test_add_action (void)
{
  g_autoptr (JsonNode) root = rempart_feed_document_new ("Group", NULL);
  g_autoptr (GPtrArray) sources =
      g_ptr_array_new_with_free_func ((GDestroyNotify) rempart_source_free);
  g_autoptr (GDateTime) expires = g_date_time_new_utc (2026, 5, 3, 18, 0, 0);
  g_autoptr (RempartFeed) feed = NULL;
  g_autoptr (GError) error = NULL;
  const char *tags[] = { "a", " ", "b", NULL };
  const char *arguments[] = { "first\nline two", NULL };
  RempartNewAction first = { 0 };
  RempartNewAction second = { 0 };
  RempartAction *action;

  g_ptr_array_add (sources, rempart_source_new ("INSEE", "https://www.insee.fr/"));

  first.url = "https://www.facebook.com/news/posts/1";
  first.title = "  Thread\x07 one ";
  first.brief = "What to say.\nWhat not to say.";
  first.excerpt = "a hateful comment";
  first.topic = REMPART_TOPIC_SEXISM;
  first.platform = "facebook";
  first.priority = REMPART_PRIORITY_HIGH;
  first.language = "fr";
  first.tags = tags;
  first.arguments = arguments;
  first.sources = sources;
  first.expires = expires;
  g_assert_true (rempart_feed_document_add_action (root, &first, &error));
  g_assert_no_error (error);

  second.id = "fixed-id";
  second.url = "https://www.youtube.com/watch?v=x";
  second.title = "Thread two";
  g_assert_true (rempart_feed_document_add_action (root, &second, &error));
  g_assert_no_error (error);

  feed = reparse (root);
  g_assert_cmpuint (rempart_feed_get_warnings (feed)->len, ==, 0);
  g_assert_cmpint (rempart_feed_get_seq (feed), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (rempart_feed_get_actions (feed)), ==, 2);

  /* The newest first. */
  action = g_list_model_get_item (rempart_feed_get_actions (feed), 0);
  g_object_unref (action);
  g_assert_cmpstr (rempart_action_get_id (action), ==, "fixed-id");
  g_assert_nonnull (rempart_action_get_date_published (action));

  action = g_list_model_get_item (rempart_feed_get_actions (feed), 1);
  g_object_unref (action);
  g_assert_true (g_uuid_string_is_valid (rempart_action_get_id (action)));
  g_assert_cmpstr (rempart_action_get_url (action), ==, "https://www.facebook.com/news/posts/1");
  g_assert_cmpstr (rempart_action_get_title (action), ==, "Thread one");
  g_assert_cmpstr (rempart_action_get_brief (action), ==, "What to say.\nWhat not to say.");
  g_assert_cmpstr (rempart_action_get_excerpt (action), ==, "a hateful comment");
  g_assert_cmpint (rempart_action_get_topic (action), ==, REMPART_TOPIC_SEXISM);
  g_assert_cmpstr (rempart_action_get_platform (action), ==, "facebook");
  g_assert_cmpint (rempart_action_get_priority (action), ==, REMPART_PRIORITY_HIGH);
  g_assert_cmpstr (rempart_action_get_language (action), ==, "fr");
  g_assert_cmpuint (g_strv_length ((GStrv) rempart_action_get_tags (action)), ==, 2);
  g_assert_cmpstr (rempart_action_get_arguments (action)[0], ==, "first\nline two");
  g_assert_cmpuint (rempart_action_get_sources (action)->len, ==, 1);
  g_assert_true (g_date_time_equal (rempart_action_get_expires (action), expires));
}

static void
test_keeps_unknown_fields (void)
{
  g_autoptr (JsonNode) root = load ("{\"version\": \"https://jsonfeed.org/version/1\", \"title\": "
                                    "\"T\", \"_podcast\": {\"x\": [1, 2]},"
                                    " \"_rempart\": {\"seq\": 41, \"custom\": true},"
                                    " \"items\": [{\"id\": \"old\", \"url\": "
                                    "\"https://example.org/old\", \"_other\": \"kept\"}]}");
  g_autofree char *data = NULL;
  RempartNewAction action = { 0 };
  g_autoptr (GError) error = NULL;
  gint64 seq = 0;

  action.url = "https://example.org/new";
  action.title = "New";
  g_assert_true (rempart_feed_document_add_action (root, &action, &error));
  g_assert_no_error (error);

  data = rempart_feed_document_to_data (root, NULL);
  g_assert_nonnull (strstr (data, "\"_podcast\""));
  g_assert_nonnull (strstr (data, "\"custom\" : true"));
  g_assert_nonnull (strstr (data, "\"_other\" : \"kept\""));
  g_assert_nonnull (strstr (data, "\"seq\" : 42"));
  /* Key order survives: version stays first. */
  g_assert_true (g_str_has_prefix (data, "{\n  \"version\""));

  g_assert_true (rempart_feed_document_bump_seq (root, &seq, &error));
  g_assert_cmpint (seq, ==, 43);
}

static void
test_refusals (void)
{
  g_autoptr (JsonNode) root = rempart_feed_document_new ("Group", NULL);
  g_autoptr (JsonNode) no_items = load ("{\"version\": \"https://jsonfeed.org/version/1.1\"}");
  g_autoptr (JsonNode) bad_ext = load ("{\"items\": [], \"_rempart\": [1]}");
  g_autoptr (JsonNode) bad_seq = load ("{\"items\": [], \"_rempart\": {\"seq\": \"7\"}}");
  g_autoptr (JsonNode) array = load ("[]");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  RempartNewAction action = { 0 };
  GError *error = NULL;

  action.url = "javascript:alert(1)";
  action.title = "x";
  g_assert_false (rempart_feed_document_add_action (root, &action, &error));
  g_assert_error (error, REMPART_FEED_ERROR, REMPART_FEED_ERROR_BAD_URL);
  g_clear_error (&error);

  action.url = NULL;
  g_assert_false (rempart_feed_document_add_action (root, &action, &error));
  g_assert_error (error, REMPART_FEED_ERROR, REMPART_FEED_ERROR_BAD_URL);
  g_clear_error (&error);

  action.url = "https://example.org/";
  action.title = " \x01 ";
  g_assert_false (rempart_feed_document_add_action (root, &action, &error));
  g_assert_error (error, REMPART_FEED_ERROR, REMPART_FEED_ERROR_INVALID_ACTION);
  g_clear_error (&error);

  action.title = "ok";
  action.id = "dup";
  g_assert_true (rempart_feed_document_add_action (root, &action, &error));
  before = rempart_feed_document_to_data (root, NULL);
  g_assert_false (rempart_feed_document_add_action (root, &action, &error));
  g_assert_error (error, REMPART_FEED_ERROR, REMPART_FEED_ERROR_INVALID_ACTION);
  g_clear_error (&error);
  /* A refused action changes nothing, not even seq. */
  after = rempart_feed_document_to_data (root, NULL);
  g_assert_cmpstr (before, ==, after);

  action.id = NULL;
  g_assert_false (rempart_feed_document_add_action (no_items, &action, &error));
  g_assert_error (error, REMPART_FEED_ERROR, REMPART_FEED_ERROR_NO_ITEMS);
  g_clear_error (&error);
  g_assert_false (rempart_feed_document_add_action (bad_ext, &action, &error));
  g_assert_error (error, REMPART_FEED_ERROR, REMPART_FEED_ERROR_BAD_EXTENSION);
  g_clear_error (&error);
  g_assert_false (rempart_feed_document_add_action (bad_seq, &action, &error));
  g_assert_error (error, REMPART_FEED_ERROR, REMPART_FEED_ERROR_BAD_EXTENSION);
  g_clear_error (&error);
  g_assert_false (rempart_feed_document_add_action (array, &action, &error));
  g_assert_error (error, REMPART_FEED_ERROR, REMPART_FEED_ERROR_NOT_AN_OBJECT);
  g_clear_error (&error);
}

/* The parser reads a numeric id as its digits: a new "42" beside an existing 42 would have
 * the app skip one of them, so the writer refuses it like any repeated id. */
static void
test_numeric_id (void)
{
  g_autoptr (JsonNode) root =
      load ("{\"version\": \"https://jsonfeed.org/version/1.1\", \"title\": "
            "\"T\", \"items\": [{\"id\": 42, \"url\": "
            "\"https://example.org/old\", \"title\": \"Old\"}, "
            "{\"id\": 7.0, \"url\": \"https://example.org/seven\", "
            "\"title\": \"Seven\"}]}");
  g_autoptr (RempartFeed) feed = NULL;
  g_autofree char *before = rempart_feed_document_to_data (root, NULL);
  g_autofree char *after = NULL;
  RempartNewAction action = { 0 };
  GError *error = NULL;

  action.url = "https://example.org/new";
  action.title = "New";
  action.id = "42";
  g_assert_false (rempart_feed_document_add_action (root, &action, &error));
  g_assert_error (error, REMPART_FEED_ERROR, REMPART_FEED_ERROR_INVALID_ACTION);
  g_clear_error (&error);
  action.id = "7";
  g_assert_false (rempart_feed_document_add_action (root, &action, &error));
  g_assert_error (error, REMPART_FEED_ERROR, REMPART_FEED_ERROR_INVALID_ACTION);
  g_clear_error (&error);
  after = rempart_feed_document_to_data (root, NULL);
  g_assert_cmpstr (before, ==, after);

  /* Another id goes in, and nothing of the result is skipped. */
  action.id = "43";
  g_assert_true (rempart_feed_document_add_action (root, &action, &error));
  g_assert_no_error (error);
  feed = reparse (root);
  g_assert_cmpuint (rempart_feed_get_n_skipped (feed), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (rempart_feed_get_actions (feed)), ==, 3);
  g_assert_nonnull (rempart_feed_lookup_action (feed, "42"));
  g_assert_nonnull (rempart_feed_lookup_action (feed, "43"));
}

/* An id too big for an integer is no id to the parser, so it is none to the writer either:
 * nothing is cast out of range, and a new action may take the digits. */
static void
test_huge_numeric_id (void)
{
  g_autoptr (JsonNode) root = load ("{\"version\": \"https://jsonfeed.org/version/1.1\", "
                                    "\"title\": \"T\", \"items\": [{\"id\": 1e300, \"url\": "
                                    "\"https://example.org/old\", \"title\": \"Old\"}, "
                                    "{\"id\": -9.3e18, \"url\": \"https://example.org/older\", "
                                    "\"title\": \"Older\"}]}");
  g_autoptr (GError) error = NULL;
  RempartNewAction action = { 0 };

  action.url = "https://example.org/new";
  action.title = "New";
  action.id = "1e+300";
  g_assert_true (rempart_feed_document_add_action (root, &action, &error));
  g_assert_no_error (error);
  action.id = "-9300000000000000000";
  g_assert_true (rempart_feed_document_add_action (root, &action, &error));
  g_assert_no_error (error);
}

static void
test_load_checks_bytes (void)
{
  g_autoptr (GBytes) deep = g_bytes_new_static (
      "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[", 67);
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) root = rempart_feed_load_json (deep, "feed.json", &error);

  g_assert_null (root);
  g_assert_error (error, REMPART_FEED_ERROR, REMPART_FEED_ERROR_TOO_DEEP);
}

/* A date the writer writes reads back as the same instant, whatever its year. */
static void
test_dates_round_trip (void)
{
  g_autoptr (JsonNode) root = rempart_feed_document_new ("Group", NULL);
  g_autoptr (GTimeZone) tz = g_time_zone_new_offset (-(9 * 3600 + 30 * 60));
  g_autoptr (GDateTime) y999 = g_date_time_new_utc (999, 6, 1, 12, 0, 0);
  g_autoptr (GDateTime) y1 = g_date_time_new (tz, 1, 6, 1, 0, 0, 0.25);
  g_autoptr (RempartFeed) feed = NULL;
  g_autoptr (GError) error = NULL;
  RempartNewAction old = { 0 };
  RempartNewAction older = { 0 };
  RempartAction *action;

  old.id = "old";
  old.url = "https://example.org/old";
  old.title = "Old";
  old.expires = y999;
  old.date_published = y999;
  g_assert_true (rempart_feed_document_add_action (root, &old, &error));
  g_assert_no_error (error);
  older.id = "older";
  older.url = "https://example.org/older";
  older.title = "Older";
  older.expires = y1;
  g_assert_true (rempart_feed_document_add_action (root, &older, &error));
  g_assert_no_error (error);

  feed = reparse (root);
  g_assert_cmpuint (rempart_feed_get_warnings (feed)->len, ==, 0);
  action = rempart_feed_lookup_action (feed, "old");
  g_assert_nonnull (rempart_action_get_expires (action));
  g_assert_true (g_date_time_equal (rempart_action_get_expires (action), y999));
  g_assert_true (g_date_time_equal (rempart_action_get_date_published (action), y999));
  action = rempart_feed_lookup_action (feed, "older");
  g_assert_nonnull (rempart_action_get_expires (action));
  g_assert_true (g_date_time_equal (rempart_action_get_expires (action), y1));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/feed-writer/new-document", test_new_document);
  g_test_add_func ("/feed-writer/add-action", test_add_action);
  g_test_add_func ("/feed-writer/keeps-unknown-fields", test_keeps_unknown_fields);
  g_test_add_func ("/feed-writer/refusals", test_refusals);
  g_test_add_func ("/feed-writer/numeric-id", test_numeric_id);
  g_test_add_func ("/feed-writer/huge-numeric-id", test_huge_numeric_id);
  g_test_add_func ("/feed-writer/load-checks-bytes", test_load_checks_bytes);
  g_test_add_func ("/feed-writer/dates-round-trip", test_dates_round_trip);

  return g_test_run ();
}
