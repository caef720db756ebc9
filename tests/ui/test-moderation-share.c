/* test-moderation-share.c
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "rempart-group-settings.h"
#include "rempart-join-link.h"
#include "rempart-join-panel.h"
#include "rempart-action-editor.h"
#include "rempart-key-panel.h"
#include "rempart-templates-panel.h"
#include "rempart-moderation-window.h"
#include "rempart-test-dirs.h"
#include "rempart-test-server.h"
#include "rempart-ui-test.h"

/*
 * The group settings of the moderators' window, what a moderator shares: the join link made
 * from the working copy (checked against the join folder's writer), its Copy row (read back
 * from the clipboard), and the QR code saved as PNG and SVG, each read back with the real
 * `zbarimg` (the SVG rendered by `rsvg-convert` first), and the join page.
 */

#define FEED_URL "https://example.org/jesuisla/feed.json"

static RempartApplication *application;
static GTestDBus *bus;
static guint counter;

typedef struct
{
  char *base;
  char *dir;
  char *public_key;
  RempartWorkspace *workspace;
  RempartModerationWindow *window;
  RempartGroupSettings *settings;
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

static GtkWidget *
child_of (gpointer owner, GType type, const char *name)
{
  GtkWidget *widget = GTK_WIDGET (gtk_widget_get_template_child (owner, type, name));

  g_assert_nonnull (widget);
  return widget;
}

/* Opens the group settings with the gear button, as a person would. */
static void
open_settings (Fixture *f)
{
  GtkWidget *button = child_of (f->window, REMPART_TYPE_MODERATION_WINDOW, "settings_button");
  GtkWidget *stack = child_of (f->window, REMPART_TYPE_MODERATION_WINDOW, "detail_stack");

  gtk_widget_grab_focus (button);
  g_assert_true (gtk_widget_activate (button));
  g_assert_true (rempart_ui_test_wait_stack (GTK_STACK (stack), "settings"));
}

/* Runs a program and returns its standard output. */
static char *
run (const char *const *argv)
{
  g_autoptr (GSubprocess) process = NULL;
  g_autoptr (GError) error = NULL;
  char *out = NULL;

  process = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate_utf8 (process, NULL, NULL, &out, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_successful (process));
  return out;
}

static char *
zbar (const char *png)
{
  const char *argv[] = { "zbarimg", "--raw", "-q", png, NULL };
  char *out = run (argv);

  return g_strchomp (out);
}

static void
save (Fixture *f, RempartJoinPanel *panel, RempartJoinSaveKind kind, const char *path)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;

  rempart_join_panel_save_async (panel, kind, file, NULL, rempart_ui_test_store_result, &result);
  g_assert_true (rempart_ui_test_iterate_until (rempart_ui_test_has_result, &result));
  g_assert_true (rempart_join_panel_save_finish (panel, result, &error));
  g_assert_no_error (error);
}

static void
text_read_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  *(char **) user_data = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, NULL);
  if (*(char **) user_data == NULL)
    *(char **) user_data = g_strdup ("");
}

static gboolean
has_text (gpointer data)
{
  return *(char **) data != NULL;
}

