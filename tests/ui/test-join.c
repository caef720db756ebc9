/* test-join.c: a join link opened in the app, from the link to the group followed
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "rempart-join-dialog.h"
#include "rempart-preferences-add-page.h"
#include "rempart-preferences-move.h"
#include "rempart-test-dirs.h"
#include "rempart-test-server.h"
#include "rempart-ui-test.h"

/*
 * The whole application, opened with g_application_open() as `rempart LINK` and a browser do,
 * on a private data folder, against a SoupServer on 127.0.0.1 that serves feeds signed with
 * real keys through the core signing API:
 *   /good.json    signed with key A
 *   /other.json   signed with key B
 *   /missing.json 404
 */

static char *data_home;
static RempartApplication *app;
static SoupServer *server;
static char *base;
static RempartMinisignPublicKey *key_a;
static RempartMinisignPublicKey *key_b;
static GHashTable *files; /* path -> GBytes */

#define FEED_TITLE "#jesuislà — actions du jour"

/* -------------------------------------------------------------------------------------- */
/* Helpers                                                                                */
/* -------------------------------------------------------------------------------------- */

static void
serve_cb (SoupServer *srv,
          SoupServerMessage *msg,
          const char *path,
          GHashTable *query,
          gpointer data)
{
  GBytes *body = g_hash_table_lookup (files, path);

  if (body == NULL)
    {
      soup_server_message_set_status (msg, SOUP_STATUS_NOT_FOUND, NULL);
      return;
    }
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY,
                                    g_bytes_get_data (body, NULL), g_bytes_get_size (body));
}

static void
publish (const char *path, GBytes *feed, RempartMinisignSecretKey *secret)
{
  g_autoptr (GError) error = NULL;
  GBytes *sig = rempart_minisign_sign (secret, feed, "timestamp:1", path + 1, &error);

  g_assert_no_error (error);
  g_hash_table_insert (files, g_strdup (path), g_bytes_ref (feed));
  g_hash_table_insert (files, g_strconcat (path, ".minisig", NULL), sig);
}

static char *
make_link (const char *path, RempartMinisignPublicKey *key, const char *name)
{
  g_autofree char *url = g_strconcat (base, path, NULL);
  g_autofree char *b64 = key != NULL ? rempart_minisign_public_key_to_base64 (key) : NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (RempartJoinLink) link = rempart_join_link_new (url, b64, name, &error);

  g_assert_no_error (error);
  return rempart_join_link_to_string (link);
}

