/* rempart-feed-known.c: parsing a feed without reading again the items already known
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <openssl/evp.h>
#include <string.h>

#include "rempart-feed-parser-private.h"
#include "rempart-feed-parser.h"

/*
 * A group republishes its whole feed when one action changes, and most syncs bring a few new
 * items among thousands already imported. Building json-glib's tree of every item and
 * reading each into a RempartAction costs most of a sync, so rempart_feed_parse_known()
 * finds each item's raw text with a scan of the bytes, hashes it, and hands json-glib the
 * document with an empty items array, then each item that is not known on its own, one at
 * a time (rempart_parse_items_raw()). A first sync, where no item is known, reads every item
 * this way too: json-glib's tree of one item at a time costs far less to build and free than
 * the tree of 10,000 (issue 14).
 *
 * Why this accepts exactly what rempart_feed_parse() accepts: every byte check runs on the
 * whole document first (which also refuses comments and anything else outside strings that
 * is not JSON, so the scan cannot mistake one for structure); an item whose text is known was
 * part of a feed json-glib parsed before; and a JSON value is valid or not whatever surrounds
 * it, so the whole document is valid when the rest and each item read on its own are. An
 * item read from the same text gives the same action (the parser reads nothing else for it),
 * except the repeated-id rule, which depends on the items before it:
 * rempart_parse_items_raw() applies it to kept items too. Anything the scan does not
 * understand (the top level not an object, items not an array, an "items" key written with
 * escapes or twice, a syntax error anywhere) falls back to the whole parse, which also gives
 * the exact error message. The unit tests (test-feed-known.c) and the fuzz target
 * fuzz-feed-parser compare both parses, action by action and warning by warning.
 *
 * The hash names its recipe ("i1:"): bump it whenever the parser reads an item differently,
 * so that items are read again once.
 */

#define ITEM_HASH_PREFIX "i1:"

/* -------------------------------------------------------------------------------------- */
/* The scan                                                                               */
/* -------------------------------------------------------------------------------------- */

static gsize
skip_space (const char *data, gsize length, gsize i)
{
  while (i < length && (data[i] == ' ' || data[i] == '\t' || data[i] == '\n' || data[i] == '\r'))
    i++;
  return i;
}

/* @i is on an opening quote: returns the offset after the closing one, or 0. Sets
 * @out_escaped when the string holds a backslash. Strings are most of a feed's bytes: the
 * closing quote is looked for with memchr(), then the backslashes before it counted (an odd
 * number escapes it). */
static gsize
skip_string (const char *data, gsize length, gsize i, gboolean *out_escaped)
{
  gsize start = ++i;

  while (i < length)
    {
      const char *quote = memchr (data + i, '"', length - i);
      gsize q, backslashes = 0;

      if (quote == NULL)
        return 0;
      q = quote - data;
      while (q - backslashes > start && data[q - backslashes - 1] == '\\')
        backslashes++;
      if (backslashes % 2 == 0)
        {
          if (out_escaped != NULL && memchr (data + start, '\\', q - start) != NULL)
            *out_escaped = TRUE;
          return q + 1;
        }
      i = q + 1;
    }
  return 0;
}

/* @i is on the first byte of a value: returns the offset after it, or 0. Only the bounds of
 * the value are found; json-glib, or an earlier parse of the same text, checks the rest. */
static gsize
skip_value (const char *data, gsize length, gsize i)
{
  guint depth = 0;

  if (i >= length)
    return 0;

  if (data[i] != '{' && data[i] != '[')
    {
      if (data[i] == '"')
        return skip_string (data, length, i, NULL);
      /* A number or a literal ends at structure or space. */
      while (i < length && strchr (",:]} \t\n\r{[\"", data[i]) == NULL)
        i++;
      return i;
    }

  for (; i < length; i++)
    switch (data[i])
      {
        case '"':
          i = skip_string (data, length, i, NULL);
          if (i == 0)
            return 0;
          i--;
          break;
        case '{':
        case '[':
          depth++;
          break;
        case '}':
        case ']':
          if (--depth == 0)
            return i + 1;
          break;
        default:
          break;
      }
  return 0;
}

/* Finds the items of the top-level object's "items" array: @spans gets each element's text,
 * @out_open and @out_close the offsets of the array's brackets. FALSE when the document is
 * not that simple (see the comment at the top). */
