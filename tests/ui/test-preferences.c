/* test-preferences.c: the Preferences window on a real store file, under a real display
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "rempart-application.h"
#include "rempart-ui-test.h"
#include "rempart-demo.h"
#include "rempart-feed-parser.h"
#include "rempart-preferences-window.h"
#include "rempart-template-page.h"

#define SIGNED_URL   "https://example.org/jesuisla/feed.json"
#define SIGNED_TITLE "#jesuislà — actions du jour"
#define BROKEN_URL   "https://example.net/broken.json"
#define UNSIGNED_URL "https://example.com/unsigned.json"
#define STALE_URL    "https://example.com/stale.json"
#define ENDED_URL    "https://example.com/ended.json"
/* A title that would be markup if anything parsed it. */
#define UNSIGNED_TITLE "Collectif <b>Tom & Jerry</b>"

typedef struct
{
  char *dir;
  RempartStore *store;
  GSettings *settings;
  RempartPreferencesWindow *window;
  gint64 added_id;
  gint64 removed_id;
} Fixture;

/* One registered application for the whole program, as in test-window.c. */
static RempartApplication *application;

/* -------------------------------------------------------------------------------------- */
/* Helpers                                                                                */
/* -------------------------------------------------------------------------------------- */

static void
save_png (GtkWidget *widget, const char *name)
{
  g_assert_true (rempart_ui_test_iterate_until (rempart_ui_test_widget_is_drawn, widget));
  rempart_ui_test_iterate_a_little ();
  rempart_ui_test_snapshot_png (widget, name, 0);
}

/* Light, dark, and a phone's 360 px. */
static void
save_pngs (GtkWindow *window, const char *name)
{
  rempart_ui_test_save_pngs (window, name, 640, 720, save_png);
}

static char *
read_public_key (void)
{
  g_autofree char *path =
      g_test_build_filename (G_TEST_DIST, "unit", "minisign", "unencrypted.pub", NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  g_auto (GStrv) lines = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (text, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), >=, 2);
  return g_strdup (lines[1]);
}

static RempartSubscription *
add_sub (Fixture *f, const char *url, const char *key)
{
  g_autoptr (GError) error = NULL;
  RempartSubscription *sub = rempart_store_add_subscription_sync (f->store, url, key, &error);

  g_assert_no_error (error);
  g_assert_nonnull (sub);
  return sub;
}

static void
update_sub (Fixture *f, RempartSubscription *sub)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (rempart_store_update_subscription_sync (f->store, sub, &error));
  g_assert_no_error (error);
}

static GPtrArray *
list_subs (Fixture *f)
{
  g_autoptr (GError) error = NULL;
  GPtrArray *subs = rempart_store_list_subscriptions_sync (f->store, &error);

  g_assert_no_error (error);
  return subs;
}

static RempartSubscription *
find_sub (GPtrArray *subs, const char *url)
{
  for (guint i = 0; i < subs->len; i++)
    {
      RempartSubscription *sub = g_ptr_array_index (subs, i);

      if (g_str_equal (sub->url, url))
        return sub;
    }
  return NULL;
}

static GObject *
child (Fixture *f, const char *name)
{
  GObject *object =
      gtk_widget_get_template_child (GTK_WIDGET (f->window), REMPART_TYPE_PREFERENCES_WINDOW, name);

  g_assert_nonnull (object);
  return object;
}

static GObject *
page_child (RempartPreferencesAddPage *page, const char *name)
{
  GObject *object =
      gtk_widget_get_template_child (GTK_WIDGET (page), REMPART_TYPE_PREFERENCES_ADD_PAGE, name);

  g_assert_nonnull (object);
  return object;
}

static void
collect_rows (GtkWidget *widget, GPtrArray *rows)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      if (ADW_IS_ACTION_ROW (c))
        g_ptr_array_add (rows, c);
      else
        collect_rows (c, rows);
    }
}

static AdwActionRow *
find_row (Fixture *f, const char *title)
{
  g_autoptr (GPtrArray) rows = g_ptr_array_new ();

  collect_rows (GTK_WIDGET (child (f, "subscriptions_group")), rows);
  for (guint i = 0; i < rows->len; i++)
    {
      AdwPreferencesRow *row = g_ptr_array_index (rows, i);

      if (g_strcmp0 (adw_preferences_row_get_title (row), title) == 0)
        return ADW_ACTION_ROW (row);
    }
  return NULL;
}