static RempartJoinDialog *
find_dialog (void)
{
  g_autoptr (GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (REMPART_IS_JOIN_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      return l->data;

  return NULL;
}

static gboolean
dialog_shown (gpointer data)
{
  return find_dialog () != NULL;
}

static gboolean
dialog_gone (gpointer data)
{
  return find_dialog () == NULL;
}

static gboolean
dialog_checked (gpointer data)
{
  return !rempart_join_dialog_is_checking (data) && rempart_ui_test_widget_is_drawn (data);
}

static GtkWidget *
child (RempartJoinDialog *dialog, const char *name)
{
  GObject *object =
      gtk_widget_get_template_child (GTK_WIDGET (dialog), REMPART_TYPE_JOIN_DIALOG, name);

  g_assert_nonnull (object);
  return GTK_WIDGET (object);
}

static const char *
subtitle (RempartJoinDialog *dialog, const char *row)
{
  return adw_action_row_get_subtitle (ADW_ACTION_ROW (child (dialog, row)));
}

static const char *
label_text (RempartJoinDialog *dialog, const char *name)
{
  return gtk_label_get_text (GTK_LABEL (child (dialog, name)));
}

/* Opens @link as a browser would and waits for the check to end. */
static RempartJoinDialog *
open_link (const char *link)
{
  g_autoptr (GFile) file = g_file_new_for_uri (link);
  RempartJoinDialog *dialog;

  g_assert_true (dialog_gone (NULL));
  g_application_open (G_APPLICATION (app), &file, 1, "");
  g_assert_true (rempart_ui_test_iterate_until (dialog_shown, NULL));
  dialog = find_dialog ();
  g_assert_true (rempart_ui_test_iterate_until (dialog_checked, dialog));
  rempart_ui_test_iterate_a_little ();

  return dialog;
}

static GPtrArray *
subscriptions (void)
{
  g_autoptr (GError) error = NULL;
  GPtrArray *subs =
      rempart_store_list_subscriptions_sync (rempart_application_get_store (app), &error);

  g_assert_no_error (error);
  return subs;
}

static const RempartSubscription *
find_sub (GPtrArray *subs, const char *path)
{
  g_autofree char *url = g_strconcat (base, path, NULL);

  for (guint i = 0; i < subs->len; i++)
    {
      const RempartSubscription *sub = g_ptr_array_index (subs, i);

      if (g_str_equal (sub->url, url))
        return sub;
    }

  return NULL;
}

static void
save_png (GtkWidget *widget, const char *name)
{
  g_assert_true (rempart_ui_test_iterate_until (rempart_ui_test_widget_is_drawn, widget));
  rempart_ui_test_iterate_a_little ();
  rempart_ui_test_snapshot_png (widget, name, 0);
}

static void
close_dialog (RempartJoinDialog *dialog)
{
  GtkWidget *cancel = child (dialog, "cancel_button");

  /* Escape, as a person leaves a dialog. */
  g_assert_true (rempart_ui_test_press_key (cancel, GDK_KEY_Escape, 0));
  g_assert_true (rempart_ui_test_iterate_until (dialog_gone, NULL));
}

/* -------------------------------------------------------------------------------------- */
/* Tests                                                                                  */
/* -------------------------------------------------------------------------------------- */

static void
test_join_signed (void)
{
  g_autofree char *link = make_link ("/good.json", key_a, "#jesuislà");
  g_autofree char *key_id = rempart_minisign_public_key_get_key_id_string (key_a);
  g_autofree char *host = NULL;
  g_autoptr (GPtrArray) before = subscriptions ();
  g_autoptr (GPtrArray) after = NULL;
  const RempartSubscription *sub;
  RempartJoinDialog *dialog;
  GtkWidget *confirm;

  g_assert_null (find_sub (before, "/good.json"));
  dialog = open_link (link);
  confirm = child (dialog, "confirm_button");

  /* What the volunteer is about to trust: the feed's own name, the host, the key id. */
  g_assert_cmpstr (subtitle (dialog, "name_row"), ==, FEED_TITLE);
  g_assert_cmpstr (label_text (dialog, "heading_label"), ==, FEED_TITLE);
  host = g_strdup (base + strlen ("http://"));
  g_assert_cmpstr (subtitle (dialog, "host_row"), ==, host);
  g_assert_nonnull (strstr (subtitle (dialog, "key_row"), key_id));
  g_assert_nonnull (strstr (subtitle (dialog, "check_row"), "signed"));
  g_assert_false (gtk_widget_get_visible (child (dialog, "reason_label")));
  g_assert_false (gtk_widget_get_visible (child (dialog, "warning_label")));

  /* Nothing is added before the volunteer confirms. */
  g_clear_pointer (&before, g_ptr_array_unref);
  before = subscriptions ();
  g_assert_null (find_sub (before, "/good.json"));

  /* Join is enabled, named, and has the focus: Enter confirms. */
  g_assert_true (gtk_widget_is_sensitive (confirm));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (confirm), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Join");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (child (dialog, "cancel_button")),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Cancel");
  g_assert_true (gtk_root_get_focus (GTK_ROOT (dialog)) == confirm);
  rempart_ui_test_save_pngs (GTK_WINDOW (dialog), "join-signed", 520, 640, save_png);

  g_assert_true (rempart_ui_test_press_key (confirm, GDK_KEY_Return, 0));
  g_assert_true (rempart_ui_test_iterate_until (dialog_gone, NULL));

  after = subscriptions ();
  sub = find_sub (after, "/good.json");
  g_assert_nonnull (sub);
  {
    g_autofree char *b64 = rempart_minisign_public_key_to_base64 (key_a);

    g_assert_cmpstr (sub->public_key, ==, b64);
  }
}

static void
test_key_mismatch (void)
{
  /* The feed is signed with A; the link says B: a fake link, or an old key. */
  g_autofree char *link = make_link ("/good.json", key_b, NULL);
  g_autoptr (GPtrArray) before = subscriptions ();
  g_autoptr (GPtrArray) after = NULL;
  RempartJoinDialog *dialog;
  GtkWidget *confirm;
  GtkWidget *reason;

  g_assert_true (rempart_store_remove_subscription_sync (
      rempart_application_get_store (app), find_sub (before, "/good.json")->id, NULL));
  dialog = open_link (link);
  confirm = child (dialog, "confirm_button");
  reason = child (dialog, "reason_label");

  g_assert_false (gtk_widget_is_sensitive (confirm));
  g_assert_true (gtk_widget_get_visible (reason));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (reason)), "not signed with the key"));
  g_assert_nonnull (strstr (subtitle (dialog, "name_row"), "Unknown"));
  /* The reason is what a screen reader says with the button; the focus is on Cancel. */
  gtk_test_accessible_assert_relation (GTK_ACCESSIBLE (confirm),
                                       GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, reason,
                                       child (dialog, "warning_label"), NULL);
  g_assert_true (gtk_root_get_focus (GTK_ROOT (dialog)) == child (dialog, "cancel_button"));
  rempart_ui_test_save_pngs (GTK_WINDOW (dialog), "join-mismatch", 520, 640, save_png);

  /* Enter on the disabled button, or its action, does nothing. */
  rempart_ui_test_press_key (confirm, GDK_KEY_Return, 0);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "join.confirm", NULL);
  rempart_ui_test_iterate_a_little ();
  g_assert_true (find_dialog () == dialog);
  close_dialog (dialog);

  after = subscriptions ();
  g_assert_null (find_sub (after, "/good.json"));
  g_assert_cmpuint (after->len, ==, before->len - 1);
}

