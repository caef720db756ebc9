/* test-tone-packs.c
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "rempart-tone.h"
#include "tone-fixture.h"

/*
 * The rule packs: loading, refusing, the boxed hint, and each language's example table.
 */

/* -------------------------------------------------------------------------------------- */
/* Packs                                                                                  */
/* -------------------------------------------------------------------------------------- */

static void
test_pack_load (void)
{
  static const struct
  {
    const char *asked;
    const char *loaded;
  } cases[] = {
    { "fr", "fr" },        { "fr_FR.UTF-8", "fr" }, { "de-AT", "de" }, { "sv_SE", "sv" },
    { "en", "en" },        { "es", "en" },          { "pt_BR", "en" }, { NULL, "en" },
    { "../../etc", "en" }, { "f", "en" },           { "fran", "en" },  { "FR", "fr" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (RempartTonePack) pack = load_pack (cases[i].asked);
      g_autoptr (RempartTonePack) ref = rempart_tone_pack_ref (pack);

      g_assert_cmpstr (rempart_tone_pack_get_language (pack), ==, cases[i].loaded);
    }
}

static void
test_pack_invalid (void)
{
  static const char *const packs[] = {
    "not json",
    "[1, 2]",
    "{\"insults\": \"idiot\"}",
    "{\"insults\": [42]}",
    "{\"insults\": [\"...\"]}",
    "{\"insults\": [{\"text\": \"idiot\", \"suggestion\": \"be-nice\"}]}",
    "{\"insults\": [{\"text\": 3}]}",
    "{\"fillers\": [\"two words\"]}",
    "{\"mocking_emoji\": [\"\\uFE0F\"]}",
    "{\"mocking_emoji\": {}}",
    "{\"claim_cues\": [\"https://example.org\"]}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (packs); i++)
    {
      g_autoptr (GBytes) bytes = g_bytes_new_static (packs[i], strlen (packs[i]));
      g_autoptr (GError) error = NULL;
      g_autoptr (RempartTonePack) pack =
          rempart_tone_pack_new_from_bytes (bytes, "test.json", &error);

      g_assert_null (pack);
      g_assert_error (error, REMPART_TONE_ERROR, REMPART_TONE_ERROR_INVALID);
      g_assert_true (g_str_has_prefix (error->message, "test.json"));
    }

  {
    const char *json = "{\"language\": \"xx\", \"insults\": [{\"text\": \"zorg\", \"suggestion\": "
                       "\"ask-question\"}]}";
    g_autoptr (GBytes) bytes = g_bytes_new_static (json, strlen (json));
    g_autoptr (GError) error = NULL;
    g_autoptr (RempartTonePack) pack = rempart_tone_pack_new_from_bytes (bytes, "xx.json", &error);
    g_autoptr (GPtrArray) hints = NULL;
    const RempartToneHint *hint;

    g_assert_no_error (error);
    g_assert_cmpstr (rempart_tone_pack_get_language (pack), ==, "xx");
    hints = check_bare (pack, "Zorg!");
    hint = g_ptr_array_index (hints, 0);
    g_assert_nonnull (strstr (hint->suggestion, "honest question"));
  }
}

static void
test_pack_not_found (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RempartTonePack) pack = NULL;

  if (g_test_subprocess ())
    {
      g_setenv ("REMPART_DATA_DIR", "/nonexistent", TRUE);
      pack = rempart_tone_pack_load ("fr", &error);
      /* PKGDATADIR may hold an installed pack; only a missing one must fail cleanly. */
      if (pack == NULL)
        {
          g_assert_error (error, REMPART_TONE_ERROR, REMPART_TONE_ERROR_NOT_FOUND);
          g_assert_nonnull (strstr (error->message, "/nonexistent/tone/fr.json"));
        }
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

static void
test_hint_boxed (void)
{
  g_autoptr (RempartTonePack) en = load_pack ("en");
  g_autoptr (GPtrArray) hints = check_bare (en, "you idiot!!");
  g_autoptr (RempartToneHint) copy = NULL;
  const RempartToneHint *hint;

  g_assert_cmpuint (hints->len, ==, 2);
  hint = g_ptr_array_index (hints, 0);
  copy = g_boxed_copy (REMPART_TYPE_TONE_HINT, hint);
  g_assert_cmpstr (copy->rule, ==, hint->rule);
  g_assert_cmpstr (copy->message, ==, hint->message);
  g_assert_true (copy->message != hint->message);
  {
    g_autofree char *name =
        g_enum_to_string (REMPART_TONE_TYPE_SEVERITY, REMPART_TONE_SEVERITY_WARNING);

    g_assert_cmpstr (name, ==, "REMPART_TONE_SEVERITY_WARNING");
  }
  g_assert_true (G_TYPE_IS_BOXED (REMPART_TYPE_TONE_PACK));
}

/* -------------------------------------------------------------------------------------- */
/* Example tables                                                                         */
/* -------------------------------------------------------------------------------------- */

static char *
examples_path (const char *language)
{
  g_autofree char *name = g_strconcat (language, ".json", NULL);

  return g_build_filename (g_getenv ("REMPART_SOURCE_ROOT"), "tests", "unit", "tone-examples", name,
                           NULL);
}

static GHashTable *
rule_set_of_array (JsonArray *array)
{
  GHashTable *set = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < json_array_get_length (array); i++)
    g_hash_table_add (set, (gpointer) json_array_get_string_element (array, i));
  return set;
}

static int
compare_strings (const void *a, const void *b)
{
  return g_strcmp0 (*(const char *const *) a, *(const char *const *) b);
}

static char *
set_to_string (GHashTable *set)
{
  g_autofree const char **keys = (const char **) g_hash_table_get_keys_as_array (set, NULL);
  guint n = g_hash_table_size (set);

  qsort (keys, n, sizeof *keys, compare_strings);
  return g_strjoinv (" ", (char **) keys);
}

static void
test_examples (gconstpointer data)
{
  const char *language = data;
  g_autofree char *path = examples_path (language);
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (RempartTonePack) pack = load_pack (language);
  JsonArray *examples;
  guint n_hostile = 0, n_kind = 0, misses = 0, false_positives = 0, failed = 0;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  examples = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                           "examples");
  g_assert_cmpstr (rempart_tone_pack_get_language (pack), ==, language);

  for (guint i = 0; i < json_array_get_length (examples); i++)
    {
      JsonObject *example = json_array_get_object_element (examples, i);
      const char *text = json_object_get_string_member (example, "text");
      const char *position =
          json_object_get_string_member_with_default (example, "position", "start");
      g_autoptr (GHashTable) expected =
          rule_set_of_array (json_object_get_array_member (example, "expect"));
      g_autoptr (GHashTable) got = g_hash_table_new (g_str_hash, g_str_equal);
      g_autoptr (GPtrArray) hints = NULL;
      g_autofree char *expected_s = NULL;
      g_autofree char *got_s = NULL;
      RempartToneContext ctx;
      GHashTableIter iter;
      gpointer key;

      rempart_tone_context_init (&ctx);
      ctx.hashtag = json_object_get_string_member_with_default (example, "hashtag", NULL);
      ctx.template_text = json_object_get_string_member_with_default (example, "template", NULL);
      g_assert_true (rempart_hashtag_position_from_string (position, &ctx.hashtag_position));

      hints = rempart_tone_check (pack, text, &ctx);
      assert_hints_sane (text, hints);
      for (guint h = 0; h < hints->len; h++)
        g_hash_table_add (got, (gpointer) ((RempartToneHint *) g_ptr_array_index (hints, h))->rule);

      if (g_hash_table_size (expected) == 0)
        n_kind++;
      else
        n_hostile++;

      g_hash_table_iter_init (&iter, expected);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        if (!g_hash_table_contains (got, key))
          misses++;
      g_hash_table_iter_init (&iter, got);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        if (!g_hash_table_contains (expected, key))
          false_positives++;

      expected_s = set_to_string (expected);
      got_s = set_to_string (got);
      if (strcmp (expected_s, got_s) != 0)
        {
          failed++;
          g_test_message ("%s example %u: expected [%s], got [%s]: %s", language, i, expected_s,
                          got_s, text);
        }
    }

  g_test_message ("%s: %u examples (%u hostile, %u kind): %u missed hints, %u false positives, "
                  "%u examples wrong",
                  language, n_hostile + n_kind, n_hostile, n_kind, misses, false_positives, failed);
  if (g_test_verbose ())
    g_printerr ("# %s: %u examples (%u hostile, %u kind): %u misses, %u false positives\n",
                language, n_hostile + n_kind, n_hostile, n_kind, misses, false_positives);

  g_assert_cmpuint (n_hostile + n_kind, >=,
                    strcmp (language, "fr") == 0 || strcmp (language, "en") == 0 ? 60 : 20);
  g_assert_cmpuint (failed, ==, 0);
}

/* -------------------------------------------------------------------------------------- */
/* Main                                                                                   */
/* -------------------------------------------------------------------------------------- */

int
main (int argc, char *argv[])
{
  static const char *const languages[] = { "fr", "en", "de", "sv" };

  g_test_init (&argc, &argv, NULL);
  tone_fixture_init ();

  g_test_add_func ("/tone/pack/load", test_pack_load);
  g_test_add_func ("/tone/pack/invalid", test_pack_invalid);
  g_test_add_func ("/tone/pack/not-found", test_pack_not_found);
  g_test_add_func ("/tone/hint/boxed", test_hint_boxed);

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      g_autofree char *name = g_strconcat ("/tone/examples/", languages[i], NULL);

      g_test_add_data_func (name, languages[i], test_examples);
    }

  return g_test_run ();
}
