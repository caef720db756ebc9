/* rempart-application-examples.c: the example actions, shown on the first run and retired
 * after the first group's first good check
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Rempart"

#include "config.h"

#include <glib/gi18n.h>

#include "rempart-application-private.h"
#include "rempart-demo.h"

/* -------------------------------------------------------------------------------------- */
/* First run                                                                              */
/* -------------------------------------------------------------------------------------- */

static void
demo_imported_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (RempartApplication) self = user_data;
  g_autoptr (GError) error = NULL;
  RempartWindow *window;

  if (rempart_demo_import_finish (result, &error) < 0)
    {
      window = rempart_application_get_main_window (self);
      if (window != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        rempart_window_show_toast (window, error->message);
      return;
    }

  rempart_application_reload_windows (self);
}

/* First run: with no group yet, show the bundled, signed example actions. */
void
rempart_application_subscriptions_checked_cb (GObject *source,
                                              GAsyncResult *result,
                                              gpointer user_data)
{
  g_autoptr (RempartApplication) self = user_data;
  g_autoptr (GPtrArray) subscriptions = NULL;

  subscriptions = rempart_store_list_subscriptions_finish (REMPART_STORE (source), result, NULL);
  if (subscriptions == NULL || subscriptions->len > 0)
    return;

  rempart_demo_import_async (self->store, g_get_language_names ()[0], self->cancellable,
                             demo_imported_cb, g_object_ref (self));
}

/* -------------------------------------------------------------------------------------- */
/* A new group: its first check, then the examples go                                     */
/* -------------------------------------------------------------------------------------- */

/*
 * The example actions stay until the first group has been checked successfully: a group
 * whose first check fails leaves the volunteer with the examples, not with nothing. Before
 * they go, the windows close any example they show (the reply being written is saved), and
 * every example reply with words in it is kept as one of the volunteer's own templates.
 */

static void
examples_removed_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (RempartApplication) self = user_data;
  g_autoptr (GError) error = NULL;
  RempartWindow *window = rempart_application_get_main_window (self);

  if (!rempart_demo_remove_finish (result, &error) && window != NULL &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    rempart_window_show_toast (window, error->message);
  rempart_application_reload_windows (self);
}

static void
example_drafts_kept_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (RempartApplication) self = user_data;
  g_autoptr (GError) error = NULL;
  RempartWindow *window = rempart_application_get_main_window (self);
  gint64 kept = rempart_demo_keep_drafts_finish (result, &error);

  if (kept < 0)
    {
      /* Not one reply is dropped: when they cannot be kept, the examples stay. */
      if (window != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        rempart_window_show_toast (window, error->message);
      return;
    }

  if (kept > 0 && window != NULL)
    rempart_window_show_toast (
        window, _ ("Your replies to the example actions are kept as your own templates, in "
                   "Preferences → Templates"));

  rempart_demo_remove_async (self->store, self->cancellable, examples_removed_cb,
                             g_object_ref (self));
}

static void
first_check_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (RempartApplication) self = user_data;
  g_autoptr (GPtrArray) reports = NULL;
  gboolean checked = FALSE;

  /* Whatever happened is reported like any check (refresh_done_cb); only a success retires
   * the examples. */
  reports = rempart_sync_refresh_finish (REMPART_SYNC (source), result, NULL);
  for (guint i = 0; reports != NULL && i < reports->len; i++)
    {
      RempartSyncReport *report = g_ptr_array_index (reports, i);

      checked |= report->outcome == REMPART_SYNC_OUTCOME_UPDATED ||
                 report->outcome == REMPART_SYNC_OUTCOME_NOT_MODIFIED;
    }
  rempart_application_show_refresh_result (self, reports);

  if (!checked || self->store == NULL)
    return;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (REMPART_IS_WINDOW (l->data))
      rempart_window_close_examples (l->data);
  rempart_demo_keep_drafts_async (self->store, self->cancellable, example_drafts_kept_cb,
                                  g_object_ref (self));
}

/* -------------------------------------------------------------------------------------- */
/* Public API                                                                             */
/* -------------------------------------------------------------------------------------- */

/*
 * rempart_application_subscription_added:
 *
 * The volunteer followed a group: the new feed is checked now, and once it has been checked
 * successfully the example actions go (the volunteer's replies to them are kept).
 */
void
rempart_application_subscription_added (RempartApplication *self, gint64 subscription_id)
{
  g_return_if_fail (REMPART_IS_APPLICATION (self));

  if (self->store == NULL || self->sync == NULL)
    return;

  rempart_sync_refresh_async (self->sync, subscription_id, TRUE, self->cancellable,
                              first_check_done_cb, g_object_ref (self));
}
