/* test-demo.c
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "rempart-demo-private.h"
#include "rempart-feed-parser.h"
#include "rempart-fetcher.h"
#include "rempart-minisign.h"
#include "rempart-store-private.h"
#include "rempart-sync.h"
#include "rempart-test-dirs.h"

/*
 * The bundled demo feeds (data/demo): each verifies with demo.pub, is in the GResource and is
 * picked for its own language; a copy altered by
 * one byte is refused before anything is written; removing the demo leaves nothing of it,
 * not even the volunteer's rows; the sync engine never asks a server for it.
 *
 * The GResource is the application's, not linked here: the demo code falls back to
 * $REMPART_SOURCE_ROOT/data/demo, which the test environment sets (tests/meson.build).
 */

typedef struct
{
  char *dir;
  RempartStore *store;
} Fixture;

/* -------------------------------------------------------------------------------------- */
/* Helpers                                                                                */
/* -------------------------------------------------------------------------------------- */

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;

  g_assert_nonnull (g_getenv ("REMPART_SOURCE_ROOT"));
  f->dir = rempart_test_dir_new ("demo");
  path = g_build_filename (f->dir, "rempart.db", NULL);
  f->store = rempart_store_open_sync (path, NULL, &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->store);
  rempart_test_dir_remove (f->dir);
  g_free (f->dir);
}

static gboolean
timeout_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
result_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

/* Every wait is bounded: a lost callback fails the test instead of hanging it. */
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

static RempartSubscription *
demo_subscription (Fixture *f)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) subs = rempart_store_list_subscriptions_sync (f->store, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < subs->len; i++)
    {
      RempartSubscription *sub = g_ptr_array_index (subs, i);

      if (rempart_demo_is_demo_url (sub->url))
        return rempart_subscription_copy (sub);
    }
  return NULL;
}

static guint
count_actions (Fixture *f)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) all =
      rempart_store_list_actions_sync (f->store, REMPART_ACTION_VIEW_ALL, &error);

  g_assert_no_error (error);
  return all->len;
}

