/* test-join-link.c: join links read and written, and every link refused
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "rempart-join-link.h"

/* tests/unit/minisign/encrypted.pub: it has both "+" and "/", which forms decode wrongly. */
#define KEY    "RWS+O7Wf45TX9bve1NpPQ/TGCcehz/RUvaj1Y+F2Q52nPhzIb1KQA7P9"
#define KEY_ID "F5D794E39FB53BBE"
#define FEED   "https://example.org/groupe/feed.json"

static RempartJoinLink *
round_trip (const RempartJoinLink *link)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *text = rempart_join_link_to_string (link);
  RempartJoinLink *back;

  g_test_message ("%s", text);
  g_assert_true (g_str_has_prefix (text, REMPART_JOIN_LINK_PREFIX));
  /* Nothing that a chat program or a form decoder would change. */
  for (const char *p = text + strlen (REMPART_JOIN_LINK_PREFIX); *p != '\0'; p++)
    g_assert_true (g_ascii_isalnum (*p) || strchr ("-._~%=&", *p) != NULL);

  back = rempart_join_link_parse (text, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (back->feed_url, ==, link->feed_url);
  g_assert_cmpstr (back->public_key, ==, link->public_key);
  g_assert_cmpstr (back->name, ==, link->name);

  return back;
}

static void
test_round_trip (void)
{
  static const char *names[] = {
    "#jesuislà", "Ich bin hier & du?", "a=b+c/d%20", "#jagärhär 🇸🇪", "x", NULL,
  };
  g_autoptr (GError) error = NULL;

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autoptr (RempartJoinLink) link = rempart_join_link_new (FEED, KEY, names[i], &error);
      g_autoptr (RempartJoinLink) back = NULL;

      g_assert_no_error (error);
      back = round_trip (link);
    }
}

static void
test_optional_parts (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RempartJoinLink) bare = rempart_join_link_new (FEED, NULL, NULL, &error);
  g_autoptr (RempartJoinLink) back = NULL;
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  g_assert_null (bare->public_key);
  g_assert_null (bare->name);
  g_assert_null (rempart_join_link_get_key_id (bare));
  text = rempart_join_link_to_string (bare);
  g_assert_cmpstr (text, ==, "rempart:join?feed=https%3A%2F%2Fexample.org%2Fgroupe%2Ffeed.json");
  back = round_trip (bare);
}

static void
test_reading (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RempartJoinLink) link = NULL;
  g_autofree char *key_id = NULL;
  g_autofree char *host = NULL;

  /* Any order, blanks around it (pasted from a chat), a raw "+" in the key kept as is,
   * unescaped slashes and colons in the address, the scheme in capitals. */
  link = rempart_join_link_parse ("  \nREMPART:join?name=%23jesuisl%C3%A0&key=" KEY
                                  "&feed=https://example.org:8443/feed.json \t\n",
                                  &error);
  g_assert_no_error (error);
  g_assert_cmpstr (link->feed_url, ==, "https://example.org:8443/feed.json");
  g_assert_cmpstr (link->public_key, ==, KEY);
  g_assert_cmpstr (link->name, ==, "#jesuislà");

  key_id = rempart_join_link_get_key_id (link);
  g_assert_cmpstr (key_id, ==, KEY_ID);
  host = rempart_join_link_get_host (link);
  g_assert_cmpstr (host, ==, "example.org:8443");
}

static void
test_key_from_minisign_pub (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RempartJoinLink) link = NULL;

  /* The writer takes a whole minisign.pub and keeps only the key line. */
  link = rempart_join_link_new ("http://127.0.0.1:8080/feed.json",
                                "untrusted comment: minisign public key " KEY_ID "\n" KEY "\n",
                                " Name with blanks  ", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (link->public_key, ==, KEY);
  g_assert_cmpstr (link->name, ==, "Name with blanks");
}

