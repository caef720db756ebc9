/* test-workspace.c
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "rempart-feed-parser.h"
#include "rempart-test-dirs.h"
#include "rempart-workspace-private.h"

/*
 * RempartWorkspace on real files in a temporary folder: what the moderator edits reaches
 * feed.json (autosaved, flushed on dispose, readable by the volunteers' parser), states and
 * sorting, undo, settings and templates, and the refusals. Every wait is bounded.
 */

#define FEED_URL "https://example.org/group/feed.json"
#define WAIT_MS  5000

typedef struct
{
  char *base;
  RempartWorkspace *ws;
} Fixture;

/* -------------------------------------------------------------------------------------- */
/* Helpers                                                                                */
/* -------------------------------------------------------------------------------------- */

static void
result_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

/* Runs the main context until *@done is set, at most WAIT_MS. */
static void
wait_for_result (GAsyncResult **done)
{
  gint64 deadline = g_get_monotonic_time () + WAIT_MS * 1000;

  while (*done == NULL && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE), g_usleep (1000);
  g_assert_nonnull (*done);
}

static RempartWorkspace *
create (const char *base, const char *title, GError **error)
{
  g_autoptr (GAsyncResult) result = NULL;

  rempart_workspace_create_async (base, title, FEED_URL, NULL, result_cb, &result);
  wait_for_result (&result);
  return rempart_workspace_create_finish (result, error);
}

static RempartWorkspace *
open_dir (const char *dir, GError **error)
{
  g_autoptr (GAsyncResult) result = NULL;

  rempart_workspace_open_async (dir, NULL, result_cb, &result);
  wait_for_result (&result);
  return rempart_workspace_open_finish (result, error);
}

static char *
read_feed_file (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "feed.json", NULL);
  char *data = NULL;

  if (!g_file_get_contents (path, &data, NULL, NULL))
    return NULL;
  return data;
}

/* Waits until the feed file in @dir contains @needle (or stops containing it). */
static gboolean
wait_file (const char *dir, const char *needle, gboolean present)
{
  gint64 deadline = g_get_monotonic_time () + WAIT_MS * 1000;

  while (g_get_monotonic_time () < deadline)
    {
      g_autofree char *data = read_feed_file (dir);

      if (data != NULL && (strstr (data, needle) != NULL) == present)
        return TRUE;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
  return FALSE;
}

static char *
add (RempartWorkspace *ws,
     const char *title,
     RempartPriority priority,
     const char *expires,
     const char *published)
{
  g_autoptr (GDateTime) exp = expires != NULL ? g_date_time_new_from_iso8601 (expires, NULL) : NULL;
  g_autoptr (GDateTime) pub =
      published != NULL ? g_date_time_new_from_iso8601 (published, NULL) : NULL;
  g_autoptr (GError) error = NULL;
  RempartNewAction action = { 0 };
  char *id = NULL;

  action.url = "https://www.facebook.com/news/posts/1";
  action.title = title;
  action.brief = "Say it calmly.";
  action.priority = priority;
  action.platform = "facebook";
  action.expires = exp;
  action.date_published = pub;
  g_assert_true (rempart_workspace_add_action (ws, &action, &id, &error));
  g_assert_no_error (error);
  g_assert_nonnull (id);
  return id;
}

static void
count_cb (RempartWorkspace *ws, gpointer user_data)
{
  (*(guint *) user_data)++;
}

static void
saved_cb (RempartWorkspace *ws, GError *error, gpointer user_data)
{
  g_assert_no_error (error);
  (*(guint *) user_data)++;
}

static void
save_now (RempartWorkspace *ws)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;

  rempart_workspace_save_async (ws, NULL, result_cb, &result);
  wait_for_result (&result);
  g_assert_true (rempart_workspace_save_finish (ws, result, &error));
  g_assert_no_error (error);
}

/* Waits for every write asked for so far, so that the folder can go. */
static void
wait_for_writes (void)
{
  g_autoptr (GAsyncResult) result = NULL;

  rempart_workspace_write_file_async (NULL, NULL, NULL, result_cb, &result);
  wait_for_result (&result);
  g_assert_true (rempart_workspace_write_file_finish (result, NULL));
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  f->base = rempart_test_dir_new ("moderation");
  f->ws = create (f->base, "#Je suis là", &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->ws);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_autofree char *dir = g_strdup (rempart_workspace_get_dir (f->ws));

  g_clear_object (&f->ws);
  /* Let the last writes land before the folder goes. */
  wait_for_writes ();
  g_assert_true (wait_file (dir, "jsonfeed", TRUE));
  rempart_test_dir_remove (f->base);
  g_free (f->base);
}

