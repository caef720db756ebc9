/* rempart-sync-report.c
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rempart-sync-report.h"

G_DEFINE_ENUM_TYPE (RempartSyncOutcome,
                    rempart_sync_outcome,
                    G_DEFINE_ENUM_VALUE (REMPART_SYNC_OUTCOME_UPDATED, "updated"),
                    G_DEFINE_ENUM_VALUE (REMPART_SYNC_OUTCOME_NOT_MODIFIED, "not-modified"),
                    G_DEFINE_ENUM_VALUE (REMPART_SYNC_OUTCOME_SKIPPED_OFFLINE, "skipped-offline"),
                    G_DEFINE_ENUM_VALUE (REMPART_SYNC_OUTCOME_SKIPPED_BACKOFF, "skipped-backoff"),
                    G_DEFINE_ENUM_VALUE (REMPART_SYNC_OUTCOME_SKIPPED_ENDED, "skipped-ended"),
                    G_DEFINE_ENUM_VALUE (REMPART_SYNC_OUTCOME_RETRY_LATER, "retry-later"),
                    G_DEFINE_ENUM_VALUE (REMPART_SYNC_OUTCOME_GONE, "gone"),
                    G_DEFINE_ENUM_VALUE (REMPART_SYNC_OUTCOME_FAILED, "failed"),
                    G_DEFINE_ENUM_VALUE (REMPART_SYNC_OUTCOME_BAD_SIGNATURE, "bad-signature"),
                    G_DEFINE_ENUM_VALUE (REMPART_SYNC_OUTCOME_ROLLBACK, "rollback"),
                    G_DEFINE_ENUM_VALUE (REMPART_SYNC_OUTCOME_REJECTED, "rejected"))

G_DEFINE_BOXED_TYPE (RempartSyncReport,
                     rempart_sync_report,
                     rempart_sync_report_copy,
                     rempart_sync_report_free)

/* The enum's nick, for logs and tests; never shown to a volunteer (report->message is). */
const char *
rempart_sync_outcome_to_string (RempartSyncOutcome outcome)
{
  GEnumClass *klass = g_type_class_ref (REMPART_TYPE_SYNC_OUTCOME);
  GEnumValue *value = g_enum_get_value (klass, outcome);

  g_type_class_unref (klass);
  return value != NULL ? value->value_nick : "unknown";
}

RempartSyncReport *
rempart_sync_report_new (gint64 subscription_id)
{
  RempartSyncReport *report = g_new0 (RempartSyncReport, 1);

  report->subscription_id = subscription_id;
  report->outcome = REMPART_SYNC_OUTCOME_FAILED;
  report->message = g_strdup ("");
  return report;
}

RempartSyncReport *
rempart_sync_report_copy (const RempartSyncReport *report)
{
  RempartSyncReport *copy;

  g_return_val_if_fail (report != NULL, NULL);

  copy = g_memdup2 (report, sizeof *report);
  copy->message = g_strdup (report->message);
  return copy;
}

void
rempart_sync_report_free (RempartSyncReport *report)
{
  if (report == NULL)
    return;

  g_free (report->message);
  g_free (report);
}
