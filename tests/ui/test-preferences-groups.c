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
/* Correcting a group's address and key (issue 10, item 5)                                */
/* -------------------------------------------------------------------------------------- */

#define SIGNED_KEY_ID    "A32496B50E5FA18D"
#define ENCRYPTED_KEY_ID "F5D794E39FB53BBE"

static char *
read_encrypted_public_key (void)
{
  g_autofree char *path =
      g_test_build_filename (G_TEST_DIST, "unit", "minisign", "encrypted.pub", NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  g_auto (GStrv) lines = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (text, "\n", -1);
  return g_strdup (lines[1]);
}

static RempartPreferencesAddPage *
shown_page (Fixture *f)
{
  GtkWidget *focus = gtk_window_get_focus (GTK_WINDOW (f->window));
  GtkWidget *page;

  if (focus == NULL)
    return NULL;
  page = gtk_widget_get_ancestor (focus, REMPART_TYPE_PREFERENCES_ADD_PAGE);
  return page != NULL ? REMPART_PREFERENCES_ADD_PAGE (page) : NULL;
}

static gboolean
page_is_shown (gpointer data)
{
  return shown_page (data) != NULL;
}

/* The pointer goes over the group's row, then clicks it, as a person opens it. */
static RempartPreferencesAddPage *
open_group (Fixture *f, const char *title)
{
  GtkWidget *row = GTK_WIDGET (find_row (f, title));
  RempartPreferencesAddPage *page;
  GtkWidget *focus;

  g_assert_nonnull (row);
  rempart_ui_test_hover (row, row, rempart_ui_test_center_of (row), FALSE);
  rempart_ui_test_iterate_a_little ();
  /* Hovering opens nothing. */
  g_assert_null (shown_page (f));
  rempart_ui_test_click_row (row);
  g_assert_true (rempart_ui_test_iterate_until (page_is_shown, f));
  rempart_ui_test_hover (row, row, rempart_ui_test_center_of (row), TRUE);

  /* Ready to correct the address, as Add a Group is to paste it. */
  page = shown_page (f);
  focus = gtk_window_get_focus (GTK_WINDOW (f->window));
  g_assert_true (rempart_ui_test_is_inside (focus, GTK_WIDGET (page_child (page, "address_row"))));
  return page;
}

static gboolean
pointer_is_null (gpointer data)
{
  return *(gpointer *) data == NULL;
}

static RempartSubscription *
stored (Fixture *f, const char *url)
{
  g_autoptr (GPtrArray) subs = list_subs (f);
  RempartSubscription *sub = find_sub (subs, url);

  return sub != NULL ? rempart_subscription_copy (sub) : NULL;
}

static void
test_description (Fixture *f, gconstpointer user_data)
{
  /* The group's own line, from its feed, above the status. */
  assert_subtitle_has (find_row (f, SIGNED_TITLE),
                       "Les actions choisies chaque jour par l’équipe de modération.\nChecked");
  g_assert_null (strstr (adw_action_row_get_subtitle (find_row (f, UNSIGNED_TITLE)), "actions"));
}

static void
test_edit_key (Fixture *f, gconstpointer user_data)
{
  g_autofree char *signed_key = read_public_key ();
  g_autofree char *new_key = read_encrypted_public_key ();
  RempartPreferencesAddPage *page = open_group (f, SIGNED_TITLE);
  GtkEditable *address = GTK_EDITABLE (page_child (page, "address_row"));
  GtkEditable *key = GTK_EDITABLE (page_child (page, "key_row"));
  GtkLabel *key_message = GTK_LABEL (page_child (page, "key_message"));
  g_autoptr (RempartSubscription) before = NULL;
  g_autoptr (RempartSubscription) after = NULL;
  AdwMessageDialog *dialog;
  RowQuery q = { f, SIGNED_TITLE };

  g_object_add_weak_pointer (G_OBJECT (page), (gpointer *) &page);

  /* What is saved, and what Save does. */
  g_assert_cmpstr (gtk_editable_get_text (address), ==, SIGNED_URL);
  g_assert_cmpstr (gtk_editable_get_text (key), ==, signed_key);
  g_assert_nonnull (strstr (gtk_label_get_text (key_message), SIGNED_KEY_ID));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (page_child (page, "add_button"))), ==,
                   "_Save");

  /* A key that is not one is refused as in Add a Group, and nothing is asked. */
  gtk_editable_set_text (key, "RWQ not a key");
  g_signal_emit_by_name (key, "entry-activated");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (key), "error"));
  rempart_ui_test_iterate_a_little ();
  g_assert_null (rempart_ui_test_find_message_dialog ());

  /* Another key: asked first, naming both; Cancel changes nothing. */
  gtk_editable_set_text (key, new_key);
  g_assert_nonnull (strstr (gtk_label_get_text (key_message), ENCRYPTED_KEY_ID));
  g_signal_emit_by_name (key, "entry-activated");
  g_assert_true (rempart_ui_test_iterate_until (rempart_ui_test_message_dialog_is_shown, NULL));
  dialog = rempart_ui_test_find_message_dialog ();
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (dialog), "Change the Key of"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), ENCRYPTED_KEY_ID));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), SIGNED_KEY_ID));
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "cancel");
  save_png (GTK_WIDGET (dialog), "preferences-edit-key-dialog.png");
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  rempart_ui_test_iterate_a_little ();
  before = stored (f, SIGNED_URL);
  g_assert_cmpstr (before->public_key, ==, signed_key);
  g_assert_cmpint (f->added_id, ==, 0);

  /* Change the Key: saved, checked again at once, and the row says so. */
  g_signal_emit_by_name (key, "entry-activated");
  g_assert_true (rempart_ui_test_iterate_until (rempart_ui_test_message_dialog_is_shown, NULL));
  dialog = rempart_ui_test_find_message_dialog ();
  adw_message_dialog_response (dialog, "change");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_true (rempart_ui_test_iterate_until (int64_is_set, &f->added_id));
  g_assert_cmpint (f->added_id, ==, before->id);
  after = stored (f, SIGNED_URL);
  g_assert_cmpstr (after->public_key, ==, new_key);
  /* The form closed (and went), the list shows the group as saved now. */
  g_assert_true (rempart_ui_test_iterate_until (pointer_is_null, &page));
  g_assert_true (rempart_ui_test_iterate_until (row_is_listed, &q));
  assert_subtitle_has (find_row (f, SIGNED_TITLE), "Not checked yet");
  assert_subtitle_has (find_row (f, SIGNED_TITLE), "Will be checked with the group’s key");
}

