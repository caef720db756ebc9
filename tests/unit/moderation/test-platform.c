/* test-platform.c
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rempart-platform.h"

/* The editor picks the platform from what the moderator pastes: subdomains and the short
 * hosts count, a look-alike domain does not, and anything not http(s) with a host is refused. */

static void
test_platform_hosts (void)
{
  static const struct
  {
    const char *url;
    const char *platform;
  } cases[] = {
    { "https://www.facebook.com/news/posts/1", "facebook" },
    { "https://m.facebook.com/story.php?id=2", "facebook" },
    { "https://fb.watch/abc/", "facebook" },
    { "https://www.youtube.com/watch?v=dQw4w9WgXcQ", "youtube" },
    { "https://youtu.be/dQw4w9WgXcQ", "youtube" },
    { "https://x.com/someone/status/1", "x" },
    { "https://twitter.com/someone/status/1", "x" },
    { "https://mobile.twitter.com/someone/status/1", "x" },
    { "https://www.instagram.com/p/xyz/", "instagram" },
    { "https://www.tiktok.com/@a/video/1", "tiktok" },
    { "https://www.linkedin.com/feed/update/1", "linkedin" },
    { "https://old.reddit.com/r/france/comments/1", "reddit" },
    { "HTTPS://WWW.YOUTUBE.COM/watch?v=1", "youtube" },
    { "https://www.facebook.com./x", "facebook" },
    { "https://www.lemonde.fr/politique/article/1.html", "web" },
    { "http://example.org/", "web" },
    { "https://notfacebook.com/x", "web" },
    { "https://facebook.com.evil.example/x", "web" },
    { "https://xx.com/", "web" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpstr (rempart_platform_for_url (cases[i].url), ==, cases[i].platform);
}

static void
test_platform_refused (void)
{
  static const char *const refused[] = {
    "",
    "facebook.com/x",
    "www.youtube.com",
    "javascript:alert(1)",
    "ftp://www.facebook.com/",
    "file:///etc/passwd",
    "data:text/plain,hi",
    "https://",
    "//www.facebook.com/x",
    "mailto:a@example.org",
  };

  g_assert_null (rempart_platform_for_url (NULL));
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    g_assert_null (rempart_platform_for_url (refused[i]));
}

static void
test_platform_all (void)
{
  const char *const *all = rempart_platform_get_all ();

  /* Every platform the host table can give is one the editor offers. */
  g_assert_true (g_strv_contains (all, "facebook"));
  g_assert_true (g_strv_contains (all, "x"));
  g_assert_true (g_strv_contains (all, "web"));
  g_assert_cmpuint (g_strv_length ((char **) all), ==, 8);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/moderation/platform/hosts", test_platform_hosts);
  g_test_add_func ("/moderation/platform/refused", test_platform_refused);
  g_test_add_func ("/moderation/platform/all", test_platform_all);
  return g_test_run ();
}