static GtkButton *
find_button (GtkWidget *widget)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      GtkButton *found;

      if (GTK_IS_BUTTON (c))
        return GTK_BUTTON (c);
      if ((found = find_button (c)) != NULL)
        return found;
    }
  return NULL;
}

typedef struct
{
  Fixture *f;
  const char *title;
} RowQuery;

static gboolean
row_is_listed (gpointer data)
{
  RowQuery *q = data;

  return find_row (q->f, q->title) != NULL;
}

static gboolean
row_is_gone (gpointer data)
{
  return !row_is_listed (data);
}

static AdwMessageDialog *
find_message_dialog (void)
{
  g_autoptr (GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

static gboolean
message_dialog_is_shown (gpointer data)
{
  return find_message_dialog () != NULL;
}

static gboolean
int64_is_set (gpointer data)
{
  return *(gint64 *) data != 0;
}

static void
subscription_added_cb (RempartPreferencesWindow *window, gint64 id, Fixture *f)
{
  f->added_id = id;
}

static void
subscription_removed_cb (RempartPreferencesWindow *window, gint64 id, Fixture *f)
{
  f->removed_id = id;
}

/* -------------------------------------------------------------------------------------- */
/* Fixture                                                                                */
/* -------------------------------------------------------------------------------------- */

static void
fixture_set_up (Fixture *f, gconstpointer user_data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *key = read_public_key ();
  g_autoptr (RempartFeed) feed = rempart_ui_test_load_example ();
  g_autoptr (RempartSubscription) signed_sub = NULL;
  g_autoptr (RempartSubscription) broken = NULL;
  g_autoptr (RempartSubscription) unsigned_sub = NULL;
  g_autoptr (RempartSubscription) stale = NULL;
  g_autoptr (RempartSubscription) ended = NULL;
  g_autoptr (RempartSubscription) demo = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  f->dir = g_dir_make_tmp ("rempart-ui-prefs-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "rempart.db", NULL);
  f->store = rempart_store_open_sync (path, NULL, &error);
  g_assert_no_error (error);
  f->settings = g_settings_new (APPLICATION_ID);

  /* A signed feed, imported for real, checked five minutes ago. */
  signed_sub = add_sub (f, SIGNED_URL, key);
  signed_sub->is_signed = TRUE;
  signed_sub->last_check = signed_sub->last_success = now - 5 * 60;
  g_assert_true (rempart_store_import_feed_sync (f->store, signed_sub, feed, NULL, &error));
  g_assert_no_error (error);
  /* The import dates the feed from example.json (2026-05-03): fresh for this test. */
  signed_sub->title = g_strdup (SIGNED_TITLE);
  signed_sub->expires = now + 86400;
  update_sub (f, signed_sub);

  broken = add_sub (f, BROKEN_URL, NULL);
  broken->last_check = now - 60;
  broken->failures = 2;
  broken->last_error = g_strdup ("The server example.net did not answer");
  update_sub (f, broken);

  unsigned_sub = add_sub (f, UNSIGNED_URL, NULL);
  unsigned_sub->title = g_strdup (UNSIGNED_TITLE);
  unsigned_sub->last_check = unsigned_sub->last_success = now - 2 * 3600 - 30;
  update_sub (f, unsigned_sub);

  stale = add_sub (f, STALE_URL, NULL);
  stale->last_check = stale->last_success = now - 3 * 86400;
  stale->expires = now - 86400;
  update_sub (f, stale);

  ended = add_sub (f, ENDED_URL, NULL);
  ended->last_check = now - 600;
  ended->ended = TRUE;
  update_sub (f, ended);

  demo = rempart_store_add_bundled_subscription_sync (f->store, REMPART_DEMO_FEED_URL, NULL, NULL);
  g_assert_nonnull (demo);

  f->window = rempart_preferences_window_new (NULL, f->store, f->settings);
  g_signal_connect (f->window, "subscription-added", G_CALLBACK (subscription_added_cb), f);
  g_signal_connect (f->window, "subscription-removed", G_CALLBACK (subscription_removed_cb), f);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 640, 720);
  gtk_window_present (GTK_WINDOW (f->window));

  {
    RowQuery q = { f, SIGNED_TITLE };

    g_assert_true (rempart_ui_test_iterate_until (row_is_listed, &q));
  }
}

static void
fixture_tear_down (Fixture *f, gconstpointer user_data)
{
  AdwMessageDialog *dialog;

  while ((dialog = find_message_dialog ()) != NULL)
    gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (f->window));
  rempart_ui_test_iterate_a_little ();

  g_settings_reset (f->settings, "sync-interval");
  g_settings_reset (f->settings, "excerpt-display");
  g_settings_reset (f->settings, "notifications");
  g_clear_object (&f->settings);

  rempart_store_close (f->store);
  g_clear_object (&f->store);
  rempart_ui_test_remove_tree (f->dir);
  g_free (f->dir);
}

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
  g_assert_true (rempart_ui_test_iterate_until (message_dialog_is_shown, NULL));
  dialog = find_message_dialog ();
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
  g_assert_true (rempart_ui_test_iterate_until (message_dialog_is_shown, NULL));
  dialog = find_message_dialog ();
  adw_message_dialog_response (dialog, "remove");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_true (rempart_ui_test_iterate_until (int64_is_set, &f->removed_id));
  g_assert_cmpint (f->removed_id, ==, id);
  after = list_subs (f);
  g_assert_null (find_sub (after, UNSIGNED_URL));
  g_assert_true (rempart_ui_test_iterate_until (row_is_gone, &q));
}

