/* test-preferences-fixture.h: what the Preferences window's test programs share
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rempart-preferences-window.h"
#include "rempart-store.h"

G_BEGIN_DECLS

#define SIGNED_URL   "https://example.org/jesuisla/feed.json"
#define SIGNED_TITLE "#jesuislà — actions du jour"
#define BROKEN_URL   "https://example.net/broken.json"
#define UNSIGNED_URL "https://example.com/unsigned.json"
#define STALE_URL    "https://example.com/stale.json"
#define ENDED_URL    "https://example.com/ended.json"
/* A title that would be markup if anything parsed it. */
#define UNSIGNED_TITLE "Collectif <b>Tom & Jerry</b>"

typedef struct
{
  char *dir;
  RempartStore *store;
  GSettings *settings;
  RempartPreferencesWindow *window;
  gint64 added_id;
  gint64 removed_id;
} Fixture;

/* Pairs a fixture with a row title for rempart_ui_test_iterate_until(). */
typedef struct
{
  Fixture *f;
  const char *title;
} RowQuery;

/* A real store file in a temporary folder with six subscriptions in every state (signed and
 * imported, failing, unsigned, out of date, ended, the example feed), and the Preferences
 * window on it, presented and listing them. */
void fixture_set_up (Fixture *f, gconstpointer user_data);
void fixture_tear_down (Fixture *f, gconstpointer user_data);

#define PREFERENCES_TEST_ADD(name, func) \
  g_test_add ("/preferences/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

/* Makes a private XDG_DATA_HOME, initialises GTK and libadwaita and registers the program's
 * one application. Returns: (transfer full): the data home, for preferences_test_run() */
char *preferences_test_init (int *argc, char ***argv);

/* Runs the tests, then drops the application and the data home. */
int preferences_test_run (const char *data_home);

void save_png (GtkWidget *widget, const char *name);
/* Light, dark, and a phone's 360 px. */
void save_pngs (GtkWindow *window, const char *name);

/* Returns: (transfer full): the key of tests/unit/minisign/unencrypted.pub */
char *read_public_key (void);

RempartSubscription *add_sub (Fixture *f, const char *url, const char *key);
void update_sub (Fixture *f, RempartSubscription *sub);
GPtrArray *list_subs (Fixture *f);
RempartSubscription *find_sub (GPtrArray *subs, const char *url);

/* The window's template child @name, asserted to exist. */
GObject *child (Fixture *f, const char *name);
GObject *page_child (RempartPreferencesAddPage *page, const char *name);

/* Adds every AdwActionRow below @widget to @rows, depth first. */
void collect_rows (GtkWidget *widget, GPtrArray *rows);
AdwActionRow *find_row (Fixture *f, const char *title);
GtkButton *find_button (GtkWidget *widget);

/* Predicates for rempart_ui_test_iterate_until(): @data is a RowQuery, or a gint64 *. */
gboolean row_is_listed (gpointer data);
gboolean row_is_gone (gpointer data);
gboolean int64_is_set (gpointer data);

G_END_DECLS
