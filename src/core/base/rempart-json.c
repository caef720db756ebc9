/* rempart-json.c
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "rempart-json.h"

/*
 * Feeds come from any web host, and packs may be edited by hand: every JSON file is checked
 * before json-glib sees it, in one place, so that no reader forgets a check. Size, NUL bytes
 * and UTF-8 first, then the nesting depth by a linear scan, because json-glib recurses once
 * per level and a file of a million '[' would exhaust the stack; the same scan counts what
 * json-glib's tree would cost, so that a file of tiny parts cannot take a hundred times its
 * size in memory. Each caller maps
 * %REMPART_JSON_ERROR into its own domain; the messages already name the file.
 */

/* Written out rather than G_DEFINE_QUARK: clang-format reads the quark's name as a
 * subtraction and spaces it out, which changes the registered name. */
GQuark
rempart_json_error_quark (void)
{
  return g_quark_from_static_string ("rempart-json-error-quark");
}

/*
 * What json-glib's tree costs, in bytes, measured with json-glib 1.6 on x86-64: about 300
 * for an object, 120 for an array, 250 for a member on top of its value, 100 for any other
 * value. A real file costs 0.4 to 11 times its size (the example feeds, the packs and every
 * interoperability feed); a feed of `{}` items costs over 100 times, and 8 MiB of them
 * peaked at 1.2 GiB before a single item was read. A file whose tree would cost more than
 * MAX_COST_RATIO times its size, plus COST_ALLOWANCE so that small files never meet the
 * rule, is refused before json-glib builds it. tests/unit/feed/test-feed-junk.c measures it.
 */
#define COST_OBJECT    300
#define COST_ARRAY     120
#define COST_MEMBER    250
#define COST_VALUE     100
#define MAX_COST_RATIO 16
#define COST_ALLOWANCE (4 * 1024 * 1024)

typedef struct
{
  gsize objects;
  gsize arrays;
  gsize members; /* colons outside strings */
  gsize commas;
} ShapeCount;

/* -------------------------------------------------------------------------------------- */
/* Helpers                                                                                */
/* -------------------------------------------------------------------------------------- */

static void
position_of (const char *data, gsize offset, guint *out_line, guint *out_column)
{
  guint line = 1;
  const char *line_start = data;

  for (gsize i = 0; i < offset; i++)
    if (data[i] == '\n')
      {
        line++;
        line_start = data + i + 1;
      }

  *out_line = line;
  *out_column = g_utf8_strlen (line_start, data + offset - line_start) + 1;
}

static gboolean
set_syntax_error (const char *data, gsize offset, const char *display_name, GError **error)
{
  guint line, column;
  g_autofree char *what = NULL;

  position_of (data, offset, &line, &column);
  if ((guchar) data[offset] < 0x20)
    what = g_strdup_printf ("U+%04X", (guint) (guchar) data[offset]);
  else
    what = g_strdup_printf ("“%.*s”", g_utf8_skip[(guchar) data[offset]], data + offset);

  g_set_error (error, REMPART_JSON_ERROR, REMPART_JSON_ERROR_INVALID_JSON,
               /* TRANSLATORS: file name, line, column, and a character */
               _ ("%s: line %u, column %u: this is not valid JSON: unexpected %s"), display_name,
               line, column, what);
  return FALSE;
}

/* Bytes that do something inside a string: its closing quote, a backslash, a raw control
 * character. Strings are most of a feed: they are crossed eight bytes at a time while none of
 * the eight is one of those ("any byte below n" and "any zero byte" as in Hacker's Delight,
 * exact for "any"), then byte by byte as before. */
#define ONES  G_GUINT64_CONSTANT (0x0101010101010101)
#define HIGHS G_GUINT64_CONSTANT (0x8080808080808080)

static inline gboolean
has_byte_below (guint64 x, guint64 n)
{
  return ((x - ONES * n) & ~x & HIGHS) != 0;
}

static inline gboolean
has_byte (guint64 x, guchar b)
{
  return has_byte_below (x ^ (ONES * b), 1);
}

