/* rempart-window-groups.c: the groups of the sidebar, the sync status and the banner
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Rempart"

#include "config.h"

#include <glib/gi18n.h>

#include "rempart-text-line.h"
#include "rempart-ui-utils.h"
#include "rempart-window-private.h"

/* -------------------------------------------------------------------------------------- */
/* Helpers                                                                                */
/* -------------------------------------------------------------------------------------- */

/* How the sidebar names @sub: its feed's title on one line, shown in the order it is written
 * (titles saved before the parser cleaned them may still hold bidirectional overrides). */
static char *
group_name (const RempartSubscription *sub)
{
  return rempart_text_for_single_line (sub->title != NULL ? sub->title : sub->url);
}

/* The name of subscription @id, as last listed. */
static char *
subscription_name (RempartWindow *self, gint64 id)
{
  for (guint i = 0; self->subscriptions != NULL && i < self->subscriptions->len; i++)
    {
      RempartSubscription *sub = g_ptr_array_index (self->subscriptions, i);

      if (sub->id == id)
        return group_name (sub);
    }

  return NULL;
}

/* "Checking GROUP…" with a spinner and a Cancel button while the sync downloads a group. */
static void
update_checking (RempartWindow *self)
{
  gint64 id = self->sync != NULL ? rempart_sync_get_checking_subscription (self->sync) : 0;
  g_autofree char *name = id != 0 ? subscription_name (self, id) : NULL;
  g_autofree char *text = NULL;

  if (id == 0)
    {
      /* The Cancel button goes away: the focus must not go with it, also when the window is
       * not the active one (has-focus is FALSE then, and the focus would stay on the hidden
       * button for when the person comes back). */
      if (gtk_widget_is_focus (self->cancel_check_button))
        gtk_widget_grab_focus (GTK_WIDGET (self->groups_list));
      gtk_spinner_stop (self->checking_spinner);
      gtk_widget_set_visible (self->checking_box, FALSE);
      rempart_window_update_groups (self);
      return;
    }

  self->check_cancelled = FALSE;
  if (name != NULL)
    /* Translators: %s is a group's name */
    text = g_strdup_printf (_ ("Checking %s…"), name);
  else
    text = g_strdup (_ ("Checking for new actions…"));
  gtk_label_set_text (self->checking_label, text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->checking_label), text);
  /* After the label, which GtkButton also makes its accessible name: "Cancel" alone does not
   * say what is cancelled. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->cancel_check_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Stop checking for new actions"), -1);
  gtk_spinner_start (self->checking_spinner);
  gtk_widget_set_visible (self->checking_box, TRUE);
  rempart_window_update_groups (self);
}

static void
checking_changed_cb (RempartSync *sync, GParamSpec *pspec, RempartWindow *self)
{
  update_checking (self);
}

/* The most pressing thing to say about the feeds, in words a volunteer understands. */
static void
update_banner (RempartWindow *self)
{
  GNetworkMonitor *monitor = g_network_monitor_get_default ();
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  g_autofree char *text = NULL;
  const char *button_label = NULL;
  const char *button_action = NULL;
  g_autoptr (GVariant) button_target = NULL;
  const char *style = NULL;
  GtkWidget *banner = gtk_revealer_get_child (self->banner_revealer);

  for (guint i = 0; self->subscriptions != NULL && i < self->subscriptions->len && text == NULL;
       i++)
    {
      RempartSubscription *sub = g_ptr_array_index (self->subscriptions, i);
      g_autofree char *name = group_name (sub);

      if (sub->is_bundled)
        continue;

      if (sub->last_error != NULL)
        {
          /* Translators: the first %s is a group's name, the second what went wrong */
          text = g_strdup_printf (_ ("%s could not be checked. %s"), name, sub->last_error);
          style = "rempart-banner-error";
          /* Checking again will not mend a wrong address or key: correcting them will. */
          if (sub->failure_kind == REMPART_CHECK_FAILURE_ADDRESS ||
              sub->failure_kind == REMPART_CHECK_FAILURE_KEY)
            {
              /* Translators: the banner's button after a group's check failed on a wrong
               * address or key: it opens the form that corrects them */
              button_label = _ ("_Edit Group");
              button_action = "win.edit-group";
              button_target = g_variant_ref_sink (g_variant_new_int64 (sub->id));
            }
          else
            {
              /* Translators: button that retries downloading a group feed */
              button_label = _ ("_Retry");
              button_action = "app.refresh";
            }
        }
      else if (rempart_subscription_is_stale (sub, now))
        {
          text = g_strdup_printf (_ ("The list of %s is out of date: the group has not "
                                     "published a new one yet."),
                                  name);
          style = "rempart-banner-warning";
        }
    }

  if (text == NULL && !g_network_monitor_get_network_available (monitor))
    {
      text = g_strdup (_ ("You are offline. Rempart will check for new actions when the "
                          "connection is back."));
      style = "rempart-banner-warning";
    }

  /* Its look follows its seriousness: a failed check (a bad signature among them) is an error,
   * an old list or being offline a warning, the example actions a calm notice. The label
   * wraps, so a long message is shown in full. */
  gtk_widget_remove_css_class (banner, "rempart-banner-error");
  gtk_widget_remove_css_class (banner, "rempart-banner-warning");
  if (style != NULL)
    gtk_widget_add_css_class (banner, style);

  if (text == NULL && self->has_demo)
    {
      text = g_strdup (_ ("These are example actions. Add your group’s feed to take part."));
      button_label = _ ("_Add a Group");
      button_action = "win.add-group";
    }

  gtk_revealer_set_reveal_child (self->banner_revealer, text != NULL);
  if (text == NULL)
    return;

  gtk_label_set_text (self->banner_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->banner_button), button_label != NULL);
  if (button_label != NULL)
    {
      gtk_button_set_label (self->banner_button, button_label);
      gtk_button_set_use_underline (self->banner_button, TRUE);
      /* No action while the target changes: the old action would not take the new one. */
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->banner_button), NULL);
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->banner_button), button_target);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->banner_button), button_action);
      rempart_accessible_fix_mnemonics (GTK_WIDGET (self->banner_button));
    }
}

