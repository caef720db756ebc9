/* rempart-preferences-add-page.c: the "Add a Group" form of the Preferences window, which
 * also corrects a group's address and key in place
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Rempart"

#include "config.h"

#include <glib/gi18n.h>

#include "rempart-feed-parser.h"
#include "rempart-join-link.h"
#include "rempart-minisign.h"
#include "rempart-preferences-add-page.h"
#include "rempart-ui-utils.h"

struct _RempartPreferencesAddPage
{
  AdwBin parent_instance;

  RempartStore *store;
  GCancellable *cancellable;
  /* (nullable) The group being corrected; NULL when adding one. */
  RempartSubscription *subscription;

  /* What the fields hold once checked: NULL while they are not valid. */
  char *address;
  char *public_key; /* base64 line; NULL when the field is empty or wrong */
  gboolean key_valid;
  gboolean adding;

  /* The address a pasted join link filled in, and what to say under it while it stays. */
  char *link_url;
  char *link_note;

  /* Errors show once the volunteer has had a chance to finish typing: after Enter, leaving
   * the field or pressing Add; from then on they follow each keystroke. */
  gboolean address_touched;
  gboolean key_touched;

  /* Template widgets */
  AdwWindowTitle *title;
  AdwEntryRow *address_row;
  GtkLabel *address_message;
  AdwEntryRow *key_row;
  GtkLabel *key_message;
  GtkButton *add_button;
};

G_DEFINE_FINAL_TYPE (RempartPreferencesAddPage, rempart_preferences_add_page, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_STORE,
  PROP_SUBSCRIPTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  SIGNAL_ADDED,
  SIGNAL_EDITED,
  SIGNAL_CANCELLED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* -------------------------------------------------------------------------------------- */
/* Helpers                                                                                */
/* -------------------------------------------------------------------------------------- */

/* A bare "example.org/feed.json" is what people copy from a chat message: read it as https
 * rather than refusing it as a relative address, and set @out_guessed so that the form says
 * so (never silently: a group on plain http must be typed in full). */
static char *
normalize_address (const char *text, gboolean *out_guessed, GError **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text));
  g_autofree char *scheme = rempart_feed_url_peek_scheme (trimmed);

  *out_guessed = FALSE;
  if (scheme == NULL && trimmed[0] != '/' && strchr (trimmed, '.') != NULL)
    {
      g_autofree char *with_scheme = g_strconcat ("https://", trimmed, NULL);
      char *url = rempart_feed_normalize_url (with_scheme, error);

      *out_guessed = url != NULL;
      return url;
    }

  return rempart_feed_normalize_url (trimmed, error);
}

/* The key as minisign prints it, or a whole minisign.pub pasted on one line (the entry drops
 * the line break): then the key is the last word. */
static RempartMinisignPublicKey *
parse_key (const char *text, GError **error)
{
  g_autoptr (GError) local_error = NULL;
  g_autofree char *trimmed = NULL;
  g_auto (GStrv) words = NULL;
  RempartMinisignPublicKey *key;
  guint n;

  key = rempart_minisign_public_key_parse (text, (gsize) -1, &local_error);
  if (key != NULL)
    return key;

  /* g_strsplit_set() copies the words: the trimmed copy is freed here, not handed on (it
   * leaked once per keystroke in the key row, which LeakSanitizer found). */
  trimmed = g_strstrip (g_strdup (text));
  words = g_strsplit_set (trimmed, " \t\r\n", -1);
  n = g_strv_length (words);
  if (n > 1 && words[n - 1][0] != '\0')
    {
      key = rempart_minisign_public_key_parse (words[n - 1], (gsize) -1, NULL);
      if (key != NULL)
        return key;
    }

  g_propagate_error (error, g_steal_pointer (&local_error));
  return NULL;
}

static void
set_message (AdwEntryRow *row, GtkLabel *label, const char *message, gboolean is_error)
{
  gtk_label_set_text (label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL);

  if (is_error && message != NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      gtk_widget_add_css_class (GTK_WIDGET (label), "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID,
                                   GTK_ACCESSIBLE_INVALID_TRUE, -1);
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (label), "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID);
    }
}

static void
update_add_enabled (RempartPreferencesAddPage *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "add-page.add",
                                 self->address != NULL && self->key_valid && !self->adding &&
                                     self->store != NULL);
}

/* A join link pasted in the address field fills in the form from it: its address, and its
 * key (whose message then gives the key id). A bad link says what is wrong with it at once:
 * a link is pasted whole, never typed. */
