/* fuzz-feed-parser.c
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdint.h>
#include <string.h>

#include "rempart-feed-parser-private.h"
#include "rempart-feed-parser.h"

/*
 * libFuzzer target: every input must give a feed or an error, never a crash, a leak or a
 * critical. Reading every action back makes the fuzzer reach the getters and the model too.
 * rempart_feed_parse_known() must agree with the whole parse on every input: with nothing
 * known (a first sync, which reads each item on its own) it gives the same feed, field by
 * field, warning by warning; with the items of the first parse known, the same ids. The
 * parser's shortcut for clean text must give what rempart_text_sanitize() gives on the input
 * taken as one string.
 */

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static void
log_nothing (const char *log_domain,
             GLogLevelFlags log_level,
             const char *message,
             gpointer user_data)
{
}

static void
describe_strv (GString *s, const char *const *strv)
{
  g_string_append_c (s, '[');
  for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
    g_string_append_printf (s, "<%s>", strv[i]);
  g_string_append_c (s, ']');
}

static void
describe_date (GString *s, GDateTime *date)
{
  if (date != NULL)
    g_string_append_printf (s, " %" G_GINT64_FORMAT "/%" G_GINT64_FORMAT,
                            g_date_time_to_unix (date), (gint64) g_date_time_get_utc_offset (date));
  else
    g_string_append (s, " -");
}

/* Everything a parse gives, as text: two parses that agree here gave the same feed. */
static char *
describe (RempartFeed *feed)
{
  GListModel *actions = rempart_feed_get_actions (feed);
  GPtrArray *warnings = rempart_feed_get_warnings (feed);
  GString *s = g_string_new (NULL);

  g_string_append_printf (s, "%s|%s|%s|%s|%s|%s|%s|%" G_GINT64_FORMAT "|%d\n",
                          rempart_feed_get_title (feed), rempart_feed_get_description (feed),
                          rempart_feed_get_home_page_url (feed), rempart_feed_get_feed_url (feed),
                          rempart_feed_get_language (feed), rempart_feed_get_hashtag (feed),
                          rempart_feed_get_next_key (feed), rempart_feed_get_seq (feed),
                          rempart_feed_get_schema (feed));
  for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
    {
      g_autoptr (RempartAction) a = g_list_model_get_item (actions, i);
      GPtrArray *sources = rempart_action_get_sources (a);

      g_string_append_printf (s, "%s|%s|%s|%s|%s|%s|%s|%d|%d", rempart_action_get_id (a),
                              rempart_action_get_url (a), rempart_action_get_title (a),
                              rempart_action_get_brief (a), rempart_action_get_excerpt (a),
                              rempart_action_get_platform (a), rempart_action_get_language (a),
                              rempart_action_get_topic (a), rempart_action_get_priority (a));
      describe_date (s, rempart_action_get_date_published (a));
      describe_date (s, rempart_action_get_date_modified (a));
      describe_date (s, rempart_action_get_expires (a));
      describe_strv (s, rempart_action_get_tags (a));
      describe_strv (s, rempart_action_get_arguments (a));
      for (guint j = 0; sources != NULL && j < sources->len; j++)
        {
          const RempartSource *source = g_ptr_array_index (sources, j);

          g_string_append_printf (s, " %s|%s", source->title, source->url);
        }
      g_string_append_c (s, '\n');
    }
  g_string_append_printf (s, "%u %u\n", rempart_feed_get_n_warnings (feed),
                          rempart_feed_get_n_skipped (feed));
  for (guint i = 0; i < warnings->len; i++)
    g_string_append_printf (s, "%s\n", (char *) g_ptr_array_index (warnings, i));
  return g_string_free (s, FALSE);
}

/* With a helper thread reading the second half of any two items or more to read, the parse
 * gives @expected again, kept ids included. */
static void
check_helped (GBytes *bytes, GHashTable *known, RempartFeed *expected)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RempartFeed) helped = NULL;
  g_autofree char *expected_text = describe (expected);
  g_autofree char *helped_text = NULL;
  GPtrArray *kept;
  GPtrArray *expected_kept = rempart_feed_get_kept_ids (expected);

  rempart_feed_set_half_min_items_for_testing (2);
  helped = rempart_feed_parse_known (bytes, "fuzz.json", known, &error);
  rempart_feed_set_half_min_items_for_testing (0);
  g_assert (helped != NULL && error == NULL);
  helped_text = describe (helped);
  g_assert (strcmp (helped_text, expected_text) == 0);
  kept = rempart_feed_get_kept_ids (helped);
  g_assert (kept->len == expected_kept->len);
  for (guint i = 0; i < kept->len; i++)
    g_assert (strcmp (g_ptr_array_index (kept, i), g_ptr_array_index (expected_kept, i)) == 0);
}