static gboolean
split_items (const char *data, gsize length, GArray *spans, gsize *out_open, gsize *out_close)
{
  gboolean found = FALSE;
  gsize i = skip_space (data, length, 0);

  if (i >= length || data[i] != '{')
    return FALSE;
  i = skip_space (data, length, i + 1);
  if (i < length && data[i] == '}')
    return FALSE;

  for (;;)
    {
      gboolean escaped = FALSE;
      gsize key = i;
      gsize value;

      if (i >= length || data[i] != '"')
        return FALSE;
      i = skip_string (data, length, i, &escaped);
      if (i == 0 || escaped)
        return FALSE;
      value = skip_space (data, length, i);
      if (value >= length || data[value] != ':')
        return FALSE;
      value = skip_space (data, length, value + 1);

      if (i - key == strlen ("\"items\"") && memcmp (data + key, "\"items\"", i - key) == 0)
        {
          if (found || value >= length || data[value] != '[')
            return FALSE;
          found = TRUE;
          *out_open = value;
          i = skip_space (data, length, value + 1);
          if (i < length && data[i] == ']')
            *out_close = i;
          else
            for (;;)
              {
                RempartItemSpan span = { i, skip_value (data, length, i) };

                if (span.end <= span.start)
                  return FALSE;
                g_array_append_val (spans, span);
                i = skip_space (data, length, span.end);
                if (i < length && data[i] == ']')
                  {
                    *out_close = i;
                    break;
                  }
                if (i >= length || data[i] != ',')
                  return FALSE;
                i = skip_space (data, length, i + 1);
              }
          i++;
        }
      else
        {
          i = skip_value (data, length, value);
          if (i == 0)
            return FALSE;
        }

      i = skip_space (data, length, i);
      if (i < length && data[i] == '}')
        break;
      if (i >= length || data[i] != ',')
        return FALSE;
      i = skip_space (data, length, i + 1);
    }

  return found && skip_space (data, length, i + 1) == length;
}

/* SHA-256 from libcrypto, which uses the processor's SHA instructions: GLib's took a third
 * of a sync where one action changed. @ctx and @md are fetched once for all the items of a
 * feed: EVP_Digest() looks the algorithm up again for every call, which cost as much as the
 * digests of 10,000 items (6.5 against 3.9 ms). With @ctx NULL, or should libcrypto fail,
 * GLib's SHA-256 gives the same digest, slower. */
static char *
item_hash (EVP_MD_CTX *ctx, const EVP_MD *md, const char *text, gsize length)
{
  static const char hex[] = "0123456789abcdef";
  guchar digest[EVP_MAX_MD_SIZE] = { 0 };
  unsigned int size = 0;
  char *out;
  char *p;

  if (ctx == NULL || !EVP_DigestInit_ex (ctx, md, NULL) || !EVP_DigestUpdate (ctx, text, length) ||
      !EVP_DigestFinal_ex (ctx, digest, &size) || size != 32)
    {
      g_autofree char *sha =
          g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) text, length);

      return g_strconcat (ITEM_HASH_PREFIX, sha, NULL);
    }

  out = g_malloc (strlen (ITEM_HASH_PREFIX) + 2 * size + 1);
  p = g_stpcpy (out, ITEM_HASH_PREFIX);
  for (unsigned int i = 0; i < size; i++)
    {
      *p++ = hex[digest[i] >> 4];
      *p++ = hex[digest[i] & 0xf];
    }
  *p = '\0';
  return out;
}

/* -------------------------------------------------------------------------------------- */
/* Public API                                                                             */
/* -------------------------------------------------------------------------------------- */

struct _RempartFeedScan
{
  GBytes *bytes;
  char *display_name;
  const char *data; /* in @bytes, after a UTF-8 BOM */
  gsize length;
  gboolean simple; /* the byte checks passed and the scan found the items */
  GArray *spans;   /* of RempartItemSpan */
  GPtrArray *hashes;
  gsize open;
  gsize close;
};

/*
 * rempart_feed_scan_new:
 * @bytes: the file as downloaded
 * @display_name: how messages name the file
 *
 * The first half of rempart_feed_parse_known(), which needs no known hashes: the byte
 * checks, the scan of the items and their hashes. A sync runs it while the store reads the
 * hashes of the items it holds, then gives both to rempart_feed_scan_parse().
 *
 * Returns: (transfer full): the scan; whatever it found, rempart_feed_scan_parse() gives the
 *   feed or the error rempart_feed_parse() would
 */
