/* rempart-participation-chart.c: replies posted and actions joined, as bars
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "rempart-participation-chart.h"

/*
 * Drawn with GtkSnapshot in the theme's own colours, looked up by name on every snapshot
 * (accent_bg_color for replies, the same at a lower opacity for actions joined, the
 * foreground colour for text and the baseline), so light, dark and high contrast follow the
 * style manager without a colour in this file. In high contrast the bars get an outline.
 * Screen readers get the numbers as the accessible description: a bar chart is an image.
 */

struct _RempartParticipationChart
{
  GtkWidget parent_instance;

  GArray *series; /* RempartStatsBucket */
  RempartStatsPeriod period;
  char *text;
};

G_DEFINE_FINAL_TYPE (RempartParticipationChart, rempart_participation_chart, GTK_TYPE_WIDGET)

#define LABEL_HEIGHT 22
#define TOP_MARGIN   20
#define PADDING      12

/* -------------------------------------------------------------------------------------- */
/* Helpers                                                                                */
/* -------------------------------------------------------------------------------------- */

static GDateTime *
bucket_date (const RempartStatsBucket *bucket)
{
  g_autoptr (GDateTime) utc = g_date_time_new_from_unix_utc (bucket->start);

  /* Noon of the first day in local time: the bucket's date whatever the offset. */
  return g_date_time_add_hours (utc, 12);
}

static char *
short_label (RempartStatsPeriod period, const RempartStatsBucket *bucket)
{
  g_autoptr (GDateTime) utc = bucket_date (bucket);
  g_autoptr (GDateTime) date = g_date_time_to_local (utc);

  switch (period)
    {
      case REMPART_STATS_MONTH:
        /* Translators: a month under a bar of the chart, strftime format */
        return g_date_time_format (date, C_ ("chart month", "%b"));
      case REMPART_STATS_WEEK:
      case REMPART_STATS_DAY:
      default:
        /* Translators: a day under a bar of the chart, strftime format */
        return g_date_time_format (date, C_ ("chart day", "%-d"));
    }
}

static char *
long_label (RempartStatsPeriod period, const RempartStatsBucket *bucket)
{
  g_autoptr (GDateTime) utc = bucket_date (bucket);
  g_autoptr (GDateTime) date = g_date_time_to_local (utc);

  switch (period)
    {
      case REMPART_STATS_MONTH:
        /* Translators: a month in the chart's text alternative, strftime format */
        return g_date_time_format (date, C_ ("chart month", "%B %Y"));
      case REMPART_STATS_WEEK:
        /* Translators: a week in the chart's text alternative, strftime format */
        return g_date_time_format (date, C_ ("chart week", "Week of %-d %B"));
      case REMPART_STATS_DAY:
      default:
        /* Translators: a day in the chart's text alternative, strftime format */
        return g_date_time_format (date, C_ ("chart day", "%A %-d %B"));
    }
}

static void
update_text (RempartParticipationChart *self)
{
  g_autoptr (GString) text = g_string_new (NULL);

  for (guint i = 0; self->series != NULL && i < self->series->len; i++)
    {
      const RempartStatsBucket *bucket = &g_array_index (self->series, RempartStatsBucket, i);
      g_autofree char *when = long_label (self->period, bucket);
      g_autofree char *posted = NULL;
      g_autofree char *joined = NULL;

      posted = g_strdup_printf (
          g_dngettext (NULL, "%'u reply posted", "%'u replies posted", bucket->posted),
          bucket->posted);
      joined = g_strdup_printf (
          g_dngettext (NULL, "%'u action joined", "%'u actions joined", bucket->joined),
          bucket->joined);
      if (text->len > 0)
        g_string_append (text, "; ");
      /* Translators: one period of the chart's text alternative: "Monday 4 May: 2 replies
       * posted, 3 actions joined" */
      g_string_append_printf (text, _ ("%s: %s, %s"), g_strstrip (when), posted, joined);
    }

  g_free (self->text);
  self->text = g_string_free (g_steal_pointer (&text), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  self->text, -1);
}

static void
lookup_color (GtkWidget *widget, const char *name, const char *fallback, GdkRGBA *color)
{
  GtkStyleContext *context = gtk_widget_get_style_context (widget);

  if (!gtk_style_context_lookup_color (context, name, color) &&
      !gtk_style_context_lookup_color (context, fallback, color))
    gtk_style_context_get_color (context, color);
}

static void
append_outline (GtkSnapshot *snapshot, const graphene_rect_t *rect, const GdkRGBA *color)
{
  GskRoundedRect rounded;
  const float widths[4] = { 1, 1, 1, 1 };
  const GdkRGBA colors[4] = { *color, *color, *color, *color };

  gsk_rounded_rect_init_from_rect (&rounded, rect, 0);
  gtk_snapshot_append_border (snapshot, &rounded, widths, colors);
}

static void
style_changed_cb (AdwStyleManager *manager, GParamSpec *pspec, gpointer user_data)
{
  gtk_widget_queue_draw (GTK_WIDGET (user_data));
}

/* -------------------------------------------------------------------------------------- */
/* Overrides                                                                              */
/* -------------------------------------------------------------------------------------- */

