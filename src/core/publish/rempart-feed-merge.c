/* rempart-feed-merge.c: merging two moderators' versions of a feed, action by action
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "rempart-feed-merge.h"
#include "rempart-feed-parser.h"
#include "rempart-feed-writer.h"
#include "rempart-publish.h"

/*
 * A three-way merge: @base is the copy both moderators started from (the one last published
 * from this computer), @ours the feed being published, @theirs the one on the server. Each
 * action (by id) and each setting of the group (a top-level member, or one of `_rempart`,
 * except seq and expires, which publishing sets) is taken from the side that changed it; when
 * both changed it differently, it is a conflict, and the merge has no result until the caller
 * resolves it. Without a base, nothing counts as removed: an action missing on one side was
 * added by the other. So nobody's action is ever dropped without the caller deciding it.
 */

struct _RempartFeedMerge
{
  GObject parent_instance;

  JsonNode *theirs;
  GArray *entries;       /* RempartMergeEntry; id and title owned by @strings */
  GPtrArray *order;      /* ids in the merged order, owned by @strings */
  GHashTable *decisions; /* id → Decision */
  GStringChunk *strings;
  guint n_conflicts;
  gint64 seq;
};

G_DEFINE_FINAL_TYPE (RempartFeedMerge, rempart_feed_merge, G_TYPE_OBJECT)

/* ------------------------------------------------------------------------------------------ */
/* Structures                                                                                 */
/* ------------------------------------------------------------------------------------------ */

typedef struct
{
  JsonNode *ours;   /* nullable: absent on that side */
  JsonNode *theirs; /* nullable */
  gboolean is_setting;
  gboolean conflict;
  gboolean resolved;
  RempartMergeSide side; /* the side taken */
} Decision;

/* ------------------------------------------------------------------------------------------ */
/* Helpers                                                                                    */
/* ------------------------------------------------------------------------------------------ */

static void
decision_free (Decision *decision)
{
  g_clear_pointer (&decision->ours, json_node_unref);
  g_clear_pointer (&decision->theirs, json_node_unref);
  g_free (decision);
}

static gboolean
same_node (JsonNode *a, JsonNode *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return json_node_equal (a, b);
}

static JsonObject *
load (GBytes *bytes, const char *name, GError **error, JsonNode **out_root)
{
  g_autoptr (GError) local_error = NULL;
  JsonNode *root = rempart_feed_load_json (bytes, name, &local_error);

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, REMPART_PUBLISH_ERROR, REMPART_PUBLISH_ERROR_INVALID_FEED,
                   _ ("The %s cannot be merged: %s"), name,
                   local_error != NULL ? local_error->message : _ ("it is not a JSON object"));
      g_clear_pointer (&root, json_node_unref);
      return NULL;
    }
  *out_root = root;
  return json_node_get_object (root);
}

/* id → item, and the ids in the feed's order. */
static GHashTable *
items_of (JsonObject *feed, GPtrArray *order)
{
  GHashTable *items = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  JsonArray *array;

  if (feed == NULL || !json_object_has_member (feed, "items") ||
      !JSON_NODE_HOLDS_ARRAY (json_object_get_member (feed, "items")))
    return items;

  array = json_object_get_array_member (feed, "items");
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *item = json_array_get_element (array, i);
      JsonNode *id;
      char *key;

      if (!JSON_NODE_HOLDS_OBJECT (item))
        continue;
      id = json_object_get_member (json_node_get_object (item), "id");
      if (id == NULL || !JSON_NODE_HOLDS_VALUE (id))
        continue;
      key = JSON_NODE_TYPE (id) == JSON_NODE_VALUE && json_node_get_value_type (id) == G_TYPE_STRING
                ? g_strdup (json_node_get_string (id))
                : json_to_string (id, FALSE);
      if (g_hash_table_contains (items, key))
        {
          g_free (key);
          continue;
        }
      if (order != NULL)
        g_ptr_array_add (order, key);
      g_hash_table_insert (items, key, item);
    }
  return items;
}