static void
test_already_followed (void)
{
  g_autofree char *url = g_strconcat (base, "/other.json", NULL);
  g_autofree char *key_a_b64 = rempart_minisign_public_key_to_base64 (key_a);
  g_autofree char *key_b_b64 = rempart_minisign_public_key_to_base64 (key_b);
  g_autofree char *link = make_link ("/other.json", key_b, "Autre groupe");
  g_autoptr (RempartSubscription) old = NULL;
  g_autoptr (GPtrArray) after = NULL;
  g_autoptr (GError) error = NULL;
  RempartJoinDialog *dialog;
  GtkWidget *warning;

  /* Followed with A; the feed is now signed with B, and so is the link. */
  old = rempart_store_add_subscription_sync (rempart_application_get_store (app), url, key_a_b64,
                                             &error);
  g_assert_no_error (error);

  dialog = open_link (link);
  warning = child (dialog, "warning_label");
  g_assert_true (gtk_widget_get_visible (warning));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (warning)), "different key"));
  /* The link's name is only a hint: the feed's own name is shown, and the difference said. */
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (warning)), "calls itself"));
  g_assert_cmpstr (label_text (dialog, "heading_label"), ==, FEED_TITLE);
  g_assert_true (gtk_widget_has_css_class (warning, "warning"));
  g_assert_false (gtk_widget_is_sensitive (child (dialog, "confirm_button")));
  g_assert_true (gtk_widget_get_visible (child (dialog, "reason_label")));
  g_assert_nonnull (strstr (label_text (dialog, "reason_label"), "stop following"));
  rempart_ui_test_save_pngs (GTK_WINDOW (dialog), "join-other-key", 520, 640, save_png);
  close_dialog (dialog);

  /* The key followed is still A. */
  after = subscriptions ();
  g_assert_cmpstr (find_sub (after, "/other.json")->public_key, ==, key_a_b64);
  g_assert_cmpstr (key_a_b64, !=, key_b_b64);
}

