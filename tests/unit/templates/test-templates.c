/* test-templates.c
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "rempart-feed-parser.h"
#include "rempart-template-fill.h"
#include "rempart-template-pack.h"
#include "rempart-template.h"
#include "rempart-tone.h"
#include "rempart-topic-names.h"

/*
 * Reply templates: the built-in packs as shipped (data/templates, through
 * $REMPART_DATA_DIR), the strict pack validator on broken files, filling placeholders
 * with ordinary and hostile bodies, and the composer's selection.
 */

typedef struct
{
  const char *language;
  guint min_count;
  gboolean all_approaches;
} PackExpectation;

static const PackExpectation packs[] = {
  { "fr", 16, TRUE },
  { "en", 16, TRUE },
  { "de", 8, FALSE },
  { "sv", 8, FALSE },
};

/* The source tree: packs are read from its data/, the example feed from its tests. */
static char *source_root;

static const char *const all_topics[] = {
  "racism",       "sexism",     "lgbtphobia",     "antisemitism",
  "islamophobia", "disability", "disinformation", "other",
};

/* -------------------------------------------------------------------------------------- */
/* Helpers                                                                                */
/* -------------------------------------------------------------------------------------- */

static GPtrArray *
load_pack (const char *language)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) warnings = NULL;
  GPtrArray *templates;

  templates = rempart_template_pack_load (language, &warnings, &error);
  g_assert_no_error (error);
  g_assert_nonnull (templates);
  g_assert_nonnull (warnings);
  for (guint i = 0; i < warnings->len; i++)
    g_test_message ("%s", (const char *) g_ptr_array_index (warnings, i));
  g_assert_cmpuint (warnings->len, ==, 0);

  return templates;
}

static gboolean
strv_has (const char *const *strv, const char *text)
{
  return strv != NULL && g_strv_contains (strv, text);
}

static gboolean
array_has (GPtrArray *array, const char *text)
{
  for (guint i = 0; array != NULL && i < array->len; i++)
    if (strcmp (g_ptr_array_index (array, i), text) == 0)
      return TRUE;

  return FALSE;
}

/* Sentences, roughly: runs ending with . ! ? or … followed by a space or the end. */
static guint
count_sentences (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      const char *next = g_utf8_next_char (p);

      if ((c == '.' || c == '!' || c == '?' || c == 0x2026) && (*next == '\0' || *next == ' '))
        n++;
    }

  return n;
}

/* A private data directory for broken packs: $dir/templates/<lang>.json. */
typedef struct
{
  char *dir;
  char *saved_data_dir;
} TempPacks;

static void
temp_packs_set_up (TempPacks *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *templates = NULL;

  fixture->dir = g_dir_make_tmp ("rempart-templates-XXXXXX", &error);
  g_assert_no_error (error);
  templates = g_build_filename (fixture->dir, "templates", NULL);
  g_assert_cmpint (g_mkdir (templates, 0700), ==, 0);

  fixture->saved_data_dir = g_strdup (g_getenv ("REMPART_DATA_DIR"));
  g_setenv ("REMPART_DATA_DIR", fixture->dir, TRUE);
}

static void
temp_packs_tear_down (TempPacks *fixture, gconstpointer data)
{
  g_autofree char *templates = g_build_filename (fixture->dir, "templates", NULL);
  g_autoptr (GDir) dir = g_dir_open (templates, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (templates, name, NULL);

      g_assert_cmpint (g_unlink (path), ==, 0);
    }
  g_assert_cmpint (g_rmdir (templates), ==, 0);
  g_assert_cmpint (g_rmdir (fixture->dir), ==, 0);

  g_setenv ("REMPART_DATA_DIR", fixture->saved_data_dir, TRUE);
  g_clear_pointer (&fixture->saved_data_dir, g_free);
  g_clear_pointer (&fixture->dir, g_free);
}

static void
write_pack (TempPacks *fixture, const char *language, const char *json)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *name = g_strconcat (language, ".json", NULL);
  g_autofree char *path = g_build_filename (fixture->dir, "templates", name, NULL);

  g_file_set_contents (path, json, -1, &error);
  g_assert_no_error (error);
}

/* Writes @json as xx.json and checks that loading it fails with @code, naming the file and
 * every string of @expected. */
static void
assert_pack_refused (TempPacks *fixture, const char *json, int code, const char *const *expected)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) templates = NULL;

  write_pack (fixture, "xx", json);
  templates = rempart_template_pack_load ("xx", NULL, &error);
  g_assert_null (templates);
  g_assert_error (error, REMPART_TEMPLATE_ERROR, code);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "xx.json: "));
  for (guint i = 0; expected[i] != NULL; i++)
    if (strstr (error->message, expected[i]) == NULL)
      g_error ("“%s” is not in “%s”", expected[i], error->message);
}

static RempartFeed *
load_example_feed (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path =
      g_build_filename (source_root, "tests", "unit", "feeds", "example.json", NULL);
  g_autofree char *contents = NULL;
  g_autoptr (GBytes) bytes = NULL;
  gsize length;
  RempartFeed *feed;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  feed = rempart_feed_parse (bytes, "example.json", &error);
  g_assert_no_error (error);

  return feed;
}

static RempartTemplate *
user_template (const char *id, const char *language, const char *const *topics)
{
  return rempart_template_new (REMPART_TEMPLATE_ORIGIN_USER, id, id, language, topics,
                               REMPART_TEMPLATE_APPROACH_NONE, NULL, "{hashtag} Mine.");
}

/* -------------------------------------------------------------------------------------- */
/* Built-in packs                                                                         */
/* -------------------------------------------------------------------------------------- */

