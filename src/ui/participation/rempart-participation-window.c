/* rempart-participation-window.c: my participation, my replies, and forgetting them
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rempart-page-util.h"
#include "rempart-participation-chart.h"
#include "rempart-participation-window.h"
#include "rempart-stats.h"
#include "rempart-topic-names.h"
#include "rempart-ui-utils.h"

/*
 * The tone is calm on purpose: numbers that add up, no ranking, no comparison with anyone,
 * and a streak that ends is never mentioned as a loss (rempart-stats.h keeps a streak alive
 * until a whole day has passed without a reply). Everything is read from the store with its
 * async calls; statistics are computed here, on the main thread, from the event list (a few
 * thousand rows at most, well under a frame).
 */

struct _RempartParticipationWindow
{
  AdwWindow parent_instance;

  RempartStore *store;
  GCancellable *cancellable;
  RempartStats *stats;
  GPtrArray *events;
  guint busy;
  GtkFileChooserNative *chooser;
  RempartExportFormat chooser_format;

  AdwToastOverlay *toast_overlay;
  GtkStack *stack;
  AdwStatusPage *empty_page;
  AdwViewStack *view_stack;
  GtkLabel *summary_label;
  GtkLabel *streak_label;
  GtkToggleButton *days_button;
  GtkToggleButton *weeks_button;
  GtkToggleButton *months_button;
  RempartParticipationChart *chart;
  GtkListBox *topics_list;
  GtkListBox *groups_list;
  GtkSearchEntry *search_entry;
  GtkListBox *history_list;
};

G_DEFINE_FINAL_TYPE (RempartParticipationWindow, rempart_participation_window, ADW_TYPE_WINDOW)

/* How many periods the chart shows. */
#define N_DAYS   14
#define N_WEEKS  12
#define N_MONTHS 12

/* -------------------------------------------------------------------------------------- */
/* Helpers                                                                                */
/* -------------------------------------------------------------------------------------- */

static char *
format_posted (guint n)
{
  /* Translators: %'u is the count, with the thousands separator of the language (keep the
   * apostrophe: 1,234 in English, 1.234 in German, 1 234 in French) */
  return g_strdup_printf (g_dngettext (NULL, "%'u reply posted", "%'u replies posted", n), n);
}

static char *
format_joined (guint n)
{
  /* Translators: %'u is the count, with the thousands separator of the language */
  return g_strdup_printf (g_dngettext (NULL, "%'u action joined", "%'u actions joined", n), n);
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static RempartStatsPeriod
current_period (RempartParticipationWindow *self)
{
  if (gtk_toggle_button_get_active (self->months_button))
    return REMPART_STATS_MONTH;
  if (gtk_toggle_button_get_active (self->weeks_button))
    return REMPART_STATS_WEEK;
  return REMPART_STATS_DAY;
}

static void
update_chart (RempartParticipationWindow *self)
{
  RempartStatsPeriod period = current_period (self);
  guint count = period == REMPART_STATS_DAY    ? N_DAYS
                : period == REMPART_STATS_WEEK ? N_WEEKS
                                               : N_MONTHS;
  g_autoptr (GArray) series = NULL;

  if (self->stats == NULL)
    return;
  series = rempart_stats_get_series (self->stats, period, count);
  rempart_participation_chart_set_series (self->chart, series, period);
}

static void
add_share_row (GtkListBox *list, const char *title, const RempartStatsShare *share)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *posted = format_posted (share->posted);
  g_autofree char *joined = format_joined (share->joined);
  g_autofree char *subtitle = NULL;

  /* Translators: "3 replies posted, 4 actions joined" */
  subtitle = g_strdup_printf (_ ("%s, %s"), posted, joined);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_append (list, row);
}

