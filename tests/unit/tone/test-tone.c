/* test-tone.c
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "rempart-tone.h"

/* -------------------------------------------------------------------------------------- */
/* Helpers                                                                                */
/* -------------------------------------------------------------------------------------- */

static RempartTonePack *
load_pack (const char *language)
{
  g_autoptr (GError) error = NULL;
  RempartTonePack *pack = rempart_tone_pack_load (language, &error);

  g_assert_no_error (error);
  g_assert_nonnull (pack);
  return pack;
}

/* Every hint of every check must hold these, whatever the text. */
static void
assert_hints_sane (const char *text, GPtrArray *hints)
{
  gsize length = strlen (text);

  for (guint i = 0; i < hints->len; i++)
    {
      const RempartToneHint *hint = g_ptr_array_index (hints, i);

      g_assert_nonnull (hint->rule);
      g_assert_nonnull (hint->message);
      g_assert_nonnull (hint->suggestion);
      g_assert_cmpuint (hint->start_byte, <=, hint->end_byte);
      g_assert_cmpuint (hint->end_byte, <=, length);
      g_assert_true (g_utf8_validate_len (text, hint->start_byte, NULL));
      g_assert_true (g_utf8_validate_len (text, hint->end_byte, NULL));
      g_assert_cmpint (hint->start_char, ==,
                       g_utf8_pointer_to_offset (text, text + hint->start_byte));
      g_assert_cmpint (hint->end_char, ==, g_utf8_pointer_to_offset (text, text + hint->end_byte));
      g_assert_true (g_utf8_validate (hint->message, -1, NULL));
      g_assert_true (g_utf8_validate (hint->suggestion, -1, NULL));
    }
}

/* Checks @text with no hashtag and no length limits, so that one rule shows alone. */
static GPtrArray *
check_bare (RempartTonePack *pack, const char *text)
{
  RempartToneContext ctx;
  GPtrArray *hints;

  rempart_tone_context_init (&ctx);
  ctx.min_length = 0;
  ctx.max_length = 0;
  hints = rempart_tone_check (pack, text, &ctx);
  assert_hints_sane (text, hints);
  return hints;
}

static char *
rules_of (GPtrArray *hints)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < hints->len; i++)
    {
      const RempartToneHint *hint = g_ptr_array_index (hints, i);

      g_string_append_printf (s, "%s%s", i > 0 ? " " : "", hint->rule);
    }
  return g_string_free (s, FALSE);
}

static void
assert_rules (RempartTonePack *pack, const char *text, const char *expected)
{
  g_autoptr (GPtrArray) hints = check_bare (pack, text);
  g_autofree char *rules = rules_of (hints);

  if (g_strcmp0 (rules, expected) != 0)
    g_test_message ("text: %s", text);
  g_assert_cmpstr (rules, ==, expected);
}

static void
assert_hint (GPtrArray *hints,
             guint index,
             const char *rule,
             RempartToneSeverity severity,
             gsize start_byte,
             gsize end_byte,
             glong start_char,
             glong end_char)
{
  const RempartToneHint *hint;

  g_assert_cmpuint (index, <, hints->len);
  hint = g_ptr_array_index (hints, index);
  g_assert_cmpstr (hint->rule, ==, rule);
  g_assert_cmpint (hint->severity, ==, severity);
  g_assert_cmpuint (hint->start_byte, ==, start_byte);
  g_assert_cmpuint (hint->end_byte, ==, end_byte);
  g_assert_cmpint (hint->start_char, ==, start_char);
  g_assert_cmpint (hint->end_char, ==, end_char);
}

/* -------------------------------------------------------------------------------------- */
/* Words                                                                                  */
/* -------------------------------------------------------------------------------------- */

static void
test_insult_accents_and_case (void)
{
  g_autoptr (RempartTonePack) pack = load_pack ("fr");
  static const char *const texts[] = { "CRÉTIN", "cretin", "Crétin!", "crÉtIn", "Cre\xCC\x81tin" };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr (GPtrArray) hints = check_bare (pack, texts[i]);
      const RempartToneHint *hint;

      g_assert_cmpuint (hints->len, ==, 1);
      hint = g_ptr_array_index (hints, 0);
      g_assert_cmpstr (hint->rule, ==, REMPART_TONE_RULE_INSULT);
      g_assert_cmpint (hint->severity, ==, REMPART_TONE_SEVERITY_WARNING);
      g_assert_cmpuint (hint->start_byte, ==, 0);
      g_assert_cmpint (hint->start_char, ==, 0);
      /* The span is the word as typed, its combining accent included. */
      g_assert_cmpuint (hint->end_byte, ==, strcspn (texts[i], "!"));
      g_assert_cmpint (hint->end_char, ==, i == 1 ? 6 : i == 4 ? 7 : 6);
      {
        g_autofree char *typed = g_strndup (texts[i], hint->end_byte);

        g_assert_nonnull (strstr (hint->message, typed));
      }
    }
}