static const char *
title_of (JsonNode *node)
{
  JsonObject *object;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  object = json_node_get_object (node);
  if (!json_object_has_member (object, "title") ||
      json_node_get_value_type (json_object_get_member (object, "title")) != G_TYPE_STRING)
    return NULL;
  return json_object_get_string_member (object, "title");
}

static void
add_entry (RempartFeedMerge *self,
           const char *id,
           JsonNode *base,
           JsonNode *node,
           RempartMergeSide side,
           gboolean conflict)
{
  RempartMergeEntry entry = { 0 };
  const char *title = title_of (node != NULL ? node : base);

  entry.id = g_string_chunk_insert_const (self->strings, id);
  entry.title = title != NULL ? g_string_chunk_insert_const (self->strings, title) : NULL;
  entry.side = side;
  entry.change = base == NULL   ? REMPART_MERGE_ADDED
                 : node == NULL ? REMPART_MERGE_REMOVED
                                : REMPART_MERGE_CHANGED;
  entry.conflict = conflict;
  g_array_append_val (self->entries, entry);
}

/* The three-way rule for one action or setting. */
static void
decide (RempartFeedMerge *self,
        const char *id,
        JsonNode *base,
        JsonNode *ours,
        JsonNode *theirs,
        gboolean is_setting)
{
  gboolean ours_changed = !same_node (base, ours);
  gboolean theirs_changed = !same_node (base, theirs);
  Decision *decision = g_new0 (Decision, 1);

  decision->ours = ours != NULL ? json_node_ref (ours) : NULL;
  decision->theirs = theirs != NULL ? json_node_ref (theirs) : NULL;
  decision->is_setting = is_setting;
  decision->resolved = TRUE;
  decision->side = REMPART_MERGE_THEIRS;

  if (ours_changed && theirs_changed && !same_node (ours, theirs))
    {
      decision->conflict = TRUE;
      decision->resolved = FALSE;
      self->n_conflicts++;
      add_entry (self, id, base, ours, REMPART_MERGE_OURS, TRUE);
      add_entry (self, id, base, theirs, REMPART_MERGE_THEIRS, TRUE);
    }
  else if (ours_changed)
    {
      decision->side = REMPART_MERGE_OURS;
      if (!theirs_changed)
        add_entry (self, id, base, ours, REMPART_MERGE_OURS, FALSE);
    }
  else if (theirs_changed)
    add_entry (self, id, base, theirs, REMPART_MERGE_THEIRS, FALSE);

  g_hash_table_insert (self->decisions, g_string_chunk_insert_const (self->strings, id), decision);
}

static JsonNode *
member (JsonObject *object, const char *name)
{
  return object != NULL && json_object_has_member (object, name)
             ? json_object_get_member (object, name)
             : NULL;
}

static JsonObject *
extension (JsonObject *feed)
{
  JsonNode *node = member (feed, "_rempart");

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static gint64
seq_of (JsonObject *feed)
{
  JsonNode *node = member (extension (feed), "seq");

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) ? json_node_get_int (node) : 0;
}

/* Every member name of the objects given, once. */
static GPtrArray *
member_names (JsonObject *a, JsonObject *b, JsonObject *c)
{
  JsonObject *objects[] = { a, b, c };
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *names = g_ptr_array_new ();

  for (guint i = 0; i < G_N_ELEMENTS (objects); i++)
    {
      g_autoptr (GList) list = objects[i] != NULL ? json_object_get_members (objects[i]) : NULL;

      for (GList *l = list; l != NULL; l = l->next)
        if (g_hash_table_add (seen, l->data))
          g_ptr_array_add (names, l->data);
    }
  return names;
}

static void
merge_settings (RempartFeedMerge *self, JsonObject *base, JsonObject *ours, JsonObject *theirs)
{
  g_autoptr (GPtrArray) names = member_names (base, ours, theirs);
  JsonObject *ext_base = extension (base);
  JsonObject *ext_ours = extension (ours);
  JsonObject *ext_theirs = extension (theirs);
  g_autoptr (GPtrArray) ext_names = member_names (ext_base, ext_ours, ext_theirs);

  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);

      if (g_str_equal (name, "items") || g_str_equal (name, "_rempart"))
        continue;
      decide (self, name, member (base, name), member (ours, name), member (theirs, name), TRUE);
    }

  for (guint i = 0; i < ext_names->len; i++)
    {
      const char *name = g_ptr_array_index (ext_names, i);
      g_autofree char *id = NULL;

      if (g_str_equal (name, "seq") || g_str_equal (name, "expires"))
        continue;
      id = g_strconcat ("_rempart.", name, NULL);
      decide (self, id, member (ext_base, name), member (ext_ours, name), member (ext_theirs, name),
              TRUE);
    }
}

