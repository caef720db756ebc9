/* rempart-publish-dialog.c
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rempart-feed-merge.h"
#include "rempart-feed-writer.h"
#include "rempart-publish-dialog.h"
#include "rempart-publisher.h"
#include "rempart-workers.h"

/*
 * One publish, in steps: the password (asked again, with a message, when it does not open the
 * key), then signing on a worker thread (scrypt and Ed25519 are slow on purpose), then the
 * upload by RempartPublisher with its stages as progress. The working copy is left alone until
 * the server holds the new pair: an error leaves it as it was. A 412 (someone else published)
 * fetches their copy and shows RempartFeedMerge's report; only "Publish the Merge" uploads,
 * with the server copy's ETag, so nothing is overwritten that the moderator has not seen.
 * The opened secret key is kept until the dialog closes, so a retry or a merge does not ask
 * for the password again.
 */

struct _RempartPublishDialog
{
  AdwWindow parent_instance;

  RempartWorkspace *workspace;
  RempartKeyring *keyring;
  RempartPublisher *publisher;
  RempartMinisignSecretKey *key;
  GCancellable *cancellable;
  char *export_dir;
  char *url;

  /* After a conflict: the server's copy, and the merge shown */
  RempartServerCopy *server_copy;
  RempartFeedMerge *merge;
  /* What is being published: the working copy, or a merge */
  GBytes *source;
  gboolean working;
  gboolean finished;

  GtkButton *cancel_button;
  GtkButton *go_button;
  GtkStack *stack;
  GtkLabel *where_label;
  AdwEntryRow *password_row;
  GtkLabel *password_message;
  GtkSpinner *spinner;
  GtkLabel *stage_label;
  GtkProgressBar *progress_bar;
  AdwStatusPage *error_page;
  GtkLabel *merge_label;
  GtkWidget *choice_box;
  GtkCheckButton *keep_theirs_check;
};

G_DEFINE_FINAL_TYPE (RempartPublishDialog, rempart_publish_dialog, ADW_TYPE_WINDOW)

enum
{
  FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

#define RESOURCE_BASE "/io/github/rempart/Rempart"

/* Time a slow server has for each request. */
#define PUBLISH_TIMEOUT_SECONDS 30

typedef struct
{
  RempartKeyring *keyring;
  char *key_name;
  char *password;
  RempartMinisignSecretKey *key;
  GBytes *feed;
  char *export_dir;
  char *basename;
} SignJob;

typedef struct
{
  RempartMinisignSecretKey *key;
  RempartPublication *publication;
} Signed;

static void go (RempartPublishDialog *self);

/* -------------------------------------------------------------------------------------- */
/* Helpers                                                                                */
/* -------------------------------------------------------------------------------------- */

static void
sign_job_free (SignJob *job)
{
  g_clear_object (&job->keyring);
  g_free (job->key_name);
  if (job->password != NULL)
    memset (job->password, 0, strlen (job->password));
  g_free (job->password);
  g_clear_pointer (&job->key, rempart_minisign_secret_key_unref);
  g_clear_pointer (&job->feed, g_bytes_unref);
  g_free (job->export_dir);
  g_free (job->basename);
  g_free (job);
}

static void
signed_free (Signed *result)
{
  g_clear_pointer (&result->key, rempart_minisign_secret_key_unref);
  g_clear_pointer (&result->publication, rempart_publication_free);
  g_free (result);
}

static GBytes *
working_copy_bytes (RempartWorkspace *workspace)
{
  gsize length = 0;
  char *data = rempart_feed_document_to_data (rempart_workspace_get_document (workspace), &length);

  return g_bytes_new_take (data, length);
}

static gboolean
exporting (RempartPublishDialog *self)
{
  return self->export_dir != NULL;
}

static void
show_page (RempartPublishDialog *self, const char *page, const char *go_label)
{
  gboolean working = g_str_equal (page, "working");

  self->working = working;
  gtk_stack_set_visible_child_name (self->stack, page);
  gtk_spinner_set_spinning (self->spinner, working);
  gtk_widget_set_visible (GTK_WIDGET (self->go_button), go_label != NULL);
  if (go_label != NULL)
    gtk_button_set_label (self->go_button, go_label);
  gtk_button_set_label (self->cancel_button,
                        g_str_equal (page, "error") ? _ ("_Close") : _ ("_Cancel"));
}

static void
set_stage (RempartPublishDialog *self, const char *text, double fraction)
{
  gtk_label_set_text (self->stage_label, text);
  gtk_progress_bar_set_fraction (self->progress_bar, fraction);
}

static void
ask_password (RempartPublishDialog *self, const char *message)
{
  /* Translators: button of a file chooser that saves a file */
  show_page (self, "password", exporting (self) ? _ ("_Export") : _ ("_Publish"));
  gtk_label_set_text (self->password_message, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->password_message), message != NULL);
  gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
  if (message != NULL)
    gtk_editable_select_region (GTK_EDITABLE (self->password_row), 0, -1);
}

