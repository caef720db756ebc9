/* test-store-crash.c
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "rempart-store.h"
#include "rempart-test-dirs.h"

/*
 * "A crash never loses a draft": store-crash-helper imports large feeds and saves drafts in
 * a loop, printing each counter once its save returned; we SIGKILL it at random moments,
 * at least 50 times, and after each kill the database must pass integrity_check and hold
 * a draft at least as new as the last counter printed.
 *
 * The helper is found beside this test in the build tree, or at $REMPART_STORE_CRASH_HELPER;
 * without it the test fails, never skips.
 */

#define MIN_KILLS   50
#define MAX_SECONDS 120
/* The longest the helper may take to its first save before the test gives up. */
#define CALIBRATE_SECONDS 30
#define CRASH_URL         "https://example.org/crash/feed.json"

/* -------------------------------------------------------------------------------------- */
/* Helpers                                                                                */
/* -------------------------------------------------------------------------------------- */

/* Where the helper is: $REMPART_STORE_CRASH_HELPER, else beside this program in the build
 * tree (tests/unit/store/ next to tests/unit/test-store-crash), found from the program's own
 * file so that running it by hand from any folder finds it too, else where meson's
 * G_TEST_BUILDDIR says. Returns: (transfer full): the first that exists, or the last tried. */
static char *
helper_path (void)
{
  const char *env = g_getenv ("REMPART_STORE_CRASH_HELPER");
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *self_dir = self != NULL ? g_path_get_dirname (self) : NULL;
  g_autofree char *beside = NULL;

  if (env != NULL)
    return g_strdup (env);

  if (self_dir != NULL)
    {
      beside = g_build_filename (self_dir, "store", "store-crash-helper", NULL);
      if (g_file_test (beside, G_FILE_TEST_IS_EXECUTABLE))
        return g_steal_pointer (&beside);
    }

  return g_test_build_filename (G_TEST_BUILT, "unit", "store", "store-crash-helper", NULL);
}

static char *
integrity_check (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *result;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  result = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return result;
}

/* The last complete line the helper printed, or @previous when it printed none. */
static gint64
last_printed (GSubprocess *proc, gint64 previous)
{
  GInputStream *out = g_subprocess_get_stdout_pipe (proc);
  g_autoptr (GError) error = NULL;
  g_autoptr (GByteArray) bytes = g_byte_array_new ();
  g_autofree char *text = NULL;
  g_auto (GStrv) lines = NULL;
  guint8 buffer[4096];
  gssize n;

  while ((n = g_input_stream_read (out, buffer, sizeof buffer, NULL, &error)) > 0)
    g_byte_array_append (bytes, buffer, n);
  g_assert_no_error (error);

  g_byte_array_append (bytes, (const guint8 *) "", 1);
  text = (char *) g_byte_array_free (g_steal_pointer (&bytes), FALSE);
  lines = g_strsplit (text, "\n", -1);
  /* A line without its newline was cut by the kill: ignore it. */
  for (int i = (int) g_strv_length (lines) - 2; i >= 0; i--)
    if (lines[i][0] != '\0')
      return g_ascii_strtoll (lines[i], NULL, 10);
  return previous;
}

/* How long the helper takes to print its first counter on this machine, in milliseconds
 * (one run on a scratch database, killed then): under AddressSanitizer it parses its feeds
 * several times slower, and kills drawn from a fixed window would all come before its first
 * save. At most CALIBRATE_SECONDS. */
static guint
first_save_ms (const char *helper, const char *dir)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *scratch = g_build_filename (dir, "calibrate.db", NULL);
  g_autoptr (GSubprocess) proc =
      g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error, helper, scratch, NULL);
  GPollableInputStream *out;
  gint64 start = g_get_monotonic_time ();
  guint ms = 0;

  g_assert_no_error (error);
  out = G_POLLABLE_INPUT_STREAM (g_subprocess_get_stdout_pipe (proc));
  while (ms == 0 && g_get_monotonic_time () - start < CALIBRATE_SECONDS * G_USEC_PER_SEC)
    {
      char c;
      gssize n = g_pollable_input_stream_read_nonblocking (out, &c, 1, NULL, NULL);

      if (n == 1 && c == '\n')
        ms = (guint) ((g_get_monotonic_time () - start) / 1000);
      else if (n <= 0)
        g_usleep (1000);
    }
  g_subprocess_send_signal (proc, SIGKILL);
  g_subprocess_wait (proc, NULL, NULL);

  g_assert_cmpuint (ms, >, 0);
  return ms;
}

/* -------------------------------------------------------------------------------------- */
/* Tests                                                                                  */
/* -------------------------------------------------------------------------------------- */

static void
test_kill_loop (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *helper = helper_path ();
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  gint64 start = g_get_monotonic_time ();
  gint64 printed = 0;
  guint kills = 0, mid_run = 0;
  guint first_ms, window_ms;

  /* A test that skips itself passes by not running: a missing helper is a broken build. */
  if (!g_file_test (helper, G_FILE_TEST_IS_EXECUTABLE))
    g_error ("store-crash-helper is not at %s: build it (meson builds it with the tests), or "
             "name it in REMPART_STORE_CRASH_HELPER",
             helper);
  dir = rempart_test_dir_new ("crash");
  path = g_build_filename (dir, "rempart.db", NULL);
  /* Kills from 5 ms to well past the first save: some before it, most after. */
  first_ms = first_save_ms (helper, dir);
  window_ms = first_ms + MAX (300, first_ms);

  while (kills < MIN_KILLS && g_get_monotonic_time () - start < MAX_SECONDS * G_USEC_PER_SEC)
    {
      g_autoptr (GSubprocess) proc = NULL;
      g_autoptr (RempartStore) store = NULL;
      g_autoptr (RempartDraft) draft = NULL;
      g_autofree char *check = NULL;
      gint64 before = printed;
      gint64 saved;

      proc = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error, helper, path, NULL);
      g_assert_no_error (error);
      g_usleep (g_random_int_range (5, window_ms + 1) * 1000);
      g_subprocess_send_signal (proc, SIGKILL);
      g_subprocess_wait (proc, NULL, &error);
      g_assert_no_error (error);
      /* Killed, not exited on its own with an error. */
      g_assert_false (g_subprocess_get_if_exited (proc));
      kills++;

      printed = last_printed (proc, printed);
      if (printed > before)
        mid_run++;

      /* The database may not exist yet if the kill came first thing. */
      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        continue;

      store = rempart_store_open_sync (path, NULL, &error);
      g_assert_no_error (error);
      draft = rempart_store_load_draft_sync (store, CRASH_URL, "a0", &error);
      g_assert_no_error (error);
      rempart_store_close (store);

      check = integrity_check (path);
      g_assert_cmpstr (check, ==, "ok");

      saved = draft != NULL ? g_ascii_strtoll (draft->text + strlen ("counter "), NULL, 10) : 0;
      g_assert_cmpint (saved, >=, printed);
    }

  g_test_message ("%u kills in %.1f s (within %u ms of each start), %u of them after at least "
                  "one save; last counter %lld",
                  kills, (g_get_monotonic_time () - start) / 1e6, window_ms, mid_run,
                  (long long) printed);
  g_assert_cmpuint (kills, >=, MIN_KILLS);
  /* The test proves nothing if the helper never got to save. */
  g_assert_cmpuint (mid_run, >, 0);

  rempart_test_dir_remove (dir);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store/crash/kill-loop", test_kill_loop);

  return g_test_run ();
}
