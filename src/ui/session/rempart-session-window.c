/* rempart-session-window.c: today's session, one queued reply after the other
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Rempart"

#include "config.h"

#include <glib/gi18n.h>

#include "rempart-page-util.h"
#include "rempart-session-window.h"
#include "rempart-ui-utils.h"

struct _RempartSessionWindow
{
  AdwWindow parent_instance;

  RempartStore *store;
  GCancellable *cancellable;      /* everything; cancelled on dispose */
  GCancellable *step_cancellable; /* the draft load of the current step */

  GPtrArray *actions; /* (element-type RempartStoredAction) queued when the session began */
  guint index;
  RempartDraft *draft; /* of the current action; NULL while loading or when there is none */
  guint posted;
  gboolean loading_draft;
  gboolean saving;

  /* Template widgets */
  AdwToastOverlay *toast_overlay;
  GtkStack *stack;
  GtkLabel *progress_label;
  GtkProgressBar *progress_bar;
  GtkLabel *title_label;
  GtkLabel *where_label;
  GtkLabel *draft_label;
  GtkWidget *open_button;
  GtkWidget *posted_button;
  GtkWidget *skip_button;
  AdwStatusPage *done_page;
  GtkWidget *done_close_button;
  AdwStatusPage *error_page;
};

G_DEFINE_FINAL_TYPE (RempartSessionWindow, rempart_session_window, ADW_TYPE_WINDOW)

enum
{
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  SIGNAL_OPEN_URI,
  SIGNAL_POSTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void show_step (RempartSessionWindow *self);

/* -------------------------------------------------------------------------------------- */
/* Statics                                                                                */
/* -------------------------------------------------------------------------------------- */

/* -------------------------------------------------------------------------------------- */
/* Helpers                                                                                */
/* -------------------------------------------------------------------------------------- */

/* The store still reports what it did after a cancel (a posted reply stays posted), so a
 * result for a step or a window that is gone must be recognised by its cancellable. */
static gboolean
result_was_cancelled (GAsyncResult *result)
{
  GCancellable *cancellable = g_task_get_cancellable (G_TASK (result));

  return cancellable != NULL && g_cancellable_is_cancelled (cancellable);
}

/* After dispose, callbacks that must still finish a job in the store leave the UI alone. */
static gboolean
is_gone (RempartSessionWindow *self)
{
  return self->cancellable == NULL || g_cancellable_is_cancelled (self->cancellable);
}

static void
show_toast (RempartSessionWindow *self, const char *message)
{
  g_autofree char *escaped = g_markup_escape_text (message, -1);
  AdwToast *toast = adw_toast_new (escaped);

  adw_toast_set_timeout (toast, 5);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* Errors get a dialog, not a toast: a toast cuts long messages, and this one says what to do. */
static void
show_error (RempartSessionWindow *self, const char *heading, const GError *error)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, NULL));
  /* Plain text: the message may quote an address or a path. */
  adw_message_dialog_set_body (dialog, error->message);
  adw_message_dialog_add_response (dialog, "close", _ ("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static RempartStoredAction *
current_action (RempartSessionWindow *self)
{
  if (self->actions == NULL || self->index >= self->actions->len)
    return NULL;

  return g_ptr_array_index (self->actions, self->index);
}

/* "Facebook · facebook.com": where the link leads, before the volunteer follows it. The host
 * comes from the same helper as on the action page, which shows the ASCII form of look-alike
 * letters. */
static char *
describe_where (RempartAction *action)
{
  g_autofree char *name = rempart_format_platform (rempart_action_get_platform (action));
  g_autofree char *host = rempart_page_uri_get_host (rempart_action_get_url (action));

  if (name != NULL && host != NULL)
    return g_strdup_printf ("%s · %s", name, host);

  return g_strdup (name != NULL ? name : host);
}

static void
update_actions (RempartSessionWindow *self)
{
  RempartStoredAction *stored = current_action (self);
  gboolean on_step = stored != NULL;
  gboolean has_text = self->draft != NULL && self->draft->text != NULL && self->draft->text[0];

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "session.open-thread",
                                 on_step && rempart_action_get_url (stored->action) != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "session.copy-reply", on_step && has_text);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "session.mark-posted",
                                 on_step && !self->loading_draft && !self->saving);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "session.skip", on_step && !self->saving);
}