static gboolean
fill_from_join_link (RempartPreferencesAddPage *self, const char *text)
{
  g_autoptr (RempartJoinLink) link = NULL;
  g_autoptr (GError) error = NULL;

  if (!rempart_join_link_looks_like_link (text))
    return FALSE;

  link = rempart_join_link_parse (text, &error);
  if (link == NULL)
    {
      g_clear_pointer (&self->address, g_free);
      set_message (self->address_row, self->address_message, error->message, TRUE);
      update_add_enabled (self);
      return TRUE;
    }

  g_free (self->link_url);
  self->link_url = g_strdup (link->feed_url);
  g_free (self->link_note);
  if (link->name != NULL)
    /* Translators: %s is a group's name, as its join link gives it */
    self->link_note = g_strdup_printf (_ ("Filled in from the join link of “%s”."), link->name);
  else
    self->link_note = g_strdup (_ ("Filled in from the join link."));

  self->key_touched = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->key_row),
                         link->public_key != NULL ? link->public_key : "");
  /* Sets self->address through check_address() again. */
  gtk_editable_set_text (GTK_EDITABLE (self->address_row), link->feed_url);
  gtk_editable_set_position (GTK_EDITABLE (self->address_row), -1);

  return TRUE;
}

static void
check_address (RempartPreferencesAddPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->address_row));
  g_autoptr (GError) error = NULL;
  gboolean guessed = FALSE;

  if (fill_from_join_link (self, text))
    return;

  g_clear_pointer (&self->address, g_free);

  if (text[0] == '\0')
    set_message (self->address_row, self->address_message,
                 self->address_touched ? _ ("Enter the address of your group’s feed.") : NULL,
                 TRUE);
  else if ((self->address = normalize_address (text, &guessed, &error)) == NULL)
    set_message (self->address_row, self->address_message,
                 self->address_touched ? error->message : NULL, TRUE);
  else if (guessed)
    {
      g_autofree char *note = NULL;

      /* Translators: %s is a feed's address, such as https://example.org/feed.json */
      note = g_strdup_printf (_ ("Rempart will read %s. If the address your group gave you "
                                 "starts with “http://”, type it in full."),
                              self->address);
      set_message (self->address_row, self->address_message, note, FALSE);
    }
  else
    set_message (self->address_row, self->address_message,
                 g_strcmp0 (self->address, self->link_url) == 0 ? self->link_note : NULL, FALSE);

  update_add_enabled (self);
}

static void
check_key (RempartPreferencesAddPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->key_row));
  g_autofree char *trimmed = g_strstrip (g_strdup (text));
  g_autoptr (RempartMinisignPublicKey) key = NULL;
  g_autoptr (GError) error = NULL;

  g_clear_pointer (&self->public_key, g_free);

  if (trimmed[0] == '\0')
    {
      /* Optional: no key means an unsigned feed, which the group list says plainly. */
      self->key_valid = TRUE;
      set_message (self->key_row, self->key_message, NULL, FALSE);
    }
  else if ((key = parse_key (text, &error)) == NULL)
    {
      self->key_valid = FALSE;
      set_message (self->key_row, self->key_message, self->key_touched ? error->message : NULL,
                   TRUE);
    }
  else
    {
      g_autofree char *key_id = rempart_minisign_public_key_get_key_id_string (key);
      g_autofree char *message = NULL;

      self->key_valid = TRUE;
      self->public_key = rempart_minisign_public_key_to_base64 (key);
      /* Translators: %s is a key id such as 8A2B7C4D1E0F3A5B, as minisign prints it */
      message =
          g_strdup_printf (_ ("Key %s: Rempart will refuse actions not signed with it."), key_id);
      set_message (self->key_row, self->key_message, message, FALSE);
    }

  update_add_enabled (self);
}

/* -------------------------------------------------------------------------------------- */
/* Callbacks                                                                              */
/* -------------------------------------------------------------------------------------- */

static void
subscription_edited_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (RempartPreferencesAddPage) self = user_data;
  g_autoptr (GError) error = NULL;
  gboolean saved;

  saved = rempart_store_edit_subscription_finish (REMPART_STORE (source), result, &error);
  if (self->cancellable == NULL || g_cancellable_is_cancelled (self->cancellable))
    return;

  self->adding = FALSE;
  update_add_enabled (self);
  if (!saved)
    {
      set_message (self->address_row, self->address_message, error->message, TRUE);
      return;
    }
  g_signal_emit (self, signals[SIGNAL_EDITED], 0, self->subscription->id);
}

