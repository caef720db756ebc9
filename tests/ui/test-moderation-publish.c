/* test-moderation-publish.c
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "../unit/publish/apache-fixture.h"
#include "rempart-feed-writer.h"
#include "rempart-keyring.h"
#include "rempart-moderation-window.h"
#include "rempart-publish-dialog.h"
#include "rempart-publisher.h"
#include "rempart-test-dirs.h"
#include "rempart-ui-test.h"

/*
 * Publishing from the moderators' window to a real Apache httpd with mod_dav_fs and basic
 * auth on 127.0.0.1: Ctrl+P asks for the key's password with the focus in it; a wrong one is
 * said and the moderator types again; the feed and its signature reach the server (checked
 * with the real minisign) and the working copy becomes what was published. Another moderator
 * publishing meanwhile gives a 412: the dialog shows their action and publishes the merge. A
 * server that does not answer gives an error that keeps the working copy as it was. Export to
 * a folder writes a pair minisign verifies; an old published feed shows the freshness
 * reminder, whose button opens the publish dialog.
 *
 * The key and the server password go to the keyring's 0600 file fallback: the test's private
 * bus has no Secret Service (the keyring itself is tested against gnome-keyring in
 * tests/unit/keys).
 */

#define KEY_PASSWORD "phrase de passe du groupe"

static RempartApplication *application;
static GTestDBus *bus;
static ApacheServer *server;
static guint counter;
/* One key for every test: minisign's scrypt makes each creation and opening take seconds. */
static GBytes *key_file;
static RempartMinisignSecretKey *secret_key;
static char *public_key;

typedef struct
{
  char *base;
  char *feed_url;
  char *dav_file;
  char *public_key;
  RempartKeyring *keyring;
  RempartWorkspace *workspace;
  RempartModerationWindow *window;
  char *toast;
} Fixture;

/* -------------------------------------------------------------------------------------- */
/* Helpers                                                                                */
/* -------------------------------------------------------------------------------------- */

static gboolean
window_ready (gpointer data)
{
  Fixture *f = data;

  return rempart_moderation_window_get_workspace (f->window) != NULL &&
         rempart_ui_test_widget_is_drawn (f->window);
}

