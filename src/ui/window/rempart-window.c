/* rempart-window.c
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Rempart"

#include "config.h"

#include <glib/gi18n.h>

#include "rempart-action-model.h"
#include "rempart-action-row.h"
#include "rempart-break-banner.h"
#include "rempart-demo.h"
#include "rempart-limit-screen.h"
#include "rempart-preferences-window.h"
#include "rempart-search-text.h"
#include "rempart-ui-utils.h"
#include "rempart-window-private.h"

G_DEFINE_FINAL_TYPE (RempartWindow, rempart_window, ADW_TYPE_APPLICATION_WINDOW)

enum
{
  SUBSCRIPTION_ADDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The lists of the sidebar, in order. */
static const struct
{
  RempartActionView view;
  const char *icon_name;
  const char *title;
  const char *empty_title;
  const char *empty_description;
} views[] = {
  { REMPART_ACTION_VIEW_TODO, "view-list-bullet-symbolic",
    /* Translators: a view in the sidebar */ N_ ("To Do"), N_ ("Nothing to Do Right Now"),
    N_ ("New actions from your group appear here. Check again later, or press Ctrl+R.") },
  { REMPART_ACTION_VIEW_QUEUED, "document-send-symbolic",
    /* Translators: a view in the sidebar */ N_ ("Queued"), N_ ("No Replies Queued"),
    N_ ("Write a reply and choose “Add to Queue” to post it later, in a session.") },
  { REMPART_ACTION_VIEW_DONE, "emblem-ok-symbolic",
    /* Translators: a view in the sidebar */ N_ ("Done"), N_ ("No Replies Posted Yet"),
    N_ ("The actions you mark as posted are listed here.") },
  { REMPART_ACTION_VIEW_ARCHIVE, "folder-symbolic",
    /* Translators: a view in the sidebar */ N_ ("Archive"), N_ ("The Archive Is Empty"),
    N_ ("Actions that ended, left the feed or were not for you are kept here, with your "
        "drafts.") },
};

G_STATIC_ASSERT (G_N_ELEMENTS (views) == REMPART_WINDOW_N_VIEWS);

/* -------------------------------------------------------------------------------------- */
/* Helpers                                                                                */
/* -------------------------------------------------------------------------------------- */

