/* test-action-page-open.c: opening actions from the main window's list, by pointer and
 * keyboard, while their details are read from the store
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "rempart-action-model.h"
#include "rempart-action-page.h"
#include "rempart-action-row.h"
#include "rempart-application.h"
#include "rempart-composer-brief.h"
#include "rempart-composer.h"
#include "rempart-store-action.h"
#include "rempart-test-dirs.h"
#include "rempart-ui-test.h"
#include "rempart-window-test.h"
#include "rempart-window.h"

/*
 * The list holds only what its rows show; an action's brief, arguments and sources are read
 * from the store when it is opened (issue 14). Opened with the pointer or the keyboard, the
 * page shows the title at once and the brief when it is in; moving the selection on while
 * reads are pending ends on the last action's brief; the keyboard stays in the list; and a
 * reply written next has the brief beside it at once (the item kept what was read).
 */

typedef struct
{
  RempartApplication *app;
  GtkWindow *window;
  RempartActionModel *model;
  RempartStore *store;
} Fixture;

typedef struct
{
  Fixture *fixture;
  RempartActionItem *item;
  char *brief; /* the whole action's, read from the store by the test */
} Expect;

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
page_child (Fixture *fixture, const char *name)
{
  GObject *object = gtk_widget_get_template_child (child (fixture, "action_page"),
                                                   REMPART_TYPE_ACTION_PAGE, name);

  g_assert_nonnull (object);
  return GTK_WIDGET (object);
}

static gboolean
model_is_loaded (gpointer data)
{
  RempartActionModel *model = data;

  return !rempart_action_model_get_loading (model) &&
         g_list_model_get_n_items (G_LIST_MODEL (model)) > 4;
}

static RempartActionItem *
visible_item (Fixture *fixture, guint index)
{
  GListModel *list =
      G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (child (fixture, "list_view"))));
  RempartActionItem *item = g_list_model_get_item (list, index);

  g_object_unref (item); /* the model keeps it */
  return item;
}

/* The RempartActionRow showing the @index-th visible action, once drawn. */
static GtkWidget *
list_row (Fixture *fixture, guint index)
{
  GtkWidget *list = child (fixture, "list_view");
  RempartActionItem *wanted = visible_item (fixture, index);

  for (guint attempt = 0; attempt < 500; attempt++)
    {
      for (GtkWidget *item = gtk_widget_get_first_child (list); item != NULL;
           item = gtk_widget_get_next_sibling (item))
        {
          GtkWidget *row = gtk_widget_get_first_child (item);

          if (row != NULL && REMPART_IS_ACTION_ROW (row) &&
              rempart_action_row_get_item (REMPART_ACTION_ROW (row)) == wanted &&
              rempart_ui_test_widget_is_drawn (row))
            return row;
        }
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }

  g_assert_not_reached ();
}

/* What the page of the @index-th visible action must end on, read from the store here. */
static void
expect_init (Expect *expect, Fixture *fixture, guint index)
{
  g_autoptr (RempartAction) whole = NULL;
  g_autoptr (GError) error = NULL;

  expect->fixture = fixture;
  expect->item = visible_item (fixture, index);
  whole = rempart_store_read_action_sync (fixture->store,
                                          rempart_action_item_get_subscription_id (expect->item),
                                          rempart_action_item_get_id (expect->item), NULL, &error);
  g_assert_no_error (error);
  expect->brief = g_strdup (rempart_action_get_brief (whole));
  g_assert_nonnull (expect->brief);
}

static void
expect_clear (Expect *expect)
{
  g_clear_pointer (&expect->brief, g_free);
}

static RempartActionItem *
shown_item (Fixture *fixture)
{
  GObject *page = rempart_window_test_child (GTK_WIDGET (fixture->window), "action_page");

  return page != NULL ? rempart_action_page_get_item (REMPART_ACTION_PAGE (page)) : NULL;
}

static gboolean
shows (gpointer data)
{
  Expect *expect = data;
  Fixture *fixture = expect->fixture;

  return g_strcmp0 (gtk_stack_get_visible_child_name (GTK_STACK (child (fixture, "detail_stack"))),
                    "page") == 0 &&
         shown_item (fixture) == expect->item;
}

