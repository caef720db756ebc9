/* test-action-page.c: the action page on a real store file
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "rempart-page-test.h"
#include "rempart-action-item.h"
#include "rempart-action-page.h"
#include "rempart-store-action.h"

/* -------------------------------------------------------------------------------------- */
/* Fixture                                                                                */
/* -------------------------------------------------------------------------------------- */

typedef struct
{
  RempartStore *store;
  RempartSubscription *sub;
  RempartActionItem *item;
  RempartFeedInfo *info;
  RempartActionPage *page;
  GtkWindow *window;
  GSettings *settings;
} Fixture;

static void
fixture_set_up (Fixture *fixture, gconstpointer user_data)
{
  rempart_page_test_open_example (&fixture->store, &fixture->sub, &fixture->item, &fixture->info);
  fixture->settings = g_settings_new (APPLICATION_ID);

  fixture->page = REMPART_ACTION_PAGE (rempart_action_page_new ());
  rempart_action_page_set_item (fixture->page, fixture->store, fixture->item, fixture->info);
  fixture->window = rempart_page_test_window_new (GTK_WIDGET (fixture->page), 800, 1000);
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer user_data)
{
  gtk_window_destroy (fixture->window);
  while (g_main_context_iteration (NULL, FALSE))
    ;

  rempart_page_test_set_dark (FALSE);
  g_settings_reset (fixture->settings, "excerpt-display");
  g_clear_object (&fixture->settings);
  rempart_page_test_close_example (&fixture->store, &fixture->sub, &fixture->item, &fixture->info);
}

static GtkWidget *
child (Fixture *fixture, const char *name)
{
  GObject *object =
      gtk_widget_get_template_child (GTK_WIDGET (fixture->page), REMPART_TYPE_ACTION_PAGE, name);

  g_assert_true (GTK_IS_WIDGET (object));
  return GTK_WIDGET (object);
}

static const char *
label_text (Fixture *fixture, const char *name)
{
  return gtk_label_get_text (GTK_LABEL (child (fixture, name)));
}

static RempartActionState
stored_state (Fixture *fixture)
{
  g_autoptr (RempartStoredAction) stored =
      rempart_page_test_find_stored (fixture->store, EXAMPLE_FEED_URL, MIGRANTS_ID);

  return stored->state;
}

static void
collect_action_rows (GtkWidget *widget, GPtrArray *rows)
{
  if (ADW_IS_ACTION_ROW (widget))
    {
      g_ptr_array_add (rows, widget);
      return;
    }

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    collect_action_rows (c, rows);
}

typedef struct
{
  Fixture *fixture;
  RempartActionState flag;
} StateWait;

static gboolean
state_has_flag (gpointer data)
{
  StateWait *wait = data;

  return (stored_state (wait->fixture) & wait->flag) != 0;
}

/* Keeps the store's thread busy for a while: a read asked for now waits behind @n lists. */
static void
keep_store_busy (Fixture *fixture, guint n)
{
  for (guint i = 0; i < n; i++)
    rempart_store_list_actions_async (fixture->store, REMPART_ACTION_VIEW_ALL, NULL, NULL, NULL);
}

static gboolean
reading_shown (gpointer data)
{
  return gtk_widget_get_visible (child (data, "details_status_box")) &&
         gtk_widget_get_visible (child (data, "details_spinner"));
}

typedef struct
{
  Fixture *fixture;
  const char *brief;
} BriefWait;

static gboolean
brief_shown (gpointer data)
{
  BriefWait *wait = data;

  return g_strcmp0 (label_text (wait->fixture, "brief_label"), wait->brief) == 0 &&
         gtk_widget_get_visible (child (wait->fixture, "brief_box"));
}

static gboolean
status_shown (gpointer data)
{
  return gtk_widget_get_visible (child (data, "details_status_box")) &&
         gtk_widget_has_css_class (child (data, "details_status_label"), "error");
}

