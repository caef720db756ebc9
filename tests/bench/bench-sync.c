/* bench-sync.c: syncs of a large signed feed, against the floor of parsing and inserting it
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "bench-common.h"
#include "rempart-refresh.h"
#include "rempart-test-dirs.h"
#include "rempart-test-monitor.h"
#include "rempart-test-server.h"

/*
 * A signed feed of N actions served from 127.0.0.1, synced by RempartRefresh as the app does
 * (download, .minisig check, parse, import): a first sync into an empty store; unchanged
 * syncs answered 304 on an ETag and on a Last-Modified date; a sync where one action
 * changed. The floor is json-glib parsing the same bytes plus a raw SQLite insert of the same
 * rows in one transaction. Each repetition runs every measure once (interleaved); prints one
 * "name_ms=" line per measure and repetition, which run.py turns into medians and ratios.
 * The floor, the first sync and the one-changed sync also print the CPU time of the whole
 * process (every thread: the parser's, the store's, the in-process server's) as
 * "name_cpu_ms=", which moves far less than the wall clock on a shared machine.
 *
 *   bench-sync [N] [REPETITIONS]
 */

typedef struct
{
  GBytes *body;
  GBytes *sig;
  guint version;
} Served;

static void
handle_cb (SoupServer *server,
           SoupServerMessage *msg,
           const char *path,
           GHashTable *query,
           gpointer user_data)
{
  Served *served = user_data;
  SoupMessageHeaders *request = soup_server_message_get_request_headers (msg);
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);
  g_autofree char *etag = g_strdup_printf ("\"v%u\"", served->version);
  g_autoptr (GDateTime) date = g_date_time_new_from_unix_utc (1700000000 + served->version);
  g_autofree char *last_modified = g_date_time_format (date, "%a, %d %b %Y %H:%M:%S GMT");
  GBytes *bytes = g_str_has_suffix (path, ".minisig") ? served->sig : served->body;
  gsize len;
  const char *data;

  if (g_str_has_prefix (path, "/etag"))
    {
      soup_message_headers_replace (headers, "ETag", etag);
      if (g_strcmp0 (soup_message_headers_get_one (request, "If-None-Match"), etag) == 0)
        {
          soup_server_message_set_status (msg, SOUP_STATUS_NOT_MODIFIED, NULL);
          return;
        }
    }
  else
    {
      soup_message_headers_replace (headers, "Last-Modified", last_modified);
      if (g_strcmp0 (soup_message_headers_get_one (request, "If-Modified-Since"), last_modified) ==
          0)
        {
          soup_server_message_set_status (msg, SOUP_STATUS_NOT_MODIFIED, NULL);
          return;
        }
    }

  data = g_bytes_get_data (bytes, &len);
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (msg, "application/feed+json", SOUP_MEMORY_COPY, data, len);
}

static void
refresh_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  GPtrArray **out = user_data;
  g_autoptr (GError) error = NULL;

  *out = rempart_refresh_run_finish (REMPART_REFRESH (source), result, &error);
  if (*out == NULL)
    g_error ("refresh: %s", error->message);
}

