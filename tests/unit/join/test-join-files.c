/* test-join-files.c: the exported list of groups, QR codes and the join page
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "rempart-join-list.h"
#include "rempart-join-page.h"
#include "rempart-join-qr.h"

#define KEY  "RWS+O7Wf45TX9bve1NpPQ/TGCcehz/RUvaj1Y+F2Q52nPhzIb1KQA7P9"
#define FEED "https://example.org/feed.json"

static GPtrArray *
two_links (void)
{
  GPtrArray *links = g_ptr_array_new_with_free_func ((GDestroyNotify) rempart_join_link_free);

  g_ptr_array_add (links, rempart_join_link_new (FEED, KEY, "#jesuislà", NULL));
  g_ptr_array_add (links, rempart_join_link_new ("http://127.0.0.1:8080/f.json", NULL, NULL, NULL));
  g_assert_nonnull (g_ptr_array_index (links, 0));
  g_assert_nonnull (g_ptr_array_index (links, 1));

  return links;
}

static void
test_list_round_trip (void)
{
  g_autoptr (GPtrArray) links = two_links ();
  g_autoptr (GPtrArray) back = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *text = rempart_join_list_to_string (links);
  g_autofree char *with_comments = NULL;

  back = rempart_join_list_parse (text, (gsize) -1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (back->len, ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      RempartJoinLink *a = g_ptr_array_index (links, i);
      RempartJoinLink *b = g_ptr_array_index (back, i);

      g_assert_cmpstr (a->feed_url, ==, b->feed_url);
      g_assert_cmpstr (a->public_key, ==, b->public_key);
      g_assert_cmpstr (a->name, ==, b->name);
    }

  /* Comments, blank lines and Windows line ends, as a text editor may leave them. */
  with_comments = g_strdup_printf ("\r\n# mine\r\n\r\n  %s", text);
  g_clear_pointer (&back, g_ptr_array_unref);
  back = rempart_join_list_parse (with_comments, (gsize) -1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (back->len, ==, 2);
}

static void
test_list_refusals (void)
{
  static const char *bad[] = {
    "",
    "# only a comment\n\n",
    "rempart:join?feed=https%3A%2F%2Fexample.org%2Ff.json\nhttps://example.org/f.json\n",
    "rempart:join?feed=https%3A%2F%2Fexample.org%2Ff.json&key=bad\n",
    "\xff\xfe r\0e\0",
  };
  g_autoptr (GString) many = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (GPtrArray) links = rempart_join_list_parse (bad[i], (gsize) -1, &error);

      g_assert_null (links);
      g_assert_error (error, REMPART_JOIN_ERROR, REMPART_JOIN_ERROR_BAD_LIST);
      g_test_message ("%s", error->message);
    }

  /* The bad line is named. */
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (GPtrArray) links = rempart_join_list_parse (bad[2], (gsize) -1, &error);

    g_assert_nonnull (strstr (error->message, "2"));
    g_assert_nonnull (strstr (error->message, "rempart:join?"));
  }

  /* A NUL inside the given length. */
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (GPtrArray) links = rempart_join_list_parse ("rempart:join?feed=x\0y", 21, &error);

    g_assert_error (error, REMPART_JOIN_ERROR, REMPART_JOIN_ERROR_BAD_LIST);
  }

  for (guint i = 0; i <= REMPART_JOIN_LIST_MAX_LINKS; i++)
    g_string_append_printf (many, "rempart:join?feed=https%%3A%%2F%%2Fexample.org%%2F%u.json\n", i);
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (GPtrArray) links = rempart_join_list_parse (many->str, many->len, &error);

    g_assert_error (error, REMPART_JOIN_ERROR, REMPART_JOIN_ERROR_BAD_LIST);
  }
}

static void
test_qr (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RempartJoinLink) link = rempart_join_link_new (FEED, KEY, "<b>&amp;", NULL);
  g_autofree char *text = rempart_join_link_to_string (link);
  g_autofree char *svg = rempart_join_qr_svg (text, "<title>", &error);
  g_autoptr (GBytes) png = NULL;
  g_autoptr (GString) huge = g_string_new (NULL);
  const guchar *data;
  gsize size;

  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (svg, "<svg xmlns=\"http://www.w3.org/2000/svg\""));
  g_assert_nonnull (strstr (svg, "<title>&lt;title&gt;</title>"));
  g_assert_nonnull (strstr (svg, "<path d=\"M4 4h7v1h-7z"));
  g_assert_true (g_str_has_suffix (svg, "</svg>\n"));

  png = rempart_join_qr_png (text, 4, &error);
  g_assert_no_error (error);
  data = g_bytes_get_data (png, &size);
  g_assert_cmpuint (size, >, 100);
  g_assert_cmpmem (data, 8, "\x89PNG\r\n\x1a\n", 8);
  /* IHDR: width and height, big-endian, a multiple of the 4-pixel modules, square. */
  g_assert_cmpmem (data + 12, 4, "IHDR", 4);
  g_assert_cmpmem (data + 16, 4, data + 20, 4);
  g_assert_cmpuint (((guint) data[18] << 8 | data[19]) % 4, ==, 0);

  /* More than a QR code holds. */
  while (huge->len < 8000)
    g_string_append (huge, "0123456789abcdef");
  g_clear_pointer (&svg, g_free);
  svg = rempart_join_qr_svg (huge->str, NULL, &error);
  g_assert_null (svg);
  g_assert_error (error, REMPART_JOIN_ERROR, REMPART_JOIN_ERROR_QR);
  g_clear_error (&error);
  g_clear_pointer (&png, g_bytes_unref);
  png = rempart_join_qr_png (huge->str, 4, &error);
  g_assert_null (png);
  g_assert_error (error, REMPART_JOIN_ERROR, REMPART_JOIN_ERROR_QR);
}

static void
test_page (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RempartJoinLink) link =
      rempart_join_link_new (FEED, KEY, "<script>alert(1)</script> & co", NULL);
  g_autoptr (RempartJoinLink) unsigned_link = rempart_join_link_new (FEED, NULL, NULL, NULL);
  g_autofree char *text = rempart_join_link_to_string (link);
  g_autofree char *escaped = g_markup_escape_text (text, -1);
  g_autofree char *href = g_strdup_printf ("href=\"%s\"", escaped);
  g_autofree char *html = rempart_join_page_html (link, "We answer \"hate\" <with> facts.", &error);
  g_autofree char *plain = NULL;

  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (html, "<!DOCTYPE html>"));
  g_assert_null (strstr (html, "<script"));
  g_assert_nonnull (strstr (html, "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co"));
  g_assert_nonnull (strstr (html, "We answer &quot;hate&quot; &lt;with&gt; facts."));
  g_assert_nonnull (strstr (html, href));
  g_assert_nonnull (strstr (html, "<svg"));
  g_assert_nonnull (strstr (html, KEY));
  g_assert_nonnull (strstr (html, FEED));

  plain = rempart_join_page_html (unsigned_link, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (strstr (plain, "RWS"));
  g_assert_nonnull (strstr (plain, "not signed"));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/join-list/round-trip", test_list_round_trip);
  g_test_add_func ("/join-list/refusals", test_list_refusals);
  g_test_add_func ("/join-qr/svg-and-png", test_qr);
  g_test_add_func ("/join-page/html", test_page);

  return g_test_run ();
}
