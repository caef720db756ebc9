/* test-feed-editor.c: editing, removing actions and the group's settings
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "rempart-feed-parser.h"
#include "rempart-feed-writer.h"

static RempartFeed *
reparse (JsonNode *root)
{
  g_autoptr (GError) error = NULL;
  gsize length;
  g_autofree char *data = rempart_feed_document_to_data (root, &length);
  g_autoptr (GBytes) bytes = g_bytes_new (data, length);
  RempartFeed *feed = rempart_feed_parse (bytes, "feed.json", &error);

  g_assert_no_error (error);
  g_assert_cmpuint (rempart_feed_get_n_skipped (feed), ==, 0);
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

static char *
to_text (JsonNode *root)
{
  return rempart_feed_document_to_data (root, NULL);
}

/* Two actions, one with an unknown field and an unknown extension member, the other with its
 * brief in HTML and its thread in external_url. */
static const char *two_actions =
    "{\"version\": \"https://jsonfeed.org/version/1.1\", \"title\": \"G\",\n"
    " \"_rempart\": {\"seq\": 7},\n"
    " \"items\": [\n"
    "  {\"id\": \"a\", \"url\": \"https://example.org/a\", \"title\": \"A\",\n"
    "   \"content_text\": \"brief a\", \"x_keep\": 1,\n"
    "   \"_rempart\": {\"topic\": \"racism\", \"x_ext\": true, \"arguments\": [\"one\"]}},\n"
    "  {\"id\": 42, \"url\": \"https://example.org/own-page\",\n"
    "   \"external_url\": \"https://example.org/thread\", \"title\": \"B\",\n"
    "   \"content_html\": \"<p>old</p>\", \"summary\": \"old summary\"}]}";

