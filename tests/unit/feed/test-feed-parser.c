/* test-feed-parser.c
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "rempart-feed-parser.h"
#include "rempart-html-text.h"

/*
 * The parser against real feeds (the interop corpus in $REMPART_SHARED_DIR, which must
 * behave as its SOURCES.md verdict table says) and against our complete example.
 */

typedef struct
{
  const char *prefix;
  int error_code; /* -1: accepted */
  guint kept;
  guint in_file;
  const char *skipped[5]; /* JSON paths that must appear in a warning, NULL-terminated */
} Verdict;

static const Verdict verdicts[] = {
  { "01-", -1, 6, 6, { NULL } },
  { "02-", -1, 5, 5, { NULL } },
  { "03-", -1, 6, 6, { NULL } },
  { "04-", -1, 0, 4, { "items[0].url", "items[1].url", "items[2].url", "items[3].url" } },
  { "05-", -1, 6, 6, { NULL } },
  { "06-", -1, 6, 6, { NULL } },
  { "07-", -1, 2, 2, { NULL } },
  { "08-", -1, 6, 6, { NULL } },
  { "09-", -1, 6, 6, { NULL } },
  { "10-", REMPART_FEED_ERROR_INVALID_JSON, 0, 1, { NULL } },
  { "11-", REMPART_FEED_ERROR_INVALID_JSON, 0, 1, { NULL } },
  { "12-", -1, 6, 6, { NULL } },
  { "13-", -1, 0, 1, { "items[0].url" } },
  { "14-", -1, 6, 6, { NULL } },
  { "15-", -1, 4, 6, { "items[1]:", "items[3]:" } },
  { "16-", -1, 6, 6, { NULL } },
  { "17-", -1, 5, 5, { NULL } },
  { "18-", -1, 4, 4, { NULL } },
};

/* -------------------------------------------------------------------------------------- */
/* Helpers                                                                                */
/* -------------------------------------------------------------------------------------- */

static char *
corpus_dir (void)
{
  const char *shared = g_getenv ("REMPART_SHARED_DIR");
  g_autofree char *dir = NULL;

  if (shared == NULL)
    return NULL;

  dir = g_build_filename (shared, "interop-feeds", NULL);
  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    return NULL;

  return g_steal_pointer (&dir);
}

static char *
find_corpus_file (const char *dir, const char *prefix)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    if (g_str_has_prefix (name, prefix) && g_str_has_suffix (name, ".json"))
      return g_build_filename (dir, name, NULL);

  return NULL;
}

/* tests/meson.build sets G_TEST_SRCDIR to tests/; accept tests/unit too. */
static char *
test_feed_path (const char *name)
{
  char *path = g_test_build_filename (G_TEST_DIST, "unit", "feeds", name, NULL);

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_free (path);
      path = g_test_build_filename (G_TEST_DIST, "feeds", name, NULL);
    }

  return path;
}

static RempartFeed *
parse_path (const char *path, GError **error)
{
  g_autofree char *data = NULL;
  g_autofree char *name = g_path_get_basename (path);
  g_autoptr (GBytes) bytes = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  bytes = g_bytes_new (data, length);
  return rempart_feed_parse (bytes, name, error);
}

/* Loads a corpus file; skips the test (and returns NULL) when the corpus is not there. */
static RempartFeed *
corpus_feed (const char *prefix)
{
  g_autofree char *dir = corpus_dir ();
  g_autofree char *path = NULL;
  g_autoptr (GError) error = NULL;
  RempartFeed *feed;

  if (dir == NULL)
    {
      g_test_skip ("REMPART_SHARED_DIR/interop-feeds is not available");
      return NULL;
    }

  path = find_corpus_file (dir, prefix);
  g_assert_nonnull (path);
  feed = parse_path (path, &error);
  g_assert_no_error (error);
  return feed;
}

