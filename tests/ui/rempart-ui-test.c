/* rempart-ui-test.c
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rempart-test-dirs.h"
#include "rempart-ui-test.h"

gboolean
rempart_ui_test_iterate_until_timeout (gboolean (*done) (gpointer data),
                                       gpointer data,
                                       guint seconds)
{
  gint64 deadline = g_get_monotonic_time () + seconds * G_USEC_PER_SEC;

  while (!done (data))
    {
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }

  return TRUE;
}

gboolean
rempart_ui_test_iterate_until (gboolean (*done) (gpointer data), gpointer data)
{
  return rempart_ui_test_iterate_until_timeout (done, data, 5);
}

void
rempart_ui_test_iterate_for (guint ms)
{
  gint64 deadline = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < deadline)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

void
rempart_ui_test_iterate_a_little (void)
{
  for (guint i = 0; i < 50; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
}

gboolean
rempart_ui_test_widget_is_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (GTK_WIDGET (widget));
}

gboolean
rempart_ui_test_widget_is_drawn (gpointer widget)
{
  return gtk_widget_get_mapped (widget) && gtk_widget_get_width (widget) > 0 &&
         gtk_widget_get_height (widget) > 0;
}

void
rempart_ui_test_snapshot_png (GtkWidget *widget, const char *name, int min_width)
{
  g_autoptr (GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr (GskRenderNode) node = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  GskRenderer *renderer;

  /* Right after a resize or a theme change the widget may not have drawn its new frame yet,
   * and then it has no render node: give the frame clock a few turns (two seconds at most). */
  for (guint attempt = 0; node == NULL && attempt < 200; attempt++)
    {
      g_autoptr (GtkSnapshot) snapshot = gtk_snapshot_new ();

      gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (widget),
                              gtk_widget_get_height (widget));
      node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
      if (node == NULL)
        {
          g_main_context_iteration (NULL, FALSE);
          g_usleep (10000);
        }
    }
  g_assert_nonnull (node);

  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  texture = gsk_renderer_render_texture (renderer, node, NULL);
  if (min_width > 0)
    g_assert_cmpint (gdk_texture_get_width (texture), >=, min_width);

  path = g_test_build_filename (G_TEST_BUILT, name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("saved %s", path);
}

void
rempart_ui_test_save_pngs (GtkWindow *window,
                           const char *name,
                           int width,
                           int height,
                           void (*save) (GtkWidget *widget, const char *name))
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  g_autofree char *light = g_strdup_printf ("%s.png", name);
  g_autofree char *dark = g_strdup_printf ("%s-dark.png", name);
  g_autofree char *narrow = g_strdup_printf ("%s-360.png", name);
  int minimum;

  save (GTK_WIDGET (window), light);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  save (GTK_WIDGET (window), dark);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);

  /* The window's content, not the frame GTK draws around it without a compositor (Xvfb):
   * on a phone the window fills the 360 px screen. */
  gtk_window_set_default_size (window, 360, height);
  rempart_ui_test_iterate_a_little ();
  save (GTK_WIDGET (window), narrow);
  gtk_widget_measure (gtk_widget_get_first_child (GTK_WIDGET (window)), GTK_ORIENTATION_HORIZONTAL,
                      -1, &minimum, NULL, NULL, NULL);
  g_assert_cmpint (minimum, <=, 360);
  gtk_window_set_default_size (window, width, height);
}

AdwMessageDialog *
rempart_ui_test_find_message_dialog (void)
{
  g_autoptr (GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

gboolean
rempart_ui_test_message_dialog_is_shown (gpointer data)
{
  return rempart_ui_test_find_message_dialog () != NULL;
}

GtkWidget *
rempart_ui_test_find_button (GtkWidget *widget, const char *tooltip)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (c) && g_strcmp0 (gtk_widget_get_tooltip_text (c), tooltip) == 0)
        return c;
      if ((found = rempart_ui_test_find_button (c, tooltip)) != NULL)
        return found;
    }
  return NULL;
}

char *
rempart_ui_test_make_data_home (const char *name)
{
  char *data_home = rempart_test_dir_new (name);

  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  return data_home;
}

RempartApplication *
rempart_ui_test_application_new (void)
{
  g_autoptr (GError) error = NULL;
  RempartApplication *application = rempart_application_new ();

  /* Several test programs share one session bus: do not fight over the name. */
  g_application_set_flags (G_APPLICATION (application), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (application), NULL, &error);
  g_assert_no_error (error);

  return application;
}

RempartFeed *
rempart_ui_test_load_example (void)
{
  g_autofree char *path =
      g_test_build_filename (G_TEST_DIST, "unit", "feeds", "example.json", NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *data = NULL;
  g_autoptr (GBytes) bytes = NULL;
  gsize length;
  RempartFeed *feed;

  g_file_get_contents (path, &data, &length, &error);
  g_assert_no_error (error);
  bytes = g_bytes_new_take (g_steal_pointer (&data), length);
  feed = rempart_feed_parse (bytes, "example.json", &error);
  g_assert_no_error (error);
  return feed;
}
