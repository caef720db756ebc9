/* rempart-action-page.c: one action, in full, with what the volunteer can do about it
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Rempart"

#include "config.h"

#include <glib/gi18n.h>

#include "rempart-action-page.h"
#include "rempart-hard-thread-window.h"
#include "rempart-page-util.h"
#include "rempart-store-undo.h"
#include "rempart-ui-utils.h"

/*
 * Everything from the feed is shown through plain-text label properties (never markup), and
 * the hateful excerpt is only put in a label once the volunteer asks to see it: until then it
 * is in no widget at all, so neither the screen nor a screen reader can show it by accident.
 *
 * An item from the list holds only the list's fields (title, topic, platform, time left, the
 * thread's address): those are shown at once, and the rest (brief, excerpt, arguments,
 * sources) is read from the store (rempart_action_item_get_action_async). A read usually
 * takes a millisecond or two, less than a frame: the sections of the action shown before
 * stay until it is in (its excerpt put back behind its warning at once), so that the page
 * does not blank and refill. A read that takes longer than DETAILS_DELAY_MS empties them and
 * says it is reading; one that fails says why. A new item cancels the read of the last.
 */

/* Longer than a read from a warm database takes, short enough not to be seen as a wait. */
#define DETAILS_DELAY_MS 150

struct _RempartActionPage
{
  AdwBin parent_instance;

  RempartStore *store;
  RempartActionItem *item;
  RempartFeedInfo *info;
  RempartAction *action;             /* (nullable) the whole action, once read */
  GCancellable *details_cancellable; /* (nullable) of the read of the details */
  char *details_error;               /* (nullable) why they could not be read */
  guint details_delay_id;
  GSettings *settings;
  GPtrArray *source_rows; /* rows added to sources_group, to remove them again */
  gboolean excerpt_revealed;
  guint time_left_id;

  /* Template widgets (not the scrolled window: AdwBin owns its child, and unparenting it
   * twice on dispose is an error) */
  GtkWidget *demo_box;
  GtkLabel *title_label;
  GtkLabel *meta_label;
  GtkLabel *thread_label;
  GtkLabel *state_label;
  GtkWidget *details_status_box;
  GtkSpinner *details_spinner;
  GtkLabel *details_status_label;
  GtkWidget *brief_box;
  GtkLabel *brief_label;
  GtkWidget *excerpt_card;
  GtkStack *excerpt_stack;
  GtkLabel *excerpt_label;
  GtkWidget *show_excerpt_button;
  GtkWidget *hide_excerpt_button;
  GtkWidget *arguments_box;
  GtkListBox *arguments_list;
  AdwPreferencesGroup *sources_group;
  GtkWidget *group_box;
  GtkLabel *hashtag_label;
  GtkListBox *rules_list;
  GtkWidget *about_box;
  GtkLabel *about_label;
  GtkWidget *write_button;
  GtkWidget *open_button;
  GtkWidget *dismiss_button;
  GtkWidget *put_back_button;
};

G_DEFINE_FINAL_TYPE (RempartActionPage, rempart_action_page, ADW_TYPE_BIN)

enum
{
  SIGNAL_WRITE_REPLY,
  SIGNAL_DISMISSED,
  SIGNAL_PUT_BACK,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void source_row_activated_cb (AdwActionRow *row, RempartActionPage *self);

/* -------------------------------------------------------------------------------------- */
/* Helpers                                                                                */
/* -------------------------------------------------------------------------------------- */

/* The whole action once read; until then the list's fields (the thread's address). */
static RempartAction *
get_feed_action (RempartActionPage *self)
{
  if (self->action != NULL)
    return self->action;
  return self->item != NULL ? rempart_action_item_peek_action (self->item) : NULL;
}

static gboolean
excerpt_always_hidden (RempartActionPage *self)
{
  g_autofree char *value = NULL;

  if (self->settings == NULL)
    return FALSE;

  value = g_settings_get_string (self->settings, "excerpt-display");
  return g_strcmp0 (value, "always-hide") == 0;
}

static void
remove_all_rows (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
add_text_row (GtkListBox *list, const char *text)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_natural_wrap_mode (GTK_LABEL (label), GTK_NATURAL_WRAP_WORD);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 12);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  /* GTK 4.8 does not name a list box row by its content: a screen reader says nothing. */
  gtk_accessible_update_relation (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_RELATION_LABELLED_BY, label,
                                  NULL, -1);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  gtk_list_box_append (list, row);
}

