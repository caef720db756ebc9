/* rempart-action.c
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "rempart-action-builder.h"

/*
 * RempartAction is one item of the feed: a thread that volunteers answer. It is immutable
 * once built, so widgets can share it without watching for changes; every string in it is
 * clean plain text (see rempart-html-text.c), never markup.
 */

struct _RempartAction
{
  GObject parent_instance;

  char *id;
  char *url;
  char *texts[REMPART_ACTION_LANGUAGE + 1];
  GDateTime *dates[REMPART_ACTION_EXPIRES + 1];
  RempartTopic topic;
  RempartPriority priority;
  GStrv tags;
  GStrv arguments;
  GPtrArray *sources;
};

G_DEFINE_FINAL_TYPE (RempartAction, rempart_action, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (RempartTopic,
                    rempart_topic,
                    G_DEFINE_ENUM_VALUE (REMPART_TOPIC_NONE, "none"),
                    G_DEFINE_ENUM_VALUE (REMPART_TOPIC_RACISM, "racism"),
                    G_DEFINE_ENUM_VALUE (REMPART_TOPIC_SEXISM, "sexism"),
                    G_DEFINE_ENUM_VALUE (REMPART_TOPIC_LGBTPHOBIA, "lgbtphobia"),
                    G_DEFINE_ENUM_VALUE (REMPART_TOPIC_ANTISEMITISM, "antisemitism"),
                    G_DEFINE_ENUM_VALUE (REMPART_TOPIC_ISLAMOPHOBIA, "islamophobia"),
                    G_DEFINE_ENUM_VALUE (REMPART_TOPIC_DISABILITY, "disability"),
                    G_DEFINE_ENUM_VALUE (REMPART_TOPIC_DISINFORMATION, "disinformation"),
                    G_DEFINE_ENUM_VALUE (REMPART_TOPIC_OTHER, "other"))

G_DEFINE_ENUM_TYPE (RempartPriority,
                    rempart_priority,
                    G_DEFINE_ENUM_VALUE (REMPART_PRIORITY_NORMAL, "normal"),
                    G_DEFINE_ENUM_VALUE (REMPART_PRIORITY_HIGH, "high"))

G_DEFINE_BOXED_TYPE (RempartSource, rempart_source, rempart_source_copy, rempart_source_free)

enum
{
  PROP_0,
  PROP_ID,
  PROP_URL,
  PROP_TITLE,
  PROP_BRIEF,
  PROP_EXCERPT,
  PROP_PLATFORM,
  PROP_LANGUAGE,
  PROP_TOPIC,
  PROP_PRIORITY,
  PROP_DATE_PUBLISHED,
  PROP_DATE_MODIFIED,
  PROP_EXPIRES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The feed's keywords, in enum order. */
static const char *const topic_names[] = {
  NULL,           "racism",     "sexism",         "lgbtphobia", "antisemitism",
  "islamophobia", "disability", "disinformation", "other",
};

static const char *const priority_names[] = { "normal", "high" };

static const char *const empty_strv[] = { NULL };

/* -------------------------------------------------------------------------------------- */
/* Enums and boxed types                                                                  */
/* -------------------------------------------------------------------------------------- */

/*
 * rempart_topic_to_string:
 *
 * Returns: the keyword the feed uses for @topic ("racism"...), or %NULL for
 *   %REMPART_TOPIC_NONE
 */
const char *
rempart_topic_to_string (RempartTopic topic)
{
  g_return_val_if_fail (topic <= REMPART_TOPIC_OTHER, NULL);

  return topic_names[topic];
}

gboolean
rempart_topic_from_string (const char *text, RempartTopic *out_topic)
{
  g_return_val_if_fail (out_topic != NULL, FALSE);

  for (guint i = REMPART_TOPIC_RACISM; text != NULL && i < G_N_ELEMENTS (topic_names); i++)
    if (strcmp (text, topic_names[i]) == 0)
      {
        *out_topic = i;
        return TRUE;
      }

  return FALSE;
}

const char *
rempart_priority_to_string (RempartPriority priority)
{
  g_return_val_if_fail (priority <= REMPART_PRIORITY_HIGH, NULL);

  return priority_names[priority];
}

gboolean
rempart_priority_from_string (const char *text, RempartPriority *out_priority)
{
  g_return_val_if_fail (out_priority != NULL, FALSE);

  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (priority_names); i++)
    if (strcmp (text, priority_names[i]) == 0)
      {
        *out_priority = i;
        return TRUE;
      }

  return FALSE;
}

RempartSource *
rempart_source_new (const char *title, const char *url)
{
  RempartSource *source;

  g_return_val_if_fail (url != NULL, NULL);

  source = g_new0 (RempartSource, 1);
  source->title = g_strdup (title);
  source->url = g_strdup (url);
  return source;
}

RempartSource *
rempart_source_copy (const RempartSource *source)
{
  g_return_val_if_fail (source != NULL, NULL);

  return rempart_source_new (source->title, source->url);
}

void
rempart_source_free (RempartSource *source)
{
  if (source == NULL)
    return;

  g_free (source->title);
  g_free (source->url);
  g_free (source);
}

/* -------------------------------------------------------------------------------------- */
/* Overrides                                                                              */
/* -------------------------------------------------------------------------------------- */

static void
rempart_action_finalize (GObject *object)
{
  RempartAction *self = REMPART_ACTION (object);

  g_free (self->id);
  g_free (self->url);
  for (guint i = 0; i < G_N_ELEMENTS (self->texts); i++)
    g_free (self->texts[i]);
  for (guint i = 0; i < G_N_ELEMENTS (self->dates); i++)
    g_clear_pointer (&self->dates[i], g_date_time_unref);
  g_strfreev (self->tags);
  g_strfreev (self->arguments);
  g_clear_pointer (&self->sources, g_ptr_array_unref);

  G_OBJECT_CLASS (rempart_action_parent_class)->finalize (object);
}

static void
rempart_action_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  RempartAction *self = REMPART_ACTION (object);

  switch (prop_id)
    {
      case PROP_ID:
        g_value_set_string (value, self->id);
        break;
      case PROP_URL:
        g_value_set_string (value, self->url);
        break;
      case PROP_TITLE:
        g_value_set_string (value, rempart_action_get_title (self));
        break;
      case PROP_BRIEF:
      case PROP_EXCERPT:
      case PROP_PLATFORM:
      case PROP_LANGUAGE:
        g_value_set_string (value, self->texts[prop_id - PROP_TITLE]);
        break;
      case PROP_TOPIC:
        g_value_set_enum (value, self->topic);
        break;
      case PROP_PRIORITY:
        g_value_set_enum (value, self->priority);
        break;
      case PROP_DATE_PUBLISHED:
      case PROP_DATE_MODIFIED:
      case PROP_EXPIRES:
        g_value_set_boxed (value, self->dates[prop_id - PROP_DATE_PUBLISHED]);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rempart_action_class_init (RempartActionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = rempart_action_finalize;
  object_class->get_property = rempart_action_get_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_URL] = g_param_spec_string ("url", NULL, NULL, NULL, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_BRIEF] = g_param_spec_string ("brief", NULL, NULL, NULL, flags);
  properties[PROP_EXCERPT] = g_param_spec_string ("excerpt", NULL, NULL, NULL, flags);
  properties[PROP_PLATFORM] = g_param_spec_string ("platform", NULL, NULL, NULL, flags);
  properties[PROP_LANGUAGE] = g_param_spec_string ("language", NULL, NULL, NULL, flags);
  properties[PROP_TOPIC] =
      g_param_spec_enum ("topic", NULL, NULL, REMPART_TYPE_TOPIC, REMPART_TOPIC_NONE, flags);
  properties[PROP_PRIORITY] = g_param_spec_enum ("priority", NULL, NULL, REMPART_TYPE_PRIORITY,
                                                 REMPART_PRIORITY_NORMAL, flags);
  properties[PROP_DATE_PUBLISHED] =
      g_param_spec_boxed ("date-published", NULL, NULL, G_TYPE_DATE_TIME, flags);
  properties[PROP_DATE_MODIFIED] =
      g_param_spec_boxed ("date-modified", NULL, NULL, G_TYPE_DATE_TIME, flags);
  properties[PROP_EXPIRES] = g_param_spec_boxed ("expires", NULL, NULL, G_TYPE_DATE_TIME, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rempart_action_init (RempartAction *self)
{
  self->priority = REMPART_PRIORITY_NORMAL;
  /* No array until there are sources: a list row never has any (50,000 of them took an
   * allocation each, docs/performance.md change 37). */
}

/* -------------------------------------------------------------------------------------- */
/* Private API (the parser)                                                               */
/* -------------------------------------------------------------------------------------- */

RempartAction *
rempart_action_new (const char *id, const char *url)
{
  RempartAction *self;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (url != NULL, NULL);

  self = g_object_new (REMPART_TYPE_ACTION, NULL);
  self->id = g_strdup (id);
  self->url = g_strdup (url);
  return self;
}

void
rempart_action_take_text (RempartAction *self, RempartActionText field, char *text)
{
  g_return_if_fail (REMPART_IS_ACTION (self));
  g_return_if_fail (field <= REMPART_ACTION_LANGUAGE);

  g_free (self->texts[field]);
  self->texts[field] = text;
}

void
rempart_action_set_date (RempartAction *self, RempartActionDate field, GDateTime *date)
{
  g_return_if_fail (REMPART_IS_ACTION (self));
  g_return_if_fail (field <= REMPART_ACTION_EXPIRES);

  g_clear_pointer (&self->dates[field], g_date_time_unref);
  if (date != NULL)
    self->dates[field] = g_date_time_ref (date);
}

void
rempart_action_set_topic (RempartAction *self, RempartTopic topic)
{
  g_return_if_fail (REMPART_IS_ACTION (self));

  self->topic = topic;
}

void
rempart_action_set_priority (RempartAction *self, RempartPriority priority)
{
  g_return_if_fail (REMPART_IS_ACTION (self));

  self->priority = priority;
}

void
rempart_action_take_tags (RempartAction *self, GStrv tags)
{
  g_return_if_fail (REMPART_IS_ACTION (self));

  g_strfreev (self->tags);
  self->tags = tags;
}

void
rempart_action_take_arguments (RempartAction *self, GStrv arguments)
{
  g_return_if_fail (REMPART_IS_ACTION (self));

  g_strfreev (self->arguments);
  self->arguments = arguments;
}

void
rempart_action_take_sources (RempartAction *self, GPtrArray *sources)
{
  g_return_if_fail (REMPART_IS_ACTION (self));
  g_return_if_fail (sources != NULL);

  g_clear_pointer (&self->sources, g_ptr_array_unref);
  if (sources->len > 0)
    self->sources = sources;
  else
    g_ptr_array_unref (sources);
}

/* -------------------------------------------------------------------------------------- */
/* Public API                                                                             */
/* -------------------------------------------------------------------------------------- */

const char *
rempart_action_get_id (RempartAction *self)
{
  g_return_val_if_fail (REMPART_IS_ACTION (self), NULL);

  return self->id;
}

/*
 * rempart_action_get_url:
 *
 * Returns: the thread to answer: an absolute http or https address, with any non-ASCII
 *   character percent-encoded, ready for g_app_info_launch_default_for_uri_async()
 */
const char *
rempart_action_get_url (RempartAction *self)
{
  g_return_val_if_fail (REMPART_IS_ACTION (self), NULL);

  return self->url;
}

/*
 * rempart_action_get_title:
 *
 * Returns: the title, never %NULL: when the item has none, the first line of its text, or
 *   else its address
 */
const char *
rempart_action_get_title (RempartAction *self)
{
  g_return_val_if_fail (REMPART_IS_ACTION (self), NULL);

  return self->texts[REMPART_ACTION_TITLE] != NULL ? self->texts[REMPART_ACTION_TITLE] : self->url;
}

/*
 * rempart_action_get_brief:
 *
 * Returns: (nullable): what is going on and what to say, plain text with line breaks
 */
const char *
rempart_action_get_brief (RempartAction *self)
{
  g_return_val_if_fail (REMPART_IS_ACTION (self), NULL);

  return self->texts[REMPART_ACTION_BRIEF];
}

/*
 * rempart_action_get_excerpt:
 *
 * Returns: (nullable): the hateful comment the action answers
 */
const char *
rempart_action_get_excerpt (RempartAction *self)
{
  g_return_val_if_fail (REMPART_IS_ACTION (self), NULL);

  return self->texts[REMPART_ACTION_EXCERPT];
}

RempartTopic
rempart_action_get_topic (RempartAction *self)
{
  g_return_val_if_fail (REMPART_IS_ACTION (self), REMPART_TOPIC_NONE);

  return self->topic;
}

const char *
rempart_action_get_platform (RempartAction *self)
{
  g_return_val_if_fail (REMPART_IS_ACTION (self), NULL);

  return self->texts[REMPART_ACTION_PLATFORM];
}

RempartPriority
rempart_action_get_priority (RempartAction *self)
{
  g_return_val_if_fail (REMPART_IS_ACTION (self), REMPART_PRIORITY_NORMAL);

  return self->priority;
}

const char *
rempart_action_get_language (RempartAction *self)
{
  g_return_val_if_fail (REMPART_IS_ACTION (self), NULL);

  return self->texts[REMPART_ACTION_LANGUAGE];
}

/*
 * rempart_action_get_tags:
 *
 * Returns: (transfer none): the tags, possibly empty, never %NULL
 */
const char *const *
rempart_action_get_tags (RempartAction *self)
{
  g_return_val_if_fail (REMPART_IS_ACTION (self), NULL);

  return self->tags != NULL ? (const char *const *) self->tags : empty_strv;
}

/*
 * rempart_action_get_sources:
 *
 * Returns: (transfer none) (element-type RempartSource): the vetted sources, possibly empty;
 *   not to be changed (an action without sources shares one empty array with the others)
 */
GPtrArray *
rempart_action_get_sources (RempartAction *self)
{
  static GPtrArray *none;

  g_return_val_if_fail (REMPART_IS_ACTION (self), NULL);

  if (self->sources != NULL)
    return self->sources;

  /* One empty array for every action without sources, never freed; callers only read it. */
  if (g_once_init_enter (&none))
    g_once_init_leave (&none, g_ptr_array_new ());
  return none;
}

/*
 * rempart_action_get_arguments:
 *
 * Returns: (transfer none): the arguments, possibly empty, never %NULL
 */
const char *const *
rempart_action_get_arguments (RempartAction *self)
{
  g_return_val_if_fail (REMPART_IS_ACTION (self), NULL);

  return self->arguments != NULL ? (const char *const *) self->arguments : empty_strv;
}

GDateTime *
rempart_action_get_date_published (RempartAction *self)
{
  g_return_val_if_fail (REMPART_IS_ACTION (self), NULL);

  return self->dates[REMPART_ACTION_DATE_PUBLISHED];
}

GDateTime *
rempart_action_get_date_modified (RempartAction *self)
{
  g_return_val_if_fail (REMPART_IS_ACTION (self), NULL);

  return self->dates[REMPART_ACTION_DATE_MODIFIED];
}

/*
 * rempart_action_get_expires:
 *
 * Returns: (nullable): when the action stops being worth answering, or %NULL for never
 */
GDateTime *
rempart_action_get_expires (RempartAction *self)
{
  g_return_val_if_fail (REMPART_IS_ACTION (self), NULL);

  return self->dates[REMPART_ACTION_EXPIRES];
}

/*
 * rempart_action_is_expired:
 * @now: the time to compare with; the caller passes it so that a whole list is judged
 *   against one instant (and tests can pick it)
 */
gboolean
rempart_action_is_expired (RempartAction *self, GDateTime *now)
{
  g_return_val_if_fail (REMPART_IS_ACTION (self), FALSE);
  g_return_val_if_fail (now != NULL, FALSE);

  return self->dates[REMPART_ACTION_EXPIRES] != NULL &&
         g_date_time_compare (self->dates[REMPART_ACTION_EXPIRES], now) <= 0;
}
