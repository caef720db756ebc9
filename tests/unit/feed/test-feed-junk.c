/* test-feed-junk.c
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <sys/resource.h>

#include "rempart-feed-parser.h"

/*
 * The cost of junk: a feed under the size cap must cost a small multiple of its size in
 * memory, however it is made. Each case runs in a subprocess of its own (g_test_trap), so
 * that its peak resident size (getrusage) is its own: the peak after building the feed is
 * taken away from the peak after parsing it, and the difference must stay under
 * MAX_RATIO times the feed's size. Before this bound, a 3 MB feed of a million `{}` items
 * peaked at 433 MiB (144 times its size) and 8 MiB of them at 1,231 MiB.
 *
 * The bound is generous on purpose: a real feed costs 5 to 11 times its size in json-glib's
 * tree (rempart-json.c), and 7 to 13 times here; the test must hold under AddressSanitizer
 * too (see MAX_RATIO).
 */

/* AddressSanitizer pads every allocation with red zones and keeps freed memory in
 * quarantine, which costs json-glib's many small blocks two to three times their size: the
 * bound is four times looser there (a million `{}` would still break it twenty times over). */
#if defined(__SANITIZE_ADDRESS__)
#define UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define UNDER_ASAN 1
#endif
#endif

#ifdef UNDER_ASAN
#define MAX_RATIO 80
#else
#define MAX_RATIO 20
#endif

#define HEAD "{\"version\": \"https://jsonfeed.org/version/1.1\", \"title\": \"Junk\", \"items\": ["

/* -------------------------------------------------------------------------------------- */
/* Helpers                                                                                */
/* -------------------------------------------------------------------------------------- */

static gsize
peak_rss_bytes (void)
{
  struct rusage usage;

  g_assert_cmpint (getrusage (RUSAGE_SELF, &usage), ==, 0);
  return (gsize) usage.ru_maxrss * 1024; /* kilobytes on Linux */
}

/* @item repeated, comma-separated, until the document reaches @size bytes, or @count times. */
static GBytes *
make_feed (const char *item, gsize size, guint count)
{
  GString *s = g_string_sized_new (size > 0 ? size : count * (strlen (item) + 1) + 128);
  gsize item_len = strlen (item);

  g_string_append (s, HEAD);
  for (guint i = 0; count > 0 ? i < count : s->len + item_len + 3 <= size; i++)
    {
      if (i > 0)
        g_string_append_c (s, ',');
      g_string_append_len (s, item, item_len);
    }
  g_string_append (s, "]}");
  return g_string_free_to_bytes (s);
}

/* Parses @bytes in this process and checks the peak it cost; returns the feed or the error
 * through @out_error. */
static RempartFeed *
parse_within_bound (GBytes *bytes, GError **out_error)
{
  gsize size = g_bytes_get_size (bytes);
  gsize before = peak_rss_bytes ();
  gint64 start = g_get_monotonic_time ();
  RempartFeed *feed = rempart_feed_parse (bytes, "junk.json", out_error);
  gsize after = peak_rss_bytes ();
  gsize cost = after - before;

  /* On stderr: the subprocess's messages would not reach the log. */
  g_printerr ("%zu bytes: peak grew by %zu KiB (%.1f times the size) in %.0f ms\n", size,
              cost / 1024, (double) cost / (double) size,
              (g_get_monotonic_time () - start) / 1000.0);
  if (cost > MAX_RATIO * size)
    g_error ("parsing %zu bytes raised the peak by %zu bytes, more than %d times the size", size,
             cost, MAX_RATIO);
  return feed;
}

/* -------------------------------------------------------------------------------------- */
/* Cases (each run in a subprocess)                                                       */
/* -------------------------------------------------------------------------------------- */

/* A million `{}`: refused whole before json-glib builds a tree, with an error that says
 * why. */
static void
million_empty_items (void)
{
  g_autoptr (GBytes) bytes = make_feed ("{}", 0, 1000000);
  g_autoptr (GError) error = NULL;
  g_autoptr (RempartFeed) feed = parse_within_bound (bytes, &error);

  g_assert_null (feed);
  g_assert_error (error, REMPART_FEED_ERROR, REMPART_FEED_ERROR_TOO_COMPLEX);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, "junk.json: "));
  g_assert_nonnull (strstr (error->message, "1000001 objects"));
}

/* Just under the 8 MiB cap, of empty items. */
static void
cap_of_empty_items (void)
{
  g_autoptr (GBytes) bytes = make_feed ("{}", REMPART_FEED_MAX_SIZE, 0);
  g_autoptr (GError) error = NULL;
  g_autoptr (RempartFeed) feed = NULL;

  g_assert_cmpuint (g_bytes_get_size (bytes), <=, REMPART_FEED_MAX_SIZE);
  g_assert_cmpuint (g_bytes_get_size (bytes), >, REMPART_FEED_MAX_SIZE - 8);
  feed = parse_within_bound (bytes, &error);
  g_assert_null (feed);
  g_assert_error (error, REMPART_FEED_ERROR, REMPART_FEED_ERROR_TOO_COMPLEX);
}