static void
test_packs_load (void)
{
  for (guint p = 0; p < G_N_ELEMENTS (packs); p++)
    {
      g_autoptr (GPtrArray) templates = load_pack (packs[p].language);

      g_test_message ("%s: %u templates", packs[p].language, templates->len);
      g_assert_cmpuint (templates->len, >=, packs[p].min_count);

      for (guint i = 0; i < templates->len; i++)
        {
          RempartTemplate *tmpl = g_ptr_array_index (templates, i);
          const char *body = rempart_template_get_body (tmpl);
          g_autoptr (GPtrArray) unknown = rempart_template_find_unknown_placeholders (body);
          guint sentences = count_sentences (body);

          g_assert_cmpint (rempart_template_get_origin (tmpl), ==, REMPART_TEMPLATE_ORIGIN_BUILTIN);
          g_assert_true (rempart_template_get_read_only (tmpl));
          g_assert_cmpstr (rempart_template_get_language (tmpl), ==, packs[p].language);
          g_assert_true (g_str_has_prefix (body, "{hashtag} "));
          g_assert_null (unknown);
          g_assert_cmpint (rempart_template_get_approach (tmpl), !=,
                           REMPART_TEMPLATE_APPROACH_NONE);
          g_assert_cmpstr (rempart_template_get_title (tmpl), !=, rempart_template_get_id (tmpl));
          g_assert_nonnull (rempart_template_get_when (tmpl));
          /* Short and personalisable: 2–5 sentences, one paragraph. */
          if (sentences < 2 || sentences > 5)
            g_error ("%s/%s has %u sentences", packs[p].language, rempart_template_get_id (tmpl),
                     sentences);
          g_assert_null (strchr (body, '\n'));
        }
    }
}

static void
test_packs_cover_topics (void)
{
  for (guint p = 0; p < G_N_ELEMENTS (packs); p++)
    {
      g_autoptr (GPtrArray) templates = load_pack (packs[p].language);

      for (guint t = 0; t < G_N_ELEMENTS (all_topics); t++)
        {
          gboolean found = FALSE;

          /* Named explicitly: a template for every topic does not count. */
          for (guint i = 0; i < templates->len && !found; i++)
            found = strv_has (rempart_template_get_topics (g_ptr_array_index (templates, i)),
                              all_topics[t]);
          if (!found)
            g_error ("no %s template names the topic %s", packs[p].language, all_topics[t]);
        }
    }
}

static void
test_packs_cover_approaches (void)
{
  for (guint p = 0; p < G_N_ELEMENTS (packs); p++)
    {
      g_autoptr (GPtrArray) templates = NULL;

      if (!packs[p].all_approaches)
        continue;

      templates = load_pack (packs[p].language);
      for (RempartTemplateApproach a = REMPART_TEMPLATE_APPROACH_EMPATHY;
           a <= REMPART_TEMPLATE_APPROACH_SUPPORT; a++)
        {
          guint n = 0;

          for (guint i = 0; i < templates->len; i++)
            if (rempart_template_get_approach (g_ptr_array_index (templates, i)) == a)
              n++;
          if (n == 0)
            g_error ("no %s template takes the approach %s", packs[p].language,
                     rempart_template_approach_to_string (a));
        }
    }
}

/* Facts need a source: a facts template has a {source} slot. */
static void
test_packs_facts_have_source (void)
{
  for (guint p = 0; p < G_N_ELEMENTS (packs); p++)
    {
      g_autoptr (GPtrArray) templates = load_pack (packs[p].language);

      for (guint i = 0; i < templates->len; i++)
        {
          RempartTemplate *tmpl = g_ptr_array_index (templates, i);

          if (rempart_template_get_approach (tmpl) == REMPART_TEMPLATE_APPROACH_FACTS)
            g_assert_nonnull (strstr (rempart_template_get_body (tmpl), "{source}"));
        }
    }
}

/* Every pack fills completely with an action's values; nothing is left between braces. */
static void
test_packs_fill (void)
{
  RempartTemplateValues values = {
    .hashtag = "#jesuislà",
    .source = "https://www.insee.fr/fr/statistiques/6793232",
    .source_title = "INSEE",
    .topic = "Racism",
    .argument = "Most recipients are citizens.",
  };

  for (guint p = 0; p < G_N_ELEMENTS (packs); p++)
    {
      g_autoptr (GPtrArray) templates = load_pack (packs[p].language);

      for (guint i = 0; i < templates->len; i++)
        {
          g_autoptr (GPtrArray) unknown = NULL;
          g_autofree char *text =
              rempart_template_fill (g_ptr_array_index (templates, i), &values, &unknown);

          g_assert_null (unknown);
          g_assert_true (g_str_has_prefix (text, "#jesuislà "));
          g_assert_null (strchr (text, '{'));
          g_assert_null (strchr (text, '}'));
        }
    }
}

/* The group rules, checked by the tone check itself: a built-in template filled with an
 * action's values (the hashtag first, a source) gets no WARNING in its own language. */
static void
test_packs_tone (void)
{
  for (guint p = 0; p < G_N_ELEMENTS (packs); p++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (RempartTonePack) tone = rempart_tone_pack_load (packs[p].language, &error);
      g_autoptr (GPtrArray) templates = load_pack (packs[p].language);
      RempartTemplateValues values = {
        .hashtag = "#iamhere",
        .source = "https://www.example.org/report-2025",
        .source_title = "Annual report 2025",
        .topic = rempart_topic_get_display_name (REMPART_TOPIC_RACISM),
        .argument = "Example argument from the brief.",
      };
      RempartToneContext ctx;

      g_assert_no_error (error);
      rempart_tone_context_init (&ctx);
      ctx.hashtag = values.hashtag;
      ctx.hashtag_position = REMPART_HASHTAG_POSITION_START;

      for (guint i = 0; i < templates->len; i++)
        {
          RempartTemplate *tmpl = g_ptr_array_index (templates, i);
          g_autofree char *text = rempart_template_fill (tmpl, &values, NULL);
          g_autoptr (GPtrArray) hints = rempart_tone_check (tone, text, &ctx);
          guint n_warnings = 0;

          for (guint h = 0; hints != NULL && h < hints->len; h++)
            {
              RempartToneHint *hint = g_ptr_array_index (hints, h);

              g_test_message ("%s/%s: %s %s: %s", packs[p].language, rempart_template_get_id (tmpl),
                              hint->severity == REMPART_TONE_SEVERITY_WARNING ? "WARNING"
                                                                              : "advice",
                              hint->rule, hint->message);
              if (hint->severity == REMPART_TONE_SEVERITY_WARNING)
                n_warnings++;
            }
          if (n_warnings > 0)
            g_error ("%s/%s: the tone check warns about a built-in template: %s", packs[p].language,
                     rempart_template_get_id (tmpl), text);
        }
    }
}