static gsize
skip_plain_string_bytes (const char *data, gsize length, gsize i)
{
  while (i + 8 <= length)
    {
      guint64 x;

      memcpy (&x, data + i, 8);
      if (has_byte_below (x, 0x20) || has_byte (x, '"') || has_byte (x, '\\'))
        break;
      i += 8;
    }
  return i;
}

/* g_utf8_validate_len() on the runs of bytes above 0x7F only, the same answer and the same
 * first invalid position: an ASCII byte is a whole character and no character spans one.
 * A feed is mostly ASCII, crossed here eight bytes at a time (NUL bytes were refused
 * before). */
static gboolean
validate_utf8 (const char *data, gsize length, const char **out_end)
{
  gsize i = 0;

  while (i < length)
    {
      gsize start;

      while (i + 8 <= length)
        {
          guint64 x;

          memcpy (&x, data + i, 8);
          if ((x & HIGHS) != 0)
            break;
          i += 8;
        }
      while (i < length && (guchar) data[i] < 0x80)
        i++;
      start = i;
      while (i < length && (guchar) data[i] >= 0x80)
        i++;
      if (i > start && !g_utf8_validate_len (data + start, i - start, out_end))
        return FALSE;
    }

  return TRUE;
}

/*
 * Scans valid UTF-8 @data once, without recursion, tracking strings and escapes: fails with
 * %REMPART_JSON_ERROR_TOO_DEEP when arrays and objects nest deeper than
 * %REMPART_JSON_MAX_DEPTH, and with %REMPART_JSON_ERROR_INVALID_JSON on bytes that JSON does
 * not allow (a raw control character in a string; outside one, anything but structure,
 * white space, numbers and literals, such as a comment or a quote '), some of which
 * json-glib would otherwise let through. Everything else is left to json-glib.
 */
static gboolean
check_depth (const char *data,
             gsize length,
             const char *display_name,
             ShapeCount *count,
             GError **error)
{
  gboolean in_string = FALSE;
  guint depth = 0;

  for (gsize i = 0; i < length; i++)
    {
      guchar c;

      if (in_string)
        {
          i = skip_plain_string_bytes (data, length, i);
          if (i >= length)
            break;
          c = data[i];
          if (c == '"')
            in_string = FALSE;
          else if (c == '\\' && i + 1 < length)
            i++;
          else if (c < 0x20)
            return set_syntax_error (data, i, display_name, error);
          continue;
        }

      c = data[i];
      switch (c)
        {
          case '"':
            in_string = TRUE;
            break;
          case '[':
          case '{':
            if (c == '{')
              count->objects++;
            else
              count->arrays++;
            if (++depth > REMPART_JSON_MAX_DEPTH)
              {
                guint line, column;

                position_of (data, i, &line, &column);
                g_set_error (error, REMPART_JSON_ERROR, REMPART_JSON_ERROR_TOO_DEEP,
                             _ ("%s: line %u, column %u: arrays and objects are nested more than "
                                "%d levels deep; no file Rempart reads needs that many"),
                             display_name, line, column, REMPART_JSON_MAX_DEPTH);
                return FALSE;
              }
            break;
          case ']':
          case '}':
            /* Unbalanced closers are json-glib's to report, with a better message. */
            if (depth > 0)
              depth--;
            break;
          case ',':
            count->commas++;
            break;
          case ':':
            count->members++;
            break;
          case ' ':
          case '\t':
          case '\n':
          case '\r':
          case '-':
          case '+':
          case '.':
            break;
          default:
            /* Outside strings JSON has only numbers and true, false and null. */
            if (!g_ascii_isalnum (c))
              return set_syntax_error (data, i, display_name, error);
            break;
        }
    }

  return TRUE;
}