static void
save_png (GtkWidget *widget, const char *name)
{
  g_assert_true (rempart_ui_test_iterate_until (rempart_ui_test_widget_is_drawn, widget));
  rempart_ui_test_iterate_a_little ();
  rempart_ui_test_snapshot_png (widget, name, 0);
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (RempartMinisignPublicKey) public_key = NULL;
  g_autoptr (RempartMinisignSecretKey) secret_key = NULL;

  g_autofree char *name = g_strdup_printf ("moderation-%u", ++counter);

  /* A folder a test: a late write of the previous test's working copy lands in its own. */
  f->base = g_build_filename (g_get_user_data_dir (), "rempart", name, NULL);
  f->dir = rempart_test_dir_new ("share");
  rempart_workspace_create_async (f->base, "Je suis là", FEED_URL, NULL,
                                  rempart_ui_test_store_result, &result);
  g_assert_true (rempart_ui_test_iterate_until (rempart_ui_test_has_result, &result));
  f->workspace = rempart_workspace_create_finish (result, &error);
  g_assert_no_error (error);
  rempart_test_make_keys (&public_key, &secret_key);
  f->public_key = rempart_minisign_public_key_to_base64 (public_key);
  g_assert_true (rempart_workspace_set_public_key (f->workspace, f->public_key, &error));
  g_clear_object (&result);
  rempart_workspace_save_async (f->workspace, NULL, rempart_ui_test_store_result, &result);
  g_assert_true (rempart_ui_test_iterate_until (rempart_ui_test_has_result, &result));
  g_assert_true (rempart_workspace_save_finish (f->workspace, result, &error));

  f->window = rempart_moderation_window_new (GTK_APPLICATION (application), f->base);
  gtk_window_present (GTK_WINDOW (f->window));
  g_assert_true (rempart_ui_test_iterate_until (window_ready, f));
  f->settings = REMPART_GROUP_SETTINGS (
      child_of (f->window, REMPART_TYPE_MODERATION_WINDOW, "group_settings"));
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  rempart_ui_test_iterate_a_little ();
  g_clear_object (&f->workspace);
  rempart_ui_test_iterate_for (200);
  rempart_test_dir_remove (f->base);
  rempart_test_dir_remove (f->dir);
  g_free (f->base);
  g_free (f->dir);
  g_free (f->public_key);
}

/* -------------------------------------------------------------------------------------- */
/* Tests                                                                                  */
/* -------------------------------------------------------------------------------------- */

static void
test_join_link (Fixture *f, gconstpointer data)
{
  RempartJoinPanel *panel =
      REMPART_JOIN_PANEL (child_of (f->settings, REMPART_TYPE_GROUP_SETTINGS, "join_panel"));
  GtkWidget *link_label = child_of (panel, REMPART_TYPE_JOIN_PANEL, "link_label");
  GtkWidget *picture = child_of (panel, REMPART_TYPE_JOIN_PANEL, "qr_picture");
  GtkWidget *copy_row = child_of (panel, REMPART_TYPE_JOIN_PANEL, "copy_row");
  g_autoptr (RempartJoinLink) expected_link = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *png = g_build_filename (f->dir, "join-qr.png", NULL);
  g_autofree char *svg = g_build_filename (f->dir, "join-qr.svg", NULL);
  g_autofree char *rendered = g_build_filename (f->dir, "rendered.png", NULL);
  g_autofree char *page = g_build_filename (f->dir, "join.html", NULL);
  g_autofree char *decoded = NULL;
  g_autofree char *copied = NULL;
  g_autofree char *html = NULL;
  g_autoptr (GError) error = NULL;

  open_settings (f);
  expected_link = rempart_join_link_new (FEED_URL, f->public_key, "Je suis là", &error);
  g_assert_no_error (error);
  expected = rempart_join_link_to_string (expected_link);
  g_assert_cmpstr (rempart_join_panel_get_link (panel), ==, expected);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (link_label)), ==, expected);
  g_assert_nonnull (gtk_picture_get_paintable (GTK_PICTURE (picture)));
  gtk_widget_grab_focus (copy_row);
  rempart_ui_test_save_pngs (GTK_WINDOW (f->window), "moderation-share", 1280, 800, save_png);

  /* Copy, from the keyboard: the row takes the focus and Enter activates it. */
  gtk_widget_grab_focus (copy_row);
  g_assert_true (rempart_ui_test_is_inside (rempart_ui_test_focus_of (f->window), copy_row));
  g_assert_true (gtk_widget_activate (copy_row));
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (copy_row), NULL, text_read_cb, &copied);
  g_assert_true (rempart_ui_test_iterate_until (has_text, &copied));
  g_assert_cmpstr (copied, ==, expected);

  /* The saved codes decode back to the link. */
  save (f, panel, REMPART_JOIN_SAVE_QR_PNG, png);
  decoded = zbar (png);
  g_assert_cmpstr (decoded, ==, expected);
  g_clear_pointer (&decoded, g_free);

  save (f, panel, REMPART_JOIN_SAVE_QR_SVG, svg);
  {
    const char *argv[] = { "rsvg-convert", "-w", "600", "-b", "white", "-o", rendered, svg, NULL };
    g_free (run (argv));
  }
  decoded = zbar (rendered);
  g_assert_cmpstr (decoded, ==, expected);

  save (f, panel, REMPART_JOIN_SAVE_PAGE, page);
  g_assert_true (g_file_get_contents (page, &html, NULL, &error));
  g_assert_nonnull (strstr (html, "<svg"));
  g_assert_nonnull (strstr (html, "Je suis là"));

  /* A new name makes a new link. */
  {
    RempartFeedSettings settings = { 0 };

    settings.title = "Je suis là 2";
    g_assert_true (rempart_workspace_set_settings (
        rempart_moderation_window_get_workspace (f->window), &settings, &error));
  }
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (link_label)), "2"));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (link_label)), !=, expected);
}

