/* test-publisher.c: publishing to a real Apache mod_dav_fs server on 127.0.0.1
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "apache-fixture.h"
#include "rempart-feed-merge.h"
#include "rempart-feed-parser.h"
#include "rempart-fetcher.h"
#include "rempart-publisher.h"
#include "rempart-test-dirs.h"

/* One server for the whole program; each test publishes into a folder of its own. */
static ApacheServer *server;
static char *key_dir;
static RempartMinisignSecretKey *key;

#define N_PUBLISHES 50

/* ------------------------------------------------------------------------------------------ */
/* Helpers                                                                                    */
/* ------------------------------------------------------------------------------------------ */

/* Each feed made has a higher seq than the last, as a moderator's file does (publishing
 * writes the raised seq back). */
static GBytes *
feed_with (const char *ids_titles)
{
  static gint64 seq = 1;
  g_autoptr (GString) text = g_string_new (NULL);
  g_auto (GStrv) parts = g_strsplit (ids_titles, ",", -1);

  g_string_printf (text,
                   "{\"version\": \"https://jsonfeed.org/version/1.1\", \"title\": \"G\",\n"
                   " \"_rempart\": {\"seq\": %" G_GINT64_FORMAT "}, \"items\": [",
                   seq);
  seq += 10;
  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_auto (GStrv) pair = g_strsplit (parts[i], "=", 2);

      g_string_append_printf (text,
                              "%s{\"id\": \"%s\", \"url\": \"https://example.org/%s\", "
                              "\"title\": \"%s\", \"content_text\": \"\"}",
                              i > 0 ? ", " : "", pair[0], pair[0], pair[1]);
    }
  g_string_append (text, "]}");
  return g_string_free_to_bytes (g_steal_pointer (&text));
}

static guint
n_actions (RempartFeed *feed)
{
  return g_list_model_get_n_items (rempart_feed_get_actions (feed));
}

/* The list keeps the action: its strings stay valid as long as @feed. */
static RempartAction *
action_at (RempartFeed *feed, guint index)
{
  g_autoptr (RempartAction) action = g_list_model_get_item (rempart_feed_get_actions (feed), index);

  g_assert_nonnull (action);
  return action;
}

static RempartPublication *
prepare (GBytes *feed)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr (GError) error = NULL;
  RempartPublication *publication;

  publication = rempart_publish_prepare (feed, "feed.json", key, now, G_TIME_SPAN_DAY, &error);
  g_assert_no_error (error);
  return publication;
}

static RempartPublishReceipt *
publish (const char *url, GBytes *feed, RempartPublishReceipt *last, GError **error)
{
  g_autoptr (RempartPublisher) publisher = rempart_publisher_new ();
  g_autoptr (RempartPublication) publication = prepare (feed);
  RempartPublishTarget target = {
    .feed_url = url,
    .user = APACHE_USER,
    .password = APACHE_PASSWORD,
    .etag = last != NULL ? last->etag : NULL,
    .base = last != NULL ? last->feed : NULL,
  };

  return rempart_publisher_publish_sync (publisher, &target, publication, NULL, error);
}

/* What a volunteer's app downloads, verified with the group's key. */
static RempartFeed *
volunteer_fetch (const char *url)
{
  g_autoptr (RempartFetcher) fetcher = rempart_fetcher_new ();
  g_autoptr (RempartMinisignPublicKey) public_key =
      rempart_minisign_secret_key_get_public_key (key);
  RempartFetchRequest request = { .url = url, .public_key = public_key };
  g_autoptr (RempartFetchResult) result = NULL;
  g_autoptr (GError) error = NULL;
  RempartFeed *feed;

  result = rempart_fetcher_fetch_sync (fetcher, &request, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rempart_fetch_result_get_status (result), ==, REMPART_FETCH_STATUS_OK);
  g_assert_true (rempart_fetch_result_get_signed (result));
  feed = rempart_feed_parse (rempart_fetch_result_get_body (result), url, &error);
  g_assert_no_error (error);
  return feed;
}

/* ------------------------------------------------------------------------------------------ */
/* Tests                                                                                      */
/* ------------------------------------------------------------------------------------------ */

