/* rempart-action-model.c: one list of the main window as a GListModel
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "rempart-action-item-private.h"
#include "rempart-action-model.h"
#include "rempart-workers.h"

/*
 * The store answers a reload with the whole list (10,000 actions take a few milliseconds to
 * read, see tests/bench/bench-action-model.c), so the model does not try to follow individual
 * changes: it diffs the answer against what it shows. Items are matched by their key
 * (subscription URL + action id) through a hash table; a kept item is updated in place and
 * only notifies what changed. The new list is then announced with a single items-changed
 * covering the span between the common head and the common tail, so a re-import that changes
 * nothing emits nothing, and a GtkListView keeps its selection and scroll position.
 *
 * The first screenful first: when the model shows nothing of its view yet (a new store, the
 * first load, another view), a reload asks the store for the head of the list (HEAD_ROWS
 * rows, the same query with a LIMIT, so the same order) and then for the whole list; jobs
 * run in order on the store's thread, so the head comes first and is shown while the rest
 * is read. The whole list then keeps the head's items (same keys) and the diff appends the
 * rest in one items-changed. Until it is in, "partial" is TRUE and "loading" stays TRUE, so
 * that nothing reads the head as the whole list (a search, the count, an empty state). A
 * head shorter than HEAD_ROWS is the whole list: it ends the reload.
 *
 * Superseded reloads: each reload has its own GCancellable. The store does not check it once
 * the worker ran the job (g_task_set_check_cancellable FALSE), so the callback compares its
 * cancellable with the current one and drops an answer that is no longer awaited.
 */

struct _RempartActionModel
{
  GObject parent_instance;

  RempartStore *store;
  RempartActionView view;

  GPtrArray *items;  /* (element-type RempartActionItem) owned */
  GHashTable *index; /* set of RempartActionItem by key (unowned; @items holds them) */

  GCancellable *cancellable; /* of the pending reload, NULL when none */
  char *error;
  gboolean partial;    /* @items are the head of the list, the rest is loading */
  gboolean view_shown; /* @items are a list of @view (not of another view) */
};

/* What a window shows at first and a little more: GTK 4.8's list view builds up to 200
 * rows, a tall window shows about 25. */
#define HEAD_ROWS 100

static void rempart_action_model_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (RempartActionModel,
                               rempart_action_model,
                               G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      rempart_action_model_list_model_init))