typedef struct
{
  GtkLabel *label;
  const char *text;
} LabelWait;

static gboolean
label_says (gpointer data)
{
  LabelWait *wait = data;

  return strstr (gtk_label_get_text (wait->label), wait->text) != NULL;
}

static gboolean
workspace_has_key (gpointer data)
{
  Fixture *f = data;
  const char *key =
      rempart_workspace_get_public_key (rempart_moderation_window_get_workspace (f->window));

  return g_strcmp0 (key, f->public_key) != 0;
}

/* Types @password in the import row, which has the focus, and presses Enter. */
static void
type_import_password (Fixture *f, GtkWidget *row, const char *password)
{
  GtkWidget *focus = rempart_ui_test_focus_of (f->window);

  g_assert_true (rempart_ui_test_is_inside (focus, row));
  gtk_editable_set_text (GTK_EDITABLE (row), password);
  if (!rempart_ui_test_press_key (focus, GDK_KEY_Return, 0))
    g_signal_emit_by_name (row, "entry-activated");
}

/* A key made by the real minisign -G, with a password: malformed file, wrong password, then
 * the right one; the working copy's public key becomes minisign's, the join link follows. */
static void
test_import_key (Fixture *f, gconstpointer data)
{
  RempartKeyPanel *panel =
      REMPART_KEY_PANEL (child_of (f->settings, REMPART_TYPE_GROUP_SETTINGS, "key_panel"));
  RempartJoinPanel *join =
      REMPART_JOIN_PANEL (child_of (f->settings, REMPART_TYPE_GROUP_SETTINGS, "join_panel"));
  GtkWidget *row = child_of (panel, REMPART_TYPE_KEY_PANEL, "import_password_row");
  GtkLabel *message = GTK_LABEL (child_of (panel, REMPART_TYPE_KEY_PANEL, "message_label"));
  g_autofree char *pub = g_build_filename (f->dir, "m.pub", NULL);
  g_autofree char *key = g_build_filename (f->dir, "m.key", NULL);
  g_autofree char *junk = g_build_filename (f->dir, "junk.key", NULL);
  g_autofree char *pub_text = NULL;
  g_auto (GStrv) pub_lines = NULL;
  g_autoptr (GFile) key_file = g_file_new_for_path (key);
  g_autoptr (GFile) junk_file = g_file_new_for_path (junk);
  g_autoptr (GSubprocess) minisign = NULL;
  g_autoptr (GError) error = NULL;
  const char *old_link;
  LabelWait wait = { message, NULL };

  minisign = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_SILENCE,
                               &error, "minisign", "-G", "-p", pub, "-s", key, NULL);
  g_assert_no_error (error);
  g_assert_true (
      g_subprocess_communicate_utf8 (minisign, "pass word\npass word\n", NULL, NULL, NULL, &error));
  g_assert_true (g_subprocess_get_successful (minisign));
  g_assert_true (g_file_get_contents (pub, &pub_text, NULL, &error));
  pub_lines = g_strsplit (pub_text, "\n", -1);
  g_assert_true (g_file_set_contents (junk, "untrusted comment: not really\nAAAA\n", -1, &error));

  open_settings (f);
  old_link = rempart_join_panel_get_link (join);
  g_assert_nonnull (old_link);
  old_link = g_strdup (old_link);

  /* A file that is not a key. */
  rempart_key_panel_set_import_file (panel, junk_file);
  gtk_widget_grab_focus (row);
  type_import_password (f, row, "pass word");
  wait.text = "not a minisign secret key";
  g_assert_true (rempart_ui_test_iterate_until (label_says, &wait));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (message), "error"));
  g_assert_cmpstr (
      rempart_workspace_get_public_key (rempart_moderation_window_get_workspace (f->window)), ==,
      f->public_key);

  /* The real key, a wrong password: said, the focus stays to type again. */
  rempart_key_panel_set_import_file (panel, key_file);
  gtk_widget_grab_focus (row);
  type_import_password (f, row, "mauvais");
  wait.text = "does not open";
  g_assert_true (rempart_ui_test_iterate_until_timeout (label_says, &wait, 60));
  g_assert_true (rempart_ui_test_is_inside (rempart_ui_test_focus_of (f->window), row));

  /* The right one. */
  type_import_password (f, row, "pass word");
  g_assert_true (rempart_ui_test_iterate_until_timeout (workspace_has_key, f, 60));
  g_assert_cmpstr (
      rempart_workspace_get_public_key (rempart_moderation_window_get_workspace (f->window)), ==,
      pub_lines[1]);
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (message), "error"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "");
  g_assert_nonnull (strstr (rempart_join_panel_get_link (join), "RW"));
  g_assert_cmpstr (rempart_join_panel_get_link (join), !=, old_link);
  g_free ((char *) old_link);
}