static void
check_demo (Fixture *f, const char *hashtag, const char *title_prefix)
{
  g_autoptr (RempartSubscription) sub = demo_subscription (f);
  g_autoptr (RempartFeedInfo) info = NULL;
  g_autoptr (GPtrArray) todo = NULL;
  g_autoptr (RempartMinisignPublicKey) key = NULL;
  g_autoptr (GError) error = NULL;
  gboolean has_excerpt = FALSE;

  g_assert_nonnull (sub);
  g_assert_true (sub->is_signed);
  g_assert_nonnull (sub->public_key);
  key = rempart_minisign_public_key_parse (sub->public_key, (gsize) -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sub->expires, ==, 0); /* never stale */

  info = rempart_store_get_feed_info_sync (f->store, sub->id, &error);
  g_assert_no_error (error);
  g_assert_true (info->is_bundled);
  g_assert_cmpstr (info->hashtag, ==, hashtag);
  g_assert_cmpint (info->hashtag_position, ==, REMPART_HASHTAG_POSITION_START);
  g_assert_cmpuint (g_strv_length (info->rules), ==, 3);
  g_assert_cmpuint (info->templates->len, ==, 2);
  g_assert_nonnull (strstr (info->about, "example.org"));

  /* All of them to do (expiries in 2030), each labelled, each linking to example.org. */
  todo = rempart_store_list_actions_sync (f->store, REMPART_ACTION_VIEW_TODO, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (todo->len, >=, 6);
  g_assert_cmpuint (todo->len, <=, 8);
  for (guint i = 0; i < todo->len; i++)
    {
      RempartStoredAction *stored = g_ptr_array_index (todo, i);
      GPtrArray *sources = rempart_action_get_sources (stored->action);

      g_assert_true (g_str_has_prefix (rempart_action_get_title (stored->action), title_prefix));
      g_assert_true (
          g_str_has_prefix (rempart_action_get_url (stored->action), "https://example.org/"));
      g_assert_nonnull (rempart_action_get_brief (stored->action));
      for (guint j = 0; sources != NULL && j < sources->len; j++)
        {
          const RempartSource *source = g_ptr_array_index (sources, j);
          g_assert_true (g_str_has_prefix (source->url, "https://example.org/"));
        }
      has_excerpt |= rempart_action_get_excerpt (stored->action) != NULL;
    }
  g_assert_true (has_excerpt);
}

/* -------------------------------------------------------------------------------------- */
/* Tests                                                                                  */
/* -------------------------------------------------------------------------------------- */

static void
test_import_both (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  GAsyncResult *slot = NULL;
  gint64 count;

  count = rempart_demo_import_sync (f->store, "en_GB.UTF-8", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count, ==, 7);
  g_assert_cmpuint (count_actions (f), ==, 7);
  check_demo (f, "#iamhere", "Example: ");

  /* Switching language replaces the actions; the subscription stays the one demo. */
  rempart_demo_import_async (f->store, "fr", NULL, result_cb, &slot);
  result = wait_result (&slot);
  count = rempart_demo_import_finish (result, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count, ==, 7);
  g_assert_cmpuint (count_actions (f), ==, 7);
  check_demo (f, "#jesuislà", "Exemple\u00a0: ");

  /* Again: a re-import, not a second subscription. */
  count = rempart_demo_import_sync (f->store, "fr_FR", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count, ==, 7);
  {
    g_autoptr (GPtrArray) subs = rempart_store_list_subscriptions_sync (f->store, &error);
    g_assert_cmpuint (subs->len, ==, 1);
  }

  /* German: its own feed, written for #ichbinhier, not the English one. */
  count = rempart_demo_import_sync (f->store, "de_DE.UTF-8", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count, ==, 7);
  check_demo (f, "#ichbinhier", "Beispiel: ");

  /* Swedish: its own feed, written for #jagärhär. */
  count = rempart_demo_import_sync (f->store, "sv_SE.UTF-8", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count, ==, 7);
  check_demo (f, "#jag\u00e4rh\u00e4r", "Exempel: ");

  /* A language without a feed of its own, or none, is English; "den" is not German. */
  count = rempart_demo_import_sync (f->store, "den", NULL, &error);
  g_assert_no_error (error);
  check_demo (f, "#iamhere", "Example: ");
  count = rempart_demo_import_sync (f->store, NULL, NULL, &error);
  g_assert_no_error (error);
  check_demo (f, "#iamhere", "Example: ");
}

/* Every data/demo/feed-<code>.json: listed in the GResource with its signature, valid with
 * nothing skipped, signed with demo.pub (the import verifies it), and the one imported for
 * "<code>.UTF-8" rather than the English fallback. A new language's feed fails here until it
 * is registered everywhere and signed (build-aux/sign-demo-feeds.sh). */
static void
test_every_feed (Fixture *f, gconstpointer data)
{
  const char *source_root = g_getenv ("REMPART_SOURCE_ROOT");
  g_autofree char *demo = g_build_filename (source_root, "data", "demo", NULL);
  g_autofree char *resource_path =
      g_build_filename (source_root, "data", "io.github.rempart.Rempart.gresource.xml", NULL);
  g_autofree char *resources = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GDir) dir = NULL;
  const char *name;
  guint n_feeds = 0;

  g_file_get_contents (resource_path, &resources, NULL, &error);
  g_assert_no_error (error);
  dir = g_dir_open (demo, 0, &error);
  g_assert_no_error (error);

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *code = NULL;
      g_autofree char *locale = NULL;
      g_autofree char *path = NULL;
      g_autofree char *contents = NULL;
      g_autofree char *alias = NULL;
      g_autofree char *sig_alias = NULL;
      g_autoptr (GBytes) bytes = NULL;
      g_autoptr (RempartFeed) feed = NULL;
      g_autoptr (RempartSubscription) sub = NULL;
      g_autoptr (RempartFeedInfo) info = NULL;
      gsize length = 0;
      gint64 count;

      if (!g_str_has_prefix (name, "feed-") || !g_str_has_suffix (name, ".json"))
        continue;
      g_test_message ("%s", name);
      code = g_strndup (name + strlen ("feed-"), strlen (name) - strlen ("feed-.json"));

      alias = g_strdup_printf ("alias=\"demo/%s\"", name);
      sig_alias = g_strdup_printf ("alias=\"demo/%s.minisig\"", name);
      g_assert_nonnull (strstr (resources, alias));
      g_assert_nonnull (strstr (resources, sig_alias));

      path = g_build_filename (demo, name, NULL);
      g_file_get_contents (path, &contents, &length, &error);
      g_assert_no_error (error);
      bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
      feed = rempart_feed_parse (bytes, name, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (rempart_feed_get_n_warnings (feed), ==, 0);
      g_assert_cmpstr (rempart_feed_get_language (feed), ==, code);

      locale = g_strconcat (code, ".UTF-8", NULL);
      count = rempart_demo_import_sync (f->store, locale, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpint (count, ==, g_list_model_get_n_items (rempart_feed_get_actions (feed)));

      sub = demo_subscription (f);
      g_assert_nonnull (sub);
      info = rempart_store_get_feed_info_sync (f->store, sub->id, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (info->title, ==, rempart_feed_get_title (feed));
      g_assert_cmpstr (info->language, ==, code);
      n_feeds++;
    }

  /* At least English, French, German and Swedish. */
  g_assert_cmpuint (n_feeds, >=, 4);
}

static void
copy_file (const char *from, const char *to)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_autoptr (GError) error = NULL;

  g_file_get_contents (from, &contents, &length, &error);
  g_assert_no_error (error);
  g_file_set_contents (to, contents, length, &error);
  g_assert_no_error (error);
}

static void
test_tampered (Fixture *f, gconstpointer data)
{
  const char *source_root = g_getenv ("REMPART_SOURCE_ROOT");
  g_autofree char *demo = g_build_filename (f->dir, "copy", NULL);
  static const char *const names[] = { "feed-en.json", "feed-en.json.minisig", "demo.pub" };
  g_autofree char *feed_path = NULL;
  g_autofree char *contents = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (RempartSubscription) sub = NULL;
  char *hit;
  gint64 count;

  g_assert_no_errno (g_mkdir_with_parents (demo, 0700));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *from = g_build_filename (source_root, "data", "demo", names[i], NULL);
      g_autofree char *to = g_build_filename (demo, names[i], NULL);
      copy_file (from, to);
    }

  /* The untouched copy imports: the test below fails for the byte, not for the copy. */
  rempart_demo_set_dir_for_testing (demo);
  count = rempart_demo_import_sync (f->store, "en", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count, ==, 7);
  g_assert_true (rempart_demo_remove_sync (f->store, NULL, &error));
  g_assert_no_error (error);

  /* One word changed in a brief: a still perfectly valid feed, but not the signed one. */
  feed_path = g_build_filename (demo, "feed-en.json", NULL);
  g_file_get_contents (feed_path, &contents, NULL, &error);
  g_assert_no_error (error);
  hit = strstr (contents, "calmly");
  g_assert_nonnull (hit);
  memcpy (hit, "loudly", 6);
  g_file_set_contents (feed_path, contents, -1, &error);
  g_assert_no_error (error);

  count = rempart_demo_import_sync (f->store, "en", NULL, &error);
  rempart_demo_set_dir_for_testing (NULL);
  g_assert_error (error, REMPART_MINISIGN_ERROR, REMPART_MINISIGN_ERROR_BAD_SIGNATURE);
  g_test_message ("%s", error->message);
  g_assert_cmpint (count, ==, -1);

  sub = demo_subscription (f);
  g_assert_null (sub);
  g_assert_cmpuint (count_actions (f), ==, 0);
}