static void
rempart_participation_chart_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  RempartParticipationChart *self = REMPART_PARTICIPATION_CHART (widget);
  int width = gtk_widget_get_width (widget) - 2 * PADDING;
  int height = gtk_widget_get_height (widget) - 2 * PADDING;
  gboolean high_contrast = adw_style_manager_get_high_contrast (adw_style_manager_get_default ());
  GdkRGBA accent, fg, joined, line;
  guint max = 1;
  float slot, bar, plot_height;
  guint label_every;

  if (self->series == NULL || self->series->len == 0 || width <= 0 || height <= 0)
    return;

  /* Inside the card's padding. */
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (PADDING, PADDING));
  lookup_color (widget, "accent_bg_color", "accent_color", &accent);
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  joined = accent;
  joined.alpha *= 0.3f;
  line = fg;
  line.alpha *= high_contrast ? 1.0f : 0.3f;

  for (guint i = 0; i < self->series->len; i++)
    {
      const RempartStatsBucket *b = &g_array_index (self->series, RempartStatsBucket, i);

      max = MAX (max, MAX (b->posted, b->joined));
    }

  slot = (float) width / self->series->len;
  bar = MAX (2.0f, slot * 0.6f);
  plot_height = MAX (1, height - LABEL_HEIGHT - TOP_MARGIN);
  /* Leave room for each label: about 28 px each. */
  label_every = MAX (1, (guint) ceilf (28.0f / slot));

  for (guint i = 0; i < self->series->len; i++)
    {
      const RempartStatsBucket *b = &g_array_index (self->series, RempartStatsBucket, i);
      float x = i * slot + (slot - bar) / 2;
      float base = TOP_MARGIN + plot_height;
      float joined_h = plot_height * b->joined / max;
      float posted_h = plot_height * b->posted / max;
      graphene_rect_t rect;

      /* Actions joined behind, wider; replies posted in front. */
      rect = GRAPHENE_RECT_INIT (x, base - joined_h, bar, joined_h);
      gtk_snapshot_append_color (snapshot, &joined, &rect);
      if (high_contrast && joined_h > 0)
        append_outline (snapshot, &rect, &fg);
      rect = GRAPHENE_RECT_INIT (x + bar * 0.2f, base - posted_h, bar * 0.6f, posted_h);
      gtk_snapshot_append_color (snapshot, &accent, &rect);
      if (high_contrast && posted_h > 0)
        append_outline (snapshot, &rect, &fg);

      if ((self->series->len - 1 - i) % label_every == 0)
        {
          g_autofree char *text = short_label (self->period, b);
          PangoLayout *layout = gtk_widget_create_pango_layout (widget, g_strstrip (text));
          int lw, lh;

          pango_layout_get_pixel_size (layout, &lw, &lh);
          gtk_snapshot_save (snapshot);
          gtk_snapshot_translate (snapshot,
                                  &GRAPHENE_POINT_INIT (i * slot + (slot - lw) / 2, base + 4));
          gtk_snapshot_append_layout (snapshot, layout, &fg);
          gtk_snapshot_restore (snapshot);
          g_object_unref (layout);
        }
    }

  /* The baseline, and the top of the scale. */
  gtk_snapshot_append_color (snapshot, &line,
                             &GRAPHENE_RECT_INIT (0, TOP_MARGIN + plot_height, width, 1));
  {
    g_autofree char *top = g_strdup_printf ("%u", max);
    PangoLayout *layout = gtk_widget_create_pango_layout (widget, top);

    gtk_snapshot_append_layout (snapshot, layout, &fg);
    g_object_unref (layout);
  }
  gtk_snapshot_restore (snapshot);
}

static void
rempart_participation_chart_measure (GtkWidget *widget,
                                     GtkOrientation orientation,
                                     int for_size,
                                     int *minimum,
                                     int *natural,
                                     int *minimum_baseline,
                                     int *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 120;
      *natural = 480;
    }
  else
    {
      *minimum = 120;
      *natural = 200;
    }
}

static void
rempart_participation_chart_dispose (GObject *object)
{
  RempartParticipationChart *self = REMPART_PARTICIPATION_CHART (object);

  g_clear_pointer (&self->series, g_array_unref);
  g_clear_pointer (&self->text, g_free);

  G_OBJECT_CLASS (rempart_participation_chart_parent_class)->dispose (object);
}

static void
rempart_participation_chart_class_init (RempartParticipationChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rempart_participation_chart_dispose;
  widget_class->snapshot = rempart_participation_chart_snapshot;
  widget_class->measure = rempart_participation_chart_measure;

  gtk_widget_class_set_css_name (widget_class, "participation-chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
rempart_participation_chart_init (RempartParticipationChart *self)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  /* Translators: screen-reader name of the bar chart of the
                                   * volunteer’s participation */
                                  _ ("Participation chart"), -1);
  g_signal_connect_object (manager, "notify::dark", G_CALLBACK (style_changed_cb), self, 0);
  g_signal_connect_object (manager, "notify::high-contrast", G_CALLBACK (style_changed_cb), self,
                           0);
  update_text (self);
}

/* -------------------------------------------------------------------------------------- */
/* Public API                                                                             */
/* -------------------------------------------------------------------------------------- */

GtkWidget *
rempart_participation_chart_new (void)
{
  return g_object_new (REMPART_TYPE_PARTICIPATION_CHART, NULL);
}

void
rempart_participation_chart_set_series (RempartParticipationChart *self,
                                        GArray *series,
                                        RempartStatsPeriod period)
{
  g_return_if_fail (REMPART_IS_PARTICIPATION_CHART (self));

  g_clear_pointer (&self->series, g_array_unref);
  if (series != NULL)
    self->series = g_array_ref (series);
  self->period = period;
  update_text (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

const char *
rempart_participation_chart_get_text (RempartParticipationChart *self)
{
  g_return_val_if_fail (REMPART_IS_PARTICIPATION_CHART (self), NULL);

  return self->text;
}
