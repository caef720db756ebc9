/* test-workspace-writer.c: the workspace's writer thread is counted with the other workers
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "rempart-test-dirs.h"
#include "rempart-workers.h"
#include "rempart-workspace-private.h"

/*
 * The application's exit cancels its work and then waits in rempart_workers_wait() for
 * every worker (issue 15). The moderation workspace writes its files on a GThreadPool of its
 * own, not through rempart_workers_run_in_thread(): its writes must be counted too, or the
 * process exits while a moderator's feed is half written to its temporary file.
 */

#define N_WRITES   12
#define WRITE_SIZE (512 * 1024)

typedef struct
{
  guint n_queued;
  guint n_done;
  guint n_failed;
} Counts;

static void
queued_cb (GTask *task, gpointer user_data)
{
  Counts *counts = user_data;

  if (g_task_get_source_tag (task) == rempart_workspace_write_file_async)
    counts->n_queued++;
}

static void
write_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  Counts *counts = user_data;
  g_autoptr (GError) error = NULL;

  if (rempart_workspace_write_file_finish (result, &error))
    counts->n_done++;
  else
    counts->n_failed++;
  g_assert_no_error (error);
}

/* Writes queued, then waited for as the application's shutdown does: every file is whole
 * when the wait returns, and the count went back to zero. */
static void
test_writer_counted (void)
{
  g_autofree char *base = rempart_test_dir_new ("workspace-writer");
  g_autoptr (GBytes) bytes = NULL;
  char *data = g_malloc (WRITE_SIZE);
  Counts counts = { 0 };

  memset (data, 'x', WRITE_SIZE);
  bytes = g_bytes_new_take (data, WRITE_SIZE);
  rempart_workers_set_queued_func_for_testing (queued_cb, &counts);

  for (guint i = 0; i < N_WRITES; i++)
    {
      g_autofree char *name = g_strdup_printf ("copy-%u.json", i);
      g_autofree char *path = g_build_filename (base, "group", name, NULL);

      rempart_workspace_write_file_async (path, bytes, NULL, write_cb, &counts);
    }

  /* Each write was counted the moment it was queued, before the writer thread took it. */
  g_assert_cmpuint (counts.n_queued, ==, N_WRITES);
  g_assert_cmpuint (rempart_workers_get_running (), >=, 1);

  g_assert_true (rempart_workers_wait (20 * 1000));
  g_assert_cmpuint (rempart_workers_get_running (), ==, 0);

  /* The wait returned after the last write, not before: every file is there, whole. */
  for (guint i = 0; i < N_WRITES; i++)
    {
      g_autofree char *name = g_strdup_printf ("copy-%u.json", i);
      g_autofree char *path = g_build_filename (base, "group", name, NULL);
      GStatBuf st;

      g_assert_cmpint (g_stat (path, &st), ==, 0);
      g_assert_cmpint (st.st_size, ==, WRITE_SIZE);
    }

  /* The callbacks come through the main context; let them in, bounded. */
  for (guint i = 0; i < 1000 && counts.n_done + counts.n_failed < N_WRITES; i++)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (counts.n_done, ==, N_WRITES);

  rempart_workers_set_queued_func_for_testing (NULL, NULL);
  rempart_test_dir_remove (base);
}

/* A failed write (a file where the folder should be) is released too: the count does not
 * stay up forever and make every exit wait its whole timeout. */
static void
test_writer_failure_released (void)
{
  g_autofree char *base = rempart_test_dir_new ("workspace-writer-fail");
  g_autofree char *blocker = g_build_filename (base, "group", NULL);
  g_autofree char *path = g_build_filename (blocker, "feed.json", NULL);
  g_autoptr (GBytes) bytes = g_bytes_new_static ("{}", 2);

  g_assert_true (g_file_set_contents (blocker, "not a folder", -1, NULL));
  rempart_workspace_write_file_async (path, bytes, NULL, (GAsyncReadyCallback) NULL, NULL);
  g_assert_true (rempart_workers_wait (10 * 1000));
  g_assert_cmpuint (rempart_workers_get_running (), ==, 0);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  rempart_test_dir_remove (base);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/moderation/workspace-writer/counted", test_writer_counted);
  g_test_add_func ("/moderation/workspace-writer/failure-released", test_writer_failure_released);

  return g_test_run ();
}