static RempartAction *
action_at (RempartFeed *feed, guint position)
{
  /* The model returns a new reference; the feed keeps the action alive. */
  g_autoptr (RempartAction) action =
      g_list_model_get_item (rempart_feed_get_actions (feed), position);

  g_assert_nonnull (action);
  return action;
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

/* -------------------------------------------------------------------------------------- */
/* The interop corpus                                                                     */
/* -------------------------------------------------------------------------------------- */

static void
test_corpus_verdicts (void)
{
  g_autofree char *dir = corpus_dir ();

  if (dir == NULL)
    {
      g_test_skip ("REMPART_SHARED_DIR/interop-feeds is not available");
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (verdicts); i++)
    {
      const Verdict *v = &verdicts[i];
      g_autofree char *path = find_corpus_file (dir, v->prefix);
      g_autofree char *name = NULL;
      g_autoptr (GError) error = NULL;
      g_autoptr (RempartFeed) feed = NULL;

      g_assert_nonnull (path);
      name = g_path_get_basename (path);
      g_test_message ("%s", name);
      feed = parse_path (path, &error);

      if (v->error_code >= 0)
        {
          g_assert_error (error, REMPART_FEED_ERROR, v->error_code);
          g_assert_null (feed);
          g_assert_true (g_str_has_prefix (error->message, name));
          continue;
        }

      g_assert_no_error (error);
      g_assert_cmpuint (g_list_model_get_n_items (rempart_feed_get_actions (feed)), ==, v->kept);
      g_assert_cmpuint (rempart_feed_get_n_skipped (feed), ==, v->in_file - v->kept);

      for (guint j = 0; v->skipped[j] != NULL; j++)
        {
          g_autofree char *needle = g_strdup_printf ("%s: %s", name, v->skipped[j]);

          g_assert_true (warnings_contain (feed, needle));
        }

      /* Files the verdict table passes with --strict have nothing to warn about. */
      if (v->kept == v->in_file)
        {
          GPtrArray *warnings = rempart_feed_get_warnings (feed);

          for (guint j = 0; j < warnings->len; j++)
            g_test_message ("unexpected: %s", (char *) g_ptr_array_index (warnings, j));
          g_assert_cmpuint (warnings->len, ==, 0);
        }

      /* Every kept action has a title, a valid link, and only clean text. */
      for (guint j = 0; j < v->kept; j++)
        {
          RempartAction *action = action_at (feed, j);
          const char *brief = rempart_action_get_brief (action);

          g_assert_nonnull (rempart_action_get_title (action));
          g_assert_null (strchr (rempart_action_get_title (action), '\n'));
          g_assert_true (g_str_has_prefix (rempart_action_get_url (action), "http"));
          if (brief != NULL)
            {
              g_assert_true (g_utf8_validate (brief, -1, NULL));
              g_assert_null (strstr (brief, "<p>"));
              g_assert_null (strstr (brief, "&#"));
            }
        }
    }
}

static void
test_corpus_invalid_json_position (void)
{
  g_autofree char *dir = corpus_dir ();
  g_autofree char *path = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (RempartFeed) feed = NULL;

  if (dir == NULL)
    {
      g_test_skip ("REMPART_SHARED_DIR/interop-feeds is not available");
      return;
    }

  /* The Ruby hash in "author": the first error is on line 11. */
  path = find_corpus_file (dir, "10-");
  feed = parse_path (path, &error);
  g_assert_error (error, REMPART_FEED_ERROR, REMPART_FEED_ERROR_INVALID_JSON);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "line 11, column"));
}

static void
test_corpus_untitled (void)
{
  g_autoptr (RempartFeed) feed = corpus_feed ("01-");
  RempartAction *action;

  if (feed == NULL)
    return;

  /* An image alone gives no text: the link stands in for the title. */
  action = action_at (feed, 0);
  g_assert_cmpstr (rempart_action_get_title (action), ==,
                   "https://microblog.ducamp.me/2018/07/07/044831.html");
  g_assert_null (rempart_action_get_brief (action));

  action = action_at (feed, 1);
  /* HTML folds the line breaks inside <p>, so the paragraph is the first line. */
  g_assert_cmpstr (rempart_action_get_title (action), ==,
                   "Lance-pierres ou émetteur radio ? La longue route.- Moitesssier #ggr");
  g_assert_cmpstr (rempart_action_get_brief (action), ==,
                   "Lance-pierres ou émetteur radio ? La longue route.- Moitesssier #ggr");

  action = action_at (feed, 4);
  g_assert_true (g_str_has_prefix (rempart_action_get_title (action), "Golden Globe Race"));
}

static void
test_corpus_empty_title (void)
{
  g_autoptr (RempartFeed) feed = corpus_feed ("14-");
  RempartAction *action;

  if (feed == NULL)
    return;

  action = action_at (feed, 2);
  g_assert_cmpstr (rempart_action_get_title (action), ==, "title: Cypress 国内安装");
  /* content_html is empty: the summary is the brief. */
  action = action_at (feed, 1);
  g_assert_cmpstr (rempart_action_get_title (action), ==, "Intro Page");
  g_assert_true (g_str_has_prefix (rempart_action_get_brief (action), "icon: circle-info"));
}

