/* rempart-demo-drafts.c: the volunteer's replies to the example actions outlive them
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Rempart"

#include "config.h"

#include <glib/gi18n.h>

#include "rempart-demo.h"
#include "rempart-workers.h"

/*
 * Removing the examples removes the volunteer's rows keyed by their address, drafts
 * included. A reply someone wrote is never dropped: before the examples go, each example
 * draft with words in it becomes one of the volunteer's own templates, titled after its
 * action, where it can be read, copied and used again (Preferences → Templates, and the
 * composer's list of templates).
 */

static gboolean
has_words (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

static gboolean
keep_one (RempartStore *store, RempartStoredAction *stored, guint *kept, GError **error)
{
  g_autoptr (RempartDraft) draft = NULL;
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *id = NULL;
  g_autofree char *title = NULL;
  const char *empty[] = { NULL };
  RempartUserTemplate tmpl = { 0 };

  draft = rempart_store_load_draft_sync (store, stored->subscription_url,
                                         rempart_action_get_id (stored->action), error);
  if (draft == NULL)
    return error == NULL || *error == NULL;
  if (!has_words (draft->text))
    return TRUE;

  id = g_strdup_printf ("kept-%s", uuid);
  /* Translators: the title of a reply kept from an example action; %s is its title */
  title = g_strdup_printf (_ ("Reply to “%s”"), rempart_action_get_title (stored->action));
  tmpl.id = id;
  tmpl.title = title;
  tmpl.language = (char *) rempart_action_get_language (stored->action);
  tmpl.topics = (GStrv) empty;
  tmpl.body = draft->text;
  if (!rempart_store_save_user_template_sync (store, &tmpl, error))
    return FALSE;

  (*kept)++;
  return TRUE;
}

static gint64
keep_drafts (RempartStore *store, GCancellable *cancellable, GError **error)
{
  g_autoptr (GPtrArray) actions = NULL;
  guint kept = 0;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return -1;
  actions = rempart_store_list_actions_sync (store, REMPART_ACTION_VIEW_ALL, error);
  if (actions == NULL)
    return -1;

  for (guint i = 0; i < actions->len; i++)
    {
      RempartStoredAction *stored = g_ptr_array_index (actions, i);

      if (stored->has_draft && rempart_demo_is_demo_url (stored->subscription_url) &&
          !keep_one (store, stored, &kept, error))
        return -1;
    }

  return kept;
}

static void
keep_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  GError *error = NULL;
  gint64 kept = keep_drafts (REMPART_STORE (source), cancellable, &error);

  if (kept < 0)
    g_task_return_error (task, error);
  else
    g_task_return_int (task, kept);
}

void
rempart_demo_keep_drafts_async (RempartStore *store,
                                GCancellable *cancellable,
                                GAsyncReadyCallback callback,
                                gpointer user_data)
{
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (REMPART_IS_STORE (store));

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, rempart_demo_keep_drafts_async);
  rempart_workers_run_in_thread (task, keep_thread);
}

gint64
rempart_demo_keep_drafts_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (G_IS_TASK (result), -1);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == rempart_demo_keep_drafts_async,
                        -1);

  return g_task_propagate_int (G_TASK (result), error);
}

gint64
rempart_demo_keep_drafts_sync (RempartStore *store, GCancellable *cancellable, GError **error)
{
  g_return_val_if_fail (REMPART_IS_STORE (store), -1);

  return keep_drafts (store, cancellable, error);
}