static void
restore_window_state (RempartWindow *self)
{
  GSettings *settings = self->settings;

  if (settings == NULL)
    return;

  gtk_window_set_default_size (GTK_WINDOW (self), g_settings_get_int (settings, "window-width"),
                               g_settings_get_int (settings, "window-height"));

  if (g_settings_get_boolean (settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static void
save_window_state (RempartWindow *self)
{
  GSettings *settings = self->settings;
  int width, height;

  if (settings == NULL)
    return;

  /* The default size tracks the unmaximized size, which is what we want to restore. */
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);

  g_settings_delay (settings);
  if (width > 0 && height > 0)
    {
      g_settings_set_int (settings, "window-width", MAX (width, 360));
      g_settings_set_int (settings, "window-height", MAX (height, 294));
    }
  g_settings_set_boolean (settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
  g_settings_apply (settings);
}

/* Back goes from the reply to the action, or from the action to the list when folded. */
static void
update_back_button (RempartWindow *self)
{
  gboolean composing = g_strcmp0 (rempart_window_detail_get_shown (self->detail), "composer") == 0;

  gtk_widget_set_visible (self->detail_back_button,
                          composing || adw_leaflet_get_folded (self->leaflet));
}

static void
queued_listed_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (RempartWindow) self = user_data;
  g_autoptr (GPtrArray) queued = NULL;
  gboolean any;

  queued = rempart_store_list_actions_finish (REMPART_STORE (source), result, NULL);
  if (queued == NULL)
    return;

  /* A session with nothing to post would only say so: the button waits for a queued reply,
   * and its tooltip says why it is off. */
  any = queued->len > 0;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.start-session", any);
  gtk_widget_set_tooltip_text (
      self->session_button,
      any ? NULL : _ ("Nothing is queued yet: write replies and add them to the queue first"));
}

void
rempart_window_update_session_button (RempartWindow *self)
{
  if (self->store != NULL)
    rempart_store_list_actions_async (self->store, REMPART_ACTION_VIEW_QUEUED, self->cancellable,
                                      queued_listed_cb, g_object_ref (self));
}

static void
current_item_read_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (RempartWindow) self = user_data;
  g_autoptr (GPtrArray) all = NULL;

  all = rempart_store_list_actions_finish (REMPART_STORE (source), result, NULL);
  for (guint i = 0; all != NULL && self->current_item != NULL && i < all->len; i++)
    {
      RempartStoredAction *stored = g_ptr_array_index (all, i);

      if (g_strcmp0 (stored->subscription_url,
                     rempart_action_item_get_subscription_url (self->current_item)) == 0 &&
          g_strcmp0 (rempart_action_get_id (stored->action),
                     rempart_action_item_get_id (self->current_item)) == 0)
        {
          rempart_action_item_update (self->current_item, stored);
          break;
        }
    }
}

/* The action shown may have left the list being shown (a session posted its reply): read it
 * again, so that its page does not keep saying what is no longer true. */
void
rempart_window_refresh_current_item (RempartWindow *self)
{
  if (self->store != NULL && self->current_item != NULL)
    rempart_store_list_actions_async (self->store, REMPART_ACTION_VIEW_ALL, self->cancellable,
                                      current_item_read_cb, g_object_ref (self));
}

static guint
view_index (RempartActionView view)
{
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    if (views[i].view == view)
      return i;

  return 0;
}

static void
update_list_page (RempartWindow *self)
{
  guint index = view_index (rempart_action_model_get_view (self->model));
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->selection));
  const char *error = rempart_action_model_get_error (self->model);
  g_autofree char *subtitle = NULL;

  adw_window_title_set_title (self->list_title, _ (views[index].title));
  subtitle =
      g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u action", "%u actions", n_items), n_items);
  /* Not the count of the first rows alone (partial ends with notify::loading). */
  adw_window_title_set_subtitle (
      self->list_title,
      n_items > 0 && !rempart_action_model_get_partial (self->model) ? subtitle : NULL);

  if ((self->store == NULL || rempart_action_model_get_loading (self->model)) && n_items == 0)
    {
      gtk_stack_set_visible_child_name (self->list_stack, "loading");
      return;
    }

  if (n_items > 0)
    {
      gtk_stack_set_visible_child_name (self->list_stack, "list");
      return;
    }

  if (error != NULL)
    {
      /* AdwStatusPage descriptions are Pango markup, and the error may quote a path or a
       * group's text. */
      g_autofree char *escaped = g_markup_escape_text (error, -1);

      adw_status_page_set_icon_name (self->empty_page, "dialog-warning-symbolic");
      adw_status_page_set_title (self->empty_page, _ ("The Actions Cannot Be Shown"));
      adw_status_page_set_description (self->empty_page, escaped);
    }
  else if (self->search_text != NULL && *self->search_text != '\0')
    {
      adw_status_page_set_icon_name (self->empty_page, "system-search-symbolic");
      /* Translators: the title of the empty list when the search matches no action. */
      adw_status_page_set_title (self->empty_page, _ ("No Results"));
      adw_status_page_set_description (self->empty_page, _ ("Try other words."));
    }
  else
    {
      adw_status_page_set_icon_name (self->empty_page, views[index].icon_name);
      adw_status_page_set_title (self->empty_page, _ (views[index].empty_title));
      adw_status_page_set_description (self->empty_page, _ (views[index].empty_description));
    }

  gtk_stack_set_visible_child_name (self->list_stack, "empty");
}

static void
show_pending_action (RempartWindow *self)
{
  RempartActionItem *item;

  if (self->pending_url == NULL || rempart_action_model_get_loading (self->model))
    return;

  item = rempart_action_model_find (self->model, self->pending_url, self->pending_id);
  g_clear_pointer (&self->pending_url, g_free);
  g_clear_pointer (&self->pending_id, g_free);

  if (item != NULL)
    rempart_window_show_item (self, item);
}

static gboolean
filter_func (gpointer item, gpointer user_data)
{
  RempartWindow *self = user_data;

  if (self->search_text == NULL || *self->search_text == '\0')
    return TRUE;

  return strstr (rempart_action_item_get_search_key (item), self->search_text) != NULL;
}

/* -------------------------------------------------------------------------------------- */
/* Callbacks                                                                              */
/* -------------------------------------------------------------------------------------- */

static void
model_notify_cb (GObject *object, GParamSpec *pspec, gpointer user_data)
{
  RempartWindow *self = user_data;

  update_list_page (self);
  show_pending_action (self);
}

