/* rempart-join-dialog.c: what a join link asks the volunteer to trust, before anything is added
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Rempart"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rempart-feed-parser.h"
#include "rempart-join-dialog.h"
#include "rempart-ui-utils.h"

/*
 * A link is only a proposal from whoever sent it. Before the volunteer can press Join, the
 * dialog fetches the feed with the link's key and reads it, so that what it shows is the
 * group's name as the *feed* states it, the host that really serves it and whether it is
 * signed with that key; and it compares the link with the groups already followed. Join stays
 * disabled, with the reason said, until the feed answered and verified; nothing reaches the
 * store before Join. Several links (an imported list) are shown one after the other.
 */

struct _RempartJoinDialog
{
  AdwWindow parent_instance;

  RempartStore *store;
  RempartFetcher *fetcher;
  GPtrArray *links; /* (element-type RempartJoinLink), empty when the text was no link */
  guint index;
  char *link_error; /* why the text given is not a join link */

  /* The current link's check; a new cancellable for each link. */
  GCancellable *cancellable;
  gboolean listed;
  gboolean fetched;
  gboolean adding;
  gboolean can_join;
  GPtrArray *subscriptions; /* (element-type RempartSubscription) */
  char *feed_title;
  char *problem;        /* why Join is disabled, for the reason label */
  char *check_text;     /* what the fetch found, for the Feed row */
  gboolean fetch_is_ok; /* the feed answered, verified when there is a key, and parsed */

  /* Template widgets */
  AdwWindowTitle *window_title;
  GtkButton *cancel_button;
  GtkButton *confirm_button;
  GtkLabel *heading_label;
  GtkSpinner *spinner;
  GtkImage *status_icon;
  GtkLabel *status_label;
  GtkLabel *warning_label;
  GtkLabel *reason_label;
  AdwPreferencesGroup *trust_group;
  AdwActionRow *name_row;
  AdwActionRow *host_row;
  AdwActionRow *key_row;
  AdwActionRow *check_row;
};

G_DEFINE_FINAL_TYPE (RempartJoinDialog, rempart_join_dialog, ADW_TYPE_WINDOW)

enum
{
  SIGNAL_SUBSCRIPTION_ADDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void show_link (RempartJoinDialog *self);

/* -------------------------------------------------------------------------------------- */
/* Helpers                                                                                */
/* -------------------------------------------------------------------------------------- */

static RempartJoinLink *
current_link (RempartJoinDialog *self)
{
  if (self->index >= self->links->len)
    return NULL;

  return g_ptr_array_index (self->links, self->index);
}

static char *
fold (const char *text)
{
  g_autofree char *folded = g_utf8_casefold (text, -1);

  return g_utf8_normalize (folded, -1, G_NORMALIZE_ALL);
}

static gboolean
same_text (const char *a, const char *b)
{
  g_autofree char *fa = NULL;
  g_autofree char *fb = NULL;

  if (a == NULL || b == NULL)
    return FALSE;

  fa = fold (a);
  fb = fold (b);
  return g_strcmp0 (fa, fb) == 0;
}

/* "#jesuislà" for a feed titled "#jesuislà — actions du jour" is the same group. */
static gboolean
name_fits_title (const char *name, const char *title)
{
  g_autofree char *fn = fold (name);
  g_autofree char *ft = fold (title);

  return fn != NULL && ft != NULL && strstr (ft, fn) != NULL;
}

static void
set_status (RempartJoinDialog *self, const char *icon, const char *css, const char *text)
{
  gtk_spinner_set_spinning (self->spinner, icon == NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), icon == NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->status_icon), icon != NULL);
  if (icon != NULL)
    gtk_image_set_from_icon_name (self->status_icon, icon);

  gtk_widget_remove_css_class (GTK_WIDGET (self->status_icon), "success");
  gtk_widget_remove_css_class (GTK_WIDGET (self->status_icon), "warning");
  gtk_widget_remove_css_class (GTK_WIDGET (self->status_icon), "error");
  if (css != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->status_icon), css);

  gtk_label_set_text (self->status_label, text);
}

static void
set_label (GtkLabel *label, const char *text)
{
  gtk_label_set_text (label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL && text[0] != '\0');
}

static void
update_buttons (RempartJoinDialog *self)
{
  gboolean more = self->index + 1 < self->links->len;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "join.confirm",
                                 self->can_join && !self->adding && self->store != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->confirm_button), self->links->len > 0);
  gtk_button_set_label (self->cancel_button, self->links->len == 0 ? _ ("_Close")
                                             : more                ? _ ("_Skip")
                                                                   : _ ("_Cancel"));
  rempart_accessible_fix_mnemonics (GTK_WIDGET (self->cancel_button));
}

