/* rempart-date.c
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

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
  g_autoptr (GDateTime) whole = NULL;
  int year, month, day, hour = 0, minute = 0, second = 0, offset = 0;
  int usec = 0;

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
              int scale = G_USEC_PER_SEC / 10;

              /* Whole microseconds, exactly, so that what rempart_date_format() writes comes
               * back as it was; further digits are cut, never rounded into the next second. */
              p++;
              if (!g_ascii_isdigit (*p))
                return NULL;
              for (; g_ascii_isdigit (*p); p++, scale /= 10)
                usec += (*p - '0') * scale;
            }
        }

      if (!read_offset (&p, &offset))
        return NULL;
    }

  if (*p != '\0' || hour > 23 || minute > 59 || second > 60)
    return NULL;

  tz = g_time_zone_new_offset (offset);

  /* g_date_time_new() checks the calendar: month 13 or 30 February give NULL. */
  whole = g_date_time_new (tz, year, month, day, hour, minute, MIN (second, 59));
  if (whole == NULL || usec == 0)
    return g_steal_pointer (&whole);

  return g_date_time_add (whole, usec);
}

/*
 * rempart_date_format:
 * @date: a date
 *
 * Writes what rempart_date_parse() reads back as the same instant: four-digit years (year 999
 * is "0999", which GDateTime's %Y would write "999"), the microseconds when there are any, and
 * the date's own offset, or UTC when the offset has seconds (local mean time before time
 * zones), which RFC 3339 cannot write.
 *
 * Returns: (transfer full): @date in RFC 3339, as feeds carry it
 */
char *
rempart_date_format (GDateTime *date)
{
  g_autoptr (GDateTime) utc = NULL;
  GString *text;
  GTimeSpan offset;
  int usec;

  g_return_val_if_fail (date != NULL, NULL);

  offset = g_date_time_get_utc_offset (date) / G_TIME_SPAN_SECOND;
  if (offset % 60 != 0)
    {
      utc = g_date_time_to_utc (date);
      date = utc;
      offset = 0;
    }

  text = g_string_new (NULL);
  g_string_append_printf (text, "%04d-%02d-%02dT%02d:%02d:%02d", g_date_time_get_year (date),
                          g_date_time_get_month (date), g_date_time_get_day_of_month (date),
                          g_date_time_get_hour (date), g_date_time_get_minute (date),
                          g_date_time_get_second (date));

  usec = g_date_time_get_microsecond (date);
  if (usec != 0)
    {
      char digits[8];

      g_snprintf (digits, sizeof digits, ".%06d", usec);
      /* ".500000" is ".5". */
      for (gsize len = strlen (digits); digits[len - 1] == '0'; len--)
        digits[len - 1] = '\0';
      g_string_append (text, digits);
    }

  if (offset == 0)
    g_string_append_c (text, 'Z');
  else
    g_string_append_printf (text, "%c%02d:%02d", offset < 0 ? '-' : '+',
                            (int) (ABS (offset) / 3600), (int) (ABS (offset) % 3600 / 60));

  return g_string_free (text, FALSE);
}
