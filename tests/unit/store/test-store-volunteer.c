/* test-store-volunteer.c
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rempart-draft-saver.h"
#include "rempart-store-undo.h"
#include "store-fixture.h"

/*
 * The volunteer's own data: drafts outliving everything, the draft saver, states and
 * their events, and the volunteer's templates.
 */

/* -------------------------------------------------------------------------------------- */
/* The volunteer's own data                                                               */
/* -------------------------------------------------------------------------------------- */

static void
test_drafts_survive (Fixture *f, gconstpointer data)
{
  g_autoptr (RempartFeed) feed = make_feed (1, 3, 0, "v1");
  g_autoptr (RempartFeed) changed = make_feed (2, 3, 0, "v2");
  g_autoptr (RempartFeed) without = make_feed (3, 3, 1u << 0, "v2");
  g_autoptr (GError) error = NULL;
  g_autoptr (RempartSubscription) again = NULL;
  g_autoptr (RempartDraft) loaded = NULL;
  RempartImportStats stats;
  RempartDraft d = { .subscription_url = f->sub->url,
                     .action_id = "a0",
                     .text = "#jesuislà Premier jet",
                     .template_id = "facts-first" };

  assert_draft (f, f->sub->url, "a0", NULL);
  import_ok (f, feed, &stats);
  g_assert_true (rempart_store_save_draft_sync (f->store, &d, &error));
  d.text = "#jesuislà Second jet";
  g_assert_true (rempart_store_save_draft_sync (f->store, &d, &error));
  g_assert_no_error (error);
  loaded = rempart_store_load_draft_sync (f->store, f->sub->url, "a0", &error);
  g_assert_cmpstr (loaded->template_id, ==, "facts-first");
  g_assert_false (loaded->queued);
  g_assert_cmpint (loaded->updated, ==, EXAMPLE_NOW);

  import_ok (f, changed, &stats);
  assert_draft (f, f->sub->url, "a0", "#jesuislà Second jet");
  import_ok (f, without, &stats);
  assert_draft (f, f->sub->url, "a0", "#jesuislà Second jet");

  g_assert_true (rempart_store_remove_subscription_sync (f->store, f->sub->id, &error));
  g_assert_no_error (error);
  assert_draft (f, f->sub->url, "a0", "#jesuislà Second jet");
  again = rempart_store_add_subscription_sync (f->store, f->sub->url, NULL, &error);
  g_assert_no_error (error);
  assert_draft (f, again->url, "a0", "#jesuislà Second jet");
}

static RempartSubscription *
find_subscription (Fixture *f, gint64 id)
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
  return NULL;
}

/* A group's address and key corrected in Preferences: the drafts follow the address, the
 * check starts again, a new key forgets the old key's seq; an address another group has, or
 * a group gone meanwhile, changes nothing. */
static void
test_edit_subscription (Fixture *f, gconstpointer data)
{
  static const char key[] = "RWQf6LRCGA9i53mlYecO4IzT51TGPpvWucNSCh1CBM0QTaLn73Y7GFO3";
  static const char moved[] = "https://example.org/moved/feed.json";
  g_autoptr (RempartFeed) feed = make_feed (5, 2, 0, "v1");
  g_autoptr (RempartSubscription) edited = NULL;
  g_autoptr (RempartSubscription) rekeyed = NULL;
  g_autoptr (RempartSubscription) other = NULL;
  g_autoptr (RempartSubscription) after_refusal = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GError) taken_error = NULL;
  g_autoptr (GError) gone_error = NULL;
  RempartImportStats stats;
  RempartDraft d = { .subscription_url = f->sub->url, .action_id = "a0", .text = "Gardé" };

  f->sub->is_signed = TRUE;
  f->sub->etag = g_strdup ("\"v1\"");
  f->sub->last_success = EXAMPLE_NOW;
  f->sub->last_error = g_strdup ("The feed does not match its signature");
  f->sub->failures = 3;
  import_ok (f, feed, &stats);
  g_assert_true (rempart_store_save_draft_sync (f->store, &d, &error));
  g_assert_no_error (error);

  /* A new address, the same (absent) key. */
  g_assert_true (rempart_store_edit_subscription_sync (f->store, f->sub->id, moved, NULL, &error));
  g_assert_no_error (error);
  edited = find_subscription (f, f->sub->id);
  g_assert_cmpstr (edited->url, ==, moved);
  g_assert_null (edited->public_key);
  g_assert_null (edited->etag);
  g_assert_null (edited->last_error);
  g_assert_cmpint (edited->failures, ==, 0);
  g_assert_cmpint (edited->last_success, ==, 0);
  g_assert_false (edited->is_signed);
  g_assert_cmpint (edited->last_seq, ==, 5);
  assert_draft (f, moved, "a0", "Gardé");
  assert_draft (f, f->sub->url, "a0", NULL);

  /* A new key: the seq of the old one no longer means anything. */
  g_assert_true (rempart_store_edit_subscription_sync (f->store, f->sub->id, moved, key, &error));
  g_assert_no_error (error);
  rekeyed = find_subscription (f, f->sub->id);
  g_assert_cmpstr (rekeyed->public_key, ==, key);
  g_assert_cmpint (rekeyed->last_seq, ==, -1);

  /* Another group's address: refused, nothing changed. */
  other =
      rempart_store_add_subscription_sync (f->store, "https://other.org/feed.json", NULL, &error);
  g_assert_no_error (error);
  g_assert_false (
      rempart_store_edit_subscription_sync (f->store, f->sub->id, other->url, NULL, &taken_error));
  g_assert_error (taken_error, REMPART_STORE_ERROR, REMPART_STORE_ERROR_FAILED);
  after_refusal = find_subscription (f, f->sub->id);
  g_assert_cmpstr (after_refusal->url, ==, moved);
  g_assert_cmpstr (after_refusal->public_key, ==, key);
  assert_draft (f, moved, "a0", "Gardé");

  g_assert_false (rempart_store_edit_subscription_sync (f->store, 9999, moved, NULL, &gone_error));
  g_assert_error (gone_error, REMPART_STORE_ERROR, REMPART_STORE_ERROR_NOT_FOUND);
}

