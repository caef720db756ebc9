/* test-templates-packs.c
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "rempart-feed-parser.h"
#include "rempart-template-fill.h"
#include "rempart-template-pack.h"
#include "rempart-template.h"
#include "rempart-tone.h"
#include "rempart-topic-names.h"

#include "templates-fixture.h"

/*
 * The built-in packs as shipped (data/templates, through $REMPART_DATA_DIR): they load,
 * cover every topic and approach, fill completely and pass the tone check.
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
  { "de", 20, TRUE },
  { "sv", 20, TRUE },
};

static const char *const all_topics[] = {
  "racism",       "sexism",     "lgbtphobia",     "antisemitism",
  "islamophobia", "disability", "disinformation", "other",
};

/* -------------------------------------------------------------------------------------- */
/* Helpers                                                                                */
/* -------------------------------------------------------------------------------------- */

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

/* Every topic × approach that the English pack has, every pack has; and empathy for the
 * people targeted, the approach with the strongest evidence, for sexism and antisemitism. */
static void
test_packs_combinations (void)
{
  g_autoptr (GPtrArray) en = load_pack ("en");

  for (guint p = 0; p < G_N_ELEMENTS (packs); p++)
    {
      g_autoptr (GPtrArray) templates = load_pack (packs[p].language);
      static const char *const empathy_topics[] = { "sexism", "antisemitism" };

      for (guint e = 0; e < en->len; e++)
        {
          RempartTemplate *model = g_ptr_array_index (en, e);
          const char *const *topics = rempart_template_get_topics (model);

          for (guint t = 0; topics != NULL && topics[t] != NULL; t++)
            {
              gboolean found = FALSE;

              for (guint i = 0; i < templates->len && !found; i++)
                {
                  RempartTemplate *tmpl = g_ptr_array_index (templates, i);

                  found = rempart_template_get_approach (tmpl) ==
                              rempart_template_get_approach (model) &&
                          strv_has (rempart_template_get_topics (tmpl), topics[t]);
                }
              if (!found)
                g_error (
                    "no %s template for the topic %s with the approach %s, as en/%s",
                    packs[p].language, topics[t],
                    rempart_template_approach_to_string (rempart_template_get_approach (model)),
                    rempart_template_get_id (model));
            }
        }

      for (guint t = 0; t < G_N_ELEMENTS (empathy_topics); t++)
        {
          gboolean found = FALSE;

          for (guint i = 0; i < templates->len && !found; i++)
            found = rempart_template_get_approach (g_ptr_array_index (templates, i)) ==
                        REMPART_TEMPLATE_APPROACH_EMPATHY &&
                    strv_has (rempart_template_get_topics (g_ptr_array_index (templates, i)),
                              empathy_topics[t]);
          if (!found)
            g_error ("no %s empathy template for %s", packs[p].language, empathy_topics[t]);
        }
    }
}

/* The tone check on every built-in template, filled with @values: no hint at all. */
static void
assert_packs_get_no_hint (const RempartTemplateValues *values)
{
  for (guint p = 0; p < G_N_ELEMENTS (packs); p++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (RempartTonePack) tone = rempart_tone_pack_load (packs[p].language, &error);
      g_autoptr (GPtrArray) templates = load_pack (packs[p].language);
      RempartToneContext ctx;

      g_assert_no_error (error);
      rempart_tone_context_init (&ctx);
      ctx.hashtag = values->hashtag;
      ctx.hashtag_position = REMPART_HASHTAG_POSITION_START;

      for (guint i = 0; i < templates->len; i++)
        {
          RempartTemplate *tmpl = g_ptr_array_index (templates, i);
          g_autofree char *text = rempart_template_fill (tmpl, values, NULL);
          g_autoptr (GPtrArray) hints = rempart_tone_check (tone, text, &ctx);

          for (guint h = 0; h < hints->len; h++)
            {
              RempartToneHint *hint = g_ptr_array_index (hints, h);

              g_test_message ("%s/%s: %s: %s", packs[p].language, rempart_template_get_id (tmpl),
                              hint->rule, hint->message);
            }
          if (hints->len > 0)
            g_error ("%s/%s: the tone check has %u hints on a built-in template: %s",
                     packs[p].language, rempart_template_get_id (tmpl), hints->len, text);
        }
    }
}

/* A facts template with its source slot still unfilled states no fact of its own: the
 * claim rule waits for the volunteer's figure (and the slot is listed by the composer). */
static void
test_packs_tone_without_source (void)
{
  RempartTemplateValues values = {
    .hashtag = "#iamhere",
    .argument = "Example argument from the brief.",
  };

  assert_packs_get_no_hint (&values);
}

/* The group rules, checked by the tone check itself: a built-in template filled with an
 * action's values (the hashtag first, a source) gets no hint in its own language. */
static void
test_packs_tone (void)
{
  RempartTemplateValues values = {
    .hashtag = "#iamhere",
    .source = "https://www.example.org/report-2025",
    .source_title = "Annual report 2025",
    .topic = rempart_topic_get_display_name (REMPART_TOPIC_RACISM),
    .argument = "Example argument from the brief.",
  };

  assert_packs_get_no_hint (&values);
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
/* Main                                                                                   */
/* -------------------------------------------------------------------------------------- */

int
main (int argc, char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  if (!templates_fixture_init ())
    return 0;

  g_test_add_func ("/templates/packs/load", test_packs_load);
  g_test_add_func ("/templates/packs/topics", test_packs_cover_topics);
  g_test_add_func ("/templates/packs/approaches", test_packs_cover_approaches);
  g_test_add_func ("/templates/packs/facts-have-source", test_packs_facts_have_source);
  g_test_add_func ("/templates/packs/fill", test_packs_fill);
  g_test_add_func ("/templates/packs/combinations", test_packs_combinations);
  g_test_add_func ("/templates/packs/tone", test_packs_tone);
  g_test_add_func ("/templates/packs/tone-without-source", test_packs_tone_without_source);
  g_test_add_func ("/templates/packs/language-fallback", test_pack_language_fallback);

  status = g_test_run ();
  templates_fixture_clear ();

  return status;
}
