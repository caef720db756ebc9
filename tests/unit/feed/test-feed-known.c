/* test-feed-known.c: rempart_feed_parse_known() reads only the items it does not know
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "rempart-feed-parser.h"

/*
 * Each test parses a feed whole, takes the item hashes of its actions as a store would keep
 * them, then parses a changed feed with them: the items that changed (and only they) are
 * read, the others are kept by id, and the outcome is what a whole parse gives, including
 * the repeated-id rule and the errors of a broken document.
 */

#define HEAD "{\"version\": \"https://jsonfeed.org/version/1.1\", \"title\": \"T\", \"items\": ["
#define ITEM(id, title) \
  "{\"id\": \"" id "\", \"url\": \"https://example.org/" id "\", \"title\": \"" title "\"}"

static RempartFeed *
parse_known (const char *text, GHashTable *known)
{
  g_autoptr (GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr (GError) error = NULL;
  RempartFeed *feed = rempart_feed_parse_known (bytes, "feed.json", known, &error);

  g_assert_no_error (error);
  g_assert_nonnull (feed);
  return feed;
}

static RempartFeed *
parse_whole (const char *text)
{
  g_autoptr (GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr (GError) error = NULL;
  RempartFeed *feed = rempart_feed_parse (bytes, "feed.json", &error);

  g_assert_no_error (error);
  return feed;
}

/* item hash → id, as the store gives them back. */
static GHashTable *
known_of (RempartFeed *feed)
{
  GListModel *actions = rempart_feed_get_actions (feed);
  GHashTable *known = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
    {
      g_autoptr (RempartAction) action = g_list_model_get_item (actions, i);
      const char *id = rempart_action_get_id (action);
      const char *hash = rempart_feed_get_item_hash (feed, id);

      g_assert_nonnull (hash);
      g_assert_true (rempart_feed_item_hash_is_current (hash));
      g_hash_table_insert (known, g_strdup (hash), g_strdup (id));
    }
  return known;
}

static char *
ids_of (RempartFeed *feed)
{
  GListModel *actions = rempart_feed_get_actions (feed);
  g_autoptr (GString) s = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
    {
      g_autoptr (RempartAction) action = g_list_model_get_item (actions, i);

      g_string_append_printf (s, "%s%s=%s", s->len > 0 ? " " : "", rempart_action_get_id (action),
                              rempart_action_get_title (action));
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static char *
kept_of (RempartFeed *feed)
{
  GPtrArray *kept = rempart_feed_get_kept_ids (feed);
  g_autoptr (GString) s = g_string_new (NULL);

  for (guint i = 0; i < kept->len; i++)
    g_string_append_printf (s, "%s%s", i > 0 ? " " : "", (char *) g_ptr_array_index (kept, i));
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static void
test_changed_removed_added (void)
{
  g_autoptr (RempartFeed) first = parse_known (
      HEAD ITEM ("a", "Alpha") "," ITEM ("b", "Beta") "," ITEM ("c", "Gamma") "]}", NULL);
  g_autoptr (GHashTable) known = known_of (first);
  /* b changed, c left, d arrived, a is byte for byte what it was (other spacing around it). */
  const char *second_text =
      HEAD "\n  " ITEM ("d", "Delta") ",\n  " ITEM ("a", "Alpha") " , " ITEM ("b", "Beta 2") "]}";
  g_autoptr (RempartFeed) second = parse_known (second_text, known);
  g_autoptr (RempartFeed) whole = parse_whole (second_text);
  g_autofree char *ids = ids_of (second);
  g_autofree char *kept = kept_of (second);
  g_autofree char *none = kept_of (first);

  g_assert_cmpuint (g_hash_table_size (known), ==, 3);
  g_assert_cmpstr (none, ==, "");
  g_assert_cmpstr (ids, ==, "d=Delta b=Beta 2");
  g_assert_cmpstr (kept, ==, "a");
  g_assert_cmpstr (rempart_feed_get_title (second), ==, "T");
  /* The items read are the whole parse's, hash included. */
  g_assert_cmpstr (rempart_feed_get_item_hash (second, "b"), !=,
                   g_hash_table_lookup (known, rempart_feed_get_item_hash (first, "b")));
  g_assert_nonnull (rempart_feed_get_item_hash (second, "d"));
  g_assert_null (rempart_feed_get_item_hash (whole, "d"));
  g_assert_cmpuint (g_list_model_get_n_items (rempart_feed_get_actions (whole)), ==, 3);
}

static void
test_nothing_changed (void)
{
  const char *text = "\xEF\xBB\xBF" HEAD ITEM ("a", "Alpha") "," ITEM ("b", "Beta") "]}";
  g_autoptr (RempartFeed) first = parse_known (text, NULL);
  g_autoptr (GHashTable) known = known_of (first);
  g_autoptr (RempartFeed) second = parse_known (text, known);
  g_autofree char *kept = kept_of (second);

  g_assert_cmpuint (g_list_model_get_n_items (rempart_feed_get_actions (second)), ==, 0);
  g_assert_cmpstr (kept, ==, "a b");
}

/* A later item repeating a kept id is skipped, and a kept item repeating an earlier id too,
 * as the whole parse skips them. */
static void
test_repeated_id (void)
{
  g_autoptr (RempartFeed) first = parse_known (HEAD ITEM ("a", "Alpha") "]}", NULL);
  g_autoptr (GHashTable) known = known_of (first);
  const char *after = HEAD ITEM ("a", "Alpha") "," ITEM ("a", "Other") "]}";
  const char *before = HEAD ITEM ("a", "Other") "," ITEM ("a", "Alpha") "]}";
  g_autoptr (RempartFeed) kept_first = parse_known (after, known);
  g_autoptr (RempartFeed) read_first = parse_known (before, known);
  g_autoptr (RempartFeed) whole_after = parse_whole (after);
  g_autoptr (RempartFeed) whole_before = parse_whole (before);
  g_autofree char *kept = kept_of (kept_first);
  g_autofree char *ids = ids_of (read_first);
  g_autofree char *none = kept_of (read_first);

  g_assert_cmpstr (kept, ==, "a");
  g_assert_cmpuint (g_list_model_get_n_items (rempart_feed_get_actions (kept_first)), ==, 0);
  g_assert_cmpuint (rempart_feed_get_n_skipped (kept_first), ==, 1);
  g_assert_cmpstr (g_ptr_array_index (rempart_feed_get_warnings (kept_first), 0), ==,
                   g_ptr_array_index (rempart_feed_get_warnings (whole_after), 0));

  g_assert_cmpstr (ids, ==, "a=Other");
  g_assert_cmpstr (none, ==, "");
  g_assert_cmpuint (rempart_feed_get_n_skipped (read_first), ==, 1);
  g_assert_cmpstr (g_ptr_array_index (rempart_feed_get_warnings (read_first), 0), ==,
                   g_ptr_array_index (rempart_feed_get_warnings (whole_before), 0));
}

/* Broken documents are refused with the whole parse's message, known items or not. */
static void
test_errors (void)
{
  static const char *const broken[] = {
    HEAD ITEM ("a", "Alpha") "," ITEM ("b", "Beta") "], \"description\": tru}",
    HEAD ITEM ("a", "Alpha") "," ITEM ("b", "Beta") "]",
    HEAD ITEM ("a", "Alpha") ", {\"id\": \"b\" \"url\": 1}]}",
    HEAD ITEM ("a", "Alpha") ", " ITEM ("b", "Beta") ",]}",
    "{\"version\": \"https://jsonfeed.org/version/9\", \"items\": [" ITEM ("a", "Alpha") "]}",
    "[" ITEM ("a", "Alpha") "]",
  };
  g_autoptr (RempartFeed) first = parse_known (HEAD ITEM ("a", "Alpha") "]}", NULL);
  g_autoptr (GHashTable) known = known_of (first);

  for (guint i = 0; i < G_N_ELEMENTS (broken); i++)
    {
      g_autoptr (GBytes) bytes = g_bytes_new (broken[i], strlen (broken[i]));
      g_autoptr (GError) known_error = NULL;
      g_autoptr (GError) whole_error = NULL;
      g_autoptr (RempartFeed) a =
          rempart_feed_parse_known (bytes, "feed.json", known, &known_error);
      g_autoptr (RempartFeed) b = rempart_feed_parse (bytes, "feed.json", &whole_error);

      g_test_message ("%s", broken[i]);
      g_assert_null (a);
      g_assert_null (b);
      g_assert_nonnull (known_error);
      g_assert_cmpint (known_error->code, ==, whole_error->code);
      g_assert_cmpstr (known_error->message, ==, whole_error->message);
    }
}

/* What the scan does not follow is parsed whole: still right, only without hashes. */
static void
test_unusual_documents (void)
{
  g_autoptr (RempartFeed) first = parse_known (HEAD ITEM ("a", "Alpha") "]}", NULL);
  g_autoptr (GHashTable) known = known_of (first);
  /* "items" written with an escape, then twice (json-glib keeps the last). */
  g_autoptr (RempartFeed) escaped =
      parse_known ("{\"version\": \"https://jsonfeed.org/version/1.1\", \"it\\u0065ms\": [" ITEM (
                       "a", "Alpha") "]}",
                   known);
  g_autoptr (RempartFeed) twice =
      parse_known (HEAD ITEM ("a", "Alpha") "], \"items\": [" ITEM ("b", "Beta") "]}", known);
  g_autoptr (RempartFeed) nested = parse_known (
      "{\"version\": \"https://jsonfeed.org/version/1.1\", \"_x\": {\"items\": [1, \"]\"]},"
      " \"items\": [" ITEM ("a", "Alpha") "]}",
      known);
  g_autofree char *escaped_ids = ids_of (escaped);
  g_autofree char *twice_ids = ids_of (twice);
  g_autofree char *nested_kept = kept_of (nested);

  g_assert_cmpstr (escaped_ids, ==, "a=Alpha");
  g_assert_null (rempart_feed_get_item_hash (escaped, "a"));
  g_assert_cmpstr (twice_ids, ==, "b=Beta");
  g_assert_cmpstr (nested_kept, ==, "a");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/feed-known/changed-removed-added", test_changed_removed_added);
  g_test_add_func ("/feed-known/nothing-changed", test_nothing_changed);
  g_test_add_func ("/feed-known/repeated-id", test_repeated_id);
  g_test_add_func ("/feed-known/errors", test_errors);
  g_test_add_func ("/feed-known/unusual-documents", test_unusual_documents);

  return g_test_run ();
}
