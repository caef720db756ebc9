/* rempart-composer-fold.c
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rempart-composer-private.h"

/*
 * Where the brief goes. AdwFlap folds on its own only when the reply and the brief no longer
 * fit at their minimum widths, which left a 1280 px window (the action list beside) a reply
 * about 255 px wide. The composer decides instead: below REMPART_COMPOSER_FOLD_WIDTH of its
 * own width the brief folds away, one tap on Brief (or a swipe) from the reply. Folded, the
 * composer asks only for the wider of the two, so a phone's 360 px still holds it.
 */

#define REMPART_COMPOSER_FOLD_WIDTH 900

static void (*parent_measure) (GtkWidget *, GtkOrientation, int, int *, int *, int *, int *);
static void (*parent_size_allocate) (GtkWidget *, int, int, int);

static AdwFlap *
get_flap (GtkWidget *composer)
{
  GtkWidget *child = gtk_widget_get_first_child (composer);

  return ADW_IS_FLAP (child) ? ADW_FLAP (child) : NULL;
}

static int
minimum_width (GtkWidget *widget)
{
  int minimum = 0;

  if (widget != NULL && gtk_widget_get_visible (widget))
    gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  return minimum;
}

static void
composer_measure (GtkWidget *widget,
                  GtkOrientation orientation,
                  int for_size,
                  int *minimum,
                  int *natural,
                  int *minimum_baseline,
                  int *natural_baseline)
{
  AdwFlap *flap = get_flap (widget);

  parent_measure (widget, orientation, for_size, minimum, natural, minimum_baseline,
                  natural_baseline);
  if (orientation == GTK_ORIENTATION_HORIZONTAL && flap != NULL)
    {
      /* What the folded flap needs, whatever it is now: the allocation decides. */
      *minimum = MAX (minimum_width (adw_flap_get_content (flap)),
                      minimum_width (adw_flap_get_flap (flap)));
      *natural = MAX (*natural, *minimum);
    }
}

static void
composer_size_allocate (GtkWidget *widget, int width, int height, int baseline)
{
  AdwFlap *flap = get_flap (widget);

  if (flap != NULL)
    {
      int side_by_side = minimum_width (adw_flap_get_content (flap)) +
                         minimum_width (adw_flap_get_flap (flap)) +
                         minimum_width (adw_flap_get_separator (flap));
      AdwFlapFoldPolicy policy = width < MAX (REMPART_COMPOSER_FOLD_WIDTH, side_by_side)
                                     ? ADW_FLAP_FOLD_POLICY_ALWAYS
                                     : ADW_FLAP_FOLD_POLICY_NEVER;

      if (adw_flap_get_fold_policy (flap) != policy)
        adw_flap_set_fold_policy (flap, policy);
    }
  parent_size_allocate (widget, width, height, baseline);
}

void
rempart_composer_fold_class_init (GtkWidgetClass *widget_class)
{
  GtkWidgetClass *parent_class = g_type_class_peek (ADW_TYPE_BIN);

  parent_measure = parent_class->measure;
  parent_size_allocate = parent_class->size_allocate;
  widget_class->measure = composer_measure;
  widget_class->size_allocate = composer_size_allocate;
}
