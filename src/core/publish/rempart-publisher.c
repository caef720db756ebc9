/* rempart-publisher.c: uploading a prepared feed and its signature by HTTP PUT
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <libsoup/soup.h>
#include <string.h>

#include "rempart-feed-parser.h"
#include "rempart-http.h"
#include "rempart-publisher.h"
#include "rempart-workers.h"

/*
 * The order of the uploads (the reasoning is in README.md):
 *
 *   1. GET the feed: is the server's copy the one the moderator last saw? Its bytes are kept,
 *      to put back if step 3 fails.
 *   2. PUT the feed with If-Match on that ETag (If-None-Match: * for a first publish): the
 *      guard is on the first file to move, so a conflict or a refusal changes nothing.
 *   3. PUT the signature. If the server refuses it, PUT the old feed back (DELETE it after a
 *      first publish), so that the pair volunteers download is the previous valid one.
 *   4. GET the feed again: its ETag is the one to send next time, if the bytes are ours.
 *
 * Between 2 and 3 a volunteer can read the new feed with the old signature: the fetcher sees a
 * signature that is genuine (its trusted comment verifies) but for another seq, and retries
 * (src/core/net/rempart-fetcher-signature.c) instead of raising a tampering alarm.
 *
 * The HTTP requests are blocking, in a worker thread with a session of its own (libsoup
 * sessions belong to one thread); the ::stage signal is sent to the caller's main context.
 */

struct _RempartPublisher
{
  GObject parent_instance;

  RempartKeyring *keyring;
  guint timeout;
};

G_DEFINE_FINAL_TYPE (RempartPublisher, rempart_publisher, G_TYPE_OBJECT)

/* The most a server's answer may hold: a feed is at most REMPART_FEED_MAX_SIZE, and anything
 * larger is a wrong address or a hostile server, not a reason to fill the moderator's memory.
 * One request ends after REQUEST_DEADLINE seconds even if the server sends a byte at a time
 * (the session's timeout is per read). */
#define MAX_ANSWER_SIZE  (REMPART_FEED_MAX_SIZE + 1024)
#define REQUEST_DEADLINE 120

/* How long to wait for a weak ETag to become strong (read_current_strong()). */
#define WEAK_ETAG_ATTEMPTS 3
#define WEAK_ETAG_PAUSE_MS 600

