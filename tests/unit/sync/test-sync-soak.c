/* test-sync-soak.c: a thousand sync cycles, and nothing grows
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sqlite3.h>
#include <stdio.h>
#include <unistd.h>

#include "sync-fixture.h"

/*
 * Issue 15's soak test: SOAK_CYCLES refreshes of one signed group against the loopback
 * server, whose feed changes before every cycle (actions come and go, one title carries the
 * cycle's number, the seq goes up; every tenth cycle the server answers 304 instead). After a
 * warm-up (caches, SQLite's page cache, the session's connection), the resident memory
 * (/proc/self/statm) may grow by at most SOAK_MAX_GROWTH and the number of open file
 * descriptors (/proc/self/fd) not at all; both are printed at the start and the end. At the
 * end the database passes PRAGMA integrity_check and holds what the last feed said.
 *
 * REMPART_SOAK_CYCLES overrides the count (say 100000 for a night's run). Not run under the
 * sanitizers: AddressSanitizer's quarantine makes every free look like growth.
 */

#define SOAK_CYCLES     1000
#define SOAK_WARMUP     50
#define SOAK_MAX_GROWTH (4 * 1024 * 1024)
#define SOAK_MAX_IDS    8

/* ------------------------------------------------------------------------------------------ */
/* Helpers                                                                                    */
/* ------------------------------------------------------------------------------------------ */

static gsize
resident_bytes (void)
{
  g_autofree char *statm = NULL;
  unsigned long size = 0, resident = 0;

  g_assert_true (g_file_get_contents ("/proc/self/statm", &statm, NULL, NULL));
  g_assert_cmpint (sscanf (statm, "%lu %lu", &size, &resident), ==, 2);
  return (gsize) resident * (gsize) sysconf (_SC_PAGESIZE);
}

/* The inodes of the sockets whose local port is @port, from /proc/net/tcp and tcp6. */
static GHashTable *
socket_inodes_on_port (guint port)
{
  const char *const tables[] = { "/proc/net/tcp", "/proc/net/tcp6" };
  GHashTable *inodes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (gsize t = 0; t < G_N_ELEMENTS (tables); t++)
    {
      g_autofree char *text = NULL;
      g_auto (GStrv) lines = NULL;

      if (!g_file_get_contents (tables[t], &text, NULL, NULL))
        continue;
      lines = g_strsplit (text, "\n", -1);
      /* "sl local_address rem_address st tx:rx tr:when retrnsmt uid timeout inode" */
      for (guint i = 1; lines[i] != NULL; i++)
        {
          g_auto (GStrv) fields = g_strsplit_set (g_strstrip (lines[i]), " ", -1);
          g_autoptr (GPtrArray) words = g_ptr_array_new ();
          const char *colon;

          for (guint j = 0; fields[j] != NULL; j++)
            if (*fields[j] != '\0')
              g_ptr_array_add (words, fields[j]);
          if (words->len < 10)
            continue;
          colon = strrchr (g_ptr_array_index (words, 1), ':');
          if (colon != NULL && g_ascii_strtoull (colon + 1, NULL, 16) == port)
            g_hash_table_add (inodes, g_strdup (g_ptr_array_index (words, 9)));
        }
    }
  return inodes;
}

/* The process's open descriptors, less those of the test's own server (@server_port): the
 * loopback SoupServer runs in this process, and it keeps the connections a client closed
 * after a 304 in CLOSE-WAIT (libsoup's server, not Rempart, which only ever is a client). */
static guint
open_fds (guint server_port, guint *n_server)
{
  g_autoptr (GHashTable) server_inodes = socket_inodes_on_port (server_port);
  g_autoptr (GDir) dir = g_dir_open ("/proc/self/fd", 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (dir);
  *n_server = 0;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename ("/proc/self/fd", name, NULL);
      g_autofree char *target = g_file_read_link (path, NULL);

      if (target != NULL && g_str_has_prefix (target, "socket:["))
        {
          g_autofree char *inode = g_strndup (target + 8, strlen (target) - 9);

          if (g_hash_table_contains (server_inodes, inode))
            {
              (*n_server)++;
              continue;
            }
        }
      n++;
    }
  /* The GDir's own descriptor is not one of ours. */
  return n - 1;
}

/* Cycle @cycle's feed: actions cycle-1..cycle-k, k between 3 and SOAK_MAX_IDS, so actions
 * leave and come back; the first one's title names the cycle. */
static GBytes *
cycle_feed (guint cycle)
{
  guint n_items = 3 + cycle % (SOAK_MAX_IDS - 2);
  GString *s = g_string_new (NULL);

  g_string_append_printf (s,
                          "{\"version\": \"https://jsonfeed.org/version/1.1\",\n"
                          " \"title\": \"Groupe soak\",\n"
                          " \"_rempart\": {\"schema\": 1, \"seq\": %u},\n"
                          " \"items\": [",
                          cycle + 1);
  for (guint i = 1; i <= n_items; i++)
    g_string_append_printf (s,
                            "%s\n  {\"id\": \"soak-%u\", \"url\": \"https://example.org/t/%u\", "
                            "\"title\": \"Action %u, cycle %u\", \"content_text\": \"Brief %u\"}",
                            i > 1 ? "," : "", i, i, i, i == 1 ? cycle : 0, i);
  g_string_append (s, "\n]}\n");
  return g_string_free_to_bytes (s);
}