static char *
describe_fetch_error (const GError *error)
{
  if (g_error_matches (error, REMPART_FETCH_ERROR, REMPART_FETCH_ERROR_SIGNATURE))
    return g_strdup (_ ("The feed is not signed with the key in this link. The link may be a "
                        "fake, or the moderators changed their key: ask them through a channel "
                        "you trust."));

  /* The fetcher's own words already say what happened and what to do (a server not found,
   * a refused connection, a certificate that is not valid…), never the network library's. */
  if (g_error_matches (error, REMPART_FETCH_ERROR, REMPART_FETCH_ERROR_NETWORK))
    return g_strdup (error->message);

  if (error->domain == REMPART_FEED_ERROR)
    /* Translators: %s says why the file is not a feed */
    return g_strdup_printf (_ ("This address does not lead to a group’s feed (%s)."),
                            error->message);

  /* Translators: %s says what went wrong */
  return g_strdup_printf (_ ("The feed could not be checked (%s). Open the link again later."),
                          error->message);
}

/* Everything known: say what the volunteer is about to trust, and whether Join is possible. */
static void
finish_check (RempartJoinDialog *self)
{
  RempartJoinLink *link = current_link (self);
  g_autoptr (GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  const RempartSubscription *same_feed = NULL;
  g_autofree char *warning_text = NULL;

  if (!self->listed || !self->fetched)
    return;

  for (guint i = 0; self->subscriptions != NULL && i < self->subscriptions->len; i++)
    {
      const RempartSubscription *sub = g_ptr_array_index (self->subscriptions, i);

      if (sub->is_bundled)
        continue;

      if (g_ascii_strcasecmp (sub->url, link->feed_url) == 0)
        same_feed = sub;
      else if (same_text (sub->title, self->feed_title) || same_text (sub->title, link->name))
        {
          /* Translators: %s is a group's name */
          g_ptr_array_add (warnings,
                           g_strdup_printf (_ ("You already follow a group called “%s” at "
                                               "another address. If it is the same group, this "
                                               "link may be a fake: check with its moderators."),
                                            sub->title));
        }
    }

  if (self->feed_title != NULL && link->name != NULL &&
      !name_fits_title (link->name, self->feed_title))
    /* Translators: the first %s is the name in the link, the second the feed's own */
    g_ptr_array_add (warnings, g_strdup_printf (_ ("The link calls this group “%s”, but its feed "
                                                   "calls itself “%s”."),
                                                link->name, self->feed_title));

  if (link->public_key == NULL && self->fetch_is_ok)
    g_ptr_array_add (warnings, g_strdup (_ ("This feed is not signed: anyone who controls its "
                                            "address can change its actions.")));

  g_clear_pointer (&self->problem, g_free);
  if (!self->fetch_is_ok)
    self->problem = g_strdup (self->check_text);
  else if (same_feed != NULL && g_strcmp0 (same_feed->public_key, link->public_key) == 0)
    self->problem = g_strdup (_ ("You already follow this group."));
  else if (same_feed != NULL)
    {
      g_ptr_array_insert (warnings, 0,
                          g_strdup (_ ("You already follow this feed with a different key. The "
                                       "moderators may have changed their key, or this link is "
                                       "a fake. Ask them through a channel you trust.")));
      self->problem = g_strdup (_ ("To use the new key, stop following the group in "
                                   "Preferences, then open this link again."));
    }

  self->can_join = self->problem == NULL;

  adw_action_row_set_subtitle (self->name_row, self->feed_title != NULL
                                                   ? self->feed_title
                                                   : _ ("Unknown: the feed could not be read"));
  /* A failure is told in full above; the row only sums it up. */
  adw_action_row_set_subtitle (self->check_row, self->fetch_is_ok
                                                    ? self->check_text
                                                    : _ ("Not verified: see the reason above"));

  g_ptr_array_add (warnings, NULL);
  warning_text = g_strjoinv ("\n\n", (char **) warnings->pdata);
  set_label (self->warning_label, warning_text);
  set_label (self->reason_label, self->problem);

  if (self->can_join && warnings->len > 1)
    set_status (self, "dialog-warning-symbolic", "warning", _ ("Read the warning below"));
  else if (self->can_join)
    set_status (self, "emblem-ok-symbolic", "success",
                link->public_key != NULL ? _ ("The feed answered and is signed with the key")
                                         : _ ("The feed answered"));
  else
    set_status (self, "dialog-error-symbolic", "error", _ ("This group cannot be added"));

  /* The heading was the link's idea of the name until now. */
  if (self->feed_title != NULL)
    gtk_label_set_text (self->heading_label, self->feed_title);

  update_buttons (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->can_join ? self->confirm_button : self->cancel_button));
}

