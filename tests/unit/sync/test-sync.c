/* test-sync.c
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The sync engine with real parts: a scripted SoupServer on 127.0.0.1 in the same process, a
 * real store file in a temporary directory, real minisign keys and signatures, a network
 * monitor whose state the test sets, and a fake clock. Every wait is bounded by a guard that
 * fails the test after GUARD_SECONDS. After every unhappy outcome the test checks that the
 * data imported before is intact. */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "rempart-demo.h"
#include "rempart-fetcher.h"
#include "rempart-minisign.h"
#include "rempart-test-dirs.h"
#include "rempart-test-monitor.h"
#include "rempart-test-server.h"
#include "rempart-store.h"
#include "rempart-store-private.h"
#include "rempart-sync.h"

#define GUARD_SECONDS 10
/* 2026-06-01T10:00:00Z */
#define START_TIME 1780308000

/* RFC 6585; libsoup 3.2 has no name for it. */
#define STATUS_TOO_MANY_REQUESTS 429

/* ------------------------------------------------------------------------------------------ */
/* Fixture                                                                                    */
/* ------------------------------------------------------------------------------------------ */

typedef enum
{
  REPLY_NORMAL,
  REPLY_STALL, /* headers and a few bytes, then nothing */
} ReplyKind;

/* What the server answers on one path; a 200 with an ETag answers 304 to a request that
 * sends it back. */
typedef struct
{
  guint status;
  ReplyKind kind;
  char *location;
  char *retry_after;
  char *etag;
  GBytes *body;
} Route;

typedef struct
{
  SoupServer *server;
  char *base;
  GHashTable *routes;        /* path → Route */
  GHashTable *hits;          /* path → count */
  GHashTable *if_none_match; /* path → last If-None-Match */
  guint n_requests;
  GPtrArray *stalled;

  char *dir;
  RempartStore *store;
  RempartFetcher *fetcher;
  RempartTestMonitor *monitor;
  RempartSync *sync;
  gint64 now;

  RempartMinisignPublicKey *public_key;
  RempartMinisignSecretKey *secret_key;
  char *public_key_line;

  /* Signals. */
  GArray *changed_ids;
  GArray *new_action_ids;
  GArray *new_action_counts;
} Fixture;

static void
route_free (Route *route)
{
  g_free (route->location);
  g_free (route->retry_after);
  g_free (route->etag);
  g_clear_pointer (&route->body, g_bytes_unref);
  g_free (route);
}

static Route *
add_route (Fixture *f, const char *path, guint status)
{
  Route *route = g_new0 (Route, 1);

  route->status = status;
  g_hash_table_replace (f->routes, g_strdup (path), route);
  return route;
}

static void
add_body_route (Fixture *f, const char *path, const char *etag, GBytes *body)
{
  Route *route = add_route (f, path, SOUP_STATUS_OK);

  route->etag = g_strdup (etag);
  route->body = g_bytes_ref (body);
}

static guint
hits (Fixture *f, const char *path)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (f->hits, path));
}

static char *
url (Fixture *f, const char *path)
{
  return g_strconcat (f->base, path, NULL);
}

static gint64
fake_now (gpointer user_data)
{
  Fixture *f = user_data;

  return f->now;
}

static void
request_read_cb (SoupServer *server, SoupServerMessage *msg, Fixture *f)
{
  const char *path = g_uri_get_path (soup_server_message_get_uri (msg));
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  const char *inm = soup_message_headers_get_one (headers, "If-None-Match");

  f->n_requests++;
  g_hash_table_replace (f->hits, g_strdup (path), GUINT_TO_POINTER (hits (f, path) + 1));
  if (inm != NULL)
    g_hash_table_replace (f->if_none_match, g_strdup (path), g_strdup (inm));
  else
    g_hash_table_remove (f->if_none_match, path);
}

static void
handle_route (SoupServer *server,
              SoupServerMessage *msg,
              const char *path,
              GHashTable *query,
              gpointer user_data)
{
  Fixture *f = user_data;
  Route *route = g_hash_table_lookup (f->routes, path);
  SoupMessageHeaders *request = soup_server_message_get_request_headers (msg);
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);

  if (route == NULL)
    {
      soup_server_message_set_status (msg, SOUP_STATUS_NOT_FOUND, NULL);
      return;
    }

  if (route->kind == REPLY_STALL)
    {
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_message_headers_set_encoding (headers, SOUP_ENCODING_CHUNKED);
      soup_message_body_append (soup_server_message_get_response_body (msg), SOUP_MEMORY_STATIC,
                                "{\"version\"", 10);
      g_ptr_array_add (f->stalled, g_object_ref (msg));
      return;
    }

  if (route->location != NULL)
    soup_message_headers_replace (headers, "Location", route->location);
  if (route->retry_after != NULL)
    soup_message_headers_replace (headers, "Retry-After", route->retry_after);
  if (route->etag != NULL)
    {
      soup_message_headers_replace (headers, "ETag", route->etag);
      if (g_strcmp0 (soup_message_headers_get_one (request, "If-None-Match"), route->etag) == 0)
        {
          soup_server_message_set_status (msg, SOUP_STATUS_NOT_MODIFIED, NULL);
          return;
        }
    }

  soup_server_message_set_status (msg, route->status, NULL);
  if (route->body != NULL)
    {
      gsize len = 0;
      const char *data = g_bytes_get_data (route->body, &len);

      soup_server_message_set_response (msg, "application/feed+json", SOUP_MEMORY_COPY, data, len);
    }
}

static void
subscription_changed_cb (RempartSync *sync, gint64 id, Fixture *f)
{
  g_array_append_val (f->changed_ids, id);
}

static void
new_actions_cb (RempartSync *sync, gint64 id, guint count, Fixture *f)
{
  g_array_append_val (f->new_action_ids, id);
  g_array_append_val (f->new_action_counts, count);
}

