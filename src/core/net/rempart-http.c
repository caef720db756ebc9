/* rempart-http.c
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rempart-http.h"

/* ------------------------------------------------------------------------------------------ */
/* Public API                                                                                 */
/* ------------------------------------------------------------------------------------------ */

/*
 * rempart_http_session_new:
 *
 * Creates the session every download of the application goes through: a user agent that
 * names us (static hosts log it, and a moderator can tell our requests apart), an I/O
 * timeout so that a stalled server cannot hang a sync forever, and a short idle timeout so
 * that a background sync does not keep sockets open between runs.
 *
 * Returns: (transfer full): a new #SoupSession
 */
SoupSession *
rempart_http_session_new (void)
{
  return soup_session_new_with_options ("user-agent", "Rempart/" PACKAGE_VERSION, "timeout",
                                        REMPART_HTTP_TIMEOUT, "idle-timeout",
                                        REMPART_HTTP_IDLE_TIMEOUT, NULL);
}

/*
 * rempart_http_session_set_timeout:
 * @session: a #SoupSession
 * @timeout_seconds: the I/O timeout in seconds, 0 for none
 *
 * Changes the I/O timeout of @session. It applies to the connections opened afterwards,
 * so call it before the first request (the tests shorten it to see a stall end).
 */
void
rempart_http_session_set_timeout (SoupSession *session, guint timeout_seconds)
{
  g_return_if_fail (SOUP_IS_SESSION (session));

  soup_session_set_timeout (session, timeout_seconds);
}

/*
 * rempart_http_parse_retry_after:
 * @value: (nullable): the value of a Retry-After header
 * @now: (nullable): the current time, for an HTTP-date; %NULL for the system clock
 *
 * Reads Retry-After in either of its two forms (RFC 9110 §10.2.3): delta-seconds or an
 * HTTP-date. The delay is clamped to REMPART_HTTP_RETRY_AFTER_MIN ..
 * REMPART_HTTP_RETRY_AFTER_MAX, so a date in the past still waits a minute.
 *
 * Returns: the delay in seconds, or -1 when @value is absent or unparseable
 */
gint64
rempart_http_parse_retry_after (const char *value, GDateTime *now)
{
  g_autofree char *text = NULL;
  gint64 delay;

  if (value == NULL)
    return -1;

  text = g_strstrip (g_strdup (value));
  if (*text == '\0')
    return -1;

  if (g_ascii_isdigit (*text))
    {
      const char *p = text;

      while (g_ascii_isdigit (*p))
        p++;
      if (*p != '\0')
        return -1;

      /* Any number too large for us is "later than the maximum". */
      if (p - text > 9)
        delay = REMPART_HTTP_RETRY_AFTER_MAX;
      else
        delay = g_ascii_strtoll (text, NULL, 10);
    }
  else
    {
      g_autoptr (GDateTime) date = soup_date_time_new_from_http_string (text);
      g_autoptr (GDateTime) current = NULL;

      if (date == NULL)
        return -1;

      current = now != NULL ? g_date_time_ref (now) : g_date_time_new_now_utc ();
      delay = g_date_time_difference (date, current) / G_TIME_SPAN_SECOND;
    }

  return CLAMP (delay, REMPART_HTTP_RETRY_AFTER_MIN, REMPART_HTTP_RETRY_AFTER_MAX);
}
