/* test-window-examples.c: following a first group retires the example actions, and never
 * what the volunteer wrote
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "rempart-action-model.h"
#include "rempart-action-page.h"
#include "rempart-application.h"
#include "rempart-composer.h"
#include "rempart-demo.h"
#include "rempart-minisign.h"
#include "rempart-test-dirs.h"
#include "rempart-test-server.h"
#include "rempart-ui-test.h"
#include "rempart-window-test.h"
#include "rempart-window.h"

#define MY_REPLY "#jesuislà Ce que j’ai écrit ne doit pas se perdre."

typedef struct
{
  RempartApplication *app;
  GtkWindow *window;
  RempartStore *store;
  SoupServer *server;
  char *base;
  RempartMinisignPublicKey *public_key;
  RempartMinisignSecretKey *secret_key;
  GBytes *feed;
  GBytes *signature;
} Fixture;

static RempartApplication *application;

/* -------------------------------------------------------------------------------------- */
/* The group's server                                                                     */
/* -------------------------------------------------------------------------------------- */

static void
handle_cb (SoupServer *server,
           SoupServerMessage *msg,
           const char *path,
           GHashTable *query,
           gpointer user_data)
{
  Fixture *f = user_data;
  GBytes *body = NULL;

  if (g_str_equal (path, "/good/feed.json"))
    body = f->feed;
  else if (g_str_equal (path, "/good/feed.json.minisig"))
    body = f->signature;

  if (body == NULL)
    {
      soup_server_message_set_status (msg, SOUP_STATUS_NOT_FOUND, NULL);
      return;
    }

  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY,
                                    g_bytes_get_data (body, NULL), g_bytes_get_size (body));
}

static GBytes *
make_feed (void)
{
  static const char feed[] =
      "{\"version\": \"https://jsonfeed.org/version/1.1\", \"title\": \"Groupe test\",\n"
      " \"_rempart\": {\"schema\": 1},\n"
      " \"items\": [{\"id\": \"a-1\", \"url\": \"https://example.org/t/a-1\",\n"
      "   \"title\": \"Une vraie action\", \"content_text\": \"Le brief.\"}]}\n";

  return g_bytes_new_static (feed, sizeof feed - 1);
}

/* -------------------------------------------------------------------------------------- */
/* Helpers                                                                                */
/* -------------------------------------------------------------------------------------- */

static GtkWidget *
child (Fixture *f, const char *name)
{
  GObject *object = rempart_window_test_child (GTK_WIDGET (f->window), name);

  g_assert_nonnull (object);
  return GTK_WIDGET (object);
}

static gboolean
store_is_open (gpointer data)
{
  return rempart_application_get_store (data) != NULL;
}

static gboolean
model_is_loaded (gpointer data)
{
  RempartActionModel *model = data;

  return !rempart_action_model_get_loading (model) &&
         g_list_model_get_n_items (G_LIST_MODEL (model)) > 0;
}

static RempartSubscription *
find_subscription (Fixture *f, const char *url)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) subs = rempart_store_list_subscriptions_sync (f->store, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < subs->len; i++)
    {
      RempartSubscription *sub = g_ptr_array_index (subs, i);

      if (g_str_equal (sub->url, url))
        return rempart_subscription_copy (sub);
    }
  return NULL;
}

static gboolean
draft_is_saved (gpointer data)
{
  gpointer *args = data;
  Fixture *f = args[0];
  g_autoptr (RempartDraft) draft = rempart_store_load_draft_sync (
      f->store, REMPART_DEMO_FEED_URL, rempart_action_item_get_id (args[1]), NULL);

  return draft != NULL && g_strcmp0 (draft->text, MY_REPLY) == 0;
}

static gboolean
was_checked (gpointer data)
{
  gpointer *args = data;
  g_autoptr (RempartSubscription) sub = find_subscription (args[0], args[1]);

  return sub != NULL && sub->last_check > 0;
}