/* -------------------------------------------------------------------------------------- */
/* Callbacks                                                                              */
/* -------------------------------------------------------------------------------------- */

static void
listed_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (RempartJoinDialog) self = user_data;
  g_autoptr (GPtrArray) subs = NULL;
  GCancellable *cancellable = g_task_get_cancellable (G_TASK (result));

  subs = rempart_store_list_subscriptions_finish (REMPART_STORE (source), result, NULL);
  if (cancellable != self->cancellable || g_cancellable_is_cancelled (cancellable))
    return;

  /* A store that cannot list only loses the comparison; the add itself still refuses a
   * duplicate. */
  g_clear_pointer (&self->subscriptions, g_ptr_array_unref);
  self->subscriptions = g_steal_pointer (&subs);
  self->listed = TRUE;
  finish_check (self);
}

static void
fetched_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (RempartJoinDialog) self = user_data;
  g_autoptr (RempartFetchResult) fetched = NULL;
  g_autoptr (RempartFeed) feed = NULL;
  g_autoptr (GError) error = NULL;
  RempartJoinLink *link;

  fetched = rempart_fetcher_fetch_finish (REMPART_FETCHER (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->fetcher == NULL)
    return;
  if (g_task_get_cancellable (G_TASK (result)) != self->cancellable)
    return;

  link = current_link (self);
  self->fetched = TRUE;
  g_clear_pointer (&self->check_text, g_free);

  if (fetched == NULL)
    self->check_text = describe_fetch_error (error);
  else if (rempart_fetch_result_get_status (fetched) == REMPART_FETCH_STATUS_GONE)
    self->check_text = g_strdup (_ ("The group no longer publishes this feed."));
  else if (rempart_fetch_result_get_status (fetched) != REMPART_FETCH_STATUS_OK)
    self->check_text = g_strdup (_ ("The feed’s server is busy. Open the link again later."));
  else if ((feed = rempart_feed_parse (rempart_fetch_result_get_body (fetched), link->feed_url,
                                       &error)) == NULL)
    self->check_text = describe_fetch_error (error);
  else
    {
      self->fetch_is_ok = TRUE;
      g_free (self->feed_title);
      self->feed_title = g_strdup (rempart_feed_get_title (feed));
      self->check_text =
          g_strdup (link->public_key != NULL ? _ ("Answered, and signed with the group’s key")
                                             : _ ("Answered, but not signed"));
    }

  finish_check (self);
}

static void
added_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (RempartJoinDialog) self = user_data;
  g_autoptr (RempartSubscription) sub = NULL;
  g_autoptr (GError) error = NULL;

  sub = rempart_store_add_subscription_finish (REMPART_STORE (source), result, &error);
  if (sub != NULL)
    g_signal_emit (self, signals[SIGNAL_SUBSCRIPTION_ADDED], 0, sub->id);
  if (self->links == NULL)
    return;

  self->adding = FALSE;
  if (sub == NULL)
    {
      self->can_join = FALSE;
      set_label (self->reason_label, error->message);
      set_status (self, "dialog-error-symbolic", "error", _ ("This group cannot be added"));
      update_buttons (self);
      return;
    }

  if (self->index + 1 < self->links->len)
    {
      self->index++;
      show_link (self);
      return;
    }

  gtk_window_destroy (GTK_WINDOW (self));
}

static void
confirm_activated_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RempartJoinDialog *self = REMPART_JOIN_DIALOG (widget);
  RempartJoinLink *link = current_link (self);

  if (!self->can_join || self->adding || self->store == NULL || link == NULL)
    return;

  self->adding = TRUE;
  update_buttons (self);
  /* Not cancellable: once the volunteer pressed Join, the group is added even if the window
   * closes meanwhile, and the signal still tells the application. */
  rempart_store_add_subscription_async (self->store, link->feed_url, link->public_key, NULL,
                                        added_cb, g_object_ref (self));
}

static void
cancel_activated_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RempartJoinDialog *self = REMPART_JOIN_DIALOG (widget);

  if (self->index + 1 < self->links->len)
    {
      self->index++;
      show_link (self);
      return;
    }

  gtk_window_close (GTK_WINDOW (self));
}

/* -------------------------------------------------------------------------------------- */
/* Showing a link                                                                         */
/* -------------------------------------------------------------------------------------- */

