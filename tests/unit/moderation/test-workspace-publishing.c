/* test-workspace-publishing.c
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rempart-feed-writer.h"
#include "rempart-test-dirs.h"
#include "rempart-workspace-private.h"

/*
 * Where a working copy is published (workspace.ini's [publish] beside the public key, read
 * back after reopening), the ETag forgotten when the address changes, an address that is not
 * http(s) refused without changing anything, and the working copy replaced by a published
 * one (its seq, its freshness, the published bytes as the base of a merge).
 */

#define FEED_URL "https://example.org/groupe/feed.json"
#define WAIT_MS  10000

/* A valid minisign public key (base64 line). */
#define PUBLIC_KEY "RWQf6LRCGA9i53mlYecO4IzT51TGPpvWucNSCh1CBM0QTaLn73Y7GFO3"

/* -------------------------------------------------------------------------------------- */
/* Helpers                                                                                */
/* -------------------------------------------------------------------------------------- */

static void
result_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static void
wait_for_result (GAsyncResult **done)
{
  gint64 deadline = g_get_monotonic_time () + WAIT_MS * 1000;

  while (*done == NULL && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE), g_usleep (1000);
  g_assert_nonnull (*done);
}

/* Every write asked for so far has landed. */
static void
wait_for_writes (void)
{
  g_autoptr (GAsyncResult) result = NULL;

  rempart_workspace_write_file_async (NULL, NULL, NULL, result_cb, &result);
  wait_for_result (&result);
  g_assert_true (rempart_workspace_write_file_finish (result, NULL));
}

static RempartWorkspace *
create (const char *base)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  RempartWorkspace *workspace;

  rempart_workspace_create_async (base, "Groupe", FEED_URL, NULL, result_cb, &result);
  wait_for_result (&result);
  workspace = rempart_workspace_create_finish (result, &error);
  g_assert_no_error (error);
  return workspace;
}

static RempartWorkspace *
reopen (RempartWorkspace *workspace)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  RempartWorkspace *again;

  rempart_workspace_flush (workspace);
  wait_for_writes ();
  rempart_workspace_open_async (rempart_workspace_get_dir (workspace), NULL, result_cb, &result);
  wait_for_result (&result);
  again = rempart_workspace_open_finish (result, &error);
  g_assert_no_error (error);
  return again;
}

/* -------------------------------------------------------------------------------------- */
/* Tests                                                                                  */
/* -------------------------------------------------------------------------------------- */

static void
test_target (void)
{
  g_autofree char *base = rempart_test_dir_new ("workspace-publishing");
  g_autoptr (RempartWorkspace) ws = create (base);
  g_autoptr (RempartWorkspace) again = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *url = NULL;
  g_autofree char *user = NULL;
  g_autofree char *etag = NULL;

  g_assert_null ((url = rempart_workspace_dup_publish_url (ws)));
  g_assert_true (rempart_workspace_set_public_key (ws, PUBLIC_KEY, &error));
  g_assert_no_error (error);
  g_assert_true (rempart_workspace_set_publish_target (
      ws, "https://cloud.example.org/remote.php/dav/files/moi/feed.json", "moi", &error));
  rempart_workspace_set_published_etag (ws, "\"abc\"");

  /* Refused: nothing changes. */
  g_assert_false (
      rempart_workspace_set_publish_target (ws, "ftp://example.org/feed.json", NULL, &error));
  g_assert_error (error, REMPART_WORKSPACE_ERROR, REMPART_WORKSPACE_ERROR_INVALID);
  g_clear_error (&error);

  /* All of it, beside the public key, after reopening. */
  again = reopen (ws);
  url = rempart_workspace_dup_publish_url (again);
  user = rempart_workspace_dup_publish_user (again);
  etag = rempart_workspace_dup_published_etag (again);
  g_assert_cmpstr (url, ==, "https://cloud.example.org/remote.php/dav/files/moi/feed.json");
  g_assert_cmpstr (user, ==, "moi");
  g_assert_cmpstr (etag, ==, "\"abc\"");
  g_assert_cmpstr (rempart_workspace_get_public_key (again), ==, PUBLIC_KEY);

  /* Another address: the ETag seen at the old one is forgotten; the same one keeps it. */
  g_assert_true (
      rempart_workspace_set_publish_target (again, "https://example.org/autre.json", "moi", NULL));
  g_clear_pointer (&etag, g_free);
  g_assert_null ((etag = rempart_workspace_dup_published_etag (again)));
  rempart_workspace_set_published_etag (again, "\"def\"");
  g_assert_true (
      rempart_workspace_set_publish_target (again, "https://example.org/autre.json", NULL, NULL));
  etag = rempart_workspace_dup_published_etag (again);
  g_assert_cmpstr (etag, ==, "\"def\"");
  g_clear_pointer (&user, g_free);
  g_assert_null ((user = rempart_workspace_dup_publish_user (again)));

  /* A new public key keeps the publishing settings. */
  g_assert_true (rempart_workspace_set_public_key (again, NULL, NULL));
  g_clear_object (&ws);
  ws = reopen (again);
  g_clear_pointer (&url, g_free);
  url = rempart_workspace_dup_publish_url (ws);
  g_assert_cmpstr (url, ==, "https://example.org/autre.json");
  g_assert_null (rempart_workspace_get_public_key (ws));

  g_clear_object (&ws);
  g_clear_object (&again);
  wait_for_writes ();
  rempart_test_dir_remove (base);
}