/* Records each brief shown, with the title shown above it at that moment. */
static void
brief_changed_cb (GtkLabel *label, GParamSpec *pspec, GPtrArray *seen)
{
  GtkWidget *page = gtk_widget_get_ancestor (GTK_WIDGET (label), REMPART_TYPE_ACTION_PAGE);
  GtkLabel *title =
      GTK_LABEL (gtk_widget_get_template_child (page, REMPART_TYPE_ACTION_PAGE, "title_label"));

  g_ptr_array_add (
      seen, g_strdup_printf ("%s|%s", gtk_label_get_text (title), gtk_label_get_text (label)));
}

/* -------------------------------------------------------------------------------------- */
/* Tests                                                                                  */
/* -------------------------------------------------------------------------------------- */

static void
test_content (Fixture *fixture, gconstpointer user_data)
{
  RempartAction *action = rempart_action_item_peek_action (fixture->item);
  GtkWidget *sources = child (fixture, "sources_group");
  g_autoptr (GPtrArray) rows = g_ptr_array_new ();
  GtkWidget *row;

  g_assert_cmpstr (label_text (fixture, "title_label"), ==, rempart_action_get_title (action));
  g_assert_cmpstr (label_text (fixture, "brief_label"), ==, rempart_action_get_brief (action));
  g_assert_true (gtk_label_get_selectable (GTK_LABEL (child (fixture, "brief_label"))));
  g_assert_false (gtk_label_get_use_markup (GTK_LABEL (child (fixture, "brief_label"))));
  g_assert_nonnull (strstr (label_text (fixture, "meta_label"), "Facebook"));
  /* The example action ended on 3 May 2026. */
  if (rempart_action_item_get_expires (fixture->item) < g_get_real_time () / G_USEC_PER_SEC)
    g_assert_nonnull (strstr (label_text (fixture, "meta_label"), "Ended"));
  g_assert_nonnull (strstr (label_text (fixture, "hashtag_label"), "#jesuislà"));
  g_assert_false (gtk_widget_get_visible (child (fixture, "demo_box")));
  g_assert_false (gtk_widget_get_visible (child (fixture, "state_label")));

  /* Two arguments and three rules, one row each. */
  g_assert_nonnull (
      gtk_list_box_get_row_at_index (GTK_LIST_BOX (child (fixture, "arguments_list")), 1));
  g_assert_null (
      gtk_list_box_get_row_at_index (GTK_LIST_BOX (child (fixture, "arguments_list")), 2));
  g_assert_nonnull (
      gtk_list_box_get_row_at_index (GTK_LIST_BOX (child (fixture, "rules_list")), 2));

  /* Each source shows its host, so that a deceptive link is visible. */
  g_assert_true (gtk_widget_get_visible (sources));
  collect_action_rows (sources, rows);
  g_assert_cmpuint (rows->len, ==, 2);
  row = g_ptr_array_index (rows, 0);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "insee.fr");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (g_ptr_array_index (rows, 1))), ==,
                   "ccomptes.fr");
  g_assert_false (adw_preferences_row_get_use_markup (ADW_PREFERENCES_ROW (row)));
  g_signal_emit_by_name (row, "activated");
  g_assert_true (rempart_page_test_was_launched ("https://www.insee.fr/fr/statistiques/6793232"));

  rempart_page_test_save_png (GTK_WIDGET (fixture->window), "action-page.png");
}

