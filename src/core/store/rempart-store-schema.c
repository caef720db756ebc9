/* rempart-store-schema.c: opening the database, refusing what we must not touch, migrations
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "rempart-store-private.h"

/*
 * A database we cannot read as ours (newer schema, damaged, not a database at all) is
 * refused before a single byte is written: the checks run on a read-only connection, and
 * only a database that passed them is reopened read-write, switched to WAL and migrated.
 * The volunteer's history is worth more than a working start; rempart_store_move_aside()
 * is the explicit way out.
 *
 * Schema history. Never edit a shipped migration: add one. Each runs in its own
 * BEGIN IMMEDIATE transaction that also sets user_version, so a failed step leaves the
 * database exactly as it was.
 *   1  subscriptions, actions, action_state, drafts, events
 *   2  drafts.queued, user_templates
 *   3  subscriptions.feed_info: the feed-level fields (JSON) the composer needs
 *   4  subscriptions.bundled
 *   5  actions.item_hash: the hash of the raw item each action was read from
 *   6  subscriptions.next_public_key: the key a verified feed announced (key rotation)
 *   7  subscriptions.failure_kind: why the last check failed
 *   8  the actions_order index with action_id (the lists' tiebreak); actions.brief
 */

/* -------------------------------------------------------------------------------------- */
/* Migrations                                                                             */
/* -------------------------------------------------------------------------------------- */

/* Version 1; tests/unit/store-fixtures/schema-1.sql holds the same statements. */
static const char migration_1[] =
    "CREATE TABLE subscriptions ("
    "  id INTEGER PRIMARY KEY,"
    "  url TEXT NOT NULL UNIQUE,"
    "  public_key TEXT,"
    "  title TEXT,"
    "  etag TEXT,"
    "  last_modified TEXT,"
    "  last_seq INTEGER NOT NULL DEFAULT -1,"
    "  expires INTEGER NOT NULL DEFAULT 0,"
    "  last_check INTEGER NOT NULL DEFAULT 0,"
    "  last_success INTEGER NOT NULL DEFAULT 0,"
    "  next_check INTEGER NOT NULL DEFAULT 0,"
    "  retry_after INTEGER NOT NULL DEFAULT 0,"
    "  failures INTEGER NOT NULL DEFAULT 0,"
    "  last_error TEXT,"
    "  ended INTEGER NOT NULL DEFAULT 0,"
    "  is_signed INTEGER NOT NULL DEFAULT 0);"
    /* The columns the lists filter and sort on; the rest of the action is JSON (details). */
    "CREATE TABLE actions ("
    "  subscription_id INTEGER NOT NULL REFERENCES subscriptions (id) ON DELETE CASCADE,"
    "  action_id TEXT NOT NULL,"
    "  url TEXT NOT NULL,"
    "  title TEXT NOT NULL,"
    "  topic INTEGER NOT NULL DEFAULT 0,"
    "  priority INTEGER NOT NULL DEFAULT 0,"
    "  platform TEXT,"
    "  expires INTEGER,"
    "  date_published INTEGER,"
    "  sort_date INTEGER NOT NULL,"
    "  details TEXT NOT NULL,"
    "  hash TEXT NOT NULL,"
    "  archived INTEGER NOT NULL DEFAULT 0,"
    "  first_seen INTEGER NOT NULL,"
    "  updated INTEGER NOT NULL,"
    "  PRIMARY KEY (subscription_id, action_id));"
    "CREATE INDEX actions_order ON actions (priority DESC, sort_date DESC);"
    /* Keyed by URL, not by foreign key: the volunteer's data outlives the feed's. */
    "CREATE TABLE action_state ("
    "  subscription_url TEXT NOT NULL,"
    "  action_id TEXT NOT NULL,"
    "  state INTEGER NOT NULL DEFAULT 0,"
    "  updated INTEGER NOT NULL,"
    "  PRIMARY KEY (subscription_url, action_id));"
    "CREATE TABLE drafts ("
    "  subscription_url TEXT NOT NULL,"
    "  action_id TEXT NOT NULL,"
    "  text TEXT NOT NULL,"
    "  template_id TEXT,"
    "  updated INTEGER NOT NULL,"
    "  PRIMARY KEY (subscription_url, action_id));"
    "CREATE TABLE events ("
    "  id INTEGER PRIMARY KEY,"
    "  subscription_url TEXT NOT NULL,"
    "  action_id TEXT NOT NULL,"
    "  kind INTEGER NOT NULL,"
    "  at INTEGER NOT NULL);"
    "CREATE INDEX events_kind_at ON events (kind, at);";

