/* bench-action-model.c
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "bench-common.h"
#include "rempart-action-model.h"
#include "rempart-test-dirs.h"

/*
 * What RempartActionModel costs with a large store: the wall time of a reload, from the call
 * to the items-changed signal, as the UI sees it (store query on the worker + diff on the
 * main thread), for a first load, an unchanged reload, and a reload after 10% of the actions
 * changed. Also the main-thread part alone. Prints milliseconds; asserts nothing.
 *
 *   bench-action-model [N_ACTIONS] [RUNS]
 */

/* Returns the wall time of one reload in ms, and through @out_apply_ms the time the main
 * thread spent dispatching the answer (diff, item updates, signals): what could make the UI
 * stutter. The loop polls instead of blocking so that only dispatching is timed. */
static double
reload (RempartActionModel *model, double *out_apply_ms)
{
  gint64 start = g_get_monotonic_time ();
  double apply = 0;

  rempart_action_model_reload (model);
  while (rempart_action_model_get_loading (model))
    {
      gint64 before;

      if (!g_main_context_pending (NULL))
        {
          g_usleep (50);
          continue;
        }
      before = g_get_monotonic_time ();
      g_main_context_iteration (NULL, FALSE);
      apply += (g_get_monotonic_time () - before) / 1000.0;
    }
  if (rempart_action_model_get_error (model) != NULL)
    g_error ("%s", rempart_action_model_get_error (model));

  *out_apply_ms = apply;
  return bench_ms_since (start);
}

static void
run (RempartActionModel *model, const char *what, guint runs)
{
  double best = G_MAXDOUBLE, best_apply = G_MAXDOUBLE, total = 0, total_apply = 0;

  for (guint i = 0; i < runs; i++)
    {
      double apply = 0;
      double ms = reload (model, &apply);

      best = MIN (best, ms);
      best_apply = MIN (best_apply, apply);
      total += ms;
      total_apply += apply;
    }
  printf ("%-40s %8.2f ms  (best %.2f; main thread %.2f, best %.2f; %u items)\n", what,
          total / runs, best, total_apply / runs, best_apply,
          g_list_model_get_n_items (G_LIST_MODEL (model)));
}

int
main (int argc, char *argv[])
{
  guint n = argc > 1 ? (guint) atoi (argv[1]) : 10000;
  guint runs = argc > 2 ? (guint) atoi (argv[2]) : 10;
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = rempart_test_dir_new ("bench");
  g_autofree char *path = g_build_filename (dir, "rempart.db", NULL);
  g_autoptr (RempartFeed) feed = bench_make_feed (n, 1);
  g_autoptr (RempartFeed) changed = bench_make_feed (n, 2);
  g_autoptr (RempartStore) store = NULL;
  g_autoptr (RempartSubscription) sub = NULL;
  g_autoptr (RempartActionModel) model = NULL;
  double apply = 0;

  store = bench_open_store (path, &sub);
  if (!rempart_store_import_feed_sync (store, sub, feed, NULL, &error))
    g_error ("%s", error->message);

  printf ("action model: %u actions, %u runs each\n", n, runs);

  /* A new model for each run: every item is created. */
  {
    double total = 0, best = G_MAXDOUBLE;

    for (guint i = 0; i < runs; i++)
      {
        g_autoptr (RempartActionModel) fresh =
            rempart_action_model_new (NULL, REMPART_ACTION_VIEW_TODO);
        gint64 start = g_get_monotonic_time ();
        double ms;

        rempart_action_model_set_store (fresh, store); /* reloads */
        while (rempart_action_model_get_loading (fresh))
          g_main_context_iteration (NULL, TRUE);
        ms = bench_ms_since (start);
        total += ms;
        best = MIN (best, ms);
      }
    printf ("%-40s %8.2f ms  (best %.2f)\n", "first load (empty model, N new items)", total / runs,
            best);
  }

  model = rempart_action_model_new (store, REMPART_ACTION_VIEW_TODO);
  reload (model, &apply);
  run (model, "reload, nothing changed", runs);

  if (!rempart_store_import_feed_sync (store, sub, changed, NULL, &error))
    g_error ("%s", error->message);
  run (model, "reload after 10% of the actions changed", 1);
  run (model, "reload, nothing changed (again)", runs);

  g_clear_object (&model);
  g_clear_object (&store);
  rempart_test_dir_remove (dir);
  return 0;
}