static GtkWidget *
create_group_row (RempartSubscription *sub)
{
  GtkWidget *row = adw_action_row_new ();
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  g_autofree char *checked = NULL;
  g_autofree char *subtitle = NULL;
  GtkWidget *icon;
  g_autofree char *title = NULL;

  /* Before the title: a group's title is text, never Pango markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);

  if (sub->is_bundled)
    {
      title = g_strdup (_ ("Example actions"));
      subtitle = g_strdup (_ ("Built into Rempart"));
    }
  else
    {
      title = group_name (sub);
      checked = rempart_format_time_ago (sub->last_success, now);
      if (sub->last_error != NULL && sub->last_check > 0)
        {
          /* The last word is the last attempt: a failed check never reads as a success. */
          g_autofree char *tried = rempart_format_time_ago (sub->last_check, now);

          /* Translators: %s is “5 minutes ago” */
          subtitle = g_strdup_printf (_ ("Last check failed: %s"), tried);
        }
      else if (sub->is_signed || sub->last_success == 0)
        /* Translators: %s is “5 minutes ago” or “Never” */
        subtitle = g_strdup_printf (_ ("Checked: %s"), checked);
      else
        /* Translators: %s is “5 minutes ago”; the feed has no signature Rempart could check */
        subtitle = g_strdup_printf (_ ("Checked: %s · Unsigned"), checked);
    }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);

  if (sub->last_error != NULL || sub->ended)
    {
      icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
      gtk_widget_set_tooltip_text (icon, sub->ended ? _ ("No longer published") : sub->last_error);
    }
  else if (!sub->is_signed)
    {
      icon = gtk_image_new_from_icon_name ("dialog-information-symbolic");
      gtk_widget_set_tooltip_text (icon, _ ("Not signed: Rempart cannot check who published it"));
    }
  else
    {
      icon = gtk_image_new_from_icon_name ("emblem-ok-symbolic");
      gtk_widget_set_tooltip_text (icon, _ ("Signed by the group’s key"));
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  gtk_widget_get_tooltip_text (icon), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon);

  return row;
}

/* -------------------------------------------------------------------------------------- */
/* Shared with rempart-window.c                                                           */
/* -------------------------------------------------------------------------------------- */

