/* test-tone-conventions.c
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "rempart-tone.h"
#include "tone-fixture.h"

/*
 * The group's conventions: the hashtag, the length, and copying a template as it is.
 */

/* -------------------------------------------------------------------------------------- */
/* Conventions                                                                            */
/* -------------------------------------------------------------------------------------- */

static void
test_hashtag (void)
{
  g_autoptr (RempartTonePack) fr = load_pack ("fr");
  struct
  {
    const char *text;
    const char *hashtag;
    RempartHashtagPosition position;
    const char *expected;
  } cases[] = {
    { "#jesuislà Bonjour.", "#jesuislà", REMPART_HASHTAG_POSITION_START, "" },
    { "  \n#JeSuisLà Bonjour.", "#jesuislà", REMPART_HASHTAG_POSITION_START, "" },
    { "#jesuisla\xCC\x80 Bonjour.", "#jesuislà", REMPART_HASHTAG_POSITION_START, "" },
    { "#jesuislà Bonjour.", "jesuislà", REMPART_HASHTAG_POSITION_START, "" },
    { "Bonjour. #jesuislà", "#jesuislà", REMPART_HASHTAG_POSITION_START, "hashtag-position" },
    { "Bonjour. #jesuislà", "#jesuislà", REMPART_HASHTAG_POSITION_END, "" },
    { "Bonjour. #jesuislà !", "#jesuislà", REMPART_HASHTAG_POSITION_END, "" },
    { "#jesuislà Bonjour.", "#jesuislà", REMPART_HASHTAG_POSITION_END, "hashtag-position" },
    { "Bon #jesuislà jour.", "#jesuislà", REMPART_HASHTAG_POSITION_ANY, "" },
    { "Bonjour.", "#jesuislà", REMPART_HASHTAG_POSITION_ANY, "hashtag-missing" },
    { "#jesuislàbas Bonjour.", "#jesuislà", REMPART_HASHTAG_POSITION_START, "hashtag-missing" },
    { "#jesuisla Bonjour.", "#jesuislà", REMPART_HASHTAG_POSITION_START, "hashtag-missing" },
    { "https://x.org/#jesuislà Bonjour.", "#jesuislà", REMPART_HASHTAG_POSITION_ANY,
      "hashtag-missing" },
    { "Bonjour.", NULL, REMPART_HASHTAG_POSITION_START, "" },
    { "Bonjour.", "", REMPART_HASHTAG_POSITION_START, "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GPtrArray) hints =
          check_hashtag (fr, cases[i].text, cases[i].hashtag, cases[i].position);
      g_autofree char *rules = rules_of (hints);

      if (g_strcmp0 (rules, cases[i].expected) != 0)
        g_test_message ("case %u: %s", i, cases[i].text);
      g_assert_cmpstr (rules, ==, cases[i].expected);
    }

  {
    g_autoptr (GPtrArray) a =
        check_hashtag (fr, "Bonjour é.", "#jesuislà", REMPART_HASHTAG_POSITION_END);
    g_autoptr (GPtrArray) b =
        check_hashtag (fr, "Bonjour é #jesuislà.", "#jesuislà", REMPART_HASHTAG_POSITION_START);
    const RempartToneHint *hint;

    assert_hint (a, 0, REMPART_TONE_RULE_HASHTAG_MISSING, REMPART_TONE_SEVERITY_WARNING, 11, 11, 10,
                 10);
    hint = g_ptr_array_index (a, 0);
    g_assert_cmpstr (hint->message, ==, "The group hashtag #jesuislà is missing");
    assert_hint (b, 0, REMPART_TONE_RULE_HASHTAG_POSITION, REMPART_TONE_SEVERITY_ADVICE, 11, 21, 10,
                 19);
  }
}

static void
test_length (void)
{
  g_autoptr (RempartTonePack) en = load_pack ("en");
  g_autoptr (GString) long_text = g_string_new (NULL);
  RempartToneContext ctx;

  rempart_tone_context_init (&ctx);
  g_assert_cmpuint (ctx.min_length, ==, 80);
  g_assert_cmpuint (ctx.max_length, ==, 1500);
  g_assert_null (ctx.hashtag);
  g_assert_null (ctx.template_text);

  {
    g_autoptr (GPtrArray) hints = rempart_tone_check (en, "  Thank you.  ", &ctx);

    assert_hint (hints, 0, REMPART_TONE_RULE_TOO_SHORT, REMPART_TONE_SEVERITY_ADVICE, 2, 12, 2, 12);
    g_assert_cmpuint (hints->len, ==, 1);
  }

  for (guint i = 0; i < 160; i++)
    g_string_append (long_text, "Thank you. ");
  {
    g_autoptr (GPtrArray) hints = rempart_tone_check (en, long_text->str, &ctx);

    assert_hints_sane (long_text->str, hints);
    assert_hint (hints, 0, REMPART_TONE_RULE_TOO_LONG, REMPART_TONE_SEVERITY_ADVICE, 1500, 1759,
                 1500, 1759);
    g_assert_cmpuint (hints->len, ==, 1);
  }

  /* With NULL context: defaults, no hashtag. */
  {
    g_autoptr (GPtrArray) hints = rempart_tone_check (en, "Short.", NULL);
    g_autofree char *rules = rules_of (hints);

    g_assert_cmpstr (rules, ==, "too-short");
  }
}

static void
test_template_copy (void)
{
  g_autoptr (RempartTonePack) fr = load_pack ("fr");
  const char *tmpl = "#jesuislà Ce commentaire généralise à partir d'un fait divers. Les personnes "
                     "visées sont nos voisins, nos collègues, nos amis. Parlons des faits.";
  g_autofree char *own =
      g_strdup ("#jesuislà Je lis beaucoup de colère dans ce fil, et je la comprends. Mais mes "
                "voisins de palier sont arrivés de Syrie en 2016 : leur fils joue au foot avec "
                "le mien. Parlons des faits.");
  RempartToneContext ctx;

  rempart_tone_context_init (&ctx);
  ctx.hashtag = "#jesuislà";
  ctx.template_text = tmpl;

  {
    g_autoptr (GPtrArray) hints = rempart_tone_check (fr, tmpl, &ctx);
    g_autofree char *rules = rules_of (hints);
    const RempartToneHint *hint = g_ptr_array_index (hints, 0);

    g_assert_cmpstr (rules, ==, "template-copy");
    g_assert_cmpuint (hint->start_byte, ==, 0);
    g_assert_cmpuint (hint->end_byte, ==, strlen (tmpl));
    g_assert_cmpstr (hint->message, ==,
                     "Only 0% of this reply is in your own words: personal replies are read, "
                     "copies are ignored");
  }
  {
    /* The template with "Merci." added is still the template. */
    g_autofree char *merci = g_strconcat (tmpl, " Merci.", NULL);
    g_autoptr (GPtrArray) hints = rempart_tone_check (fr, merci, &ctx);
    g_autofree char *rules = rules_of (hints);

    g_assert_cmpstr (rules, ==, "template-copy");
  }
  {
    g_autoptr (GPtrArray) hints = rempart_tone_check (fr, own, &ctx);
    g_autofree char *rules = rules_of (hints);

    g_assert_cmpstr (rules, ==, "");
  }
  {
    ctx.template_text = "\xFF\xFE";
    g_autoptr (GPtrArray) hints = rempart_tone_check (fr, tmpl, &ctx);

    g_assert_cmpuint (hints->len, ==, 0);
  }
}

/* -------------------------------------------------------------------------------------- */
/* Main                                                                                   */
/* -------------------------------------------------------------------------------------- */

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  tone_fixture_init ();

  g_test_add_func ("/tone/conventions/hashtag", test_hashtag);
  g_test_add_func ("/tone/conventions/length", test_length);
  g_test_add_func ("/tone/conventions/template-copy", test_template_copy);

  return g_test_run ();
}