static void
make_keys (Fixture *f)
{
  rempart_test_make_keys (&f->public_key, &f->secret_key);
  f->public_key_line = rempart_minisign_public_key_to_base64 (f->public_key);
}

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *db_path = NULL;

  f->server = rempart_test_server_new (NULL, &f->base);
  f->routes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) route_free);
  f->hits = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  f->if_none_match = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  f->stalled = g_ptr_array_new_with_free_func (g_object_unref);
  soup_server_add_handler (f->server, NULL, handle_route, f, NULL);
  g_signal_connect (f->server, "request-read", G_CALLBACK (request_read_cb), f);

  f->dir = g_dir_make_tmp ("rempart-sync-XXXXXX", &error);
  g_assert_no_error (error);
  db_path = g_build_filename (f->dir, "rempart.db", NULL);
  f->store = rempart_store_open_sync (db_path, NULL, &error);
  g_assert_no_error (error);

  f->fetcher = rempart_fetcher_new ();
  soup_session_set_proxy_resolver (rempart_fetcher_get_session (f->fetcher), NULL);
  f->monitor = rempart_test_monitor_new ();
  f->sync = rempart_sync_new (f->store, f->fetcher, G_NETWORK_MONITOR (f->monitor));
  f->now = START_TIME;
  rempart_sync_set_clock (f->sync, fake_now, f);

  f->changed_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  f->new_action_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  f->new_action_counts = g_array_new (FALSE, FALSE, sizeof (guint));
  g_signal_connect (f->sync, "subscription-changed", G_CALLBACK (subscription_changed_cb), f);
  g_signal_connect (f->sync, "new-actions", G_CALLBACK (new_actions_cb), f);

  make_keys (f);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->sync);
  g_clear_object (&f->monitor);
  g_clear_object (&f->fetcher);
  rempart_store_close (f->store);
  g_clear_object (&f->store);
  rempart_test_dir_remove (f->dir);
  g_free (f->dir);

  rempart_test_server_disconnect (f->server);
  g_ptr_array_unref (f->stalled);
  g_clear_object (&f->server);
  g_free (f->base);
  g_hash_table_unref (f->routes);
  g_hash_table_unref (f->hits);
  g_hash_table_unref (f->if_none_match);

  g_clear_pointer (&f->public_key, rempart_minisign_public_key_unref);
  g_clear_pointer (&f->secret_key, rempart_minisign_secret_key_unref);
  g_free (f->public_key_line);
  g_array_unref (f->changed_ids);
  g_array_unref (f->new_action_ids);
  g_array_unref (f->new_action_counts);
}

/* ------------------------------------------------------------------------------------------ */
/* Helpers                                                                                    */
/* ------------------------------------------------------------------------------------------ */

/* A valid feed: @n_items actions "@tag-1".."@tag-n"; seq < 0 and expires == 0 leave them out. */
static GBytes *
make_feed (const char *tag, guint n_items, gint64 seq, gint64 expires)
{
  GString *s = g_string_new ("{\"version\": \"https://jsonfeed.org/version/1.1\",\n"
                             " \"title\": \"Groupe test\",\n"
                             " \"_rempart\": {\"schema\": 1");

  if (seq >= 0)
    g_string_append_printf (s, ", \"seq\": %lld", (long long) seq);
  if (expires != 0)
    {
      g_autoptr (GDateTime) dt = g_date_time_new_from_unix_utc (expires);
      g_autofree char *iso = g_date_time_format_iso8601 (dt);

      g_string_append_printf (s, ", \"expires\": \"%s\"", iso);
    }
  g_string_append (s, "},\n \"items\": [");
  for (guint i = 1; i <= n_items; i++)
    g_string_append_printf (s,
                            "%s\n  {\"id\": \"%s-%u\", \"url\": \"https://example.org/t/%s-%u\", "
                            "\"title\": \"Action %u (%s)\", \"content_text\": \"Brief %u of %s\"}",
                            i > 1 ? "," : "", tag, i, tag, i, i, tag, i, tag);
  g_string_append (s, "\n]}\n");

  return g_string_free_to_bytes (s);
}

static GBytes *
sign (Fixture *f, GBytes *body)
{
  g_autoptr (GError) error = NULL;
  GBytes *sig = rempart_minisign_sign (f->secret_key, body, "rempart test feed", NULL, &error);

  g_assert_no_error (error);
  return sig;
}

/* Serves @body signed at @path (and its .minisig). */
static void
serve_signed (Fixture *f, const char *path, const char *etag, GBytes *body)
{
  g_autoptr (GBytes) sig = sign (f, body);
  g_autofree char *sig_path = g_strconcat (path, ".minisig", NULL);

  add_body_route (f, path, etag, body);
  add_body_route (f, sig_path, NULL, sig);
}

static gint64
add_subscription (Fixture *f, const char *path, gboolean with_key)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *address = url (f, path);
  g_autoptr (RempartSubscription) sub = rempart_store_add_subscription_sync (
      f->store, address, with_key ? f->public_key_line : NULL, &error);

  g_assert_no_error (error);
  g_assert (sub != NULL);
  return sub->id;
}

static RempartSubscription *
get_sub (Fixture *f, gint64 id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) subs = rempart_store_list_subscriptions_sync (f->store, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < subs->len; i++)
    {
      RempartSubscription *sub = g_ptr_array_index (subs, i);

      if (sub->id == id)
        return rempart_subscription_copy (sub);
    }

  g_assert_not_reached ();
  return NULL;
}

/* Everything the volunteer sees of the actions and what decides the next download: must
 * not change after an unhappy outcome. */
static char *
snapshot (Fixture *f)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) actions =
      rempart_store_list_actions_sync (f->store, REMPART_ACTION_VIEW_ALL, &error);
  g_autoptr (GPtrArray) subs = rempart_store_list_subscriptions_sync (f->store, &error);
  GString *s = g_string_new (NULL);

  g_assert_no_error (error);
  g_assert_nonnull (actions);
  for (guint i = 0; i < actions->len; i++)
    {
      RempartStoredAction *a = g_ptr_array_index (actions, i);

      g_string_append_printf (s, "action %lld %s %s %s %s %s %d %d %lld %lld\n",
                              (long long) a->subscription_id, a->subscription_url,
                              rempart_action_get_id (a->action), rempart_action_get_url (a->action),
                              rempart_action_get_title (a->action),
                              rempart_action_get_brief (a->action), a->state, a->archived,
                              (long long) a->first_seen, (long long) a->updated);
    }
  for (guint i = 0; i < subs->len; i++)
    {
      RempartSubscription *sub = g_ptr_array_index (subs, i);

      g_string_append_printf (s, "sub %lld %s %s %s %s %lld %lld %d\n", (long long) sub->id,
                              sub->url, sub->title, sub->etag, sub->last_modified,
                              (long long) sub->last_seq, (long long) sub->expires, sub->is_signed);
    }

  return g_string_free (s, FALSE);
}

static guint
count_actions (Fixture *f, gint64 subscription_id, const char *id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) actions =
      rempart_store_list_actions_sync (f->store, REMPART_ACTION_VIEW_ALL, &error);
  guint n = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < actions->len; i++)
    {
      RempartStoredAction *a = g_ptr_array_index (actions, i);

      if (a->subscription_id == subscription_id &&
          (id == NULL || g_strcmp0 (rempart_action_get_id (a->action), id) == 0))
        n++;
    }
  return n;
}

static gboolean
guard_cb (gpointer user_data)
{
  g_error ("A refresh did not end within %d seconds", GUARD_SECONDS);
  return G_SOURCE_REMOVE;
}