static void
update_overview (RempartParticipationWindow *self)
{
  guint posted = rempart_stats_get_total (self->stats, REMPART_ACTION_STATE_POSTED);
  guint joined = rempart_stats_get_total (self->stats, REMPART_ACTION_STATE_JOINED);
  guint current = rempart_stats_get_current_streak (self->stats);
  guint longest = rempart_stats_get_longest_streak (self->stats);
  g_autofree char *posted_text = format_posted (posted);
  g_autofree char *joined_text = format_joined (joined);
  g_autofree char *summary = NULL;
  g_autoptr (GString) streak = g_string_new (NULL);
  g_autoptr (GPtrArray) topics = rempart_stats_get_by_topic (self->stats);
  g_autoptr (GPtrArray) groups = rempart_stats_get_by_group (self->stats);

  /* Translators: "So far: 12 replies posted, 15 actions joined." */
  summary = g_strdup_printf (_ ("So far: %s, %s."), posted_text, joined_text);
  gtk_label_set_text (self->summary_label, summary);

  if (current >= 2)
    g_string_append_printf (streak,
                            g_dngettext (NULL, "You have posted on %u day in a row.",
                                         "You have posted on %u days in a row.", current),
                            current);
  else
    g_string_append (streak, _ ("Every reply counts, whenever you have the time."));
  if (longest >= 2)
    {
      g_string_append_c (streak, ' ');
      g_string_append_printf (streak,
                              g_dngettext (NULL, "Your longest run so far: %u day.",
                                           "Your longest run so far: %u days.", longest),
                              longest);
    }
  gtk_label_set_text (self->streak_label, streak->str);

  update_chart (self);

  clear_list (self->topics_list);
  for (guint i = 0; i < topics->len; i++)
    {
      const RempartStatsShare *share = g_ptr_array_index (topics, i);
      const char *name = rempart_topic_get_display_name (share->topic);

      add_share_row (self->topics_list, name != NULL ? name : _ ("No topic given"), share);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->topics_list), topics->len > 0);

  clear_list (self->groups_list);
  for (guint i = 0; i < groups->len; i++)
    {
      const RempartStatsShare *share = g_ptr_array_index (groups, i);

      add_share_row (self->groups_list, share->title, share);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->groups_list), groups->len > 0);
}

static void
copy_clicked_cb (GtkButton *button, gpointer user_data)
{
  RempartParticipationWindow *self = REMPART_PARTICIPATION_WINDOW (user_data);
  const char *text = g_object_get_data (G_OBJECT (button), "reply-text");

  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (button)), text);
  rempart_toast_overlay_show (self->toast_overlay, _ ("Reply copied"));
}

static GtkWidget *
reply_row_new (RempartParticipationWindow *self, const RempartPostedReply *reply)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *text = gtk_label_new (reply->text);
  GtkWidget *caption;
  GtkWidget *copy;
  g_autoptr (GDateTime) utc = g_date_time_new_from_unix_utc (reply->posted);
  g_autoptr (GDateTime) local = g_date_time_to_local (utc);
  /* Translators: the date a reply was posted, strftime format */
  g_autofree char *date = g_date_time_format (local, C_ ("history date", "%-d %B %Y"));
  /* Translators: history row of an action no longer in any feed */
  const char *action = reply->action_title != NULL ? reply->action_title : _ ("Unknown action");
  const char *group = reply->group_title != NULL ? reply->group_title : reply->subscription_url;
  g_autofree char *caption_text = NULL;
  g_autofree char *key = NULL;

  /* Translators: under a posted reply: the action's title, the group, the date */
  caption_text = g_strdup_printf (_ ("%s · %s · %s"), action, group, g_strstrip (date));
  caption = gtk_label_new (caption_text);

  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (text), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_label_set_wrap (GTK_LABEL (caption), TRUE);
  gtk_label_set_xalign (GTK_LABEL (caption), 0);
  gtk_widget_add_css_class (caption, "caption");
  gtk_widget_add_css_class (caption, "dim-label");
  gtk_widget_set_hexpand (texts, TRUE);
  gtk_box_append (GTK_BOX (texts), text);
  gtk_box_append (GTK_BOX (texts), caption);

  copy = gtk_button_new_from_icon_name ("edit-copy-symbolic");
  /* Translators: button (tooltip) that copies a past reply to the clipboard */
  gtk_widget_set_tooltip_text (copy, _ ("Copy Reply"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (copy), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  /* Translators: button (tooltip) that copies a past reply to
                                   * the clipboard */
                                  _ ("Copy Reply"), -1);
  gtk_widget_set_valign (copy, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (copy, "flat");
  g_object_set_data_full (G_OBJECT (copy), "reply-text", g_strdup (reply->text), g_free);
  g_signal_connect_object (copy, "clicked", G_CALLBACK (copy_clicked_cb), self, 0);

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_box_append (GTK_BOX (box), texts);
  gtk_box_append (GTK_BOX (box), copy);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);

  key = g_strjoin ("\n", reply->text, action, group, NULL);
  g_object_set_data_full (G_OBJECT (row), "search-key", g_utf8_casefold (key, -1), g_free);
  return row;
}

static gboolean
history_filter (GtkListBoxRow *row, gpointer user_data)
{
  RempartParticipationWindow *self = REMPART_PARTICIPATION_WINDOW (user_data);
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *folded = NULL;
  const char *key = g_object_get_data (G_OBJECT (row), "search-key");

  if (query == NULL || query[0] == '\0')
    return TRUE;
  folded = g_utf8_casefold (query, -1);
  return key != NULL && strstr (key, g_strstrip (folded)) != NULL;
}

static void
set_busy (RempartParticipationWindow *self, gboolean busy)
{
  if (busy)
    self->busy++;
  else if (self->busy > 0)
    self->busy--;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "participation.forget", self->busy == 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "participation.export", self->busy == 0);
}