static void
test_first_and_update (void)
{
  g_autofree char *url = apache_server_feed_url (server, "update", FALSE);
  g_autoptr (GBytes) one = feed_with ("a=First");
  g_autoptr (GBytes) two = feed_with ("b=Second,a=First");
  g_autoptr (RempartPublishReceipt) first = NULL;
  g_autoptr (RempartPublishReceipt) second = NULL;
  g_autoptr (RempartPublishReceipt) blind = NULL;
  g_autoptr (RempartFeed) fetched = NULL;
  g_autoptr (GError) error = NULL;

  first = publish (url, one, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (first->seq, >, 1);
  g_assert_nonnull (first->etag);
  fetched = volunteer_fetch (url);
  g_assert_cmpint (rempart_feed_get_seq (fetched), ==, first->seq);
  g_assert_cmpuint (n_actions (fetched), ==, 1);
  g_clear_object (&fetched);

  /* A first publish where there is already a feed is a conflict, not an overwrite. */
  blind = publish (url, two, NULL, &error);
  g_assert_error (error, REMPART_PUBLISH_ERROR, REMPART_PUBLISH_ERROR_CONFLICT);
  g_assert_null (blind);
  g_clear_error (&error);

  second = publish (url, two, first, &error);
  g_assert_no_error (error);
  fetched = volunteer_fetch (url);
  g_assert_cmpuint (n_actions (fetched), ==, 2);
}

static void
test_wrong_password (void)
{
  g_autofree char *url = apache_server_feed_url (server, "password", FALSE);
  g_autoptr (GBytes) one = feed_with ("a=First");
  g_autoptr (GBytes) two = feed_with ("b=Second");
  g_autoptr (RempartPublishReceipt) first = NULL;
  g_autoptr (RempartPublisher) publisher = rempart_publisher_new ();
  g_autoptr (RempartPublication) publication = prepare (two);
  g_autoptr (RempartPublishReceipt) refused = NULL;
  g_autoptr (RempartFeed) fetched = NULL;
  g_autoptr (GError) error = NULL;
  RempartPublishTarget target = { .feed_url = url, .user = APACHE_USER, .password = "wrong" };

  first = publish (url, one, NULL, &error);
  g_assert_no_error (error);
  target.etag = first->etag;
  refused = rempart_publisher_publish_sync (publisher, &target, publication, NULL, &error);
  g_assert_error (error, REMPART_PUBLISH_ERROR, REMPART_PUBLISH_ERROR_AUTH_FAILED);
  g_assert_nonnull (strstr (error->message, APACHE_USER));
  g_assert_null (refused);

  fetched = volunteer_fetch (url);
  g_assert_cmpstr (rempart_action_get_id (action_at (fetched, 0)), ==, "a");
}

static void
test_conflict_and_merge (void)
{
  g_autofree char *url = apache_server_feed_url (server, "conflict", FALSE);
  g_autoptr (GBytes) start = feed_with ("a=A,b=B");
  g_autoptr (GBytes) alice = feed_with ("new-alice=Alice's,a=A,b=B");
  g_autoptr (GBytes) bob = feed_with ("new-bob=Bob's,a=A changed by Bob");
  g_autoptr (RempartPublishReceipt) base = NULL;
  g_autoptr (RempartPublishReceipt) by_alice = NULL;
  g_autoptr (RempartPublishReceipt) by_bob = NULL;
  g_autoptr (RempartPublishReceipt) merged_receipt = NULL;
  g_autoptr (RempartPublisher) publisher = rempart_publisher_new ();
  g_autoptr (RempartServerCopy) copy = NULL;
  g_autoptr (RempartFeedMerge) merge = NULL;
  g_autoptr (GBytes) merged = NULL;
  g_autoptr (RempartFeed) fetched = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *report = NULL;
  RempartPublishTarget target = { .feed_url = url,
                                  .user = APACHE_USER,
                                  .password = APACHE_PASSWORD };

  base = publish (url, start, NULL, &error);
  g_assert_no_error (error);
  /* Alice publishes first; Bob, who started from the same copy, gets a conflict. */
  by_alice = publish (url, alice, base, &error);
  g_assert_no_error (error);
  by_bob = publish (url, bob, base, &error);
  g_assert_error (error, REMPART_PUBLISH_ERROR, REMPART_PUBLISH_ERROR_CONFLICT);
  g_clear_error (&error);
  fetched = volunteer_fetch (url);
  g_assert_cmpstr (rempart_action_get_id (action_at (fetched, 0)), ==, "new-alice");
  g_clear_object (&fetched);

  copy = rempart_publisher_fetch_current_sync (publisher, &target, NULL, &error);
  g_assert_no_error (error);
  merge = rempart_feed_merge_new (base->feed, bob, copy->feed, &error);
  g_assert_no_error (error);
  report = rempart_feed_merge_describe (merge);
  g_assert_nonnull (strstr (report, "Alice's"));
  g_assert_nonnull (strstr (report, "Bob's"));
  g_assert_cmpuint (rempart_feed_merge_get_n_conflicts (merge), ==, 0);

  merged = rempart_feed_merge_get_result (merge, &error);
  g_assert_no_error (error);
  {
    g_autoptr (RempartPublication) publication = prepare (merged);
    RempartPublishTarget again = target;

    again.etag = copy->etag;
    again.base = copy->feed;
    merged_receipt = rempart_publisher_publish_sync (publisher, &again, publication, NULL, &error);
    g_assert_no_error (error);
  }

  /* Both new actions, Bob's edit, Bob's removal of b; seq past Alice's. */
  fetched = volunteer_fetch (url);
  g_assert_cmpuint (n_actions (fetched), ==, 3);
  g_assert_cmpint (rempart_feed_get_seq (fetched), >, by_alice->seq);
  g_assert_cmpstr (rempart_action_get_id (action_at (fetched, 0)), ==, "new-bob");
  g_assert_cmpstr (rempart_action_get_id (action_at (fetched, 1)), ==, "new-alice");
  g_assert_cmpstr (rempart_action_get_title (action_at (fetched, 2)), ==, "A changed by Bob");
}

static void
test_merge_conflict (void)
{
  g_autoptr (GBytes) base = feed_with ("a=A,b=B");
  g_autoptr (GBytes) ours = feed_with ("a=Ours");
  g_autoptr (GBytes) theirs = feed_with ("a=Theirs,b=B");
  g_autoptr (RempartFeedMerge) merge = NULL;
  g_autoptr (GBytes) result = NULL;
  g_autoptr (RempartFeed) feed = NULL;
  g_autoptr (GError) error = NULL;

  merge = rempart_feed_merge_new (base, ours, theirs, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rempart_feed_merge_get_n_conflicts (merge), ==, 1);
  result = rempart_feed_merge_get_result (merge, &error);
  g_assert_error (error, REMPART_PUBLISH_ERROR, REMPART_PUBLISH_ERROR_CONFLICT);
  g_assert_null (result);
  g_clear_error (&error);

  rempart_feed_merge_resolve (merge, "a", REMPART_MERGE_THEIRS);
  result = rempart_feed_merge_get_result (merge, &error);
  g_assert_no_error (error);
  feed = rempart_feed_parse (result, "merged", &error);
  g_assert_no_error (error);
  /* We removed b, they did not touch it: removed. */
  g_assert_cmpuint (n_actions (feed), ==, 1);
  g_assert_cmpstr (rempart_action_get_title (action_at (feed, 0)), ==, "Theirs");
}

static void
test_merge_without_base (void)
{
  g_autoptr (GBytes) ours = feed_with ("a=A");
  g_autoptr (GBytes) theirs = feed_with ("b=B");
  g_autoptr (RempartFeedMerge) merge = NULL;
  g_autoptr (GBytes) result = NULL;
  g_autoptr (RempartFeed) feed = NULL;
  g_autoptr (GError) error = NULL;

  /* Without a base nothing counts as removed: both actions stay. */
  merge = rempart_feed_merge_new (NULL, ours, theirs, &error);
  g_assert_no_error (error);
  result = rempart_feed_merge_get_result (merge, &error);
  g_assert_no_error (error);
  feed = rempart_feed_parse (result, "merged", &error);
  g_assert_cmpuint (n_actions (feed), ==, 2);
}

static void
test_server_down (void)
{
  g_autoptr (GBytes) one = feed_with ("a=First");
  g_autoptr (RempartPublishReceipt) receipt = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GSocket) socket = NULL;
  g_autoptr (GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr (GSocketAddress) any = g_inet_socket_address_new (loopback, 0);
  g_autoptr (GSocketAddress) bound = NULL;
  g_autofree char *url = NULL;

  /* A port bound but not listening: the connection is refused. */
  socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, &error);
  g_assert_true (g_socket_bind (socket, any, FALSE, &error));
  bound = g_socket_get_local_address (socket, &error);
  url = g_strdup_printf ("http://127.0.0.1:%u/feed.json",
                         g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));

  receipt = publish (url, one, NULL, &error);
  g_assert_error (error, REMPART_PUBLISH_ERROR, REMPART_PUBLISH_ERROR_UPLOAD_FAILED);
  g_assert_null (receipt);
  g_clear_error (&error);

  receipt = publish ("ftp://127.0.0.1/feed.json", one, NULL, &error);
  g_assert_error (error, REMPART_PUBLISH_ERROR, REMPART_PUBLISH_ERROR_INVALID_URL);
}

