/* rempart-fetcher-signature.c: the .minisig next to the feed, and its check
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rempart-feed-parser.h"
#include "rempart-fetcher-private.h"
#include "rempart-http.h"
#include "rempart-workers.h"

/*
 * A publish replaces two files, the feed then its signature (src/core/publish/README.md), so a
 * volunteer can read a feed and a signature of two different publishes. That is not an
 * alteration, and must not raise the tampering alarm: when the signature does not match the
 * feed, but its trusted comment is genuine (signed with the subscription's key) and names
 * another seq than the feed's `_rempart.seq`, the pair is read again, after a short pause (the
 * second upload is a few hundred bytes), at most PAIR_RETRIES times. If it is still mixed, the
 * fetch ends as RETRY_LATER (nothing accepted, nothing lost, no alarm). Someone who alters a
 * feed without the key cannot use this to get anything accepted: at most they turn the alarm
 * into "try again later", which serving an error page already does.
 */
#define PAIR_RETRIES        2
#define PAIR_RETRY_DELAY_MS 400

/* ------------------------------------------------------------------------------------------ */
/* Structures                                                                                 */
/* ------------------------------------------------------------------------------------------ */

/* What the signature thread reads. */
typedef struct
{
  RempartMinisignPublicKey *public_key;      /* borrowed from FetchData: see verify_thread */
  RempartMinisignPublicKey *next_public_key; /* idem, nullable */
  gboolean with_next_key; /* set by the thread: the signature was made with next_public_key */
  GBytes *body;
  GBytes *sig;
  /* Set by the thread when the check failed. */
  gboolean mixed_pair; /* the two files come from two publishes */
  gboolean forged;     /* neither the feed's signature nor the comment's verifies */
  char *signed_key_id; /* the key id the signature names, NULL when unreadable */
} VerifyData;

/* ------------------------------------------------------------------------------------------ */
/* Helpers                                                                                    */
/* ------------------------------------------------------------------------------------------ */

static void
verify_data_free (VerifyData *data)
{
  g_bytes_unref (data->body);
  g_bytes_unref (data->sig);
  g_free (data->signed_key_id);
  g_free (data);
}

/* The signature sits next to the feed: same address, ".minisig" appended to the path (so a
 * query string, if any, stays a query string). */
static GUri *
signature_uri_for (GUri *feed_uri)
{
  g_autofree char *path = g_strconcat (g_uri_get_path (feed_uri), ".minisig", NULL);

  return g_uri_build (g_uri_get_flags (feed_uri), g_uri_get_scheme (feed_uri),
                      g_uri_get_userinfo (feed_uri), g_uri_get_host (feed_uri),
                      g_uri_get_port (feed_uri), path, g_uri_get_query (feed_uri), NULL);
}

/* "seq N ..." as rempart_publish_prepare() writes it; -1 otherwise. */
static gint64
comment_seq (const char *comment)
{
  const char *p;
  char *end;
  gint64 seq;

  if (!g_str_has_prefix (comment, "seq "))
    return -1;
  p = comment + strlen ("seq ");
  if (!g_ascii_isdigit (*p))
    return -1;
  seq = g_ascii_strtoll (p, &end, 10);
  return (*end == ' ' || *end == '\0') ? seq : -1;
}

static gint64
feed_seq (GBytes *body)
{
  g_autoptr (JsonNode) root = rempart_feed_load_json (body, "feed", NULL);
  JsonObject *object;
  JsonNode *seq;

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return -1;
  object = json_node_get_object (root);
  if (!json_object_has_member (object, "_rempart") ||
      !JSON_NODE_HOLDS_OBJECT (json_object_get_member (object, "_rempart")))
    return -1;
  seq = json_object_get_member (json_object_get_object_member (object, "_rempart"), "seq");
  if (seq == NULL || json_node_get_value_type (seq) != G_TYPE_INT64)
    return -1;
  return json_node_get_int (seq);
}

/* The feed does not match its signature: is the signature genuine but for another version
 * of the feed (a publish in progress), or does nothing in it verify with the key (a key
 * mistyped in its last letters keeps its id, so only this tells it from an altered feed)? */
static void
explain_bad_signature (VerifyData *data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *comment = NULL;
  gint64 signed_seq;

  if (!rempart_minisign_verify_trusted_comment (data->public_key, data->sig, &comment, &error))
    {
      data->forged = g_error_matches (error, REMPART_MINISIGN_ERROR,
                                      REMPART_MINISIGN_ERROR_BAD_TRUSTED_COMMENT);
      return;
    }
  signed_seq = comment_seq (comment);
  data->mixed_pair = signed_seq >= 0 && signed_seq != feed_seq (data->body);
}

