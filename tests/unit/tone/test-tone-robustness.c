/* test-tone-robustness.c
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
 * Whatever the text: invalid, empty, other scripts, large, random.
 */

/* -------------------------------------------------------------------------------------- */
/* Robustness                                                                             */
/* -------------------------------------------------------------------------------------- */

static void
test_invalid_and_empty (void)
{
  g_autoptr (RempartTonePack) fr = load_pack ("fr");
  static const char *const texts[] = {
    "crétin \xFF idiot", "\xC3", "\xED\xA0\x80 surrogate", "ok \xF4\x90\x80\x80", "", "   \n\t ",
  };
  RempartToneContext ctx;

  rempart_tone_context_init (&ctx);
  ctx.hashtag = "#jesuislà";

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr (GPtrArray) hints = rempart_tone_check (fr, texts[i], &ctx);

      g_assert_nonnull (hints);
      g_assert_cmpuint (hints->len, ==, 0);
    }

  {
    g_autoptr (GPtrArray) hints = rempart_tone_check (fr, NULL, &ctx);

    g_assert_cmpuint (hints->len, ==, 0);
  }
  {
    /* An invalid hashtag in the context is ignored, not trusted. */
    ctx.hashtag = "#\xFF";
    g_autoptr (GPtrArray) hints =
        check_hashtag (fr, "Bonjour.", ctx.hashtag, REMPART_HASHTAG_POSITION_START);

    g_assert_cmpuint (hints->len, ==, 0);
  }
}

static void
test_scripts (void)
{
  g_autoptr (RempartTonePack) en = load_pack ("en");
  /* Arabic, Hebrew with niqqud, an RLO override, Thai, CJK: nothing to say, nothing to crash. */
  assert_rules (en, "هذا التعليق يعمم. שָׁלוֹם \u202Eevil\u202C ภาษาไทย 中文评论 한국어", "");
  {
    const char *text = "هذا التعليق idiot حقا";
    g_autoptr (GPtrArray) hints = check_bare (en, text);

    /* Arabic letters are two bytes: "هذا التعليق " is 12 characters, 22 bytes. */
    assert_hint (hints, 0, REMPART_TONE_RULE_INSULT, REMPART_TONE_SEVERITY_WARNING, 22, 27, 12, 17);
  }
  /* Letters fused to a lexicon word are another word. */
  assert_rules (en, "idiotهذا ideaidiot", "");
  /* Lone combining marks, ZWJ and variation selectors without a base. */
  assert_rules (en, "\xCC\x81\xCC\x81 \u200D\uFE0F idiot\xCC\x81", "insult");
}

static void
test_large (void)
{
  g_autoptr (RempartTonePack) fr = load_pack ("fr");
  g_autoptr (GString) text = g_string_new ("#jesuislà ");
  g_autoptr (GString) bangs = g_string_new ("#jesuislà ");
  RempartToneContext ctx;
  guint n_insults = 0;

  rempart_tone_context_init (&ctx);
  ctx.hashtag = "#jesuislà";

  while (text->len < 100 * 1024)
    g_string_append (text, "Ce commentaire généralise, crétin. 🙂 Les voisins ‏ne sont pas "
                           "des parasites. ");
  while (bangs->len < 100 * 1024)
    g_string_append_c (bangs, '!');

  {
    g_autoptr (GPtrArray) hints = rempart_tone_check (fr, text->str, &ctx);

    assert_hints_sane (text->str, hints);
    for (guint i = 0; i < hints->len; i++)
      {
        const RempartToneHint *hint = g_ptr_array_index (hints, i);

        if (g_str_equal (hint->rule, REMPART_TONE_RULE_INSULT))
          n_insults++;
        g_assert_cmpstr (hint->rule, !=, REMPART_TONE_RULE_DEHUMANISING);
      }
    g_assert_cmpuint (n_insults, >, 1000);
  }
  {
    g_autoptr (GPtrArray) hints = rempart_tone_check (fr, bangs->str, &ctx);
    g_autofree char *rules = rules_of (hints);

    assert_hints_sane (bangs->str, hints);
    g_assert_cmpstr (rules, ==, "repeated-punctuation too-long");
  }
}

/* Random texts made of the pieces the rules care about: every span must stay on character
 * boundaries inside the text, whatever the mix. */
static void
test_random (void)
{
  static const char *const pieces[] = {
    "t’es ",
    "tu es ",
    "un ",
    "crétin",
    "idiot",
    "CON ",
    "\xCC\x81",
    "\u200D",
    "\uFE0F",
    "🤦",
    "🏽",
    "🖕",
    "😂",
    "!",
    "?",
    "‼",
    "#jesuislà",
    "#",
    "@",
    "https://x.org/a?b ",
    "www.",
    "12",
    " ",
    "\u202F",
    "%",
    "€",
    ",",
    "000",
    "millions ",
    "«",
    "»",
    "“",
    "”",
    "\"",
    "'",
    "-",
    "pas ",
    "des ",
    "parasites",
    "ÉCRIT ",
    "ß",
    "ẞ",
    "ǅ",
    "ﬁ",
    "\n",
    "هذا",
    "שָׁ",
    "\u202E",
    "les chiffres montrent ",
    "sous-hommes",
    "\xC3\xA9",
    "a",
  };
  g_autoptr (RempartTonePack) fr = load_pack ("fr");
  RempartToneContext ctx;

  rempart_tone_context_init (&ctx);
  ctx.hashtag = "#jesuislà";
  ctx.template_text = "tu es un crétin #jesuislà 12 % des parasites";
  ctx.min_length = 10;
  ctx.max_length = 40;

  for (guint run = 0; run < 3000; run++)
    {
      g_autoptr (GString) text = g_string_new (NULL);
      guint n = g_test_rand_int_range (0, 40);

      for (guint i = 0; i < n; i++)
        g_string_append (text, pieces[g_test_rand_int_range (0, G_N_ELEMENTS (pieces))]);

      ctx.hashtag_position = (RempartHashtagPosition) g_test_rand_int_range (0, 3);
      {
        g_autoptr (GPtrArray) hints = rempart_tone_check (fr, text->str, &ctx);

        assert_hints_sane (text->str, hints);
      }
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

  g_test_add_func ("/tone/robustness/invalid-and-empty", test_invalid_and_empty);
  g_test_add_func ("/tone/robustness/scripts", test_scripts);
  g_test_add_func ("/tone/robustness/large", test_large);
  g_test_add_func ("/tone/robustness/random", test_random);

  return g_test_run ();
}