static const char migration_2[] = "ALTER TABLE drafts ADD COLUMN queued INTEGER NOT NULL DEFAULT 0;"
                                  "CREATE INDEX drafts_queued ON drafts (queued) WHERE queued = 1;"
                                  "CREATE TABLE user_templates ("
                                  "  id TEXT PRIMARY KEY,"
                                  "  title TEXT NOT NULL,"
                                  "  language TEXT,"
                                  "  topics TEXT NOT NULL DEFAULT '[]',"
                                  "  body TEXT NOT NULL,"
                                  "  when_text TEXT,"
                                  "  created INTEGER NOT NULL,"
                                  "  updated INTEGER NOT NULL);";

/* about, language, hashtag, hashtag_position, rules and templates of the last import, as one
 * JSON object (rempart-store-serialize.c); NULL until the first import under schema 3. The
 * validators are dropped so that the next refresh downloads the feed in full (a 304 imports
 * nothing) and fills it in, instead of waiting for the group's next publication. */
static const char migration_3[] = "ALTER TABLE subscriptions ADD COLUMN feed_info TEXT;"
                                  "UPDATE subscriptions SET etag = NULL, last_modified = NULL;";

/* Subscriptions shipped with Rempart (the example feed) are marked by the store itself, so
 * that nothing compares addresses to tell them apart. Databases before version 4 knew the
 * example feed only by this address, which is why it appears here once. */
static const char migration_4[] =
    "ALTER TABLE subscriptions ADD COLUMN bundled INTEGER NOT NULL DEFAULT 0;"
    "UPDATE subscriptions SET bundled = 1 WHERE url = "
    "'https://example.org/rempart/demo/feed.json';";

/* The hash of the raw JSON item each action was read from (rempart_feed_parse_known()), so
 * that a sync reads again only the items that changed; NULL until an action is imported
 * again, and for actions not read from a downloaded feed. A change of how actions are
 * written (rempart-store-serialize.c) must set it back to NULL, so that they are read and
 * written again. */
static const char migration_5[] = "ALTER TABLE actions ADD COLUMN item_hash TEXT;";

/* The key a group announced it will sign with next (`_rempart.next_key`), remembered from a
 * feed verified with the current key, until a feed signed with it makes it the key. */
static const char migration_6[] = "ALTER TABLE subscriptions ADD COLUMN next_public_key TEXT;";

/* Why the last check failed (RempartCheckFailure), so that the window can offer to correct
 * a wrong address or key; 0 (none) for every group until its next check. */
static const char migration_7[] =
    "ALTER TABLE subscriptions ADD COLUMN failure_kind INTEGER NOT NULL DEFAULT 0;";

/* The lists' whole order, tiebreak included: SQLite walks this index instead of sorting the
 * rows of a list again in a temporary B-tree, into which it copied every column of every row
 * (docs/performance.md, change 33). The brief, which a list row's search matches, in a column
 * of its own, written with the details by every import, instead of read out of each row's
 * details by SQLite's JSON functions at every listing (change 34): a string brief, as the
 * details' reader takes it (a brief of another JSON type is none). IF EXISTS: a store whose
 * index someone dropped by hand migrates all the same. */
static const char migration_8[] =
    "DROP INDEX IF EXISTS actions_order;"
    "CREATE INDEX actions_order ON actions (priority DESC, sort_date DESC, action_id);"
    "ALTER TABLE actions ADD COLUMN brief TEXT;"
    "UPDATE actions SET brief = CASE WHEN json_valid (details)"
    " AND json_type (details, '$.brief') = 'text' THEN json_extract (details, '$.brief') END;";

/* migrations[n] takes a database from version n to n + 1. */
static const char *const migrations[] = { migration_1, migration_2, migration_3, migration_4,
                                          migration_5, migration_6, migration_7, migration_8 };

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == REMPART_STORE_SCHEMA_VERSION);

