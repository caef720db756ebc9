/* rempart-preferences-window.c: the groups the volunteer follows, and the app's settings
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Rempart"

#include "config.h"

#include <glib/gi18n.h>

#include "rempart-preferences-move.h"
#include "rempart-text-line.h"
#include "rempart-preferences-window.h"
#include "rempart-moderation-page.h"
#include "rempart-template-page.h"
#include "rempart-ui-utils.h"
#include "rempart-wellbeing-page.h"

struct _RempartPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  RempartStore *store;
  GSettings *settings;

  GCancellable *cancellable;           /* removals; cancelled on dispose */
  GCancellable *reload_cancellable;    /* the listing in flight, replaced by each reload */
  GPtrArray *rows;                     /* (element-type GtkWidget) in subscriptions_group */
  RempartPreferencesAddPage *add_page; /* while it is shown */

  /* Template widgets */
  AdwPreferencesGroup *subscriptions_group;
  AdwActionRow *add_group_row;
  AdwComboRow *interval_row;
  GtkSwitch *notifications_switch;
  RempartTemplatePage *templates_page;
  RempartWellbeingPage *wellbeing_page;
};

G_DEFINE_FINAL_TYPE (RempartPreferencesWindow,
                     rempart_preferences_window,
                     ADW_TYPE_PREFERENCES_WINDOW)

enum
{
  PROP_0,
  PROP_STORE,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  SIGNAL_SUBSCRIPTION_ADDED,
  SIGNAL_SUBSCRIPTION_REMOVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* -------------------------------------------------------------------------------------- */
/* Statics                                                                                */
/* -------------------------------------------------------------------------------------- */

/* The choices of interval_row, in the order of its string list in the .ui file. */
static const guint sync_intervals[] = { 15 * 60, 30 * 60, 60 * 60, 3 * 3600, 12 * 3600, 86400 };

#define MINUTE 60
#define HOUR   (60 * MINUTE)
#define DAY    (24 * HOUR)

/* -------------------------------------------------------------------------------------- */
/* Helpers                                                                                */
/* -------------------------------------------------------------------------------------- */

/* The store still reports what it did after a cancel (a saved row stays saved), so a result
 * for a window that is going away must be recognised by its cancellable. */
static gboolean
result_was_cancelled (GAsyncResult *result)
{
  GCancellable *cancellable = g_task_get_cancellable (G_TASK (result));

  return cancellable != NULL && g_cancellable_is_cancelled (cancellable);
}

static void
show_toast (RempartPreferencesWindow *self, const char *message)
{
  g_autofree char *escaped = g_markup_escape_text (message, -1);
  AdwToast *toast = adw_toast_new (escaped);

  adw_toast_set_timeout (toast, 5);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), toast);
}

static const char *
subscription_name (const RempartSubscription *sub)
{
  return sub->title != NULL && sub->title[0] != '\0' ? sub->title : sub->url;
}

static char *
format_checked (gint64 when, gint64 now)
{
  gint64 ago = MAX (now - when, 0);
  guint n;

  if (ago < MINUTE)
    return g_strdup (_ ("Checked just now"));

  if (ago < HOUR)
    {
      n = (guint) (ago / MINUTE);
      return g_strdup_printf (ngettext ("Checked %u minute ago", "Checked %u minutes ago", n), n);
    }

  if (ago < DAY)
    {
      n = (guint) (ago / HOUR);
      return g_strdup_printf (ngettext ("Checked %u hour ago", "Checked %u hours ago", n), n);
    }

  n = (guint) MIN (ago / DAY, G_MAXUINT);
  return g_strdup_printf (ngettext ("Checked %u day ago", "Checked %u days ago", n), n);
}

/*
 * What a volunteer needs to know about a feed, one fact per line: the group's own words
 * (its feed's description), whether it works, how fresh it is, and whether Rempart can vouch
 * for who published it.
 */