static void
show_done (RempartSessionWindow *self)
{
  guint total = self->actions != NULL ? self->actions->len : 0;
  guint left = total - self->posted;
  g_autoptr (GString) text = g_string_new (NULL);
  g_autofree char *escaped = NULL;

  if (self->posted > 0)
    g_string_append_printf (text,
                            ngettext ("You posted %u reply. Thank you.",
                                      "You posted %u replies. Thank you.", self->posted),
                            self->posted);
  else
    g_string_append (text, _ ("Nothing was posted this time, and that is fine."));

  if (left > 0)
    {
      g_string_append_c (text, '\n');
      g_string_append_printf (text,
                              ngettext ("%u reply stays in your queue for next time.",
                                        "%u replies stay in your queue for next time.", left),
                              left);
    }

  /* AdwStatusPage descriptions are markup. */
  escaped = g_markup_escape_text (text->str, -1);
  adw_status_page_set_description (self->done_page, escaped);
  gtk_stack_set_visible_child_name (self->stack, "done");
  update_actions (self);
  gtk_widget_grab_focus (self->done_close_button);
}

static void
set_draft_text (RempartSessionWindow *self, const char *text)
{
  /* The volunteer's own words, maybe quoting a feed: plain text, never markup. */
  gtk_label_set_text (self->draft_label, text);
}

/* -------------------------------------------------------------------------------------- */
/* Callbacks                                                                              */
/* -------------------------------------------------------------------------------------- */

static void
draft_loaded_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (RempartSessionWindow) self = user_data;
  g_autoptr (RempartDraft) draft = NULL;
  g_autoptr (GError) error = NULL;

  draft = rempart_store_load_draft_finish (REMPART_STORE (source), result, &error);
  if (result_was_cancelled (result))
    return;

  self->loading_draft = FALSE;

  if (error != NULL)
    {
      set_draft_text (self, "");
      show_error (self, _ ("Your Reply Could Not Be Loaded"), error);
    }
  else if (draft == NULL || draft->text == NULL || draft->text[0] == '\0')
    {
      set_draft_text (self, _ ("This reply is empty. Write it from the action’s composer."));
    }
  else
    {
      set_draft_text (self, draft->text);
    }

  g_clear_pointer (&self->draft, rempart_draft_free);
  self->draft = g_steal_pointer (&draft);
  update_actions (self);
}

static void
actions_listed_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (RempartSessionWindow) self = user_data;
  g_autoptr (GPtrArray) actions = NULL;
  g_autoptr (GError) error = NULL;

  actions = rempart_store_list_actions_finish (REMPART_STORE (source), result, &error);
  if (result_was_cancelled (result))
    return;

  if (actions == NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (error->message, -1);

      adw_status_page_set_description (self->error_page, escaped);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }

  g_clear_pointer (&self->actions, g_ptr_array_unref);
  self->actions = g_steal_pointer (&actions);
  self->index = 0;
  self->posted = 0;

  if (self->actions->len == 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      update_actions (self);
      return;
    }

  show_step (self);
}

static void
state_added_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (RempartSessionWindow) self = user_data;
  g_autoptr (GError) error = NULL;

  if (!rempart_store_add_action_state_finish (REMPART_STORE (source), result, &error) &&
      !result_was_cancelled (result))
    show_error (self, _ ("Opening the Thread Could Not Be Noted"), error);
}

static void
uri_launched_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (RempartSessionWindow) self = user_data;
  g_autoptr (GError) error = NULL;

  if (!g_app_info_launch_default_for_uri_finish (result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    show_error (self, _ ("The Thread Could Not Be Opened in Your Browser"), error);
}

typedef struct
{
  RempartSessionWindow *self;
  RempartDraft *draft; /* NULL when the action had none */
  char *subscription_url;
  char *action_id;
} PostData;

static void
post_data_free (PostData *data)
{
  g_clear_object (&data->self);
  g_clear_pointer (&data->draft, rempart_draft_free);
  g_free (data->subscription_url);
  g_free (data->action_id);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PostData, post_data_free)

static void
finish_post (RempartSessionWindow *self)
{
  self->saving = FALSE;
  self->index++;
  show_step (self);
}

static void
draft_unqueued_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (PostData) data = user_data;
  g_autoptr (GError) error = NULL;

  gboolean saved = rempart_store_save_draft_finish (REMPART_STORE (source), result, &error);

  if (is_gone (data->self))
    return;

  /* Posted is recorded, and a posted action leaves the queue anyway: say it, go on. */
  if (!saved)
    show_error (data->self, _ ("The Reply Could Not Be Taken Out of Your Queue"), error);

  finish_post (data->self);
}

