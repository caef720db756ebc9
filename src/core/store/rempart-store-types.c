/* rempart-store-types.c: the plain structs the store hands out
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rempart-store-types.h"

/* Written out rather than G_DEFINE_QUARK: clang-format reads the quark's name as a
 * subtraction and spaces it out, which changes the registered name. */
GQuark
rempart_store_error_quark (void)
{
  return g_quark_from_static_string ("rempart-store-error-quark");
}

G_DEFINE_BOXED_TYPE (RempartSubscription,
                     rempart_subscription,
                     rempart_subscription_copy,
                     rempart_subscription_free)

G_DEFINE_BOXED_TYPE (RempartStoredAction,
                     rempart_stored_action,
                     rempart_stored_action_copy,
                     rempart_stored_action_free)

G_DEFINE_BOXED_TYPE (RempartDraft, rempart_draft, rempart_draft_copy, rempart_draft_free)

G_DEFINE_BOXED_TYPE (RempartFeedInfo,
                     rempart_feed_info,
                     rempart_feed_info_copy,
                     rempart_feed_info_free)

G_DEFINE_BOXED_TYPE (RempartUserTemplate,
                     rempart_user_template,
                     rempart_user_template_copy,
                     rempart_user_template_free)

/* -------------------------------------------------------------------------------------- */
/* Subscriptions                                                                          */
/* -------------------------------------------------------------------------------------- */

RempartSubscription *
rempart_subscription_copy (const RempartSubscription *sub)
{
  RempartSubscription *copy;

  g_return_val_if_fail (sub != NULL, NULL);

  copy = g_memdup2 (sub, sizeof *sub);
  copy->url = g_strdup (sub->url);
  copy->public_key = g_strdup (sub->public_key);
  copy->title = g_strdup (sub->title);
  copy->etag = g_strdup (sub->etag);
  copy->last_modified = g_strdup (sub->last_modified);
  copy->last_error = g_strdup (sub->last_error);
  copy->description = g_strdup (sub->description);
  copy->next_public_key = g_strdup (sub->next_public_key);
  return copy;
}

void
rempart_subscription_free (RempartSubscription *sub)
{
  if (sub == NULL)
    return;

  g_free (sub->url);
  g_free (sub->public_key);
  g_free (sub->next_public_key);
  g_free (sub->title);
  g_free (sub->description);
  g_free (sub->etag);
  g_free (sub->last_modified);
  g_free (sub->last_error);
  g_free (sub);
}

/*
 * rempart_subscription_is_stale:
 *
 * Returns: whether the feed's own `expires` has passed: its actions may be out of date and
 *   the list should say so
 */
gboolean
rempart_subscription_is_stale (const RempartSubscription *sub, gint64 now)
{
  g_return_val_if_fail (sub != NULL, FALSE);

  return sub->expires > 0 && now >= sub->expires;
}

/* -------------------------------------------------------------------------------------- */
/* Stored actions and drafts                                                              */
/* -------------------------------------------------------------------------------------- */

RempartStoredAction *
rempart_stored_action_copy (const RempartStoredAction *stored)
{
  RempartStoredAction *copy;

  g_return_val_if_fail (stored != NULL, NULL);

  copy = g_memdup2 (stored, sizeof *stored);
  if (!stored->url_interned)
    copy->subscription_url = g_strdup (stored->subscription_url);
  /* Actions are immutable: sharing one is a copy. */
  copy->action = stored->action != NULL ? g_object_ref (stored->action) : NULL;
  copy->search_text = g_strdup (stored->search_text);
  /* queued and has_draft (schema 3) are plain values: g_memdup2 copied them. */
  return copy;
}

void
rempart_stored_action_free (RempartStoredAction *stored)
{
  if (stored == NULL)
    return;

  if (!stored->url_interned)
    g_free (stored->subscription_url);
  g_clear_object (&stored->action);
  g_free (stored->search_text);
  g_free (stored);
}

RempartDraft *
rempart_draft_copy (const RempartDraft *draft)
{
  RempartDraft *copy;

  g_return_val_if_fail (draft != NULL, NULL);

  copy = g_memdup2 (draft, sizeof *draft);
  copy->subscription_url = g_strdup (draft->subscription_url);
  copy->action_id = g_strdup (draft->action_id);
  copy->text = g_strdup (draft->text);
  copy->template_id = g_strdup (draft->template_id);
  return copy;
}

void
rempart_draft_free (RempartDraft *draft)
{
  if (draft == NULL)
    return;

  g_free (draft->subscription_url);
  g_free (draft->action_id);
  g_free (draft->text);
  g_free (draft->template_id);
  g_free (draft);
}

/* -------------------------------------------------------------------------------------- */
/* User templates                                                                         */
/* -------------------------------------------------------------------------------------- */

RempartUserTemplate *
rempart_user_template_copy (const RempartUserTemplate *tmpl)
{
  RempartUserTemplate *copy;

  g_return_val_if_fail (tmpl != NULL, NULL);

  copy = g_memdup2 (tmpl, sizeof *tmpl);
  copy->id = g_strdup (tmpl->id);
  copy->title = g_strdup (tmpl->title);
  copy->language = g_strdup (tmpl->language);
  copy->topics = tmpl->topics != NULL ? g_strdupv (tmpl->topics) : g_new0 (char *, 1);
  copy->body = g_strdup (tmpl->body);
  copy->when_text = g_strdup (tmpl->when_text);
  return copy;
}

void
rempart_user_template_free (RempartUserTemplate *tmpl)
{
  if (tmpl == NULL)
    return;

  g_free (tmpl->id);
  g_free (tmpl->title);
  g_free (tmpl->language);
  g_strfreev (tmpl->topics);
  g_free (tmpl->body);
  g_free (tmpl->when_text);
  g_free (tmpl);
}

/* -------------------------------------------------------------------------------------- */
/* Feed info                                                                              */
/* -------------------------------------------------------------------------------------- */

RempartFeedInfo *
rempart_feed_info_copy (const RempartFeedInfo *info)
{
  RempartFeedInfo *copy;

  g_return_val_if_fail (info != NULL, NULL);

  copy = g_memdup2 (info, sizeof *info);
  copy->subscription_url = g_strdup (info->subscription_url);
  copy->title = g_strdup (info->title);
  copy->about = g_strdup (info->about);
  copy->language = g_strdup (info->language);
  copy->hashtag = g_strdup (info->hashtag);
  copy->rules = info->rules != NULL ? g_strdupv (info->rules) : g_new0 (char *, 1);
  copy->templates = g_ptr_array_new_with_free_func ((GDestroyNotify) rempart_feed_template_free);
  for (guint i = 0; info->templates != NULL && i < info->templates->len; i++)
    g_ptr_array_add (copy->templates,
                     rempart_feed_template_copy (g_ptr_array_index (info->templates, i)));
  return copy;
}

void
rempart_feed_info_free (RempartFeedInfo *info)
{
  if (info == NULL)
    return;

  g_free (info->subscription_url);
  g_free (info->title);
  g_free (info->about);
  g_free (info->language);
  g_free (info->hashtag);
  g_strfreev (info->rules);
  g_clear_pointer (&info->templates, g_ptr_array_unref);
  g_free (info);
}
