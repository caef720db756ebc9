/* test-action-item.c
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rempart-action-model.h"
#include "rempart-feed-parser.h"
#include "rempart-store-private.h"
#include "rempart-test-dirs.h"

/*
 * A list's item holds only the list's fields; its whole action is read from the store when a
 * page asks (rempart_action_item_get_action_async), kept by the item, kept across a reload
 * that brings the same action, and dropped by one that brings a changed one. A read for an
 * action that left the store fails clearly, and a cancelled one says so. Against a real
 * store file; every wait is bounded.
 */

#define FEED_URL "https://example.org/feed.json"

typedef struct
{
  char *dir;
  RempartStore *store;
  RempartSubscription *sub;
  RempartActionModel *model;
  guint has_details_notified;
} Fixture;

/* -------------------------------------------------------------------------------------- */
/* Helpers                                                                                */
/* -------------------------------------------------------------------------------------- */

/* @n actions a0..a{n-1}; a1's title and brief carry @variant. */
static void
import (Fixture *f, gint64 seq, guint n, const char *variant)
{
  g_autoptr (GString) s = g_string_new (NULL);
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (RempartFeed) feed = NULL;

  g_string_append_printf (s,
                          "{\"version\": \"https://jsonfeed.org/version/1.1\", \"title\": \"T\","
                          " \"_rempart\": {\"schema\": 1, \"seq\": %lld}, \"items\": [",
                          (long long) seq);
  for (guint i = 0; i < n; i++)
    g_string_append_printf (s,
                            "%s{\"id\": \"a%u\", \"url\": \"https://example.org/t/%u\","
                            " \"title\": \"Fil %u\", \"content_text\": \"Brief %u%s\","
                            " \"date_published\": \"2026-05-0%uT08:00:00Z\","
                            " \"_rempart\": {\"expires\": \"2099-01-01T00:00:00Z\","
                            " \"arguments\": [\"Argument %u\"]}}",
                            i == 0 ? "" : ",", i, i, i, i, i == 1 ? variant : "", 1 + i % 9, i);
  g_string_append (s, "]}");

  bytes = g_bytes_new (s->str, s->len);
  feed = rempart_feed_parse (bytes, "test.json", &error);
  g_assert_no_error (error);
  g_assert_true (rempart_store_import_feed_sync (f->store, f->sub, feed, NULL, &error));
  g_assert_no_error (error);
}

static gboolean
timeout_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Iterates until *@slot is set; fails after 10 seconds. */
static GAsyncResult *
wait_result (GAsyncResult **slot)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (10, timeout_cb, &timed_out);

  while (*slot == NULL && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (id);
  return g_steal_pointer (slot);
}

static void
result_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static void
reload (Fixture *f)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (10, timeout_cb, &timed_out);

  rempart_action_model_reload (f->model);
  while (rempart_action_model_get_loading (f->model) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (id);
}

static RempartAction *
get_action (Fixture *f, RempartActionItem *item, GCancellable *cancellable, GError **error)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GAsyncResult) slot = NULL;

  rempart_action_item_get_action_async (item, f->store, cancellable, result_cb, &slot);
  result = wait_result (&slot);
  return rempart_action_item_get_action_finish (item, result, error);
}

static void
has_details_cb (GObject *item, GParamSpec *pspec, Fixture *f)
{
  f->has_details_notified++;
}