static void
refresh_done_cb (GObject *object, GAsyncResult *result, gpointer user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static GPtrArray *
refresh_full (Fixture *f, gint64 id, gboolean manual, GCancellable *cancellable, GError **error)
{
  g_autoptr (GAsyncResult) result = NULL;
  guint guard = g_timeout_add_seconds (GUARD_SECONDS, guard_cb, NULL);

  rempart_sync_refresh_async (f->sync, id, manual, cancellable, refresh_done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (guard);

  return rempart_sync_refresh_finish (f->sync, result, error);
}

/* Refreshes @id and returns its one report. */
static RempartSyncReport *
refresh_one (Fixture *f, gint64 id, gboolean manual)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) reports = refresh_full (f, id, manual, NULL, &error);
  RempartSyncReport *report;

  g_assert_no_error (error);
  g_assert_nonnull (reports);
  g_assert_cmpuint (reports->len, ==, 1);
  report = g_ptr_array_index (reports, 0);
  g_assert_cmpint (report->subscription_id, ==, id);
  g_assert_nonnull (report->message);
  g_assert_cmpstr (report->message, !=, "");
  g_test_message ("%s: %s", rempart_sync_outcome_to_string (report->outcome), report->message);
  return rempart_sync_report_copy (report);
}

#define assert_outcome(report, expected)                                   \
  g_assert_cmpstr (rempart_sync_outcome_to_string ((report)->outcome), ==, \
                   rempart_sync_outcome_to_string (expected))

/* Refreshes @id once more, in place of *@report, and checks the outcome. */
static void
refresh_again (Fixture *f,
               RempartSyncReport **report,
               gint64 id,
               gboolean manual,
               RempartSyncOutcome expected)
{
  g_clear_pointer (report, rempart_sync_report_free);
  *report = refresh_one (f, id, manual);
  assert_outcome (*report, expected);
}

/* Reads @id again from the store, in place of *@sub. */
static void
reload_sub (Fixture *f, RempartSubscription **sub, gint64 id)
{
  g_clear_pointer (sub, rempart_subscription_free);
  *sub = get_sub (f, id);
}

/* Imports a first unsigned feed of 3 actions at /feed.json, ETag "v1"; returns the id. */
static gint64
import_first (Fixture *f)
{
  g_autoptr (GBytes) body = make_feed ("first", 3, 1, START_TIME + 86400);
  g_autoptr (RempartSyncReport) report = NULL;
  gint64 id = add_subscription (f, "/feed.json", FALSE);

  add_body_route (f, "/feed.json", "\"v1\"", body);
  report = refresh_one (f, id, FALSE);
  assert_outcome (report, REMPART_SYNC_OUTCOME_UPDATED);
  g_assert_cmpuint (count_actions (f, id, NULL), ==, 3);
  return id;
}

/* Imports a first signed feed (seq @seq) at /signed.json, ETag "s1"; returns the id. */
static gint64
import_first_signed (Fixture *f, gint64 seq)
{
  g_autoptr (GBytes) body = make_feed ("signed", 2, seq, START_TIME + 86400);
  g_autoptr (RempartSyncReport) report = NULL;
  g_autoptr (RempartSubscription) sub = NULL;
  gint64 id = add_subscription (f, "/signed.json", TRUE);

  serve_signed (f, "/signed.json", "\"s1\"", body);
  report = refresh_one (f, id, FALSE);
  assert_outcome (report, REMPART_SYNC_OUTCOME_UPDATED);
  g_assert_true (report->is_signed);
  sub = get_sub (f, id);
  g_assert_true (sub->is_signed);
  g_assert_cmpint (sub->last_seq, ==, seq);
  g_assert_cmpstr (sub->etag, ==, "\"s1\"");
  return id;
}

/* ------------------------------------------------------------------------------------------ */
/* Tests: success                                                                             */
/* ------------------------------------------------------------------------------------------ */

static void
test_ok_then_not_modified (Fixture *f, gconstpointer data)
{
  g_autoptr (GBytes) body = make_feed ("a", 3, -1, START_TIME + 86400);
  g_autoptr (RempartSyncReport) first = NULL;
  g_autoptr (RempartSyncReport) second = NULL;
  g_autoptr (RempartSubscription) before = NULL;
  g_autoptr (RempartSubscription) after = NULL;
  g_autofree char *data_before = NULL;
  g_autofree char *data_after = NULL;
  gint64 id = add_subscription (f, "/feed.json", FALSE);

  add_body_route (f, "/feed.json", "\"v1\"", body);
  first = refresh_one (f, id, FALSE);
  assert_outcome (first, REMPART_SYNC_OUTCOME_UPDATED);
  g_assert_cmpuint (first->stats.added, ==, 3);
  g_assert_false (first->is_signed);
  g_assert_false (first->stale);
  g_assert_cmpuint (count_actions (f, id, "a-1"), ==, 1);
  g_assert_cmpuint (count_actions (f, id, "a-2"), ==, 1);
  g_assert_cmpuint (count_actions (f, id, "a-3"), ==, 1);
  g_assert_false (g_hash_table_contains (f->if_none_match, "/feed.json"));

  before = get_sub (f, id);
  g_assert_cmpstr (before->etag, ==, "\"v1\"");
  g_assert_cmpstr (before->title, ==, "Groupe test");
  g_assert_cmpint (before->expires, ==, START_TIME + 86400);
  g_assert_cmpint (before->last_check, ==, START_TIME);
  g_assert_cmpint (before->last_success, ==, START_TIME);
  g_assert_false (before->is_signed);
  g_assert_cmpint (before->last_seq, ==, -1);
  g_assert_null (before->last_error);
  data_before = snapshot (f);

  f->now += 100;
  second = refresh_one (f, id, FALSE);
  assert_outcome (second, REMPART_SYNC_OUTCOME_NOT_MODIFIED);
  g_assert_cmpstr (g_hash_table_lookup (f->if_none_match, "/feed.json"), ==, "\"v1\"");
  g_assert_cmpuint (hits (f, "/feed.json"), ==, 2);
  data_after = snapshot (f);
  g_assert_cmpstr (data_after, ==, data_before);

  after = get_sub (f, id);
  g_assert_cmpint (after->last_check, ==, START_TIME + 100);
  g_assert_cmpint (after->last_success, ==, START_TIME + 100);
  /* Nothing else moved. */
  after->last_check = before->last_check;
  after->last_success = before->last_success;
  g_assert_cmpint (after->next_check, ==, before->next_check);
  g_assert_cmpint (after->retry_after, ==, before->retry_after);
  g_assert_cmpint (after->failures, ==, before->failures);
  g_assert_cmpint (after->ended, ==, before->ended);
  g_assert_null (after->last_error);
}

static void
test_stale (Fixture *f, gconstpointer data)
{
  g_autoptr (GBytes) body = make_feed ("old", 2, -1, START_TIME - 3600);
  g_autoptr (RempartSyncReport) report = NULL;
  g_autoptr (RempartSubscription) sub = NULL;
  gint64 id = add_subscription (f, "/feed.json", FALSE);

  add_body_route (f, "/feed.json", "\"old\"", body);
  report = refresh_one (f, id, FALSE);
  assert_outcome (report, REMPART_SYNC_OUTCOME_UPDATED);
  g_assert_true (report->stale);
  g_assert_cmpuint (count_actions (f, id, NULL), ==, 2);
  sub = get_sub (f, id);
  g_assert_cmpint (sub->expires, ==, START_TIME - 3600);
  g_assert_true (rempart_subscription_is_stale (sub, START_TIME));

  /* Still stale after a 304: the report says so every time. */
  g_clear_pointer (&report, rempart_sync_report_free);
  f->now += 60;
  report = refresh_one (f, id, FALSE);
  assert_outcome (report, REMPART_SYNC_OUTCOME_NOT_MODIFIED);
  g_assert_true (report->stale);
}