static void
update_meta (RempartActionPage *self)
{
  g_autoptr (GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  const char *topic, *platform;
  g_autofree char *time_left = NULL;
  g_autofree char *text = NULL;

  if (self->item == NULL)
    {
      gtk_label_set_text (self->meta_label, "");
      return;
    }

  topic = rempart_action_item_get_topic_name (self->item);
  platform = rempart_action_item_get_platform (self->item);
  time_left = rempart_format_time_left (rempart_action_item_get_expires (self->item),
                                        g_get_real_time () / G_USEC_PER_SEC);

  if (topic != NULL && topic[0] != '\0')
    g_ptr_array_add (parts, g_strdup (topic));
  if (platform != NULL && platform[0] != '\0')
    g_ptr_array_add (parts, rempart_format_platform (platform));
  if (time_left != NULL)
    g_ptr_array_add (parts, g_steal_pointer (&time_left));
  if (rempart_action_item_get_archived (self->item))
    g_ptr_array_add (parts, g_strdup (_ ("No longer in the feed")));
  g_ptr_array_add (parts, NULL);

  /* Translators: between the topic, the platform and the time left: "Racism · Facebook" */
  text = g_strjoinv (C_ ("separator", " · "), (char **) parts->pdata);
  gtk_label_set_text (self->meta_label, text);
}

/* Where Open Thread goes, by its host (in ASCII too when it has other letters), as the sources
 * show theirs: a link whose host is not the platform or the site its title names shows it
 * before it is opened. */
static void
update_thread (RempartActionPage *self)
{
  RempartAction *feed_action = get_feed_action (self);
  const char *url = feed_action != NULL ? rempart_action_get_url (feed_action) : NULL;
  g_autofree char *host = url != NULL ? rempart_page_uri_get_host (url) : NULL;
  g_autofree char *text = NULL;

  gtk_widget_set_tooltip_text (self->open_button, url);
  gtk_widget_set_visible (GTK_WIDGET (self->thread_label), url != NULL);
  if (url == NULL)
    return;

  /* Translators: %s is where the thread is, such as www.facebook.com */
  text = g_strdup_printf (_ ("Thread on %s"), host != NULL ? host : url);
  gtk_label_set_text (self->thread_label, text);
}

static void
update_state (RempartActionPage *self)
{
  RempartActionState state;
  const char *text = NULL;
  const char *style = NULL;

  gtk_widget_remove_css_class (GTK_WIDGET (self->state_label), "success");
  gtk_widget_remove_css_class (GTK_WIDGET (self->state_label), "accent");
  gtk_widget_remove_css_class (GTK_WIDGET (self->state_label), "dim-label");

  state = self->item != NULL ? rempart_action_item_get_state (self->item) : 0;

  if (self->item == NULL)
    text = NULL;
  else if (state & REMPART_ACTION_STATE_POSTED)
    text = _ ("You posted a reply"), style = "success";
  else if (state & REMPART_ACTION_STATE_DISMISSED)
    text = _ ("You set this action aside"), style = "dim-label";
  else if (rempart_action_item_get_queued (self->item))
    text = _ ("Your reply is waiting in the queue"), style = "accent";
  else if (rempart_action_item_get_has_draft (self->item))
    text = _ ("You started a reply"), style = "accent";
  else if (state & REMPART_ACTION_STATE_JOINED)
    text = _ ("You joined this action"), style = "accent";
  else if (state & REMPART_ACTION_STATE_OPENED)
    text = _ ("You opened the thread"), style = "dim-label";

  gtk_widget_set_visible (GTK_WIDGET (self->state_label), text != NULL);
  gtk_label_set_text (self->state_label, text != NULL ? text : "");
  if (style != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->state_label), style);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.write-reply", self->item != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.open-thread",
                                 get_feed_action (self) != NULL &&
                                     rempart_action_get_url (get_feed_action (self)) != NULL);
  gtk_widget_action_set_enabled (
      GTK_WIDGET (self), "page.dismiss",
      self->item != NULL && self->store != NULL &&
          !(state & (REMPART_ACTION_STATE_DISMISSED | REMPART_ACTION_STATE_POSTED)));
  /* Set aside by mistake: the same place offers to take it back. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.put-back",
                                 self->item != NULL && self->store != NULL &&
                                     (state & REMPART_ACTION_STATE_DISMISSED));
  gtk_widget_set_visible (self->dismiss_button, !(state & REMPART_ACTION_STATE_DISMISSED));
  gtk_widget_set_visible (self->put_back_button, (state & REMPART_ACTION_STATE_DISMISSED) != 0);
}

static void
update_excerpt (RempartActionPage *self)
{
  RempartAction *feed_action = get_feed_action (self);
  const char *excerpt = feed_action != NULL ? rempart_action_get_excerpt (feed_action) : NULL;
  gboolean has_excerpt = excerpt != NULL && excerpt[0] != '\0';

  gtk_widget_set_visible (self->excerpt_card, has_excerpt);

  if (!has_excerpt || excerpt_always_hidden (self))
    {
      self->excerpt_revealed = FALSE;
      gtk_label_set_text (self->excerpt_label, "");
      gtk_stack_set_visible_child_name (self->excerpt_stack, "never");
    }
  else if (self->excerpt_revealed)
    {
      gtk_label_set_text (self->excerpt_label, excerpt);
      gtk_stack_set_visible_child_name (self->excerpt_stack, "shown");
    }
  else
    {
      gtk_label_set_text (self->excerpt_label, "");
      gtk_stack_set_visible_child_name (self->excerpt_stack, "hidden");
    }
}

static void
update_sources (RempartActionPage *self)
{
  RempartAction *feed_action = get_feed_action (self);
  GPtrArray *sources = feed_action != NULL ? rempart_action_get_sources (feed_action) : NULL;

  for (guint i = 0; i < self->source_rows->len; i++)
    adw_preferences_group_remove (self->sources_group, g_ptr_array_index (self->source_rows, i));
  g_ptr_array_set_size (self->source_rows, 0);

  for (guint i = 0; sources != NULL && i < sources->len; i++)
    {
      RempartSource *source = g_ptr_array_index (sources, i);
      g_autofree char *host = rempart_page_uri_get_host (source->url);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *icon = gtk_image_new_from_icon_name ("adw-external-link-symbolic");
      const char *title =
          source->title != NULL && source->title[0] != '\0' ? source->title : source->url;

      /* Feed text: plain, never markup. The host is the subtitle, so that a title that
       * promises one site while the link goes to another shows it. */
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), host != NULL ? host : source->url);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      gtk_widget_set_tooltip_text (row, source->url);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon);
      g_object_set_data_full (G_OBJECT (row), "rempart-url", g_strdup (source->url), g_free);
      g_signal_connect_object (row, "activated", G_CALLBACK (source_row_activated_cb), self, 0);

      adw_preferences_group_add (self->sources_group, row);
      g_ptr_array_add (self->source_rows, row);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->sources_group), self->source_rows->len > 0);
}

