/* test-window-icons.c: the main window's first frames draw no icon from SVG
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "rempart-action-model.h"
#include "rempart-application.h"
#include "rempart-page-test.h"
#include "rempart-test-dirs.h"
#include "rempart-ui-test.h"
#include "rempart-window.h"

/*
 * GTK draws an SVG icon through gdk-pixbuf's SVG loader, which maps librsvg (about 8 MiB of
 * peak memory and 20 ms of CPU at start, docs/performance.md). The spinner and the detail
 * pane's app icon are symbolic PNGs made at build time (data/meson.build, drawn by
 * style.css), and Adwaita has its 16 px symbolic icons as PNGs: this test starts the real
 * application on a store that already holds a group's actions (the start of every day but
 * the first), waits until its list and its "No Action Selected" page are drawn, and asserts
 * that no librsvg is mapped in the process.
 */

/* Returns: (transfer full) (nullable): the path of the first librsvg mapped in the process */
static char *
mapped_librsvg (void)
{
  g_autofree char *maps = NULL;
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) lines = NULL;

  g_file_get_contents ("/proc/self/maps", &maps, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (maps, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *path = strchr (lines[i], '/');

      if (path != NULL && strstr (path, "librsvg") != NULL)
        return g_strdup (path);
    }

  return NULL;
}

/* Whether the icon theme in use draws its small symbolic icons from pre-rendered
 * .symbolic.png files (Debian's and the GNOME runtime's Adwaita do); with a theme that has
 * them as SVG only, GTK maps librsvg for the header bar's buttons whatever we ship. */
static gboolean
theme_has_symbolic_pngs (char **theme_name)
{
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());
  g_autoptr (GtkIconPaintable) icon = NULL;
  g_autoptr (GFile) file = NULL;
  g_autofree char *path = NULL;

  *theme_name = gtk_icon_theme_get_theme_name (theme);
  icon =
      gtk_icon_theme_lookup_icon (theme, "open-menu-symbolic", NULL, 16, 1, GTK_TEXT_DIR_NONE, 0);
  file = gtk_icon_paintable_get_file (icon);
  path = file != NULL ? g_file_get_path (file) : NULL;

  return path != NULL && g_str_has_suffix (path, ".symbolic.png");
}

static gboolean
list_is_shown (gpointer data)
{
  RempartWindow *window = data;
  RempartActionModel *model = rempart_window_get_model (window);
  GObject *list_view =
      gtk_widget_get_template_child (GTK_WIDGET (window), REMPART_TYPE_WINDOW, "list_view");

  return !rempart_action_model_get_loading (model) &&
         g_list_model_get_n_items (G_LIST_MODEL (model)) > 0 &&
         rempart_ui_test_widget_is_drawn (list_view);
}