static void
test_remove (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (RempartSubscription) real = NULL;
  g_autoptr (RempartSubscription) gone = NULL;
  g_autoptr (RempartDraft) draft = NULL;
  RempartDraft new_draft = { .subscription_url = REMPART_DEMO_FEED_URL,
                             .action_id = "demo-en-1",
                             .text = "#iamhere hello" };
  GAsyncResult *slot = NULL;
  guint joined = 99;

  /* Nothing to remove: fine. */
  g_assert_true (rempart_demo_remove_sync (f->store, NULL, &error));
  g_assert_no_error (error);

  real = rempart_store_add_subscription_sync (f->store, "https://example.net/group/feed.json", NULL,
                                              &error);
  g_assert_no_error (error);
  g_assert_cmpint (rempart_demo_import_sync (f->store, "en", NULL, &error), ==, 7);
  g_assert_no_error (error);

  /* The volunteer tried the demo: joined an action and started a reply. */
  g_assert_true (rempart_store_add_action_state_sync (f->store, REMPART_DEMO_FEED_URL, "demo-en-1",
                                                      REMPART_ACTION_STATE_JOINED, &error));
  g_assert_true (rempart_store_save_draft_sync (f->store, &new_draft, &error));
  g_assert_no_error (error);

  rempart_demo_remove_async (f->store, NULL, result_cb, &slot);
  result = wait_result (&slot);
  g_assert_true (rempart_demo_remove_finish (result, &error));
  g_assert_no_error (error);

  gone = demo_subscription (f);
  g_assert_null (gone);
  g_assert_cmpuint (count_actions (f), ==, 0);
  draft = rempart_store_load_draft_sync (f->store, REMPART_DEMO_FEED_URL, "demo-en-1", &error);
  g_assert_no_error (error);
  g_assert_null (draft);
  /* Trying the demo is not participation. */
  g_assert_true (
      rempart_store_count_events_sync (f->store, REMPART_ACTION_STATE_JOINED, 0, &joined, &error));
  g_assert_cmpuint (joined, ==, 0);

  /* The real subscription is untouched. */
  {
    g_autoptr (GPtrArray) subs = rempart_store_list_subscriptions_sync (f->store, &error);
    g_assert_cmpuint (subs->len, ==, 1);
    g_assert_cmpint (((RempartSubscription *) g_ptr_array_index (subs, 0))->id, ==, real->id);
  }
}

