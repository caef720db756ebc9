/* rempart-join-list.c: the list of groups a volunteer takes to a new computer
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rempart-join-list.h"

/*
 * The file is a text file with one join link a line, "#" comments and blank lines: the same
 * links the groups share, so that importing goes through the same parser and the same
 * confirmation as a link clicked in a browser, and a person can read the file and open any
 * one line by hand.
 */

/* -------------------------------------------------------------------------------------- */
/* Public API                                                                             */
/* -------------------------------------------------------------------------------------- */

/*
 * rempart_join_list_parse:
 * @text: the file's contents
 * @len: its length in bytes, or -1 when @text ends with a NUL
 *
 * Returns: (transfer full) (element-type RempartJoinLink) (nullable): the links in the order
 *   of the file, at least one; or %NULL with REMPART_JOIN_ERROR_BAD_LIST naming the first bad
 *   line and what is wrong with it. One bad line refuses the whole file, so that nobody
 *   imports half a list without noticing.
 */
GPtrArray *
rempart_join_list_parse (const char *text, gsize len, GError **error)
{
  g_autoptr (GPtrArray) links = NULL;
  g_autofree char *copy = NULL;
  g_auto (GStrv) lines = NULL;

  g_return_val_if_fail (text != NULL || len == 0, NULL);

  if (len == (gsize) -1)
    len = strlen (text);

  if (len > REMPART_JOIN_LIST_MAX_SIZE)
    {
      g_set_error (error, REMPART_JOIN_ERROR, REMPART_JOIN_ERROR_BAD_LIST,
                   _ ("This file is too large to be a list of groups exported by Rempart."));
      return NULL;
    }

  if (memchr (text, '\0', len) != NULL || !g_utf8_validate (text, len, NULL))
    {
      g_set_error (error, REMPART_JOIN_ERROR, REMPART_JOIN_ERROR_BAD_LIST,
                   _ ("This file is not a list of groups exported by Rempart: it is not text."));
      return NULL;
    }

  links = g_ptr_array_new_with_free_func ((GDestroyNotify) rempart_join_link_free);
  copy = g_strndup (text, len);
  lines = g_strsplit (copy, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *line = g_strstrip (g_strdup (lines[i]));
      g_autoptr (GError) local_error = NULL;
      RempartJoinLink *link;

      if (line[0] == '\0' || line[0] == '#')
        continue;

      if (links->len == REMPART_JOIN_LIST_MAX_LINKS)
        {
          g_set_error (error, REMPART_JOIN_ERROR, REMPART_JOIN_ERROR_BAD_LIST,
                       _ ("This file lists more than %d groups, more than Rempart imports at "
                          "once."),
                       REMPART_JOIN_LIST_MAX_LINKS);
          return NULL;
        }

      link = rempart_join_link_parse (line, &local_error);
      if (link == NULL)
        {
          /* Translators: %u is a line number, %s says what is wrong with the link there */
          g_set_error (error, REMPART_JOIN_ERROR, REMPART_JOIN_ERROR_BAD_LIST, _ ("Line %u: %s"),
                       i + 1, local_error->message);
          return NULL;
        }
      g_ptr_array_add (links, link);
    }

  if (links->len == 0)
    {
      g_set_error (error, REMPART_JOIN_ERROR, REMPART_JOIN_ERROR_BAD_LIST,
                   _ ("This file lists no groups. Export the list again on the computer that "
                      "follows them."));
      return NULL;
    }

  return g_steal_pointer (&links);
}

/*
 * rempart_join_list_to_string:
 * @links: (element-type RempartJoinLink): the groups
 *
 * Returns: (transfer full): the file's contents, a comment line then one link a line
 */
char *
rempart_join_list_to_string (GPtrArray *links)
{
  GString *text;

  g_return_val_if_fail (links != NULL, NULL);

  /* Not translated: the file may be opened on a computer set to another language, and the
   * comment is for the curious, not the volunteer. */
  text = g_string_new ("# Rempart groups: open this file from Preferences, Groups, Import, "
                       "on another computer.\n");

  for (guint i = 0; i < links->len; i++)
    {
      g_autofree char *line = rempart_join_link_to_string (g_ptr_array_index (links, i));

      g_string_append_printf (text, "%s\n", line);
    }

  return g_string_free (text, FALSE);
}