static void
test_settings (Fixture *f, gconstpointer user_data)
{
  AdwComboRow *interval = ADW_COMBO_ROW (child (f, "interval_row"));
  GtkCheckButton *reveal = GTK_CHECK_BUTTON (child (f, "excerpt_reveal_check"));
  GtkCheckButton *hide = GTK_CHECK_BUTTON (child (f, "excerpt_hide_check"));
  GtkSwitch *notifications = GTK_SWITCH (child (f, "notifications_switch"));
  g_autofree char *excerpt = NULL;

  /* The defaults show. */
  g_assert_cmpuint (adw_combo_row_get_selected (interval), ==, 2);
  g_assert_true (gtk_check_button_get_active (reveal));
  g_assert_false (gtk_check_button_get_active (hide));
  g_assert_true (gtk_switch_get_active (notifications));

  /* The rows change the settings. */
  adw_combo_row_set_selected (interval, 0);
  g_assert_cmpuint (g_settings_get_uint (f->settings, "sync-interval"), ==, 900);
  adw_combo_row_set_selected (interval, 5);
  g_assert_cmpuint (g_settings_get_uint (f->settings, "sync-interval"), ==, 86400);

  gtk_check_button_set_active (hide, TRUE);
  excerpt = g_settings_get_string (f->settings, "excerpt-display");
  g_assert_cmpstr (excerpt, ==, "always-hide");
  g_assert_false (gtk_check_button_get_active (reveal));

  gtk_switch_set_active (notifications, FALSE);
  g_assert_false (g_settings_get_boolean (f->settings, "notifications"));

  /* And follow them, a value set elsewhere showing as the nearest choice. */
  g_settings_set_uint (f->settings, "sync-interval", 4 * 3600);
  g_assert_cmpuint (adw_combo_row_get_selected (interval), ==, 3);
  g_settings_set_string (f->settings, "excerpt-display", "reveal-on-request");
  g_assert_true (gtk_check_button_get_active (reveal));
  g_assert_false (gtk_check_button_get_active (hide));

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
/* The volunteer's own templates                                                          */
/* -------------------------------------------------------------------------------------- */

#define TEMPLATE_TITLE "Familles d’ici"
#define TEMPLATE_BODY                                                                      \
  "\n{hashtag} Derrière ce sujet, il y a des familles qui vivent ici depuis longtemps.\n" \
  "Source : {source}"
/* A title that would be markup if anything parsed it. */
#define OTHER_TITLE "Chiffres <b>& sources</b>"

static RempartTemplatePage *
templates_page (Fixture *f)
{
  return REMPART_TEMPLATE_PAGE (child (f, "templates_page"));
}

static GtkWidget *
templates_child (Fixture *f, const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (templates_page (f)),
                                                   REMPART_TYPE_TEMPLATE_PAGE, name);

  g_assert_nonnull (object);
  return GTK_WIDGET (object);
}