static void
test_excerpt_hidden (Fixture *fixture, gconstpointer user_data)
{
  RempartAction *action = rempart_action_item_peek_action (fixture->item);
  GtkWidget *excerpt = child (fixture, "excerpt_label");
  GtkWidget *show = child (fixture, "show_excerpt_button");
  GtkStack *stack = GTK_STACK (child (fixture, "excerpt_stack"));

  /* Hidden by default: not on screen, not even in the label. */
  g_assert_true (gtk_widget_get_mapped (show));
  g_assert_false (gtk_widget_get_mapped (excerpt));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (excerpt)), ==, "");
  g_assert_false (rempart_action_page_get_excerpt_revealed (fixture->page));

  g_signal_emit_by_name (show, "clicked");
  /* Shown at once (no transition, see the .ui), but waited for however long a slow run
   * makes the next frame. Under LeakSanitizer this program also checks that the excerpt
   * stack leaks no render node (GTK 4.8 loses those of a GtkStack transition). */
  g_assert_true (rempart_ui_test_wait_stack (stack, "shown"));
  g_assert_true (gtk_widget_get_mapped (excerpt));
  g_assert_false (gtk_widget_get_mapped (show));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (excerpt)), ==,
                   rempart_action_get_excerpt (action));
  g_assert_true (rempart_action_page_get_excerpt_revealed (fixture->page));
  rempart_page_test_save_png (GTK_WIDGET (fixture->window), "action-page-excerpt.png");

  /* And hidden again. */
  g_signal_emit_by_name (child (fixture, "hide_excerpt_button"), "clicked");
  g_assert_true (rempart_ui_test_wait_stack (stack, "hidden"));
  g_assert_true (gtk_widget_get_mapped (show));
  g_assert_false (gtk_widget_get_mapped (excerpt));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (excerpt)), ==, "");

  /* Another action starts hidden even after this one was shown. */
  g_signal_emit_by_name (show, "clicked");
  rempart_action_page_set_item (fixture->page, fixture->store, fixture->item, fixture->info);
  g_assert_false (rempart_action_page_get_excerpt_revealed (fixture->page));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (excerpt)), ==, "");
}

static void
test_excerpt_always_hidden (Fixture *fixture, gconstpointer user_data)
{
  GtkWidget *excerpt = child (fixture, "excerpt_label");
  GtkStack *stack = GTK_STACK (child (fixture, "excerpt_stack"));

  g_settings_set_string (fixture->settings, "excerpt-display", "always-hide");
  g_assert_true (rempart_ui_test_wait_stack (stack, "never"));

  /* Even a click that was on its way does not show it: nothing pending changes the stack. */
  g_signal_emit_by_name (child (fixture, "show_excerpt_button"), "clicked");
  rempart_ui_test_dispatch_pending ();
  g_assert_true (rempart_ui_test_wait_stack (stack, NULL));
  g_assert_false (gtk_widget_get_mapped (excerpt));
  g_assert_false (gtk_widget_get_mapped (child (fixture, "show_excerpt_button")));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (excerpt)), ==, "");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "never");
  rempart_page_test_save_png (GTK_WIDGET (fixture->window), "action-page-always-hide.png");

  g_settings_reset (fixture->settings, "excerpt-display");
  g_assert_true (rempart_ui_test_wait_stack (stack, "hidden"));
}

static void
test_open_thread (Fixture *fixture, gconstpointer user_data)
{
  StateWait wait = { fixture, REMPART_ACTION_STATE_OPENED };

  g_assert_false (stored_state (fixture) & REMPART_ACTION_STATE_OPENED);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "page.open-thread", NULL));
  g_assert_true (rempart_page_test_was_launched (MIGRANTS_THREAD));
  g_assert_true (rempart_ui_test_iterate_until (state_has_flag, &wait));
  g_assert_true (rempart_action_item_get_state (fixture->item) & REMPART_ACTION_STATE_OPENED);
  g_assert_true (gtk_widget_get_visible (child (fixture, "state_label")));
}

/* Where Open Thread goes is on the page, by its host, before it is opened; and who asks. */
static void
test_thread_host (Fixture *fixture, gconstpointer user_data)
{
  GtkWidget *label = child (fixture, "thread_label");

  g_assert_true (gtk_widget_get_visible (label));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, "Thread on facebook.com");
  g_assert_false (gtk_label_get_use_markup (GTK_LABEL (label)));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (child (fixture, "open_button")), ==,
                   MIGRANTS_THREAD);
  g_assert_cmpuint (rempart_page_test_n_launched (), ==, 0);

  /* The group's own words, as the feed gives them, in plain text. */
  g_assert_true (gtk_widget_get_visible (child (fixture, "about_box")));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (child (fixture, "about_label"))), ==,
                   "Groupe de contre-discours #jesuislà.\nNous répondons avec calme, faits et "
                   "empathie.");
  g_assert_false (gtk_label_get_use_markup (GTK_LABEL (child (fixture, "about_label"))));

  /* No action, no address, no group. */
  rempart_action_page_set_item (fixture->page, NULL, NULL, NULL);
  g_assert_false (gtk_widget_get_visible (label));
  g_assert_false (gtk_widget_get_visible (child (fixture, "about_box")));
}

