/* test-store-action.c
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "rempart-store-action.h"
#include "store-fixture.h"

/*
 * One action read whole (rempart_store_read_action_*), what a page asks for since the lists
 * keep no details: the action as imported, its content tag as the list's rows carry it, a
 * clear error for an action that is gone, and nothing for a read cancelled before it ran.
 */

/* -------------------------------------------------------------------------------------- */
/* Helpers                                                                                */
/* -------------------------------------------------------------------------------------- */

static RempartAction *
read_action (Fixture *f, gint64 subscription_id, const char *id, guint64 *tag, GError **error)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GAsyncResult) slot = NULL;

  rempart_store_read_action_async (f->store, subscription_id, id, NULL, result_cb, &slot);
  result = wait_result (&slot);
  return rempart_store_read_action_finish (f->store, result, tag, error);
}

/* The content tag of @id as the list's rows carry it; 0 when it is not listed. */
static guint64
row_tag (Fixture *f, const char *id)
{
  g_autoptr (GPtrArray) rows = list (f, REMPART_ACTION_VIEW_ALL);

  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (nth_id (rows, i), id) == 0)
      return ((RempartStoredAction *) g_ptr_array_index (rows, i))->content_tag;
  return 0;
}

static void
execute (Fixture *f, const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

/* -------------------------------------------------------------------------------------- */
/* Tests                                                                                  */
/* -------------------------------------------------------------------------------------- */

/* Every field of the imported action, parsed on the store's thread, with the row's tag. */
static void
test_found (Fixture *f, gconstpointer data)
{
  g_autoptr (RempartFeed) feed = load_example ();
  GListModel *actions = rempart_feed_get_actions (feed);
  RempartImportStats stats;

  import_ok (f, feed, &stats);
  g_assert_cmpuint (g_list_model_get_n_items (actions), >, 0);
  for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
    {
      g_autoptr (RempartAction) fed = g_list_model_get_item (actions, i);
      g_autoptr (RempartAction) action = NULL;
      g_autoptr (GError) error = NULL;
      guint64 tag = 0;

      action = read_action (f, f->sub->id, rempart_action_get_id (fed), &tag, &error);
      g_assert_no_error (error);
      g_assert_true (REMPART_IS_ACTION (action));
      g_assert_true (action != fed);
      g_assert_cmpstr (rempart_action_get_id (action), ==, rempart_action_get_id (fed));
      g_assert_cmpstr (rempart_action_get_url (action), ==, rempart_action_get_url (fed));
      g_assert_cmpstr (rempart_action_get_title (action), ==, rempart_action_get_title (fed));
      g_assert_cmpstr (rempart_action_get_brief (action), ==, rempart_action_get_brief (fed));
      g_assert_nonnull (rempart_action_get_brief (action));
      g_assert_cmpstr (rempart_action_get_excerpt (action), ==, rempart_action_get_excerpt (fed));
      g_assert_cmpuint (rempart_action_get_sources (action)->len, ==,
                        rempart_action_get_sources (fed)->len);
      g_assert_true (g_strv_equal ((const char *const *) rempart_action_get_arguments (action),
                                   (const char *const *) rempart_action_get_arguments (fed)));
      g_assert_cmpuint (tag, !=, 0);
      g_assert_cmpuint (tag, ==, row_tag (f, rempart_action_get_id (fed)));
    }
}

/* An action that is not there (never was, another group's number, taken out of the feed by
 * the last import) is REMPART_STORE_ERROR_NOT_FOUND, with its id in the message. */
static void
test_missing (Fixture *f, gconstpointer data)
{
  g_autoptr (RempartFeed) feed = make_feed (1, 4, 0, "");
  g_autoptr (RempartFeed) without_a1 = make_feed (2, 4, 1u << 1, "");
  RempartImportStats stats;
  struct
  {
    gint64 sub;
    const char *id;
  } cases[] = { { f->sub->id, "nope" }, { f->sub->id + 1000, "a1" }, { f->sub->id, "" } };

  import_ok (f, feed, &stats);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (RempartAction) action = NULL;
      guint64 tag = 42;

      action = read_action (f, cases[i].sub, cases[i].id, &tag, &error);
      g_assert_null (action);
      g_assert_error (error, REMPART_STORE_ERROR, REMPART_STORE_ERROR_NOT_FOUND);
      g_assert_nonnull (strstr (error->message, cases[i].id));
      g_assert_cmpuint (tag, ==, 42);
    }

  /* Listed, then gone with the next import (no state or draft keeps it). */
  g_assert_cmpuint (row_tag (f, "a1"), !=, 0);
  import_ok (f, without_a1, &stats);
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (RempartAction) action = NULL;

    action = rempart_store_read_action_sync (f->store, f->sub->id, "a1", NULL, &error);
    g_assert_null (action);
    g_assert_error (error, REMPART_STORE_ERROR, REMPART_STORE_ERROR_NOT_FOUND);
    g_test_message ("%s", error->message);
  }

  /* A closed store says so. */
  rempart_store_close (f->store);
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (RempartAction) action = read_action (f, f->sub->id, "a0", NULL, &error);

    g_assert_null (action);
    g_assert_error (error, REMPART_STORE_ERROR, REMPART_STORE_ERROR_CLOSED);
  }
}