static char *
describe_subscription (const RempartSubscription *sub, gint64 now)
{
  g_autoptr (GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);

  if (sub->description != NULL && sub->description[0] != '\0')
    g_ptr_array_add (lines, rempart_text_for_single_line (sub->description));

  if (sub->ended)
    g_ptr_array_add (lines, g_strdup (_ ("No longer published")));
  else if (sub->last_error != NULL && sub->last_error[0] != '\0')
    /* Translators: %s says what went wrong, e.g. "The server did not answer" */
    g_ptr_array_add (lines, g_strdup_printf (_ ("Could not be checked: %s"), sub->last_error));
  else if (sub->last_success > 0)
    g_ptr_array_add (lines, format_checked (sub->last_success, now));
  else
    g_ptr_array_add (lines, g_strdup (_ ("Not checked yet")));

  if (!sub->ended && rempart_subscription_is_stale (sub, now))
    g_ptr_array_add (lines, g_strdup (_ ("Out of date: the group has not renewed its actions")));

  if (sub->is_signed)
    g_ptr_array_add (lines, g_strdup (_ ("Signed by the group’s key")));
  else if (sub->last_success > 0)
    g_ptr_array_add (lines, g_strdup (_ ("Not signed: Rempart cannot check who published it")));
  else if (sub->public_key != NULL)
    g_ptr_array_add (lines, g_strdup (_ ("Will be checked with the group’s key")));

  g_ptr_array_add (lines, NULL);
  return g_strjoinv ("\n", (char **) lines->pdata);
}

static gboolean
needs_attention (const RempartSubscription *sub, gint64 now)
{
  return sub->ended || (sub->last_error != NULL && sub->last_error[0] != '\0') ||
         rempart_subscription_is_stale (sub, now);
}

static void remove_clicked_cb (GtkButton *button, gpointer user_data);
static void edit_clicked_cb (GtkButton *button, gpointer user_data);

