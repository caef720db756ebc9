/* bench-yardstick.c: the floor the start-up benchmark compares Rempart with
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <stdlib.h>

#include "bench-frames.h"

/*
 * A bare AdwApplicationWindow holding a GtkListView of N plain GtkLabels: what any
 * libadwaita application with a list of N rows pays. Prints the same lines as bench-startup
 * (first frame, list shown, peak memory), then quits. Run by run.py, side by side with it.
 *
 *   bench-yardstick N
 */

static guint n_rows = 10000;

static void
setup_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_list_item_set_child (item, label);
}

static void
bind_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer user_data)
{
  GtkStringObject *string = gtk_list_item_get_item (item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)),
                      gtk_string_object_get_string (string));
}

static void
shown_cb (GtkWindow *window, gpointer user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static void
activate_cb (GApplication *app, gpointer user_data)
{
  g_autoptr (GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkStringList *strings = gtk_string_list_new (NULL);
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *list;

  for (guint i = 0; i < n_rows; i++)
    {
      char text[64];

      g_snprintf (text, sizeof text, "Fil n°%u", i);
      gtk_string_list_append (strings, text);
    }

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), NULL);
  list = gtk_list_view_new (GTK_SELECTION_MODEL (gtk_single_selection_new (G_LIST_MODEL (strings))),
                            g_object_ref (factory));
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), scrolled);
  gtk_window_set_default_size (GTK_WINDOW (window), 960, 680); /* Rempart's default */

  bench_watch_window (GTK_WINDOW (window), shown_cb, app);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int argc, char *argv[])
{
  g_autoptr (AdwApplication) app = NULL;

  bench_t0 ();
  if (argc > 1)
    n_rows = (guint) atoi (argv[1]);

  app = adw_application_new ("io.github.rempart.Rempart.BenchYardstick", G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), NULL);
  return g_application_run (G_APPLICATION (app), 1, argv);
}