static void
test_pack_language_fallback (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) region = rempart_template_pack_load ("fr-BE", NULL, &error);
  g_autoptr (GPtrArray) locale = NULL;
  g_autoptr (GPtrArray) missing = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (region->len, >=, 16);
  g_assert_cmpstr (rempart_template_get_language (g_ptr_array_index (region, 0)), ==, "fr");

  locale = rempart_template_pack_load ("sv_SE.UTF-8", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rempart_template_get_language (g_ptr_array_index (locale, 0)), ==, "sv");

  missing = rempart_template_pack_load ("tlh", NULL, &error);
  g_assert_null (missing);
  g_assert_error (error, REMPART_TEMPLATE_ERROR, REMPART_TEMPLATE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "tlh"));
  g_clear_error (&error);

  /* A language is part of a path: nothing else may be. */
  for (guint i = 0; i < 5; i++)
    {
      static const char *const bad[] = { "../fr", "fr/../../etc", "", "f", "/etc/passwd" };
      g_autoptr (GPtrArray) none = rempart_template_pack_load (bad[i], NULL, &error);

      g_assert_null (none);
      g_assert_error (error, REMPART_TEMPLATE_ERROR, REMPART_TEMPLATE_ERROR_NOT_FOUND);
      g_clear_error (&error);
    }
}

/* -------------------------------------------------------------------------------------- */
/* Strict validation                                                                      */
/* -------------------------------------------------------------------------------------- */

#define GOOD_TEMPLATE                                                                       \
  "{\"id\": \"a\", \"title\": \"A\", \"topics\": [\"racism\"], \"approach\": \"empathy\", " \
  "\"body\": \"{hashtag} Hello.\"}"