static void
on_signal (RempartActionPage *page, guint *count)
{
  (*count)++;
}

static void
test_dismiss (Fixture *fixture, gconstpointer user_data)
{
  StateWait wait = { fixture, REMPART_ACTION_STATE_DISMISSED };
  guint dismissed = 0;
  guint write = 0;

  g_signal_connect (fixture->page, "dismissed", G_CALLBACK (on_signal), &dismissed);
  g_signal_connect (fixture->page, "write-reply", G_CALLBACK (on_signal), &write);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "page.write-reply", NULL));
  g_assert_cmpuint (write, ==, 1);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "page.dismiss", NULL));
  g_assert_cmpuint (dismissed, ==, 1);
  g_assert_true (rempart_ui_test_iterate_until (state_has_flag, &wait));
  g_assert_cmpstr (label_text (fixture, "state_label"), ==, "You set this action aside");
  /* Nothing was opened. */
  g_assert_cmpuint (rempart_page_test_n_launched (), ==, 0);
  /* Once set aside, the button is disabled. */
  g_assert_false (gtk_widget_is_sensitive (child (fixture, "dismiss_button")));
}

static void
test_posted_state (Fixture *fixture, gconstpointer user_data)
{
  rempart_action_item_set_state (fixture->item,
                                 REMPART_ACTION_STATE_JOINED | REMPART_ACTION_STATE_POSTED);
  g_assert_cmpstr (label_text (fixture, "state_label"), ==, "You posted a reply");
  g_assert_true (gtk_widget_has_css_class (child (fixture, "state_label"), "success"));
}

static void
test_demo (Fixture *fixture, gconstpointer user_data)
{
  g_autoptr (RempartFeedInfo) info = rempart_feed_info_copy (fixture->info);

  info->is_bundled = TRUE;
  rempart_action_page_set_item (fixture->page, fixture->store, fixture->item, info);
  g_assert_true (gtk_widget_get_visible (child (fixture, "demo_box")));

  rempart_action_page_set_item (fixture->page, NULL, NULL, NULL);
  g_assert_false (gtk_widget_get_visible (child (fixture, "demo_box")));
  g_assert_false (gtk_widget_get_visible (child (fixture, "excerpt_card")));
  g_assert_false (gtk_widget_is_sensitive (child (fixture, "dismiss_button")));
  g_assert_false (gtk_widget_is_sensitive (child (fixture, "open_button")));
}

static void
test_accessible (Fixture *fixture, gconstpointer user_data)
{
  const char *buttons[] = { "write_button", "open_button", "dismiss_button",
                            "show_excerpt_button" };

  /* Every button says what it does in words: no icon-only button here. */
  for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
    {
      const char *label = gtk_button_get_label (GTK_BUTTON (child (fixture, buttons[i])));

      g_assert_nonnull (label);
      g_assert_cmpstr (label, !=, "");
    }

  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (child (fixture, "title_label")),
                                   GTK_ACCESSIBLE_ROLE_HEADING);
}

static void
test_dark (Fixture *fixture, gconstpointer user_data)
{
  rempart_page_test_set_dark (TRUE);
  g_signal_emit_by_name (child (fixture, "show_excerpt_button"), "clicked");
  g_assert_true (
      rempart_ui_test_wait_stack (GTK_STACK (child (fixture, "excerpt_stack")), "shown"));
  rempart_page_test_save_png (GTK_WIDGET (fixture->window), "action-page-dark.png");
}

static void
test_narrow (Fixture *fixture, gconstpointer user_data)
{
  rempart_page_test_check_narrow (fixture->window, "action-page-360.png");
}

/* An item of the list: its list fields at once, its brief, arguments and sources once read
 * from the store, and no status left behind. */