static void
selection_items_changed_cb (GListModel *model,
                            guint position,
                            guint removed,
                            guint added,
                            gpointer user_data)
{
  update_list_page (REMPART_WINDOW (user_data));
}

static void
search_changed_cb (GtkSearchEntry *entry, gpointer user_data)
{
  RempartWindow *self = user_data;
  g_autofree char *old = g_steal_pointer (&self->search_text);
  GtkFilterChange change = GTK_FILTER_CHANGE_DIFFERENT;

  /* Folded as the items' search keys are: "theorie" finds "Théorie". */
  self->search_text = rempart_search_fold (gtk_editable_get_text (GTK_EDITABLE (entry)));
  if (old == NULL)
    old = g_strdup ("");

  /* A match is a substring: what matches a longer text matches the text it contains, so
   * typing on only re-checks the current matches, and deleting only the others. */
  if (strcmp (old, self->search_text) == 0)
    return;
  if (strstr (self->search_text, old) != NULL)
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (strstr (old, self->search_text) != NULL)
    change = GTK_FILTER_CHANGE_LESS_STRICT;
  /* Announced so that GtkListView keeps its rows (rempart-window-results.c). With no
   * search the filter has no function, so that GtkFilterListModel passes every item through
   * without asking about each (50,000 at each load of the list, docs/performance.md change
   * 38); the change between the two is one it announces as a new filter. */
  rempart_window_results_begin_search (self->results, self->list_view, self->selection);
  if (*old == '\0' && *self->search_text != '\0')
    gtk_custom_filter_set_filter_func (self->filter, filter_func, self, NULL);
  else if (*old != '\0' && *self->search_text == '\0')
    gtk_custom_filter_set_filter_func (self->filter, NULL, NULL, NULL);
  else
    gtk_filter_changed (GTK_FILTER (self->filter), change);
  rempart_window_results_end_search (self->results);
}

/* Shows the list @index of the sidebar, and keeps its row selected. */
void
rempart_window_switch_view (RempartWindow *self, guint index, gboolean navigate)
{
  index = MIN (index, G_N_ELEMENTS (views) - 1);
  self->switching_view = TRUE;
  gtk_list_box_select_row (self->views_list,
                           gtk_list_box_get_row_at_index (self->views_list, (int) index));
  self->switching_view = FALSE;

  rempart_action_model_set_view (self->model, views[index].view);
  update_list_page (self);
  if (navigate)
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

/* A list opens on a click, Enter or Space (row-activated), never as the keyboard focus passes
 * over its row: moving the focus also moves GtkListBox's selection, which is put back on the
 * list shown. */
static void
views_row_selected_cb (GtkListBox *box, GtkListBoxRow *row, gpointer user_data)
{
  RempartWindow *self = user_data;
  guint shown;

  /* Also emitted while the window is disposed, the model gone. */
  if (self->switching_view || self->model == NULL)
    return;
  shown = view_index (rempart_action_model_get_view (self->model));
  if (row != NULL && (guint) gtk_list_box_row_get_index (row) == shown)
    return;

  self->switching_view = TRUE;
  gtk_list_box_select_row (box, gtk_list_box_get_row_at_index (box, (int) shown));
  self->switching_view = FALSE;
}

static void
views_row_activated_cb (GtkListBox *box, GtkListBoxRow *row, gpointer user_data)
{
  guint index = (guint) gtk_list_box_row_get_index (row);

  if (index < G_N_ELEMENTS (views))
    rempart_window_switch_view (REMPART_WINDOW (user_data), index, TRUE);
}

static void
selection_changed_cb (GtkSingleSelection *selection, GParamSpec *pspec, gpointer user_data)
{
  RempartWindow *self = user_data;
  RempartActionItem *item = gtk_single_selection_get_selected_item (selection);

  /* Selecting is opening, also for a screen reader or the keyboard; the window itself selects
   * the item it shows, which must not open it again. */
  if (item != NULL && item != self->current_item)
    rempart_window_show_item (self, item);
}

static void
list_activate_cb (GtkListView *list_view, guint position, gpointer user_data)
{
  RempartWindow *self = user_data;
  g_autoptr (RempartActionItem) item =
      g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (item != NULL)
    rempart_window_show_item (self, item);
}

static void
feed_info_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (RempartWindow) self = user_data;
  g_autoptr (GError) error = NULL;
  RempartFeedInfo *info;

  info = rempart_store_get_feed_info_finish (REMPART_STORE (source), result, &error);
  if (info == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        rempart_window_show_toast (self, error->message);
      return;
    }

  g_clear_pointer (&self->current_info, rempart_feed_info_free);
  self->current_info = info;

  if (self->current_item == NULL)
    return;

  rempart_window_detail_show_item (self->detail, self->store, self->current_item, info);
  adw_window_title_set_title (self->detail_title, _ ("Action"));
  adw_window_title_set_subtitle (self->detail_title, info->title);
  adw_leaflet_set_visible_child_name (self->leaflet, "detail");
}