static void
show_error (RempartPublishDialog *self, const char *title, const char *message)
{
  adw_status_page_set_title (self->error_page, title);
  adw_status_page_set_description (self->error_page, message);
  /* Translators: button that retries publishing after an error */
  show_page (self, "error", _ ("Try _Again"));
  gtk_widget_grab_focus (GTK_WIDGET (self->go_button));
}

static const char *
error_title (RempartPublishDialog *self, const GError *error)
{
  if (error->domain == REMPART_PUBLISH_ERROR)
    switch (error->code)
      {
        case REMPART_PUBLISH_ERROR_AUTH_FAILED:
          return _ ("The Server Refused the User Name or Password");
        case REMPART_PUBLISH_ERROR_INVALID_URL:
          return _ ("Check the Publishing Address");
        case REMPART_PUBLISH_ERROR_INVALID_FEED:
          return _ ("The Feed Needs Fixing First");
        case REMPART_PUBLISH_ERROR_WRITE_FAILED:
          /* Translators: result of the publish dialog: the export failed */
          return _ ("Not Exported");
        case REMPART_PUBLISH_ERROR_HALF_PUBLISHED:
          return _ ("Publish Again Now");
        default:
          /* Translators: result of the publish dialog: the upload failed */
          return _ ("Not Published");
      }
  if (error->domain == REMPART_KEYRING_ERROR)
    return _ ("No Key to Sign With");
  /* Translators: result of the publish dialog: the export failed */
  return exporting (self) ? _ ("Not Exported") : _ ("Not Published");
}

static void
finish (RempartPublishDialog *self, const char *message)
{
  if (self->finished)
    return;
  self->finished = TRUE;
  g_signal_emit (self, signals[FINISHED], 0, message);
  gtk_window_destroy (GTK_WINDOW (self));
}

static char *
feed_basename (RempartPublishDialog *self)
{
  const char *slash;

  slash = self->url != NULL ? strrchr (self->url, '/') : NULL;
  if (slash != NULL && slash[1] != '\0' && strchr (slash + 1, '?') == NULL)
    return g_strdup (slash + 1);
  return g_strdup ("feed.json");
}

/* The working copy becomes what is out there now. */
static gboolean
adopt (RempartPublishDialog *self, GBytes *feed, const char *etag, GError **error)
{
  if (!rempart_workspace_replace_document (self->workspace, feed, error) ||
      !rempart_workspace_set_published (self->workspace, feed, error))
    return FALSE;
  if (!exporting (self))
    rempart_workspace_set_published_etag (self->workspace, etag);
  return TRUE;
}

/* -------------------------------------------------------------------------------------- */
/* Worker thread                                                                          */
/* -------------------------------------------------------------------------------------- */

static void
sign_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  SignJob *job = task_data;
  Signed *result = g_new0 (Signed, 1);
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  GError *error = NULL;

  result->key = g_steal_pointer (&job->key);
  if (result->key == NULL)
    result->key = rempart_keyring_open_secret_key_sync (job->keyring, job->key_name, job->password,
                                                        cancellable, &error);
  if (result->key != NULL)
    result->publication = rempart_publish_prepare (job->feed, job->basename, result->key, now,
                                                   REMPART_PUBLISH_DEFAULT_FRESHNESS, &error);
  if (result->publication != NULL && job->export_dir != NULL &&
      !rempart_publish_export (result->publication, job->export_dir, job->basename, &error))
    g_clear_pointer (&result->publication, rempart_publication_free);

  if (result->publication == NULL)
    {
      signed_free (result);
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, result, (GDestroyNotify) signed_free);
}

/* -------------------------------------------------------------------------------------- */
/* Callbacks                                                                              */
/* -------------------------------------------------------------------------------------- */

static void
stage_cb (RempartPublishDialog *self, int stage)
{
  switch (stage)
    {
      case REMPART_PUBLISH_STAGE_CHECKING:
        set_stage (self, _ ("Checking what the server holds…"), 0.2);
        break;
      case REMPART_PUBLISH_STAGE_FEED:
        set_stage (self, _ ("Uploading the feed…"), 0.4);
        break;
      case REMPART_PUBLISH_STAGE_SIGNATURE:
        set_stage (self, _ ("Uploading the signature…"), 0.6);
        break;
      case REMPART_PUBLISH_STAGE_ROLLING_BACK:
        set_stage (self, _ ("The signature was refused: putting the previous feed back…"), 0.7);
        break;
      case REMPART_PUBLISH_STAGE_CONFIRMING:
      default:
        set_stage (self, _ ("Checking the upload…"), 0.8);
        break;
    }
}