enum
{
  SIGNAL_STAGE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ------------------------------------------------------------------------------------------ */
/* Structures                                                                                 */
/* ------------------------------------------------------------------------------------------ */

typedef struct
{
  RempartPublisher *self;
  GMainContext *context; /* where ::stage goes; NULL: emitted in the calling thread */

  char *feed_url;
  char *sig_url;
  char *display;
  char *user;
  char *password;
  char *etag;
  GBytes *base;

  GBytes *feed;
  GBytes *signature;
  gint64 seq;

  SoupSession *session;
} Job;

typedef struct
{
  RempartPublisher *self;
  RempartPublishStage stage;
} StageEmission;

/* One response: status 0 means the request did not get one (error set). */
typedef struct
{
  guint status;
  char *reason;
  char *etag;
  GBytes *body;
} Response;

/* ------------------------------------------------------------------------------------------ */
/* Helpers                                                                                    */
/* ------------------------------------------------------------------------------------------ */

static void
job_free (Job *job)
{
  g_clear_object (&job->self);
  g_clear_pointer (&job->context, g_main_context_unref);
  g_free (job->feed_url);
  g_free (job->sig_url);
  g_free (job->display);
  g_free (job->user);
  if (job->password != NULL)
    memset (job->password, 0, strlen (job->password));
  g_free (job->password);
  g_free (job->etag);
  g_clear_pointer (&job->base, g_bytes_unref);
  g_clear_pointer (&job->feed, g_bytes_unref);
  g_clear_pointer (&job->signature, g_bytes_unref);
  g_clear_object (&job->session);
  g_free (job);
}

static void
response_clear (Response *response)
{
  g_clear_pointer (&response->reason, g_free);
  g_clear_pointer (&response->etag, g_free);
  g_clear_pointer (&response->body, g_bytes_unref);
  response->status = 0;
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Response, response_clear)

static gboolean
emit_stage_cb (gpointer user_data)
{
  StageEmission *emission = user_data;

  g_signal_emit (emission->self, signals[SIGNAL_STAGE], 0, (int) emission->stage);
  return G_SOURCE_REMOVE;
}

static void
stage_emission_free (gpointer user_data)
{
  StageEmission *emission = user_data;

  g_object_unref (emission->self);
  g_free (emission);
}

static void
set_stage (Job *job, RempartPublishStage stage)
{
  StageEmission *emission;

  if (job->context == NULL)
    {
      g_signal_emit (job->self, signals[SIGNAL_STAGE], 0, (int) stage);
      return;
    }

  emission = g_new0 (StageEmission, 1);
  emission->self = g_object_ref (job->self);
  emission->stage = stage;
  g_main_context_invoke_full (job->context, G_PRIORITY_DEFAULT, emit_stage_cb, emission,
                              stage_emission_free);
}

/* What messages show of an address: no user information, no query (it may hold a token). */
static char *
display_url (GUri *uri)
{
  g_autoptr (GUri) bare =
      g_uri_build (G_URI_FLAGS_NONE, g_uri_get_scheme (uri), NULL, g_uri_get_host (uri),
                   g_uri_get_port (uri), g_uri_get_path (uri), NULL, NULL);

  return g_uri_to_string (bare);
}

static Job *
job_new (RempartPublisher *self, const RempartPublishTarget *target, GError **error)
{
  g_autoptr (GUri) uri = NULL;
  Job *job;

  if (target->feed_url != NULL)
    uri = g_uri_parse (target->feed_url, SOUP_HTTP_URI_FLAGS, NULL);
  if (uri == NULL || g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0' ||
      (g_ascii_strcasecmp (g_uri_get_scheme (uri), "http") != 0 &&
       g_ascii_strcasecmp (g_uri_get_scheme (uri), "https") != 0))
    {
      g_set_error (error, REMPART_PUBLISH_ERROR, REMPART_PUBLISH_ERROR_INVALID_URL,
                   _ ("“%s” is not a web address to publish to: give the feed’s address, "
                      "starting with https:// (or http://)."),
                   target->feed_url != NULL ? target->feed_url : "");
      return NULL;
    }

  job = g_new0 (Job, 1);
  job->self = g_object_ref (self);
  job->feed_url = g_strdup (target->feed_url);
  job->sig_url = g_strconcat (target->feed_url, ".minisig", NULL);
  job->display = display_url (uri);
  job->user = g_strdup (target->user);
  job->password = g_strdup (target->password);
  job->etag = g_strdup (target->etag);
  job->base = target->base != NULL ? g_bytes_ref (target->base) : NULL;
  return job;
}

/* "W/"x"" and ""x"" name the same version for our purpose: weak ETags are all some servers
 * give, and If-Match on the server side does the strict comparison anyway. */
static gboolean
etag_equal (const char *a, const char *b)
{
  if (a == NULL || b == NULL)
    return FALSE;
  if (g_str_has_prefix (a, "W/"))
    a += 2;
  if (g_str_has_prefix (b, "W/"))
    b += 2;
  return strcmp (a, b) == 0;
}

static gboolean
same_bytes (GBytes *a, GBytes *b)
{
  return a != NULL && b != NULL && g_bytes_equal (a, b);
}

/* Sends @msg and reads its body, at most MAX_ANSWER_SIZE bytes and REQUEST_DEADLINE seconds. */
static GBytes *
read_answer (Job *job, SoupMessage *msg, GCancellable *cancellable, GError **error)
{
  g_autoptr (GInputStream) stream = NULL;
  g_autoptr (GByteArray) body = g_byte_array_new ();
  gint64 deadline = g_get_monotonic_time () + REQUEST_DEADLINE * G_TIME_SPAN_SECOND;
  guint8 buffer[16384];
  gssize n;

  stream = soup_session_send (job->session, msg, cancellable, error);
  if (stream == NULL)
    return NULL;

  while ((n = g_input_stream_read (stream, buffer, sizeof buffer, cancellable, error)) > 0)
    {
      g_byte_array_append (body, buffer, n);
      if (body->len > MAX_ANSWER_SIZE)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE,
                       _ ("the server answered with more than %u MiB, which no feed is"),
                       (guint) (MAX_ANSWER_SIZE / (1024 * 1024)));
          return NULL;
        }
      if (g_get_monotonic_time () > deadline)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT,
                       _ ("the server took more than %u seconds to answer"), REQUEST_DEADLINE);
          return NULL;
        }
    }
  if (n < 0)
    return NULL;

  return g_byte_array_free_to_bytes (g_steal_pointer (&body));
}