static void
test_edit_address (Fixture *f, gconstpointer user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RempartSubscription) moved = NULL;
  g_autoptr (RempartDraft) draft = NULL;
  RempartPreferencesAddPage *page;
  GtkEditable *address;
  GtkLabel *message;
  RempartDraft saved = { .subscription_url = UNSIGNED_URL, .action_id = "a1", .text = "Texte" };

  g_assert_true (rempart_store_save_draft_sync (f->store, &saved, &error));
  g_assert_no_error (error);

  /* Another group's address: said where the volunteer looks; nothing changes. */
  page = open_group (f, UNSIGNED_TITLE);
  address = GTK_EDITABLE (page_child (page, "address_row"));
  message = GTK_LABEL (page_child (page, "address_message"));
  gtk_editable_set_text (address, BROKEN_URL);
  g_signal_emit_by_name (address, "entry-activated");
  g_assert_true (
      rempart_ui_test_iterate_until ((gboolean (*) (gpointer)) gtk_widget_get_visible, message));
  g_assert_nonnull (strstr (gtk_label_get_text (message), "You already follow"));
  g_assert_cmpint (f->added_id, ==, 0);

  /* An address without its scheme: the form says how it reads it, no key question. */
  gtk_editable_set_text (address, "example.com/moved.json");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (message)));
  g_assert_nonnull (
      strstr (gtk_label_get_text (message), "Rempart will read https://example.com/moved.json"));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (address), "error"));
  save_pngs (GTK_WINDOW (f->window), "preferences-edit-address");
  g_signal_emit_by_name (address, "entry-activated");
  g_assert_true (rempart_ui_test_iterate_until (int64_is_set, &f->added_id));
  g_assert_null (rempart_ui_test_find_message_dialog ());

  moved = stored (f, "https://example.com/moved.json");
  g_assert (moved != NULL);
  g_assert_cmpint (moved->id, ==, f->added_id);
  g_assert_null (moved->public_key);
  g_assert_null (stored (f, UNSIGNED_URL));
  /* The volunteer's draft followed the group. */
  draft = rempart_store_load_draft_sync (f->store, "https://example.com/moved.json", "a1", &error);
  g_assert_no_error (error);
  g_assert_nonnull (draft);
  g_assert_cmpstr (draft->text, ==, "Texte");
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
  PREFERENCES_TEST_ADD ("description", test_description);
  PREFERENCES_TEST_ADD ("edit-key", test_edit_key);
  PREFERENCES_TEST_ADD ("edit-address", test_edit_address);

  return preferences_test_run (data_home);
}