static void
write_reply_cb (RempartWindowDetail *detail, gpointer user_data)
{
  RempartWindow *self = user_data;

  if (self->current_item == NULL || self->current_info == NULL)
    return;

  adw_window_title_set_title (self->detail_title, _ ("Reply"));
  rempart_window_detail_write_reply (self->detail, self->store, self->current_item,
                                     self->current_info);
}

static void
dismissed_cb (RempartWindowDetail *detail, gpointer user_data)
{
  RempartWindow *self = user_data;
  g_autofree char *title = NULL;
  AdwToast *toast;

  /* Not for Me can be a slip of the finger: the toast takes it back. */
  g_set_object (&self->undo_item, self->current_item);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo-dismiss", TRUE);
  title = g_markup_escape_text (_ ("Moved to the archive of actions that are not for you"), -1);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _ ("_Undo"));
  adw_toast_set_action_name (toast, "win.undo-dismiss");
  adw_toast_set_timeout (toast, 10);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);

  /* Only the lists changed, not the groups. */
  rempart_action_model_reload (self->model);
  rempart_window_detail_set_shown (self->detail, "none");
  adw_leaflet_set_visible_child_name (self->leaflet, "list");
}

static void
put_back_cb (RempartWindowDetail *detail, gpointer user_data)
{
  RempartWindow *self = user_data;

  rempart_window_show_toast (self, _ ("Put back in To Do"));
  rempart_action_model_reload (self->model);
}

static void
queued_cb (RempartWindowDetail *detail, gpointer user_data)
{
  RempartWindow *self = user_data;

  rempart_window_show_toast (self, _ ("Reply added to the queue"));
  /* Only the lists changed, not the groups. */
  rempart_action_model_reload (self->model);
  rempart_window_update_session_button (self);
  rempart_window_detail_set_shown (self->detail, "page");
  adw_window_title_set_title (self->detail_title, _ ("Action"));
}

static void
posted_cb (RempartWindowDetail *detail, gpointer user_data)
{
  RempartWindow *self = user_data;

  rempart_window_show_toast (self, _ ("Marked as posted. Thank you for taking part!"));
  /* Only the lists changed, not the groups. */
  rempart_action_model_reload (self->model);
  rempart_window_update_session_button (self);
  rempart_window_detail_set_shown (self->detail, "page");
  adw_window_title_set_title (self->detail_title, _ ("Action"));
}

static void
detail_changed_cb (GObject *object, GParamSpec *pspec, gpointer user_data)
{
  update_back_button (REMPART_WINDOW (user_data));
}

/* -------------------------------------------------------------------------------------- */
/* Overrides                                                                              */
/* -------------------------------------------------------------------------------------- */

static gboolean
rempart_window_close_request (GtkWindow *window)
{
  save_window_state (REMPART_WINDOW (window));

  return GTK_WINDOW_CLASS (rempart_window_parent_class)->close_request (window);
}

static void
rempart_window_dispose (GObject *object)
{
  RempartWindow *self = REMPART_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  if (self->preferences != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->preferences), (gpointer *) &self->preferences);
  self->preferences = NULL;
  g_signal_handlers_disconnect_by_func (g_network_monitor_get_default (),
                                        rempart_window_network_changed_cb, self);

  gtk_widget_dispose_template (GTK_WIDGET (object), REMPART_TYPE_WINDOW);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->selection);
  g_clear_object (&self->model);
  g_clear_object (&self->store);
  if (self->sync != NULL)
    g_signal_handlers_disconnect_by_data (self->sync, self);
  g_clear_object (&self->sync);
  g_clear_object (&self->settings);
  g_clear_object (&self->current_item);
  g_clear_object (&self->undo_item);
  g_clear_object (&self->undoing_item);
  g_clear_pointer (&self->current_info, rempart_feed_info_free);
  g_clear_pointer (&self->subscriptions, g_ptr_array_unref);
  g_clear_pointer (&self->search_text, g_free);
  g_clear_pointer (&self->pending_url, g_free);
  g_clear_pointer (&self->pending_id, g_free);

  G_OBJECT_CLASS (rempart_window_parent_class)->dispose (object);
}

