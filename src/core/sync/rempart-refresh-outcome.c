/* rempart-refresh-outcome.c: what a refresh records and says for one subscription
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rempart-refresh-private.h"

/*
 * The per-subscription bookkeeping of a refresh (failures, backoff, success) and the
 * sentences of its reports. rempart-refresh.c (the fetching and saving) and
 * rempart-refresh-body.c (the parsing) call these; nothing here does I/O.
 */

/* ------------------------------------------------------------------------------------------ */
/* Helpers                                                                                    */
/* ------------------------------------------------------------------------------------------ */

/*
 * The delay after the @failures-th consecutive failure: BASE * 2^(failures - 1), capped, times
 * a random factor in [1 - JITTER, 1 + JITTER).
 */
static gint64
backoff_delay (int failures)
{
  gint64 delay = REMPART_SYNC_BACKOFF_BASE;
  double factor;

  for (int i = 1; i < failures && delay < REMPART_SYNC_BACKOFF_MAX; i++)
    delay *= 2;
  delay = MIN (delay, REMPART_SYNC_BACKOFF_MAX);

  factor =
      g_random_double_range (1.0 - REMPART_SYNC_BACKOFF_JITTER, 1.0 + REMPART_SYNC_BACKOFF_JITTER);
  return MAX ((gint64) (delay * factor), 1);
}

/* "14:05" today, "05/03/26 14:05" (the locale's date) another day. */
char *
rempart_refresh_format_time (gint64 now_seconds, gint64 when)
{
  g_autoptr (GDateTime) then = g_date_time_new_from_unix_local (when);
  g_autoptr (GDateTime) today = g_date_time_new_from_unix_local (now_seconds);

  if (then == NULL || today == NULL)
    return g_strdup ("?");

  if (g_date_time_get_year (then) == g_date_time_get_year (today) &&
      g_date_time_get_day_of_year (then) == g_date_time_get_day_of_year (today))
    return g_date_time_format (then, "%H:%M");

  return g_date_time_format (then, "%x %H:%M");
}

/* Messages from other layers end a sentence or not (the parser's end with the JSON error);
 * ours follow them. */
char *
rempart_refresh_as_sentence (const char *text)
{
  gsize len = strlen (text);

  if (len == 0 || strchr (".!?", text[len - 1]) != NULL || g_str_has_suffix (text, "…"))
    return g_strdup (text);

  return g_strconcat (text, ".", NULL);
}

/* How a subscription is named in messages: its feed's title once known. */
const char *
rempart_refresh_display_name (const RempartSubscription *sub)
{
  return sub->title != NULL && *sub->title != '\0' ? sub->title : sub->url;
}

void
rempart_refresh_report_set (RefreshData *data,
                            RempartSyncOutcome outcome,
                            char *message /* transfer full */)
{
  data->report->outcome = outcome;
  g_free (data->report->message);
  data->report->message = message;
}

/* What the report says about the data the volunteer has now. */
void
rempart_refresh_report_describe_data (RefreshData *data, const RempartSubscription *saved)
{
  data->report->stale = rempart_subscription_is_stale (saved, data->now);
  data->report->is_signed = saved->is_signed;
  data->report->next_attempt = MAX (saved->next_check, saved->retry_after);
}

/* A sentence for the end of a message when the data is past its expiry. */
char *
rempart_refresh_stale_note (const RempartSubscription *sub, gint64 now_seconds)
{
  g_autofree char *when = rempart_refresh_format_time (now_seconds, sub->expires);

  return g_strdup_printf (_ ("This list expired at %s and the group has not published a new one "
                             "yet: some actions may be out of date."),
                          when);
}

/* Adds data->report (none for the demo in refresh-all) and ends the subscription's turn. */
void
rempart_refresh_add_report (RefreshData *data)
{
  if (data->report != NULL)
    g_ptr_array_add (data->reports, g_steal_pointer (&data->report));
  g_clear_pointer (&data->sub, rempart_subscription_free);
  g_clear_pointer (&data->imported, rempart_subscription_free);
}

/* ------------------------------------------------------------------------------------------ */
/* Bookkeeping                                                                                */
/* ------------------------------------------------------------------------------------------ */

/* After a failure that is not the server asking us to wait: count it and back off. The
 * message says when the next automatic attempt is. */
void
rempart_refresh_record_failure (RefreshData *data,
                                RempartSyncOutcome outcome,
                                const char *what_happened)
{
  RempartSubscription *sub = data->sub;
  g_autofree char *when = NULL;
  g_autofree char *what = rempart_refresh_as_sentence (what_happened);
  g_autofree char *message = NULL;

  sub->last_check = data->now;
  sub->failures = MAX (sub->failures, 0) + 1;
  sub->next_check = data->now + backoff_delay (sub->failures);
  when = rempart_refresh_format_time (data->now, sub->next_check);
  message = g_strdup_printf (_ ("%s Rempart will try again at %s."), what, when);

  g_free (sub->last_error);
  sub->last_error = g_strdup (message);
  /* A refused signature points at the key, a body that is not a feed at the address;
   * rempart_refresh_fetch_done() refines this with the fetcher's error. */
  if (outcome == REMPART_SYNC_OUTCOME_BAD_SIGNATURE)
    sub->failure_kind = REMPART_CHECK_FAILURE_KEY;
  else if (outcome == REMPART_SYNC_OUTCOME_REJECTED)
    sub->failure_kind = REMPART_CHECK_FAILURE_ADDRESS;
  else
    sub->failure_kind = REMPART_CHECK_FAILURE_OTHER;
  rempart_refresh_report_set (data, outcome, g_steal_pointer (&message));
}