enum
{
  PROP_0,
  PROP_STORE,
  PROP_VIEW,
  PROP_LOADING,
  PROP_ERROR,
  PROP_N_ITEMS,
  PROP_PARTIAL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* -------------------------------------------------------------------------------------- */
/* Helpers                                                                                */
/* -------------------------------------------------------------------------------------- */

/* The index is a set of items keyed by (subscription URL, action id), read from the item
 * itself: no key string of its own per row (about 80 bytes, 4 MiB at 50,000 actions, and an
 * allocation per row on every reload). A lookup passes a Probe instead of an item: its first
 * pointer is NULL where an instance's is its class, so the hash table's functions tell the
 * two apart whichever side they get each on. */
typedef struct
{
  gpointer null;
  const char *url;
  const char *id;
} Probe;

static void
key_parts (gconstpointer key, const char **url, const char **id)
{
  const Probe *probe = key;

  if (probe->null == NULL)
    {
      *url = probe->url;
      *id = probe->id;
    }
  else
    {
      const RempartStoredAction *stored = rempart_action_item_get_stored ((gpointer) key);

      *url = stored->subscription_url;
      *id = rempart_action_get_id (stored->action);
    }
}

static guint
key_hash (gconstpointer key)
{
  const char *url, *id;

  key_parts (key, &url, &id);
  return g_str_hash (url) * 33 + g_str_hash (id);
}

static gboolean
key_equal (gconstpointer a, gconstpointer b)
{
  const char *url_a, *id_a, *url_b, *id_b;

  key_parts (a, &url_a, &id_a);
  key_parts (b, &url_b, &id_b);
  return strcmp (id_a, id_b) == 0 && strcmp (url_a, url_b) == 0;
}

static GHashTable *
index_new (void)
{
  return g_hash_table_new (key_hash, key_equal);
}

static void
set_loading (RempartActionModel *self, GCancellable *cancellable)
{
  gboolean was_loading = self->cancellable != NULL;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_set_object (&self->cancellable, cancellable);

  if (was_loading != (cancellable != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
set_partial (RempartActionModel *self, gboolean partial)
{
  if (self->partial == partial)
    return;
  self->partial = partial;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PARTIAL]);
}

static void
set_error (RempartActionModel *self, const char *message)
{
  if (g_strcmp0 (self->error, message) == 0)
    return;

  g_free (self->error);
  self->error = g_strdup (message);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
}

/* Swaps in @items (whose index is @index) and emits one items-changed over what differs. */
static void
replace_items (RempartActionModel *self, GPtrArray *items, GHashTable *index)
{
  g_autoptr (GPtrArray) old_items = self->items;
  g_autoptr (GHashTable) old_index = self->index;
  guint old_n = old_items->len;
  guint new_n = items->len;
  guint head = 0;
  guint tail = 0;

  while (head < old_n && head < new_n && old_items->pdata[head] == items->pdata[head])
    head++;
  while (tail < old_n - head && tail < new_n - head &&
         old_items->pdata[old_n - 1 - tail] == items->pdata[new_n - 1 - tail])
    tail++;

  self->items = g_ptr_array_ref (items);
  self->index = g_hash_table_ref (index);

  if (head + tail == old_n && old_n == new_n)
    return;

  g_list_model_items_changed (G_LIST_MODEL (self), head, old_n - head - tail, new_n - head - tail);
  if (old_n != new_n)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

static void
clear_items (RempartActionModel *self)
{
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GHashTable) index = index_new ();

  replace_items (self, items, index);
}

static void
free_list_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  /* task_data is the list: freed with the task, here. */
}

/* Dropping 10,000 RempartActions costs more than everything else a reload does on the main
 * thread, so a large batch is freed in a GTask thread: actions and stored copies have no
 * thread affinity, and nothing else holds the stored copies. */
static void
free_list_later (GPtrArray *list)
{
  g_autoptr (GTask) task = NULL;

  if (list->len < 256)
    {
      g_ptr_array_unref (list);
      return;
    }

  task = g_task_new (NULL, NULL, NULL, NULL);
  g_task_set_source_tag (task, free_list_later);
  g_task_set_task_data (task, list, (GDestroyNotify) g_ptr_array_unref);
  rempart_workers_run_in_thread (task, free_list_thread);
}

/* Takes the stored actions out of @list; what is left in it (the replaced copies) is
 * freed later. */
static void
apply_list (RempartActionModel *self, GPtrArray *list)
{
  g_autoptr (GPtrArray) items = g_ptr_array_new_full (list->len, g_object_unref);
  g_autoptr (GHashTable) index = index_new ();

  for (guint i = 0; i < list->len; i++)
    {
      RempartStoredAction *stored = g_ptr_array_index (list, i);
      Probe key = { NULL, stored->subscription_url, rempart_action_get_id (stored->action) };
      RempartActionItem *item = g_hash_table_lookup (self->index, &key);

      /* The store's primary key makes duplicates impossible; be safe anyway. */
      if (g_hash_table_contains (index, &key))
        continue;

      if (item != NULL)
        {
          list->pdata[i] = rempart_action_item_update_take (item, stored);
          g_object_ref (item);
        }
      else
        {
          list->pdata[i] = NULL;
          item = rempart_action_item_new_take (stored);
        }

      g_ptr_array_add (items, item);
      g_hash_table_add (index, item);
    }

  replace_items (self, items, index);
}

/* -------------------------------------------------------------------------------------- */
/* Callbacks                                                                              */
/* -------------------------------------------------------------------------------------- */

typedef struct
{
  RempartActionModel *self;
  GCancellable *cancellable;
} ReloadData;

static void
reload_data_free (ReloadData *data)
{
  g_clear_object (&data->self);
  g_clear_object (&data->cancellable);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReloadData, reload_data_free)

static ReloadData *
reload_data_new (RempartActionModel *self, GCancellable *cancellable)
{
  ReloadData *data = g_new0 (ReloadData, 1);

  data->self = g_object_ref (self);
  data->cancellable = g_object_ref (cancellable);
  return data;
}

static void
list_head_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (ReloadData) data = user_data;
  RempartActionModel *self = data->self;
  GPtrArray *list = NULL;
  gboolean whole;

  /* An error is the whole list's to report: it comes next. */
  list = rempart_store_list_action_rows_head_finish (REMPART_STORE (source), result, NULL);
  if (list == NULL)
    return;
  if (data->cancellable != self->cancellable)
    {
      free_list_later (list);
      return;
    }

