/* test-wellbeing.c: Preferences → Wellbeing, the daily limit's stop screen and the break banner
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "rempart-page-test.h"
#include "rempart-preferences-window.h"
#include "rempart-ui-test.h"
#include "rempart-wellbeing-page.h"
#include "rempart-wellbeing.h"
#include "rempart-window.h"

/*
 * On a real store file with the example feed: the Wellbeing page is worked from the keyboard
 * (switches, spin buttons, the content warning's radio rows moved from General); the main
 * window covers its content with the stop screen once the day's joined actions reach the
 * limit, not before, and Continue Anyway (from the keyboard) gives the list back for the day;
 * the break banner comes after the chosen time with a window focused, and not without.
 */

#define OTHER_ID "2026-05-02-marche-des-fiertes"

typedef struct
{
  RempartStore *store;
  RempartSubscription *sub;
  RempartActionItem *item;
  RempartFeedInfo *info;
  GSettings *settings;
  GtkWindow *window;
} Fixture;

/* -------------------------------------------------------------------------------------- */
/* Helpers                                                                                */
/* -------------------------------------------------------------------------------------- */

static GtkApplication *
app (void)
{
  return GTK_APPLICATION (g_application_get_default ());
}

static void
fixture_set_up (Fixture *f, gconstpointer user_data)
{
  rempart_page_test_open_example (&f->store, &f->sub, &f->item, &f->info);
  f->settings = g_settings_new (APPLICATION_ID);
}

static void
fixture_tear_down (Fixture *f, gconstpointer user_data)
{
  GList *windows;

  while ((windows = gtk_application_get_windows (app ())) != NULL)
    gtk_window_destroy (windows->data);
  g_clear_pointer (&f->window, gtk_window_destroy);
  rempart_ui_test_iterate_a_little ();

  for (const char *const *key =
           (const char *const[]){ "daily-limit-enabled", "daily-limit", "break-reminder-enabled",
                                  "break-minutes", "excerpt-display", NULL };
       *key != NULL; key++)
    g_settings_reset (f->settings, *key);
  g_clear_object (&f->settings);
  rempart_page_test_set_dark (FALSE);
  rempart_page_test_close_example (&f->store, &f->sub, &f->item, &f->info);
}

static GObject *
page_child (RempartWellbeingPage *page, const char *name)
{
  GObject *object =
      gtk_widget_get_template_child (GTK_WIDGET (page), REMPART_TYPE_WELLBEING_PAGE, name);

  g_assert_nonnull (object);
  return object;
}

/* Tabs from the current focus until @target (or, with @inside, a widget in it) has it, at
 * most 40 times. */
static void
tab_to_full (GtkWidget *target, gboolean inside)
{
  for (guint i = 0; i < 40; i++)
    {
      GtkWidget *focus = rempart_ui_test_tab (target, FALSE);

      if (focus == target || (inside && focus != NULL && rempart_ui_test_is_inside (focus, target)))
        return;
    }

  g_error ("Tab never reached %s", G_OBJECT_TYPE_NAME (target));
}

static void
tab_to (GtkWidget *target)
{
  tab_to_full (target, FALSE);
}

static void
tab_into (GtkWidget *target)
{
  tab_to_full (target, TRUE);
}

static gboolean
switch_on (gpointer widget)
{
  return gtk_switch_get_active (widget);
}

static GtkWidget *
focus_of (GtkWidget *widget)
{
  return gtk_root_get_focus (gtk_widget_get_root (widget));
}

static void
save_png (GtkWidget *widget, const char *name)
{
  g_assert_true (rempart_ui_test_iterate_until (rempart_ui_test_widget_is_drawn, widget));
  rempart_ui_test_iterate_a_little ();
  rempart_ui_test_snapshot_png (widget, name, 0);
}

static void
join (Fixture *f, const char *id)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (rempart_store_add_action_state_sync (f->store, EXAMPLE_FEED_URL, id,
                                                      REMPART_ACTION_STATE_JOINED, &error));
  g_assert_no_error (error);
}

