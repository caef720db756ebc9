/* test-export.c: export files read back, and forgetting checked on the file's bytes
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>

#include "rempart-export.h"
#include "stats-fixture.h"

/*
 * What the volunteer takes away must say what the store says, in a form other programs read;
 * what they ask to forget must be gone from the file itself, not just from the queries.
 */

/* Quotes, a comma, a line break and non-ASCII text: what a naive CSV writer gets wrong. */
#define TRICKY \
  "#jesuislà Il a dit « non », puis \"non\" encore.\nSource : https://example.org/a?b=1,2"
#define SECRET_A "#jesuislà Réponse-très-personnelle-Alpha-7f3c"
#define SECRET_B "#ichbinhier Antwort-Beta-91d2 mit Quelle"

static void
fill (Fixture *f)
{
  gint64 t = at ("2026-05-02T10:00:00+02:00");

  add_event (f, GROUP_A, "a0", REMPART_ACTION_STATE_OPENED, t);
  post_reply (f, GROUP_A, "a0", TRICKY, t + 60);
  post_reply (f, GROUP_A, "a1", SECRET_A, t + 120);
  post_reply (f, GROUP_B, "a2", SECRET_B, t + 180);
  add_event (f, GROUP_B, "a3", REMPART_ACTION_STATE_DISMISSED, t + 240);
}

/* A strict RFC 4180 reader: every field quoted, CRLF between records. */
static GPtrArray *
parse_csv (const char *text)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  GPtrArray *row = g_ptr_array_new_with_free_func (g_free);
  const char *p = text;

  while (*p != '\0')
    {
      GString *field = g_string_new (NULL);

      if (*p == '"')
        {
          for (p++;; p++)
            {
              g_assert_true (*p != '\0');
              if (*p == '"' && p[1] == '"')
                g_string_append_c (field, *p++);
              else if (*p == '"')
                break;
              else
                g_string_append_c (field, *p);
            }
          p++;
        }
      else
        while (*p != ',' && *p != '\r' && *p != '\0')
          g_string_append_c (field, *p++);

      g_ptr_array_add (row, g_string_free (field, FALSE));
      if (*p == ',')
        p++;
      else
        {
          g_assert_true (p[0] == '\r' && p[1] == '\n');
          p += 2;
          g_ptr_array_add (rows, row);
          row = g_ptr_array_new_with_free_func (g_free);
        }
    }
  g_assert_cmpuint (row->len, ==, 0);
  g_ptr_array_unref (row);
  return rows;
}

static void
written_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static void export(Fixture *f, RempartExportFormat format, const char *path, GError **error)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GAsyncResult) result = NULL;
  gint64 deadline = g_get_monotonic_time () + 10 * G_TIME_SPAN_SECOND;

  rempart_export_write_async (f->store, file, format, NULL, written_cb, &result);
  while (result == NULL && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (result);
  rempart_export_write_finish (result, error);
}

/* The expected value of @column for @ev, from the store. */
static const char *
expected (const RempartParticipationEvent *ev, GPtrArray *replies, const char *column)
{
  static char date[32];

  if (g_str_equal (column, "date"))
    {
      g_autoptr (GDateTime) d = g_date_time_new_from_unix_utc (ev->at);
      g_autofree char *text = g_date_time_format (d, "%Y-%m-%dT%H:%M:%SZ");

      g_strlcpy (date, text, sizeof date);
      return date;
    }
  if (g_str_equal (column, "kind"))
    return rempart_export_kind_to_string (ev->kind);
  if (g_str_equal (column, "group"))
    return ev->group_title;
  if (g_str_equal (column, "group_url"))
    return ev->subscription_url;
  if (g_str_equal (column, "action_id"))
    return ev->action_id;
  if (g_str_equal (column, "action"))
    return ev->action_title;
  if (g_str_equal (column, "topic"))
    return rempart_topic_to_string (ev->topic) != NULL ? rempart_topic_to_string (ev->topic) : "";
  g_assert_cmpstr (column, ==, "reply");
  for (guint i = 0; ev->kind == REMPART_ACTION_STATE_POSTED && i < replies->len; i++)
    {
      RempartPostedReply *reply = g_ptr_array_index (replies, i);

      if (g_str_equal (reply->subscription_url, ev->subscription_url) &&
          g_str_equal (reply->action_id, ev->action_id))
        return reply->text;
    }
  return "";
}

