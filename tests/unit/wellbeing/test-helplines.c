/* test-helplines.c: the help-line files, as shipped and as a group would add them
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "rempart-helplines.h"
#include "rempart-test-dirs.h"

/*
 * The shipped files all load and hold the numbers checked by hand (data/wellbeing/README.md);
 * every broken file is refused with a message naming the file and the place; a group's file
 * adds lines to a country without repeating one; the locale's country comes first.
 */

static GPtrArray *
load_shipped (void)
{
  g_autofree char *dir =
      g_build_filename (g_getenv ("REMPART_SOURCE_ROOT"), "data", "wellbeing", NULL);
  const char *dirs[] = { dir, NULL };
  g_autoptr (GPtrArray) warnings = NULL;
  GPtrArray *countries = rempart_helplines_load_dirs (dirs, &warnings);

  g_assert_cmpuint (warnings->len, ==, 0);
  return countries;
}

static RempartHelplineCountry *
find_country (GPtrArray *countries, const char *code)
{
  for (guint i = 0; i < countries->len; i++)
    if (g_str_equal (((RempartHelplineCountry *) countries->pdata[i])->code, code))
      return countries->pdata[i];

  g_error ("No help lines for %s", code);
}

static gboolean
has_phone (RempartHelplineCountry *country, const char *phone)
{
  for (guint i = 0; i < country->lines->len; i++)
    if (g_strcmp0 (((RempartHelpline *) country->lines->pdata[i])->phone, phone) == 0)
      return TRUE;

  return FALSE;
}

static void
test_shipped (void)
{
  g_autoptr (GPtrArray) countries = load_shipped ();
  RempartHelplineCountry *fr, *de, *se, *world;

  g_assert_cmpuint (countries->len, ==, 4);
  fr = find_country (countries, "FR");
  de = find_country (countries, "DE");
  se = find_country (countries, "SE");
  world = find_country (countries, REMPART_HELPLINES_INTERNATIONAL);
  g_assert_nonnull (fr);
  g_assert_nonnull (de);
  g_assert_nonnull (se);
  g_assert_nonnull (world);

  g_assert_true (has_phone (fr, "3114"));
  g_assert_true (has_phone (fr, "09 72 39 40 50"));
  g_assert_true (has_phone (de, "0800 111 0 111"));
  g_assert_true (has_phone (de, "0800 111 0 222"));
  g_assert_true (has_phone (se, "90101"));
  g_assert_true (has_phone (se, "1177"));
  g_assert_cmpstr (((RempartHelpline *) world->lines->pdata[0])->url, ==,
                   "https://findahelpline.com");
  g_assert_true (g_strv_contains ((const char *const *) de->languages, "de"));
}

static void
test_sort (void)
{
  static const struct
  {
    const char *locale;
    const char *first;
    const char *last;
  } cases[] = {
    { "fr_FR.UTF-8", "FR", "international" },
    { "de_DE.UTF-8", "DE", "international" },
    { "sv_SE", "SE", "international" },
    /* No Austrian file: German numbers do not work from Austria, the directory does. */
    { "de_AT.UTF-8@euro", "international", "SE" },
    { "en_US.UTF-8", "international", "SE" },
    { "de", "DE", "international" },
    { "sv", "SE", "international" },
    { "fr_SE.UTF-8", "SE", "international" }, /* the country wins over the language */
    { "C", "DE", "international" },           /* nothing known: by code */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GPtrArray) countries = load_shipped ();
      RempartHelplineCountry *first, *last;

      rempart_helplines_sort (countries, cases[i].locale);
      first = countries->pdata[0];
      last = countries->pdata[countries->len - 1];
      g_test_message ("%s → %s … %s", cases[i].locale, first->code, last->code);
      g_assert_cmpstr (first->code, ==, cases[i].first);
      g_assert_cmpstr (last->code, ==, cases[i].last);
    }

  g_assert_null (rempart_helplines_country_for_locale ("de"));
  g_assert_null (rempart_helplines_country_for_locale ("C.UTF-8"));
  g_assert_null (rempart_helplines_country_for_locale ("fr_"));
}

static void
test_sort_by_language (void)
{
  g_autoptr (GPtrArray) countries = load_shipped ();

  /* Without a territory, the country where the language is spoken comes first even when
   * its code sorts last. */
  rempart_helplines_sort (countries, "sv");
  g_assert_cmpstr (((RempartHelplineCountry *) countries->pdata[0])->code, ==, "SE");
  rempart_helplines_sort (countries, "fr");
  g_assert_cmpstr (((RempartHelplineCountry *) countries->pdata[0])->code, ==, "FR");
}