static gboolean
counted (gpointer screen)
{
  return !rempart_limit_screen_is_counting (screen);
}

static gboolean
screen_hidden (gpointer screen)
{
  return !rempart_limit_screen_get_shown (screen);
}

static RempartLimitScreen *
open_window (Fixture *f)
{
  RempartWindow *window = rempart_window_new (app (), f->store, f->settings);
  RempartLimitScreen *screen = rempart_window_get_limit_screen (window);

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (rempart_ui_test_iterate_until (rempart_ui_test_widget_is_mapped, window));
  g_assert_true (rempart_ui_test_iterate_until (counted, screen));

  return screen;
}

/* -------------------------------------------------------------------------------------- */
/* The page                                                                               */
/* -------------------------------------------------------------------------------------- */

static void
test_page_keyboard (Fixture *f, gconstpointer user_data)
{
  RempartPreferencesWindow *prefs = rempart_preferences_window_new (NULL, f->store, f->settings);
  RempartWellbeingPage *page = NULL;
  GtkWidget *limit_switch, *limit_spin, *limit_row, *break_switch, *break_spin, *hide;
  GtkWidget *limit_switch_row, *break_row, *hide_row;

  f->window = GTK_WINDOW (prefs);
  gtk_window_present (f->window);
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (prefs), "wellbeing");
  page = REMPART_WELLBEING_PAGE (
      adw_preferences_window_get_visible_page (ADW_PREFERENCES_WINDOW (prefs)));
  g_assert_true (REMPART_IS_WELLBEING_PAGE (page));
  g_assert_true (rempart_ui_test_iterate_until (rempart_ui_test_widget_is_mapped, page));

  limit_switch = GTK_WIDGET (page_child (page, "limit_switch"));
  limit_spin = GTK_WIDGET (page_child (page, "limit_spin"));
  limit_row = GTK_WIDGET (page_child (page, "limit_count_row"));
  break_switch = GTK_WIDGET (page_child (page, "break_switch"));
  break_spin = GTK_WIDGET (page_child (page, "break_spin"));
  hide = GTK_WIDGET (page_child (page, "excerpt_hide_check"));
  limit_switch_row = GTK_WIDGET (page_child (page, "limit_row"));
  break_row = GTK_WIDGET (page_child (page, "break_row"));
  hide_row = GTK_WIDGET (page_child (page, "excerpt_hide_row"));

  /* The defaults: everything off, the counts greyed out until their switch is on. */
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (limit_switch)));
  g_assert_false (gtk_widget_is_sensitive (limit_row));
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (limit_spin)), ==, 3);
  g_assert_true (
      gtk_check_button_get_active (GTK_CHECK_BUTTON (page_child (page, "excerpt_reveal_check"))));

  /* Tab reaches the row; Space turns its switch on; the count becomes available. */
  tab_to (limit_switch_row);
  g_assert_true (focus_of (limit_switch) == limit_switch_row);
  g_assert_true (rempart_ui_test_press_key (limit_switch_row, GDK_KEY_space, 0));
  /* GtkSwitch changes at the end of its animation. */
  g_assert_true (rempart_ui_test_iterate_until (switch_on, limit_switch));
  g_assert_true (g_settings_get_boolean (f->settings, "daily-limit-enabled"));
  g_assert_true (gtk_widget_is_sensitive (limit_row));

  /* Up in the spin button raises the limit. */
  tab_into (limit_spin);
  g_assert_true (rempart_ui_test_is_inside (focus_of (limit_spin), limit_spin));
  rempart_ui_test_press_key (focus_of (limit_spin), GDK_KEY_Up, 0);
  g_assert_cmpuint (g_settings_get_uint (f->settings, "daily-limit"), ==, 4);

  /* Breaks: on, and Page Up adds a quarter of an hour. */
  tab_to (break_row);
  g_assert_true (rempart_ui_test_press_key (break_row, GDK_KEY_space, 0));
  g_assert_true (rempart_ui_test_iterate_until (switch_on, break_switch));
  g_assert_true (g_settings_get_boolean (f->settings, "break-reminder-enabled"));
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (break_switch)));
  tab_into (break_spin);
  rempart_ui_test_press_key (focus_of (break_spin), GDK_KEY_Page_Up, 0);
  g_assert_cmpuint (g_settings_get_uint (f->settings, "break-minutes"), ==, 45);

  /* The content warning, now on this page, keeps its key. */
  tab_to (hide_row);
  g_assert_true (rempart_ui_test_press_key (hide_row, GDK_KEY_space, 0));
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (hide)));
  {
    g_autofree char *value = g_settings_get_string (f->settings, "excerpt-display");

    g_assert_cmpstr (value, ==, "always-hide");
  }

  /* And the page follows a change made elsewhere. */
  g_settings_set_boolean (f->settings, "daily-limit-enabled", FALSE);
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (limit_switch)));
  g_assert_false (gtk_widget_is_sensitive (limit_row));
  g_settings_set_boolean (f->settings, "daily-limit-enabled", TRUE);

  rempart_ui_test_save_pngs (f->window, "wellbeing-page", 640, 720, save_png);
}

