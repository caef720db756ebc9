/* test-feed-known.c: rempart_feed_parse_known() reads only the items it does not know
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "rempart-feed-parser-private.h"
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
describe_strv (GString *s, const char *name, const char *const *strv)
{
  g_string_append_printf (s, " %s=[", name);
  for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
    g_string_append_printf (s, "%s<%s>", i > 0 ? "," : "", strv[i]);
  g_string_append_c (s, ']');
}

static void
describe_date (GString *s, const char *name, GDateTime *date)
{
  g_autofree char *text = date != NULL ? g_date_time_format_iso8601 (date) : NULL;

  g_string_append_printf (s, " %s=%s", name, text != NULL ? text : "-");
}

/* Everything a parse gives: the feed's fields, every field of every action, the kept ids,
 * the warnings and the counts. Two parses that agree here gave the same feed. */
static char *
describe (RempartFeed *feed)
{
  GListModel *actions = rempart_feed_get_actions (feed);
  GPtrArray *warnings = rempart_feed_get_warnings (feed);
  g_autoptr (GString) s = g_string_new (NULL);
  g_autofree char *kept = kept_of (feed);

  g_string_append_printf (
      s,
      "title=%s description=%s home=%s feed=%s language=%s seq=%" G_GINT64_FORMAT
      " schema=%d hashtag=%s next_key=%s kept=%s\n",
      rempart_feed_get_title (feed), rempart_feed_get_description (feed),
      rempart_feed_get_home_page_url (feed), rempart_feed_get_feed_url (feed),
      rempart_feed_get_language (feed), rempart_feed_get_seq (feed), rempart_feed_get_schema (feed),
      rempart_feed_get_hashtag (feed), rempart_feed_get_next_key (feed), kept);
  describe_date (s, "expires", rempart_feed_get_expires (feed));
  describe_strv (s, "rules", rempart_feed_get_rules (feed));
  g_string_append_c (s, '\n');
  for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
    {
      g_autoptr (RempartAction) a = g_list_model_get_item (actions, i);
      GPtrArray *sources = rempart_action_get_sources (a);

      g_string_append_printf (
          s,
          "id=%s url=%s title=%s brief=%s excerpt=%s platform=%s language=%s topic=%d priority=%d",
          rempart_action_get_id (a), rempart_action_get_url (a), rempart_action_get_title (a),
          rempart_action_get_brief (a), rempart_action_get_excerpt (a),
          rempart_action_get_platform (a), rempart_action_get_language (a),
          rempart_action_get_topic (a), rempart_action_get_priority (a));
      describe_date (s, "published", rempart_action_get_date_published (a));
      describe_date (s, "modified", rempart_action_get_date_modified (a));
      describe_date (s, "expires", rempart_action_get_expires (a));
      describe_strv (s, "tags", rempart_action_get_tags (a));
      describe_strv (s, "arguments", rempart_action_get_arguments (a));
      for (guint j = 0; sources != NULL && j < sources->len; j++)
        {
          const RempartSource *source = g_ptr_array_index (sources, j);

          g_string_append_printf (s, " source=%s|%s", source->title, source->url);
        }
      g_string_append_c (s, '\n');
    }
  g_string_append_printf (s, "warnings=%u skipped=%u\n", rempart_feed_get_n_warnings (feed),
                          rempart_feed_get_n_skipped (feed));
  for (guint i = 0; i < warnings->len; i++)
    g_string_append_printf (s, "%s\n", (char *) g_ptr_array_index (warnings, i));
  return g_string_free (g_steal_pointer (&s), FALSE);
}

/* A first sync (nothing known) reads every item on its own: the same feed as a whole parse,
 * or the same error. */