static void
fetched_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (RempartPublishDialog) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) base = NULL;
  g_autofree char *report = NULL;

  self->server_copy = rempart_publisher_fetch_current_finish (self->publisher, result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (self->server_copy == NULL || self->server_copy->feed == NULL)
    {
      /* Translators: result of the publish dialog: the upload failed */
      show_error (self, _ ("Not Published"),
                  error != NULL ? error->message
                                : _ ("Someone else changed the feed on the server, then removed "
                                     "it. Nothing was overwritten; check the server, then "
                                     "publish again."));
      return;
    }
  base = rempart_workspace_dup_published_bytes (self->workspace);
  g_clear_object (&self->merge);
  self->merge = rempart_feed_merge_new (base, self->source, self->server_copy->feed, &error);
  if (self->merge == NULL)
    {
      /* Translators: result of the publish dialog: the upload failed */
      show_error (self, _ ("Not Published"), error->message);
      return;
    }
  report = rempart_feed_merge_describe (self->merge);
  gtk_label_set_text (self->merge_label, report);
  gtk_widget_set_visible (self->choice_box, rempart_feed_merge_get_n_conflicts (self->merge) > 0);
  show_page (self, "conflict", _ ("Publish the _Merge"));
  gtk_widget_grab_focus (GTK_WIDGET (self->cancel_button));
}

static void
published_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (RempartPublishDialog) self = user_data;
  g_autoptr (RempartPublishReceipt) receipt = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *version = NULL;
  RempartPublishTarget target = { 0 };

  receipt = rempart_publisher_publish_finish (self->publisher, result, &error);
  /* Cancelled: the dialog said so and closed already. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->finished)
    return;
  if (g_error_matches (error, REMPART_PUBLISH_ERROR, REMPART_PUBLISH_ERROR_CONFLICT))
    {
      set_stage (self, _ ("Someone else published meanwhile: reading their version…"), 0.3);
      g_clear_pointer (&self->server_copy, rempart_server_copy_free);
      target.feed_url = self->url;
      target.user = g_object_get_data (G_OBJECT (self), "user");
      rempart_publisher_fetch_current_async (self->publisher, &target, self->cancellable,
                                             fetched_cb, g_object_ref (self));
      return;
    }
  if (receipt == NULL)
    {
      show_error (self, error_title (self, error), error->message);
      return;
    }
  if (!adopt (self, receipt->feed, receipt->etag, &error))
    {
      show_error (self, _ ("Published, but Not Saved Here"), error->message);
      return;
    }
  version = g_strdup_printf ("%" G_GINT64_FORMAT, receipt->seq);
  message = g_strdup_printf (_ ("Published (version %s): volunteers get it at their next check"),
                             version);
  finish (self, message);
}

static void
signed_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (RempartPublishDialog) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autofree char *etag = NULL;
  g_autofree char *user = NULL;
  g_autoptr (GBytes) base = NULL;
  Signed *done;
  RempartPublishTarget target = { 0 };

  done = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (g_error_matches (error, REMPART_MINISIGN_ERROR, REMPART_MINISIGN_ERROR_WRONG_PASSWORD))
    {
      ask_password (self, _ ("This password does not open the group’s key. Type it again."));
      return;
    }
  if (g_error_matches (error, REMPART_MINISIGN_ERROR, REMPART_MINISIGN_ERROR_PASSWORD_REQUIRED))
    {
      ask_password (self, _ ("Type the password of the group’s key."));
      return;
    }
  if (done == NULL)
    {
      show_error (self, error_title (self, error), error->message);
      return;
    }
  self->key = g_steal_pointer (&done->key);

  if (exporting (self))
    {
      g_autofree char *message = NULL;

      if (!adopt (self, done->publication->feed, NULL, &error))
        {
          signed_free (done);
          show_error (self, _ ("Exported, but Not Saved Here"), error->message);
          return;
        }
      message =
          g_strdup_printf (_ ("Exported to %s: the feed and its signature"), self->export_dir);
      signed_free (done);
      finish (self, message);
      return;
    }

  if (self->server_copy != NULL)
    {
      /* Publishing a merge: over the copy the moderator saw, and nothing newer. */
      etag = g_strdup (self->server_copy->etag);
      base = g_bytes_ref (self->server_copy->feed);
    }
  else
    {
      etag = rempart_workspace_dup_published_etag (self->workspace);
      base = rempart_workspace_dup_published_bytes (self->workspace);
    }
  user = rempart_workspace_dup_publish_user (self->workspace);
  g_object_set_data_full (G_OBJECT (self), "user", g_strdup (user), g_free);
  target.feed_url = self->url;
  target.user = user;
  target.etag = etag;
  target.base = base;
  /* Translators: publishing progress: connecting to the group’s server */
  set_stage (self, _ ("Connecting…"), 0.1);
  rempart_publisher_publish_async (self->publisher, &target, done->publication, self->cancellable,
                                   published_cb, g_object_ref (self));
  signed_free (done);
}