static void
test_action_without_brief (void)
{
  g_autoptr (JsonNode) root = rempart_feed_document_new ("G", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (RempartFeed) feed = NULL;
  RempartNewAction action = { 0 };
  JsonObject *item;

  action.url = "https://example.org/t";
  action.title = "No brief";
  g_assert_true (rempart_feed_document_add_action (root, &action, &error));
  g_assert_no_error (error);

  /* JSON Feed requires content_text or content_html. */
  item = json_array_get_object_element (
      json_object_get_array_member (json_node_get_object (root), "items"), 0);
  g_assert_true (json_object_has_member (item, "content_text"));
  g_assert_cmpstr (json_object_get_string_member (item, "content_text"), ==, "");

  feed = reparse (root);
  g_assert_null (rempart_action_get_brief (
      rempart_feed_lookup_action (feed, json_object_get_string_member (item, "id"))));
}

static void
test_edit_changes_only_what_is_named (void)
{
  g_autoptr (JsonNode) root = load (two_actions);
  g_autoptr (GError) error = NULL;
  g_autoptr (RempartFeed) feed = NULL;
  g_autoptr (GDateTime) expires = g_date_time_new_utc (2030, 1, 2, 3, 4, 5);
  g_autoptr (GPtrArray) sources =
      g_ptr_array_new_with_free_func ((GDestroyNotify) rempart_source_free);
  g_autofree char *text = NULL;
  RempartNewAction change = { 0 };
  RempartAction *action;

  g_ptr_array_add (sources, rempart_source_new ("INSEE", "https://www.insee.fr/"));
  change.title = "  A, new title ";
  change.priority = REMPART_PRIORITY_HIGH;
  change.sources = sources;
  change.expires = expires;
  change.topic = REMPART_TOPIC_SEXISM; /* not in the mask: ignored */
  g_assert_true (rempart_feed_document_edit_action (
      root, "a", &change,
      REMPART_ACTION_FIELD_TITLE | REMPART_ACTION_FIELD_PRIORITY | REMPART_ACTION_FIELD_SOURCES |
          REMPART_ACTION_FIELD_EXPIRES,
      &error));
  g_assert_no_error (error);

  feed = reparse (root);
  g_assert_cmpint (rempart_feed_get_seq (feed), ==, 8);
  action = rempart_feed_lookup_action (feed, "a");
  g_assert_cmpstr (rempart_action_get_title (action), ==, "A, new title");
  g_assert_cmpstr (rempart_action_get_brief (action), ==, "brief a");
  g_assert_cmpint (rempart_action_get_topic (action), ==, REMPART_TOPIC_RACISM);
  g_assert_cmpint (rempart_action_get_priority (action), ==, REMPART_PRIORITY_HIGH);
  g_assert_cmpuint (rempart_action_get_sources (action)->len, ==, 1);
  g_assert_cmpstrv (rempart_action_get_arguments (action), ((const char *[]){ "one", NULL }));
  g_assert_true (g_date_time_equal (rempart_action_get_expires (action), expires));
  g_assert_nonnull (rempart_action_get_date_modified (action));

  text = to_text (root);
  g_assert_nonnull (strstr (text, "\"x_keep\""));
  g_assert_nonnull (strstr (text, "\"x_ext\""));
}

static void
test_edit_clears_and_follows_the_parser (void)
{
  g_autoptr (JsonNode) root = load (two_actions);
  g_autoptr (GError) error = NULL;
  g_autoptr (RempartFeed) feed = NULL;
  g_autofree char *text = NULL;
  RempartNewAction change = { 0 };
  RempartAction *action;

  /* The numeric id 42 is found as the parser names it; its thread is external_url. */
  change.url = "https://example.org/new-thread";
  change.brief = "plain brief";
  g_assert_true (rempart_feed_document_edit_action (
      root, "42", &change, REMPART_ACTION_FIELD_URL | REMPART_ACTION_FIELD_BRIEF, &error));
  g_assert_no_error (error);

  /* Cleared: the topic and the arguments of "a" go, its unknown member stays. */
  memset (&change, 0, sizeof change);
  g_assert_true (rempart_feed_document_edit_action (
      root, "a", &change, REMPART_ACTION_FIELD_TOPIC | REMPART_ACTION_FIELD_ARGUMENTS, &error));
  g_assert_no_error (error);

  feed = reparse (root);
  action = rempart_feed_lookup_action (feed, "42");
  g_assert_cmpstr (rempart_action_get_url (action), ==, "https://example.org/new-thread");
  g_assert_cmpstr (rempart_action_get_brief (action), ==, "plain brief");
  action = rempart_feed_lookup_action (feed, "a");
  g_assert_cmpint (rempart_action_get_topic (action), ==, REMPART_TOPIC_NONE);
  g_assert_null (rempart_action_get_arguments (action)[0]);
  g_assert_cmpint (rempart_feed_get_seq (feed), ==, 9);

  text = to_text (root);
  g_assert_null (strstr (text, "content_html"));
  g_assert_null (strstr (text, "old summary"));
  g_assert_nonnull (strstr (text, "https://example.org/own-page"));
  g_assert_nonnull (strstr (text, "\"x_ext\""));
}

static void
test_edit_refusals_change_nothing (void)
{
  g_autoptr (JsonNode) root = load (two_actions);
  g_autofree char *before = to_text (root);
  g_autofree char *after = NULL;
  RempartNewAction change = { 0 };
  g_autoptr (JsonNode) bad_ext = NULL;
  GError *error = NULL;

  change.url = "javascript:alert(1)";
  g_assert_false (
      rempart_feed_document_edit_action (root, "a", &change, REMPART_ACTION_FIELD_URL, &error));
  g_assert_error (error, REMPART_FEED_ERROR, REMPART_FEED_ERROR_BAD_URL);
  g_clear_error (&error);

  change.url = NULL;
  change.title = " ";
  g_assert_false (
      rempart_feed_document_edit_action (root, "a", &change, REMPART_ACTION_FIELD_TITLE, &error));
  g_assert_error (error, REMPART_FEED_ERROR, REMPART_FEED_ERROR_INVALID_ACTION);
  g_clear_error (&error);

  change.title = "fine";
  g_assert_false (rempart_feed_document_edit_action (root, "missing", &change,
                                                     REMPART_ACTION_FIELD_TITLE, &error));
  g_assert_error (error, REMPART_FEED_ERROR, REMPART_FEED_ERROR_NO_SUCH_ACTION);
  g_clear_error (&error);

  g_assert_false (rempart_feed_document_remove_action (root, "missing", &error));
  g_assert_error (error, REMPART_FEED_ERROR, REMPART_FEED_ERROR_NO_SUCH_ACTION);
  g_clear_error (&error);

  after = to_text (root);
  g_assert_cmpstr (before, ==, after);

  bad_ext = load ("{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": ["
                  "{\"id\": \"a\", \"url\": \"https://example.org/a\", \"_rempart\": \"x\"}]}");
  g_assert_false (rempart_feed_document_edit_action (bad_ext, "a", &change,
                                                     REMPART_ACTION_FIELD_TOPIC, &error));
  g_assert_error (error, REMPART_FEED_ERROR, REMPART_FEED_ERROR_BAD_EXTENSION);
  g_clear_error (&error);
}

static void
test_remove (void)
{
  g_autoptr (JsonNode) root = load (two_actions);
  g_autoptr (GError) error = NULL;
  g_autoptr (RempartFeed) feed = NULL;

  g_assert_true (rempart_feed_document_remove_action (root, "42", &error));
  g_assert_no_error (error);
  feed = reparse (root);
  g_assert_cmpuint (g_list_model_get_n_items (rempart_feed_get_actions (feed)), ==, 1);
  g_assert_nonnull (rempart_feed_lookup_action (feed, "a"));
  g_assert_null (rempart_feed_lookup_action (feed, "42"));
  g_assert_cmpint (rempart_feed_get_seq (feed), ==, 8);
}

static void
test_settings (void)
{
  g_autoptr (JsonNode) root = rempart_feed_document_new ("G", NULL);
  g_autoptr (RempartFeed) feed = NULL;
  g_autoptr (RempartFeed) again = NULL;
  const char *rules[] = { "Be calm.", "Cite a source.", NULL };
  const char *no_rules[] = { NULL };
  RempartFeedSettings settings = { 0 };
  GError *error = NULL;

  settings.about = "Who we are.\nHow we work.";
  settings.hashtag = "#jesuislà";
  settings.set_hashtag_position = TRUE;
  settings.hashtag_position = REMPART_HASHTAG_POSITION_END;
  settings.language = "fr";
  settings.rules = rules;
  g_assert_true (rempart_feed_document_set_settings (root, &settings, &error));
  g_assert_no_error (error);

  feed = reparse (root);
  g_assert_cmpstr (rempart_feed_get_title (feed), ==, "G");
  g_assert_cmpstr (rempart_feed_get_about (feed), ==, "Who we are.\nHow we work.");
  g_assert_cmpstr (rempart_feed_get_hashtag (feed), ==, "#jesuislà");
  g_assert_cmpint (rempart_feed_get_hashtag_position (feed), ==, REMPART_HASHTAG_POSITION_END);
  g_assert_cmpstr (rempart_feed_get_language (feed), ==, "fr");
  g_assert_cmpstrv (rempart_feed_get_rules (feed), rules);
  g_assert_cmpint (rempart_feed_get_seq (feed), ==, 1);

  /* Not a hashtag, or no title: refused, nothing changed. */
  memset (&settings, 0, sizeof settings);
  settings.hashtag = "je suis là";
  settings.about = "changed";
  g_assert_false (rempart_feed_document_set_settings (root, &settings, &error));
  g_assert_error (error, REMPART_FEED_ERROR, REMPART_FEED_ERROR_BAD_EXTENSION);
  g_clear_error (&error);
  settings.hashtag = NULL;
  settings.title = " ";
  g_assert_false (rempart_feed_document_set_settings (root, &settings, &error));
  g_assert_error (error, REMPART_FEED_ERROR, REMPART_FEED_ERROR_BAD_EXTENSION);
  g_clear_error (&error);

  /* Blank values and an empty list remove the fields. */
  memset (&settings, 0, sizeof settings);
  settings.title = "New name";
  settings.hashtag = "";
  settings.rules = no_rules;
  g_assert_true (rempart_feed_document_set_settings (root, &settings, &error));
  g_assert_no_error (error);
  again = reparse (root);
  g_assert_cmpstr (rempart_feed_get_title (again), ==, "New name");
  g_assert_cmpstr (rempart_feed_get_about (again), ==, "Who we are.\nHow we work.");
  g_assert_null (rempart_feed_get_hashtag (again));
  g_assert_true (rempart_feed_get_rules (again) == NULL ||
                 rempart_feed_get_rules (again)[0] == NULL);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/feed-editor/action-without-brief", test_action_without_brief);
  g_test_add_func ("/feed-editor/edit-changes-only-what-is-named",
                   test_edit_changes_only_what_is_named);
  g_test_add_func ("/feed-editor/edit-clears-and-follows-the-parser",
                   test_edit_clears_and_follows_the_parser);
  g_test_add_func ("/feed-editor/edit-refusals-change-nothing", test_edit_refusals_change_nothing);
  g_test_add_func ("/feed-editor/remove", test_remove);
  g_test_add_func ("/feed-editor/settings", test_settings);

  return g_test_run ();
}
