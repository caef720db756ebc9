/* test-templates-fill.c
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
 * Filling placeholders with ordinary and hostile bodies, the values an action gives, and
 * the topics' names.
 */

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
/* Main                                                                                   */
/* -------------------------------------------------------------------------------------- */

int
main (int argc, char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  if (!templates_fixture_init ())
    return 0;

  g_test_add_func ("/templates/fill/all-values", test_fill_all_values);
  g_test_add_func ("/templates/fill/missing-value", test_fill_missing_value);
  g_test_add_func ("/templates/fill/unknown", test_fill_unknown);
  g_test_add_func ("/templates/fill/hostile", test_fill_hostile);
  g_test_add_func ("/templates/fill/utf8", test_fill_utf8);
  g_test_add_func ("/templates/fill/values-for-action", test_values_for_action);
  g_test_add_func ("/templates/topic-names", test_topic_names);

  status = g_test_run ();
  templates_fixture_clear ();

  return status;
}
