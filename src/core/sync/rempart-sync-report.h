/* rempart-sync-report.h: what one refresh did to one subscription
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "rempart-store.h"

G_BEGIN_DECLS

/**
 * RempartSyncOutcome:
 * @REMPART_SYNC_OUTCOME_UPDATED: a new copy of the feed was imported
 * @REMPART_SYNC_OUTCOME_NOT_MODIFIED: the server said the copy we have is current (304)
 * @REMPART_SYNC_OUTCOME_SKIPPED_OFFLINE: not tried: the computer is offline; nothing saved
 * @REMPART_SYNC_OUTCOME_SKIPPED_BACKOFF: not tried: the server's Retry-After has not passed,
 *   or (automatic refresh only) the backoff after failures has not; nothing saved
 * @REMPART_SYNC_OUTCOME_SKIPPED_ENDED: not tried: the feed is gone (410) and the refresh was
 *   automatic; nothing saved
 * @REMPART_SYNC_OUTCOME_RETRY_LATER: the server answered 429 or 503 with (or without) a
 *   Retry-After, which is now saved
 * @REMPART_SYNC_OUTCOME_GONE: the server answered 410: the subscription is now ended
 * @REMPART_SYNC_OUTCOME_FAILED: the network, the server or the local store failed
 * @REMPART_SYNC_OUTCOME_BAD_SIGNATURE: the subscription has a pinned key and the signature is
 *   missing or does not verify (or the pinned key itself cannot be read)
 * @REMPART_SYNC_OUTCOME_ROLLBACK: a verified feed carries a lower `_rempart.seq` than the
 *   one already imported
 * @REMPART_SYNC_OUTCOME_REJECTED: the feed parser refused the feed
 *
 * In every outcome but UPDATED the actions already stored are left as they were.
 */
typedef enum
{
  REMPART_SYNC_OUTCOME_UPDATED,
  REMPART_SYNC_OUTCOME_NOT_MODIFIED,
  REMPART_SYNC_OUTCOME_SKIPPED_OFFLINE,
  REMPART_SYNC_OUTCOME_SKIPPED_BACKOFF,
  REMPART_SYNC_OUTCOME_SKIPPED_ENDED,
  REMPART_SYNC_OUTCOME_RETRY_LATER,
  REMPART_SYNC_OUTCOME_GONE,
  REMPART_SYNC_OUTCOME_FAILED,
  REMPART_SYNC_OUTCOME_BAD_SIGNATURE,
  REMPART_SYNC_OUTCOME_ROLLBACK,
  REMPART_SYNC_OUTCOME_REJECTED,
} RempartSyncOutcome;

#define REMPART_TYPE_SYNC_OUTCOME (rempart_sync_outcome_get_type ())
GType rempart_sync_outcome_get_type (void) G_GNUC_CONST;
const char *rempart_sync_outcome_to_string (RempartSyncOutcome outcome);

/**
 * RempartSyncReport:
 * @subscription_id: the subscription this report is about
 * @outcome: what happened
 * @message: a sentence or two for the volunteer, translated: what happened and what Rempart
 *   or they will do next; never %NULL
 * @stats: what the import changed (all zero unless @outcome is UPDATED)
 * @stale: the stored data is past the feed's `_rempart.expires`
 * @is_signed: the stored data was verified with the subscription's pinned key
 * @next_attempt: Unix seconds before which no automatic refresh will try again, 0 when the
 *   next periodic refresh may
 *
 * Plain struct, boxed.
 */
typedef struct
{
  gint64 subscription_id;
  RempartSyncOutcome outcome;
  char *message;
  RempartImportStats stats;
  gboolean stale;
  gboolean is_signed;
  gint64 next_attempt;
} RempartSyncReport;

#define REMPART_TYPE_SYNC_REPORT (rempart_sync_report_get_type ())
GType rempart_sync_report_get_type (void) G_GNUC_CONST;
RempartSyncReport *rempart_sync_report_new (gint64 subscription_id);
RempartSyncReport *rempart_sync_report_copy (const RempartSyncReport *report);
void rempart_sync_report_free (RempartSyncReport *report);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RempartSyncReport, rempart_sync_report_free)

G_END_DECLS
