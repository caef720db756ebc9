/* test-composer-brief.c: writing with the brief in sight, in the real window, wide and narrow
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "rempart-action-model.h"
#include "rempart-action-page.h"
#include "rempart-action-row.h"
#include "rempart-application.h"
#include "rempart-composer-brief.h"
#include "rempart-composer.h"
#include "rempart-test-dirs.h"
#include "rempart-ui-test.h"
#include "rempart-window-test.h"
#include "rempart-window.h"

/*
 * Issue 10, item 10: the composer used to replace the action page, so the brief, arguments,
 * sources and rules were out of sight while writing. With 900 px for the composer (a screen
 * wider than 1280 px) they are beside the reply; below that (1280 px with the list beside, 360 px) one
 * tap on Brief away; an argument or a source goes into the reply in one click.
 */

typedef struct
{
  RempartApplication *app;
  GtkWindow *window;
} Fixture;

static RempartApplication *application;

/* -------------------------------------------------------------------------------------- */
/* Helpers                                                                                */
/* -------------------------------------------------------------------------------------- */

static GtkWidget *
child (Fixture *fixture, const char *name)
{
  GObject *object = rempart_window_test_child (GTK_WIDGET (fixture->window), name);

  g_assert_nonnull (object);
  return GTK_WIDGET (object);
}

static GtkWidget *
composer_child (Fixture *fixture, const char *name)
{
  GObject *object =
      gtk_widget_get_template_child (child (fixture, "composer"), REMPART_TYPE_COMPOSER, name);

  g_assert_nonnull (object);
  return GTK_WIDGET (object);
}

/* The flap around the brief, and the Brief button (not template children of the composer's
 * own: found from the brief, and by type). */
static GtkWidget *
brief_flap (Fixture *fixture)
{
  GtkWidget *flap = gtk_widget_get_ancestor (composer_child (fixture, "brief"), ADW_TYPE_FLAP);

  g_assert_nonnull (flap);
  return flap;
}

static GtkWidget *
find_toggle (GtkWidget *widget)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found;

      if (GTK_IS_TOGGLE_BUTTON (c))
        return c;
      if ((found = find_toggle (c)) != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_brief_button (Fixture *fixture)
{
  GtkWidget *button = find_toggle (child (fixture, "composer"));

  g_assert_nonnull (button);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==, "Show the Brief");
  return button;
}

static gboolean
model_is_loaded (gpointer data)
{
  RempartActionModel *model = data;

  return !rempart_action_model_get_loading (model) &&
         g_list_model_get_n_items (G_LIST_MODEL (model)) > 2;
}

/* Ready to write: the composer is shown, its draft loaded, the reply has the keyboard. */
static gboolean
reply_is_ready (gpointer data)
{
  Fixture *fixture = data;
  GtkWidget *text_view;

  /* The composer is built when first shown. */
  if (rempart_window_test_child (GTK_WIDGET (fixture->window), "composer") == NULL)
    return FALSE;
  text_view = composer_child (fixture, "text_view");

  return g_strcmp0 (gtk_stack_get_visible_child_name (GTK_STACK (child (fixture, "detail_stack"))),
                    "composer") == 0 &&
         gtk_widget_is_sensitive (text_view) && gtk_widget_is_focus (text_view);
}

static gboolean
flap_folded (gpointer data)
{
  return adw_flap_get_folded (data);
}

static gboolean
flap_unfolded (gpointer data)
{
  return !adw_flap_get_folded (data);
}

static char *
reply_text (Fixture *fixture)
{
  GtkTextBuffer *buffer =
      gtk_text_view_get_buffer (GTK_TEXT_VIEW (composer_child (fixture, "text_view")));
  GtkTextIter start;
  GtkTextIter end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* The Insert buttons of the brief, in order: arguments first, then sources. */
static void
collect_insert_buttons (GtkWidget *widget, GPtrArray *buttons)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      if (GTK_IS_BUTTON (c) &&
          g_strcmp0 (gtk_widget_get_tooltip_text (c), "Insert into Reply") == 0)
        g_ptr_array_add (buttons, c);
      else
        collect_insert_buttons (c, buttons);
    }
}

