/* rempart-platform.c
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rempart-platform.h"

#include <string.h>

/* -------------------------------------------------------------------------------------- */
/* Statics                                                                                */
/* -------------------------------------------------------------------------------------- */

static const char *const platforms[] = {
  "facebook", "youtube", "x", "instagram", "tiktok", "linkedin", "reddit", "web", NULL,
};

/* A host matches a domain when it is the domain or one of its subdomains (m.facebook.com),
 * never when the domain is only its end (notfacebook.com). */
static const struct
{
  const char *domain;
  const char *platform;
} hosts[] = {
  { "facebook.com", "facebook" }, { "fb.com", "facebook" },         { "fb.watch", "facebook" },
  { "youtube.com", "youtube" },   { "youtu.be", "youtube" },        { "x.com", "x" },
  { "twitter.com", "x" },         { "instagram.com", "instagram" }, { "tiktok.com", "tiktok" },
  { "linkedin.com", "linkedin" }, { "reddit.com", "reddit" },       { "redd.it", "reddit" },
};

/* -------------------------------------------------------------------------------------- */
/* Helpers                                                                                */
/* -------------------------------------------------------------------------------------- */

static gboolean
host_in_domain (const char *host, const char *domain)
{
  gsize host_len = strlen (host);
  gsize domain_len = strlen (domain);

  if (host_len == domain_len)
    return g_ascii_strcasecmp (host, domain) == 0;
  return host_len > domain_len && host[host_len - domain_len - 1] == '.' &&
         g_ascii_strcasecmp (host + host_len - domain_len, domain) == 0;
}

/* -------------------------------------------------------------------------------------- */
/* Public API                                                                             */
/* -------------------------------------------------------------------------------------- */

const char *const *
rempart_platform_get_all (void)
{
  return platforms;
}

const char *
rempart_platform_for_url (const char *url)
{
  g_autoptr (GUri) uri = NULL;
  g_autofree char *host = NULL;
  const char *scheme;

  if (url == NULL)
    return NULL;
  uri = g_uri_parse (url, G_URI_FLAGS_PARSE_RELAXED, NULL);
  if (uri == NULL)
    return NULL;
  scheme = g_uri_get_scheme (uri);
  if (g_ascii_strcasecmp (scheme, "http") != 0 && g_ascii_strcasecmp (scheme, "https") != 0)
    return NULL;
  if (g_uri_get_host (uri) == NULL || g_uri_get_host (uri)[0] == '\0')
    return NULL;

  host = g_strdup (g_uri_get_host (uri));
  /* "www.facebook.com." is the same host as "www.facebook.com". */
  if (g_str_has_suffix (host, "."))
    host[strlen (host) - 1] = '\0';
  for (guint i = 0; i < G_N_ELEMENTS (hosts); i++)
    if (host_in_domain (host, hosts[i].domain))
      return hosts[i].platform;
  return "web";
}
