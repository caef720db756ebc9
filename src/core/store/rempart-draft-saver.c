/* rempart-draft-saver.c
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rempart-draft-saver.h"

/*
 * Saving on every keystroke would queue a write per character; saving only on quiet would
 * never save while someone types without pause. So: a 300 ms quiet timer, restarted on each
 * change, and a 1 s deadline set by the first unsaved change and not restarted. Either one
 * firing saves. Runs on the thread-default main context of its creator (the UI thread);
 * the write itself happens on the store's worker.
 *
 * Signals:
 *   saved (GError *error): a save finished; @error is %NULL on success. The UI shows a
 *     failure; the text stays unsaved and the next change or flush tries again.
 */

struct _RempartDraftSaver
{
  GObject parent_instance;

  RempartStore *store;
  char *subscription_url;
  char *action_id;

  char *text;
  char *template_id;
  gboolean queued;
  gboolean dirty;

  guint quiet_id;
  guint deadline_id;
};

G_DEFINE_FINAL_TYPE (RempartDraftSaver, rempart_draft_saver, G_TYPE_OBJECT)

enum
{
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* -------------------------------------------------------------------------------------- */
/* Callbacks                                                                              */
/* -------------------------------------------------------------------------------------- */

/* The saver may be gone when the save completes (dispose flushes): hold it weakly. */
static void
save_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  GWeakRef *weak = user_data;
  g_autoptr (RempartDraftSaver) self = g_weak_ref_get (weak);
  g_autoptr (GError) error = NULL;

  rempart_store_save_draft_finish (REMPART_STORE (source), result, &error);
  g_weak_ref_clear (weak);
  g_free (weak);

  if (self == NULL)
    return;

  if (error != NULL)
    self->dirty = TRUE;
  g_signal_emit (self, signals[SAVED], 0, error);
}

static gboolean
timeout_cb (gpointer user_data)
{
  rempart_draft_saver_flush (user_data);
  return G_SOURCE_REMOVE;
}

/* -------------------------------------------------------------------------------------- */
/* Overrides                                                                              */
/* -------------------------------------------------------------------------------------- */

static void
rempart_draft_saver_dispose (GObject *object)
{
  RempartDraftSaver *self = REMPART_DRAFT_SAVER (object);

  if (self->store != NULL)
    rempart_draft_saver_flush (self);
  g_clear_handle_id (&self->quiet_id, g_source_remove);
  g_clear_handle_id (&self->deadline_id, g_source_remove);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (rempart_draft_saver_parent_class)->dispose (object);
}

static void
rempart_draft_saver_finalize (GObject *object)
{
  RempartDraftSaver *self = REMPART_DRAFT_SAVER (object);

  g_free (self->subscription_url);
  g_free (self->action_id);
  g_free (self->text);
  g_free (self->template_id);

  G_OBJECT_CLASS (rempart_draft_saver_parent_class)->finalize (object);
}

static void
rempart_draft_saver_class_init (RempartDraftSaverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rempart_draft_saver_dispose;
  object_class->finalize = rempart_draft_saver_finalize;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                 NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
rempart_draft_saver_init (RempartDraftSaver *self)
{
}

/* -------------------------------------------------------------------------------------- */
/* Public API                                                                             */
/* -------------------------------------------------------------------------------------- */

RempartDraftSaver *
rempart_draft_saver_new (RempartStore *store, const char *subscription_url, const char *action_id)
{
  RempartDraftSaver *self;

  g_return_val_if_fail (REMPART_IS_STORE (store), NULL);
  g_return_val_if_fail (subscription_url != NULL && action_id != NULL, NULL);

  self = g_object_new (REMPART_TYPE_DRAFT_SAVER, NULL);
  self->store = g_object_ref (store);
  self->subscription_url = g_strdup (subscription_url);
  self->action_id = g_strdup (action_id);
  return self;
}

void
rempart_draft_saver_set_text (RempartDraftSaver *self,
                              const char *text,
                              const char *template_id,
                              gboolean queued)
{
  g_return_if_fail (REMPART_IS_DRAFT_SAVER (self));

  g_free (self->text);
  self->text = g_strdup (text != NULL ? text : "");
  g_free (self->template_id);
  self->template_id = g_strdup (template_id);
  self->queued = queued;
  self->dirty = TRUE;

  g_clear_handle_id (&self->quiet_id, g_source_remove);
  self->quiet_id = g_timeout_add (REMPART_DRAFT_SAVER_QUIET_MS, timeout_cb, self);
  if (self->deadline_id == 0)
    self->deadline_id = g_timeout_add (REMPART_DRAFT_SAVER_MAX_DELAY_MS, timeout_cb, self);
}

/*
 * rempart_draft_saver_flush:
 *
 * Saves the unsaved text now (asynchronously; the store runs its jobs in order, so anything
 * queued after this sees the text). Does nothing when everything is saved.
 */
void
rempart_draft_saver_flush (RempartDraftSaver *self)
{
  RempartDraft draft = { 0 };
  GWeakRef *weak;

  g_return_if_fail (REMPART_IS_DRAFT_SAVER (self));

  g_clear_handle_id (&self->quiet_id, g_source_remove);
  g_clear_handle_id (&self->deadline_id, g_source_remove);
  if (!self->dirty || self->store == NULL)
    return;

  draft.subscription_url = self->subscription_url;
  draft.action_id = self->action_id;
  draft.text = self->text;
  draft.template_id = self->template_id;
  draft.queued = self->queued;
  self->dirty = FALSE;

  weak = g_new0 (GWeakRef, 1);
  g_weak_ref_init (weak, self);
  rempart_store_save_draft_async (self->store, &draft, NULL, save_cb, weak);
}

gboolean
rempart_draft_saver_has_unsaved_changes (RempartDraftSaver *self)
{
  g_return_val_if_fail (REMPART_IS_DRAFT_SAVER (self), FALSE);

  return self->dirty;
}
