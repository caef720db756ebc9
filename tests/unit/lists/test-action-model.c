/* test-action-model.c
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
 * RempartActionModel against a real store file: the list a GtkListView shows must be the
 * store's view in the store's order, keep its item objects across reloads (or the view loses
 * its selection), emit items-changed signals that add up, and never apply an answer that a
 * newer reload superseded. Every wait is bounded.
 */

#define FEED_URL "https://example.org/feed.json"

typedef struct _Fixture
{
  char *dir;
  RempartStore *store;
  RempartSubscription *sub;
  RempartActionModel *model;
  guint tracked;        /* n_items as the items-changed signals tell it */
  guint n_changes;      /* items-changed emissions */
  GHashTable *notified; /* property name → count, on the watched item */
  GArray *changes;      /* (element-type Change) every items-changed, in order */
  const char *search;   /* (nullable) a search the consumer of Change.matches runs */
  /* (nullable) run once, inside the items-changed of the first rows: the rest cannot have
   * come yet, whatever the timing */
  void (*on_partial) (struct _Fixture *f);
} Fixture;

/* One items-changed, and the model's state as a consumer (the window) reads it then. */
typedef struct
{
  guint position, removed, added, n_items;
  gboolean loading, partial;
  guint matches; /* items whose search key holds Fixture.search */
} Change;

/* -------------------------------------------------------------------------------------- */
/* Helpers                                                                                */
/* -------------------------------------------------------------------------------------- */

static const char *const topics[] = { "racism", "sexism", "disinformation", "lgbtphobia" };
static const char *const platforms[] = { "facebook", "youtube", "x" };

/* @n actions a0..a{n-1}; a2 high priority; a1's title carries @variant. */
static RempartFeed *
make_feed (gint64 seq, guint n, const char *variant)
{
  g_autoptr (GString) s = g_string_new (NULL);
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) error = NULL;
  RempartFeed *feed;

  g_string_append_printf (s,
                          "{\"version\": \"https://jsonfeed.org/version/1.1\", \"title\": \"T\","
                          " \"_rempart\": {\"schema\": 1, \"seq\": %lld}, \"items\": [",
                          (long long) seq);
  for (guint i = 0; i < n; i++)
    g_string_append_printf (s,
                            "%s{\"id\": \"a%u\", \"url\": \"https://example.org/t/%u\","
                            " \"title\": \"Fil %u%s\", \"content_text\": \"Brief %u%s\","
                            " \"date_published\": \"2026-05-0%uT08:00:00Z\","
                            " \"_rempart\": {\"expires\": \"2099-01-01T00:00:00Z\","
                            " \"topic\": \"%s\", \"platform\": \"%s\", \"priority\": \"%s\"}}",
                            i == 0 ? "" : ",", i, i, i, i == 1 ? variant : "", i,
                            i == 1 ? variant : "", 1 + i % 9, topics[i % G_N_ELEMENTS (topics)],
                            platforms[i % G_N_ELEMENTS (platforms)], i == 2 ? "high" : "normal");
  g_string_append (s, "]}");

  bytes = g_bytes_new (s->str, s->len);
  feed = rempart_feed_parse (bytes, "test.json", &error);
  g_assert_no_error (error);
  return feed;
}

static void
import (Fixture *f, gint64 seq, guint n, const char *variant)
{
  g_autoptr (RempartFeed) feed = make_feed (seq, n, variant);
  g_autoptr (GError) error = NULL;

  g_assert_true (rempart_store_import_feed_sync (f->store, f->sub, feed, NULL, &error));
  g_assert_no_error (error);
}

static void
items_changed_cb (GListModel *model, guint position, guint removed, guint added, Fixture *f)
{
  /* What a GtkListView assumes: the span was there, and the new count is what it says. */
  g_assert_cmpuint (position + removed, <=, f->tracked);
  f->tracked = f->tracked - removed + added;
  g_assert_cmpuint (f->tracked, ==, g_list_model_get_n_items (model));
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr (GObject) item = g_list_model_get_item (model, i);
      g_assert_true (REMPART_IS_ACTION_ITEM (item));
    }
  f->n_changes++;

  {
    RempartActionModel *m = REMPART_ACTION_MODEL (model);
    Change change = { position,
                      removed,
                      added,
                      f->tracked,
                      rempart_action_model_get_loading (m),
                      rempart_action_model_get_partial (m),
                      0 };

    for (guint i = 0; f->search != NULL && i < f->tracked; i++)
      {
        g_autoptr (RempartActionItem) item = g_list_model_get_item (model, i);

        change.matches += strstr (rempart_action_item_get_search_key (item), f->search) != NULL;
      }
    g_array_append_val (f->changes, change);
    if (change.partial && f->on_partial != NULL)
      {
        void (*on_partial) (Fixture *) = f->on_partial;

        f->on_partial = NULL;
        on_partial (f);
      }
  }
}

