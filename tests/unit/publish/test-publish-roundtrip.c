/* test-publish-roundtrip.c: what a moderator publishes is what a volunteer's store holds
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "apache-fixture.h"
#include "rempart-publisher.h"
#include "rempart-refresh.h"
#include "rempart-test-dirs.h"
#include "rempart-test-monitor.h"
#include "rempart-test-server.h"

/*
 * The whole path, for real: RempartPublisher signs and PUTs the feed to Apache httpd with
 * mod_dav_fs on 127.0.0.1; RempartRefresh downloads it as a volunteer's app does (the
 * signature verified with the pinned key) into a RempartStore file. Then a key rotation over
 * the same path: announced in a feed signed with the current key, completed by a feed signed
 * with the next one, after which a feed signed with the old key is refused.
 */

#define GUARD_SECONDS 30

typedef struct
{
  ApacheServer *server;
  char *url;
  char *dir;
  RempartStore *store;
  RempartFetcher *fetcher;
  RempartTestMonitor *monitor;
  RempartRefresh *refresh;
  RempartPublishReceipt *last;
  gint64 seq;
} Fixture;

/* ------------------------------------------------------------------------------------------ */
/* Helpers                                                                                    */
/* ------------------------------------------------------------------------------------------ */

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autofree char *path = NULL;
  g_autoptr (GError) error = NULL;

  f->server = apache_server_start ();
  f->url = apache_server_feed_url (f->server, "group", FALSE);
  f->dir = rempart_test_dir_new ("roundtrip");
  path = g_build_filename (f->dir, "rempart.db", NULL);
  f->store = rempart_store_open_sync (path, NULL, &error);
  g_assert_no_error (error);
  f->fetcher = rempart_fetcher_new ();
  f->monitor = rempart_test_monitor_new ();
  f->refresh =
      rempart_refresh_new (f->store, f->fetcher, G_NETWORK_MONITOR (f->monitor), NULL, NULL);
  f->seq = 1;
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->refresh);
  g_clear_object (&f->monitor);
  g_clear_object (&f->fetcher);
  rempart_store_close (f->store);
  g_clear_object (&f->store);
  g_clear_pointer (&f->last, rempart_publish_receipt_free);
  rempart_test_dir_remove (f->dir);
  g_free (f->dir);
  g_free (f->url);
  apache_server_stop (f->server);
}

/* The moderators' file: @n actions "@tag-1".., and `_rempart.next_key` when @next_key. */
static GBytes *
moderators_feed (Fixture *f, const char *tag, guint n, const char *next_key)
{
  g_autoptr (GString) text = g_string_new (NULL);

  g_string_printf (text,
                   "{\"version\": \"https://jsonfeed.org/version/1.1\", \"title\": \"Groupe\",\n"
                   " \"_rempart\": {\"seq\": %" G_GINT64_FORMAT "%s%s%s}, \"items\": [",
                   f->seq, next_key ? ", \"next_key\": \"" : "", next_key ? next_key : "",
                   next_key ? "\"" : "");
  /* Publishing raises the seq; the moderators' next file is above it. */
  f->seq += 10;
  for (guint i = 1; i <= n; i++)
    g_string_append_printf (text,
                            "%s{\"id\": \"%s-%u\", \"url\": \"https://example.org/%s/%u\", "
                            "\"title\": \"Action %s %u\", \"content_text\": \"Le brief\"}",
                            i > 1 ? ", " : "", tag, i, tag, i, tag, i);
  g_string_append (text, "]}");
  return g_string_free_to_bytes (g_steal_pointer (&text));
}