static void
test_details_appear (Fixture *fixture, gconstpointer user_data)
{
  g_autoptr (RempartActionModel) model = NULL;
  RempartActionItem *item;
  BriefWait wait = { fixture, "Brief s1" };

  rempart_page_test_import_rows (fixture->store, 1, 3, "");
  model = rempart_page_test_rows_model (fixture->store);
  item = rempart_page_test_row_item (model, "s1");

  /* From an empty page: nothing of another action to keep. */
  rempart_action_page_set_item (fixture->page, NULL, NULL, NULL);
  rempart_action_page_set_item (fixture->page, fixture->store, item, fixture->info);
  g_assert_cmpstr (label_text (fixture, "title_label"), ==, "Row 1");
  g_assert_cmpstr (label_text (fixture, "thread_label"), ==, "Thread on example.org");
  g_assert_true (gtk_widget_is_sensitive (child (fixture, "write_button")));
  g_assert_true (gtk_widget_is_sensitive (child (fixture, "open_button")));
  g_assert_false (gtk_widget_get_visible (child (fixture, "brief_box")));

  g_assert_true (rempart_ui_test_iterate_until (brief_shown, &wait));
  g_assert_true (rempart_action_item_has_details (item));
  g_assert_true (gtk_widget_get_visible (child (fixture, "arguments_box")));
  g_assert_false (gtk_widget_get_visible (child (fixture, "details_status_box")));
  g_assert_cmpstr (label_text (fixture, "title_label"), ==, "Row 1");

  /* From the page of another action: its brief stays until this one's is in, never blank. */
  {
    GPtrArray *seen = g_ptr_array_new_with_free_func (g_free);
    BriefWait next = { fixture, "Brief s2" };
    gulong id = g_signal_connect (child (fixture, "brief_label"), "notify::label",
                                  G_CALLBACK (brief_changed_cb), seen);

    rempart_action_page_set_item (fixture->page, fixture->store,
                                  rempart_page_test_row_item (model, "s2"), fixture->info);
    g_assert_cmpstr (label_text (fixture, "title_label"), ==, "Row 2");
    g_assert_true (rempart_ui_test_iterate_until (brief_shown, &next));
    g_signal_handler_disconnect (child (fixture, "brief_label"), id);
    /* Unless the read took longer than the page waits (a slow machine), straight there. */
    if (seen->len == 1)
      g_assert_cmpstr (g_ptr_array_index (seen, 0), ==, "Row 2|Brief s2");
    g_test_message ("brief label changes: %u", seen->len);
    g_ptr_array_unref (seen);
  }
  rempart_page_test_save_png (GTK_WIDGET (fixture->window), "action-page-row.png");
}

/* The selection moves on while reads are pending: the page ends on the last action, and
 * never shows an action's brief under another's title, nor the brief of one it left. */
static void
test_details_switch (Fixture *fixture, gconstpointer user_data)
{
  g_autoptr (RempartActionModel) model = NULL;
  g_autoptr (GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) subs = NULL;
  BriefWait wait = { fixture, "Brief s4" };
  const char *ids[] = { "s0", "s3", "s1", "s2", "s4" };

  rempart_page_test_import_rows (fixture->store, 1, 5, "");
  model = rempart_page_test_rows_model (fixture->store);
  g_signal_connect (child (fixture, "brief_label"), "notify::label", G_CALLBACK (brief_changed_cb),
                    seen);

  keep_store_busy (fixture, 300);
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      RempartActionItem *item = rempart_page_test_row_item (model, ids[i]);

      rempart_action_page_set_item (fixture->page, fixture->store, item, fixture->info);
      g_assert_cmpstr (label_text (fixture, "title_label"), ==,
                       rempart_action_item_get_title (item));
      /* One frame's worth of the main loop between two moves of the selection. */
      for (guint j = 0; j < 3; j++)
        g_main_context_iteration (NULL, FALSE);
    }
  g_assert_true (rempart_ui_test_iterate_until (brief_shown, &wait));

  /* Every read has answered by now (the store's thread runs jobs in order): still s4. */
  subs = rempart_store_list_subscriptions_sync (fixture->store, &error);
  g_assert_no_error (error);
  rempart_ui_test_iterate_a_little ();
  g_assert_cmpstr (label_text (fixture, "brief_label"), ==, "Brief s4");
  g_assert_cmpstr (label_text (fixture, "title_label"), ==, "Row 4");
  g_assert_false (gtk_widget_get_visible (child (fixture, "details_status_box")));
  for (guint i = 0; i < seen->len; i++)
    {
      const char *text = g_ptr_array_index (seen, i);
      const char *brief = strchr (text, '|') + 1;

      g_test_message ("title|brief: %s", text);
      /* Empty (the read took longer than the page waits), or this action's. */
      if (brief[0] != '\0')
        g_assert_cmpint (text[4], ==, brief[7]); /* "Row N|Brief sN" */
    }
  g_assert_cmpstr (g_ptr_array_index (seen, seen->len - 1), ==, "Row 4|Brief s4");
  g_signal_handlers_disconnect_by_func (child (fixture, "brief_label"), brief_changed_cb, seen);
}

