/* sync-fixture.c
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rempart-test-dirs.h"
#include "sync-fixture.h"

/* ------------------------------------------------------------------------------------------ */
/* Fixture                                                                                    */
/* ------------------------------------------------------------------------------------------ */

static void
route_free (Route *route)
{
  g_free (route->location);
  g_free (route->retry_after);
  g_free (route->etag);
  g_clear_pointer (&route->body, g_bytes_unref);
  g_free (route);
}

Route *
add_route (Fixture *f, const char *path, guint status)
{
  Route *route = g_new0 (Route, 1);

  route->status = status;
  g_hash_table_replace (f->routes, g_strdup (path), route);
  return route;
}

void
add_body_route (Fixture *f, const char *path, const char *etag, GBytes *body)
{
  Route *route = add_route (f, path, SOUP_STATUS_OK);

  route->etag = g_strdup (etag);
  route->body = g_bytes_ref (body);
}

guint
hits (Fixture *f, const char *path)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (f->hits, path));
}

char *
url (Fixture *f, const char *path)
{
  return g_strconcat (f->base, path, NULL);
}

gint64
fake_now (gpointer user_data)
{
  Fixture *f = user_data;

  return f->now;
}

/* One REPLY_TRICKLE response, fed by a timer until the client goes away. */
typedef struct
{
  SoupServerMessage *msg;
  guint source_id;
} Trickle;

static void
trickle_free (Trickle *trickle)
{
  g_clear_handle_id (&trickle->source_id, g_source_remove);
  g_signal_handlers_disconnect_by_data (trickle->msg, trickle);
  g_object_unref (trickle->msg);
  g_free (trickle);
}

static void
trickle_finished_cb (SoupServerMessage *msg, Trickle *trickle)
{
  g_clear_handle_id (&trickle->source_id, g_source_remove);
}

static gboolean
trickle_tick_cb (gpointer user_data)
{
  Trickle *trickle = user_data;

  soup_message_body_append (soup_server_message_get_response_body (trickle->msg),
                            SOUP_MEMORY_STATIC, " ", 1);
  soup_server_message_unpause (trickle->msg);
  return G_SOURCE_CONTINUE;
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

  if (route->kind == REPLY_TRICKLE)
    {
      Trickle *trickle = g_new0 (Trickle, 1);

      trickle->msg = g_object_ref (msg);
      g_ptr_array_add (f->trickles, trickle);
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_message_headers_set_encoding (headers, SOUP_ENCODING_CHUNKED);
      g_signal_connect (msg, "finished", G_CALLBACK (trickle_finished_cb), trickle);
      /* A client that gives up closes the connection before the message is finished: unpausing
   * it then is a critical. */
      if (g_signal_lookup ("disconnected", SOUP_TYPE_SERVER_MESSAGE) != 0)
        g_signal_connect (msg, "disconnected", G_CALLBACK (trickle_finished_cb), trickle);
      soup_server_message_pause (msg);
      trickle->source_id = g_timeout_add (300, trickle_tick_cb, trickle);
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
subscription_changed_cb (GObject *source, gint64 id, Fixture *f)
{
  g_array_append_val (f->changed_ids, id);
}

static void
new_actions_cb (GObject *source, gint64 id, guint count, Fixture *f)
{
  g_array_append_val (f->new_action_ids, id);
  g_array_append_val (f->new_action_counts, count);
}

void
make_keys (Fixture *f)
{
  rempart_test_make_keys (&f->public_key, &f->secret_key);
  f->public_key_line = rempart_minisign_public_key_to_base64 (f->public_key);
}

void
fixture_setup_without_sync (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *db_path = NULL;

  f->server = rempart_test_server_new (NULL, &f->base);
  f->routes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) route_free);
  f->hits = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  f->if_none_match = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  f->stalled = g_ptr_array_new_with_free_func (g_object_unref);
  f->trickles = g_ptr_array_new_with_free_func ((GDestroyNotify) trickle_free);
  soup_server_add_handler (f->server, NULL, handle_route, f, NULL);
  g_signal_connect (f->server, "request-read", G_CALLBACK (request_read_cb), f);

  f->dir = rempart_test_dir_new ("sync");
  g_assert_nonnull (f->dir);
  db_path = g_build_filename (f->dir, "rempart.db", NULL);
  f->store = rempart_store_open_sync (db_path, NULL, &error);
  g_assert_no_error (error);

  f->fetcher = rempart_fetcher_new ();
  soup_session_set_proxy_resolver (rempart_fetcher_get_session (f->fetcher), NULL);
  f->monitor = rempart_test_monitor_new ();
  f->now = START_TIME;

  f->changed_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  f->new_action_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  f->new_action_counts = g_array_new (FALSE, FALSE, sizeof (guint));

  make_keys (f);
}

void
fixture_setup (Fixture *f, gconstpointer data)
{
  fixture_setup_without_sync (f, data);
  f->sync = rempart_sync_new (f->store, f->fetcher, G_NETWORK_MONITOR (f->monitor));
  rempart_sync_set_clock (f->sync, fake_now, f);
  fixture_watch_signals (f, f->sync);
}

void
fixture_watch_signals (Fixture *f, gpointer object)
{
  g_signal_connect (object, "subscription-changed", G_CALLBACK (subscription_changed_cb), f);
  g_signal_connect (object, "new-actions", G_CALLBACK (new_actions_cb), f);
}

void
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
  g_ptr_array_unref (f->trickles);
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
GBytes *
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

GBytes *
sign (Fixture *f, GBytes *body)
{
  g_autoptr (GError) error = NULL;
  GBytes *sig = rempart_minisign_sign (f->secret_key, body, "rempart test feed", NULL, &error);

  g_assert_no_error (error);
  return sig;
}

/* Serves @body signed at @path (and its .minisig). */
void
serve_signed (Fixture *f, const char *path, const char *etag, GBytes *body)
{
  g_autoptr (GBytes) sig = sign (f, body);
  g_autofree char *sig_path = g_strconcat (path, ".minisig", NULL);

  add_body_route (f, path, etag, body);
  add_body_route (f, sig_path, NULL, sig);
}

gint64
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

RempartSubscription *
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
char *
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

guint
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

gboolean
guard_cb (gpointer user_data)
{
  g_error ("A refresh did not end within %d seconds", GUARD_SECONDS);
  return G_SOURCE_REMOVE;
}

void
refresh_done_cb (GObject *object, GAsyncResult *result, gpointer user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

GPtrArray *
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
RempartSyncReport *
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

/* Refreshes @id once more, in place of *@report, and checks the outcome. */
void
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
void
reload_sub (Fixture *f, RempartSubscription **sub, gint64 id)
{
  g_clear_pointer (sub, rempart_subscription_free);
  *sub = get_sub (f, id);
}

/* Imports a first unsigned feed of 3 actions at /feed.json, ETag "v1"; returns the id. */
gint64
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
gint64
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
