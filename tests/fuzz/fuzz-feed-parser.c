/* fuzz-feed-parser.c
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdint.h>

#include "rempart-feed-parser.h"

/*
 * libFuzzer target: every input must give a feed or an error, never a crash, a leak or a
 * critical. Reading every action back makes the fuzzer reach the getters and the model too.
 */

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static void
log_nothing (const char *log_domain,
             GLogLevelFlags log_level,
             const char *message,
             gpointer user_data)
{
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  static gboolean initialised = FALSE;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (RempartFeed) feed = NULL;
  GListModel *actions;

  if (!initialised)
    {
      /* Criticals must abort so that the fuzzer reports them; debug output is noise. */
      g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
      g_log_set_handler (NULL, G_LOG_LEVEL_DEBUG, log_nothing, NULL);
      initialised = TRUE;
    }

  bytes = g_bytes_new (data, size);
  feed = rempart_feed_parse (bytes, "fuzz.json", &error);
  if (feed == NULL)
    {
      g_assert (error != NULL && error->domain == REMPART_FEED_ERROR);
      return 0;
    }

  g_assert (error == NULL);
  actions = rempart_feed_get_actions (feed);
  for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
    {
      g_autoptr (RempartAction) action = g_list_model_get_item (actions, i);
      const char *brief = rempart_action_get_brief (action);

      g_assert (g_utf8_validate (rempart_action_get_title (action), -1, NULL));
      g_assert (brief == NULL || g_utf8_validate (brief, -1, NULL));
      g_assert (g_str_has_prefix (rempart_action_get_url (action), "http"));
    }

  return 0;
}