static void
update_arguments (RempartActionPage *self)
{
  RempartAction *feed_action = get_feed_action (self);
  const char *const *arguments =
      feed_action != NULL ? rempart_action_get_arguments (feed_action) : NULL;

  remove_all_rows (self->arguments_list);
  for (guint i = 0; arguments != NULL && arguments[i] != NULL; i++)
    add_text_row (self->arguments_list, arguments[i]);
  gtk_widget_set_visible (self->arguments_box, arguments != NULL && arguments[0] != NULL);
}

/* The group's: rules, hashtag and about, from its feed info. */
static void
update_lists (RempartActionPage *self)
{
  const char *hashtag = self->info != NULL ? self->info->hashtag : NULL;
  const char *about = self->info != NULL ? self->info->about : NULL;
  const char *const *rules = self->info != NULL ? (const char *const *) self->info->rules : NULL;
  gboolean has_rules = rules != NULL && rules[0] != NULL;

  remove_all_rows (self->rules_list);
  for (guint i = 0; has_rules && rules[i] != NULL; i++)
    add_text_row (self->rules_list, rules[i]);
  gtk_widget_set_visible (GTK_WIDGET (self->rules_list), has_rules);

  if (hashtag != NULL && hashtag[0] != '\0')
    {
      /* Translators: %s is the group's hashtag, such as #jesuislà */
      g_autofree char *text = g_strdup_printf (_ ("Group hashtag: %s"), hashtag);

      gtk_label_set_text (self->hashtag_label, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->hashtag_label), hashtag != NULL && hashtag[0] != '\0');
  gtk_widget_set_visible (self->group_box, has_rules || (hashtag != NULL && hashtag[0] != '\0'));

  /* Feed text: plain, never markup. */
  gtk_label_set_text (self->about_label, about != NULL ? about : "");
  gtk_widget_set_visible (self->about_box, about != NULL && about[0] != '\0');
}