static void
test_unsigned_seq_not_compared (Fixture *f, gconstpointer data)
{
  g_autoptr (GBytes) newer = make_feed ("n", 1, 5, 0);
  g_autoptr (GBytes) older = make_feed ("o", 1, 4, 0);
  g_autoptr (RempartSyncReport) report = NULL;
  g_autoptr (RempartSubscription) sub = NULL;
  gint64 id = add_subscription (f, "/feed.json", FALSE);

  add_body_route (f, "/feed.json", "\"5\"", newer);
  report = refresh_one (f, id, FALSE);
  assert_outcome (report, REMPART_SYNC_OUTCOME_UPDATED);

  /* Anyone can write a seq in an unsigned feed: it proves nothing, so it is not kept and a
   * lower one is not a rollback. */
  add_body_route (f, "/feed.json", "\"4\"", older);
  refresh_again (f, &report, id, FALSE, REMPART_SYNC_OUTCOME_UPDATED);
  g_assert_cmpuint (count_actions (f, id, "o-1"), ==, 1);
  sub = get_sub (f, id);
  g_assert_cmpint (sub->last_seq, ==, -1);
}

/* ------------------------------------------------------------------------------------------ */
/* Tests: the server asks us to wait, or fails                                                */
/* ------------------------------------------------------------------------------------------ */

/* The server answers @status with @retry_after; checks what is saved, that even a manual
 * refresh before the date sends nothing, and that the server is asked again exactly at the
 * date (so last_check - START_TIME - 10 is the delay). Returns the subscription. */
static gint64
check_retry_later (Fixture *f, guint status, const char *retry_after)
{
  g_autoptr (RempartSyncReport) report = NULL;
  g_autoptr (RempartSyncReport) skipped = NULL;
  g_autoptr (RempartSubscription) sub = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 id = import_first (f);
  guint n_hits;
  Route *route;

  before = snapshot (f);
  f->now += 10;
  route = add_route (f, "/feed.json", status);
  route->retry_after = g_strdup (retry_after);
  report = refresh_one (f, id, FALSE);
  assert_outcome (report, REMPART_SYNC_OUTCOME_RETRY_LATER);
  sub = get_sub (f, id);
  g_assert_cmpint (sub->retry_after, >, f->now);
  g_assert_cmpint (sub->next_check, ==, sub->retry_after);
  g_assert_cmpint (report->next_attempt, ==, sub->retry_after);
  g_assert_cmpint (sub->failures, ==, 0);
  g_assert_cmpint (sub->last_check, ==, f->now);
  g_assert_nonnull (sub->last_error);
  after = snapshot (f);
  g_assert_cmpstr (after, ==, before);

  /* Even a manual refresh waits for the date the server gave. */
  n_hits = f->n_requests;
  f->now = sub->retry_after - 1;
  skipped = refresh_one (f, id, TRUE);
  assert_outcome (skipped, REMPART_SYNC_OUTCOME_SKIPPED_BACKOFF);
  g_assert_cmpuint (f->n_requests, ==, n_hits);

  /* After it, the server is asked again (and says nothing changed). */
  g_clear_pointer (&report, rempart_sync_report_free);
  {
    g_autoptr (GBytes) body = make_feed ("first", 3, 1, START_TIME + 86400);

    add_body_route (f, "/feed.json", "\"v1\"", body);
  }
  f->now = sub->retry_after;
  report = refresh_one (f, id, FALSE);
  assert_outcome (report, REMPART_SYNC_OUTCOME_NOT_MODIFIED);
  g_assert_cmpuint (f->n_requests, ==, n_hits + 1);
  reload_sub (f, &sub, id);
  g_assert_cmpint (sub->retry_after, ==, 0);
  g_assert_null (sub->last_error);

  return id;
}

static void
test_retry_after_seconds (Fixture *f, gconstpointer data)
{
  g_autoptr (RempartSubscription) sub = NULL;

  sub = get_sub (f, check_retry_later (f, STATUS_TOO_MANY_REQUESTS, "120"));
  /* Saved as "now + 120": the 304 came exactly at that time. */
  g_assert_cmpint (sub->last_check, ==, START_TIME + 10 + 120);
}

static void
test_retry_after_date (Fixture *f, gconstpointer data)
{
  /* An HTTP date two hours from now (the real clock: the server's date is compared with
   * the real time when the header is read). */
  g_autoptr (GDateTime) real_now = g_date_time_new_now_utc ();
  g_autoptr (GDateTime) later = g_date_time_add_hours (real_now, 2);
  g_autofree char *date = soup_date_time_to_string (later, SOUP_DATE_HTTP);
  g_autoptr (RempartSubscription) sub = NULL;
  gint64 delay;

  sub = get_sub (f, check_retry_later (f, STATUS_TOO_MANY_REQUESTS, date));
  delay = sub->last_check - (START_TIME + 10);
  g_assert_cmpint (delay, >=, 2 * 3600 - 5);
  g_assert_cmpint (delay, <=, 2 * 3600);
}

static void
test_service_unavailable (Fixture *f, gconstpointer data)
{
  g_autoptr (RempartSubscription) sub = NULL;

  /* Without Retry-After: the fetcher's default for 503. */
  sub = get_sub (f, check_retry_later (f, SOUP_STATUS_SERVICE_UNAVAILABLE, NULL));
  g_assert_cmpint (sub->last_check, ==, START_TIME + 10 + REMPART_FETCH_DEFAULT_RETRY_AFTER_503);
}

static void
assert_backoff (const RempartSubscription *sub, gint64 now_seconds, gint64 base)
{
  gint64 delay = sub->next_check - now_seconds;

  g_assert_cmpint (delay, >=, (gint64) (base * (1.0 - REMPART_SYNC_BACKOFF_JITTER)));
  g_assert_cmpint (delay, <=, (gint64) (base * (1.0 + REMPART_SYNC_BACKOFF_JITTER)));
}

