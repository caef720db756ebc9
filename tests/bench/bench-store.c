/* bench-store.c
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "bench-common.h"
#include "rempart-test-dirs.h"

/*
 * What the store costs with a large feed: imports into an empty and a full store, a
 * re-import with nothing changed, the TODO list, and the bare round trip of a job from the
 * main loop to the worker and back. Prints milliseconds; asserts nothing.
 *
 *   bench-store [N_ACTIONS]
 */

static void
done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GPtrArray) templates =
      rempart_store_list_user_templates_finish (REMPART_STORE (source), result, NULL);

  (*(guint *) user_data)++;
}

static void
import (RempartStore *store, RempartSubscription *sub, RempartFeed *feed, const char *what)
{
  g_autoptr (GError) error = NULL;
  RempartImportStats stats;
  gint64 start = g_get_monotonic_time ();

  if (!rempart_store_import_feed_sync (store, sub, feed, &stats, &error))
    g_error ("%s", error->message);
  printf ("%-36s %9.2f ms  (added %u, updated %u, unchanged %u)\n", what, bench_ms_since (start),
          stats.added, stats.updated, stats.unchanged);
}

int
main (int argc, char *argv[])
{
  guint n = argc > 1 ? (guint) atoi (argv[1]) : 10000;
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = rempart_test_dir_new ("bench");
  g_autofree char *path = g_build_filename (dir, "rempart.db", NULL);
  g_autoptr (RempartFeed) feed = bench_make_feed (n, 1);
  g_autoptr (RempartFeed) changed = bench_make_feed (n, 2);
  g_autoptr (RempartStore) store = NULL;
  g_autoptr (RempartSubscription) sub = NULL;
  g_autoptr (GPtrArray) todo = NULL;
  const guint n_trips = 1000;
  guint trips = 0;
  gint64 start;

  store = bench_open_store (path, &sub);

  printf ("store: %u actions, %s\n", n, path);
  import (store, sub, feed, "import into an empty store");
  import (store, sub, changed, "import into a full store, 10% changed");
  import (store, sub, changed, "re-import unchanged");

  start = g_get_monotonic_time ();
  todo = rempart_store_list_actions_sync (store, REMPART_ACTION_VIEW_TODO, &error);
  if (todo == NULL)
    g_error ("%s", error->message);
  printf ("%-36s %9.2f ms  (%u actions)\n", "list TODO", bench_ms_since (start), todo->len);

  /* One async call at a time, each waiting for its callback: the latency the UI sees. */
  start = g_get_monotonic_time ();
  for (guint i = 0; i < n_trips; i++)
    {
      guint target = trips + 1;

      rempart_store_list_user_templates_async (store, NULL, done_cb, &trips);
      while (trips < target)
        g_main_context_iteration (NULL, TRUE);
    }
  printf ("%-36s %9.3f ms  (mean of %u)\n", "round trip main→worker→main",
          bench_ms_since (start) / n_trips, n_trips);

  g_clear_object (&store);
  rempart_test_dir_remove (dir);
  return 0;
}