static gboolean
send_request (Job *job,
              const char *method,
              const char *url,
              GBytes *body,
              const char *if_match,
              gboolean if_none_match_any,
              Response *response,
              GCancellable *cancellable,
              GError **error)
{
  g_autoptr (SoupMessage) msg = soup_message_new (method, url);
  g_autoptr (GError) local_error = NULL;
  SoupMessageHeaders *headers = soup_message_get_request_headers (msg);
  g_autoptr (GBytes) reply = NULL;

  /* Identity: an ETag of a compressed variant would never match the PUT's. No cache: we
   * compare with the server's copy, not with a proxy's. */
  soup_message_headers_replace (headers, "Accept-Encoding", "identity");
  soup_message_headers_replace (headers, "Cache-Control", "no-cache");
  soup_message_add_flags (msg, SOUP_MESSAGE_NO_REDIRECT);
  if (job->user != NULL)
    {
      g_autofree char *pair =
          g_strconcat (job->user, ":", job->password ? job->password : "", NULL);
      g_autofree char *encoded = g_base64_encode ((const guchar *) pair, strlen (pair));
      g_autofree char *value = g_strconcat ("Basic ", encoded, NULL);

      memset (pair, 0, strlen (pair));
      soup_message_headers_replace (headers, "Authorization", value);
    }
  if (if_match != NULL)
    soup_message_headers_replace (headers, "If-Match", if_match);
  if (if_none_match_any)
    soup_message_headers_replace (headers, "If-None-Match", "*");
  if (body != NULL)
    soup_message_set_request_body_from_bytes (msg, "application/json", body);

  reply = read_answer (job, msg, cancellable, &local_error);
  if (reply == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, REMPART_PUBLISH_ERROR, REMPART_PUBLISH_ERROR_UPLOAD_FAILED,
                     _ ("Could not reach %s: %s. Nothing was changed on the server; check the "
                        "address and your connection, then publish again."),
                     job->display, local_error->message);
      return FALSE;
    }

  response->status = soup_message_get_status (msg);
  response->reason = g_strdup (soup_message_get_reason_phrase (msg));
  response->etag =
      g_strdup (soup_message_headers_get_one (soup_message_get_response_headers (msg), "ETag"));
  response->body = g_steal_pointer (&reply);
  return TRUE;
}

static const char *
reason_of (Response *response)
{
  return response->reason != NULL && *response->reason != '\0'
             ? response->reason
             : soup_status_get_phrase (response->status);
}

/* An error status as an error; @what says which request, @changed_nothing whether the server
 * is as it was. */
static void
set_status_error (Job *job, Response *response, const char *what, GError **error)
{
  if (response->status == SOUP_STATUS_UNAUTHORIZED || response->status == SOUP_STATUS_FORBIDDEN)
    {
      if (job->user == NULL)
        g_set_error (error, REMPART_PUBLISH_ERROR, REMPART_PUBLISH_ERROR_AUTH_FAILED,
                     _ ("%s asks for a user name and password (%u %s). Nothing was changed on "
                        "the server; give the user name the host gave you."),
                     job->display, response->status, reason_of (response));
      else
        g_set_error (error, REMPART_PUBLISH_ERROR, REMPART_PUBLISH_ERROR_AUTH_FAILED,
                     _ ("%s refused the user name “%s” or its password (%u %s). Nothing was "
                        "changed on the server; check them and publish again."),
                     job->display, job->user, response->status, reason_of (response));
      return;
    }

  if (response->status == SOUP_STATUS_INSUFFICIENT_STORAGE)
    {
      g_set_error (error, REMPART_PUBLISH_ERROR, REMPART_PUBLISH_ERROR_UPLOAD_FAILED,
                   _ ("%s has no room left for the %s (507 Insufficient Storage). Free some "
                      "space on the host, then publish again."),
                   job->display, what);
      return;
    }

  g_set_error (error, REMPART_PUBLISH_ERROR, REMPART_PUBLISH_ERROR_UPLOAD_FAILED,
               _ ("%s refused the %s: “%u %s”. Check that the address is a folder you may "
                  "write to (WebDAV), then publish again."),
               job->display, what, response->status, reason_of (response));
}

