/* stats-fixture.h: a real store with two groups, filled with events at known times
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rempart-store-private.h"

G_BEGIN_DECLS

#define GROUP_A "https://jesuisla.example.org/feed.json"
#define GROUP_B "https://ichbinhier.example.org/feed.json"

/* A store file in a temporary folder with two groups, "Je suis là" (GROUP_A) and
 * "Ich bin hier" (GROUP_B), each with actions a0..a7 whose topics cycle through racism,
 * sexism, disinformation, antisemitism. */
typedef struct
{
  char *dir;
  char *path;
  RempartStore *store;
} Fixture;

void fixture_setup (Fixture *f, gconstpointer data);
void fixture_teardown (Fixture *f, gconstpointer data);

#define STATS_TEST_ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

/* Unix seconds of an ISO 8601 date with its offset, e.g. "2026-03-29T00:30:00+01:00". */
gint64 at (const char *iso8601);

/* Records @state on (@url, @id) as done at @when. */
void add_event (Fixture *f, const char *url, const char *id, RempartActionState state, gint64 when);

/* Joins and posts (@url, @id) at @when with @text as the reply, the way the composer does:
 * the draft saved unqueued, JOINED and POSTED recorded. */
void post_reply (Fixture *f, const char *url, const char *id, const char *text, gint64 when);

/* The whole file and its -wal, as bytes, for searching what is left in them. */
GBytes *read_database_bytes (Fixture *f);
gboolean bytes_contain (GBytes *bytes, const char *needle);

G_END_DECLS