/* The feed's description comes with the subscription (from feed_info, schema 3: no
 * migration), and a damaged feed_info leaves it out without failing the listing. */
static void
test_subscription_description (Fixture *f, gconstpointer data)
{
  g_autoptr (RempartFeed) feed = load_example ();
  g_autoptr (RempartSubscription) imported = NULL;
  g_autoptr (RempartSubscription) damaged = NULL;
  RempartImportStats stats;
  sqlite3 *db = NULL;

  g_assert_null (f->sub->description);
  import_ok (f, feed, &stats);
  imported = find_subscription (f, f->sub->id);
  g_assert_cmpstr (imported->description, ==,
                   "Les actions choisies chaque jour par l’équipe de modération.");

  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (
      sqlite3_exec (db, "UPDATE subscriptions SET feed_info = '{broken'", NULL, NULL, NULL), ==,
      SQLITE_OK);
  sqlite3_close (db);
  damaged = find_subscription (f, f->sub->id);
  g_assert_nonnull (damaged);
  g_assert_null (damaged->description);
}

static void
test_state_events (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  guint count = 99;
  struct
  {
    RempartActionState kind;
    guint expected;
  } counts[] = {
    { REMPART_ACTION_STATE_OPENED, 2 },
    { REMPART_ACTION_STATE_JOINED, 1 },
    { REMPART_ACTION_STATE_POSTED, 1 },
    { REMPART_ACTION_STATE_DISMISSED, 0 },
  };

  /* No action row is needed: state is keyed by URL and id. */
  g_assert_true (rempart_store_add_action_state_sync (f->store, f->sub->url, "x",
                                                      REMPART_ACTION_STATE_OPENED, &error));
  g_assert_true (rempart_store_add_action_state_sync (
      f->store, f->sub->url, "x", REMPART_ACTION_STATE_OPENED | REMPART_ACTION_STATE_JOINED,
      &error));
  g_assert_true (rempart_store_add_action_state_sync (f->store, f->sub->url, "x",
                                                      REMPART_ACTION_STATE_POSTED, &error));
  g_assert_true (rempart_store_add_action_state_sync (f->store, f->sub->url, "y",
                                                      REMPART_ACTION_STATE_OPENED, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    {
      g_assert_true (rempart_store_count_events_sync (f->store, counts[i].kind, 0, &count, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (count, ==, counts[i].expected);
    }
  g_assert_true (rempart_store_count_events_sync (f->store, REMPART_ACTION_STATE_OPENED,
                                                  EXAMPLE_NOW + 1, &count, &error));
  g_assert_cmpuint (count, ==, 0);
}

/* Not for Me, then Undo: the flag and its event go, the other flags and events stay. */
static void
test_state_clear (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) archived = NULL;
  g_autoptr (GPtrArray) todo = NULL;
  g_autoptr (RempartFeed) feed = make_feed (1, 3, 0, "v1");
  RempartImportStats stats;
  guint count = 99;

  import_ok (f, feed, &stats);
  g_assert_true (rempart_store_add_action_state_sync (
      f->store, f->sub->url, "a1", REMPART_ACTION_STATE_OPENED | REMPART_ACTION_STATE_DISMISSED,
      &error));
  g_assert_no_error (error);
  archived = rempart_store_list_actions_sync (f->store, REMPART_ACTION_VIEW_ARCHIVE, &error);
  g_assert_cmpuint (archived->len, ==, 1);

  g_assert_true (rempart_store_clear_action_state_sync (f->store, f->sub->url, "a1",
                                                        REMPART_ACTION_STATE_DISMISSED, &error));
  g_assert_no_error (error);
  g_assert_true (rempart_store_count_events_sync (f->store, REMPART_ACTION_STATE_DISMISSED, 0,
                                                  &count, &error));
  g_assert_cmpuint (count, ==, 0);
  g_assert_true (
      rempart_store_count_events_sync (f->store, REMPART_ACTION_STATE_OPENED, 0, &count, &error));
  g_assert_cmpuint (count, ==, 1);

  /* Back in To Do, still marked as opened. */
  todo = rempart_store_list_actions_sync (f->store, REMPART_ACTION_VIEW_TODO, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (todo->len, ==, 3);
  for (guint i = 0; i < todo->len; i++)
    {
      RempartStoredAction *a = g_ptr_array_index (todo, i);

      if (g_str_equal (rempart_action_get_id (a->action), "a1"))
        g_assert_cmpint (a->state, ==, REMPART_ACTION_STATE_OPENED);
    }

  /* Clearing what is not set, or an action with no state at all, is fine. */
  g_assert_true (rempart_store_clear_action_state_sync (f->store, f->sub->url, "a1",
                                                        REMPART_ACTION_STATE_DISMISSED, &error));
  g_assert_true (rempart_store_clear_action_state_sync (f->store, f->sub->url, "nothing",
                                                        REMPART_ACTION_STATE_DISMISSED, &error));
  g_assert_no_error (error);
}

static void
test_user_templates (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) list1 = NULL;
  g_autoptr (GPtrArray) list2 = NULL;
  const char *topics[] = { "racism", "sexism", NULL };
  RempartUserTemplate t = { .id = "mine-1",
                            .title = "B — à moi",
                            .language = "fr",
                            .topics = (GStrv) topics,
                            .body = "#jesuislà {source}",
                            .when_text = "Toujours" };
  RempartUserTemplate *got;

  g_assert_true (rempart_store_save_user_template_sync (f->store, &t, &error));
  t.id = "mine-2";
  t.title = "A — autre";
  t.topics = NULL;
  g_assert_true (rempart_store_save_user_template_sync (f->store, &t, &error));
  g_assert_no_error (error);

  list1 = rempart_store_list_user_templates_sync (f->store, &error);
  g_assert_cmpuint (list1->len, ==, 2);
  got = g_ptr_array_index (list1, 1);
  g_assert_cmpstr (got->id, ==, "mine-1");
  g_assert_cmpstr (got->body, ==, "#jesuislà {source}");
  g_assert_true (g_strv_equal ((const char *const *) got->topics, topics));
  g_assert_cmpint (got->created, ==, EXAMPLE_NOW);
  g_assert_cmpuint (g_strv_length (((RempartUserTemplate *) list1->pdata[0])->topics), ==, 0);

  /* Update keeps created, moves updated. */
  rempart_store_set_now_for_testing (f->store, EXAMPLE_NOW + 60);
  t.body = "changé";
  g_assert_true (rempart_store_save_user_template_sync (f->store, &t, &error));
  g_assert_true (rempart_store_delete_user_template_sync (f->store, "mine-1", &error));
  g_assert_no_error (error);
  g_assert_false (rempart_store_delete_user_template_sync (f->store, "mine-1", &error));
  g_assert_error (error, REMPART_STORE_ERROR, REMPART_STORE_ERROR_NOT_FOUND);

  list2 = rempart_store_list_user_templates_sync (f->store, NULL);
  g_assert_cmpuint (list2->len, ==, 1);
  got = g_ptr_array_index (list2, 0);
  g_assert_cmpstr (got->body, ==, "changé");
  g_assert_cmpint (got->created, ==, EXAMPLE_NOW);
  g_assert_cmpint (got->updated, ==, EXAMPLE_NOW + 60);
}

/* -------------------------------------------------------------------------------------- */
/* The draft saver                                                                        */
/* -------------------------------------------------------------------------------------- */

static void
saved_cb (RempartDraftSaver *saver, GError *error, gpointer user_data)
{
  g_assert_no_error (error);
  (*(guint *) user_data)++;
}

static void
test_draft_saver (Fixture *f, gconstpointer data)
{
  g_autoptr (RempartDraftSaver) saver = rempart_draft_saver_new (f->store, f->sub->url, "a0");
  guint saves = 0;
  gint64 start;

  g_signal_connect (saver, "saved", G_CALLBACK (saved_cb), &saves);

  /* A burst of changes: one save, of the last text, ~300 ms later. */
  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *text = g_strdup_printf ("texte %u", i);
      rempart_draft_saver_set_text (saver, text, NULL, FALSE);
    }
  g_assert_true (rempart_draft_saver_has_unsaved_changes (saver));
  assert_draft (f, f->sub->url, "a0", NULL);
  start = g_get_monotonic_time ();
  while (saves == 0 && g_get_monotonic_time () - start < 10 * G_USEC_PER_SEC)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (saves, ==, 1);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 1100 * 1000);
  g_assert_false (rempart_draft_saver_has_unsaved_changes (saver));
  assert_draft (f, f->sub->url, "a0", "texte 4");
  spin (400);
  g_assert_cmpuint (saves, ==, 1);

  /* Typing without a pause: the deadline saves within a second anyway. */
  saves = 0;
  start = g_get_monotonic_time ();
  for (guint i = 0; saves == 0 && g_get_monotonic_time () - start < 3 * G_USEC_PER_SEC; i++)
    {
      g_autofree char *text = g_strdup_printf ("frappe %u", i);
      rempart_draft_saver_set_text (saver, text, "tmpl", TRUE);
      spin (100);
    }
  g_assert_cmpuint (saves, ==, 1);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 1500 * 1000);

  /* Flush saves now. */
  rempart_draft_saver_set_text (saver, "vidé", NULL, TRUE);
  rempart_draft_saver_flush (saver);
  g_assert_false (rempart_draft_saver_has_unsaved_changes (saver));
  assert_draft (f, f->sub->url, "a0", "vidé");

  /* Dispose flushes: the store runs jobs in order, so the load sees it. */
  rempart_draft_saver_set_text (saver, "dernier mot", NULL, FALSE);
  g_clear_object (&saver);
  assert_draft (f, f->sub->url, "a0", "dernier mot");
  spin (50);
}

