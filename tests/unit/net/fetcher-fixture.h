/* fetcher-fixture.h: the loopback server, routes and helpers the fetcher tests share
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The feed fetcher against a real SoupServer on 127.0.0.1 in the same process, scripted per
 * test: conditional requests, rate limits, redirects, slow, stalled, oversized and truncated
 * bodies, refused connections, TLS downgrades and signatures. Loopback only; every wait is
 * bounded by a guard that fails the test after GUARD_SECONDS. */

#pragma once

#include "rempart-fetcher.h"
#include "rempart-http.h"
#include "rempart-minisign.h"
#include "rempart-test-server.h"

G_BEGIN_DECLS

#define GUARD_SECONDS 10
#define FEED_BODY     "{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": []}\n"
#define FEED_ETAG     "\"v1\""
#define FEED_MODIFIED "Tue, 21 Oct 2025 07:28:00 GMT"
#define MIB           (1024 * 1024)

/* RFC 6585; libsoup 3.2 has no name for it. */
#define STATUS_TOO_MANY_REQUESTS 429

typedef struct
{
  guint status;
  char *location;
  char *retry_after;
  GBytes *body;
} Route;

typedef struct
{
  SoupServer *server;
  char *base;
  RempartFetcher *fetcher;

  GHashTable *routes;
  GHashTable *hits;
  char *if_none_match;
  char *if_modified_since;
  char *user_agent;

  /* The chunked handlers. */
  guint chunk_interval_ms;
  guint chunks_to_send;
  GString *slow_sent;
  GPtrArray *slow_bodies;
  gsize endless_sent;
  gsize endless_total;
  GPtrArray *streams;
} Fixture;

typedef struct
{
  RempartMinisignPublicKey *public_key;
  RempartMinisignSecretKey *secret_key;
} KeyPair;

/* The server's handlers: the paths given to add_route() (404 for the others), /conditional
 * (ETag FEED_ETAG, 304 to it), /slow (f->chunks_to_send chunks, one every
 * f->chunk_interval_ms; with 0, one chunk then a stall), /declared-huge, /endless,
 * /truncated (?close=1) and /gzip. */
void add_handlers (Fixture *f, SoupServer *server);
void fixture_setup (Fixture *f, gconstpointer data);
void fixture_teardown (Fixture *f, gconstpointer data);

void add_route (Fixture *f,
                const char *path,
                guint status,
                const char *location,
                const char *retry_after,
                const char *body);
void add_bytes_route (Fixture *f, const char *path, GBytes *body);
char *url (Fixture *f, const char *path);
guint hits (Fixture *f, const char *path);
/* Fails the test: a wait took more than GUARD_SECONDS. */
gboolean guard_cb (gpointer user_data);
/* Cancels the GCancellable @user_data. */
gboolean cancel_cb (gpointer user_data);
/* Runs one fetch on the default main context, which also runs the server. */
RempartFetchResult *fetch_full (Fixture *f,
                                const RempartFetchRequest *request,
                                GCancellable *cancellable,
                                GError **error);
RempartFetchResult *fetch (Fixture *f, const char *path, GError **error);
GBytes *bytes_from_string (const char *text);
void assert_body (RempartFetchResult *result, const char *expected);
void key_pair_clear (KeyPair *pair);
GBytes *sign (KeyPair *pair, const char *text);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

G_END_DECLS