static void
test_bad_links (void)
{
  static const char *bad[] = {
    "rempart:join?feed=ftp%3A%2F%2Fexample.org%2Ff.json",
    "rempart:join?feed=https%3A%2F%2Fexample.org%2Ff.json&key=RWQ",
    "rempart:join?feed=https%3A%2F%2Fexample.org%2Ff.json&name=a%0Ab",
    "rempart:join?feed=https%3A%2F%2Fexample.org%2Ff.json&utm_source=x",
  };
  g_autoptr (GPtrArray) before = subscriptions ();

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      RempartJoinDialog *dialog = open_link (bad[i]);

      g_test_message ("%s: %s", bad[i], label_text (dialog, "reason_label"));
      g_assert_true (gtk_widget_get_visible (child (dialog, "reason_label")));
      g_assert_nonnull (strstr (label_text (dialog, "reason_label"), "moderators"));
      g_assert_false (gtk_widget_get_visible (child (dialog, "confirm_button")));
      g_assert_false (gtk_widget_get_visible (child (dialog, "trust_group")));
      gtk_test_accessible_assert_property (GTK_ACCESSIBLE (child (dialog, "cancel_button")),
                                           GTK_ACCESSIBLE_PROPERTY_LABEL, "Close");
      g_assert_true (gtk_root_get_focus (GTK_ROOT (dialog)) == child (dialog, "cancel_button"));
      if (i == 0)
        rempart_ui_test_save_pngs (GTK_WINDOW (dialog), "join-bad-link", 520, 640, save_png);
      close_dialog (dialog);
    }

  /* A feed that is not there: said, and not added. */
  {
    g_autofree char *link = make_link ("/missing.json", key_a, NULL);
    RempartJoinDialog *dialog = open_link (link);
    g_autoptr (GPtrArray) after = NULL;

    g_assert_false (gtk_widget_is_sensitive (child (dialog, "confirm_button")));
    g_assert_nonnull (strstr (label_text (dialog, "reason_label"), "could not be checked"));
    close_dialog (dialog);
    after = subscriptions ();
    g_assert_cmpuint (after->len, ==, before->len);
  }

  /* A server that is not there: what happened and what to do, in the fetcher's words, not the
   * network library's ("Could not connect: Connection refused"). */
  {
    g_autoptr (GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
    g_autoptr (GSocketAddress) any_port = g_inet_socket_address_new (loopback, 0);
    g_autoptr (GSocketAddress) bound = NULL;
    g_autoptr (GSocket) socket = NULL;
    g_autoptr (RempartJoinLink) link = NULL;
    g_autofree char *address = NULL;
    g_autofree char *text = NULL;
    g_autoptr (GError) error = NULL;
    RempartJoinDialog *dialog;

    /* A port that was free a moment ago and has no listener. */
    socket =
        g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, &error);
    g_assert_no_error (error);
    g_socket_bind (socket, any_port, FALSE, &error);
    g_assert_no_error (error);
    bound = g_socket_get_local_address (socket, &error);
    g_assert_no_error (error);
    address = g_strdup_printf ("http://127.0.0.1:%u/feed.json",
                               g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));
    g_socket_close (socket, NULL);

    link = rempart_join_link_new (address, NULL, NULL, &error);
    g_assert_no_error (error);
    text = rempart_join_link_to_string (link);
    dialog = open_link (text);
    g_test_message ("%s", label_text (dialog, "reason_label"));
    g_assert_nonnull (strstr (label_text (dialog, "reason_label"), "refused the connection"));
    g_assert_null (strstr (label_text (dialog, "reason_label"), "Connection refused"));
    g_assert_null (strstr (label_text (dialog, "reason_label"), "did not answer:"));
    g_assert_false (gtk_widget_is_sensitive (child (dialog, "confirm_button")));
    close_dialog (dialog);
  }
}

static GtkWidget *
add_page_child (RempartPreferencesAddPage *page, const char *name)
{
  GObject *object =
      gtk_widget_get_template_child (GTK_WIDGET (page), REMPART_TYPE_PREFERENCES_ADD_PAGE, name);

  g_assert_nonnull (object);
  return GTK_WIDGET (object);
}

