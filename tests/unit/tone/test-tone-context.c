/* test-tone-context.c
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
 * What the words around a label say about it: quotation marks of every family, "the word
 * X", reported insults, refutations, literal words, health words, handles, claim cues.
 */

/* -------------------------------------------------------------------------------------- */
/* Quotes                                                                                 */
/* -------------------------------------------------------------------------------------- */

static void
test_quotes (void)
{
  g_autoptr (RempartTonePack) en = load_pack ("en");
  g_autoptr (RempartTonePack) fr = load_pack ("fr");
  g_autoptr (RempartTonePack) de = load_pack ("de");
  g_autoptr (RempartTonePack) sv = load_pack ("sv");

  /* Every family of quotation marks, and square brackets. */
  assert_rules (en, "They wrote 'vermin' about children.", "");
  assert_rules (en, "They wrote ‘vermin’ about children.", "");
  assert_rules (en, "They wrote [vermin] about children.", "");
  assert_rules (en, "They wrote \"vermin\" about children.", "");
  assert_rules (fr, "Ils écrivent « parasites » et ‹ cafards ›.", "");
  assert_rules (de, "Sie schreiben »Ungeziefer« und ‚Schmarotzer‘ über Kinder.", "");
  assert_rules (de, "Sie schreiben „Ungeziefer“ über Kinder.", "");
  assert_rules (sv, "De skriver ”ohyra” om barn.", "");
  /* Apostrophes inside a quotation do not close it. */
  assert_rules (en, "He said 'don't listen to these idiots' to me.", "");

  /* A quotation counts once it is closed: a stray mark hides nothing after it. */
  assert_rules (en, "The migrants' children are not vermin, you idiot.", "you-are-label");
  assert_rules (en, "« you idiot", "you-are-label");
  assert_rules (de, "»Das ist ok. Ihr seid Ungeziefer", "you-are-label");
  assert_rules (en, "[note: these people are vermin", "dehumanising");
  /* A paragraph ends every quotation. */
  assert_rules (en, "'Hello\nyou idiot'", "you-are-label");
  /* Possessives and elisions are no quotation marks. */
  assert_rules (fr, "L'idiot du village, c'est l'idiot qu'on croit.", "insult insult");
  assert_rules (en, "Jesus' words were kind; the idiots' words were not.", "insult");
}

/* -------------------------------------------------------------------------------------- */
/* Naming, reporting, refuting                                                            */
/* -------------------------------------------------------------------------------------- */

static void
test_mentioned_and_reported (void)
{
  g_autoptr (RempartTonePack) en = load_pack ("en");
  g_autoptr (RempartTonePack) fr = load_pack ("fr");
  g_autoptr (RempartTonePack) de = load_pack ("de");
  g_autoptr (RempartTonePack) sv = load_pack ("sv");

  assert_rules (en, "The word vermin has a history.", "");
  assert_rules (en, "Words like parasites and cockroaches dehumanise.", "");
  assert_rules (fr, "Le mot cafards a une histoire.", "");
  assert_rules (de, "Das Wort Schmarotzer hat eine Geschichte.", "");
  assert_rules (sv, "Ordet ohyra har en historia.", "");

  assert_rules (en, "Calling immigrants cockroaches is how it starts.", "");
  assert_rules (en, "Stop calling people idiots.", "");
  assert_rules (en, "The idea that women are parasites is a lie.", "");
  assert_rules (fr, "Traiter les musulmans de cafards, c'est la haine.", "");
  assert_rules (fr, "On les compare à des rats depuis des années.", "");
  assert_rules (de, "Frauen als Schmarotzer zu bezeichnen ist falsch.", "");
  assert_rules (de, "Sie nennen Geflüchtete Ungeziefer.", "");
  assert_rules (sv, "Att kalla invandrare för kackerlackor är fel.", "");

  /* Only in the same clause, and only close by. */
  assert_rules (en, "Calling is free. Those people are vermin.", "dehumanising");
  assert_rules (en, "I called you, and those people are vermin.", "dehumanising");
  assert_rules (en,
                "Calling my mother every day, I think these trolls are absolute total filthy scum.",
                "dehumanising");
  assert_rules (de, "Diese Leute sind Ungeziefer, nennen wir es beim Namen.", "dehumanising");
  /* "calling you …" is still calling someone names. */
  assert_rules (en, "I'm calling you an idiot.", "you-are-label");
}

static void
test_negated (void)
{
  g_autoptr (RempartTonePack) en = load_pack ("en");
  g_autoptr (RempartTonePack) fr = load_pack ("fr");
  g_autoptr (RempartTonePack) de = load_pack ("de");
  g_autoptr (RempartTonePack) sv = load_pack ("sv");

  assert_rules (en, "No woman has ever been subhuman.", "");
  assert_rules (fr, "Aucun réfugié n'a jamais été un parasite.", "");
  assert_rules (fr, "Il n'y a rien d'idiot à avoir peur.", "");
  assert_rules (de, "Niemand hier ist ein Parasit.", "");
  assert_rules (sv, "Ingen människa har någonsin varit ohyra.", "");

  /* "not" refutes only the next few words; a refutation only its clause. */
  assert_rules (en, "It's not that I care much about it, but these people are vermin.",
                "dehumanising");
  assert_rules (en, "No, these people are vermin.", "dehumanising");
  assert_rules (sv, "Ingen tvekan. De är ohyra.", "dehumanising");
}

/* -------------------------------------------------------------------------------------- */
/* Literal words                                                                          */
/* -------------------------------------------------------------------------------------- */