static void
set_conflict_error (Job *job, GError **error)
{
  g_set_error (error, REMPART_PUBLISH_ERROR, REMPART_PUBLISH_ERROR_CONFLICT,
               _ ("Someone else published %s since you last did. Nothing was uploaded: fetch "
                  "their version, merge it with yours, then publish the merge."),
               job->display);
}

static gboolean
lookup_password (Job *job, GCancellable *cancellable, GError **error)
{
  g_autoptr (GError) local_error = NULL;

  if (job->user == NULL || job->password != NULL)
    return TRUE;
  if (job->self->keyring == NULL)
    {
      g_set_error (error, REMPART_PUBLISH_ERROR, REMPART_PUBLISH_ERROR_AUTH_FAILED,
                   _ ("No password was given for “%s” at %s."), job->user, job->display);
      return FALSE;
    }

  job->password = rempart_keyring_lookup_password_sync (job->self->keyring, job->feed_url,
                                                        job->user, NULL, cancellable, &local_error);
  if (job->password == NULL)
    {
      g_set_error (error, REMPART_PUBLISH_ERROR, REMPART_PUBLISH_ERROR_AUTH_FAILED,
                   _ ("The password of “%s” at %s could not be read from the keyring: %s"),
                   job->user, job->display, local_error->message);
      return FALSE;
    }
  return TRUE;
}

static void
job_start_session (Job *job)
{
  job->session = rempart_http_session_new ();
  if (job->self->timeout > 0)
    rempart_http_session_set_timeout (job->session, job->self->timeout);
}

/* GET the feed: @response->status is 200 or 404 on success. */
static gboolean
read_current (Job *job, Response *response, GCancellable *cancellable, GError **error)
{
  if (!send_request (job, SOUP_METHOD_GET, job->feed_url, NULL, NULL, FALSE, response, cancellable,
                     error))
    return FALSE;
  if (response->status == SOUP_STATUS_OK || response->status == SOUP_STATUS_NOT_FOUND ||
      response->status == SOUP_STATUS_GONE)
    return TRUE;

  /* Translators: which file an upload error is about: the feed (as opposed to its signature) */
  set_status_error (job, response, _ ("feed"), error);
  return FALSE;
}

/* Apache (and others) give a file changed less than a second ago a weak ETag, and If-Match
 * compares strongly (RFC 9110 §13.1.1), so no If-Match can pass until the copy is a second
 * old: read it again until its ETag is strong, a few times at most. */
static gboolean
read_current_strong (Job *job, Response *response, GCancellable *cancellable, GError **error)
{
  for (guint attempt = 0;; attempt++)
    {
      if (!read_current (job, response, cancellable, error))
        return FALSE;
      if (response->etag == NULL || !g_str_has_prefix (response->etag, "W/") ||
          attempt == WEAK_ETAG_ATTEMPTS)
        return TRUE;

      for (guint i = 0; i < WEAK_ETAG_PAUSE_MS / 50; i++)
        {
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            return FALSE;
          g_usleep (50 * G_TIME_SPAN_MILLISECOND);
        }
      response_clear (response);
    }
}

/* The signature was refused: put the server back as it was, so that volunteers keep
 * downloading the previous valid pair. */
