/* rempart-composer-draft.c: the composer's draft, and what the volunteer did with the reply
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Rempart"

#include "config.h"

#include <glib/gi18n.h>

#include "rempart-composer-private.h"
#include "rempart-page-util.h"

/*
 * Every change goes to a RempartDraftSaver, which writes it within a second, so a crash loses
 * at most that much. The draft is read with the item's cancellable; the writes (the draft,
 * the states) carry none, so that what the volunteer did is recorded even when the composer
 * goes away first.
 */

static void state_added_cb (GObject *source, GAsyncResult *result, gpointer user_data);

/* -------------------------------------------------------------------------------------- */
/* Helpers                                                                                */
/* -------------------------------------------------------------------------------------- */

static void
save_now (RempartComposer *self)
{
  g_autofree char *text = NULL;

  if (self->saver == NULL)
    return;

  text = rempart_composer_get_buffer_text (self);
  rempart_draft_saver_set_text (self->saver, text, self->template_id, self->queued);
  rempart_draft_saver_flush (self->saver);
}

static void
record_state (RempartComposer *self, RempartActionState flags)
{
  if (self->item == NULL || self->store == NULL)
    return;

  rempart_action_item_set_state (self->item, rempart_action_item_get_state (self->item) | flags);
  rempart_store_add_action_state_async (
      self->store, rempart_action_item_get_subscription_url (self->item),
      rempart_action_item_get_id (self->item), flags, NULL, state_added_cb, g_object_ref (self));
}

/* -------------------------------------------------------------------------------------- */
/* Callbacks                                                                              */
/* -------------------------------------------------------------------------------------- */

static void
saver_saved_cb (RempartDraftSaver *saver, const GError *error, RempartComposer *self)
{
  if (error != NULL)
    rempart_page_show_error (GTK_WIDGET (self), _ ("Could not save your reply"), error);
}

static void
draft_loaded_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  RempartComposerRead *data = user_data;
  g_autoptr (RempartComposer) self = g_object_ref (data->self);
  g_autoptr (GError) error = NULL;
  g_autoptr (RempartDraft) draft =
      rempart_store_load_draft_finish (REMPART_STORE (source), result, &error);

  /* A load that finished after the item changed must not land in the next one. */
  if (!rempart_composer_read_finish (data))
    return;

  if (error != NULL)
    rempart_page_show_error (GTK_WIDGET (self), _ ("Could not read your saved reply"), error);

  if (draft != NULL)
    {
      g_free (self->template_id);
      self->template_id = g_strdup (draft->template_id);
      self->queued = draft->queued;
      rempart_composer_set_text_silently (self, draft->text);
    }

  self->draft_loaded = TRUE;
  self->saver =
      rempart_draft_saver_new (self->store, rempart_action_item_get_subscription_url (self->item),
                               rempart_action_item_get_id (self->item));
  g_signal_connect (self->saver, "saved", G_CALLBACK (saver_saved_cb), self);

  rempart_composer_reply_restored (self);
}

static void
state_added_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (RempartComposer) self = user_data;
  g_autoptr (GError) error = NULL;

  if (!rempart_store_add_action_state_finish (REMPART_STORE (source), result, &error))
    rempart_page_show_error (GTK_WIDGET (self), _ ("Could not save what you did"), error);
}

static void
copy_and_open_widget_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RempartComposer *self = REMPART_COMPOSER (widget);
  RempartAction *feed_action = rempart_composer_get_feed_action (self);
  g_autofree char *text = NULL;

  if (feed_action == NULL || rempart_action_get_url (feed_action) == NULL)
    return;

  text = rempart_composer_get_buffer_text (self);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);
  save_now (self);
  record_state (self, REMPART_ACTION_STATE_JOINED | REMPART_ACTION_STATE_OPENED);
  rempart_page_launch_uri (widget, rempart_action_get_url (feed_action));

  gtk_widget_set_visible (GTK_WIDGET (self->done_label), TRUE);
}

static void
queue_widget_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RempartComposer *self = REMPART_COMPOSER (widget);

  if (self->item == NULL || self->saver == NULL)
    return;

  self->queued = TRUE;
  save_now (self);
  record_state (self, REMPART_ACTION_STATE_JOINED);
  rempart_action_item_set_queued (self->item, TRUE);
  rempart_action_item_set_has_draft (self->item, TRUE);
  rempart_composer_emit_queued (self);
}

static void
mark_posted_widget_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RempartComposer *self = REMPART_COMPOSER (widget);

  if (self->item == NULL || self->saver == NULL)
    return;

  /* A posted reply is done: it leaves the queue, and the text stays as a record. */
  self->queued = FALSE;
  save_now (self);
  record_state (self, REMPART_ACTION_STATE_JOINED | REMPART_ACTION_STATE_POSTED);
  rempart_action_item_set_queued (self->item, FALSE);
  rempart_composer_emit_posted (self);
}

/* -------------------------------------------------------------------------------------- */
/* Internal API                                                                           */
/* -------------------------------------------------------------------------------------- */

void
rempart_composer_draft_install_widget_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "composer.copy-and-open", NULL,
                                   copy_and_open_widget_action);
  gtk_widget_class_install_action (widget_class, "composer.queue", NULL, queue_widget_action);
  gtk_widget_class_install_action (widget_class, "composer.mark-posted", NULL,
                                   mark_posted_widget_action);
}

void
rempart_composer_draft_load (RempartComposer *self)
{
  rempart_store_load_draft_async (self->store,
                                  rempart_action_item_get_subscription_url (self->item),
                                  rempart_action_item_get_id (self->item), self->cancellable,
                                  draft_loaded_cb, rempart_composer_read_new (self));
}

void
rempart_composer_draft_text_changed (RempartComposer *self)
{
  g_autofree char *text = NULL;

  if (self->suppress_save > 0 || self->saver == NULL)
    return;

  text = rempart_composer_get_buffer_text (self);
  rempart_draft_saver_set_text (self->saver, text, self->template_id, self->queued);
  if (self->item != NULL && text[0] != '\0')
    rempart_action_item_set_has_draft (self->item, TRUE);
}

void
rempart_composer_draft_drop_saver (RempartComposer *self)
{
  if (self->saver == NULL)
    return;

  /* Whatever was typed last goes to the store now, before the item changes. */
  rempart_draft_saver_flush (self->saver);
  g_signal_handlers_disconnect_by_data (self->saver, self);
  g_clear_object (&self->saver);
}