static void
test_literal (void)
{
  g_autoptr (RempartTonePack) en = load_pack ("en");
  g_autoptr (RempartTonePack) fr = load_pack ("fr");
  g_autoptr (RempartTonePack) de = load_pack ("de");
  g_autoptr (RempartTonePack) sv = load_pack ("sv");

  /* Animals are animals, until a person is said to be one. */
  assert_rules (en, "I love animals; rats and pigs are clever.", "");
  assert_rules (en, "Our bitch had puppies.", "");
  assert_rules (en, "Lab rats, guinea pigs and the rat race.", "");
  assert_rules (fr, "J'adore les animaux ; un rat, des singes et des porcs.", "");
  assert_rules (de, "Ich liebe Tiere, und die Ratten im Keller sind weg. Schwein gehabt!", "");
  assert_rules (sv, "Jag älskar djur, apor och grisar.", "");
  assert_rules (en, "Those people are animals.", "dehumanising");
  assert_rules (en, "They are just a bunch of animals.", "dehumanising");
  assert_rules (en, "She is such a bitch.", "insult");
  assert_rules (fr, "Ce sont des animaux.", "dehumanising");
  assert_rules (fr, "Ce ne sont que des rats.", "dehumanising");
  assert_rules (de, "Das sind Tiere.", "dehumanising");
  assert_rules (sv, "De är djur.", "dehumanising");
  assert_rules (en, "You animals!", "you-are-label");

  /* Health and disability words label the person only with scorn. */
  assert_rules (en, "I'm so sorry you were sick.", "");
  assert_rules (en, "Aren't you sick of this propaganda?", "");
  assert_rules (de, "Du bist behindert, und du hast hier deinen Platz.", "");
  assert_rules (fr, "Tu es malade ? Prends soin de toi.", "");
  assert_rules (sv, "Är du sjuk? Krya på dig.", "");
  assert_rules (en, "You're so sick.", "you-are-label");
  assert_rules (de, "Du bist doch voll behindert.", "you-are-label");
  assert_rules (fr, "T'es complètement malade.", "you-are-label");
  assert_rules (sv, "Du är ju helt sjuk.", "you-are-label");
  assert_rules (sv, "Du är sjuk i huvudet.", "you-are-label");

  /* Split forms that are ordinary words elsewhere. */
  assert_rules (fr, "Oh ferme la !", "insult");
  assert_rules (fr, "La ferme, toi.", "insult");
  assert_rules (fr, "Ferme la porte. Il vit à la ferme.", "");
}

static void
test_handles (void)
{
  g_autoptr (RempartTonePack) en = load_pack ("en");
  g_autoptr (RempartTonePack) fr = load_pack ("fr");

  assert_rules (en, "@big_idiot_99 and #stop_parasites and @_vermin_ and #rats__out", "");
  assert_rules (fr, "Le compte @gros_con_92 relaie #sale_racaille.", "");
  /* An underscore outside a handle is an ordinary separator. */
  assert_rules (en, "what an_idiot", "insult");
  /* A handle's underscore does not carry over a space. */
  assert_rules (en, "@big_ idiot", "insult");
}

static void
test_claim_cues (void)
{
  g_autoptr (RempartTonePack) en = load_pack ("en");

  assert_rules (en, "According to the law, everyone is equal.", "");
  assert_rules (en, "According to the Bible, we welcome the stranger.", "");
  assert_rules (en, "According to the statistics, crime is falling.", "claim-without-source");
  assert_rules (en, "According to a study, crime is falling.", "claim-without-source");
  assert_rules (en, "Where are the official figures?", "");
}

/* -------------------------------------------------------------------------------------- */
/* Packs                                                                                  */
/* -------------------------------------------------------------------------------------- */

static void
test_pack_contexts (void)
{
  static const char *const invalid[] = {
    "{\"insults\": [{\"text\": \"zorg\", \"context\": \"sometimes\"}]}",
    "{\"generalisations\": [\"* *\"]}",
    "{\"generalisations\": [\"...\"]}",
  };
  const char *json =
      "{\"insults\": [{\"text\": \"zorg\", \"context\": \"alone\"}, {\"text\": \"blip\", "
      "\"context\": \"predicate\"}], \"literal\": [\"zorg off\"], \"copulas\": [\"is\"], "
      "\"fillers\": [\"a\"], "
      "\"generalisations\": [\"* are zorgs\"]}";
  g_autoptr (GBytes) bytes = g_bytes_new_static (json, strlen (json));
  g_autoptr (GError) error = NULL;
  g_autoptr (RempartTonePack) pack = rempart_tone_pack_new_from_bytes (bytes, "t.json", &error);

  g_assert_no_error (error);
  assert_rules (pack, "zorg!", "insult");
  assert_rules (pack, "zorg you", "");
  assert_rules (pack, "zorg off", "");
  assert_rules (pack, "a blip", "");
  assert_rules (pack, "he is a blip", "insult");
  assert_rules (pack, "trolls are zorgs", "generalising");

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_autoptr (GBytes) b = g_bytes_new_static (invalid[i], strlen (invalid[i]));
      g_autoptr (GError) e = NULL;
      g_autoptr (RempartTonePack) p = rempart_tone_pack_new_from_bytes (b, "t.json", &e);

      g_assert_null (p);
      g_assert_error (e, REMPART_TONE_ERROR, REMPART_TONE_ERROR_INVALID);
      g_assert_true (g_str_has_prefix (e->message, "t.json"));
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

  g_test_add_func ("/tone/context/quotes", test_quotes);
  g_test_add_func ("/tone/context/mentioned-and-reported", test_mentioned_and_reported);
  g_test_add_func ("/tone/context/negated", test_negated);
  g_test_add_func ("/tone/context/literal", test_literal);
  g_test_add_func ("/tone/context/handles", test_handles);
  g_test_add_func ("/tone/context/claim-cues", test_claim_cues);
  g_test_add_func ("/tone/context/pack", test_pack_contexts);

  return g_test_run ();
}