static void
publish (Fixture *f, GBytes *feed, RempartMinisignSecretKey *key)
{
  g_autoptr (RempartPublisher) publisher = rempart_publisher_new ();
  g_autoptr (RempartPublication) publication = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr (GError) error = NULL;
  RempartPublishTarget target = {
    .feed_url = f->url,
    .user = APACHE_USER,
    .password = APACHE_PASSWORD,
    .etag = f->last != NULL ? f->last->etag : NULL,
    .base = f->last != NULL ? f->last->feed : NULL,
  };
  RempartPublishReceipt *receipt;

  publication = rempart_publish_prepare (feed, "feed.json", key, now, G_TIME_SPAN_DAY, &error);
  g_assert_no_error (error);
  receipt = rempart_publisher_publish_sync (publisher, &target, publication, NULL, &error);
  g_assert_no_error (error);
  g_clear_pointer (&f->last, rempart_publish_receipt_free);
  f->last = receipt;
}

static gboolean
guard_cb (gpointer user_data)
{
  g_error ("The refresh took more than %d s", GUARD_SECONDS);
  return G_SOURCE_REMOVE;
}

static void
done_cb (GObject *object, GAsyncResult *result, gpointer user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

/* The volunteer's manual refresh of @id: its one report's outcome. */
static RempartSyncOutcome
refresh (Fixture *f, gint64 id)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GPtrArray) reports = NULL;
  g_autoptr (GError) error = NULL;
  guint guard = g_timeout_add_seconds (GUARD_SECONDS, guard_cb, NULL);
  RempartSyncReport *report;

  rempart_refresh_run_async (f->refresh, id, TRUE, NULL, done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (guard);
  reports = rempart_refresh_run_finish (f->refresh, result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reports->len, ==, 1);
  report = reports->pdata[0];
  if (report->outcome != REMPART_SYNC_OUTCOME_UPDATED)
    g_test_message ("%s", report->message);
  return report->outcome;
}

static RempartSubscription *
subscription (Fixture *f)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) subs = rempart_store_list_subscriptions_sync (f->store, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (subs->len, ==, 1);
  return rempart_subscription_copy (subs->pdata[0]);
}

static int
compare_strings (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (*(const char *const *) a, *(const char *const *) b);
}

/* The ids of the actions in the volunteer's store, sorted, joined by commas. */
static char *
stored_ids (Fixture *f)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) actions =
      rempart_store_list_actions_sync (f->store, REMPART_ACTION_VIEW_ALL, &error);
  g_autoptr (GPtrArray) ids = g_ptr_array_new ();

  g_assert_no_error (error);
  for (guint i = 0; i < actions->len; i++)
    {
      RempartStoredAction *stored = actions->pdata[i];

      g_ptr_array_add (ids, (gpointer) rempart_action_get_id (stored->action));
    }
  g_ptr_array_sort (ids, compare_strings);
  g_ptr_array_add (ids, NULL);
  return g_strjoinv (",", (char **) ids->pdata);
}

static char *
key_line (RempartMinisignPublicKey *key)
{
  return rempart_minisign_public_key_to_base64 (key);
}

/* ------------------------------------------------------------------------------------------ */
/* Tests                                                                                      */
/* ------------------------------------------------------------------------------------------ */

static void
test_roundtrip (Fixture *f, gconstpointer data)
{
  g_autoptr (RempartMinisignPublicKey) public_key = NULL;
  g_autoptr (RempartMinisignSecretKey) secret_key = NULL;
  g_autoptr (GBytes) first = NULL;
  g_autoptr (GBytes) second = NULL;
  g_autoptr (RempartSubscription) sub = NULL;
  g_autoptr (RempartSubscription) after = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *line = NULL;
  g_autofree char *ids = NULL;

  rempart_test_make_keys (&public_key, &secret_key);
  line = key_line (public_key);
  first = moderators_feed (f, "jour1", 3, NULL);
  publish (f, first, secret_key);

  sub = rempart_store_add_subscription_sync (f->store, f->url, line, &error);
  g_assert_no_error (error);
  g_assert_cmpint (refresh (f, sub->id), ==, REMPART_SYNC_OUTCOME_UPDATED);
  ids = stored_ids (f);
  g_assert_cmpstr (ids, ==, "jour1-1,jour1-2,jour1-3");
  after = subscription (f);
  g_assert_true (after->is_signed);
  g_assert_cmpint (after->last_seq, ==, f->last->seq);
  g_assert_cmpstr (after->title, ==, "Groupe");

  /* The next day's publish replaces the actions. */
  second = moderators_feed (f, "jour2", 2, NULL);
  publish (f, second, secret_key);
  g_assert_cmpint (refresh (f, sub->id), ==, REMPART_SYNC_OUTCOME_UPDATED);
  g_clear_pointer (&ids, g_free);
  ids = stored_ids (f);
  g_assert_cmpstr (ids, ==, "jour2-1,jour2-2");
  g_clear_pointer (&after, rempart_subscription_free);
  after = subscription (f);
  g_assert_cmpint (after->last_seq, ==, f->last->seq);
}

