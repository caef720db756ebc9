/* rempart-template.c
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rempart-template.h"

/*
 * A reply template, whatever its origin: a built-in pack (rempart-template-pack.c), the
 * group's feed, or the volunteer's own (kept by the store). It is immutable once built, like
 * RempartAction, so the composer, the store's worker thread and list models can share one
 * without locks; editing a user template means saving a new object under the same id.
 */

struct _RempartTemplate
{
  GObject parent_instance;

  RempartTemplateOrigin origin;
  RempartTemplateApproach approach;
  char *id;
  char *title;
  char *language;
  GStrv topics;
  char *when;
  char *body;
};

G_DEFINE_FINAL_TYPE (RempartTemplate, rempart_template, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (RempartTemplateOrigin,
                    rempart_template_origin,
                    G_DEFINE_ENUM_VALUE (REMPART_TEMPLATE_ORIGIN_BUILTIN, "builtin"),
                    G_DEFINE_ENUM_VALUE (REMPART_TEMPLATE_ORIGIN_FEED, "feed"),
                    G_DEFINE_ENUM_VALUE (REMPART_TEMPLATE_ORIGIN_USER, "user"))

G_DEFINE_ENUM_TYPE (RempartTemplateApproach,
                    rempart_template_approach,
                    G_DEFINE_ENUM_VALUE (REMPART_TEMPLATE_APPROACH_NONE, "none"),
                    G_DEFINE_ENUM_VALUE (REMPART_TEMPLATE_APPROACH_EMPATHY, "empathy"),
                    G_DEFINE_ENUM_VALUE (REMPART_TEMPLATE_APPROACH_FACTS, "facts"),
                    G_DEFINE_ENUM_VALUE (REMPART_TEMPLATE_APPROACH_QUESTION, "question"),
                    G_DEFINE_ENUM_VALUE (REMPART_TEMPLATE_APPROACH_NAME_THE_COMMENT,
                                         "name-the-comment"),
                    G_DEFINE_ENUM_VALUE (REMPART_TEMPLATE_APPROACH_SUPPORT, "support"))

enum
{
  PROP_0,
  PROP_ORIGIN,
  PROP_ID,
  PROP_TITLE,
  PROP_LANGUAGE,
  PROP_TOPICS,
  PROP_APPROACH,
  PROP_WHEN,
  PROP_BODY,
  PROP_READ_ONLY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *const origin_names[] = { "builtin", "feed", "user" };

/* The pack files' keywords, in enum order. */
static const char *const approach_names[] = {
  NULL, "empathy", "facts", "question", "name-the-comment", "support",
};

static const char *const approach_display_names[] = {
  NULL,
  /* TRANSLATORS: how a reply template answers: with empathy for the people targeted */
  NC_ ("template approach", "Empathy"),
  /* TRANSLATORS: how a reply template answers: with facts and a source */
  NC_ ("template approach", "Facts"),
  /* TRANSLATORS: how a reply template answers: with an honest question */
  NC_ ("template approach", "Question"),
  /* TRANSLATORS: how a reply template answers: it says what the comment does, without
   * judging the person who wrote it */
  NC_ ("template approach", "Name the comment"),
  /* TRANSLATORS: how a reply template answers: support for the person attacked */
  NC_ ("template approach", "Support"),
};

static const char *const empty_strv[] = { NULL };

/* -------------------------------------------------------------------------------------- */
/* Enums                                                                                  */
/* -------------------------------------------------------------------------------------- */

const char *
rempart_template_origin_to_string (RempartTemplateOrigin origin)
{
  g_return_val_if_fail (origin <= REMPART_TEMPLATE_ORIGIN_USER, NULL);

  return origin_names[origin];
}

/*
 * rempart_template_approach_to_string:
 *
 * Returns: the keyword of @approach in pack files ("name-the-comment"), or %NULL for
 *   %REMPART_TEMPLATE_APPROACH_NONE
 */
const char *
rempart_template_approach_to_string (RempartTemplateApproach approach)
{
  g_return_val_if_fail (approach <= REMPART_TEMPLATE_APPROACH_SUPPORT, NULL);

  return approach_names[approach];
}

gboolean
rempart_template_approach_from_string (const char *text, RempartTemplateApproach *out_approach)
{
  g_return_val_if_fail (out_approach != NULL, FALSE);

  for (guint i = REMPART_TEMPLATE_APPROACH_EMPATHY;
       text != NULL && i < G_N_ELEMENTS (approach_names); i++)
    if (strcmp (text, approach_names[i]) == 0)
      {
        *out_approach = i;
        return TRUE;
      }

  return FALSE;
}

/*
 * rempart_template_approach_get_display_name:
 *
 * Returns: (nullable): the translated name of @approach ("Empathy"), %NULL for
 *   %REMPART_TEMPLATE_APPROACH_NONE
 */
const char *
rempart_template_approach_get_display_name (RempartTemplateApproach approach)
{
  if ((guint) approach >= G_N_ELEMENTS (approach_display_names) ||
      approach_display_names[approach] == NULL)
    return NULL;

  return g_dpgettext2 (GETTEXT_PACKAGE, "template approach", approach_display_names[approach]);
}

/* -------------------------------------------------------------------------------------- */
/* Helpers                                                                                */
/* -------------------------------------------------------------------------------------- */

/* Length of the primary language subtag: "fr" in "fr", "fr-BE", "fr_FR.UTF-8". */
static gsize
primary_subtag_length (const char *tag)
{
  return strcspn (tag, "-_.@");
}

static gboolean
same_language (const char *a, const char *b)
{
  gsize la = primary_subtag_length (a);
  gsize lb = primary_subtag_length (b);

  return la > 0 && la == lb && g_ascii_strncasecmp (a, b, la) == 0;
}

static void
append_matching (GPtrArray *result, GPtrArray *templates, RempartTopic topic, const char *language)
{
  for (guint i = 0; templates != NULL && i < templates->len; i++)
    {
      RempartTemplate *tmpl = g_ptr_array_index (templates, i);

      g_return_if_fail (REMPART_IS_TEMPLATE (tmpl));

      if ((topic == REMPART_TOPIC_NONE || rempart_template_matches_topic (tmpl, topic)) &&
          (language == NULL || rempart_template_matches_language (tmpl, language)))
        g_ptr_array_add (result, g_object_ref (tmpl));
    }
}

/* -------------------------------------------------------------------------------------- */
/* GObject                                                                                */
/* -------------------------------------------------------------------------------------- */

static void
rempart_template_finalize (GObject *object)
{
  RempartTemplate *self = REMPART_TEMPLATE (object);

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->language, g_free);
  g_clear_pointer (&self->topics, g_strfreev);
  g_clear_pointer (&self->when, g_free);
  g_clear_pointer (&self->body, g_free);

  G_OBJECT_CLASS (rempart_template_parent_class)->finalize (object);
}

static void
rempart_template_constructed (GObject *object)
{
  RempartTemplate *self = REMPART_TEMPLATE (object);

  G_OBJECT_CLASS (rempart_template_parent_class)->constructed (object);

  /* The invariants the getters promise. */
  if (self->id == NULL)
    self->id = g_strdup ("");
  if (self->body == NULL)
    self->body = g_strdup ("");
  if (self->title == NULL || self->title[0] == '\0')
    {
      g_free (self->title);
      self->title = g_strdup (self->id);
    }
  if (self->topics == NULL)
    self->topics = g_strdupv ((char **) empty_strv);
}

static void
rempart_template_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  RempartTemplate *self = REMPART_TEMPLATE (object);

  switch (prop_id)
    {
      case PROP_ORIGIN:
        g_value_set_enum (value, self->origin);
        break;
      case PROP_ID:
        g_value_set_string (value, self->id);
        break;
      case PROP_TITLE:
        g_value_set_string (value, self->title);
        break;
      case PROP_LANGUAGE:
        g_value_set_string (value, self->language);
        break;
      case PROP_TOPICS:
        g_value_set_boxed (value, self->topics);
        break;
      case PROP_APPROACH:
        g_value_set_enum (value, self->approach);
        break;
      case PROP_WHEN:
        g_value_set_string (value, self->when);
        break;
      case PROP_BODY:
        g_value_set_string (value, self->body);
        break;
      case PROP_READ_ONLY:
        g_value_set_boolean (value, rempart_template_get_read_only (self));
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rempart_template_set_property (GObject *object,
                               guint prop_id,
                               const GValue *value,
                               GParamSpec *pspec)
{
  RempartTemplate *self = REMPART_TEMPLATE (object);

  switch (prop_id)
    {
      case PROP_ORIGIN:
        self->origin = g_value_get_enum (value);
        break;
      case PROP_ID:
        self->id = g_value_dup_string (value);
        break;
      case PROP_TITLE:
        self->title = g_value_dup_string (value);
        break;
      case PROP_LANGUAGE:
        self->language = g_value_dup_string (value);
        break;
      case PROP_TOPICS:
        self->topics = g_value_dup_boxed (value);
        break;
      case PROP_APPROACH:
        self->approach = g_value_get_enum (value);
        break;
      case PROP_WHEN:
        self->when = g_value_dup_string (value);
        break;
      case PROP_BODY:
        self->body = g_value_dup_string (value);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rempart_template_class_init (RempartTemplateClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = rempart_template_finalize;
  object_class->constructed = rempart_template_constructed;
  object_class->get_property = rempart_template_get_property;
  object_class->set_property = rempart_template_set_property;

  properties[PROP_ORIGIN] = g_param_spec_enum ("origin", NULL, NULL, REMPART_TYPE_TEMPLATE_ORIGIN,
                                               REMPART_TEMPLATE_ORIGIN_USER, flags);
  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_LANGUAGE] = g_param_spec_string ("language", NULL, NULL, NULL, flags);
  properties[PROP_TOPICS] = g_param_spec_boxed ("topics", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_APPROACH] =
      g_param_spec_enum ("approach", NULL, NULL, REMPART_TYPE_TEMPLATE_APPROACH,
                         REMPART_TEMPLATE_APPROACH_NONE, flags);
  properties[PROP_WHEN] = g_param_spec_string ("when", NULL, NULL, NULL, flags);
  properties[PROP_BODY] = g_param_spec_string ("body", NULL, NULL, NULL, flags);
  properties[PROP_READ_ONLY] = g_param_spec_boolean ("read-only", NULL, NULL, FALSE,
                                                     G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rempart_template_init (RempartTemplate *self)
{
}

/* -------------------------------------------------------------------------------------- */
/* Public API                                                                             */
/* -------------------------------------------------------------------------------------- */

/*
 * rempart_template_new:
 * @origin: where it comes from; BUILTIN and FEED templates are read-only
 * @id: unique among the templates of its origin
 * @title: (nullable): the name shown in lists; the id when %NULL or empty
 * @language: (nullable): a language tag ("fr"); %NULL matches every language
 * @topics: (nullable): topic keywords ("racism"); none matches every topic
 * @when: (nullable): a short “when to use”
 * @body: the text, with placeholders (rempart-template-fill.h)
 *
 * The fields are those of the store's user_templates table and of pack files, so the store
 * builds one with this and saves one from the getters.
 */
RempartTemplate *
rempart_template_new (RempartTemplateOrigin origin,
                      const char *id,
                      const char *title,
                      const char *language,
                      const char *const *topics,
                      RempartTemplateApproach approach,
                      const char *when,
                      const char *body)
{
  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (body != NULL, NULL);
  g_return_val_if_fail (origin <= REMPART_TEMPLATE_ORIGIN_USER, NULL);
  g_return_val_if_fail (approach <= REMPART_TEMPLATE_APPROACH_SUPPORT, NULL);

  return g_object_new (REMPART_TYPE_TEMPLATE, "origin", origin, "id", id, "title", title,
                       "language", language != NULL && language[0] != '\0' ? language : NULL,
                       "topics", topics, "approach", approach, "when", when, "body", body, NULL);
}

/*
 * rempart_template_from_feed_template:
 *
 * Returns: (transfer full): a read-only FEED template with the fields of @feed_template;
 *   the feed format has no approach, so it is %REMPART_TEMPLATE_APPROACH_NONE
 */
RempartTemplate *
rempart_template_from_feed_template (const RempartFeedTemplate *feed_template)
{
  g_return_val_if_fail (feed_template != NULL, NULL);

  return rempart_template_new (
      REMPART_TEMPLATE_ORIGIN_FEED, feed_template->id, feed_template->title,
      feed_template->language, (const char *const *) feed_template->topics,
      REMPART_TEMPLATE_APPROACH_NONE, feed_template->when, feed_template->body);
}

/*
 * rempart_templates_from_feed:
 * @feed_templates: (nullable) (element-type RempartFeedTemplate): rempart_feed_get_templates()
 *
 * Returns: (transfer full) (element-type RempartTemplate): FEED templates, in feed order
 */
GPtrArray *
rempart_templates_from_feed (GPtrArray *feed_templates)
{
  GPtrArray *result = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; feed_templates != NULL && i < feed_templates->len; i++)
    g_ptr_array_add (result,
                     rempart_template_from_feed_template (g_ptr_array_index (feed_templates, i)));

  return result;
}

/*
 * rempart_template_duplicate:
 * @tmpl: a template of any origin
 * @new_id: (nullable): the copy's id; %NULL makes a fresh "user-<uuid>"
 *
 * What the composer does when a volunteer wants to change a read-only template.
 *
 * Returns: (transfer full): an editable USER copy titled “Copy of <title>”
 */
RempartTemplate *
rempart_template_duplicate (RempartTemplate *tmpl, const char *new_id)
{
  g_autofree char *generated = NULL;
  g_autofree char *title = NULL;

  g_return_val_if_fail (REMPART_IS_TEMPLATE (tmpl), NULL);

  if (new_id == NULL)
    {
      g_autofree char *uuid = g_uuid_string_random ();

      generated = g_strconcat ("user-", uuid, NULL);
      new_id = generated;
    }

  /* TRANSLATORS: the title of a template the volunteer copied from another one */
  title = g_strdup_printf (_ ("Copy of %s"), tmpl->title);

  return rempart_template_new (REMPART_TEMPLATE_ORIGIN_USER, new_id, title, tmpl->language,
                               (const char *const *) tmpl->topics, tmpl->approach, tmpl->when,
                               tmpl->body);
}

const char *
rempart_template_get_id (RempartTemplate *self)
{
  g_return_val_if_fail (REMPART_IS_TEMPLATE (self), NULL);

  return self->id;
}

/* Returns: the title, never %NULL (the id when the template has none) */
const char *
rempart_template_get_title (RempartTemplate *self)
{
  g_return_val_if_fail (REMPART_IS_TEMPLATE (self), NULL);

  return self->title;
}

/* Returns: (nullable): the language tag, %NULL when the template fits every language */
const char *
rempart_template_get_language (RempartTemplate *self)
{
  g_return_val_if_fail (REMPART_IS_TEMPLATE (self), NULL);

  return self->language;
}

/* Returns: (transfer none): the topic keywords, never %NULL, empty for “every topic” */
const char *const *
rempart_template_get_topics (RempartTemplate *self)
{
  g_return_val_if_fail (REMPART_IS_TEMPLATE (self), NULL);

  return (const char *const *) self->topics;
}

RempartTemplateApproach
rempart_template_get_approach (RempartTemplate *self)
{
  g_return_val_if_fail (REMPART_IS_TEMPLATE (self), REMPART_TEMPLATE_APPROACH_NONE);

  return self->approach;
}

const char *
rempart_template_get_when (RempartTemplate *self)
{
  g_return_val_if_fail (REMPART_IS_TEMPLATE (self), NULL);

  return self->when;
}

const char *
rempart_template_get_body (RempartTemplate *self)
{
  g_return_val_if_fail (REMPART_IS_TEMPLATE (self), NULL);

  return self->body;
}

RempartTemplateOrigin
rempart_template_get_origin (RempartTemplate *self)
{
  g_return_val_if_fail (REMPART_IS_TEMPLATE (self), REMPART_TEMPLATE_ORIGIN_USER);

  return self->origin;
}

/* Returns: %TRUE for BUILTIN and FEED templates, which are duplicated, never edited */
gboolean
rempart_template_get_read_only (RempartTemplate *self)
{
  g_return_val_if_fail (REMPART_IS_TEMPLATE (self), TRUE);

  return self->origin != REMPART_TEMPLATE_ORIGIN_USER;
}

/* Returns: whether @self fits an action about @topic: a template with no topics fits all. */
gboolean
rempart_template_matches_topic (RempartTemplate *self, RempartTopic topic)
{
  const char *keyword;

  g_return_val_if_fail (REMPART_IS_TEMPLATE (self), FALSE);

  if (self->topics[0] == NULL)
    return TRUE;

  keyword = topic <= REMPART_TOPIC_OTHER ? rempart_topic_to_string (topic) : NULL;
  return keyword != NULL && g_strv_contains ((const char *const *) self->topics, keyword);
}

/*
 * rempart_template_matches_language:
 * @language: a language tag or locale name ("fr", "fr-BE", "fr_FR.UTF-8")
 *
 * Returns: whether @self can be used for a reply in @language: the primary subtags match
 *   (so "fr" fits "fr-BE"), or the template has no language
 */
gboolean
rempart_template_matches_language (RempartTemplate *self, const char *language)
{
  g_return_val_if_fail (REMPART_IS_TEMPLATE (self), FALSE);
  g_return_val_if_fail (language != NULL, FALSE);

  return self->language == NULL || same_language (self->language, language);
}

/*
 * rempart_templates_for_action:
 * @feed_templates: (nullable) (element-type RempartTemplate): the group's, see
 *   rempart_templates_from_feed()
 * @builtin: (nullable) (element-type RempartTemplate): rempart_template_pack_load()
 * @user: (nullable) (element-type RempartTemplate): the volunteer's own, from the store
 * @action: (nullable): the action being answered
 * @language: (nullable): the language of the reply; %NULL for the action's language
 *
 * The list the composer offers: the templates that fit the action's topic (all of them when
 * the action has none) and the reply's language (all of them when neither @language nor the
 * action gives one). The group's templates come first because moderators wrote them for
 * today's threads, then the volunteer's, then the built-in ones; each group keeps its order.
 *
 * Returns: (transfer full) (element-type RempartTemplate): a new array of new references
 */
GPtrArray *
rempart_templates_for_action (GPtrArray *feed_templates,
                              GPtrArray *builtin,
                              GPtrArray *user,
                              RempartAction *action,
                              const char *language)
{
  g_autoptr (GPtrArray) result = g_ptr_array_new_with_free_func (g_object_unref);
  RempartTopic topic = REMPART_TOPIC_NONE;

  g_return_val_if_fail (action == NULL || REMPART_IS_ACTION (action), NULL);

  if (action != NULL)
    {
      topic = rempart_action_get_topic (action);
      if (language == NULL)
        language = rempart_action_get_language (action);
    }
  if (language != NULL && primary_subtag_length (language) == 0)
    language = NULL;

  append_matching (result, feed_templates, topic, language);
  append_matching (result, user, topic, language);
  append_matching (result, builtin, topic, language);

  return g_steal_pointer (&result);
}