static void
rempart_window_class_init (RempartWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = rempart_window_dispose;

  window_class->close_request = rempart_window_close_request;

  /*
   * RempartWindow::subscription-added:
   * @subscription_id: the new subscription
   *
   * The volunteer followed a group from this window's preferences.
   */
  signals[SUBSCRIPTION_ADDED] =
      g_signal_new ("subscription-added", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                    NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  g_type_ensure (REMPART_TYPE_WINDOW_DETAIL);
  g_type_ensure (REMPART_TYPE_LIMIT_SCREEN);
  g_type_ensure (REMPART_TYPE_BREAK_BANNER);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/rempart-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RempartWindow, toast_overlay);
  /* Not in the struct: reached through rempart_window_get_limit_screen() and _break_banner(). */
  gtk_widget_class_bind_template_child_full (widget_class, "limit_screen", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "break_banner", FALSE, 0);
  gtk_widget_class_bind_template_child (widget_class, RempartWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, RempartWindow, primary_menu_button);
  gtk_widget_class_bind_template_child (widget_class, RempartWindow, views_list);
  gtk_widget_class_bind_template_child (widget_class, RempartWindow, groups_list);
  gtk_widget_class_bind_template_child (widget_class, RempartWindow, sync_status_label);
  gtk_widget_class_bind_template_child (widget_class, RempartWindow, session_button);
  gtk_widget_class_bind_template_child (widget_class, RempartWindow, checking_box);
  gtk_widget_class_bind_template_child (widget_class, RempartWindow, checking_spinner);
  gtk_widget_class_bind_template_child (widget_class, RempartWindow, checking_label);
  gtk_widget_class_bind_template_child (widget_class, RempartWindow, cancel_check_button);
  gtk_widget_class_bind_template_callback (widget_class, rempart_window_cancel_check_clicked_cb);
  gtk_widget_class_bind_template_child (widget_class, RempartWindow, list_title);
  gtk_widget_class_bind_template_child (widget_class, RempartWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, RempartWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, RempartWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, RempartWindow, banner_revealer);
  gtk_widget_class_bind_template_child (widget_class, RempartWindow, banner_label);
  gtk_widget_class_bind_template_child (widget_class, RempartWindow, banner_button);
  gtk_widget_class_bind_template_child (widget_class, RempartWindow, list_stack);
  gtk_widget_class_bind_template_child (widget_class, RempartWindow, list_view);
  gtk_widget_class_bind_template_child (widget_class, RempartWindow, empty_page);
  gtk_widget_class_bind_template_child (widget_class, RempartWindow, detail_title);
  gtk_widget_class_bind_template_child (widget_class, RempartWindow, detail_back_button);
  gtk_widget_class_bind_template_child (widget_class, RempartWindow, detail);

  rempart_window_class_add_actions (widget_class);
}

static GtkWidget *
create_view_row (guint index)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *image = gtk_image_new_from_icon_name (views[index].icon_name);
  GtkWidget *label = gtk_label_new (_ (views[index].title));

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (box), image);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ (views[index].title), -1);

  return row;
}

static void
setup_row_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer user_data)
{
  gtk_list_item_set_child (list_item, rempart_action_row_new ());
}

static void
bind_row_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer user_data)
{
  rempart_action_row_set_item (REMPART_ACTION_ROW (gtk_list_item_get_child (list_item)),
                               gtk_list_item_get_item (list_item));
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer user_data)
{
  rempart_action_row_set_item (REMPART_ACTION_ROW (gtk_list_item_get_child (list_item)), NULL);
}