static void
test_insult_spans (void)
{
  g_autoptr (RempartTonePack) fr = load_pack ("fr");
  g_autoptr (GPtrArray) a = check_bare (fr, "🙂 Éric, tu es un crétin");
  g_autoptr (GPtrArray) b = check_bare (fr, "C'est l'idiot du village qui parle.");
  g_autoptr (GPtrArray) c = check_bare (fr, "t’es vraiment trop con");
  const RempartToneHint *hint;

  /* "tu" starts after 🙂 (4 bytes), a space, "Éric" (5), ", ": byte 12, character 8. */
  assert_hint (a, 0, REMPART_TONE_RULE_YOU_ARE_LABEL, REMPART_TONE_SEVERITY_WARNING, 12, 28, 8, 23);
  g_assert_cmpuint (a->len, ==, 1);
  hint = g_ptr_array_index (a, 0);
  g_assert_cmpstr (hint->message, ==,
                   "“tu es un crétin” labels the person, not the comment: people defend "
                   "themselves and stop listening");

  assert_hint (b, 0, REMPART_TONE_RULE_INSULT, REMPART_TONE_SEVERITY_WARNING, 8, 13, 8, 13);
  g_assert_cmpuint (b->len, ==, 1);

  /* "’" is three bytes: byte and character offsets part ways. */
  assert_hint (c, 0, REMPART_TONE_RULE_YOU_ARE_LABEL, REMPART_TONE_SEVERITY_WARNING, 0, 24, 0, 22);
  g_assert_cmpuint (c->len, ==, 1);
}

/* "idiotie" (idiocy) labels an idea, and lexicon words inside longer words never match:
 * no stemming, whole tokens only (docs/tone-check.md). */
static void
test_word_boundaries (void)
{
  g_autoptr (RempartTonePack) fr = load_pack ("fr");
  g_autoptr (RempartTonePack) en = load_pack ("en");
  g_autoptr (RempartTonePack) de = load_pack ("de");
  g_autoptr (RempartTonePack) sv = load_pack ("sv");

  assert_rules (fr, "Cette idée relève de l'idiotie, pas de la politique.", "");
  assert_rules (fr, "Je vous raconte : un concombre, une conversation, des considérations.", "");
  assert_rules (fr, "La parasitologie et les ratures ne sont pas des insultes.", "");
  assert_rules (fr, "C'est con, cette histoire. Un argument idiot, une idée débile.", "");
  assert_rules (en, "Scunthorpe, Penistone and Clitheroe; grapes, drapes, pratsy.", "");
  assert_rules (en, "An idiot-proof guide to the idiotic claims in this comment.", "");
  assert_rules (en, "This comment is stupid and the claim is dumb.", "");
  assert_rules (de, "Die Idiotie dieser Behauptung; ein Tierheim; Parasitologie.", "");
  assert_rules (sv, "Idiotiskt påstående, djurens rätt och dumheter i kommentaren.", "");

  assert_rules (en, "You're a total idiot.", "you-are-label");
  assert_rules (en, "you are stupid", "you-are-label");
  assert_rules (en, "Are you a racist?", "you-are-label");
  assert_rules (en, "You idiot", "you-are-label");
  assert_rules (en, "What an idiot", "insult");
  assert_rules (de, "Du bist ein Vollidiot", "you-are-label");
  assert_rules (de, "Ihr seid Ungeziefer", "you-are-label");
  assert_rules (sv, "Du är dum i huvudet", "you-are-label");
  assert_rules (sv, "Ni är ohyra", "you-are-label");
  assert_rules (fr, "Vous êtes tous des moutons", "you-are-label");
  assert_rules (fr, "Bande de débiles", "you-are-label");
  assert_rules (fr, "Quel con, celui-là", "insult");
  assert_rules (fr, "un vrai con", "insult");
}