/* -------------------------------------------------------------------------------------- */
/* The stop screen                                                                        */
/* -------------------------------------------------------------------------------------- */

static void
test_limit_below (Fixture *f, gconstpointer user_data)
{
  RempartLimitScreen *screen;

  /* Two actions joined today, a limit of three: nothing to say yet. */
  join (f, MIGRANTS_ID);
  join (f, OTHER_ID);
  g_settings_set_uint (f->settings, "daily-limit", 3);
  g_settings_set_boolean (f->settings, "daily-limit-enabled", TRUE);

  screen = open_window (f);
  g_assert_false (rempart_limit_screen_get_shown (screen));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (screen)));

  /* Lowered to two, it is reached: the screen comes up at once. */
  g_settings_set_uint (f->settings, "daily-limit", 2);
  g_assert_true (rempart_ui_test_iterate_until (counted, screen));
  g_assert_true (rempart_limit_screen_get_shown (screen));

  /* Turned off, it goes. */
  g_settings_set_boolean (f->settings, "daily-limit-enabled", FALSE);
  g_assert_false (rempart_limit_screen_get_shown (screen));
}

static void
test_limit_reached (Fixture *f, gconstpointer user_data)
{
  RempartLimitScreen *screen;
  GtkWidget *window, *leaflet, *continue_button, *focus;

  join (f, MIGRANTS_ID);
  join (f, OTHER_ID);
  g_settings_set_uint (f->settings, "daily-limit", 2);
  g_settings_set_boolean (f->settings, "daily-limit-enabled", TRUE);

  screen = open_window (f);
  window = GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (screen)));
  g_assert_true (rempart_limit_screen_get_shown (screen));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (screen)));

  /* The list behind cannot be reached; the focus is on the calm answer. */
  leaflet = GTK_WIDGET (gtk_widget_get_template_child (window, REMPART_TYPE_WINDOW, "leaflet"));
  g_assert_false (gtk_widget_is_sensitive (leaflet));
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (focus);
  g_assert_true (rempart_ui_test_is_inside (focus, GTK_WIDGET (screen)));
  for (guint i = 0; i < 10; i++)
    g_assert_true (
        rempart_ui_test_is_inside (rempart_ui_test_tab (window, FALSE), GTK_WIDGET (screen)));

  rempart_ui_test_save_pngs (GTK_WINDOW (window), "wellbeing-limit", 960, 680, save_png);

  /* Continue Anyway, from the keyboard: the list is back, for the rest of the day. */
  continue_button = NULL;
  for (guint i = 0; i < 10 && continue_button == NULL; i++)
    {
      focus = rempart_ui_test_tab (window, FALSE);
      if (GTK_IS_BUTTON (focus) &&
          g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (focus)), "limit.continue") ==
              0)
        continue_button = focus;
    }
  g_assert_nonnull (continue_button);
  g_assert_true (rempart_ui_test_press_key (continue_button, GDK_KEY_space, 0));
  /* A button pressed from the keyboard clicks when its pressed look ends. */
  g_assert_true (rempart_ui_test_iterate_until (screen_hidden, screen));
  g_assert_true (gtk_widget_is_sensitive (leaflet));

  /* Counting again (the window comes back to the front) does not bring it back today. */
  rempart_limit_screen_update (screen);
  g_assert_true (rempart_ui_test_iterate_until (counted, screen));
  g_assert_false (rempart_limit_screen_get_shown (screen));
}