/* -------------------------------------------------------------------------------------- */
/* Draft flags (schema 3)                                                                 */
/* -------------------------------------------------------------------------------------- */

static void
test_draft_flags (Fixture *f, gconstpointer data)
{
  g_autoptr (RempartFeed) feed = load_example ();
  g_autoptr (GPtrArray) before = NULL;
  g_autoptr (GPtrArray) after = NULL;
  g_autoptr (GError) error = NULL;
  RempartDraft draft = { .subscription_url = f->sub->url, .text = "#jesuislà Bonjour" };
  RempartStoredAction *stored;

  import_ok (f, feed, NULL);
  before = list (f, REMPART_ACTION_VIEW_ALL);
  g_assert_cmpuint (before->len, >=, 2);
  for (guint i = 0; i < before->len; i++)
    {
      stored = g_ptr_array_index (before, i);
      g_assert_false (stored->queued);
      g_assert_false (stored->has_draft);
    }

  draft.action_id = (char *) nth_id (before, 0);
  draft.queued = TRUE;
  g_assert_true (rempart_store_save_draft_sync (f->store, &draft, &error));
  g_assert_no_error (error);
  draft.action_id = (char *) nth_id (before, 1);
  draft.queued = FALSE;
  g_assert_true (rempart_store_save_draft_sync (f->store, &draft, &error));
  g_assert_no_error (error);

  after = list (f, REMPART_ACTION_VIEW_ALL);
  g_assert_cmpuint (after->len, ==, before->len);
  stored = g_ptr_array_index (after, 0);
  g_assert_true (stored->queued);
  g_assert_true (stored->has_draft);
  stored = g_ptr_array_index (after, 1);
  g_assert_false (stored->queued);
  g_assert_true (stored->has_draft);

  /* The copy keeps them. */
  {
    g_autoptr (RempartStoredAction) copy = rempart_stored_action_copy (stored);

    g_assert_true (copy->has_draft);
    g_assert_false (copy->queued);
  }

  g_clear_pointer (&after, g_ptr_array_unref);
  after = list (f, REMPART_ACTION_VIEW_QUEUED);
  g_assert_cmpuint (after->len, ==, 1);
  g_assert_cmpstr (nth_id (after, 0), ==, nth_id (before, 0));
}

/* -------------------------------------------------------------------------------------- */
/* Main                                                                                   */
/* -------------------------------------------------------------------------------------- */

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  STORE_TEST_ADD ("/store/drafts/survive", test_drafts_survive);
  STORE_TEST_ADD ("/store/subscriptions/edit", test_edit_subscription);
  STORE_TEST_ADD ("/store/subscriptions/description", test_subscription_description);
  STORE_TEST_ADD ("/store/state/events", test_state_events);
  STORE_TEST_ADD ("/store/state/clear", test_state_clear);
  STORE_TEST_ADD ("/store/templates", test_user_templates);
  STORE_TEST_ADD ("/store/draft-saver", test_draft_saver);
  STORE_TEST_ADD ("/store/draft-flags", test_draft_flags);

  return g_test_run ();
}