static void
test_replace (void)
{
  g_autofree char *base = rempart_test_dir_new ("workspace-publishing");
  g_autoptr (RempartWorkspace) ws = create (base);
  g_autoptr (RempartWorkspace) again = NULL;
  g_autoptr (GBytes) published = NULL;
  g_autoptr (GBytes) base_bytes = NULL;
  g_autoptr (GBytes) junk = g_bytes_new_static ("{\"not\": \"a feed\"", 16);
  g_autoptr (GDateTime) expires = g_date_time_new_utc (2030, 1, 2, 3, 4, 5);
  g_autoptr (GError) error = NULL;
  g_autofree char *data = NULL;
  JsonNode *root;
  RempartNewAction action = { 0 };
  gsize length = 0;
  guint changed = 0;
  gint64 seq;

  g_assert_null (rempart_workspace_dup_published_bytes (ws));
  g_assert_null (rempart_workspace_get_published_expires (ws));
  action.url = "https://www.facebook.com/news/posts/1";
  action.title = "Chiffres inventés";
  g_assert_true (rempart_workspace_add_action (ws, &action, NULL, &error));

  /* What a publish hands back: seq raised, freshness set. */
  seq = rempart_feed_get_seq (rempart_workspace_get_feed (ws)) + 1;
  root = json_node_copy (rempart_workspace_get_document (ws));
  g_assert_true (rempart_feed_document_bump_seq (root, NULL, &error));
  json_object_set_string_member (
      json_object_get_object_member (json_node_get_object (root), "_rempart"), "expires",
      "2030-01-02T03:04:05Z");
  data = rempart_feed_document_to_data (root, &length);
  json_node_unref (root);
  published = g_bytes_new_take (g_steal_pointer (&data), length);

  g_signal_connect_swapped (ws, "changed", G_CALLBACK (g_atomic_int_inc), &changed);
  g_assert_true (rempart_workspace_replace_document (ws, published, &error));
  g_assert_no_error (error);
  g_assert_true (rempart_workspace_set_published (ws, published, &error));
  g_assert_cmpuint (changed, ==, 2);
  g_assert_cmpint (rempart_feed_get_seq (rempart_workspace_get_feed (ws)), ==, seq);
  g_assert_true (g_date_time_equal (rempart_workspace_get_published_expires (ws), expires));
  base_bytes = rempart_workspace_dup_published_bytes (ws);
  g_assert_nonnull (base_bytes);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (base_bytes, NULL), -1, "Chiffres"));

  /* Not a feed: refused, the working copy as it was. */
  g_assert_false (rempart_workspace_replace_document (ws, junk, &error));
  g_assert_nonnull (error);
  g_assert_cmpint (rempart_feed_get_seq (rempart_workspace_get_feed (ws)), ==, seq);
  g_assert_cmpuint (changed, ==, 2);

  /* Saved like an edit. */
  again = reopen (ws);
  g_assert_cmpint (rempart_feed_get_seq (rempart_workspace_get_feed (again)), ==, seq);
  g_assert_nonnull (rempart_workspace_get_published (again));

  g_clear_object (&ws);
  g_clear_object (&again);
  wait_for_writes ();
  rempart_test_dir_remove (base);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/moderation/workspace-publishing/target", test_target);
  g_test_add_func ("/moderation/workspace-publishing/replace", test_replace);

  return g_test_run ();
}