static void
rempart_window_init (RempartWindow *self)
{
  g_autoptr (GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkFilterListModel *filtered;

  gtk_widget_init_template (GTK_WIDGET (self));
  rempart_accessible_fix_mnemonics (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->online = g_network_monitor_get_network_available (g_network_monitor_get_default ());

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    gtk_list_box_append (self->views_list, create_view_row (i));

  /* The list: store → model → search filter → results → selection → GtkListView. */
  self->model = rempart_action_model_new (NULL, REMPART_ACTION_VIEW_TODO);
  /* No search yet: a filter without a function matches everything (search_changed_cb()). */
  self->filter = gtk_custom_filter_new (NULL, NULL, NULL);
  filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->model)),
                                        GTK_FILTER (self->filter));
  self->results = rempart_window_results_new (G_LIST_MODEL (filtered), GTK_FILTER (self->filter));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (self->results));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  g_signal_connect (self->list_view, "activate", G_CALLBACK (list_activate_cb), self);
  g_signal_connect (self->selection, "notify::selected-item", G_CALLBACK (selection_changed_cb),
                    self);
  g_signal_connect (self->model, "notify::loading", G_CALLBACK (model_notify_cb), self);
  g_signal_connect (self->model, "notify::error", G_CALLBACK (model_notify_cb), self);
  g_signal_connect (self->selection, "items-changed", G_CALLBACK (selection_items_changed_cb),
                    self);
  g_signal_connect (self->search_entry, "search-changed", G_CALLBACK (search_changed_cb), self);
  g_signal_connect (self->views_list, "row-selected", G_CALLBACK (views_row_selected_cb), self);
  g_signal_connect (self->views_list, "row-activated", G_CALLBACK (views_row_activated_cb), self);
  g_signal_connect (self->detail, "write-reply", G_CALLBACK (write_reply_cb), self);
  g_signal_connect (self->detail, "dismissed", G_CALLBACK (dismissed_cb), self);
  g_signal_connect (self->detail, "put-back", G_CALLBACK (put_back_cb), self);
  g_signal_connect (self->detail, "queued", G_CALLBACK (queued_cb), self);
  g_signal_connect (self->detail, "posted", G_CALLBACK (posted_cb), self);
  g_signal_connect (g_network_monitor_get_default (), "network-changed",
                    G_CALLBACK (rempart_window_network_changed_cb), self);
  g_signal_connect (self->leaflet, "notify::folded", G_CALLBACK (detail_changed_cb), self);
  g_signal_connect (self->detail, "notify::shown", G_CALLBACK (detail_changed_cb), self);

  rempart_window_add_page_shortcuts (self);

  /* Type-to-search anywhere in the window. */
  gtk_search_bar_set_key_capture_widget (self->search_bar, GTK_WIDGET (self));
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo-dismiss", FALSE);

  rempart_window_switch_view (self, 0, FALSE);
  adw_leaflet_set_visible_child_name (self->leaflet, "list");
  update_list_page (self);
  update_back_button (self);
}

/* -------------------------------------------------------------------------------------- */
/* Public API                                                                             */
/* -------------------------------------------------------------------------------------- */

/*
 * rempart_window_new:
 * @store: (nullable): the store, or %NULL while it is being opened (see set_store)
 * @settings: the application's settings: window size, preferences
 *
 * The window is handed what it shows and saves; it never asks the application.
 */