static char *
query_text (sqlite3 *db, const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *text = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return text;
}

/* ------------------------------------------------------------------------------------------ */
/* Tests                                                                                      */
/* ------------------------------------------------------------------------------------------ */

static void
test_soak (Fixture *f, gconstpointer data)
{
  const char *env = g_getenv ("REMPART_SOAK_CYCLES");
  guint cycles = env != NULL ? (guint) g_ascii_strtoull (env, NULL, 10) : SOAK_CYCLES;
  gint64 id = add_subscription (f, "/soak.json", TRUE);
  gsize rss_start = 0, rss_end;
  guint fds_start = 0, fds_end, n_updated = 0, n_not_modified = 0;
  gint64 started = g_get_monotonic_time ();
  g_autofree char *db_path = g_build_filename (f->dir, "rempart.db", NULL);
  g_autofree char *integrity = NULL, *count = NULL, *title = NULL;
  sqlite3 *db = NULL;
  guint last_changed = 0, n_server = 0;
  g_autoptr (GUri) base = g_uri_parse (f->base, G_URI_FLAGS_NONE, NULL);
  guint port;

  g_assert_cmpuint (cycles, >, SOAK_WARMUP);
  g_assert_nonnull (base);
  port = (guint) g_uri_get_port (base);

  for (guint cycle = 0; cycle < cycles; cycle++)
    {
      g_autoptr (RempartSyncReport) report = NULL;
      gboolean unchanged = cycle % 10 == 9;

      if (cycle == SOAK_WARMUP)
        {
          rss_start = resident_bytes ();
          fds_start = open_fds (port, &n_server);
          g_test_message ("after %u cycles: resident %" G_GSIZE_FORMAT
                          " KiB, %u open files (and %u of the test's server)",
                          cycle, rss_start / 1024, fds_start, n_server);
        }

      if (!unchanged)
        {
          g_autoptr (GBytes) body = cycle_feed (cycle);
          g_autofree char *etag = g_strdup_printf ("\"soak-%u\"", cycle);

          serve_signed (f, "/soak.json", etag, body);
          last_changed = cycle;
        }
      f->now += 15 * 60;

      report = refresh_one (f, id, TRUE);
      if (unchanged)
        {
          assert_outcome (report, REMPART_SYNC_OUTCOME_NOT_MODIFIED);
          n_not_modified++;
        }
      else
        {
          assert_outcome (report, REMPART_SYNC_OUTCOME_UPDATED);
          n_updated++;
        }
    }

  rss_end = resident_bytes ();
  fds_end = open_fds (port, &n_server);
  g_test_message (
      "after %u cycles (%u updated, %u not modified) in %.1f s: resident %" G_GSIZE_FORMAT
      " KiB (%+.1f KiB), %u open files (and %u of the test's server)",
      cycles, n_updated, n_not_modified,
      (g_get_monotonic_time () - started) / (double) G_USEC_PER_SEC, rss_end / 1024,
      ((double) rss_end - (double) rss_start) / 1024, fds_end, n_server);

  g_assert_cmpuint (fds_end, ==, fds_start);
  g_assert_cmpuint (rss_end, <=, rss_start + SOAK_MAX_GROWTH);

  /* The database, from a connection of its own, read-only. */
  g_assert_cmpint (sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  integrity = query_text (db, "PRAGMA integrity_check");
  g_assert_cmpstr (integrity, ==, "ok");
  count = query_text (db, "SELECT COUNT(*) FROM subscriptions");
  g_assert_cmpstr (count, ==, "1");
  g_clear_pointer (&count, g_free);
  count = query_text (db, "SELECT COUNT(*) FROM actions");
  g_assert_cmpuint (g_ascii_strtoull (count, NULL, 10), <=, SOAK_MAX_IDS);
  g_assert_cmpuint (g_ascii_strtoull (count, NULL, 10), >=, 3);
  g_clear_pointer (&count, g_free);
  count = query_text (db, "PRAGMA foreign_key_check");
  g_assert_null (count);
  sqlite3_close (db);

  /* What the volunteer sees is the last feed: its first action names the last cycle that
   * changed it, once, and the subscription remembers that cycle's seq. */
  title = g_strdup_printf ("Action 1, cycle %u", last_changed);
  g_assert_cmpuint (count_actions (f, id, "soak-1"), ==, 1);
  {
    g_autoptr (RempartSubscription) sub = get_sub (f, id);
    g_autofree char *snap = snapshot (f);

    g_assert_cmpint (sub->last_seq, ==, last_changed + 1);
    g_assert_nonnull (strstr (snap, title));
  }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ADD ("/sync/soak", test_soak);

  return g_test_run ();
}