static gboolean
shows_brief (gpointer data)
{
  Expect *expect = data;

  return shows (data) &&
         g_strcmp0 (gtk_label_get_text (GTK_LABEL (page_child (expect->fixture, "brief_label"))),
                    expect->brief) == 0 &&
         gtk_widget_get_mapped (page_child (expect->fixture, "brief_label"));
}

static gboolean
focus_in_list (Fixture *fixture)
{
  return rempart_ui_test_is_inside (rempart_ui_test_focus_of (fixture->window),
                                    child (fixture, "list_view"));
}

/* The title is the list's, there as soon as the page is. */
static void
assert_title (Fixture *fixture, RempartActionItem *item)
{
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (page_child (fixture, "title_label"))), ==,
                   rempart_action_item_get_title (item));
}

/* -------------------------------------------------------------------------------------- */
/* Fixture                                                                                */
/* -------------------------------------------------------------------------------------- */

static void
fixture_set_up (Fixture *fixture, gconstpointer user_data)
{
  fixture->app = application;
  g_application_activate (G_APPLICATION (fixture->app));
  fixture->window = gtk_application_get_active_window (GTK_APPLICATION (fixture->app));
  g_assert_true (REMPART_IS_WINDOW (fixture->window));
  gtk_window_set_default_size (fixture->window, 1280, 800);
  g_assert_true (rempart_ui_test_iterate_until (rempart_ui_test_widget_is_drawn, fixture->window));
  fixture->model = rempart_window_get_model (REMPART_WINDOW (fixture->window));
  g_assert_true (rempart_ui_test_iterate_until (model_is_loaded, fixture->model));
  fixture->store = rempart_application_get_store (fixture->app);
  g_assert_nonnull (fixture->store);
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer user_data)
{
  rempart_ui_test_destroy_windows (GTK_APPLICATION (fixture->app));
}

/* -------------------------------------------------------------------------------------- */
/* Tests                                                                                  */
/* -------------------------------------------------------------------------------------- */

/* The pointer crosses the list and clicks an action: its title at once, its brief once read.
 * The first action opened takes the keyboard to its Write a Reply (AdwLeaflet moves the
 * focus to the pane it shows), where it stays while the details come in. Back in the list,
 * Down opens the next one the same way, the keyboard staying in the list. */
static void
test_open (Fixture *fixture, gconstpointer user_data)
{
  Expect first = { 0 };
  Expect second = { 0 };
  GtkWidget *row;
  GtkWidget *focus;

  expect_init (&first, fixture, 0);
  expect_init (&second, fixture, 1);
  /* The list holds rows: nothing of their details is read before they are opened. */
  g_assert_false (rempart_action_item_has_details (first.item));
  g_assert_false (rempart_action_item_has_details (second.item));

  row = list_row (fixture, 1);
  rempart_ui_test_hover (gtk_widget_get_parent (row), row, rempart_ui_test_center_of (row), TRUE);
  row = list_row (fixture, 0);
  rempart_ui_test_hover (gtk_widget_get_parent (row), row, rempart_ui_test_center_of (row), FALSE);
  rempart_ui_test_click_list_item (row);
  g_assert_true (rempart_ui_test_iterate_until (shows, &first));
  assert_title (fixture, first.item);
  g_assert_true (rempart_ui_test_iterate_until (shows_brief, &first));
  g_assert_true (rempart_action_item_has_details (first.item));
  g_assert_false (gtk_widget_get_visible (page_child (fixture, "details_status_box")));
  g_assert_true (gtk_widget_is_focus (page_child (fixture, "write_button")));

  /* The keyboard, back on the row: Down selects, and so opens, the next action. */
  focus = gtk_widget_get_parent (list_row (fixture, 0));
  g_assert_true (gtk_widget_grab_focus (focus));
  g_assert_true (rempart_ui_test_press_key (focus, GDK_KEY_Down, 0));
  g_assert_true (rempart_ui_test_iterate_until (shows, &second));
  assert_title (fixture, second.item);
  g_assert_true (rempart_ui_test_iterate_until (shows_brief, &second));
  g_assert_true (focus_in_list (fixture));

  expect_clear (&first);
  expect_clear (&second);
}

/* Down, Down, Down while the store is busy and every read waits: the page ends on the last
 * action's brief, and stays there once every read has answered. */
