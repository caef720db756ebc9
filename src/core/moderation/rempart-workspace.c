/* rempart-workspace.c
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rempart-feed-parser.h"
#include "rempart-html-text.h"
#include "rempart-workspace-private.h"

/*
 * The working copy is a JSON document edited through the feed writer, so that what the app
 * writes is what `rempart-feed` writes, unknown fields included. After every edit it is parsed
 * again with the volunteers' parser: the list and the preview show what volunteers would see.
 * Saving is the draft saver's debounce (300 ms of quiet, at most 1 s after the first change);
 * the bytes are handed to one writer thread that writes every file in the order asked, so an
 * older copy never lands after a newer one, even when the workspace is gone before it lands.
 *
 * Signals:
 *   changed (): the working copy changed (an edit, an undo, new settings).
 *   saved (GError *error): a write finished; @error is %NULL on success. After a failure the
 *     copy stays unsaved and the next change or flush tries again.
 */

struct _RempartWorkspace
{
  GObject parent_instance;

  char *dir;
  char *slug;
  char *public_key;
  /* workspace.ini, kept whole so that each setting is written beside the others */
  GKeyFile *info;

  JsonNode *root;
  RempartFeed *feed;
  JsonNode *published_root;
  RempartFeed *published;
  /* id → item node of published_root */
  GHashTable *published_items;

  gboolean dirty;
  guint quiet_id;
  guint deadline_id;
};

G_DEFINE_FINAL_TYPE (RempartWorkspace, rempart_workspace, G_TYPE_OBJECT)

enum
{
  CHANGED,
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* -------------------------------------------------------------------------------------- */
/* Helpers                                                                                */
/* -------------------------------------------------------------------------------------- */

static JsonArray *
get_items (JsonNode *root)
{
  JsonNode *items;

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return NULL;
  items = json_object_get_member (json_node_get_object (root), "items");
  return items != NULL && JSON_NODE_HOLDS_ARRAY (items) ? json_node_get_array (items) : NULL;
}

static JsonNode *
find_item (JsonNode *root, const char *id, guint *out_index)
{
  JsonArray *items = get_items (root);
  guint n = items != NULL ? json_array_get_length (items) : 0;

  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (items, i);
      g_autofree char *text = rempart_workspace_item_id (node);

      if (g_strcmp0 (text, id) == 0)
        {
          if (out_index != NULL)
            *out_index = i;
          return node;
        }
    }
  return NULL;
}

static RempartFeed *
parse_document (JsonNode *root, const char *name, GError **error)
{
  g_autofree char *data = NULL;
  g_autoptr (GBytes) bytes = NULL;
  gsize length = 0;

  data = rempart_feed_document_to_data (root, &length);
  bytes = g_bytes_new_take (g_steal_pointer (&data), length);
  return rempart_feed_parse (bytes, name, error);
}

static void
index_published (RempartWorkspace *self)
{
  JsonArray *items = get_items (self->published_root);
  guint n = items != NULL ? json_array_get_length (items) : 0;

  g_hash_table_remove_all (self->published_items);
  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (items, i);
      char *id = rempart_workspace_item_id (node);

      if (id != NULL)
        g_hash_table_insert (self->published_items, id, node);
    }
}

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (; *text != '\0'; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;
  return TRUE;
}

static gboolean
timeout_cb (gpointer user_data)
{
  rempart_workspace_flush (user_data);
  return G_SOURCE_REMOVE;
}

