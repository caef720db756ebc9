/* store-crash-helper.c: a process that test-store-crash.c kills at random moments
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rempart-feed-parser.h"
#include "rempart-feed-private.h"
#include "rempart-store.h"

/*
 *   store-crash-helper DATABASE
 *
 * Loops for ever: imports a 2,000-action signed feed (seq growing, 10% of the actions
 * changed each time), saves the draft "counter N", and once the save returned prints N on
 * stdout. Whatever it printed must be in the database after a SIGKILL. It resumes from the
 * draft it finds, so N only grows across runs.
 */

#define N_ACTIONS 2000
#define URL       "https://example.org/crash/feed.json"

static RempartFeed *
make_feed (guint variant)
{
  g_autoptr (GString) s = g_string_new ("{\"version\": \"https://jsonfeed.org/version/1.1\","
                                        " \"title\": \"Crash\", \"_rempart\": {\"schema\": 1,"
                                        " \"seq\": 0}, \"items\": [");
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) error = NULL;
  RempartFeed *feed;

  for (guint i = 0; i < N_ACTIONS; i++)
    g_string_append_printf (s,
                            "%s{\"id\": \"a%u\", \"url\": \"https://example.org/t/%u\","
                            " \"title\": \"Fil %u (%u)\", \"content_text\": \"À dire : les faits,"
                            " calmement. À éviter : les insultes.\", \"tags\": [\"x\", \"y\"],"
                            " \"date_published\": \"2026-05-02T08:00:00Z\"}",
                            i == 0 ? "" : ",", i, i, i, i % 10 == 0 ? variant : 0);
  g_string_append (s, "]}");

  bytes = g_bytes_new (s->str, s->len);
  feed = rempart_feed_parse (bytes, "crash.json", &error);
  if (feed == NULL)
    g_error ("%s", error->message);
  return feed;
}

int
main (int argc, char *argv[])
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RempartStore) store = NULL;
  g_autoptr (GPtrArray) subs = NULL;
  g_autoptr (RempartDraft) draft = NULL;
  g_autoptr (RempartFeed) feed_a = NULL;
  g_autoptr (RempartFeed) feed_b = NULL;
  RempartSubscription *sub;
  gint64 counter = 0;

  if (argc != 2)
    {
      fprintf (stderr, "usage: %s DATABASE\n", argv[0]);
      return 2;
    }

  store = rempart_store_open_sync (argv[1], NULL, &error);
  if (store == NULL)
    g_error ("%s", error->message);

  subs = rempart_store_list_subscriptions_sync (store, &error);
  if (subs == NULL)
    g_error ("%s", error->message);
  if (subs->len == 0)
    {
      sub = rempart_store_add_subscription_sync (store, URL, NULL, &error);
      if (sub == NULL)
        g_error ("%s", error->message);
      g_ptr_array_add (subs, sub);
    }
  sub = g_ptr_array_index (subs, 0);
  sub->is_signed = TRUE;

  draft = rempart_store_load_draft_sync (store, URL, "a0", &error);
  if (error != NULL)
    g_error ("%s", error->message);
  if (draft != NULL)
    counter = g_ascii_strtoll (draft->text + strlen ("counter "), NULL, 10);

  feed_a = make_feed (1);
  feed_b = make_feed (2);

  for (;;)
    {
      RempartDraft next = { .subscription_url = URL, .action_id = "a0" };
      g_autofree char *text = NULL;
      RempartFeed *feed = ++counter % 2 == 0 ? feed_a : feed_b;

      /* The import may have committed before the previous run was killed, without its draft:
       * the seq is then equal to the stored one, which is accepted. */
      rempart_feed_set_seq (feed, counter);
      g_free (sub->etag);
      sub->etag = g_strdup_printf ("\"%lld\"", (long long) counter);
      if (!rempart_store_import_feed_sync (store, sub, feed, NULL, &error))
        g_error ("%s", error->message);

      text = g_strdup_printf ("counter %lld", (long long) counter);
      next.text = text;
      if (!rempart_store_save_draft_sync (store, &next, &error))
        g_error ("%s", error->message);

      printf ("%lld\n", (long long) counter);
      fflush (stdout);
    }
}