static void
show_bad_link (RempartJoinDialog *self)
{
  gtk_label_set_text (self->heading_label, _ ("This Link Cannot Be Used"));
  set_status (self, "dialog-error-symbolic", "error", _ ("Nothing was added"));
  set_label (self->reason_label, self->link_error);
  gtk_widget_set_visible (GTK_WIDGET (self->trust_group), FALSE);
  update_buttons (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->cancel_button));
}

static void
show_link (RempartJoinDialog *self)
{
  RempartJoinLink *link = current_link (self);
  g_autofree char *host = rempart_join_link_get_host (link);
  g_autofree char *key_id = rempart_join_link_get_key_id (link);
  g_autofree char *key_text = NULL;
  RempartFetchRequest request = { 0 };
  g_autoptr (RempartMinisignPublicKey) key = NULL;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->listed = self->fetched = self->fetch_is_ok = self->can_join = FALSE;
  g_clear_pointer (&self->feed_title, g_free);
  g_clear_pointer (&self->problem, g_free);
  g_clear_pointer (&self->check_text, g_free);

  if (self->links->len > 1)
    {
      /* Translators: the first %u is the group shown, the second how many there are */
      g_autofree char *subtitle =
          g_strdup_printf (_ ("Group %u of %u"), self->index + 1, self->links->len);

      /* Translators: title of the join dialog when a link brings several groups */
      adw_window_title_set_title (self->window_title, _ ("Import Groups"));
      adw_window_title_set_subtitle (self->window_title, subtitle);
    }

  gtk_label_set_text (self->heading_label, link->name != NULL ? link->name : host);
  set_status (self, NULL, NULL, _ ("Checking the group’s feed…"));
  set_label (self->warning_label, NULL);
  set_label (self->reason_label, NULL);

  /* Translators: shown while the group feed is downloaded and its signature checked */
  adw_action_row_set_subtitle (self->name_row, _ ("Checking…"));
  adw_action_row_set_subtitle (self->host_row, host);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->host_row), link->feed_url);
  if (key_id != NULL)
    /* Translators: %s is a key id such as 8A2B7C4D1E0F3A5B, as minisign prints it */
    key_text = g_strdup_printf (_ ("Key %s"), key_id);
  else
    key_text = g_strdup (_ ("None: this feed is not signed, so Rempart cannot check who "
                            "publishes it"));
  adw_action_row_set_subtitle (self->key_row, key_text);
  /* Translators: shown while the group feed is downloaded and its signature checked */
  adw_action_row_set_subtitle (self->check_row, _ ("Checking…"));

  update_buttons (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->cancel_button));

  if (self->store != NULL)
    rempart_store_list_subscriptions_async (self->store, self->cancellable, listed_cb,
                                            g_object_ref (self));
  else
    self->listed = TRUE;

  if (link->public_key != NULL)
    key = rempart_minisign_public_key_parse (link->public_key, strlen (link->public_key), NULL);
  request.url = link->feed_url;
  request.public_key = key;
  rempart_fetcher_fetch_async (self->fetcher, &request, self->cancellable, fetched_cb,
                               g_object_ref (self));
}

/* -------------------------------------------------------------------------------------- */
/* Overrides                                                                              */
/* -------------------------------------------------------------------------------------- */

static void
rempart_join_dialog_dispose (GObject *object)
{
  RempartJoinDialog *self = REMPART_JOIN_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), REMPART_TYPE_JOIN_DIALOG);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_object (&self->fetcher);
  g_clear_pointer (&self->links, g_ptr_array_unref);
  g_clear_pointer (&self->subscriptions, g_ptr_array_unref);

  G_OBJECT_CLASS (rempart_join_dialog_parent_class)->dispose (object);
}

static void
rempart_join_dialog_finalize (GObject *object)
{
  RempartJoinDialog *self = REMPART_JOIN_DIALOG (object);

  g_free (self->link_error);
  g_free (self->feed_title);
  g_free (self->problem);
  g_free (self->check_text);

  G_OBJECT_CLASS (rempart_join_dialog_parent_class)->finalize (object);
}

