/* rempart-action-item.c: one stored action as a GObject, for list models and bindings
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rempart-action-item-private.h"
#include "rempart-search-text.h"
#include "rempart-store-action.h"
#include "rempart-topic-names.h"

/*
 * The item owns a copy of the stored action. Every property is derived from it, so an update
 * swaps the copy and compares the derived values before and after: a row widget bound to
 * "state" is only told about a change of state, never about an unchanged re-import.
 *
 * A list row holds only the list's fields (RempartStoredAction.row_only): the details of
 * 10,000 actions are neither parsed nor kept. get_action_async() reads one action's from the
 * store and keeps them in the stored copy (its action replaced by the whole one, whose list
 * fields are the same: nothing notifies but has-details). A reload hands a new row: when its
 * content tag is the one the details were read with, the whole action moves over to it.
 */

struct _RempartActionItem
{
  GObject parent_instance;

  RempartStoredAction *stored;
  char *search_key; /* (nullable) made on first use, dropped when its fields change */
};

G_DEFINE_FINAL_TYPE (RempartActionItem, rempart_action_item, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_TITLE,
  PROP_TOPIC_NAME,
  PROP_PLATFORM,
  PROP_EXPIRES,
  PROP_STATE,
  PROP_ARCHIVED,
  PROP_HIGH_PRIORITY,
  PROP_QUEUED,
  PROP_HAS_DRAFT,
  PROP_HAS_DETAILS,
  PROP_CONTENT_TAG,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* -------------------------------------------------------------------------------------- */
/* Helpers                                                                                */
/* -------------------------------------------------------------------------------------- */

static gint64
expires_of (RempartAction *action)
{
  GDateTime *expires = action != NULL ? rempart_action_get_expires (action) : NULL;

  return expires != NULL ? g_date_time_to_unix (expires) : 0;
}

static const char *
topic_name_of (RempartAction *action)
{
  RempartTopic topic = action != NULL ? rempart_action_get_topic (action) : REMPART_TOPIC_NONE;

  return topic != REMPART_TOPIC_NONE ? rempart_topic_get_display_name (topic) : NULL;
}

static gboolean
high_priority_of (RempartAction *action)
{
  return action != NULL && rempart_action_get_priority (action) == REMPART_PRIORITY_HIGH;
}

/* The details of the stored copy's action, read with @content_tag: kept when the copy is
 * still that action (a reload may have brought another since). */
static void
take_details (RempartActionItem *self, RempartAction *action, guint64 content_tag)
{
  if (!self->stored->row_only || content_tag == 0 || content_tag != self->stored->content_tag ||
      g_strcmp0 (rempart_action_get_id (action), rempart_action_item_get_id (self)) != 0)
    return;

  g_set_object (&self->stored->action, action);
  self->stored->row_only = FALSE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_DETAILS]);
}

/* -------------------------------------------------------------------------------------- */
/* Callbacks                                                                              */
/* -------------------------------------------------------------------------------------- */

static void
action_read_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  RempartActionItem *self = g_task_get_source_object (task);
  g_autoptr (RempartAction) action = NULL;
  g_autoptr (GError) error = NULL;
  guint64 content_tag = 0;

  action = rempart_store_read_action_finish (REMPART_STORE (source), result, &content_tag, &error);
  if (action == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* Kept even when the caller has gone: the next page opened on it needs no read. */
  take_details (self, action, content_tag);
  g_task_return_pointer (task, g_steal_pointer (&action), g_object_unref);
}

/* -------------------------------------------------------------------------------------- */
/* GObject                                                                                */
/* -------------------------------------------------------------------------------------- */

static void
rempart_action_item_finalize (GObject *object)
{
  RempartActionItem *self = REMPART_ACTION_ITEM (object);

  g_clear_pointer (&self->stored, rempart_stored_action_free);
  g_clear_pointer (&self->search_key, g_free);

  G_OBJECT_CLASS (rempart_action_item_parent_class)->finalize (object);
}