static void
test_rotation (Fixture *f, gconstpointer data)
{
  g_autoptr (RempartMinisignPublicKey) old_public = NULL;
  g_autoptr (RempartMinisignSecretKey) old_secret = NULL;
  g_autoptr (RempartMinisignPublicKey) new_public = NULL;
  g_autoptr (RempartMinisignSecretKey) new_secret = NULL;
  g_autoptr (RempartSubscription) sub = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *old_line = NULL;
  g_autofree char *new_line = NULL;
  g_autofree char *ids = NULL;

  rempart_test_make_keys (&old_public, &old_secret);
  rempart_test_make_keys (&new_public, &new_secret);
  old_line = key_line (old_public);
  new_line = key_line (new_public);

  {
    g_autoptr (GBytes) feed = moderators_feed (f, "avant", 1, NULL);

    publish (f, feed, old_secret);
  }
  sub = rempart_store_add_subscription_sync (f->store, f->url, old_line, &error);
  g_assert_no_error (error);
  g_assert_cmpint (refresh (f, sub->id), ==, REMPART_SYNC_OUTCOME_UPDATED);

  /* Announced, signed with the old key: remembered. */
  {
    g_autoptr (GBytes) feed = moderators_feed (f, "annonce", 1, new_line);
    g_autoptr (RempartSubscription) now = NULL;

    publish (f, feed, old_secret);
    g_assert_cmpint (refresh (f, sub->id), ==, REMPART_SYNC_OUTCOME_UPDATED);
    now = subscription (f);
    g_assert_cmpstr (now->public_key, ==, old_line);
    g_assert_cmpstr (now->next_public_key, ==, new_line);
  }

  /* Signed with the new key (the moderators' file still announces it; publishing drops it). */
  {
    g_autoptr (GBytes) feed = moderators_feed (f, "nouvelle", 2, new_line);
    g_autoptr (RempartSubscription) now = NULL;

    publish (f, feed, new_secret);
    g_assert_null (strstr (g_bytes_get_data (f->last->feed, NULL), "next_key"));
    g_assert_cmpint (refresh (f, sub->id), ==, REMPART_SYNC_OUTCOME_UPDATED);
    now = subscription (f);
    g_assert_cmpstr (now->public_key, ==, new_line);
    g_assert_null (now->next_public_key);
    ids = stored_ids (f);
    g_assert_cmpstr (ids, ==, "nouvelle-1,nouvelle-2");
  }

  /* The old key no longer signs anything this volunteer accepts. */
  {
    g_autoptr (GBytes) feed = moderators_feed (f, "ancienne", 1, NULL);
    g_autoptr (RempartSubscription) now = NULL;

    publish (f, feed, old_secret);
    g_assert_cmpint (refresh (f, sub->id), ==, REMPART_SYNC_OUTCOME_BAD_SIGNATURE);
    now = subscription (f);
    g_assert_cmpstr (now->public_key, ==, new_line);
    g_clear_pointer (&ids, g_free);
    ids = stored_ids (f);
    g_assert_cmpstr (ids, ==, "nouvelle-1,nouvelle-2");
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/publish/roundtrip/publish-then-refresh", Fixture, NULL, fixture_setup,
              test_roundtrip, fixture_teardown);
  g_test_add ("/publish/roundtrip/key-rotation", Fixture, NULL, fixture_setup, test_rotation,
              fixture_teardown);

  return g_test_run ();
}
