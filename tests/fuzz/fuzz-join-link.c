/* fuzz-join-link.c
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdint.h>
#include <string.h>

#include "rempart-join-list.h"

/*
 * libFuzzer target for join links: the input is read as one link and as a list of groups.
 * Every input gives a link or a REMPART_JOIN_ERROR, never a crash, a leak or a critical; a link
 * that was accepted is written back and must read back the same (what the writer makes, the
 * reader takes), with a name that has no control character. tests/fuzz/run.sh seeds it from
 * tests/unit/join-links.
 */

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static void
log_nothing (const char *log_domain,
             GLogLevelFlags log_level,
             const char *message,
             gpointer user_data)
{
}

static void
check_link (const RempartJoinLink *link)
{
  g_autoptr (RempartJoinLink) back = NULL;
  g_autofree char *text = rempart_join_link_to_string (link);

  g_assert (g_str_has_prefix (link->feed_url, "http://") ||
            g_str_has_prefix (link->feed_url, "https://"));
  if (link->name != NULL)
    {
      g_assert (g_utf8_validate (link->name, -1, NULL));
      for (const char *p = link->name; *p != '\0'; p = g_utf8_next_char (p))
        g_assert (!g_unichar_iscntrl (g_utf8_get_char (p)));
    }

  back = rempart_join_link_parse (text, NULL);
  g_assert (back != NULL);
  g_assert (g_strcmp0 (back->feed_url, link->feed_url) == 0);
  g_assert (g_strcmp0 (back->public_key, link->public_key) == 0);
  g_assert (g_strcmp0 (back->name, link->name) == 0);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  static gboolean initialised = FALSE;
  g_autofree char *text = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (RempartJoinLink) link = NULL;
  g_autoptr (GPtrArray) links = NULL;

  if (!initialised)
    {
      /* Criticals must abort so that the fuzzer reports them; debug output is noise. */
      g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
      g_log_set_handler (NULL, G_LOG_LEVEL_DEBUG, log_nothing, NULL);
      initialised = TRUE;
    }

  /* A link is a C string: read up to the first NUL, as the application gets it. */
  text = g_strndup ((const char *) data, size);
  link = rempart_join_link_parse (text, &error);
  if (link == NULL)
    g_assert (error != NULL && error->domain == REMPART_JOIN_ERROR && error->message != NULL);
  else
    check_link (link);
  g_clear_error (&error);

  links = rempart_join_list_parse ((const char *) data, size, &error);
  if (links == NULL)
    {
      g_assert (error != NULL && error->domain == REMPART_JOIN_ERROR);
      return 0;
    }
  for (guint i = 0; i < links->len; i++)
    check_link (g_ptr_array_index (links, i));

  return 0;
}