static void
test_refused (void)
{
  static const struct
  {
    const char *json;
    const char *where;
  } cases[] = {
    { "[]", "$" },
    { "{\"format\": \"other\", \"version\": 1}", "format" },
    { "{\"format\": \"rempart-helplines\", \"version\": 2}", "version" },
    { "{\"format\": \"rempart-helplines\", \"version\": 1, \"country\": \"fr\", \"lines\": []}",
      "country" },
    { "{\"format\": \"rempart-helplines\", \"version\": 1, \"country\": \"FR\", \"lines\": []}",
      "lines" },
    { "{\"format\": \"rempart-helplines\", \"version\": 1, \"country\": \"FR\", \"lines\": "
      "[{\"kind\": \"listening\", \"phone\": \"3114\"}]}",
      "lines[0]" },
    { "{\"format\": \"rempart-helplines\", \"version\": 1, \"country\": \"FR\", \"lines\": "
      "[{\"name\": \"x\", \"phone\": \"3114\"}]}",
      "lines[0]" },
    { "{\"format\": \"rempart-helplines\", \"version\": 1, \"country\": \"FR\", \"lines\": "
      "[{\"name\": \"x\", \"kind\": \"listening\"}]}",
      "lines[0]" },
    { "{\"format\": \"rempart-helplines\", \"version\": 1, \"country\": \"FR\", \"lines\": "
      "[{\"name\": \"x\", \"kind\": \"listening\", \"phone\": \"call 3114\"}]}",
      "lines[0].phone" },
    { "{\"format\": \"rempart-helplines\", \"version\": 1, \"country\": \"FR\", \"lines\": "
      "[{\"name\": \"x\", \"kind\": \"listening\", \"url\": \"http://3114.fr\"}]}",
      "lines[0].url" },
    { "{\"format\": \"rempart-helplines\", \"version\": 1, \"country\": \"FR\", \"lines\": "
      "[{\"name\": 3114, \"kind\": \"listening\", \"phone\": \"3114\"}]}",
      "lines[0].name" },
    { "{\"format\": \"rempart-helplines\", \"version\": 1, \"country\": \"FR\", \"languages\": "
      "[1], \"lines\": [{\"name\": \"x\", \"kind\": \"k\", \"phone\": \"3114\"}]}",
      "languages[0]" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GBytes) bytes = g_bytes_new_static (cases[i].json, strlen (cases[i].json));
      g_autoptr (GError) error = NULL;
      g_autoptr (RempartHelplineCountry) country = NULL;
      g_autofree char *expected = g_strdup_printf ("x.json: %s ", cases[i].where);

      country = rempart_helplines_parse (bytes, "x.json", &error);
      g_assert_null (country);
      g_assert_error (error, REMPART_WELLBEING_ERROR, REMPART_WELLBEING_ERROR_INVALID_HELPLINES);
      g_test_message ("%s", error->message);
      g_assert_true (g_str_has_prefix (error->message, expected));
    }
}

static void
write_file (const char *dir, const char *name, const char *contents)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr (GError) error = NULL;

  g_assert_true (g_file_set_contents (path, contents, -1, &error));
  g_assert_no_error (error);
}

static void
test_group_file (void)
{
  g_autofree char *shipped =
      g_build_filename (g_getenv ("REMPART_SOURCE_ROOT"), "data", "wellbeing", NULL);
  g_autofree char *group = rempart_test_dir_new ("helplines-group");
  const char *dirs[] = { shipped, group, "/nonexistent/rempart", NULL };
  g_autoptr (GPtrArray) warnings = NULL;
  g_autoptr (GPtrArray) countries = NULL;
  RempartHelplineCountry *fr, *be;
  RempartHelpline *added;

  /* A line already shipped (3114) is not repeated; a new one comes after the shipped ones;
   * a new country appears; a broken file is skipped and said. */
  write_file (group, "fr-jesuisla.json",
              "{\"format\": \"rempart-helplines\", \"version\": 1, \"country\": \"FR\", "
              "\"lines\": [{\"name\": \"3114\", \"kind\": \"suicide-prevention\", \"phone\": "
              "\"3114\"}, {\"name\": \"Cellule d’écoute du groupe\", \"kind\": \"peer-support\", "
              "\"description\": \"Des modérateurs à l’écoute\", \"url\": "
              "\"https://example.org/ecoute\"}]}");
  write_file (group, "be.json",
              "{\"format\": \"rempart-helplines\", \"version\": 1, \"country\": \"BE\", "
              "\"name\": \"Belgique\", \"languages\": [\"fr\", \"nl\"], \"lines\": [{\"name\": "
              "\"112\", \"kind\": \"emergency\", \"phone\": \"112\"}]}");
  write_file (group, "broken.json", "{\"format\": ");
  write_file (group, "notes.txt", "not read");

  countries = rempart_helplines_load_dirs (dirs, &warnings);
  g_assert_cmpuint (warnings->len, ==, 1);
  g_assert_nonnull (strstr (warnings->pdata[0], "broken.json"));

  fr = find_country (countries, "FR");
  be = find_country (countries, "BE");
  g_assert_nonnull (be);
  g_assert_cmpstr (be->name, ==, "Belgique");
  g_assert_cmpuint (fr->lines->len, ==, 4);
  g_assert_cmpstr (((RempartHelpline *) fr->lines->pdata[0])->phone, ==, "3114");
  added = fr->lines->pdata[3];
  g_assert_cmpstr (added->kind, ==, "peer-support");
  g_assert_cmpstr (added->url, ==, "https://example.org/ecoute");

  /* fr_BE: the Belgian file, added by the group, comes first. */
  rempart_helplines_sort (countries, "fr_BE.UTF-8");
  g_assert_cmpstr (((RempartHelplineCountry *) countries->pdata[0])->code, ==, "BE");

  rempart_test_dir_remove (group);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/helplines/shipped", test_shipped);
  g_test_add_func ("/helplines/sort", test_sort);
  g_test_add_func ("/helplines/sort-by-language", test_sort_by_language);
  g_test_add_func ("/helplines/refused", test_refused);
  g_test_add_func ("/helplines/group-file", test_group_file);

  return g_test_run ();
}