/* Reading (the delay passed), failed, or neither. */
static void
update_details_status (RempartActionPage *self)
{
  gboolean reading = self->details_cancellable != NULL && self->details_delay_id == 0;
  const char *text = NULL;

  if (self->details_error != NULL)
    text = self->details_error;
  else if (reading)
    /* Translators: shown on an action's page while its brief and sources are read */
    text = _ ("Reading the brief…");

  gtk_spinner_set_spinning (self->details_spinner, reading);
  gtk_widget_set_visible (GTK_WIDGET (self->details_spinner), reading);
  gtk_label_set_text (self->details_status_label, text != NULL ? text : "");
  if (self->details_error != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->details_status_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->details_status_label), "error");
  gtk_widget_set_visible (self->details_status_box, text != NULL);
}

/* What only the whole action has: the brief, the excerpt, the arguments and the sources. */
static void
update_details (RempartActionPage *self)
{
  RempartAction *feed_action = get_feed_action (self);
  const char *brief = feed_action != NULL ? rempart_action_get_brief (feed_action) : NULL;

  gtk_label_set_text (self->brief_label, brief != NULL ? brief : "");
  gtk_widget_set_visible (self->brief_box, brief != NULL && brief[0] != '\0');
  update_excerpt (self);
  update_sources (self);
  update_arguments (self);
  update_details_status (self);
}

/* What the item holds: the list's fields, the volunteer's state and the group's info. */
static void
update_header (RempartActionPage *self)
{
  gtk_label_set_text (self->title_label,
                      self->item != NULL ? rempart_action_item_get_title (self->item) : "");
  gtk_widget_set_visible (self->demo_box, self->info != NULL && self->info->is_bundled);

  update_meta (self);
  update_thread (self);
  update_state (self);
  update_lists (self);
}

/* A revealed excerpt is put back behind its warning at once: it is another action's now. */
static void
conceal_excerpt (RempartActionPage *self)
{
  self->excerpt_revealed = FALSE;
  gtk_label_set_text (self->excerpt_label, "");
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->excerpt_stack), "shown") == 0)
    gtk_stack_set_visible_child_name (self->excerpt_stack, "hidden");
}

static void
cancel_details (RempartActionPage *self)
{
  g_cancellable_cancel (self->details_cancellable);
  g_clear_object (&self->details_cancellable);
  g_clear_handle_id (&self->details_delay_id, g_source_remove);
}

static void read_details (RempartActionPage *self);

/* -------------------------------------------------------------------------------------- */
/* Callbacks                                                                              */
/* -------------------------------------------------------------------------------------- */

static void
source_row_activated_cb (AdwActionRow *row, RempartActionPage *self)
{
  const char *url = g_object_get_data (G_OBJECT (row), "rempart-url");

  if (url != NULL)
    rempart_page_launch_uri (GTK_WIDGET (self), url);
}

static void
state_added_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (RempartActionPage) self = user_data;
  g_autoptr (GError) error = NULL;

  if (!rempart_store_add_action_state_finish (REMPART_STORE (source), result, &error))
    rempart_page_show_error (GTK_WIDGET (self), _ ("Could not save what you did"), error);
}

static void
details_read_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (RempartActionPage) self = user_data;
  g_autoptr (RempartAction) action = NULL;
  g_autoptr (GError) error = NULL;

  action = rempart_action_item_get_action_finish (REMPART_ACTION_ITEM (source), result, &error);
  /* Another item, or the page went: not ours to show. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      REMPART_ACTION_ITEM (source) != self->item)
    return;

  g_clear_object (&self->details_cancellable);
  g_clear_handle_id (&self->details_delay_id, g_source_remove);
  g_clear_object (&self->action);
  g_clear_pointer (&self->details_error, g_free);
  if (action != NULL)
    self->action = g_steal_pointer (&action);
  else if (g_error_matches (error, REMPART_STORE_ERROR, REMPART_STORE_ERROR_NOT_FOUND))
    self->details_error = g_strdup (error->message);
  else
    /* Translators: %s is the reason, e.g. the database's error */
    self->details_error =
        g_strdup_printf (_ ("Could not read this action’s brief: %s"), error->message);

  update_details (self);
  update_thread (self);
  update_state (self);
}

