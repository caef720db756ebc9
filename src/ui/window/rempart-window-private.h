/* rempart-window-private.h: what the files of the main window share
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rempart-window-detail.h"
#include "rempart-window-results.h"
#include "rempart-window.h"

G_BEGIN_DECLS

struct _RempartWindow
{
  AdwApplicationWindow parent_instance;

  RempartStore *store;
  GSettings *settings;
  RempartActionModel *model;
  GtkCustomFilter *filter;
  RempartWindowResults *results; /* (unowned) the selection's model */
  GtkSingleSelection *selection;
  GPtrArray *subscriptions; /* (element-type RempartSubscription) as last listed */
  RempartActionItem *current_item;
  GtkWidget *preferences;          /* (nullable) (weak) the Preferences window, while open */
  RempartActionItem *undo_item;    /* the last action set aside, while its toast can undo it */
  RempartActionItem *undoing_item; /* being put back, shown again once it is */
  RempartFeedInfo *current_info;
  GCancellable *cancellable;
  char *search_text;
  char *pending_url; /* an action to show once the model has it (notifications) */
  char *pending_id;
  gboolean has_demo;
  gboolean switching_view;  /* the window itself moves the sidebar's selection */
  gboolean online;          /* as the network monitor last said */
  RempartSync *sync;        /* (nullable) until the store is open */
  gboolean check_cancelled; /* the volunteer cancelled the last check */

  /* Template widgets */
  AdwToastOverlay *toast_overlay;
  AdwLeaflet *leaflet;
  GtkMenuButton *primary_menu_button;
  GtkListBox *views_list;
  GtkListBox *groups_list;
  GtkLabel *sync_status_label;
  GtkWidget *session_button;
  GtkWidget *checking_box;
  GtkSpinner *checking_spinner;
  GtkLabel *checking_label;
  GtkWidget *cancel_check_button;
  AdwWindowTitle *list_title;
  GtkToggleButton *search_button;
  GtkSearchBar *search_bar;
  GtkSearchEntry *search_entry;
  GtkRevealer *banner_revealer;
  GtkLabel *banner_label;
  GtkButton *banner_button;
  GtkStack *list_stack;
  GtkListView *list_view;
  AdwStatusPage *empty_page;
  AdwWindowTitle *detail_title;
  GtkWidget *detail_back_button;
  RempartWindowDetail *detail;
};

/* The lists of the sidebar: To Do, Queued, Done, Archive. */
#define REMPART_WINDOW_N_VIEWS 4

/* rempart-window.c: what its satellites may call. */
void rempart_window_switch_view (RempartWindow *self, guint index, gboolean navigate);
void rempart_window_update_session_button (RempartWindow *self);
void rempart_window_refresh_current_item (RempartWindow *self);

/* rempart-window-actions.c: the win.* actions and the page shortcuts; calls only the functions
 * of rempart-window.c above. */
void rempart_window_class_add_actions (GtkWidgetClass *widget_class);
void rempart_window_add_page_shortcuts (RempartWindow *self);

/* rempart-window-groups.c: the groups of the sidebar, the sync status and the banner. It reads
 * and writes the struct above but never calls rempart-window.c: calls go one way only. */
void rempart_window_update_groups (RempartWindow *self);
void
rempart_window_subscriptions_listed_cb (GObject *source, GAsyncResult *result, gpointer user_data);
void rempart_window_cancel_check_clicked_cb (GtkButton *button, RempartWindow *self);
void rempart_window_network_changed_cb (GNetworkMonitor *monitor,
                                        gboolean available,
                                        gpointer user_data);

G_END_DECLS