/* The @n-th widget of @type under @widget, depth first. */
static GtkWidget *
find_nth (GtkWidget *widget, GType type, guint *n)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    {
      if (*n == 0)
        return widget;
      (*n)--;
    }
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_nth (c, type, n);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find (GtkWidget *widget, GType type, guint index)
{
  GtkWidget *found = find_nth (widget, type, &index);

  g_assert_nonnull (found);
  return found;
}

typedef struct
{
  GtkWidget *list;
  guint n;
} RowsWait;

static guint
count_rows (GtkWidget *widget)
{
  guint n = ADW_IS_EXPANDER_ROW (widget) ? 1 : 0;

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    n += count_rows (c);
  return n;
}

static gboolean
has_rows (gpointer data)
{
  RowsWait *wait = data;

  return count_rows (wait->list) == wait->n;
}

/* A button's "activate" clicks it after a short pressed look (250 ms): wait for the rows. */
static void
wait_rows (GtkWidget *list, guint n)
{
  RowsWait wait = { list, n };

  g_assert_true (rempart_ui_test_iterate_until (has_rows, &wait));
}

static GPtrArray *
templates_of (Fixture *f)
{
  return rempart_feed_get_templates (
      rempart_workspace_get_feed (rempart_moderation_window_get_workspace (f->window)));
}

static gboolean
file_has_template (gpointer data)
{
  Fixture *f = data;
  g_autofree char *path = g_build_filename (
      rempart_workspace_get_dir (rempart_moderation_window_get_workspace (f->window)), "feed.json",
      NULL);
  g_autofree char *text = NULL;

  return g_file_get_contents (path, &text, NULL, NULL) && strstr (text, "\"templates\"") != NULL &&
         strstr (text, "Merci pour") != NULL;
}

static GtkWidget *
remove_button (GtkWidget *widget)
{
  if (GTK_IS_BUTTON (widget) &&
      g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), "_Remove This Template") == 0)
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = remove_button (c);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Add, write, edit and remove the group's reply templates; an empty one is refused with a
 * message and kept on screen. */