static void
test_switch_while_reading (Fixture *fixture, gconstpointer user_data)
{
  Expect last = { 0 };
  g_autoptr (GPtrArray) subs = NULL;
  g_autoptr (GError) error = NULL;
  Expect first = { 0 };

  expect_init (&first, fixture, 0);
  expect_init (&last, fixture, 4);
  rempart_ui_test_click_list_item (list_row (fixture, 0));
  g_assert_true (rempart_ui_test_iterate_until (shows_brief, &first));
  g_assert_true (gtk_widget_grab_focus (gtk_widget_get_parent (list_row (fixture, 0))));
  g_assert_true (focus_in_list (fixture));

  /* Down: the window reads the group's info, then the page reads the action; the store
   * has work queued before that second read, so it waits while the selection moves on. */
  g_assert_true (
      rempart_ui_test_press_key (rempart_ui_test_focus_of (fixture->window), GDK_KEY_Down, 0));
  for (guint i = 0; i < 3000; i++)
    rempart_store_list_actions_async (fixture->store, REMPART_ACTION_VIEW_ALL, NULL, NULL, NULL);
  for (guint i = 2; i <= 4; i++)
    {
      for (guint j = 0; j < 5; j++)
        g_main_context_iteration (NULL, FALSE);
      g_test_message (
          "Down to %u: the page shows %s, details %s", i,
          shown_item (fixture) != NULL ? rempart_action_item_get_id (shown_item (fixture))
                                       : "nothing",
          shown_item (fixture) != NULL && rempart_action_item_has_details (shown_item (fixture))
              ? "read"
              : "pending");
      g_assert_true (
          rempart_ui_test_press_key (rempart_ui_test_focus_of (fixture->window), GDK_KEY_Down, 0));
    }
  g_assert_true (rempart_ui_test_iterate_until_timeout (shows_brief, &last, 10));
  assert_title (fixture, last.item);

  /* The store's thread answers in order: every read asked for has answered after this. */
  subs = rempart_store_list_subscriptions_sync (fixture->store, &error);
  g_assert_no_error (error);
  rempart_ui_test_iterate_a_little ();
  g_assert_true (shows_brief (&last));
  g_assert_false (gtk_widget_get_visible (page_child (fixture, "details_status_box")));
  g_assert_true (focus_in_list (fixture));

  expect_clear (&first);
  expect_clear (&last);
}

static gboolean
reply_has_focus (gpointer data)
{
  Fixture *fixture = data;
  GObject *text_view = gtk_widget_get_template_child (child (fixture, "composer"),
                                                      REMPART_TYPE_COMPOSER, "text_view");

  return gtk_widget_is_focus (GTK_WIDGET (text_view));
}

/* Write a Reply from the keyboard: the brief is beside the reply at once, without a second
 * read, and the keyboard is in the reply. */
static void
test_write_reply (Fixture *fixture, gconstpointer user_data)
{
  Expect expect = { 0 };
  GtkWidget *write;
  GtkWidget *brief;
  GObject *brief_label;

  expect_init (&expect, fixture, 2);
  rempart_ui_test_click_list_item (list_row (fixture, 2));
  g_assert_true (rempart_ui_test_iterate_until (shows_brief, &expect));

  write = page_child (fixture, "write_button");
  g_assert_true (gtk_widget_grab_focus (write));
  g_assert_true (rempart_ui_test_press_key (write, GDK_KEY_e, GDK_CONTROL_MASK));
  g_assert_true (rempart_ui_test_iterate_until (reply_has_focus, fixture));
  brief = GTK_WIDGET (
      gtk_widget_get_template_child (child (fixture, "composer"), REMPART_TYPE_COMPOSER, "brief"));
  brief_label = gtk_widget_get_template_child (brief, REMPART_TYPE_COMPOSER_BRIEF, "brief_label");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (brief_label)), ==, expect.brief);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.back", NULL));
  expect_clear (&expect);
}

int
main (int argc, char *argv[])
{
  g_autofree char *data_home = NULL;
  int ret;

  data_home = rempart_ui_test_make_data_home ("ui-action-page-open");
  g_setenv ("REMPART_NO_SYNC", "1", TRUE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  application = rempart_ui_test_application_new ();

#define ADD(name, func) \
  g_test_add ("/action-page-open/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("open", test_open);
  ADD ("switch-while-reading", test_switch_while_reading);
  ADD ("write-reply", test_write_reply);
#undef ADD

  ret = g_test_run ();
  rempart_ui_test_application_shutdown (application);
  g_clear_object (&application);
  rempart_test_dir_remove (data_home);

  return ret;
}