static gboolean
examples_gone (gpointer data)
{
  g_autoptr (RempartSubscription) demo = find_subscription (data, REMPART_DEMO_FEED_URL);

  return demo == NULL;
}

static gboolean
composer_is_ready (gpointer data)
{
  Fixture *f = data;
  GtkWidget *text_view;

  /* The composer is built when first shown. */
  if (rempart_window_test_child (GTK_WIDGET (f->window), "composer") == NULL)
    return FALSE;
  text_view = GTK_WIDGET (
      gtk_widget_get_template_child (child (f, "composer"), REMPART_TYPE_COMPOSER, "text_view"));

  return gtk_widget_get_sensitive (text_view) && gtk_widget_is_focus (text_view);
}

/* Follows @path on the test server, as Preferences does, and reports it to the app. */
static gint64
follow (Fixture *f, const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *url = g_strconcat (f->base, path, NULL);
  g_autofree char *key = rempart_minisign_public_key_to_base64 (f->public_key);
  g_autoptr (RempartSubscription) sub = NULL;
  gpointer args[2] = { f, url };

  sub = rempart_store_add_subscription_sync (f->store, url, key, &error);
  g_assert_no_error (error);
  g_signal_emit_by_name (f->window, "subscription-added", sub->id);
  g_assert_true (rempart_ui_test_iterate_until_timeout (was_checked, args, 20));

  return sub->id;
}

/* Opens the first example and writes MY_REPLY in it, then queues it. */
static RempartActionItem *
write_to_example (Fixture *f)
{
  RempartActionModel *model = rempart_window_get_model (REMPART_WINDOW (f->window));
  g_autoptr (RempartActionItem) item = NULL;
  GtkTextView *text_view;

  g_assert_true (rempart_ui_test_iterate_until (model_is_loaded, model));
  item = g_list_model_get_item (G_LIST_MODEL (model), 0);
  g_assert_true (rempart_demo_is_demo_url (rempart_action_item_get_subscription_url (item)));
  rempart_window_show_item (REMPART_WINDOW (f->window), item);
  for (guint i = 0;
       i < 500 &&
       (rempart_window_test_child (GTK_WIDGET (f->window), "action_page") == NULL ||
        rempart_action_page_get_item (REMPART_ACTION_PAGE (child (f, "action_page"))) != item);
       i++)
    rempart_ui_test_iterate_a_little ();
  g_assert_true (gtk_widget_activate_action (child (f, "action_page"), "page.write-reply", NULL));
  g_assert_true (rempart_ui_test_iterate_until (composer_is_ready, f));

  text_view = GTK_TEXT_VIEW (
      gtk_widget_get_template_child (child (f, "composer"), REMPART_TYPE_COMPOSER, "text_view"));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (text_view), MY_REPLY, -1);

  return g_steal_pointer (&item);
}

/* -------------------------------------------------------------------------------------- */
/* Fixture                                                                                */
/* -------------------------------------------------------------------------------------- */

static void
fixture_set_up (Fixture *f, gconstpointer user_data)
{
  g_autoptr (GError) error = NULL;

  f->app = application;
  g_application_activate (G_APPLICATION (f->app));
  f->window = gtk_application_get_active_window (GTK_APPLICATION (f->app));
  g_assert_true (rempart_ui_test_iterate_until (rempart_ui_test_widget_is_drawn, f->window));
  g_assert_true (rempart_ui_test_iterate_until (store_is_open, f->app));
  f->store = rempart_application_get_store (f->app);
  /* No notification daemon on the test bus: the new group's actions must not ask for one
   * when the window happens not to have the focus. */
  g_settings_set_boolean (rempart_application_get_settings (f->app), "notifications", FALSE);

  rempart_test_make_keys (&f->public_key, &f->secret_key);
  f->feed = make_feed ();
  f->signature = rempart_minisign_sign (f->secret_key, f->feed, "test", NULL, &error);
  g_assert_no_error (error);
  f->server = rempart_test_server_new (NULL, &f->base);
  soup_server_add_handler (f->server, NULL, handle_cb, f, NULL);
}