static void
test_dehumanising (void)
{
  g_autoptr (RempartTonePack) fr = load_pack ("fr");
  g_autoptr (RempartTonePack) en = load_pack ("en");
  g_autoptr (GPtrArray) hints = check_bare (en, "Those people are vermin.");
  const RempartToneHint *hint;

  assert_hint (hints, 0, REMPART_TONE_RULE_DEHUMANISING, REMPART_TONE_SEVERITY_WARNING, 17, 23, 17,
               23);
  hint = g_ptr_array_index (hints, 0);
  g_assert_nonnull (strstr (hint->suggestion, "people as people"));

  assert_rules (fr, "Ce sont des parasites.", "dehumanising");
  assert_rules (fr, "SOUS-HOMMES", "dehumanising");
  /* Refuting or quoting the label is counter-speech, not dehumanising. */
  assert_rules (fr, "Ce ne sont pas des parasites, ce sont nos voisins.", "");
  assert_rules (fr, "Écrire « des parasites », c'est parler de familles.", "");
  assert_rules (en, "Refugees are not animals.", "");
  assert_rules (en, "Calling people “vermin” is how it starts.", "");
}

/* -------------------------------------------------------------------------------------- */
/* Characters                                                                             */
/* -------------------------------------------------------------------------------------- */

static void
test_shouting (void)
{
  g_autoptr (RempartTonePack) fr = load_pack ("fr");
  g_autoptr (GPtrArray) hints = check_bare (fr, "ARRÊTEZ DE MENTIR SUR LES CHIFFRES");

  assert_hint (hints, 0, REMPART_TONE_RULE_SHOUTING, REMPART_TONE_SEVERITY_ADVICE, 0, 35, 0, 34);
  g_assert_cmpuint (hints->len, ==, 1);

  assert_rules (fr, "VOUS ÊTES TOUS DES MENTEURS", "shouting you-are-label");
  /* Acronyms and a shouted hashtag are not shouting. */
  assert_rules (fr, "#JESUISLÀ Les pages de l'INSEE et de l'OCDE sont claires.", "");
  assert_rules (fr, "STOP", "");
  assert_rules (fr, "Le HCR, l'ONU", "");
  assert_rules (fr, "Bonjour, ceci est écrit calmement, SANS cris.", "");
}

static void
test_punctuation (void)
{
  g_autoptr (RempartTonePack) fr = load_pack ("fr");
  g_autoptr (GPtrArray) a = check_bare (fr, "Vraiment ?!");
  g_autoptr (GPtrArray) b = check_bare (fr, "Quoi ??? Et alors !!!!");
  g_autoptr (GPtrArray) c = check_bare (fr, "Non‼ Une question ? Une seule !");

  assert_hint (a, 0, REMPART_TONE_RULE_REPEATED_PUNCTUATION, REMPART_TONE_SEVERITY_ADVICE, 9, 11, 9,
               11);
  g_assert_cmpuint (a->len, ==, 1);
  assert_hint (b, 0, REMPART_TONE_RULE_REPEATED_PUNCTUATION, REMPART_TONE_SEVERITY_WARNING, 5, 8, 5,
               8);
  assert_hint (b, 1, REMPART_TONE_RULE_REPEATED_PUNCTUATION, REMPART_TONE_SEVERITY_WARNING, 18, 22,
               18, 22);
  g_assert_cmpuint (b->len, ==, 2);
  assert_hint (c, 0, REMPART_TONE_RULE_REPEATED_PUNCTUATION, REMPART_TONE_SEVERITY_ADVICE, 3, 6, 3,
               4);
  g_assert_cmpuint (c->len, ==, 1);

  /* Question marks in a link are the link's. */
  assert_rules (fr, "https://example.org/?a=1&b=??", "");
  assert_rules (fr, "Trois points... et c'est tout.", "");
}

static void
test_emoji (void)
{
  g_autoptr (RempartTonePack) en = load_pack ("en");
  /* 🤦🏽‍♀️: the facepalm, a skin tone, ZWJ, ♀ and VS16 — 17 bytes, 5 characters. */
  g_autoptr (GPtrArray) a = check_bare (en, "Sure 🤦🏽‍♀️");
  g_autoptr (GPtrArray) b = check_bare (en, "🖕 and 😂😂");

  assert_hint (a, 0, REMPART_TONE_RULE_MOCKING_EMOJI, REMPART_TONE_SEVERITY_ADVICE, 5, 22, 5, 10);
  g_assert_cmpuint (a->len, ==, 1);
  assert_hint (b, 0, REMPART_TONE_RULE_MOCKING_EMOJI, REMPART_TONE_SEVERITY_WARNING, 0, 4, 0, 1);
  assert_hint (b, 1, REMPART_TONE_RULE_MOCKING_EMOJI, REMPART_TONE_SEVERITY_ADVICE, 9, 13, 6, 7);
  assert_hint (b, 2, REMPART_TONE_RULE_MOCKING_EMOJI, REMPART_TONE_SEVERITY_ADVICE, 13, 17, 7, 8);
  g_assert_cmpuint (b->len, ==, 3);

  assert_rules (en, "Thank you ❤️ 🙏 👩‍👩‍👧 🏳️‍🌈", "");
}