static void
watch_model (Fixture *f, RempartActionModel *model)
{
  g_clear_object (&f->model);
  f->model = model;
  f->tracked = g_list_model_get_n_items (G_LIST_MODEL (model));
  f->n_changes = 0;
  g_signal_connect (model, "items-changed", G_CALLBACK (items_changed_cb), f);
}

static gboolean
timeout_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until the model has its answer; fails after 10 seconds. */
static void
wait_loaded (RempartActionModel *model)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (10, timeout_cb, &timed_out);

  while (rempart_action_model_get_loading (model) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (id);
}

/* Lets pending callbacks (e.g. a superseded answer) run, for a bounded time. */
static void
drain (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static GPtrArray *
store_list (Fixture *f, RempartActionView view)
{
  g_autoptr (GError) error = NULL;
  GPtrArray *list = rempart_store_list_actions_sync (f->store, view, &error);

  g_assert_no_error (error);
  return list;
}

static void
assert_matches_store (Fixture *f, RempartActionModel *model, RempartActionView view)
{
  g_autoptr (GPtrArray) list = store_list (f, view);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, list->len);
  for (guint i = 0; i < list->len; i++)
    {
      const RempartStoredAction *stored = g_ptr_array_index (list, i);
      g_autoptr (RempartActionItem) item = g_list_model_get_item (G_LIST_MODEL (model), i);

      g_assert_cmpstr (rempart_action_item_get_id (item), ==,
                       rempart_action_get_id (stored->action));
      g_assert_cmpstr (rempart_action_item_get_subscription_url (item), ==,
                       stored->subscription_url);
      g_assert_cmpint (rempart_action_item_get_state (item), ==, stored->state);
      g_assert_cmpint (rempart_action_item_get_queued (item), ==, stored->queued);
      g_assert_cmpint (rempart_action_item_get_has_draft (item), ==, stored->has_draft);
    }
}

static void
notify_cb (GObject *object, GParamSpec *pspec, Fixture *f)
{
  guint count = GPOINTER_TO_UINT (g_hash_table_lookup (f->notified, pspec->name));

  g_hash_table_insert (f->notified, (gpointer) pspec->name, GUINT_TO_POINTER (count + 1));
}

static guint
notified (Fixture *f, const char *name)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (f->notified, name));
}

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = rempart_test_dir_new ("model");
  path = g_build_filename (f->dir, "rempart.db", NULL);
  f->store = rempart_store_open_sync (path, NULL, &error);
  g_assert_no_error (error);
  rempart_store_set_now_for_testing (f->store, 1777723200);
  f->sub = rempart_store_add_subscription_sync (f->store, FEED_URL, NULL, &error);
  g_assert_no_error (error);
  f->notified = g_hash_table_new (g_str_hash, g_str_equal);
  f->changes = g_array_new (FALSE, TRUE, sizeof (Change));
  import (f, 1, 8, "");
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->model);
  /* Let a pending answer reach its (now inert) callback before the store goes. */
  drain (20);
  g_clear_object (&f->store);
  g_clear_pointer (&f->sub, rempart_subscription_free);
  g_clear_pointer (&f->notified, g_hash_table_unref);
  g_clear_pointer (&f->changes, g_array_unref);

  rempart_test_dir_remove (f->dir);
  g_free (f->dir);
}

/* -------------------------------------------------------------------------------------- */
/* Tests                                                                                  */
/* -------------------------------------------------------------------------------------- */

