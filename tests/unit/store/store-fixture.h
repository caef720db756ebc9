/* store-fixture.h: what the store's test programs share
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rempart-feed-parser.h"
#include "rempart-store-private.h"

G_BEGIN_DECLS

/*
 * The store against real files in a temporary directory: what the volunteer relies on
 * (nothing partial after a failed import, drafts outliving everything, a refused database
 * left byte for byte as it was) is checked on the bytes and rows, not on return values alone.
 */

/* 2026-05-02T12:00:00Z: after example.json was published, before its actions expire. */
#define EXAMPLE_NOW 1777723200

/* A store at $dir/data/rempart/rempart.db, its clock at EXAMPLE_NOW, with one subscription. */
typedef struct
{
  char *dir;
  char *path;
  RempartStore *store;
  RempartSubscription *sub;
} Fixture;

void fixture_setup (Fixture *f, gconstpointer data);
void fixture_teardown (Fixture *f, gconstpointer data);

#define STORE_TEST_ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

/* Returns: (transfer full): tests/unit/feeds/example.json, parsed */
RempartFeed *load_example (void);

/* A feed of @n actions "a0".."a{n-1}", skipping those whose bit is in @skip; @variant changes
 * every title so that all actions count as updated. */
RempartFeed *make_feed (gint64 seq, guint n, guint skip, const char *variant);

/* Every row of every table, as text, for before/after comparisons. */
char *dump_rows (const char *path);

GBytes *read_bytes (const char *path);

GPtrArray *list (Fixture *f, RempartActionView view);
const char *nth_id (GPtrArray *actions, guint i);
void import_ok (Fixture *f, RempartFeed *feed, RempartImportStats *stats);
void
assert_stats (const RempartImportStats *s, guint add, guint upd, guint same, guint arch, guint rm);

/* Asserts that the draft of (@url, @id) has @text, or that there is none when @text is NULL. */
void assert_draft (Fixture *f, const char *url, const char *id, const char *text);

/* An async callback that stores its result in *@user_data (a GAsyncResult *). */
void result_cb (GObject *source, GAsyncResult *result, gpointer user_data);

/* Iterates the main context until *@slot is set, for at most ten seconds: a lost callback
 * fails the test instead of hanging it. */
GAsyncResult *wait_result (GAsyncResult **slot);

/* Runs the main context for @ms milliseconds. */
void spin (guint ms);

G_END_DECLS