static void
test_pack_errors (TempPacks *fixture, gconstpointer data)
{
  static const struct
  {
    const char *json;
    int code;
    const char *expected[4]; /* NULL-terminated */
  } cases[] = {
    /* wrong types */
    { "{\"language\": \"xx\", \"templates\": [" GOOD_TEMPLATE ", {\"id\": 42, \"title\": \"B\", "
      "\"body\": \"x\"}]}",
      REMPART_TEMPLATE_ERROR_INVALID,
      { "templates[1].id: ", "a number" } },
    { "{\"language\": \"xx\", \"templates\": [{\"id\": \"a\", \"title\": \"A\", \"topics\": "
      "\"racism\", \"body\": \"x\"}]}",
      REMPART_TEMPLATE_ERROR_INVALID,
      { "templates[0].topics: ", "a string" } },
    { "{\"language\": \"xx\", \"templates\": [{\"id\": \"a\", \"title\": \"A\", \"topics\": "
      "[\"racism\", 7], \"body\": \"x\"}]}",
      REMPART_TEMPLATE_ERROR_INVALID,
      { "templates[0].topics[1]: " } },
    { "{\"language\": \"xx\", \"templates\": [{\"id\": \"a\", \"title\": [\"A\"], \"body\": "
      "\"x\"}]}",
      REMPART_TEMPLATE_ERROR_INVALID,
      { "templates[0].title: ", "an array" } },
    { "{\"language\": \"xx\", \"templates\": [{\"id\": \"a\", \"title\": \"A\", \"body\": "
      "\"x\", \"when\": true}]}",
      REMPART_TEMPLATE_ERROR_INVALID,
      { "templates[0].when: " } },
    { "{\"language\": \"xx\", \"templates\": {}}",
      REMPART_TEMPLATE_ERROR_INVALID,
      { "templates: ", "an object" } },
    { "{\"language\": \"xx\", \"templates\": [" GOOD_TEMPLATE ", \"b\"]}",
      REMPART_TEMPLATE_ERROR_INVALID,
      { "templates[1]: ", "a string" } },
    { "[" GOOD_TEMPLATE "]", REMPART_TEMPLATE_ERROR_INVALID, { "an array" } },
    { "{\"language\": 3, \"templates\": []}", REMPART_TEMPLATE_ERROR_INVALID, { "language: " } },
    /* missing or empty fields */
    { "{\"language\": \"xx\", \"templates\": [{\"title\": \"A\", \"body\": \"x\"}]}",
      REMPART_TEMPLATE_ERROR_INVALID,
      { "templates[0].id: ", "missing" } },
    { "{\"language\": \"xx\", \"templates\": [{\"id\": \"  \", \"title\": \"A\", \"body\": "
      "\"x\"}]}",
      REMPART_TEMPLATE_ERROR_INVALID,
      { "templates[0].id: ", "empty" } },
    { "{\"language\": \"xx\", \"templates\": [{\"id\": \"a\", \"body\": \"x\"}]}",
      REMPART_TEMPLATE_ERROR_INVALID,
      { "templates[0].title: " } },
    { "{\"language\": \"xx\", \"templates\": [{\"id\": \"a\", \"title\": \"A\", \"body\": "
      "\"\"}]}",
      REMPART_TEMPLATE_ERROR_INVALID,
      { "templates[0].body: " } },
    { "{\"templates\": []}", REMPART_TEMPLATE_ERROR_INVALID, { "language: ", "missing" } },
    { "{\"language\": \"xx\"}", REMPART_TEMPLATE_ERROR_INVALID, { "templates: ", "missing" } },
    /* duplicates and mismatches */
    { "{\"language\": \"xx\", \"templates\": [" GOOD_TEMPLATE ", {\"id\": \"b\", \"title\": "
      "\"B\", \"body\": \"x\"}, " GOOD_TEMPLATE "]}",
      REMPART_TEMPLATE_ERROR_INVALID,
      { "templates[2].id: ", "“a”", "templates[0]" } },
    { "{\"language\": \"fr\", \"templates\": []}",
      REMPART_TEMPLATE_ERROR_INVALID,
      { "language: ", "“fr”", "“xx”" } },
    { "{\"language\": \"xx\", \"templates\": [{\"id\": \"a\", \"title\": \"A\", \"language\": "
      "\"de\", \"body\": \"x\"}]}",
      REMPART_TEMPLATE_ERROR_INVALID,
      { "templates[0].language: ", "“de”" } },
    { "{\"language\": \"xx\", \"templates\": [{\"id\": \"a\", \"title\": \"A\", \"approach\": "
      "\"sarcasm\", \"body\": \"x\"}]}",
      REMPART_TEMPLATE_ERROR_INVALID,
      { "templates[0].approach: ", "“sarcasm”" } },
    /* text that is not clean */
    { "{\"language\": \"xx\", \"templates\": [{\"id\": \"a\", \"title\": \"A\\nB\", \"body\": "
      "\"x\"}]}",
      REMPART_TEMPLATE_ERROR_INVALID,
      { "templates[0].title: ", "one line" } },
    { "{\"language\": \"xx\", \"templates\": [{\"id\": \"a\", \"title\": \"A\", \"body\": "
      "\"x\\u0007y\"}]}",
      REMPART_TEMPLATE_ERROR_INVALID,
      { "templates[0].body: ", "control character" } },
    /* not JSON */
    { "{\"language\": \"xx\",\n \"templates\": [,]}",
      REMPART_TEMPLATE_ERROR_INVALID_JSON,
      { "line 2" } },
    { "", REMPART_TEMPLATE_ERROR_INVALID_JSON, { "empty" } },
    { "{\"language\": \"xx\", // comment\n \"templates\": []}",
      REMPART_TEMPLATE_ERROR_INVALID_JSON,
      { "line 1" } },
    { "\xff\xfe{}", REMPART_TEMPLATE_ERROR_INVALID_JSON, { "UTF-8" } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("case %u", i);
      assert_pack_refused (fixture, cases[i].json, cases[i].code, cases[i].expected);
    }
}

static void
test_pack_hostile (TempPacks *fixture, gconstpointer data)
{
  static const char *const deep_expected[] = { "nested", NULL };
  static const char *const large_expected[] = { "larger", NULL };
  static const char *const long_expected[] = { "templates[0].body: ", NULL };
  g_autoptr (GString) deep = g_string_new (NULL);
  g_autoptr (GString) large = g_string_new ("{\"language\": \"xx\", \"templates\": [], \"x\": \"");
  g_autoptr (GString) long_body = g_string_new (
      "{\"language\": \"xx\", \"templates\": [{\"id\": \"a\", \"title\": \"A\", \"body\": \"");

  /* json-glib recurses per level: a million '[' must be refused before it sees them. */
  for (guint i = 0; i < 1000000; i++)
    g_string_append_c (deep, '[');
  assert_pack_refused (fixture, deep->str, REMPART_TEMPLATE_ERROR_INVALID_JSON, deep_expected);

  while (large->len <= REMPART_TEMPLATE_PACK_MAX_SIZE)
    g_string_append (large, "aaaaaaaaaaaaaaaa");
  g_string_append (large, "\"}");
  assert_pack_refused (fixture, large->str, REMPART_TEMPLATE_ERROR_INVALID_JSON, large_expected);

  for (guint i = 0; i <= REMPART_TEMPLATE_MAX_BODY; i++)
    g_string_append (long_body, "é");
  g_string_append (long_body, "\"}]}");
  assert_pack_refused (fixture, long_body->str, REMPART_TEMPLATE_ERROR_INVALID, long_expected);
}

/* What cannot hurt is a warning in the returned list, never g_warning (fatal here). */
static void
test_pack_warnings (TempPacks *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) warnings = NULL;
  g_autoptr (GPtrArray) templates = NULL;
  RempartTemplate *tmpl;

  write_pack (fixture, "xx",
              "{\"language\": \"xx\", \"comment\": 1, \"templates\": [{\"id\": \"a\", \"title\": "
              "\"A\", \"topics\": [\"racism\", \"weather\", \"racism\", \"other\"], \"colour\": "
              "\"red\", \"body\": \"{hashtag} {sourse} and {source}.\", \"approach\": null}, "
              "{\"id\": \"b\", \"title\": \"B\", \"body\": \"{hashtag} Hi.\"}]}");
  templates = rempart_template_pack_load ("xx", &warnings, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (templates->len, ==, 2);
  for (guint i = 0; i < warnings->len; i++)
    g_test_message ("%s", (const char *) g_ptr_array_index (warnings, i));
  g_assert_cmpuint (warnings->len, ==, 5);

  g_assert_nonnull (strstr (g_ptr_array_index (warnings, 0), "xx.json: comment: "));
  g_assert_nonnull (strstr (g_ptr_array_index (warnings, 1), "xx.json: templates[0].topics[1]: "));
  g_assert_nonnull (strstr (g_ptr_array_index (warnings, 1), "“weather”"));
  g_assert_nonnull (strstr (g_ptr_array_index (warnings, 2), "templates[0].topics[2]: "));
  g_assert_nonnull (strstr (g_ptr_array_index (warnings, 3), "templates[0].body: “{sourse}”"));
  g_assert_nonnull (strstr (g_ptr_array_index (warnings, 4), "templates[0].colour: "));

  tmpl = g_ptr_array_index (templates, 0);
  g_assert_cmpuint (g_strv_length ((GStrv) rempart_template_get_topics (tmpl)), ==, 2);
  g_assert_cmpstr (rempart_template_get_topics (tmpl)[0], ==, "racism");
  g_assert_cmpstr (rempart_template_get_topics (tmpl)[1], ==, "other");
  g_assert_cmpint (rempart_template_get_approach (tmpl), ==, REMPART_TEMPLATE_APPROACH_NONE);
  /* The language comes from the pack when a template does not repeat it. */
  g_assert_cmpstr (rempart_template_get_language (tmpl), ==, "xx");
  tmpl = g_ptr_array_index (templates, 1);
  g_assert_cmpuint (g_strv_length ((GStrv) rempart_template_get_topics (tmpl)), ==, 0);
  g_assert_null (rempart_template_get_when (tmpl));
}

/* -------------------------------------------------------------------------------------- */
/* Filling                                                                                */
/* -------------------------------------------------------------------------------------- */

static const RempartTemplateValues full_values = {
  .hashtag = "#jesuislà",
  .source = "https://example.org/a?b=1&c=2",
  .source_title = "INSEE <b>",
  .topic = "Racism",
  .argument = "An argument.",
};

static char *
fill_body (const char *body,
           const RempartTemplateValues *values,
           GPtrArray **out_missing,
           GPtrArray **out_unknown)
{
  return rempart_template_fill_text (body, values, out_missing, out_unknown);
}

static void
test_fill_all_values (void)
{
  g_autoptr (RempartTemplate) tmpl = rempart_template_new (
      REMPART_TEMPLATE_ORIGIN_USER, "t", "T", "fr", NULL, REMPART_TEMPLATE_APPROACH_FACTS, NULL,
      "{hashtag} {topic}: {argument}\nSee {source_title} ({source}). {hashtag}");
  g_autoptr (GPtrArray) unknown = NULL;
  g_autofree char *text = rempart_template_fill (tmpl, &full_values, &unknown);

  /* Plain text: the & and <b> are copied, never interpreted or escaped. */
  g_assert_cmpstr (text, ==,
                   "#jesuislà Racism: An argument.\nSee INSEE <b> "
                   "(https://example.org/a?b=1&c=2). #jesuislà");
  g_assert_null (unknown);
}

static void
test_fill_missing_value (void)
{
  RempartTemplateValues values = full_values;
  g_autoptr (RempartTemplate) tmpl = NULL;
  g_autoptr (GPtrArray) unknown = NULL;
  g_autoptr (GPtrArray) missing = NULL;
  g_autoptr (GPtrArray) not_ours = NULL;
  g_autofree char *text = NULL;
  g_autofree char *text2 = NULL;
  g_autofree char *text3 = NULL;

  values.source = NULL;
  values.source_title = ""; /* empty counts as missing */
  tmpl = rempart_template_new (REMPART_TEMPLATE_ORIGIN_USER, "t", "T", NULL, NULL,
                               REMPART_TEMPLATE_APPROACH_NONE, NULL,
                               "{hashtag} See {source_title}: {source}, {source}.");

  text = rempart_template_fill (tmpl, &values, &unknown);
  g_assert_cmpstr (text, ==, "#jesuislà See {source_title}: {source}, {source}.");
  g_assert_nonnull (unknown);
  g_assert_cmpuint (unknown->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (unknown, 0), ==, "{source_title}");
  g_assert_cmpstr (g_ptr_array_index (unknown, 1), ==, "{source}");

  text2 = fill_body (rempart_template_get_body (tmpl), &values, &missing, &not_ours);
  g_assert_cmpstr (text2, ==, text);
  g_assert_cmpuint (missing->len, ==, 2);
  g_assert_null (not_ours);

  /* No values at all: everything stays, nothing crashes. */
  text3 = rempart_template_fill (tmpl, NULL, NULL);
  g_assert_cmpstr (text3, ==, "{hashtag} See {source_title}: {source}, {source}.");
}

static void
test_fill_unknown (void)
{
  g_autoptr (GPtrArray) missing = NULL;
  g_autoptr (GPtrArray) unknown = NULL;
  g_autofree char *text = fill_body ("{hashtag} {foo} {Hashtag} {source-title} {foo}.",
                                     &full_values, &missing, &unknown);

  g_assert_cmpstr (text, ==, "#jesuislà {foo} {Hashtag} {source-title} {foo}.");
  g_assert_null (missing);
  g_assert_cmpuint (unknown->len, ==, 3);
  g_assert_true (array_has (unknown, "{foo}"));
  g_assert_true (array_has (unknown, "{Hashtag}"));
  g_assert_true (array_has (unknown, "{source-title}"));

  g_assert_true (rempart_template_placeholder_is_known ("source_title"));
  g_assert_false (rempart_template_placeholder_is_known ("Source_title"));
  g_assert_false (rempart_template_placeholder_is_known (""));
}

static void
test_fill_hostile (void)
{
  static const struct
  {
    const char *body;
    const char *filled;
  } cases[] = {
    { "{{hashtag}}", "{#jesuislà}" },
    { "{}", "{}" },
    { "{{}}", "{{}}" },
    { "}{", "}{" },
    { "{hashtag", "{hashtag" },
    { "hashtag}", "hashtag}" },
    { "{ hashtag }", "{ hashtag }" },
    { "{hash\ntag}", "{hash\ntag}" },
    { "{{{", "{{{" },
    { "{", "{" },
    { "", "" },
    { "{hashtag}{hashtag}{hashtag}", "#jesuislà#jesuislà#jesuislà" },
    { "{{hashtag}{source}}", "{#jesuislàhttps://example.org/a?b=1&c=2}" },
    { "{a{hashtag}b}", "{a#jesuislàb}" },
  };
  RempartTemplateValues values = full_values;
  g_autoptr (GString) braces = g_string_new (NULL);
  g_autoptr (GString) name64 = g_string_new ("{");
  g_autoptr (GString) many = g_string_new (NULL);
  g_autoptr (GString) huge_value = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GPtrArray) missing = NULL;
      g_autoptr (GPtrArray) unknown = NULL;
      g_autofree char *text = fill_body (cases[i].body, &values, &missing, &unknown);

      g_assert_cmpstr (text, ==, cases[i].filled);
      g_assert_null (missing);
      g_assert_null (unknown);
    }

  /* Ten thousand opening braces: linear, unchanged, nothing reported. */
  for (guint i = 0; i < 10000; i++)
    g_string_append_c (braces, '{');
  {
    g_autoptr (GPtrArray) missing = NULL;
    g_autoptr (GPtrArray) unknown = NULL;
    g_autofree char *text = fill_body (braces->str, &values, &missing, &unknown);

    g_assert_cmpstr (text, ==, braces->str);
    g_assert_null (missing);
    g_assert_null (unknown);
  }
  g_string_append (braces, "hashtag}");
  {
    g_autofree char *text = fill_body (braces->str, &values, NULL, NULL);

    g_assert_cmpuint (strlen (text), ==, 9999 + strlen ("#jesuislà"));
    g_assert_true (g_str_has_suffix (text, "{#jesuislà"));
  }

  /* A value is never expanded again, whatever it holds. */
  values.argument = "{hashtag} {source} {argument} {";
  {
    g_autoptr (GPtrArray) unknown = NULL;
    g_autofree char *text = fill_body ("{argument}", &values, NULL, &unknown);

    g_assert_cmpstr (text, ==, "{hashtag} {source} {argument} {");
    g_assert_null (unknown);
  }

  /* Names: 64 bytes is a placeholder (unknown), 65 is text. */
  for (guint i = 0; i < REMPART_TEMPLATE_MAX_PLACEHOLDER; i++)
    g_string_append_c (name64, 'n');
  g_string_append_c (name64, '}');
  {
    g_autoptr (GPtrArray) unknown = NULL;
    g_autofree char *text = fill_body (name64->str, &values, NULL, &unknown);

    g_assert_cmpstr (text, ==, name64->str);
    g_assert_cmpuint (unknown->len, ==, 1);
  }
  g_string_insert_c (name64, 1, 'n');
  {
    g_autoptr (GPtrArray) unknown = NULL;
    g_autofree char *text = fill_body (name64->str, &values, NULL, &unknown);

    g_assert_cmpstr (text, ==, name64->str);
    g_assert_null (unknown);
  }

  /* A huge value times many placeholders stops growing at the cap; the rest stay typed. */
  for (guint i = 0; i < 100 * 1024; i++)
    g_string_append_c (huge_value, 'v');
  values.argument = huge_value->str;
  for (guint i = 0; i < 100; i++)
    g_string_append (many, "{argument}");
  {
    g_autoptr (GPtrArray) missing = NULL;
    g_autofree char *text = fill_body (many->str, &values, &missing, NULL);

    g_assert_cmpuint (strlen (text), <=, REMPART_TEMPLATE_MAX_FILLED + many->len);
    g_assert_true (g_str_has_prefix (text, huge_value->str));
    g_assert_true (g_str_has_suffix (text, "{argument}"));
    g_assert_cmpuint (missing->len, ==, 1);
  }
}

