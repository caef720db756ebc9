/* rempart-preferences-move.c: the list of groups taken to a new computer
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Rempart"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rempart-join-list.h"
#include "rempart-preferences-move.h"

/*
 * Preferences → Groups → Export writes the groups (address, key, name) as a list of join links
 * (rempart-join-list.h); Import reads such a file and shows each group in the join dialog, with
 * the same checks as a link: nothing is added before the volunteer confirms each one. The file
 * choosers are GtkFileChooserNative, which goes through the portal inside the Flatpak.
 */

typedef struct
{
  RempartPreferencesWindow *window;
  RempartStore *store;
  GtkFileChooserNative *chooser;
  char *text;
} MoveData;

static void
move_data_free (MoveData *data)
{
  g_clear_object (&data->window);
  g_clear_object (&data->store);
  g_clear_object (&data->chooser);
  g_free (data->text);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MoveData, move_data_free)

/* -------------------------------------------------------------------------------------- */
/* Helpers                                                                                */
/* -------------------------------------------------------------------------------------- */

static void
show_toast (RempartPreferencesWindow *window, const char *message)
{
  g_autofree char *escaped = g_markup_escape_text (message, -1);
  AdwToast *toast = adw_toast_new (escaped);

  adw_toast_set_timeout (toast, 5);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (window), toast);
}

static void
show_error (RempartPreferencesWindow *window, const char *heading, const GError *error)
{
  AdwMessageDialog *dialog =
      ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (window), heading, NULL));

  adw_message_dialog_set_body (dialog, error->message);
  adw_message_dialog_add_response (dialog, "close", _ ("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static GtkFileChooserNative *
new_chooser (RempartPreferencesWindow *window, gboolean save)
{
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (
      save ? _ ("Export the List of Groups") : _ ("Import a List of Groups"), GTK_WINDOW (window),
      save ? GTK_FILE_CHOOSER_ACTION_SAVE : GTK_FILE_CHOOSER_ACTION_OPEN,
      /* Translators: button of a file chooser that saves a file */
      save ? _ ("_Export")
           /* Translators: button of a file chooser that opens a file */
           : _ ("_Import"),
      _ ("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  /* Translators: file type filter in the import dialog */
  gtk_file_filter_set_name (filter, _ ("Text files"));
  gtk_file_filter_add_mime_type (filter, "text/plain");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  if (save)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), "rempart-groups.txt");

  return chooser;
}

static void
subscription_added_cb (RempartPreferencesWindow *window, gint64 id)
{
  rempart_preferences_window_reload (window);
  g_signal_emit_by_name (window, "subscription-added", id);
}

/* -------------------------------------------------------------------------------------- */
/* Export                                                                                 */
/* -------------------------------------------------------------------------------------- */

static void
written_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (MoveData) data = user_data;
  g_autoptr (GError) error = NULL;

  if (!g_file_replace_contents_finish (G_FILE (source), result, NULL, &error))
    {
      show_error (data->window, _ ("Could Not Export the List of Groups"), error);
      return;
    }
  show_toast (data->window, _ ("List of groups exported"));
}

static void
export_response_cb (GtkNativeDialog *chooser, int response, gpointer user_data)
{
  g_autoptr (MoveData) data = user_data;
  g_autoptr (GFile) file = NULL;
  MoveData *next;

  if (response != GTK_RESPONSE_ACCEPT)
    return;

  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  next = g_steal_pointer (&data);
  g_file_replace_contents_async (file, next->text, strlen (next->text), NULL, FALSE,
                                 G_FILE_CREATE_REPLACE_DESTINATION, NULL, written_cb, next);
}

static void
listed_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (MoveData) data = user_data;
  g_autoptr (GPtrArray) subs = NULL;
  g_autoptr (GError) error = NULL;

  subs = rempart_store_list_subscriptions_finish (REMPART_STORE (source), result, &error);
  if (subs == NULL)
    {
      show_error (data->window, _ ("Could Not Export the List of Groups"), error);
      return;
    }

  data->text = rempart_preferences_move_groups_to_text (subs);
  if (data->text == NULL)
    {
      show_toast (data->window, _ ("You follow no group yet"));
      return;
    }

  data->chooser = new_chooser (data->window, TRUE);
  g_signal_connect (data->chooser, "response", G_CALLBACK (export_response_cb), data);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (g_steal_pointer (&data)->chooser));
}