static void
test_backoff (Fixture *f, gconstpointer data)
{
  g_autoptr (RempartSyncReport) report = NULL;
  g_autoptr (RempartSubscription) sub = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 id = import_first (f);
  guint n_hits;

  before = snapshot (f);
  add_route (f, "/feed.json", SOUP_STATUS_INTERNAL_SERVER_ERROR);

  report = refresh_one (f, id, FALSE);
  assert_outcome (report, REMPART_SYNC_OUTCOME_FAILED);
  g_assert_nonnull (strstr (report->message, "500"));
  sub = get_sub (f, id);
  g_assert_cmpint (sub->failures, ==, 1);
  assert_backoff (sub, f->now, 60);
  g_assert_cmpint (report->next_attempt, ==, sub->next_check);
  g_assert_cmpstr (sub->last_error, ==, report->message);
  g_assert_cmpint (sub->last_success, ==, START_TIME);

  /* Second failure, once the first wait is over: 120 s ± 20 %. */
  f->now = sub->next_check;
  refresh_again (f, &report, id, FALSE, REMPART_SYNC_OUTCOME_FAILED);
  reload_sub (f, &sub, id);
  g_assert_cmpint (sub->failures, ==, 2);
  assert_backoff (sub, f->now, 120);
  after = snapshot (f);
  g_assert_cmpstr (after, ==, before);

  /* During the wait an automatic refresh does not ask... */
  n_hits = f->n_requests;
  f->now += 30;
  refresh_again (f, &report, id, FALSE, REMPART_SYNC_OUTCOME_SKIPPED_BACKOFF);
  g_assert_cmpuint (f->n_requests, ==, n_hits);

  /* ...a manual one does. */
  refresh_again (f, &report, id, TRUE, REMPART_SYNC_OUTCOME_FAILED);
  g_assert_cmpuint (f->n_requests, ==, n_hits + 1);
  reload_sub (f, &sub, id);
  g_assert_cmpint (sub->failures, ==, 3);
  assert_backoff (sub, f->now, 240);

  /* The cap: a day, whatever the number of failures. */
  sub->failures = 40;
  rempart_store_update_subscription_sync (f->store, sub, NULL);
  f->now = sub->next_check;
  refresh_again (f, &report, id, FALSE, REMPART_SYNC_OUTCOME_FAILED);
  reload_sub (f, &sub, id);
  g_assert_cmpint (sub->failures, ==, 41);
  assert_backoff (sub, f->now, REMPART_SYNC_BACKOFF_MAX);

  /* The server is back: everything is forgotten. */
  {
    g_autoptr (GBytes) body = make_feed ("first", 3, 1, START_TIME + 86400);

    add_body_route (f, "/feed.json", "\"v1\"", body);
  }
  refresh_again (f, &report, id, TRUE, REMPART_SYNC_OUTCOME_NOT_MODIFIED);
  reload_sub (f, &sub, id);
  g_assert_cmpint (sub->failures, ==, 0);
  g_assert_cmpint (sub->next_check, ==, 0);
  g_assert_null (sub->last_error);
  g_assert_cmpint (sub->last_success, ==, f->now);
}

static void
test_gone (Fixture *f, gconstpointer data)
{
  g_autoptr (RempartSyncReport) report = NULL;
  g_autoptr (RempartSubscription) sub = NULL;
  g_autoptr (GBytes) back = make_feed ("back", 1, -1, 0);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 id = import_first (f);
  guint n_hits;

  before = snapshot (f);
  add_route (f, "/feed.json", SOUP_STATUS_GONE);
  f->now += 10;
  report = refresh_one (f, id, FALSE);
  assert_outcome (report, REMPART_SYNC_OUTCOME_GONE);
  sub = get_sub (f, id);
  g_assert_true (sub->ended);
  g_assert_cmpint (sub->last_check, ==, f->now);
  g_assert_nonnull (sub->last_error);
  after = snapshot (f);
  g_assert_cmpstr (after, ==, before);

  /* No more automatic checks, even much later. */
  n_hits = f->n_requests;
  f->now += 7 * 86400;
  refresh_again (f, &report, id, FALSE, REMPART_SYNC_OUTCOME_SKIPPED_ENDED);
  g_assert_cmpuint (f->n_requests, ==, n_hits);

  /* A manual refresh asks again: still gone... */
  refresh_again (f, &report, id, TRUE, REMPART_SYNC_OUTCOME_GONE);
  g_assert_cmpuint (f->n_requests, ==, n_hits + 1);

  /* ...then published again. */
  add_body_route (f, "/feed.json", "\"back\"", back);
  refresh_again (f, &report, id, TRUE, REMPART_SYNC_OUTCOME_UPDATED);
  reload_sub (f, &sub, id);
  g_assert_false (sub->ended);
  g_assert_cmpuint (count_actions (f, id, "back-1"), ==, 1);
}

static void
test_rejected (Fixture *f, gconstpointer data)
{
  g_autoptr (GBytes) garbage = g_bytes_new_static ("{\"version\": not json", 20);
  g_autoptr (RempartSyncReport) report = NULL;
  g_autoptr (RempartSubscription) sub = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 id = import_first (f);

  before = snapshot (f);
  add_body_route (f, "/feed.json", "\"broken\"", garbage);
  report = refresh_one (f, id, FALSE);
  assert_outcome (report, REMPART_SYNC_OUTCOME_REJECTED);
  after = snapshot (f);
  g_assert_cmpstr (after, ==, before);
  sub = get_sub (f, id);
  /* The ETag of the broken copy was not kept: the next attempt downloads it again. */
  g_assert_cmpstr (sub->etag, ==, "\"v1\"");
  g_assert_cmpint (sub->failures, ==, 1);
  g_assert_cmpstr (sub->last_error, ==, report->message);
}

static void
test_store_failure (Fixture *f, gconstpointer data)
{
  g_autoptr (GBytes) body = make_feed ("next", 5, -1, 0);
  g_autoptr (RempartSyncReport) report = NULL;
  g_autoptr (RempartSubscription) sub = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 id = import_first (f);
  guint n_changed;

  /* The store fails in the middle of the import (its test hook): nothing partial is kept,
   * the new ETag is not saved, and the failure is counted like any other. */
  before = snapshot (f);
  n_changed = f->changed_ids->len;
  add_body_route (f, "/feed.json", "\"v2\"", body);
  rempart_store_set_import_fail_at_for_testing (f->store, 2);
  report = refresh_one (f, id, FALSE);
  assert_outcome (report, REMPART_SYNC_OUTCOME_FAILED);
  after = snapshot (f);
  g_assert_cmpstr (after, ==, before);
  sub = get_sub (f, id);
  g_assert_cmpstr (sub->etag, ==, "\"v1\"");
  g_assert_cmpint (sub->failures, ==, 1);
  g_assert_cmpstr (sub->last_error, ==, report->message);
  g_assert_cmpuint (f->changed_ids->len, ==, n_changed + 1);
  g_assert_cmpuint (f->new_action_ids->len, ==, 1);

  /* Once the store works again, a manual refresh imports it. */
  rempart_store_set_import_fail_at_for_testing (f->store, 0);
  refresh_again (f, &report, id, TRUE, REMPART_SYNC_OUTCOME_UPDATED);
  g_assert_cmpuint (count_actions (f, id, "next-5"), ==, 1);
}