static RempartActionItem *
find (Fixture *f, const char *id)
{
  RempartActionItem *item = rempart_action_model_find (f->model, FEED_URL, id);

  g_assert_nonnull (item);
  return item;
}

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = rempart_test_dir_new ("item");
  path = g_build_filename (f->dir, "rempart.db", NULL);
  f->store = rempart_store_open_sync (path, NULL, &error);
  g_assert_no_error (error);
  rempart_store_set_now_for_testing (f->store, 1777723200);
  f->sub = rempart_store_add_subscription_sync (f->store, FEED_URL, NULL, &error);
  g_assert_no_error (error);
  import (f, 1, 4, "");
  f->model = rempart_action_model_new (f->store, REMPART_ACTION_VIEW_ALL);
  reload (f);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  gboolean done = FALSE;

  g_clear_object (&f->model);
  /* Let a pending answer reach its callback before the store goes. */
  g_timeout_add (20, timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  g_clear_object (&f->store);
  g_clear_pointer (&f->sub, rempart_subscription_free);
  rempart_test_dir_remove (f->dir);
  g_free (f->dir);
}

/* -------------------------------------------------------------------------------------- */
/* Tests                                                                                  */
/* -------------------------------------------------------------------------------------- */

/* A row holds the list's fields only; the whole action is read once, then kept. */
static void
test_read_once (Fixture *f, gconstpointer data)
{
  RempartActionItem *item = find (f, "a1");
  g_autoptr (RempartAction) action = NULL;
  g_autoptr (RempartAction) again = NULL;
  g_autoptr (GError) error = NULL;

  g_signal_connect (item, "notify::has-details", G_CALLBACK (has_details_cb), f);
  g_assert_false (rempart_action_item_has_details (item));
  g_assert_cmpstr (rempart_action_get_title (rempart_action_item_peek_action (item)), ==, "Fil 1");
  g_assert_null (rempart_action_get_brief (rempart_action_item_peek_action (item)));
  g_assert_cmpint (rempart_action_item_get_expires (item), ==, 4070908800); /* 2099-01-01 */

  action = get_action (f, item, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rempart_action_get_brief (action), ==, "Brief 1");
  g_assert_cmpstr (rempart_action_get_arguments (action)[0], ==, "Argument 1");
  g_assert_true (rempart_action_item_has_details (item));
  g_assert_true (rempart_action_item_peek_action (item) == action);
  g_assert_cmpuint (f->has_details_notified, ==, 1);
  g_assert_cmpint (rempart_action_item_get_expires (item), ==, 4070908800);

  /* Kept: the same object, without a read (the store closed cannot answer one). */
  rempart_store_close (f->store);
  again = get_action (f, item, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (again == action);
  g_assert_cmpuint (f->has_details_notified, ==, 1);

  /* Another item of the list still needs its read, and the closed store says so. */
  {
    g_autoptr (GError) closed = NULL;
    g_autoptr (RempartAction) none = get_action (f, find (f, "a2"), NULL, &closed);

    g_assert_null (none);
    g_assert_error (closed, REMPART_STORE_ERROR, REMPART_STORE_ERROR_CLOSED);
  }
}

/* A reload that brings the same action keeps the details read; one that brings a changed
 * action (the brief only: no list field tells) drops them, and the next read has the new. */
static void
test_reload (Fixture *f, gconstpointer data)
{
  RempartActionItem *item = find (f, "a1");
  g_autoptr (RempartAction) action = NULL;
  g_autoptr (RempartAction) changed = NULL;
  g_autoptr (GError) error = NULL;
  guint64 tag;

  action = get_action (f, item, NULL, &error);
  g_assert_no_error (error);
  g_signal_connect (item, "notify", G_CALLBACK (has_details_cb), f);

  import (f, 2, 4, "");
  reload (f);
  g_assert_true (find (f, "a1") == item);
  g_assert_true (rempart_action_item_has_details (item));
  g_assert_true (rempart_action_item_peek_action (item) == action);
  g_assert_cmpuint (f->has_details_notified, ==, 0);
  /* The others are still rows. */
  g_assert_false (rempart_action_item_has_details (find (f, "a2")));

  tag = rempart_action_item_get_content_tag (item);
  g_assert_cmpuint (tag, !=, 0);
  import (f, 3, 4, " (bis)");
  reload (f);
  g_assert_true (find (f, "a1") == item);
  g_assert_false (rempart_action_item_has_details (item));
  g_assert_null (rempart_action_get_brief (rempart_action_item_peek_action (item)));
  /* Only has-details and content-tag changed: the list's fields are the same. */
  g_assert_cmpuint (f->has_details_notified, ==, 2);
  g_assert_cmpuint (rempart_action_item_get_content_tag (item), !=, tag);

  changed = get_action (f, item, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rempart_action_get_brief (changed), ==, "Brief 1 (bis)");
  g_assert_true (rempart_action_item_has_details (item));
}

/* Read with the list's row of one content, answered with another (an import came between):
 * the caller gets the store's action, the item keeps its row until its own reload. */
static void
test_changed_meanwhile (Fixture *f, gconstpointer data)
{
  RempartActionItem *item = find (f, "a1");
  g_autoptr (RempartAction) action = NULL;
  g_autoptr (GError) error = NULL;

  import (f, 2, 4, " (ter)");
  action = get_action (f, item, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rempart_action_get_brief (action), ==, "Brief 1 (ter)");
  g_assert_false (rempart_action_item_has_details (item));

  reload (f);
  g_clear_object (&action);
  action = get_action (f, item, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (rempart_action_item_has_details (item));
}

/* The action left the store after the list was read: a clear error, the item unchanged. */
static void
test_missing (Fixture *f, gconstpointer data)
{
  RempartActionItem *item = find (f, "a3");
  g_autoptr (RempartAction) action = NULL;
  g_autoptr (GError) error = NULL;

  import (f, 2, 3, "");
  action = get_action (f, item, NULL, &error);
  g_assert_null (action);
  g_assert_error (error, REMPART_STORE_ERROR, REMPART_STORE_ERROR_NOT_FOUND);
  g_assert_nonnull (g_strstr_len (error->message, -1, "a3"));
  g_assert_false (rempart_action_item_has_details (item));
}

/* Cancelled: G_IO_ERROR_CANCELLED, whether the store read it or not. */
static void
test_cancelled (Fixture *f, gconstpointer data)
{
  RempartActionItem *item = find (f, "a1");
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GAsyncResult) slot = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (RempartAction) action = NULL;
  g_autoptr (GError) error = NULL;

  rempart_action_item_get_action_async (item, f->store, cancellable, result_cb, &slot);
  g_cancellable_cancel (cancellable);
  result = wait_result (&slot);
  action = rempart_action_item_get_action_finish (item, result, &error);
  g_assert_null (action);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  /* A new read is not affected. */
  g_clear_error (&error);
  action = get_action (f, item, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rempart_action_get_brief (action), ==, "Brief 1");
}

/* An item made from a whole action (a moderator's preview) has it at once, store or not. */
static void
test_whole (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) whole =
      rempart_store_list_actions_sync (f->store, REMPART_ACTION_VIEW_ALL, &error);
  g_autoptr (RempartActionItem) item = NULL;
  g_autoptr (GAsyncResult) slot = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (RempartAction) action = NULL;

  g_assert_no_error (error);
  item = rempart_action_item_new (g_ptr_array_index (whole, 0));
  g_assert_true (rempart_action_item_has_details (item));
  rempart_action_item_get_action_async (item, NULL, NULL, result_cb, &slot);
  /* Never before the caller returns to the main loop. */
  g_assert_null (slot);
  result = wait_result (&slot);
  action = rempart_action_item_get_action_finish (item, result, &error);
  g_assert_no_error (error);
  g_assert_true (action == rempart_action_item_peek_action (item));
  g_assert_nonnull (rempart_action_get_brief (action));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/action-item/read-once", test_read_once);
  ADD ("/action-item/reload", test_reload);
  ADD ("/action-item/changed-meanwhile", test_changed_meanwhile);
  ADD ("/action-item/missing", test_missing);
  ADD ("/action-item/cancelled", test_cancelled);
  ADD ("/action-item/whole", test_whole);
#undef ADD

  return g_test_run ();
}