static void
test_add_page_takes_a_link (void)
{
  g_autofree char *link = make_link ("/good.json", key_a, "#jesuislà");
  g_autofree char *url = g_strconcat (base, "/good.json", NULL);
  g_autofree char *b64 = rempart_minisign_public_key_to_base64 (key_a);
  g_autofree char *key_id = rempart_minisign_public_key_get_key_id_string (key_a);
  RempartPreferencesAddPage *page =
      rempart_preferences_add_page_new (rempart_application_get_store (app));
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  GtkWidget *address = add_page_child (page, "address_row");
  GtkWidget *key = add_page_child (page, "key_row");
  GtkWidget *add = add_page_child (page, "add_button");

  gtk_window_set_child (window, GTK_WIDGET (page));
  gtk_window_present (window);
  g_assert_true (rempart_ui_test_iterate_until (rempart_ui_test_widget_is_drawn, page));

  /* Pasted whole into the address field: the form is filled in from it. */
  gtk_editable_set_text (GTK_EDITABLE (address), link);
  rempart_ui_test_iterate_a_little ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (address)), ==, url);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (key)), ==, b64);
  g_assert_nonnull (
      strstr (gtk_label_get_text (GTK_LABEL (add_page_child (page, "key_message"))), key_id));
  g_assert_nonnull (strstr (
      gtk_label_get_text (GTK_LABEL (add_page_child (page, "address_message"))), "#jesuislà"));
  g_assert_true (gtk_widget_is_sensitive (add));

  /* A damaged link says why at once, and cannot be added. */
  gtk_editable_set_text (GTK_EDITABLE (address),
                         "rempart:join?feed=https%3A%2F%2Fexample.org%2Ff.json&feed=x");
  rempart_ui_test_iterate_a_little ();
  g_assert_true (gtk_widget_get_visible (add_page_child (page, "address_message")));
  g_assert_nonnull (
      strstr (gtk_label_get_text (GTK_LABEL (add_page_child (page, "address_message"))), "twice"));
  g_assert_true (gtk_widget_has_css_class (address, "error"));
  g_assert_false (gtk_widget_is_sensitive (add));

  gtk_window_destroy (window);
}

static void
count_cb (RempartPreferencesWindow *window, gint64 id, guint *count)
{
  (*count)++;
}

static void
test_move_to_a_new_computer (void)
{
  RempartStore *store = rempart_application_get_store (app);
  g_autofree char *key_a_b64 = rempart_minisign_public_key_to_base64 (key_a);
  g_autofree char *good = g_strconcat (base, "/good.json", NULL);
  g_autofree char *third = g_strconcat (base, "/third.json", NULL);
  g_autoptr (GPtrArray) subs = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  RempartPreferencesWindow *window;
  RempartJoinDialog *dialog;
  guint added = 0;

  /* This computer follows two signed groups (and /other.json from an earlier test). */
  g_clear_pointer (&subs, g_ptr_array_unref);
  subs = subscriptions ();
  rempart_store_remove_subscription_sync (store, find_sub (subs, "/other.json")->id, &error);
  g_assert_no_error (error);
  rempart_subscription_free (rempart_store_add_subscription_sync (store, good, key_a_b64, &error));
  g_assert_no_error (error);
  rempart_subscription_free (rempart_store_add_subscription_sync (store, third, key_a_b64, &error));
  g_assert_no_error (error);

  g_clear_pointer (&subs, g_ptr_array_unref);
  subs = subscriptions ();
  text = rempart_preferences_move_groups_to_text (subs);
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "rempart:join?feed="));
  g_assert_null (strstr (text, "resource"));

  /* The new computer: none of them. */
  for (guint i = 0; i < subs->len; i++)
    rempart_store_remove_subscription_sync (
        store, ((RempartSubscription *) g_ptr_array_index (subs, i))->id, NULL);

  window = rempart_preferences_window_new (NULL, store, rempart_application_get_settings (app));
  g_signal_connect (window, "subscription-added", G_CALLBACK (count_cb), &added);
  gtk_window_present (GTK_WINDOW (window));

  /* Not a list: said, and no dialog. */
  g_assert_null (rempart_preferences_move_import_text (window, store, "hello\n", 6, &error));
  g_assert_error (error, REMPART_JOIN_ERROR, REMPART_JOIN_ERROR_BAD_LIST);
  g_clear_error (&error);
  g_assert_true (dialog_gone (NULL));

  dialog = rempart_preferences_move_import_text (window, store, text, strlen (text), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 2; i++)
    {
      GtkWidget *confirm = child (dialog, "confirm_button");

      g_assert_true (rempart_ui_test_iterate_until (dialog_checked, dialog));
      g_assert_cmpstr (
          adw_window_title_get_title (ADW_WINDOW_TITLE (child (dialog, "window_title"))), ==,
          "Import Groups");
      g_assert_true (gtk_widget_is_sensitive (confirm));
      g_assert_true (gtk_root_get_focus (GTK_ROOT (dialog)) == confirm);
      if (i == 0)
        gtk_test_accessible_assert_property (GTK_ACCESSIBLE (child (dialog, "cancel_button")),
                                             GTK_ACCESSIBLE_PROPERTY_LABEL, "Skip");
      g_assert_true (rempart_ui_test_press_key (confirm, GDK_KEY_Return, 0));
      g_assert_true (rempart_ui_test_iterate_until (
          i == 0 ? (gboolean (*) (gpointer)) rempart_join_dialog_is_checking : dialog_gone,
          dialog));
    }

  g_assert_cmpuint (added, ==, 2);
  g_clear_pointer (&subs, g_ptr_array_unref);
  subs = subscriptions ();
  g_assert_cmpstr (find_sub (subs, "/good.json")->public_key, ==, key_a_b64);
  g_assert_cmpstr (find_sub (subs, "/third.json")->public_key, ==, key_a_b64);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* -------------------------------------------------------------------------------------- */

