/* rempart-action-item.c: one stored action as a GObject, for list models and bindings
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rempart-action-item-private.h"
#include "rempart-search-text.h"
#include "rempart-topic-names.h"

/*
 * The item owns a copy of the stored action. Every property is derived from it, so an update
 * swaps the copy and compares the derived values before and after: a row widget bound to
 * "state" is only told about a change of state, never about an unchanged re-import.
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
rempart_action_item_get_action (RempartActionItem *self)
{
  g_return_val_if_fail (REMPART_IS_ACTION_ITEM (self), NULL);

  /* The model lists rows without their details; a page asks for the whole action. */
  rempart_stored_action_load_details (self->stored);
  return self->stored->action;
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
      if (self->stored->details == NULL)
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