/* One refresh of @id; returns its wall time in ms. Aborts unless it did @expected. */
static double
refresh (RempartRefresh *refresh, gint64 id, RempartSyncOutcome expected, const char *what)
{
  g_autoptr (GPtrArray) reports = NULL;
  gint64 start = g_get_monotonic_time ();
  gint64 deadline = start + 120 * G_USEC_PER_SEC;
  double ms;
  RempartSyncReport *report;

  rempart_refresh_run_async (refresh, id, TRUE, NULL, refresh_done_cb, &reports);
  while (reports == NULL && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  ms = bench_ms_since (start);
  if (reports == NULL || reports->len != 1)
    g_error ("%s: no report within 120 s", what);
  report = g_ptr_array_index (reports, 0);
  if (report->outcome != expected)
    g_error ("%s: outcome %d, expected %d (%s)", what, report->outcome, expected, report->message);
  return ms;
}

static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static void
exec_sql (sqlite3 *db, const char *sql)
{
  if (sqlite3_exec (db, sql, NULL, NULL, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
}

/* json-glib's parse of @body and a plain insert of each item's columns: the floor. */
static double
floor_ms (GBytes *body, const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "floor.db", NULL);
  g_autoptr (JsonParser) parser = json_parser_new_immutable ();
  g_autoptr (GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  JsonArray *items;
  gsize len;
  const char *data = g_bytes_get_data (body, &len);

  if (!json_parser_load_from_data (parser, data, len, &error))
    g_error ("%s", error->message);
  items =
      json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "items");
  if (sqlite3_open (path, &db) != SQLITE_OK)
    g_error ("%s: %s", path, sqlite3_errmsg (db));
  exec_sql (db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;"
                " CREATE TABLE IF NOT EXISTS a (id TEXT PRIMARY KEY, url TEXT, title TEXT,"
                " content TEXT, topic TEXT, platform TEXT, priority TEXT, expires TEXT);"
                " DELETE FROM a; BEGIN IMMEDIATE;");
  sqlite3_prepare_v2 (db, "INSERT INTO a VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", -1, &stmt, NULL);
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);
      JsonObject *ext = json_object_get_object_member (item, "_rempart");
      const char *columns[] = {
        json_object_get_string_member (item, "id"),
        json_object_get_string_member (item, "url"),
        json_object_get_string_member (item, "title"),
        json_object_get_string_member (item, "content_text"),
        json_object_get_string_member (ext, "topic"),
        json_object_get_string_member (ext, "platform"),
        json_object_get_string_member (ext, "priority"),
        json_object_get_string_member (ext, "expires"),
      };

      for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
        sqlite3_bind_text (stmt, c + 1, columns[c], -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        g_error ("insert: %s", sqlite3_errmsg (db));
      sqlite3_reset (stmt);
    }
  sqlite3_finalize (stmt);
  exec_sql (db, "COMMIT;");
  sqlite3_close (db);
  return bench_ms_since (start);
}

static void
serve (Served *served, RempartMinisignSecretKey *secret, GBytes *body)
{
  g_autoptr (GError) error = NULL;

  g_clear_pointer (&served->body, g_bytes_unref);
  g_clear_pointer (&served->sig, g_bytes_unref);
  served->body = g_bytes_ref (body);
  served->sig = rempart_minisign_sign (secret, body, "bench", NULL, &error);
  if (served->sig == NULL)
    g_error ("%s", error->message);
  served->version++;
}

int
main (int argc, char *argv[])
{
  guint n = argc > 1 ? (guint) atoi (argv[1]) : 10000;
  guint reps = argc > 2 ? (guint) atoi (argv[2]) : 7;
  const char *profile_env = g_getenv ("BENCH_SYNC_PROFILE");
  guint profile = profile_env != NULL ? (guint) atoi (profile_env) : 0;
  g_autoptr (RempartMinisignPublicKey) public_key = NULL;
  g_autoptr (RempartMinisignSecretKey) secret_key = NULL;
  g_autofree char *key_line = NULL;
  g_autofree char *base = NULL;
  g_autoptr (SoupServer) server = NULL;
  g_autoptr (GBytes) body = bench_make_feed_bytes (n, 1);
  g_autoptr (GBytes) changed = NULL;
  g_autoptr (RempartTestMonitor) monitor = rempart_test_monitor_new ();
  Served served = { 0 };
  char *needle, *copy;
  gsize len;

  /* The same feed with one action's title changed (same length, same seq). */
  g_bytes_get_data (body, &len);
  copy = g_memdup2 (g_bytes_get_data (body, NULL), len);
  needle = g_strstr_len (copy, len, "\"Fil n°5 (0)\"");
  if (needle == NULL)
    g_error ("bench-sync: the feed has no action 5");
  needle[strlen ("\"Fil n°5 (")] = '9';
  changed = g_bytes_new_take (copy, len);

  rempart_test_make_keys (&public_key, &secret_key);
  key_line = rempart_minisign_public_key_to_base64 (public_key);
  server = rempart_test_server_new (NULL, &base);
  soup_server_add_handler (server, NULL, handle_cb, &served, NULL);

  printf ("# sync: %u actions, %.1f MiB signed feed, %u repetitions\n", n, len / (1024.0 * 1024.0),
          reps);
  printf ("feed_mib=%.2f\n", len / (1024.0 * 1024.0));

  for (guint r = 0; r < reps; r++)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *dir = rempart_test_dir_new ("bench-sync");
      g_autofree char *db = g_build_filename (dir, "rempart.db", NULL);
      g_autofree char *etag_url = g_strconcat (base, "/etag/feed.json", NULL);
      g_autofree char *lm_url = g_strconcat (base, "/lm/feed.json", NULL);
      g_autoptr (RempartStore) store = rempart_store_open_sync (db, NULL, &error);
      g_autoptr (RempartFetcher) fetcher = rempart_fetcher_new ();
      g_autoptr (RempartRefresh) refresher = NULL;
      g_autoptr (RempartSubscription) etag_sub = NULL;
      g_autoptr (RempartSubscription) lm_sub = NULL;
      double cpu;

      if (store == NULL)
        g_error ("%s", error->message);
      soup_session_set_proxy_resolver (rempart_fetcher_get_session (fetcher), NULL);
      refresher = rempart_refresh_new (store, fetcher, G_NETWORK_MONITOR (monitor), NULL, NULL);
      etag_sub = rempart_store_add_subscription_sync (store, etag_url, key_line, &error);
      lm_sub = rempart_store_add_subscription_sync (store, lm_url, key_line, &error);
      if (etag_sub == NULL || lm_sub == NULL)
        g_error ("%s", error->message);
      serve (&served, secret_key, body);

      cpu = cpu_ms ();
      printf ("floor_ms=%.1f\n", floor_ms (body, dir));
      printf ("floor_cpu_ms=%.1f\n", cpu_ms () - cpu);
      cpu = cpu_ms ();
      printf ("first_ms=%.1f\n",
              refresh (refresher, etag_sub->id, REMPART_SYNC_OUTCOME_UPDATED, "first sync"));
      printf ("first_cpu_ms=%.1f\n", cpu_ms () - cpu);
      refresh (refresher, lm_sub->id, REMPART_SYNC_OUTCOME_UPDATED, "first sync (Last-Modified)");
      printf ("unchanged_etag_ms=%.1f\n",
              refresh (refresher, etag_sub->id, REMPART_SYNC_OUTCOME_NOT_MODIFIED, "304 ETag"));
      printf (
          "unchanged_lm_ms=%.1f\n",
          refresh (refresher, lm_sub->id, REMPART_SYNC_OUTCOME_NOT_MODIFIED, "304 Last-Modified"));
      serve (&served, secret_key, changed);
      cpu = cpu_ms ();
      printf ("one_changed_ms=%.1f\n",
              refresh (refresher, etag_sub->id, REMPART_SYNC_OUTCOME_UPDATED, "one changed"));
      printf ("one_changed_cpu_ms=%.1f\n", cpu_ms () - cpu);
      fflush (stdout);

      /* BENCH_SYNC_PROFILE=K: K more one-changed syncs (action 5's title back and forth),
       * for a profiler to see them rather than the first sync. */
      for (guint k = 0; k < profile; k++)
        {
          serve (&served, secret_key, k % 2 == 0 ? body : changed);
          refresh (refresher, etag_sub->id, REMPART_SYNC_OUTCOME_UPDATED, "one changed again");
        }

      g_clear_object (&refresher);
      rempart_store_close (store);
      g_clear_object (&store);
      rempart_test_dir_remove (dir);
    }

  g_clear_pointer (&served.body, g_bytes_unref);
  g_clear_pointer (&served.sig, g_bytes_unref);
  rempart_test_server_disconnect (server);
  return 0;
}
