/* test-tone-disguise.c
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
 * Disguised spellings (digits and symbols for letters, masked, spaced, swapped or doubled
 * letters) are found like the plain word, and ordinary words are not taken for disguises;
 * generalisations about a whole group get advice.
 */

/* -------------------------------------------------------------------------------------- */
/* Disguised spellings                                                                    */
/* -------------------------------------------------------------------------------------- */

typedef struct
{
  const char *language;
  const char *plain;
  const char *disguised;
} Disguise;

/* Each disguised text gets exactly the hints of its plain twin. */
static void
test_disguised_like_plain (void)
{
  static const Disguise cases[] = {
    { "en", "What an idiot.", "What an 1d10t." },
    { "en", "What an idiot.", "What an id**t." },
    { "en", "What an idiot.", "What an i d i o t." },
    { "en", "What an idiot.", "What an i.d.i.o.t." },
    { "en", "What an idiot.", "What an i-d-i-o-t." },
    { "en", "What an idiot.", "What an idoit." },
    { "en", "What an idiot.", "What an idiiot." },
    { "en", "You are a moron.", "You are a m0r0n." },
    { "en", "You are a moron.", "You are a mor*n." },
    { "en", "You are a moron.", "You are a m o r o n." },
    { "en", "Those people are vermin.", "Those people are v3rm1n." },
    { "en", "Those people are parasites.", "Those people are p4r4s1t3s." },
    { "en", "Those people are parasites.", "Those people are parasties." },
    { "en", "Those people are parasites.", "Those people are parrasites." },
    { "en", "Those are rats.", "Those are r4ts." },
    { "en", "What an asshole.", "What an a$$hole." },
    { "fr", "Quel connard.", "Quel c0nnard." },
    { "fr", "Quel connard.", "Quel c*nnard." },
    { "fr", "Quel connard.", "Quel c o n n a r d." },
    { "fr", "Quel connard.", "Quel connnard." },
    { "fr", "Quel connard.", "Quel conanrd." },
    { "fr", "Espèce de salope.", "Espèce de s@lope." },
    { "fr", "Espèce de salope.", "Espèce de $alope." },
    { "fr", "Ce sont des cafards.", "Ce sont des c4f4rds." },
    { "de", "Du Vollidiot.", "Du V0ll1d10t." },
    { "de", "Du Vollidiot.", "Du Vollidoit." },
    { "de", "Du Vollidiot.", "Du V o l l i d i o t." },
    { "de", "Die sind Ungeziefer.", "Die sind Ung3z13f3r." },
    { "sv", "Du är en idiot.", "Du är en 1d10t." },
    { "sv", "Du är en idiot.", "Du är en id**t." },
    { "sv", "De är ohyra.", "De är 0hyr4." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (RempartTonePack) pack = load_pack (cases[i].language);
      g_autoptr (GPtrArray) plain = check_bare (pack, cases[i].plain);
      g_autoptr (GPtrArray) disguised = check_bare (pack, cases[i].disguised);
      g_autofree char *plain_rules = rules_of (plain);
      g_autofree char *disguised_rules = rules_of (disguised);

      g_test_message ("%s: %s", cases[i].language, cases[i].disguised);
      g_assert_cmpstr (plain_rules, !=, "");
      g_assert_cmpstr (disguised_rules, ==, plain_rules);
    }
}

static void
test_disguised_spans (void)
{
  g_autoptr (RempartTonePack) en = load_pack ("en");
  g_autoptr (GPtrArray) spaced = check_bare (en, "What an i d i o t!");
  g_autoptr (GPtrArray) masked = check_bare (en, "What an id**t!");
  g_autoptr (GPtrArray) leet = check_bare (en, "An 1d10t.");
  const RempartToneHint *hint;

  /* The whole run of letters, as typed. */
  assert_hint (spaced, 0, REMPART_TONE_RULE_INSULT, REMPART_TONE_SEVERITY_WARNING, 8, 17, 8, 17);
  hint = g_ptr_array_index (spaced, 0);
  g_assert_nonnull (strstr (hint->message, "i d i o t"));
  assert_hint (masked, 0, REMPART_TONE_RULE_INSULT, REMPART_TONE_SEVERITY_WARNING, 8, 13, 8, 13);
  assert_hint (leet, 0, REMPART_TONE_RULE_INSULT, REMPART_TONE_SEVERITY_WARNING, 3, 8, 3, 8);
}

/* Respellings must not find labels in ordinary words: each of these is a word of its own
 * that a swapped pair, a dropped double letter, a digit or a mask could turn into a label. */
static void
test_no_new_false_positives (void)
{
  g_autoptr (RempartTonePack) en = load_pack ("en");
  g_autoptr (RempartTonePack) fr = load_pack ("fr");
  g_autoptr (RempartTonePack) de = load_pack ("de");
  g_autoptr (RempartTonePack) sv = load_pack ("sv");

  assert_rules (en, "The arts are a star; a tsar; these are stars and rats' arts.", "");
  assert_rules (en, "A looser rule, a jerky start, 2 idiotic claims: the G7 and the H1N1.", "");
  assert_rules (en, "Those are 1990s problems; it is 4am; they are 3rd.", "");
  assert_rules (en, "This is *really* important, and so is *this*.", "");
  assert_rules (en, "I, a, I: a i u e o, a b c.", "");
  assert_rules (en, "It costs $5 or US$40, email me at name@example.org.", "claim-without-source");
  assert_rules (fr, "C'est un signe ; ce sont des signes ; les âtres ; le tarse.", "");
  assert_rules (fr,
                "Les régions parasitées, des salopettes, une vie bouffonnée, la salle, "
                "les connaissances et les connotations.",
                "");
  assert_rules (fr, "Il y a 3 idées et 2 conneries.", "");
  assert_rules (de, "Eine Idee, der Schnee, die Affäre; ihr ratet; ich schaffe das.", "");
  assert_rules (de, "Das ist ein Tier-Arzt und ein Pack-Esel.", "");
  assert_rules (sv, "Den är skarp, svinnet minskar och galan var fin.", "");
}

/* -------------------------------------------------------------------------------------- */
/* Generalising                                                                           */
/* -------------------------------------------------------------------------------------- */

static void
test_generalising (void)
{
  g_autoptr (RempartTonePack) en = load_pack ("en");
  g_autoptr (RempartTonePack) fr = load_pack ("fr");
  g_autoptr (RempartTonePack) de = load_pack ("de");
  g_autoptr (RempartTonePack) sv = load_pack ("sv");
  g_autoptr (GPtrArray) hints = check_bare (en, "Sadly, racists are all the same.");
  const RempartToneHint *hint;

  assert_hint (hints, 0, REMPART_TONE_RULE_GENERALISING, REMPART_TONE_SEVERITY_ADVICE, 15, 31, 15,
               31);
  g_assert_cmpuint (hints->len, ==, 1);
  hint = g_ptr_array_index (hints, 0);
  g_assert_nonnull (strstr (hint->message, "are all the same"));

  assert_rules (en, "They are all the same.", "generalising");
  assert_rules (en, "All racists are cowards.", "generalising");
  assert_rules (en, "Muslims are all just scapegoats to them.", "generalising");
  assert_rules (fr, "Ils sont tous pareils.", "generalising");
  assert_rules (fr, "Ces gens-là ne changeront pas.", "generalising");
  assert_rules (fr, "Tous les hommes sont violents.", "generalising");
  assert_rules (de, "Die sind alle gleich.", "generalising");
  assert_rules (de, "Alle Muslime sind gefährlich.", "generalising");
  assert_rules (sv, "De är alla likadana.", "generalising");
  assert_rules (sv, "Alla muslimer är farliga.", "generalising");

  /* Refuted, quoted, reported, or about everyone: no generalisation about a group. */
  assert_rules (en, "Not all men are violent.", "");
  assert_rules (en, "They write \"they are all the same\", which is false.", "");
  assert_rules (en, "Saying that they are all the same is unfair.", "");
  assert_rules (en, "All people are equal. We are all human. All of us are here.", "");
  assert_rules (en, "The figures are all online.", "");
  assert_rules (fr, "Tous les êtres humains naissent libres et égaux.", "");
  assert_rules (fr, "Pas tous les hommes sont violents.", "");
  assert_rules (de, "Alle Menschen sind gleich an Würde. Vor dem Gesetz sind alle gleich.", "");
  assert_rules (de, "Nicht alle Männer sind so.", "");
  assert_rules (sv, "Alla människor är lika mycket värda.", "");
  assert_rules (sv, "Inte alla män är våldsamma.", "");
}

/* -------------------------------------------------------------------------------------- */
/* Main                                                                                   */
/* -------------------------------------------------------------------------------------- */

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  tone_fixture_init ();

  g_test_add_func ("/tone/disguise/like-plain", test_disguised_like_plain);
  g_test_add_func ("/tone/disguise/spans", test_disguised_spans);
  g_test_add_func ("/tone/disguise/no-new-false-positives", test_no_new_false_positives);
  g_test_add_func ("/tone/generalising", test_generalising);

  return g_test_run ();
}