/* The read takes longer than a moment: the other action's sections go, the page says so. */
static gboolean
details_delay_cb (gpointer user_data)
{
  RempartActionPage *self = user_data;

  self->details_delay_id = 0;
  update_details (self);
  return G_SOURCE_REMOVE;
}

/* How long a read may take before the page says it is reading (tests set it). */
static guint details_delay_ms = DETAILS_DELAY_MS;

void
rempart_action_page_set_details_delay_for_testing (guint milliseconds)
{
  details_delay_ms = milliseconds;
}

static void
read_details (RempartActionPage *self)
{
  cancel_details (self);
  self->details_cancellable = g_cancellable_new ();
  self->details_delay_id = g_timeout_add (details_delay_ms, details_delay_cb, self);
  rempart_action_item_get_action_async (self->item, self->store, self->details_cancellable,
                                        details_read_cb, g_object_ref (self));
}

static void
item_notify_cb (RempartActionPage *self, GParamSpec *pspec, RempartActionItem *item)
{
  update_meta (self);
  update_state (self);
  if (g_strcmp0 (pspec->name, "title") == 0)
    gtk_label_set_text (self->title_label, rempart_action_item_get_title (item));
  /* A reload brought another content for the action (its content tag changed, whether the
   * item held the details or not, and whether a read is pending or not): read it again,
   * showing what the page shows meanwhile (the same action's older brief). */
  if (g_strcmp0 (pspec->name, "content-tag") == 0)
    read_details (self);
}

static void
excerpt_display_changed_cb (RempartActionPage *self, const char *key, GSettings *settings)
{
  update_excerpt (self);
}

static gboolean
time_left_tick_cb (gpointer user_data)
{
  update_meta (REMPART_ACTION_PAGE (user_data));

  return G_SOURCE_CONTINUE;
}

static void
show_excerpt_clicked_cb (RempartActionPage *self, GtkButton *button)
{
  self->excerpt_revealed = TRUE;
  update_excerpt (self);
  /* Keep the keyboard where the volunteer is: on the button that hides it again. */
  if (self->excerpt_revealed)
    gtk_widget_grab_focus (self->hide_excerpt_button);
}

static void
hide_excerpt_clicked_cb (RempartActionPage *self, GtkButton *button)
{
  self->excerpt_revealed = FALSE;
  update_excerpt (self);
  gtk_widget_grab_focus (self->show_excerpt_button);
}

static void
record_state (RempartActionPage *self, RempartActionState flag)
{
  if (self->item == NULL || self->store == NULL)
    return;

  /* Optimistic: the list model's next reload confirms it. No cancellable: what the volunteer
   * did is recorded even when the page goes away first. */
  rempart_action_item_set_state (self->item, rempart_action_item_get_state (self->item) | flag);
  rempart_store_add_action_state_async (
      self->store, rempart_action_item_get_subscription_url (self->item),
      rempart_action_item_get_id (self->item), flag, NULL, state_added_cb, g_object_ref (self));
}

static void
open_thread_widget_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RempartActionPage *self = REMPART_ACTION_PAGE (widget);
  RempartAction *feed_action = get_feed_action (self);

  if (feed_action == NULL || rempart_action_get_url (feed_action) == NULL)
    return;

  record_state (self, REMPART_ACTION_STATE_OPENED);
  rempart_page_launch_uri (widget, rempart_action_get_url (feed_action));
}

static void
write_reply_widget_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RempartActionPage *self = REMPART_ACTION_PAGE (widget);

  if (self->item != NULL)
    g_signal_emit (self, signals[SIGNAL_WRITE_REPLY], 0);
}

static void
dismiss_widget_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RempartActionPage *self = REMPART_ACTION_PAGE (widget);

  if (self->item == NULL || self->store == NULL)
    return;

  record_state (self, REMPART_ACTION_STATE_DISMISSED);
  g_signal_emit (self, signals[SIGNAL_DISMISSED], 0);
}

static void
state_cleared_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (RempartActionPage) self = user_data;
  g_autoptr (GError) error = NULL;

  if (!rempart_store_clear_action_state_finish (REMPART_STORE (source), result, &error))
    rempart_page_show_error (GTK_WIDGET (self), _ ("Could not put the action back"), error);
  else
    g_signal_emit (self, signals[SIGNAL_PUT_BACK], 0);
}

/* Self-care and help lines, from every action (src/ui/wellbeing). */
static void
after_hard_thread_widget_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  rempart_hard_thread_window_present (widget);
}

