/* test-preferences-groups.c: the groups followed, adding one, removing one, and the general settings
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "rempart-demo.h"
#include "rempart-preferences-window.h"
#include "rempart-template-page.h"
#include "rempart-ui-test.h"
#include "test-preferences-fixture.h"

/* -------------------------------------------------------------------------------------- */
/* Tests                                                                                  */
/* -------------------------------------------------------------------------------------- */

static void
assert_subtitle_has (AdwActionRow *row, const char *text)
{
  const char *subtitle;

  g_assert_nonnull (row);
  subtitle = adw_action_row_get_subtitle (row);
  if (strstr (subtitle, text) == NULL)
    g_error ("subtitle “%s” does not contain “%s”", subtitle, text);
}

static void
test_rows (Fixture *f, gconstpointer user_data)
{
  AdwActionRow *row;
  GtkButton *button;

  row = find_row (f, SIGNED_TITLE);
  assert_subtitle_has (row, "Checked 5 minutes ago");
  assert_subtitle_has (row, "Signed by the group’s key");
  g_assert_null (strstr (adw_action_row_get_subtitle (row), "Out of date"));

  /* Feed text is never markup. */
  row = find_row (f, UNSIGNED_TITLE);
  g_assert_false (adw_preferences_row_get_use_markup (ADW_PREFERENCES_ROW (row)));
  assert_subtitle_has (row, "Checked 2 hours ago");
  assert_subtitle_has (row, "Not signed: Rempart cannot check who published it");

  /* Without a title yet, the address names the feed. */
  assert_subtitle_has (find_row (f, BROKEN_URL),
                       "Could not be checked: The server example.net did not answer");
  assert_subtitle_has (find_row (f, STALE_URL), "Out of date");
  assert_subtitle_has (find_row (f, STALE_URL), "Checked 3 days ago");
  assert_subtitle_has (find_row (f, ENDED_URL), "No longer published");

  /* Every real group can be removed, with a name a screen reader can speak. */
  button = find_button (GTK_WIDGET (find_row (f, UNSIGNED_TITLE)));
  g_assert_nonnull (button);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (button)), ==, "Stop Following");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Stop Following “" UNSIGNED_TITLE "”");

  /* The example feed is explained, and is not removed like a group. */
  g_assert_null (find_row (f, REMPART_DEMO_FEED_URL));
  row = find_row (f, "Example actions");
  assert_subtitle_has (row, "how Rempart works");
  g_assert_null (find_button (GTK_WIDGET (row)));

  save_pngs (GTK_WINDOW (f->window), "preferences-groups");
}

static void
test_reload (Fixture *f, gconstpointer user_data)
{
  g_autoptr (RempartSubscription) sub = add_sub (f, "https://example.org/later.json", NULL);
  RowQuery q = { f, "https://example.org/later.json" };

  g_assert_null (find_row (f, q.title));
  rempart_preferences_window_reload (f->window);
  g_assert_true (rempart_ui_test_iterate_until (row_is_listed, &q));
  assert_subtitle_has (find_row (f, q.title), "Not checked yet");
}

