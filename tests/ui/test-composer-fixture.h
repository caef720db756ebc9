/* test-composer-fixture.h: what the composer's test programs share
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rempart-action-item.h"
#include "rempart-composer-private.h"
#include "rempart-composer.h"
#include "rempart-page-test.h"

G_BEGIN_DECLS

#define INSULT_TEXT "#jesuislà Tu es un connard."
#define KIND_TEXT                                                                                 \
  "#jesuislà Derrière ce sujet, il y a des familles qui vivent ici depuis longtemps. Merci de " \
  "prendre le temps de lire leurs témoignages avant de juger."

/* A composer on the example feed's migrants action, in a window, its reads done. */
typedef struct
{
  RempartStore *store;
  RempartSubscription *sub;
  RempartActionItem *item;
  RempartFeedInfo *info;
  RempartComposer *composer;
  GtkWindow *window;
} Fixture;

void fixture_set_up (Fixture *fixture, gconstpointer user_data);
void fixture_tear_down (Fixture *fixture, gconstpointer user_data);

/* A predicate for rempart_ui_test_iterate_until(): @data is the composer. */
gboolean composer_is_ready (gpointer data);

/* A second composer on the fixture's item (with @cache unless NULL) in a window of its own. */
RempartComposer *composer_new (Fixture *fixture, RempartPackCache *cache, GtkWindow **out_window);

/* The composer's template child @name, asserted to be a widget. */
GtkWidget *child (RempartComposer *composer, const char *name);

/* The list of hints, inside the composer's RempartToneHints. */
GtkWidget *hints_list (RempartComposer *composer);

GtkTextBuffer *buffer (RempartComposer *composer);

/* Types as a person would: through the buffer the text view shows. */
void type_text (RempartComposer *composer, const char *text);

/* A predicate: the last check of the composer @data found something. */
gboolean has_hints (gpointer data);

gboolean has_tag_at (GtkTextBuffer *b, const char *tag_name, int offset);

/* The migrants action, and its draft, straight from the store. */
RempartStoredAction *stored (Fixture *fixture);
RempartDraft *stored_draft (Fixture *fixture);

/* A signal handler that counts. */
void on_signal (RempartComposer *composer, guint *count);

G_END_DECLS
