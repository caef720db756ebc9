/* rempart-workspace-publishing.c: where a working copy is published, and what was published
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rempart-feed-writer.h"
#include "rempart-workspace-private.h"

/*
 * The publishing settings live in workspace.ini's [publish] group beside the public key. The
 * ETag is what the next publish sends as If-Match: without it the publisher assumes nothing
 * is on the server yet (If-None-Match: *), so a group published by someone else is never
 * overwritten blindly.
 */

#define GROUP "publish"

/* -------------------------------------------------------------------------------------- */
/* Helpers                                                                                */
/* -------------------------------------------------------------------------------------- */

static char *
get (RempartWorkspace *self, const char *key)
{
  g_autofree char *value =
      g_key_file_get_string (rempart_workspace_get_info (self), GROUP, key, NULL);

  return value != NULL && value[0] != '\0' ? g_steal_pointer (&value) : NULL;
}

static void
set (RempartWorkspace *self, const char *key, const char *value)
{
  GKeyFile *info = rempart_workspace_get_info (self);

  if (value != NULL && value[0] != '\0')
    g_key_file_set_string (info, GROUP, key, value);
  else
    g_key_file_remove_key (info, GROUP, key, NULL);
}

/* -------------------------------------------------------------------------------------- */
/* Public API                                                                             */
/* -------------------------------------------------------------------------------------- */

char *
rempart_workspace_dup_publish_url (RempartWorkspace *self)
{
  g_return_val_if_fail (REMPART_IS_WORKSPACE (self), NULL);
  return get (self, "url");
}

char *
rempart_workspace_dup_publish_user (RempartWorkspace *self)
{
  g_return_val_if_fail (REMPART_IS_WORKSPACE (self), NULL);
  return get (self, "user");
}

/*
 * rempart_workspace_set_publish_target:
 * @url: (nullable): an http:// or https:// address, or %NULL for the feed's own
 * @user: (nullable): the user name, or %NULL for none
 *
 * Returns: %FALSE, and changes nothing, when @url is not http(s)
 */
gboolean
rempart_workspace_set_publish_target (RempartWorkspace *self,
                                      const char *url,
                                      const char *user,
                                      GError **error)
{
  g_autofree char *previous = NULL;

  g_return_val_if_fail (REMPART_IS_WORKSPACE (self), FALSE);

  if (url != NULL && url[0] != '\0' && !g_str_has_prefix (url, "https://") &&
      !g_str_has_prefix (url, "http://"))
    {
      g_set_error (error, REMPART_WORKSPACE_ERROR, REMPART_WORKSPACE_ERROR_INVALID,
                   _ ("“%s” is not a web address: it must start with https://"), url);
      return FALSE;
    }
  previous = get (self, "url");
  /* Another place: the ETag seen at the old one means nothing there. */
  if (g_strcmp0 (previous, url != NULL && url[0] != '\0' ? url : NULL) != 0)
    set (self, "etag", NULL);
  set (self, "url", url);
  set (self, "user", user);
  rempart_workspace_write_info (self);
  return TRUE;
}

char *
rempart_workspace_dup_published_etag (RempartWorkspace *self)
{
  g_return_val_if_fail (REMPART_IS_WORKSPACE (self), NULL);
  return get (self, "etag");
}

void
rempart_workspace_set_published_etag (RempartWorkspace *self, const char *etag)
{
  g_return_if_fail (REMPART_IS_WORKSPACE (self));

  set (self, "etag", etag);
  rempart_workspace_write_info (self);
}

GBytes *
rempart_workspace_dup_published_bytes (RempartWorkspace *self)
{
  JsonNode *root;
  gsize length = 0;
  char *data;

  g_return_val_if_fail (REMPART_IS_WORKSPACE (self), NULL);

  root = rempart_workspace_get_published_root (self);
  if (root == NULL)
    return NULL;
  data = rempart_feed_document_to_data (root, &length);
  return g_bytes_new_take (data, length);
}

GDateTime *
rempart_workspace_get_published_expires (RempartWorkspace *self)
{
  RempartFeed *published;

  g_return_val_if_fail (REMPART_IS_WORKSPACE (self), NULL);

  published = rempart_workspace_get_published (self);
  return published != NULL ? rempart_feed_get_expires (published) : NULL;
}