static void
rempart_action_item_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  RempartActionItem *self = REMPART_ACTION_ITEM (object);

  switch (prop_id)
    {
      case PROP_TITLE:
        g_value_set_string (value, rempart_action_item_get_title (self));
        break;
      case PROP_TOPIC_NAME:
        g_value_set_string (value, rempart_action_item_get_topic_name (self));
        break;
      case PROP_PLATFORM:
        g_value_set_string (value, rempart_action_item_get_platform (self));
        break;
      case PROP_EXPIRES:
        g_value_set_int64 (value, rempart_action_item_get_expires (self));
        break;
      case PROP_STATE:
        g_value_set_uint (value, rempart_action_item_get_state (self));
        break;
      case PROP_ARCHIVED:
        g_value_set_boolean (value, rempart_action_item_get_archived (self));
        break;
      case PROP_HIGH_PRIORITY:
        g_value_set_boolean (value, rempart_action_item_get_high_priority (self));
        break;
      case PROP_QUEUED:
        g_value_set_boolean (value, rempart_action_item_get_queued (self));
        break;
      case PROP_HAS_DRAFT:
        g_value_set_boolean (value, rempart_action_item_get_has_draft (self));
        break;
      case PROP_HAS_DETAILS:
        g_value_set_boolean (value, rempart_action_item_has_details (self));
        break;
      case PROP_CONTENT_TAG:
        g_value_set_uint64 (value, rempart_action_item_get_content_tag (self));
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rempart_action_item_class_init (RempartActionItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = rempart_action_item_finalize;
  object_class->get_property = rempart_action_item_get_property;

  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_TOPIC_NAME] = g_param_spec_string ("topic-name", NULL, NULL, NULL, flags);
  properties[PROP_PLATFORM] = g_param_spec_string ("platform", NULL, NULL, NULL, flags);
  properties[PROP_EXPIRES] = g_param_spec_int64 ("expires", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_STATE] = g_param_spec_uint ("state", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_ARCHIVED] = g_param_spec_boolean ("archived", NULL, NULL, FALSE, flags);
  properties[PROP_HIGH_PRIORITY] = g_param_spec_boolean ("high-priority", NULL, NULL, FALSE, flags);
  properties[PROP_QUEUED] = g_param_spec_boolean ("queued", NULL, NULL, FALSE, flags);
  properties[PROP_HAS_DRAFT] = g_param_spec_boolean ("has-draft", NULL, NULL, FALSE, flags);
  properties[PROP_HAS_DETAILS] = g_param_spec_boolean ("has-details", NULL, NULL, FALSE, flags);
  properties[PROP_CONTENT_TAG] =
      g_param_spec_uint64 ("content-tag", NULL, NULL, 0, G_MAXUINT64, 0, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rempart_action_item_init (RempartActionItem *self)
{
}

/* -------------------------------------------------------------------------------------- */
/* Public API                                                                             */
/* -------------------------------------------------------------------------------------- */

RempartActionItem *
rempart_action_item_new_take (RempartStoredAction *stored)
{
  RempartActionItem *self;

  g_return_val_if_fail (stored != NULL, NULL);
  g_return_val_if_fail (REMPART_IS_ACTION (stored->action), NULL);

  self = g_object_new (REMPART_TYPE_ACTION_ITEM, NULL);
  self->stored = stored;
  return self;
}

RempartActionItem *
rempart_action_item_new (const RempartStoredAction *stored)
{
  g_return_val_if_fail (stored != NULL, NULL);
  g_return_val_if_fail (REMPART_IS_ACTION (stored->action), NULL);

  return rempart_action_item_new_take (rempart_stored_action_copy (stored));
}

const RempartStoredAction *
rempart_action_item_get_stored (RempartActionItem *self)
{
  g_return_val_if_fail (REMPART_IS_ACTION_ITEM (self), NULL);

  return self->stored;
}

RempartAction *
rempart_action_item_peek_action (RempartActionItem *self)
{
  g_return_val_if_fail (REMPART_IS_ACTION_ITEM (self), NULL);

  return self->stored->action;
}

gboolean
rempart_action_item_has_details (RempartActionItem *self)
{
  g_return_val_if_fail (REMPART_IS_ACTION_ITEM (self), FALSE);

  return !self->stored->row_only;
}

/* The stored row's content tag (RempartStoredAction.content_tag; 0 when unknown): it changes,
 * and is notified, whenever a reload brings another content for the action. */
guint64
rempart_action_item_get_content_tag (RempartActionItem *self)
{
  g_return_val_if_fail (REMPART_IS_ACTION_ITEM (self), 0);

  return self->stored->content_tag;
}

void
rempart_action_item_get_action_async (RempartActionItem *self,
                                      RempartStore *store,
                                      GCancellable *cancellable,
                                      GAsyncReadyCallback callback,
                                      gpointer user_data)
{
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (REMPART_IS_ACTION_ITEM (self));
  g_return_if_fail (store == NULL || REMPART_IS_STORE (store));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, rempart_action_item_get_action_async);

  if (!self->stored->row_only)
    g_task_return_pointer (task, g_object_ref (self->stored->action), g_object_unref);
  else if (store == NULL)
    g_task_return_new_error (task, REMPART_STORE_ERROR, REMPART_STORE_ERROR_CLOSED,
                             /* Translators: %s is an action's id in its group's feed */
                             _ ("The action “%s” cannot be read: its list has no database open."),
                             rempart_action_item_get_id (self));
  else
    rempart_store_read_action_async (store, self->stored->subscription_id,
                                     rempart_action_item_get_id (self), cancellable, action_read_cb,
                                     g_steal_pointer (&task));
}

RempartAction *
rempart_action_item_get_action_finish (RempartActionItem *self,
                                       GAsyncResult *result,
                                       GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (
      g_task_get_source_tag (G_TASK (result)) == rempart_action_item_get_action_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

const char *
rempart_action_item_get_subscription_url (RempartActionItem *self)
{
  g_return_val_if_fail (REMPART_IS_ACTION_ITEM (self), NULL);

  return self->stored->subscription_url;
}

gint64
rempart_action_item_get_subscription_id (RempartActionItem *self)
{
  g_return_val_if_fail (REMPART_IS_ACTION_ITEM (self), 0);

  return self->stored->subscription_id;
}

const char *
rempart_action_item_get_id (RempartActionItem *self)
{
  g_return_val_if_fail (REMPART_IS_ACTION_ITEM (self), NULL);

  return rempart_action_get_id (self->stored->action);
}

const char *
rempart_action_item_get_title (RempartActionItem *self)
{
  g_return_val_if_fail (REMPART_IS_ACTION_ITEM (self), NULL);

  return rempart_action_get_title (self->stored->action);
}

const char *
rempart_action_item_get_topic_name (RempartActionItem *self)
{
  g_return_val_if_fail (REMPART_IS_ACTION_ITEM (self), NULL);

  return topic_name_of (self->stored->action);
}

const char *
rempart_action_item_get_platform (RempartActionItem *self)
{
  g_return_val_if_fail (REMPART_IS_ACTION_ITEM (self), NULL);

  return rempart_action_get_platform (self->stored->action);
}

gint64
rempart_action_item_get_expires (RempartActionItem *self)
{
  g_return_val_if_fail (REMPART_IS_ACTION_ITEM (self), 0);

  return expires_of (self->stored->action);
}

RempartActionState
rempart_action_item_get_state (RempartActionItem *self)
{
  g_return_val_if_fail (REMPART_IS_ACTION_ITEM (self), REMPART_ACTION_STATE_NONE);

  return self->stored->state;
}

gboolean
rempart_action_item_get_archived (RempartActionItem *self)
{
  g_return_val_if_fail (REMPART_IS_ACTION_ITEM (self), FALSE);

  return self->stored->archived;
}

const char *
rempart_action_item_get_search_key (RempartActionItem *self)
{
  g_return_val_if_fail (REMPART_IS_ACTION_ITEM (self), NULL);

  /* Made once, not on every keystroke: folding 10,000 titles took most of a search. A list
   * row comes with it, folded on the store's thread with the brief and the group's name. */
  if (self->stored->search_text != NULL)
    return self->stored->search_text;

  if (self->search_key == NULL)
    {
      GString *text = g_string_new (NULL);

      rempart_search_fold_append (text, rempart_action_item_get_title (self));
      g_string_append_c (text, '\n');
      if (!self->stored->row_only)
        rempart_search_fold_append (text, rempart_action_get_brief (self->stored->action));
      g_string_append_c (text, '\n');
      rempart_search_fold_append (text, rempart_action_item_get_topic_name (self));
      g_string_append_c (text, '\n');
      rempart_search_fold_append (text, rempart_action_item_get_platform (self));
      self->search_key = g_string_free (text, FALSE);
    }
  return self->search_key;
}

gboolean
rempart_action_item_get_high_priority (RempartActionItem *self)
{
  g_return_val_if_fail (REMPART_IS_ACTION_ITEM (self), FALSE);

  return high_priority_of (self->stored->action);
}

gboolean
rempart_action_item_get_queued (RempartActionItem *self)
{
  g_return_val_if_fail (REMPART_IS_ACTION_ITEM (self), FALSE);

  return self->stored->queued;
}

gboolean
rempart_action_item_get_has_draft (RempartActionItem *self)
{
  g_return_val_if_fail (REMPART_IS_ACTION_ITEM (self), FALSE);

  return self->stored->has_draft;
}

void
rempart_action_item_set_state (RempartActionItem *self, RempartActionState state)
{
  g_return_if_fail (REMPART_IS_ACTION_ITEM (self));

  if (self->stored->state == state)
    return;
  self->stored->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

void
rempart_action_item_set_queued (RempartActionItem *self, gboolean queued)
{
  g_return_if_fail (REMPART_IS_ACTION_ITEM (self));

  queued = !!queued;
  if (self->stored->queued == queued)
    return;
  self->stored->queued = queued;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUEUED]);
}

void
rempart_action_item_set_has_draft (RempartActionItem *self, gboolean has_draft)
{
  g_return_if_fail (REMPART_IS_ACTION_ITEM (self));

  has_draft = !!has_draft;
  if (self->stored->has_draft == has_draft)
    return;
  self->stored->has_draft = has_draft;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_DRAFT]);
}

