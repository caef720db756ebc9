/* bench-make-store.c: a volunteer's store with many actions, for the start-up benchmark
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>

#include "bench-common.h"

/*
 * Writes a store at PATH with N_FEEDS groups of N actions each (bench_make_feed()), as
 * imported by a sync. Used by run.py before it starts bench-startup.
 *
 *   bench-make-store PATH N [N_FEEDS]
 */
int
main (int argc, char *argv[])
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RempartStore) store = NULL;
  guint n, n_feeds;

  if (argc < 3)
    {
      g_printerr ("usage: bench-make-store PATH N [N_FEEDS]\n");
      return 2;
    }
  n = (guint) atoi (argv[2]);
  n_feeds = argc > 3 ? (guint) atoi (argv[3]) : 1;

  store = rempart_store_open_sync (argv[1], NULL, &error);
  if (store == NULL)
    g_error ("%s", error->message);

  for (guint f = 0; f < n_feeds; f++)
    {
      g_autofree char *url = g_strdup_printf ("https://example.org/group-%u/feed.json", f);
      g_autoptr (RempartSubscription) sub =
          rempart_store_add_subscription_sync (store, url, NULL, &error);
      g_autoptr (RempartFeed) feed = NULL;

      if (sub == NULL)
        g_error ("%s", error->message);
      feed = bench_make_feed (n, f + 1);
      if (!rempart_store_import_feed_sync (store, sub, feed, NULL, &error))
        g_error ("%s", error->message);
    }
  rempart_store_close (store);
  return 0;
}