static void
test_looks_like (void)
{
  g_assert_true (rempart_join_link_looks_like_link ("rempart:join?feed=x"));
  g_assert_true (rempart_join_link_looks_like_link ("  Rempart:anything"));
  g_assert_false (rempart_join_link_looks_like_link ("https://example.org/feed.json"));
  g_assert_false (rempart_join_link_looks_like_link ("example.org/rempart:join"));
  g_assert_false (rempart_join_link_looks_like_link (""));
  g_assert_false (rempart_join_link_looks_like_link (NULL));
}

typedef struct
{
  const char *link;
  RempartJoinError code;
  const char *in_message;
} Bad;

static const Bad bad_links[] = {
  { "https://example.org/join?feed=x", REMPART_JOIN_ERROR_NOT_A_LINK, "rempart:join?" },
  { "rempart:leave?feed=https%3A%2F%2Fexample.org%2Ff.json", REMPART_JOIN_ERROR_NOT_A_LINK, NULL },
  { "rempart:join", REMPART_JOIN_ERROR_NOT_A_LINK, NULL },
  { "rempart:join?", REMPART_JOIN_ERROR_MISSING_FEED, NULL },
  { "rempart:join?feed", REMPART_JOIN_ERROR_MALFORMED, NULL },
  { "rempart:join?=x&feed=https%3A%2F%2Fexample.org%2Ff.json", REMPART_JOIN_ERROR_MALFORMED, NULL },
  { "rempart:join?feed=https%3A%2F%2Fexample.org%2Ff.json&&name=x", REMPART_JOIN_ERROR_MALFORMED,
    NULL },
  { "rempart:join?feed=https%3A%2F%2Fexample.org%2Ff.json&name=%ZZ", REMPART_JOIN_ERROR_MALFORMED,
    "escape" },
  { "rempart:join?feed=https%3A%2F%2Fexample.org%2Ff.json&name=a%00b", REMPART_JOIN_ERROR_MALFORMED,
    NULL },
  { "rempart:join?feed=https%3A%2F%2Fexample.org%2Ff.json&name=a b", REMPART_JOIN_ERROR_MALFORMED,
    NULL },
  { "rempart:join?feed=https%3A%2F%2Fexample.org%2Ff.json#top", REMPART_JOIN_ERROR_MALFORMED,
    NULL },
  { "rempart:join?feed=https://example.org/f.json&name=l\xc3\xa0", REMPART_JOIN_ERROR_MALFORMED,
    NULL },
  { "rempart:join?name=x", REMPART_JOIN_ERROR_MISSING_FEED, "feed" },
  { "rempart:join?key=" KEY, REMPART_JOIN_ERROR_MISSING_FEED, NULL },
  { "rempart:join?feed=ftp%3A%2F%2Fexample.org%2Ff.json", REMPART_JOIN_ERROR_BAD_FEED, "http" },
  { "rempart:join?feed=javascript%3Aalert(1)", REMPART_JOIN_ERROR_BAD_FEED, NULL },
  { "rempart:join?feed=file%3A%2F%2F%2Fetc%2Fpasswd", REMPART_JOIN_ERROR_BAD_FEED, NULL },
  { "rempart:join?feed=example.org%2Ff.json", REMPART_JOIN_ERROR_BAD_FEED, NULL },
  { "rempart:join?feed=https%3A%2F%2Fexample.org%2Ff%0A.json", REMPART_JOIN_ERROR_BAD_FEED, NULL },
  { "rempart:join?feed=https%3A%2F%2F%2Ff.json", REMPART_JOIN_ERROR_BAD_FEED, NULL },
  { "rempart:join?feed=https%3A%2F%2Fexample.org%2F%FF.json", REMPART_JOIN_ERROR_BAD_FEED, NULL },
  { "rempart:join?feed=https%3A%2F%2Fexample.org%2Ff.json&key=", REMPART_JOIN_ERROR_BAD_KEY, NULL },
  { "rempart:join?feed=https%3A%2F%2Fexample.org%2Ff.json&key=RWS+O7Wf45TX9bve1NpPQ",
    REMPART_JOIN_ERROR_BAD_KEY, "key" },
  /* The key with one character changed (a typo a person makes copying it by hand). */
  { "rempart:join?feed=https%3A%2F%2Fexample.org%2Ff.json&key="
    "RWS+O7Wf45TX9bve1NpPQ/TGCcehz/RUvaj1Y+F2Q52nPhzIb1KQA7P!",
    REMPART_JOIN_ERROR_BAD_KEY, NULL },
  /* A key read by a form decoder: "+" became a space. */
  { "rempart:join?feed=https%3A%2F%2Fexample.org%2Ff.json&key="
    "RWS%20O7Wf45TX9bve1NpPQ/TGCcehz/RUvaj1Y%20F2Q52nPhzIb1KQA7P9",
    REMPART_JOIN_ERROR_BAD_KEY, NULL },
  { "rempart:join?feed=https%3A%2F%2Fexample.org%2Ff.json&name=", REMPART_JOIN_ERROR_BAD_NAME,
    "empty" },
  { "rempart:join?feed=https%3A%2F%2Fexample.org%2Ff.json&name=%20%20", REMPART_JOIN_ERROR_BAD_NAME,
    NULL },
  { "rempart:join?feed=https%3A%2F%2Fexample.org%2Ff.json&name=a%0Ab", REMPART_JOIN_ERROR_BAD_NAME,
    "control" },
  { "rempart:join?feed=https%3A%2F%2Fexample.org%2Ff.json&name=a%1Bb", REMPART_JOIN_ERROR_BAD_NAME,
    NULL },
  { "rempart:join?feed=https%3A%2F%2Fexample.org%2Ff.json&name=a%C2%85b",
    REMPART_JOIN_ERROR_BAD_NAME, NULL },
  /* RIGHT-TO-LEFT OVERRIDE: "#jesuislà" could be spelled backwards to pass for another. */
  { "rempart:join?feed=https%3A%2F%2Fexample.org%2Ff.json&name=%E2%80%AEgroup",
    REMPART_JOIN_ERROR_BAD_NAME, NULL },
  { "rempart:join?feed=https%3A%2F%2Fexample.org%2Ff.json&name=a%E2%80%A8b",
    REMPART_JOIN_ERROR_BAD_NAME, NULL },
  { "rempart:join?feed=https%3A%2F%2Fexample.org%2Ff.json&name=%FF", REMPART_JOIN_ERROR_BAD_NAME,
    NULL },
  { "rempart:join?feed=https%3A%2F%2Fexample.org%2Ff.json&from=me",
    REMPART_JOIN_ERROR_UNKNOWN_PARAMETER, "from" },
  { "rempart:join?feed=https%3A%2F%2Fexample.org%2Ff.json&Feed=x",
    REMPART_JOIN_ERROR_UNKNOWN_PARAMETER, NULL },
  { "rempart:join?utm_source=chat&feed=https%3A%2F%2Fexample.org%2Ff.json",
    REMPART_JOIN_ERROR_UNKNOWN_PARAMETER, NULL },
  { "rempart:join?feed=https%3A%2F%2Fexample.org%2Ff.json&feed=https%3A%2F%2Fevil.example%2Ff.json",
    REMPART_JOIN_ERROR_DUPLICATE_PARAMETER, "feed" },
  { "rempart:join?feed=https%3A%2F%2Fexample.org%2Ff.json&key=" KEY "&key=" KEY,
    REMPART_JOIN_ERROR_DUPLICATE_PARAMETER, "key" },
  { "rempart:join?name=a&feed=https%3A%2F%2Fexample.org%2Ff.json&%6Eame=b",
    REMPART_JOIN_ERROR_DUPLICATE_PARAMETER, "name" },
};