static RempartPublishDialog *
find_dialog (void)
{
  g_autoptr (GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (REMPART_IS_PUBLISH_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

static gboolean
dialog_shown (gpointer data)
{
  RempartPublishDialog *dialog = find_dialog ();

  return dialog != NULL && rempart_ui_test_widget_is_drawn (dialog);
}

static gboolean
dialog_gone (gpointer data)
{
  return find_dialog () == NULL;
}

static GtkWidget *
dialog_child (RempartPublishDialog *dialog, const char *name)
{
  GtkWidget *widget = GTK_WIDGET (
      gtk_widget_get_template_child (GTK_WIDGET (dialog), REMPART_TYPE_PUBLISH_DIALOG, name));

  g_assert_nonnull (widget);
  return widget;
}

static GtkWidget *
window_child (Fixture *f, const char *name)
{
  GtkWidget *widget = GTK_WIDGET (
      gtk_widget_get_template_child (GTK_WIDGET (f->window), REMPART_TYPE_MODERATION_WINDOW, name));

  g_assert_nonnull (widget);
  return widget;
}

typedef struct
{
  GtkStack *stack;
  const char *name;
} PageWait;

static gboolean
page_is (gpointer data)
{
  PageWait *wait = data;

  return g_strcmp0 (gtk_stack_get_visible_child_name (wait->stack), wait->name) == 0;
}

static void
wait_page (RempartPublishDialog *dialog, const char *name)
{
  PageWait wait = { GTK_STACK (dialog_child (dialog, "stack")), name };

  g_assert_true (rempart_ui_test_iterate_until_timeout (page_is, &wait, 40));
}

/* Types @password where the focus is (it must be the password row) and presses Enter. */
static void
type_password (RempartPublishDialog *dialog, const char *password)
{
  GtkWidget *row = dialog_child (dialog, "password_row");
  GtkWidget *focus = rempart_ui_test_focus_of (dialog);

  g_assert_true (rempart_ui_test_is_inside (focus, row));
  gtk_editable_set_text (GTK_EDITABLE (row), password);
  if (!rempart_ui_test_press_key (focus, GDK_KEY_Return, 0))
    g_signal_emit_by_name (row, "entry-activated");
}

/* Ctrl+P in the window, from wherever the focus is. */
static RempartPublishDialog *
press_publish (Fixture *f)
{
  RempartPublishDialog *dialog;

  g_assert_true (rempart_ui_test_press_key (rempart_ui_test_focus_of (f->window), GDK_KEY_p,
                                            GDK_CONTROL_MASK));
  g_assert_true (rempart_ui_test_iterate_until (dialog_shown, NULL));
  dialog = find_dialog ();
  return dialog;
}

static char *
server_text (Fixture *f, const char *suffix)
{
  g_autofree char *path = g_strconcat (f->dav_file, suffix, NULL);
  char *text = NULL;

  if (!g_file_get_contents (path, &text, NULL, NULL))
    return NULL;
  return text;
}

/* The real minisign checks the pair in @dir (or on the server). */
static void
assert_minisign_verifies (Fixture *f, const char *feed_path)
{
  g_autoptr (GSubprocess) minisign = NULL;
  g_autoptr (GError) error = NULL;

  minisign = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE, &error, "minisign", "-V", "-P",
                               f->public_key, "-m", feed_path, NULL);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_wait_check (minisign, NULL, &error));
  g_assert_no_error (error);
}

static void
add_action (RempartWorkspace *ws, const char *url, const char *title)
{
  RempartNewAction action = { 0 };
  g_autoptr (GError) error = NULL;

  action.url = url;
  action.title = title;
  action.brief = "Répondez avec des faits, calmement.";
  action.topic = REMPART_TOPIC_RACISM;
  g_assert_true (rempart_workspace_add_action (ws, &action, NULL, &error));
  g_assert_no_error (error);
}

static GBytes *
document_bytes (RempartWorkspace *ws)
{
  gsize length = 0;
  char *data = rempart_feed_document_to_data (rempart_workspace_get_document (ws), &length);

  return g_bytes_new_take (data, length);
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (RempartMinisignPublicKey) key = NULL;
  g_autofree char *name = g_strdup_printf ("groupe-%u", ++counter);

  f->base = g_build_filename (g_get_user_data_dir (), "rempart", "moderation", name, NULL);
  f->feed_url = apache_server_feed_url (server, name, FALSE);
  f->dav_file = g_build_filename (server->dav_dir, name, "feed.json", NULL);
  rempart_workspace_create_async (f->base, "#jesuislà", f->feed_url, NULL,
                                  rempart_ui_test_store_result, &result);
  g_assert_true (rempart_ui_test_iterate_until (rempart_ui_test_has_result, &result));
  f->workspace = rempart_workspace_create_finish (result, &error);
  g_assert_no_error (error);

  f->keyring = rempart_keyring_new (NULL);
  if (key_file == NULL)
    {
      key = rempart_keyring_create_key_sync (f->keyring, f->feed_url, KEY_PASSWORD, NULL, NULL,
                                             &error);
      g_assert_no_error (error);
      public_key = rempart_minisign_public_key_to_base64 (key);
      key_file =
          rempart_keyring_lookup_secret_key_sync (f->keyring, f->feed_url, NULL, NULL, &error);
      g_assert_no_error (error);
      secret_key = rempart_keyring_open_secret_key_sync (f->keyring, f->feed_url, KEY_PASSWORD,
                                                         NULL, &error);
      g_assert_no_error (error);
    }
  else
    g_assert_true (rempart_keyring_store_secret_key_sync (f->keyring, f->feed_url, key_file, NULL,
                                                          NULL, &error));
  f->public_key = g_strdup (public_key);
  g_assert_true (rempart_workspace_set_public_key (f->workspace, f->public_key, &error));
  g_assert_true (rempart_keyring_store_password_sync (f->keyring, f->feed_url, APACHE_USER,
                                                      APACHE_PASSWORD, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (rempart_workspace_set_publish_target (f->workspace, NULL, APACHE_USER, &error));
  add_action (f->workspace, "https://www.facebook.com/news/posts/1", "Chiffres inventés");
  /* The window reads the working copy from disk: every write above has landed after this one. */
  g_clear_object (&result);
  rempart_workspace_save_async (f->workspace, NULL, rempart_ui_test_store_result, &result);
  g_assert_true (rempart_ui_test_iterate_until (rempart_ui_test_has_result, &result));
  g_assert_true (rempart_workspace_save_finish (f->workspace, result, &error));

  f->window = rempart_moderation_window_new (GTK_APPLICATION (application), f->base);
  gtk_window_present (GTK_WINDOW (f->window));
  g_assert_true (rempart_ui_test_iterate_until (window_ready, f));
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  RempartPublishDialog *dialog = find_dialog ();

  if (dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (f->window));
  rempart_ui_test_iterate_a_little ();
  g_clear_object (&f->workspace);
  g_clear_object (&f->keyring);
  rempart_ui_test_iterate_for (200);
  rempart_test_dir_remove (f->base);
  g_free (f->base);
  g_free (f->feed_url);
  g_free (f->dav_file);
  g_free (f->public_key);
}

/* -------------------------------------------------------------------------------------- */
/* Tests                                                                                  */
/* -------------------------------------------------------------------------------------- */

static void
test_publish (Fixture *f, gconstpointer data)
{
  RempartWorkspace *ws = rempart_moderation_window_get_workspace (f->window);
  RempartPublishDialog *dialog;
  GtkWidget *message;
  g_autofree char *text = NULL;
  g_autofree char *etag = NULL;

  g_assert_null (rempart_workspace_get_published (ws));
  dialog = press_publish (f);
  message = dialog_child (dialog, "password_message");
  g_assert_false (gtk_widget_get_visible (message));

  /* A wrong password is said; the moderator types again where the focus stays. */
  type_password (dialog, "pas le bon");
  wait_page (dialog, "working");
  wait_page (dialog, "password");
  g_assert_true (gtk_widget_get_visible (message));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (message)), "password"));
  g_assert_null (server_text (f, ""));

  type_password (dialog, KEY_PASSWORD);
  g_assert_true (rempart_ui_test_iterate_until_timeout (dialog_gone, NULL, 40));

  /* On the server, signed; here, the published copy and its ETag. */
  text = server_text (f, "");
  g_assert_nonnull (text);
  g_assert_nonnull (strstr (text, "Chiffres invent"));
  assert_minisign_verifies (f, f->dav_file);
  g_assert_nonnull (rempart_workspace_get_published (ws));
  g_assert_cmpint (rempart_feed_get_seq (rempart_workspace_get_published (ws)), ==,
                   rempart_feed_get_seq (rempart_workspace_get_feed (ws)));
  etag = rempart_workspace_dup_published_etag (ws);
  g_assert_nonnull (etag);
  /* Fresh for a week: no reminder. */
  g_assert_false (
      gtk_revealer_get_reveal_child (GTK_REVEALER (window_child (f, "fresh_revealer"))));
}