/* What the volunteer wrote on an example outlives it, as one of their own templates. */
static void
test_keep_drafts (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GPtrArray) templates = NULL;
  RempartDraft written = { .subscription_url = REMPART_DEMO_FEED_URL,
                           .action_id = "demo-en-1",
                           .text = "#iamhere my own words",
                           .queued = TRUE };
  RempartDraft blank = { .subscription_url = REMPART_DEMO_FEED_URL,
                         .action_id = "demo-en-2",
                         .text = "  \n " };
  GAsyncResult *slot = NULL;
  RempartUserTemplate *kept;

  /* No examples, nothing written: nothing kept. */
  g_assert_cmpint (rempart_demo_keep_drafts_sync (f->store, NULL, &error), ==, 0);
  g_assert_no_error (error);

  g_assert_cmpint (rempart_demo_import_sync (f->store, "en", NULL, &error), ==, 7);
  g_assert_true (rempart_store_save_draft_sync (f->store, &written, &error));
  g_assert_true (rempart_store_save_draft_sync (f->store, &blank, &error));
  g_assert_no_error (error);

  rempart_demo_keep_drafts_async (f->store, NULL, result_cb, &slot);
  result = wait_result (&slot);
  g_assert_cmpint (rempart_demo_keep_drafts_finish (result, &error), ==, 1);
  g_assert_no_error (error);
  g_assert_true (rempart_demo_remove_sync (f->store, NULL, &error));
  g_assert_no_error (error);

  /* The blank one is not kept; the other is there after the examples went. */
  templates = rempart_store_list_user_templates_sync (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (templates->len, ==, 1);
  kept = g_ptr_array_index (templates, 0);
  g_assert_cmpstr (kept->body, ==, "#iamhere my own words");
  g_assert_true (g_str_has_prefix (kept->title, "Reply to “"));
  g_assert_cmpuint (strlen (kept->title), >, strlen ("Reply to “”"));
  g_assert_nonnull (kept->topics);
}