static void
test_fill_utf8 (void)
{
  RempartTemplateValues values = full_values;
  g_autoptr (GPtrArray) unknown = NULL;
  g_autofree char *text = NULL;
  g_autofree char *emoji = NULL;
  g_autofree char *broken = NULL;
  g_autofree char *cut = NULL;
  g_autoptr (GString) long_name = g_string_new ("{");

  values.hashtag = "#jagärhär";
  values.argument = "e\xcc\x81 🏳️‍🌈 \xe2\x80\x8f";
  text = fill_body ("é{hashtag}ü — {argument} {sourcé} {🙂} «{topic}»", &values, NULL,
                    &unknown);
  g_assert_cmpstr (
      text, ==,
      "é#jagärhärü — e\xcc\x81 🏳️‍🌈 \xe2\x80\x8f {sourcé} {🙂} «Racism»");
  g_assert_true (g_utf8_validate (text, -1, NULL));
  g_assert_cmpuint (unknown->len, ==, 2);
  g_assert_true (array_has (unknown, "{sourcé}"));
  g_assert_true (array_has (unknown, "{🙂}"));

  /* Invalid UTF-8 in a body (from a damaged store) never reaches the composer. */
  broken = fill_body ("{hashtag} \xff\xfe {\xc3}", &values, NULL, NULL);
  g_assert_true (g_utf8_validate (broken, -1, NULL));
  g_assert_true (g_str_has_prefix (broken, "#jagärhär "));

  /* The 64-byte limit falls inside a multi-byte character: text, not a placeholder. */
  for (guint i = 0; i < 63; i++)
    g_string_append_c (long_name, 'a');
  g_string_append (long_name, "é}");
  cut = fill_body (long_name->str, &values, NULL, NULL);
  g_assert_cmpstr (cut, ==, long_name->str);

  emoji = fill_body ("{hashtag}", &(RempartTemplateValues){ .hashtag = "#🙂" }, NULL, NULL);
  g_assert_cmpstr (emoji, ==, "#🙂");
}