/* The pointer comes over @button, then clicks it: one click. */
static void
click (GtkWidget *button)
{
  g_assert_true (rempart_ui_test_iterate_until (rempart_ui_test_widget_is_drawn, button));
  rempart_ui_test_hover (button, button, rempart_ui_test_center_of (button), FALSE);
  rempart_ui_test_iterate_a_little ();
  /* What the button's click gesture does on release (activate would wait 250 ms first). */
  g_signal_emit_by_name (button, "clicked");
  rempart_ui_test_hover (button, button, rempart_ui_test_center_of (button), TRUE);
}

/* Opens the first action of To Do and presses Write a Reply from the keyboard. */
static gboolean
page_is_built (gpointer data)
{
  Fixture *fixture = data;

  return rempart_window_test_child (GTK_WIDGET (fixture->window), "action_page") != NULL;
}

static RempartActionItem *
write_reply (Fixture *fixture)
{
  GtkWidget *list = child (fixture, "list_view");
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (list)));
  GtkWidget *page;
  GtkWidget *write;
  g_autoptr (RempartActionItem) item = g_list_model_get_item (model, 0);

  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (model), 0);
  /* The action page is built when first shown. */
  g_assert_true (rempart_ui_test_iterate_until (page_is_built, fixture));
  page = child (fixture, "action_page");
  write =
      GTK_WIDGET (gtk_widget_get_template_child (page, REMPART_TYPE_ACTION_PAGE, "write_button"));
  g_assert_true (rempart_ui_test_iterate_until (rempart_ui_test_widget_is_drawn, write));
  g_assert_true (rempart_action_page_get_item (REMPART_ACTION_PAGE (page)) == item);
  g_assert_true (gtk_widget_grab_focus (write));
  g_assert_true (gtk_widget_activate (write));
  g_assert_true (rempart_ui_test_iterate_until (reply_is_ready, fixture));
  return item;
}

/* -------------------------------------------------------------------------------------- */
/* Fixture                                                                                */
/* -------------------------------------------------------------------------------------- */

static void
fixture_set_up (Fixture *fixture, gconstpointer user_data)
{
  RempartActionModel *model;

  fixture->app = application;
  g_application_activate (G_APPLICATION (fixture->app));
  fixture->window = gtk_application_get_active_window (GTK_APPLICATION (fixture->app));
  g_assert_true (REMPART_IS_WINDOW (fixture->window));
  gtk_window_set_default_size (fixture->window, 1280, 800);
  g_assert_true (rempart_ui_test_iterate_until (rempart_ui_test_widget_is_drawn, fixture->window));
  model = rempart_window_get_model (REMPART_WINDOW (fixture->window));
  g_assert_true (rempart_ui_test_iterate_until (model_is_loaded, model));
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer user_data)
{
  rempart_ui_test_destroy_windows (GTK_APPLICATION (fixture->app));
}

/* -------------------------------------------------------------------------------------- */
/* Tests                                                                                  */
/* -------------------------------------------------------------------------------------- */

static gboolean
composer_is_wide (gpointer data)
{
  Fixture *fixture = data;

  return gtk_widget_get_width (child (fixture, "composer")) >= 900;
}

/* A 1280 px screen leaves the composer less than 900 px beside the sidebar and the list: they
 * go, as on a wider screen there would be room for them. */
static RempartActionItem *
wide_reply (Fixture *fixture)
{
  RempartActionItem *item = write_reply (fixture);
  AdwLeaflet *leaflet = ADW_LEAFLET (child (fixture, "leaflet"));
  GtkWidget *detail = adw_leaflet_get_child_by_name (leaflet, "detail");

  for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (leaflet)); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    if (c != detail)
      gtk_widget_set_visible (c, FALSE);
  g_assert_true (rempart_ui_test_iterate_until (composer_is_wide, fixture));
  return item;
}

/* The number of lines @label takes. */
static int
label_lines (GtkWidget *label)
{
  return pango_layout_get_line_count (gtk_label_get_layout (GTK_LABEL (label)));
}

/* 1280 px, the list beside: the composer has less than 900 px, so the brief folds away one
 * tap on Brief from a reply that keeps a comfortable width; the count stays on one line. */