/* rempart_feed_parse_known() gives @whole's actions, first all read, then all kept by the
 * hashes of the first parse: the same ids in the same order each time. */
static void
check_known (GBytes *bytes, RempartFeed *whole)
{
  GListModel *actions = rempart_feed_get_actions (whole);
  guint n = g_list_model_get_n_items (actions);
  g_autoptr (GError) error = NULL;
  g_autoptr (RempartFeed) first = NULL;
  g_autoptr (RempartFeed) second = NULL;
  g_autoptr (GHashTable) known = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *first_text = NULL;
  g_autofree char *whole_text = describe (whole);
  GPtrArray *kept;

  /* The references on one thread, whatever the number of items (see check_helped()). */
  rempart_feed_set_half_min_items_for_testing (G_MAXUINT);
  first = rempart_feed_parse_known (bytes, "fuzz.json", NULL, &error);
  g_assert (first != NULL && error == NULL);
  first_text = describe (first);
  g_assert (strcmp (first_text, whole_text) == 0);
  g_assert (g_list_model_get_n_items (rempart_feed_get_actions (first)) == n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (RempartAction) a = g_list_model_get_item (actions, i);
      g_autoptr (RempartAction) b = g_list_model_get_item (rempart_feed_get_actions (first), i);
      const char *hash = rempart_feed_get_item_hash (first, rempart_action_get_id (b));

      g_assert (strcmp (rempart_action_get_id (a), rempart_action_get_id (b)) == 0);
      if (hash != NULL)
        g_hash_table_insert (known, (char *) hash, (char *) rempart_action_get_id (b));
    }

  second = rempart_feed_parse_known (bytes, "fuzz.json", known, &error);
  rempart_feed_set_half_min_items_for_testing (0);
  g_assert (second != NULL && error == NULL);
  kept = rempart_feed_get_kept_ids (second);
  g_assert (kept->len + g_list_model_get_n_items (rempart_feed_get_actions (second)) == n);
  for (guint i = 0; i < kept->len; i++)
    g_assert (rempart_feed_lookup_action (whole, g_ptr_array_index (kept, i)) != NULL);

  check_helped (bytes, NULL, first);
  check_helped (bytes, known, second);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  static gboolean initialised = FALSE;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (RempartFeed) feed = NULL;
  GListModel *actions;

  if (!initialised)
    {
      /* Criticals must abort so that the fuzzer reports them; debug output is noise. */
      g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
      g_log_set_handler (NULL, G_LOG_LEVEL_DEBUG, log_nothing, NULL);
      initialised = TRUE;
    }

  for (int mode = REMPART_TEXT_SINGLE_LINE; mode <= REMPART_TEXT_MULTI_LINE; mode++)
    {
      g_autofree char *text = g_strndup ((const char *) data, size);
      g_autofree char *clean = rempart_feed_clean_text (text, mode);
      g_autofree char *expected = rempart_text_sanitize (text, mode);

      g_assert (strcmp (clean, expected) == 0);
    }

  bytes = g_bytes_new (data, size);
  feed = rempart_feed_parse (bytes, "fuzz.json", &error);
  if (feed == NULL)
    {
      g_autoptr (GError) known_error = NULL;
      g_autoptr (RempartFeed) known =
          rempart_feed_parse_known (bytes, "fuzz.json", NULL, &known_error);

      g_autoptr (GError) helped_error = NULL;
      g_autoptr (RempartFeed) helped = NULL;

      g_assert (error != NULL && error->domain == REMPART_FEED_ERROR);
      /* The parse that skips known items refuses the same documents, with the same words,
       * with a helper thread or without. */
      g_assert (known == NULL && g_strcmp0 (known_error->message, error->message) == 0);
      rempart_feed_set_half_min_items_for_testing (2);
      helped = rempart_feed_parse_known (bytes, "fuzz.json", NULL, &helped_error);
      rempart_feed_set_half_min_items_for_testing (0);
      g_assert (helped == NULL && g_strcmp0 (helped_error->message, error->message) == 0);
      return 0;
    }
  check_known (bytes, feed);

  g_assert (error == NULL);
  actions = rempart_feed_get_actions (feed);
  for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
    {
      g_autoptr (RempartAction) action = g_list_model_get_item (actions, i);
      const char *brief = rempart_action_get_brief (action);

      g_assert (g_utf8_validate (rempart_action_get_title (action), -1, NULL));
      g_assert (brief == NULL || g_utf8_validate (brief, -1, NULL));
      g_assert (g_str_has_prefix (rempart_action_get_url (action), "http"));
    }

  return 0;
}