/* -------------------------------------------------------------------------------------- */
/* Tests                                                                                  */
/* -------------------------------------------------------------------------------------- */

static void
test_create (Fixture *f, gconstpointer data)
{
  g_autoptr (RempartWorkspace) again = NULL;
  g_autoptr (RempartWorkspace) bad = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *expected = g_build_filename (f->base, "je-suis-la", NULL);
  g_autofree char *data_text = read_feed_file (rempart_workspace_get_dir (f->ws));
  GStatBuf st;

  g_assert_cmpstr (rempart_workspace_get_dir (f->ws), ==, expected);
  g_assert_cmpstr (rempart_workspace_get_slug (f->ws), ==, "je-suis-la");
  g_assert_cmpstr (rempart_workspace_get_title (f->ws), ==, "#Je suis là");
  g_assert_cmpstr (rempart_workspace_get_feed_url (f->ws), ==, FEED_URL);
  g_assert_null (rempart_workspace_get_public_key (f->ws));
  g_assert_null (rempart_workspace_get_published (f->ws));
  g_assert_nonnull (data_text);
  g_assert_nonnull (strstr (data_text, "https://jsonfeed.org/version/1.1"));
  g_assert_cmpint (g_stat (expected, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);

  /* The same name again gets its own folder. */
  again = create (f->base, "#Je suis là", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rempart_workspace_get_slug (again), ==, "je-suis-la-2");

  bad = create (f->base, "Group", &error);
  g_assert_no_error (error);
  g_clear_object (&bad);

  {
    g_autoptr (GAsyncResult) result = NULL;

    rempart_workspace_create_async (f->base, "X", "ftp://example.org/feed", NULL, result_cb,
                                    &result);
    wait_for_result (&result);
    g_assert_null (rempart_workspace_create_finish (result, &error));
    g_assert_error (error, REMPART_WORKSPACE_ERROR, REMPART_WORKSPACE_ERROR_INVALID);
    g_clear_error (&error);
  }
  {
    g_autoptr (GAsyncResult) result = NULL;

    rempart_workspace_create_async (f->base, "   ", FEED_URL, NULL, result_cb, &result);
    wait_for_result (&result);
    g_assert_null (rempart_workspace_create_finish (result, &error));
    g_assert_error (error, REMPART_WORKSPACE_ERROR, REMPART_WORKSPACE_ERROR_INVALID);
  }
}

static void
test_autosave (Fixture *f, gconstpointer data)
{
  g_autofree char *id = NULL;
  guint n_changed = 0;
  guint n_saved = 0;
  gint64 deadline;

  g_signal_connect (f->ws, "changed", G_CALLBACK (count_cb), &n_changed);
  g_signal_connect (f->ws, "saved", G_CALLBACK (saved_cb), &n_saved);
  id = add (f->ws, "Fil sous l’article", REMPART_PRIORITY_NORMAL, NULL, NULL);
  g_assert_cmpuint (n_changed, ==, 1);
  g_assert_true (rempart_workspace_has_unsaved_changes (f->ws));
  /* Not written at once: debounced. */
  {
    g_autofree char *text = read_feed_file (rempart_workspace_get_dir (f->ws));

    g_assert_null (strstr (text, "Fil sous"));
  }

  deadline = g_get_monotonic_time () + WAIT_MS * 1000;
  while (n_saved == 0 && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (n_saved, ==, 1);
  g_assert_false (rempart_workspace_has_unsaved_changes (f->ws));
  g_assert_true (wait_file (rempart_workspace_get_dir (f->ws), "Fil sous l’article", TRUE));

  /* What was written is a feed the volunteers' parser reads, with the action. */
  {
    g_autofree char *text = read_feed_file (rempart_workspace_get_dir (f->ws));
    g_autoptr (GBytes) bytes = g_bytes_new (text, strlen (text));
    g_autoptr (GError) error = NULL;
    g_autoptr (RempartFeed) feed = rempart_feed_parse (bytes, "feed.json", &error);

    g_assert_no_error (error);
    g_assert_nonnull (rempart_feed_lookup_action (feed, id));
    g_assert_cmpuint (rempart_feed_get_n_warnings (feed), ==, 0);
  }
}

/* Typing without a pause still saves within the deadline. */
static void
test_autosave_deadline (Fixture *f, gconstpointer data)
{
  g_autofree char *id = add (f->ws, "T0", REMPART_PRIORITY_NORMAL, NULL, NULL);
  gint64 start;
  gboolean seen = FALSE;

  save_now (f->ws);
  start = g_get_monotonic_time ();
  for (guint i = 1; i < 400 && !seen; i++)
    {
      g_autofree char *title = g_strdup_printf ("Typing %u", i);
      RempartNewAction action = { .title = title };

      g_assert_true (
          rempart_workspace_edit_action (f->ws, id, &action, REMPART_ACTION_FIELD_TITLE, NULL));
      /* A change every 100 ms: the quiet timer never fires. */
      for (gint64 until = g_get_monotonic_time () + 100 * 1000; g_get_monotonic_time () < until;)
        g_main_context_iteration (NULL, FALSE), g_usleep (1000);
      {
        g_autofree char *text = read_feed_file (rempart_workspace_get_dir (f->ws));

        seen = strstr (text, "Typing") != NULL;
      }
    }
  g_assert_true (seen);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 3 * G_USEC_PER_SEC);
}

static void
test_flush_on_dispose (Fixture *f, gconstpointer data)
{
  g_autofree char *dir = g_strdup (rempart_workspace_get_dir (f->ws));
  g_autofree char *id = add (f->ws, "Written when closed", REMPART_PRIORITY_HIGH, NULL, NULL);

  g_assert_true (rempart_workspace_has_unsaved_changes (f->ws));
  g_clear_object (&f->ws);
  g_assert_true (wait_file (dir, "Written when closed", TRUE));

  f->ws = open_dir (dir, NULL);
  g_assert_nonnull (f->ws);
  g_assert_nonnull (rempart_feed_lookup_action (rempart_workspace_get_feed (f->ws), id));
}

static void
test_states (Fixture *f, gconstpointer data)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *a = add (f->ws, "A", REMPART_PRIORITY_NORMAL, "2099-01-01T00:00:00Z", NULL);
  g_autofree char *b = add (f->ws, "B", REMPART_PRIORITY_NORMAL, "2001-01-01T00:00:00Z", NULL);
  g_autofree char *c = NULL;
  g_autofree char *text = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) error = NULL;
  RempartNewAction edit = { .title = "A, changed" };

  g_assert_cmpint (rempart_workspace_get_action_state (f->ws, a, now), ==,
                   REMPART_WORKSPACE_ACTION_DRAFT);
  g_assert_cmpint (rempart_workspace_get_action_state (f->ws, b, now), ==,
                   REMPART_WORKSPACE_ACTION_EXPIRED);

  save_now (f->ws);
  text = read_feed_file (rempart_workspace_get_dir (f->ws));
  bytes = g_bytes_new (text, strlen (text));
  g_assert_true (rempart_workspace_set_published (f->ws, bytes, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rempart_workspace_get_action_state (f->ws, a, now), ==,
                   REMPART_WORKSPACE_ACTION_PUBLISHED);
  g_assert_cmpint (rempart_workspace_get_action_state (f->ws, b, now), ==,
                   REMPART_WORKSPACE_ACTION_EXPIRED);

  /* A new action, and an edited one, are drafts again. */
  c = add (f->ws, "C", REMPART_PRIORITY_NORMAL, NULL, NULL);
  g_assert_cmpint (rempart_workspace_get_action_state (f->ws, c, now), ==,
                   REMPART_WORKSPACE_ACTION_DRAFT);
  g_assert_true (rempart_workspace_edit_action (f->ws, a, &edit, REMPART_ACTION_FIELD_TITLE, NULL));
  g_assert_cmpint (rempart_workspace_get_action_state (f->ws, a, now), ==,
                   REMPART_WORKSPACE_ACTION_DRAFT);

  /* The published copy survives reopening. */
  {
    g_autofree char *dir = g_strdup (rempart_workspace_get_dir (f->ws));
    g_autoptr (GBytes) junk = g_bytes_new_static ("{not json", 9);

    g_assert_false (rempart_workspace_set_published (f->ws, junk, &error));
    g_assert_nonnull (error);
    g_clear_error (&error);
    g_clear_object (&f->ws);
    g_assert_true (wait_file (dir, "A, changed", TRUE));
    f->ws = open_dir (dir, &error);
    g_assert_no_error (error);
    g_assert_nonnull (rempart_workspace_get_published (f->ws));
    g_assert_cmpint (rempart_workspace_get_action_state (f->ws, a, now), ==,
                     REMPART_WORKSPACE_ACTION_DRAFT);
    g_assert_cmpint (rempart_workspace_get_action_state (f->ws, c, now), ==,
                     REMPART_WORKSPACE_ACTION_DRAFT);
  }
}

