/* rempart-application-private.h: what the files of RempartApplication share
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rempart-application.h"
#include "rempart-fetcher.h"
#include "rempart-first-frame.h"
#include "rempart-store.h"
#include "rempart-sync.h"
#include "rempart-wellbeing.h"
#include "rempart-window.h"

G_BEGIN_DECLS

struct _RempartApplication
{
  AdwApplication parent_instance;

  GSettings *settings;

  /* The volunteer's database, opened off the main loop at the first activation. */
  RempartStore *store;
  GCancellable *cancellable;
  gboolean store_opening;
  /* Opened before the new main window's first frame: handed over after it (store_ready()). */
  RempartStore *store_waiting;
  RempartFirstFrame *first_frame; /* (nullable) the wait for the new main window's first frame */

  /* Background checks of the group feeds, once the store is open. */
  RempartFetcher *fetcher;
  RempartSync *sync;
  guint reload_source;

  /* Join links opened before the store was open: shown once it is. */
  GPtrArray *join_pending;

  /* Breaks (src/ui/wellbeing). */
  RempartWellbeing *wellbeing;
};

RempartWindow *rempart_application_get_main_window (RempartApplication *self);
void rempart_application_reload_windows (RempartApplication *self);
/* What a check the volunteer asked for found, in a toast. */
void rempart_application_show_refresh_result (RempartApplication *self, GPtrArray *reports);

/* rempart-application-examples.c */
void rempart_application_subscriptions_checked_cb (GObject *source,
                                                   GAsyncResult *result,
                                                   gpointer user_data);

G_END_DECLS
