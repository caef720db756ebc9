/* rempart-stats.c: participation numbers, computed from the store's events
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rempart-stats.h"

/*
 * Everything is computed once, in rempart_stats_new(), from the events as the store lists
 * them; the object is then immutable. Days are local calendar days (GDate Julian day numbers
 * in the given GTimeZone), never 86,400-second slices, so that a reply at 23:30 and one at
 * 00:30 fall on two days on a DST change as on any other.
 */

struct _RempartStats
{
  GObject parent_instance;

  GTimeZone *tz;
  guint today;               /* Julian day of "now" */
  GHashTable *days;          /* Julian day -> DayCounts */
  guint totals[4];           /* by flag bit: opened, joined, posted, dismissed */
  RempartStatsShare *topics; /* [REMPART_TOPIC_OTHER + 1] */
  GHashTable *groups;        /* url -> RempartStatsShare */
  guint current_streak;
  guint longest_streak;
};

G_DEFINE_FINAL_TYPE (RempartStats, rempart_stats, G_TYPE_OBJECT)

typedef struct
{
  guint posted;
  guint joined;
} DayCounts;

/* -------------------------------------------------------------------------------------- */
/* Helpers                                                                                */
/* -------------------------------------------------------------------------------------- */

static guint
julian_day (GTimeZone *tz, gint64 at)
{
  g_autoptr (GDateTime) utc = g_date_time_new_from_unix_utc (at);
  g_autoptr (GDateTime) local = NULL;
  g_autoptr (GDate) date = NULL;
  int y, m, d;

  if (utc == NULL)
    return 0;
  local = g_date_time_to_timezone (utc, tz);
  g_date_time_get_ymd (local, &y, &m, &d);
  date = g_date_new_dmy (d, m, y);
  return g_date_get_julian (date);
}

static gint64
julian_to_unix (GTimeZone *tz, guint julian)
{
  g_autoptr (GDate) date = g_date_new_julian (julian);
  g_autoptr (GDateTime) midnight = g_date_time_new (
      tz, g_date_get_year (date), g_date_get_month (date), g_date_get_day (date), 0, 0, 0);

  return g_date_time_to_unix (midnight);
}

static int
flag_index (RempartActionState kind)
{
  switch (kind)
    {
      case REMPART_ACTION_STATE_OPENED:
        return 0;
      case REMPART_ACTION_STATE_JOINED:
        return 1;
      case REMPART_ACTION_STATE_POSTED:
        return 2;
      case REMPART_ACTION_STATE_DISMISSED:
        return 3;
      case REMPART_ACTION_STATE_NONE:
      default:
        return -1;
    }
}

/* The period a day belongs to, as a number that grows by one from a period to the next, and
 * the Julian day it starts on. */
static guint
period_key (RempartStatsPeriod period, guint julian, guint *out_first_day)
{
  g_autoptr (GDate) date = g_date_new_julian (julian);
  guint first;
  guint key;

  switch (period)
    {
      case REMPART_STATS_WEEK:
        first = julian - (g_date_get_weekday (date) - G_DATE_MONDAY);
        key = first / 7;
        break;
      case REMPART_STATS_MONTH:
        key = g_date_get_year (date) * 12 + g_date_get_month (date) - 1;
        first = julian - (g_date_get_day (date) - 1);
        break;
      case REMPART_STATS_DAY:
      default:
        key = first = julian;
        break;
    }
  if (out_first_day != NULL)
    *out_first_day = first;
  return key;
}

static void
count (RempartStatsShare *share, RempartActionState kind)
{
  if (kind == REMPART_ACTION_STATE_POSTED)
    share->posted++;
  else if (kind == REMPART_ACTION_STATE_JOINED)
    share->joined++;
}

static int
compare_days (gconstpointer a, gconstpointer b)
{
  guint x = *(const guint *) a;
  guint y = *(const guint *) b;

  return (x > y) - (x < y);
}

