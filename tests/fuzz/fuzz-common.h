/* fuzz-common.h: what every libFuzzer target here shares
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <stdint.h>
#include <string.h>

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static void
fuzz_log_nothing (const char *log_domain,
                  GLogLevelFlags log_level,
                  const char *message,
                  gpointer user_data)
{
}

/* Criticals and warnings abort, so that the fuzzer reports them; debug output is noise. */
static inline void
fuzz_init (void)
{
  static gboolean initialised = FALSE;

  if (initialised)
    return;
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  g_log_set_handler (NULL, G_LOG_LEVEL_DEBUG, fuzz_log_nothing, NULL);
  initialised = TRUE;
}

/* The input as a NUL-terminated string, or NULL when it holds a NUL byte or is not UTF-8:
 * every entry point fuzzed here takes text that rempart_json_load() or GTK already checked. */
static inline char *
fuzz_utf8 (const uint8_t *data, size_t size)
{
  if (memchr (data, '\0', size) != NULL || !g_utf8_validate_len ((const char *) data, size, NULL))
    return NULL;
  return g_strndup ((const char *) data, size);
}

/* Whether @offset into @text (of @len bytes) is where a character starts, or the end. */
static inline gboolean
fuzz_is_char_boundary (const char *text, gsize len, gsize offset)
{
  return offset == 0 || offset == len || (offset < len && ((guchar) text[offset] & 0xC0) != 0x80);
}

/* Every string in @array (of char *) is valid UTF-8. */
static inline void
fuzz_assert_utf8_array (GPtrArray *array)
{
  for (guint i = 0; array != NULL && i < array->len; i++)
    g_assert (g_utf8_validate (g_ptr_array_index (array, i), -1, NULL));
}