static GPtrArray *
refresh (RempartSync *sync, gint64 id, gboolean manual)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  GAsyncResult *slot = NULL;
  GPtrArray *reports;

  rempart_sync_refresh_async (sync, id, manual, NULL, result_cb, &slot);
  result = wait_result (&slot);
  reports = rempart_sync_refresh_finish (sync, result, &error);
  g_assert_no_error (error);
  return reports;
}

static void
test_sync_skips (Fixture *f, gconstpointer data)
{
  g_autoptr (RempartFetcher) fetcher = rempart_fetcher_new ();
  g_autoptr (RempartSync) sync = rempart_sync_new (f->store, fetcher, NULL);
  g_autoptr (RempartSubscription) sub = NULL;
  g_autoptr (GPtrArray) all = NULL;
  g_autoptr (GPtrArray) manual_all = NULL;
  g_autoptr (GPtrArray) by_id = NULL;
  g_autoptr (RempartSubscription) after = NULL;
  g_autoptr (GError) error = NULL;
  const RempartSyncReport *report;

  g_assert_cmpint (rempart_demo_import_sync (f->store, "fr", NULL, &error), ==, 7);
  g_assert_no_error (error);
  sub = demo_subscription (f);

  /* Refresh-all: the demo is not even considered (no request, no report). */
  all = refresh (sync, 0, FALSE);
  g_assert_cmpuint (all->len, ==, 0);
  manual_all = refresh (sync, 0, TRUE);
  g_assert_cmpuint (manual_all->len, ==, 0);

  /* By id, even by hand: skipped, with a message that says why. */
  by_id = refresh (sync, sub->id, TRUE);
  g_assert_cmpuint (by_id->len, ==, 1);
  report = g_ptr_array_index (by_id, 0);
  g_assert_cmpint (report->outcome, ==, REMPART_SYNC_OUTCOME_SKIPPED_ENDED);
  g_assert_nonnull (report->message);
  g_test_message ("%s", report->message);

  /* Nothing saved: no failure, no error for the volunteer, actions intact. */
  after = demo_subscription (f);
  g_assert_cmpint (after->failures, ==, 0);
  g_assert_null (after->last_error);
  g_assert_false (after->ended);
  g_assert_cmpuint (count_actions (f), ==, 7);
}

/* No GResource here and nothing under $REMPART_SOURCE_ROOT/data/demo: one clear error naming
 * the file looked for (the failed resource lookup's error is not set over by the second). */
static void
test_missing (Fixture *f, gconstpointer data)
{
  g_autofree char *saved = g_strdup (g_getenv ("REMPART_SOURCE_ROOT"));
  g_autoptr (GError) error = NULL;
  gint64 count;

  g_assert_true (g_setenv ("REMPART_SOURCE_ROOT", f->dir, TRUE));
  count = rempart_demo_import_sync (f->store, "en", NULL, &error);
  g_assert_true (g_setenv ("REMPART_SOURCE_ROOT", saved, TRUE));

  g_assert_cmpint (count, ==, -1);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "feed-en.json"));
  g_assert_nonnull (strstr (error->message, "Reinstall Rempart"));
  g_assert_cmpuint (count_actions (f), ==, 0);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/demo/import-both", test_import_both);
  ADD ("/demo/every-feed", test_every_feed);
  ADD ("/demo/tampered", test_tampered);
  ADD ("/demo/missing", test_missing);
  ADD ("/demo/remove", test_remove);
  ADD ("/demo/keep-drafts", test_keep_drafts);
  ADD ("/demo/sync-skips", test_sync_skips);
#undef ADD

  return g_test_run ();
}
