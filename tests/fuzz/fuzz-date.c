/* fuzz-date.c
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* libFuzzer target for feed dates: any text rempart_date_parse() accepts must come back as
 * the same instant through rempart_date_format(), and the written form must be a fixed point
 * (written, read, written again: the same text). Seeds: tests/fuzz/seeds/date. */

#include "config.h"

#include <string.h>

#include "fuzz-common.h"
#include "rempart-date.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autofree char *text = NULL;
  g_autoptr (GDateTime) date = NULL;
  g_autoptr (GDateTime) back = NULL;
  g_autofree char *written = NULL;
  g_autofree char *again = NULL;

  fuzz_init ();
  if (memchr (data, '\0', size) != NULL)
    return 0;
  text = g_strndup ((const char *) data, size);

  date = rempart_date_parse (text);
  if (date == NULL)
    return 0;

  written = rempart_date_format (date);
  g_assert (g_utf8_validate (written, -1, NULL));
  back = rempart_date_parse (written);
  if (back == NULL || !g_date_time_equal (back, date))
    g_error ("“%s” was read, written as “%s”, and did not read back the same", text, written);

  again = rempart_date_format (back);
  g_assert (strcmp (again, written) == 0);
  return 0;
}