static void
go (RempartPublishDialog *self)
{
  g_autoptr (GTask) task = NULL;
  SignJob *job;

  if (self->working)
    return;
  if (self->key == NULL && gtk_editable_get_text (GTK_EDITABLE (self->password_row))[0] == '\0')
    {
      ask_password (self, _ ("Type the password of the group’s key."));
      return;
    }

  job = g_new0 (SignJob, 1);
  job->keyring = g_object_ref (self->keyring);
  job->key_name = g_strdup (rempart_workspace_get_feed_url (self->workspace));
  job->password = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->password_row)));
  job->feed = g_bytes_ref (self->source);
  job->export_dir = g_strdup (self->export_dir);
  job->basename = feed_basename (self);
  if (self->key != NULL)
    {
      /* The key is handed to the thread and comes back with the result. */
      job->key = g_steal_pointer (&self->key);
    }

  show_page (self, "working", NULL);
  set_stage (self,
             self->key == NULL && job->key == NULL
                 ? _ ("Opening the key…")
                 /* Translators: publishing progress: signing the feed with the minisign key */
                 : _ ("Signing…"),
             0.05);
  gtk_widget_grab_focus (GTK_WIDGET (self->cancel_button));

  task = g_task_new (self, self->cancellable, signed_cb, g_object_ref (self));
  g_task_set_source_tag (task, go);
  g_task_set_task_data (task, job, (GDestroyNotify) sign_job_free);
  rempart_workers_run_in_thread (task, sign_thread);
}

static void
go_action_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RempartPublishDialog *self = REMPART_PUBLISH_DIALOG (widget);
  g_autoptr (GError) error = NULL;
  const char *page = gtk_stack_get_visible_child_name (self->stack);

  if (g_strcmp0 (page, "conflict") == 0 && self->merge != NULL)
    {
      g_autoptr (GBytes) merged = NULL;

      if (rempart_feed_merge_get_n_conflicts (self->merge) > 0)
        rempart_feed_merge_resolve_all (self->merge,
                                        gtk_check_button_get_active (self->keep_theirs_check)
                                            ? REMPART_MERGE_THEIRS
                                            : REMPART_MERGE_OURS);
      merged = rempart_feed_merge_get_result (self->merge, &error);
      if (merged == NULL)
        {
          /* Translators: result of the publish dialog: the upload failed */
          show_error (self, _ ("Not Published"), error->message);
          return;
        }
      g_clear_pointer (&self->source, g_bytes_unref);
      self->source = g_steal_pointer (&merged);
    }
  else if (g_strcmp0 (page, "error") == 0)
    {
      /* Try again from the start, with the working copy as it is now. */
      g_clear_pointer (&self->server_copy, rempart_server_copy_free);
      g_clear_pointer (&self->source, g_bytes_unref);
      self->source = working_copy_bytes (self->workspace);
    }
  go (self);
}

static void
cancel_action_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RempartPublishDialog *self = REMPART_PUBLISH_DIALOG (widget);

  if (self->working)
    {
      /* The publisher puts the previous pair back when it stops half-way; the working copy
       * is only changed after a publish that went through, which this one no longer is. */
      g_cancellable_cancel (self->cancellable);
      finish (self, exporting (self) ? _ ("Export cancelled: the working copy is as it was")
                                     : _ ("Publishing cancelled: the working copy is as it was"));
      return;
    }
  gtk_window_destroy (GTK_WINDOW (self));
}

/* -------------------------------------------------------------------------------------- */
/* Overrides                                                                              */
/* -------------------------------------------------------------------------------------- */