/* -------------------------------------------------------------------------------------- */
/* Callbacks                                                                              */
/* -------------------------------------------------------------------------------------- */

static void
replies_listed_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (RempartParticipationWindow) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) replies = NULL;

  replies = rempart_store_list_posted_replies_finish (REMPART_STORE (source), result, &error);
  set_busy (self, FALSE);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (replies == NULL)
    {
      rempart_page_show_error (GTK_WIDGET (self), _ ("Could not read your replies"), error);
      return;
    }

  clear_list (self->history_list);
  for (guint i = 0; i < replies->len; i++)
    gtk_list_box_append (self->history_list, reply_row_new (self, g_ptr_array_index (replies, i)));

  if (self->events->len == 0 && replies->len == 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  update_overview (self);
  gtk_stack_set_visible_child_name (self->stack, "content");
}

static void
events_listed_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (RempartParticipationWindow) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GTimeZone) tz = g_time_zone_new_local ();
  GPtrArray *events;

  events = rempart_store_list_events_finish (REMPART_STORE (source), result, &error);
  if (events == NULL)
    {
      set_busy (self, FALSE);
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        rempart_page_show_error (GTK_WIDGET (self), _ ("Could not read your participation"), error);
      return;
    }

  g_clear_pointer (&self->events, g_ptr_array_unref);
  self->events = events;
  g_clear_object (&self->stats);
  self->stats = rempart_stats_new (events, tz, g_get_real_time () / G_USEC_PER_SEC);
  rempart_store_list_posted_replies_async (self->store, self->cancellable, replies_listed_cb,
                                           g_object_ref (self));
}

static void
forgotten_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (RempartParticipationWindow) self = user_data;
  g_autoptr (GError) error = NULL;

  set_busy (self, FALSE);
  if (!rempart_store_forget_finish (REMPART_STORE (source), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        rempart_page_show_error (GTK_WIDGET (self), _ ("Could not forget your history"), error);
      rempart_participation_window_reload (self);
      return;
    }
  rempart_toast_overlay_show (self->toast_overlay, _ ("Your history was forgotten"));
  rempart_participation_window_reload (self);
}

static void
forget_response_cb (AdwMessageDialog *dialog, const char *response, gpointer user_data)
{
  RempartParticipationWindow *self = REMPART_PARTICIPATION_WINDOW (user_data);

  if (g_strcmp0 (response, "forget") != 0)
    return;
  set_busy (self, TRUE);
  rempart_store_forget_async (self->store, NULL, self->cancellable, forgotten_cb,
                              g_object_ref (self));
}

static void
exported_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (RempartParticipationWindow) self = user_data;
  g_autoptr (GError) error = NULL;

  set_busy (self, FALSE);
  if (!rempart_export_write_finish (result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        rempart_page_show_error (GTK_WIDGET (self), _ ("Could not export your history"), error);
      return;
    }
  rempart_toast_overlay_show (self->toast_overlay, _ ("Your history was exported"));
}

static void
chooser_response_cb (GtkNativeDialog *chooser, int response, gpointer user_data)
{
  RempartParticipationWindow *self = REMPART_PARTICIPATION_WINDOW (user_data);
  g_autoptr (GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);
  if (file != NULL)
    rempart_participation_window_export (self, file, self->chooser_format);
}

static void
period_toggled_cb (RempartParticipationWindow *self, GtkToggleButton *button)
{
  if (gtk_toggle_button_get_active (button))
    update_chart (self);
}

static void
search_changed_cb (RempartParticipationWindow *self, GtkSearchEntry *entry)
{
  gtk_list_box_invalidate_filter (self->history_list);
}

