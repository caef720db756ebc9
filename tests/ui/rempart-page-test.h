/* rempart-page-test.h: the set-up the action page and composer tests share
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rempart-action-item.h"
#include "rempart-action-model.h"
#include "rempart-store.h"
#include "rempart-ui-test.h"

G_BEGIN_DECLS

#define EXAMPLE_FEED_URL "https://example.org/jesuisla/feed.json"
#define MIGRANTS_ID      "2026-05-02-migrants-chiffres"
#define MIGRANTS_THREAD  "https://www.facebook.com/example.news/posts/1234567890"

/* A private data dir, the source tree's tone and template packs, gettext, GTK and libadwaita;
 * @name names the data dir. */
void rempart_page_test_init (int *argc, char ***argv, const char *name);

/* Registers the program's one application, catches the URIs the pages open, and runs the
 * tests. */
int rempart_page_test_run (void);

/* The URIs the pages "opened" since rempart_page_test_open_example(). */
gboolean rempart_page_test_was_launched (const char *uri);
guint rempart_page_test_n_launched (void);

/* Opens a new store file with the example feed imported, as a sync would, and gives its
 * migrants action. */
void rempart_page_test_open_example (RempartStore **out_store,
                                     RempartSubscription **out_sub,
                                     RempartActionItem **out_item,
                                     RempartFeedInfo **out_info);

/* Frees what rempart_page_test_open_example() gave, closing the store. */
void rempart_page_test_close_example (RempartStore **store,
                                      RempartSubscription **sub,
                                      RempartActionItem **item,
                                      RempartFeedInfo **info);

/* Adds a subscription and imports @bytes into it, as a sync would. */
RempartSubscription *
rempart_page_test_import_feed (RempartStore *store, const char *url, GBytes *bytes);

/* Returns: (transfer full): the stored action @id of @url, straight from the store */
RempartStoredAction *
rempart_page_test_find_stored (RempartStore *store, const char *url, const char *id);

RempartFeedInfo *rempart_page_test_get_info (RempartStore *store, gint64 subscription_id);

/* Presents @child in a window with a toast overlay, as in the real window, so that errors
 * have somewhere to go. */
GtkWindow *rempart_page_test_window_new (GtkWidget *child, int width, int height);

/* Waits for @widget to be drawn and to settle, then saves it as @name. */
void rempart_page_test_save_png (GtkWidget *widget, const char *name);

/* Narrows @window to a phone's 360 px, checks that it fits and saves it as @png. */
void rempart_page_test_check_narrow (GtkWindow *window, const char *png);

void rempart_page_test_set_dark (gboolean dark);

/* A group of @n actions s0..s{n-1} at ROWS_URL, titled "Row N", whose briefs say
 * "Brief sN@variant" and arguments "Argument sN"; imported (again, with @seq) as a sync
 * would. */
#define ROWS_URL "https://example.org/rows/feed.json"
void rempart_page_test_import_rows (RempartStore *store, gint64 seq, guint n, const char *variant);

/* Returns: (transfer full): every action of @store, listed as a window lists them (items
 * that hold only the list's fields), once loaded */
RempartActionModel *rempart_page_test_rows_model (RempartStore *store);

/* Returns: (transfer none): the item of ROWS_URL's @id in @model, which holds only the list's
 * fields */
RempartActionItem *rempart_page_test_row_item (RempartActionModel *model, const char *id);

G_END_DECLS