static void
test_matches_store (Fixture *f, gconstpointer data)
{
  RempartActionItem *found;
  g_autoptr (RempartActionItem) first = NULL;

  watch_model (f, rempart_action_model_new (f->store, REMPART_ACTION_VIEW_TODO));
  g_assert_true (rempart_action_model_get_loading (f->model));
  wait_loaded (f->model);
  g_assert_null (rempart_action_model_get_error (f->model));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->model)), ==, 8);
  g_assert_cmpuint (f->n_changes, ==, 1);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (f->model)) == REMPART_TYPE_ACTION_ITEM);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (f->model), 8));
  assert_matches_store (f, f->model, REMPART_ACTION_VIEW_TODO);

  /* High priority first. */
  first = g_list_model_get_item (G_LIST_MODEL (f->model), 0);
  g_assert_cmpstr (rempart_action_item_get_id (first), ==, "a2");
  g_assert_true (rempart_action_item_get_high_priority (first));

  found = rempart_action_model_find (f->model, FEED_URL, "a5");
  g_assert_nonnull (found);
  g_assert_cmpstr (rempart_action_item_get_title (found), ==, "Fil 5");
  g_assert_null (rempart_action_model_find (f->model, FEED_URL, "nope"));
  g_assert_null (rempart_action_model_find (f->model, "https://other.example/", "a5"));

  rempart_action_model_set_view (f->model, REMPART_ACTION_VIEW_ALL);
  g_assert_cmpint (rempart_action_model_get_view (f->model), ==, REMPART_ACTION_VIEW_ALL);
  wait_loaded (f->model);
  assert_matches_store (f, f->model, REMPART_ACTION_VIEW_ALL);
}

static void
test_item_properties (Fixture *f, gconstpointer data)
{
  g_autofree char *title = NULL;
  g_autofree char *topic_name = NULL;
  g_autofree char *platform = NULL;
  RempartActionItem *item;
  gint64 expires = 0;
  guint state = 99;
  gboolean high = FALSE, archived = TRUE, queued = TRUE, has_draft = TRUE;

  watch_model (f, rempart_action_model_new (f->store, REMPART_ACTION_VIEW_TODO));
  wait_loaded (f->model);
  item = rempart_action_model_find (f->model, FEED_URL, "a2");
  g_assert_nonnull (item);

  g_object_get (item, "title", &title, "topic-name", &topic_name, "platform", &platform, "expires",
                &expires, "state", &state, "archived", &archived, "high-priority", &high, "queued",
                &queued, "has-draft", &has_draft, NULL);
  g_assert_cmpstr (title, ==, "Fil 2");
  g_assert_nonnull (topic_name); /* translated: "Disinformation" in English */
  g_assert_cmpstr (platform, ==, "x");
  g_assert_cmpint (expires, ==, 4070908800); /* 2099-01-01T00:00:00Z */
  g_assert_cmpuint (state, ==, 0);
  g_assert_false (archived);
  g_assert_true (high);
  g_assert_false (queued);
  g_assert_false (has_draft);
  g_assert_cmpint (rempart_action_item_get_subscription_id (item), ==, f->sub->id);
  g_assert_true (REMPART_IS_ACTION (rempart_action_item_peek_action (item)));
  g_assert_false (rempart_action_item_has_details (item));
  g_assert_nonnull (rempart_action_item_get_stored (item));

  /* Setters notify on change only. */
  g_signal_connect (item, "notify", G_CALLBACK (notify_cb), f);
  rempart_action_item_set_state (item, REMPART_ACTION_STATE_OPENED);
  rempart_action_item_set_state (item, REMPART_ACTION_STATE_OPENED);
  rempart_action_item_set_queued (item, TRUE);
  rempart_action_item_set_queued (item, TRUE);
  rempart_action_item_set_has_draft (item, TRUE);
  rempart_action_item_set_has_draft (item, 2); /* still TRUE */
  g_assert_cmpuint (notified (f, "state"), ==, 1);
  g_assert_cmpuint (notified (f, "queued"), ==, 1);
  g_assert_cmpuint (notified (f, "has-draft"), ==, 1);
  g_assert_cmpuint (g_hash_table_size (f->notified), ==, 3);
  g_signal_handlers_disconnect_by_func (item, notify_cb, f);
}