static GtkWidget *
create_subscription_row (RempartPreferencesWindow *self, const RempartSubscription *sub, gint64 now)
{
  AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());
  g_autofree char *status = NULL;
  g_autofree char *remove_label = NULL;
  g_autofree char *edit_label = NULL;
  GtkWidget *button;
  GtkWidget *edit;

  /* Titles and errors come from feeds and servers: plain text, never markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);

  if (sub->is_bundled)
    {
      /* The example feed goes away by itself when a real group is added. */
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _ ("Example actions"));
      adw_action_row_set_subtitle (row, _ ("Sample actions that show how Rempart works. They go "
                                           "away once your own group has been checked."));
      adw_action_row_add_prefix (row, g_object_new (GTK_TYPE_IMAGE, "icon-name",
                                                    "help-about-symbolic", "accessible-role",
                                                    GTK_ACCESSIBLE_ROLE_PRESENTATION, NULL));
      return GTK_WIDGET (row);
    }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), subscription_name (sub));
  status = describe_subscription (sub, now);
  adw_action_row_set_subtitle (row, status);

  if (needs_attention (sub, now))
    {
      /* The words say it all; the icon only helps the eye find the row. */
      GtkWidget *icon = g_object_new (GTK_TYPE_IMAGE, "icon-name", "dialog-warning-symbolic",
                                      "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION, NULL);

      gtk_widget_add_css_class (icon, "warning");
      adw_action_row_add_prefix (row, icon);
    }

  /* Translators: %s is the name of a group's feed */
  remove_label = g_strdup_printf (_ ("Stop Following “%s”"), subscription_name (sub));
  button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  /* Translators: tooltip of the button that removes a group from the followed groups */
  gtk_widget_set_tooltip_text (button, _ ("Stop Following"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  remove_label, -1);
  g_object_set_data_full (G_OBJECT (button), "rempart-subscription",
                          rempart_subscription_copy (sub),
                          (GDestroyNotify) rempart_subscription_free);
  g_signal_connect (button, "clicked", G_CALLBACK (remove_clicked_cb), self);
  adw_action_row_add_suffix (row, button);

  /* The row opens its group's address and key, like the rows of a settings list that lead
   * to a page: a click or a tap anywhere on it, Enter, or its own button. */
  /* Translators: %s is the name of a group's feed */
  edit_label = g_strdup_printf (_ ("Edit the Address and Key of “%s”"), subscription_name (sub));
  edit = gtk_button_new_from_icon_name ("document-edit-symbolic");
  gtk_widget_set_valign (edit, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (edit, "flat");
  gtk_widget_set_tooltip_text (edit, _ ("Edit Address and Key"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (edit), GTK_ACCESSIBLE_PROPERTY_LABEL, edit_label,
                                  -1);
  g_object_set_data_full (G_OBJECT (edit), "rempart-subscription", rempart_subscription_copy (sub),
                          (GDestroyNotify) rempart_subscription_free);
  g_signal_connect (edit, "clicked", G_CALLBACK (edit_clicked_cb), self);
  adw_action_row_add_suffix (row, edit);
  adw_action_row_set_activatable_widget (row, edit);

  return GTK_WIDGET (row);
}

static GtkWidget *
create_message_row (const char *title, const char *subtitle)
{
  AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (row, subtitle);

  return GTK_WIDGET (row);
}

static void
set_rows (RempartPreferencesWindow *self, GPtrArray *rows)
{
  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->subscriptions_group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);

  for (guint i = 0; i < rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (rows, i);

      adw_preferences_group_add (self->subscriptions_group, row);
      g_ptr_array_add (self->rows, row);
    }
}

/* -------------------------------------------------------------------------------------- */
/* Callbacks                                                                              */
/* -------------------------------------------------------------------------------------- */

static void
subscriptions_listed_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (RempartPreferencesWindow) self = user_data;
  g_autoptr (GPtrArray) subs = NULL;
  g_autoptr (GPtrArray) rows = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  subs = rempart_store_list_subscriptions_finish (REMPART_STORE (source), result, &error);
  if (result_was_cancelled (result))
    return;

  if (subs == NULL)
    {
      g_ptr_array_add (rows,
                       create_message_row (_ ("Your Groups Could Not Be Listed"), error->message));
    }
  else if (subs->len == 0)
    {
      g_ptr_array_add (rows, create_message_row (_ ("No Groups Yet"),
                                                 _ ("Add your group’s feed to see the actions its "
                                                    "moderators choose each day.")));
    }
  else
    {
      for (guint i = 0; i < subs->len; i++)
        g_ptr_array_add (rows, create_subscription_row (self, g_ptr_array_index (subs, i), now));
    }

  set_rows (self, rows);
}

typedef struct
{
  RempartPreferencesWindow *self;
  RempartSubscription *sub;
  gboolean forget; /* also forget the volunteer's rows of this group (the dialog's option) */
} RemoveData;

static void
remove_data_free (RemoveData *data)
{
  g_clear_object (&data->self);
  g_clear_pointer (&data->sub, rempart_subscription_free);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RemoveData, remove_data_free)

static void
group_forgotten_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (RempartPreferencesWindow) self = user_data;
  g_autoptr (GError) error = NULL;

  if (!rempart_store_forget_finish (REMPART_STORE (source), result, &error))
    {
      AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (
          GTK_WINDOW (self), _ ("Could Not Forget This Group’s History"), error->message));

      adw_message_dialog_add_response (dialog, "close", _ ("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }
  show_toast (self, _ ("Group removed and its history forgotten"));
}

static void
subscription_removed_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (RemoveData) data = user_data;
  RempartPreferencesWindow *self = data->self;
  g_autoptr (GError) error = NULL;
  gboolean removed;

  removed = rempart_store_remove_subscription_finish (REMPART_STORE (source), result, &error);
  if (result_was_cancelled (result))
    return;

  if (!removed)
    {
      g_autofree char *heading = NULL;
      AdwMessageDialog *dialog;

      /* Translators: %s is the name of a group's feed */
      heading =
          g_strdup_printf (_ ("Could Not Stop Following “%s”"), subscription_name (data->sub));
      dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, NULL));
      adw_message_dialog_set_body (dialog, error->message);
      adw_message_dialog_add_response (dialog, "close", _ ("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      rempart_preferences_window_reload (self);
      return;
    }

  /* Short: toasts do not wrap. The list itself shows which group went. */
  if (data->forget)
    rempart_store_forget_async (REMPART_STORE (source), data->sub->url, NULL, group_forgotten_cb,
                                g_object_ref (self));
  else
    /* Translators: toast after removing a group (with an Undo button) */
    show_toast (self, _ ("Group removed"));
  rempart_preferences_window_reload (self);
  g_signal_emit (self, signals[SIGNAL_SUBSCRIPTION_REMOVED], 0, data->sub->id);
}

static void
confirm_response_cb (AdwMessageDialog *dialog, const char *response, gpointer user_data)
{
  RempartPreferencesWindow *self = user_data;
  const RempartSubscription *sub = g_object_get_data (G_OBJECT (dialog), "rempart-subscription");
  RemoveData *data;

  if (!g_str_equal (response, "remove"))
    return;

  data = g_new0 (RemoveData, 1);
  data->self = g_object_ref (self);
  data->sub = rempart_subscription_copy (sub);
  data->forget = gtk_check_button_get_active (
      GTK_CHECK_BUTTON (g_object_get_data (G_OBJECT (dialog), "rempart-forget")));
  rempart_store_remove_subscription_async (self->store, sub->id, self->cancellable,
                                           subscription_removed_cb, data);
}

static void
remove_clicked_cb (GtkButton *button, gpointer user_data)
{
  RempartPreferencesWindow *self = user_data;
  const RempartSubscription *sub = g_object_get_data (G_OBJECT (button), "rempart-subscription");
  g_autofree char *heading = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *forget;

  /* Translators: %s is the name of a group's feed */
  heading = g_strdup_printf (_ ("Stop Following “%s”?"), subscription_name (sub));
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, NULL));
  adw_message_dialog_set_body (dialog, _ ("Rempart will no longer show its actions. Your drafts "
                                          "and history stay on this computer."));
  adw_message_dialog_add_response (dialog, "cancel", _ ("_Cancel"));
  /* Translators: button that confirms removing a group from the followed groups */
  adw_message_dialog_add_response (dialog, "remove", _ ("_Stop Following"));
  adw_message_dialog_set_response_appearance (dialog, "remove", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "rempart-subscription",
                          rempart_subscription_copy (sub),
                          (GDestroyNotify) rempart_subscription_free);
  /* Off by default: the history outlives the subscription unless the volunteer asks. */
  forget = gtk_check_button_new_with_mnemonic (
      _ ("_Also forget my drafts, replies and participation in this group"));
  adw_message_dialog_set_extra_child (dialog, forget);
  g_object_set_data (G_OBJECT (dialog), "rempart-forget", forget);
  g_signal_connect_object (dialog, "response", G_CALLBACK (confirm_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
close_add_page (RempartPreferencesWindow *self)
{
  if (self->add_page == NULL)
    return;

  g_signal_handlers_disconnect_by_data (self->add_page, self);
  adw_preferences_window_close_subpage (ADW_PREFERENCES_WINDOW (self));
  g_clear_object (&self->add_page);
}

static void
add_page_added_cb (RempartPreferencesWindow *self, const RempartSubscription *sub)
{
  gint64 id = sub->id;

  close_add_page (self);
  /* Short: toasts do not wrap. The new row says it was not checked yet. */
  show_toast (self, _ ("Group added"));
  rempart_preferences_window_reload (self);
  g_signal_emit (self, signals[SIGNAL_SUBSCRIPTION_ADDED], 0, id);
}

static void
add_page_cancelled_cb (RempartPreferencesWindow *self)
{
  close_add_page (self);
}

static void
add_page_edited_cb (RempartPreferencesWindow *self, gint64 id)
{
  close_add_page (self);
  /* Short: toasts do not wrap. The row says it is checked again. */
  show_toast (self, _ ("Group updated"));
  rempart_preferences_window_reload (self);
  /* Check it now with the corrected address or key, as a new group is. */
  g_signal_emit (self, signals[SIGNAL_SUBSCRIPTION_ADDED], 0, id);
}

static void
present_page (RempartPreferencesWindow *self, RempartPreferencesAddPage *page)
{
  close_add_page (self);

  self->add_page = g_object_ref_sink (page);
  g_signal_connect_swapped (self->add_page, "added", G_CALLBACK (add_page_added_cb), self);
  g_signal_connect_swapped (self->add_page, "edited", G_CALLBACK (add_page_edited_cb), self);
  g_signal_connect_swapped (self->add_page, "cancelled", G_CALLBACK (add_page_cancelled_cb), self);
  adw_preferences_window_present_subpage (ADW_PREFERENCES_WINDOW (self),
                                          GTK_WIDGET (self->add_page));
  /* After the leaflet moved the focus into the page (to its first widget, the back button). */
  gtk_widget_grab_focus (GTK_WIDGET (self->add_page));
}

static void
edit_clicked_cb (GtkButton *button, gpointer user_data)
{
  RempartPreferencesWindow *self = user_data;
  const RempartSubscription *sub = g_object_get_data (G_OBJECT (button), "rempart-subscription");

  present_page (self, rempart_preferences_add_page_new_for_subscription (self->store, sub));
}

static void
export_groups_activated_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RempartPreferencesWindow *self = REMPART_PREFERENCES_WINDOW (widget);

  rempart_preferences_move_export (self, self->store);
}

static void
import_groups_activated_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RempartPreferencesWindow *self = REMPART_PREFERENCES_WINDOW (widget);

  rempart_preferences_move_import (self, self->store);
}