static void
test_laptop (Fixture *fixture, gconstpointer user_data)
{
  GtkWidget *flap;
  GtkWidget *text_view;
  GtkWidget *count_label;
  GtkWidget *brief_button;

  write_reply (fixture);
  flap = brief_flap (fixture);
  text_view = composer_child (fixture, "text_view");
  count_label = composer_child (fixture, "count_label");
  brief_button = find_brief_button (fixture);

  g_assert_cmpint (gtk_widget_get_width (child (fixture, "composer")), <, 900);
  g_assert_true (rempart_ui_test_iterate_until (flap_folded, flap));
  g_assert_false (adw_flap_get_reveal_flap (ADW_FLAP (flap)));
  g_assert_true (rempart_ui_test_iterate_until (rempart_ui_test_widget_is_drawn, brief_button));
  rempart_ui_test_iterate_a_little ();
  g_test_message ("composer %d px, reply %d px", gtk_widget_get_width (child (fixture, "composer")),
                  gtk_widget_get_width (text_view));
  g_assert_cmpint (gtk_widget_get_width (text_view), >=, 480);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (text_view)),
                            "#jesuislà Bonjour, merci pour ce fil.", -1);
  rempart_ui_test_iterate_a_little ();
  g_assert_true (strstr (gtk_label_get_text (GTK_LABEL (count_label)), "characters") != NULL);
  g_assert_cmpint (label_lines (count_label), ==, 1);
  rempart_ui_test_snapshot_png (GTK_WIDGET (fixture->window), "composer-brief-1280.png", 1200);

  click (brief_button);
  g_assert_true (adw_flap_get_reveal_flap (ADW_FLAP (flap)));
}

/* 900 px for the composer: the brief is beside the reply; one click puts an argument, then a source, at the
 * cursor; Ctrl+Z takes it back; the keyboard stays in the reply. */
static void
test_wide (Fixture *fixture, gconstpointer user_data)
{
  RempartActionItem *item = wide_reply (fixture);
  RempartAction *action = rempart_action_item_peek_action (item);
  const char *const *arguments = rempart_action_get_arguments (action);
  RempartSource *source = g_ptr_array_index (rempart_action_get_sources (action), 0);
  GtkWidget *flap = brief_flap (fixture);
  GtkWidget *brief = composer_child (fixture, "brief");
  GtkWidget *text_view = composer_child (fixture, "text_view");
  GtkWidget *brief_label = GTK_WIDGET (
      gtk_widget_get_template_child (brief, REMPART_TYPE_COMPOSER_BRIEF, "brief_label"));
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (text_view));
  g_autoptr (GPtrArray) buttons = g_ptr_array_new ();
  g_autofree char *after_argument = NULL;
  g_autofree char *after_source = NULL;
  g_autofree char *after_undo = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *source_text = g_strdup_printf ("%s: %s", source->title, source->url);
  graphene_point_t origin = GRAPHENE_POINT_INIT (0, 0);
  graphene_point_t reply_at;
  graphene_point_t brief_at;

  g_assert_true (arguments != NULL && arguments[0] != NULL);

  /* Beside, not over, nor below: the brief starts right of the reply, in sight. */
  g_assert_cmpint (gtk_widget_get_width (child (fixture, "composer")), >=, 900);
  g_assert_true (rempart_ui_test_iterate_until (flap_unfolded, flap));
  g_assert_true (adw_flap_get_reveal_flap (ADW_FLAP (flap)));
  g_assert_false (gtk_widget_get_visible (find_brief_button (fixture)));
  g_assert_true (rempart_ui_test_iterate_until (rempart_ui_test_widget_is_drawn, brief_label));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (brief_label)), ==,
                   rempart_action_get_brief (action));
  g_assert_true (
      gtk_widget_compute_point (text_view, GTK_WIDGET (fixture->window), &origin, &reply_at));
  g_assert_true (
      gtk_widget_compute_point (brief_label, GTK_WIDGET (fixture->window), &origin, &brief_at));
  g_assert_cmpfloat (brief_at.x, >, reply_at.x + gtk_widget_get_width (text_view));
  g_assert_cmpfloat (brief_at.x + gtk_widget_get_width (brief_label), <=,
                     gtk_widget_get_width (GTK_WIDGET (fixture->window)));

  /* One Insert per argument and per source. */
  collect_insert_buttons (brief, buttons);
  g_assert_cmpuint (buttons->len, ==,
                    g_strv_length ((char **) arguments) + rempart_action_get_sources (action)->len);

  gtk_text_buffer_set_text (buffer, "#jesuislà Bonjour.", -1);
  click (g_ptr_array_index (buttons, 0));
  after_argument = reply_text (fixture);
  expected = g_strconcat ("#jesuislà Bonjour. ", arguments[0], NULL);
  g_assert_cmpstr (after_argument, ==, expected);
  g_assert_true (gtk_widget_is_focus (text_view));

  click (g_ptr_array_index (buttons, g_strv_length ((char **) arguments)));
  after_source = reply_text (fixture);
  g_assert_true (g_str_has_suffix (after_source, source_text));
  g_assert_nonnull (strstr (after_source, arguments[0]));

  rempart_ui_test_snapshot_png (GTK_WIDGET (fixture->window), "composer-brief.png", 1200);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_DARK);
  rempart_ui_test_iterate_a_little ();
  rempart_ui_test_snapshot_png (GTK_WIDGET (fixture->window), "composer-brief-dark.png", 1200);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);

  /* Each insertion is one step back. */
  g_assert_true (gtk_text_buffer_get_can_undo (buffer));
  gtk_text_buffer_undo (buffer);
  after_undo = reply_text (fixture);
  g_assert_cmpstr (after_undo, ==, after_argument);
}