void
rempart_window_update_groups (RempartWindow *self)
{
  GtkWidget *child;
  gint64 newest = 0;
  gint64 newest_failure = 0;
  g_autofree char *ago = NULL;
  g_autofree char *status = NULL;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->groups_list))) != NULL)
    gtk_list_box_remove (self->groups_list, child);

  self->has_demo = FALSE;
  for (guint i = 0; self->subscriptions != NULL && i < self->subscriptions->len; i++)
    {
      RempartSubscription *sub = g_ptr_array_index (self->subscriptions, i);

      gtk_list_box_append (self->groups_list, create_group_row (sub));
      if (sub->is_bundled)
        self->has_demo = TRUE;
      else
        newest = MAX (newest, sub->last_success);
      if (!sub->is_bundled && sub->last_error != NULL)
        newest_failure = MAX (newest_failure, sub->last_check);
    }

  if (self->sync != NULL && rempart_sync_get_checking_subscription (self->sync) != 0)
    status = NULL;
  else if (self->check_cancelled && newest > 0)
    {
      ago = rempart_format_time_ago (newest, g_get_real_time () / G_USEC_PER_SEC);
      /* Translators: %s is “5 minutes ago” */
      status = g_strdup_printf (_ ("Check cancelled. Last checked: %s"), ago);
    }
  else if (self->check_cancelled)
    /* Translators: state of a group whose feed check was cancelled */
    status = g_strdup (_ ("Check cancelled"));
  else if (!g_network_monitor_get_network_available (g_network_monitor_get_default ()))
    /* Translators: state of a group when the computer is offline */
    status = g_strdup (_ ("Offline"));
  else if (newest_failure > newest)
    {
      ago = rempart_format_time_ago (newest_failure, g_get_real_time () / G_USEC_PER_SEC);
      /* Translators: %s is “5 minutes ago” */
      status = g_strdup_printf (_ ("Last check failed: %s"), ago);
    }
  else if (newest > 0)
    {
      ago = rempart_format_time_ago (newest, g_get_real_time () / G_USEC_PER_SEC);
      /* Translators: %s is “5 minutes ago” */
      status = g_strdup_printf (_ ("Last checked: %s"), ago);
    }

  gtk_label_set_text (self->sync_status_label, status != NULL ? status : "");
  gtk_widget_set_visible (GTK_WIDGET (self->sync_status_label), status != NULL);
  update_banner (self);
}

void
rempart_window_subscriptions_listed_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (RempartWindow) self = user_data;
  g_autoptr (GError) error = NULL;
  GPtrArray *subscriptions;

  subscriptions = rempart_store_list_subscriptions_finish (REMPART_STORE (source), result, &error);
  if (subscriptions == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        rempart_toast_overlay_show (self->toast_overlay, error->message);
      return;
    }

  g_clear_pointer (&self->subscriptions, g_ptr_array_unref);
  self->subscriptions = subscriptions;
  rempart_window_update_groups (self);
}

void
rempart_window_cancel_check_clicked_cb (GtkButton *button, RempartWindow *self)
{
  if (self->sync == NULL)
    return;

  self->check_cancelled = TRUE;
  rempart_sync_cancel_refresh (self->sync);
}

/*
 * rempart_window_set_sync:
 *
 * Shows which group @sync is checking, and lets the volunteer cancel it.
 */
void
rempart_window_set_sync (RempartWindow *self, RempartSync *sync)
{
  g_return_if_fail (REMPART_IS_WINDOW (self));
  g_return_if_fail (sync == NULL || REMPART_IS_SYNC (sync));

  if (self->sync == sync)
    return;

  if (self->sync != NULL)
    g_signal_handlers_disconnect_by_func (self->sync, checking_changed_cb, self);
  g_set_object (&self->sync, sync);
  if (sync != NULL)
    g_signal_connect_object (sync, "notify::checking-subscription",
                             G_CALLBACK (checking_changed_cb), self, 0);
  update_checking (self);
}

void
rempart_window_network_changed_cb (GNetworkMonitor *monitor, gboolean available, gpointer user_data)
{
  RempartWindow *self = REMPART_WINDOW (user_data);

  /* The monitor speaks up on every route change; only a change of availability shows. */
  if (available == self->online)
    return;

  self->online = available;
  rempart_window_update_groups (self);
}