static void
add_group_activated_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  rempart_preferences_window_show_add_group (REMPART_PREFERENCES_WINDOW (widget));
}

/* interval_row.selected <-> sync-interval: the nearest choice for a value set elsewhere. */
static gboolean
interval_get_mapping (GValue *value, GVariant *variant, gpointer user_data)
{
  guint seconds = g_variant_get_uint32 (variant);
  guint best = 0;

  for (guint i = 1; i < G_N_ELEMENTS (sync_intervals); i++)
    if (ABS ((gint64) sync_intervals[i] - seconds) < ABS ((gint64) sync_intervals[best] - seconds))
      best = i;

  g_value_set_uint (value, best);
  return TRUE;
}

static GVariant *
interval_set_mapping (const GValue *value, const GVariantType *type, gpointer user_data)
{
  guint selected = g_value_get_uint (value);

  if (selected >= G_N_ELEMENTS (sync_intervals))
    return NULL;

  return g_variant_new_uint32 (sync_intervals[selected]);
}

/* -------------------------------------------------------------------------------------- */
/* Overrides                                                                              */
/* -------------------------------------------------------------------------------------- */

static void
rempart_preferences_window_constructed (GObject *object)
{
  RempartPreferencesWindow *self = REMPART_PREFERENCES_WINDOW (object);

  G_OBJECT_CLASS (rempart_preferences_window_parent_class)->constructed (object);

  g_settings_bind_with_mapping (self->settings, "sync-interval", self->interval_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, interval_get_mapping, interval_set_mapping,
                                NULL, NULL);
  g_settings_bind (self->settings, "notifications", self->notifications_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);

  rempart_template_page_set_store (self->templates_page, self->store);
  /* The groups the user moderates: a page of its own (rempart-moderation-page.c). */
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self),
                              ADW_PREFERENCES_PAGE (rempart_moderation_page_new (self->settings)));
  rempart_wellbeing_page_set_settings (self->wellbeing_page, self->settings);
  rempart_preferences_window_reload (self);
}