static void
compute_streaks (RempartStats *self)
{
  g_autoptr (GArray) posted_days = g_array_new (FALSE, FALSE, sizeof (guint));
  GHashTableIter iter;
  gpointer key, value;
  guint run = 0;

  g_hash_table_iter_init (&iter, self->days);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (((DayCounts *) value)->posted > 0)
      g_array_append_val (posted_days, (guint){ GPOINTER_TO_UINT (key) });
  g_array_sort (posted_days, compare_days);

  for (guint i = 0; i < posted_days->len; i++)
    {
      guint day = g_array_index (posted_days, guint, i);

      if (i > 0 && g_array_index (posted_days, guint, i - 1) + 1 == day)
        run++;
      else
        run = 1;
      self->longest_streak = MAX (self->longest_streak, run);

      /* Today without a reply yet does not break a streak that reached yesterday. */
      if (day == self->today || day + 1 == self->today)
        self->current_streak = run;
    }
}

static int
compare_shares (gconstpointer a, gconstpointer b)
{
  const RempartStatsShare *x = *(RempartStatsShare *const *) a;
  const RempartStatsShare *y = *(RempartStatsShare *const *) b;

  if (x->posted != y->posted)
    return x->posted > y->posted ? -1 : 1;
  if (x->joined != y->joined)
    return x->joined > y->joined ? -1 : 1;
  if (x->title != NULL || y->title != NULL)
    return g_utf8_collate (x->title != NULL ? x->title : "", y->title != NULL ? y->title : "");
  return (int) x->topic - (int) y->topic;
}

static RempartStatsShare *
share_copy (const RempartStatsShare *share)
{
  RempartStatsShare *copy = g_memdup2 (share, sizeof *share);

  copy->subscription_url = g_strdup (share->subscription_url);
  copy->title = g_strdup (share->title);
  return copy;
}

/* -------------------------------------------------------------------------------------- */
/* Overrides                                                                              */
/* -------------------------------------------------------------------------------------- */

static void
rempart_stats_finalize (GObject *object)
{
  RempartStats *self = REMPART_STATS (object);

  g_clear_pointer (&self->tz, g_time_zone_unref);
  g_clear_pointer (&self->days, g_hash_table_unref);
  g_clear_pointer (&self->groups, g_hash_table_unref);
  g_clear_pointer (&self->topics, g_free);

  G_OBJECT_CLASS (rempart_stats_parent_class)->finalize (object);
}

static void
rempart_stats_class_init (RempartStatsClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rempart_stats_finalize;
}

static void
rempart_stats_init (RempartStats *self)
{
  self->days = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  self->groups = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                        (GDestroyNotify) rempart_stats_share_free);
  self->topics = g_new0 (RempartStatsShare, REMPART_TOPIC_OTHER + 1);
  for (guint i = 0; i <= REMPART_TOPIC_OTHER; i++)
    self->topics[i].topic = i;
}

/* -------------------------------------------------------------------------------------- */
/* Public API                                                                             */
/* -------------------------------------------------------------------------------------- */

void
rempart_stats_share_free (RempartStatsShare *share)
{
  if (share == NULL)
    return;
  g_free (share->subscription_url);
  g_free (share->title);
  g_free (share);
}

RempartStats *
rempart_stats_new (GPtrArray *events, GTimeZone *tz, gint64 now)
{
  RempartStats *self;

  g_return_val_if_fail (events != NULL, NULL);
  g_return_val_if_fail (tz != NULL, NULL);

  self = g_object_new (REMPART_TYPE_STATS, NULL);
  self->tz = g_time_zone_ref (tz);
  self->today = julian_day (tz, now);

  for (guint i = 0; i < events->len; i++)
    {
      const RempartParticipationEvent *ev = g_ptr_array_index (events, i);
      int index = flag_index (ev->kind);
      guint day = julian_day (tz, ev->at);
      DayCounts *counts;
      RempartStatsShare *group;

      if (index < 0 || day == 0)
        continue;
      self->totals[index]++;

      if (ev->kind != REMPART_ACTION_STATE_POSTED && ev->kind != REMPART_ACTION_STATE_JOINED)
        continue;

      counts = g_hash_table_lookup (self->days, GUINT_TO_POINTER (day));
      if (counts == NULL)
        {
          counts = g_new0 (DayCounts, 1);
          g_hash_table_insert (self->days, GUINT_TO_POINTER (day), counts);
        }
      if (ev->kind == REMPART_ACTION_STATE_POSTED)
        counts->posted++;
      else
        counts->joined++;

      count (&self->topics[ev->topic <= REMPART_TOPIC_OTHER ? ev->topic : REMPART_TOPIC_NONE],
             ev->kind);

      group = g_hash_table_lookup (self->groups, ev->subscription_url);
      if (group == NULL)
        {
          group = g_new0 (RempartStatsShare, 1);
          group->subscription_url = g_strdup (ev->subscription_url);
          g_hash_table_insert (self->groups, group->subscription_url, group);
        }
      /* The newest title wins; a removed group keeps the one it had, or its address. */
      if (ev->group_title != NULL && ev->group_title[0] != '\0')
        {
          g_free (group->title);
          group->title = g_strdup (ev->group_title);
        }
      else if (group->title == NULL)
        group->title = g_strdup (ev->subscription_url);
      count (group, ev->kind);
    }

  compute_streaks (self);
  return self;
}