static void
test_sort (Fixture *f, gconstpointer data)
{
  g_autofree char *old_high = add (f->ws, "old high", REMPART_PRIORITY_HIGH, "2099-01-03T00:00:00Z",
                                   "2026-05-01T08:00:00Z");
  g_autofree char *new_normal = add (f->ws, "new normal", REMPART_PRIORITY_NORMAL,
                                     "2099-01-01T00:00:00Z", "2026-05-03T08:00:00Z");
  g_autofree char *mid_high = add (f->ws, "mid high", REMPART_PRIORITY_HIGH, "2099-01-02T00:00:00Z",
                                   "2026-05-02T08:00:00Z");
  g_autofree char *no_expiry =
      add (f->ws, "no expiry", REMPART_PRIORITY_NORMAL, NULL, "2026-04-01T08:00:00Z");
  g_autoptr (GPtrArray) by_date =
      rempart_workspace_list_actions (f->ws, REMPART_WORKSPACE_SORT_DATE);
  g_autoptr (GPtrArray) by_urgency =
      rempart_workspace_list_actions (f->ws, REMPART_WORKSPACE_SORT_URGENCY);
  const char *date_order[] = { new_normal, mid_high, old_high, no_expiry };
  const char *urgency_order[] = { mid_high, old_high, new_normal, no_expiry };

  g_assert_cmpuint (by_date->len, ==, 4);
  g_assert_cmpuint (by_urgency->len, ==, 4);
  for (guint i = 0; i < 4; i++)
    {
      g_assert_cmpstr (rempart_action_get_id (g_ptr_array_index (by_date, i)), ==, date_order[i]);
      g_assert_cmpstr (rempart_action_get_id (g_ptr_array_index (by_urgency, i)), ==,
                       urgency_order[i]);
    }
}