static void
rempart_preferences_window_set_property (GObject *object,
                                         guint prop_id,
                                         const GValue *value,
                                         GParamSpec *pspec)
{
  RempartPreferencesWindow *self = REMPART_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
      case PROP_STORE:
        self->store = g_value_dup_object (value);
        break;

      case PROP_SETTINGS:
        self->settings = g_value_dup_object (value);
        break;

      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rempart_preferences_window_get_property (GObject *object,
                                         guint prop_id,
                                         GValue *value,
                                         GParamSpec *pspec)
{
  RempartPreferencesWindow *self = REMPART_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
      case PROP_STORE:
        g_value_set_object (value, self->store);
        break;

      case PROP_SETTINGS:
        g_value_set_object (value, self->settings);
        break;

      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rempart_preferences_window_dispose (GObject *object)
{
  RempartPreferencesWindow *self = REMPART_PREFERENCES_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->reload_cancellable);

  if (self->settings != NULL)
    {
      g_settings_unbind (self->interval_row, "selected");
      g_settings_unbind (self->notifications_switch, "active");
    }

  if (self->add_page != NULL)
    g_signal_handlers_disconnect_by_data (self->add_page, self);
  g_clear_object (&self->add_page);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  gtk_widget_dispose_template (GTK_WIDGET (self), REMPART_TYPE_PREFERENCES_WINDOW);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->reload_cancellable);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (rempart_preferences_window_parent_class)->dispose (object);
}