  whole = list->len < HEAD_ROWS;
  g_object_freeze_notify (G_OBJECT (self));
  /* Shorter than asked for: the whole list, and the end of this reload (the answer of the
   * whole list, cancelled here, is dropped when it comes). */
  if (whole)
    set_loading (self, NULL);
  set_error (self, NULL);
  /* Before the items-changed: what it makes a consumer read must be the new state. */
  set_partial (self, !whole);
  self->view_shown = TRUE;
  apply_list (self, list);
  g_object_thaw_notify (G_OBJECT (self));
  free_list_later (list);
}

static void
list_actions_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (ReloadData) data = user_data;
  RempartActionModel *self = data->self;
  GPtrArray *list = NULL;
  g_autoptr (GError) error = NULL;
  gboolean was_partial;

  list = rempart_store_list_action_rows_finish (REMPART_STORE (source), result, &error);

  /* Superseded (a newer reload, another store or view, dispose): not ours to apply. */
  if (data->cancellable != self->cancellable)
    {
      if (list != NULL)
        free_list_later (list);
      return;
    }

  was_partial = self->partial;
  g_object_freeze_notify (G_OBJECT (self));
  set_loading (self, NULL);
  set_partial (self, FALSE);
  if (list != NULL)
    {
      set_error (self, NULL);
      self->view_shown = TRUE;
      apply_list (self, list);
    }
  else
    {
      /* The head alone would pass for the whole list: show the error instead. */
      set_error (self, error->message);
      if (was_partial)
        {
          clear_items (self);
          self->view_shown = FALSE;
        }
    }
  g_object_thaw_notify (G_OBJECT (self));

  if (list != NULL)
    free_list_later (list);
}

/* -------------------------------------------------------------------------------------- */
/* GListModel                                                                             */
/* -------------------------------------------------------------------------------------- */

static GType
rempart_action_model_get_item_type (GListModel *model)
{
  return REMPART_TYPE_ACTION_ITEM;
}

static guint
rempart_action_model_get_n_items (GListModel *model)
{
  return REMPART_ACTION_MODEL (model)->items->len;
}