static void
posted_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (PostData) data = user_data;
  RempartSessionWindow *self = data->self;
  g_autoptr (GError) error = NULL;
  gboolean cancelled = result_was_cancelled (result);
  RempartDraft *draft;

  if (!rempart_store_add_action_state_finish (REMPART_STORE (source), result, &error))
    {
      if (!cancelled)
        {
          self->saving = FALSE;
          update_actions (self);
          show_error (self, _ ("The Reply Could Not Be Marked as Posted"), error);
        }
      return;
    }

  if (!cancelled)
    {
      self->posted++;
      g_signal_emit (self, signals[SIGNAL_POSTED], 0, data->subscription_url, data->action_id);
    }

  if (data->draft == NULL)
    {
      if (!cancelled)
        finish_post (self);
      return;
    }

  /* Even when the window is closing, finish the job: the queue must not keep a posted reply. */
  draft = data->draft;
  draft->queued = FALSE;
  rempart_store_save_draft_async (REMPART_STORE (source), draft, NULL, draft_unqueued_cb,
                                  g_steal_pointer (&data));
}

static void
open_thread_activated_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RempartSessionWindow *self = REMPART_SESSION_WINDOW (widget);
  RempartStoredAction *stored = current_action (self);
  const char *url;
  gboolean handled = FALSE;

  if (stored == NULL || (url = rempart_action_get_url (stored->action)) == NULL)
    return;

  rempart_store_add_action_state_async (
      self->store, stored->subscription_url, rempart_action_get_id (stored->action),
      REMPART_ACTION_STATE_OPENED, self->cancellable, state_added_cb, g_object_ref (self));
  g_signal_emit (self, signals[SIGNAL_OPEN_URI], 0, url, &handled);
}

static void
copy_reply_activated_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RempartSessionWindow *self = REMPART_SESSION_WINDOW (widget);

  if (self->draft == NULL || self->draft->text == NULL)
    return;

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), self->draft->text);
  /* Short: toasts do not wrap, and the step already says what comes next. */
  show_toast (self, _ ("Reply copied"));
}

static void
mark_posted_activated_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RempartSessionWindow *self = REMPART_SESSION_WINDOW (widget);
  RempartStoredAction *stored = current_action (self);
  PostData *data;

  if (stored == NULL || self->saving || self->loading_draft)
    return;

  self->saving = TRUE;
  update_actions (self);

  data = g_new0 (PostData, 1);
  data->self = g_object_ref (self);
  data->draft = self->draft != NULL ? rempart_draft_copy (self->draft) : NULL;
  data->subscription_url = g_strdup (stored->subscription_url);
  data->action_id = g_strdup (rempart_action_get_id (stored->action));
  rempart_store_add_action_state_async (self->store, data->subscription_url, data->action_id,
                                        REMPART_ACTION_STATE_POSTED, self->cancellable, posted_cb,
                                        data);
}

static void
skip_activated_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RempartSessionWindow *self = REMPART_SESSION_WINDOW (widget);

  if (current_action (self) == NULL || self->saving)
    return;

  self->index++;
  show_step (self);
}

static void
reload_activated_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RempartSessionWindow *self = REMPART_SESSION_WINDOW (widget);

  gtk_stack_set_visible_child_name (self->stack, "loading");
  rempart_store_list_actions_async (self->store, REMPART_ACTION_VIEW_QUEUED, self->cancellable,
                                    actions_listed_cb, g_object_ref (self));
}

/* Ctrl+C copies the reply, unless the volunteer selected part of it to copy that instead. */
static gboolean
copy_shortcut_cb (GtkWidget *widget, GVariant *args, gpointer user_data)
{
  RempartSessionWindow *self = REMPART_SESSION_WINDOW (widget);
  int start, end;

  if (gtk_label_get_selection_bounds (self->draft_label, &start, &end))
    return FALSE;

  return gtk_widget_activate_action (widget, "session.copy-reply", NULL);
}