RempartFeedScan *
rempart_feed_scan_new (GBytes *bytes, const char *display_name)
{
  RempartFeedScan *self;
  EVP_MD_CTX *ctx;
  EVP_MD *md;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);

  self = g_new0 (RempartFeedScan, 1);
  self->bytes = g_bytes_ref (bytes);
  self->display_name = g_strdup (display_name);
  self->spans = g_array_new (FALSE, FALSE, sizeof (RempartItemSpan));
  self->data = g_bytes_get_data (bytes, &self->length);
  if (self->length >= 3 && memcmp (self->data, "\xEF\xBB\xBF", 3) == 0)
    {
      self->data += 3;
      self->length -= 3;
    }

  self->simple =
      rempart_json_check (self->data, self->length, display_name, REMPART_FEED_MAX_SIZE, NULL) &&
      split_items (self->data, self->length, self->spans, &self->open, &self->close);
  if (!self->simple)
    return self;

  md = EVP_MD_fetch (NULL, "SHA256", NULL);
  ctx = md != NULL ? EVP_MD_CTX_new () : NULL;
  self->hashes = g_ptr_array_new_full (self->spans->len, g_free);
  for (guint i = 0; i < self->spans->len; i++)
    {
      RempartItemSpan *span = &g_array_index (self->spans, RempartItemSpan, i);

      g_ptr_array_add (self->hashes,
                       item_hash (ctx, md, self->data + span->start, span->end - span->start));
    }
  g_clear_pointer (&ctx, EVP_MD_CTX_free);
  g_clear_pointer (&md, EVP_MD_free);
  return self;
}

void
rempart_feed_scan_free (RempartFeedScan *self)
{
  if (self == NULL)
    return;

  g_bytes_unref (self->bytes);
  g_free (self->display_name);
  g_array_unref (self->spans);
  g_clear_pointer (&self->hashes, g_ptr_array_unref);
  g_free (self);
}

/*
 * rempart_feed_scan_parse:
 * @self: a scan from rempart_feed_scan_new()
 * @known: (nullable) (element-type utf8 utf8): item hash → action id, as
 *   rempart_feed_get_item_hash() gave them for the actions imported before
 * @error: a #RempartFeedError when the whole feed is rejected
 *
 * The second half of rempart_feed_parse_known(), on @self's bytes. It may be called once
 * per known table, from any one thread at a time.
 *
 * Returns: (transfer full): the feed, or %NULL with @error set
 */
RempartFeed *
rempart_feed_scan_parse (RempartFeedScan *self, GHashTable *known, GError **error)
{
  g_autoptr (GHashTable) empty = NULL;
  g_autoptr (JsonNode) root = NULL;
  g_autoptr (GBytes) part = NULL;
  g_autoptr (GString) text = NULL;
  RempartRawItems raw;
  RempartFeed *feed;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!self->simple)
    return rempart_feed_parse (self->bytes, self->display_name, error);

  if (known == NULL)
    known = empty = g_hash_table_new (g_str_hash, g_str_equal);

  /* The document with an empty items array; the items are read one by one from their text. */
  text = g_string_sized_new (self->open + 1 + (self->length - self->close));
  g_string_append_len (text, self->data, self->open + 1);
  g_string_append_len (text, self->data + self->close, self->length - self->close);
  part = g_string_free_to_bytes (g_steal_pointer (&text));

  /* Any failure is reported as the whole parse reports it, with its own positions. */
  raw.data = self->data;
  raw.spans = self->spans;
  raw.hashes = self->hashes;
  raw.known = known;
  root = rempart_feed_load_json (part, self->display_name, NULL);
  feed = root != NULL ? rempart_feed_parse_root (root, self->display_name, &raw, NULL) : NULL;
  if (feed == NULL)
    return rempart_feed_parse (self->bytes, self->display_name, error);

  return feed;
}

/*
 * rempart_feed_parse_known:
 * @bytes: the file as downloaded
 * @display_name: how messages name the file
 * @known: (nullable) (element-type utf8 utf8): item hash → action id, as
 *   rempart_feed_get_item_hash() gave them for the actions imported before
 * @error: a #RempartFeedError when the whole feed is rejected
 *
 * rempart_feed_parse(), except that an item whose hash is in @known is not read: its id is
 * in rempart_feed_get_kept_ids() instead of an action in rempart_feed_get_actions(). Every
 * action read has its item's hash (rempart_feed_get_item_hash()). The warnings are those of
 * the items read. A feed is accepted or rejected exactly as by rempart_feed_parse().
 * rempart_feed_scan_new() and rempart_feed_scan_parse() are the same in two steps.
 *
 * Returns: (transfer full): the feed, or %NULL with @error set
 */
RempartFeed *
rempart_feed_parse_known (GBytes *bytes,
                          const char *display_name,
                          GHashTable *known,
                          GError **error)
{
  g_autoptr (RempartFeedScan) scan = NULL;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  scan = rempart_feed_scan_new (bytes, display_name);
  return rempart_feed_scan_parse (scan, known, error);
}

/*
 * rempart_feed_item_hash_is_current:
 *
 * Whether @hash was made by this version's recipe: a store keeps the others out of the
 * table it gives rempart_feed_parse_known() (they would never match anyway).
 */
gboolean
rempart_feed_item_hash_is_current (const char *hash)
{
  return hash != NULL && g_str_has_prefix (hash, ITEM_HASH_PREFIX);
}