RempartWindow *
rempart_window_new (GtkApplication *application, RempartStore *store, GSettings *settings)
{
  RempartWindow *self;

  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (store == NULL || REMPART_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (REMPART_TYPE_WINDOW, "application", application, NULL);
  self->settings = g_object_ref (settings);
  restore_window_state (self);
  rempart_limit_screen_set_settings (rempart_window_get_limit_screen (self), settings);
  rempart_window_set_store (self, store);

  return self;
}

/* rempart_window_set_store: shows the actions of @store (nullable while it is opened). */
void
rempart_window_set_store (RempartWindow *self, RempartStore *store)
{
  g_return_if_fail (REMPART_IS_WINDOW (self));

  if (!g_set_object (&self->store, store))
    return;

  /* Setting the store already loads the list; only the groups are left to read. */
  rempart_action_model_set_store (self->model, store);
  rempart_limit_screen_set_store (rempart_window_get_limit_screen (self), store);
  rempart_window_update_session_button (self);
  if (store != NULL)
    rempart_store_list_subscriptions_async (
        store, self->cancellable, rempart_window_subscriptions_listed_cb, g_object_ref (self));
}

/*
 * rempart_window_reload:
 *
 * Reads the lists and the groups again, e.g. after a sync or a change of state.
 */
void
rempart_window_reload (RempartWindow *self)
{
  g_return_if_fail (REMPART_IS_WINDOW (self));

  if (self->store == NULL)
    return;

  rempart_action_model_reload (self->model);
  rempart_window_update_session_button (self);
  rempart_store_list_subscriptions_async (
      self->store, self->cancellable, rempart_window_subscriptions_listed_cb, g_object_ref (self));
  /* Preferences → Groups says how each group's last check went: keep it true while open. */
  if (self->preferences != NULL)
    rempart_preferences_window_reload (REMPART_PREFERENCES_WINDOW (self->preferences));
}

/*
 * rempart_window_show_item:
 *
 * Opens the action page of @item (its feed's rules and hashtag are loaded first).
 */
void
rempart_window_show_item (RempartWindow *self, RempartActionItem *item)
{
  g_return_if_fail (REMPART_IS_WINDOW (self));
  g_return_if_fail (REMPART_IS_ACTION_ITEM (item));

  if (self->store == NULL)
    return;

  g_set_object (&self->current_item, item);

  /* Keep the list's highlight on the action shown, e.g. after a notification was clicked; a
   * click has selected it already, and then there is nothing to look for. */
  for (guint i = 0; gtk_single_selection_get_selected_item (self->selection) != (gpointer) item &&
                    i < g_list_model_get_n_items (G_LIST_MODEL (self->selection));
       i++)
    {
      g_autoptr (RempartActionItem) row = g_list_model_get_item (G_LIST_MODEL (self->selection), i);

      if (row == item)
        {
          gtk_single_selection_set_selected (self->selection, i);
          break;
        }
    }

  rempart_store_get_feed_info_async (self->store, rempart_action_item_get_subscription_id (item),
                                     self->cancellable, feed_info_cb, g_object_ref (self));
}

/*
 * rempart_window_show_action:
 *
 * Opens an action by its key, as soon as the To Do list has it (a notification was clicked).
 */
void
rempart_window_show_action (RempartWindow *self,
                            const char *subscription_url,
                            const char *action_id)
{
  g_return_if_fail (REMPART_IS_WINDOW (self));

  g_free (self->pending_url);
  g_free (self->pending_id);
  self->pending_url = g_strdup (subscription_url);
  self->pending_id = g_strdup (action_id);

  rempart_window_switch_view (self, 0, TRUE);
  show_pending_action (self);
}

/*
 * rempart_window_close_examples:
 *
 * The example actions are about to go: an example shown is closed, and the reply being
 * written to it is saved first, so that what the volunteer wrote can be kept.
 */
void
rempart_window_close_examples (RempartWindow *self)
{
  g_return_if_fail (REMPART_IS_WINDOW (self));

  if (self->current_item == NULL ||
      !rempart_demo_is_demo_url (rempart_action_item_get_subscription_url (self->current_item)))
    return;

  /* Setting no item flushes the draft to the store, before the examples' removal. */
  rempart_window_detail_clear (self->detail);
  g_clear_object (&self->current_item);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  adw_window_title_set_title (self->detail_title, NULL);
  adw_window_title_set_subtitle (self->detail_title, NULL);
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child_name (self->leaflet, "list");
}

RempartActionModel *
rempart_window_get_model (RempartWindow *self)
{
  g_return_val_if_fail (REMPART_IS_WINDOW (self), NULL);

  return self->model;
}

/*
 * rempart_window_show_toast:
 * @message: plain text, never markup: it may quote an error from the system
 *
 * Shows a short, non-modal message at the bottom of the window.
 */
void
rempart_window_show_toast (RempartWindow *self, const char *message)
{
  g_return_if_fail (REMPART_IS_WINDOW (self));

  rempart_toast_overlay_show (self->toast_overlay, message);
}

/*
 * rempart_window_get_limit_screen:
 *
 * Returns: (transfer none): the daily limit's stop screen over the window's content
 *   (src/ui/wellbeing), given the window's store and settings
 */
RempartLimitScreen *
rempart_window_get_limit_screen (RempartWindow *self)
{
  g_return_val_if_fail (REMPART_IS_WINDOW (self), NULL);

  return REMPART_LIMIT_SCREEN (
      gtk_widget_get_template_child (GTK_WIDGET (self), REMPART_TYPE_WINDOW, "limit_screen"));
}

/*
 * rempart_window_get_break_banner:
 *
 * Returns: (transfer none): the break reminder's banner, which RempartWellbeing reveals
 */
RempartBreakBanner *
rempart_window_get_break_banner (RempartWindow *self)
{
  g_return_val_if_fail (REMPART_IS_WINDOW (self), NULL);

  return REMPART_BREAK_BANNER (
      gtk_widget_get_template_child (GTK_WIDGET (self), REMPART_TYPE_WINDOW, "break_banner"));
}
