/* rempart-stats.h: participation numbers, computed from the store's events
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "rempart-store.h"

G_BEGIN_DECLS

typedef enum
{
  REMPART_STATS_DAY,
  REMPART_STATS_WEEK, /* ISO weeks: Monday to Sunday */
  REMPART_STATS_MONTH,
} RempartStatsPeriod;

/* One day, week or month of a series: its first second and what was done in it. */
typedef struct
{
  gint64 start; /* Unix seconds of local midnight on its first day */
  guint posted; /* replies marked as posted */
  guint joined; /* actions joined */
} RempartStatsBucket;

/* What was done on one topic or in one group. For a group, @subscription_url and @title (the
 * group's title, or its address once it was removed); for a topic, @topic. */
typedef struct
{
  RempartTopic topic;
  char *subscription_url;
  char *title;
  guint posted;
  guint joined;
} RempartStatsShare;

void rempart_stats_share_free (RempartStatsShare *share);

#define REMPART_TYPE_STATS (rempart_stats_get_type ())
G_DECLARE_FINAL_TYPE (RempartStats, rempart_stats, REMPART, STATS, GObject)

/*
 * rempart_stats_new:
 * @events: (element-type RempartParticipationEvent): from rempart_store_list_events_*()
 * @tz: the time zone whose days count (the local one in the app; tests pass others)
 * @now: Unix seconds: what "today" is
 *
 * Days run from local midnight to local midnight in @tz, whatever their length (23 or 25
 * hours on a DST change). A streak is a run of consecutive days with at least one reply
 * posted; the current one still counts until the end of the day after its last reply.
 */
RempartStats *rempart_stats_new (GPtrArray *events, GTimeZone *tz, gint64 now);

guint rempart_stats_get_total (RempartStats *self, RempartActionState kind);
/* Events of @kind on the day of "now". */
guint rempart_stats_get_today (RempartStats *self, RempartActionState kind);
guint rempart_stats_get_current_streak (RempartStats *self);
guint rempart_stats_get_longest_streak (RempartStats *self);

/* Returns: (element-type RempartStatsBucket): the @count periods up to the one of "now",
 * oldest first, empty periods included */
GArray *rempart_stats_get_series (RempartStats *self, RempartStatsPeriod period, guint count);

/* Returns: (element-type RempartStatsShare): most replies first, then most joined */
GPtrArray *rempart_stats_get_by_topic (RempartStats *self);
GPtrArray *rempart_stats_get_by_group (RempartStats *self);

G_END_DECLS