/* After every edit: parse again, schedule the save, tell the screens. */
static gboolean
changed (RempartWorkspace *self, GError **error)
{
  g_autoptr (RempartFeed) feed = NULL;

  feed = parse_document (self->root, REMPART_WORKSPACE_FEED_FILE, error);
  if (feed == NULL)
    return FALSE;
  g_set_object (&self->feed, feed);

  self->dirty = TRUE;
  g_clear_handle_id (&self->quiet_id, g_source_remove);
  self->quiet_id = g_timeout_add (REMPART_WORKSPACE_QUIET_MS, timeout_cb, self);
  if (self->deadline_id == 0)
    self->deadline_id = g_timeout_add (REMPART_WORKSPACE_MAX_DELAY_MS, timeout_cb, self);

  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

static GBytes *
document_bytes (JsonNode *root)
{
  gsize length = 0;
  char *data = rempart_feed_document_to_data (root, &length);

  return g_bytes_new_take (data, length);
}

static char *
info_path (RempartWorkspace *self)
{
  return g_build_filename (self->dir, REMPART_WORKSPACE_INFO_FILE, NULL);
}

static int
compare_dates (GDateTime *a, GDateTime *b)
{
  /* Missing dates last. */
  if (a == NULL || b == NULL)
    return (a == NULL) - (b == NULL);
  return g_date_time_compare (a, b);
}

static int
compare_by_date (gconstpointer pa, gconstpointer pb)
{
  RempartAction *a = *(RempartAction **) pa;
  RempartAction *b = *(RempartAction **) pb;
  GDateTime *da = rempart_action_get_date_published (a);
  GDateTime *db = rempart_action_get_date_published (b);

  /* Newest first, missing dates last. */
  if (da == NULL || db == NULL)
    return (da == NULL) - (db == NULL);
  return g_date_time_compare (db, da);
}

static int
compare_by_urgency (gconstpointer pa, gconstpointer pb)
{
  RempartAction *a = *(RempartAction **) pa;
  RempartAction *b = *(RempartAction **) pb;
  int diff;

  diff = (rempart_action_get_priority (b) == REMPART_PRIORITY_HIGH) -
         (rempart_action_get_priority (a) == REMPART_PRIORITY_HIGH);
  if (diff != 0)
    return diff;
  diff = compare_dates (rempart_action_get_expires (a), rempart_action_get_expires (b));
  if (diff != 0)
    return diff;
  return compare_by_date (pa, pb);
}

/* -------------------------------------------------------------------------------------- */
/* Callbacks                                                                              */
/* -------------------------------------------------------------------------------------- */

/* The workspace may be gone when the write lands (dispose flushes): hold it weakly. */
static void
autosave_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  GWeakRef *weak = user_data;
  g_autoptr (RempartWorkspace) self = g_weak_ref_get (weak);
  g_autoptr (GError) error = NULL;

  rempart_workspace_write_file_finish (result, &error);
  g_weak_ref_clear (weak);
  g_free (weak);

  if (self == NULL)
    return;
  if (error != NULL)
    self->dirty = TRUE;
  g_signal_emit (self, signals[SAVED], 0, error);
}

static void
save_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  RempartWorkspace *self = g_task_get_source_object (task);
  GError *error = NULL;

  if (!rempart_workspace_write_file_finish (result, &error))
    {
      self->dirty = TRUE;
      g_signal_emit (self, signals[SAVED], 0, error);
      g_task_return_error (task, error);
      return;
    }
  g_signal_emit (self, signals[SAVED], 0, NULL);
  g_task_return_boolean (task, TRUE);
}

/* -------------------------------------------------------------------------------------- */
/* Overrides                                                                              */
/* -------------------------------------------------------------------------------------- */

static void
rempart_workspace_dispose (GObject *object)
{
  RempartWorkspace *self = REMPART_WORKSPACE (object);

  if (self->root != NULL)
    rempart_workspace_flush (self);
  g_clear_handle_id (&self->quiet_id, g_source_remove);
  g_clear_handle_id (&self->deadline_id, g_source_remove);
  g_clear_object (&self->feed);
  g_clear_object (&self->published);

  G_OBJECT_CLASS (rempart_workspace_parent_class)->dispose (object);
}

static void
rempart_workspace_finalize (GObject *object)
{
  RempartWorkspace *self = REMPART_WORKSPACE (object);

  g_clear_pointer (&self->published_items, g_hash_table_unref);
  g_clear_pointer (&self->root, json_node_unref);
  g_clear_pointer (&self->published_root, json_node_unref);
  g_free (self->dir);
  g_free (self->slug);
  g_free (self->public_key);
  g_clear_pointer (&self->info, g_key_file_unref);

  G_OBJECT_CLASS (rempart_workspace_parent_class)->finalize (object);
}

static void
rempart_workspace_class_init (RempartWorkspaceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rempart_workspace_dispose;
  object_class->finalize = rempart_workspace_finalize;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                   NULL, NULL, G_TYPE_NONE, 0);
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                 NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
rempart_workspace_init (RempartWorkspace *self)
{
  self->published_items = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/* -------------------------------------------------------------------------------------- */
/* Private API                                                                            */
/* -------------------------------------------------------------------------------------- */

char *
rempart_workspace_item_id (JsonNode *item)
{
  JsonNode *id;

  if (item == NULL || !JSON_NODE_HOLDS_OBJECT (item))
    return NULL;
  id = json_object_get_member (json_node_get_object (item), "id");
  if (id == NULL || !JSON_NODE_HOLDS_VALUE (id))
    return NULL;
  /* As the parser reads ids; the app writes string ids, a number is read as an integer. */
  switch (json_node_get_value_type (id))
    {
      case G_TYPE_STRING:
        return rempart_text_sanitize (json_node_get_string (id), REMPART_TEXT_SINGLE_LINE);
      case G_TYPE_INT64:
        return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (id));
      default:
        return NULL;
    }
}