static void
put_back_widget_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RempartActionPage *self = REMPART_ACTION_PAGE (widget);

  if (self->item == NULL || self->store == NULL)
    return;

  rempart_action_item_set_state (self->item, rempart_action_item_get_state (self->item) &
                                                 ~REMPART_ACTION_STATE_DISMISSED);
  rempart_store_clear_action_state_async (
      self->store, rempart_action_item_get_subscription_url (self->item),
      rempart_action_item_get_id (self->item), REMPART_ACTION_STATE_DISMISSED, NULL,
      state_cleared_cb, g_object_ref (self));
  gtk_widget_grab_focus (self->dismiss_button);
}

/* -------------------------------------------------------------------------------------- */
/* Overrides                                                                              */
/* -------------------------------------------------------------------------------------- */

static void
rempart_action_page_dispose (GObject *object)
{
  RempartActionPage *self = REMPART_ACTION_PAGE (object);

  g_clear_handle_id (&self->time_left_id, g_source_remove);
  cancel_details (self);
  if (self->item != NULL)
    g_signal_handlers_disconnect_by_func (self->item, item_notify_cb, self);

  gtk_widget_dispose_template (GTK_WIDGET (object), REMPART_TYPE_ACTION_PAGE);

  g_clear_object (&self->item);
  g_clear_object (&self->action);
  g_clear_pointer (&self->details_error, g_free);
  g_clear_object (&self->store);
  g_clear_pointer (&self->info, rempart_feed_info_free);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->source_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (rempart_action_page_parent_class)->dispose (object);
}

static void
rempart_action_page_class_init (RempartActionPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rempart_action_page_dispose;

  /**
   * RempartActionPage::write-reply:
   *
   * The volunteer wants to write a reply: the window shows the composer.
   */
  signals[SIGNAL_WRITE_REPLY] =
      g_signal_new ("write-reply", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                    NULL, G_TYPE_NONE, 0);

  /**
   * RempartActionPage::dismissed:
   *
   * The volunteer set the action aside ("Not for Me"); it has been recorded.
   */
  signals[SIGNAL_DISMISSED] = g_signal_new ("dismissed", G_TYPE_FROM_CLASS (klass),
                                            G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * RempartActionPage::put-back:
   *
   * The volunteer put a set-aside action back in To Do; it has been recorded.
   */
  signals[SIGNAL_PUT_BACK] = g_signal_new ("put-back", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                           0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/rempart-action-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RempartActionPage, demo_box);
  gtk_widget_class_bind_template_child (widget_class, RempartActionPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, RempartActionPage, meta_label);
  gtk_widget_class_bind_template_child (widget_class, RempartActionPage, thread_label);
  gtk_widget_class_bind_template_child (widget_class, RempartActionPage, state_label);
  gtk_widget_class_bind_template_child (widget_class, RempartActionPage, details_status_box);
  gtk_widget_class_bind_template_child (widget_class, RempartActionPage, details_spinner);
  gtk_widget_class_bind_template_child (widget_class, RempartActionPage, details_status_label);
  gtk_widget_class_bind_template_child (widget_class, RempartActionPage, brief_box);
  gtk_widget_class_bind_template_child (widget_class, RempartActionPage, brief_label);
  gtk_widget_class_bind_template_child (widget_class, RempartActionPage, excerpt_card);
  gtk_widget_class_bind_template_child (widget_class, RempartActionPage, excerpt_stack);
  gtk_widget_class_bind_template_child (widget_class, RempartActionPage, excerpt_label);
  gtk_widget_class_bind_template_child (widget_class, RempartActionPage, show_excerpt_button);
  gtk_widget_class_bind_template_child (widget_class, RempartActionPage, hide_excerpt_button);
  gtk_widget_class_bind_template_child (widget_class, RempartActionPage, arguments_box);
  gtk_widget_class_bind_template_child (widget_class, RempartActionPage, arguments_list);
  gtk_widget_class_bind_template_child (widget_class, RempartActionPage, sources_group);
  gtk_widget_class_bind_template_child (widget_class, RempartActionPage, group_box);
  gtk_widget_class_bind_template_child (widget_class, RempartActionPage, hashtag_label);
  gtk_widget_class_bind_template_child (widget_class, RempartActionPage, rules_list);
  gtk_widget_class_bind_template_child (widget_class, RempartActionPage, about_box);
  gtk_widget_class_bind_template_child (widget_class, RempartActionPage, about_label);
  gtk_widget_class_bind_template_child (widget_class, RempartActionPage, write_button);
  gtk_widget_class_bind_template_child (widget_class, RempartActionPage, open_button);
  gtk_widget_class_bind_template_child (widget_class, RempartActionPage, dismiss_button);
  gtk_widget_class_bind_template_child (widget_class, RempartActionPage, put_back_button);
  gtk_widget_class_bind_template_callback (widget_class, show_excerpt_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, hide_excerpt_clicked_cb);

  gtk_widget_class_install_action (widget_class, "page.open-thread", NULL,
                                   open_thread_widget_action);
  gtk_widget_class_install_action (widget_class, "page.write-reply", NULL,
                                   write_reply_widget_action);
  gtk_widget_class_install_action (widget_class, "page.dismiss", NULL, dismiss_widget_action);
  gtk_widget_class_install_action (widget_class, "page.put-back", NULL, put_back_widget_action);
  gtk_widget_class_install_action (widget_class, "page.after-hard-thread", NULL,
                                   after_hard_thread_widget_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK,
                                       "page.open-thread", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK,
                                       "page.write-reply", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "page.dismiss", NULL);
}

static void
rempart_action_page_init (RempartActionPage *self)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr (GSettingsSchema) schema = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  rempart_accessible_fix_mnemonics (GTK_WIDGET (self));

  self->source_rows = g_ptr_array_new ();

  /* Without the schema (a widget on its own), the excerpt stays behind its warning. */
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);
  if (schema != NULL)
    {
      self->settings = g_settings_new (APPLICATION_ID);
      g_signal_connect_object (self->settings, "changed::excerpt-display",
                               G_CALLBACK (excerpt_display_changed_cb), self, G_CONNECT_SWAPPED);
    }

  /* "Ends in 3 hours" goes stale: a minute is the finest step it shows. */
  self->time_left_id = g_timeout_add_seconds (60, time_left_tick_cb, self);

  update_header (self);
  update_details (self);
}

