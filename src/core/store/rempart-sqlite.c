/* rempart-sqlite.c
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rempart-sqlite.h"
#include "rempart-store.h"

/*
 * Every error carries the file name and SQLite's own message: the first for the volunteer,
 * the second for whoever reads the bug report. Each call takes its own GError, so an error
 * of one statement is never reported again for the next.
 */

/* -------------------------------------------------------------------------------------- */
/* Helpers                                                                                */
/* -------------------------------------------------------------------------------------- */

static RempartStoreError
error_code_for (int rc)
{
  switch (rc & 0xff)
    {
      case SQLITE_BUSY:
      case SQLITE_LOCKED:
        return REMPART_STORE_ERROR_BUSY;
      case SQLITE_CORRUPT:
      case SQLITE_NOTADB:
        return REMPART_STORE_ERROR_CORRUPT;
      case SQLITE_READONLY:
        return REMPART_STORE_ERROR_READ_ONLY;
      default:
        return REMPART_STORE_ERROR_FAILED;
    }
}

/* -------------------------------------------------------------------------------------- */
/* Public API                                                                             */
/* -------------------------------------------------------------------------------------- */

void
rempart_sqlite_set_error (GError **error, sqlite3 *db, int rc, const char *path)
{
  const char *detail = db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc);
  RempartStoreError code = error_code_for (rc);

  if (path == NULL && db != NULL)
    path = sqlite3_db_filename (db, "main");
  if (path == NULL || *path == '\0')
    path = ":memory:";

  switch (code)
    {
      case REMPART_STORE_ERROR_BUSY:
        g_set_error (error, REMPART_STORE_ERROR, code,
                     _ ("The database “%s” is in use by another program. Close other copies of "
                        "Rempart and try again. (SQLite: %s)"),
                     path, detail);
        break;
      case REMPART_STORE_ERROR_CORRUPT:
        g_set_error (error, REMPART_STORE_ERROR, code,
                     _ ("The database “%s” is damaged. Rempart can keep a copy aside and start "
                        "fresh. (SQLite: %s)"),
                     path, detail);
        break;
      case REMPART_STORE_ERROR_READ_ONLY:
        g_set_error (error, REMPART_STORE_ERROR, code,
                     _ ("The database “%s” cannot be written: it or its folder is "
                        "write-protected. Give your user write permission on both, then try "
                        "again. (SQLite: %s)"),
                     path, detail);
        break;
      default:
        g_set_error (error, REMPART_STORE_ERROR, code,
                     _ ("Could not use the database “%s”: check that the disk is not full and "
                        "that the file can be written. (SQLite: %s)"),
                     path, detail);
    }
}

sqlite3 *
rempart_sqlite_open (const char *path, int flags, GError **error)
{
  sqlite3 *db = NULL;
  int rc;

  rc = sqlite3_open_v2 (path, &db, flags | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      rempart_sqlite_set_error (error, db, rc, path);
      sqlite3_close (db);
      return NULL;
    }

  sqlite3_extended_result_codes (db, TRUE);
  return db;
}

gboolean
rempart_sqlite_exec (sqlite3 *db, const char *sql, GError **error)
{
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      rempart_sqlite_set_error (error, db, rc, NULL);
      return FALSE;
    }

  return TRUE;
}

sqlite3_stmt *
rempart_sqlite_prepare (sqlite3 *db, const char *sql, GError **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  if (rc != SQLITE_OK)
    {
      rempart_sqlite_set_error (error, db, rc, NULL);
      sqlite3_finalize (stmt);
      return NULL;
    }

  return stmt;
}

RempartSqliteStep
rempart_sqlite_step (sqlite3_stmt *stmt, GError **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    return REMPART_SQLITE_ROW;
  if (rc == SQLITE_DONE)
    return REMPART_SQLITE_DONE;

  rempart_sqlite_set_error (error, sqlite3_db_handle (stmt), rc, NULL);
  return REMPART_SQLITE_ERROR;
}

/* For statements that return no rows: steps once, then resets so the statement can be
 * bound and run again. */
gboolean
rempart_sqlite_step_done (sqlite3_stmt *stmt, GError **error)
{
  RempartSqliteStep step = rempart_sqlite_step (stmt, error);

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return step != REMPART_SQLITE_ERROR;
}

gboolean
rempart_sqlite_query_int64 (sqlite3 *db, const char *sql, gint64 *out_value, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = rempart_sqlite_prepare (db, sql, error);

  if (stmt == NULL)
    return FALSE;

  switch (rempart_sqlite_step (stmt, error))
    {
      case REMPART_SQLITE_ROW:
        *out_value = sqlite3_column_int64 (stmt, 0);
        return TRUE;
      case REMPART_SQLITE_DONE:
        *out_value = 0;
        return TRUE;
      case REMPART_SQLITE_ERROR:
      default:
        return FALSE;
    }
}

void
rempart_sqlite_bind_text (sqlite3_stmt *stmt, int index, const char *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

void
rempart_sqlite_bind_int64 (sqlite3_stmt *stmt, int index, gint64 value)
{
  sqlite3_bind_int64 (stmt, index, value);
}

/* Dates go in as Unix seconds so that SQL can compare them; NULL stays NULL. */
void
rempart_sqlite_bind_date (sqlite3_stmt *stmt, int index, GDateTime *date)
{
  if (date == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_int64 (stmt, index, g_date_time_to_unix (date));
}

const char *
rempart_sqlite_get_text (sqlite3_stmt *stmt, int column)
{
  return (const char *) sqlite3_column_text (stmt, column);
}

char *
rempart_sqlite_dup_text (sqlite3_stmt *stmt, int column)
{
  return g_strdup (rempart_sqlite_get_text (stmt, column));
}
