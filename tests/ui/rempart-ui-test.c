/* rempart-ui-test.c
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>
#include <unistd.h>

#include <openssl/crypto.h>

#include "rempart-test-dirs.h"
#include "rempart-ui-test.h"

/* REMPART_TEST_TIME_FACTOR (a whole number, 1 by default) stretches every bounded wait: .ci/run
 * sets it for the UI tests under AddressSanitizer, which run several times slower. A wait
 * stays bounded; only its bound grows. */
static guint
time_factor (void)
{
  static guint factor = 0;

  if (factor == 0)
    {
      const char *env = g_getenv ("REMPART_TEST_TIME_FACTOR");
      guint64 value = env != NULL ? g_ascii_strtoull (env, NULL, 10) : 1;

      factor = (guint) CLAMP (value, 1, 20);
    }
  return factor;
}

gboolean
rempart_ui_test_iterate_until_timeout (gboolean (*done) (gpointer data),
                                       gpointer data,
                                       guint seconds)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) seconds * time_factor () * G_USEC_PER_SEC;

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

typedef struct
{
  GtkStack *stack;
  const char *name;
} StackWait;

static gboolean
stack_is_settled (gpointer data)
{
  StackWait *wait = data;

  return !gtk_stack_get_transition_running (wait->stack) &&
         (wait->name == NULL ||
          g_strcmp0 (gtk_stack_get_visible_child_name (wait->stack), wait->name) == 0);
}

gboolean
rempart_ui_test_wait_stack (GtkStack *stack, const char *name)
{
  StackWait wait = { stack, name };

  return rempart_ui_test_iterate_until (stack_is_settled, &wait);
}