/* A read that takes longer than a moment (the store busy with a sync, say): the last
 * action's sections go, a spinner says the brief is being read, and the brief replaces it. */
static void
test_details_slow (Fixture *fixture, gconstpointer user_data)
{
  g_autoptr (RempartActionModel) model = NULL;
  BriefWait wait = { fixture, "Brief s0" };

  rempart_page_test_import_rows (fixture->store, 1, 3, "");
  model = rempart_page_test_rows_model (fixture->store);
  g_assert_true (gtk_widget_get_visible (child (fixture, "brief_box"))); /* the migrants' */

  /* The page says it is reading at the next turn of the main loop, while the store's thread
   * still has 1,500 jobs before the read: no race with a clock. */
  rempart_action_page_set_details_delay_for_testing (0);
  keep_store_busy (fixture, 1500);
  rempart_action_page_set_item (fixture->page, fixture->store,
                                rempart_page_test_row_item (model, "s0"), fixture->info);
  /* The migrants' sections go at once, before any turn of the main loop. */
  g_assert_false (gtk_widget_get_visible (child (fixture, "brief_box")));
  g_assert_true (rempart_ui_test_iterate_until (reading_shown, fixture));
  rempart_action_page_set_details_delay_for_testing (150);
  g_assert_cmpstr (label_text (fixture, "details_status_label"), ==, "Reading the brief…");
  g_assert_true (gtk_spinner_get_spinning (GTK_SPINNER (child (fixture, "details_spinner"))));
  g_assert_false (gtk_widget_has_css_class (child (fixture, "details_status_label"), "error"));
  g_assert_false (gtk_widget_get_visible (child (fixture, "brief_box")));
  g_assert_false (gtk_widget_get_visible (child (fixture, "sources_group")));
  g_assert_false (gtk_widget_get_visible (child (fixture, "excerpt_card")));
  g_assert_cmpstr (label_text (fixture, "title_label"), ==, "Row 0");

  g_assert_true (rempart_ui_test_iterate_until_timeout (brief_shown, &wait, 30));
  g_assert_false (gtk_widget_get_visible (child (fixture, "details_status_box")));
  g_assert_false (gtk_spinner_get_spinning (GTK_SPINNER (child (fixture, "details_spinner"))));
}

/* A reload brings a changed brief for the action shown: the page reads it again. */
static void
test_details_reload (Fixture *fixture, gconstpointer user_data)
{
  g_autoptr (RempartActionModel) model = NULL;
  BriefWait first = { fixture, "Brief s1" };
  BriefWait changed = { fixture, "Brief s1 (bis)" };

  rempart_page_test_import_rows (fixture->store, 1, 3, "");
  model = rempart_page_test_rows_model (fixture->store);
  rempart_action_page_set_item (fixture->page, fixture->store,
                                rempart_page_test_row_item (model, "s1"), fixture->info);
  g_assert_true (rempart_ui_test_iterate_until (brief_shown, &first));

  rempart_page_test_import_rows (fixture->store, 2, 3, " (bis)");
  rempart_action_model_reload (model);
  g_assert_true (rempart_ui_test_iterate_until (brief_shown, &changed));
  g_assert_cmpstr (label_text (fixture, "title_label"), ==, "Row 1");
}