static gboolean
rempart_session_window_real_open_uri (RempartSessionWindow *self, const char *uri)
{
  g_autoptr (GdkAppLaunchContext) context = NULL;

  context = gdk_display_get_app_launch_context (gtk_widget_get_display (GTK_WIDGET (self)));
  g_app_info_launch_default_for_uri_async (uri, G_APP_LAUNCH_CONTEXT (context), self->cancellable,
                                           uri_launched_cb, g_object_ref (self));
  return TRUE;
}

/* -------------------------------------------------------------------------------------- */
/* Steps                                                                                  */
/* -------------------------------------------------------------------------------------- */

static void
show_step (RempartSessionWindow *self)
{
  RempartStoredAction *stored = current_action (self);
  g_autofree char *progress = NULL;
  g_autofree char *where = NULL;

  g_cancellable_cancel (self->step_cancellable);
  g_clear_object (&self->step_cancellable);
  g_clear_pointer (&self->draft, rempart_draft_free);
  self->loading_draft = FALSE;

  if (stored == NULL)
    {
      show_done (self);
      return;
    }

  /* Translators: the session's progress, e.g. "2 of 5" */
  progress = g_strdup_printf (_ ("%u of %u"), self->index + 1, self->actions->len);
  gtk_label_set_text (self->progress_label, progress);
  gtk_progress_bar_set_fraction (self->progress_bar,
                                 (double) (self->index + 1) / (double) self->actions->len);

  /* Feed text: gtk_label_set_text never parses markup. */
  gtk_label_set_text (self->title_label, rempart_action_get_title (stored->action));
  where = describe_where (stored->action);
  gtk_label_set_text (self->where_label, where != NULL ? where : "");
  gtk_widget_set_visible (GTK_WIDGET (self->where_label), where != NULL);

  set_draft_text (self, "");
  self->loading_draft = TRUE;
  self->step_cancellable = g_cancellable_new ();
  rempart_store_load_draft_async (self->store, stored->subscription_url,
                                  rempart_action_get_id (stored->action), self->step_cancellable,
                                  draft_loaded_cb, g_object_ref (self));

  gtk_stack_set_visible_child_name (self->stack, "step");
  update_actions (self);

  /* Each step starts where the volunteer does: opening the thread. */
  gtk_widget_grab_focus (self->open_button);
}

/* -------------------------------------------------------------------------------------- */
/* Overrides                                                                              */
/* -------------------------------------------------------------------------------------- */

static void
rempart_session_window_constructed (GObject *object)
{
  RempartSessionWindow *self = REMPART_SESSION_WINDOW (object);

  G_OBJECT_CLASS (rempart_session_window_parent_class)->constructed (object);

  reload_activated_cb (GTK_WIDGET (self), "session.reload", NULL);
}

