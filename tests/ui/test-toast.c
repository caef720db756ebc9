/* test-toast.c: messages too long for a toast are never cut off
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "rempart-ui-test.h"
#include "rempart-ui-utils.h"

/* What the fetcher says when https meets a server that only speaks http: far longer than a
 * toast shows in one line, which is all a toast has. */
#define LONG_MESSAGE                                                                     \
  "Could not open a secure (https) connection to example.org/feed.json. If the address " \
  "your group gave you starts with “http://”, type it in full; otherwise tell your " \
  "group’s moderators that their server’s https does not work."

typedef struct
{
  GtkWindow *window;
  AdwToastOverlay *overlay;
} Fixture;

/* ------------------------------------------------------------------------------------------ */
/* Helpers                                                                                    */
/* ------------------------------------------------------------------------------------------ */

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->window = GTK_WINDOW (adw_window_new ());
  f->overlay = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_toast_overlay_set_child (f->overlay, gtk_label_new ("Rempart"));
  adw_window_set_content (ADW_WINDOW (f->window), GTK_WIDGET (f->overlay));
  gtk_window_set_default_size (f->window, 360, 400);
  gtk_window_present (f->window);
  rempart_ui_test_iterate_until (rempart_ui_test_widget_is_drawn, f->overlay);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  AdwMessageDialog *dialog;

  while ((dialog = rempart_ui_test_find_message_dialog ()) != NULL)
    gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (f->window);
  rempart_ui_test_iterate_a_little ();
}

/* The labels and the button the overlay shows, in order. */
static void
collect (GtkWidget *widget, GPtrArray *labels, GPtrArray *buttons)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      if (GTK_IS_BUTTON (c) && gtk_button_get_label (GTK_BUTTON (c)) != NULL &&
          gtk_widget_get_visible (c))
        g_ptr_array_add (buttons, c);
      else if (GTK_IS_LABEL (c) && gtk_widget_get_mapped (c))
        g_ptr_array_add (labels, c);
      collect (c, labels, buttons);
    }
}

static GtkLabel *
toast_label (Fixture *f, GtkButton **out_button)
{
  g_autoptr (GPtrArray) labels = g_ptr_array_new ();
  g_autoptr (GPtrArray) buttons = g_ptr_array_new ();

  collect (GTK_WIDGET (f->overlay), labels, buttons);
  *out_button = buttons->len > 0 ? g_ptr_array_index (buttons, 0) : NULL;
  /* The first label is the overlay's child; the toast's title comes after it. */
  return labels->len > 1 ? g_ptr_array_index (labels, 1) : NULL;
}

static gboolean
toast_is_shown (gpointer data)
{
  GtkButton *button;

  return toast_label (data, &button) != NULL;
}

/* ------------------------------------------------------------------------------------------ */
/* Tests                                                                                      */
/* ------------------------------------------------------------------------------------------ */

static void
test_titles (void)
{
  g_autofree char *clause = rempart_toast_title_for (LONG_MESSAGE);
  g_autofree char *words = NULL;
  g_autofree char *url = NULL;

  /* Short: as it is. */
  g_assert_null (rempart_toast_title_for ("Reply added to the queue"));
  /* Long: its first clause, whole words, or a cut with an ellipsis. */
  g_assert_cmpstr (clause, ==, "Could not open a secure (https) connection…");
  words = rempart_toast_title_for ("Could not download example.org/feed.json: the server refused "
                                   "the connection.");
  g_assert_cmpstr (words, ==, "Could not download example.org/feed.json");
  url = rempart_toast_title_for ("https://example.org/a-very-long-path/that-never-ends/feed.json "
                                 "is gone");
  g_assert_true (g_str_has_suffix (url, "…"));
  g_assert_cmpint (g_utf8_strlen (url, -1), <=, 44);
}

static void
test_short (Fixture *f, gconstpointer data)
{
  GtkButton *button = NULL;
  GtkLabel *label;

  rempart_toast_overlay_show (f->overlay, "No new actions <b>&</b>");
  g_assert_true (rempart_ui_test_iterate_until (toast_is_shown, f));
  label = toast_label (f, &button);
  /* Plain text, whole, no button. */
  g_assert_cmpstr (gtk_label_get_text (label), ==, "No new actions <b>&</b>");
  g_assert_null (button);
}

static void
test_long (Fixture *f, gconstpointer data)
{
  GtkButton *button = NULL;
  GtkLabel *label;
  AdwMessageDialog *dialog;

  rempart_toast_overlay_show (f->overlay, LONG_MESSAGE);
  g_assert_true (rempart_ui_test_iterate_until (toast_is_shown, f));
  label = toast_label (f, &button);
  g_assert_true (g_str_has_prefix (LONG_MESSAGE, "Could not open a secure (https) connection"));
  g_assert_nonnull (strstr (gtk_label_get_text (label), "Could not open a secure"));
  g_assert_nonnull (button);
  g_assert_cmpstr (gtk_button_get_label (button), ==, "_Details");
  rempart_ui_test_iterate_until (rempart_ui_test_widget_is_drawn, button);
  rempart_ui_test_snapshot_png (GTK_WIDGET (f->window), "toast-long.png", 0);

  /* The pointer over the toast, then a click on Details: the whole message, in a dialog. */
  rempart_ui_test_hover (GTK_WIDGET (button), GTK_WIDGET (button),
                         rempart_ui_test_center_of (GTK_WIDGET (button)), FALSE);
  g_signal_emit_by_name (button, "clicked");
  g_assert_true (rempart_ui_test_iterate_until (rempart_ui_test_message_dialog_is_shown, NULL));
  dialog = rempart_ui_test_find_message_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==, LONG_MESSAGE);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, gtk_label_get_text (label));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == f->window);
  rempart_ui_test_iterate_until (rempart_ui_test_widget_is_drawn, dialog);
  rempart_ui_test_snapshot_png (GTK_WIDGET (dialog), "toast-long-details.png", 0);
}

/* ------------------------------------------------------------------------------------------ */
/* Main                                                                                       */
/* ------------------------------------------------------------------------------------------ */

int
main (int argc, char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  /* The toast's picture once it is in place, not half-way through sliding in. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  g_test_add_func ("/toast/titles", test_titles);
  g_test_add ("/toast/short", Fixture, NULL, fixture_set_up, test_short, fixture_tear_down);
  g_test_add ("/toast/long", Fixture, NULL, fixture_set_up, test_long, fixture_tear_down);

  return g_test_run ();
}