static void
rempart_join_dialog_class_init (RempartJoinDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rempart_join_dialog_dispose;
  object_class->finalize = rempart_join_dialog_finalize;

  /**
   * RempartJoinDialog::subscription-added:
   * @id: the new subscription's id
   *
   * The volunteer confirmed a group and the store saved it: refresh it now.
   */
  signals[SIGNAL_SUBSCRIPTION_ADDED] =
      g_signal_new ("subscription-added", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                    NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/rempart-join-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RempartJoinDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, RempartJoinDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, RempartJoinDialog, confirm_button);
  gtk_widget_class_bind_template_child (widget_class, RempartJoinDialog, heading_label);
  gtk_widget_class_bind_template_child (widget_class, RempartJoinDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, RempartJoinDialog, status_icon);
  gtk_widget_class_bind_template_child (widget_class, RempartJoinDialog, status_label);
  gtk_widget_class_bind_template_child (widget_class, RempartJoinDialog, warning_label);
  gtk_widget_class_bind_template_child (widget_class, RempartJoinDialog, reason_label);
  gtk_widget_class_bind_template_child (widget_class, RempartJoinDialog, trust_group);
  gtk_widget_class_bind_template_child (widget_class, RempartJoinDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, RempartJoinDialog, host_row);
  gtk_widget_class_bind_template_child (widget_class, RempartJoinDialog, key_row);
  gtk_widget_class_bind_template_child (widget_class, RempartJoinDialog, check_row);

  gtk_widget_class_install_action (widget_class, "join.confirm", NULL, confirm_activated_cb);
  gtk_widget_class_install_action (widget_class, "join.cancel", NULL, cancel_activated_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rempart_join_dialog_init (RempartJoinDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  rempart_accessible_fix_mnemonics (GTK_WIDGET (self));

  /* Why Join is disabled, or what to beware of, is read with the button. */
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->confirm_button),
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, self->reason_label,
                                  self->warning_label, NULL, -1);
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->confirm_button));
}

/* -------------------------------------------------------------------------------------- */
/* Public API                                                                             */
/* -------------------------------------------------------------------------------------- */

static RempartJoinDialog *
dialog_new (GtkWindow *parent, RempartStore *store, RempartFetcher *fetcher)
{
  RempartJoinDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (REMPART_IS_STORE (store), NULL);
  g_return_val_if_fail (fetcher == NULL || REMPART_IS_FETCHER (fetcher), NULL);

  self = g_object_new (REMPART_TYPE_JOIN_DIALOG, "transient-for", parent, "modal", parent != NULL,
                       NULL);
  self->store = g_object_ref (store);
  self->fetcher = fetcher != NULL ? g_object_ref (fetcher) : rempart_fetcher_new ();
  self->links = g_ptr_array_new_with_free_func ((GDestroyNotify) rempart_join_link_free);

  return self;
}

/*
 * rempart_join_dialog_new_for_text:
 * @parent: (nullable): the window it is modal for
 * @fetcher: (nullable): the application's fetcher; a new one when %NULL
 * @text: a join link as it came (a browser, `rempart LINK`, a paste); a bad one is shown with
 *   its error and nothing else
 *
 * Returns: (transfer none): the dialog, already checking the feed; present it
 */
RempartJoinDialog *
rempart_join_dialog_new_for_text (GtkWindow *parent,
                                  RempartStore *store,
                                  RempartFetcher *fetcher,
                                  const char *text)
{
  RempartJoinDialog *self = dialog_new (parent, store, fetcher);
  g_autoptr (GError) error = NULL;
  RempartJoinLink *link;

  g_return_val_if_fail (text != NULL, NULL);

  link = rempart_join_link_parse (text, &error);
  if (link == NULL)
    {
      self->link_error = g_strdup (error->message);
      show_bad_link (self);
      return self;
    }

  g_ptr_array_add (self->links, link);
  show_link (self);

  return self;
}

/*
 * rempart_join_dialog_new_for_links:
 * @links: (element-type RempartJoinLink): at least one link, shown one after the other
 *
 * Returns: (transfer none): the dialog, already checking the first feed; present it
 */
RempartJoinDialog *
rempart_join_dialog_new_for_links (GtkWindow *parent,
                                   RempartStore *store,
                                   RempartFetcher *fetcher,
                                   GPtrArray *links)
{
  RempartJoinDialog *self;

  g_return_val_if_fail (links != NULL && links->len > 0, NULL);

  self = dialog_new (parent, store, fetcher);
  for (guint i = 0; i < links->len; i++)
    g_ptr_array_add (self->links, rempart_join_link_copy (g_ptr_array_index (links, i)));
  show_link (self);

  return self;
}

/*
 * rempart_join_dialog_is_checking:
 *
 * Returns: whether the current link's feed is still being fetched or compared
 */
gboolean
rempart_join_dialog_is_checking (RempartJoinDialog *self)
{
  g_return_val_if_fail (REMPART_IS_JOIN_DIALOG (self), FALSE);

  return self->links->len > 0 && (!self->listed || !self->fetched);
}