/* The page read a newer content than the list's row (a sync landed before the list's
 * reload): each later reload that brings another content makes it read again, so the page
 * never stays on an older brief. */
static void
test_details_newer_than_row (Fixture *fixture, gconstpointer user_data)
{
  g_autoptr (RempartActionModel) model = NULL;
  BriefWait bis = { fixture, "Brief s1 (bis)" };
  BriefWait ter = { fixture, "Brief s1 (ter)" };

  rempart_page_test_import_rows (fixture->store, 1, 3, "");
  model = rempart_page_test_rows_model (fixture->store);
  rempart_page_test_import_rows (fixture->store, 2, 3, " (bis)");
  rempart_action_page_set_item (fixture->page, fixture->store,
                                rempart_page_test_row_item (model, "s1"), fixture->info);
  g_assert_true (rempart_ui_test_iterate_until (brief_shown, &bis));

  rempart_action_model_reload (model);
  rempart_page_test_import_rows (fixture->store, 3, 3, " (ter)");
  rempart_action_model_reload (model);
  g_assert_true (rempart_ui_test_iterate_until (brief_shown, &ter));
  g_assert_cmpstr (label_text (fixture, "title_label"), ==, "Row 1");
}

/* The action left the store after the list was read: the page says so, keeps the list's
 * fields, and still lets the volunteer write (a reply is kept by its action's key). */
static void
test_details_missing (Fixture *fixture, gconstpointer user_data)
{
  g_autoptr (RempartActionModel) model = NULL;
  RempartActionItem *item;
  const char *message;

  rempart_page_test_import_rows (fixture->store, 1, 3, "");
  model = rempart_page_test_rows_model (fixture->store);
  item = rempart_page_test_row_item (model, "s2");
  g_object_ref (item);
  rempart_page_test_import_rows (fixture->store, 2, 2, "");

  rempart_action_page_set_item (fixture->page, fixture->store, item, fixture->info);
  g_assert_true (rempart_ui_test_iterate_until (status_shown, fixture));
  message = label_text (fixture, "details_status_label");
  g_test_message ("%s", message);
  g_assert_nonnull (strstr (message, "“s2”"));
  g_assert_false (gtk_widget_get_visible (child (fixture, "brief_box")));
  g_assert_false (gtk_widget_get_visible (child (fixture, "details_spinner")));
  g_assert_cmpstr (label_text (fixture, "title_label"), ==, "Row 2");
  g_assert_true (gtk_widget_is_sensitive (child (fixture, "write_button")));
  rempart_page_test_save_png (GTK_WIDGET (fixture->window), "action-page-missing.png");

  /* Another action clears the error. */
  rempart_action_page_set_item (fixture->page, fixture->store, fixture->item, fixture->info);
  g_assert_false (gtk_widget_get_visible (child (fixture, "details_status_box")));
  g_object_unref (item);
}

int
main (int argc, char *argv[])
{
  rempart_page_test_init (&argc, &argv, "action-page");

#define ADD(name, func) \
  g_test_add ("/action-page/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("content", test_content);
  ADD ("excerpt-hidden", test_excerpt_hidden);
  ADD ("excerpt-always-hidden", test_excerpt_always_hidden);
  ADD ("open-thread", test_open_thread);
  ADD ("thread-host", test_thread_host);
  ADD ("dismiss", test_dismiss);
  ADD ("posted-state", test_posted_state);
  ADD ("demo", test_demo);
  ADD ("accessible", test_accessible);
  ADD ("dark", test_dark);
  ADD ("narrow", test_narrow);
  ADD ("details-appear", test_details_appear);
  ADD ("details-switch", test_details_switch);
  ADD ("details-slow", test_details_slow);
  ADD ("details-reload", test_details_reload);
  ADD ("details-newer-than-row", test_details_newer_than_row);
  ADD ("details-missing", test_details_missing);
#undef ADD

  return rempart_page_test_run ();
}