static void
rempart_preferences_window_class_init (RempartPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = rempart_preferences_window_constructed;
  object_class->set_property = rempart_preferences_window_set_property;
  object_class->get_property = rempart_preferences_window_get_property;
  object_class->dispose = rempart_preferences_window_dispose;

  properties[PROP_STORE] =
      g_param_spec_object ("store", NULL, NULL, REMPART_TYPE_STORE,
                           G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SETTINGS] =
      g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                           G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RempartPreferencesWindow::subscription-added:
   * @id: the new subscription's id
   *
   * The volunteer added a group, or corrected a group's address or key: refresh it now (and
   * retire the example feed once it was checked).
   */
  signals[SIGNAL_SUBSCRIPTION_ADDED] =
      g_signal_new ("subscription-added", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                    NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  /**
   * RempartPreferencesWindow::subscription-removed:
   * @id: the id the subscription had
   *
   * The volunteer stopped following a group: its actions left the lists.
   */
  signals[SIGNAL_SUBSCRIPTION_REMOVED] =
      g_signal_new ("subscription-removed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                    NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  g_type_ensure (REMPART_TYPE_TEMPLATE_PAGE);
  g_type_ensure (REMPART_TYPE_WELLBEING_PAGE);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/rempart-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RempartPreferencesWindow,
                                        subscriptions_group);
  gtk_widget_class_bind_template_child (widget_class, RempartPreferencesWindow, add_group_row);
  gtk_widget_class_bind_template_child (widget_class, RempartPreferencesWindow, interval_row);
  gtk_widget_class_bind_template_child (widget_class, RempartPreferencesWindow,
                                        notifications_switch);
  gtk_widget_class_bind_template_child (widget_class, RempartPreferencesWindow, templates_page);
  gtk_widget_class_bind_template_child (widget_class, RempartPreferencesWindow, wellbeing_page);

  gtk_widget_class_install_action (widget_class, "prefs.add-group", NULL, add_group_activated_cb);
  gtk_widget_class_install_action (widget_class, "prefs.export-groups", NULL,
                                   export_groups_activated_cb);
  gtk_widget_class_install_action (widget_class, "prefs.import-groups", NULL,
                                   import_groups_activated_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "prefs.add-group",
                                       NULL);
}

