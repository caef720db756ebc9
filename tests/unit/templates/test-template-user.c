/* test-template-user.c: the volunteer's own templates, through a real store file
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rempart-template-pack.h"
#include "rempart-template-user.h"
#include "rempart-test-dirs.h"

typedef struct
{
  char *dir;
  RempartStore *store;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer user_data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = rempart_test_dir_new ("template-user");
  path = g_build_filename (f->dir, "rempart.db", NULL);
  f->store = rempart_store_open_sync (path, NULL, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture *f, gconstpointer user_data)
{
  rempart_store_close (f->store);
  g_clear_object (&f->store);

  rempart_test_dir_remove (f->dir);
  g_free (f->dir);
}

static RempartTemplate *
find_by_id (GPtrArray *templates, const char *id)
{
  for (guint i = 0; i < templates->len; i++)
    {
      RempartTemplate *tmpl = g_ptr_array_index (templates, i);

      if (g_strcmp0 (rempart_template_get_id (tmpl), id) == 0)
        return tmpl;
    }

  return NULL;
}

/* Duplicate a built-in template, edit nothing, save it, read it back, delete it. */
static void
test_duplicate_save_load_delete (Fixture *f, gconstpointer user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) builtin = NULL;
  g_autoptr (GPtrArray) stored = NULL;
  g_autoptr (GPtrArray) loaded = NULL;
  g_autoptr (GPtrArray) after_delete = NULL;
  g_autoptr (RempartTemplate) copy = NULL;
  g_autoptr (RempartUserTemplate) user_template = NULL;
  RempartTemplate *original;
  RempartTemplate *back;

  builtin = rempart_template_pack_load ("fr", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (builtin->len, >, 0);
  original = g_ptr_array_index (builtin, 0);

  /* Built-in templates are read-only: they are duplicated, never saved as they are. */
  g_assert_true (rempart_template_get_read_only (original));

  copy = rempart_template_duplicate (original, "mine-1");
  g_assert_false (rempart_template_get_read_only (copy));
  g_assert_cmpint (rempart_template_get_origin (copy), ==, REMPART_TEMPLATE_ORIGIN_USER);

  user_template = rempart_template_to_user_template (copy);
  g_assert_true (rempart_store_save_user_template_sync (f->store, user_template, &error));
  g_assert_no_error (error);

  stored = rempart_store_list_user_templates_sync (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stored->len, ==, 1);

  loaded = rempart_templates_from_user_templates (stored);
  back = find_by_id (loaded, "mine-1");
  g_assert_nonnull (back);
  g_assert_cmpint (rempart_template_get_origin (back), ==, REMPART_TEMPLATE_ORIGIN_USER);
  g_assert_false (rempart_template_get_read_only (back));
  g_assert_cmpstr (rempart_template_get_title (back), ==, rempart_template_get_title (copy));
  g_assert_cmpstr (rempart_template_get_body (back), ==, rempart_template_get_body (original));
  g_assert_cmpstr (rempart_template_get_language (back), ==, "fr");
  g_assert_cmpstrv (rempart_template_get_topics (back), rempart_template_get_topics (original));
  g_assert_cmpstr (rempart_template_get_when (back), ==, rempart_template_get_when (original));

  g_assert_true (rempart_store_delete_user_template_sync (f->store, "mine-1", &error));
  g_assert_no_error (error);
  after_delete = rempart_store_list_user_templates_sync (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (after_delete->len, ==, 0);

  /* Deleting twice says so instead of pretending. */
  g_assert_false (rempart_store_delete_user_template_sync (f->store, "mine-1", &error));
  g_assert_error (error, REMPART_STORE_ERROR, REMPART_STORE_ERROR_NOT_FOUND);
}

/* Editing is saving again under the same id: the newest text wins, nothing is duplicated. */
static void
test_edit (Fixture *f, gconstpointer user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) stored = NULL;
  g_autoptr (RempartTemplate) first = NULL;
  g_autoptr (RempartTemplate) edited = NULL;
  g_autoptr (RempartUserTemplate) first_user = NULL;
  g_autoptr (RempartUserTemplate) edited_user = NULL;
  const char *topics[] = { "racism", NULL };
  RempartUserTemplate *row;

  first = rempart_template_new (REMPART_TEMPLATE_ORIGIN_USER, "mine-2", "Mon modèle", "fr", topics,
                                REMPART_TEMPLATE_APPROACH_NONE, NULL, "{hashtag} Premier jet.");
  first_user = rempart_template_to_user_template (first);
  g_assert_true (rempart_store_save_user_template_sync (f->store, first_user, &error));
  g_assert_no_error (error);

  edited = rempart_template_new (REMPART_TEMPLATE_ORIGIN_USER, "mine-2", "Mon modèle", "fr", topics,
                                 REMPART_TEMPLATE_APPROACH_NONE, "Quand on cite un chiffre",
                                 "{hashtag} Version revue, avec une source : {source}");
  edited_user = rempart_template_to_user_template (edited);
  g_assert_true (rempart_store_save_user_template_sync (f->store, edited_user, &error));
  g_assert_no_error (error);

  stored = rempart_store_list_user_templates_sync (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stored->len, ==, 1);
  row = g_ptr_array_index (stored, 0);
  g_assert_cmpstr (row->body, ==, "{hashtag} Version revue, avec une source : {source}");
  g_assert_cmpstr (row->when_text, ==, "Quand on cite un chiffre");
  g_assert_cmpint (row->created, >, 0);
  g_assert_cmpint (row->updated, >=, row->created);
}

int
main (int argc, char *argv[])
{
  g_autofree char *data_dir = NULL;

  g_test_init (&argc, &argv, NULL);

  if (g_getenv ("REMPART_SOURCE_ROOT") == NULL)
    {
      g_print ("1..0 # SKIP REMPART_SOURCE_ROOT is not set; run me with meson test\n");
      return 0;
    }
  data_dir = g_build_filename (g_getenv ("REMPART_SOURCE_ROOT"), "data", NULL);
  g_setenv ("REMPART_DATA_DIR", data_dir, TRUE);

  g_test_add ("/template-user/duplicate-save-load-delete", Fixture, NULL, fixture_set_up,
              test_duplicate_save_load_delete, fixture_tear_down);
  g_test_add ("/template-user/edit", Fixture, NULL, fixture_set_up, test_edit, fixture_tear_down);

  return g_test_run ();
}