/* -------------------------------------------------------------------------------------- */
/* Claims                                                                                 */
/* -------------------------------------------------------------------------------------- */

static void
test_claims (void)
{
  g_autoptr (RempartTonePack) fr = load_pack ("fr");
  g_autoptr (RempartTonePack) en = load_pack ("en");
  g_autoptr (RempartTonePack) de = load_pack ("de");
  g_autoptr (RempartTonePack) sv = load_pack ("sv");
  g_autoptr (GPtrArray) a = check_bare (fr, "Les chiffres montrent le contraire.");
  g_autoptr (GPtrArray) b = check_bare (fr, "Ce sont 12\u202F% des demandes.");
  g_autoptr (GPtrArray) c = check_bare (fr, "Il y en a 3,5 millions.");

  assert_hint (a, 0, REMPART_TONE_RULE_CLAIM_WITHOUT_SOURCE, REMPART_TONE_SEVERITY_WARNING, 0, 21,
               0, 21);
  assert_hint (b, 0, REMPART_TONE_RULE_CLAIM_WITHOUT_SOURCE, REMPART_TONE_SEVERITY_WARNING, 8, 14,
               8, 12);
  assert_hint (c, 0, REMPART_TONE_RULE_CLAIM_WITHOUT_SOURCE, REMPART_TONE_SEVERITY_WARNING, 10, 22,
               10, 22);

  assert_rules (fr, "Les chiffres montrent le contraire : https://www.insee.fr/fr/statistiques",
                "");
  assert_rules (fr, "Je suis 100 % d'accord avec vous.", "");
  assert_rules (fr, "En 2015, j'avais 12 ans.", "");
  assert_rules (fr, "Cela coûte 10 000 euros par an.", "claim-without-source");
  assert_rules (fr, "« Les chiffres montrent », dites-vous : lesquels ?", "");
  assert_rules (en, "Studies show that's false.", "claim-without-source");
  assert_rules (en, "It costs $40 a year.", "claim-without-source");
  assert_rules (en, "Only 2% of claims, see www.example.org", "claim-without-source");
  assert_rules (de, "Studien zeigen das Gegenteil.", "claim-without-source");
  assert_rules (de, "Es sind 3 Prozent.", "claim-without-source");
  assert_rules (sv, "Studier visar motsatsen.", "claim-without-source");
  assert_rules (sv, "Det är 4 procent.", "claim-without-source");
}

/* -------------------------------------------------------------------------------------- */
/* Conventions                                                                            */
/* -------------------------------------------------------------------------------------- */

static GPtrArray *
check_hashtag (RempartTonePack *pack,
               const char *text,
               const char *hashtag,
               RempartHashtagPosition position)
{
  RempartToneContext ctx;
  GPtrArray *hints;

  rempart_tone_context_init (&ctx);
  ctx.min_length = 0;
  ctx.hashtag = hashtag;
  ctx.hashtag_position = position;
  hints = rempart_tone_check (pack, text, &ctx);
  assert_hints_sane (text, hints);
  return hints;
}

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

int
main (int argc, char *argv[])
{
  const char *root = g_getenv ("REMPART_SOURCE_ROOT");
  static const char *const languages[] = { "fr", "en", "de", "sv" };

  g_test_init (&argc, &argv, NULL);

  /* The packs from the source tree, not an installed copy. */
  if (root != NULL && g_getenv ("REMPART_DATA_DIR") == NULL)
    {
      g_autofree char *data = g_build_filename (root, "data", NULL);

      g_setenv ("REMPART_DATA_DIR", data, TRUE);
    }

  g_test_add_func ("/tone/insult/accents-and-case", test_insult_accents_and_case);
  g_test_add_func ("/tone/insult/spans", test_insult_spans);
  g_test_add_func ("/tone/words/boundaries", test_word_boundaries);
  g_test_add_func ("/tone/words/dehumanising", test_dehumanising);
  g_test_add_func ("/tone/characters/shouting", test_shouting);
  g_test_add_func ("/tone/characters/punctuation", test_punctuation);
  g_test_add_func ("/tone/characters/emoji", test_emoji);
  g_test_add_func ("/tone/claims", test_claims);
  g_test_add_func ("/tone/conventions/hashtag", test_hashtag);
  g_test_add_func ("/tone/conventions/length", test_length);
  g_test_add_func ("/tone/conventions/template-copy", test_template_copy);
  g_test_add_func ("/tone/robustness/invalid-and-empty", test_invalid_and_empty);
  g_test_add_func ("/tone/robustness/scripts", test_scripts);
  g_test_add_func ("/tone/robustness/large", test_large);
  g_test_add_func ("/tone/robustness/random", test_random);
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