static void
rempart_publish_dialog_dispose (GObject *object)
{
  RempartPublishDialog *self = REMPART_PUBLISH_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  if (self->publisher != NULL)
    g_signal_handlers_disconnect_by_data (self->publisher, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), REMPART_TYPE_PUBLISH_DIALOG);
  g_clear_object (&self->workspace);
  g_clear_object (&self->keyring);
  g_clear_object (&self->publisher);
  g_clear_object (&self->merge);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->server_copy, rempart_server_copy_free);
  g_clear_pointer (&self->source, g_bytes_unref);
  g_clear_pointer (&self->key, rempart_minisign_secret_key_unref);

  G_OBJECT_CLASS (rempart_publish_dialog_parent_class)->dispose (object);
}

static void
rempart_publish_dialog_finalize (GObject *object)
{
  RempartPublishDialog *self = REMPART_PUBLISH_DIALOG (object);

  g_free (self->export_dir);
  g_free (self->url);

  G_OBJECT_CLASS (rempart_publish_dialog_parent_class)->finalize (object);
}

static void
rempart_publish_dialog_class_init (RempartPublishDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rempart_publish_dialog_dispose;
  object_class->finalize = rempart_publish_dialog_finalize;

  signals[FINISHED] = g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                    NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/rempart-publish-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RempartPublishDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, RempartPublishDialog, go_button);
  gtk_widget_class_bind_template_child (widget_class, RempartPublishDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, RempartPublishDialog, where_label);
  gtk_widget_class_bind_template_child (widget_class, RempartPublishDialog, password_row);
  gtk_widget_class_bind_template_child (widget_class, RempartPublishDialog, password_message);
  gtk_widget_class_bind_template_child (widget_class, RempartPublishDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, RempartPublishDialog, stage_label);
  gtk_widget_class_bind_template_child (widget_class, RempartPublishDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, RempartPublishDialog, error_page);
  gtk_widget_class_bind_template_child (widget_class, RempartPublishDialog, merge_label);
  gtk_widget_class_bind_template_child (widget_class, RempartPublishDialog, choice_box);
  gtk_widget_class_bind_template_child (widget_class, RempartPublishDialog, keep_theirs_check);

  gtk_widget_class_install_action (widget_class, "publish.go", NULL, go_action_cb);
  gtk_widget_class_install_action (widget_class, "publish.cancel", NULL, cancel_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "publish.cancel", NULL);
}

static void
rempart_publish_dialog_init (RempartPublishDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  g_signal_connect_swapped (self->password_row, "entry-activated", G_CALLBACK (go), self);
}

/* -------------------------------------------------------------------------------------- */
/* Public API                                                                             */
/* -------------------------------------------------------------------------------------- */

RempartPublishDialog *
rempart_publish_dialog_new (GtkWindow *parent,
                            RempartWorkspace *workspace,
                            RempartKeyring *keyring,
                            const char *export_dir)
{
  RempartPublishDialog *self;
  g_autofree char *user = NULL;
  g_autofree char *where = NULL;

  g_return_val_if_fail (REMPART_IS_WORKSPACE (workspace), NULL);
  g_return_val_if_fail (REMPART_IS_KEYRING (keyring), NULL);

  self = g_object_new (REMPART_TYPE_PUBLISH_DIALOG, "transient-for", parent, NULL);
  self->workspace = g_object_ref (workspace);
  self->keyring = g_object_ref (keyring);
  self->export_dir = g_strdup (export_dir);
  self->url = rempart_workspace_dup_publish_url (workspace);
  if (self->url == NULL)
    self->url = g_strdup (rempart_workspace_get_feed_url (workspace));
  self->source = working_copy_bytes (workspace);
  self->publisher = rempart_publisher_new ();
  rempart_publisher_set_keyring (self->publisher, keyring);
  rempart_publisher_set_timeout (self->publisher, PUBLISH_TIMEOUT_SECONDS);
  g_signal_connect_swapped (self->publisher, "stage", G_CALLBACK (stage_cb), self);

  user = rempart_workspace_dup_publish_user (workspace);
  if (export_dir != NULL)
    {
      gtk_window_set_title (GTK_WINDOW (self), _ ("Export to Folder"));
      where = g_strdup_printf (_ ("“%s” will be signed and written to %s, with its signature "
                                  "beside it."),
                               rempart_workspace_get_title (workspace), export_dir);
    }
  else if (user != NULL)
    where = g_strdup_printf (_ ("“%s” will be signed and published to %s as %s."),
                             rempart_workspace_get_title (workspace),
                             self->url != NULL ? self->url : "", user);
  else
    where = g_strdup_printf (_ ("“%s” will be signed and published to %s."),
                             rempart_workspace_get_title (workspace),
                             self->url != NULL ? self->url : "");
  gtk_label_set_text (self->where_label, where);
  ask_password (self, NULL);
  return self;
}
