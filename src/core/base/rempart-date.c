/* rempart-date.c
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rempart-date.h"

/*
 * Feed dates are RFC 3339, but generators cut corners: "2023-07-30T00:00Z" (no seconds) is
 * common and g_date_time_new_from_iso8601() refuses it. This parser accepts RFC 3339 plus
 * the relaxed ISO 8601 forms we have met, and nothing that needs guessing: a date and time
 * without an offset is refused, since we could not tell whose midnight an expiry means.
 */

/* -------------------------------------------------------------------------------------- */
/* Helpers                                                                                */
/* -------------------------------------------------------------------------------------- */

static gboolean
read_digits (const char **p, guint n_digits, int *out)
{
  int value = 0;

  for (guint i = 0; i < n_digits; i++)
    {
      if (!g_ascii_isdigit ((*p)[i]))
        return FALSE;
      value = value * 10 + ((*p)[i] - '0');
    }

  *p += n_digits;
  *out = value;
  return TRUE;
}

static gboolean
read_offset (const char **p, int *out_seconds)
{
  int sign, hours, minutes = 0;

  if (**p == 'Z' || **p == 'z')
    {
      (*p)++;
      *out_seconds = 0;
      return TRUE;
    }

  if (**p != '+' && **p != '-')
    return FALSE;
  sign = **p == '-' ? -1 : 1;
  (*p)++;

  if (!read_digits (p, 2, &hours) || hours > 23)
    return FALSE;

  /* "+02:00", "+0200" and "+02" all occur. */
  if (**p == ':')
    (*p)++;
  if (g_ascii_isdigit (**p) && (!read_digits (p, 2, &minutes) || minutes > 59))
    return FALSE;

  *out_seconds = sign * (hours * 3600 + minutes * 60);
  return TRUE;
}

/* -------------------------------------------------------------------------------------- */
/* Public API                                                                             */
/* -------------------------------------------------------------------------------------- */

/*
 * rempart_date_parse:
 * @text: a date from a feed
 *
 * Accepts `YYYY-MM-DD`, optionally followed by `T` (or `t` or a space), `hh:mm`, optional
 * `:ss` and fraction, and a mandatory offset (`Z`, `±hh:mm`, `±hhmm`, `±hh`). A date alone
 * means midnight UTC. A leap second (`:60`) is read as `:59`.
 *
 * Returns: (transfer full) (nullable): the date, or %NULL when @text is not one
 */
GDateTime *
rempart_date_parse (const char *text)
{
  g_autoptr (GTimeZone) tz = NULL;
  const char *p = text;
  int year, month, day, hour = 0, minute = 0, second = 0, offset = 0;
  double fraction = 0.0;

  g_return_val_if_fail (text != NULL, NULL);

  if (!read_digits (&p, 4, &year) || *p++ != '-' || !read_digits (&p, 2, &month) || *p++ != '-' ||
      !read_digits (&p, 2, &day))
    return NULL;

  if (*p != '\0')
    {
      if (*p != 'T' && *p != 't' && *p != ' ')
        return NULL;
      p++;

      if (!read_digits (&p, 2, &hour) || *p++ != ':' || !read_digits (&p, 2, &minute))
        return NULL;

      if (*p == ':')
        {
          p++;
          if (!read_digits (&p, 2, &second))
            return NULL;

          if (*p == '.' || *p == ',')
            {
              double scale = 0.1;

              p++;
              if (!g_ascii_isdigit (*p))
                return NULL;
              for (; g_ascii_isdigit (*p); p++, scale /= 10)
                fraction += (*p - '0') * scale;
            }
        }

      if (!read_offset (&p, &offset))
        return NULL;
    }

  if (*p != '\0' || hour > 23 || minute > 59 || second > 60)
    return NULL;

  tz = g_time_zone_new_offset (offset);

  /* g_date_time_new() checks the calendar: month 13 or 30 February give NULL. */
  return g_date_time_new (tz, year, month, day, hour, minute, MIN (second, 59) + fraction);
}

/*
 * rempart_date_format:
 * @date: a date
 *
 * Returns: (transfer full): @date in RFC 3339 with its own offset, as feeds carry it
 */
char *
rempart_date_format (GDateTime *date)
{
  g_return_val_if_fail (date != NULL, NULL);

  if (g_date_time_get_utc_offset (date) == 0)
    return g_date_time_format (date, "%Y-%m-%dT%H:%M:%SZ");

  return g_date_time_format (date, "%Y-%m-%dT%H:%M:%S%:z");
}
