/* test-tone-rules.c
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
 * The tone check's rules one at a time: words, characters and claims.
 */

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
/* Main                                                                                   */
/* -------------------------------------------------------------------------------------- */

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  tone_fixture_init ();

  g_test_add_func ("/tone/insult/accents-and-case", test_insult_accents_and_case);
  g_test_add_func ("/tone/insult/spans", test_insult_spans);
  g_test_add_func ("/tone/words/boundaries", test_word_boundaries);
  g_test_add_func ("/tone/words/dehumanising", test_dehumanising);
  g_test_add_func ("/tone/characters/shouting", test_shouting);
  g_test_add_func ("/tone/characters/punctuation", test_punctuation);
  g_test_add_func ("/tone/characters/emoji", test_emoji);
  g_test_add_func ("/tone/claims", test_claims);

  return g_test_run ();
}