static void
merge_items (RempartFeedMerge *self, JsonObject *base, JsonObject *ours, JsonObject *theirs)
{
  g_autoptr (GPtrArray) ours_order = g_ptr_array_new ();
  g_autoptr (GPtrArray) theirs_order = g_ptr_array_new ();
  g_autoptr (GPtrArray) base_order = g_ptr_array_new ();
  g_autoptr (GHashTable) base_items = items_of (base, base_order);
  g_autoptr (GHashTable) ours_items = items_of (ours, ours_order);
  g_autoptr (GHashTable) theirs_items = items_of (theirs, theirs_order);
  g_autoptr (GHashTable) done = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *orders[] = { theirs_order, ours_order, base_order };

  /* Our new actions first (feeds list the newest first), then the server's order, then what
   * only one side still has. */
  for (guint i = 0; i < ours_order->len; i++)
    {
      const char *id = g_ptr_array_index (ours_order, i);

      if (!g_hash_table_contains (theirs_items, id) && !g_hash_table_contains (base_items, id))
        {
          g_ptr_array_add (self->order, g_string_chunk_insert_const (self->strings, id));
          g_hash_table_add (done, (gpointer) id);
        }
    }
  for (guint o = 0; o < G_N_ELEMENTS (orders); o++)
    for (guint i = 0; i < orders[o]->len; i++)
      {
        const char *id = g_ptr_array_index (orders[o], i);

        if (g_hash_table_add (done, (gpointer) id))
          g_ptr_array_add (self->order, g_string_chunk_insert_const (self->strings, id));
      }

  for (guint i = 0; i < self->order->len; i++)
    {
      const char *id = g_ptr_array_index (self->order, i);

      decide (self, id, g_hash_table_lookup (base_items, id), g_hash_table_lookup (ours_items, id),
              g_hash_table_lookup (theirs_items, id), FALSE);
    }
}

static JsonNode *
chosen (Decision *decision)
{
  return decision->side == REMPART_MERGE_OURS ? decision->ours : decision->theirs;
}

static void
apply_setting (JsonObject *root, const char *id, Decision *decision)
{
  JsonObject *target = root;
  const char *name = id;
  JsonNode *node = chosen (decision);

  if (g_str_has_prefix (id, "_rempart."))
    {
      target = extension (root);
      name = id + strlen ("_rempart.");
      if (target == NULL)
        {
          if (node == NULL)
            return;
          json_object_set_object_member (root, "_rempart", json_object_new ());
          target = extension (root);
        }
    }

  if (node == NULL)
    json_object_remove_member (target, name);
  else
    json_object_set_member (target, name, json_node_copy (node));
}

/* ------------------------------------------------------------------------------------------ */
/* Overrides                                                                                  */
/* ------------------------------------------------------------------------------------------ */

static void
rempart_feed_merge_finalize (GObject *object)
{
  RempartFeedMerge *self = REMPART_FEED_MERGE (object);

  g_clear_pointer (&self->theirs, json_node_unref);
  g_clear_pointer (&self->entries, g_array_unref);
  g_clear_pointer (&self->order, g_ptr_array_unref);
  g_clear_pointer (&self->decisions, g_hash_table_unref);
  g_clear_pointer (&self->strings, g_string_chunk_free);

  G_OBJECT_CLASS (rempart_feed_merge_parent_class)->finalize (object);
}

static void
rempart_feed_merge_class_init (RempartFeedMergeClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rempart_feed_merge_finalize;
}

static void
rempart_feed_merge_init (RempartFeedMerge *self)
{
  self->entries = g_array_new (FALSE, TRUE, sizeof (RempartMergeEntry));
  self->order = g_ptr_array_new ();
  self->decisions =
      g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) decision_free);
  self->strings = g_string_chunk_new (256);
}