static void
test_stalled (Fixture *f, gconstpointer data)
{
  g_autoptr (RempartSyncReport) report = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 id;
  gint64 start;

  /* The timeout applies to connections opened afterwards: set it first. */
  rempart_fetcher_set_timeout (f->fetcher, 2);
  id = import_first (f);
  before = snapshot (f);
  add_route (f, "/feed.json", SOUP_STATUS_OK)->kind = REPLY_STALL;
  start = g_get_monotonic_time ();
  report = refresh_one (f, id, FALSE);
  assert_outcome (report, REMPART_SYNC_OUTCOME_FAILED);
  /* Ended by the fetcher's timeout, not by the guard. */
  g_assert_cmpint (g_get_monotonic_time () - start, <, (GUARD_SECONDS - 2) * G_USEC_PER_SEC);
  g_assert_cmpuint (f->stalled->len, ==, 1);
  after = snapshot (f);
  g_assert_cmpstr (after, ==, before);
}

/* ------------------------------------------------------------------------------------------ */
/* Tests: signatures                                                                          */
/* ------------------------------------------------------------------------------------------ */

static void
check_bad_signature (Fixture *f, gint64 id, const char *expected_in_message)
{
  g_autoptr (RempartSyncReport) report = NULL;
  g_autoptr (RempartSubscription) sub = NULL;
  g_autofree char *before = snapshot (f);
  g_autofree char *after = NULL;

  f->now += 10;
  report = refresh_one (f, id, FALSE);
  assert_outcome (report, REMPART_SYNC_OUTCOME_BAD_SIGNATURE);
  g_assert_nonnull (strstr (report->message, expected_in_message));
  after = snapshot (f);
  g_assert_cmpstr (after, ==, before);
  sub = get_sub (f, id);
  g_assert_cmpstr (sub->etag, ==, "\"s1\"");
  g_assert_true (sub->is_signed);
  g_assert_cmpint (sub->failures, ==, 1);
  g_assert_cmpint (sub->next_check, >, f->now);
}

static void
test_signature_missing (Fixture *f, gconstpointer data)
{
  g_autoptr (GBytes) body = make_feed ("unsigned", 1, 2, START_TIME + 86400);
  gint64 id = import_first_signed (f, 1);

  add_body_route (f, "/signed.json", "\"s2\"", body);
  g_hash_table_remove (f->routes, "/signed.json.minisig");
  check_bad_signature (f, id, "signed.json.minisig");
}

static void
test_signature_bad (Fixture *f, gconstpointer data)
{
  g_autoptr (GBytes) body = make_feed ("tampered", 1, 2, START_TIME + 86400);
  gint64 id = import_first_signed (f, 1);

  /* New content, the old signature. */
  add_body_route (f, "/signed.json", "\"s2\"", body);
  check_bad_signature (f, id, "signed.json");
}

static void
test_signature_other_key (Fixture *f, gconstpointer data)
{
  g_autoptr (GBytes) body = make_feed ("other", 1, 2, START_TIME + 86400);
  gint64 id = import_first_signed (f, 1);

  /* A second key pair in the same fixture: the feed is signed, but not by the group. */
  g_clear_pointer (&f->public_key, rempart_minisign_public_key_unref);
  g_clear_pointer (&f->secret_key, rempart_minisign_secret_key_unref);
  g_clear_pointer (&f->public_key_line, g_free);
  make_keys (f);
  serve_signed (f, "/signed.json", "\"s2\"", body);
  check_bad_signature (f, id, "signed.json");
}

static void
test_rollback (Fixture *f, gconstpointer data)
{
  g_autoptr (GBytes) older = make_feed ("older", 4, 4, START_TIME + 86400);
  g_autoptr (GBytes) same = make_feed ("same", 1, 5, START_TIME + 86400);
  g_autoptr (RempartSyncReport) report = NULL;
  g_autoptr (RempartSubscription) sub = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 id = import_first_signed (f, 5);

  before = snapshot (f);
  serve_signed (f, "/signed.json", "\"s4\"", older);
  report = refresh_one (f, id, FALSE);
  assert_outcome (report, REMPART_SYNC_OUTCOME_ROLLBACK);
  after = snapshot (f);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (count_actions (f, id, "older-1"), ==, 0);
  sub = get_sub (f, id);
  g_assert_cmpint (sub->last_seq, ==, 5);
  g_assert_cmpstr (sub->etag, ==, "\"s1\"");

  /* The same seq again (a corrected publish) is not a rollback. */
  serve_signed (f, "/signed.json", "\"s5\"", same);
  f->now = sub->next_check;
  refresh_again (f, &report, id, FALSE, REMPART_SYNC_OUTCOME_UPDATED);
  g_assert_cmpuint (count_actions (f, id, "same-1"), ==, 1);
}

static void
test_redirect_verified (Fixture *f, gconstpointer data)
{
  g_autoptr (GBytes) body = make_feed ("moved", 2, 3, START_TIME + 86400);
  g_autoptr (RempartSyncReport) report = NULL;
  g_autoptr (RempartSubscription) sub = NULL;
  g_autofree char *new_url = url (f, "/new/feed.json");
  gint64 id = add_subscription (f, "/old.json", TRUE);

  add_route (f, "/old.json", SOUP_STATUS_MOVED_PERMANENTLY)->location = g_strdup ("/new/feed.json");
  serve_signed (f, "/new/feed.json", "\"m\"", body);
  report = refresh_one (f, id, FALSE);
  assert_outcome (report, REMPART_SYNC_OUTCOME_UPDATED);
  g_assert_true (report->is_signed);
  sub = get_sub (f, id);
  g_assert_cmpstr (sub->url, ==, new_url);
  g_assert_cmpint (sub->last_seq, ==, 3);
  g_assert_cmpuint (count_actions (f, id, "moved-1"), ==, 1);
}

static void
test_redirect_bad_signature (Fixture *f, gconstpointer data)
{
  g_autoptr (GBytes) body = make_feed ("hijack", 2, 9, START_TIME + 86400);
  g_autoptr (GBytes) other = make_feed ("something else", 1, 9, 0);
  g_autoptr (GBytes) wrong_sig = NULL;
  g_autoptr (RempartSubscription) sub = NULL;
  g_autofree char *old_url = url (f, "/signed.json");
  gint64 id = import_first_signed (f, 1);

  /* Moved for good to a feed whose signature does not match. */
  add_route (f, "/signed.json", SOUP_STATUS_MOVED_PERMANENTLY)->location =
      g_strdup ("/elsewhere.json");
  wrong_sig = sign (f, other);
  add_body_route (f, "/elsewhere.json", "\"h\"", body);
  add_body_route (f, "/elsewhere.json.minisig", NULL, wrong_sig);
  check_bad_signature (f, id, "elsewhere.json");
  sub = get_sub (f, id);
  g_assert_cmpstr (sub->url, ==, old_url);
}

static void
test_unsigned_report (Fixture *f, gconstpointer data)
{
  g_autoptr (RempartSubscription) sub = NULL;
  g_autoptr (GBytes) body = make_feed ("u", 1, 7, 0);
  g_autoptr (RempartSyncReport) report = NULL;
  gint64 id = add_subscription (f, "/feed.json", FALSE);

  /* A signature lies next to the feed, but without a pinned key it means nothing. */
  serve_signed (f, "/feed.json", "\"u\"", body);
  report = refresh_one (f, id, FALSE);
  assert_outcome (report, REMPART_SYNC_OUTCOME_UPDATED);
  g_assert_false (report->is_signed);
  g_assert_cmpuint (hits (f, "/feed.json.minisig"), ==, 0);
  sub = get_sub (f, id);
  g_assert_false (sub->is_signed);
}

