/* bench-tone.c
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "rempart-tone.h"

/*
 * How long does the tone check take on a 2,000-character draft? The editor runs it as the
 * volunteer types, so it must stay far below a frame (the target is 0.2 ms). Prints figures;
 * asserts nothing. Besides the mean, it prints the best of batches of BATCH runs: on a
 * machine busy with other work the mean mostly measures the other work.
 *
 *   bench-tone [N_RUNS]
 */

#define BATCH 50

static const char *const paragraphs[] = {
  "Je lis beaucoup de colère dans ce fil, et je la comprends. ",
  "Mais les familles dont on parle ici vivent à côté de nous ; leurs enfants vont à l’école "
  "avec les nôtres. ",
  "Les chiffres montrent que 12 % des demandes aboutissent, voir https://www.insee.fr/fr/stats. ",
  "Ce commentaire généralise à partir d’un fait divers : t’es vraiment sûr de toi ?! ",
  "Ce ne sont pas des parasites, ce sont nos voisins 🙂 et nos collègues. ",
  "Quel crétin écrirait ça ? Personne ici, j’espère. ",
};

int
main (int argc, char *argv[])
{
  guint n_runs = argc > 1 ? (guint) atoi (argv[1]) : 2000;
  g_autoptr (GError) error = NULL;
  g_autoptr (RempartTonePack) pack = NULL;
  g_autoptr (GString) text = g_string_new ("#jesuislà ");
  RempartToneContext ctx;
  gsize n_hints = 0;
  gint64 start, elapsed, batch_start, best = G_MAXINT64;
  guint in_batch = 0;

  if (g_getenv ("REMPART_DATA_DIR") == NULL && g_getenv ("REMPART_SOURCE_ROOT") != NULL)
    {
      g_autofree char *data = g_build_filename (g_getenv ("REMPART_SOURCE_ROOT"), "data", NULL);

      g_setenv ("REMPART_DATA_DIR", data, TRUE);
    }

  start = g_get_monotonic_time ();
  pack = rempart_tone_pack_load ("fr", &error);
  if (pack == NULL)
    {
      fprintf (stderr, "bench-tone: %s\n", error->message);
      return 1;
    }
  printf ("pack load: %.1f ms\n", (g_get_monotonic_time () - start) / 1000.0);

  for (guint i = 0; g_utf8_strlen (text->str, -1) < 2000; i++)
    g_string_append (text, paragraphs[i % G_N_ELEMENTS (paragraphs)]);
  g_string_truncate (text, g_utf8_offset_to_pointer (text->str, 2000) - text->str);

  rempart_tone_context_init (&ctx);
  ctx.hashtag = "#jesuislà";
  ctx.template_text = paragraphs[1];
  ctx.max_length = 2500;

  start = batch_start = g_get_monotonic_time ();
  for (guint i = 0; i < n_runs; i++)
    {
      g_autoptr (GPtrArray) hints = rempart_tone_check (pack, text->str, &ctx);

      n_hints += hints->len;
      if (++in_batch == BATCH)
        {
          gint64 now = g_get_monotonic_time ();

          best = MIN (best, now - batch_start);
          batch_start = now;
          in_batch = 0;
        }
    }
  elapsed = g_get_monotonic_time () - start;

  printf ("tone check: %ld characters (%zu bytes), %u runs, %zu hints per run: %.1f µs per "
          "check, best batch of %u: %.1f µs per check\n",
          g_utf8_strlen (text->str, -1), text->len, n_runs, n_runs > 0 ? n_hints / n_runs : 0,
          n_runs > 0 ? (double) elapsed / n_runs : 0.0, BATCH,
          best < G_MAXINT64 ? (double) best / BATCH : 0.0);
  return 0;
}