static void
test_identity_kept (Fixture *f, gconstpointer data)
{
  g_autoptr (GPtrArray) before = g_ptr_array_new_with_free_func (g_object_unref);
  RempartActionItem *changed;
  guint n;

  watch_model (f, rempart_action_model_new (f->store, REMPART_ACTION_VIEW_TODO));
  wait_loaded (f->model);
  n = g_list_model_get_n_items (G_LIST_MODEL (f->model));
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (before, g_list_model_get_item (G_LIST_MODEL (f->model), i));

  /* Nothing changed: same objects, and not a single items-changed. */
  f->n_changes = 0;
  rempart_action_model_reload (f->model);
  wait_loaded (f->model);
  g_assert_cmpuint (f->n_changes, ==, 0);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (GObject) item = g_list_model_get_item (G_LIST_MODEL (f->model), i);
      g_assert_true (item == g_ptr_array_index (before, i));
    }

  /* a1 re-imported with a new title, a draft saved for a3: objects kept, updated in place,
   * each notifying only what changed. */
  changed = rempart_action_model_find (f->model, FEED_URL, "a1");
  g_signal_connect (changed, "notify", G_CALLBACK (notify_cb), f);
  import (f, 2, 8, " (modifié)");
  {
    RempartDraft draft = { .subscription_url = FEED_URL, .action_id = "a3", .text = "x" };
    g_autoptr (GError) error = NULL;

    g_assert_true (rempart_store_save_draft_sync (f->store, &draft, &error));
    g_assert_no_error (error);
  }
  rempart_action_model_reload (f->model);
  wait_loaded (f->model);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->model)), ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (GObject) item = g_list_model_get_item (G_LIST_MODEL (f->model), i);
      g_assert_true (item == g_ptr_array_index (before, i));
    }
  g_assert_cmpuint (f->n_changes, ==, 0);
  g_assert_cmpstr (rempart_action_item_get_title (changed), ==, "Fil 1 (modifié)");
  g_assert_cmpuint (notified (f, "title"), ==, 1);
  /* And its content: a page that shows it reads it again. */
  g_assert_cmpuint (notified (f, "content-tag"), ==, 1);
  g_assert_cmpuint (g_hash_table_size (f->notified), ==, 2);
  g_assert_true (
      rempart_action_item_get_has_draft (rempart_action_model_find (f->model, FEED_URL, "a3")));
  g_signal_handlers_disconnect_by_func (changed, notify_cb, f);
  assert_matches_store (f, f->model, REMPART_ACTION_VIEW_TODO);

  /* Two actions leave the feed (no user data: deleted), the others stay the same objects. */
  import (f, 3, 6, " (modifié)");
  rempart_action_model_reload (f->model);
  wait_loaded (f->model);
  g_assert_cmpuint (f->n_changes, ==, 1);
  assert_matches_store (f, f->model, REMPART_ACTION_VIEW_TODO);
  g_assert_true (rempart_action_model_find (f->model, FEED_URL, "a1") == changed);
  g_assert_null (rempart_action_model_find (f->model, FEED_URL, "a7"));
}

static void
test_state_moves (Fixture *f, gconstpointer data)
{
  g_autoptr (RempartActionModel) done =
      rempart_action_model_new (f->store, REMPART_ACTION_VIEW_DONE);
  g_autoptr (GError) error = NULL;

  watch_model (f, rempart_action_model_new (f->store, REMPART_ACTION_VIEW_TODO));
  wait_loaded (f->model);
  wait_loaded (done);
  g_assert_nonnull (rempart_action_model_find (f->model, FEED_URL, "a4"));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (done)), ==, 0);

  g_assert_true (rempart_store_add_action_state_sync (
      f->store, FEED_URL, "a4", REMPART_ACTION_STATE_JOINED | REMPART_ACTION_STATE_POSTED, &error));
  g_assert_no_error (error);
  f->n_changes = 0;
  rempart_action_model_reload (f->model);
  rempart_action_model_reload (done);
  wait_loaded (f->model);
  wait_loaded (done);

  g_assert_null (rempart_action_model_find (f->model, FEED_URL, "a4"));
  g_assert_cmpuint (f->n_changes, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->model)), ==, 7);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (done)), ==, 1);
  g_assert_cmpuint (
      rempart_action_item_get_state (rempart_action_model_find (done, FEED_URL, "a4")), ==,
      REMPART_ACTION_STATE_JOINED | REMPART_ACTION_STATE_POSTED);
  assert_matches_store (f, f->model, REMPART_ACTION_VIEW_TODO);
  assert_matches_store (f, done, REMPART_ACTION_VIEW_DONE);
}

