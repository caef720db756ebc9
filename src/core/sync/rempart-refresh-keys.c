/* rempart-refresh-keys.c: a group's key rotation, as a verified feed announces and completes it
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rempart-refresh-private.h"

/*
 * Key rotation without losing anyone (docs/feed-format.md): a feed signed with the group's key
 * may name the key the moderators will sign with next, `_rempart.next_key`. Only a verified
 * feed is listened to, and only about the key that comes after the one it was verified with:
 *
 *   verified with public_key       the subscription remembers the next key the feed names
 *                                  (none when it names none: an announcement can be withdrawn)
 *   verified with next_public_key  that key becomes public_key, the old one is refused from
 *                                  then on, and the feed's own next_key (if another) is next
 *
 * The fetcher accepts a signature made with next_public_key (RempartFetchRequest); the store
 * saves the outcome after the import (rempart_store_set_subscription_keys_async), guarded so
 * that a key the volunteer corrected meanwhile wins.
 */

/* ------------------------------------------------------------------------------------------ */
/* Helpers                                                                                    */
/* ------------------------------------------------------------------------------------------ */

/* A key as the store keeps it (minisign's base64 line), or NULL when @text is not one. */
static char *
normalized_key (const char *text)
{
  g_autoptr (RempartMinisignPublicKey) key = NULL;

  if (text == NULL)
    return NULL;
  key = rempart_minisign_public_key_parse (text, (gsize) -1, NULL);
  return key != NULL ? rempart_minisign_public_key_to_base64 (key) : NULL;
}

/* ------------------------------------------------------------------------------------------ */
/* Private API                                                                                */
/* ------------------------------------------------------------------------------------------ */

/*
 * rempart_refresh_rotate_keys:
 * @imported: the subscription as the import will save it (a copy of @sub); its public_key and
 *   next_public_key are set to what @fetched and @feed decide
 *
 * Returns: whether the keys changed, and so must be saved after the import
 */
gboolean
rempart_refresh_rotate_keys (const RempartSubscription *sub,
                             RempartSubscription *imported,
                             RempartFetchResult *fetched,
                             RempartFeed *feed)
{
  g_autofree char *verified = NULL;
  g_autofree char *announced = NULL;

  if (sub->public_key == NULL || !rempart_fetch_result_get_signed (fetched))
    return FALSE;

  verified =
      normalized_key (rempart_fetch_result_get_signed_with_next_key (fetched) ? sub->next_public_key
                                                                              : sub->public_key);
  if (verified == NULL)
    return FALSE;
  announced = normalized_key (rempart_feed_get_next_key (feed));
  if (g_strcmp0 (announced, verified) == 0)
    g_clear_pointer (&announced, g_free);

  g_free (imported->public_key);
  imported->public_key = g_strdup (
      rempart_fetch_result_get_signed_with_next_key (fetched) ? verified : sub->public_key);
  g_free (imported->next_public_key);
  imported->next_public_key = g_steal_pointer (&announced);

  return g_strcmp0 (imported->public_key, sub->public_key) != 0 ||
         g_strcmp0 (imported->next_public_key, sub->next_public_key) != 0;
}