/* Another moderator publishes between two of ours. */
static void
test_conflict (Fixture *f, gconstpointer data)
{
  RempartWorkspace *ws = rempart_moderation_window_get_workspace (f->window);
  RempartPublishDialog *dialog;
  g_autoptr (RempartPublisher) publisher = rempart_publisher_new ();
  g_autoptr (RempartWorkspace) other = NULL;
  g_autoptr (RempartPublication) publication = NULL;
  g_autoptr (RempartPublishReceipt) receipt = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) theirs = NULL;
  g_autoptr (GBytes) base = NULL;
  g_autofree char *etag = NULL;
  g_autofree char *other_dir = NULL;
  g_autofree char *text = NULL;
  RempartPublishTarget target = { 0 };
  GtkWidget *merge_label;

  dialog = press_publish (f);
  type_password (dialog, KEY_PASSWORD);
  g_assert_true (rempart_ui_test_iterate_until_timeout (dialog_gone, NULL, 40));

  /* The other moderator: their own working copy of what is published, one more action. */
  other_dir = g_build_filename (f->base, "autre", NULL);
  base = rempart_workspace_dup_published_bytes (ws);
  rempart_workspace_create_async (other_dir, "autre", f->feed_url, NULL,
                                  rempart_ui_test_store_result, &result);
  g_assert_true (rempart_ui_test_iterate_until (rempart_ui_test_has_result, &result));
  other = rempart_workspace_create_finish (result, &error);
  g_assert_no_error (error);
  g_assert_true (rempart_workspace_replace_document (other, base, &error));
  add_action (other, "https://x.com/someone/status/2", "Action de l’autre modératrice");
  theirs = document_bytes (other);
  publication = rempart_publish_prepare (theirs, "feed.json", secret_key, now,
                                         REMPART_PUBLISH_DEFAULT_FRESHNESS, &error);
  g_assert_no_error (error);
  etag = rempart_workspace_dup_published_etag (ws);
  target.feed_url = f->feed_url;
  target.user = APACHE_USER;
  target.password = APACHE_PASSWORD;
  target.etag = etag;
  target.base = base;
  receipt = rempart_publisher_publish_sync (publisher, &target, publication, NULL, &error);
  g_assert_no_error (error);

  /* Ours: a new action, then Publish: a 412, and what they changed is shown. */
  add_action (ws, "https://www.youtube.com/watch?v=3", "Notre nouvelle action");
  dialog = press_publish (f);
  g_assert_true (rempart_ui_test_iterate_until (rempart_ui_test_widget_is_drawn, dialog));
  rempart_ui_test_snapshot_png (GTK_WIDGET (dialog), "moderation-publish-password.png", 0);
  type_password (dialog, KEY_PASSWORD);
  wait_page (dialog, "conflict");
  rempart_ui_test_iterate_a_little ();
  rempart_ui_test_snapshot_png (GTK_WIDGET (dialog), "moderation-publish-conflict.png", 0);
  merge_label = dialog_child (dialog, "merge_label");
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (merge_label)), "Action de l"));
  /* Nothing overwritten yet. */
  text = server_text (f, "");
  g_assert_null (strstr (text, "Notre nouvelle action"));
  g_clear_pointer (&text, g_free);
  g_assert_true (rempart_ui_test_is_inside (rempart_ui_test_focus_of (dialog),
                                            dialog_child (dialog, "cancel_button")));

  /* Publish the Merge: both actions, on the server and here. */
  g_assert_true (gtk_widget_activate (dialog_child (dialog, "go_button")));
  g_assert_true (rempart_ui_test_iterate_until_timeout (dialog_gone, NULL, 40));
  text = server_text (f, "");
  g_assert_nonnull (strstr (text, "Notre nouvelle action"));
  g_assert_nonnull (strstr (text, "Action de l"));
  g_assert_nonnull (strstr (text, "Chiffres invent"));
  assert_minisign_verifies (f, f->dav_file);
  g_assert_cmpuint (
      g_list_model_get_n_items (rempart_feed_get_actions (rempart_workspace_get_feed (ws))), ==, 3);
  rempart_test_dir_remove (other_dir);
}

