/* test-store-readonly.c: a write-protected database or folder is refused at start
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "rempart-store.h"
#include "rempart-test-dirs.h"
#include "rempart-test-readonly.h"

/* The real thing: the file or the folder is write-protected for this process, by its
 * permissions, or as root (who ignores them) by the immutable attribute, which the kernel
 * enforces for root too (rempart_test_set_write_protected()). The protection is lifted
 * right after the open, before any assertion: an immutable file left behind by a failed
 * test could not even be removed. */

typedef struct
{
  char *dir;
  char *path;
  char *protected_path;
} Fixture;

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  f->dir = rempart_test_dir_new ("store-readonly");
  g_assert_nonnull (f->dir);
  f->path = g_build_filename (f->dir, "rempart.db", NULL);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  if (f->protected_path != NULL)
    g_assert_true (rempart_test_set_write_protected (f->protected_path, FALSE, NULL));
  rempart_test_dir_remove (f->dir);
  g_free (f->protected_path);
  g_free (f->path);
  g_free (f->dir);
}

static void
make_store (Fixture *f)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RempartStore) store = rempart_store_open_sync (f->path, NULL, &error);
  g_autoptr (RempartSubscription) sub = NULL;

  g_assert_no_error (error);
  sub = rempart_store_add_subscription_sync (store, "https://example.org/feed.json", NULL, &error);
  g_assert_no_error (error);
  rempart_store_close (store);
}

/* Returns FALSE (the test is skipped, saying why) when nothing can protect @path here. */
static gboolean
protect (Fixture *f, const char *path)
{
  g_autofree char *how = NULL;

  if (!rempart_test_set_write_protected (path, TRUE, &how))
    {
      g_autofree char *message = g_strdup_printf ("cannot write-protect a file here: %s", how);

      g_test_skip (message);
      return FALSE;
    }

  g_test_message ("write-protected with %s", how);
  f->protected_path = g_strdup (path);
  return TRUE;
}

static void
unprotect (Fixture *f)
{
  g_assert_true (rempart_test_set_write_protected (f->protected_path, FALSE, NULL));
  g_clear_pointer (&f->protected_path, g_free);
}

static void
assert_opens (Fixture *f)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RempartStore) store = rempart_store_open_sync (f->path, NULL, &error);
  g_autoptr (GPtrArray) subs = NULL;

  g_assert_no_error (error);
  subs = rempart_store_list_subscriptions_sync (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (subs->len, ==, 1);
  rempart_store_close (store);
}

static void
test_file (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RempartStore) store = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_len;
  gsize after_len;

  make_store (f);
  g_assert_true (g_file_get_contents (f->path, &before, &before_len, NULL));
  if (!protect (f, f->path))
    return;

  store = rempart_store_open_sync (f->path, NULL, &error);
  unprotect (f);
  g_assert_error (error, REMPART_STORE_ERROR, REMPART_STORE_ERROR_READ_ONLY);
  g_assert_null (store);
  g_assert_nonnull (strstr (error->message, f->path));
  g_assert_nonnull (strstr (error->message, "write-protected"));
  g_assert_true (g_file_get_contents (f->path, &after, &after_len, NULL));
  g_assert_cmpmem (after, after_len, before, before_len);

  /* Once writable again, it opens as it was. */
  assert_opens (f);
}

static void
test_folder (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RempartStore) store = NULL;

  make_store (f);
  if (!protect (f, f->dir))
    return;

  store = rempart_store_open_sync (f->path, NULL, &error);
  unprotect (f);
  g_assert_error (error, REMPART_STORE_ERROR, REMPART_STORE_ERROR_READ_ONLY);
  g_assert_null (store);
  g_assert_nonnull (strstr (error->message, f->dir));
  g_assert_nonnull (strstr (error->message, "folder"));

  assert_opens (f);
}

/* No database yet, in a folder that cannot be written: the same words, not SQLite's. */
static void
test_new_in_folder (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RempartStore) store = NULL;

  if (!protect (f, f->dir))
    return;

  store = rempart_store_open_sync (f->path, NULL, &error);
  unprotect (f);
  g_assert_error (error, REMPART_STORE_ERROR, REMPART_STORE_ERROR_READ_ONLY);
  g_assert_null (store);
  g_assert_false (g_file_test (f->path, G_FILE_TEST_EXISTS));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/store/read-only/file", Fixture, NULL, fixture_setup, test_file, fixture_teardown);
  g_test_add ("/store/read-only/folder", Fixture, NULL, fixture_setup, test_folder,
              fixture_teardown);
  g_test_add ("/store/read-only/new-in-folder", Fixture, NULL, fixture_setup, test_new_in_folder,
              fixture_teardown);

  return g_test_run ();
}