static const char *const columns[] = { "date",      "kind",   "group", "group_url",
                                       "action_id", "action", "topic", "reply" };

/* -------------------------------------------------------------------------------------- */
/* Export                                                                                 */
/* -------------------------------------------------------------------------------------- */

static void
test_export_csv (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_build_filename (f->dir, "participation.csv", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) events = NULL;
  g_autoptr (GPtrArray) replies = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  g_autofree char *text = NULL;
  guint posted = 0;

  fill (f);
  export(f, REMPART_EXPORT_CSV, path, &error);
  g_assert_no_error (error);
  events = rempart_store_list_events_sync (f->store, &error);
  replies = rempart_store_list_posted_replies_sync (f->store, &error);
  g_assert_no_error (error);

  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  g_assert_true (g_utf8_validate (text, -1, NULL));
  rows = parse_csv (text);
  g_assert_cmpuint (rows->len, ==, events->len + 1);
  /* 1 opened, 3 joined, 3 posted, 1 set aside. */
  g_assert_cmpuint (events->len, ==, 8);

  for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
    g_assert_cmpstr (g_ptr_array_index ((GPtrArray *) rows->pdata[0], c), ==, columns[c]);
  for (guint r = 0; r < events->len; r++)
    {
      GPtrArray *row = rows->pdata[r + 1];
      const RempartParticipationEvent *ev = events->pdata[r];

      g_assert_cmpuint (row->len, ==, G_N_ELEMENTS (columns));
      for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
        g_assert_cmpstr (row->pdata[c], ==, expected (ev, replies, columns[c]));
      if (ev->kind == REMPART_ACTION_STATE_POSTED)
        posted++;
    }
  g_assert_cmpuint (posted, ==, 3);
  g_assert_nonnull (strstr (text, "\"set-aside\""));
  g_assert_nonnull (strstr (text, "\"\"non\"\""));
}

static void
test_export_json (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_build_filename (f->dir, "participation.json", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) events = NULL;
  g_autoptr (GPtrArray) replies = NULL;
  g_autoptr (JsonParser) parser = json_parser_new ();
  JsonObject *root;
  JsonArray *array;

  fill (f);
  export(f, REMPART_EXPORT_JSON, path, &error);
  g_assert_no_error (error);
  events = rempart_store_list_events_sync (f->store, &error);
  replies = rempart_store_list_posted_replies_sync (f->store, &error);
  g_assert_no_error (error);

  g_assert_true (json_parser_load_from_file (parser, path, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "format"), ==, "rempart-participation");
  g_assert_cmpint (json_object_get_int_member (root, "version"), ==, 1);
  array = json_object_get_array_member (root, "events");
  g_assert_cmpuint (json_array_get_length (array), ==, events->len);
  for (guint r = 0; r < events->len; r++)
    {
      JsonObject *row = json_array_get_object_element (array, r);

      g_assert_cmpuint (json_object_get_size (row), ==, G_N_ELEMENTS (columns));
      for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
        g_assert_cmpstr (json_object_get_string_member (row, columns[c]), ==,
                         expected (events->pdata[r], replies, columns[c]));
    }
}

