/* rempart-ui-test.h: what the widget tests share
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rempart-application.h"
#include "rempart-feed-parser.h"

G_BEGIN_DECLS

/* Runs the default main context until @done returns TRUE, for at most five seconds.
 * Returns: FALSE on timeout, for the caller to assert on */
gboolean rempart_ui_test_iterate_until (gboolean (*done) (gpointer data), gpointer data);
gboolean rempart_ui_test_iterate_until_timeout (gboolean (*done) (gpointer data),
                                                gpointer data,
                                                guint seconds);

/* Runs the main context for @ms milliseconds, whatever happens. */
void rempart_ui_test_iterate_for (guint ms);

/* Fifty short turns of the main context: a few frames, enough for a relayout. */
void rempart_ui_test_iterate_a_little (void);

/* Runs the main context until @stack shows its child @name (any child when %NULL) and no
 * transition is running, for at most five seconds. Returns: FALSE on timeout. */
gboolean rempart_ui_test_wait_stack (GtkStack *stack, const char *name);

/* Dispatches what is pending in the main context now (at most a thousand sources), without
 * waiting for anything more: for asserting that something did not happen. */
void rempart_ui_test_dispatch_pending (void);

/* Predicates for rempart_ui_test_iterate_until(); @widget is a GtkWidget. */
gboolean rempart_ui_test_widget_is_mapped (gpointer widget);
gboolean rempart_ui_test_widget_is_drawn (gpointer widget);

/* Renders @widget as it is now into @name in the build directory, and asserts that the
 * picture is at least @min_width pixels wide (0: no check). The caller waits for the widget
 * to have drawn itself first. */
void rempart_ui_test_snapshot_png (GtkWidget *widget, const char *name, int min_width);

/* Saves @window through @save as @name.png, @name-dark.png and, at a phone's 360 × @height,
 * @name-360.png (checking that its content fits), then gives it back @width × @height. */
void rempart_ui_test_save_pngs (GtkWindow *window,
                                const char *name,
                                int width,
                                int height,
                                void (*save) (GtkWidget *widget, const char *name));

/* Returns: (transfer none) (nullable): the AdwMessageDialog shown, if any */
AdwMessageDialog *rempart_ui_test_find_message_dialog (void);

/* A predicate for rempart_ui_test_iterate_until(): a message dialog is shown; @data unused. */
gboolean rempart_ui_test_message_dialog_is_shown (gpointer data);

/* Returns: (transfer none) (nullable): the first button below @widget whose tooltip is
 * @tooltip, depth first */
GtkWidget *rempart_ui_test_find_button (GtkWidget *widget, const char *tooltip);

/* Makes a private XDG_DATA_HOME named after @name (rempart_test_dir_new()) and sets it; call it
 * before anything asks GLib for the user data dir, which GLib caches. Remove it with
 * rempart_test_dir_remove() once the tests have run.
 * Returns: (transfer full): its path */
char *rempart_ui_test_make_data_home (const char *name);

/* Returns: (transfer full): a new application, registered with G_APPLICATION_NON_UNIQUE.
 * Every test ends it with rempart_ui_test_application_shutdown(): the program fails at exit
 * otherwise. */
RempartApplication *rempart_ui_test_application_new (void);

/* Destroys every window of @application (a fixture's teardown), then dispatches what that
 * left pending in the main context. */
void rempart_ui_test_destroy_windows (GtkApplication *application);

/* Runs @application's shutdown, as g_application_run() does when its main loop ends (tests
 * never run it): its work is cancelled, its worker threads are waited for and its store is
 * closed, so that no thread is still working while the process exits. Idempotent. */
void rempart_ui_test_application_shutdown (RempartApplication *application);

/*
 * Input. GTK 4.8 has no public way to make an input event, and Xvfb has no input device to
 * send one through, so these deliver input as GTK would, to the widgets' own event
 * controllers and actions.
 */

/* Presses @keyval with @modifiers in the widget @focus, which has the focus: the shortcut
 * controllers on the way from the window down to @focus (capture), then back up (bubble).
 * Returns: whether a shortcut took it */
gboolean rempart_ui_test_press_key (GtkWidget *focus, guint keyval, GdkModifierType modifiers);

/* The middle of @widget, in its own coordinates. */
graphene_point_t rempart_ui_test_center_of (GtkWidget *widget);

/* A click with the first button in the middle of @row, through its parent's click gesture
 * (a GtkListBox row, whose list owns the gesture). */
void rempart_ui_test_click_row (GtkWidget *row);

/* A click on the row of a GtkListView that holds @child: what the row's click gesture does on
 * release (4.8's reads the event's modifiers, which a synthesized click has none of): it takes
 * the focus and selects the row, or activates it when the list activates on a single click. */
void rempart_ui_test_click_list_item (GtkWidget *child);

/* The pointer comes in over @point (in @from's coordinates) of @widget and everything under
 * it, moves there, and with @leave goes away again: every motion controller is told, and the
 * hover state is set as GTK sets it. */
void
rempart_ui_test_hover (GtkWidget *widget, GtkWidget *from, graphene_point_t point, gboolean leave);

/* Moves the focus as Tab (or Shift+Tab with @backward) would from the current focus of the
 * window of @widget. Returns: (transfer none) (nullable): the new focus */
GtkWidget *rempart_ui_test_tab (GtkWidget *widget, gboolean backward);

/* Returns: whether @widget is @ancestor or inside it */
gboolean rempart_ui_test_is_inside (GtkWidget *widget, GtkWidget *ancestor);

/* Returns: (transfer full): tests/unit/feeds/example.json, parsed */
RempartFeed *rempart_ui_test_load_example (void);

/* A GAsyncReadyCallback that keeps a reference to the result in the GAsyncResult * at
 * @user_data; rempart_ui_test_has_result() is the matching condition for
 * rempart_ui_test_iterate_until(). */
void rempart_ui_test_store_result (GObject *source, GAsyncResult *result, gpointer user_data);
gboolean rempart_ui_test_has_result (gpointer data);

/* The widget that has the focus in @window, or @window itself when none has it. */
GtkWidget *rempart_ui_test_focus_of (gpointer window);

G_END_DECLS