/* -------------------------------------------------------------------------------------- */
/* Public API                                                                             */
/* -------------------------------------------------------------------------------------- */

GtkWidget *
rempart_action_page_new (void)
{
  return g_object_new (REMPART_TYPE_ACTION_PAGE, NULL);
}

void
rempart_action_page_set_item (RempartActionPage *self,
                              RempartStore *store,
                              RempartActionItem *item,
                              const RempartFeedInfo *info)
{
  g_return_if_fail (REMPART_IS_ACTION_PAGE (self));
  g_return_if_fail (store == NULL || REMPART_IS_STORE (store));
  g_return_if_fail (item == NULL || REMPART_IS_ACTION_ITEM (item));

  if (self->item != NULL)
    g_signal_handlers_disconnect_by_func (self->item, item_notify_cb, self);

  g_set_object (&self->store, store);
  g_set_object (&self->item, item);
  g_clear_pointer (&self->info, rempart_feed_info_free);
  if (info != NULL)
    self->info = rempart_feed_info_copy (info);

  if (self->item != NULL)
    g_signal_connect_object (self->item, "notify", G_CALLBACK (item_notify_cb), self,
                             G_CONNECT_SWAPPED);

  /* A new action starts behind its content warning again, at the top. */
  conceal_excerpt (self);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (
                                GTK_SCROLLED_WINDOW (adw_bin_get_child (ADW_BIN (self)))),
                            0);

  cancel_details (self);
  g_clear_object (&self->action);
  g_clear_pointer (&self->details_error, g_free);
  if (item != NULL && rempart_action_item_has_details (item))
    self->action = g_object_ref (rempart_action_item_peek_action (item));

  update_header (self);
  /* The details at once when the item has them; else they are read, and the last action's
   * sections go at once (never one action's brief or sources under another's title): the
   * spinner comes only if the read takes longer than a moment. */
  if (item != NULL && self->action == NULL)
    read_details (self);
  update_details (self);
}

RempartActionItem *
rempart_action_page_get_item (RempartActionPage *self)
{
  g_return_val_if_fail (REMPART_IS_ACTION_PAGE (self), NULL);

  return self->item;
}

gboolean
rempart_action_page_get_excerpt_revealed (RempartActionPage *self)
{
  g_return_val_if_fail (REMPART_IS_ACTION_PAGE (self), FALSE);

  return self->excerpt_revealed;
}