static void
test_values_for_action (void)
{
  g_autoptr (RempartFeed) feed = load_example_feed ();
  RempartAction *action = g_list_model_get_item (rempart_feed_get_actions (feed), 0);
  RempartAction *second = g_list_model_get_item (rempart_feed_get_actions (feed), 1);
  RempartTemplateValues values;

  rempart_template_values_init_for_action (&values, action, rempart_feed_get_hashtag (feed));
  g_assert_cmpstr (values.hashtag, ==, "#jesuislà");
  g_assert_cmpstr (values.source, ==, "https://www.insee.fr/fr/statistiques/6793232");
  g_assert_cmpstr (values.source_title, ==, "INSEE — Immigrés et descendants d’immigrés");
  g_assert_cmpstr (values.argument, ==,
                   "Les étrangers représentent une minorité des bénéficiaires.");
  g_assert_cmpstr (values.topic, ==, rempart_topic_get_display_name (REMPART_TOPIC_RACISM));

  /* An action without sources or arguments leaves those placeholders for the volunteer. */
  rempart_template_values_init_for_action (&values, second, NULL);
  g_assert_null (values.hashtag);
  g_assert_null (values.source);
  g_assert_null (values.argument);
  g_assert_cmpstr (values.topic, ==, "LGBTphobia");

  g_object_unref (action);
  g_object_unref (second);
}

static void
test_topic_names (void)
{
  static const char *const names[] = {
    NULL,           "Racism",  "Sexism",         "LGBTphobia", "Antisemitism",
    "Islamophobia", "Ableism", "Disinformation", "Other",
  };

  /* The tests run untranslated (no setlocale), so these are the msgids. */
  for (RempartTopic t = REMPART_TOPIC_NONE; t <= REMPART_TOPIC_OTHER; t++)
    g_assert_cmpstr (rempart_topic_get_display_name (t), ==, names[t]);
  g_assert_null (rempart_topic_get_display_name ((RempartTopic) 99));
  g_assert_null (rempart_topic_get_display_name ((RempartTopic) -1));

  g_assert_cmpstr (rempart_template_approach_get_display_name (REMPART_TEMPLATE_APPROACH_SUPPORT),
                   ==, "Support");
  g_assert_null (rempart_template_approach_get_display_name (REMPART_TEMPLATE_APPROACH_NONE));
}

/* -------------------------------------------------------------------------------------- */
/* Templates and selection                                                                */
/* -------------------------------------------------------------------------------------- */