/* -------------------------------------------------------------------------------------- */
/* Helpers                                                                                */
/* -------------------------------------------------------------------------------------- */

static void
set_too_new_error (GError **error, const char *path, gint64 version)
{
  g_set_error (error, REMPART_STORE_ERROR, REMPART_STORE_ERROR_TOO_NEW,
               _ ("The database “%s” was written by a newer version of Rempart (schema %lld; "
                  "this version knows %d). It was left untouched: update Rempart to use it, "
                  "or Rempart can keep a copy aside and start fresh."),
               path, (long long) version, REMPART_STORE_SCHEMA_VERSION);
}

static void
set_corrupt_error (GError **error, const char *path, const char *detail)
{
  g_set_error (error, REMPART_STORE_ERROR, REMPART_STORE_ERROR_CORRUPT,
               _ ("The database “%s” is damaged or is not a Rempart database. It was left "
                  "untouched: Rempart can keep a copy aside and start fresh. (SQLite: %s)"),
               path, detail);
}

/* Read-only checks: the file stays byte for byte what it was whatever they find. */
static gboolean
check_existing (const char *path, GError **error)
{
  g_autoptr (GError) local_error = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *escaped = g_uri_escape_string (path, "/", TRUE);
  g_autofree char *wal = NULL;
  g_autofree char *uri = NULL;
  sqlite3 *db;
  gint64 version = 0;
  gboolean ok = FALSE;

  /* Even a read-only connection creates -wal and -shm next to a WAL database. When there is
   * no -wal there is nothing in it to read: "immutable" opens the file alone. When there is
   * one (a crash), it holds committed transactions and must be read. */
  wal = g_strconcat (path, "-wal", NULL);
  if (g_file_test (wal, G_FILE_TEST_EXISTS))
    uri = g_strconcat ("file:", escaped, NULL);
  else
    uri = g_strconcat ("file:", escaped, "?immutable=1", NULL);

  db = rempart_sqlite_open (uri, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, error);
  if (db == NULL)
    return FALSE;
  sqlite3_busy_timeout (db, 5000);

  if (!rempart_sqlite_query_int64 (db, "PRAGMA user_version", &version, &local_error))
    {
      if (g_error_matches (local_error, REMPART_STORE_ERROR, REMPART_STORE_ERROR_CORRUPT))
        set_corrupt_error (error, path, sqlite3_errmsg (db));
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      goto out;
    }

  if (version > REMPART_STORE_SCHEMA_VERSION)
    {
      set_too_new_error (error, path, version);
      goto out;
    }

  stmt = rempart_sqlite_prepare (db, "PRAGMA quick_check", &local_error);
  switch (stmt != NULL ? rempart_sqlite_step (stmt, &local_error) : REMPART_SQLITE_ERROR)
    {
      case REMPART_SQLITE_ROW:
        ok = g_strcmp0 (rempart_sqlite_get_text (stmt, 0), "ok") == 0;
        if (!ok)
          set_corrupt_error (error, path, rempart_sqlite_get_text (stmt, 0));
        break;
      case REMPART_SQLITE_DONE:
        set_corrupt_error (error, path, "quick_check");
        break;
      case REMPART_SQLITE_ERROR:
      default:
        if (g_error_matches (local_error, REMPART_STORE_ERROR, REMPART_STORE_ERROR_CORRUPT))
          set_corrupt_error (error, path, sqlite3_errmsg (db));
        else
          g_propagate_error (error, g_steal_pointer (&local_error));
    }

out:
  g_clear_pointer (&stmt, sqlite3_finalize);
  sqlite3_close (db);
  return ok;
}