static void
test_failure_midway (void)
{
  g_autofree char *url = apache_server_feed_url (server, "midway", FALSE);
  g_autofree char *broken = apache_server_feed_url (server, "midway", TRUE);
  g_autoptr (GBytes) one = feed_with ("a=First");
  g_autoptr (GBytes) two = feed_with ("b=Second");
  g_autoptr (RempartPublishReceipt) first = NULL;
  g_autoptr (RempartPublishReceipt) second = NULL;
  g_autoptr (RempartPublishReceipt) third = NULL;
  g_autoptr (RempartFeed) fetched = NULL;
  g_autoptr (GError) error = NULL;

  first = publish (url, one, NULL, &error);
  g_assert_no_error (error);

  /* The same folder through /broken/: the feed's PUT passes, the signature's gets a 507. */
  second = publish (broken, two, first, &error);
  g_assert_error (error, REMPART_PUBLISH_ERROR, REMPART_PUBLISH_ERROR_UPLOAD_FAILED);
  g_assert_nonnull (strstr (error->message, "507"));
  g_assert_null (second);
  g_clear_error (&error);

  /* Volunteers still get the previous valid pair... */
  fetched = volunteer_fetch (url);
  g_assert_cmpint (rempart_feed_get_seq (fetched), ==, first->seq);
  g_assert_cmpstr (rempart_action_get_id (action_at (fetched, 0)), ==, "a");

  /* ...and the next publish is not a false conflict: the bytes are the ones last seen. */
  third = publish (url, two, first, &error);
  g_assert_no_error (error);
}