static void
test_superseded (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (rempart_store_add_action_state_sync (f->store, FEED_URL, "a6",
                                                      REMPART_ACTION_STATE_POSTED, &error));
  g_assert_no_error (error);

  /* Three requests in a row: only the last (the DONE view) may reach the list, in one
   * items-changed; the TODO answers that come back first are dropped. */
  watch_model (f, rempart_action_model_new (f->store, REMPART_ACTION_VIEW_TODO));
  rempart_action_model_reload (f->model);
  rempart_action_model_set_view (f->model, REMPART_ACTION_VIEW_DONE);
  g_assert_true (rempart_action_model_get_loading (f->model));
  wait_loaded (f->model);
  drain (50);

  g_assert_cmpuint (f->n_changes, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->model)), ==, 1);
  g_assert_nonnull (rempart_action_model_find (f->model, FEED_URL, "a6"));
  assert_matches_store (f, f->model, REMPART_ACTION_VIEW_DONE);
  g_assert_false (rempart_action_model_get_loading (f->model));

  /* Disposing with a reload pending is safe: the answer finds nothing to update. */
  rempart_action_model_reload (f->model);
  g_clear_object (&f->model);
  drain (50);
}

static void
test_null_store (Fixture *f, gconstpointer data)
{
  g_autoptr (GObject) store_prop = NULL;

  watch_model (f, rempart_action_model_new (NULL, REMPART_ACTION_VIEW_TODO));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->model)), ==, 0);
  rempart_action_model_reload (f->model);
  g_assert_false (rempart_action_model_get_loading (f->model));
  g_assert_null (rempart_action_model_get_store (f->model));
  g_assert_null (rempart_action_model_find (f->model, FEED_URL, "a1"));
  drain (20);
  g_assert_cmpuint (f->n_changes, ==, 0);

  rempart_action_model_set_store (f->model, f->store);
  g_object_get (f->model, "store", &store_prop, NULL);
  g_assert_true (store_prop == (GObject *) f->store);
  wait_loaded (f->model);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->model)), ==, 8);

  /* Back to no store: empty at once, with the signal that says so. */
  rempart_action_model_set_store (f->model, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->model)), ==, 0);
  g_assert_cmpuint (f->tracked, ==, 0);
  g_assert_false (rempart_action_model_get_loading (f->model));
}

static void
test_error (Fixture *f, gconstpointer data)
{
  watch_model (f, rempart_action_model_new (f->store, REMPART_ACTION_VIEW_TODO));
  wait_loaded (f->model);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->model)), ==, 8);

  /* The store's message; the last good list stays. */
  rempart_store_close (f->store);
  rempart_action_model_reload (f->model);
  wait_loaded (f->model);
  g_assert_nonnull (rempart_action_model_get_error (f->model));
  g_test_message ("%s", rempart_action_model_get_error (f->model));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->model)), ==, 8);
}

/* The search key (title, brief, topic, platform, group) is folded once, case and accents
 * ignored, and made again only when what it holds changed: a re-import that changes the
 * title and the brief (the store's update, not its insert) changes both in the key. */
static void
test_search_key (Fixture *f, gconstpointer data)
{
  RempartActionItem *item;
  const char *key;

  watch_model (f, rempart_action_model_new (f->store, REMPART_ACTION_VIEW_TODO));
  wait_loaded (f->model);
  item = rempart_action_model_find (f->model, FEED_URL, "a1");
  g_assert_nonnull (item);

  key = rempart_action_item_get_search_key (item);
  g_assert_cmpstr (key, ==, "fil 1\nbrief 1\nsexism\nyoutube\nt");
  g_assert_true (rempart_action_item_get_search_key (item) == key);

  /* A state change keeps the key; a new title makes a new one. */
  rempart_action_item_set_state (item, REMPART_ACTION_STATE_OPENED);
  g_assert_true (rempart_action_item_get_search_key (item) == key);
  import (f, 2, 8, " ÉTÉ");
  rempart_action_model_reload (f->model);
  wait_loaded (f->model);
  g_assert_true (rempart_action_model_find (f->model, FEED_URL, "a1") == item);
  /* Accents are dropped too. */
  g_assert_cmpstr (rempart_action_item_get_search_key (item), ==,
                   "fil 1 ete\nbrief 1 ete\nsexism\nyoutube\nt");
}