/* Refuses a document whose tree would cost far more than its size (see COST_OBJECT). */
static gboolean
check_cost (const ShapeCount *count, gsize length, const char *display_name, GError **error)
{
  guint64 values = (guint64) count->commas + 1;
  guint64 cost = (guint64) count->objects * COST_OBJECT + (guint64) count->arrays * COST_ARRAY +
                 (guint64) count->members * COST_MEMBER + values * COST_VALUE;
  g_autofree char *size = NULL;
  g_autofree char *memory = NULL;

  if (cost <= (guint64) length * MAX_COST_RATIO + COST_ALLOWANCE)
    return TRUE;

  size = g_format_size_full (length, G_FORMAT_SIZE_IEC_UNITS);
  memory = g_format_size_full (cost, G_FORMAT_SIZE_IEC_UNITS);
  g_set_error (error, REMPART_JSON_ERROR, REMPART_JSON_ERROR_TOO_COMPLEX,
               /* TRANSLATORS: the file name, then counts, the file's size and an amount of
                * memory, such as "feed.json: 1000001 objects, 1 arrays and 1000000 other
                * values in 2.9 MiB would take about 382.4 MiB of memory…" */
               _ ("%s: %llu objects, %llu arrays and %llu other values in %s would take about %s "
                  "of memory to read; no file Rempart reads is made of so many tiny parts, so it "
                  "was refused. If it is yours, remove the empty items."),
               display_name, (unsigned long long) count->objects,
               (unsigned long long) count->arrays,
               (unsigned long long) (values > count->objects + count->arrays
                                         ? values - count->objects - count->arrays
                                         : 0),
               size, memory);
  return FALSE;
}

static gboolean
check_bytes (const char *data,
             gsize length,
             const char *display_name,
             gsize max_size,
             GError **error)
{
  const char *end;
  const char *nul;

  if (length > max_size)
    {
      g_autofree char *size = g_format_size_full (length, G_FORMAT_SIZE_IEC_UNITS);
      g_autofree char *max = g_format_size_full (max_size, G_FORMAT_SIZE_IEC_UNITS);

      g_set_error (error, REMPART_JSON_ERROR, REMPART_JSON_ERROR_TOO_LARGE,
                   _ ("%s: the file is %s, larger than the %s allowed for it"), display_name, size,
                   max);
      return FALSE;
    }

  nul = length > 0 ? memchr (data, '\0', length) : NULL;
  if (nul != NULL)
    {
      g_set_error (error, REMPART_JSON_ERROR, REMPART_JSON_ERROR_INVALID_UTF8,
                   _ ("%s: byte %zu is a NUL byte; the file must be UTF-8 text"), display_name,
                   (gsize) (nul - data));
      return FALSE;
    }

  if (!validate_utf8 (data, length, &end))
    {
      g_set_error (error, REMPART_JSON_ERROR, REMPART_JSON_ERROR_INVALID_UTF8,
                   _ ("%s: the bytes at offset %zu are not valid UTF-8; the file must be UTF-8 "
                      "text"),
                   display_name, (gsize) (end - data));
      return FALSE;
    }

  return TRUE;
}

/* json-glib says "<data>:11:18: Parse error: ..."; say it with the file name instead. It
 * quotes the token it did not expect cut after a number of bytes, sometimes inside a
 * character: the message is made valid UTF-8 before anyone shows it. */
static void
set_json_error (GError *json_error, const char *display_name, GError **error)
{
  g_autofree char *valid = g_utf8_make_valid (json_error->message, -1);
  const char *message = valid;
  guint line = 0, column = 0;
  int consumed = 0;

  if (sscanf (message, "<data>:%u:%u: %n", &line, &column, &consumed) == 2 && consumed > 0)
    {
      message += consumed;
      if (g_str_has_prefix (message, "Parse error: "))
        message += strlen ("Parse error: ");
      g_set_error (error, REMPART_JSON_ERROR, REMPART_JSON_ERROR_INVALID_JSON,
                   _ ("%s: line %u, column %u: this is not valid JSON: %s"), display_name, line,
                   column, message);
    }
  else
    g_set_error (error, REMPART_JSON_ERROR, REMPART_JSON_ERROR_INVALID_JSON,
                 _ ("%s: this is not valid JSON: %s"), display_name, message);
}