static void
save_template (Fixture *f, const char *id, const char *title, const char *body)
{
  g_autoptr (GError) error = NULL;
  const char *topics[] = { "racism", NULL };
  RempartUserTemplate tmpl = {
    .id = (char *) id,
    .title = (char *) title,
    .language = (char *) "fr",
    .topics = (GStrv) topics,
    .body = (char *) body,
  };

  g_assert_true (rempart_store_save_user_template_sync (f->store, &tmpl, &error));
  g_assert_no_error (error);
}

static RempartUserTemplate *
stored_template (Fixture *f, const char *id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) list = rempart_store_list_user_templates_sync (f->store, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < list->len; i++)
    {
      RempartUserTemplate *tmpl = g_ptr_array_index (list, i);

      if (g_str_equal (tmpl->id, id))
        return rempart_user_template_copy (tmpl);
    }
  return NULL;
}

static AdwActionRow *
find_template_row (Fixture *f, const char *title)
{
  g_autoptr (GPtrArray) rows = g_ptr_array_new ();

  collect_rows (templates_child (f, "templates_group"), rows);
  for (guint i = 0; i < rows->len; i++)
    {
      AdwPreferencesRow *row = g_ptr_array_index (rows, i);

      if (g_strcmp0 (adw_preferences_row_get_title (row), title) == 0)
        return ADW_ACTION_ROW (row);
    }
  return NULL;
}

static gboolean
template_row_is_listed (gpointer data)
{
  RowQuery *q = data;

  return gtk_widget_get_visible (templates_child (q->f, "templates_group")) &&
         find_template_row (q->f, q->title) != NULL;
}

static gboolean
template_row_is_gone (gpointer data)
{
  RowQuery *q = data;

  return find_template_row (q->f, q->title) == NULL;
}

static gboolean
empty_state_is_shown (gpointer data)
{
  Fixture *f = data;

  return gtk_widget_get_visible (templates_child (f, "empty_group")) &&
         !gtk_widget_get_visible (templates_child (f, "templates_group"));
}

static gboolean
editor_is_closed (gpointer data)
{
  return rempart_template_page_get_editor (REMPART_TEMPLATE_PAGE (data)) == NULL;
}

/* Shows the Templates page with the two templates listed. */
static void
show_templates (Fixture *f)
{
  RowQuery q = { f, OTHER_TITLE };

  save_template (f, "user-familles", TEMPLATE_TITLE, TEMPLATE_BODY);
  save_template (f, "user-chiffres", OTHER_TITLE, "Les chiffres de l’Insee : {source}");
  rempart_template_page_reload (templates_page (f));
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (f->window), "templates");
  g_assert_true (rempart_ui_test_iterate_until (template_row_is_listed, &q));
}

static void
test_templates_empty (Fixture *f, gconstpointer user_data)
{
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (f->window), "templates");
  g_assert_true (rempart_ui_test_iterate_until (empty_state_is_shown, f));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (templates_child (f, "empty_title"))), ==,
                   "No Templates of Your Own");
  save_pngs (GTK_WINDOW (f->window), "preferences-templates-empty");
}

static void
test_templates_list (Fixture *f, gconstpointer user_data)
{
  AdwActionRow *row;
  GtkWidget *edit;
  GtkWidget *delete;

  show_templates (f);
  g_assert_false (empty_state_is_shown (f));

  /* Title, and the first line with words as subtitle. */
  row = find_template_row (f, TEMPLATE_TITLE);
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_action_row_get_subtitle (row), ==,
                   "{hashtag} Derrière ce sujet, il y a des familles qui vivent ici depuis "
                   "longtemps.");

  /* The volunteer's text is never markup. */
  row = find_template_row (f, OTHER_TITLE);
  g_assert_nonnull (row);
  g_assert_false (adw_preferences_row_get_use_markup (ADW_PREFERENCES_ROW (row)));

  /* Icon-only buttons, each with a name a screen reader can speak. */
  edit = rempart_ui_test_find_button (GTK_WIDGET (row), "Edit");
  delete = rempart_ui_test_find_button (GTK_WIDGET (row), "Delete");
  g_assert_nonnull (edit);
  g_assert_nonnull (delete);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (edit), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Edit “" OTHER_TITLE "”");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (delete), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Delete “" OTHER_TITLE "”");

  save_pngs (GTK_WINDOW (f->window), "preferences-templates");
}