static gboolean
roll_back (Job *job, Response *before, GError **error)
{
  g_auto (Response) current = { 0 };
  g_auto (Response) response = { 0 };
  gboolean existed = before->status == SOUP_STATUS_OK;

  set_stage (job, REMPART_PUBLISH_STAGE_ROLLING_BACK);
  if (!read_current_strong (job, &current, NULL, error))
    return FALSE;
  /* Someone published over our feed meanwhile: theirs is not ours to undo. */
  if (current.status != SOUP_STATUS_OK || !same_bytes (current.body, job->feed))
    return TRUE;
  if (!send_request (job, existed ? SOUP_METHOD_PUT : SOUP_METHOD_DELETE, job->feed_url,
                     existed ? before->body : NULL, current.etag, FALSE, &response, NULL, error))
    return FALSE;
  if (SOUP_STATUS_IS_SUCCESSFUL (response.status))
    return TRUE;

  /* Translators: which file an error is about: the feed published before this one */
  set_status_error (job, &response, _ ("previous feed"), error);
  return FALSE;
}

static RempartPublishReceipt *
publish_run (Job *job, GCancellable *cancellable, GError **error)
{
  g_auto (Response) before = { 0 };
  g_auto (Response) put_feed = { 0 };
  g_auto (Response) put_sig = { 0 };
  g_auto (Response) after = { 0 };
  g_autoptr (GError) sig_error = NULL;
  g_autoptr (GError) rollback_error = NULL;
  RempartPublishReceipt *receipt;
  gboolean exists;

  if (!lookup_password (job, cancellable, error))
    return NULL;
  job_start_session (job);

  set_stage (job, REMPART_PUBLISH_STAGE_CHECKING);
  if (!read_current_strong (job, &before, cancellable, error))
    return NULL;
  exists = before.status == SOUP_STATUS_OK;

  /* Is the server's copy the one the moderator last saw? Same ETag, or the very same bytes. */
  if (exists && !etag_equal (before.etag, job->etag) && !same_bytes (before.body, job->base))
    {
      set_conflict_error (job, error);
      return NULL;
    }
  if (!exists && job->etag != NULL)
    {
      g_set_error (error, REMPART_PUBLISH_ERROR, REMPART_PUBLISH_ERROR_CONFLICT,
                   _ ("The feed is no longer at %s: someone removed it since you last "
                      "published. Nothing was uploaded; publish it as a new feed if that is "
                      "what the group wants."),
                   job->display);
      return NULL;
    }

  set_stage (job, REMPART_PUBLISH_STAGE_FEED);
  if (!send_request (job, SOUP_METHOD_PUT, job->feed_url, job->feed, exists ? before.etag : NULL,
                     !exists, &put_feed, cancellable, error))
    return NULL;
  if (put_feed.status == SOUP_STATUS_PRECONDITION_FAILED)
    {
      set_conflict_error (job, error);
      return NULL;
    }
  if (!SOUP_STATUS_IS_SUCCESSFUL (put_feed.status))
    {
      /* Translators: which file an upload error is about: the feed (as opposed to its signature) */
      set_status_error (job, &put_feed, _ ("feed"), error);
      return NULL;
    }

  set_stage (job, REMPART_PUBLISH_STAGE_SIGNATURE);
  if (!send_request (job, SOUP_METHOD_PUT, job->sig_url, job->signature, NULL, FALSE, &put_sig,
                     NULL, &sig_error) ||
      !SOUP_STATUS_IS_SUCCESSFUL (put_sig.status))
    {
      /* Not cancellable from here on: the server must not stay with a mismatched pair. */
      if (sig_error == NULL)
        /* Translators: which file an upload error is about: the feed’s minisign signature */
        set_status_error (job, &put_sig, _ ("signature"), &sig_error);

      if (!roll_back (job, &before, &rollback_error))
        {
          g_set_error (error, REMPART_PUBLISH_ERROR, REMPART_PUBLISH_ERROR_HALF_PUBLISHED,
                       _ ("The new feed is on %s but its signature is not (%s), and putting "
                          "the previous feed back failed too (%s). Volunteers are told a "
                          "publish is in progress and keep their actions: publish again as "
                          "soon as the server accepts uploads."),
                       job->display, sig_error->message, rollback_error->message);
          return NULL;
        }

      g_set_error (error, REMPART_PUBLISH_ERROR, REMPART_PUBLISH_ERROR_UPLOAD_FAILED,
                   _ ("%s The previous feed was put back, so volunteers still download the "
                      "pair published before."),
                   sig_error->message);
      return NULL;
    }

  receipt = g_new0 (RempartPublishReceipt, 1);
  receipt->seq = job->seq;
  receipt->feed = g_bytes_ref (job->feed);

  /* The ETag to send next time: the server's, provided the bytes it holds are ours (someone
   * may have published right after us; then the next publish is a conflict, as it should). */
  set_stage (job, REMPART_PUBLISH_STAGE_CONFIRMING);
  if (read_current (job, &after, cancellable, NULL) && after.status == SOUP_STATUS_OK &&
      same_bytes (after.body, job->feed))
    receipt->etag = g_steal_pointer (&after.etag);

  return receipt;
}