static gboolean
migrate (RempartStoreWorker *worker, GError **error)
{
  sqlite3 *db = rempart_store_worker_get_db (worker);

  for (;;)
    {
      g_autofree char *set_version = NULL;
      gint64 version = 0;

      if (!rempart_store_begin (worker, error))
        return FALSE;

      /* Read inside the transaction: another process may have just migrated. */
      if (!rempart_sqlite_query_int64 (db, "PRAGMA user_version", &version, error))
        goto fail;

      if (version == REMPART_STORE_SCHEMA_VERSION)
        return rempart_store_commit (worker, error);

      if (version < 0 || version > REMPART_STORE_SCHEMA_VERSION)
        {
          set_too_new_error (error, rempart_store_worker_get_path (worker), version);
          goto fail;
        }

      set_version = g_strdup_printf ("PRAGMA user_version = %d", (int) version + 1);
      if (!rempart_sqlite_exec (db, migrations[version], error) ||
          !rempart_sqlite_exec (db, set_version, error) || !rempart_store_commit (worker, error))
        {
          g_prefix_error (error,
                          _ ("Could not upgrade the database to schema %d; it was left "
                             "as it was. "),
                          (int) version + 1);
          goto fail;
        }
    }

fail:
  rempart_store_rollback (worker);
  return FALSE;
}

/* The database and its folder must be writable: SQLite opens a write-protected file
 * read-only without a word (the first draft would then fail), and it creates -wal and -shm
 * files beside the database. access() asks the kernel, which also refuses root an immutable
 * file or a read-only mount. Nothing is written. */
static gboolean
check_writable (const char *path, GError **error)
{
  g_autofree char *dir = g_path_get_dirname (path);

  if (g_file_test (path, G_FILE_TEST_EXISTS) && g_access (path, W_OK) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, REMPART_STORE_ERROR, REMPART_STORE_ERROR_READ_ONLY,
                   _ ("Rempart cannot write to its database “%s”: the file is write-protected "
                      "(%s). Your actions and drafts are saved there: give your user write "
                      "permission on the file (for example with “chmod u+w”), then try "
                      "again. The file was left untouched."),
                   path, g_strerror (saved_errno));
      return FALSE;
    }

  if (g_access (dir, W_OK) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, REMPART_STORE_ERROR, REMPART_STORE_ERROR_READ_ONLY,
                   _ ("Rempart cannot write in the folder “%s”, which holds its database: it is "
                      "write-protected (%s). The database needs to keep files beside it there: "
                      "give your user write permission on the folder, then try again. Nothing "
                      "was changed."),
                   dir, g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

/* -------------------------------------------------------------------------------------- */
/* Private API                                                                            */
/* -------------------------------------------------------------------------------------- */

gboolean
rempart_store_schema_open (RempartStoreWorker *worker, GError **error)
{
  const char *path = rempart_store_worker_get_path (worker);
  sqlite3 *db;

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      if (!check_existing (path, error))
        return FALSE;
    }
  else
    {
      g_autofree char *dir = g_path_get_dirname (path);

      if (g_mkdir_with_parents (dir, 0700) != 0)
        {
          int saved_errno = errno;

          g_set_error (error, REMPART_STORE_ERROR, REMPART_STORE_ERROR_FAILED,
                       _ ("Could not create the folder “%s” for the database: %s. Check that "
                          "your home folder can be written."),
                       dir, g_strerror (saved_errno));
          return FALSE;
        }
    }

  if (!check_writable (path, error))
    return FALSE;

  db = rempart_sqlite_open (path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, error);
  if (db == NULL)
    return FALSE;

  /* Whatever access() said, SQLite may still have fallen back to read-only. */
  if (sqlite3_db_readonly (db, "main") == 1)
    {
      rempart_sqlite_set_error (error, NULL, SQLITE_READONLY, path);
      sqlite3_close (db);
      return FALSE;
    }
  rempart_store_worker_set_db (worker, db);

  /* NORMAL is safe in WAL mode against a crash of the process (a committed transaction is in
   * the WAL); only a power cut may lose the last ones. Between transactions the page cache keeps
   * 256 KiB of the pages read (a list reads every row once, and the kernel caches the file);
   * rempart_store_begin() gives a transaction SQLite's default 2 MiB (docs/performance.md,
   * change 25). */
  sqlite3_busy_timeout (db, 5000);
  if (!rempart_sqlite_exec (db,
                            "PRAGMA journal_mode = WAL;"
                            "PRAGMA synchronous = NORMAL;"
                            "PRAGMA foreign_keys = ON;"
                            "PRAGMA cache_size = -256;",
                            error) ||
      !migrate (worker, error))
    {
      rempart_store_worker_set_db (worker, NULL);
      return FALSE;
    }

  return TRUE;
}