void
rempart_ui_test_dispatch_pending (void)
{
  for (guint i = 0; i < 1000 && g_main_context_pending (NULL); i++)
    g_main_context_iteration (NULL, FALSE);
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

static gboolean
content_is_narrow (gpointer data)
{
  GtkWidget *content = gtk_widget_get_first_child (GTK_WIDGET (data));

  return content != NULL && gtk_widget_get_width (content) > 0 &&
         gtk_widget_get_width (content) <= 360;
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
   * on a phone the window fills the 360 px screen. Wait for the new size to be allocated (a
   * slow run, under the sanitizers, takes longer than a few iterations): snapshotting before
   * is a GTK warning. A content wider than 360 px never gets there; the check below says so. */
  gtk_window_set_default_size (window, 360, height);
  rempart_ui_test_iterate_until (content_is_narrow, window);
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

/* Applications made by rempart_ui_test_application_new() and not shut down yet. */
static guint applications_running;
/* Applications shut down, kept until the process ends (rempart_ui_test_application_shutdown()). */
static GPtrArray *applications_kept;

static void
application_shutdown_cb (GApplication *application, gpointer user_data)
{
  g_object_set_data (G_OBJECT (application), "rempart-ui-test-shut-down", GINT_TO_POINTER (TRUE));
  g_assert_cmpuint (applications_running, >, 0);
  applications_running--;
}

/* Registered after OpenSSL's own exit handler, so run before it: an application left
 * running could still have a worker inside OpenSSL when that handler frees its tables. */
static void
check_applications_shut_down (void)
{
  if (applications_running == 0)
    return;

  g_printerr ("%u application(s) made by rempart_ui_test_application_new() were never shut "
              "down: end the test with rempart_ui_test_application_shutdown()\n",
              applications_running);
  _exit (EXIT_FAILURE);
}

RempartApplication *
rempart_ui_test_application_new (void)
{
  static gsize check_registered = 0;
  g_autoptr (GError) error = NULL;
  RempartApplication *application;

  if (g_once_init_enter (&check_registered))
    {
      /* OpenSSL registers its exit handler when it is first initialised; do it now, so
       * that check_applications_shut_down() is registered after it and runs first. */
      g_assert_true (OPENSSL_init_crypto (0, NULL));
      atexit (check_applications_shut_down);
      g_once_init_leave (&check_registered, 1);
    }

  application = rempart_application_new ();
  applications_running++;
  g_signal_connect (application, "shutdown", G_CALLBACK (application_shutdown_cb), NULL);

  /* Several test programs share one session bus: do not fight over the name. */
  g_application_set_flags (G_APPLICATION (application),
                           g_application_get_flags (G_APPLICATION (application)) |
                               G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (application), NULL, &error);
  g_assert_no_error (error);

  return application;
}

void
rempart_ui_test_destroy_windows (GtkApplication *application)
{
  GList *windows;

  while ((windows = gtk_application_get_windows (application)) != NULL)
    gtk_window_destroy (windows->data);
  rempart_ui_test_dispatch_pending ();
}

void
rempart_ui_test_application_shutdown (RempartApplication *application)
{
  if (g_object_get_data (G_OBJECT (application), "rempart-ui-test-shut-down") != NULL)
    return;

  /* What g_application_run() does once its main loop ends: RempartApplication's shutdown
   * cancels its work, waits for the worker threads and closes the store. */
  g_signal_emit_by_name (application, "shutdown");
  g_assert_nonnull (g_object_get_data (G_OBJECT (application), "rempart-ui-test-shut-down"));
  rempart_ui_test_dispatch_pending ();

  /* g_application_run() would now unregister it from D-Bus, which GLib offers no other way
   * to do, and warns (fatally here) when an application still registered is disposed: keep
   * it until the process ends. */
  if (applications_kept == NULL)
    applications_kept = g_ptr_array_new ();
  g_ptr_array_add (applications_kept, g_object_ref (application));
}

/* -------------------------------------------------------------------------------------- */
/* Input                                                                                  */
/* -------------------------------------------------------------------------------------- */

static gboolean
trigger_matches (GtkShortcutTrigger *trigger, guint keyval, GdkModifierType modifiers)
{
  if (GTK_IS_KEYVAL_TRIGGER (trigger))
    return gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) ==
               gdk_keyval_to_lower (keyval) &&
           gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == modifiers;
  if (GTK_IS_ALTERNATIVE_TRIGGER (trigger))
    return trigger_matches (gtk_alternative_trigger_get_first (GTK_ALTERNATIVE_TRIGGER (trigger)),
                            keyval, modifiers) ||
           trigger_matches (gtk_alternative_trigger_get_second (GTK_ALTERNATIVE_TRIGGER (trigger)),
                            keyval, modifiers);
  return FALSE;
}

static gboolean
activate_shortcut (GtkWidget *widget,
                   GtkPropagationPhase phase,
                   guint keyval,
                   GdkModifierType modifiers)
{
  g_autoptr (GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr (GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller) ||
          gtk_event_controller_get_propagation_phase (controller) != phase)
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr (GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);

          if (trigger_matches (gtk_shortcut_get_trigger (shortcut), keyval, modifiers) &&
              gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut),
                                            GTK_SHORTCUT_ACTION_EXCLUSIVE, widget,
                                            gtk_shortcut_get_arguments (shortcut)))
            return TRUE;
        }
    }

  return FALSE;
}

gboolean
rempart_ui_test_press_key (GtkWidget *focus, guint keyval, GdkModifierType modifiers)
{
  g_autoptr (GPtrArray) path = g_ptr_array_new ();

  for (GtkWidget *widget = focus; widget != NULL; widget = gtk_widget_get_parent (widget))
    g_ptr_array_insert (path, 0, widget);

  for (guint i = 0; i < path->len; i++)
    if (activate_shortcut (g_ptr_array_index (path, i), GTK_PHASE_CAPTURE, keyval, modifiers))
      return TRUE;
  for (guint i = path->len; i > 0; i--)
    if (activate_shortcut (g_ptr_array_index (path, i - 1), GTK_PHASE_BUBBLE, keyval, modifiers))
      return TRUE;

  return FALSE;
}