static RempartServerCopy *
fetch_current_run (Job *job, GCancellable *cancellable, GError **error)
{
  g_auto (Response) response = { 0 };
  RempartServerCopy *copy;

  if (!lookup_password (job, cancellable, error))
    return NULL;
  job_start_session (job);

  set_stage (job, REMPART_PUBLISH_STAGE_CHECKING);
  if (!read_current (job, &response, cancellable, error))
    return NULL;

  copy = g_new0 (RempartServerCopy, 1);
  if (response.status == SOUP_STATUS_OK)
    {
      copy->feed = g_steal_pointer (&response.body);
      copy->etag = g_steal_pointer (&response.etag);
    }
  return copy;
}

/* ------------------------------------------------------------------------------------------ */
/* Callbacks                                                                                  */
/* ------------------------------------------------------------------------------------------ */

static void
publish_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  GError *error = NULL;
  RempartPublishReceipt *receipt = publish_run (task_data, cancellable, &error);

  if (receipt == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, receipt, (GDestroyNotify) rempart_publish_receipt_free);
}

static void
fetch_current_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  GError *error = NULL;
  RempartServerCopy *copy = fetch_current_run (task_data, cancellable, &error);

  if (copy == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, copy, (GDestroyNotify) rempart_server_copy_free);
}

/* ------------------------------------------------------------------------------------------ */
/* Overrides                                                                                  */
/* ------------------------------------------------------------------------------------------ */

static void
rempart_publisher_finalize (GObject *object)
{
  RempartPublisher *self = REMPART_PUBLISHER (object);

  g_clear_object (&self->keyring);

  G_OBJECT_CLASS (rempart_publisher_parent_class)->finalize (object);
}

static void
rempart_publisher_class_init (RempartPublisherClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rempart_publisher_finalize;

  /*
   * RempartPublisher::stage:
   * @stage: the #RempartPublishStage starting
   *
   * A publish moved on to another step (in the main context of the _async caller).
   */
  signals[SIGNAL_STAGE] = g_signal_new ("stage", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                        NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT);
}

static void
rempart_publisher_init (RempartPublisher *self)
{
}

/* ------------------------------------------------------------------------------------------ */
/* Public API                                                                                 */
/* ------------------------------------------------------------------------------------------ */

void
rempart_publish_receipt_free (RempartPublishReceipt *receipt)
{
  if (receipt == NULL)
    return;
  g_free (receipt->etag);
  g_clear_pointer (&receipt->feed, g_bytes_unref);
  g_free (receipt);
}

void
rempart_server_copy_free (RempartServerCopy *copy)
{
  if (copy == NULL)
    return;
  g_clear_pointer (&copy->feed, g_bytes_unref);
  g_free (copy->etag);
  g_free (copy);
}

RempartPublisher *
rempart_publisher_new (void)
{
  return g_object_new (REMPART_TYPE_PUBLISHER, NULL);
}

/*
 * rempart_publisher_set_keyring:
 * @keyring: (nullable): where to look up a server password a target does not give
 */
void
rempart_publisher_set_keyring (RempartPublisher *self, RempartKeyring *keyring)
{
  g_return_if_fail (REMPART_IS_PUBLISHER (self));

  g_set_object (&self->keyring, keyring);
}

/*
 * rempart_publisher_set_timeout:
 * @timeout_seconds: the I/O timeout of the next publishes (0: REMPART_HTTP_TIMEOUT)
 */