/* Cancelled before the store's thread ran it: nothing read, G_IO_ERROR_CANCELLED. Behind
 * a queue of other work, so that the cancel comes while it waits. */
static void
test_cancelled (Fixture *f, gconstpointer data)
{
  g_autoptr (RempartFeed) feed = make_feed (1, 4, 0, "");
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GAsyncResult) slot = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (RempartAction) action = NULL;
  RempartImportStats stats;

  import_ok (f, feed, &stats);

  /* Already cancelled. */
  g_cancellable_cancel (cancellable);
  rempart_store_read_action_async (f->store, f->sub->id, "a0", cancellable, result_cb, &slot);
  result = wait_result (&slot);
  action = rempart_store_read_action_finish (f->store, result, NULL, &error);
  g_assert_null (action);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  /* Cancelled while queued behind 50 list reads: each read either ran before the cancel
   * (and has the action) or did not run at all; the last ones queued cannot have run. */
  {
    g_autoptr (GCancellable) late = g_cancellable_new ();
    GAsyncResult *slots[50] = { NULL };
    guint n_cancelled = 0;

    for (guint i = 0; i < G_N_ELEMENTS (slots); i++)
      rempart_store_list_actions_async (f->store, REMPART_ACTION_VIEW_ALL, NULL, NULL, NULL);
    for (guint i = 0; i < G_N_ELEMENTS (slots); i++)
      rempart_store_read_action_async (f->store, f->sub->id, "a0", late, result_cb, &slots[i]);
    g_cancellable_cancel (late);
    for (guint i = 0; i < G_N_ELEMENTS (slots); i++)
      {
        g_autoptr (GAsyncResult) r = wait_result (&slots[i]);
        g_autoptr (GError) e = NULL;
        g_autoptr (RempartAction) a = rempart_store_read_action_finish (f->store, r, NULL, &e);

        g_assert_true ((a != NULL) != (e != NULL));
        if (e != NULL)
          {
            g_assert_error (e, G_IO_ERROR, G_IO_ERROR_CANCELLED);
            n_cancelled++;
          }
        else
          g_assert_cmpstr (rempart_action_get_brief (a), ==, "Brief 0");
      }
    g_assert_cmpuint (n_cancelled, >, 0);
  }
}

/* After a reload: an unchanged action keeps its tag; a changed one is read as it is now,
 * with a new tag, the same as its new row's. */
static void
test_after_reload (Fixture *f, gconstpointer data)
{
  g_autoptr (RempartFeed) first = make_feed (1, 4, 0, "");
  g_autoptr (RempartFeed) same = make_feed (2, 4, 0, "");
  g_autoptr (RempartFeed) changed = make_feed (3, 4, 0, "bis");
  g_autoptr (RempartAction) before = NULL;
  g_autoptr (RempartAction) again = NULL;
  g_autoptr (RempartAction) after = NULL;
  g_autoptr (GError) error = NULL;
  RempartImportStats stats;
  guint64 tag_before = 0, tag_again = 0, tag_after = 0;

  import_ok (f, first, &stats);
  before = read_action (f, f->sub->id, "a1", &tag_before, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rempart_action_get_title (before), ==, "Fil 1");

  import_ok (f, same, &stats);
  assert_stats (&stats, 0, 0, 4, 0, 0);
  again = read_action (f, f->sub->id, "a1", &tag_again, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tag_again, ==, tag_before);
  g_assert_cmpuint (tag_again, ==, row_tag (f, "a1"));

  import_ok (f, changed, &stats);
  assert_stats (&stats, 0, 4, 0, 0, 0);
  after = read_action (f, f->sub->id, "a1", &tag_after, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rempart_action_get_title (after), ==, "Fil 1 bis");
  g_assert_cmpstr (rempart_action_get_brief (after), ==, "Brief 1");
  g_assert_cmpuint (tag_after, !=, tag_before);
  g_assert_cmpuint (tag_after, ==, row_tag (f, "a1"));
}

/* Details damaged outside of the store: the action's columns, not an error or a crash. */
static void
test_damaged_details (Fixture *f, gconstpointer data)
{
  g_autoptr (RempartFeed) feed = make_feed (1, 4, 0, "");
  g_autoptr (RempartAction) action = NULL;
  g_autoptr (GError) error = NULL;
  RempartImportStats stats;

  import_ok (f, feed, &stats);
  execute (f, "UPDATE actions SET details = '{\"brief\": ' WHERE action_id = 'a1'");
  action = read_action (f, f->sub->id, "a1", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rempart_action_get_title (action), ==, "Fil 1");
  g_assert_null (rempart_action_get_brief (action));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  STORE_TEST_ADD ("/store/action/found", test_found);
  STORE_TEST_ADD ("/store/action/missing", test_missing);
  STORE_TEST_ADD ("/store/action/cancelled", test_cancelled);
  STORE_TEST_ADD ("/store/action/after-reload", test_after_reload);
  STORE_TEST_ADD ("/store/action/damaged-details", test_damaged_details);

  return g_test_run ();
}
