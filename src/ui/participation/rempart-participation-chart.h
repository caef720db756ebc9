/* rempart-participation-chart.h: replies posted and actions joined, as bars
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rempart-stats.h"

G_BEGIN_DECLS

#define REMPART_TYPE_PARTICIPATION_CHART (rempart_participation_chart_get_type ())
G_DECLARE_FINAL_TYPE (RempartParticipationChart,
                      rempart_participation_chart,
                      REMPART,
                      PARTICIPATION_CHART,
                      GtkWidget)

GtkWidget *rempart_participation_chart_new (void);

/* @series: (element-type RempartStatsBucket) (nullable): from rempart_stats_get_series() */
void rempart_participation_chart_set_series (RempartParticipationChart *self,
                                             GArray *series,
                                             RempartStatsPeriod period);

/* Returns: the text alternative: each period and its numbers, as the accessible description */
const char *rempart_participation_chart_get_text (RempartParticipationChart *self);

G_END_DECLS