static void
test_from_feed (void)
{
  g_autoptr (RempartFeed) feed = load_example_feed ();
  g_autoptr (GPtrArray) templates = rempart_templates_from_feed (rempart_feed_get_templates (feed));
  RempartFeedTemplate bare = { .id = (char *) "bare", .body = (char *) "x" };
  g_autoptr (RempartTemplate) from_bare = NULL;
  RempartTemplate *tmpl;

  g_assert_cmpuint (templates->len, ==, 2);
  tmpl = g_ptr_array_index (templates, 0);
  g_assert_cmpstr (rempart_template_get_id (tmpl), ==, "facts-first");
  g_assert_cmpstr (rempart_template_get_title (tmpl), ==, "Les faits d’abord");
  g_assert_cmpstr (rempart_template_get_language (tmpl), ==, "fr");
  g_assert_cmpstr (rempart_template_get_when (tmpl), ==,
                   "Quand un commentaire avance un chiffre faux");
  g_assert_cmpuint (g_strv_length ((GStrv) rempart_template_get_topics (tmpl)), ==, 2);
  g_assert_cmpint (rempart_template_get_origin (tmpl), ==, REMPART_TEMPLATE_ORIGIN_FEED);
  g_assert_cmpint (rempart_template_get_approach (tmpl), ==, REMPART_TEMPLATE_APPROACH_NONE);
  g_assert_true (rempart_template_get_read_only (tmpl));

  /* The feed allows a template without title, language or topics. */
  from_bare = rempart_template_from_feed_template (&bare);
  g_assert_cmpstr (rempart_template_get_title (from_bare), ==, "bare");
  g_assert_null (rempart_template_get_language (from_bare));
  g_assert_nonnull (rempart_template_get_topics (from_bare));
  g_assert_true (rempart_template_matches_topic (from_bare, REMPART_TOPIC_SEXISM));
  g_assert_true (rempart_template_matches_language (from_bare, "sv"));
}

static void
test_duplicate (void)
{
  g_autoptr (GPtrArray) builtin = load_pack ("en");
  RempartTemplate *original = g_ptr_array_index (builtin, 0);
  g_autoptr (RempartTemplate) copy = rempart_template_duplicate (original, "mine-1");
  g_autoptr (RempartTemplate) copy2 = rempart_template_duplicate (original, NULL);
  g_autoptr (RempartTemplate) copy3 = rempart_template_duplicate (original, NULL);
  g_autofree char *title = g_strdup_printf ("Copy of %s", rempart_template_get_title (original));
  gboolean read_only = TRUE;
  RempartTemplateOrigin origin = REMPART_TEMPLATE_ORIGIN_BUILTIN;

  g_assert_true (copy != original);
  g_assert_cmpint (rempart_template_get_origin (copy), ==, REMPART_TEMPLATE_ORIGIN_USER);
  g_assert_false (rempart_template_get_read_only (copy));
  g_assert_cmpstr (rempart_template_get_id (copy), ==, "mine-1");
  g_assert_cmpstr (rempart_template_get_title (copy), ==, title);
  g_assert_cmpstr (rempart_template_get_body (copy), ==, rempart_template_get_body (original));
  g_assert_cmpstr (rempart_template_get_when (copy), ==, rempart_template_get_when (original));
  g_assert_cmpstr (rempart_template_get_language (copy), ==, "en");
  g_assert_true (g_strv_equal ((const char *const *) rempart_template_get_topics (copy),
                               (const char *const *) rempart_template_get_topics (original)));
  g_assert_cmpint (rempart_template_get_approach (copy), ==,
                   rempart_template_get_approach (original));
  /* The original is untouched. */
  g_assert_cmpint (rempart_template_get_origin (original), ==, REMPART_TEMPLATE_ORIGIN_BUILTIN);

  g_assert_true (g_str_has_prefix (rempart_template_get_id (copy2), "user-"));
  g_assert_cmpstr (rempart_template_get_id (copy2), !=, rempart_template_get_id (copy3));
  g_assert_cmpstr (rempart_template_get_id (copy2), !=, rempart_template_get_id (original));

  /* Properties, for list models and expressions. */
  g_object_get (copy, "read-only", &read_only, "origin", &origin, NULL);
  g_assert_false (read_only);
  g_assert_cmpint (origin, ==, REMPART_TEMPLATE_ORIGIN_USER);
}

static void
assert_order (GPtrArray *result)
{
  RempartTemplateOrigin rank[] = { 2, 0, 1 }; /* BUILTIN last, FEED first, USER between */

  for (guint i = 1; i < result->len; i++)
    g_assert_cmpint (rank[rempart_template_get_origin (g_ptr_array_index (result, i - 1))], <=,
                     rank[rempart_template_get_origin (g_ptr_array_index (result, i))]);
}