/* Returns: (transfer none) (nullable): the status page below @widget with @css_class */
static GtkWidget *
find_status_page (GtkWidget *widget, const char *css_class)
{
  if (ADW_IS_STATUS_PAGE (widget) && gtk_widget_has_css_class (widget, css_class))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_status_page (child, css_class);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* A store holding the example feed's actions, where the application looks for it. */
static void
make_store (const char *data_home)
{
  g_autofree char *dir = g_build_filename (data_home, "rempart", NULL);
  g_autofree char *db = g_build_filename (dir, "rempart.db", NULL);
  g_autofree char *feed_path = g_build_filename (g_getenv ("REMPART_SOURCE_ROOT"), "tests", "unit",
                                                 "feeds", "example.json", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (RempartStore) store = NULL;
  g_autoptr (RempartSubscription) sub = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GString) text = NULL;
  char *contents = NULL;
  gsize length;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_file_get_contents (feed_path, &contents, &length, &error);
  g_assert_no_error (error);
  /* Its actions ended in May 2026: in the To Do list they must not have. */
  text = g_string_new_len (contents, length);
  g_free (contents);
  g_string_replace (text, "\"expires\": \"2026-", "\"expires\": \"2099-", 0);
  bytes = g_string_free_to_bytes (g_steal_pointer (&text));
  store = rempart_store_open_sync (db, NULL, &error);
  g_assert_no_error (error);
  sub = rempart_page_test_import_feed (store, "https://example.org/rempart/feed.json", bytes);
  rempart_store_close (store);
}

static void
test_window_first_frames_draw_no_svg (void)
{
  g_autoptr (RempartApplication) app = NULL;
  g_autofree char *theme_name = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *spinner_svg = NULL;
  GtkWidget *spinner_window;
  GtkWidget *spinner;
  GtkWindow *window;
  GtkWidget *none_page;

  if (!theme_has_symbolic_pngs (&theme_name))
    {
      g_autofree char *reason = g_strdup_printf (
          "the icon theme \"%s\" has no pre-rendered .symbolic.png icons: its own SVGs load "
          "librsvg",
          theme_name);

      g_test_skip (reason);
      return;
    }

  before = mapped_librsvg ();
  if (before != NULL)
    g_test_fail_printf ("librsvg is mapped before the window is built: %s", before);

  make_store (g_getenv ("XDG_DATA_HOME"));
  app = rempart_ui_test_application_new ();
  g_application_activate (G_APPLICATION (app));
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_true (REMPART_IS_WINDOW (window));

  /* The loading page first (its spinner), then the list and, beside it, the detail pane's
   * "No Action Selected" with the app's icon at 128 px. */
  g_assert_true (rempart_ui_test_iterate_until (list_is_shown, window));
  none_page = find_status_page (GTK_WIDGET (window), "rempart-no-action");
  g_assert_nonnull (none_page);
  g_assert_true (rempart_ui_test_iterate_until (rempart_ui_test_widget_is_drawn, none_page));
  /* A few frames more: icons are loaded in GTK's threads as they are looked up. */
  rempart_ui_test_iterate_a_little ();

  after = mapped_librsvg ();
  if (after != NULL)
    g_test_fail_printf ("librsvg is mapped after the main window's first frames: %s (an icon "
                        "drawn from SVG; make it a symbolic PNG in data/meson.build)",
                        after);

  /* A spinner as the application shows them (checking a group, publishing, joining), in
   * light and dark: drawn from Rempart's own PNG, not Adwaita's SVG. */
  spinner_window = gtk_window_new ();
  gtk_window_set_application (GTK_WINDOW (spinner_window), GTK_APPLICATION (app));
  spinner = gtk_spinner_new ();
  gtk_spinner_start (GTK_SPINNER (spinner));
  gtk_widget_set_size_request (spinner, 32, 32);
  gtk_window_set_child (GTK_WINDOW (spinner_window), spinner);
  gtk_window_present (GTK_WINDOW (spinner_window));
  g_assert_true (rempart_ui_test_iterate_until (rempart_ui_test_widget_is_drawn, spinner));
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_DARK);
  rempart_ui_test_iterate_a_little ();
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
  rempart_ui_test_iterate_a_little ();

  spinner_svg = mapped_librsvg ();
  if (spinner_svg != NULL)
    g_test_fail_printf ("librsvg is mapped once a spinner is drawn: %s (src/ui/style.css draws "
                        "Rempart's own spinner)",
                        spinner_svg);

  gtk_window_destroy (GTK_WINDOW (spinner_window));
  gtk_window_destroy (window);
  rempart_ui_test_application_shutdown (app);
}

int
main (int argc, char *argv[])
{
  g_autofree char *data_home = NULL;
  int ret;

  data_home = rempart_ui_test_make_data_home ("ui-window-icons");
  /* No network: the store made by the test is what the list shows. */
  g_setenv ("REMPART_NO_SYNC", "1", TRUE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/window-icons/first-frames-draw-no-svg", test_window_first_frames_draw_no_svg);

  ret = g_test_run ();
  rempart_test_dir_remove (data_home);

  return ret;
}