static void
test_corpus_entities (void)
{
  g_autoptr (RempartFeed) feed = corpus_feed ("09-");
  g_autoptr (RempartFeed) wordpress = NULL;
  const char *brief;

  if (feed == NULL)
    return;

  g_assert_cmpstr (rempart_action_get_title (action_at (feed, 1)), ==,
                   "Publication de l'AFNOR SPEC IA frugale");
  g_assert_true (g_str_has_prefix (rempart_action_get_title (action_at (feed, 4)),
                                   "Lancement du plan de transformation écologique de l'État"));
  /* content_html reduced to text: no tags, no iframe. */
  brief = rempart_action_get_brief (action_at (feed, 0));
  g_assert_nonnull (brief);
  g_assert_null (strchr (brief, '<'));

  /* WordPress escapes content_text: &#8220; is a quotation mark. */
  wordpress = corpus_feed ("08-");
  brief = rempart_action_get_brief (action_at (wordpress, 0));
  g_assert_null (strstr (brief, "&#"));
  g_assert_nonnull (strstr (brief, "“"));
}

static void
test_corpus_html_content_typo (void)
{
  g_autoptr (RempartFeed) feed = corpus_feed ("17-");

  if (feed == NULL)
    return;

  for (guint i = 0; i < 5; i++)
    {
      const char *brief = rempart_action_get_brief (action_at (feed, i));

      g_assert_nonnull (brief);
      g_assert_null (strchr (brief, '<'));
    }
  g_assert_cmpstr (rempart_action_get_title (action_at (feed, 0)), ==, "立ちっぱなし");
}

static void
test_corpus_html_document (void)
{
  g_autofree char *dir = corpus_dir ();
  g_autofree char *path = NULL;
  g_autofree char *data = NULL;
  g_autofree char *text = NULL;
  g_autoptr (JsonParser) parser = json_parser_new ();
  JsonObject *item;

  if (dir == NULL)
    {
      g_test_skip ("REMPART_SHARED_DIR/interop-feeds is not available");
      return;
    }

  /* 13's item is skipped for its relative link, but its whole-document content_html is the
   * best test of <head> and <style> being dropped. */
  path = find_corpus_file (dir, "13-");
  g_assert_true (g_file_get_contents (path, &data, NULL, NULL));
  g_assert_true (json_parser_load_from_data (parser, data, -1, NULL));
  item = json_array_get_object_element (
      json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "items"),
      0);
  text = rempart_html_to_text (json_object_get_string_member (item, "content_html"));
  g_assert_null (strchr (text, '<'));
  g_assert_null (strchr (text, '{'));
  g_assert_nonnull (strstr (text, "🤣"));
}

static void
test_corpus_iri_and_dates (void)
{
  g_autoptr (RempartFeed) korean = corpus_feed ("07-");
  g_autoptr (RempartFeed) minified = NULL;
  GDateTime *date;

  if (korean == NULL)
    return;

  /* The raw Hangul IRI is kept, percent-encoded for the browser. */
  g_assert_cmpstr (rempart_action_get_url (action_at (korean, 0)), ==,
                   "https://cree-devblog.net/blog/2023_03_29_%EC%B2%AB%EA%B8%80");
  g_assert_cmpstr (rempart_action_get_id (action_at (korean, 0)), ==, "2023_03_29_첫글.mdx");
  g_assert_nonnull (rempart_action_get_date_modified (action_at (korean, 0)));

  minified = corpus_feed ("18-");
  date = rempart_action_get_date_published (action_at (minified, 0));
  g_assert_nonnull (date);
  g_assert_cmpint (g_date_time_get_minute (date), ==, 0);
  g_assert_cmpint (g_date_time_get_second (date), ==, 0);
}

/* -------------------------------------------------------------------------------------- */
/* The example feed                                                                       */
/* -------------------------------------------------------------------------------------- */

static void
assert_date (GDateTime *date, const char *expected)
{
  g_autofree char *text = NULL;

  g_assert_nonnull (date);
  text = g_date_time_format_iso8601 (date);
  g_assert_cmpstr (text, ==, expected);
}

