/* bench-common.c
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bench-common.h"

GBytes *
bench_make_feed_bytes (guint n_actions, guint variant)
{
  g_autoptr (GString) s = g_string_new ("{\"version\": \"https://jsonfeed.org/version/1.1\","
                                        " \"title\": \"Bench\", \"_rempart\": {\"schema\": 1,"
                                        " \"seq\": 1}, \"items\": [");

  for (guint i = 0; i < n_actions; i++)
    g_string_append_printf (
        s,
        "%s{\"id\": \"action-%u\", \"url\": \"https://www.facebook.com/news/posts/%u\","
        " \"title\": \"Fil n°%u (%u)\", \"content_text\": \"Le fil est dominé par des chiffres"
        " inventés. À dire : les chiffres de l’INSEE, calmement.\", \"tags\": [\"immigration\","
        " \"chiffres\"], \"date_published\": \"2026-05-02T08:30:00+02:00\", \"_rempart\":"
        " {\"expires\": \"2099-05-03T08:30Z\", \"topic\": \"racism\", \"platform\": \"facebook\","
        " \"priority\": \"%s\", \"sources\": [{\"title\": \"INSEE\", \"url\":"
        " \"https://www.insee.fr/fr/statistiques/%u\"}], \"arguments\": [\"Les étrangers sont"
        " une minorité des bénéficiaires.\"]}}",
        i == 0 ? "" : ",", i, i, i, i % 10 == 0 ? variant : 0, i % 5 == 0 ? "high" : "normal", i);
  g_string_append (s, "]}");

  return g_string_free_to_bytes (g_steal_pointer (&s));
}

RempartFeed *
bench_make_feed (guint n_actions, guint variant)
{
  g_autoptr (GBytes) bytes = bench_make_feed_bytes (n_actions, variant);
  g_autoptr (GError) error = NULL;
  RempartFeed *feed;

  feed = rempart_feed_parse (bytes, "bench.json", &error);
  if (feed == NULL)
    g_error ("%s", error->message);
  return feed;
}

double
bench_ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

RempartStore *
bench_open_store (const char *path, RempartSubscription **out_sub)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RempartStore) store = rempart_store_open_sync (path, NULL, &error);

  if (store == NULL)
    g_error ("%s", error->message);
  *out_sub =
      rempart_store_add_subscription_sync (store, "https://example.org/feed.json", NULL, &error);
  if (*out_sub == NULL)
    g_error ("%s", error->message);

  return g_steal_pointer (&store);
}
