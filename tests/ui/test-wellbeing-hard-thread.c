/* test-wellbeing-hard-thread.c: After a Hard Thread, from an action page, for a German locale
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "rempart-action-page.h"
#include "rempart-hard-thread-window.h"
#include "rempart-page-test.h"
#include "rempart-ui-test.h"

/*
 * The program runs with LANGUAGE=de_DE (set in main, before GLib reads it): the page opened
 * from an action page with the keyboard shows Germany's lines first, open, with their
 * numbers, and the other countries one click away, all of it in German (po/de.po, through
 * REMPART_LOCALEDIR); Escape closes it. A second request raises
 * the same window. Saved as PNGs in light and dark.
 */

typedef struct
{
  RempartStore *store;
  RempartSubscription *sub;
  RempartActionItem *item;
  RempartFeedInfo *info;
  GtkWindow *window;
  RempartActionPage *page;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer user_data)
{
  rempart_page_test_open_example (&f->store, &f->sub, &f->item, &f->info);
  f->page = g_object_new (REMPART_TYPE_ACTION_PAGE, NULL);
  f->window = rempart_page_test_window_new (GTK_WIDGET (f->page), 640, 760);
  rempart_action_page_set_item (f->page, f->store, f->item, f->info);
}

static void
fixture_tear_down (Fixture *f, gconstpointer user_data)
{
  GList *windows;

  while ((windows = gtk_application_get_windows (GTK_APPLICATION (g_application_get_default ()))) !=
         NULL)
    gtk_window_destroy (windows->data);
  rempart_ui_test_iterate_a_little ();
  rempart_page_test_set_dark (FALSE);
  rempart_page_test_close_example (&f->store, &f->sub, &f->item, &f->info);
}

static RempartHardThreadWindow *
find_window (void)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (g_application_get_default ()));
       l != NULL; l = l->next)
    if (REMPART_IS_HARD_THREAD_WINDOW (l->data))
      return l->data;

  return NULL;
}

static gboolean
window_shown (gpointer data)
{
  RempartHardThreadWindow *window = find_window ();

  return window != NULL && gtk_widget_get_mapped (GTK_WIDGET (window)) &&
         rempart_hard_thread_window_is_loaded (window);
}

static gboolean
window_gone (gpointer data)
{
  return find_window () == NULL;
}

/* Every label under @widget, depth first, joined by newlines. */
static void
collect_text (GtkWidget *widget, GString *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_is_drawable (widget))
    g_string_append_printf (text, "%s\n", gtk_label_get_text (GTK_LABEL (widget)));

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_text (child, text);
}

static void
save_png (GtkWidget *widget, const char *name)
{
  g_assert_true (rempart_ui_test_iterate_until (rempart_ui_test_widget_is_drawn, widget));
  rempart_ui_test_iterate_a_little ();
  rempart_ui_test_snapshot_png (widget, name, 0);
}

static void
test_from_action_page (Fixture *f, gconstpointer user_data)
{
  GtkWidget *button = NULL;
  GtkWidget *focus = NULL;
  RempartHardThreadWindow *window;
  g_autoptr (GString) text = g_string_new (NULL);

  /* Tab down the page to the button, then Space. */
  for (guint i = 0; i < 60 && button == NULL; i++)
    {
      focus = rempart_ui_test_tab (GTK_WIDGET (f->page), FALSE);
      if (GTK_IS_BUTTON (focus) &&
          g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (focus)),
                     "page.after-hard-thread") == 0)
        button = focus;
    }
  g_assert_nonnull (button);
  g_assert_true (rempart_ui_test_press_key (button, GDK_KEY_space, 0));
  g_assert_true (rempart_ui_test_iterate_until (window_shown, NULL));
  window = find_window ();

  /* LANGUAGE=de_DE: Germany first, open, with both TelefonSeelsorge numbers, in German. */
  g_assert_cmpstr (rempart_hard_thread_window_get_first_country (window), ==, "DE");
  collect_text (GTK_WIDGET (window), text);
  g_test_message ("%s", text->str);
  g_assert_nonnull (strstr (text->str, "Hilfe-Hotlines: Deutschland"));
  g_assert_nonnull (strstr (text->str, "0800 111 0 111"));
  g_assert_nonnull (strstr (text->str, "0800 111 0 222"));
  g_assert_nonnull (strstr (text->str, "Tag und Nacht, jeden Tag"));
  /* The others are there, closed: their names show, not their numbers. */
  g_assert_nonnull (strstr (text->str, "Frankreich"));
  g_assert_nonnull (strstr (text->str, "Schweden"));
  g_assert_null (strstr (text->str, "3114"));

  rempart_ui_test_save_pngs (GTK_WINDOW (window), "wellbeing-hard-thread", 560, 760, save_png);

  /* Asked again, the same window comes up. */
  g_assert_true (rempart_hard_thread_window_present (GTK_WIDGET (f->page)) == window);

  /* Escape closes it. */
  g_assert_true (rempart_ui_test_press_key (GTK_WIDGET (window), GDK_KEY_Escape, 0));
  g_assert_true (rempart_ui_test_iterate_until (window_gone, NULL));
}

int
main (int argc, char *argv[])
{
  /* Before GLib reads the environment for g_get_language_names(). */
  g_setenv ("LANGUAGE", "de_DE", TRUE);
  rempart_page_test_init (&argc, &argv, "wellbeing-hard-thread");
  g_object_set (gtk_settings_get_default (), "gtk-decoration-layout", "appmenu:close", NULL);

  g_test_add ("/wellbeing/hard-thread/from-action-page", Fixture, NULL, fixture_set_up,
              test_from_action_page, fixture_tear_down);

  return rempart_page_test_run ();
}