static void
save_edit (RempartPreferencesAddPage *self)
{
  self->adding = TRUE;
  update_add_enabled (self);
  rempart_store_edit_subscription_async (self->store, self->subscription->id, self->address,
                                         self->public_key, self->cancellable,
                                         subscription_edited_cb, g_object_ref (self));
}

static void
key_change_response_cb (AdwMessageDialog *dialog, const char *response, gpointer user_data)
{
  RempartPreferencesAddPage *self = user_data;

  if (g_str_equal (response, "change") && !self->adding)
    save_edit (self);
}

static char *
key_id_of (const char *base64)
{
  g_autoptr (RempartMinisignPublicKey) key = NULL;

  if (base64 == NULL)
    return NULL;
  key = rempart_minisign_public_key_parse (base64, (gsize) -1, NULL);
  return key != NULL ? rempart_minisign_public_key_get_key_id_string (key) : g_strdup (base64);
}

/* The key decides whose actions Rempart accepts: a change is confirmed, naming both keys. */
static void
confirm_key_change (RempartPreferencesAddPage *self)
{
  const char *name = self->subscription->title != NULL && self->subscription->title[0] != '\0'
                         ? self->subscription->title
                         : self->subscription->url;
  g_autofree char *old_id = key_id_of (self->subscription->public_key);
  g_autofree char *new_id = key_id_of (self->public_key);
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  /* Translators: %s is a group's name */
  heading = g_strdup_printf (_ ("Change the Key of “%s”?"), name);
  if (new_id == NULL)
    body = g_strdup (_ ("Without a key, Rempart can no longer check that the actions really come "
                        "from your group. Remove it only if your moderators stopped signing "
                        "their feed."));
  else if (old_id == NULL)
    /* Translators: %s is a key id such as 8A2B7C4D1E0F3A5B */
    body = g_strdup_printf (_ ("From now on, Rempart will refuse the group’s actions unless they "
                               "are signed with key %s. Use only a key your moderators gave you "
                               "through a channel you trust."),
                            new_id);
  else
    /* Translators: the two %s are key ids such as 8A2B7C4D1E0F3A5B */
    body = g_strdup_printf (_ ("Rempart will accept the group’s actions only if they are signed "
                               "with key %s instead of %s. Use only a key your moderators gave "
                               "you through a channel you trust."),
                            new_id, old_id);

  dialog = ADW_MESSAGE_DIALOG (
      adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), heading, body));
  adw_message_dialog_add_response (dialog, "cancel", _ ("_Cancel"));
  adw_message_dialog_add_response (dialog, "change",
                                   new_id == NULL ? _ ("_Remove the Key") : _ ("_Change the Key"));
  adw_message_dialog_set_response_appearance (
      dialog, "change", new_id == NULL ? ADW_RESPONSE_DESTRUCTIVE : ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (key_change_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
subscription_added_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (RempartPreferencesAddPage) self = user_data;
  g_autoptr (RempartSubscription) sub = NULL;
  g_autoptr (GError) error = NULL;

  sub = rempart_store_add_subscription_finish (REMPART_STORE (source), result, &error);
  /* The page went away meanwhile (the store still reports a finished job as done). */
  if (self->cancellable == NULL || g_cancellable_is_cancelled (self->cancellable))
    return;

  self->adding = FALSE;

  if (sub == NULL)
    {
      /* "You already follow …" and the like: say it where the volunteer is looking. */
      set_message (self->address_row, self->address_message, error->message, TRUE);
      update_add_enabled (self);
      return;
    }

  update_add_enabled (self);
  g_signal_emit (self, signals[SIGNAL_ADDED], 0, sub);
}

static void
address_changed_cb (RempartPreferencesAddPage *self)
{
  check_address (self);
}

static void
key_changed_cb (RempartPreferencesAddPage *self)
{
  check_key (self);
}

static void
address_focus_leave_cb (RempartPreferencesAddPage *self)
{
  /* Focus also leaves while the page is being destroyed. */
  if (self->address_row == NULL)
    return;
  if (gtk_editable_get_text (GTK_EDITABLE (self->address_row))[0] == '\0')
    return;

  self->address_touched = TRUE;
  check_address (self);
}

static void
key_focus_leave_cb (RempartPreferencesAddPage *self)
{
  if (self->key_row == NULL)
    return;

  self->key_touched = TRUE;
  check_key (self);
}

static void
add_activated_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RempartPreferencesAddPage *self = REMPART_PREFERENCES_ADD_PAGE (widget);

  self->address_touched = TRUE;
  self->key_touched = TRUE;
  check_address (self);
  check_key (self);

  if (self->address == NULL || !self->key_valid || self->adding || self->store == NULL)
    return;

  if (self->subscription != NULL)
    {
      if (g_strcmp0 (self->public_key, self->subscription->public_key) != 0)
        confirm_key_change (self);
      else if (g_strcmp0 (self->address, self->subscription->url) != 0)
        save_edit (self);
      else
        /* Nothing changed: nothing to save, nothing to check again. */
        g_signal_emit (self, signals[SIGNAL_CANCELLED], 0);
      return;
    }

  self->adding = TRUE;
  update_add_enabled (self);
  rempart_store_add_subscription_async (self->store, self->address, self->public_key,
                                        self->cancellable, subscription_added_cb,
                                        g_object_ref (self));
}