/* After a 200 or a 304: the feed answers, forget past failures and waits. */
void
rempart_refresh_record_success (RempartSubscription *sub, gint64 now_seconds)
{
  sub->last_check = now_seconds;
  sub->last_success = now_seconds;
  sub->next_check = 0;
  sub->retry_after = 0;
  sub->failures = 0;
  sub->ended = FALSE;
  g_clear_pointer (&sub->last_error, g_free);
  sub->failure_kind = REMPART_CHECK_FAILURE_NONE;
}

/* ------------------------------------------------------------------------------------------ */
/* Messages                                                                                   */
/* ------------------------------------------------------------------------------------------ */

char *
rempart_refresh_updated_message (RefreshData *data, const RempartImportStats *stats)
{
  const RempartSubscription *sub = data->imported;
  g_autoptr (GString) message = g_string_new (NULL);

  if (stats->added > 0)
    g_string_append_printf (message,
                            ngettext ("%s: %u new action.", "%s: %u new actions.", stats->added),
                            rempart_refresh_display_name (sub), stats->added);
  else
    g_string_append_printf (message, _ ("%s: no new actions."), rempart_refresh_display_name (sub));

  if (!sub->is_signed)
    {
      g_string_append_c (message, ' ');
      g_string_append (message, _ ("This feed is not signed, so Rempart cannot check that it "
                                   "really comes from your group."));
    }

  if (rempart_subscription_is_stale (sub, data->now))
    {
      g_autofree char *note = rempart_refresh_stale_note (sub, data->now);

      g_string_append_c (message, ' ');
      g_string_append (message, note);
    }

  return g_string_free (g_steal_pointer (&message), FALSE);
}

/* Reports why data->sub is not tried this time (@online: whether the network is up), or
 * returns FALSE when it should be. Skips save nothing: no attempt was made. */
gboolean
rempart_refresh_skip_reason (RefreshData *data, gboolean online)
{
  RempartSubscription *sub = data->sub;
  g_autofree char *when = NULL;

  /* The bundled demo has no server (example.org does not serve it): nothing to check.
   * Refresh-all leaves it out without a report; a refresh by id says why. */
  if (sub->is_bundled)
    {
      if (data->subscription_id == 0)
        g_clear_pointer (&data->report, rempart_sync_report_free);
      else
        rempart_refresh_report_set (
            data, REMPART_SYNC_OUTCOME_SKIPPED_ENDED,
            g_strdup (_ ("The example actions come with Rempart and are never "
                         "downloaded. Add your group’s feed to receive its actions.")));
      return TRUE;
    }

  if (!online)
    {
      rempart_refresh_report_set (
          data, REMPART_SYNC_OUTCOME_SKIPPED_OFFLINE,
          g_strdup_printf (_ ("%s was not checked because this computer is offline. "
                              "Rempart will check it when the connection is back."),
                           rempart_refresh_display_name (sub)));
      return TRUE;
    }

  if (sub->ended && !data->manual)
    {
      rempart_refresh_report_set (
          data, REMPART_SYNC_OUTCOME_SKIPPED_ENDED,
          g_strdup_printf (_ ("%s is no longer published: its group took it down. "
                              "Refresh it by hand to check again, or remove the "
                              "subscription."),
                           rempart_refresh_display_name (sub)));
      return TRUE;
    }

  /* A server's Retry-After binds even a manual refresh: asking again would only prolong
   * the rate limit for the whole group. */
  if (sub->retry_after > data->now)
    {
      when = rempart_refresh_format_time (data->now, sub->retry_after);
      rempart_refresh_report_set (
          data, REMPART_SYNC_OUTCOME_SKIPPED_BACKOFF,
          g_strdup_printf (_ ("%s was not checked: its server asked Rempart to wait. "
                              "Rempart will try again at %s."),
                           rempart_refresh_display_name (sub), when));
      return TRUE;
    }

  if (sub->next_check > data->now && !data->manual)
    {
      when = rempart_refresh_format_time (data->now, sub->next_check);
      rempart_refresh_report_set (
          data, REMPART_SYNC_OUTCOME_SKIPPED_BACKOFF,
          g_strdup_printf (_ ("%s was not checked: the last attempts failed, so Rempart "
                              "waits before trying again, at %s. Refresh it by hand to "
                              "try at once."),
                           rempart_refresh_display_name (sub), when));
      return TRUE;
    }

  return FALSE;
}