/* Two groups with the same action ids: the model's index tells them apart by group. */
static void
test_same_ids (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RempartSubscription) other = NULL;
  g_autoptr (RempartFeed) feed = make_feed (1, 8, " (autre)");
  const char *other_url = "https://other.example/feed.json";

  other = rempart_store_add_subscription_sync (f->store, other_url, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (rempart_store_import_feed_sync (f->store, other, feed, NULL, &error));
  g_assert_no_error (error);

  watch_model (f, rempart_action_model_new (f->store, REMPART_ACTION_VIEW_TODO));
  wait_loaded (f->model);
  assert_matches_store (f, f->model, REMPART_ACTION_VIEW_TODO);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->model)), ==, 16);
  for (guint i = 0; i < 8; i++)
    {
      g_autofree char *id = g_strdup_printf ("a%u", i);
      RempartActionItem *mine = rempart_action_model_find (f->model, FEED_URL, id);
      RempartActionItem *theirs = rempart_action_model_find (f->model, other_url, id);

      g_assert_nonnull (mine);
      g_assert_nonnull (theirs);
      g_assert_true (mine != theirs);
      g_assert_cmpstr (rempart_action_item_get_subscription_url (mine), ==, FEED_URL);
      g_assert_cmpstr (rempart_action_item_get_subscription_url (theirs), ==, other_url);
      g_assert_cmpstr (rempart_action_item_get_id (theirs), ==, id);
    }
  g_assert_cmpstr (
      rempart_action_item_get_title (rempart_action_model_find (f->model, other_url, "a1")), ==,
      "Fil 1 (autre)");

  /* A reload keeps each group's objects apart: nothing changes. */
  f->n_changes = 0;
  rempart_action_model_reload (f->model);
  wait_loaded (f->model);
  g_assert_cmpuint (f->n_changes, ==, 0);
}

#define MANY 250

/* More actions than a screenful: the first rows come first, in the store's order, while
 * "loading" and "partial" say that the rest is coming; the rest follows them in ONE
 * items-changed, the first rows keeping their objects (a view keeps its selection). A
 * search that runs meanwhile (the window's filter: it reads each item's search key) finds
 * every match once loading ends: never a count from the first rows alone. */
static void
test_head_first (Fixture *f, gconstpointer data)
{
  g_autoptr (GPtrArray) store = NULL;
  g_autoptr (GPtrArray) head = g_ptr_array_new_with_free_func (g_object_unref);
  guint expected = 0;
  Change *first, *rest;

  import (f, 2, MANY, "");
  store = store_list (f, REMPART_ACTION_VIEW_TODO);
  g_assert_cmpuint (store->len, ==, MANY);
  /* "fil 24" matches a24 and a240..a249: most of them are after the first rows. */
  f->search = "fil 24";
  for (guint i = 0; i < store->len; i++)
    if (g_str_has_prefix (rempart_action_get_title (
                              ((RempartStoredAction *) g_ptr_array_index (store, i))->action),
                          "Fil 24"))
      expected++;
  g_assert_cmpuint (expected, ==, 11);

  watch_model (f, rempart_action_model_new (f->store, REMPART_ACTION_VIEW_TODO));
  g_assert_false (rempart_action_model_get_partial (f->model));
  wait_loaded (f->model);
  drain (20);

  g_assert_cmpuint (f->changes->len, ==, 2);
  first = &g_array_index (f->changes, Change, 0);
  rest = &g_array_index (f->changes, Change, 1);
  g_assert_cmpuint (first->position, ==, 0);
  g_assert_cmpuint (first->removed, ==, 0);
  g_assert_cmpuint (first->added, >, 0);
  g_assert_cmpuint (first->added, <, MANY);
  g_assert_true (first->loading);
  g_assert_true (first->partial);
  g_assert_cmpuint (first->matches, <, expected);
  g_assert_cmpuint (rest->position, ==, first->added);
  g_assert_cmpuint (rest->removed, ==, 0);
  g_assert_cmpuint (rest->added, ==, MANY - first->added);
  g_assert_false (rest->loading);
  g_assert_false (rest->partial);
  g_assert_cmpuint (rest->matches, ==, expected);
  g_assert_false (rempart_action_model_get_partial (f->model));
  assert_matches_store (f, f->model, REMPART_ACTION_VIEW_TODO);

  /* A reload of the list shown replaces it once, without first rows: it would shorten it. */
  for (guint i = 0; i < first->added; i++)
    g_ptr_array_add (head, g_list_model_get_item (G_LIST_MODEL (f->model), i));
  g_array_set_size (f->changes, 0);
  import (f, 3, MANY, " (modifié)");
  rempart_action_model_reload (f->model);
  g_assert_false (rempart_action_model_get_partial (f->model));
  wait_loaded (f->model);
  drain (20);
  g_assert_cmpuint (f->changes->len, ==, 0);
  for (guint i = 0; i < head->len; i++)
    {
      g_autoptr (GObject) item = g_list_model_get_item (G_LIST_MODEL (f->model), i);
      g_assert_true (item == g_ptr_array_index (head, i));
    }
  g_assert_cmpstr (
      rempart_action_item_get_title (rempart_action_model_find (f->model, FEED_URL, "a1")), ==,
      "Fil 1 (modifié)");
}