RempartWorkspace *
rempart_workspace_new_loaded (const char *dir,
                              JsonNode *root,
                              JsonNode *published_root,
                              GKeyFile *info,
                              GError **error)
{
  g_autoptr (RempartWorkspace) self = NULL;
  g_autoptr (GError) local_error = NULL;

  self = g_object_new (REMPART_TYPE_WORKSPACE, NULL);
  self->dir = g_strdup (dir);
  self->slug = g_path_get_basename (dir);
  self->root = root;
  self->published_root = published_root;
  self->info = g_key_file_new ();
  if (info != NULL)
    {
      g_autofree char *data = g_key_file_to_data (info, NULL, NULL);

      g_key_file_load_from_data (self->info, data, -1, G_KEY_FILE_NONE, NULL);
      self->public_key = g_key_file_get_string (info, "workspace", "public-key", NULL);
    }

  self->feed = parse_document (root, REMPART_WORKSPACE_FEED_FILE, &local_error);
  if (self->feed == NULL)
    {
      g_set_error (error, REMPART_WORKSPACE_ERROR, REMPART_WORKSPACE_ERROR_INVALID,
                   _ ("The working copy in %s is not a feed Rempart can read (%s); fix or remove "
                      "the folder"),
                   dir, local_error->message);
      return NULL;
    }
  if (published_root != NULL)
    {
      /* A damaged published copy only means every action looks unpublished. */
      self->published = parse_document (published_root, REMPART_WORKSPACE_PUBLISHED_FILE, NULL);
      index_published (self);
    }
  return g_steal_pointer (&self);
}

/* -------------------------------------------------------------------------------------- */
/* Public API                                                                             */
/* -------------------------------------------------------------------------------------- */

GQuark
rempart_workspace_error_quark (void)
{
  return g_quark_from_static_string ("rempart-workspace-error-quark");
}

char *
rempart_workspace_default_base_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), "rempart", "moderation", NULL);
}

const char *
rempart_workspace_get_dir (RempartWorkspace *self)
{
  g_return_val_if_fail (REMPART_IS_WORKSPACE (self), NULL);
  return self->dir;
}

const char *
rempart_workspace_get_slug (RempartWorkspace *self)
{
  g_return_val_if_fail (REMPART_IS_WORKSPACE (self), NULL);
  return self->slug;
}

const char *
rempart_workspace_get_title (RempartWorkspace *self)
{
  const char *title;

  g_return_val_if_fail (REMPART_IS_WORKSPACE (self), NULL);
  title = rempart_feed_get_title (self->feed);
  return title != NULL && title[0] != '\0' ? title : self->slug;
}

const char *
rempart_workspace_get_feed_url (RempartWorkspace *self)
{
  g_return_val_if_fail (REMPART_IS_WORKSPACE (self), NULL);
  return rempart_feed_get_feed_url (self->feed);
}

const char *
rempart_workspace_get_public_key (RempartWorkspace *self)
{
  g_return_val_if_fail (REMPART_IS_WORKSPACE (self), NULL);
  return self->public_key;
}

RempartFeed *
rempart_workspace_get_feed (RempartWorkspace *self)
{
  g_return_val_if_fail (REMPART_IS_WORKSPACE (self), NULL);
  return self->feed;
}

RempartFeed *
rempart_workspace_get_published (RempartWorkspace *self)
{
  g_return_val_if_fail (REMPART_IS_WORKSPACE (self), NULL);
  return self->published;
}

JsonNode *
rempart_workspace_get_document (RempartWorkspace *self)
{
  g_return_val_if_fail (REMPART_IS_WORKSPACE (self), NULL);
  return self->root;
}

