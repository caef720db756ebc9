/* test-pack-cache.c: the per-language cache of tone and template packs
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "rempart-pack-cache-private.h"
#include "rempart-template-pack.h"
#include "rempart-template.h"
#include "rempart-test-dirs.h"

/*
 * The real packs of the source tree's data/ ($REMPART_SOURCE_ROOT, set by tests/meson.build),
 * read once per language: a second request gets the very same objects, requests that meet
 * while a language is being read wait for that one read, and a cancelled request answers at
 * once without wasting the read. Broken and missing packs come back as errors beside the
 * packs that did load, in a temporary data folder.
 *
 * The read hook of rempart-pack-cache-private.h counts the reads, and holds one of them when
 * a test needs requests to meet.
 */

typedef struct
{
  GMutex mutex;
  GCond cond;
  guint reads;
  char *hold; /* reads of this language wait until it is NULL again */
  guint held; /* reads that reached the hold */
} Reads;

typedef struct
{
  RempartPacks *packs;
  GError *error;
  gboolean done;
} Request;

typedef struct
{
  RempartPackCache *cache;
  Reads reads;
  char *data_dir; /* a temporary one, or NULL for the source tree's */
} Fixture;

static char *source_data_dir;

/* -------------------------------------------------------------------------------------- */
/* Helpers                                                                                */
/* -------------------------------------------------------------------------------------- */

static void
read_hook (const char *language, gpointer user_data)
{
  Reads *reads = user_data;

  g_mutex_lock (&reads->mutex);
  reads->reads++;
  if (reads->hold != NULL && g_str_equal (language, reads->hold))
    {
      reads->held++;
      g_cond_broadcast (&reads->cond);
      while (reads->hold != NULL)
        g_cond_wait (&reads->cond, &reads->mutex);
    }
  g_mutex_unlock (&reads->mutex);
}

static guint
get_reads (Fixture *f)
{
  guint n;

  g_mutex_lock (&f->reads.mutex);
  n = f->reads.reads;
  g_mutex_unlock (&f->reads.mutex);

  return n;
}

static guint
get_held (Fixture *f)
{
  guint n;

  g_mutex_lock (&f->reads.mutex);
  n = f->reads.held;
  g_mutex_unlock (&f->reads.mutex);

  return n;
}

static void
hold (Fixture *f, const char *language)
{
  g_mutex_lock (&f->reads.mutex);
  g_free (f->reads.hold);
  f->reads.hold = g_strdup (language);
  g_mutex_unlock (&f->reads.mutex);
}

static void
release (Fixture *f)
{
  hold (f, NULL);
  g_mutex_lock (&f->reads.mutex);
  g_cond_broadcast (&f->reads.cond);
  g_mutex_unlock (&f->reads.mutex);
}

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_mutex_init (&f->reads.mutex);
  g_cond_init (&f->reads.cond);
  f->cache = rempart_pack_cache_new ();
  rempart_pack_cache_set_read_hook (f->cache, read_hook, &f->reads);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  release (f);
  /* Reads hold the cache: it goes with the last of them. */
  g_object_add_weak_pointer (G_OBJECT (f->cache), (gpointer *) &f->cache);
  g_object_unref (f->cache);
  for (guint i = 0; f->cache != NULL && i < 5000; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  g_assert_null (f->cache);

  if (f->data_dir != NULL)
    {
      /* setenv() is not thread-safe: only once every read is over, and only when needed. */
      g_setenv ("REMPART_DATA_DIR", source_data_dir, TRUE);
      rempart_test_dir_remove (f->data_dir);
      g_free (f->data_dir);
    }
  g_mutex_clear (&f->reads.mutex);
  g_cond_clear (&f->reads.cond);
}

static void
request_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  Request *request = user_data;

  request->packs =
      rempart_pack_cache_load_finish (REMPART_PACK_CACHE (source), result, &request->error);
  request->done = TRUE;
}

static void
request_start (Fixture *f, const char *language, GCancellable *cancellable, Request *request)
{
  memset (request, 0, sizeof *request);
  rempart_pack_cache_load_async (f->cache, language, cancellable, request_done_cb, request);
}

static void
request_clear (Request *request)
{
  g_clear_pointer (&request->packs, rempart_packs_unref);
  g_clear_error (&request->error);
}

/* Runs the main context until @done, for five seconds at most. */
static gboolean
iterate_until (gboolean (*done) (gpointer data), gpointer data)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (!done (data))
    {
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }

  return TRUE;
}

static void
iterate_for (guint ms)
{
  gint64 deadline = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < deadline)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static gboolean
request_is_done (gpointer data)
{
  return ((Request *) data)->done;
}

static gboolean
read_is_held (gpointer data)
{
  return get_held (data) > 0;
}

/* Waits for @request and asserts that it brought packs. */
static RempartPacks *
wait_for_packs (Request *request)
{
  g_assert_true (iterate_until (request_is_done, request));
  g_assert_no_error (request->error);
  g_assert_nonnull (request->packs);

  return request->packs;
}

