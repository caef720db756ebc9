/* rempart-feed.c
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "rempart-feed-private.h"

/*
 * RempartFeed is a parsed, validated action feed: the group's settings from `_rempart` and
 * the actions as a GListModel the widgets can show as is. It keeps the parser's warnings so
 * that the app and `rempart-feed validate` report the same things the same way.
 */

struct _RempartFeed
{
  GObject parent_instance;

  char *texts[REMPART_FEED_NEXT_KEY + 1];
  int schema;
  gint64 seq;
  GDateTime *expires;
  RempartHashtagPosition hashtag_position;
  GStrv rules;
  GPtrArray *templates;
  GListStore *actions;
  GHashTable *actions_by_id;
  /* rempart_feed_parse_known(): each read item's hash, and the ids of the items skipped
   * because they were known. */
  GHashTable *item_hashes;
  GPtrArray *kept_ids;
  GHashTable *kept_set;
  GPtrArray *warnings;
  guint n_warnings; /* kept or not */
  guint n_skipped;
};

G_DEFINE_FINAL_TYPE (RempartFeed, rempart_feed, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (RempartHashtagPosition,
                    rempart_hashtag_position,
                    G_DEFINE_ENUM_VALUE (REMPART_HASHTAG_POSITION_START, "start"),
                    G_DEFINE_ENUM_VALUE (REMPART_HASHTAG_POSITION_END, "end"),
                    G_DEFINE_ENUM_VALUE (REMPART_HASHTAG_POSITION_ANY, "any"))

G_DEFINE_BOXED_TYPE (RempartFeedTemplate,
                     rempart_feed_template,
                     rempart_feed_template_copy,
                     rempart_feed_template_free)

enum
{
  PROP_0,
  PROP_TITLE,
  PROP_ABOUT,
  PROP_HASHTAG,
  PROP_SEQ,
  PROP_EXPIRES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *const hashtag_position_names[] = { "start", "end", "any" };

static const char *const empty_strv[] = { NULL };

/* -------------------------------------------------------------------------------------- */
/* Enums and boxed types                                                                  */
/* -------------------------------------------------------------------------------------- */

const char *
rempart_hashtag_position_to_string (RempartHashtagPosition position)
{
  g_return_val_if_fail (position <= REMPART_HASHTAG_POSITION_ANY, NULL);

  return hashtag_position_names[position];
}

gboolean
rempart_hashtag_position_from_string (const char *text, RempartHashtagPosition *out_position)
{
  g_return_val_if_fail (out_position != NULL, FALSE);

  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (hashtag_position_names); i++)
    if (strcmp (text, hashtag_position_names[i]) == 0)
      {
        *out_position = i;
        return TRUE;
      }

  return FALSE;
}

RempartFeedTemplate *
rempart_feed_template_copy (const RempartFeedTemplate *tmpl)
{
  RempartFeedTemplate *copy;

  g_return_val_if_fail (tmpl != NULL, NULL);

  copy = g_new0 (RempartFeedTemplate, 1);
  copy->id = g_strdup (tmpl->id);
  copy->title = g_strdup (tmpl->title);
  copy->language = g_strdup (tmpl->language);
  copy->topics = g_strdupv (tmpl->topics);
  copy->body = g_strdup (tmpl->body);
  copy->when = g_strdup (tmpl->when);
  return copy;
}

void
rempart_feed_template_free (RempartFeedTemplate *tmpl)
{
  if (tmpl == NULL)
    return;

  g_free (tmpl->id);
  g_free (tmpl->title);
  g_free (tmpl->language);
  g_strfreev (tmpl->topics);
  g_free (tmpl->body);
  g_free (tmpl->when);
  g_free (tmpl);
}

/* -------------------------------------------------------------------------------------- */
/* Overrides                                                                              */
/* -------------------------------------------------------------------------------------- */

static void
rempart_feed_finalize (GObject *object)
{
  RempartFeed *self = REMPART_FEED (object);

  for (guint i = 0; i < G_N_ELEMENTS (self->texts); i++)
    g_free (self->texts[i]);
  g_clear_pointer (&self->expires, g_date_time_unref);
  g_strfreev (self->rules);
  g_clear_pointer (&self->templates, g_ptr_array_unref);
  g_clear_pointer (&self->actions_by_id, g_hash_table_unref);
  g_clear_object (&self->actions);
  g_clear_pointer (&self->item_hashes, g_hash_table_unref);
  g_clear_pointer (&self->kept_set, g_hash_table_unref);
  g_clear_pointer (&self->kept_ids, g_ptr_array_unref);
  g_clear_pointer (&self->warnings, g_ptr_array_unref);

  G_OBJECT_CLASS (rempart_feed_parent_class)->finalize (object);
}

static void
rempart_feed_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  RempartFeed *self = REMPART_FEED (object);

  switch (prop_id)
    {
      case PROP_TITLE:
        g_value_set_string (value, self->texts[REMPART_FEED_TITLE]);
        break;
      case PROP_ABOUT:
        g_value_set_string (value, self->texts[REMPART_FEED_ABOUT]);
        break;
      case PROP_HASHTAG:
        g_value_set_string (value, self->texts[REMPART_FEED_HASHTAG]);
        break;
      case PROP_SEQ:
        g_value_set_int64 (value, self->seq);
        break;
      case PROP_EXPIRES:
        g_value_set_boxed (value, self->expires);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rempart_feed_class_init (RempartFeedClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = rempart_feed_finalize;
  object_class->get_property = rempart_feed_get_property;

  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_ABOUT] = g_param_spec_string ("about", NULL, NULL, NULL, flags);
  properties[PROP_HASHTAG] = g_param_spec_string ("hashtag", NULL, NULL, NULL, flags);
  properties[PROP_SEQ] = g_param_spec_int64 ("seq", NULL, NULL, -1, G_MAXINT64, -1, flags);
  properties[PROP_EXPIRES] = g_param_spec_boxed ("expires", NULL, NULL, G_TYPE_DATE_TIME, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rempart_feed_init (RempartFeed *self)
{
  self->seq = -1;
  self->hashtag_position = REMPART_HASHTAG_POSITION_START;
  self->templates = g_ptr_array_new_with_free_func ((GDestroyNotify) rempart_feed_template_free);
  self->actions = g_list_store_new (REMPART_TYPE_ACTION);
  /* Keys belong to the actions, which the store keeps alive as long as the table. */
  self->actions_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->item_hashes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->kept_ids = g_ptr_array_new_with_free_func (g_free);
  /* Keys belong to kept_ids. */
  self->kept_set = g_hash_table_new (g_str_hash, g_str_equal);
  self->warnings = g_ptr_array_new_with_free_func (g_free);
}

/* -------------------------------------------------------------------------------------- */
/* Private API (the parser)                                                               */
/* -------------------------------------------------------------------------------------- */

RempartFeed *
rempart_feed_new (void)
{
  return g_object_new (REMPART_TYPE_FEED, NULL);
}

void
rempart_feed_take_text (RempartFeed *self, RempartFeedText field, char *text)
{
  g_return_if_fail (REMPART_IS_FEED (self));
  g_return_if_fail (field <= REMPART_FEED_NEXT_KEY);

  g_free (self->texts[field]);
  self->texts[field] = text;
}

void
rempart_feed_set_schema (RempartFeed *self, int schema)
{
  g_return_if_fail (REMPART_IS_FEED (self));

  self->schema = schema;
}

void
rempart_feed_set_seq (RempartFeed *self, gint64 seq)
{
  g_return_if_fail (REMPART_IS_FEED (self));

  self->seq = seq;
}

void
rempart_feed_set_expires (RempartFeed *self, GDateTime *expires)
{
  g_return_if_fail (REMPART_IS_FEED (self));

  g_clear_pointer (&self->expires, g_date_time_unref);
  if (expires != NULL)
    self->expires = g_date_time_ref (expires);
}

void
rempart_feed_set_hashtag_position (RempartFeed *self, RempartHashtagPosition position)
{
  g_return_if_fail (REMPART_IS_FEED (self));

  self->hashtag_position = position;
}

void
rempart_feed_take_rules (RempartFeed *self, GStrv rules)
{
  g_return_if_fail (REMPART_IS_FEED (self));

  g_strfreev (self->rules);
  self->rules = rules;
}

void
rempart_feed_take_template (RempartFeed *self, RempartFeedTemplate *tmpl)
{
  g_return_if_fail (REMPART_IS_FEED (self));
  g_return_if_fail (tmpl != NULL && tmpl->id != NULL && tmpl->body != NULL);

  g_ptr_array_add (self->templates, tmpl);
}

gboolean
rempart_feed_has_template (RempartFeed *self, const char *id)
{
  g_return_val_if_fail (REMPART_IS_FEED (self), FALSE);

  for (guint i = 0; i < self->templates->len; i++)
    if (g_strcmp0 (((RempartFeedTemplate *) self->templates->pdata[i])->id, id) == 0)
      return TRUE;

  return FALSE;
}

/* Returns FALSE, and keeps nothing, when an action with the same id is already there. */
gboolean
rempart_feed_add_action (RempartFeed *self, RempartAction *action)
{
  const char *id;

  g_return_val_if_fail (REMPART_IS_FEED (self), FALSE);
  g_return_val_if_fail (REMPART_IS_ACTION (action), FALSE);

  id = rempart_action_get_id (action);
  if (g_hash_table_contains (self->actions_by_id, id))
    return FALSE;

  g_hash_table_insert (self->actions_by_id, (char *) id, action);
  g_list_store_append (self->actions, action);
  return TRUE;
}

/* Whether an action or a kept item already has @id. */
gboolean
rempart_feed_has_id (RempartFeed *self, const char *id)
{
  return g_hash_table_contains (self->actions_by_id, id) ||
         g_hash_table_contains (self->kept_set, id);
}

/* Returns FALSE, and keeps nothing, when an action or a kept item already has @id. */
gboolean
rempart_feed_add_kept_id (RempartFeed *self, const char *id)
{
  char *copy;

  g_return_val_if_fail (REMPART_IS_FEED (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (rempart_feed_has_id (self, id))
    return FALSE;

  copy = g_strdup (id);
  g_ptr_array_add (self->kept_ids, copy);
  g_hash_table_add (self->kept_set, copy);
  return TRUE;
}

void
rempart_feed_set_item_hash (RempartFeed *self, const char *id, const char *hash)
{
  g_return_if_fail (REMPART_IS_FEED (self));

  g_hash_table_insert (self->item_hashes, g_strdup (id), g_strdup (hash));
}

/* Counts a warning, and says whether there is still room to keep its text: a feed of junk
 * has one warning per item, and a million of them would cost more than the feed itself. */
gboolean
rempart_feed_count_warning (RempartFeed *self)
{
  g_return_val_if_fail (REMPART_IS_FEED (self), FALSE);

  self->n_warnings++;
  return self->warnings->len < REMPART_FEED_MAX_WARNINGS;
}

/* Keeps @message, counted by rempart_feed_count_warning() first. */
void
rempart_feed_take_warning (RempartFeed *self, char *message)
{
  g_return_if_fail (REMPART_IS_FEED (self));
  g_return_if_fail (message != NULL);

  g_debug ("%s", message);
  g_ptr_array_add (self->warnings, message);
}

/* After the last item: one more message that says how many were not kept. */
void
rempart_feed_end_warnings (RempartFeed *self, const char *display_name)
{
  guint n_dropped;

  g_return_if_fail (REMPART_IS_FEED (self));

  n_dropped = self->n_warnings - self->warnings->len;
  if (n_dropped == 0)
    return;

  rempart_feed_take_warning (
      self, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "%s: %u more warning was not kept; fix the ones above "
                                          "and validate the feed again to see it",
                                          "%s: %u more warnings were not kept; fix the ones above "
                                          "and validate the feed again to see them",
                                          n_dropped),
                             display_name, n_dropped));
}

void
rempart_feed_count_skipped (RempartFeed *self)
{
  g_return_if_fail (REMPART_IS_FEED (self));

  self->n_skipped++;
}

/* -------------------------------------------------------------------------------------- */
/* Public API                                                                             */
/* -------------------------------------------------------------------------------------- */

/*
 * rempart_feed_get_title:
 *
 * The getters for text return clean plain text, or %NULL when the feed has no such field
 * or had one Rempart could not use (see rempart_feed_get_warnings()).
 */
const char *
rempart_feed_get_title (RempartFeed *self)
{
  g_return_val_if_fail (REMPART_IS_FEED (self), NULL);

  return self->texts[REMPART_FEED_TITLE];
}

const char *
rempart_feed_get_description (RempartFeed *self)
{
  g_return_val_if_fail (REMPART_IS_FEED (self), NULL);

  return self->texts[REMPART_FEED_DESCRIPTION];
}

const char *
rempart_feed_get_home_page_url (RempartFeed *self)
{
  g_return_val_if_fail (REMPART_IS_FEED (self), NULL);

  return self->texts[REMPART_FEED_HOME_PAGE_URL];
}

const char *
rempart_feed_get_feed_url (RempartFeed *self)
{
  g_return_val_if_fail (REMPART_IS_FEED (self), NULL);

  return self->texts[REMPART_FEED_FEED_URL];
}

const char *
rempart_feed_get_language (RempartFeed *self)
{
  g_return_val_if_fail (REMPART_IS_FEED (self), NULL);

  return self->texts[REMPART_FEED_LANGUAGE];
}

const char *
rempart_feed_get_about (RempartFeed *self)
{
  g_return_val_if_fail (REMPART_IS_FEED (self), NULL);

  return self->texts[REMPART_FEED_ABOUT];
}

/*
 * rempart_feed_get_schema:
 *
 * Returns: `_rempart.schema`, or 0 when absent
 */
int
rempart_feed_get_schema (RempartFeed *self)
{
  g_return_val_if_fail (REMPART_IS_FEED (self), 0);

  return self->schema;
}

/*
 * rempart_feed_get_seq:
 *
 * Returns: `_rempart.seq`, which grows with every publish so that sync can refuse an older
 *   copy (a replay), or -1 when absent
 */
gint64
rempart_feed_get_seq (RempartFeed *self)
{
  g_return_val_if_fail (REMPART_IS_FEED (self), -1);

  return self->seq;
}

GDateTime *
rempart_feed_get_expires (RempartFeed *self)
{
  g_return_val_if_fail (REMPART_IS_FEED (self), NULL);

  return self->expires;
}

const char *
rempart_feed_get_hashtag (RempartFeed *self)
{
  g_return_val_if_fail (REMPART_IS_FEED (self), NULL);

  return self->texts[REMPART_FEED_HASHTAG];
}

/*
 * rempart_feed_get_next_key:
 *
 * Returns: (nullable): `_rempart.next_key`, the public key (minisign's base64 line) the group
 *   will sign with next, announced by a feed signed with the current one; %NULL when none
 */
const char *
rempart_feed_get_next_key (RempartFeed *self)
{
  g_return_val_if_fail (REMPART_IS_FEED (self), NULL);

  return self->texts[REMPART_FEED_NEXT_KEY];
}

/*
 * rempart_feed_get_hashtag_position:
 *
 * Returns: where replies put the hashtag; %REMPART_HASHTAG_POSITION_START, the #iamhere rule,
 *   when the feed does not say
 */
RempartHashtagPosition
rempart_feed_get_hashtag_position (RempartFeed *self)
{
  g_return_val_if_fail (REMPART_IS_FEED (self), REMPART_HASHTAG_POSITION_START);

  return self->hashtag_position;
}

/*
 * rempart_feed_get_rules:
 *
 * Returns: (transfer none): the group rules, possibly empty, never %NULL
 */
const char *const *
rempart_feed_get_rules (RempartFeed *self)
{
  g_return_val_if_fail (REMPART_IS_FEED (self), NULL);

  return self->rules != NULL ? (const char *const *) self->rules : empty_strv;
}

/*
 * rempart_feed_get_templates:
 *
 * Returns: (transfer none) (element-type RempartFeedTemplate): the templates, possibly empty
 */
GPtrArray *
rempart_feed_get_templates (RempartFeed *self)
{
  g_return_val_if_fail (REMPART_IS_FEED (self), NULL);

  return self->templates;
}

/*
 * rempart_feed_get_actions:
 *
 * Returns: (transfer none): a list of #RempartAction, in feed order
 */
GListModel *
rempart_feed_get_actions (RempartFeed *self)
{
  g_return_val_if_fail (REMPART_IS_FEED (self), NULL);

  return G_LIST_MODEL (self->actions);
}

/*
 * rempart_feed_lookup_action:
 *
 * Returns: (transfer none) (nullable): the action with @id
 */
RempartAction *
rempart_feed_lookup_action (RempartFeed *self, const char *id)
{
  g_return_val_if_fail (REMPART_IS_FEED (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return g_hash_table_lookup (self->actions_by_id, id);
}

/*
 * rempart_feed_get_item_hash:
 *
 * Returns: (transfer none) (nullable): the hash of the raw JSON of the item that action @id
 *   was read from, when rempart_feed_parse_known() read it; %NULL otherwise
 */
const char *
rempart_feed_get_item_hash (RempartFeed *self, const char *id)
{
  g_return_val_if_fail (REMPART_IS_FEED (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return g_hash_table_lookup (self->item_hashes, id);
}

/*
 * rempart_feed_get_kept_ids:
 *
 * Returns: (transfer none) (element-type utf8): the ids of the actions that
 *   rempart_feed_parse_known() did not read because their item was known, in feed order;
 *   they are not in rempart_feed_get_actions()
 */
GPtrArray *
rempart_feed_get_kept_ids (RempartFeed *self)
{
  g_return_val_if_fail (REMPART_IS_FEED (self), NULL);

  return self->kept_ids;
}

/*
 * rempart_feed_get_warnings:
 *
 * Returns: (transfer none) (element-type utf8): one translated message per skipped item and
 *   per ignored field, in document order, each naming the file and the JSON path; only the
 *   first %REMPART_FEED_MAX_WARNINGS, then one that says how many more there were
 */
GPtrArray *
rempart_feed_get_warnings (RempartFeed *self)
{
  g_return_val_if_fail (REMPART_IS_FEED (self), NULL);

  return self->warnings;
}

/*
 * rempart_feed_get_n_warnings:
 *
 * Returns: how many warnings the feed gave, kept in rempart_feed_get_warnings() or not
 */
guint
rempart_feed_get_n_warnings (RempartFeed *self)
{
  g_return_val_if_fail (REMPART_IS_FEED (self), 0);

  return self->n_warnings;
}

/*
 * rempart_feed_get_n_skipped:
 *
 * Returns: how many items were skipped, which `validate --strict` treats as an error
 */
guint
rempart_feed_get_n_skipped (RempartFeed *self)
{
  g_return_val_if_fail (REMPART_IS_FEED (self), 0);

  return self->n_skipped;
}
