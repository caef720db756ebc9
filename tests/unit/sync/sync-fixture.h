/* sync-fixture.h: the loopback server, store and helpers the sync tests share
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The sync engine with real parts: a scripted SoupServer on 127.0.0.1 in the same process, a
 * real store file in a temporary directory, real minisign keys and signatures, a network
 * monitor whose state the test sets, and a fake clock. Every wait is bounded by a guard that
 * fails the test after GUARD_SECONDS. After every unhappy outcome the test checks that the
 * data imported before is intact. */

#pragma once

#include "rempart-fetcher.h"
#include "rempart-minisign.h"
#include "rempart-store.h"
#include "rempart-sync.h"
#include "rempart-test-monitor.h"
#include "rempart-test-server.h"

G_BEGIN_DECLS

#define GUARD_SECONDS 10
/* 2026-06-01T10:00:00Z */
#define START_TIME 1780308000

/* RFC 6585; libsoup 3.2 has no name for it. */
#define STATUS_TOO_MANY_REQUESTS 429

typedef enum
{
  REPLY_NORMAL,
  REPLY_STALL,   /* headers and a few bytes, then nothing */
  REPLY_TRICKLE, /* headers, then one byte every 300 ms, never ending */
} ReplyKind;

/* What the server answers on one path; a 200 with an ETag answers 304 to a request that
 * sends it back. */
typedef struct
{
  guint status;
  ReplyKind kind;
  char *location;
  char *retry_after;
  char *etag;
  GBytes *body;
} Route;

typedef struct
{
  SoupServer *server;
  char *base;
  GHashTable *routes;        /* path → Route */
  GHashTable *hits;          /* path → count */
  GHashTable *if_none_match; /* path → last If-None-Match */
  guint n_requests;
  GPtrArray *stalled;
  GPtrArray *trickles;

  char *dir;
  RempartStore *store;
  RempartFetcher *fetcher;
  RempartTestMonitor *monitor;
  RempartSync *sync;
  gint64 now;

  RempartMinisignPublicKey *public_key;
  RempartMinisignSecretKey *secret_key;
  char *public_key_line;

  /* Signals. */
  GArray *changed_ids;
  GArray *new_action_ids;
  GArray *new_action_counts;
} Fixture;

/* The server, a store in a temporary folder, the fetcher, the monitor (online), the clock at
 * START_TIME and a key pair; fixture_setup() adds f->sync, on the fake clock, its signals
 * recorded in f->changed_ids, f->new_action_ids and f->new_action_counts. */
void fixture_setup_without_sync (Fixture *f, gconstpointer data);
void fixture_setup (Fixture *f, gconstpointer data);
void fixture_teardown (Fixture *f, gconstpointer data);
/* Records ::subscription-changed and ::new-actions of @object (a RempartSync or a
 * RempartRefresh) in the fixture's arrays. */
void fixture_watch_signals (Fixture *f, gpointer object);
/* The fake clock: f->now. */
gint64 fake_now (gpointer user_data);
/* A new key pair in f->public_key, f->secret_key and f->public_key_line. */
void make_keys (Fixture *f);

/* What the server answers on @path: a 200 with an ETag answers 304 to a request that sends
 * it back. */
Route *add_route (Fixture *f, const char *path, guint status);
void add_body_route (Fixture *f, const char *path, const char *etag, GBytes *body);
guint hits (Fixture *f, const char *path);
char *url (Fixture *f, const char *path);

/* A valid feed: @n_items actions "@tag-1".."@tag-n"; seq < 0 and expires == 0 leave them out. */
GBytes *make_feed (const char *tag, guint n_items, gint64 seq, gint64 expires);
GBytes *sign (Fixture *f, GBytes *body);
/* Serves @body signed at @path (and its .minisig). */
void serve_signed (Fixture *f, const char *path, const char *etag, GBytes *body);
gint64 add_subscription (Fixture *f, const char *path, gboolean with_key);
RempartSubscription *get_sub (Fixture *f, gint64 id);
/* Reads @id again from the store, in place of *@sub. */
void reload_sub (Fixture *f, RempartSubscription **sub, gint64 id);
/* Everything the volunteer sees of the actions and what decides the next download: must
 * not change after an unhappy outcome. */
char *snapshot (Fixture *f);
guint count_actions (Fixture *f, gint64 subscription_id, const char *id);

/* Fails the test: a wait took more than GUARD_SECONDS. */
gboolean guard_cb (gpointer user_data);
/* Stores a reference to @result in the GAsyncResult * at @user_data. */
void refresh_done_cb (GObject *object, GAsyncResult *result, gpointer user_data);
/* Runs rempart_sync_refresh_async() to its end, under the guard. */
GPtrArray *
refresh_full (Fixture *f, gint64 id, gboolean manual, GCancellable *cancellable, GError **error);
/* Refreshes @id and returns its one report. */
RempartSyncReport *refresh_one (Fixture *f, gint64 id, gboolean manual);
/* Refreshes @id once more, in place of *@report, and checks the outcome. */
void refresh_again (Fixture *f,
                    RempartSyncReport **report,
                    gint64 id,
                    gboolean manual,
                    RempartSyncOutcome expected);
/* Imports a first unsigned feed of 3 actions at /feed.json, ETag "v1"; returns the id. */
gint64 import_first (Fixture *f);
/* Imports a first signed feed (seq @seq) at /signed.json, ETag "s1"; returns the id. */
gint64 import_first_signed (Fixture *f, gint64 seq);

#define assert_outcome(report, expected)                                   \
  g_assert_cmpstr (rempart_sync_outcome_to_string ((report)->outcome), ==, \
                   rempart_sync_outcome_to_string (expected))

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

G_END_DECLS