/* ------------------------------------------------------------------------------------------ */
/* Public API                                                                                 */
/* ------------------------------------------------------------------------------------------ */

/*
 * rempart_feed_merge_new:
 * @base: (nullable): the copy both versions started from (the one last published from here);
 *   without it, nothing is taken as removed
 * @ours: the feed the moderator wants to publish
 * @theirs: the feed on the server (RempartServerCopy)
 *
 * Returns: (transfer full): the merge, to show (entries) and, once no conflict is left
 *   unresolved, to publish (rempart_feed_merge_get_result()), or %NULL if a side is not JSON
 */
RempartFeedMerge *
rempart_feed_merge_new (GBytes *base, GBytes *ours, GBytes *theirs, GError **error)
{
  g_autoptr (RempartFeedMerge) self = NULL;
  g_autoptr (JsonNode) base_root = NULL;
  g_autoptr (JsonNode) ours_root = NULL;
  JsonObject *base_object = NULL;
  JsonObject *ours_object;
  JsonObject *theirs_object;

  g_return_val_if_fail (ours != NULL && theirs != NULL, NULL);

  self = g_object_new (REMPART_TYPE_FEED_MERGE, NULL);
  if (base != NULL &&
      (base_object = load (base, _ ("last published feed"), error, &base_root)) == NULL)
    return NULL;
  /* Translators: which feed an error is about while merging a publish conflict: this moderator’s
   * version */
  if ((ours_object = load (ours, _ ("your feed"), error, &ours_root)) == NULL)
    return NULL;
  /* Translators: which feed an error is about while merging a publish conflict: the version on
   * the server */
  if ((theirs_object = load (theirs, _ ("server’s feed"), error, &self->theirs)) == NULL)
    return NULL;

  merge_settings (self, base_object, ours_object, theirs_object);
  merge_items (self, base_object, ours_object, theirs_object);
  self->seq = MAX (seq_of (ours_object), seq_of (theirs_object));
  return g_steal_pointer (&self);
}

guint
rempart_feed_merge_get_n_entries (RempartFeedMerge *self)
{
  g_return_val_if_fail (REMPART_IS_FEED_MERGE (self), 0);

  return self->entries->len;
}

/*
 * rempart_feed_merge_get_entry:
 *
 * Returns: (transfer none): what changed, on which side, in the merged order of the actions
 *   (the group's settings first)
 */
const RempartMergeEntry *
rempart_feed_merge_get_entry (RempartFeedMerge *self, guint index)
{
  g_return_val_if_fail (REMPART_IS_FEED_MERGE (self), NULL);
  g_return_val_if_fail (index < self->entries->len, NULL);

  return &g_array_index (self->entries, RempartMergeEntry, index);
}

/* The conflicts not resolved yet. */
guint
rempart_feed_merge_get_n_conflicts (RempartFeedMerge *self)
{
  g_return_val_if_fail (REMPART_IS_FEED_MERGE (self), 0);

  return self->n_conflicts;
}

/*
 * rempart_feed_merge_resolve:
 * @id: an entry's id
 * @side: the version to keep
 *
 * Settles a conflict (or overrides the side taken for any action or setting).
 */
void
rempart_feed_merge_resolve (RempartFeedMerge *self, const char *id, RempartMergeSide side)
{
  Decision *decision;

  g_return_if_fail (REMPART_IS_FEED_MERGE (self));

  decision = g_hash_table_lookup (self->decisions, id);
  g_return_if_fail (decision != NULL);

  if (decision->conflict && !decision->resolved)
    self->n_conflicts--;
  decision->resolved = TRUE;
  decision->side = side;
}

/* Settles every conflict left with the same side. */
void
rempart_feed_merge_resolve_all (RempartFeedMerge *self, RempartMergeSide side)
{
  GHashTableIter iter;
  Decision *decision;

  g_return_if_fail (REMPART_IS_FEED_MERGE (self));

  g_hash_table_iter_init (&iter, self->decisions);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &decision))
    if (decision->conflict && !decision->resolved)
      {
        decision->resolved = TRUE;
        decision->side = side;
      }
  self->n_conflicts = 0;
}

