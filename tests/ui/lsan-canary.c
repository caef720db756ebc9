/* lsan-canary.c: leaks on purpose, so that check-lsan-canary.sh can prove that the
 * LeakSanitizer suppressions (tests/lsan.supp) hide no leak of ours (issue 15, item 9)
 *
 * Built only in sanitizer builds, never installed, never a test on its own. It shows a window
 * and loses, each from a function of its own that the check looks for in the report:
 * a string (canary_leak_string), a plain GObject (canary_leak_object), and render nodes
 * made while GTK paints a frame (canary_widget_snapshot: the frame clock, GDK, GTK and GSK
 * on the stack, as for the nodes GTK 4.8 loses itself). If a suppression ever matches one of
 * those paths, the check fails. (A sunk GtkLabel is no canary: GTK 4.8 keeps it reachable,
 * so LeakSanitizer never calls it a leak.)
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gtk/gtk.h>

#define CANARY_FRAMES 3

#define CANARY_TYPE_WIDGET (canary_widget_get_type ())
G_DECLARE_FINAL_TYPE (CanaryWidget, canary_widget, CANARY, WIDGET, GtkWidget)

struct _CanaryWidget
{
  GtkWidget parent_instance;
  guint frames;
};

G_DEFINE_FINAL_TYPE (CanaryWidget, canary_widget, GTK_TYPE_WIDGET)

/* Each frame: a node appended with one reference too many, which nobody will ever drop. */
static G_GNUC_NO_INLINE void
canary_widget_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  CanaryWidget *self = CANARY_WIDGET (widget);
  GdkRGBA colour = { 0.8, 0.1, 0.1, 1.0 };
  GskRenderNode *node;

  node = gsk_color_node_new (&colour, &GRAPHENE_RECT_INIT (0, 0, 32, 32));
  gtk_snapshot_append_node (snapshot, gsk_render_node_ref (node));
  gsk_render_node_unref (node);
  node = NULL;
  self->frames++;
}

static void
canary_widget_measure (GtkWidget *widget,
                       GtkOrientation orientation,
                       int for_size,
                       int *minimum,
                       int *natural,
                       int *minimum_baseline,
                       int *natural_baseline)
{
  *minimum = *natural = 32;
}

static void
canary_widget_class_init (CanaryWidgetClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->snapshot = canary_widget_snapshot;
  widget_class->measure = canary_widget_measure;
}

static void
canary_widget_init (CanaryWidget *self)
{
}

static G_GNUC_NO_INLINE void
canary_leak_string (void)
{
  volatile char *lost = g_strdup_printf ("canary string %d", g_random_int_range (0, 100));

  g_assert_nonnull ((char *) lost);
  lost = NULL;
}

static G_GNUC_NO_INLINE void
canary_leak_object (void)
{
  volatile GObject *lost = g_object_new (G_TYPE_OBJECT, NULL);

  g_assert_nonnull ((GObject *) lost);
  lost = NULL;
}

static gboolean
tick_cb (GtkWidget *widget, GdkFrameClock *clock, gpointer data)
{
  CanaryWidget *canary = CANARY_WIDGET (widget);

  if (canary->frames >= CANARY_FRAMES)
    return G_SOURCE_REMOVE;
  gtk_widget_queue_draw (widget);
  return G_SOURCE_CONTINUE;
}

int
main (void)
{
  GtkWindow *window;
  CanaryWidget *canary;
  gint64 deadline;
  guint frames;

  gtk_init ();
  canary_leak_string ();
  canary_leak_object ();

  window = GTK_WINDOW (gtk_window_new ());
  canary = g_object_new (CANARY_TYPE_WIDGET, NULL);
  gtk_window_set_child (window, GTK_WIDGET (canary));
  gtk_widget_add_tick_callback (GTK_WIDGET (canary), tick_cb, NULL, NULL);
  gtk_window_present (window);

  /* Bounded: 60 s at most, for a slow sanitizer run. */
  deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  while (canary->frames < CANARY_FRAMES && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  frames = canary->frames;
  g_print ("canary: %u frames drawn\n", frames);

  gtk_window_destroy (window);
  for (guint i = 0; i < 100 && g_main_context_pending (NULL); i++)
    g_main_context_iteration (NULL, FALSE);
  return frames >= CANARY_FRAMES ? 0 : 1;
}