static void
test_remove_undo (Fixture *f, gconstpointer data)
{
  g_autofree char *a = add (f->ws, "A", REMPART_PRIORITY_NORMAL, NULL, "2026-05-01T08:00:00Z");
  g_autofree char *b = add (f->ws, "B", REMPART_PRIORITY_NORMAL, NULL, "2026-05-02T08:00:00Z");
  g_autofree char *c = add (f->ws, "C", REMPART_PRIORITY_NORMAL, NULL, "2026-05-03T08:00:00Z");
  g_autoptr (JsonNode) removed = NULL;
  g_autoptr (GError) error = NULL;
  GListModel *actions;
  guint index = 99;

  g_assert_true (rempart_workspace_remove_action (f->ws, b, &removed, &index, &error));
  g_assert_no_error (error);
  g_assert_nonnull (removed);
  g_assert_cmpuint (index, ==, 1); /* items are C, B, A: new ones lead */
  g_assert_null (rempart_feed_lookup_action (rempart_workspace_get_feed (f->ws), b));
  save_now (f->ws);
  g_assert_true (wait_file (rempart_workspace_get_dir (f->ws), "\"B\"", FALSE));

  g_assert_false (rempart_workspace_remove_action (f->ws, b, NULL, NULL, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  g_assert_true (rempart_workspace_restore_action (f->ws, removed, index, &error));
  g_assert_no_error (error);
  actions = rempart_feed_get_actions (rempart_workspace_get_feed (f->ws));
  g_assert_cmpuint (g_list_model_get_n_items (actions), ==, 3);
  {
    g_autoptr (RempartAction) middle = g_list_model_get_item (actions, 1);

    g_assert_cmpstr (rempart_action_get_id (middle), ==, b);
  }
  /* Twice is refused: the feed has it again. */
  g_assert_false (rempart_workspace_restore_action (f->ws, removed, index, &error));
  g_assert_error (error, REMPART_WORKSPACE_ERROR, REMPART_WORKSPACE_ERROR_INVALID);
  save_now (f->ws);
  g_assert_true (wait_file (rempart_workspace_get_dir (f->ws), "\"B\"", TRUE));
  (void) a;
  (void) c;
}

static void
test_edit_refused (Fixture *f, gconstpointer data)
{
  g_autofree char *id = add (f->ws, "A", REMPART_PRIORITY_NORMAL, NULL, NULL);
  RempartNewAction bad_url = { .url = "javascript:alert(1)" };
  RempartNewAction no_title = { .title = "   " };
  RempartNewAction no_url = { .title = "x" };
  g_autoptr (GError) error = NULL;
  guint n_changed = 0;

  g_signal_connect (f->ws, "changed", G_CALLBACK (count_cb), &n_changed);
  g_assert_false (
      rempart_workspace_edit_action (f->ws, id, &bad_url, REMPART_ACTION_FIELD_URL, &error));
  g_assert_error (error, REMPART_FEED_ERROR, REMPART_FEED_ERROR_BAD_URL);
  g_clear_error (&error);
  g_assert_false (
      rempart_workspace_edit_action (f->ws, id, &no_title, REMPART_ACTION_FIELD_TITLE, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_false (
      rempart_workspace_edit_action (f->ws, "nope", &no_url, REMPART_ACTION_FIELD_TITLE, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  no_url.title = "x";
  g_assert_false (rempart_workspace_add_action (f->ws, &no_url, NULL, &error));
  g_assert_nonnull (error);
  g_assert_cmpuint (n_changed, ==, 0);
  g_assert_cmpstr (rempart_action_get_title (
                       rempart_feed_lookup_action (rempart_workspace_get_feed (f->ws), id)),
                   ==, "A");
}

static void
test_settings_templates (Fixture *f, gconstpointer data)
{
  const char *rules[] = { "Start with #jesuislà.", "Never insult.", NULL };
  const char *topics[] = { "racism", NULL };
  RempartFeedSettings settings = {
    .title = "#jesuislà",
    .about = "Who we are.\nHow we work.",
    .hashtag = "#jesuislà",
    .set_hashtag_position = TRUE,
    .hashtag_position = REMPART_HASHTAG_POSITION_END,
    .rules = rules,
  };
  RempartFeedTemplate tmpl = {
    .id = "facts",
    .title = "Facts first",
    .topics = (GStrv) topics,
    .body = "#jesuislà The facts.",
  };
  RempartFeedTemplate blank = { .id = "blank", .body = "  \n" };
  g_autoptr (GPtrArray) templates = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_strdup (rempart_workspace_get_dir (f->ws));
  RempartFeed *feed;
  RempartFeedTemplate *read;

  g_assert_true (rempart_workspace_set_settings (f->ws, &settings, &error));
  g_assert_no_error (error);
  g_ptr_array_add (templates, &tmpl);
  g_assert_true (rempart_workspace_set_templates (f->ws, templates, &error));
  g_assert_no_error (error);

  g_ptr_array_add (templates, &blank);
  g_assert_false (rempart_workspace_set_templates (f->ws, templates, &error));
  g_assert_error (error, REMPART_WORKSPACE_ERROR, REMPART_WORKSPACE_ERROR_INVALID);
  g_clear_error (&error);

  settings.hashtag = "#two words";
  g_assert_false (rempart_workspace_set_settings (f->ws, &settings, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  g_assert_true (rempart_workspace_set_public_key (f->ws, "not a key", &error) == FALSE);
  g_assert_nonnull (error);
  g_clear_error (&error);

  g_clear_object (&f->ws);
  g_assert_true (wait_file (dir, "Facts first", TRUE));
  f->ws = open_dir (dir, &error);
  g_assert_no_error (error);
  feed = rempart_workspace_get_feed (f->ws);
  g_assert_cmpstr (rempart_feed_get_title (feed), ==, "#jesuislà");
  g_assert_cmpstr (rempart_feed_get_about (feed), ==, "Who we are.\nHow we work.");
  g_assert_cmpstr (rempart_feed_get_hashtag (feed), ==, "#jesuislà");
  g_assert_cmpint (rempart_feed_get_hashtag_position (feed), ==, REMPART_HASHTAG_POSITION_END);
  g_assert_cmpstrv (rempart_feed_get_rules (feed), rules);
  g_assert_cmpuint (rempart_feed_get_templates (feed)->len, ==, 1);
  read = g_ptr_array_index (rempart_feed_get_templates (feed), 0);
  g_assert_cmpstr (read->id, ==, "facts");
  g_assert_cmpstr (read->body, ==, "#jesuislà The facts.");
  g_assert_cmpstrv (read->topics, topics);

  /* No templates: the member goes. */
  g_ptr_array_set_size (templates, 0);
  g_assert_true (rempart_workspace_set_templates (f->ws, templates, &error));
  g_assert_cmpuint (rempart_feed_get_templates (rempart_workspace_get_feed (f->ws))->len, ==, 0);
}

static void
test_open_refused (void)
{
  g_autofree char *base = rempart_test_dir_new ("moderation-open");
  g_autofree char *missing = g_build_filename (base, "missing", NULL);
  g_autofree char *broken = g_build_filename (base, "broken", NULL);
  g_autofree char *broken_feed = g_build_filename (broken, "feed.json", NULL);
  g_autofree char *not_feed = g_build_filename (base, "not-feed", NULL);
  g_autofree char *not_feed_file = g_build_filename (not_feed, "feed.json", NULL);
  g_autoptr (GError) error = NULL;

  g_assert_null (open_dir (missing, &error));
  g_assert_error (error, REMPART_WORKSPACE_ERROR, REMPART_WORKSPACE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_cmpint (g_mkdir (broken, 0700), ==, 0);
  g_assert_true (g_file_set_contents (broken_feed, "{\"version\": ", -1, NULL));
  g_assert_null (open_dir (broken, &error));
  g_assert_error (error, REMPART_FEED_ERROR, REMPART_FEED_ERROR_INVALID_JSON);
  g_clear_error (&error);

  g_assert_cmpint (g_mkdir (not_feed, 0700), ==, 0);
  g_assert_true (g_file_set_contents (not_feed_file, "{\"items\": []}", -1, NULL));
  g_assert_null (open_dir (not_feed, &error));
  g_assert_error (error, REMPART_WORKSPACE_ERROR, REMPART_WORKSPACE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, not_feed));

  rempart_test_dir_remove (base);
}

static void
test_list (void)
{
  g_autofree char *base = rempart_test_dir_new ("moderation-list");
  g_autofree char *junk = g_build_filename (base, "junk", NULL);
  g_autofree char *file = g_build_filename (base, "a-file", NULL);
  g_autoptr (RempartWorkspace) zeta = NULL;
  g_autoptr (RempartWorkspace) alpha = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GAsyncResult) empty_result = NULL;
  g_autoptr (GPtrArray) list = NULL;
  g_autoptr (GPtrArray) empty = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *nowhere = g_build_filename (base, "nowhere", NULL);

  zeta = create (base, "Zeta", NULL);
  alpha = create (base, "alpha", NULL);
  g_assert_cmpint (g_mkdir (junk, 0700), ==, 0);
  g_assert_true (g_file_set_contents (file, "x", -1, NULL));

  rempart_workspace_list_async (base, NULL, result_cb, &result);
  wait_for_result (&result);
  list = rempart_workspace_list_finish (result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpstr (rempart_workspace_get_title (g_ptr_array_index (list, 0)), ==, "alpha");
  g_assert_cmpstr (rempart_workspace_get_title (g_ptr_array_index (list, 1)), ==, "Zeta");

  /* No folder yet: no group. */
  rempart_workspace_list_async (nowhere, NULL, result_cb, &empty_result);
  wait_for_result (&empty_result);
  empty = rempart_workspace_list_finish (empty_result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (empty->len, ==, 0);

  g_clear_pointer (&list, g_ptr_array_unref);
  g_clear_object (&zeta);
  g_clear_object (&alpha);
  wait_for_writes ();
  rempart_test_dir_remove (base);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/moderation/workspace/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("create", test_create);
  ADD ("autosave", test_autosave);
  ADD ("autosave-deadline", test_autosave_deadline);
  ADD ("flush-on-dispose", test_flush_on_dispose);
  ADD ("states", test_states);
  ADD ("sort", test_sort);
  ADD ("remove-undo", test_remove_undo);
  ADD ("edit-refused", test_edit_refused);
  ADD ("settings-templates", test_settings_templates);
#undef ADD
  g_test_add_func ("/moderation/workspace/open-refused", test_open_refused);
  g_test_add_func ("/moderation/workspace/list", test_list);

  return g_test_run ();
}