GPtrArray *
rempart_workspace_list_actions (RempartWorkspace *self, RempartWorkspaceSort sort)
{
  GListModel *actions;
  GPtrArray *result;
  guint n;

  g_return_val_if_fail (REMPART_IS_WORKSPACE (self), NULL);

  actions = rempart_feed_get_actions (self->feed);
  n = g_list_model_get_n_items (actions);
  result = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (result, g_list_model_get_item (actions, i));
  g_ptr_array_sort (result,
                    sort == REMPART_WORKSPACE_SORT_URGENCY ? compare_by_urgency : compare_by_date);
  return result;
}

RempartWorkspaceActionState
rempart_workspace_get_action_state (RempartWorkspace *self, const char *id, GDateTime *now)
{
  RempartAction *action;
  JsonNode *published;
  JsonNode *working;

  g_return_val_if_fail (REMPART_IS_WORKSPACE (self), REMPART_WORKSPACE_ACTION_DRAFT);
  g_return_val_if_fail (id != NULL && now != NULL, REMPART_WORKSPACE_ACTION_DRAFT);

  action = rempart_feed_lookup_action (self->feed, id);
  if (action != NULL && rempart_action_is_expired (action, now))
    return REMPART_WORKSPACE_ACTION_EXPIRED;

  published = g_hash_table_lookup (self->published_items, id);
  working = find_item (self->root, id, NULL);
  if (published != NULL && working != NULL && json_node_equal (published, working))
    return REMPART_WORKSPACE_ACTION_PUBLISHED;
  return REMPART_WORKSPACE_ACTION_DRAFT;
}