static gpointer
rempart_action_model_get_item (GListModel *model, guint position)
{
  RempartActionModel *self = REMPART_ACTION_MODEL (model);

  if (position >= self->items->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
rempart_action_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = rempart_action_model_get_item_type;
  iface->get_n_items = rempart_action_model_get_n_items;
  iface->get_item = rempart_action_model_get_item;
}

/* -------------------------------------------------------------------------------------- */
/* GObject                                                                                */
/* -------------------------------------------------------------------------------------- */

static void
rempart_action_model_dispose (GObject *object)
{
  RempartActionModel *self = REMPART_ACTION_MODEL (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (rempart_action_model_parent_class)->dispose (object);
}

static void
rempart_action_model_finalize (GObject *object)
{
  RempartActionModel *self = REMPART_ACTION_MODEL (object);

  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->index, g_hash_table_unref);
  g_clear_pointer (&self->error, g_free);

  G_OBJECT_CLASS (rempart_action_model_parent_class)->finalize (object);
}

static void
rempart_action_model_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  RempartActionModel *self = REMPART_ACTION_MODEL (object);

  switch (prop_id)
    {
      case PROP_STORE:
        g_value_set_object (value, self->store);
        break;
      case PROP_VIEW:
        g_value_set_uint (value, self->view);
        break;
      case PROP_LOADING:
        g_value_set_boolean (value, self->cancellable != NULL);
        break;
      case PROP_ERROR:
        g_value_set_string (value, self->error);
        break;
      case PROP_N_ITEMS:
        g_value_set_uint (value, self->items->len);
        break;
      case PROP_PARTIAL:
        g_value_set_boolean (value, self->partial);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rempart_action_model_set_property (GObject *object,
                                   guint prop_id,
                                   const GValue *value,
                                   GParamSpec *pspec)
{
  RempartActionModel *self = REMPART_ACTION_MODEL (object);

  switch (prop_id)
    {
      case PROP_STORE:
        rempart_action_model_set_store (self, g_value_get_object (value));
        break;
      case PROP_VIEW:
        rempart_action_model_set_view (self, g_value_get_uint (value));
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rempart_action_model_class_init (RempartActionModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = rempart_action_model_dispose;
  object_class->finalize = rempart_action_model_finalize;
  object_class->get_property = rempart_action_model_get_property;
  object_class->set_property = rempart_action_model_set_property;

  properties[PROP_STORE] = g_param_spec_object ("store", NULL, NULL, REMPART_TYPE_STORE, rw);
  properties[PROP_VIEW] = g_param_spec_uint ("view", NULL, NULL, REMPART_ACTION_VIEW_TODO,
                                             REMPART_ACTION_VIEW_ALL, REMPART_ACTION_VIEW_TODO, rw);
  properties[PROP_LOADING] = g_param_spec_boolean ("loading", NULL, NULL, FALSE, ro);
  properties[PROP_ERROR] = g_param_spec_string ("error", NULL, NULL, NULL, ro);
  properties[PROP_N_ITEMS] = g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_PARTIAL] = g_param_spec_boolean ("partial", NULL, NULL, FALSE, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rempart_action_model_init (RempartActionModel *self)
{
  self->view = REMPART_ACTION_VIEW_TODO;
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->index = index_new ();
}

/* -------------------------------------------------------------------------------------- */
/* Public API                                                                             */
/* -------------------------------------------------------------------------------------- */

RempartActionModel *
rempart_action_model_new (RempartStore *store, RempartActionView view)
{
  g_return_val_if_fail (store == NULL || REMPART_IS_STORE (store), NULL);
  g_return_val_if_fail (view <= REMPART_ACTION_VIEW_ALL, NULL);

  return g_object_new (REMPART_TYPE_ACTION_MODEL, "view", view, "store", store, NULL);
}

RempartStore *
rempart_action_model_get_store (RempartActionModel *self)
{
  g_return_val_if_fail (REMPART_IS_ACTION_MODEL (self), NULL);

  return self->store;
}

void
rempart_action_model_set_store (RempartActionModel *self, RempartStore *store)
{
  g_return_if_fail (REMPART_IS_ACTION_MODEL (self));
  g_return_if_fail (store == NULL || REMPART_IS_STORE (store));

  if (self->store == store)
    return;

  g_object_freeze_notify (G_OBJECT (self));
  g_set_object (&self->store, store);
  set_loading (self, NULL);
  set_error (self, NULL);
  clear_items (self);
  self->view_shown = FALSE;
  set_partial (self, FALSE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
  if (store != NULL)
    rempart_action_model_reload (self);
  g_object_thaw_notify (G_OBJECT (self));
}

RempartActionView
rempart_action_model_get_view (RempartActionModel *self)
{
  g_return_val_if_fail (REMPART_IS_ACTION_MODEL (self), REMPART_ACTION_VIEW_TODO);

  return self->view;
}

void
rempart_action_model_set_view (RempartActionModel *self, RempartActionView view)
{
  g_return_if_fail (REMPART_IS_ACTION_MODEL (self));
  g_return_if_fail (view <= REMPART_ACTION_VIEW_ALL);

  if (self->view == view)
    return;

  /* The items of the old view stay until the answer (the head of the new one): no empty
   * flash between two lists. */
  self->view = view;
  self->view_shown = FALSE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VIEW]);
  if (self->store != NULL)
    rempart_action_model_reload (self);
}

void
rempart_action_model_reload (RempartActionModel *self)
{
  g_autoptr (GCancellable) cancellable = NULL;
  ReloadData *data;

  g_return_if_fail (REMPART_IS_ACTION_MODEL (self));

  if (self->store == NULL)
    return;

  cancellable = g_cancellable_new ();
  set_loading (self, cancellable);

  /* A reload of the list shown keeps it until the whole answer: a head would shorten it. */
  if (!self->view_shown || self->items->len == 0)
    rempart_store_list_action_rows_head_async (self->store, self->view, HEAD_ROWS, cancellable,
                                               list_head_cb, reload_data_new (self, cancellable));
  data = reload_data_new (self, cancellable);
  rempart_store_list_action_rows_async (self->store, self->view, cancellable, list_actions_cb,
                                        data);
}

gboolean
rempart_action_model_get_partial (RempartActionModel *self)
{
  g_return_val_if_fail (REMPART_IS_ACTION_MODEL (self), FALSE);

  return self->partial;
}

gboolean
rempart_action_model_get_loading (RempartActionModel *self)
{
  g_return_val_if_fail (REMPART_IS_ACTION_MODEL (self), FALSE);

  return self->cancellable != NULL;
}

const char *
rempart_action_model_get_error (RempartActionModel *self)
{
  g_return_val_if_fail (REMPART_IS_ACTION_MODEL (self), NULL);

  return self->error;
}

RempartActionItem *
rempart_action_model_find (RempartActionModel *self,
                           const char *subscription_url,
                           const char *action_id)
{
  Probe key = { NULL, subscription_url, action_id };

  g_return_val_if_fail (REMPART_IS_ACTION_MODEL (self), NULL);
  g_return_val_if_fail (subscription_url != NULL && action_id != NULL, NULL);

  return g_hash_table_lookup (self->index, &key);
}
