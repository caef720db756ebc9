/* rempart-export.c: the volunteer's participation and replies, to CSV or JSON
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "rempart-export.h"

/*
 * The export is for the volunteer: a spreadsheet or a script of theirs must read it without
 * Rempart. So both formats carry the same flat rows with plain names, dates in UTC, and the
 * topic as the feed's own keyword rather than a translated label.
 */

typedef struct
{
  GFile *file;
  RempartExportFormat format;
  GPtrArray *events;
} WriteData;

static const char *const columns[] = {
  "date", "kind", "group", "group_url", "action_id", "action", "topic", "reply",
};

/* -------------------------------------------------------------------------------------- */
/* Helpers                                                                                */
/* -------------------------------------------------------------------------------------- */

static void
write_data_free (WriteData *data)
{
  g_clear_object (&data->file);
  g_clear_pointer (&data->events, g_ptr_array_unref);
  g_free (data);
}

static char *
reply_key (const char *url, const char *action_id)
{
  return g_strconcat (url, "\x1f", action_id, NULL);
}

/* The row of @ev, as the columns above. */
static void
row_values (const RempartParticipationEvent *ev, GHashTable *texts, char *values[8])
{
  g_autoptr (GDateTime) date = g_date_time_new_from_unix_utc (ev->at);
  g_autofree char *key = reply_key (ev->subscription_url, ev->action_id);
  const char *topic = rempart_topic_to_string (ev->topic);
  const char *text = NULL;

  if (ev->kind == REMPART_ACTION_STATE_POSTED)
    text = g_hash_table_lookup (texts, key);

  values[0] = date != NULL ? g_date_time_format (date, "%Y-%m-%dT%H:%M:%SZ") : g_strdup ("");
  values[1] = g_strdup (rempart_export_kind_to_string (ev->kind));
  values[2] = g_strdup (ev->group_title != NULL ? ev->group_title : "");
  values[3] = g_strdup (ev->subscription_url);
  values[4] = g_strdup (ev->action_id);
  values[5] = g_strdup (ev->action_title != NULL ? ev->action_title : "");
  values[6] = g_strdup (topic != NULL ? topic : "");
  values[7] = g_strdup (text != NULL ? text : "");
}

static void
append_csv_field (GString *out, const char *value)
{
  g_string_append_c (out, '"');
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static GBytes *
build_csv (GPtrArray *events, GHashTable *texts)
{
  GString *out = g_string_new (NULL);

  for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
    g_string_append_printf (out, "%s%s", c > 0 ? "," : "", columns[c]);
  g_string_append (out, "\r\n");

  for (guint i = 0; i < events->len; i++)
    {
      char *values[G_N_ELEMENTS (columns)];

      row_values (g_ptr_array_index (events, i), texts, values);
      for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
        {
          if (c > 0)
            g_string_append_c (out, ',');
          append_csv_field (out, values[c]);
          g_free (values[c]);
        }
      g_string_append (out, "\r\n");
    }

  return g_string_free_to_bytes (out);
}

static GBytes *
build_json (GPtrArray *events, GHashTable *texts)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autoptr (JsonNode) root = NULL;
  gsize length;
  char *data;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, "rempart-participation");
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, 1);
  json_builder_set_member_name (builder, "events");
  json_builder_begin_array (builder);
  for (guint i = 0; i < events->len; i++)
    {
      char *values[G_N_ELEMENTS (columns)];

      row_values (g_ptr_array_index (events, i), texts, values);
      json_builder_begin_object (builder);
      for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
        {
          json_builder_set_member_name (builder, columns[c]);
          json_builder_add_string_value (builder, values[c]);
          g_free (values[c]);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  data = json_generator_to_data (generator, &length);
  return g_bytes_new_take (data, length);
}

/* -------------------------------------------------------------------------------------- */
/* Callbacks                                                                              */
/* -------------------------------------------------------------------------------------- */

static void
written_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  g_autoptr (GError) error = NULL;

  if (!g_file_replace_contents_finish (G_FILE (source), result, NULL, &error))
    {
      g_autofree char *name = g_file_get_parse_name (G_FILE (source));

      g_prefix_error (&error, _ ("Could not write “%s”: "), name);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_boolean (task, TRUE);
}

static void
replies_listed_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  WriteData *data = g_task_get_task_data (task);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) replies = NULL;
  g_autoptr (GBytes) bytes = NULL;
  GCancellable *cancellable = g_task_get_cancellable (task);

  replies = rempart_store_list_posted_replies_finish (REMPART_STORE (source), result, &error);
  if (replies == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  bytes = rempart_export_build (data->events, replies, data->format);
  g_file_replace_contents_bytes_async (data->file, bytes, NULL, FALSE,
                                       G_FILE_CREATE_REPLACE_DESTINATION, cancellable, written_cb,
                                       g_steal_pointer (&task));
}

static void
events_listed_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  WriteData *data = g_task_get_task_data (task);
  g_autoptr (GError) error = NULL;
  GCancellable *cancellable;

  data->events = rempart_store_list_events_finish (REMPART_STORE (source), result, &error);
  if (data->events == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  cancellable = g_task_get_cancellable (task);
  rempart_store_list_posted_replies_async (REMPART_STORE (source), cancellable, replies_listed_cb,
                                           g_steal_pointer (&task));
}

/* -------------------------------------------------------------------------------------- */
/* Public API                                                                             */
/* -------------------------------------------------------------------------------------- */

const char *
rempart_export_kind_to_string (RempartActionState kind)
{
  switch (kind)
    {
      case REMPART_ACTION_STATE_OPENED:
        return "opened";
      case REMPART_ACTION_STATE_JOINED:
        return "joined";
      case REMPART_ACTION_STATE_POSTED:
        return "posted";
      case REMPART_ACTION_STATE_DISMISSED:
        return "set-aside";
      case REMPART_ACTION_STATE_NONE:
      default:
        return NULL;
    }
}

GBytes *
rempart_export_build (GPtrArray *events, GPtrArray *replies, RempartExportFormat format)
{
  g_autoptr (GHashTable) texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_return_val_if_fail (events != NULL && replies != NULL, NULL);

  for (guint i = 0; i < replies->len; i++)
    {
      const RempartPostedReply *reply = g_ptr_array_index (replies, i);

      g_hash_table_replace (texts, reply_key (reply->subscription_url, reply->action_id),
                            reply->text);
    }

  if (format == REMPART_EXPORT_JSON)
    return build_json (events, texts);
  return build_csv (events, texts);
}

void
rempart_export_write_async (RempartStore *store,
                            GFile *file,
                            RempartExportFormat format,
                            GCancellable *cancellable,
                            GAsyncReadyCallback callback,
                            gpointer user_data)
{
  g_autoptr (GTask) task = NULL;
  WriteData *data;

  g_return_if_fail (REMPART_IS_STORE (store));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, rempart_export_write_async);
  data = g_new0 (WriteData, 1);
  data->file = g_object_ref (file);
  data->format = format;
  g_task_set_task_data (task, data, (GDestroyNotify) write_data_free);

  rempart_store_list_events_async (store, cancellable, events_listed_cb, g_steal_pointer (&task));
}

gboolean
rempart_export_write_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (G_IS_TASK (result), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == rempart_export_write_async,
                        FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