static void
test_server_down (Fixture *f, gconstpointer data)
{
  RempartWorkspace *ws = rempart_moderation_window_get_workspace (f->window);
  RempartPublishDialog *dialog;
  g_autoptr (GBytes) before = NULL;
  g_autoptr (GBytes) after = NULL;
  GtkWidget *error_page;

  /* Nothing listens on port 1 of the loopback. */
  g_assert_true (rempart_workspace_set_publish_target (ws, "http://127.0.0.1:1/groupe/feed.json",
                                                       APACHE_USER, NULL));
  before = document_bytes (ws);

  /* Cancel while the key opens: the dialog goes, nothing changed. */
  dialog = press_publish (f);
  type_password (dialog, KEY_PASSWORD);
  wait_page (dialog, "working");
  g_assert_true (rempart_ui_test_is_inside (rempart_ui_test_focus_of (dialog),
                                            dialog_child (dialog, "cancel_button")));
  g_assert_true (rempart_ui_test_press_key (rempart_ui_test_focus_of (dialog), GDK_KEY_Escape, 0));
  g_assert_true (rempart_ui_test_iterate_until (dialog_gone, NULL));
  after = document_bytes (ws);
  g_assert_true (g_bytes_equal (before, after));
  g_clear_pointer (&after, g_bytes_unref);

  dialog = press_publish (f);
  type_password (dialog, KEY_PASSWORD);
  wait_page (dialog, "error");
  error_page = dialog_child (dialog, "error_page");
  g_assert_nonnull (
      strstr (adw_status_page_get_description (ADW_STATUS_PAGE (error_page)), "127.0.0.1:1"));
  /* Try Again has the focus; the working copy is as it was, nothing is marked published. */
  g_assert_true (rempart_ui_test_is_inside (rempart_ui_test_focus_of (dialog),
                                            dialog_child (dialog, "go_button")));
  after = document_bytes (ws);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_null (rempart_workspace_get_published (ws));

  /* Escape closes it. */
  g_assert_true (rempart_ui_test_press_key (rempart_ui_test_focus_of (dialog), GDK_KEY_Escape, 0));
  g_assert_true (rempart_ui_test_iterate_until (dialog_gone, NULL));
}

