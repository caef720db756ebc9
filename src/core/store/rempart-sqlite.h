/* rempart-sqlite.h: a thin layer over the SQLite C API
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* What a step did: unlike sqlite3_step's int or a gboolean, "no more rows" and "failed" can
 * never be mistaken for one another. */
typedef enum
{
  REMPART_SQLITE_ROW,
  REMPART_SQLITE_DONE,
  REMPART_SQLITE_ERROR,
} RempartSqliteStep;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

sqlite3 *rempart_sqlite_open (const char *path, int flags, GError **error);
void rempart_sqlite_set_error (GError **error, sqlite3 *db, int rc, const char *path);
gboolean rempart_sqlite_exec (sqlite3 *db, const char *sql, GError **error);
sqlite3_stmt *rempart_sqlite_prepare (sqlite3 *db, const char *sql, GError **error);
RempartSqliteStep rempart_sqlite_step (sqlite3_stmt *stmt, GError **error);
gboolean rempart_sqlite_step_done (sqlite3_stmt *stmt, GError **error);
gboolean
rempart_sqlite_query_int64 (sqlite3 *db, const char *sql, gint64 *out_value, GError **error);

void rempart_sqlite_bind_text (sqlite3_stmt *stmt, int index, const char *text);
void rempart_sqlite_bind_int64 (sqlite3_stmt *stmt, int index, gint64 value);
void rempart_sqlite_bind_date (sqlite3_stmt *stmt, int index, GDateTime *date);
char *rempart_sqlite_dup_text (sqlite3_stmt *stmt, int column);
const char *rempart_sqlite_get_text (sqlite3_stmt *stmt, int column);

G_END_DECLS