static void
fixture_tear_down (Fixture *f, gconstpointer user_data)
{
  rempart_ui_test_destroy_windows (GTK_APPLICATION (f->app));

  rempart_test_server_disconnect (f->server);
  g_clear_object (&f->server);
  g_clear_pointer (&f->base, g_free);
  g_clear_pointer (&f->public_key, rempart_minisign_public_key_unref);
  g_clear_pointer (&f->secret_key, rempart_minisign_secret_key_unref);
  g_clear_pointer (&f->feed, g_bytes_unref);
  g_clear_pointer (&f->signature, g_bytes_unref);
}

/* -------------------------------------------------------------------------------------- */
/* Tests                                                                                  */
/* -------------------------------------------------------------------------------------- */

/* A group whose first check fails leaves the examples, and the reply, where they were. */
static void
test_failed_check_keeps_examples (Fixture *f, gconstpointer user_data)
{
  g_autoptr (RempartActionItem) item = write_to_example (f);
  g_autoptr (RempartSubscription) demo = NULL;
  gpointer args[2] = { f, item };

  follow (f, "/missing/feed.json");
  rempart_ui_test_iterate_a_little ();

  demo = find_subscription (f, REMPART_DEMO_FEED_URL);
  g_assert_nonnull (demo);
  g_assert_true (rempart_composer_get_item (REMPART_COMPOSER (child (f, "composer"))) == item);
  g_assert_true (rempart_ui_test_iterate_until (draft_is_saved, args));
}

/* A group checked successfully retires the examples: the open example closes, and the reply
 * written to it is kept as one of the volunteer's own templates. */
static void
test_checked_group_retires_examples (Fixture *f, gconstpointer user_data)
{
  g_autoptr (RempartActionItem) item = write_to_example (f);
  g_autoptr (GPtrArray) templates = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *expected_title = NULL;
  gboolean found = FALSE;

  follow (f, "/good/feed.json");
  g_assert_true (rempart_ui_test_iterate_until_timeout (examples_gone, f, 20));
  rempart_ui_test_iterate_a_little ();

  /* Nothing of the example is left on screen with live buttons. */
  g_assert_null (rempart_composer_get_item (REMPART_COMPOSER (child (f, "composer"))));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (child (f, "detail_stack"))), ==,
                   "none");
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (
      gtk_widget_get_template_child (child (f, "composer"), REMPART_TYPE_COMPOSER, "text_view"))));

  /* What was written is there to copy, under the action's title. */
  expected_title = g_strdup_printf ("Reply to “%s”", rempart_action_item_get_title (item));
  templates = rempart_store_list_user_templates_sync (f->store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < templates->len; i++)
    {
      RempartUserTemplate *tmpl = g_ptr_array_index (templates, i);

      found |= g_str_equal (tmpl->body, MY_REPLY) && g_str_equal (tmpl->title, expected_title);
    }
  g_assert_true (found);
}

int
main (int argc, char *argv[])
{
  g_autofree char *data_home = NULL;
  int ret;

  data_home = rempart_ui_test_make_data_home ("ui-window-examples");
  /* No timer: only the checks the test asks for. */
  g_setenv ("REMPART_NO_SYNC", "1", TRUE);
  g_setenv ("no_proxy", "127.0.0.1", TRUE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  application = rempart_ui_test_application_new ();

  /* In this order: the failed check first, while the examples are still there. */
#define ADD(name, func) \
  g_test_add ("/window-examples/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("failed-check-keeps-examples", test_failed_check_keeps_examples);
  ADD ("checked-group-retires-examples", test_checked_group_retires_examples);
#undef ADD

  ret = g_test_run ();
  rempart_ui_test_application_shutdown (application);
  g_clear_object (&application);
  rempart_test_dir_remove (data_home);

  return ret;
}
