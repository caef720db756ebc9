/* test-html-text.c
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "rempart-html-text.h"

typedef struct
{
  const char *input;
  const char *expected;
} Pair;

static void
test_entities (void)
{
  static const Pair pairs[] = {
    { "l&#39;État", "l'État" },
    { "&amp;&lt;&gt;&quot;&apos;", "&<>\"'" },
    { "&#8220;quoted&#8221; &#x2019; &#X2014;", "“quoted” ’ —" },
    { "&eacute;&Eacute;&nbsp;&hellip;&euro;", "éÉ\u00A0…€" },
    { "&#146;", "’" }, /* Windows-1252 */
    { "&#0; &#xD800; &#x110000; &#99999999999999999999;", "\uFFFD \uFFFD \uFFFD \uFFFD" },
    { "&#39", "'" },
    { "AT&T &unknown; & &; &#; &#x;", "AT&T &unknown; & &; &#; &#x;" },
    { "&amp;amp;", "&amp;" },
    { "no entities", "no entities" },
    { "tail &", "tail &" },
    { "&verylongentitynamethatisnotreal;", "&verylongentitynamethatisnotreal;" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (pairs); i++)
    {
      g_autofree char *out = rempart_html_decode_entities (pairs[i].input);

      g_assert_cmpstr (out, ==, pairs[i].expected);
    }
}

static void
test_html_to_text (void)
{
  static const Pair pairs[] = {
    { "<p>One</p><p>Two</p>", "One\n\nTwo" },
    { "<p>a\n  b\t c</p>", "a b c" },
    { "line<br>next<br/>last", "line\nnext\nlast" },
    { "<ul><li>a</li><li>b</li></ul>", "a\nb" },
    { "<h1>Title</h1>text", "Title\n\ntext" },
    { "<html><head><title>T</title><style>p { color: red "
      "}</style></head><body><p>Body</p></body></html>",
      "Body" },
    { "<script>alert('<p>x</p>')</script>after", "after" },
    { "<SCRIPT type=\"text/javascript\">x()</SCRIPT>ok", "ok" },
    { "<style>unclosed", "" },
    { "<head><meta charset=utf-8><body>no closing head", "no closing head" },
    { "<a href=\"x\" title=\"a > b\">link</a>", "link" },
    { "<!-- <p>comment</p> -->visible", "visible" },
    { "<!DOCTYPE html><p>doc</p>", "doc" },
    { "a < b and c > d", "a < b and c > d" },
    { "<p>caf&eacute; &amp; cr&egrave;me</p>", "café & crème" },
    { "<pre>  keep\n    indent</pre>", "  keep\n    indent" },
    { "<p>orphan</p></p></div>end", "orphan\n\nend" },
    { "<img src=\"x.jpg\" width=\"599\" />", "" },
    { "<p>unterminated <b", "unterminated" },
    { "<p>\n\n\n</p><p></p><p>x</p>", "x" },
    { "plain", "plain" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (pairs); i++)
    {
      g_autofree char *out = rempart_html_to_text (pairs[i].input);

      g_assert_cmpstr (out, ==, pairs[i].expected);
    }
}

static void
test_sanitize (void)
{
  g_autofree char *multi = rempart_text_sanitize ("a\r\nb\rc\td\x01\x1b\x7f\xc2\x85\xc2\x9f e\n",
                                                  REMPART_TEXT_MULTI_LINE);
  g_autofree char *single =
      rempart_text_sanitize ("  a\r\nb\tc\x07\xc2\x80 ", REMPART_TEXT_SINGLE_LINE);
  g_autofree char *invalid = rempart_text_sanitize ("ok\xff\xfe!", REMPART_TEXT_SINGLE_LINE);

  g_assert_cmpstr (multi, ==, "a\nb\nc\td e\n");
  g_assert_cmpstr (single, ==, "a b c");
  g_assert_true (g_utf8_validate (invalid, -1, NULL));
  g_assert_true (g_str_has_prefix (invalid, "ok\uFFFD"));
}

static void
test_first_line_and_truncate (void)
{
  g_autofree char *line = rempart_text_first_line ("\n  \n  First line  \nsecond", 100);
  g_autofree char *cut = rempart_text_first_line ("ééééééééééé", 5);
  g_autofree char *blank = rempart_text_first_line (" \n\t\n", 100);
  g_autofree char *short_text = rempart_text_truncate ("abc", 3);
  g_autofree char *quoted = rempart_text_quote ("java\nscript:\x01"
                                                "alert(1)");
  g_autofree char *empty_quote = rempart_text_quote (NULL);

  g_assert_cmpstr (line, ==, "First line");
  g_assert_cmpstr (cut, ==, "éééé…");
  g_assert_null (blank);
  g_assert_cmpstr (short_text, ==, "abc");
  g_assert_cmpstr (quoted, ==, "java script:alert(1)");
  g_assert_cmpstr (empty_quote, ==, "");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/html-text/entities", test_entities);
  g_test_add_func ("/html-text/html-to-text", test_html_to_text);
  g_test_add_func ("/html-text/sanitize", test_sanitize);
  g_test_add_func ("/html-text/first-line-and-truncate", test_first_line_and_truncate);

  return g_test_run ();
}
