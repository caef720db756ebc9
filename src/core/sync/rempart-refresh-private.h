/* rempart-refresh-private.h: what the files of RempartRefresh share
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rempart-feed-parser.h"
#include "rempart-refresh.h"

G_BEGIN_DECLS

/*
 * RempartRefresh is written in four files: rempart-refresh.c (the GObject, the run: list,
 * fetch, import or save), rempart-refresh-body.c (a 200's body: its scan beside the known
 * hashes, its parse, the start of its import), rempart-refresh-outcome.c (the
 * per-subscription bookkeeping and the messages of the reports) and rempart-refresh-keys.c
 * (key rotation). The first two call the last two, never the other way round. Outside the
 * refresh, nothing includes this header.
 */

/* The state of one run, the GTask's task data. */
typedef struct
{
  gint64 subscription_id;
  gboolean manual;

  GPtrArray *subs;
  guint index;
  GPtrArray *reports;

  /* The subscription being refreshed: @sub as read, then with its new bookkeeping;
   * @imported as it will be saved by an import. */
  gint64 now;
  RempartSubscription *sub;
  RempartSubscription *imported;
  RempartSyncReport *report;
  /* The 200 being parsed in a worker thread (parse_cb). */
  RempartFetchResult *fetched;
  /* Before its parse, two steps at the same time (body_step_done()): the store reads the
   * hashes of the items it holds (@known) while a worker thread scans the body (@scan). For a
   * signed feed they start as soon as the body is whole (@stepped_body), while the fetcher
   * checks its signature, and the fetch's result waits for them in @fetch_result. */
  guint body_steps;
  GHashTable *known;
  RempartFeedScan *scan;
  GError *body_error; /* the first step's cancellation */
  GBytes *stepped_body;
  GAsyncResult *fetch_result;
} RefreshData;

/* "14:05" today, "05/03/26 14:05" (the locale's date) another day. */
char *rempart_refresh_format_time (gint64 now_seconds, gint64 when);
/* @text ending with a full stop unless it ends a sentence already. */
char *rempart_refresh_as_sentence (const char *text);
/* How a subscription is named in messages: its feed's title once known. */
const char *rempart_refresh_display_name (const RempartSubscription *sub);
/* A sentence for the end of a message when the data is past its expiry. */
char *rempart_refresh_stale_note (const RempartSubscription *sub, gint64 now_seconds);

void rempart_refresh_report_set (RefreshData *data,
                                 RempartSyncOutcome outcome,
                                 char *message /* transfer full */);
void rempart_refresh_report_describe_data (RefreshData *data, const RempartSubscription *saved);
void rempart_refresh_add_report (RefreshData *data);

void rempart_refresh_record_failure (RefreshData *data,
                                     RempartSyncOutcome outcome,
                                     const char *what_happened);
void rempart_refresh_record_success (RempartSubscription *sub, gint64 now_seconds);

char *rempart_refresh_updated_message (RefreshData *data, const RempartImportStats *stats);
gboolean rempart_refresh_skip_reason (RefreshData *data, gboolean online);

/* rempart-refresh-keys.c: key rotation. */
gboolean rempart_refresh_rotate_keys (const RempartSubscription *sub,
                                      RempartSubscription *imported,
                                      RempartFetchResult *fetched,
                                      RempartFeed *feed);

struct _RempartRefresh
{
  GObject parent_instance;

  RempartStore *store;
  RempartFetcher *fetcher;
  GNetworkMonitor *monitor;

  RempartSyncClockFunc now_func;
  gpointer now_data;
};

/* rempart-refresh.c: what the body's steps go on with. */
void rempart_refresh_return (GTask *task, GPtrArray *reports, GError *error);
void rempart_refresh_save_bookkeeping (GTask *task);
void rempart_refresh_import_cb (GObject *object, GAsyncResult *result, gpointer user_data);
void rempart_refresh_fetch_done (GTask *task, GAsyncResult *result);

/* rempart-refresh-body.c: a 200's body, its scan and the known hashes, then its parse. */
void rempart_refresh_body_arrived (GBytes *body, const char *final_url, gpointer user_data);
void rempart_refresh_handle_body (GTask *task, RempartFetchResult *fetched);
void rempart_refresh_drop_body_steps (RefreshData *data);

G_END_DECLS