static void
test_select (void)
{
  static const char *const racism[] = { "racism", NULL };
  static const char *const sexism[] = { "sexism", NULL };
  g_autoptr (RempartFeed) feed = load_example_feed ();
  g_autoptr (GPtrArray) from_feed = rempart_templates_from_feed (rempart_feed_get_templates (feed));
  g_autoptr (GPtrArray) fr = load_pack ("fr");
  g_autoptr (GPtrArray) en = load_pack ("en");
  g_autoptr (GPtrArray) builtin = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GPtrArray) user = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GPtrArray) result = NULL;
  g_autoptr (GPtrArray) english = NULL;
  g_autoptr (GPtrArray) no_action = NULL;
  RempartAction *action = g_list_model_get_item (rempart_feed_get_actions (feed), 0);
  guint n_fr_racism = 0;

  for (guint i = 0; i < en->len; i++)
    g_ptr_array_add (builtin, g_object_ref (g_ptr_array_index (en, i)));
  for (guint i = 0; i < fr->len; i++)
    g_ptr_array_add (builtin, g_object_ref (g_ptr_array_index (fr, i)));
  g_ptr_array_add (user, user_template ("u-racism-fr", "fr", racism));
  g_ptr_array_add (user, user_template ("u-sexism-fr", "fr", sexism));
  g_ptr_array_add (user, user_template ("u-any", NULL, NULL));
  g_ptr_array_add (user, user_template ("u-racism-en", "en-GB", racism));

  for (guint i = 0; i < fr->len; i++)
    if (rempart_template_matches_topic (g_ptr_array_index (fr, i), REMPART_TOPIC_RACISM))
      n_fr_racism++;

  /* The action is about racism, in French. */
  g_assert_cmpint (rempart_action_get_topic (action), ==, REMPART_TOPIC_RACISM);
  result = rempart_templates_for_action (from_feed, builtin, user, action, NULL);
  assert_order (result);
  g_assert_cmpuint (result->len, ==, 1 + 2 + n_fr_racism);
  g_assert_cmpstr (rempart_template_get_id (g_ptr_array_index (result, 0)), ==, "facts-first");
  g_assert_cmpstr (rempart_template_get_id (g_ptr_array_index (result, 1)), ==, "u-racism-fr");
  g_assert_cmpstr (rempart_template_get_id (g_ptr_array_index (result, 2)), ==, "u-any");
  for (guint i = 3; i < result->len; i++)
    {
      RempartTemplate *tmpl = g_ptr_array_index (result, i);

      g_assert_cmpint (rempart_template_get_origin (tmpl), ==, REMPART_TEMPLATE_ORIGIN_BUILTIN);
      g_assert_cmpstr (rempart_template_get_language (tmpl), ==, "fr");
      g_assert_true (rempart_template_matches_topic (tmpl, REMPART_TOPIC_RACISM));
    }
  /* The pack's template for every topic is offered. */
  g_assert_cmpstr (rempart_template_get_id (g_ptr_array_index (result, result->len - 1)), ==,
                   "soutien");

  /* Replying in English: the French feed template goes, "en" matches "en-GB". */
  english = rempart_templates_for_action (from_feed, builtin, user, action, "en");
  assert_order (english);
  g_assert_cmpstr (rempart_template_get_id (g_ptr_array_index (english, 0)), ==, "u-any");
  g_assert_cmpstr (rempart_template_get_id (g_ptr_array_index (english, 1)), ==, "u-racism-en");
  for (guint i = 2; i < english->len; i++)
    g_assert_cmpstr (rempart_template_get_language (g_ptr_array_index (english, i)), ==, "en");

  /* No action and no language: everything, in origin order. */
  no_action = rempart_templates_for_action (from_feed, builtin, user, NULL, NULL);
  g_assert_cmpuint (no_action->len, ==, from_feed->len + user->len + builtin->len);
  assert_order (no_action);

  /* Empty and missing lists are fine. */
  {
    g_autoptr (GPtrArray) empty = rempart_templates_for_action (NULL, NULL, NULL, action, "fr");

    g_assert_cmpuint (empty->len, ==, 0);
  }

  g_object_unref (action);
}

static void
test_select_topic_lgbt (void)
{
  g_autoptr (RempartFeed) feed = load_example_feed ();
  g_autoptr (GPtrArray) from_feed = rempart_templates_from_feed (rempart_feed_get_templates (feed));
  g_autoptr (GPtrArray) fr = load_pack ("fr");
  RempartAction *action = g_list_model_get_item (rempart_feed_get_actions (feed), 1);
  g_autoptr (GPtrArray) result = NULL;

  /* This action gives no language: the reply language decides. */
  g_assert_null (rempart_action_get_language (action));
  result = rempart_templates_for_action (from_feed, fr, NULL, action, "fr");
  g_assert_cmpstr (rempart_template_get_id (g_ptr_array_index (result, 0)), ==, "empathy");
  for (guint i = 1; i < result->len; i++)
    {
      RempartTemplate *tmpl = g_ptr_array_index (result, i);

      g_assert_cmpint (rempart_template_get_origin (tmpl), ==, REMPART_TEMPLATE_ORIGIN_BUILTIN);
      g_assert_true (rempart_template_matches_topic (tmpl, REMPART_TOPIC_LGBTPHOBIA));
      g_assert_false (rempart_template_matches_topic (tmpl, REMPART_TOPIC_OTHER) &&
                      rempart_template_get_topics (tmpl)[0] != NULL &&
                      !strv_has (rempart_template_get_topics (tmpl), "lgbtphobia"));
    }
  g_assert_cmpuint (result->len, >=, 3);

  g_object_unref (action);
}

/* -------------------------------------------------------------------------------------- */
/* Main                                                                                   */
/* -------------------------------------------------------------------------------------- */

int
main (int argc, char *argv[])
{
  g_autofree char *data_dir = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  /* The packs as they are in the source tree, not an installed copy. */
  if (g_getenv ("REMPART_SOURCE_ROOT") == NULL)
    {
      g_print ("1..0 # SKIP REMPART_SOURCE_ROOT is not set; run me with meson test\n");
      return 0;
    }
  source_root = g_strdup (g_getenv ("REMPART_SOURCE_ROOT"));
  data_dir = g_build_filename (source_root, "data", NULL);
  g_setenv ("REMPART_DATA_DIR", data_dir, TRUE);

  g_test_add_func ("/templates/packs/load", test_packs_load);
  g_test_add_func ("/templates/packs/topics", test_packs_cover_topics);
  g_test_add_func ("/templates/packs/approaches", test_packs_cover_approaches);
  g_test_add_func ("/templates/packs/facts-have-source", test_packs_facts_have_source);
  g_test_add_func ("/templates/packs/fill", test_packs_fill);
  g_test_add_func ("/templates/packs/tone", test_packs_tone);
  g_test_add_func ("/templates/packs/language-fallback", test_pack_language_fallback);
  g_test_add ("/templates/pack/errors", TempPacks, NULL, temp_packs_set_up, test_pack_errors,
              temp_packs_tear_down);
  g_test_add ("/templates/pack/hostile", TempPacks, NULL, temp_packs_set_up, test_pack_hostile,
              temp_packs_tear_down);
  g_test_add ("/templates/pack/warnings", TempPacks, NULL, temp_packs_set_up, test_pack_warnings,
              temp_packs_tear_down);
  g_test_add_func ("/templates/fill/all-values", test_fill_all_values);
  g_test_add_func ("/templates/fill/missing-value", test_fill_missing_value);
  g_test_add_func ("/templates/fill/unknown", test_fill_unknown);
  g_test_add_func ("/templates/fill/hostile", test_fill_hostile);
  g_test_add_func ("/templates/fill/utf8", test_fill_utf8);
  g_test_add_func ("/templates/fill/values-for-action", test_values_for_action);
  g_test_add_func ("/templates/topic-names", test_topic_names);
  g_test_add_func ("/templates/from-feed", test_from_feed);
  g_test_add_func ("/templates/duplicate", test_duplicate);
  g_test_add_func ("/templates/select/order", test_select);
  g_test_add_func ("/templates/select/topic", test_select_topic_lgbt);

  status = g_test_run ();
  g_clear_pointer (&source_root, g_free);

  return status;
}