gboolean
rempart_workspace_add_action (RempartWorkspace *self,
                              const RempartNewAction *action,
                              char **out_id,
                              GError **error)
{
  RempartNewAction copy;
  g_autofree char *id = NULL;

  g_return_val_if_fail (REMPART_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (action != NULL, FALSE);

  /* Choose the id here, to hand it back. */
  copy = *action;
  id = action->id != NULL ? g_strdup (action->id) : rempart_feed_new_action_id ();
  copy.id = id;
  if (!rempart_feed_document_add_action (self->root, &copy, error))
    return FALSE;
  if (!changed (self, error))
    return FALSE;
  if (out_id != NULL)
    *out_id = g_steal_pointer (&id);
  return TRUE;
}

gboolean
rempart_workspace_edit_action (RempartWorkspace *self,
                               const char *id,
                               const RempartNewAction *action,
                               RempartActionFields fields,
                               GError **error)
{
  g_return_val_if_fail (REMPART_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (id != NULL && action != NULL, FALSE);

  if (!rempart_feed_document_edit_action (self->root, id, action, fields, error))
    return FALSE;
  return changed (self, error);
}

gboolean
rempart_workspace_remove_action (RempartWorkspace *self,
                                 const char *id,
                                 JsonNode **out_removed,
                                 guint *out_index,
                                 GError **error)
{
  g_autoptr (JsonNode) removed = NULL;
  JsonNode *item;
  guint index = 0;

  g_return_val_if_fail (REMPART_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  item = find_item (self->root, id, &index);
  if (item != NULL)
    removed = json_node_ref (item);
  if (!rempart_feed_document_remove_action (self->root, id, error))
    return FALSE;
  if (!changed (self, error))
    return FALSE;
  if (out_removed != NULL)
    *out_removed = g_steal_pointer (&removed);
  if (out_index != NULL)
    *out_index = index;
  return TRUE;
}

gboolean
rempart_workspace_restore_action (RempartWorkspace *self,
                                  JsonNode *item,
                                  guint index,
                                  GError **error)
{
  g_autofree char *id = NULL;
  g_autoptr (JsonArray) items = NULL;
  JsonArray *old_items;
  JsonNode *items_node;
  guint n;

  g_return_val_if_fail (REMPART_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (item != NULL, FALSE);

  id = rempart_workspace_item_id (item);
  old_items = get_items (self->root);
  if (id == NULL || old_items == NULL || find_item (self->root, id, NULL) != NULL)
    {
      g_set_error (error, REMPART_WORKSPACE_ERROR, REMPART_WORKSPACE_ERROR_INVALID,
                   _ ("The action cannot be put back: the feed already has one with its id"));
      return FALSE;
    }

  /* JsonArray cannot insert: a new array sharing the other items. */
  n = json_array_get_length (old_items);
  index = MIN (index, n);
  items = json_array_sized_new (n + 1);
  for (guint i = 0; i <= n; i++)
    {
      if (i == index)
        json_array_add_element (items, json_node_ref (item));
      if (i < n)
        json_array_add_element (items, json_node_ref (json_array_get_element (old_items, i)));
    }
  json_object_set_array_member (json_node_get_object (self->root), "items",
                                g_steal_pointer (&items));
  items_node = json_object_get_member (json_node_get_object (self->root), "items");
  for (guint i = 0; i <= n; i++)
    json_node_set_parent (json_array_get_element (json_node_get_array (items_node), i), items_node);

  return changed (self, error);
}

gboolean
rempart_workspace_set_settings (RempartWorkspace *self,
                                const RempartFeedSettings *settings,
                                GError **error)
{
  g_return_val_if_fail (REMPART_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (settings != NULL, FALSE);

  if (!rempart_feed_document_set_settings (self->root, settings, error))
    return FALSE;
  return changed (self, error);
}

gboolean
rempart_workspace_set_templates (RempartWorkspace *self, GPtrArray *templates, GError **error)
{
  JsonObject *object;
  JsonNode *ext;
  g_autoptr (JsonArray) array = NULL;

  g_return_val_if_fail (REMPART_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (templates != NULL, FALSE);

  object = json_node_get_object (self->root);
  ext = json_object_get_member (object, "_rempart");
  if (ext != NULL && !JSON_NODE_HOLDS_OBJECT (ext) && !JSON_NODE_HOLDS_NULL (ext))
    {
      g_set_error (error, REMPART_WORKSPACE_ERROR, REMPART_WORKSPACE_ERROR_INVALID,
                   _ ("The feed’s “_rempart” is not an object; fix it before adding templates"));
      return FALSE;
    }
  for (guint i = 0; i < templates->len; i++)
    {
      RempartFeedTemplate *tmpl = g_ptr_array_index (templates, i);

      if (is_blank (tmpl->id) || is_blank (tmpl->body))
        {
          g_set_error (error, REMPART_WORKSPACE_ERROR, REMPART_WORKSPACE_ERROR_INVALID,
                       _ ("Template %u has no text: write what the reply says"), i + 1);
          return FALSE;
        }
    }

  array = json_array_new ();
  for (guint i = 0; i < templates->len; i++)
    {
      RempartFeedTemplate *tmpl = g_ptr_array_index (templates, i);
      JsonObject *entry = json_object_new ();

      json_object_set_string_member (entry, "id", tmpl->id);
      if (tmpl->title != NULL && tmpl->title[0] != '\0')
        json_object_set_string_member (entry, "title", tmpl->title);
      if (tmpl->language != NULL && tmpl->language[0] != '\0')
        json_object_set_string_member (entry, "language", tmpl->language);
      if (tmpl->topics != NULL && tmpl->topics[0] != NULL)
        {
          JsonArray *topics = json_array_new ();

          for (guint t = 0; tmpl->topics[t] != NULL; t++)
            json_array_add_string_element (topics, tmpl->topics[t]);
          json_object_set_array_member (entry, "topics", topics);
        }
      json_object_set_string_member (entry, "body", tmpl->body);
      if (tmpl->when != NULL && tmpl->when[0] != '\0')
        json_object_set_string_member (entry, "when", tmpl->when);
      json_array_add_object_element (array, entry);
    }

  if (ext == NULL || JSON_NODE_HOLDS_NULL (ext))
    {
      json_object_set_object_member (object, "_rempart", json_object_new ());
      ext = json_object_get_member (object, "_rempart");
    }
  if (templates->len == 0)
    json_object_remove_member (json_node_get_object (ext), "templates");
  else
    json_object_set_array_member (json_node_get_object (ext), "templates",
                                  g_steal_pointer (&array));
  return changed (self, error);
}

gboolean
rempart_workspace_set_published (RempartWorkspace *self, GBytes *published, GError **error)
{
  g_autoptr (JsonNode) root = NULL;
  g_autoptr (RempartFeed) feed = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (REMPART_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (published != NULL, FALSE);

  feed = rempart_feed_parse (published, REMPART_WORKSPACE_PUBLISHED_FILE, error);
  if (feed == NULL)
    return FALSE;
  root = rempart_feed_load_json (published, REMPART_WORKSPACE_PUBLISHED_FILE, error);
  if (root == NULL)
    return FALSE;

  g_clear_pointer (&self->published_root, json_node_unref);
  self->published_root = g_steal_pointer (&root);
  g_set_object (&self->published, feed);
  index_published (self);

  path = g_build_filename (self->dir, REMPART_WORKSPACE_PUBLISHED_FILE, NULL);
  rempart_workspace_write_file_async (path, published, NULL, NULL, NULL);
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

gboolean
rempart_workspace_set_public_key (RempartWorkspace *self, const char *public_key, GError **error)
{
  g_return_val_if_fail (REMPART_IS_WORKSPACE (self), FALSE);

  if (public_key != NULL)
    {
      g_autoptr (RempartMinisignPublicKey) key = NULL;

      key = rempart_minisign_public_key_parse (public_key, strlen (public_key), error);
      if (key == NULL)
        return FALSE;
    }
  g_free (self->public_key);
  self->public_key = g_strdup (public_key);

  if (self->public_key != NULL)
    g_key_file_set_string (self->info, "workspace", "public-key", self->public_key);
  else
    g_key_file_remove_key (self->info, "workspace", "public-key", NULL);
  rempart_workspace_write_info (self);
  return TRUE;
}

/*
 * rempart_workspace_replace_document:
 * @feed: a whole feed, such as the one just published (seq raised) or a merge
 *
 * Makes @feed the working copy, as an edit would (saved soon after, ::changed emitted).
 */
gboolean
rempart_workspace_replace_document (RempartWorkspace *self, GBytes *feed, GError **error)
{
  g_autoptr (JsonNode) root = NULL;
  JsonNode *previous;

  g_return_val_if_fail (REMPART_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (feed != NULL, FALSE);

  root = rempart_feed_load_json (feed, REMPART_WORKSPACE_FEED_FILE, error);
  if (root == NULL)
    return FALSE;
  previous = g_steal_pointer (&self->root);
  self->root = g_steal_pointer (&root);
  if (!changed (self, error))
    {
      json_node_unref (self->root);
      self->root = previous;
      return FALSE;
    }
  json_node_unref (previous);
  return TRUE;
}

GKeyFile *
rempart_workspace_get_info (RempartWorkspace *self)
{
  return self->info;
}

void
rempart_workspace_write_info (RempartWorkspace *self)
{
  g_autoptr (GBytes) bytes = NULL;
  g_autofree char *path = info_path (self);
  gsize length = 0;
  char *data = g_key_file_to_data (self->info, &length, NULL);

  bytes = g_bytes_new_take (data, length);
  rempart_workspace_write_file_async (path, bytes, NULL, NULL, NULL);
}

JsonNode *
rempart_workspace_get_published_root (RempartWorkspace *self)
{
  return self->published_root;
}

gboolean
rempart_workspace_has_unsaved_changes (RempartWorkspace *self)
{
  g_return_val_if_fail (REMPART_IS_WORKSPACE (self), FALSE);
  return self->dirty;
}

/*
 * rempart_workspace_flush:
 *
 * Hands the unsaved working copy to the writer now; does nothing when it is saved. The write
 * goes on even if the workspace is finalized before it lands.
 */
void
rempart_workspace_flush (RempartWorkspace *self)
{
  g_autoptr (GBytes) bytes = NULL;
  g_autofree char *path = NULL;
  GWeakRef *weak;

  g_return_if_fail (REMPART_IS_WORKSPACE (self));

  g_clear_handle_id (&self->quiet_id, g_source_remove);
  g_clear_handle_id (&self->deadline_id, g_source_remove);
  if (!self->dirty)
    return;
  self->dirty = FALSE;

  bytes = document_bytes (self->root);
  path = g_build_filename (self->dir, REMPART_WORKSPACE_FEED_FILE, NULL);
  weak = g_new0 (GWeakRef, 1);
  g_weak_ref_init (weak, self);
  rempart_workspace_write_file_async (path, bytes, NULL, autosave_cb, weak);
}

void
rempart_workspace_save_async (RempartWorkspace *self,
                              GCancellable *cancellable,
                              GAsyncReadyCallback callback,
                              gpointer user_data)
{
  g_autoptr (GTask) task = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (REMPART_IS_WORKSPACE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, rempart_workspace_save_async);

  g_clear_handle_id (&self->quiet_id, g_source_remove);
  g_clear_handle_id (&self->deadline_id, g_source_remove);
  self->dirty = FALSE;

  bytes = document_bytes (self->root);
  path = g_build_filename (self->dir, REMPART_WORKSPACE_FEED_FILE, NULL);
  rempart_workspace_write_file_async (path, bytes, cancellable, save_cb, g_steal_pointer (&task));
}

gboolean
rempart_workspace_save_finish (RempartWorkspace *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
