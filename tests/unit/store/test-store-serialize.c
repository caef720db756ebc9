/* test-store-serialize.c
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>

#include "rempart-action-builder.h"
#include "rempart-date.h"
#include "rempart-store-private.h"

/*
 * The details column and the action hash are written without json-glib's builder and
 * GLib's checksum (issue 14). Rows written before hold the text JsonGenerator made and the
 * digest GChecksum made, so both must come out byte for byte the same: this file keeps the
 * former way of making them as the reference and compares on hostile text (every control
 * character, quotes, backslashes, DEL, non-ASCII, empty and absent fields).
 */

/* -------------------------------------------------------------------------------------- */
/* The reference: the code the direct writer replaced                                     */
/* -------------------------------------------------------------------------------------- */

static void
ref_add_string (JsonBuilder *builder, const char *name, const char *value)
{
  if (value == NULL)
    return;
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

static void
ref_add_strv (JsonBuilder *builder, const char *name, const char *const *strv)
{
  if (strv == NULL || strv[0] == NULL)
    return;
  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  for (guint i = 0; strv[i] != NULL; i++)
    json_builder_add_string_value (builder, strv[i]);
  json_builder_end_array (builder);
}

static void
ref_add_date (JsonBuilder *builder, const char *name, GDateTime *date)
{
  g_autofree char *text = date != NULL ? rempart_date_format (date) : NULL;

  ref_add_string (builder, name, text);
}

static char *
ref_details (RempartAction *action)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autoptr (JsonNode) root = NULL;
  GPtrArray *sources = rempart_action_get_sources (action);

  json_builder_begin_object (builder);
  ref_add_string (builder, "brief", rempart_action_get_brief (action));
  ref_add_string (builder, "excerpt", rempart_action_get_excerpt (action));
  ref_add_string (builder, "language", rempart_action_get_language (action));
  ref_add_date (builder, "date_published", rempart_action_get_date_published (action));
  ref_add_date (builder, "date_modified", rempart_action_get_date_modified (action));
  ref_add_date (builder, "expires", rempart_action_get_expires (action));
  ref_add_strv (builder, "tags", rempart_action_get_tags (action));
  ref_add_strv (builder, "arguments", rempart_action_get_arguments (action));
  if (sources != NULL && sources->len > 0)
    {
      json_builder_set_member_name (builder, "sources");
      json_builder_begin_array (builder);
      for (guint i = 0; i < sources->len; i++)
        {
          const RempartSource *source = g_ptr_array_index (sources, i);

          json_builder_begin_object (builder);
          ref_add_string (builder, "title", source->title);
          ref_add_string (builder, "url", source->url);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
    }
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

static void
ref_hash_field (GChecksum *checksum, const char *text)
{
  if (text != NULL)
    g_checksum_update (checksum, (const guchar *) text, -1);
  g_checksum_update (checksum, (const guchar *) "\x1f", 1);
}

static void
ref_hash_date (GChecksum *checksum, GDateTime *date)
{
  char text[64] = "";

  if (date != NULL)
    g_snprintf (text, sizeof text, "%" G_GINT64_FORMAT " %" G_GINT64_FORMAT,
                g_date_time_to_unix (date), (gint64) g_date_time_get_utc_offset (date));
  ref_hash_field (checksum, text);
}

static void
ref_hash_strv (GChecksum *checksum, const char *const *strv)
{
  for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
    {
      g_checksum_update (checksum, (const guchar *) "\x1e", 1);
      ref_hash_field (checksum, strv[i]);
    }
  g_checksum_update (checksum, (const guchar *) "\x1d", 1);
}

static char *
ref_hash (RempartAction *action)
{
  g_autoptr (GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  GPtrArray *sources = rempart_action_get_sources (action);
  char numbers[32];

  ref_hash_field (checksum, "2");
  ref_hash_field (checksum, rempart_action_get_url (action));
  ref_hash_field (checksum, rempart_action_get_title (action));
  ref_hash_field (checksum, rempart_action_get_platform (action));
  g_snprintf (numbers, sizeof numbers, "%d %d", rempart_action_get_topic (action),
              rempart_action_get_priority (action));
  ref_hash_field (checksum, numbers);
  ref_hash_field (checksum, rempart_action_get_brief (action));
  ref_hash_field (checksum, rempart_action_get_excerpt (action));
  ref_hash_field (checksum, rempart_action_get_language (action));
  ref_hash_date (checksum, rempart_action_get_date_published (action));
  ref_hash_date (checksum, rempart_action_get_date_modified (action));
  ref_hash_date (checksum, rempart_action_get_expires (action));
  ref_hash_strv (checksum, rempart_action_get_tags (action));
  ref_hash_strv (checksum, rempart_action_get_arguments (action));
  for (guint i = 0; sources != NULL && i < sources->len; i++)
    {
      const RempartSource *source = g_ptr_array_index (sources, i);

      g_checksum_update (checksum, (const guchar *) "\x1e", 1);
      ref_hash_field (checksum, source->title);
      ref_hash_field (checksum, source->url);
    }
  return g_strdup (g_checksum_get_string (checksum));
}

/* -------------------------------------------------------------------------------------- */
/* Helpers                                                                                */
/* -------------------------------------------------------------------------------------- */

static void
assert_same (RempartAction *action)
{
  g_autofree char *details = rempart_store_action_details (action);
  g_autofree char *expected_details = ref_details (action);
  g_autofree char *hash = rempart_store_action_hash (action);
  g_autofree char *expected_hash = ref_hash (action);

  g_assert_cmpstr (details, ==, expected_details);
  g_assert_cmpstr (hash, ==, expected_hash);
}

/* Every byte from 0x01 to 0x7f, then some UTF-8: the escapes json-glib writes are the
 * quote, the backslash, the controls below 0x1f and DEL (0x1f itself is left raw). */
static char *
every_byte (const char *around)
{
  GString *text = g_string_new (around);

  for (int c = 1; c < 0x80; c++)
    g_string_append_c (text, (char) c);
  g_string_append (text, "é€😀\u2028\u2029 \\\" \\u0041 /");
  g_string_append (text, around);
  return g_string_free (text, FALSE);
}

/* -------------------------------------------------------------------------------------- */
/* Tests                                                                                  */
/* -------------------------------------------------------------------------------------- */

static void
test_serialize_empty (void)
{
  g_autoptr (RempartAction) action = rempart_action_new ("a", "https://example.org/1");
  g_autofree char *details = rempart_store_action_details (action);

  g_assert_cmpstr (details, ==, "{}");
  assert_same (action);
}

static void
test_serialize_every_field (void)
{
  g_autoptr (RempartAction) action = rempart_action_new ("a", "https://example.org/1");
  g_autoptr (GDateTime) published = rempart_date_parse ("2026-05-02T08:30:00+02:00");
  g_autoptr (GDateTime) modified = rempart_date_parse ("2026-05-02T09:30:00Z");
  g_autoptr (GDateTime) expires = rempart_date_parse ("2026-05-03T08:30:00-05:30");
  GPtrArray *sources = g_ptr_array_new_with_free_func ((GDestroyNotify) rempart_source_free);
  const char *tags[] = { "immigration", "chiffres", NULL };
  const char *arguments[] = { "Les étrangers sont une minorité.", "Deux", NULL };

  rempart_action_take_text (action, REMPART_ACTION_TITLE, g_strdup ("Fil n°5"));
  rempart_action_take_text (action, REMPART_ACTION_BRIEF, g_strdup ("Le fil\nÀ dire : « calme »"));
  rempart_action_take_text (action, REMPART_ACTION_EXCERPT, g_strdup ("Ils \"viennent\""));
  rempart_action_take_text (action, REMPART_ACTION_LANGUAGE, g_strdup ("fr"));
  rempart_action_take_text (action, REMPART_ACTION_PLATFORM, g_strdup ("facebook"));
  rempart_action_set_topic (action, REMPART_TOPIC_RACISM);
  rempart_action_set_priority (action, REMPART_PRIORITY_HIGH);
  rempart_action_set_date (action, REMPART_ACTION_DATE_PUBLISHED, published);
  rempart_action_set_date (action, REMPART_ACTION_DATE_MODIFIED, modified);
  rempart_action_set_date (action, REMPART_ACTION_EXPIRES, expires);
  rempart_action_take_tags (action, g_strdupv ((GStrv) tags));
  rempart_action_take_arguments (action, g_strdupv ((GStrv) arguments));
  g_ptr_array_add (sources, rempart_source_new ("INSEE", "https://www.insee.fr/"));
  g_ptr_array_add (sources, rempart_source_new (NULL, "https://example.org/a\"b"));
  rempart_action_take_sources (action, sources);

  assert_same (action);
}

static void
test_serialize_every_byte (void)
{
  g_autoptr (RempartAction) action = rempart_action_new ("a", "https://example.org/1");
  GPtrArray *sources = g_ptr_array_new_with_free_func ((GDestroyNotify) rempart_source_free);
  char *tags[] = { every_byte ("t"), every_byte (""), NULL };

  rempart_action_take_text (action, REMPART_ACTION_TITLE, every_byte ("title"));
  rempart_action_take_text (action, REMPART_ACTION_BRIEF, every_byte ("brief"));
  rempart_action_take_text (action, REMPART_ACTION_EXCERPT, every_byte (""));
  rempart_action_take_text (action, REMPART_ACTION_LANGUAGE, every_byte ("\x1f"));
  rempart_action_take_tags (action, g_strdupv (tags));
  rempart_action_take_arguments (action, g_strdupv (tags));
  g_ptr_array_add (sources, rempart_source_new (tags[0], tags[1]));
  rempart_action_take_sources (action, sources);

  assert_same (action);
  g_free (tags[0]);
  g_free (tags[1]);
}

/* Each printable or control byte alone, at the start, middle and end of a field. */
static void
test_serialize_each_byte (void)
{
  for (int c = 1; c < 0x80; c++)
    {
      g_autoptr (RempartAction) action = rempart_action_new ("a", "https://example.org/1");
      char alone[2] = { (char) c, '\0' };
      g_autofree char *middle = g_strdup_printf ("a%cb", c);
      const char *tags[] = { alone, middle, NULL };

      rempart_action_take_text (action, REMPART_ACTION_BRIEF, g_strdup (alone));
      rempart_action_take_text (action, REMPART_ACTION_EXCERPT, g_strdup (middle));
      rempart_action_take_tags (action, g_strdupv ((GStrv) tags));
      assert_same (action);
    }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store/serialize/empty", test_serialize_empty);
  g_test_add_func ("/store/serialize/every-field", test_serialize_every_field);
  g_test_add_func ("/store/serialize/every-byte", test_serialize_every_byte);
  g_test_add_func ("/store/serialize/each-byte", test_serialize_each_byte);

  return g_test_run ();
}