/* -------------------------------------------------------------------------------------- */
/* The break banner                                                                       */
/* -------------------------------------------------------------------------------------- */

/* Other test programs may share the display and take the focus now and then: the window is
 * brought back to the front while the banner is awaited, as a volunteer would click on it. */
static gboolean
banner_revealed (gpointer banner)
{
  GtkWindow *window = GTK_WINDOW (gtk_widget_get_root (banner));

  if (!gtk_window_is_active (window))
    gtk_window_present (window);

  return rempart_break_banner_get_revealed (banner);
}

static gboolean
banner_hidden (gpointer banner)
{
  return !rempart_break_banner_get_revealed (banner);
}

static gboolean
window_active (gpointer window)
{
  return gtk_window_is_active (window);
}

static void
test_break_banner (Fixture *f, gconstpointer user_data)
{
  g_autoptr (RempartWellbeing) wellbeing = NULL;
  RempartBreakBanner *banner;
  RempartWindow *window;
  GtkWidget *dismiss;

  g_settings_set_boolean (f->settings, "break-reminder-enabled", TRUE);
  open_window (f);
  window = REMPART_WINDOW (gtk_application_get_windows (app ())->data);
  banner = rempart_window_get_break_banner (window);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (banner)));

  wellbeing = rempart_wellbeing_new (app (), f->settings);
  rempart_wellbeing_set_break_seconds_for_testing (wellbeing, 1);

  /* The timer only runs with a window focused. */
  if (!rempart_ui_test_iterate_until (window_active, window))
    {
      g_test_skip ("No window is ever focused on this display");
      return;
    }
  g_assert_true (rempart_ui_test_iterate_until_timeout (banner_revealed, banner, 20));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (banner)));
  rempart_ui_test_save_pngs (GTK_WINDOW (window), "wellbeing-break", 960, 680, save_png);

  /* It takes no focus from what is being typed, and OK dismisses it. */
  g_assert_false (
      rempart_ui_test_is_inside (gtk_root_get_focus (GTK_ROOT (window)), GTK_WIDGET (banner)));
  dismiss = GTK_WIDGET (gtk_widget_get_template_child (
      GTK_WIDGET (banner), REMPART_TYPE_BREAK_BANNER, "dismiss_button"));
  rempart_wellbeing_set_break_seconds_for_testing (wellbeing, 3600);
  g_assert_true (gtk_widget_activate (dismiss));
  g_assert_true (rempart_ui_test_iterate_until (banner_hidden, banner));
}

int
main (int argc, char *argv[])
{
  rempart_page_test_init (&argc, &argv, "wellbeing");
  g_setenv ("REMPART_NO_SYNC", "1", TRUE);
  /* GNOME's layout: GTK's fallback under Xvfb adds buttons that widen the header bars. */
  g_object_set (gtk_settings_get_default (), "gtk-decoration-layout", "appmenu:close", NULL);

#define ADD(name, func) \
  g_test_add ("/wellbeing/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("page-keyboard", test_page_keyboard);
  ADD ("limit-below", test_limit_below);
  ADD ("limit-reached", test_limit_reached);
  ADD ("break-banner", test_break_banner);
#undef ADD

  return rempart_page_test_run ();
}