void
rempart_publisher_set_timeout (RempartPublisher *self, guint timeout_seconds)
{
  g_return_if_fail (REMPART_IS_PUBLISHER (self));

  self->timeout = timeout_seconds;
}

/*
 * rempart_publisher_publish_sync:
 * @target: where and as whom
 * @publication: what rempart_publish_prepare() made
 *
 * Uploads the feed, then its signature (see the top of this file). On
 * %REMPART_PUBLISH_ERROR_CONFLICT nothing was uploaded; on %REMPART_PUBLISH_ERROR_UPLOAD_FAILED
 * the server holds the previous pair.
 *
 * Returns: (transfer full): the new ETag and what was published, or %NULL
 */
RempartPublishReceipt *
rempart_publisher_publish_sync (RempartPublisher *self,
                                const RempartPublishTarget *target,
                                RempartPublication *publication,
                                GCancellable *cancellable,
                                GError **error)
{
  Job *job;
  RempartPublishReceipt *receipt;

  g_return_val_if_fail (REMPART_IS_PUBLISHER (self), NULL);
  g_return_val_if_fail (target != NULL && publication != NULL, NULL);

  job = job_new (self, target, error);
  if (job == NULL)
    return NULL;
  job->feed = g_bytes_ref (publication->feed);
  job->signature = g_bytes_ref (publication->signature);
  job->seq = publication->seq;
  receipt = publish_run (job, cancellable, error);
  job_free (job);
  return receipt;
}

/*
 * rempart_publisher_fetch_current_sync:
 *
 * Reads the feed the server holds now (with the target's credentials), to merge with.
 *
 * Returns: (transfer full): the server's copy (its @feed %NULL when there is none), or %NULL
 */
RempartServerCopy *
rempart_publisher_fetch_current_sync (RempartPublisher *self,
                                      const RempartPublishTarget *target,
                                      GCancellable *cancellable,
                                      GError **error)
{
  Job *job;
  RempartServerCopy *copy;

  g_return_val_if_fail (REMPART_IS_PUBLISHER (self), NULL);
  g_return_val_if_fail (target != NULL, NULL);

  job = job_new (self, target, error);
  if (job == NULL)
    return NULL;
  copy = fetch_current_run (job, cancellable, error);
  job_free (job);
  return copy;
}

void
rempart_publisher_publish_async (RempartPublisher *self,
                                 const RempartPublishTarget *target,
                                 RempartPublication *publication,
                                 GCancellable *cancellable,
                                 GAsyncReadyCallback callback,
                                 gpointer user_data)
{
  g_autoptr (GTask) task = NULL;
  GError *error = NULL;
  Job *job;

  g_return_if_fail (REMPART_IS_PUBLISHER (self));
  g_return_if_fail (target != NULL && publication != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, rempart_publisher_publish_async);
  job = job_new (self, target, &error);
  if (job == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  job->context = g_main_context_ref_thread_default ();
  job->feed = g_bytes_ref (publication->feed);
  job->signature = g_bytes_ref (publication->signature);
  job->seq = publication->seq;
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  rempart_workers_run_in_thread (task, publish_thread);
}

RempartPublishReceipt *
rempart_publisher_publish_finish (RempartPublisher *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == rempart_publisher_publish_async,
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
rempart_publisher_fetch_current_async (RempartPublisher *self,
                                       const RempartPublishTarget *target,
                                       GCancellable *cancellable,
                                       GAsyncReadyCallback callback,
                                       gpointer user_data)
{
  g_autoptr (GTask) task = NULL;
  GError *error = NULL;
  Job *job;

  g_return_if_fail (REMPART_IS_PUBLISHER (self));
  g_return_if_fail (target != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, rempart_publisher_fetch_current_async);
  job = job_new (self, target, &error);
  if (job == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  job->context = g_main_context_ref_thread_default ();
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  rempart_workers_run_in_thread (task, fetch_current_thread);
}

RempartServerCopy *
rempart_publisher_fetch_current_finish (RempartPublisher *self,
                                        GAsyncResult *result,
                                        GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (
      g_task_get_source_tag (G_TASK (result)) == rempart_publisher_fetch_current_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
