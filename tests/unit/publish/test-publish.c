/* test-publish.c: preparing a feed for publishing, and exporting it to a folder
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "rempart-date.h"
#include "rempart-feed-parser.h"
#include "rempart-publish.h"
#include "rempart-test-dirs.h"

static const char *good_feed =
    "{\"version\": \"https://jsonfeed.org/version/1.1\", \"title\": \"G\", \"x_keep\": 1,\n"
    " \"_rempart\": {\"seq\": 41},\n"
    " \"items\": [{\"id\": \"a\", \"url\": \"https://example.org/a\", \"title\": \"A\"}]}";

static RempartMinisignSecretKey *
make_key (const char *dir)
{
  g_autofree char *pub = g_build_filename (dir, "k.pub", NULL);
  g_autofree char *sec = g_build_filename (dir, "k.key", NULL);
  g_autofree char *contents = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) error = NULL;
  RempartMinisignSecretKey *key;
  gsize length;

  g_assert_true (rempart_minisign_keygen (pub, sec, NULL, FALSE, &error));
  g_assert_true (g_file_get_contents (sec, &contents, &length, &error));
  bytes = g_bytes_new (contents, length);
  key = rempart_minisign_secret_key_parse (bytes, NULL, &error);
  g_assert_no_error (error);
  return key;
}

static void
test_prepare (void)
{
  g_autofree char *dir = rempart_test_dir_new ("publish-prepare");
  g_autoptr (RempartMinisignSecretKey) key = make_key (dir);
  g_autoptr (RempartMinisignPublicKey) pub = rempart_minisign_secret_key_get_public_key (key);
  g_autoptr (GBytes) bytes = g_bytes_new_static (good_feed, strlen (good_feed));
  g_autoptr (GDateTime) now = g_date_time_new_utc (2026, 5, 2, 8, 30, 0.5);
  g_autoptr (RempartPublication) publication = NULL;
  g_autoptr (RempartFeed) feed = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *comment = NULL;
  g_autofree char *expires = NULL;

  publication = rempart_publish_prepare (bytes, "feed.json", key, now, 2 * G_TIME_SPAN_DAY, &error);
  g_assert_no_error (error);
  g_assert_cmpint (publication->seq, ==, 42);

  feed = rempart_feed_parse (publication->feed, "feed.json", &error);
  g_assert_no_error (error);
  g_assert_cmpint (rempart_feed_get_seq (feed), ==, 42);
  expires = rempart_date_format (rempart_feed_get_expires (feed));
  g_assert_cmpstr (expires, ==, "2026-05-04T08:30:00Z");
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (publication->feed, NULL),
                                  g_bytes_get_size (publication->feed), "x_keep"));

  g_assert_true (
      rempart_minisign_verify (pub, publication->feed, publication->signature, &comment, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (comment, ==, "seq 42 expires 2026-05-04T08:30:00Z");

  rempart_test_dir_remove (dir);
}

static void
test_prepare_refuses (void)
{
  g_autofree char *dir = rempart_test_dir_new ("publish-refuses");
  g_autoptr (RempartMinisignSecretKey) key = make_key (dir);
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  const char *skipped = "{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": ["
                        "{\"id\": \"a\", \"url\": \"javascript:alert(1)\"}]}";
  const char *broken = "{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": [";
  const char *texts[] = { skipped, broken };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr (GBytes) bytes = g_bytes_new_static (texts[i], strlen (texts[i]));
      g_autoptr (GError) error = NULL;

      g_assert_null (
          rempart_publish_prepare (bytes, "feed.json", key, now, G_TIME_SPAN_DAY, &error));
      g_assert_error (error, REMPART_PUBLISH_ERROR, REMPART_PUBLISH_ERROR_INVALID_FEED);
    }

  rempart_test_dir_remove (dir);
}

static void
export_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static void
test_export (void)
{
  g_autofree char *dir = rempart_test_dir_new ("publish-export");
  g_autofree char *site = g_build_filename (dir, "site", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing", "deeper", NULL);
  g_autofree char *feed_path = g_build_filename (site, "feed.json", NULL);
  g_autofree char *sig_path = g_build_filename (site, "feed.json.minisig", NULL);
  g_autoptr (RempartMinisignSecretKey) key = make_key (dir);
  g_autoptr (RempartMinisignPublicKey) pub = rempart_minisign_secret_key_get_public_key (key);
  g_autoptr (GBytes) bytes = g_bytes_new_static (good_feed, strlen (good_feed));
  g_autoptr (RempartPublication) publication = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GMappedFile) feed_file = NULL;
  g_autoptr (GMappedFile) sig_file = NULL;
  g_autoptr (GBytes) written_feed = NULL;
  g_autoptr (GBytes) written_sig = NULL;
  g_autoptr (GDir) listing = NULL;
  GError *error = NULL;
  gint64 deadline = g_get_monotonic_time () + 60 * G_TIME_SPAN_SECOND;
  guint n_files = 0;

  g_assert_cmpint (g_mkdir (site, 0755), ==, 0);
  rempart_publish_export_async (bytes, key, site, "feed.json", NULL, export_done_cb, &result);
  while (result == NULL && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (result);
  publication = rempart_publish_export_finish (result, &error);
  g_assert_no_error (error);

  feed_file = g_mapped_file_new (feed_path, FALSE, &error);
  g_assert_no_error (error);
  sig_file = g_mapped_file_new (sig_path, FALSE, &error);
  g_assert_no_error (error);
  written_feed = g_mapped_file_get_bytes (feed_file);
  written_sig = g_mapped_file_get_bytes (sig_file);
  g_assert_true (g_bytes_equal (written_feed, publication->feed));
  g_assert_true (rempart_minisign_verify (pub, written_feed, written_sig, NULL, &error));
  g_assert_no_error (error);

  /* Only the two files: no temporary file left behind. */
  listing = g_dir_open (site, 0, NULL);
  while (g_dir_read_name (listing) != NULL)
    n_files++;
  g_assert_cmpuint (n_files, ==, 2);

  /* A folder that is not there: an error that names it, nothing written. */
  g_assert_false (rempart_publish_export (publication, missing, "feed.json", &error));
  g_assert_error (error, REMPART_PUBLISH_ERROR, REMPART_PUBLISH_ERROR_WRITE_FAILED);
  g_assert_nonnull (strstr (error->message, missing));
  g_clear_error (&error);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));

  rempart_test_dir_remove (dir);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/publish/prepare", test_prepare);
  g_test_add_func ("/publish/prepare-refuses", test_prepare_refuses);
  g_test_add_func ("/publish/export", test_export);

  return g_test_run ();
}