/* libadwaita 1.2 leaves the search button (an icon) and its entry without an accessible
 * name: a screen reader says "GtkImage" and "GtkSearchEntry". Name them from here. */
static void
name_search_widgets (RempartPreferencesWindow *self)
{
  GObject *button = gtk_widget_get_template_child (GTK_WIDGET (self), ADW_TYPE_PREFERENCES_WINDOW,
                                                   "search_button");
  GObject *entry = gtk_widget_get_template_child (GTK_WIDGET (self), ADW_TYPE_PREFERENCES_WINDOW,
                                                  "search_entry");

  if (GTK_IS_ACCESSIBLE (button))
    /* Translators: the accessible name of the search button of Preferences (an icon). */
    gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    /* Translators: placeholder of the preferences search entry */
                                    _ ("Search Preferences"), -1);
  if (GTK_IS_ACCESSIBLE (entry))
    /* Translators: the accessible name of the search field of Preferences. */
    gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    _ ("Search in Preferences"), -1);
}

static void
rempart_preferences_window_init (RempartPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  rempart_accessible_fix_mnemonics (GTK_WIDGET (self));
  name_search_widgets (self);

  self->cancellable = g_cancellable_new ();
  self->rows = g_ptr_array_new ();
}

/* -------------------------------------------------------------------------------------- */
/* Public API                                                                             */
/* -------------------------------------------------------------------------------------- */

/*
 * rempart_preferences_window_new:
 * @parent: (nullable): the window it is modal for
 * @settings: the application's settings (schema io.github.rempart.Rempart)
 *
 * Returns: (transfer none): the window, owned by GTK until it is closed; present it.
 */
RempartPreferencesWindow *
rempart_preferences_window_new (GtkWindow *parent, RempartStore *store, GSettings *settings)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (REMPART_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  return g_object_new (REMPART_TYPE_PREFERENCES_WINDOW, "transient-for", parent, "modal",
                       parent != NULL, "destroy-with-parent", TRUE, "store", store, "settings",
                       settings, NULL);
}

/*
 * rempart_preferences_window_reload:
 *
 * Lists the subscriptions again from the store, for instance after a sync changed their
 * status. A reload in flight is replaced.
 */
void
rempart_preferences_window_reload (RempartPreferencesWindow *self)
{
  g_return_if_fail (REMPART_IS_PREFERENCES_WINDOW (self));

  g_cancellable_cancel (self->reload_cancellable);
  g_clear_object (&self->reload_cancellable);
  self->reload_cancellable = g_cancellable_new ();

  rempart_store_list_subscriptions_async (self->store, self->reload_cancellable,
                                          subscriptions_listed_cb, g_object_ref (self));
}

/*
 * rempart_preferences_window_show_add_group:
 *
 * Shows the "Add a Group" form, empty, as a subpage; a "Follow your group" button elsewhere
 * can open the window straight at it.
 *
 * Returns: (transfer none): the form, until it is closed
 */
RempartPreferencesAddPage *
rempart_preferences_window_show_add_group (RempartPreferencesWindow *self)
{
  g_return_val_if_fail (REMPART_IS_PREFERENCES_WINDOW (self), NULL);

  present_page (self, rempart_preferences_add_page_new (self->store));
  return self->add_page;
}

/*
 * rempart_preferences_window_show_edit_group:
 * @sub: the group to correct
 *
 * Shows the form that edits the address and key of @sub, as its row's edit button does: the
 * main window's banner opens it when a check failed on a wrong address or key.
 *
 * Returns: (transfer none): the form, until it is closed
 */
RempartPreferencesAddPage *
rempart_preferences_window_show_edit_group (RempartPreferencesWindow *self,
                                            const RempartSubscription *sub)
{
  g_return_val_if_fail (REMPART_IS_PREFERENCES_WINDOW (self), NULL);
  g_return_val_if_fail (sub != NULL, NULL);

  present_page (self, rempart_preferences_add_page_new_for_subscription (self->store, sub));
  return self->add_page;
}