static void
test_export (Fixture *f, gconstpointer data)
{
  RempartWorkspace *ws = rempart_moderation_window_get_workspace (f->window);
  g_autofree char *dir = rempart_test_dir_new ("export");
  g_autofree char *feed = g_build_filename (dir, "feed.json", NULL);
  g_autofree char *sig = g_build_filename (dir, "feed.json.minisig", NULL);
  RempartPublishDialog *dialog;

  /* The window's Export to Folder asks for the folder through GtkFileChooserNative (the portal
   * in the Flatpak), which a test cannot answer: the dialog it then opens is the same. */
  dialog = rempart_publish_dialog_new (GTK_WINDOW (f->window), ws, f->keyring, dir);
  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_true (rempart_ui_test_iterate_until (dialog_shown, NULL));
  type_password (dialog, KEY_PASSWORD);
  g_assert_true (rempart_ui_test_iterate_until_timeout (dialog_gone, NULL, 40));
  g_assert_true (g_file_test (sig, G_FILE_TEST_IS_REGULAR));
  assert_minisign_verifies (f, feed);
  g_assert_nonnull (rempart_workspace_get_published (ws));
  /* Nothing went to the server. */
  g_assert_null (server_text (f, ""));
  rempart_test_dir_remove (dir);
}

static void
test_freshness (Fixture *f, gconstpointer data)
{
  RempartWorkspace *ws = rempart_moderation_window_get_workspace (f->window);
  g_autoptr (RempartPublication) publication = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr (GBytes) bytes = document_bytes (ws);
  g_autoptr (GError) error = NULL;
  GtkWidget *revealer = window_child (f, "fresh_revealer");
  GtkWidget *label = window_child (f, "fresh_label");
  RempartPublishDialog *dialog;

  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)));
  /* Published elsewhere three hours before it goes stale. */
  publication =
      rempart_publish_prepare (bytes, "feed.json", secret_key, now, 3 * G_TIME_SPAN_HOUR, &error);
  g_assert_no_error (error);
  g_assert_true (rempart_workspace_set_published (ws, publication->feed, &error));
  rempart_ui_test_iterate_a_little ();
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (label)), "more hours"));

  /* Its button is the way to sign again. */
  g_assert_true (gtk_widget_activate (window_child (f, "fresh_button")));
  g_assert_true (rempart_ui_test_iterate_until (dialog_shown, NULL));
  dialog = find_dialog ();
  g_assert_true (rempart_ui_test_is_inside (rempart_ui_test_focus_of (dialog),
                                            dialog_child (dialog, "password_row")));
  g_assert_true (rempart_ui_test_press_key (rempart_ui_test_focus_of (dialog), GDK_KEY_Escape, 0));
  g_assert_true (rempart_ui_test_iterate_until (dialog_gone, NULL));
}

int
main (int argc, char *argv[])
{
  g_autofree char *data_home = NULL;
  g_autofree char *display = NULL;
  int ret;

  data_home = rempart_ui_test_make_data_home ("ui-moderation-publish-home");
  display = g_strdup (g_getenv ("DISPLAY"));
  bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_test_dbus_up (bus);
  /* g_test_dbus_up() unsets DISPLAY, for tests without one. */
  if (display != NULL)
    g_setenv ("DISPLAY", display, TRUE);
  g_setenv ("GTK_A11Y", "none", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  application = rempart_ui_test_application_new ();
  server = apache_server_start ();

#define ADD(name, func) \
  g_test_add ("/moderation-publish/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("publish", test_publish);
  ADD ("conflict", test_conflict);
  ADD ("server-down", test_server_down);
  ADD ("export", test_export);
  ADD ("freshness", test_freshness);
#undef ADD

  ret = g_test_run ();
  apache_server_stop (server);
  g_clear_pointer (&key_file, g_bytes_unref);
  g_clear_pointer (&secret_key, rempart_minisign_secret_key_unref);
  g_free (public_key);
  rempart_ui_test_application_shutdown (application);
  g_clear_object (&application);
  rempart_test_dir_remove (data_home);
  g_test_dbus_stop (bus);
  return ret;
}