static gboolean
read_pair_again_cb (gpointer user_data)
{
  GTask *task = user_data;
  FetchData *data = g_task_get_task_data (task);

  data->stage = STAGE_FEED;
  g_clear_pointer (&data->uri, g_uri_unref);
  data->uri = g_steal_pointer (&data->feed_uri);
  g_clear_pointer (&data->result, rempart_fetch_result_unref);
  data->n_redirects = 0;
  data->max_body = REMPART_FETCH_MAX_BODY;
  rempart_fetch_start_hop (task);
  return G_SOURCE_REMOVE;
}

static void
read_pair_again (GTask *task)
{
  FetchData *data = g_task_get_task_data (task);
  g_autoptr (GSource) source = NULL;

  data->n_pair_retries++;
  source = g_timeout_source_new (PAIR_RETRY_DELAY_MS * data->n_pair_retries);
  g_source_set_callback (source, read_pair_again_cb, g_object_ref (task), g_object_unref);
  g_source_attach (source, g_task_get_context (task));
}

/* Still mixed after the retries: a publish is in progress, or failed half-way. */
static void
return_publish_in_progress (GTask *task)
{
  FetchData *data = g_task_get_task_data (task);
  guint http_status = rempart_fetch_result_get_http_status (data->result);
  g_autofree char *final_url = g_strdup (data->result->final_url);

  g_clear_pointer (&data->result, rempart_fetch_result_unref);
  data->result = rempart_fetch_result_new (REMPART_FETCH_STATUS_RETRY_LATER, http_status);
  data->result->final_url = g_steal_pointer (&final_url);
  data->result->retry_after = REMPART_HTTP_RETRY_AFTER_MIN;
  rempart_fetch_return_result (task);
}

/* ------------------------------------------------------------------------------------------ */
/* Callbacks                                                                                  */
/* ------------------------------------------------------------------------------------------ */

/* BLAKE2b over up to 8 MiB takes tens of milliseconds: never on the caller's thread. The key
 * is borrowed, not referenced: its count is not atomic. The fetch task (which owns it) stays
 * alive until verify_cb, which runs after the thread is done with it. */
static void
verify_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  VerifyData *data = task_data;
  GError *error = NULL;
  char *trusted_comment = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;

  if (rempart_minisign_verify (data->public_key, data->body, data->sig, &trusted_comment, &error))
    {
      g_task_return_pointer (task, trusted_comment, g_free);
      return;
    }

  /* Made with another key: the one the group announced it would sign with next (a feed
   * verified with the current key said so)? From here on that key is the one to explain
   * a bad signature with. */
  if (data->next_public_key != NULL &&
      g_error_matches (error, REMPART_MINISIGN_ERROR, REMPART_MINISIGN_ERROR_KEY_MISMATCH))
    {
      g_autoptr (GError) next_error = NULL;

      if (rempart_minisign_verify (data->next_public_key, data->body, data->sig, &trusted_comment,
                                   &next_error))
        {
          data->with_next_key = TRUE;
          g_clear_error (&error);
          g_task_return_pointer (task, trusted_comment, g_free);
          return;
        }
      if (!g_error_matches (next_error, REMPART_MINISIGN_ERROR,
                            REMPART_MINISIGN_ERROR_KEY_MISMATCH))
        {
          data->public_key = data->next_public_key;
          g_clear_error (&error);
          error = g_steal_pointer (&next_error);
        }
    }

  data->signed_key_id = rempart_minisign_signature_get_key_id_string (data->sig, NULL);
  if (g_error_matches (error, REMPART_MINISIGN_ERROR, REMPART_MINISIGN_ERROR_BAD_SIGNATURE))
    explain_bad_signature (data);
  g_task_return_error (task, error);
}

static void
verify_cb (GObject *object, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  FetchData *data = g_task_get_task_data (task);
  g_autoptr (GError) error = NULL;
  char *trusted_comment;
  VerifyData *verify = g_task_get_task_data (G_TASK (result));

  trusted_comment = g_task_propagate_pointer (G_TASK (result), &error);
  if (error != NULL && verify->mixed_pair)
    {
      if (data->n_pair_retries < PAIR_RETRIES)
        read_pair_again (task);
      else
        return_publish_in_progress (task);
      return;
    }
  if (error != NULL)
    {
      rempart_fetch_return_error (
          task,
          g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
              ? g_steal_pointer (&error)
              : rempart_fetch_signature_error (data, error, verify->signed_key_id, verify->forged));
      return;
    }

  data->result->is_signed = TRUE;
  data->result->signed_with_next_key = verify->with_next_key;
  data->result->trusted_comment = trusted_comment;
  rempart_fetch_set_permanent_url (data);
  rempart_fetch_return_result (task);
}

/* ------------------------------------------------------------------------------------------ */
/* For the other parts of the fetcher                                                         */
/* ------------------------------------------------------------------------------------------ */