/* Just under the cap, of scalars, empty arrays or small objects: the other cheap shapes. */
static void
cap_of_small_values (void)
{
  static const char *const items[] = { "1", "\"\"", "[]", "null", "{\"a\":1}", "[[[]]]" };

  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      g_autoptr (GBytes) bytes = make_feed (items[i], REMPART_FEED_MAX_SIZE, 0);
      g_autoptr (GError) error = NULL;
      g_autoptr (RempartFeed) feed = parse_within_bound (bytes, &error);

      g_test_message ("%s", items[i]);
      g_assert_null (feed);
      g_assert_error (error, REMPART_FEED_ERROR, REMPART_FEED_ERROR_TOO_COMPLEX);
    }
}

/* Items that are real enough to pass the byte check but are all skipped (no link): accepted,
 * in bounded memory, with the first warnings kept and the rest counted. */
static void
cap_of_skipped_items (void)
{
  g_autoptr (GBytes) bytes = make_feed (
      "{\"id\": \"an id that is long enough\", \"title\": \"A title with no link at all to go "
      "with it, so the action is skipped\"}",
      REMPART_FEED_MAX_SIZE, 0);
  g_autoptr (GError) error = NULL;
  g_autoptr (RempartFeed) feed = parse_within_bound (bytes, &error);
  GPtrArray *warnings;
  guint n_skipped;

  g_assert_no_error (error);
  n_skipped = rempart_feed_get_n_skipped (feed);
  g_assert_cmpuint (n_skipped, >, 60000);
  g_assert_cmpuint (g_list_model_get_n_items (rempart_feed_get_actions (feed)), ==, 0);
  g_assert_cmpuint (rempart_feed_get_n_warnings (feed), ==, n_skipped);
  warnings = rempart_feed_get_warnings (feed);
  g_assert_cmpuint (warnings->len, ==, REMPART_FEED_MAX_WARNINGS + 1);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (warnings, 0), "junk.json: items[0]: "));
  g_assert_true (g_str_has_prefix (g_ptr_array_index (warnings, REMPART_FEED_MAX_WARNINGS - 1),
                                   "junk.json: items[99]: "));
  g_test_message ("%s", (char *) g_ptr_array_index (warnings, REMPART_FEED_MAX_WARNINGS));
  g_assert_nonnull (strstr (g_ptr_array_index (warnings, REMPART_FEED_MAX_WARNINGS), "more"));
}

/* A real feed as large as the cap allows is still read whole, within the same bound. */
static void
cap_of_real_actions (void)
{
  GString *s = g_string_new (HEAD);
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (RempartFeed) feed = NULL;
  guint n = 0;

  while (s->len < REMPART_FEED_MAX_SIZE - 2048)
    {
      g_string_append_printf (
          s,
          "%s{\"id\": \"action-%u\", \"url\": \"https://www.facebook.com/news/posts/%u\","
          " \"title\": \"Fil %u\", \"content_text\": \"Le fil est dominé par des chiffres"
          " inventés. À dire : les chiffres de l’INSEE, calmement.\", \"tags\": [\"a\", \"b\"],"
          " \"_rempart\": {\"topic\": \"racism\", \"sources\": [{\"title\": \"INSEE\", \"url\":"
          " \"https://www.insee.fr/fr/statistiques/%u\"}], \"arguments\": [\"Un argument.\"]}}",
          n == 0 ? "" : ",", n, n, n, n);
      n++;
    }
  g_string_append (s, "]}");
  bytes = g_string_free_to_bytes (s);

  feed = parse_within_bound (bytes, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (rempart_feed_get_actions (feed)), ==, n);
  g_assert_cmpuint (rempart_feed_get_warnings (feed)->len, ==, 0);
}

/* -------------------------------------------------------------------------------------- */
/* Tests                                                                                  */
/* -------------------------------------------------------------------------------------- */

static void
run_in_subprocess (gconstpointer data)
{
  GTestFunc func = (GTestFunc) data;

  if (g_test_subprocess ())
    {
      func ();
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_data_func ("/feed-junk/million-empty-items", (gconstpointer) million_empty_items,
                        run_in_subprocess);
  g_test_add_data_func ("/feed-junk/cap-of-empty-items", (gconstpointer) cap_of_empty_items,
                        run_in_subprocess);
  g_test_add_data_func ("/feed-junk/cap-of-small-values", (gconstpointer) cap_of_small_values,
                        run_in_subprocess);
  g_test_add_data_func ("/feed-junk/cap-of-skipped-items", (gconstpointer) cap_of_skipped_items,
                        run_in_subprocess);
  g_test_add_data_func ("/feed-junk/cap-of-real-actions", (gconstpointer) cap_of_real_actions,
                        run_in_subprocess);

  return g_test_run ();
}