static void
test_add_invalid (Fixture *f, gconstpointer user_data)
{
  RempartPreferencesAddPage *page = rempart_preferences_window_show_add_group (f->window);
  GtkEditable *address = GTK_EDITABLE (page_child (page, "address_row"));
  GtkEditable *key = GTK_EDITABLE (page_child (page, "key_row"));
  GtkWidget *address_message = GTK_WIDGET (page_child (page, "address_message"));
  GtkWidget *key_message = GTK_WIDGET (page_child (page, "key_message"));
  GtkWidget *add_button = GTK_WIDGET (page_child (page, "add_button"));
  g_autoptr (GPtrArray) before = list_subs (f);
  g_autoptr (GPtrArray) after = NULL;

  g_assert_false (gtk_widget_get_sensitive (add_button));

  /* No message while typing; the button stays off. */
  gtk_editable_set_text (address, "ftp://example.org/feed.json");
  g_assert_false (gtk_widget_get_visible (address_message));
  g_assert_false (gtk_widget_get_sensitive (add_button));

  /* Enter says what is wrong, and adds nothing. */
  g_signal_emit_by_name (address, "entry-activated");
  g_assert_true (gtk_widget_get_visible (address_message));
  g_assert_nonnull (
      strstr (gtk_label_get_text (GTK_LABEL (address_message)), "is not an http or https address"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (address), "error"));

  /* A valid address with a wrong key still cannot be added. */
  gtk_editable_set_text (address, "https://example.org/other.json");
  g_assert_false (gtk_widget_get_visible (address_message));
  g_assert_true (gtk_widget_get_sensitive (add_button));
  gtk_editable_set_text (key, "not a key");
  g_signal_emit_by_name (key, "entry-activated");
  g_assert_true (gtk_widget_get_visible (key_message));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (key), "error"));
  g_assert_false (gtk_widget_get_sensitive (add_button));

  gtk_editable_set_text (address, "ftp://example.org/feed.json");
  g_signal_emit_by_name (address, "entry-activated");
  save_pngs (GTK_WINDOW (f->window), "preferences-add-invalid");

  rempart_ui_test_iterate_a_little ();
  after = list_subs (f);
  g_assert_cmpuint (after->len, ==, before->len);
  g_assert_cmpint (f->added_id, ==, 0);
}

static void
test_add_valid (Fixture *f, gconstpointer user_data)
{
  RempartPreferencesAddPage *page = rempart_preferences_window_show_add_group (f->window);
  GtkEditable *address = GTK_EDITABLE (page_child (page, "address_row"));
  GtkEditable *key = GTK_EDITABLE (page_child (page, "key_row"));
  GtkLabel *key_message = GTK_LABEL (page_child (page, "key_message"));
  g_autofree char *public_key = read_public_key ();
  g_autofree char *pasted = NULL;
  g_autoptr (GPtrArray) subs = NULL;
  RempartSubscription *sub;
  RowQuery q = { f, "https://example.org/new/feed.json" };

  /* Copied from a chat message: no scheme, and the whole minisign.pub on one line. */
  gtk_editable_set_text (address, "  example.org/new/feed.json ");
  pasted =
      g_strdup_printf ("untrusted comment: minisign public key A32496B50E5FA18D %s", public_key);
  gtk_editable_set_text (key, pasted);
  g_assert_nonnull (strstr (gtk_label_get_text (key_message), "A32496B50E5FA18D"));
  save_pngs (GTK_WINDOW (f->window), "preferences-add");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "add-page.add", NULL));
  g_assert_true (rempart_ui_test_iterate_until (int64_is_set, &f->added_id));

  subs = list_subs (f);
  sub = find_sub (subs, "https://example.org/new/feed.json");
  g_assert (sub != NULL);
  g_assert_cmpint (sub->id, ==, f->added_id);
  g_assert_cmpstr (sub->public_key, ==, public_key);

  /* The form closed and the list shows the new group. */
  g_assert_true (rempart_ui_test_iterate_until (row_is_listed, &q));
  assert_subtitle_has (find_row (f, q.title), "Will be checked with the group’s key");
}

static void
test_add_duplicate (Fixture *f, gconstpointer user_data)
{
  RempartPreferencesAddPage *page = rempart_preferences_window_show_add_group (f->window);
  GtkEditable *address = GTK_EDITABLE (page_child (page, "address_row"));
  GtkLabel *message = GTK_LABEL (page_child (page, "address_message"));
  g_autoptr (GPtrArray) before = list_subs (f);
  g_autoptr (GPtrArray) after = NULL;

  gtk_editable_set_text (address, UNSIGNED_URL);
  g_signal_emit_by_name (address, "entry-activated");
  g_assert_true (
      rempart_ui_test_iterate_until ((gboolean (*) (gpointer)) gtk_widget_get_visible, message));
  g_assert_nonnull (strstr (gtk_label_get_text (message), "You already follow"));

  after = list_subs (f);
  g_assert_cmpuint (after->len, ==, before->len);
  g_assert_cmpint (f->added_id, ==, 0);
}