static void
rempart_session_window_set_property (GObject *object,
                                     guint prop_id,
                                     const GValue *value,
                                     GParamSpec *pspec)
{
  RempartSessionWindow *self = REMPART_SESSION_WINDOW (object);

  switch (prop_id)
    {
      case PROP_STORE:
        self->store = g_value_dup_object (value);
        break;

      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rempart_session_window_get_property (GObject *object,
                                     guint prop_id,
                                     GValue *value,
                                     GParamSpec *pspec)
{
  RempartSessionWindow *self = REMPART_SESSION_WINDOW (object);

  switch (prop_id)
    {
      case PROP_STORE:
        g_value_set_object (value, self->store);
        break;

      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rempart_session_window_dispose (GObject *object)
{
  RempartSessionWindow *self = REMPART_SESSION_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->step_cancellable);

  gtk_widget_dispose_template (GTK_WIDGET (self), REMPART_TYPE_SESSION_WINDOW);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->step_cancellable);
  g_clear_pointer (&self->actions, g_ptr_array_unref);
  g_clear_pointer (&self->draft, rempart_draft_free);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (rempart_session_window_parent_class)->dispose (object);
}

static void
rempart_session_window_class_init (RempartSessionWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = rempart_session_window_constructed;
  object_class->set_property = rempart_session_window_set_property;
  object_class->get_property = rempart_session_window_get_property;
  object_class->dispose = rempart_session_window_dispose;

  properties[PROP_STORE] =
      g_param_spec_object ("store", NULL, NULL, REMPART_TYPE_STORE,
                           G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RempartSessionWindow::open-uri:
   * @uri: the thread's address
   *
   * Opens @uri in the browser. The default handler launches the desktop's default handler;
   * tests connect a handler that returns %TRUE to see the address without a browser.
   *
   * Returns: %TRUE when handled
   */
  signals[SIGNAL_OPEN_URI] = g_signal_new_class_handler (
      "open-uri", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
      G_CALLBACK (rempart_session_window_real_open_uri), g_signal_accumulator_true_handled, NULL,
      NULL, G_TYPE_BOOLEAN, 1, G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE);

  /**
   * RempartSessionWindow::posted:
   * @subscription_url: with @action_id, the action's key in the store
   * @action_id: the action's id
   *
   * The volunteer marked a reply as posted, and the store recorded it.
   */
  signals[SIGNAL_POSTED] =
      g_signal_new ("posted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                    G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/rempart-session-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RempartSessionWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RempartSessionWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, RempartSessionWindow, progress_label);
  gtk_widget_class_bind_template_child (widget_class, RempartSessionWindow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, RempartSessionWindow, title_label);
  gtk_widget_class_bind_template_child (widget_class, RempartSessionWindow, where_label);
  gtk_widget_class_bind_template_child (widget_class, RempartSessionWindow, draft_label);
  gtk_widget_class_bind_template_child (widget_class, RempartSessionWindow, open_button);
  gtk_widget_class_bind_template_child (widget_class, RempartSessionWindow, posted_button);
  gtk_widget_class_bind_template_child (widget_class, RempartSessionWindow, skip_button);
  gtk_widget_class_bind_template_child (widget_class, RempartSessionWindow, done_page);
  gtk_widget_class_bind_template_child (widget_class, RempartSessionWindow, done_close_button);
  gtk_widget_class_bind_template_child (widget_class, RempartSessionWindow, error_page);

  gtk_widget_class_install_action (widget_class, "session.open-thread", NULL,
                                   open_thread_activated_cb);
  gtk_widget_class_install_action (widget_class, "session.copy-reply", NULL,
                                   copy_reply_activated_cb);
  gtk_widget_class_install_action (widget_class, "session.mark-posted", NULL,
                                   mark_posted_activated_cb);
  gtk_widget_class_install_action (widget_class, "session.skip", NULL, skip_activated_cb);
  gtk_widget_class_install_action (widget_class, "session.reload", NULL, reload_activated_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rempart_session_window_init (RempartSessionWindow *self)
{
  GtkEventController *controller;
  GtkShortcutController *shortcuts;

  gtk_widget_init_template (GTK_WIDGET (self));
  rempart_accessible_fix_mnemonics (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();

  /* In the capture phase, so that the reply's selectable label (which moves its cursor with
   * Ctrl+Right and copies with Ctrl+C) does not swallow them first. */
  controller = gtk_shortcut_controller_new ();
  shortcuts = GTK_SHORTCUT_CONTROLLER (controller);
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (
      shortcuts,
      gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Control>Return|<Control>KP_Enter"),
                        gtk_named_action_new ("session.mark-posted")));
  gtk_shortcut_controller_add_shortcut (
      shortcuts, gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Control>Right"),
                                   gtk_named_action_new ("session.skip")));
  gtk_shortcut_controller_add_shortcut (
      shortcuts, gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Control>o"),
                                   gtk_named_action_new ("session.open-thread")));
  gtk_shortcut_controller_add_shortcut (
      shortcuts, gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Control>c"),
                                   gtk_callback_action_new (copy_shortcut_cb, NULL, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  update_actions (self);
}

/* -------------------------------------------------------------------------------------- */
/* Public API                                                                             */
/* -------------------------------------------------------------------------------------- */

/*
 * rempart_session_window_new:
 * @parent: (nullable): the window it is modal for
 *
 * Loads the queued replies (REMPART_ACTION_VIEW_QUEUED) at once and walks through them.
 *
 * Returns: (transfer none): the window, owned by GTK until it is closed; present it.
 */
RempartSessionWindow *
rempart_session_window_new (GtkWindow *parent, RempartStore *store)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (REMPART_IS_STORE (store), NULL);

  return g_object_new (REMPART_TYPE_SESSION_WINDOW, "transient-for", parent, "modal",
                       parent != NULL, "destroy-with-parent", TRUE, "store", store, NULL);
}

/*
 * rempart_session_window_get_posted:
 *
 * Returns: how many replies were marked as posted in this session
 */
guint
rempart_session_window_get_posted (RempartSessionWindow *self)
{
  g_return_val_if_fail (REMPART_IS_SESSION_WINDOW (self), 0);

  return self->posted;
}