/* A volunteer fetching in a loop while the moderator publishes N_PUBLISHES times. */
typedef struct
{
  GMainLoop *loop;
  RempartFetcher *fetcher;
  RempartMinisignPublicKey *public_key;
  char *url;
  RempartPublishReceipt *first; /* borrowed */
  gboolean publishing_done;
  guint n_fetches;
  guint n_verified;
  guint n_retry_later;
  gint64 last_seq;
  gint64 max_seq_seen;
} Volunteer;

static void fetch_next (Volunteer *volunteer);

static void
fetched_cb (GObject *object, GAsyncResult *result, gpointer user_data)
{
  Volunteer *volunteer = user_data;
  g_autoptr (RempartFetchResult) fetched = NULL;
  g_autoptr (GError) error = NULL;

  fetched = rempart_fetcher_fetch_finish (REMPART_FETCHER (object), result, &error);
  /* Never a signature error; nothing else may fail on loopback either. */
  g_assert_no_error (error);
  volunteer->n_fetches++;
  if (rempart_fetch_result_get_status (fetched) == REMPART_FETCH_STATUS_OK)
    {
      g_autoptr (RempartFeed) feed = NULL;

      g_assert_true (rempart_fetch_result_get_signed (fetched));
      feed = rempart_feed_parse (rempart_fetch_result_get_body (fetched), "loop", &error);
      g_assert_no_error (error);
      volunteer->max_seq_seen = MAX (volunteer->max_seq_seen, rempart_feed_get_seq (feed));
      volunteer->n_verified++;
    }
  else
    {
      g_assert_cmpint (rempart_fetch_result_get_status (fetched), ==,
                       REMPART_FETCH_STATUS_RETRY_LATER);
      volunteer->n_retry_later++;
    }

  if (volunteer->publishing_done)
    g_main_loop_quit (volunteer->loop);
  else
    fetch_next (volunteer);
}

static void
fetch_next (Volunteer *volunteer)
{
  RempartFetchRequest request = { .url = volunteer->url, .public_key = volunteer->public_key };

  rempart_fetcher_fetch_async (volunteer->fetcher, &request, NULL, fetched_cb, volunteer);
}

