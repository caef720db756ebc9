/* test-templates-validation.c
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
#include "rempart-test-dirs.h"
#include "rempart-tone.h"
#include "rempart-topic-names.h"

#include "templates-fixture.h"

/*
 * The strict pack validator on broken, hostile and doubtful files, in a private data
 * directory.
 */

/* -------------------------------------------------------------------------------------- */
/* Helpers                                                                                */
/* -------------------------------------------------------------------------------------- */

/* A private data directory for broken packs: $dir/templates/<lang>.json. */
typedef struct
{
  char *dir;
  char *saved_data_dir;
} TempPacks;

static void
temp_packs_set_up (TempPacks *fixture, gconstpointer data)
{
  g_autofree char *templates = NULL;

  fixture->dir = rempart_test_dir_new ("templates");
  templates = g_build_filename (fixture->dir, "templates", NULL);
  g_assert_cmpint (g_mkdir (templates, 0700), ==, 0);

  fixture->saved_data_dir = g_strdup (g_getenv ("REMPART_DATA_DIR"));
  g_setenv ("REMPART_DATA_DIR", fixture->dir, TRUE);
}

static void
temp_packs_tear_down (TempPacks *fixture, gconstpointer data)
{
  rempart_test_dir_remove (fixture->dir);

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
/* Main                                                                                   */
/* -------------------------------------------------------------------------------------- */

int
main (int argc, char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  if (!templates_fixture_init ())
    return 0;

  g_test_add ("/templates/pack/errors", TempPacks, NULL, temp_packs_set_up, test_pack_errors,
              temp_packs_tear_down);
  g_test_add ("/templates/pack/hostile", TempPacks, NULL, temp_packs_set_up, test_pack_hostile,
              temp_packs_tear_down);
  g_test_add ("/templates/pack/warnings", TempPacks, NULL, temp_packs_set_up, test_pack_warnings,
              temp_packs_tear_down);

  status = g_test_run ();
  templates_fixture_clear ();

  return status;
}