static void
test_remove (Fixture *f, gconstpointer user_data)
{
  RowQuery q = { f, UNSIGNED_TITLE };
  g_autoptr (GPtrArray) subs = list_subs (f);
  g_autoptr (GPtrArray) after = NULL;
  RempartSubscription *sub = find_sub (subs, UNSIGNED_URL);
  AdwMessageDialog *dialog;
  gint64 id;

  g_assert (sub != NULL);
  id = sub->id;

  /* Cancel keeps it. */
  g_signal_emit_by_name (find_button (GTK_WIDGET (find_row (f, UNSIGNED_TITLE))), "clicked");
  g_assert_true (rempart_ui_test_iterate_until (rempart_ui_test_message_dialog_is_shown, NULL));
  dialog = rempart_ui_test_find_message_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==,
                   "Stop Following “" UNSIGNED_TITLE "”?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Your drafts and history stay"));
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, "remove"), ==,
                   ADW_RESPONSE_DESTRUCTIVE);
  save_png (GTK_WIDGET (dialog), "preferences-remove-dialog.png");
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  rempart_ui_test_iterate_a_little ();
  after = list_subs (f);
  g_assert_nonnull (find_sub (after, UNSIGNED_URL));
  g_assert_cmpint (f->removed_id, ==, 0);
  g_clear_pointer (&after, g_ptr_array_unref);

  /* Stop Following removes it from the store, then from the list. */
  g_signal_emit_by_name (find_button (GTK_WIDGET (find_row (f, UNSIGNED_TITLE))), "clicked");
  g_assert_true (rempart_ui_test_iterate_until (rempart_ui_test_message_dialog_is_shown, NULL));
  dialog = rempart_ui_test_find_message_dialog ();
  adw_message_dialog_response (dialog, "remove");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_true (rempart_ui_test_iterate_until (int64_is_set, &f->removed_id));
  g_assert_cmpint (f->removed_id, ==, id);
  after = list_subs (f);
  g_assert_null (find_sub (after, UNSIGNED_URL));
  g_assert_true (rempart_ui_test_iterate_until (row_is_gone, &q));
}

static guint
n_events_of (Fixture *f, const char *url)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) events = rempart_store_list_events_sync (f->store, &error);
  guint n = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < events->len; i++)
    if (g_str_equal (((RempartParticipationEvent *) events->pdata[i])->subscription_url, url))
      n++;
  return n;
}

static gboolean
unsigned_is_forgotten (gpointer data)
{
  return n_events_of (data, UNSIGNED_URL) == 0;
}

static void
test_remove_and_forget (Fixture *f, gconstpointer user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RempartDraft) kept = NULL;
  g_autoptr (RempartDraft) gone = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *forget;
  RempartDraft draft = { .subscription_url = UNSIGNED_URL, .action_id = "a1", .text = "Texte" };

  /* A reply posted in the group to remove, and one in another group. */
  for (guint i = 0; i < 2; i++)
    {
      draft.subscription_url = i == 0 ? UNSIGNED_URL : SIGNED_URL;
      g_assert_true (rempart_store_save_draft_sync (f->store, &draft, &error));
      g_assert_true (rempart_store_add_action_state_sync (
          f->store, draft.subscription_url, "a1",
          REMPART_ACTION_STATE_JOINED | REMPART_ACTION_STATE_POSTED, &error));
      g_assert_no_error (error);
    }

  g_signal_emit_by_name (find_button (GTK_WIDGET (find_row (f, UNSIGNED_TITLE))), "clicked");
  g_assert_true (rempart_ui_test_iterate_until (rempart_ui_test_message_dialog_is_shown, NULL));
  dialog = rempart_ui_test_find_message_dialog ();
  /* The option is there, and off: history outlives a subscription unless asked. */
  forget = adw_message_dialog_get_extra_child (dialog);
  g_assert_true (GTK_IS_CHECK_BUTTON (forget));
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (forget)));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (forget), TRUE);
  adw_message_dialog_response (dialog, "remove");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_true (rempart_ui_test_iterate_until (int64_is_set, &f->removed_id));
  g_assert_true (rempart_ui_test_iterate_until (unsigned_is_forgotten, f));

  gone = rempart_store_load_draft_sync (f->store, UNSIGNED_URL, "a1", &error);
  kept = rempart_store_load_draft_sync (f->store, SIGNED_URL, "a1", &error);
  g_assert_no_error (error);
  g_assert_null (gone);
  g_assert_nonnull (kept);
  g_assert_cmpuint (n_events_of (f, SIGNED_URL), ==, 2);
}