static gpointer
publish_thread (gpointer user_data)
{
  Volunteer *volunteer = user_data;
  g_autoptr (RempartPublishReceipt) last = NULL;

  for (guint i = 0; i < N_PUBLISHES; i++)
    {
      g_autofree char *spec = g_strdup_printf ("p%u=Publish %u", i, i);
      g_autoptr (GBytes) feed = feed_with (spec);
      g_autoptr (GError) error = NULL;
      RempartPublishReceipt *receipt =
          publish (volunteer->url, feed, last != NULL ? last : volunteer->first, &error);

      g_assert_no_error (error);
      g_clear_pointer (&last, rempart_publish_receipt_free);
      last = receipt;
    }
  volunteer->last_seq = last->seq;
  return NULL;
}

static gboolean
publishing_done_cb (gpointer user_data)
{
  Volunteer *volunteer = user_data;

  volunteer->publishing_done = TRUE;
  return G_SOURCE_REMOVE;
}

static gpointer
publish_then_signal (gpointer user_data)
{
  publish_thread (user_data);
  g_idle_add (publishing_done_cb, user_data);
  return NULL;
}

static void
test_volunteer_during_publishes (void)
{
  Volunteer volunteer = { 0 };
  g_autoptr (RempartPublishReceipt) first = NULL;
  g_autoptr (GBytes) start = feed_with ("start=Start");
  g_autoptr (GError) error = NULL;
  GThread *thread;

  volunteer.url = apache_server_feed_url (server, "loop", FALSE);
  first = publish (volunteer.url, start, NULL, &error);
  g_assert_no_error (error);
  volunteer.first = first;
  volunteer.loop = g_main_loop_new (NULL, FALSE);
  volunteer.fetcher = rempart_fetcher_new ();
  volunteer.public_key = rempart_minisign_secret_key_get_public_key (key);

  /* The publisher starts from the server's copy (the receipt's): every publish must pass. */
  thread = g_thread_new ("publisher", publish_then_signal, &volunteer);
  fetch_next (&volunteer);
  g_main_loop_run (volunteer.loop);
  g_thread_join (thread);

  g_test_message ("%u fetches, %u verified, %u told to retry later", volunteer.n_fetches,
                  volunteer.n_verified, volunteer.n_retry_later);
  g_assert_cmpuint (volunteer.n_fetches, >=, N_PUBLISHES / 2);
  g_assert_cmpuint (volunteer.n_verified, >, volunteer.n_retry_later);
  g_assert_cmpint (volunteer.max_seq_seen, >, first->seq);

  g_main_loop_unref (volunteer.loop);
  g_object_unref (volunteer.fetcher);
  rempart_minisign_public_key_unref (volunteer.public_key);
  g_free (volunteer.url);
}

int
main (int argc, char **argv)
{
  g_autofree char *pub = NULL;
  g_autofree char *sec = NULL;
  g_autofree char *contents = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) error = NULL;
  gsize length;
  int status;

  g_test_init (&argc, &argv, NULL);

  key_dir = rempart_test_dir_new ("publisher-key");
  pub = g_build_filename (key_dir, "k.pub", NULL);
  sec = g_build_filename (key_dir, "k.key", NULL);
  g_assert_true (rempart_minisign_keygen (pub, sec, NULL, FALSE, &error));
  g_assert_true (g_file_get_contents (sec, &contents, &length, &error));
  bytes = g_bytes_new (contents, length);
  key = rempart_minisign_secret_key_parse (bytes, NULL, &error);
  g_assert_no_error (error);
  server = apache_server_start ();

  g_test_add_func ("/publisher/first-and-update", test_first_and_update);
  g_test_add_func ("/publisher/wrong-password", test_wrong_password);
  g_test_add_func ("/publisher/conflict-and-merge", test_conflict_and_merge);
  g_test_add_func ("/publisher/merge-conflict", test_merge_conflict);
  g_test_add_func ("/publisher/merge-without-base", test_merge_without_base);
  g_test_add_func ("/publisher/server-down", test_server_down);
  g_test_add_func ("/publisher/failure-midway", test_failure_midway);
  g_test_add_func ("/publisher/volunteer-during-publishes", test_volunteer_during_publishes);
  status = g_test_run ();

  apache_server_stop (server);
  rempart_minisign_secret_key_unref (key);
  rempart_test_dir_remove (key_dir);
  g_free (key_dir);
  return status;
}