GError *
rempart_fetch_signature_error (FetchData *data,
                               const GError *verify_error,
                               const char *signed_key_id,
                               gboolean forged)
{
  g_autofree char *feed = rempart_fetch_uri_display (data->feed_uri);
  g_autofree char *sig = rempart_fetch_uri_display (data->uri);
  g_autofree char *key_id = rempart_minisign_public_key_get_key_id_string (data->public_key);

  if (verify_error == NULL)
    return g_error_new (REMPART_FETCH_ERROR, REMPART_FETCH_ERROR_SIGNATURE,
                        _ ("The feed %s is not signed: its signature file %s is missing. "
                           "The actions already downloaded are kept; ask the group’s "
                           "moderators to publish the signature."),
                        feed, sig);

  /* Not an alteration: the key entered is not the one that signs (mistyped, or outdated). */
  if (g_error_matches (verify_error, REMPART_MINISIGN_ERROR, REMPART_MINISIGN_ERROR_KEY_MISMATCH) &&
      signed_key_id != NULL)
    return g_error_new (REMPART_FETCH_ERROR, REMPART_FETCH_ERROR_SIGNATURE,
                        /* Translators: the first %s is a feed's address, the other two are key
                         * ids such as 8A2B7C4D1E0F3A5B */
                        _ ("The feed %s is signed with key %s; the key you entered is %s. Check "
                           "the key with your group’s moderators, then correct it in "
                           "Preferences → Groups. The actions already downloaded are kept."),
                        feed, signed_key_id, key_id);

  /* Same key id, yet neither the feed's signature nor the comment's verifies: a key whose
   * last letters were mistyped, far likelier than a forger who kept the id. */
  if (forged && signed_key_id != NULL)
    return g_error_new (REMPART_FETCH_ERROR, REMPART_FETCH_ERROR_SIGNATURE,
                        /* Translators: the first %s is a feed's address, the second a key id
                         * such as 8A2B7C4D1E0F3A5B */
                        _ ("The feed %s names key %s, like the key you entered, but its "
                           "signature does not verify with the key you entered: it was probably "
                           "mistyped or copied incompletely. Check the key letter by letter "
                           "with your group’s moderators, then correct it in Preferences → "
                           "Groups. The actions already downloaded are kept."),
                        feed, signed_key_id);

  if (g_error_matches (verify_error, REMPART_MINISIGN_ERROR,
                       REMPART_MINISIGN_ERROR_BAD_SIGNATURE) ||
      g_error_matches (verify_error, REMPART_MINISIGN_ERROR,
                       REMPART_MINISIGN_ERROR_BAD_TRUSTED_COMMENT))
    return g_error_new (REMPART_FETCH_ERROR, REMPART_FETCH_ERROR_SIGNATURE,
                        _ ("The feed %s does not match its signature: it was changed after it "
                           "was signed, or altered on the way (%s). The actions already "
                           "downloaded are kept; tell the group’s moderators."),
                        feed, verify_error->message);

  return g_error_new (REMPART_FETCH_ERROR, REMPART_FETCH_ERROR_SIGNATURE,
                      _ ("The signature file %s of the feed %s cannot be used (%s). The actions "
                         "already downloaded are kept; tell the group’s moderators."),
                      sig, feed, verify_error->message);
}

void
rempart_fetch_start_signature (GTask *task)
{
  FetchData *data = g_task_get_task_data (task);

  data->stage = STAGE_SIGNATURE;
  g_clear_pointer (&data->uri, g_uri_unref);
  data->uri = signature_uri_for (data->feed_uri);
  data->n_redirects = 0;
  data->max_body = REMPART_FETCH_MAX_SIGNATURE;
  rempart_fetch_start_hop (task);
}

void
rempart_fetch_verify_signature (GTask *task)
{
  FetchData *data = g_task_get_task_data (task);
  VerifyData *verify = g_new0 (VerifyData, 1);
  g_autoptr (GTask) verify_task = NULL;

  verify->public_key = data->public_key;
  verify->next_public_key = data->next_public_key;
  verify->body = g_bytes_ref (data->result->body);
  verify->sig = g_byte_array_free_to_bytes (g_steal_pointer (&data->body));

  /* No source object, and the callback on the thread-default context of the fetch (the
   * private one of fetch_sync, the caller's otherwise). */
  verify_task = g_task_new (NULL, data->cancellable, verify_cb, g_object_ref (task));
  g_task_set_source_tag (verify_task, rempart_fetch_verify_signature);
  g_task_set_name (verify_task, "rempart-fetch-verify");
  g_task_set_task_data (verify_task, verify, (GDestroyNotify) verify_data_free);
  rempart_workers_run_in_thread (verify_task, verify_thread);
}