RempartStoredAction *
rempart_action_item_update_take (RempartActionItem *self, RempartStoredAction *stored)
{
  RempartStoredAction *old;
  RempartAction *a, *b;
  gboolean changed[N_PROPS] = { FALSE };

  g_return_val_if_fail (REMPART_IS_ACTION_ITEM (self), stored);
  g_return_val_if_fail (stored != NULL && REMPART_IS_ACTION (stored->action), stored);

  old = self->stored;

  /* The same action again (same content tag): the details read stay. */
  if (stored->row_only && !old->row_only && stored->content_tag != 0 &&
      stored->content_tag == old->content_tag &&
      g_strcmp0 (rempart_action_get_id (stored->action), rempart_action_get_id (old->action)) == 0)
    {
      g_set_object (&stored->action, old->action);
      stored->row_only = FALSE;
    }

  a = old->action;
  b = stored->action;

  /* Actions are immutable: the same object means the same content. */
  if (a != b)
    {
      changed[PROP_TITLE] =
          g_strcmp0 (rempart_action_get_title (a), rempart_action_get_title (b)) != 0;
      changed[PROP_TOPIC_NAME] = rempart_action_get_topic (a) != rempart_action_get_topic (b);
      changed[PROP_PLATFORM] =
          g_strcmp0 (rempart_action_get_platform (a), rempart_action_get_platform (b)) != 0;
      changed[PROP_EXPIRES] = expires_of (a) != expires_of (b);
      changed[PROP_HIGH_PRIORITY] = high_priority_of (a) != high_priority_of (b);
    }
  changed[PROP_STATE] = old->state != stored->state;
  changed[PROP_ARCHIVED] = !old->archived != !stored->archived;
  changed[PROP_QUEUED] = !old->queued != !stored->queued;
  changed[PROP_HAS_DRAFT] = !old->has_draft != !stored->has_draft;
  changed[PROP_HAS_DETAILS] = !old->row_only != !stored->row_only;
  changed[PROP_CONTENT_TAG] = old->content_tag != stored->content_tag;

  self->stored = stored;
  if (changed[PROP_TITLE] || changed[PROP_TOPIC_NAME] || changed[PROP_PLATFORM])
    g_clear_pointer (&self->search_key, g_free);

  for (guint i = PROP_0 + 1; i < N_PROPS; i++)
    if (changed[i])
      break;
    else if (i == N_PROPS - 1)
      return old;

  g_object_freeze_notify (G_OBJECT (self));
  for (guint i = PROP_0 + 1; i < N_PROPS; i++)
    if (changed[i])
      g_object_notify_by_pspec (G_OBJECT (self), properties[i]);
  g_object_thaw_notify (G_OBJECT (self));
  return old;
}

void
rempart_action_item_update (RempartActionItem *self, const RempartStoredAction *stored)
{
  g_return_if_fail (REMPART_IS_ACTION_ITEM (self));
  g_return_if_fail (stored != NULL && REMPART_IS_ACTION (stored->action));

  rempart_stored_action_free (
      rempart_action_item_update_take (self, rempart_stored_action_copy (stored)));
}