static void
write_file (const char *dir, const char *folder, const char *name, const char *contents)
{
  g_autofree char *path = g_build_filename (dir, folder, NULL);
  g_autoptr (GError) error = NULL;

  g_assert_no_errno (g_mkdir_with_parents (path, 0700));
  g_free (path);
  path = g_build_filename (dir, folder, name, NULL);
  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

/* -------------------------------------------------------------------------------------- */
/* Tests                                                                                  */
/* -------------------------------------------------------------------------------------- */

static void
test_real_packs (Fixture *f, gconstpointer data)
{
  Request fr, en;
  RempartPacks *packs;

  request_start (f, "fr", NULL, &fr);
  packs = wait_for_packs (&fr);
  g_assert_cmpstr (packs->language, ==, "fr");
  g_assert_no_error (packs->tone_error);
  g_assert_nonnull (packs->tone);
  g_assert_cmpstr (rempart_tone_pack_get_language (packs->tone), ==, "fr");
  g_assert_no_error (packs->builtin_error);
  g_assert_cmpuint (packs->builtin->len, >, 0);
  for (guint i = 0; i < packs->builtin->len; i++)
    {
      RempartTemplate *tmpl = g_ptr_array_index (packs->builtin, i);

      g_assert_cmpint (rempart_template_get_origin (tmpl), ==, REMPART_TEMPLATE_ORIGIN_BUILTIN);
      g_assert_cmpstr (rempart_template_get_language (tmpl), ==, "fr");
    }

  /* No language is English. */
  request_start (f, NULL, NULL, &en);
  packs = wait_for_packs (&en);
  g_assert_cmpstr (packs->language, ==, "en");
  g_assert_nonnull (packs->tone);
  g_assert_cmpstr (rempart_tone_pack_get_language (packs->tone), ==, "en");
  g_assert_cmpuint (packs->builtin->len, >, 0);
  g_assert_cmpuint (get_reads (f), ==, 2);

  request_clear (&fr);
  request_clear (&en);
}

static void
test_cached (Fixture *f, gconstpointer data)
{
  Request first, second, other;

  request_start (f, "fr", NULL, &first);
  wait_for_packs (&first);
  g_assert_cmpuint (get_reads (f), ==, 1);

  /* The same objects, without reading the files again, and still through the main loop. */
  request_start (f, "fr", NULL, &second);
  g_assert_false (second.done);
  wait_for_packs (&second);
  g_assert_true (second.packs == first.packs);
  g_assert_true (second.packs->tone == first.packs->tone);
  g_assert_true (second.packs->builtin == first.packs->builtin);
  g_assert_cmpuint (get_reads (f), ==, 1);

  /* Another language is read on its own; another cache shares nothing. */
  request_start (f, "de", NULL, &other);
  wait_for_packs (&other);
  g_assert_true (other.packs != first.packs);
  g_assert_cmpuint (get_reads (f), ==, 2);

  request_clear (&first);
  request_clear (&second);
  request_clear (&other);
}

static void
test_concurrent (Fixture *f, gconstpointer data)
{
  Request requests[4];
  Request other;

  /* The first read of French waits in the hook while more requests for it arrive. */
  hold (f, "fr");
  request_start (f, "fr", NULL, &requests[0]);
  g_assert_true (iterate_until (read_is_held, f));
  for (guint i = 1; i < G_N_ELEMENTS (requests); i++)
    request_start (f, "fr", NULL, &requests[i]);

  /* Their threads have had time to start: none read again, none answered before the read. */
  iterate_for (200);
  for (guint i = 0; i < G_N_ELEMENTS (requests); i++)
    g_assert_false (requests[i].done);
  g_assert_cmpuint (get_reads (f), ==, 1);

  /* A read of one language never holds up another. */
  request_start (f, "de", NULL, &other);
  wait_for_packs (&other);
  g_assert_cmpuint (get_reads (f), ==, 2);

  release (f);
  for (guint i = 0; i < G_N_ELEMENTS (requests); i++)
    {
      wait_for_packs (&requests[i]);
      g_assert_true (requests[i].packs == requests[0].packs);
    }
  g_assert_nonnull (requests[0].packs->tone);
  g_assert_cmpuint (get_reads (f), ==, 2);

  for (guint i = 0; i < G_N_ELEMENTS (requests); i++)
    request_clear (&requests[i]);
  request_clear (&other);
}

static void
test_broken (Fixture *f, gconstpointer data)
{
  Request request;
  RempartPacks *packs;

  f->data_dir = rempart_test_dir_new ("packs");
  write_file (f->data_dir, "tone", "fr.json", "{\"language\": \"fr\", \"insults\": [");
  write_file (f->data_dir, "templates", "fr.json", "[\"not a pack\"");
  g_setenv ("REMPART_DATA_DIR", f->data_dir, TRUE);

  /* Not a failed request: the packs, with what is wrong with each, named by file. */
  request_start (f, "fr", NULL, &request);
  packs = wait_for_packs (&request);
  g_assert_null (packs->tone);
  g_assert_error (packs->tone_error, REMPART_TONE_ERROR, REMPART_TONE_ERROR_INVALID);
  g_assert_nonnull (strstr (packs->tone_error->message, "fr.json"));
  g_assert_nonnull (strstr (packs->tone_error->message, f->data_dir));
  g_assert_nonnull (packs->builtin);
  g_assert_cmpuint (packs->builtin->len, ==, 0);
  g_assert_nonnull (packs->builtin_error);
  g_assert_true (packs->builtin_error->domain == REMPART_TEMPLATE_ERROR);
  g_assert_cmpint (packs->builtin_error->code, !=, REMPART_TEMPLATE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (packs->builtin_error->message, "fr.json"));
  g_test_message ("tone: %s", packs->tone_error->message);
  g_test_message ("templates: %s", packs->builtin_error->message);

  request_clear (&request);
}

static void
test_missing (Fixture *f, gconstpointer data)
{
  g_autofree char *installed = g_build_filename (PKGDATADIR, "tone", "en.json", NULL);
  Request request;
  RempartPacks *packs;

  f->data_dir = rempart_test_dir_new ("packs");
  g_setenv ("REMPART_DATA_DIR", f->data_dir, TRUE);

  request_start (f, "fr", NULL, &request);
  packs = wait_for_packs (&request);

  /* No built-in templates for a language is normal: empty, and nothing to tell. */
  g_assert_cmpuint (packs->builtin->len, ==, 0);
  g_assert_no_error (packs->builtin_error);

  /* No tone pack at all is not: the error says where it looked. An installed Rempart would
   * supply the English one. */
  if (g_file_test (installed, G_FILE_TEST_EXISTS))
    g_test_message ("%s is installed: the tone pack falls back to it", installed);
  else
    {
      g_assert_null (packs->tone);
      g_assert_error (packs->tone_error, REMPART_TONE_ERROR, REMPART_TONE_ERROR_NOT_FOUND);
      g_assert_nonnull (strstr (packs->tone_error->message, f->data_dir));
    }

  request_clear (&request);
}

static void
test_cancelled_before (Fixture *f, gconstpointer data)
{
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  Request request;

  g_cancellable_cancel (cancellable);
  request_start (f, "fr", cancellable, &request);
  g_assert_true (iterate_until (request_is_done, &request));
  g_assert_error (request.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (request.packs);

  /* Nobody wanted the packs: nothing was read. */
  iterate_for (100);
  g_assert_cmpuint (get_reads (f), ==, 0);

  request_clear (&request);
}

static void
test_cancelled_while_reading (Fixture *f, gconstpointer data)
{
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  Request cancelled, waiting, later;

  hold (f, "fr");
  request_start (f, "fr", cancellable, &cancelled);
  g_assert_true (iterate_until (read_is_held, f));
  request_start (f, "fr", NULL, &waiting);

  /* The cancelled request answers at once, while the read is still going. */
  g_cancellable_cancel (cancellable);
  g_assert_true (iterate_until (request_is_done, &cancelled));
  g_assert_error (cancelled.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (cancelled.packs);
  g_assert_false (waiting.done);

  /* The read goes on for the others and for the cache. */
  release (f);
  wait_for_packs (&waiting);
  g_assert_nonnull (waiting.packs->tone);
  request_start (f, "fr", NULL, &later);
  wait_for_packs (&later);
  g_assert_true (later.packs == waiting.packs);
  g_assert_cmpuint (get_reads (f), ==, 1);

  /* A request cancelled after its packs were cached still says it was cancelled. */
  request_clear (&cancelled);
  g_cancellable_reset (cancellable);
  request_start (f, "fr", cancellable, &cancelled);
  g_cancellable_cancel (cancellable);
  g_assert_true (iterate_until (request_is_done, &cancelled));
  g_assert_error (cancelled.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (cancelled.packs);

  request_clear (&cancelled);
  request_clear (&waiting);
  request_clear (&later);
}

static void
test_default (void)
{
  RempartPackCache *cache = rempart_pack_cache_get_default ();

  g_assert_true (REMPART_IS_PACK_CACHE (cache));
  g_assert_true (rempart_pack_cache_get_default () == cache);
}

int
main (int argc, char *argv[])
{
  const char *source_root = g_getenv ("REMPART_SOURCE_ROOT");
  int status;

  g_test_init (&argc, &argv, NULL);

  if (source_root == NULL)
    {
      g_print ("1..0 # SKIP REMPART_SOURCE_ROOT is not set; run me with meson test\n");
      return 0;
    }
  source_data_dir = g_build_filename (source_root, "data", NULL);
  g_setenv ("REMPART_DATA_DIR", source_data_dir, TRUE);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/packs/real", test_real_packs);
  ADD ("/packs/cached", test_cached);
  ADD ("/packs/concurrent", test_concurrent);
  ADD ("/packs/broken", test_broken);
  ADD ("/packs/missing", test_missing);
  ADD ("/packs/cancelled-before", test_cancelled_before);
  ADD ("/packs/cancelled-while-reading", test_cancelled_while_reading);
#undef ADD
  g_test_add_func ("/packs/default", test_default);

  status = g_test_run ();
  g_free (source_data_dir);

  return status;
}