static void
test_templates (Fixture *f, gconstpointer data)
{
  GtkWidget *panel = child_of (f->settings, REMPART_TYPE_GROUP_SETTINGS, "templates_panel");
  GtkWidget *list = child_of (panel, REMPART_TYPE_TEMPLATES_PANEL, "list");
  GtkWidget *add = child_of (panel, REMPART_TYPE_TEMPLATES_PANEL, "add_button");
  GtkLabel *message = GTK_LABEL (child_of (panel, REMPART_TYPE_TEMPLATES_PANEL, "message_label"));
  GtkWidget *row;
  GtkWidget *title;
  GtkWidget *body;
  GtkWidget *remove;
  GPtrArray *templates;
  RempartFeedTemplate *tmpl;

  open_settings (f);
  g_assert_true (templates_of (f) == NULL || templates_of (f)->len == 0);

  /* Add: a new row, open, with the focus in its title. */
  gtk_widget_grab_focus (add);
  g_assert_true (gtk_widget_activate (add));
  wait_rows (list, 1);
  row = find (list, ADW_TYPE_EXPANDER_ROW, 0);
  g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (row)));
  title = find (row, ADW_TYPE_ENTRY_ROW, 0);
  g_assert_true (rempart_ui_test_is_inside (rempart_ui_test_focus_of (f->window), title));

  /* A title alone is not a template: said, kept on screen, not written. */
  gtk_editable_set_text (GTK_EDITABLE (title), "Remercier");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (message)));
  g_assert_nonnull (strstr (gtk_label_get_text (message), "no text"));
  g_assert_true (templates_of (f) == NULL || templates_of (f)->len == 0);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Remercier");

  /* Its text makes it one, written into the feed's templates. */
  body = find (row, GTK_TYPE_TEXT_VIEW, 0);
  gtk_widget_grab_focus (body);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (body)),
                            "{hashtag} Merci pour votre message.", -1);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (message)));
  templates = templates_of (f);
  g_assert_nonnull (templates);
  g_assert_cmpuint (templates->len, ==, 1);
  tmpl = g_ptr_array_index (templates, 0);
  g_assert_cmpstr (tmpl->title, ==, "Remercier");
  g_assert_cmpstr (tmpl->body, ==, "{hashtag} Merci pour votre message.");
  g_assert_cmpuint (strlen (tmpl->id), >, 0);
  gtk_editable_set_text (GTK_EDITABLE (find (row, ADW_TYPE_ENTRY_ROW, 1)), "Quand on vous répond");
  tmpl = g_ptr_array_index (templates_of (f), 0);
  g_assert_cmpstr (tmpl->when, ==, "Quand on vous répond");
  g_assert_true (rempart_ui_test_iterate_until (file_has_template, f));

  /* A second, then the first removed with its button. */
  g_assert_true (gtk_widget_activate (add));
  wait_rows (list, 2);
  row = find (list, ADW_TYPE_EXPANDER_ROW, 1);
  gtk_editable_set_text (GTK_EDITABLE (find (row, ADW_TYPE_ENTRY_ROW, 0)), "Sources");
  gtk_text_buffer_set_text (
      gtk_text_view_get_buffer (GTK_TEXT_VIEW (find (row, GTK_TYPE_TEXT_VIEW, 0))),
      "Voici la source : {source}", -1);
  g_assert_cmpuint (templates_of (f)->len, ==, 2);
  row = find (list, ADW_TYPE_EXPANDER_ROW, 0);
  remove = remove_button (row);
  g_assert_nonnull (remove);
  g_assert_true (gtk_widget_activate (remove));
  wait_rows (list, 1);
  templates = templates_of (f);
  g_assert_cmpuint (templates->len, ==, 1);
  g_assert_cmpstr (((RempartFeedTemplate *) g_ptr_array_index (templates, 0))->title, ==,
                   "Sources");
  g_assert_cmpstr (
      adw_preferences_row_get_title (ADW_PREFERENCES_ROW (find (list, ADW_TYPE_EXPANDER_ROW, 0))),
      ==, "Sources");
}

static gboolean
leaflet_shows (gpointer data)
{
  Fixture *f = data;
  GtkWidget *leaflet = child_of (f->window, REMPART_TYPE_MODERATION_WINDOW, "leaflet");
  const char *want = g_object_get_data (G_OBJECT (f->window), "want");

  GtkWidget *detail = child_of (f->window, REMPART_TYPE_MODERATION_WINDOW, "detail_stack");
  gboolean on_detail = adw_leaflet_get_visible_child (ADW_LEAFLET (leaflet)) == detail;

  return adw_leaflet_get_folded (ADW_LEAFLET (leaflet)) &&
         on_detail == g_str_equal (want, "detail_stack") &&
         !adw_leaflet_get_child_transition_running (ADW_LEAFLET (leaflet));
}

static gboolean
back_shown (gpointer data)
{
  return gtk_widget_get_visible (data);
}

/* At a phone's 360 px: an action fills the window, Back (pointer, then Alt+Left) leads to the
 * list with the focus on the action's row; New Action gives Back its place. */