static void
export_action_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RempartParticipationWindow *self = REMPART_PARTICIPATION_WINDOW (widget);
  gboolean json = g_str_equal (g_variant_get_string (parameter, NULL), "json");
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();

  if (self->chooser != NULL)
    return;
  self->chooser_format = json ? REMPART_EXPORT_JSON : REMPART_EXPORT_CSV;
  self->chooser =
      gtk_file_chooser_native_new (_ ("Export Your Participation"), GTK_WINDOW (self),
                                   /* Translators: button of a file chooser that saves a file */
                                   GTK_FILE_CHOOSER_ACTION_SAVE, _ ("_Export"), _ ("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  /* Translators: file type filter in the export dialog */
  gtk_file_filter_set_name (filter, json ? _ ("JSON files")
                                         /* Translators: file type filter in the export dialog */
                                         : _ ("CSV files"));
  gtk_file_filter_add_mime_type (filter, json ? "application/json" : "text/csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser),
                                     json ? "rempart-participation.json"
                                          : "rempart-participation.csv");
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
forget_action_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RempartParticipationWindow *self = REMPART_PARTICIPATION_WINDOW (widget);
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (
      /* Translators: title of the dialog that asks before erasing the participation history */
      GTK_WINDOW (self), _ ("Forget Everything?"),
      _ ("Your participation, your drafts and the replies you posted will be deleted from this "
         "computer for good. Your groups and your own templates are kept.")));
  adw_message_dialog_add_responses (dialog, "cancel", _ ("_Cancel"), "forget",
                                    /* Translators: button that erases the volunteer’s whole
                                     * participation history */
                                    _ ("_Forget Everything"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "forget", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (forget_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
search_action_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RempartParticipationWindow *self = REMPART_PARTICIPATION_WINDOW (widget);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "content") != 0)
    return;
  adw_view_stack_set_visible_child_name (self->view_stack, "history");
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* -------------------------------------------------------------------------------------- */
/* Overrides                                                                              */
/* -------------------------------------------------------------------------------------- */

static void
rempart_participation_window_dispose (GObject *object)
{
  RempartParticipationWindow *self = REMPART_PARTICIPATION_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  gtk_widget_dispose_template (GTK_WIDGET (self), REMPART_TYPE_PARTICIPATION_WINDOW);
  g_clear_object (&self->chooser);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->stats);
  g_clear_pointer (&self->events, g_ptr_array_unref);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (rempart_participation_window_parent_class)->dispose (object);
}

static void
rempart_participation_window_class_init (RempartParticipationWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rempart_participation_window_dispose;

  g_type_ensure (REMPART_TYPE_PARTICIPATION_CHART);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/rempart-participation-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RempartParticipationWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RempartParticipationWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, RempartParticipationWindow, empty_page);
  gtk_widget_class_bind_template_child (widget_class, RempartParticipationWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, RempartParticipationWindow, summary_label);
  gtk_widget_class_bind_template_child (widget_class, RempartParticipationWindow, streak_label);
  gtk_widget_class_bind_template_child (widget_class, RempartParticipationWindow, days_button);
  gtk_widget_class_bind_template_child (widget_class, RempartParticipationWindow, weeks_button);
  gtk_widget_class_bind_template_child (widget_class, RempartParticipationWindow, months_button);
  gtk_widget_class_bind_template_child (widget_class, RempartParticipationWindow, chart);
  gtk_widget_class_bind_template_child (widget_class, RempartParticipationWindow, topics_list);
  gtk_widget_class_bind_template_child (widget_class, RempartParticipationWindow, groups_list);
  gtk_widget_class_bind_template_child (widget_class, RempartParticipationWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, RempartParticipationWindow, history_list);
  gtk_widget_class_bind_template_callback (widget_class, period_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);

  gtk_widget_class_install_action (widget_class, "participation.export", "s", export_action_cb);
  gtk_widget_class_install_action (widget_class, "participation.forget", NULL, forget_action_cb);
  gtk_widget_class_install_action (widget_class, "participation.search", NULL, search_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "participation.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rempart_participation_window_init (RempartParticipationWindow *self)
{
  GtkWidget *placeholder;

  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));

  placeholder = gtk_label_new (_ ("No posted reply matches your search."));
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 24);
  gtk_widget_set_margin_bottom (placeholder, 24);
  gtk_label_set_wrap (GTK_LABEL (placeholder), TRUE);
  gtk_list_box_set_placeholder (self->history_list, placeholder);
  gtk_list_box_set_filter_func (self->history_list, history_filter, self, NULL);
  rempart_accessible_fix_mnemonics (GTK_WIDGET (self));
}

/* -------------------------------------------------------------------------------------- */
/* Public API                                                                             */
/* -------------------------------------------------------------------------------------- */

RempartParticipationWindow *
rempart_participation_window_new (GtkWindow *parent, RempartStore *store)
{
  RempartParticipationWindow *self;

  g_return_val_if_fail (REMPART_IS_STORE (store), NULL);

  self = g_object_new (REMPART_TYPE_PARTICIPATION_WINDOW, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  rempart_participation_window_reload (self);
  return self;
}

void
rempart_participation_window_reload (RempartParticipationWindow *self)
{
  g_return_if_fail (REMPART_IS_PARTICIPATION_WINDOW (self));

  set_busy (self, TRUE);
  rempart_store_list_events_async (self->store, self->cancellable, events_listed_cb,
                                   g_object_ref (self));
}

void
rempart_participation_window_export (RempartParticipationWindow *self,
                                     GFile *file,
                                     RempartExportFormat format)
{
  g_return_if_fail (REMPART_IS_PARTICIPATION_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  set_busy (self, TRUE);
  rempart_export_write_async (self->store, file, format, self->cancellable, exported_cb,
                              g_object_ref (self));
}

gboolean
rempart_participation_window_is_busy (RempartParticipationWindow *self)
{
  g_return_val_if_fail (REMPART_IS_PARTICIPATION_WINDOW (self), FALSE);

  return self->busy > 0;
}