static void
test_templates_edit (Fixture *f, gconstpointer user_data)
{
  RempartTemplatePage *page = templates_page (f);
  RempartTemplateEditor *editor;
  g_autoptr (RempartUserTemplate) before = NULL;
  g_autoptr (RempartUserTemplate) after = NULL;
  RowQuery q = { f, "Des familles" };
  GtkEditable *title;
  GtkTextBuffer *body;
  GtkWidget *save;

  show_templates (f);
  before = stored_template (f, "user-familles");

  g_signal_emit_by_name (
      rempart_ui_test_find_button (GTK_WIDGET (find_template_row (f, TEMPLATE_TITLE)), "Edit"),
      "clicked");
  editor = rempart_template_page_get_editor (page);
  g_assert_nonnull (editor);
  title = GTK_EDITABLE (gtk_widget_get_template_child (GTK_WIDGET (editor),
                                                       REMPART_TYPE_TEMPLATE_EDITOR, "title_row"));
  body = gtk_text_view_get_buffer (GTK_TEXT_VIEW (gtk_widget_get_template_child (
      GTK_WIDGET (editor), REMPART_TYPE_TEMPLATE_EDITOR, "body_view")));
  save = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (editor),
                                                    REMPART_TYPE_TEMPLATE_EDITOR, "save_button"));

  /* The fields hold the stored template; the title is ready to type in. */
  g_assert_cmpstr (gtk_editable_get_text (title), ==, TEMPLATE_TITLE);
  {
    GtkTextIter start, end;
    g_autofree char *text = NULL;

    gtk_text_buffer_get_bounds (body, &start, &end);
    text = gtk_text_buffer_get_text (body, &start, &end, FALSE);
    g_assert_cmpstr (text, ==, TEMPLATE_BODY);
  }
  rempart_ui_test_iterate_a_little ();
  {
    GtkWidget *focus = gtk_window_get_focus (GTK_WINDOW (f->window));

    g_assert_nonnull (focus);
    g_assert_true (focus == GTK_WIDGET (title) ||
                   gtk_widget_is_ancestor (focus, GTK_WIDGET (title)));
  }
  save_pngs (GTK_WINDOW (f->window), "preferences-template-edit");

  /* No title, no saving. */
  gtk_editable_set_text (title, " ");
  g_assert_false (gtk_widget_get_sensitive (save));
  gtk_editable_set_text (title, " Des familles ");
  gtk_text_buffer_set_text (body, "{hashtag} Des familles vivent ici.", -1);
  g_assert_true (gtk_widget_get_sensitive (save));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "template-editor.save", NULL));
  g_assert_true (rempart_ui_test_iterate_until (editor_is_closed, page));
  g_assert_true (rempart_ui_test_iterate_until (template_row_is_listed, &q));
  g_assert_null (find_template_row (f, TEMPLATE_TITLE));

  /* Same template, new title and text; the rest is kept. */
  after = stored_template (f, "user-familles");
  g_assert_nonnull (after);
  g_assert_cmpstr (after->title, ==, "Des familles");
  g_assert_cmpstr (after->body, ==, "{hashtag} Des familles vivent ici.");
  g_assert_cmpstr (after->language, ==, before->language);
  g_assert_cmpstrv (after->topics, before->topics);
  g_assert_cmpint (after->created, ==, before->created);
}

