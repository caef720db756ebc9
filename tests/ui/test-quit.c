/* test-quit.c: quitting while a worker thread verifies the example feed
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "rempart-application.h"
#include "rempart-demo.h"
#include "rempart-test-dirs.h"
#include "rempart-ui-test.h"
#include "rempart-workers.h"

/* The first start imports the example feed in a worker thread (signature check, parse,
 * import). Quitting at once used to leave that thread inside OpenSSL while the process's
 * exit handlers freed OpenSSL's tables: a crash under AddressSanitizer in 1 quit out of 20.
 * Each run is a subprocess of its own (a fresh data folder, so that the import happens; one
 * GApplication per process; the exit handlers really run), repeated QUITS times. */

#define QUITS         20
#define GUARD_SECONDS 20
#define CHILD_SECONDS 60

static char *data_home;

/* ------------------------------------------------------------------------------------------ */
/* The child                                                                                  */
/* ------------------------------------------------------------------------------------------ */

typedef struct
{
  GApplication *app;
  gboolean saw_worker;
  gboolean guard_fired;
} Child;

/* A worker slower than the example feed's import (which takes about a millisecond here):
 * it is still running when the application shuts down, so that a shutdown that does not
 * wait is seen every time, not only when the sanitizers catch the import's race. */
static void
slow_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  g_usleep (300 * 1000);
  g_task_return_boolean (task, TRUE);
}

/* The example feed's import was just queued: quit now, as a volunteer closing the window
 * at once would. */
static void
worker_queued_cb (GTask *task, gpointer user_data)
{
  Child *child = user_data;
  g_autoptr (GTask) slow = NULL;

  if (child->saw_worker)
    return;

  child->saw_worker = TRUE;
  g_assert_true (g_task_get_source_tag (task) == rempart_demo_import_async);
  slow = g_task_new (NULL, NULL, NULL, NULL);
  rempart_workers_run_in_thread (slow, slow_thread);
  g_assert_cmpuint (rempart_workers_get_running (), >=, 2);
  g_application_quit (child->app);
}

static gboolean
child_guard_cb (gpointer user_data)
{
  Child *child = user_data;

  child->guard_fired = TRUE;
  g_application_quit (child->app);
  return G_SOURCE_REMOVE;
}

static void
run_child (void)
{
  g_autoptr (RempartApplication) app = rempart_application_new ();
  Child child = { .app = G_APPLICATION (app) };
  g_autoptr (GSource) guard = g_timeout_source_new_seconds (GUARD_SECONDS);

  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  rempart_workers_set_queued_func_for_testing (worker_queued_cb, &child);
  g_source_set_callback (guard, child_guard_cb, &child, NULL);
  g_source_attach (guard, NULL);

  g_assert_cmpint (g_application_run (G_APPLICATION (app), 0, NULL), ==, 0);

  g_source_destroy (guard);
  rempart_workers_set_queued_func_for_testing (NULL, NULL);
  g_assert_false (child.guard_fired);
  g_assert_true (child.saw_worker);
  /* Shutdown waited for the import: nothing runs while the process exits. */
  g_assert_cmpuint (rempart_workers_get_running (), ==, 0);
}

/* ------------------------------------------------------------------------------------------ */
/* Tests                                                                                      */
/* ------------------------------------------------------------------------------------------ */

static void
test_quit_during_import (void)
{
  if (g_test_subprocess ())
    {
      run_child ();
      return;
    }

  for (guint i = 0; i < QUITS; i++)
    {
      g_test_trap_subprocess (NULL, CHILD_SECONDS * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
      g_test_trap_assert_passed ();
      g_test_trap_assert_stderr_unmatched ("*AddressSanitizer*");
      g_test_trap_assert_stderr_unmatched ("*runtime error*");
    }
}

int
main (int argc, char *argv[])
{
  int ret;

  /* Each process, the subprocesses too, has a data folder of its own, never the
   * developer's: set before GLib caches it. */
  data_home = rempart_ui_test_make_data_home ("ui-quit");

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/quit/during-import", test_quit_during_import);

  ret = g_test_run ();
  rempart_test_dir_remove (data_home);
  g_clear_pointer (&data_home, g_free);

  return ret;
}