/* ------------------------------------------------------------------------------------------ */
/* Tests: several subscriptions, offline, signals, queue                                      */
/* ------------------------------------------------------------------------------------------ */

static void
test_offline (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) reports = NULL;
  g_autoptr (RempartSubscription) sub = NULL;
  g_autoptr (GBytes) body = make_feed ("b", 1, -1, 0);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 a = import_first (f);
  gint64 b = add_subscription (f, "/b.json", FALSE);
  guint n_hits = f->n_requests;
  guint n_changed = f->changed_ids->len;

  add_body_route (f, "/b.json", NULL, body);
  before = snapshot (f);
  rempart_test_monitor_set_available (f->monitor, FALSE);
  f->now += 3600;

  for (int manual = 0; manual <= 1; manual++)
    {
      g_clear_pointer (&reports, g_ptr_array_unref);
      reports = refresh_full (f, 0, manual, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (reports->len, ==, 2);
      for (guint i = 0; i < reports->len; i++)
        {
          RempartSyncReport *report = g_ptr_array_index (reports, i);

          assert_outcome (report, REMPART_SYNC_OUTCOME_SKIPPED_OFFLINE);
          g_assert_true (report->subscription_id == a || report->subscription_id == b);
        }
    }

  g_assert_cmpuint (f->n_requests, ==, n_hits);
  g_assert_cmpuint (f->changed_ids->len, ==, n_changed);
  after = snapshot (f);
  g_assert_cmpstr (after, ==, before);
  sub = get_sub (f, a);
  g_assert_cmpint (sub->last_check, ==, START_TIME);
}

static void
test_two_subscriptions (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) reports = NULL;
  g_autoptr (GBytes) body = make_feed ("b", 2, -1, 0);
  g_autofree char *before = NULL;
  gint64 a = import_first (f);
  gint64 b = add_subscription (f, "/b.json", FALSE);
  gboolean seen_a = FALSE;
  gboolean seen_b = FALSE;

  before = snapshot (f);
  add_route (f, "/feed.json", SOUP_STATUS_INTERNAL_SERVER_ERROR);
  add_body_route (f, "/b.json", "\"b\"", body);

  reports = refresh_full (f, 0, FALSE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reports->len, ==, 2);
  for (guint i = 0; i < reports->len; i++)
    {
      RempartSyncReport *report = g_ptr_array_index (reports, i);

      if (report->subscription_id == a)
        {
          assert_outcome (report, REMPART_SYNC_OUTCOME_FAILED);
          seen_a = TRUE;
        }
      else
        {
          g_assert_cmpint (report->subscription_id, ==, b);
          assert_outcome (report, REMPART_SYNC_OUTCOME_UPDATED);
          g_assert_cmpuint (report->stats.added, ==, 2);
          seen_b = TRUE;
        }
    }
  g_assert_true (seen_a && seen_b);
  g_assert_cmpuint (count_actions (f, a, NULL), ==, 3);
  g_assert_cmpuint (count_actions (f, b, "b-1"), ==, 1);
  g_assert_cmpuint (count_actions (f, b, "b-2"), ==, 1);
}

static void
test_signals (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) reports = NULL;
  g_autoptr (GBytes) a_body = make_feed ("a", 3, -1, 0);
  g_autoptr (GBytes) a_more = make_feed ("a", 4, -1, 0);
  g_autoptr (GBytes) a_edit = make_feed ("a", 4, -1, 1);
  gint64 a = add_subscription (f, "/a.json", FALSE);
  gint64 b = add_subscription (f, "/b.json", FALSE);

  add_body_route (f, "/a.json", "\"a1\"", a_body);
  add_route (f, "/b.json", SOUP_STATUS_INTERNAL_SERVER_ERROR);

  /* A: imported (changed + 3 new); B: failed (changed, its bookkeeping was saved). */
  reports = refresh_full (f, 0, FALSE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (f->changed_ids->len, ==, 2);
  g_assert_cmpint (g_array_index (f->changed_ids, gint64, 0), ==, a);
  g_assert_cmpint (g_array_index (f->changed_ids, gint64, 1), ==, b);
  g_assert_cmpuint (f->new_action_ids->len, ==, 1);
  g_assert_cmpint (g_array_index (f->new_action_ids, gint64, 0), ==, a);
  g_assert_cmpuint (g_array_index (f->new_action_counts, guint, 0), ==, 3);

  /* A again, one more action. B is in backoff: skipped, nothing saved, no signal. */
  g_clear_pointer (&reports, g_ptr_array_unref);
  add_body_route (f, "/a.json", "\"a2\"", a_more);
  reports = refresh_full (f, 0, FALSE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (f->changed_ids->len, ==, 3);
  g_assert_cmpint (g_array_index (f->changed_ids, gint64, 2), ==, a);
  g_assert_cmpuint (f->new_action_ids->len, ==, 2);
  g_assert_cmpuint (g_array_index (f->new_action_counts, guint, 1), ==, 1);

  /* A changed without new actions: changed, but no new-actions; A again: a 304, changed. */
  g_clear_pointer (&reports, g_ptr_array_unref);
  add_body_route (f, "/a.json", "\"a3\"", a_edit);
  reports = refresh_full (f, a, FALSE, NULL, &error);
  g_assert_no_error (error);
  g_clear_pointer (&reports, g_ptr_array_unref);
  reports = refresh_full (f, a, FALSE, NULL, &error);
  g_assert_no_error (error);
  assert_outcome ((RempartSyncReport *) g_ptr_array_index (reports, 0),
                  REMPART_SYNC_OUTCOME_NOT_MODIFIED);
  g_assert_cmpuint (f->changed_ids->len, ==, 5);
  g_assert_cmpuint (f->new_action_ids->len, ==, 2);
}

static void
queued_done_cb (GObject *object, GAsyncResult *result, gpointer user_data)
{
  GPtrArray *order = user_data;

  g_ptr_array_add (order, g_object_ref (result));
}

static void
test_queue (Fixture *f, gconstpointer data)
{
  g_autoptr (GPtrArray) order = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) first = NULL;
  g_autoptr (GPtrArray) second = NULL;
  g_autoptr (GPtrArray) third = NULL;
  gint64 id = import_first (f);
  guint guard;

  /* Three at once: they run one after the other, in order; the third, cancelled while
   * waiting, never reaches the server. */
  f->now += 10;
  guard = g_timeout_add_seconds (GUARD_SECONDS, guard_cb, NULL);
  rempart_sync_refresh_async (f->sync, id, TRUE, NULL, queued_done_cb, order);
  rempart_sync_refresh_async (f->sync, 0, TRUE, NULL, queued_done_cb, order);
  rempart_sync_refresh_async (f->sync, 0, TRUE, cancellable, queued_done_cb, order);
  g_cancellable_cancel (cancellable);
  while (order->len < 3)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (guard);

  first = rempart_sync_refresh_finish (f->sync, order->pdata[0], &error);
  g_assert_no_error (error);
  second = rempart_sync_refresh_finish (f->sync, order->pdata[1], &error);
  g_assert_no_error (error);
  third = rempart_sync_refresh_finish (f->sync, order->pdata[2], &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (third);
  assert_outcome ((RempartSyncReport *) g_ptr_array_index (first, 0),
                  REMPART_SYNC_OUTCOME_NOT_MODIFIED);
  assert_outcome ((RempartSyncReport *) g_ptr_array_index (second, 0),
                  REMPART_SYNC_OUTCOME_NOT_MODIFIED);
  g_assert_cmpuint (hits (f, "/feed.json"), ==, 3);
}

static void
test_not_found (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) reports = refresh_full (f, 4242, TRUE, NULL, &error);

  g_assert_error (error, REMPART_STORE_ERROR, REMPART_STORE_ERROR_NOT_FOUND);
  g_assert_null (reports);
  g_assert_cmpuint (f->n_requests, ==, 0);
}