static void
test_templates_edit_back (Fixture *f, gconstpointer user_data)
{
  RempartTemplatePage *page = templates_page (f);
  RempartTemplateEditor *editor;
  g_autoptr (RempartUserTemplate) after = NULL;

  show_templates (f);
  g_signal_emit_by_name (
      rempart_ui_test_find_button (GTK_WIDGET (find_template_row (f, TEMPLATE_TITLE)), "Edit"),
      "clicked");
  editor = rempart_template_page_get_editor (page);
  gtk_editable_set_text (GTK_EDITABLE (gtk_widget_get_template_child (
                             GTK_WIDGET (editor), REMPART_TYPE_TEMPLATE_EDITOR, "title_row")),
                         "Jamais enregistré");

  /* Back leaves the template as it was. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "template-editor.cancel", NULL));
  g_assert_true (editor_is_closed (page));
  rempart_ui_test_iterate_a_little ();
  after = stored_template (f, "user-familles");
  g_assert_cmpstr (after->title, ==, TEMPLATE_TITLE);
}

static void
test_templates_delete (Fixture *f, gconstpointer user_data)
{
  RowQuery q = { f, TEMPLATE_TITLE };
  g_autoptr (RempartUserTemplate) kept = NULL;
  g_autoptr (RempartUserTemplate) gone = NULL;
  g_autoptr (RempartUserTemplate) other = NULL;
  AdwMessageDialog *dialog;

  show_templates (f);

  /* Cancel keeps it. */
  g_signal_emit_by_name (
      rempart_ui_test_find_button (GTK_WIDGET (find_template_row (f, TEMPLATE_TITLE)), "Delete"),
      "clicked");
  g_assert_true (rempart_ui_test_iterate_until (rempart_ui_test_message_dialog_is_shown, NULL));
  dialog = rempart_ui_test_find_message_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Delete “" TEMPLATE_TITLE "”?");
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, "delete"), ==,
                   ADW_RESPONSE_DESTRUCTIVE);
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "cancel");
  save_png (GTK_WIDGET (dialog), "preferences-template-delete-dialog.png");
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  rempart_ui_test_iterate_a_little ();
  kept = stored_template (f, "user-familles");
  g_assert_nonnull (kept);
  g_assert_nonnull (find_template_row (f, TEMPLATE_TITLE));

  /* Delete removes it from the store, then from the list; the other one stays. */
  g_signal_emit_by_name (
      rempart_ui_test_find_button (GTK_WIDGET (find_template_row (f, TEMPLATE_TITLE)), "Delete"),
      "clicked");
  g_assert_true (rempart_ui_test_iterate_until (rempart_ui_test_message_dialog_is_shown, NULL));
  dialog = rempart_ui_test_find_message_dialog ();
  adw_message_dialog_response (dialog, "delete");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_true (rempart_ui_test_iterate_until (template_row_is_gone, &q));
  gone = stored_template (f, "user-familles");
  g_assert_null (gone);
  other = stored_template (f, "user-chiffres");
  g_assert_nonnull (other);
  g_assert_nonnull (find_template_row (f, OTHER_TITLE));

  /* Deleting the last one shows the empty state. */
  q.title = OTHER_TITLE;
  g_signal_emit_by_name (
      rempart_ui_test_find_button (GTK_WIDGET (find_template_row (f, OTHER_TITLE)), "Delete"),
      "clicked");
  g_assert_true (rempart_ui_test_iterate_until (rempart_ui_test_message_dialog_is_shown, NULL));
  dialog = rempart_ui_test_find_message_dialog ();
  adw_message_dialog_response (dialog, "delete");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_true (rempart_ui_test_iterate_until (empty_state_is_shown, f));
}

int
main (int argc, char *argv[])
{
  g_autofree char *data_home = NULL;
  int ret;

  /* Never the developer's own data: a private data dir, set before GLib caches it. */
  data_home = rempart_ui_test_make_data_home ("rempart-ui-prefs-home-XXXXXX");

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  /* GNOME's and Phosh's title bar buttons: Xvfb has no settings daemon, and GTK's fallback
   * adds minimize and maximize, which no phone shows. */
  g_object_set (gtk_settings_get_default (), "gtk-decoration-layout", "appmenu:close", NULL);

  application = rempart_ui_test_application_new ();

#define ADD(name, func) \
  g_test_add ("/preferences/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("rows", test_rows);
  ADD ("reload", test_reload);
  ADD ("add-invalid", test_add_invalid);
  ADD ("add-valid", test_add_valid);
  ADD ("add-duplicate", test_add_duplicate);
  ADD ("remove", test_remove);
  ADD ("settings", test_settings);
  ADD ("add-group-focus", test_add_group_focus);
  ADD ("templates-empty", test_templates_empty);
  ADD ("templates-list", test_templates_list);
  ADD ("templates-edit", test_templates_edit);
  ADD ("templates-edit-back", test_templates_edit_back);
  ADD ("templates-delete", test_templates_delete);
#undef ADD

  ret = g_test_run ();
  g_clear_object (&application);
  g_rmdir (data_home);

  return ret;
}