static void
test_export_unwritable (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_build_filename (f->dir, "no-such-folder", "out.csv", NULL);
  g_autoptr (GError) error = NULL;

  fill (f);
  export(f, REMPART_EXPORT_CSV, path, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "out.csv"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* -------------------------------------------------------------------------------------- */
/* History                                                                                */
/* -------------------------------------------------------------------------------------- */

static void
test_posted_replies (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) replies = NULL;
  RempartPostedReply *reply;
  RempartDraft queued = {
    .subscription_url = GROUP_B, .action_id = "a5", .text = "En file", .queued = TRUE
  };

  fill (f);
  /* Neither a queued draft nor a draft of an action not posted is a posted reply. */
  g_assert_true (rempart_store_save_draft_sync (f->store, &queued, &error));
  queued.action_id = "a6";
  queued.queued = FALSE;
  g_assert_true (rempart_store_save_draft_sync (f->store, &queued, &error));
  g_assert_no_error (error);

  replies = rempart_store_list_posted_replies_sync (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (replies->len, ==, 3);
  reply = replies->pdata[0];
  g_assert_cmpstr (reply->text, ==, SECRET_B);
  g_assert_cmpstr (reply->group_title, ==, "Ich bin hier");
  g_assert_cmpstr (reply->action_title, ==, "Ich bin hier 2");
  g_assert_cmpint (reply->posted, ==, at ("2026-05-02T10:03:00+02:00"));
  reply = replies->pdata[2];
  g_assert_cmpstr (reply->text, ==, TRICKY);
  g_assert_cmpstr (reply->action_id, ==, "a0");
}

/* -------------------------------------------------------------------------------------- */
/* Forgetting                                                                             */
/* -------------------------------------------------------------------------------------- */

static gint64
count_rows (Fixture *f, const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT COUNT (*) FROM %s", table);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_open_v2 (f->path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

static void
test_forget_everything (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) before = NULL;
  g_autoptr (GBytes) after = NULL;
  g_autoptr (GPtrArray) subs = NULL;
  g_autoptr (GPtrArray) templates = NULL;
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  GStatBuf st;
  RempartUserTemplate tmpl = { .id = "t1", .title = "Mon modèle", .body = "Modèle-Gamma-keep" };

  fill (f);
  g_assert_true (rempart_store_save_user_template_sync (f->store, &tmpl, &error));
  g_assert_no_error (error);
  /* The test can fail: the text is there to be found before. */
  before = read_database_bytes (f);
  g_assert_true (bytes_contain (before, SECRET_A));
  g_assert_true (bytes_contain (before, SECRET_B));

  g_assert_true (rempart_store_forget_sync (f->store, NULL, &error));
  g_assert_no_error (error);

  after = read_database_bytes (f);
  g_assert_false (bytes_contain (after, SECRET_A));
  g_assert_false (bytes_contain (after, SECRET_B));
  g_assert_false (bytes_contain (after, "Réponse-très-personnelle"));
  g_assert_true (g_stat (wal, &st) != 0 || st.st_size == 0);
  g_assert_cmpint (count_rows (f, "events"), ==, 0);
  g_assert_cmpint (count_rows (f, "drafts"), ==, 0);
  g_assert_cmpint (count_rows (f, "action_state"), ==, 0);

  /* Groups and the volunteer's templates stay. */
  subs = rempart_store_list_subscriptions_sync (f->store, &error);
  templates = rempart_store_list_user_templates_sync (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (subs->len, ==, 2);
  g_assert_cmpuint (templates->len, ==, 1);
  g_assert_cmpint (count_rows (f, "actions"), ==, 16);
}

static void
test_forget_group (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) after = NULL;
  g_autoptr (GPtrArray) events = NULL;
  g_autoptr (GPtrArray) replies = NULL;

  fill (f);
  g_assert_true (rempart_store_forget_sync (f->store, GROUP_B, &error));
  g_assert_no_error (error);

  after = read_database_bytes (f);
  g_assert_false (bytes_contain (after, SECRET_B));
  g_assert_true (bytes_contain (after, SECRET_A));

  events = rempart_store_list_events_sync (f->store, &error);
  replies = rempart_store_list_posted_replies_sync (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (events->len, ==, 5);
  for (guint i = 0; i < events->len; i++)
    g_assert_cmpstr (((RempartParticipationEvent *) events->pdata[i])->subscription_url, ==,
                     GROUP_A);
  g_assert_cmpuint (replies->len, ==, 2);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  STATS_TEST_ADD ("/export/csv", test_export_csv);
  STATS_TEST_ADD ("/export/json", test_export_json);
  STATS_TEST_ADD ("/export/unwritable", test_export_unwritable);
  STATS_TEST_ADD ("/history/posted-replies", test_posted_replies);
  STATS_TEST_ADD ("/forget/everything", test_forget_everything);
  STATS_TEST_ADD ("/forget/group", test_forget_group);

  return g_test_run ();
}