static void
assert_first_parse_is_whole (const char *text, gsize length)
{
  g_autoptr (GBytes) bytes = g_bytes_new (text, length);
  g_autoptr (GError) known_error = NULL;
  g_autoptr (GError) whole_error = NULL;
  g_autoptr (RempartFeed) part = rempart_feed_parse_known (bytes, "feed.json", NULL, &known_error);
  g_autoptr (RempartFeed) whole = rempart_feed_parse (bytes, "feed.json", &whole_error);

  g_assert_true ((part == NULL) == (whole == NULL));
  if (whole == NULL)
    {
      g_assert_cmpint (known_error->code, ==, whole_error->code);
      g_assert_cmpstr (known_error->message, ==, whole_error->message);
    }
  else
    {
      g_autofree char *a = describe (part);
      g_autofree char *b = describe (whole);

      g_assert_cmpstr (a, ==, b);
    }
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

/* The hash of an item is its recipe's name and the SHA-256 of its raw text, as the store
 * kept it from earlier versions: a change of how it is computed must not change it. */
static void
test_hash_recipe (void)
{
  const char *item = ITEM ("a", "Alpha");
  g_autofree char *text = g_strconcat (HEAD, "  ", item, "\n]}", NULL);
  g_autoptr (RempartFeed) feed = parse_known (text, NULL);
  g_autofree char *sha = g_compute_checksum_for_string (G_CHECKSUM_SHA256, item, -1);
  g_autofree char *expected = g_strconcat ("i1:", sha, NULL);

  g_assert_cmpstr (rempart_feed_get_item_hash (feed, "a"), ==, expected);
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
      g_autoptr (GError) first_error = NULL;
      g_autoptr (RempartFeed) first_parse =
          rempart_feed_parse_known (bytes, "feed.json", NULL, &first_error);
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
      g_assert_null (first_parse);
      g_assert_cmpstr (first_error->message, ==, whole_error->message);
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

/* Items of every shape, read one at a time, give what the whole parse gives: skipped items
 * (not objects, no id, no link, repeated ids), fields of the wrong type, text with escapes,
 * brackets and quotes inside strings, numbers as ids, nested arrays and objects. */
static void
test_first_parse (void)
{
  static const char *const documents[] = {
    HEAD "]}",
    HEAD ITEM ("a", "Alpha") "]}",
    HEAD " 1 , \"x\" , true , null , [] , {} , [{\"id\": \"z\"}] ]}",
    HEAD "{\"id\": 42, \"url\": \"https://example.org/42\"}, {\"id\": 4.5e1, \"url\": "
         "\"https://example.org/45\"}, {\"id\": 1e300, \"url\": \"https://example.org/x\"},"
         " {\"id\": -0.0, \"url\": \"https://example.org/0\"}]}",
    HEAD ITEM ("a", "Alpha") "," ITEM (
        "a", "Again") ", {\"id\": \"\", \"url\": \"x\"},"
                      " {\"id\": \"b\", \"url\": \"javascript:alert(1)\"}, {\"id\": \"c\"}]}",
    HEAD "{\"id\": \"q\\\"]}\", \"url\": \"https://example.org/]}\", \"title\": "
         "\"[{\\\\\", \"tags\": [\"a\", 1, null, [\"b\"], {\"c\": \"]\"}],"
         " \"content_html\": \"<p>x &amp; y</p>\", \"date_published\": \"never\","
         " \"_rempart\": {\"topic\": \"racism\", \"priority\": 3, \"sources\": [1, {\"url\":"
         " \"https://s.example/\\u00e9\", \"title\": \"\\ud83d\\ude00\"}], \"expires\":"
         " \"2026-05-03T08:30:00+02:00\", \"arguments\": \"no\"}}]}",
    "\xEF\xBB\xBF{\"items\": [" ITEM ("a",
                                      "Alpha") "], \"version\":"
                                               " \"https://jsonfeed.org/version/1\", \"_rempart\": "
                                               "{\"seq\": 7, \"hashtag\": \"#x\"},"
                                               " \"title\": \"&lt;T&gt;\"}",
    /* Broken inside an item, after the items, and an item the scan ends early. */
    HEAD ITEM ("a", "Alpha") ", {\"id\": \"b\",}]}",
    HEAD ITEM ("a", "Alpha") ", tru]}",
    HEAD ITEM ("a", "Alpha") ", {\"id\": \"b\"]]}",
    HEAD ITEM ("a", "Alpha") "]} x",
    HEAD ITEM ("a", "Alpha") ", 01]}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (documents); i++)
    {
      g_test_message ("%s", documents[i]);
      assert_first_parse_is_whole (documents[i], strlen (documents[i]));
    }
}

/* The interoperability corpus and the example feed, when they are here. */
static void
test_first_parse_corpus (void)
{
  const char *shared = g_getenv ("REMPART_SHARED_DIR");
  g_autofree char *dir = shared != NULL ? g_build_filename (shared, "interop-feeds", NULL) : NULL;
  g_autoptr (GDir) d = dir != NULL ? g_dir_open (dir, 0, NULL) : NULL;
  const char *name;
  guint n = 0;

  if (d == NULL)
    {
      g_test_skip ("REMPART_SHARED_DIR/interop-feeds is not available");
      return;
    }
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *text = NULL;
      gsize length = 0;

      if (!g_str_has_suffix (name, ".json") || !g_file_get_contents (path, &text, &length, NULL))
        continue;
      g_test_message ("%s", name);
      assert_first_parse_is_whole (text, length);
      n++;
    }
  g_assert_cmpuint (n, >, 0);
}

/* The parser's shortcut for clean text gives what rempart_text_sanitize() gives, in both
 * modes, on every character it looks at and its neighbours: each fragment alone, between
 * spaces, and after every other fragment. */
static void
test_clean_text (void)
{
  static const gunichar specials[] = {
    0x80,   0x85,   0x9F,   0xA0,   0xE9,   0x2000, 0x200A, 0x200B, 0x200C,  0x200D, 0x200E,
    0x2019, 0x2026, 0x2027, 0x2028, 0x2029, 0x202A, 0x202E, 0x202F, 0x205F,  0x2060, 0x2061,
    0x2065, 0x2066, 0x2069, 0x206A, 0x3000, 0xFEFF, 0xFEFE, 0xFFFD, 0x1F600,
  };
  static const char *const invalid[] = {
    "\xED\xA0\x80", "\xC0\xAF", "\xE2\x80", "\xFF", "\x80", "\xF4\x90\x80\x80",
  };
  g_autoptr (GPtrArray) fragments = g_ptr_array_new_with_free_func (g_free);

  for (int c = 1; c < 0x80; c++)
    g_ptr_array_add (fragments, g_strdup_printf ("%c", c));
  for (guint i = 0; i < G_N_ELEMENTS (specials); i++)
    {
      char buf[8] = { 0 };

      g_unichar_to_utf8 (specials[i], buf);
      g_ptr_array_add (fragments, g_strdup (buf));
    }
  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    g_ptr_array_add (fragments, g_strdup (invalid[i]));
  g_ptr_array_add (fragments, g_strdup ("\r\n"));

  for (guint i = 0; i < fragments->len; i++)
    for (guint j = 0; j <= fragments->len; j++)
      for (int mode = REMPART_TEXT_SINGLE_LINE; mode <= REMPART_TEXT_MULTI_LINE; mode++)
        {
          const char *a = g_ptr_array_index (fragments, i);
          const char *b = j < fragments->len ? g_ptr_array_index (fragments, j) : " ";
          g_autofree char *text = g_strconcat (" x", a, "y", b, a, NULL);
          g_autofree char *expected = rempart_text_sanitize (text, mode);
          g_autofree char *clean = rempart_feed_clean_text (text, mode);
          g_autofree char *alone_expected = rempart_text_sanitize (a, mode);
          g_autofree char *alone = rempart_feed_clean_text (a, mode);

          g_assert_cmpstr (clean, ==, expected);
          g_assert_cmpstr (alone, ==, alone_expected);
        }
}

/* In two steps, the scan first (a sync scans while the store reads the known hashes), then
 * a parse for each known table: what rempart_feed_parse_known() gives for each, and the
 * whole parse's error for a document the scan cannot follow. */
static void
test_scan_then_parse (void)
{
  const char *text = HEAD ITEM ("a", "Alpha") "," ITEM ("b", "Beta") "," ITEM ("c", "Gamma") "]}";
  const char *broken = HEAD ITEM ("a", "Alpha") "," ITEM ("b", "Beta") "]";
  g_autoptr (GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr (GBytes) broken_bytes = g_bytes_new (broken, strlen (broken));
  g_autoptr (RempartFeedScan) scan = rempart_feed_scan_new (bytes, "feed.json");
  g_autoptr (RempartFeedScan) broken_scan = rempart_feed_scan_new (broken_bytes, "feed.json");
  g_autoptr (RempartFeed) first = parse_known (text, NULL);
  g_autoptr (GHashTable) known = known_of (first);
  g_autoptr (GError) error = NULL;
  g_autoptr (GError) whole_error = NULL;
  g_autoptr (RempartFeed) whole = rempart_feed_parse (broken_bytes, "feed.json", &whole_error);

  for (guint i = 0; i < 2; i++)
    {
      GHashTable *table = i == 0 ? NULL : known;
      g_autoptr (RempartFeed) a = rempart_feed_scan_parse (scan, table, &error);
      g_autoptr (RempartFeed) b = parse_known (text, table);
      g_autofree char *da = NULL;
      g_autofree char *db = NULL;

      g_assert_no_error (error);
      da = describe (a);
      db = describe (b);
      g_assert_cmpstr (da, ==, db);
    }

  g_assert_null (whole);
  g_assert_null (rempart_feed_scan_parse (broken_scan, known, &error));
  g_assert_cmpstr (error->message, ==, whole_error->message);
}

/* -------------------------------------------------------------------------------------- */
/* Two threads                                                                            */
/* -------------------------------------------------------------------------------------- */

/*
 * With many items to read, a helper thread reads the second half of them and the parse takes
 * them in order (rempart-feed-items.c). Every test above runs again with a helper for any two
 * items to read; here, long feeds where the halves meet the rules that depend on the items
 * before: ids repeated across the halves (by items read, kept, skipped for another fault or
 * not objects), warnings before and after the room for their texts runs out, and items
 * json-glib refuses on either side. Each is parsed with a helper and without one (the
 * reference is the one-thread parse, itself held to the whole parse above), first with
 * nothing known, then with the items of an earlier version known.
 */

/* Item @i of a long feed; @faults: how often an item from @faults_from on has something
 * wrong (0: never). */
static void
append_long_item (GString *s, guint i, guint n, guint faults, guint faults_from, const char *title)
{
  guint half = n / 2;

  if (i < faults_from)
    faults = 0;
  if (i > 0)
    g_string_append (s, ", ");
  if (faults > 0 && i % (7 * faults) == 3)
    {
      g_string_append (s, i % 2 ? "42" : "\"not an item\"");
      return;
    }
  g_string_append (s, "{\"id\": ");
  if (faults > 0 && i > half && i % (5 * faults) == 1)
    /* Repeats an id of the first half: one read, one skipped (no link) or one not an item. */
    g_string_append_printf (s, "\"i%u\"", (i - half) / 2 * 2 + (i % 3));
  else if (faults > 0 && i % (11 * faults) == 5)
    g_string_append_printf (s, "%u.0", i); /* a number, written "i" nowhere: no repeat */
  else
    g_string_append_printf (s, "\"i%u\"", i);
  if (!(faults > 0 && i % (3 * faults) == 2))
    g_string_append_printf (s, ", \"url\": \"https://example.org/t/%u\"", i);
  g_string_append_printf (s, ", \"title\": \"%s %u\"", title, i);
  if (faults > 0 && i % (2 * faults) == 1)
    g_string_append (s, ", \"date_published\": \"yesterday\", \"_rempart\": {\"topic\": 7}");
  g_string_append (s, "}");
}

static char *
long_feed (guint n, guint faults, guint faults_from, const char *title, const char *broken)
{
  GString *s = g_string_new (HEAD);

  for (guint i = 0; i < n; i++)
    {
      if (broken != NULL && i == n / 4)
        g_string_append_printf (s, ", %s", broken);
      append_long_item (s, i, n, faults, faults_from, title);
    }
  g_string_append (s, "]}");
  return g_string_free (g_steal_pointer (&s), FALSE);
}

/* The parse with @min_items for a helper (G_MAXUINT: none) as text, or its error. */
static char *
describe_parse (const char *text, GHashTable *known, guint min_items)
{
  g_autoptr (GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr (GError) error = NULL;
  g_autoptr (RempartFeed) feed = NULL;

  rempart_feed_set_half_min_items_for_testing (min_items);
  feed = rempart_feed_parse_known (bytes, "feed.json", known, &error);
  rempart_feed_set_half_min_items_for_testing (0);
  return feed != NULL ? describe (feed)
                      : g_strdup_printf ("error %d: %s", error->code, error->message);
}

static void
assert_helper_reads_as_one (const char *text, GHashTable *known, gboolean helped)
{
  guint runs = rempart_feed_get_half_runs_for_testing ();
  g_autofree char *one = describe_parse (text, known, G_MAXUINT);
  g_autofree char *two = NULL;

  g_assert_cmpuint (rempart_feed_get_half_runs_for_testing (), ==, runs);
  two = describe_parse (text, known, 2);
  g_assert_cmpuint (rempart_feed_get_half_runs_for_testing (), ==, runs + (helped ? 1 : 0));
  g_assert_cmpstr (two, ==, one);
}

static void
test_helper_long_feeds (void)
{
  /* No fault; warnings for less than the room (100 texts); for more, and as many repeated
   * ids as can be; as many in the second half only (the helper has no room for all of its
   * warnings' texts, this thread has). */
  static const guint faults[] = { 0, 12, 2, 2 };
  static const guint faults_from[] = { 0, 0, 0, 300 };

  for (guint f = 0; f < G_N_ELEMENTS (faults); f++)
    {
      g_autofree char *old = long_feed (600, faults[f], faults_from[f], "Old", NULL);
      g_autofree char *text = long_feed (600, faults[f], faults_from[f], "Title", NULL);
      g_autoptr (RempartFeed) old_feed = parse_known (old, NULL);
      g_autoptr (RempartFeed) first = parse_known (text, NULL);
      g_autoptr (GHashTable) all_known = known_of (first);
      g_autoptr (GHashTable) some_known = g_hash_table_new (g_str_hash, g_str_equal);
      GHashTableIter iter;
      gpointer hash, id;
      guint i = 0;

      g_test_message ("faults every %u items from item %u: %u warnings, %u skipped", faults[f],
                      faults_from[f], rempart_feed_get_n_warnings (first),
                      rempart_feed_get_n_skipped (first));
      if (faults[f] == 2)
        g_assert_cmpuint (rempart_feed_get_n_warnings (first), >, REMPART_FEED_MAX_WARNINGS);
      else if (faults[f] == 12)
        g_assert_cmpuint (rempart_feed_get_n_warnings (first), <, REMPART_FEED_MAX_WARNINGS);

      /* Nothing known, and a third of the items known (others changed since). */
      assert_helper_reads_as_one (text, NULL, TRUE);
      g_hash_table_iter_init (&iter, all_known);
      while (g_hash_table_iter_next (&iter, &hash, &id))
        if (i++ % 3 == 0)
          g_hash_table_insert (some_known, hash, id);
      assert_helper_reads_as_one (text, some_known, TRUE);
      /* The old version's items known: none of these is (every title changed). */
      {
        g_autoptr (GHashTable) old_known = known_of (old_feed);

        assert_helper_reads_as_one (text, old_known, TRUE);
      }
      /* Every action known: only the items skipped before are read, a helper for them when
       * there are some. */
      assert_helper_reads_as_one (text, all_known, rempart_feed_get_n_skipped (first) >= 2);
    }
}

/* The helper's half repeats the first half's ids, with two warnings each, before items of
 * its own with two warnings each: those repeats give one warning each, so the feed keeps
 * texts of the helper's warnings past the room the helper had for them (the parse reads
 * the second half again). */
static void
test_helper_warnings_after_repeats (void)
{
  g_autoptr (GString) s = g_string_new (HEAD);
  g_autoptr (RempartFeed) whole = NULL;

  for (guint i = 0; i < 600; i++)
    g_string_append_printf (s, "%s{\"id\": \"i%u\", \"url\": \"https://example.org/t/%u\"%s}",
                            i > 0 ? ", " : "", i < 360 && i >= 300 ? i - 300 : i, i,
                            i >= 300 ? ", \"date_published\": \"yesterday\", \"_rempart\": "
                                       "{\"topic\": 7}"
                                     : "");
  g_string_append (s, "]}");

  whole = parse_whole (s->str);
  g_assert_cmpuint (rempart_feed_get_n_skipped (whole), ==, 60);
  g_assert_cmpuint (rempart_feed_get_n_warnings (whole), ==, 60 + 2 * 240);
  assert_helper_reads_as_one (s->str, NULL, TRUE);
  rempart_feed_set_half_min_items_for_testing (2);
  assert_first_parse_is_whole (s->str, s->len);
  rempart_feed_set_half_min_items_for_testing (0);
}

/* The room for warnings' texts runs out while the helper's warnings are taken (90 in the
 * first half, 60 in the second), and is gone before them (150 in the first half, 120 in
 * the second, more than the helper had room for itself). */
static void
test_helper_room_runs_out (void)
{
  static const guint first[] = { 90, 150 };
  static const guint second[] = { 60, 120 };

  for (guint c = 0; c < G_N_ELEMENTS (first); c++)
    {
      g_autoptr (GString) s = g_string_new (HEAD);
      g_autoptr (RempartFeed) whole = NULL;

      for (guint i = 0; i < 600; i++)
        {
          gboolean warn = i < 300 ? i < first[c] : i - 300 < second[c];

          g_string_append_printf (s, "%s{\"id\": \"i%u\", \"url\": \"https://example.org/t/%u\"%s}",
                                  i > 0 ? ", " : "", i, i,
                                  warn ? ", \"date_published\": \"yesterday\"" : "");
        }
      g_string_append (s, "]}");

      whole = parse_whole (s->str);
      g_assert_cmpuint (rempart_feed_get_n_warnings (whole), ==, first[c] + second[c]);
      assert_helper_reads_as_one (s->str, NULL, TRUE);
      rempart_feed_set_half_min_items_for_testing (2);
      assert_first_parse_is_whole (s->str, s->len);
      rempart_feed_set_half_min_items_for_testing (0);
    }
}

/* An item json-glib refuses, in the first half (the helper is stopped and its items
 * dropped) or the second (the helper stops there): the whole parse's error either way. */
static void
test_helper_refused_item (void)
{
  static const struct
  {
    const char *text;
  } broken[] = {
    { "{\"id\": \"b\",}" },
    { "tru" },
    { "{\"id\": \"b\" \"url\": 1}" },
    { "{\"id\": \"b\"]" },
  };

  for (guint b = 0; b < G_N_ELEMENTS (broken); b++)
    {
      g_autofree char *early = long_feed (600, 4, 0, "Title", broken[b].text);
      g_autofree char *late = NULL;
      g_autofree char *one = NULL;
      g_autoptr (GString) s = g_string_new (HEAD);

      g_test_message ("%s", broken[b].text);
      assert_helper_reads_as_one (early, NULL, TRUE);
      for (guint i = 0; i < 600; i++)
        {
          if (i == 500)
            g_string_append_printf (s, ", %s", broken[b].text);
          append_long_item (s, i, 600, 4, 0, "Title");
        }
      g_string_append (s, "]}");
      late = g_string_free (g_steal_pointer (&s), FALSE);
      assert_helper_reads_as_one (late, NULL, TRUE);
      one = describe_parse (late, NULL, G_MAXUINT);
      g_assert_true (g_str_has_prefix (one, "error "));
      /* And the whole parse's very error, with a helper. */
      rempart_feed_set_half_min_items_for_testing (2);
      assert_first_parse_is_whole (early, strlen (early));
      assert_first_parse_is_whole (late, strlen (late));
      rempart_feed_set_half_min_items_for_testing (0);
    }
}

/* The tests above, again with a helper for any two items to read. */
static const struct
{
  const char *path;
  GTestFunc func;
  gboolean helped;
} tests[] = {
  { "changed-removed-added", test_changed_removed_added, TRUE },
  { "nothing-changed", test_nothing_changed, TRUE },
  { "hash-recipe", test_hash_recipe, FALSE },
  { "repeated-id", test_repeated_id, FALSE },
  { "errors", test_errors, TRUE },
  { "unusual-documents", test_unusual_documents, FALSE },
  { "first-parse", test_first_parse, TRUE },
  { "first-parse-corpus", test_first_parse_corpus, FALSE }, /* skipped without the corpus */
};

static void
run_with_helper (gconstpointer data)
{
  guint runs = rempart_feed_get_half_runs_for_testing ();

  rempart_feed_set_half_min_items_for_testing (2);
  tests[GPOINTER_TO_UINT (data)].func ();
  rempart_feed_set_half_min_items_for_testing (0);
  /* Those that read two items or more at least once ran a helper. */
  if (tests[GPOINTER_TO_UINT (data)].helped)
    g_assert_cmpuint (rempart_feed_get_half_runs_for_testing (), >, runs);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (tests); i++)
    {
      g_autofree char *path = g_strconcat ("/feed-known/", tests[i].path, NULL);
      g_autofree char *helped = g_strconcat ("/feed-known/helper/", tests[i].path, NULL);

      g_test_add_func (path, tests[i].func);
      g_test_add_data_func (helped, GUINT_TO_POINTER (i), run_with_helper);
    }
  g_test_add_func ("/feed-known/clean-text", test_clean_text);
  g_test_add_func ("/feed-known/scan-then-parse", test_scan_then_parse);
  g_test_add_func ("/feed-known/helper/long-feeds", test_helper_long_feeds);
  g_test_add_func ("/feed-known/helper/refused-item", test_helper_refused_item);
  g_test_add_func ("/feed-known/helper/room-runs-out", test_helper_room_runs_out);
  g_test_add_func ("/feed-known/helper/warnings-after-repeats", test_helper_warnings_after_repeats);

  return g_test_run ();
}