/* Enter in a field tries to add: the action is disabled while the form is wrong, so try it
 * by hand to show the messages. */
static void
try_add (RempartPreferencesAddPage *self)
{
  add_activated_cb (GTK_WIDGET (self), "add-page.add", NULL);
}

static void
cancel_activated_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  g_signal_emit (widget, signals[SIGNAL_CANCELLED], 0);
}

/* -------------------------------------------------------------------------------------- */
/* Overrides                                                                              */
/* -------------------------------------------------------------------------------------- */

/* The form has one job: be ready to paste the address, not to focus the back button. */
static gboolean
rempart_preferences_add_page_grab_focus (GtkWidget *widget)
{
  RempartPreferencesAddPage *self = REMPART_PREFERENCES_ADD_PAGE (widget);

  return gtk_widget_grab_focus (GTK_WIDGET (self->address_row));
}

static void
rempart_preferences_add_page_set_property (GObject *object,
                                           guint prop_id,
                                           const GValue *value,
                                           GParamSpec *pspec)
{
  RempartPreferencesAddPage *self = REMPART_PREFERENCES_ADD_PAGE (object);

  switch (prop_id)
    {
      case PROP_STORE:
        self->store = g_value_dup_object (value);
        update_add_enabled (self);
        break;

      case PROP_SUBSCRIPTION:
        self->subscription = g_value_dup_boxed (value);
        break;

      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rempart_preferences_add_page_get_property (GObject *object,
                                           guint prop_id,
                                           GValue *value,
                                           GParamSpec *pspec)
{
  RempartPreferencesAddPage *self = REMPART_PREFERENCES_ADD_PAGE (object);

  switch (prop_id)
    {
      case PROP_STORE:
        g_value_set_object (value, self->store);
        break;

      case PROP_SUBSCRIPTION:
        g_value_set_boxed (value, self->subscription);
        break;

      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Correcting a group: the form starts from what is saved, and says what it does. */
static void
rempart_preferences_add_page_constructed (GObject *object)
{
  RempartPreferencesAddPage *self = REMPART_PREFERENCES_ADD_PAGE (object);
  const RempartSubscription *sub = self->subscription;

  G_OBJECT_CLASS (rempart_preferences_add_page_parent_class)->constructed (object);

  if (sub == NULL)
    return;

  /* Translators: title of the page that edits a followed group */
  adw_window_title_set_title (self->title, _ ("Edit Group"));
  adw_window_title_set_subtitle (self->title,
                                 sub->title != NULL && sub->title[0] != '\0' ? sub->title : "");
  gtk_button_set_label (self->add_button, _ ("_Save"));
  rempart_accessible_fix_mnemonics (GTK_WIDGET (self->add_button));
  gtk_editable_set_text (GTK_EDITABLE (self->key_row),
                         sub->public_key != NULL ? sub->public_key : "");
  gtk_editable_set_text (GTK_EDITABLE (self->address_row), sub->url);
  gtk_editable_set_position (GTK_EDITABLE (self->address_row), -1);
  /* What is saved was checked when it was added: say at once what is wrong with an edit. */
  self->address_touched = TRUE;
  self->key_touched = TRUE;
}

static void
rempart_preferences_add_page_dispose (GObject *object)
{
  RempartPreferencesAddPage *self = REMPART_PREFERENCES_ADD_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), REMPART_TYPE_PREFERENCES_ADD_PAGE);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (rempart_preferences_add_page_parent_class)->dispose (object);
}

static void
rempart_preferences_add_page_finalize (GObject *object)
{
  RempartPreferencesAddPage *self = REMPART_PREFERENCES_ADD_PAGE (object);

  g_free (self->address);
  g_free (self->public_key);
  g_free (self->link_url);
  g_free (self->link_note);
  g_clear_pointer (&self->subscription, rempart_subscription_free);

  G_OBJECT_CLASS (rempart_preferences_add_page_parent_class)->finalize (object);
}

static void
rempart_preferences_add_page_class_init (RempartPreferencesAddPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = rempart_preferences_add_page_constructed;
  object_class->set_property = rempart_preferences_add_page_set_property;
  object_class->get_property = rempart_preferences_add_page_get_property;
  object_class->dispose = rempart_preferences_add_page_dispose;
  object_class->finalize = rempart_preferences_add_page_finalize;

  widget_class->grab_focus = rempart_preferences_add_page_grab_focus;

  properties[PROP_STORE] =
      g_param_spec_object ("store", NULL, NULL, REMPART_TYPE_STORE,
                           G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUBSCRIPTION] =
      g_param_spec_boxed ("subscription", NULL, NULL, REMPART_TYPE_SUBSCRIPTION,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RempartPreferencesAddPage::added:
   * @sub: (type RempartSubscription): the new subscription, as the store saved it
   */
  signals[SIGNAL_ADDED] =
      g_signal_new ("added", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                    G_TYPE_NONE, 1, REMPART_TYPE_SUBSCRIPTION | G_SIGNAL_TYPE_STATIC_SCOPE);

  /**
   * RempartPreferencesAddPage::edited:
   * @id: the subscription whose address or key the volunteer corrected (and saved)
   */
  signals[SIGNAL_EDITED] = g_signal_new ("edited", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                         NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  /* The volunteer went back without adding (or changing) anything. */
  signals[SIGNAL_CANCELLED] = g_signal_new ("cancelled", G_TYPE_FROM_CLASS (klass),
                                            G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/rempart-preferences-add-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RempartPreferencesAddPage, title);
  gtk_widget_class_bind_template_child (widget_class, RempartPreferencesAddPage, address_row);
  gtk_widget_class_bind_template_child (widget_class, RempartPreferencesAddPage, address_message);
  gtk_widget_class_bind_template_child (widget_class, RempartPreferencesAddPage, key_row);
  gtk_widget_class_bind_template_child (widget_class, RempartPreferencesAddPage, key_message);
  gtk_widget_class_bind_template_child (widget_class, RempartPreferencesAddPage, add_button);
  gtk_widget_class_bind_template_callback (widget_class, address_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, key_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, try_add);

  gtk_widget_class_install_action (widget_class, "add-page.add", NULL, add_activated_cb);
  gtk_widget_class_install_action (widget_class, "add-page.cancel", NULL, cancel_activated_cb);
}

static void
rempart_preferences_add_page_init (RempartPreferencesAddPage *self)
{
  GtkEventController *focus;

  gtk_widget_init_template (GTK_WIDGET (self));
  rempart_accessible_fix_mnemonics (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->key_valid = TRUE;
  update_add_enabled (self);

  /* The messages under the fields describe them for a screen reader too. */
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->address_row),
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, self->address_message, NULL,
                                  -1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->key_row),
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, self->key_message, NULL,
                                  -1);

  focus = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (address_focus_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->address_row), focus);

  focus = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (key_focus_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->key_row), focus);
}

/* -------------------------------------------------------------------------------------- */
/* Public API                                                                             */
/* -------------------------------------------------------------------------------------- */

RempartPreferencesAddPage *
rempart_preferences_add_page_new (RempartStore *store)
{
  return g_object_new (REMPART_TYPE_PREFERENCES_ADD_PAGE, "store", store, NULL);
}

/*
 * rempart_preferences_add_page_new_for_subscription:
 * @sub: the group to correct; copied
 *
 * The same form, filled in with the group's address and key, checked the same way; *Save*
 * asks first when the key changes, then emits ::edited.
 */
RempartPreferencesAddPage *
rempart_preferences_add_page_new_for_subscription (RempartStore *store,
                                                   const RempartSubscription *sub)
{
  g_return_val_if_fail (sub != NULL, NULL);

  return g_object_new (REMPART_TYPE_PREFERENCES_ADD_PAGE, "store", store, "subscription", sub,
                       NULL);
}