static void
test_example (void)
{
  g_autofree char *path = test_feed_path ("example.json");
  g_autoptr (GError) error = NULL;
  g_autoptr (RempartFeed) feed = parse_path (path, &error);
  const char *const *rules;
  const char *const *tags;
  const char *const *arguments;
  RempartFeedTemplate *tmpl;
  RempartAction *action;
  RempartSource *source;
  GPtrArray *sources;

  g_assert_no_error (error);
  g_assert_cmpuint (rempart_feed_get_warnings (feed)->len, ==, 0);

  g_assert_cmpstr (rempart_feed_get_title (feed), ==, "#jesuislà — actions du jour");
  g_assert_cmpstr (rempart_feed_get_home_page_url (feed), ==, "https://example.org/jesuisla/");
  g_assert_cmpstr (rempart_feed_get_feed_url (feed), ==, "https://example.org/jesuisla/feed.json");
  g_assert_cmpstr (rempart_feed_get_description (feed), ==,
                   "Les actions choisies chaque jour par l’équipe de modération.");
  g_assert_cmpstr (rempart_feed_get_language (feed), ==, "fr");
  g_assert_cmpstr (rempart_feed_get_about (feed), ==,
                   "Groupe de contre-discours #jesuislà.\nNous répondons avec calme, faits et "
                   "empathie.");
  g_assert_cmpint (rempart_feed_get_schema (feed), ==, 1);
  g_assert_cmpint (rempart_feed_get_seq (feed), ==, 42);
  assert_date (rempart_feed_get_expires (feed), "2026-05-03T06:00:00+02");
  g_assert_cmpstr (rempart_feed_get_hashtag (feed), ==, "#jesuislà");
  g_assert_cmpint (rempart_feed_get_hashtag_position (feed), ==, REMPART_HASHTAG_POSITION_START);

  rules = rempart_feed_get_rules (feed);
  g_assert_cmpuint (g_strv_length ((GStrv) rules), ==, 3);
  g_assert_cmpstr (rules[0], ==, "Commencez votre commentaire par #jesuislà.");

  g_assert_cmpuint (rempart_feed_get_templates (feed)->len, ==, 2);
  tmpl = g_ptr_array_index (rempart_feed_get_templates (feed), 0);
  g_assert_cmpstr (tmpl->id, ==, "facts-first");
  g_assert_cmpstr (tmpl->title, ==, "Les faits d’abord");
  g_assert_cmpstr (tmpl->language, ==, "fr");
  g_assert_cmpuint (g_strv_length (tmpl->topics), ==, 2);
  g_assert_cmpstr (tmpl->topics[1], ==, "disinformation");
  g_assert_true (g_str_has_prefix (tmpl->body, "#jesuislà Les chiffres"));
  g_assert_nonnull (strchr (tmpl->body, '\n'));
  g_assert_cmpstr (tmpl->when, ==, "Quand un commentaire avance un chiffre faux");

  g_assert_cmpuint (g_list_model_get_n_items (rempart_feed_get_actions (feed)), ==, 2);
  g_assert_true (g_list_model_get_item_type (rempart_feed_get_actions (feed)) ==
                 REMPART_TYPE_ACTION);

  action = action_at (feed, 0);
  g_assert_true (rempart_feed_lookup_action (feed, "2026-05-02-migrants-chiffres") == action);
  g_assert_cmpstr (rempart_action_get_id (action), ==, "2026-05-02-migrants-chiffres");
  /* external_url wins over url: it is the thread. */
  g_assert_cmpstr (rempart_action_get_url (action), ==,
                   "https://www.facebook.com/example.news/posts/1234567890");
  g_assert_cmpstr (rempart_action_get_title (action), ==,
                   "Chiffres de l’immigration : « on ne peut plus rien dire »");
  g_assert_true (g_str_has_prefix (rempart_action_get_brief (action), "Le fil sous l’article"));
  g_assert_nonnull (strstr (rempart_action_get_brief (action), "\n\nÀ dire"));
  g_assert_cmpstr (rempart_action_get_excerpt (action), ==,
                   "Ils viennent tous pour les allocs, c’est prouvé.");
  g_assert_cmpint (rempart_action_get_topic (action), ==, REMPART_TOPIC_RACISM);
  g_assert_cmpstr (rempart_action_get_platform (action), ==, "facebook");
  g_assert_cmpint (rempart_action_get_priority (action), ==, REMPART_PRIORITY_HIGH);
  g_assert_cmpstr (rempart_action_get_language (action), ==, "fr");
  tags = rempart_action_get_tags (action);
  g_assert_cmpuint (g_strv_length ((GStrv) tags), ==, 2);
  g_assert_cmpstr (tags[0], ==, "immigration");
  assert_date (rempart_action_get_date_published (action), "2026-05-02T08:30:00+02");
  assert_date (rempart_action_get_date_modified (action), "2026-05-02T09:00:00+02");
  assert_date (rempart_action_get_expires (action), "2026-05-03T08:30:00+02");

  sources = rempart_action_get_sources (action);
  g_assert_cmpuint (sources->len, ==, 2);
  source = g_ptr_array_index (sources, 0);
  g_assert_cmpstr (source->title, ==, "INSEE — Immigrés et descendants d’immigrés");
  g_assert_cmpstr (source->url, ==, "https://www.insee.fr/fr/statistiques/6793232");
  arguments = rempart_action_get_arguments (action);
  g_assert_cmpuint (g_strv_length ((GStrv) arguments), ==, 2);

  {
    g_autoptr (GDateTime) before = g_date_time_new_from_iso8601 ("2026-05-03T06:00:00Z", NULL);
    g_autoptr (GDateTime) after = g_date_time_new_from_iso8601 ("2026-05-03T06:30:01Z", NULL);

    g_assert_false (rempart_action_is_expired (action, before));
    g_assert_true (rempart_action_is_expired (action, after));
  }

  action = action_at (feed, 1);
  g_assert_cmpstr (rempart_action_get_url (action), ==,
                   "https://www.youtube.com/watch?v=dQw4w9WgXcQ");
  g_assert_cmpstr (rempart_action_get_brief (action), ==,
                   "Commentaires hostiles sous le reportage.\n\nSoutenez les personnes qui "
                   "témoignent.");
  g_assert_cmpint (rempart_action_get_topic (action), ==, REMPART_TOPIC_LGBTPHOBIA);
  g_assert_cmpint (rempart_action_get_priority (action), ==, REMPART_PRIORITY_NORMAL);
  g_assert_null (rempart_action_get_excerpt (action));
  g_assert_null (rempart_action_get_language (action));
  g_assert_cmpuint (rempart_action_get_sources (action)->len, ==, 0);
  g_assert_nonnull (rempart_action_get_arguments (action));
  g_assert_null (rempart_action_get_arguments (action)[0]);
  g_assert_null (rempart_action_get_date_modified (action));

  /* Properties mirror the getters, for widgets that bind to them. */
  {
    g_autofree char *title = NULL;
    RempartTopic topic;

    g_object_get (action, "title", &title, "topic", &topic, NULL);
    g_assert_cmpstr (title, ==, "Reportage sur la marche des fiertés");
    g_assert_cmpint (topic, ==, REMPART_TOPIC_LGBTPHOBIA);
  }
}