/* 360 px: the reply fills the screen, the brief is one tap on Brief away; inserting from it
 * puts the reply back in sight with the text in it. */
static void
test_narrow (Fixture *fixture, gconstpointer user_data)
{
  RempartActionItem *item;
  RempartAction *action;
  GtkWidget *flap;
  GtkWidget *brief;
  GtkWidget *brief_button;
  GtkWidget *text_view;
  g_autoptr (GPtrArray) buttons = g_ptr_array_new ();
  g_autofree char *text = NULL;

  gtk_window_set_default_size (fixture->window, 360, 720);
  item = write_reply (fixture);
  action = rempart_action_item_peek_action (item);
  flap = brief_flap (fixture);
  brief = composer_child (fixture, "brief");
  brief_button = find_brief_button (fixture);
  text_view = composer_child (fixture, "text_view");

  g_assert_true (rempart_ui_test_iterate_until (flap_folded, flap));
  g_assert_false (adw_flap_get_reveal_flap (ADW_FLAP (flap)));
  g_assert_true (rempart_ui_test_iterate_until (rempart_ui_test_widget_is_drawn, brief_button));
  g_assert_true (gtk_widget_get_visible (brief_button));
  rempart_ui_test_snapshot_png (GTK_WIDGET (fixture->window), "composer-brief-360.png", 0);

  /* One tap. */
  click (brief_button);
  g_assert_true (adw_flap_get_reveal_flap (ADW_FLAP (flap)));
  g_assert_true (rempart_ui_test_iterate_until (rempart_ui_test_widget_is_drawn, brief));
  rempart_ui_test_snapshot_png (GTK_WIDGET (fixture->window), "composer-brief-360-open.png", 0);

  collect_insert_buttons (brief, buttons);
  g_assert_cmpuint (buttons->len, >, 0);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (text_view)), "", -1);
  click (g_ptr_array_index (buttons, 0));
  text = reply_text (fixture);
  g_assert_cmpstr (text, ==, rempart_action_get_arguments (action)[0]);
  g_assert_false (adw_flap_get_reveal_flap (ADW_FLAP (flap)));
  g_assert_true (gtk_widget_is_focus (text_view));

  gtk_window_set_default_size (fixture->window, 1280, 800);
}

int
main (int argc, char *argv[])
{
  g_autofree char *data_home = NULL;
  int ret;

  data_home = rempart_ui_test_make_data_home ("ui-composer-brief");
  g_setenv ("REMPART_NO_SYNC", "1", TRUE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  /* Pictures of the brief where it ends, not half-way through sliding in. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  application = rempart_ui_test_application_new ();

  g_test_add ("/composer-brief/wide", Fixture, NULL, fixture_set_up, test_wide, fixture_tear_down);
  g_test_add ("/composer-brief/laptop", Fixture, NULL, fixture_set_up, test_laptop,
              fixture_tear_down);
  g_test_add ("/composer-brief/narrow", Fixture, NULL, fixture_set_up, test_narrow,
              fixture_tear_down);

  ret = g_test_run ();
  rempart_ui_test_application_shutdown (application);
  g_clear_object (&application);
  rempart_test_dir_remove (data_home);

  return ret;
}