/* The bundled demo has no server: refresh-all leaves it out without a request or a report, a
 * refresh by id says why. The store marks it (is_bundled) and keeps it. */
static void
test_demo (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) reports = NULL;
  g_autoptr (RempartSubscription) demo = NULL;
  g_autoptr (RempartSubscription) demo_copy = NULL;
  g_autoptr (RempartSubscription) real = NULL;
  g_autoptr (RempartSyncReport) report = NULL;
  gint64 real_id = import_first (f);
  guint n;

  demo =
      rempart_store_add_bundled_subscription_sync (f->store, REMPART_DEMO_FEED_URL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (demo->is_bundled);
  demo_copy = rempart_subscription_copy (demo);
  g_assert_true (demo_copy->is_bundled);
  real = get_sub (f, real_id);
  g_assert_false (real->is_bundled);
  g_clear_pointer (&demo_copy, rempart_subscription_free);
  demo_copy = get_sub (f, demo->id);
  g_assert_true (demo_copy->is_bundled);

  n = f->n_requests;
  reports = refresh_full (f, 0, TRUE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reports->len, ==, 1);
  g_assert_cmpint (((RempartSyncReport *) g_ptr_array_index (reports, 0))->subscription_id, ==,
                   real_id);
  g_assert_cmpuint (f->n_requests, ==, n + 1);

  report = refresh_one (f, demo->id, TRUE);
  assert_outcome (report, REMPART_SYNC_OUTCOME_SKIPPED_ENDED);
  g_assert_cmpuint (f->n_requests, ==, n + 1);
}

/* ------------------------------------------------------------------------------------------ */
/* Tests: automatic refreshes                                                                 */
/* ------------------------------------------------------------------------------------------ */

/* Iterates until ::subscription-changed was emitted @n times in all, failing after the
 * guard. */
static void
wait_for_changed (Fixture *f, guint n)
{
  guint guard = g_timeout_add_seconds (GUARD_SECONDS, guard_cb, NULL);

  while (f->changed_ids->len < n)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (guard);
}

static void
test_start_stop (Fixture *f, gconstpointer data)
{
  g_autoptr (GBytes) body = make_feed ("auto", 1, -1, 0);
  gint64 id = add_subscription (f, "/feed.json", FALSE);
  guint n;

  add_body_route (f, "/feed.json", "\"auto\"", body);

  /* Started offline: no refresh now, none at the one-second ticks. */
  rempart_test_monitor_set_available (f->monitor, FALSE);
  rempart_sync_start (f->sync, 1);
  g_assert_true (rempart_sync_is_running (f->sync));
  rempart_test_spin (2500);
  g_assert_cmpuint (f->n_requests, ==, 0);

  /* Back online: one refresh after the debounce, not one per change. */
  rempart_sync_stop (f->sync);
  rempart_sync_start (f->sync, 3600);
  rempart_test_monitor_set_available (f->monitor, TRUE);
  rempart_test_monitor_set_available (f->monitor, FALSE);
  rempart_test_monitor_set_available (f->monitor, TRUE);
  wait_for_changed (f, 1);
  rempart_test_spin (200);
  g_assert_cmpuint (f->n_requests, ==, 1);
  g_assert_cmpuint (f->changed_ids->len, ==, 1);
  g_assert_cmpuint (count_actions (f, id, "auto-1"), ==, 1);

  /* Started online: a refresh at once (a 304 now). */
  rempart_sync_stop (f->sync);
  g_assert_false (rempart_sync_is_running (f->sync));
  f->now += 10;
  rempart_sync_start (f->sync, 3600);
  wait_for_changed (f, 2);
  g_assert_cmpuint (f->n_requests, ==, 2);
  rempart_sync_stop (f->sync);

  /* Stopped: nothing more, even when the network comes back. */
  n = f->n_requests;
  rempart_test_monitor_set_available (f->monitor, FALSE);
  rempart_test_monitor_set_available (f->monitor, TRUE);
  rempart_test_spin (REMPART_SYNC_ONLINE_DEBOUNCE * 1000 + 500);
  g_assert_cmpuint (f->n_requests, ==, n);
}

/* ------------------------------------------------------------------------------------------ */
/* Main                                                                                       */
/* ------------------------------------------------------------------------------------------ */

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ADD ("/sync/ok-then-not-modified", test_ok_then_not_modified);
  ADD ("/sync/stale", test_stale);
  ADD ("/sync/unsigned-seq-not-compared", test_unsigned_seq_not_compared);
  ADD ("/sync/unsigned-report", test_unsigned_report);
  ADD ("/sync/retry-after/seconds", test_retry_after_seconds);
  ADD ("/sync/retry-after/date", test_retry_after_date);
  ADD ("/sync/retry-after/service-unavailable", test_service_unavailable);
  ADD ("/sync/backoff", test_backoff);
  ADD ("/sync/gone", test_gone);
  ADD ("/sync/rejected", test_rejected);
  ADD ("/sync/store-failure", test_store_failure);
  ADD ("/sync/stalled", test_stalled);
  ADD ("/sync/signature/missing", test_signature_missing);
  ADD ("/sync/signature/bad", test_signature_bad);
  ADD ("/sync/signature/other-key", test_signature_other_key);
  ADD ("/sync/signature/rollback", test_rollback);
  ADD ("/sync/redirect/verified", test_redirect_verified);
  ADD ("/sync/redirect/bad-signature", test_redirect_bad_signature);
  ADD ("/sync/offline", test_offline);
  ADD ("/sync/two-subscriptions", test_two_subscriptions);
  ADD ("/sync/signals", test_signals);
  ADD ("/sync/queue", test_queue);
  ADD ("/sync/not-found", test_not_found);
  ADD ("/sync/demo", test_demo);
  ADD ("/sync/start-stop", test_start_stop);

  return g_test_run ();
}
