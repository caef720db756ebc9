/* rempart-export.h: the volunteer's participation and replies, to CSV or JSON
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rempart-store.h"

G_BEGIN_DECLS

typedef enum
{
  REMPART_EXPORT_CSV,
  REMPART_EXPORT_JSON,
} RempartExportFormat;

/* "opened", "joined", "posted", "set-aside": the `kind` column; NULL for anything else. */
const char *rempart_export_kind_to_string (RempartActionState kind);

/*
 * rempart_export_build:
 * @events: (element-type RempartParticipationEvent): oldest first
 * @replies: (element-type RempartPostedReply): their text goes with their "posted" event
 *
 * One row per event: date (ISO 8601, UTC), kind, group, group_url, action_id, action, topic
 * (the feed's keyword, empty when none) and reply (the text, on "posted" rows). CSV is
 * RFC 4180 (CRLF, every field quoted, UTF-8); JSON is
 * {"format": "rempart-participation", "version": 1, "events": [{...}]} with the same names.
 * src/core/stats/README.md describes both.
 */
GBytes *rempart_export_build (GPtrArray *events, GPtrArray *replies, RempartExportFormat format);

/* Reads the store and writes @file (replacing it). */
void rempart_export_write_async (RempartStore *store,
                                 GFile *file,
                                 RempartExportFormat format,
                                 GCancellable *cancellable,
                                 GAsyncReadyCallback callback,
                                 gpointer user_data);
gboolean rempart_export_write_finish (GAsyncResult *result, GError **error);

G_END_DECLS