static void
test_narrow (Fixture *f, gconstpointer data)
{
  RempartWorkspace *ws = rempart_moderation_window_get_workspace (f->window);
  GtkWidget *list = child_of (f->window, REMPART_TYPE_MODERATION_WINDOW, "action_list");
  GtkWidget *back = child_of (f->window, REMPART_TYPE_MODERATION_WINDOW, "back_button");
  GtkWidget *new_button = child_of (f->window, REMPART_TYPE_MODERATION_WINDOW, "new_button");
  RempartNewAction action = { 0 };
  g_autoptr (GError) error = NULL;
  GtkWidget *row;
  int minimum;

  gtk_window_set_default_size (GTK_WINDOW (f->window), 360, 700);
  action.url = "https://www.facebook.com/news/posts/1";
  action.title = "Chiffres inventés";
  action.topic = REMPART_TOPIC_RACISM;
  g_assert_true (rempart_workspace_add_action (ws, &action, NULL, &error));
  g_assert_no_error (error);
  g_object_set_data (G_OBJECT (f->window), "want", (gpointer) "list_pane");
  g_assert_true (rempart_ui_test_iterate_until (leaflet_shows, f));
  g_assert_false (gtk_widget_get_visible (back));
  g_assert_true (gtk_widget_get_visible (new_button));

  /* The action, by pointer: it fills the window, Back replaces New Action. */
  row = GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0));
  g_assert_nonnull (row);
  rempart_ui_test_click_row (row);
  g_object_set_data (G_OBJECT (f->window), "want", (gpointer) "detail_stack");
  g_assert_true (rempart_ui_test_iterate_until (leaflet_shows, f));
  g_assert_true (rempart_ui_test_iterate_until (back_shown, back));
  g_assert_false (gtk_widget_get_visible (new_button));
  gtk_widget_measure (gtk_widget_get_first_child (GTK_WIDGET (f->window)),
                      GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  g_assert_cmpint (minimum, <=, 360);
  rempart_ui_test_snapshot_png (GTK_WIDGET (f->window), "moderation-narrow-action.png", 0);

  /* Back, by pointer: the list, the focus on the row. */
  rempart_ui_test_hover (back, back, rempart_ui_test_center_of (back), TRUE);
  g_assert_true (gtk_widget_activate (back));
  g_object_set_data (G_OBJECT (f->window), "want", (gpointer) "list_pane");
  g_assert_true (rempart_ui_test_iterate_until (leaflet_shows, f));
  g_assert_true (rempart_ui_test_is_inside (rempart_ui_test_focus_of (f->window), list));
  g_assert_true (rempart_ui_test_iterate_until (rempart_ui_test_widget_is_mapped, new_button));
  g_assert_false (gtk_widget_get_visible (back));

  /* Again, and back with Alt+Left from the editor (the list may have been rebuilt). */
  row = GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0));
  rempart_ui_test_click_row (row);
  g_object_set_data (G_OBJECT (f->window), "want", (gpointer) "detail_stack");
  g_assert_true (rempart_ui_test_iterate_until (leaflet_shows, f));
  gtk_widget_grab_focus (child_of (rempart_moderation_window_get_editor (f->window),
                                   REMPART_TYPE_ACTION_EDITOR, "title_row"));
  g_assert_true (
      rempart_ui_test_press_key (rempart_ui_test_focus_of (f->window), GDK_KEY_Left, GDK_ALT_MASK));
  g_object_set_data (G_OBJECT (f->window), "want", (gpointer) "list_pane");
  g_assert_true (rempart_ui_test_iterate_until (leaflet_shows, f));
  g_assert_true (rempart_ui_test_is_inside (rempart_ui_test_focus_of (f->window), list));
}

int
main (int argc, char *argv[])
{
  g_autofree char *data_home = NULL;
  g_autofree char *display = NULL;
  int ret;

  data_home = rempart_ui_test_make_data_home ("ui-moderation-share-home");
  display = g_strdup (g_getenv ("DISPLAY"));
  bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_test_dbus_up (bus);
  if (display != NULL)
    g_setenv ("DISPLAY", display, TRUE);
  g_setenv ("GTK_A11Y", "none", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  application = rempart_ui_test_application_new ();

#define ADD(name, func) \
  g_test_add ("/moderation-share/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("join-link", test_join_link);
  ADD ("import-key", test_import_key);
  ADD ("templates", test_templates);
  ADD ("narrow", test_narrow);
#undef ADD

  ret = g_test_run ();
  rempart_ui_test_application_shutdown (application);
  g_clear_object (&application);
  rempart_test_dir_remove (data_home);
  g_test_dbus_stop (bus);
  return ret;
}