guint
rempart_stats_get_total (RempartStats *self, RempartActionState kind)
{
  int index = flag_index (kind);

  g_return_val_if_fail (REMPART_IS_STATS (self), 0);
  g_return_val_if_fail (index >= 0, 0);

  return self->totals[index];
}

guint
rempart_stats_get_today (RempartStats *self, RempartActionState kind)
{
  DayCounts *counts;

  g_return_val_if_fail (REMPART_IS_STATS (self), 0);
  g_return_val_if_fail (kind == REMPART_ACTION_STATE_POSTED || kind == REMPART_ACTION_STATE_JOINED,
                        0);

  counts = g_hash_table_lookup (self->days, GUINT_TO_POINTER (self->today));
  if (counts == NULL)
    return 0;
  return kind == REMPART_ACTION_STATE_POSTED ? counts->posted : counts->joined;
}

guint
rempart_stats_get_current_streak (RempartStats *self)
{
  g_return_val_if_fail (REMPART_IS_STATS (self), 0);

  return self->current_streak;
}

guint
rempart_stats_get_longest_streak (RempartStats *self)
{
  g_return_val_if_fail (REMPART_IS_STATS (self), 0);

  return self->longest_streak;
}

GArray *
rempart_stats_get_series (RempartStats *self, RempartStatsPeriod period, guint count)
{
  GArray *series;
  guint now_key, now_first;
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (REMPART_IS_STATS (self), NULL);
  g_return_val_if_fail (count > 0, NULL);

  series = g_array_sized_new (FALSE, TRUE, sizeof (RempartStatsBucket), count);
  g_array_set_size (series, count);

  /* Each bucket's start, walking back one period at a time from the one of today. */
  now_key = period_key (period, self->today, &now_first);
  for (guint i = count, first = now_first; i > 0; i--)
    {
      g_array_index (series, RempartStatsBucket, i - 1).start = julian_to_unix (self->tz, first);
      /* The day before this period's first belongs to the previous period. */
      if (first > 1)
        period_key (period, first - 1, &first);
    }

  g_hash_table_iter_init (&iter, self->days);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      guint day_key = period_key (period, GPOINTER_TO_UINT (key), NULL);
      const DayCounts *counts = value;
      RempartStatsBucket *bucket;

      if (day_key > now_key || now_key - day_key >= count)
        continue;
      bucket = &g_array_index (series, RempartStatsBucket, count - 1 - (now_key - day_key));
      bucket->posted += counts->posted;
      bucket->joined += counts->joined;
    }

  return series;
}

GPtrArray *
rempart_stats_get_by_topic (RempartStats *self)
{
  GPtrArray *list;

  g_return_val_if_fail (REMPART_IS_STATS (self), NULL);

  list = g_ptr_array_new_with_free_func ((GDestroyNotify) rempart_stats_share_free);
  for (guint i = 0; i <= REMPART_TOPIC_OTHER; i++)
    if (self->topics[i].posted > 0 || self->topics[i].joined > 0)
      g_ptr_array_add (list, share_copy (&self->topics[i]));
  g_ptr_array_sort (list, compare_shares);
  return list;
}

GPtrArray *
rempart_stats_get_by_group (RempartStats *self)
{
  GPtrArray *list;
  GHashTableIter iter;
  gpointer value;

  g_return_val_if_fail (REMPART_IS_STATS (self), NULL);

  list = g_ptr_array_new_with_free_func ((GDestroyNotify) rempart_stats_share_free);
  g_hash_table_iter_init (&iter, self->groups);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (list, share_copy (value));
  g_ptr_array_sort (list, compare_shares);
  return list;
}
