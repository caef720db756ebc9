/* test-workspace-download.c
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "rempart-test-dirs.h"
#include "rempart-test-server.h"
#include "rempart-workspace.h"

/*
 * "Moderate an existing feed": the group's feed is downloaded from a real server on 127.0.0.1
 * with its key, and becomes both the working copy and the published copy; a feed signed with
 * another key, a missing feed and a page that is not a feed are refused, and leave no folder.
 */

#define WAIT_MS 10000

#define FEED_BODY                                                                                \
  "{\"version\": \"https://jsonfeed.org/version/1.1\", \"title\": \"#ichbinhier\","              \
  " \"_rempart\": {\"seq\": 7, \"hashtag\": \"#ichbinhier\"}, \"items\": [{\"id\": \"a1\","      \
  " \"url\": \"https://www.youtube.com/watch?v=1\", \"title\": \"Fil\", \"content_text\": \"\"," \
  " \"_rempart\": {\"expires\": \"2099-01-01T00:00:00Z\"}}]}\n"

typedef struct
{
  char *base;
  char *server_base;
  SoupServer *server;
  RempartFetcher *fetcher;
  RempartMinisignPublicKey *public_key;
  RempartMinisignSecretKey *secret_key;
  GBytes *signature;
} Fixture;

/* -------------------------------------------------------------------------------------- */
/* Helpers                                                                                */
/* -------------------------------------------------------------------------------------- */

static void
handle (SoupServer *server,
        SoupServerMessage *msg,
        const char *path,
        GHashTable *query,
        gpointer user_data)
{
  Fixture *f = user_data;

  if (g_str_equal (path, "/feed.json") || g_str_equal (path, "/other.json"))
    {
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (msg, "application/feed+json", SOUP_MEMORY_STATIC, FEED_BODY,
                                        strlen (FEED_BODY));
    }
  else if (g_str_equal (path, "/feed.json.minisig") || g_str_equal (path, "/page.html.minisig"))
    {
      gsize len = 0;
      const char *data = g_bytes_get_data (f->signature, &len);

      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (msg, "text/plain", SOUP_MEMORY_COPY, data, len);
    }
  else if (g_str_equal (path, "/page.html"))
    {
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (msg, "text/html", SOUP_MEMORY_STATIC, "<html></html>", 13);
    }
  else
    soup_server_message_set_status (msg, SOUP_STATUS_NOT_FOUND, NULL);
}

static void
result_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static RempartWorkspace *
download (Fixture *f, const char *path, RempartMinisignPublicKey *key, GError **error)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autofree char *url = g_strconcat (f->server_base, path, NULL);
  gint64 deadline = g_get_monotonic_time () + WAIT_MS * 1000;

  rempart_workspace_download_async (f->base, f->fetcher, url, key, NULL, result_cb, &result);
  while (result == NULL && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE), g_usleep (1000);
  g_assert_nonnull (result);
  return rempart_workspace_download_finish (result, error);
}

static guint
count_folders (const char *base)
{
  g_autoptr (GDir) dir = g_dir_open (base, 0, NULL);
  guint n = 0;

  while (dir != NULL && g_dir_read_name (dir) != NULL && n < 100)
    n++;
  return n;
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GBytes) body = g_bytes_new_static (FEED_BODY, strlen (FEED_BODY));
  g_autoptr (GError) error = NULL;

  f->base = rempart_test_dir_new ("moderation-download");
  f->server = rempart_test_server_new (NULL, &f->server_base);
  soup_server_add_handler (f->server, NULL, handle, f, NULL);
  f->fetcher = rempart_fetcher_new ();
  rempart_test_make_keys (&f->public_key, &f->secret_key);
  f->signature = rempart_minisign_sign (f->secret_key, body, "test", NULL, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->fetcher);
  rempart_test_server_disconnect (f->server);
  g_clear_object (&f->server);
  g_clear_pointer (&f->public_key, rempart_minisign_public_key_unref);
  g_clear_pointer (&f->secret_key, rempart_minisign_secret_key_unref);
  g_clear_pointer (&f->signature, g_bytes_unref);
  rempart_test_dir_remove (f->base);
  g_free (f->base);
  g_free (f->server_base);
}

/* -------------------------------------------------------------------------------------- */
/* Tests                                                                                  */
/* -------------------------------------------------------------------------------------- */

static void
test_download_signed (Fixture *f, gconstpointer data)
{
  g_autoptr (RempartWorkspace) ws = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *key_text = rempart_minisign_public_key_to_base64 (f->public_key);
  g_autofree char *published = NULL;
  g_autofree char *path = NULL;

  ws = download (f, "/feed.json", f->public_key, &error);
  g_assert_no_error (error);
  g_assert_nonnull (ws);
  g_assert_cmpstr (rempart_workspace_get_title (ws), ==, "#ichbinhier");
  g_assert_cmpstr (rempart_workspace_get_slug (ws), ==, "ichbinhier");
  g_assert_cmpstr (rempart_workspace_get_public_key (ws), ==, key_text);
  g_assert_nonnull (rempart_workspace_get_published (ws));
  g_assert_cmpint (rempart_workspace_get_action_state (ws, "a1", now), ==,
                   REMPART_WORKSPACE_ACTION_PUBLISHED);

  path = g_build_filename (rempart_workspace_get_dir (ws), "published.json", NULL);
  g_assert_true (g_file_get_contents (path, &published, NULL, NULL));
  g_assert_cmpstr (published, ==, FEED_BODY);
}

static void
test_download_refused (Fixture *f, gconstpointer data)
{
  g_autoptr (RempartMinisignPublicKey) other_public = NULL;
  g_autoptr (RempartMinisignSecretKey) other_secret = NULL;
  g_autoptr (GError) error = NULL;

  rempart_test_make_keys (&other_public, &other_secret);

  /* Signed with another key. */
  g_assert_null (download (f, "/feed.json", other_public, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  /* A key, but no signature at all. */
  g_assert_null (download (f, "/other.json", f->public_key, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  /* Nothing there. */
  g_assert_null (download (f, "/missing.json", NULL, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  /* Not a feed. */
  g_assert_null (download (f, "/page.html", NULL, &error));
  g_assert_error (error, REMPART_WORKSPACE_ERROR, REMPART_WORKSPACE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_cmpuint (count_folders (f->base), ==, 0);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/moderation/download/signed", Fixture, NULL, fixture_set_up, test_download_signed,
              fixture_tear_down);
  g_test_add ("/moderation/download/refused", Fixture, NULL, fixture_set_up, test_download_refused,
              fixture_tear_down);
  return g_test_run ();
}