/* -------------------------------------------------------------------------------------- */
/* Public API                                                                             */
/* -------------------------------------------------------------------------------------- */

/*
 * rempart_json_check:
 * @data: the document, without a UTF-8 BOM
 * @max_size: the largest document accepted, in bytes
 *
 * The checks rempart_json_load() runs before json-glib sees a byte (size, NUL bytes, UTF-8,
 * nesting depth, and what the tree would cost), for a reader that parses only parts of the
 * document (rempart_feed_parse_known()).
 *
 * Returns: %TRUE, or %FALSE with a %REMPART_JSON_ERROR whose message starts with
 *   @display_name
 */
gboolean
rempart_json_check (const char *data,
                    gsize length,
                    const char *display_name,
                    gsize max_size,
                    GError **error)
{
  ShapeCount count = { 0 };

  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (display_name != NULL, FALSE);

  return check_bytes (data, length, display_name, max_size, error) &&
         check_depth (data, length, display_name, &count, error) &&
         check_cost (&count, length, display_name, error);
}

/*
 * rempart_json_load:
 * @bytes: the file as downloaded or read
 * @display_name: how messages name the file ("feed.json", a URL)
 * @max_size: the largest file accepted, in bytes (after a UTF-8 BOM, which is tolerated)
 *
 * Checks the bytes (size, NUL bytes, UTF-8, nesting depth) and parses them. The tree is
 * mutable, so that a writer can edit it.
 *
 * Returns: (transfer full): the document's root, or %NULL with a %REMPART_JSON_ERROR whose
 *   message starts with @display_name
 */
JsonNode *
rempart_json_load (GBytes *bytes, const char *display_name, gsize max_size, GError **error)
{
  g_autoptr (JsonParser) parser = NULL;
  g_autoptr (GError) json_error = NULL;
  const char *data;
  gsize length;
  JsonNode *root;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = g_bytes_get_data (bytes, &length);
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      length -= 3;
    }

  if (!rempart_json_check (data, length, display_name, max_size, error))
    return NULL;

  parser = json_parser_new ();
  /* json-glib takes an empty document for an empty root (and GBytes may hold NULL). */
  if (length > 0 && !json_parser_load_from_data (parser, data, length, &json_error))
    {
      set_json_error (json_error, display_name, error);
      return NULL;
    }

  root = length > 0 ? json_parser_get_root (parser) : NULL;
  if (root == NULL)
    {
      g_set_error (error, REMPART_JSON_ERROR, REMPART_JSON_ERROR_INVALID_JSON,
                   _ ("%s: the file is empty; expected a JSON document"), display_name);
      return NULL;
    }

  return json_node_ref (root);
}

/* Returns: (nullable): the member, or NULL when absent or JSON null. */
JsonNode *
rempart_json_member (JsonObject *object, const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;

  return node;
}

/* A phrase for error messages: "is %s, not a string". */
const char *
rempart_json_type_name (JsonNode *node)
{
  switch (json_node_get_node_type (node))
    {
      case JSON_NODE_OBJECT:
        /* Translators: the kind of a JSON value, in errors such as “expected a string, found %s”
         * about a feed */
        return _ ("an object");
      case JSON_NODE_ARRAY:
        /* Translators: the kind of a JSON value, in errors such as “expected a string, found %s”
         * about a feed */
        return _ ("an array");
      case JSON_NODE_NULL:
        /* Translators: the kind of a JSON value, in errors such as “expected a string, found %s”
         * about a feed; null is the JSON keyword, keep it as is */
        return _ ("null");
      case JSON_NODE_VALUE:
      default:
        switch (json_node_get_value_type (node))
          {
            case G_TYPE_STRING:
              /* Translators: the kind of a JSON value, in errors such as “expected a string,
               * found %s” about a feed */
              return _ ("a string");
            case G_TYPE_BOOLEAN:
              return _ ("true or false");
            default:
              /* Translators: the kind of a JSON value, in errors such as “expected a string,
               * found %s” about a feed */
              return _ ("a number");
          }
    }
}
