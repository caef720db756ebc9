/* test-text-line.c: rempart_text_for_single_line and the parser's titles
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rempart-html-text.h"
#include "rempart-text-line.h"

static void
assert_line (const char *input, const char *expected)
{
  g_autofree char *line = rempart_text_for_single_line (input);

  g_assert_cmpstr (line, ==, expected);
  g_assert_true (g_utf8_validate (line, -1, NULL));
}

static void
test_plain (void)
{
  assert_line ("", "");
  assert_line ("Climate Action Paris", "Climate Action Paris");
  /* Markup characters are text: escaping is the label's business. */
  assert_line ("AT&T <3 <b>", "AT&T <3 <b>");
  assert_line ("  padded  ", "padded");
  assert_line ("Écologie — 気候 — مناخ", "Écologie — 気候 — مناخ");
}

static void
test_bidi_controls (void)
{
  /* U+202E RIGHT-TO-LEFT OVERRIDE would show "elpmaxe" as "example". */
  assert_line ("\u202Eelpmaxe", "elpmaxe");
  assert_line ("a\u202Ab\u202Bc\u202Cd\u202De", "abcde");
  assert_line ("\u2066x\u2067y\u2068z\u2069", "xyz");
  /* The marks are not overrides: Arabic and Hebrew titles need them. */
  assert_line ("\u200Fمناخ\u200E", "\u200Fمناخ\u200E");
}

static void
test_invisible (void)
{
  assert_line ("pay\u200Bpal", "paypal");
  assert_line ("\uFEFFtitle", "title");
  assert_line ("word\u2060joiner", "wordjoiner");
  /* Joiners between visible characters stay (Persian, emoji); alone or at an edge, they go. */
  assert_line ("می\u200Cخواهم", "می\u200Cخواهم");
  assert_line ("\U0001F469\u200D\U0001F4BB", "\U0001F469\u200D\U0001F4BB");
  assert_line ("\u200Dstart", "start");
  assert_line ("end\u200C", "end");
  assert_line ("a \u200D b", "a  b");
  /* Two in a row are one too many: the first goes. */
  assert_line ("a\u200D\u200Db", "a\u200Db");
}

static void
test_breaks (void)
{
  assert_line ("one\u2028two", "one two");
  assert_line ("one\u2029two", "one two");
  assert_line ("one\ntwo\r\nthree\tfour", "one two  three four");
  assert_line ("next\xC2\x85line", "next line");
  assert_line ("\u2028\u2029 lone \n", "lone");
  assert_line ("bell\x07 and \x1B[31mescape", "bell and [31mescape");
}

static void
test_invalid (void)
{
  assert_line ("bad \xFF byte", "bad \uFFFD byte");
  /* One replacement character per invalid byte, as g_utf8_make_valid() does. */
  assert_line ("cut \xE2\x80", "cut \uFFFD\uFFFD");
}

/* The parser's single-line mode, which every feed title goes through, does the same. */
static void
test_sanitize_single_line (void)
{
  g_autofree char *title =
      rempart_text_sanitize ("\u202EAT&T <3\u2028\u200B", REMPART_TEXT_SINGLE_LINE);
  g_autofree char *brief = rempart_text_sanitize ("line one\nline two", REMPART_TEXT_MULTI_LINE);
  g_autofree char *first = rempart_text_first_line ("\u202E\nfirst\u2028line\nsecond", 40);

  g_assert_cmpstr (title, ==, "AT&T <3");
  g_assert_cmpstr (brief, ==, "line one\nline two");
  g_assert_cmpstr (first, ==, "first line");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/text-line/plain", test_plain);
  g_test_add_func ("/text-line/bidi-controls", test_bidi_controls);
  g_test_add_func ("/text-line/invisible", test_invisible);
  g_test_add_func ("/text-line/breaks", test_breaks);
  g_test_add_func ("/text-line/invalid", test_invalid);
  g_test_add_func ("/text-line/sanitize", test_sanitize_single_line);

  return g_test_run ();
}