static void
test_enums (void)
{
  RempartTopic topic = REMPART_TOPIC_NONE;
  RempartPriority priority = REMPART_PRIORITY_NORMAL;
  RempartHashtagPosition position = REMPART_HASHTAG_POSITION_START;

  for (RempartTopic t = REMPART_TOPIC_RACISM; t <= REMPART_TOPIC_OTHER; t++)
    {
      g_assert_true (rempart_topic_from_string (rempart_topic_to_string (t), &topic));
      g_assert_cmpint (topic, ==, t);
    }
  g_assert_null (rempart_topic_to_string (REMPART_TOPIC_NONE));
  g_assert_false (rempart_topic_from_string ("Racism", &topic));
  g_assert_false (rempart_topic_from_string (NULL, &topic));

  g_assert_true (rempart_priority_from_string ("high", &priority));
  g_assert_cmpint (priority, ==, REMPART_PRIORITY_HIGH);
  g_assert_cmpstr (rempart_priority_to_string (REMPART_PRIORITY_NORMAL), ==, "normal");
  g_assert_false (rempart_priority_from_string ("urgent", &priority));

  g_assert_true (rempart_hashtag_position_from_string ("end", &position));
  g_assert_cmpint (position, ==, REMPART_HASHTAG_POSITION_END);
  g_assert_cmpstr (rempart_hashtag_position_to_string (REMPART_HASHTAG_POSITION_ANY), ==, "any");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/feed-parser/corpus/verdicts", test_corpus_verdicts);
  g_test_add_func ("/feed-parser/corpus/invalid-json-position", test_corpus_invalid_json_position);
  g_test_add_func ("/feed-parser/corpus/untitled", test_corpus_untitled);
  g_test_add_func ("/feed-parser/corpus/empty-title", test_corpus_empty_title);
  g_test_add_func ("/feed-parser/corpus/entities", test_corpus_entities);
  g_test_add_func ("/feed-parser/corpus/html-content-typo", test_corpus_html_content_typo);
  g_test_add_func ("/feed-parser/corpus/html-document", test_corpus_html_document);
  g_test_add_func ("/feed-parser/corpus/iri-and-dates", test_corpus_iri_and_dates);
  g_test_add_func ("/feed-parser/example", test_example);
  g_test_add_func ("/feed-parser/enums", test_enums);

  return g_test_run ();
}