/*
 * rempart_feed_merge_describe:
 *
 * Returns: (transfer full): the report as lines of text, one a change, for a person
 */
char *
rempart_feed_merge_describe (RempartFeedMerge *self)
{
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (REMPART_IS_FEED_MERGE (self), NULL);

  for (guint i = 0; i < self->entries->len; i++)
    {
      const RempartMergeEntry *entry = &g_array_index (self->entries, RempartMergeEntry, i);
      Decision *decision = g_hash_table_lookup (self->decisions, entry->id);
      g_autofree char *what = NULL;

      if (decision->is_setting)
        what = g_strdup_printf (_ ("the setting “%s”"), entry->id);
      else if (entry->title != NULL)
        what = g_strdup_printf (_ ("the action “%s” (%s)"), entry->title, entry->id);
      else
        what = g_strdup_printf (_ ("the action %s"), entry->id);

      if (entry->side == REMPART_MERGE_OURS && entry->change == REMPART_MERGE_ADDED)
        g_string_append_printf (text, _ ("You added %s"), what);
      else if (entry->side == REMPART_MERGE_OURS && entry->change == REMPART_MERGE_CHANGED)
        g_string_append_printf (text, _ ("You changed %s"), what);
      else if (entry->side == REMPART_MERGE_OURS)
        g_string_append_printf (text, _ ("You removed %s"), what);
      else if (entry->change == REMPART_MERGE_ADDED)
        g_string_append_printf (text, _ ("The server’s version added %s"), what);
      else if (entry->change == REMPART_MERGE_CHANGED)
        g_string_append_printf (text, _ ("The server’s version changed %s"), what);
      else
        g_string_append_printf (text, _ ("The server’s version removed %s"), what);
      if (entry->conflict)
        g_string_append (text, _ (" (conflict: both versions changed it)"));
      g_string_append_c (text, '\n');
    }
  return g_string_free (text, FALSE);
}

/*
 * rempart_feed_merge_get_result:
 *
 * Returns: (transfer full): the merged feed (its `_rempart.seq` the higher of the two, so that
 *   rempart_publish_prepare() raises it past the server's), or %NULL while a conflict is left
 *   (%REMPART_PUBLISH_ERROR_CONFLICT)
 */
GBytes *
rempart_feed_merge_get_result (RempartFeedMerge *self, GError **error)
{
  g_autoptr (JsonNode) root = NULL;
  JsonObject *object;
  JsonArray *items;
  gsize length;
  char *data;

  g_return_val_if_fail (REMPART_IS_FEED_MERGE (self), NULL);

  if (self->n_conflicts > 0)
    {
      g_set_error (error, REMPART_PUBLISH_ERROR, REMPART_PUBLISH_ERROR_CONFLICT,
                   g_dngettext (GETTEXT_PACKAGE,
                                "%u action or setting was changed in both versions: choose "
                                "which version to keep before publishing.",
                                "%u actions or settings were changed in both versions: choose "
                                "which version to keep before publishing.",
                                self->n_conflicts),
                   self->n_conflicts);
      return NULL;
    }

  root = json_node_copy (self->theirs);
  object = json_node_get_object (root);
  items = json_array_new ();

  for (guint i = 0; i < self->entries->len; i++)
    {
      const RempartMergeEntry *entry = &g_array_index (self->entries, RempartMergeEntry, i);
      Decision *decision = g_hash_table_lookup (self->decisions, entry->id);

      if (decision->is_setting)
        apply_setting (object, entry->id, decision);
    }
  for (guint i = 0; i < self->order->len; i++)
    {
      Decision *decision =
          g_hash_table_lookup (self->decisions, g_ptr_array_index (self->order, i));
      JsonNode *node = chosen (decision);

      if (node != NULL)
        json_array_add_element (items, json_node_copy (node));
    }
  json_object_set_array_member (object, "items", items);
  if (extension (object) == NULL)
    json_object_set_object_member (object, "_rempart", json_object_new ());
  json_object_set_int_member (extension (object), "seq", self->seq);

  data = rempart_feed_document_to_data (root, &length);
  return g_bytes_new_take (data, length);
}