/* -------------------------------------------------------------------------------------- */
/* Import                                                                                 */
/* -------------------------------------------------------------------------------------- */

static void
loaded_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (MoveData) data = user_data;
  g_autoptr (GError) error = NULL;
  g_autofree char *contents = NULL;
  RempartJoinDialog *dialog;
  gsize length;

  if (!g_file_load_contents_finish (G_FILE (source), result, &contents, &length, NULL, &error))
    {
      show_error (data->window, _ ("Could Not Import the List of Groups"), error);
      return;
    }

  dialog =
      rempart_preferences_move_import_text (data->window, data->store, contents, length, &error);
  if (dialog == NULL)
    show_error (data->window, _ ("Could Not Import the List of Groups"), error);
}

static void
import_response_cb (GtkNativeDialog *chooser, int response, gpointer user_data)
{
  g_autoptr (MoveData) data = user_data;
  g_autoptr (GFile) file = NULL;

  if (response != GTK_RESPONSE_ACCEPT)
    return;

  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_file_load_contents_async (file, NULL, loaded_cb, g_steal_pointer (&data));
}

/* -------------------------------------------------------------------------------------- */
/* Public API                                                                             */
/* -------------------------------------------------------------------------------------- */

/*
 * rempart_preferences_move_groups_to_text:
 * @subscriptions: (element-type RempartSubscription): the groups followed
 *
 * Returns: (transfer full) (nullable): the export file's contents, one join link per group
 *   (the example feed left out), or %NULL when there is no group to export
 */
char *
rempart_preferences_move_groups_to_text (GPtrArray *subscriptions)
{
  g_autoptr (GPtrArray) links =
      g_ptr_array_new_with_free_func ((GDestroyNotify) rempart_join_link_free);

  for (guint i = 0; i < subscriptions->len; i++)
    {
      const RempartSubscription *sub = g_ptr_array_index (subscriptions, i);
      RempartJoinLink *link;

      if (sub->is_bundled)
        continue;

      /* A feed's title may be longer than a link's name allows: then the link has none, and
       * the new computer shows the title the feed states anyway. */
      link = rempart_join_link_new (sub->url, sub->public_key, sub->title, NULL);
      if (link == NULL)
        link = rempart_join_link_new (sub->url, sub->public_key, NULL, NULL);
      if (link != NULL)
        g_ptr_array_add (links, link);
    }

  if (links->len == 0)
    return NULL;

  return rempart_join_list_to_string (links);
}

/*
 * rempart_preferences_move_import_text:
 *
 * Reads an exported list and shows its groups one by one in a RempartJoinDialog, whose
 * confirmed groups reload @window and are reported by its subscription-added signal.
 *
 * Returns: (transfer none) (nullable): the dialog, or %NULL when the file is not a list
 */
RempartJoinDialog *
rempart_preferences_move_import_text (RempartPreferencesWindow *window,
                                      RempartStore *store,
                                      const char *text,
                                      gsize length,
                                      GError **error)
{
  g_autoptr (GPtrArray) links = NULL;
  RempartJoinDialog *dialog;

  g_return_val_if_fail (REMPART_IS_PREFERENCES_WINDOW (window), NULL);

  links = rempart_join_list_parse (text, length, error);
  if (links == NULL)
    return NULL;

  dialog = rempart_join_dialog_new_for_links (GTK_WINDOW (window), store, NULL, links);
  g_signal_connect_object (dialog, "subscription-added", G_CALLBACK (subscription_added_cb), window,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));

  return dialog;
}

void
rempart_preferences_move_export (RempartPreferencesWindow *window, RempartStore *store)
{
  MoveData *data = g_new0 (MoveData, 1);

  data->window = g_object_ref (window);
  data->store = g_object_ref (store);
  rempart_store_list_subscriptions_async (store, NULL, listed_cb, data);
}

void
rempart_preferences_move_import (RempartPreferencesWindow *window, RempartStore *store)
{
  MoveData *data = g_new0 (MoveData, 1);

  data->window = g_object_ref (window);
  data->store = g_object_ref (store);
  data->chooser = new_chooser (window, FALSE);
  g_signal_connect (data->chooser, "response", G_CALLBACK (import_response_cb), data);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (data->chooser));
}