/* @point, in @from's coordinates, in @to's. */
static graphene_point_t
translate (GtkWidget *from, GtkWidget *to, graphene_point_t point)
{
  graphene_point_t out;

  g_assert_true (gtk_widget_compute_point (from, to, &point, &out));
  return out;
}

graphene_point_t
rempart_ui_test_center_of (GtkWidget *widget)
{
  return GRAPHENE_POINT_INIT (gtk_widget_get_width (widget) / 2.f,
                              gtk_widget_get_height (widget) / 2.f);
}

void
rempart_ui_test_click_row (GtkWidget *row)
{
  GtkWidget *list = gtk_widget_get_parent (row);
  g_autoptr (GListModel) controllers = gtk_widget_observe_controllers (list);
  graphene_point_t point = translate (row, list, rempart_ui_test_center_of (row));
  g_autoptr (GtkEventController) gesture = NULL;

  for (guint i = 0; gesture == NULL && i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr (GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_GESTURE_CLICK (controller))
        gesture = g_steal_pointer (&controller);
    }
  g_assert_nonnull (gesture);

  g_signal_emit_by_name (gesture, "pressed", 1, (double) point.x, (double) point.y);
  g_signal_emit_by_name (gesture, "released", 1, (double) point.x, (double) point.y);
}

void
rempart_ui_test_click_list_item (GtkWidget *child)
{
  GtkWidget *item = gtk_widget_get_parent (child);
  GtkListView *list = GTK_LIST_VIEW (gtk_widget_get_parent (item));

  g_assert_true (gtk_widget_grab_focus (item));
  if (gtk_list_view_get_single_click_activate (list))
    g_assert_true (gtk_widget_activate (item));
  else
    g_assert_true (gtk_widget_activate_action (item, "listitem.select", "(bb)", FALSE, FALSE));
}

void
rempart_ui_test_hover (GtkWidget *widget, GtkWidget *from, graphene_point_t point, gboolean leave)
{
  g_autoptr (GListModel) controllers = gtk_widget_observe_controllers (widget);
  graphene_point_t here = translate (from, widget, point);

  if (leave)
    gtk_widget_unset_state_flags (widget, GTK_STATE_FLAG_PRELIGHT);
  else
    gtk_widget_set_state_flags (widget, GTK_STATE_FLAG_PRELIGHT, FALSE);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr (GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_EVENT_CONTROLLER_MOTION (controller))
        continue;
      if (leave)
        g_signal_emit_by_name (controller, "leave");
      else
        {
          g_signal_emit_by_name (controller, "enter", (double) here.x, (double) here.y);
          g_signal_emit_by_name (controller, "motion", (double) here.x, (double) here.y);
        }
    }

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    rempart_ui_test_hover (c, from, point, leave);
}

GtkWidget *
rempart_ui_test_tab (GtkWidget *widget, gboolean backward)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  /* What GtkWindow does with Tab: move the focus within the window, wrapping round. */
  if (!gtk_widget_child_focus (GTK_WIDGET (root),
                               backward ? GTK_DIR_TAB_BACKWARD : GTK_DIR_TAB_FORWARD))
    {
      gtk_root_set_focus (root, NULL);
      gtk_widget_child_focus (GTK_WIDGET (root),
                              backward ? GTK_DIR_TAB_BACKWARD : GTK_DIR_TAB_FORWARD);
    }

  return gtk_root_get_focus (root);
}

gboolean
rempart_ui_test_is_inside (GtkWidget *widget, GtkWidget *ancestor)
{
  return widget != NULL && (widget == ancestor || gtk_widget_is_ancestor (widget, ancestor));
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

void
rempart_ui_test_store_result (GObject *source, GAsyncResult *result, gpointer user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

gboolean
rempart_ui_test_has_result (gpointer data)
{
  return *(GAsyncResult **) data != NULL;
}

GtkWidget *
rempart_ui_test_focus_of (gpointer window)
{
  GtkWidget *focus = gtk_window_get_focus (GTK_WINDOW (window));

  return focus != NULL ? focus : GTK_WIDGET (window);
}
