/* bench-feed-parser.c
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "rempart-feed-parser.h"

/*
 * How fast is a feed parsed and validated, next to json-glib parsing the same bytes alone?
 * The difference is the price of validation. Both of Rempart's parses: the whole document's,
 * and the first sync's (rempart_feed_parse_known() with nothing known: each item parsed on
 * its own, a helper thread parsing some of them). Prints figures; asserts nothing.
 *
 *   bench-feed-parser [N_ACTIONS [N_RUNS]]
 */

static GBytes *
make_feed (guint n_actions)
{
  GString *s = g_string_new (
      "{\n  \"version\": \"https://jsonfeed.org/version/1.1\",\n"
      "  \"title\": \"#jesuislà bench\",\n"
      "  \"_rempart\": { \"schema\": 1, \"seq\": 1000, \"hashtag\": \"#jesuislà\" },\n"
      "  \"items\": [\n");

  for (guint i = 0; i < n_actions; i++)
    g_string_append_printf (
        s,
        "    {\"id\": \"action-%u\", \"url\": \"https://www.facebook.com/news/posts/%u\","
        " \"title\": \"Fil n°%u : l&#39;immigration en chiffres\","
        " \"content_html\": \"<p>Le fil est dominé par des <b>chiffres inventés</b>.</p>"
        "<p>À dire : les chiffres de l’INSEE, calmement. À éviter : répondre aux insultes.</p>\","
        " \"tags\": [\"immigration\", \"chiffres\"], \"date_published\": "
        "\"2026-05-02T08:30:00+02:00\","
        " \"_rempart\": {\"expires\": \"2026-05-03T08:30Z\", \"topic\": \"racism\","
        " \"platform\": \"facebook\", \"priority\": \"%s\","
        " \"excerpt\": \"Ils viennent tous pour les allocs, c’est prouvé.\","
        " \"sources\": [{\"title\": \"INSEE\", \"url\": "
        "\"https://www.insee.fr/fr/statistiques/%u\"}],"
        " \"arguments\": [\"Les étrangers sont une minorité des bénéficiaires.\"]}}%s\n",
        i, i, i, i % 5 == 0 ? "high" : "normal", i, i + 1 < n_actions ? "," : "");

  g_string_append (s, "  ]\n}\n");
  return g_string_free_to_bytes (s);
}

int
main (int argc, char *argv[])
{
  guint n_actions = argc > 1 ? (guint) atoi (argv[1]) : 10000;
  guint n_runs = argc > 2 ? (guint) atoi (argv[2]) : 20;
  g_autoptr (GBytes) bytes = make_feed (n_actions);
  gsize length = g_bytes_get_size (bytes);
  double mib = length / (1024.0 * 1024.0);
  gint64 feed_us = 0, json_us = 0, known_us = 0;

  for (guint run = 0; run < n_runs; run++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (RempartFeed) feed = NULL;
      g_autoptr (JsonParser) parser = json_parser_new ();
      gint64 start;

      start = g_get_monotonic_time ();
      if (!json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), length, &error))
        g_error ("%s", error->message);
      json_us += g_get_monotonic_time () - start;

      start = g_get_monotonic_time ();
      feed = rempart_feed_parse (bytes, "bench.json", &error);
      feed_us += g_get_monotonic_time () - start;
      if (feed == NULL)
        g_error ("%s", error->message);
      if (g_list_model_get_n_items (rempart_feed_get_actions (feed)) != n_actions)
        g_error ("expected %u actions", n_actions);
      g_clear_object (&feed);

      /* What a first sync does: nothing known, every item read on its own. */
      start = g_get_monotonic_time ();
      feed = rempart_feed_parse_known (bytes, "bench.json", NULL, &error);
      known_us += g_get_monotonic_time () - start;
      if (feed == NULL)
        g_error ("%s", error->message);
      if (g_list_model_get_n_items (rempart_feed_get_actions (feed)) != n_actions)
        g_error ("expected %u actions", n_actions);
    }

  printf ("feed: %u actions, %.2f MiB, %u runs\n", n_actions, mib, n_runs);
  printf ("json_parser_load_from_data  %8.2f ms  %8.1f MiB/s\n", json_us / 1000.0 / n_runs,
          mib / (json_us / 1e6 / n_runs));
  printf ("rempart_feed_parse          %8.2f ms  %8.1f MiB/s  (%.2fx json-glib)\n",
          feed_us / 1000.0 / n_runs, mib / (feed_us / 1e6 / n_runs), (double) feed_us / json_us);
  printf ("rempart_feed_parse_known    %8.2f ms  %8.1f MiB/s  (%.2fx json-glib, nothing known)\n",
          known_us / 1000.0 / n_runs, mib / (known_us / 1e6 / n_runs), (double) known_us / json_us);
  return 0;
}