static void
test_refusals (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (bad_links); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (RempartJoinLink) link = NULL;

      g_test_message ("%s", bad_links[i].link);
      link = rempart_join_link_parse (bad_links[i].link, &error);
      g_assert_null (link);
      g_assert_error (error, REMPART_JOIN_ERROR, (int) bad_links[i].code);
      g_test_message ("→ %s", error->message);
      /* Every message says what to do. */
      g_assert_nonnull (strstr (error->message, "moderators"));
      if (bad_links[i].in_message != NULL)
        g_assert_nonnull (strstr (error->message, bad_links[i].in_message));
    }
}

static void
test_lengths (void)
{
  g_autoptr (GString) text = g_string_new ("rempart:join?feed=https%3A%2F%2Fexample.org%2F");
  g_autoptr (GString) name = g_string_new (NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (RempartJoinLink) link = NULL;

  /* The longest name a link may carry, in characters (each two bytes here). */
  for (guint i = 0; i < REMPART_JOIN_NAME_MAX_CHARS; i++)
    g_string_append (name, "é");
  link = rempart_join_link_new (FEED, KEY, name->str, &error);
  g_assert_no_error (error);
  g_clear_pointer (&link, rempart_join_link_free);

  g_string_append (name, "é");
  link = rempart_join_link_new (FEED, KEY, name->str, &error);
  g_assert_error (error, REMPART_JOIN_ERROR, REMPART_JOIN_ERROR_BAD_NAME);
  g_assert_null (link);
  g_clear_error (&error);

  /* Too long before and after the prefix is checked. */
  while (text->len <= REMPART_JOIN_LINK_MAX_LENGTH)
    g_string_append (text, "a");
  link = rempart_join_link_parse (text->str, &error);
  g_assert_error (error, REMPART_JOIN_ERROR, REMPART_JOIN_ERROR_TOO_LONG);
  g_clear_error (&error);
  while (text->len <= 3 * REMPART_JOIN_LINK_MAX_LENGTH)
    g_string_append (text, "a");
  link = rempart_join_link_parse (text->str, &error);
  g_assert_error (error, REMPART_JOIN_ERROR, REMPART_JOIN_ERROR_TOO_LONG);
  g_clear_error (&error);

  /* The writer refuses what the reader would. */
  g_string_assign (text, "https://example.org/");
  while (text->len <= REMPART_JOIN_LINK_MAX_LENGTH)
    g_string_append (text, "a");
  link = rempart_join_link_new (text->str, NULL, NULL, &error);
  g_assert_error (error, REMPART_JOIN_ERROR, REMPART_JOIN_ERROR_TOO_LONG);
  g_assert_null (link);
  g_clear_error (&error);

  link = rempart_join_link_new ("ftp://example.org/f.json", NULL, NULL, &error);
  g_assert_error (error, REMPART_JOIN_ERROR, REMPART_JOIN_ERROR_BAD_FEED);
  g_clear_error (&error);
  link = rempart_join_link_new (FEED, "not a key", NULL, &error);
  g_assert_error (error, REMPART_JOIN_ERROR, REMPART_JOIN_ERROR_BAD_KEY);
  g_clear_error (&error);
  link = rempart_join_link_new (FEED, NULL, "tab\there", &error);
  g_assert_error (error, REMPART_JOIN_ERROR, REMPART_JOIN_ERROR_BAD_NAME);
  g_assert_null (link);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/join-link/round-trip", test_round_trip);
  g_test_add_func ("/join-link/optional-parts", test_optional_parts);
  g_test_add_func ("/join-link/reading", test_reading);
  g_test_add_func ("/join-link/key-from-minisign-pub", test_key_from_minisign_pub);
  g_test_add_func ("/join-link/looks-like", test_looks_like);
  g_test_add_func ("/join-link/refusals", test_refusals);
  g_test_add_func ("/join-link/lengths", test_lengths);

  return g_test_run ();
}