/* The first rows are shown, then a reload (a sync ended) supersedes the pending rest: the
 * old rest never lands, the newer list does, once, after the first rows. */
static void
supersede (Fixture *f)
{
  g_autoptr (GError) error = NULL;

  /* a0 done and a new title for a1, stored before the rest was read: the superseded rest
   * would not know of either. */
  g_assert_true (rempart_store_add_action_state_sync (f->store, FEED_URL, "a0",
                                                      REMPART_ACTION_STATE_POSTED, &error));
  g_assert_no_error (error);
  import (f, 3, MANY, " (bis)");
  rempart_action_model_reload (f->model);
  g_assert_true (rempart_action_model_get_partial (f->model));
  g_assert_true (rempart_action_model_get_loading (f->model));
}

/* The first rows are shown, then a reload (a sync ended) supersedes the pending rest: the
 * old rest never lands, the newer list does, once, after the first rows. */
static void
test_head_superseded (Fixture *f, gconstpointer data)
{
  import (f, 2, MANY, "");
  f->on_partial = supersede;
  watch_model (f, rempart_action_model_new (f->store, REMPART_ACTION_VIEW_TODO));
  wait_loaded (f->model);
  drain (50);

  g_assert_null (f->on_partial);
  g_assert_false (rempart_action_model_get_partial (f->model));
  g_assert_null (rempart_action_model_find (f->model, FEED_URL, "a0"));
  g_assert_cmpstr (
      rempart_action_item_get_title (rempart_action_model_find (f->model, FEED_URL, "a1")), ==,
      "Fil 1 (bis)");
  assert_matches_store (f, f->model, REMPART_ACTION_VIEW_TODO);
  /* The first rows, then the newer whole list (a0 out, the rest in): no third answer. */
  g_assert_cmpuint (f->changes->len, ==, 2);
  g_assert_true (g_array_index (f->changes, Change, 0).partial);
  g_assert_false (g_array_index (f->changes, Change, 1).loading);
}

static void
close_and_reload (Fixture *f)
{
  /* The rest was asked for; a reload now fails (the store is closed) and supersedes it. */
  rempart_store_close (f->store);
  rempart_action_model_reload (f->model);
}

/* The whole list fails after the first rows were shown: the error is shown, not the first
 * rows as if they were the list. */
static void
test_head_then_error (Fixture *f, gconstpointer data)
{
  import (f, 2, MANY, "");
  f->on_partial = close_and_reload;
  watch_model (f, rempart_action_model_new (f->store, REMPART_ACTION_VIEW_TODO));
  wait_loaded (f->model);
  g_assert_null (f->on_partial);
  g_assert_nonnull (rempart_action_model_get_error (f->model));
  g_assert_false (rempart_action_model_get_partial (f->model));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->model)), ==, 0);
  g_assert_cmpuint (f->tracked, ==, 0);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/action-model/matches-store", test_matches_store);
  ADD ("/action-model/item-properties", test_item_properties);
  ADD ("/action-model/identity-kept", test_identity_kept);
  ADD ("/action-model/state-moves", test_state_moves);
  ADD ("/action-model/superseded", test_superseded);
  ADD ("/action-model/null-store", test_null_store);
  ADD ("/action-model/error", test_error);
  ADD ("/action-model/search-key", test_search_key);
  ADD ("/action-model/same-ids", test_same_ids);
  ADD ("/action-model/head-first", test_head_first);
  ADD ("/action-model/head-superseded", test_head_superseded);
  ADD ("/action-model/head-then-error", test_head_then_error);
#undef ADD

  return g_test_run ();
}