static void
test_settings (Fixture *f, gconstpointer user_data)
{
  AdwComboRow *interval = ADW_COMBO_ROW (child (f, "interval_row"));
  GtkSwitch *notifications = GTK_SWITCH (child (f, "notifications_switch"));

  /* The defaults show. */
  g_assert_cmpuint (adw_combo_row_get_selected (interval), ==, 2);
  g_assert_true (gtk_switch_get_active (notifications));

  /* The rows change the settings. */
  adw_combo_row_set_selected (interval, 0);
  g_assert_cmpuint (g_settings_get_uint (f->settings, "sync-interval"), ==, 900);
  adw_combo_row_set_selected (interval, 5);
  g_assert_cmpuint (g_settings_get_uint (f->settings, "sync-interval"), ==, 86400);

  gtk_switch_set_active (notifications, FALSE);
  g_assert_false (g_settings_get_boolean (f->settings, "notifications"));

  /* And follow them, a value set elsewhere showing as the nearest choice. */
  g_settings_set_uint (f->settings, "sync-interval", 4 * 3600);
  g_assert_cmpuint (adw_combo_row_get_selected (interval), ==, 3);
  /* The content warning moved to the Wellbeing page: tests/ui/test-wellbeing.c. */

  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (f->window), "general");
  save_pngs (GTK_WINDOW (f->window), "preferences-general");
}

static void
test_add_group_focus (Fixture *f, gconstpointer user_data)
{
  GtkWidget *focus;
  GtkWidget *page;
  GtkWidget *address;

  /* The action behind Ctrl+N opens the form, ready to paste the address in. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "prefs.add-group", NULL));
  rempart_ui_test_iterate_a_little ();
  focus = gtk_window_get_focus (GTK_WINDOW (f->window));
  g_assert_nonnull (focus);

  page = gtk_widget_get_ancestor (focus, REMPART_TYPE_PREFERENCES_ADD_PAGE);
  g_assert_nonnull (page);
  address = GTK_WIDGET (page_child (REMPART_PREFERENCES_ADD_PAGE (page), "address_row"));
  g_assert_true (focus == address || gtk_widget_is_ancestor (focus, address));

  /* Back closes it without adding anything. */
  g_assert_true (gtk_widget_activate_action (page, "add-page.cancel", NULL));
  rempart_ui_test_iterate_a_little ();
  g_assert_cmpint (f->added_id, ==, 0);
}

/* -------------------------------------------------------------------------------------- */
/* -------------------------------------------------------------------------------------- */
/* Main                                                                                   */
/* -------------------------------------------------------------------------------------- */

int
main (int argc, char *argv[])
{
  g_autofree char *data_home = preferences_test_init (&argc, &argv);

  PREFERENCES_TEST_ADD ("rows", test_rows);
  PREFERENCES_TEST_ADD ("reload", test_reload);
  PREFERENCES_TEST_ADD ("add-invalid", test_add_invalid);
  PREFERENCES_TEST_ADD ("add-valid", test_add_valid);
  PREFERENCES_TEST_ADD ("add-duplicate", test_add_duplicate);
  PREFERENCES_TEST_ADD ("remove", test_remove);
  PREFERENCES_TEST_ADD ("remove-and-forget", test_remove_and_forget);
  PREFERENCES_TEST_ADD ("settings", test_settings);
  PREFERENCES_TEST_ADD ("add-group-focus", test_add_group_focus);

  return preferences_test_run (data_home);
}