static gboolean
store_open (gpointer data)
{
  return rempart_application_get_store (app) != NULL;
}

int
main (int argc, char *argv[])
{
  g_autoptr (RempartMinisignSecretKey) secret_a = NULL;
  g_autoptr (RempartMinisignSecretKey) secret_b = NULL;
  g_autofree char *example = NULL;
  g_autofree char *example_path = NULL;
  g_autoptr (GBytes) feed = NULL;
  g_autoptr (GError) error = NULL;
  gsize length;
  int status;

  data_home = rempart_ui_test_make_data_home ("join");
  g_setenv ("REMPART_NO_SYNC", "1", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  rempart_test_make_keys (&key_a, &secret_a);
  rempart_test_make_keys (&key_b, &secret_b);
  example_path = g_test_build_filename (G_TEST_DIST, "unit", "feeds", "example.json", NULL);
  g_file_get_contents (example_path, &example, &length, &error);
  g_assert_no_error (error);
  feed = g_bytes_new_take (g_steal_pointer (&example), length);
  files = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_bytes_unref);
  publish ("/good.json", feed, secret_a);
  publish ("/other.json", feed, secret_b);
  publish ("/third.json", feed, secret_a);
  server = rempart_test_server_new (NULL, &base);
  soup_server_add_handler (server, NULL, serve_cb, NULL, NULL);

  app = rempart_ui_test_application_new ();
  g_application_activate (G_APPLICATION (app));
  g_assert_true (rempart_ui_test_iterate_until (store_open, NULL));

  g_test_add_func ("/join/signed-feed-confirmed-with-the-keyboard", test_join_signed);
  g_test_add_func ("/join/key-does-not-match-the-feed", test_key_mismatch);
  g_test_add_func ("/join/already-followed-with-another-key", test_already_followed);
  g_test_add_func ("/join/bad-links-and-a-missing-feed", test_bad_links);
  g_test_add_func ("/join/add-page-takes-a-link", test_add_page_takes_a_link);
  g_test_add_func ("/join/move-to-a-new-computer", test_move_to_a_new_computer);
  status = g_test_run ();

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL;
       l = gtk_application_get_windows (GTK_APPLICATION (app)))
    gtk_window_destroy (l->data);
  rempart_ui_test_application_shutdown (app);
  g_clear_object (&app);
  rempart_test_server_disconnect (server);
  g_clear_object (&server);
  g_hash_table_unref (files);
  g_clear_pointer (&key_a, rempart_minisign_public_key_unref);
  g_clear_pointer (&key_b, rempart_minisign_public_key_unref);
  g_free (base);
  rempart_test_dir_remove (data_home);
  g_free (data_home);

  return status;
}
